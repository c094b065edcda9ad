/**
 * A name, a comma and a phrase that a coordinator carries on to another phrase is a list, not an apposition (issue 23,
 * eighteenth session, corefdesc: coref.apposition-in-list). Sentences of our own: the list member stays unlinked with
 * the rule on and is linked (wrongly) with it off; the appositions it must leave alone are linked either way.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';

const RULE = 'coref.apposition-in-list';

/** Each text, the role noun's words, the entity it is linked to with every rule on ('' for none), and without the rule. */
const CASES: [string, string, string, string][] = [
  // a comma and a coordinator after the phrase: a list of three
  ['Reporters asked for a comment from Tom Cruise, his lawyer, or representatives.', 'lawyer', '', 'Tom Cruise'],
  ['Dara Kaya, his brother, and his mother were among the eleven who died.', 'brother', '', 'Dara Kaya'],
  // no comma, the phrase's own possessive again: "her mother and her sister"
  ['In 1893, Ana Ruiz, her mother and her sister left the city.', 'mother', '', 'Ana Ruiz'],
  // appositions: closed by a comma, or a coordinated second description of the same person
  ['Police spoke to Ana Ruiz, her lawyer, on Friday.', 'lawyer', 'Ana Ruiz', 'Ana Ruiz'],
  ['In a statement, Ana Ruiz, his wife and the chairwoman of the party, thanked the nurses.', 'wife', 'Ana Ruiz', 'Ana Ruiz'],
];

for (const [text, words, on, off] of CASES) {
  test(`apposition-in-list: "${words}" in "${text.slice(0, 50)}…" is ${on || 'no link'} (${off || 'no link'} without the rule)`, () => {
    assert.equal(linkOf(doc(text), words), on);
    assert.equal(linkWithout(RULE, text, words), off);
  });
}

test('apposition-in-list: the list member\'s possessive is free to take the listed name ("Tom Cruise, his lawyer" → his = Cruise)', () => {
  const d = doc('Reporters asked for a comment from Tom Cruise, his lawyer, or representatives.');
  assert.equal(linkOf(d, 'his'), 'Tom Cruise');
});
