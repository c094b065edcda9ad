/**
 * An organisation named in full, then by the last words of its name with "the" (issue 23, fifteenth session, coref37):
 * coref.reduced-org-name. Sentences of our own: for each case, the text, the words, the link with every rule on and
 * the link with the rule switched off.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';

const RULE = 'coref.reduced-org-name';
/** Each text with the short form's words and the organisation it names ('' when nothing should): the rule makes the link. */
const LINKS: { text: string; words: string; entity: string }[] = [
  // a short form the recogniser leaves unnamed, and one it names by itself
  { text: 'The Brazilian Air Force opened an inquiry on Monday. The Air Force said the pilots were at fault.', words: 'The Air Force', entity: 'Brazilian Air Force' },
  { text: 'The U.S. Senate met on Monday. The vote came late. On Tuesday the Senate passed the bill.', words: 'the Senate', entity: 'U.S. Senate' },
  // two organisations with that tail: no link
  { text: 'The New York Times and the Los Angeles Times ran the story. The Times said the pilots were at fault.', words: 'The Times', entity: '' },
  // the name goes on after the short form: another thing
  { text: 'The Brazilian Air Force opened an inquiry. The Air Force Academy said the pilots were at fault.', words: 'The Air Force Academy', entity: '' },
  // a name whose tail follows "of" or "and" is another thing's name ("Centre of the Coast Guard")
  { text: 'The Command Centre of the Coast Guard sent a boat on Monday. The Coast Guard said the crew was safe.', words: 'The Coast Guard', entity: '' },
];

for (const { text, words, entity } of LINKS) {
  test(`coref37: "${words}" in "${text.slice(0, 40)}…" is ${entity || 'no link'}; never without the rule`, () => {
    assert.equal(linkOf(doc(text), words), entity);
    assert.equal(linkWithout(RULE, text, words), '');
  });
}

test('coref37: an entity the short form alone made joins the organisation', () => {
  const d = doc('The U.S. Senate met on Monday. The vote came late. On Tuesday the Senate passed the bill. Senate leaders spoke.');
  const senates = d.entities.filter((e) => e.mentions.some((m) => m.kind === 'name' && /Senate/.test(m.text)));
  assert.deepEqual(senates.map((e) => e.name), ['U.S. Senate']);
});
