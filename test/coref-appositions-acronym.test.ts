/**
 * Appositions a name's bracketed short form, a possessor or a series used to hide or fake (issue 23, eighteenth session,
 * corefdesc): coref.apposition-past-acronym ("the Movement for Democratic Change (MDC), the main opposition party"),
 * coref.apposition-possessor-other ("…, the country's main opposition party": a possessor is never the phrase's referent)
 * and coref.apposition-in-list's series reading ("the Museum of Art, the city's theatre, the city library as well as …").
 * Sentences of our own, each with the rule on and off.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';

/** Each rule, text, the description's first words, its entity with every rule on ('' for none), and without the rule. */
const CASES: [string, string, string, string, string][] = [
  ['coref.apposition-past-acronym', 'Police arrested members of the Movement for Democratic Change (MDC), the main opposition party, on Sunday.', 'the main opposition party', 'Movement for Democratic Change', ''],
  // a bracket holding another name is no short form of this one
  ['coref.apposition-past-acronym', 'Police arrested members of the Movement for Democratic Change (in Harare), the main opposition party, on Sunday.', 'the main opposition party', '', ''],
  ['coref.apposition-possessor-other', 'Police in Zimbabwe arrested members of the Movement for Democratic Change, the country\'s main opposition party, on Sunday.', 'main opposition party', 'Movement for Democratic Change', ''],
  ['coref.apposition-possessor-other', 'Hosni Mubarak, President of Egypt, died in a military hospital in Cairo, the country\'s capital. The country\'s state news announced the death.', 'capital', 'Cairo', ''],
  // a series of places: the second member is no second name of the first
  ['coref.apposition-in-list', 'Farms spread along the Tagus valley, the coastal plain of Lisbon, the Douro valley and the hills beyond.', 'the coastal plain', '', 'Tagus valley'],
  // a comma, a coordinator and a third member after a "the" phrase decide nothing: an apposition stays
  ['coref.apposition-in-list', 'It is rich in wall paintings by Reza Abbassi, the court painter of Shah Abbas I, and his pupils.', 'the court painter', 'Reza Abbassi', 'Reza Abbassi'],
];

for (const [rule, text, words, on, off] of CASES) {
  test(`${rule}: "${words}" in "${text.slice(0, 48)}…" is ${on || 'no link'} (${off || 'no link'} without it)`, () => {
    assert.equal(linkOf(doc(text), words), on);
    assert.equal(linkWithout(rule, text, words), off);
  });
}
