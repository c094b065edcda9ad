/**
 * Descriptions whose words say which name they point back to (issue 23, coref18): "the electoral commission" by the
 * name's own words, "the Georgian authorities" by the nationality. Sentences of our own, each checked with its rule
 * switched off too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';

test('"the electoral commission": every lower-case modifier is a word of the organisation\'s name, the noun its head', () => {
  const text = 'Ana Silva heads the National Electoral Commission in Lisbon. She said the electoral commission was ready.';
  assert.equal(linkOf(doc(text), 'the electoral commission'), 'National Electoral Commission');
  assert.equal(linkWithout('coref.description-modified-name-head', text, 'the electoral commission'), '');
  // a modifier the name does not hold: another commission
  assert.equal(linkOf(doc('Ana Silva heads the National Electoral Commission in Lisbon. She said the new commission was ready.'), 'the new commission'), '');
  // the name's head is its leading capitalised run's last word: a "Commission on Presidential Debates" is no debate
  assert.equal(linkOf(doc('Jo Park sued the Commission on Presidential Debates in May. She was not invited to the presidential debates.'), 'the presidential debates'), '');
  // a capitalised common phrase is no name to point back to: "Armed Forces" alone
  assert.equal(linkOf(doc('Armed Forces Day is in May. Many young men joined the armed forces that year.'), 'the armed forces'), '');
});

test('"the Georgian authorities", "the North Korean government": the country the nationality names, when it was named before', () => {
  const text = 'Floods hit Georgia on Monday. The Georgian authorities asked for help.';
  assert.equal(linkOf(doc(text), 'authorities'), 'Georgia');
  assert.equal(linkWithout('coref.description-national-government', text, 'authorities'), '');
  // another country's nationality: no link
  assert.equal(linkOf(doc('Floods hit Georgia on Monday. The Armenian authorities asked for help.'), 'authorities'), '');
  // no table code for "North Korean": the country's name with a nationality's ending, not South Korea named last
  const korea = 'Kim Nam-il died in Malaysia. North Korea denied any role. South Korea accused the North Korean government of ordering the killing.';
  assert.equal(linkOf(doc(korea), 'government'), 'North Korea');
  // the country not named before: nothing to point back to
  assert.equal(linkOf(doc('Floods hit the region on Monday. The Georgian authorities asked for help.'), 'authorities'), '');
});
