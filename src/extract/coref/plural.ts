/**
 * "they" and "their" for a named group the parse ties them to, where coref.group-pronoun-clause's types or ties stop
 * (coref15, issue 23):
 *  - a verb phrase coordinated with one whose subject is the group has no subject of its own and shares that one:
 *    "Socotra takes pride in its eco-tourism and values their plants" (the conjunct's "their" is the group's, as it
 *    would be in the first conjunct);
 *  - a subject headed by a plural noun is a plural antecedent whatever its entity's type: "The islands are in their
 *    own time zone" (a description of the Chatham Islands, a place), "The Chatham Islands … their".
 * Most "they" in news are people no name stands for; like the group rule, these take only a pronoun the parse ties to
 * a subject, with no unnamed plural noun between (docs/coref.md).
 */
import type { Doc, Entity, Mention } from '../../doc.js';
import { PRONOUNS } from '../gazetteer-lists.js';
import { findQuoteSpans } from '../quotes.js';
import { defineRule } from '../../rules/registry.js';
import { set } from '../../lexicon/index.js';
import { linkFields } from './confidence.js';
import { pluralKind } from './kinds.js';
import { coordinated, otherObject, otherPlural, pluralNounBetween, REPORTED, THEY_TYPES } from './groups.js';
import { labelRule, spanAt, turnLabels } from './rules.js';
import { sharedSubject, subjectOf } from './subjects.js';
import { lw, tokenOwners } from './mentions.js';

export const sharedSubjectRule = defineRule({
  id: 'coref.their-shared-subject',
  stage: 'coref',
  action: 'label',
  summary: '"their" in a verb phrase coordinated with one whose subject is a named organisation, government or group, the second phrase having no subject of its own, is that subject\'s ("Portugal won the first game and lost their second match"), and so is "they" in a clause such a phrase reports ("The Arapaho have plans … and report they are considering …"): coordinated verb phrases share their subject; not past an unnamed plural noun',
  fires: ['Portugal won the first game on Monday and lost their second match on Sunday.', 'Greenpeace bought a ship in May and sent their crew to Norway.', 'Greenpeace bought a ship in May and said they would sail to Norway.'],
  spares: ['Portugal beat the Dutch players on Monday and praised their coach.', 'Portugal won the first game on Monday, and the fans lost their voices.'],
  source: 'src/extract/coref/plural.ts',
});

export const pluralMentionRule = defineRule({
  id: 'coref.they-plural-mention',
  stage: 'coref',
  action: 'label',
  summary: '"they"/"their" tied by the parse to a subject headed by a plural noun that is a mention of a named place or organisation ("The islands are in their own time zone" after the Chatham Islands; "The Faroe Islands said they …"): a plural subject is a plural antecedent whatever its entity\'s type; the same ties and guards as coref.group-pronoun-clause',
  fires: ['The Kestrel Islands lie far to the east. The islands are in their own time zone.', 'The Kestrel Islands lie far to the east. The islands are volcanic. They have a mild climate.'],
  spares: ['The Kestrel Islands lie far to the east. The island is in their own time zone.', 'The Kestrel Islands lie far to the east. Some islands are in their own time zone.', 'The Kestrel Islands lie far to the east. The islands welcome tourists to their beaches.'],
  source: 'src/extract/coref/plural.ts',
});

export const relativeGroupRule = defineRule({
  id: 'coref.their-relative-group',
  stage: 'coref',
  action: 'label',
  summary: '"their" inside a relative clause on a named organisation, government or group, when the clause\'s own subject is a single person ("Barstool Sports, where she wrote for their site"): the person cannot be "their", the group the clause is about can; not past an unnamed plural noun',
  fires: ['Anna Berg worked at Kestrel Sports, where she wrote for their website.'],
  spares: ['Anna Berg worked at Kestrel Sports, where the volunteers wrote for their website.', 'Anna Berg worked at Kestrel Sports, where she wrote about the players and their families.'],
  source: 'src/extract/coref/plural.ts',
});

/** How a pronoun is tied to the subject it was found through. */
type Tie = 'reported' | 'possessive' | 'shared' | 'conjunct' | 'relative' | 'previous';

/** Clause relations a possessive's climb to its clause's subject does not cross (the clause has a subject of its own, unsaid). */
const CLAUSE_BOUNDARY = set('deprels', { uses: 'coref-clause-boundary' });

/**
 * For they/their at i, the subject token the parse ties it to and how: "they" as the subject of a reported or coordinated
 * clause (its governing clause's subject), "their" of such a subject, or "their" elsewhere in a clause (the clause's
 * subject, through open clauses and coordinated verb phrases that have none of their own). null when none.
 */
function tiedSubject(doc: Doc, i: number): { subj: number; tie: Tie } | null {
  const toks = doc.tokens;
  const w = lw(toks[i]);
  // "They said their fighters …": a possessive of a subject reads as that subject
  const at = w === 'their' && toks[i].deprel === 'nmod:poss' && /^nsubj/.test(toks[toks[i].head ?? i].deprel ?? '') ? toks[i].head! : i;
  if (/^nsubj/.test(toks[at].deprel ?? '')) {
    const verb = toks[at].head ?? -1;
    const rel = verb >= 0 ? (toks[verb].deprel ?? '').split(':')[0] : '';
    if (!REPORTED.has(rel) && rel !== 'conj') return at === i ? previousSubject(doc, i) : null;
    const gov = toks[verb].head ?? -1;
    // "The Arapaho have plans … and report they are considering …": the reporting verb phrase shares its subject
    const up = gov >= 0 && rel !== 'conj' ? sharedSubject(doc, gov) : { subj: gov >= 0 ? subjectOf(doc, gov) : -1, shared: false };
    if (up.subj < 0 || up.subj === at) return null;
    return { subj: up.subj, tie: up.shared ? 'shared' : rel === 'conj' ? 'conjunct' : 'reported' };
  }
  if (w !== 'their') return null;
  // climb to the clause that has a subject; an open clause (xcomp) takes its controller's, a coordinated verb phrase
  // its first conjunct's
  let shared = false;
  let h = toks[i].head ?? -1;
  for (let n = 0; h >= 0 && n < 10; n++) {
    const subj = subjectOf(doc, h);
    if (subj >= 0) {
      if (subj === i) return null;
      // "Barstool Sports, where she wrote for their site": a relative clause whose subject is one person is about the
      // group it hangs on
      if (toks[h].deprel === 'acl:relcl' && singularPerson(doc, subj)) return { subj: toks[h].head ?? -1, tie: 'relative' };
      return { subj, tie: shared ? 'shared' : 'possessive' };
    }
    const rel = (toks[h].deprel ?? '').split(':')[0];
    if (rel === 'conj' && (toks[h].upos === 'VERB' || toks[h].upos === 'AUX')) shared = true;
    else if (CLAUSE_BOUNDARY.has(rel) || (rel === 'conj' && isClauseHead(doc, h))) return null;
    h = toks[h].head ?? -1;
  }
  return null;
}

/** For "they" as main subject of its sentence, the main subject of the sentence before (its head token); else null. */
function previousSubject(doc: Doc, i: number): { subj: number; tie: Tie } | null {
  const toks = doc.tokens;
  const v = toks[i].head ?? -1;
  if (lw(toks[i]) !== 'they' || !/^nsubj/.test(toks[i].deprel ?? '') || v < 0 || (toks[v].head ?? -1) >= 0) return null;
  const sent = toks[i].sentence;
  if (sent === 0) return null;
  const prev = doc.sentences[sent - 1];
  for (let k = prev.tokenStart; k < prev.tokenEnd; k++) {
    const h = toks[k].head ?? -1;
    if (/^nsubj/.test(toks[k].deprel ?? '') && h >= 0 && (toks[h].head ?? -1) < 0) return { subj: k, tie: 'previous' };
  }
  return null;
}

/** Token k is "he"/"she"/"I" or a person's name: one person, who is not "their". */
function singularPerson(doc: Doc, k: number): boolean {
  // "where Gandhi and Kallenbach trained their disciples": a coordinated subject is plural
  if (coordinated(doc, k)) return false;
  const p = PRONOUNS.get(lw(doc.tokens[k]));
  if (p) return p.number === 's' && (p.person === 1 || p.gender === 'm' || p.gender === 'f');
  return doc.tokens[k].xpos === 'NNP' && doc.entities.some((e) => e.type === 'PERSON' && e.mentions.some((m) => m.kind === 'name' && m.start <= doc.tokens[k].start && m.end >= doc.tokens[k].end));
}

/** Token h heads a clause: a verb, or a predicate with a copula. */
function isClauseHead(doc: Doc, h: number): boolean {
  if (doc.tokens[h].upos === 'VERB') return true;
  for (const c of doc.dependents()[h]) if (doc.tokens[c].deprel === 'cop') return true;
  return false;
}

/** The subject token k heads a plural noun phrase that is a mention of a named place, facility or organisation. */
function pluralMention(doc: Doc, owners: (Entity | undefined)[], k: number): boolean {
  const e = owners[k];
  const t = doc.tokens[k];
  if (!e || e.type === 'PERSON' || (t.xpos !== 'NNS' && t.xpos !== 'NNPS')) return false;
  // the head of its phrase, not a modifier inside a longer name ("Islands Council")
  if (owners[k + 1] === e && doc.tokens[k + 1]?.sentence === t.sentence) return false;
  // a description read far from its name ("The governors were at the height of their power" pages after "State
  // Governors"): description-name-head's long reach is where its wrong links are (coref10: ≤ 7 sentences back 31 of 35
  // right, further 2 of 10); the plural pronoun would inherit the error
  const own = e.mentions.find((m) => m.start <= t.start && m.end >= t.end);
  if (own && own.kind !== 'name' && !e.mentions.some((m) => m.kind === 'name' && m.start < own.start && t.sentence - doc.tokens[doc.tokenAt(m.start)].sentence <= DESCRIPTION_REACH)) return false;
  // "some governors", "two islands": a part or a number of them is not the whole the name stands for
  for (const c of doc.dependents()[k]) {
    const d = doc.tokens[c];
    if (d.deprel === 'nummod' || (d.deprel === 'det' && !DEFINITE.has(lw(d)))) return false;
  }
  return true;
}

/** Sentences back a description's name may lie for the description to stand as a plural antecedent. */
const DESCRIPTION_REACH = 7;

/** Determiners of a definite description ("the", "these"): a plural so introduced is the whole group. */
const DEFINITE = set('function-words', { uses: 'coref-definite' });

/**
 * Token k is one of a coordination: it has a conjunct, is one, or its phrase follows "and"/"or" (a misparse may hang
 * "Arab states and the Arab League" apart: the League is then a subject of its own).
 */
function conjoined(doc: Doc, k: number): boolean {
  const toks = doc.tokens;
  if (coordinated(doc, k) || toks[k].deprel === 'conj') return true;
  let first = k;
  for (const c of doc.dependents()[k]) if (c < first) first = c;
  return first > 0 && toks[first - 1].upos === 'CCONJ' && toks[first - 1].sentence === toks[k].sentence;
}

/** A plural no entity owns (noun, pronoun, "those") lies between tokens a and b. */
function otherPluralBetween(doc: Doc, owners: (Entity | undefined)[], a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) if (otherPlural(doc, owners, k)) return true;
  return false;
}

/** Token i becomes a pronoun mention of entity e, with the rule's calibrated confidence. */
function link(doc: Doc, e: Entity, i: number, basis: string): void {
  const t = doc.tokens[i];
  const m: Mention = { start: t.start, end: t.end, text: t.text, kind: 'pronoun', type: e.type, entity: e.id, source: 'coref', ...linkFields(basis) };
  e.mentions.push(m);
}

/** Link they/their that the group rules left, by a plural subject or a shared subject. */
export function linkPluralPronouns(doc: Doc): void {
  if (!sharedSubjectRule.enabled && !pluralMentionRule.enabled && !relativeGroupRule.enabled) return;
  const toks = doc.tokens;
  const pronouns: number[] = [];
  for (let i = 0; i < toks.length; i++) if (/^(?:they|their)$/i.test(toks[i].text)) pronouns.push(i);
  if (!pronouns.length) return;
  const owners = tokenOwners(doc);
  // the quotations and turn labels only once a pronoun has found its group (most find none)
  let spans: { quoted: { start: number; end: number }[]; labels: { start: number; end: number }[] } | undefined;
  for (const i of pronouns) {
    if (owners[i]) continue;
    const found = tiedSubject(doc, i);
    if (!found || found.subj > i) continue;
    const { subj, tie } = found;
    const e = owners[subj];
    if (!e || conjoined(doc, subj)) continue;
    const plural = pluralMention(doc, owners, subj);
    const group = THEY_TYPES.has(e.type) || pluralKind(doc, e);
    const rule = tie === 'relative' ? (group || plural ? relativeGroupRule : null) : plural ? pluralMentionRule : tie === 'shared' && group ? sharedSubjectRule : null;
    // the sentence before: only a plural subject carries on, past no other plural ("The islands lie far east. They …")
    if (tie === 'previous' && (!plural || otherPluralBetween(doc, owners, subj, i))) continue;
    if (!rule || !rule.enabled) continue;
    spans ??= { quoted: findQuoteSpans(doc.text), labels: labelRule.enabled ? turnLabels(doc.text) : [] };
    if (spanAt(spans.labels, toks[subj].start) >= 0) continue;
    // a plural noun no name stands for between the group and the pronoun is the likelier antecedent
    if (pluralNounBetween(doc, owners, subj, i)) continue;
    // "the Navy saved 200 more after they were found": the governing verb's object is the likelier one
    if (tie === 'reported' && otherObject(doc, owners, toks[subj].head ?? -1, i, e, false)) continue;
    // inside a quotation, only a group named inside the same quotation
    if (spanAt(spans.quoted, toks[i].start) !== spanAt(spans.quoted, toks[subj].start)) continue;
    link(doc, e, i, rule.id);
    owners[i] = e;
    rule.fired(toks[i].start, toks[i].end);
  }
}
