/**
 * The governing subject through an open clause (coref28, issue 23): a clause that hangs on a predicate with no subject of
 * its own — an open complement ("Georgia will become a NATO member if it wants to": "wants" hangs on "member", the
 * complement of "become") — is governed by the subject that controls that predicate, as a clause hanging on the verb
 * itself is ("Georgia will join if it wants to"); and a clause reported by the second of two coordinated verbs with no
 * subject of its own ("The SDF opposed the withdrawal and said it was given assurances") by their shared subject.
 * src/extract/coref/rules.ts `governingSubject` asks here when the governing word has no subject.
 */
import type { Doc } from '../../doc.js';
import { defineRule } from '../../rules/registry.js';
import { PRONOUNS } from '../gazetteer-lists.js';

export const controlledSubjectRule = defineRule({
  id: 'coref.governing-subject-through-xcomp',
  stage: 'coref',
  action: 'extend',
  summary: 'the subject of a clause that hangs on an open complement with no subject of its own ("Georgia will become a NATO member if it wants to") is governed by the subject controlling that complement, as for a clause hanging on the verb itself: the governing-subject preferences of he/she and it/they read through it',
  fires: ['Portugal will become a member of the union if it wants to.'],
  spares: ['Spain asked Portugal to become a member of the union if it wants to.'],
  source: 'src/extract/coref/pronouns-control.ts',
});

export const conjunctRule = defineRule({
  id: 'coref.governing-subject-through-conjunct',
  stage: 'coref',
  action: 'extend',
  summary: 'the subject of a clause reported by a verb coordinated with another, the reporting verb having no subject of its own ("The Syrian Democratic Forces opposed the withdrawal and said it was given assurances"), is governed by the first conjunct\'s subject: coordinated verb phrases share their subject (for it and they: he/she has coref.he-she-shared-subject)',
  fires: ['The Kestrel Bank opposed the merger and said it was given assurances.'],
  spares: ['The Kestrel Bank opposed the merger and the minister said it was given assurances.'],
  source: 'src/extract/coref/pronouns-control.ts',
});

/** For a governing word `gov` with no subject: the subject of the word it hangs on as an open complement or a conjunct, or -1. */
export function controllingSubjectOf(doc: Doc, gov: number, pronoun: number): number {
  if (!controlledSubjectRule.enabled) return -1;
  const toks = doc.tokens;
  const rel = toks[gov].deprel ?? '';
  // (he/she has coref.he-she-shared-subject for the conjunct: the same reading, its own rule)
  const gender = PRONOUNS[toks[pronoun].text.toLowerCase()]?.gender;
  const person = gender === 'm' || gender === 'f';
  if (rel !== 'xcomp' && !(rel === 'conj' && conjunctRule.enabled && !person)) return -1;
  const up = toks[gov].head ?? -1;
  if (up < 0) return -1;
  const sent = doc.sentences[toks[pronoun].sentence];
  // an object of either may be what the clause speaks of, and controls the complement ("Poisson asked him to submit his
  // work, which he did"; "voted to hold a Cabinet officer in contempt while they were in office")
  // (a conjunct's first verb phrase controls nothing: its object stays the callers' to weigh)
  if (rel === 'xcomp') for (let k = sent.tokenStart; k < sent.tokenEnd; k++) if ((toks[k].head === up || toks[k].head === gov) && /^(?:obj|iobj)$/.test(toks[k].deprel ?? '')) return -1;
  for (let k = sent.tokenStart; k < sent.tokenEnd; k++) {
    if (k !== pronoun && toks[k].head === up && /^nsubj/.test(toks[k].deprel ?? '')) {
      (rel === 'conj' ? conjunctRule : controlledSubjectRule).fired(toks[pronoun].start, toks[pronoun].end);
      return k;
    }
  }
  return -1;
}
