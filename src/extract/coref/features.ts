/**
 * Features of an anaphor and a candidate cluster (and of the anaphor alone, for the "no
 * antecedent" option), as strings the ranker weighs. Every feature is conjoined with the anaphor's
 * class (he, she, it, they, desc) so one model learns each kind's preferences.
 */
import type { Cluster } from './clusters.js';
import { genderBin } from './clusters.js';
import type { DocView, Markable } from './markables.js';
import { roleClass } from './words.js';

/** Bumped when features change: a model trained on other features is refused. */
export const FEATURE_VERSION = 3;

export function anaphorClass(a: Markable): string {
  return a.kind === 'pronoun' ? a.pronoun ?? 'it' : 'desc';
}

function candidateType(c: Cluster): string {
  if (c.entity) {
    const t = c.type;
    return t === 'PERSON' || t === 'ORG' || t === 'GPE' || t === 'NORP' || t === 'LOC' || t === 'FAC' ? t : 'MISC';
  }
  const first = c.mentions[0];
  if (first?.kind === 'pronoun') return `pr-${first.pronoun}`;
  return `np-${c.person ? 'p' : 't'}${c.plural ? 'pl' : 'sg'}`;
}

const bin = (n: number, edges: number[]) => {
  let k = 0;
  while (k < edges.length && n >= edges[k]) k++;
  return k;
};

/** For a pronoun that is the subject of a dependent clause, the head of its governing clause's subject; else -1. */
export function governingSubject(view: DocView, i: number): number {
  const toks = view.tokens;
  if (!/^nsubj/.test(toks[i].deprel ?? '')) return -1;
  const verb = toks[i].head ?? -1;
  if (verb < 0 || !/^(?:advcl|ccomp|conj|xcomp|parataxis|acl)/.test(toks[verb].deprel ?? '')) return -1;
  const gov = toks[verb].head ?? -1;
  if (gov < 0) return -1;
  for (const k of view.children[gov]) if (k !== i && /^nsubj/.test(toks[k].deprel ?? '')) return k;
  return -1;
}

export interface CandidateContext {
  /** recency rank among the candidates (0 = most recently mentioned) */
  rank: number;
  /** governing-clause subject of the anaphor (token), -1 if none */
  governing: number;
}

export function pairFeatures(view: DocView, a: Markable, c: Cluster, ctx: CandidateContext): string[] {
  const A = anaphorClass(a);
  const T = candidateType(c);
  const named = c.entity ? 'N' : 'U';
  const last = c.mentions[c.mentions.length - 1];
  const f: string[] = [];
  const sd = Math.min(a.sentence - last.sentence, 6);
  const sdb = sd <= 3 ? String(sd) : sd <= 5 ? '4-5' : '6+';
  f.push(`b|${A}|${named}`, `t|${A}|${T}`, `sd|${A}|${named}|${sdb}`, `sdt|${A}|${T}|${sdb}`);
  f.push(`pd|${A}|${Math.min(2, a.paragraph - last.paragraph)}`);
  f.push(`rk|${A}|${bin(ctx.rank, [1, 2, 3, 5, 8])}`, `rkn|${A}|${named}|${bin(ctx.rank, [1, 2, 3, 5, 8])}`);
  f.push(`n|${A}|${named}|${bin(c.mentions.length, [2, 3, 5, 9])}`);
  f.push(`lr|${A}|${last.role}`, `lk|${A}|${last.kind}`);
  // the hand-written rules' choice (src/extract/coref/rules.ts): this candidate, another, or none
  const rule = view.rules.get(a.head);
  f.push(`rule|${A}|${rule === undefined ? 'none' : c.entity?.id === rule ? 'same' : 'other'}`);
  if (sd <= 1) f.push(`par|${A}|${a.role}|${last.role}|${sd}`);
  if (c.headline) f.push(`hl|${A}`);
  const gb = genderBin(c);
  if (A === 'he' || A === 'she') {
    f.push(`g|${A}|${gb}`, `gt|${A}|${T}|${gb}`);
    // each kind of evidence on its own: pronouns already linked (a "he" in the chain all but rules out "she"),
    // kinship and role nouns and titles, the given name
    const same = A === 'he' ? c.pronM : c.pronF;
    const opposite = A === 'he' ? c.pronF : c.pronM;
    f.push(`pg|${A}|${same > 0 ? 'S' : '-'}${opposite > 0 ? 'O' : '-'}`);
    const nounSame = A === 'he' ? c.nounM : c.nounF;
    const nounOpposite = A === 'he' ? c.nounF : c.nounM;
    f.push(`ng|${A}|${nounSame > 0 ? 'S' : '-'}${nounOpposite > 0 ? 'O' : '-'}`);
    const name = A === 'he' ? -c.nameLogOdds : c.nameLogOdds;
    f.push(`nmg|${A}|${name >= 1.5 ? 'S' : name > 0.3 ? 's' : name <= -1.5 ? 'O' : name < -0.3 ? 'o' : '?'}`);
  }
  else f.push(`g|${A}|${gb === '?' ? '?' : 'g'}`);
  f.push(`pl|${A}|${T}|${c.plural}`);
  if (c.pronIt) f.push(`pit|${A}`);
  if (c.pronThey) f.push(`pthey|${A}`);
  if (c.pronM + c.pronF) f.push(`phs|${A}`);
  if (c.pronM && c.pronF) f.push(`pboth|${A}`);
  const aq = a.quote >= 0;
  const lq = last.quote >= 0;
  f.push(`q|${A}|${aq}|${lq}|${aq && a.quote === last.quote}`);
  if (c.mentions.every((m) => m.credit)) f.push(`credit|${A}`);
  if (!c.entity && c.mentions[0]) f.push(`nph|${A}|${c.mentions[0].word}`);
  if (sd === 0) {
    const toks = view.tokens;
    const ah = toks[a.head].head ?? -1;
    const lh = toks[last.head].head ?? -1;
    if (ah >= 0 && ah === lh) f.push(a.pronounForm === 'refl' ? `reflco|${A}` : `coarg|${A}|${a.role}`);
    if (ctx.governing >= 0 && ctx.governing === last.head) f.push(`gov|${A}`);
    // the anaphor modifies the candidate's phrase, or the candidate is the anaphor's possessed noun
    if (ah === last.head) f.push(`inside|${A}`);
    if (a.pronounForm === 'poss' && ah >= 0 && (toks[ah].head ?? -1) === lh && last.role === 'subj') f.push(`possOfSubjVerb|${A}`);
  }
  if (A === 'desc') {
    const rc = roleClass(a.word) ?? (a.personNoun ? 'person' : 'none');
    f.push(`rc|${rc}|${T}`, `lx|${a.word}|${named === 'N' ? T : 'U'}`);
    if (c.heads.has(a.word)) f.push(`hm|${named}`, `hmt|${T}`);
    if (c.nameWords.has(a.word)) f.push(`nw|${T}`);
    if (a.modifiers.some((m) => c.nameWords.has(m))) f.push(`mm|${T}`);
    if (a.gender) f.push(`dg|${a.gender}|${gb}`);
    f.push(`dpl|${a.plural}|${c.plural}|${named}`, `ddet|${a.det}|${named}`);
  }
  return f;
}

export function nullFeatures(view: DocView, a: Markable, candidates: number, personCandidates: number): string[] {
  const A = anaphorClass(a);
  const f = [`null|${A}`, `null|${A}|r=${a.role}`, `null|${A}|q=${a.quote >= 0}`, `null|${A}|nc=${bin(candidates, [1, 3, 6, 12])}`, `null|${A}|np=${bin(personCandidates, [1, 2, 3])}`];
  if (a.sentence === 0) f.push(`null|${A}|s0`);
  f.push(`null|${A}|rule=${view.rules.has(a.head)}`);
  if (A === 'it') {
    const next = view.tokens[a.head + 1];
    if (next) f.push(`null|it|nx=${(next.lemma ?? next.text).toLowerCase()}`);
  }
  if (A === 'desc') {
    const rc = roleClass(a.word) ?? (a.personNoun ? 'person' : 'none');
    f.push(`null|d|${a.word}`, `null|d|rc=${rc}`, `null|d|pl=${a.plural}`, `null|d|m=${a.modifiers.length > 0}`, `null|d|det=${a.det}`);
  }
  return f;
}
