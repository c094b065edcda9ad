/** Clause subjects in the parse, shared by the coreference rules (rules.ts, groups.ts, plural.ts, persons.ts). */
import type { Doc } from '../../doc.js';

/** The first subject (nsubj, nsubj:pass …) that hangs on token v, or -1. */
export function subjectOf(doc: Doc, v: number): number {
  const toks = doc.tokens;
  const sent = doc.sentences[toks[v].sentence];
  for (let k = sent.tokenStart; k < sent.tokenEnd; k++) if (toks[k].head === v && /^nsubj/.test(toks[k].deprel ?? '')) return k;
  return -1;
}

/** The subject of verb v, or, when it has none, of the verb phrase it is coordinated with (`shared`); at most three steps. */
export function sharedSubject(doc: Doc, v: number): { subj: number; shared: boolean } {
  const toks = doc.tokens;
  let shared = false;
  for (let n = 0; v >= 0 && n < 3; n++) {
    const subj = subjectOf(doc, v);
    if (subj >= 0) return { subj, shared };
    if (toks[v].deprel !== 'conj' || (toks[v].upos !== 'VERB' && toks[v].upos !== 'AUX')) break;
    shared = true;
    v = toks[v].head ?? -1;
  }
  return { subj: -1, shared };
}
