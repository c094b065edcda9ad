/**
 * "it" as the copular subject of an adverbial clause on a clause whose subject is a named place or organisation:
 * "Beijing is an interesting city because it's international", "Lisbon grew fast as it was a free port". The group
 * rule (coref.group-pronoun-clause) refuses every copular "it" ("Greenpeace said it is time for a new treaty": the
 * reported "it" is most often the matter, not the speaker); an adverbial clause that says what its subject is or
 * was — an adjective or a noun predicate, no preposition, no clause of its own — keeps the subject.
 */
import type { Doc } from '../../doc.js';
import { defineRule } from '../../rules/registry.js';

export const itCopularClauseRule = defineRule({
  id: 'coref.it-copular-adverbial',
  stage: 'coref',
  action: 'label',
  summary: '"it" as the subject of a copular adverbial clause ("because it\'s international", "as it was a free port") on a clause whose subject is a named place or organisation is that subject; not a reported clause ("said it was a mistake"), not a prepositional predicate ("because it is about money"), not a placeholder with a clause of its own',
  fires: ['Lisbon is an interesting city because it is international.'],
  spares: ['Lisbon said it was a mistake.', 'Lisbon is an interesting city because it is about money.', 'Lisbon is an interesting city because it is clear that people like the place.'],
  source: 'src/extract/coref/pronouns-it-copular.ts',
});

/** "it" at i heads (as subject) a copular adverbial clause whose predicate at v is an adjective or a noun, with no preposition. */
export function copularAdverbialIt(doc: Doc, i: number, v: number): boolean {
  if (!itCopularClauseRule.enabled || v < 0) return false;
  const toks = doc.tokens;
  if (toks[i].text.toLowerCase() !== 'it' || !/^nsubj/.test(toks[i].deprel ?? '')) return false;
  if ((toks[v].deprel ?? '').split(':')[0] !== 'advcl') return false;
  if (toks[v].upos !== 'ADJ' && toks[v].upos !== 'NOUN') return false;
  // "because it is about money", "as it was in May": a place or a matter, not what the subject is; "because it is
  // clear that …", "because it is time to …": a placeholder for the clause (an adverbial clause on the predicate is no
  // such clause: "because it's international, because it has the press")
  for (const c of doc.dependents()[v]) {
    const rel = (toks[c].deprel ?? '').split(':')[0];
    if (rel === 'case' || rel === 'ccomp' || rel === 'csubj' || rel === 'xcomp' || rel === 'acl') return false;
  }
  return true;
}
