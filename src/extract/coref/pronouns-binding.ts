/**
 * Binding past the subject's own mention (fourteenth session, coref34, issue 23): a non-reflexive personal pronoun that is
 * an argument of a verb ("him", "her" as object) is not that verb's subject — English says "himself" for that. It
 * finds the clause's subject as a reader does (it replaced coref.pronoun-not-coargument, which compared one candidate
 * mention with the verb's subject token) and keeps its whole entity out of the pronoun's candidates, wherever else
 * that entity is named: the subject a conjunct verb shares ("Pachomius called him in and appointed him steward"), the
 * noun a relative clause's "who" stands for ("the Tsar, who confided to him the command"), a name apposed to the
 * subject ("his father, Johann, encouraged him"), and an object after a preposition on the verb ("called on him").
 * src/extract/coref/rules.ts asks `boundSubject` once per he/she and refuses that entity in `compatible`.
 */
import type { Doc, Entity } from '../../doc.js';
import { defineRule } from '../../rules/registry.js';
import { readerSet } from '../../lexicon/index.js';

export const boundSubjectRule = defineRule({
  id: 'coref.pronoun-not-clause-subject',
  stage: 'coref',
  action: 'veto',
  summary: 'him/her as an object of a verb (directly or after a preposition) is not the entity that is the verb\'s subject — found through a conjunct verb that shares its subject, a relative clause\'s "who", or a name apposed to the subject — wherever else that entity is named ("the Tsar, who confided to him the command" is not the Tsar)',
  fires: ['Marek Novak trained with Pavel Horak for years. Later Pavel Horak won the cup and thanked him warmly.'],
  spares: ['Marek Novak trained with Pavel Horak for years. Later Pavel Horak won the cup and thanked himself warmly.'],
  source: 'src/extract/coref/pronouns-binding.ts',
});

/** The relations of a pronoun that is an argument of its head word (not a possessor, not a subject). */
const ARGUMENT = /^(?:obj|iobj|obl(?::.*)?)$/;
let free: ReadonlySet<string> | undefined;

/** The object forms of he and she. */
const OBJECT_FORM = /^(?:him|her)$/i;
/** Relative pronouns whose clause's antecedent is the noun the clause hangs on. */
const RELATIVE = /^(?:who|whom|that|which)$/i;

/** What the binding checks read of a token (the Doc's tokens and the ranker's DocView tokens alike). */
interface Tok {
  text: string;
  head?: number;
  deprel?: string;
  upos?: string;
}

/**
 * For pronoun token i (him/her, not a reflexive) in the sentence of tokens [from, to): its clause's subject token and the
 * tokens apposed to it — what the pronoun cannot be; empty when none. One look over the sentence per verb climbed.
 */
export function boundSubjectTokens(toks: readonly Tok[], from: number, to: number, i: number): number[] {
  const rel = toks[i].deprel ?? '';
  // (an object form only: "Hawkins received five percent in his" is his race, and "himself" is the subject's)
  if (!ARGUMENT.test(rel) || !OBJECT_FORM.test(toks[i].text)) return [];
  let verb = toks[i].head ?? -1;
  if (verb < 0) return [];
  // "General Gordon left behind him a diary", "took the files with her": after a preposition of place or company the
  // pronoun may still be the subject
  if (rel.startsWith('obl')) {
    free ??= readerSet('function-words', 'coref-binding-free');
    for (let k = from; k < i; k++) if (toks[k].head === i && toks[k].deprel === 'case' && free.has(toks[k].text.toLowerCase())) return [];
  }
  const subjectOf = (v: number): number => {
    for (let k = from; k < to; k++) if (toks[k].head === v && /^nsubj/.test(toks[k].deprel ?? '')) return k;
    return -1;
  };
  let subj = subjectOf(verb);
  // a conjunct verb with no subject of its own shares its first conjunct's ("… and appointed him steward")
  for (let up = 0; up < 4 && subj < 0 && toks[verb].deprel === 'conj'; up++) {
    verb = toks[verb].head ?? -1;
    if (verb < 0) return [];
    subj = subjectOf(verb);
  }
  if (subj < 0) return [];
  // a relative clause's "who": the noun the clause hangs on
  if (RELATIVE.test(toks[subj].text) && (toks[verb].deprel ?? '').startsWith('acl') && (toks[verb].head ?? -1) >= 0) subj = toks[verb].head!;
  // "his father, Johann, encouraged him": the name apposed to the subject
  return withApposed(toks, subj, subj + 1, to);
}

/** Token x and the tokens in [from, to) apposed to it. */
function withApposed(toks: readonly Tok[], x: number, from: number, to: number): number[] {
  const out = [x];
  for (let k = from; k < to; k++) if (toks[k].head === x && toks[k].deprel === 'appos') out.push(k);
  return out;
}

/** The entity of the first of the pronoun's excluded tokens an entity owns, or undefined. */
function firstOwned(doc: Doc, owners: readonly (Entity | undefined)[], i: number, excluded: typeof boundSubjectTokens): Entity | undefined {
  const sent = doc.sentences[doc.tokens[i].sentence];
  for (const k of excluded(doc.tokens, sent.tokenStart, sent.tokenEnd, i)) if (owners[k]) return owners[k];
  return undefined;
}

/** For pronoun token i: the entity its clause's subject stands for (the subject's own, else a name apposed to it), or undefined. */
export function boundSubject(doc: Doc, owners: readonly (Entity | undefined)[], i: number): Entity | undefined {
  return boundSubjectRule.enabled ? firstOwned(doc, owners, i, boundSubjectTokens) : undefined;
}

export const relativeHeadRule = defineRule({
  id: 'coref.pronoun-not-relative-head',
  stage: 'coref',
  action: 'veto',
  summary: 'he/she as the subject of a relative clause is not the noun the clause hangs on ("Ihara Saikaku, a writer whose stories she had discovered" is not Saikaku; "the man whom he met"): the relative word is that noun, in another role',
  fires: ['Ana Ruiz studied in Lisbon. She admired Marta Gil, a painter whose portraits she had bought.'],
  spares: ['Ana Ruiz studied in Lisbon. She admired Marta Gil, a painter who sold her portraits.'],
  source: 'src/extract/coref/pronouns-binding.ts',
});

/**
 * For he/she token i in the sentence of tokens [from, to), the subject of a relative clause: the noun the clause hangs on
 * and the tokens apposed to it or it to (what the pronoun cannot be); empty when none.
 */
export function relativeHeadTokens(toks: readonly Tok[], from: number, to: number, i: number): number[] {
  if (!/^nsubj/.test(toks[i].deprel ?? '')) return [];
  const verb = toks[i].head ?? -1;
  if (verb < 0 || toks[verb].deprel !== 'acl:relcl') return [];
  const noun = toks[verb].head ?? -1;
  if (noun < 0 || noun > i) return [];
  // (a clause after a semicolon or a colon is no relative clause, whatever the parse says: "Like Mutt Lang; he always made …")
  for (let k = noun + 1; k < i; k++) if (toks[k].upos === 'PUNCT' && toks[k].text !== ',') return [];
  // a relative word opens the clause ("whose stories she …", "whom he met"): a clause the parse hangs on a name without one
  // is most often adverbial ("Gaudí, as he had done …", "Hastings first visits the house when he returns")
  let opened = false;
  for (let k = noun + 1; k < i && !opened; k++) opened = RELATIVE.test(toks[k].text) || /^whose$/i.test(toks[k].text);
  if (!opened) return [];
  // "Ihara Saikaku, a 17th-century writer, whose stories …": the noun apposed to the name, or a name apposed to it
  const out = withApposed(toks, noun, noun + 1, Math.min(to, i));
  if (toks[noun].deprel === 'appos' && (toks[noun].head ?? -1) >= 0) out.splice(1, 0, toks[noun].head!);
  return out;
}

/** For he/she at i, the subject of a relative clause: the entity of the noun the clause hangs on (or of a name apposed to it), else undefined. */
export function relativeHead(doc: Doc, owners: readonly (Entity | undefined)[], i: number): Entity | undefined {
  return relativeHeadRule.enabled ? firstOwned(doc, owners, i, relativeHeadTokens) : undefined;
}
