/**
 * The governing subject through an open clause (coref28, issue 23): a clause that hangs on a predicate with no subject of
 * its own — an open complement ("Georgia will become a NATO member if it wants to": "wants" hangs on "member", the
 * complement of "become") — is governed by the subject that controls that predicate, as a clause hanging on the verb
 * itself is ("Georgia will join if it wants to").
 * src/extract/coref/rules.ts `governingSubject` asks here when the governing word has no subject.
 */
import type { Doc } from '../../doc.js';
import { defineRule } from '../../rules/registry.js';

export const controlledSubjectRule = defineRule({
  id: 'coref.governing-subject-through-xcomp',
  stage: 'coref',
  action: 'extend',
  summary: 'the subject of a clause that hangs on an open complement with no subject of its own ("Georgia will become a NATO member if it wants to") is governed by the subject controlling that complement, as for a clause hanging on the verb itself: the governing-subject preferences of he/she and it/they read through it',
  fires: ['Portugal will become a member of the union if it wants to.'],
  spares: ['Spain asked Portugal to become a member of the union if it wants to.'],
  source: 'src/extract/coref/pronouns-control.ts',
});

/** For a governing word `gov` with no subject: the subject of the word it hangs on as an open complement, or -1. */
export function controllingSubjectOf(doc: Doc, gov: number, pronoun: number): number {
  if (!controlledSubjectRule.enabled) return -1;
  const toks = doc.tokens;
  const rel = toks[gov].deprel ?? '';
  if (rel !== 'xcomp') return -1;
  const up = toks[gov].head ?? -1;
  if (up < 0) return -1;
  const sent = doc.sentences[toks[pronoun].sentence];
  // an object of either may be what the clause speaks of, and controls the complement ("Poisson asked him to submit his
  // work, which he did"; "voted to hold a Cabinet officer in contempt while they were in office")
  for (let k = sent.tokenStart; k < sent.tokenEnd; k++) if ((toks[k].head === up || toks[k].head === gov) && /^(?:obj|iobj)$/.test(toks[k].deprel ?? '')) return -1;
  for (let k = sent.tokenStart; k < sent.tokenEnd; k++) {
    if (k !== pronoun && toks[k].head === up && /^nsubj/.test(toks[k].deprel ?? '')) {
      controlledSubjectRule.fired(toks[pronoun].start, toks[pronoun].end);
      return k;
    }
  }
  return -1;
}
