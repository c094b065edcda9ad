/**
 * A copular predicate is no mention that points back (issue 23, fourteenth session, coref35). "Kim Jong Nam was the
 * oldest son of Kim Jong Il", "The only country … is Madagascar", "The government is the result of negotiations":
 * the definite phrase says what its subject is; it refers to nothing the reader must find. The measure (the
 * fresh sets: "every definite description that refers to a named entity") marks appositions ("Allison Barber, the
 * deputy assistant defense secretary,") but no copular predicate, as OntoNotes keeps predicate nominals out of its
 * chains (an attribute, not coreference); GUM puts them in the subject's chain. coref.predicate-description
 * (predicates.ts) keeps its apposition reading; with this rule on it makes no link from a copula.
 */
import { defineRule } from '../../rules/registry.js';

export const copulaPredicateRule = defineRule({
  id: 'coref.description-copula-predicate',
  stage: 'coref',
  action: 'veto',
  summary: 'a definite noun phrase that is the predicate of a copular clause ("Kim Jong Nam was the oldest son of Kim Jong Il") or the subject of one whose predicate is a name ("The only country barred is Madagascar") says what the entity is and refers to nothing: no coreference link (an apposition, "Allison Barber, the deputy assistant defense secretary,", still is one)',
  fires: ['Lena Ortiz is the eighth most cited scholar of all time.'],
  spares: ['NATO was then led by Jaap de Hoop Scheffer, the head of the alliance.'],
  source: 'src/extract/coref/descriptions-copula.ts',
});
