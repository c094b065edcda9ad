/**
 * Descriptions the syntax itself ties to a name (rule `coref.predicate-description`): a definite
 * noun phrase that is the predicate of a copular clause whose subject is a mention of an entity
 * ("Chomsky is the eighth most cited scholar of all time", "He was the director of the project"),
 * the subject of one whose predicate is a name ("The band I started was Spoken Motion"), or that
 * follows a name in apposition and closes there ("Jaap de Hoop Scheffer, the head of NATO,").
 * Such a phrase is a mention of that entity whatever its head noun, so no noun list decides it.
 * Not when the clause is negated or asks ("X is not the leader", "Is X the leader?"), when the
 * predicate is a place or a state ("X is at the station"), nor when the phrase holds a mention of
 * the entity itself ("Bush, the militarism of the Bush administration,": i-within-i); nor is a clause's subject
 * after a fronted phrase an apposition ("According to Ortiz, the attack, which …", "In Gaza, the hospital, which …").
 * (A phrase before the name, "the nation's capital, Wellington,", was measured and not kept:
 * docs/coref.md, coref7.)
 */
import type { Dependents, Doc, Entity, Sentence, Token } from '../../doc.js';
import { set } from '../../lexicon/index.js';
import { defineRule } from '../../rules/registry.js';
import { defaultFactualityCues } from '../events/factuality.js';
import { labelRule, spanAt, turnLabels } from './rules.js';
import { addMention, tokenOwners } from './mentions.js';
import { copulaPredicateRule } from './descriptions-copula.js';
import { frontedBeforeClause, frontedParticipleRule } from './descriptions-fronted.js';
import { appositionListRule, seriesGoesOn } from './appositions-list.js';

export const predicateRule = defineRule({
  id: 'coref.predicate-description',
  stage: 'coref',
  action: 'label',
  summary: 'a definite noun phrase that is the predicate of a copular clause whose subject names an entity ("Ortiz is the eighth most cited scholar"), the subject of one whose predicate is a name, or in apposition after a name ("Jaap de Hoop Scheffer, the head of the alliance,") is a mention of that entity; not when the clause is negated or asks, nor when the phrase holds the entity itself',
  fires: ['NATO was then led by Jaap de Hoop Scheffer, the head of the alliance.', 'Lena Ortiz, the eighth most cited scholar of all time, spoke first.'],
  spares: ['Lena Ortiz is not the eighth most cited scholar of all time.', 'Is Lena Ortiz the eighth most cited scholar of all time?', 'With Bush, the militarism of the Bush administration, as predicted, alarmed Russia.', 'In Gaza, the hospital, which was full, closed on Monday.'],
  source: 'src/extract/coref/predicates.ts',
});

export const acronymApposedRule = defineRule({
  id: 'coref.apposition-past-acronym',
  stage: 'coref',
  action: 'label',
  summary: 'a definite phrase in apposition after a name and its short form in brackets ("the Movement for Democratic Change (MDC), the main opposition party,") is a mention of that name\'s entity, as it is right after the name (coref.predicate-description); only when the bracketed form is the same entity as the name before it',
  fires: ['Police arrested members of the Movement for Democratic Change (MDC), the main opposition party, on Sunday.'],
  spares: ['Police arrested members of the Movement for Democratic Change, the main opposition party, on Sunday.', 'Police arrested members of the Movement for Democratic Change (in Harare), the main opposition party, on Sunday.'],
  source: 'src/extract/coref/predicates.ts',
});

export const possessorOtherRule = defineRule({
  id: 'coref.apposition-possessor-other',
  stage: 'coref',
  action: 'label',
  summary: 'another entity as the possessor of an apposed phrase ("the Movement for Democratic Change, the country\'s main opposition party,") does not stop the phrase being a mention of the name, as another entity inside it does ("the US ambassador"): a possessor is never the phrase\'s referent; the mention is the words after the possessor',
  fires: ['Police in Zimbabwe arrested members of the Movement for Democratic Change, the country\'s main opposition party, on Sunday.'],
  spares: ['Police in Zimbabwe arrested members of the Movement for Democratic Change, the main opposition party, on Sunday.'],
  source: 'src/extract/coref/predicates.ts',
});

/** Dependents of a noun that open its phrase before it ("the nation's | capital"). */
const PHRASE_BEFORE = set('deprels', { uses: 'coref-phrase-before' });
/** Dependents of a noun that go on its phrase after it ("the militarism | of the Bush administration"). */
const PHRASE_AFTER = set('deprels', { uses: 'coref-phrase-after' });
/** Determiners that open a definite description (as GUM's scorer reads one). */
const DEFINITE = set('function-words', { uses: 'coref-definite' });
/** What separates a name from a phrase in apposition: one comma or dash. */
const APPOSITION_MARK = /^[,–—]$/;
/** Subject relations: a phrase that is its clause's subject stands on its own. */
const SUBJECT = /^(?:nsubj|csubj)/;
/** What may close an apposition: the sentence's end or a punctuation mark ("X, the head of NATO, said"). */
const CLOSES = /^[,.;:)!?–—]$/;

/** Link copular predicates and appositions to the entity their subject or apposed name is a mention of. */
export function linkPredicates(doc: Doc): void {
  if (!predicateRule.enabled) return;
  const toks = doc.tokens;
  const owners = tokenOwners(doc);
  const covered = new Uint8Array(toks.length);
  owners.forEach((o, i) => { if (o) covered[i] = 1; });
  // an interview turn's label ("Mitchell: That's the reason") names who speaks, not the turn's subject
  const labels = labelRule.enabled ? turnLabels(doc.text) : [];
  if (labels.length) for (let k = 0; k < toks.length; k++) if (owners[k] && spanAt(labels, toks[k].start) >= 0) owners[k] = undefined;
  const negators = defaultFactualityCues().negators;
  const tree = new PhraseTree(doc);
  for (const s of doc.sentences) {
    const question = toks[s.tokenEnd - 1]?.text === '?';
    // an identity, not a place or a state: "X is the leader", not "X is at the station"
    const identity = (p: number) => !question && !tree.kids(p).some((c) => negators.has(toks[c].text.toLowerCase()) || toks[c].deprel === 'case');
    for (let h = s.tokenStart; h < s.tokenEnd; h++) {
      const t = toks[h];
      if (t.upos !== 'NOUN' || owners[h]) continue;
      const start = tree.phraseStart(h);
      if (!DEFINITE.has(toks[start].text.toLowerCase()) || toks[start].deprel !== 'det') continue;
      let target: Entity | undefined;
      const subject = tree.kids(h).find((c) => toks[c].deprel === 'nsubj');
      const head = t.head ?? -1;
      if (tree.kids(h).some((c) => toks[c].deprel === 'cop')) {
        // "Ortiz is the eighth most cited scholar" (a predicate, no mention: descriptions-copula.ts)
        if (subject !== undefined && identity(h)) target = copulaVeto(toks[start], t) ? undefined : owners[subject];
      } else if (t.deprel === 'nsubj' && head > h && owners[head] && tree.kids(head).some((c) => toks[c].deprel === 'cop') && identity(head)) {
        // "The band I started was Spoken Motion"
        target = copulaVeto(toks[start], t) ? undefined : owners[head];
      } else if (start >= 2 && APPOSITION_MARK.test(toks[start - 1].text) && apposedOwner(toks, owners, start - 2) && !SUBJECT.test(t.deprel ?? '') && !frontedPhrase(toks, s, start - 2) && CLOSES.test(toks[tree.phraseEnd(h) + 1]?.text ?? '.')) {
        // (a clause's subject after a fronted phrase is no apposition: "According to Ortiz, the attack, which …, was planned")
        // "Jaap de Hoop Scheffer, the head of NATO," (the name, a comma, the phrase, then a close)
        // ("Speaking to Reuters, the head of the union said": a fronted participle's name, descriptions-fronted.ts)
        if (frontedBeforeClause(toks, s, start - 2)) frontedParticipleRule.fired(toks[start].start, t.end);
        // "the Gothenburg Museum of Art, the city's theatre, the city library as well as the concert hall": one of a series
        // (appositions-list.ts); a coordinator right after the phrase decides nothing here ("Italy, the proposed end point,
        // and Egypt"; "Reza Abbassi, the court painter of Shah Abbas I, and his pupils" are appositions)
        else if (appositionListRule.enabled && seriesGoesOn(toks, tree.phraseWords(h))) appositionListRule.fired(toks[start].start, t.end);
        else {
          target = apposedOwner(toks, owners, start - 2);
          if (!owners[start - 2]) acronymApposedRule.fired(toks[start].start, t.end);
        }
      }
      if (!target || target.type === 'NORP' || !target.mentions.some((m) => m.kind === 'name')) continue;
      // a plural noun is no one person or body, unless the name is plural too ("the islands", the Chatham Islands)
      if (t.xpos === 'NNS' && !target.mentions.some((m) => m.kind === 'name' && /s$/.test(m.text))) continue;
      // another entity inside the phrase ("the US ambassador") makes it no plain description of this one; a possessor is
      // none of the phrase's referent ("the MDC, the country's main opposition party": coref.apposition-possessor-other)
      const owner = possessorOtherRule.enabled ? possessorSpan(toks, tree, h) : undefined;
      let clash = false;
      let ownedPossessor = false;
      for (let k = start; k <= h; k++) {
        if (!owners[k] || owners[k] === target) continue;
        if (owner && k >= owner.first && k <= owner.last) ownedPossessor = true;
        else clash = true;
      }
      if (clash) continue;
      // nor can a phrase be what it holds: "Bush, the militarism of the Bush administration," is not Bush
      const inner = tree.phraseWords(h);
      let within = false;
      for (let k = h + 1; k <= inner; k++) if (owners[k] === target) within = true;
      if (within) continue;
      // (the possessor keeps its own mention: the description is the words after it, "main opposition party")
      const from = ownedPossessor && owner ? owner.last + 1 : start;
      if (ownedPossessor) possessorOtherRule.fired(toks[from].start, t.end);
      addMention(doc, target, toks[from].start, t.end, 'nominal', covered, predicateRule.id);
      predicateRule.fired(toks[start].start, t.end);
    }
  }
}

/**
 * The entity whose name ends at token n, right before an apposition's comma: the name's own owner, or, past a short form
 * in brackets (coref.apposition-past-acronym), the owner of the bracketed form when the name before the bracket is the
 * same entity: "the Movement for Democratic Change (MDC), the main opposition party".
 */
function apposedOwner(toks: readonly Token[], owners: readonly (Entity | undefined)[], n: number): Entity | undefined {
  if (owners[n]) return owners[n];
  if (!acronymApposedRule.enabled || toks[n]?.text !== ')' || n < 3) return undefined;
  let k = n - 1;
  const inner = owners[k];
  if (!inner) return undefined;
  while (k > 0 && owners[k - 1] === inner && toks[k - 1].text !== '(') k--;
  return toks[k - 1]?.text === '(' && k >= 2 && owners[k - 2] === inner && toks[k - 1].sentence === toks[n].sentence ? inner : undefined;
}

/** The possessor phrase of the noun at h with its "'s" ("the country's | main opposition party"), when it has one before h. */
function possessorSpan(toks: readonly Token[], tree: PhraseTree, h: number): { first: number; last: number } | undefined {
  const c = tree.kids(h).find((k) => k < h && toks[k].deprel === 'nmod:poss' && toks[k].upos !== 'PRON');
  if (c === undefined) return undefined;
  const last = toks[c + 1]?.xpos === 'POS' ? c + 1 : c;
  return last < h ? { first: tree.phraseStart(c), last } : undefined;
}

/** coref.description-copula-predicate: a copular predicate is no mention (fired on the phrase it leaves unlinked). */
function copulaVeto(first: Token, head: Token): boolean {
  if (!copulaPredicateRule.enabled) return false;
  copulaPredicateRule.fired(first.start, head.end);
  return true;
}

/** Token n lies in a phrase fronted before its clause: a preposition or subordinator, and no verb, between the sentence's start and n ("In Gaza, the hospital …"). */
function frontedPhrase(toks: readonly Token[], s: Sentence, n: number): boolean {
  let opener = false;
  for (let k = s.tokenStart; k < n; k++) {
    const u = toks[k].upos;
    if (u === 'VERB' || u === 'AUX') return false;
    if (u === 'ADP' || u === 'SCONJ') opener = true;
  }
  return opener;
}

/** The document's dependency trees: each token's dependents, and the phrases they make. */
class PhraseTree {
  private readonly children: Dependents;
  private readonly toks: readonly Token[];
  constructor(doc: Doc) {
    this.toks = doc.tokens;
    this.children = doc.dependents();
  }
  kids(i: number): readonly number[] {
    return this.children[i] ?? [];
  }
  /** The first word of h's noun phrase: its leftmost dependent of a phrase-internal relation, recursively. */
  phraseStart(h: number): number {
    let at = h;
    // a preposition opens no noun phrase ("in | the nation's capital"); a possessive's "'s" is inside one
    for (const c of this.kids(h)) if (c < at && PHRASE_BEFORE.has(this.toks[c].deprel ?? '') && (this.toks[c].deprel !== 'case' || this.toks[c].xpos === 'POS')) at = Math.min(at, this.phraseStart(c));
    return at;
  }
  /** The last word of h's own phrase: its right dependents of a phrase-internal relation, recursively. */
  phraseWords(h: number): number {
    let at = h;
    for (const c of this.kids(h)) if (c > at && PHRASE_AFTER.has(this.toks[c].deprel ?? '')) at = Math.max(at, this.phraseWords(c));
    return at;
  }
  /** The last word of h's subtree (its right dependents, recursively, punctuation left out). */
  phraseEnd(h: number): number {
    let at = h;
    for (const c of this.kids(h)) if (c > at && this.toks[c].upos !== 'PUNCT') at = Math.max(at, this.phraseEnd(c));
    return at;
  }
}
