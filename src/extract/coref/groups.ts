/**
 * "they", "their", "them" and "it" for organisations, governments and groups, by syntax only.
 *
 * Most "they" in news are people no name stands for ("officials said they …"), and most "it" is a
 * thing or no referent at all ("it is clear that …"): a nearest-name rule links them at 0.6
 * (docs/coref.md). What stays sure is a pronoun the parse ties to a named group in its own
 * sentence:
 *  - the subject of a clause that hangs on a clause whose subject is the group: "Hamas said they
 *    would free …", "The ministry of Ruritania said it would …" (the reported clause's subject is
 *    most often the speaker);
 *  - a possessive "their" outside its clause's subject, when that subject is the group:
 *    "Muslims are required to make a pilgrimage during their lifetimes".
 * A pronoun inside a quotation never goes to a group named outside it (the speaker says "we").
 */
import type { Doc, Entity, Mention, Token } from '../../doc.js';
import { PRONOUNS, ROLE_NOUNS } from '../gazetteer-lists.js';
import { findQuoteSpans } from '../quotes.js';
import { defineRule } from '../../rules/registry.js';
import { set } from '../../lexicon/index.js';
import { linkFields } from './confidence.js';
import { itByKind, kindPronounRule, pluralKind } from './kinds.js';
import { frontedBeforeSubject, governingSubject, governingVerb, isMainSubject, isMainSubjectToken, labelRule, spanAt, turnLabels } from './rules.js';
import { subjectOf } from './subjects.js';
import { lw, tokenOwners } from './mentions.js';
import { placeKinds } from './places.js';
import { peoplePart } from './plural-parts.js';
import { itsRelativeRule, relativeItsSubject } from './pronouns-relative.js';
import { possessorPhraseRule, possessorPhraseSubject } from './pronouns-possessor.js';
import { copularAdverbialIt, itCopularClauseRule } from './pronouns-it-copular.js';
import { classifiedName, itFrontedClassifierRule, placeNoBody, subjectClassifierRule, theyPastPlaceRule } from './pronouns-they-agree.js';

export const groupPronounRule = defineRule({
  id: 'coref.group-pronoun-clause',
  stage: 'coref',
  action: 'label',
  summary: '"they"/"their" and "it" tied by the parse to a named organisation, government or group in their own sentence: the subject of a clause hanging on a clause whose subject is the group ("Hamas said they would …", "Norvalia said it would …"), or "their" outside its clause\'s subject when that subject is the group ("Muslims are required to make a pilgrimage during their lifetimes"); never from inside a quotation to a name outside it',
  fires: ['Hamas said that they had delivered the bodies to the Red Cross.', 'The Kenyan Wildlife Service said it would close the park for a week.', 'Across the region, Kurds are expected to vote for their own candidates.'],
  spares: ['"They will pay for this," Hamas said in a statement.', 'Greenpeace said it is time for a new treaty.', 'NATO never withdrew the pledge, but they did.'],
  source: 'src/extract/coref/groups.ts',
});

/** Entity types "they" may stand for. */
export const THEY_TYPES = new Set(['ORG', 'NORP', 'GPE']);
/** Entity types "it" may stand for. */
const IT_TYPES = new Set(['ORG', 'GPE']);

/** Clauses that report or explain what their governing clause's subject does: "said (that) they …", "… before they …". */
export const REPORTED = new Set(['ccomp', 'advcl']);

/** Token k has a dependent (after token `after`, when given) that `is` accepts; from the parse's shared dependents lists. */
function hasDependent(doc: Doc, k: number, is: (t: Token) => boolean, after = -1): boolean {
  for (const c of doc.dependents()[k]) if (c > after && is(doc.tokens[c])) return true;
  return false;
}

const isCop = (t: Token): boolean => t.deprel === 'cop';

/** The verb is "be" or has a copula ("it is time", "it's about …"). */
function isCopular(doc: Doc, v: number): boolean {
  return doc.tokens[v].lemma === 'be' || hasDependent(doc, v, isCop);
}

/** A plural common noun no entity owns lies between tokens a and b. */
export function pluralNounBetween(doc: Doc, owners: (Entity | undefined)[], a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) if (!owners[k] && (doc.tokens[k].xpos === 'NNS' || doc.tokens[k].xpos === 'NNPS')) return true;
  return false;
}

/** Verb v has an object before token b that is not entity e's (`named`: only another entity's). */
export function otherObject(doc: Doc, owners: (Entity | undefined)[], v: number, b: number, e: Entity, named: boolean): boolean {
  if (v < 0) return false;
  const s = doc.sentences[doc.tokens[v].sentence];
  for (let k = s.tokenStart; k < b; k++) {
    if (doc.tokens[k].head !== v || (doc.tokens[k].deprel !== 'obj' && doc.tokens[k].deprel !== 'iobj') || owners[k] === e) continue;
    if (!named || owners[k]) return true;
  }
  return false;
}

/**
 * The subject of the clause that governs token i; for an open clause with no subject of its own, the subject
 * that controls it ("Kurds are expected to vote for their candidates": vote ← xcomp ← expected ← Kurds).
 */
function controllingSubject(doc: Doc, i: number): number {
  const toks = doc.tokens;
  let v = governingVerb(doc, i);
  for (let up = 0; v >= 0 && up < 3; up++) {
    const subj = subjectOf(doc, v);
    if (subj >= 0) return subj;
    if (toks[v].deprel !== 'xcomp') return -1;
    v = toks[v].head ?? -1;
  }
  return -1;
}

export const itParallelRule = defineRule({
  id: 'coref.it-parallel-subject',
  stage: 'coref',
  action: 'label',
  summary: '"it" as the main subject of its sentence, after a sentence whose main subject is a named organisation or place (or an "it" this rule linked to one), is that organisation or place (the subject goes on being the topic); not a copular "it" with a clause of its own ("It is time to …"), not past a nearer singular subject',
  fires: ['Greenpeace opened an office in Nairobi in May. It plans to hire forty people.'],
  spares: ['Greenpeace opened an office in Nairobi in May. It is time to hire more people.', 'Greenpeace opened an office in Nairobi in May. It was reported that the office would close in June.'],
  source: 'src/extract/coref/groups.ts',
});

/** Clausal dependents that make a copular "it" a placeholder ("it is time to …", "it is clear that …"). */
const EXTRAPOSED = new Set(['ccomp', 'csubj', 'xcomp', 'acl', 'advcl', 'parataxis']);

/** For "it" heading its sentence's main clause as subject, the token of the previous sentence's named main subject (an organisation or place), or -1. */
function previousMainSubject(doc: Doc, owners: (Entity | undefined)[], quoted: readonly { start: number; end: number }[], i: number): number {
  const toks = doc.tokens;
  if (!/^nsubj/.test(toks[i].deprel ?? '')) return -1;
  const v = toks[i].head ?? -1;
  if (v < 0 || (toks[v].head ?? -1) >= 0) return -1;
  const sent = toks[i].sentence;
  // a placeholder: "It is time to …", "It was reported that …" (coref13: the passive, 5 wrong links of 5 on unlabelled prose)
  if (placeholderIt(doc, i)) return -1;
  if (sent === 0) return -1;
  const prev = doc.sentences[sent - 1];
  for (let k = prev.tokenStart; k < prev.tokenEnd; k++) {
    const e = owners[k];
    if (!e || !(IT_TYPES.has(e.type) || itByKind(doc, e))) continue;
    const m = e.mentions.find((x) => (x.kind === 'name' || x.kind === 'nominal' || (x.kind === 'pronoun' && /^it$/i.test(x.text))) && x.start <= toks[k].start && x.end >= toks[k].end);
    if (!m || !isMainSubject(doc, m)) continue;
    // "Although the region is small, it is …", "The Red Cross said the convoy had reached Goma. It will …": a singular noun
    // subject (outside any quotation) that is not the candidate's, between it and "it", is nearer
    // ("If it strengthened, it would …", "So it's not just about what the federation thinks. It's …": an "it" that is not the
    // name's, in either sentence, speaks of something else)
    for (let j = prev.tokenStart; j < i; j++) if (/^it$/i.test(toks[j].text) && owners[j] !== e) return -1;
    for (let j = k + 1; j < i; j++) {
      if (!/^nsubj/.test(toks[j].deprel ?? '') || (toks[j].xpos !== 'NN' && toks[j].xpos !== 'NNP') || owners[j] === e) continue;
      if (spanAt(quoted, toks[j].start) < 0) return -1;
    }
    return k;
  }
  return -1;
}

export const itCataphoraRule = defineRule({
  id: 'coref.it-fronted-cataphora',
  stage: 'coref',
  action: 'label',
  summary: '"it"/"its" inside a phrase or clause fronted before its sentence\'s main subject ("Owing to its history, Lodz has …", "Although it is small, Tulsa …") stands for that subject when it is a named organisation or place, as a fronted "his" does for a person (coref.fronted-phrase-cataphora); not past another organisation or place named earlier in the sentence, not a placeholder "it is clear that …"',
  fires: ['Despite its small size, Lisbon exports a lot of wine.', 'Although it is a small town, Lisbon attracts many visitors.'],
  spares: ['Despite its small size, the town exports a lot of wine.', 'Although it is clear that prices rose, Lisbon attracts many visitors.'],
  source: 'src/extract/coref/groups.ts',
});

export const itConjunctRule = defineRule({
  id: 'coref.it-conjunct-subject',
  stage: 'coref',
  action: 'label',
  summary: '"it" as the subject of a clause coordinated with one whose subject is a named organisation or place (or a mention linked to one: "The star is 650 light years away, but it is 300 million years old") is that subject: a conjunct keeps its subject\'s referent; not a placeholder "it is clear that …", not after an object noun of the first clause no name stands for',
  fires: ['The Kestrel Museum is small, but it draws a million visitors a year.'],
  spares: ['The Kestrel Museum is small, but it is clear that visitors like the place.', 'The Kestrel Museum bought a painting, and it was shown in May.'],
  source: 'src/extract/coref/groups.ts',
});

export const itTopicRule = defineRule({
  id: 'coref.its-topic-subject',
  stage: 'coref',
  action: 'label',
  summary: '"its" in a sentence after one whose main subject is a named organisation or place, when no noun subject of its own sentence or clause comes before it and no other organisation, place or "it" comes between: the topic goes on ("Easter Island is located 2300 miles off the coast and 1,100 miles from its nearest neighbour"); "it" is left to coref.it-parallel-subject (as object or in a subordinate clause it was most often something else on unlabelled Wikinews)',
  fires: ['Kestrel Bank opened in 1990. It doubled its size in 2005.'],
  spares: ['Kestrel Bank opened in 1990. The new branch doubled its size.', 'Kestrel Bank opened in 1990. Customers say it is too small.'],
  source: 'src/extract/coref/groups.ts',
});

/** For it/its at i: the previous sentence's main subject token when it is an organisation or place and nothing nearer competes; else -1. */
function topicItSubject(doc: Doc, owners: (Entity | undefined)[], i: number): number {
  const toks = doc.tokens;
  const sent = toks[i].sentence;
  if (sent === 0 || lw(toks[i]) !== 'its') return -1;
  const prev = doc.sentences[sent - 1];
  let subj = -1;
  for (let k = prev.tokenStart; k < prev.tokenEnd && subj < 0; k++) {
    const e = owners[k];
    if (!e || !(IT_NAMED_TYPES.has(e.type) || itByKind(doc, e))) continue;
    const m = e.mentions.find((x) => x.start <= toks[k].start && x.end >= toks[k].end);
    if (m && isMainSubject(doc, m)) subj = k;
  }
  if (subj < 0) return -1;
  const e = owners[subj]!;
  // another organisation or place, or an "it" not the subject's, between them is nearer
  for (let k = subj + 1; k < i; k++) {
    if (owners[k] && owners[k] !== e && owners[k]!.type !== 'PERSON') return -1;
    if (!owners[k] && /^(?:it|its)$/i.test(toks[k].text)) return -1;
  }
  // the pronoun's own clause has a subject of its own before it that is not the topic's
  const v = governingVerb(doc, i);
  const own = v >= 0 ? subjectOf(doc, v) : -1;
  if (own >= 0 && own !== i && own < i && owners[own] !== e && !(toks[i].head === own)) return -1;
  // "At its peak, the presidency's jurisdiction included …", "In its 2013 ranking, The Trust for Public Land …": a phrase
  // fronted before a main subject that is another thing is that subject's (coref.it-fronted-cataphora's reading)
  const fronted = frontedBeforeSubject(doc, i);
  if (fronted >= 0 && owners[fronted] !== e && owners[fronted]?.type !== 'PERSON') return -1;
  // "After LTCM failed to raise more money on its own": a name no entity stands for in its sentence may be what it means
  for (let k = doc.sentences[sent].tokenStart; k < i; k++) if (!owners[k] && toks[k].upos === 'PROPN') return -1;
  // nor a noun subject of the sentence's main clause before it ("Microsoft's Internet Explorer 6 is … measured by its
  // durability", "neither side could score as it ended 0 – 0"): the sentence has a topic of its own
  const s = doc.sentences[sent];
  for (let k = s.tokenStart; k < i; k++) {
    const h = toks[k].head ?? -1;
    if (/^nsubj/.test(toks[k].deprel ?? '') && h >= 0 && (toks[h].head ?? -1) < 0 && isNoun(toks[k]) && owners[k] !== e) return -1;
  }
  return subj;
}

/** Entity types "it" stands for in the cataphora and conjunct rules: organisations and places of every kind. */
const IT_NAMED_TYPES = new Set(['ORG', 'GPE', 'LOC', 'FAC']);

/** "it" at i heads a copular clause with a clause of its own ("it is clear that …", "it is time to …"): a placeholder. */
function placeholderIt(doc: Doc, i: number): boolean {
  const toks = doc.tokens;
  if (lw(toks[i]) !== 'it') return false;
  // the parse may say so itself
  if ((toks[i].deprel ?? '').startsWith('expl')) return true;
  if (!/^nsubj/.test(toks[i].deprel ?? '')) return false;
  const v = toks[i].head ?? -1;
  if (v < 0) return false;
  // "It was initially reported the fire started …": a passive with a clause of its own
  if (toks[i].deprel === 'nsubj:pass' && hasDependent(doc, v, (t) => /^(?:ccomp|csubj)/.test(t.deprel ?? ''))) return true;
  return isCopular(doc, v) && hasDependent(doc, v, (t) => EXTRAPOSED.has((t.deprel ?? '').split(':')[0]));
}

/** For it/its at i in a phrase fronted before the main subject, the subject's token when it is a named organisation or place; else -1. */
function frontedItSubject(doc: Doc, owners: (Entity | undefined)[], i: number): number {
  const subj = frontedBeforeSubject(doc, i);
  if (subj < 0 || placeholderIt(doc, i)) return -1;
  // "It went on to sell a million copies. Shortly after its release, the Chemical Brothers signed …": after a sentence
  // about an "it" no name stands for, the fronted "its" is most often that one
  const si = doc.tokens[i].sentence;
  if (si > 0) {
    const prev = doc.sentences[si - 1];
    for (let k = prev.tokenStart; k < prev.tokenEnd; k++) {
      const t = doc.tokens[k];
      if (lw(t) === 'it' && !owners[k] && /^nsubj/.test(t.deprel ?? '') && (doc.tokens[t.head ?? 0].head ?? -1) < 0) return -1;
    }
  }
  // "After Orbis bought its rival, Tarrow …": an organisation or place named before the pronoun is nearer
  const sent = doc.sentences[doc.tokens[i].sentence];
  for (let k = sent.tokenStart; k < i; k++) if (owners[k] && owners[k]!.type !== 'PERSON') return -1;
  // "In its Sunday edition, British newspaper The Observer had …": the noun classes the name after it
  frontedClassifier = false;
  if (!owners[subj] && itFrontedClassifierRule.enabled) {
    const name = classifiedName(doc, owners, subj);
    if (name >= 0) {
      frontedClassifier = true;
      return name;
    }
  }
  return subj;
}

/** The last subject frontedItSubject found is a name a classifying noun heads (coref.it-fronted-classifier-name). */
let frontedClassifier = false;

/** For "it" subject of a conjunct, the first conjunct's subject token (before "it"); else -1. */
function conjunctItSubject(doc: Doc, owners: (Entity | undefined)[], i: number): number {
  const toks = doc.tokens;
  if (lw(toks[i]) !== 'it' || !/^nsubj/.test(toks[i].deprel ?? '') || placeholderIt(doc, i)) return -1;
  const v = toks[i].head ?? -1;
  if (v < 0 || (toks[v].deprel ?? '') !== 'conj') return -1;
  const gov = toks[v].head ?? -1;
  if (gov < 0) return -1;
  const subj = subjectOf(doc, gov);
  if (subj < 0 || subj > i) return -1;
  // "The museum bought a painting, and it was shown": an object no name stands for is the likelier "it"
  // ("Iran hosted the 2017 Women's World Championship and it was boycotted": a named object too)
  for (let k = subj + 1; k < i; k++) if (toks[k].head === gov && (toks[k].deprel === 'obj' || toks[k].deprel === 'iobj') && owners[k] !== owners[subj]) return -1;
  return subj;
}

export const peopleTheyRule = defineRule({
  id: 'coref.people-they',
  stage: 'coref',
  action: 'label',
  summary: '"they", "their", "them" after a people named by a plural noun ("the Palestinians", "Kurds", "Thais") or an organisation whose name ends in one ("Proud Boys", "Amazon Web Services") in their own sentence, or as the subject of the sentence before: that people, when no other plural (noun, pronoun, "those") lies between, no other plural is the subject of a clause over the pronoun, and the people is no predicate ("are Muslims") or partitive ("all of the Armenians")',
  fires: ['The envoy met the Palestinians on Monday, but in the end they walked out.', 'The Kurds fought beside us in Syria. Leaving them now is a mistake.'],
  spares: ['The envoy met the Palestinians and the diplomats on Monday, but they walked out.', 'Negotiators met the Palestinians on Monday, but in the end they walked out.', 'Many of the girls are Muslims. They still pray.'],
  source: 'src/extract/coref/groups.ts',
});

/** Deprels of a word that modifies a noun rather than heading a phrase of its own ("Palestinian leaders"). */
const MODIFIER = new Set(['amod', 'compound', 'flat']);

/** Token k names a people by a plural noun ("the Palestinians", "Kurds") or ends an organisation's plural name ("Proud Boys"). */
export function pluralPeople(doc: Doc, owners: (Entity | undefined)[], k: number): boolean {
  const e = owners[k];
  const t = doc.tokens[k];
  // a band or a team the text calls so ("rock band Grateful Dead"), whatever type the recogniser gave it: its last name
  // word, as for a plural name
  const collective = e !== undefined && e.type !== 'PERSON' && pluralKind(doc, e) && owners[k + 1] !== e && e.mentions.some((m) => m.kind !== 'pronoun' && m.end === t.end);
  if (!e || (e.type !== 'NORP' && e.type !== 'ORG' && !collective)) return false;
  // an organisation only when its name ends in a plural noun ("Proud Boys", "Amazon Web Services"; not "Congress")
  if (e.type === 'ORG' && !collective && (t.xpos !== 'NNPS' || /ss$/i.test(t.text) || owners[k + 1] === e)) return false;
  // (a band's name may be parsed as a modifier of what follows the conjunction: "the Grateful Dead and their members")
  if (MODIFIER.has((t.deprel ?? '').split(':')[0]) && !(collective && !isNoun(doc.tokens[k + 1]))) return false;
  // "all of the Armenians", "some of the Kurds": a partitive's "they" is the part, not the people
  const h = t.head ?? -1;
  if (h >= 0 && h < k && /^(DET|NUM|PRON|ADJ)$/.test(doc.tokens[h].upos ?? '')) {
    for (let j = h + 1; j < k; j++) if (doc.tokens[j].head === k && lw(doc.tokens[j]) === 'of') return false;
  }
  return collective || t.xpos === 'NNPS' || t.xpos === 'NNS' || /\p{Ll}s['’]?$/u.test(t.text);
}

const isNoun = (t: Token | undefined): boolean => t !== undefined && (t.upos === 'NOUN' || t.upos === 'PROPN');

/** "those", "these" standing as a noun phrase ("for those who …"): a plural nearer than the people. */
const PLURAL_DEMONSTRATIVES = set('function-words', { uses: 'coref-plural-demonstrative' });

/** Token k is a plural that is no entity's: a plural noun, a plural pronoun, or a demonstrative standing as a noun phrase. */
export function otherPlural(doc: Doc, owners: (Entity | undefined)[], k: number): boolean {
  const t = doc.tokens[k];
  if (owners[k]) return false;
  if (t.xpos === 'NNS' || t.xpos === 'NNPS') return true;
  const p = PRONOUNS.get(lw(t));
  if (p && p.number === 'p' && p.person === 3) return true;
  return PLURAL_DEMONSTRATIVES.has(lw(t)) && t.deprel !== 'det';
}

/**
 * For an unlinked they/their/them at i: the nearest plural people noun before it — in its own sentence, or as a
 * subject in the sentence before — with no other plural between and no other plural subject governing the
 * pronoun's clause ("Those entrusted with power must answer to Americans what they are doing"), or -1.
 */
function nearestPeople(doc: Doc, owners: (Entity | undefined)[], i: number): number {
  const toks = doc.tokens;
  const sent = toks[i].sentence;
  const first = doc.sentences[Math.max(0, sent - 1)].tokenStart;
  for (let k = i - 1; k >= first; k--) {
    const e = owners[k];
    if (e && pluralPeople(doc, owners, k)) {
      // "the thirteen Democrats", "the Palestinians and Israelis": the part or the pair, no name's
      if (peoplePart(doc, owners, k, e)) return -1;
      // the sentence before: only its subject carries on ("The Kurds were instrumental …. Leaving them …")
      if (toks[k].sentence !== sent && !/^nsubj/.test(toks[k].deprel ?? '')) return -1;
      // "So many girls I helped are Muslims. They …": a predicate's "they" is its subject's
      if (hasDependent(doc, k, isCop)) return -1;
      if (pluralSubjectAbove(doc, owners, i, e)) return -1;
      return k;
    }
    if (otherPlural(doc, owners, k)) return -1;
  }
  return -1;
}

/** A subject of the pronoun's clause or of a clause above it is a plural that is not entity e's. */
function pluralSubjectAbove(doc: Doc, owners: (Entity | undefined)[], i: number, e: Entity): boolean {
  const toks = doc.tokens;
  let v = toks[i].head ?? -1;
  for (let up = 0; v >= 0 && up < 8; up++, v = toks[v].head ?? -1) {
    const subj = subjectOf(doc, v);
    if (subj >= 0 && subj !== i && owners[subj] !== e && otherPlural(doc, owners, subj)) return true;
  }
  return false;
}

/** Token k has a conjunct after it ("Thailand and Japan"). */
export function coordinated(doc: Doc, k: number): boolean {
  return hasDependent(doc, k, (t) => t.deprel === 'conj', k);
}

export const theyConjunctRule = defineRule({
  id: 'coref.they-conjunct-subject',
  stage: 'coref',
  action: 'label',
  summary: '"they" as the subject of a clause coordinated with one whose subject is a group spoken of in the plural (a people, a plural-named organisation, a band: "The Kurds fought for weeks in the hills, and they took the town") is that group, plurals between notwithstanding: a conjunct keeps its subject; not after a plural object no name stands for',
  fires: ['The Kurds fought for weeks in the hills, and they took the town in May.'],
  spares: ['The Kurds bought new rifles in the hills, and they took the town in May.'],
  source: 'src/extract/coref/groups.ts',
});

/** For "they" subject of a conjunct, the first conjunct's subject when it is a plural group; else -1. */
function conjunctTheySubject(doc: Doc, owners: (Entity | undefined)[], i: number): number {
  const toks = doc.tokens;
  if (lw(toks[i]) !== 'they' || !/^nsubj/.test(toks[i].deprel ?? '')) return -1;
  const v = toks[i].head ?? -1;
  if (v < 0 || (toks[v].deprel ?? '') !== 'conj') return -1;
  const gov = toks[v].head ?? -1;
  const subj = gov >= 0 ? subjectOf(doc, gov) : -1;
  if (subj < 0 || subj > i || !owners[subj] || coordinated(doc, subj) || !pluralPeople(doc, owners, subj)) return -1;
  // "The Kurds bought new rifles …, and they took …": a plural object no name stands for is the likelier "they"
  for (let k = subj + 1; k < i; k++) if (toks[k].head === gov && (toks[k].deprel === 'obj' || toks[k].deprel === 'iobj') && otherPlural(doc, owners, k)) return -1;
  return subj;
}

/** "Russia failed to implement the plan it signed": the subject over the relative clause's noun, else -1. */
function relativeItSubject(doc: Doc, owners: (Entity | undefined)[], i: number): number {
  const toks = doc.tokens;
  const v = toks[i].head ?? -1;
  // the relative clause's own subject, neither copular nor a placeholder
  const relative = v >= 0 && lw(toks[i]) === 'it' && /^nsubj/.test(toks[i].deprel ?? '') && /^acl/.test(toks[v].deprel ?? '');
  if (!relative || isCopular(doc, v) || placeholderIt(doc, i)) return -1;
  const noun = toks[v].head ?? -1;
  if (noun < 0 || owners[noun] || (toks[noun].deprel !== 'obj' && toks[noun].deprel !== 'obl')) return -1;
  // the subject of the verb the noun is the object of; an open clause's is its controller's ("failed to implement")
  const subj = controllingSubject(doc, noun);
  if (subj < 0 || subj > i || !owners[subj]) return -1;
  // another organisation or place named between is as likely
  for (let k = subj + 1; k < i; k++) if (owners[k] && owners[k] !== owners[subj] && IT_NAMED_TYPES.has(owners[k]!.type)) return -1;
  return subj;
}

export const itRelativeRule = defineRule({
  id: 'coref.it-relative-clause-subject',
  stage: 'coref',
  action: 'label',
  summary: '"it" as the subject of a relative clause on the object of a clause whose subject is a named organisation or place ("Russia failed to implement the plan it signed", "Microsoft sold the unit it bought in 2010") is that subject: the relative clause\'s own noun is its gap, not "it"; not past another organisation or place named between',
  fires: ['The Kestrel Group sold the unit it bought in 2010.'],
  spares: ['The Kestrel Group sold Brightwater Bank the unit it bought in 2010.'],
  source: 'src/extract/coref/groups.ts',
});

export const theyTopicRule = defineRule({
  id: 'coref.they-topic-subject',
  stage: 'coref',
  action: 'label',
  summary: '"they", "their", "them" after the main subject of its own sentence, or as the main subject after the sentence before\'s, when that subject is a named organisation or country spoken of as a body ("Iran is at a stage where I think they have only enriched uranium", "Google says the filter works. They test it daily"): the topic goes on; not past any plural noun or pronoun no name stands for, not when a plural subject governs the pronoun\'s clause, not a coordinated subject',
  fires: ['Portugal is at a stage where I think they have only spent a little of the money.'],
  spares: ['Portugal is at a stage where the inspectors think they have only spent a little of the money.'],
  source: 'src/extract/coref/groups.ts',
});

/** The subject of the clause governing token i, through open clauses and verb conjuncts with none of their own ("met … and acquitted them"), or -1. */
function ownClauseSubject(doc: Doc, i: number): number {
  let v = governingVerb(doc, i);
  for (let up = 0; v >= 0 && up < 3; up++) {
    const subj = subjectOf(doc, v);
    if (subj >= 0) return subj;
    if (doc.tokens[v].deprel !== 'xcomp' && doc.tokens[v].deprel !== 'conj') return -1;
    v = doc.tokens[v].head ?? -1;
  }
  return -1;
}

/** The last subject topicTheySubject found was reached past a place that is no body (coref.they-topic-past-place). */
let topicPastPlace = false;

/** For they/their/them at i: the named organisation or country that is the main subject before it (its sentence's, or the sentence before's when "they" is its own main subject); else -1. */
function topicTheySubject(doc: Doc, owners: (Entity | undefined)[], i: number): number {
  const toks = doc.tokens;
  const sent = toks[i].sentence;
  const own = doc.sentences[sent];
  let subj = -1;
  for (let k = own.tokenStart; k < i && subj < 0; k++) if (owners[k] && isMainSubjectToken(doc, k)) subj = k;
  if (subj < 0 && sent > 0 && isMainSubjectToken(doc, i)) {
    const prev = doc.sentences[sent - 1];
    for (let k = prev.tokenStart; k < prev.tokenEnd && subj < 0; k++) if (owners[k] && isMainSubjectToken(doc, k)) subj = k;
  }
  if (subj < 0) return -1;
  const e = owners[subj]!;
  const body = e.type === 'ORG' || (e.type === 'GPE' && placeKinds(e).has('country'));
  if (!body || owners[subj + 1] === e && doc.tokens[subj + 1].xpos === 'POS') return -1;
  // a name, or a "they" this rule linked: not a description read as the name ("The governors" → State Governors)
  const m = e.mentions.find((x) => x.start <= toks[subj].start && x.end >= toks[subj].end);
  if (!m || (m.kind !== 'name' && m.corefBasis !== theyTopicRule.id)) return -1;
  // "Both RKO and Welles got into the project": a subject joined to another is the pair
  let last = subj;
  while (owners[last + 1] === e) last++;
  if (/^(?:and|or|&)$/i.test(toks[last + 1]?.text ?? '')) return -1;
  // "Xenophon was an Athenian who became their leader": a subject a noun predicate classes as one thing is no body
  const root = toks[subj].head ?? -1;
  const indefinite = (t: Token) => t.deprel === 'det' && /^an?$/i.test(t.text);
  if (root >= 0 && (((toks[root].upos === 'NOUN' || toks[root].upos === 'PROPN') && toks[root].xpos !== 'NNS') || hasDependent(doc, root, indefinite)) && hasDependent(doc, root, isCop) && !hasDependent(doc, root, (t) => t.deprel === 'case')) return -1;
  // any plural no name stands for, another organisation or place, a person's role noun ("a Cabinet officer … while they
  // were in office") or a he/she ("his team's research and their plans") between them is the likelier one
  let passedPlace = false;
  for (let k = subj + 1; k < i; k++) {
    if (owners[k] === e) continue;
    if (otherPlural(doc, owners, k)) return -1;
    // (a town or a building between is "it", no body: coref.they-topic-past-place)
    if (owners[k] && owners[k]!.type !== 'PERSON') {
      if (!theyPastPlaceRule.enabled || !placeNoBody(owners[k]!)) return -1;
      passedPlace = true;
    }
    const p = PRONOUNS.get(lw(toks[k]));
    if (!owners[k] && ((p && p.person === 3 && p.number === 's' && !/^it/.test(lw(toks[k]))) || ROLE_NOUNS.has(lw(toks[k])))) return -1;
  }
  // in its own sentence, an object of the subject's verb before it ("had sent the police a plan, which they rejected")
  if (toks[subj].sentence === sent && otherObject(doc, owners, toks[subj].head ?? -1, i, e, false)) return -1;
  // "The Senate acquitted both of them": an object pronoun whose own clause's subject is the body is someone else
  if (lw(toks[i]) === 'them' && ownClauseSubject(doc, i) === subj) return -1;
  if (pluralSubjectAbove(doc, owners, i, e)) return -1;
  topicPastPlace = passedPlace;
  return subj;
}

/** it/its by the cataphora or conjunct rule: link and return true, else false. */
function linkItByClause(doc: Doc, owners: (Entity | undefined)[], quoted: readonly { start: number; end: number }[], labels: readonly { start: number; end: number }[], i: number): boolean {
  const toks = doc.tokens;
  const they = lw(toks[i]) === 'they' || lw(toks[i]) === 'their' || lw(toks[i]) === 'them';
  const rules = they ? [[theyConjunctRule, conjunctTheySubject], [possessorPhraseRule, possessorPhraseSubject], [theyTopicRule, topicTheySubject]] as const : [[itConjunctRule, conjunctItSubject], [itCataphoraRule, frontedItSubject], [itTopicRule, topicItSubject], [itRelativeRule, relativeItSubject], [itsRelativeRule, relativeItsSubject], [possessorPhraseRule, possessorPhraseSubject]] as const;
  for (const [rule, find] of rules) {
    if (!rule.enabled) continue;
    const subj = find(doc, owners, i);
    if (subj < 0) continue;
    const e = owners[subj];
    if (!e || !(they || IT_NAMED_TYPES.has(e.type) || itByKind(doc, e)) || spanAt(labels, toks[subj].start) >= 0 || coordinated(doc, subj)) continue;
    // inside a quotation, only a subject inside the same quotation
    const q = spanAt(quoted, toks[i].start);
    if (q !== spanAt(quoted, toks[subj].start)) continue;
    const m: Mention = { start: toks[i].start, end: toks[i].end, text: toks[i].text, kind: 'pronoun', type: e.type, entity: e.id, source: 'coref', ...linkFields(rule.id) };
    e.mentions.push(m);
    owners[i] = e;
    rule.fired(toks[i].start, toks[i].end);
    if (rule === theyTopicRule && topicPastPlace) theyPastPlaceRule.fired(toks[i].start, toks[i].end);
    if (rule === itCataphoraRule && frontedClassifier) itFrontedClassifierRule.fired(toks[i].start, toks[i].end);
    return true;
  }
  return false;
}

export function linkGroupPronouns(doc: Doc): void {
  if (!groupPronounRule.enabled && !itParallelRule.enabled && !peopleTheyRule.enabled && !itCataphoraRule.enabled && !itConjunctRule.enabled && !itTopicRule.enabled) return;
  const toks = doc.tokens;
  const low = doc.lowerTexts();
  let owners: (Entity | undefined)[] | null = null;
  let quoted: { start: number; end: number }[] | null = null;
  let labels: { start: number; end: number }[] | null = null;
  for (let i = 0; i < toks.length; i++) {
    const w = low[i];
    const p = PRONOUNS.get(w);
    if (!p || p.person !== 3 || w.endsWith('self') || w.endsWith('selves')) continue;
    const plural = p.number === 'p';
    if (!plural && w !== 'it' && w !== 'its') continue;
    owners ??= tokenOwners(doc);
    if (owners[i]) continue;
    quoted ??= findQuoteSpans(doc.text);
    labels ??= labelRule.enabled ? turnLabels(doc.text) : [];
    if (w === 'its') continue;
    const types = plural ? THEY_TYPES : IT_TYPES;
    // "Hamas said their fighters …": a possessive of the reported clause's subject reads as that subject
    const at = w === 'their' && toks[i].deprel === 'nmod:poss' && /^nsubj/.test(toks[toks[i].head ?? i].deprel ?? '') ? toks[i].head! : i;
    let subj = groupPronounRule.enabled ? governingSubject(doc, at) : -1;
    // a clause coordinated with "but" contrasts its subject: "NATO had never rescinded it, but they had"
    const verb = toks[at].head ?? -1;
    if (subj >= 0 && verb >= 0 && !REPORTED.has((toks[verb].deprel ?? '').split(':')[0])) subj = -1;
    const reported = subj >= 0;
    if (subj < 0 && w === 'their' && groupPronounRule.enabled) subj = controllingSubject(doc, i);
    // a subject no name stands for ("The collaboration continued with the Grateful Dead and their members") leaves
    // "their" to the people rule, whose guards look for plurals nearer than the group
    // ("The news network Kestrel TV said it would …": a classifying noun before a name is the name, coref.subject-classifier-name)
    const classified = subj >= 0 && !owners[subj] && subjectClassifierRule.enabled ? classifiedName(doc, owners, subj) : -1;
    if (subj >= 0 && !reported && !owners[subj] && classified < 0 && kindPronounRule.enabled) subj = -1;
    let parallel = false;
    let people = false;
    if (subj < 0 && plural && peopleTheyRule.enabled) {
      subj = nearestPeople(doc, owners, i);
      people = subj >= 0;
    }
    if (subj < 0 && !plural && itParallelRule.enabled) {
      subj = previousMainSubject(doc, owners, quoted, i);
      parallel = subj >= 0;
    }
    if (subj < 0 || (subj >= i && !parallel)) continue;
    // "Beijing is a city because it's international": a copular adverbial clause says what its subject is
    // (the subject a name, not a pronoun another rule linked: one rule's guess is no ground for the next)
    const copular = !plural && reported && toks[subj].upos !== 'PRON' && copularAdverbialIt(doc, i, verb);
    const rule = parallel ? itParallelRule : people ? peopleTheyRule : copular ? itCopularClauseRule : groupPronounRule;
    const viaClassifier = rule === groupPronounRule && !owners[subj] && classified >= 0;
    const e = viaClassifier ? owners[classified] : owners[subj];
    if (!e || !(types.has(e.type) || (plural ? pluralKind(doc, e) : itByKind(doc, e))) || spanAt(labels, toks[subj].start) >= 0) continue;
    // "Thailand and Japan handled their matches": a coordinated subject is the pair, not its first name
    if (coordinated(doc, subj)) continue;
    // "it is time for …", "it's about …": a copular "it" is most often no one's
    if (!plural && !parallel && !copular && verb >= 0 && isCopular(doc, verb)) continue;
    // "… though it was rumoured that flights were cancelled": a placeholder passive too
    if (!plural && !copular && placeholderIt(doc, i)) continue;
    // a plural noun no name stands for between the group and "they" is the likelier antecedent
    if (plural && pluralNounBetween(doc, owners, subj, i)) continue;
    // "the Navy saved 200 more after they were found", "Wikinews asked Stamenković how their research …": the
    // governing verb's object is the likelier one (for "it", an object another name stands for: "Cleveland has endured
    // growing pains as it makes …" is Cleveland's)
    if (reported && otherObject(doc, owners, toks[subj].head ?? -1, i, e, !plural)) continue;
    // inside a quotation, only a group named inside the same quotation
    const q = spanAt(quoted, toks[i].start);
    if (q >= 0 && spanAt(quoted, toks[subj].start) !== q) continue;
    if (!types.has(e.type) || (plural && e.type === 'ORG' && pluralKind(doc, e))) kindPronounRule.fired(toks[i].start, toks[i].end);
    const m: Mention = { start: toks[i].start, end: toks[i].end, text: toks[i].text, kind: 'pronoun', type: e.type, entity: e.id, source: 'coref', ...linkFields(rule.id) };
    e.mentions.push(m);
    owners[i] = e;
    rule.fired(toks[i].start, toks[i].end);
    if (viaClassifier) subjectClassifierRule.fired(toks[i].start, toks[i].end);
  }
  // what the rules above leave: "it"/"its" by coordination, a fronted phrase or the topic of the sentence before; "they"
  // by coordination
  if (!itCataphoraRule.enabled && !itConjunctRule.enabled && !itTopicRule.enabled && !itRelativeRule.enabled && !itsRelativeRule.enabled && !possessorPhraseRule.enabled && !theyConjunctRule.enabled && !theyTopicRule.enabled) return;
  for (let i = 0; i < toks.length; i++) {
    const w = low[i];
    if (w !== 'it' && w !== 'its' && w !== 'they' && !(theyTopicRule.enabled && (w === 'their' || w === 'them'))) continue;
    owners ??= tokenOwners(doc);
    if (owners[i]) continue;
    quoted ??= findQuoteSpans(doc.text);
    labels ??= labelRule.enabled ? turnLabels(doc.text) : [];
    linkItByClause(doc, owners, quoted, labels, i);
  }
}
