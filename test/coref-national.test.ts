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

test('"the president" before any holder is named goes to the one person given the role only when named near it', () => {
  const far = 'Reporter: How can the president deal with the crisis?\n\nWolfe: We need talks. We had talks before. We kept them going. We had many of them. They worked well in the past, when President John Kennedy and the Soviet premier spoke.';
  assert.equal(linkOf(doc(far), 'the president'), '');
  assert.equal(linkWithout('coref.description-sole-holder-reach', far, 'the president'), 'John Kennedy');
  // named in the next sentences: the holder, as before ("her lawyer said … Her lawyer, Reza Mostafavi,")
  const near = 'Nadia Rahimi was arrested on Monday. Her lawyer said the charges were false. Her lawyer, Reza Mostafavi, spoke to reporters.';
  assert.equal(linkOf(doc(near), 'lawyer said'), 'Reza Mostafavi');
  // an "of" complement says whose lawyer: not the one lawyer named
  const of = 'Nadia Rahimi was arrested. The lawyer of the bank said the charges were false. Her lawyer, Reza Mostafavi, spoke to reporters.';
  assert.equal(linkOf(doc(of), 'The lawyer'), '');
  assert.equal(linkWithout('coref.description-sole-holder-reach', of, 'The lawyer'), 'Reza Mostafavi');
  assert.equal(linkOf(doc(of.replace('The lawyer of the bank', 'The lawyer')), 'The lawyer'), 'Reza Mostafavi');
});

test('the description\'s words must end the name in their order: "the new party" is no New Democratic Party', () => {
  assert.equal(linkOf(doc('Ana Silva leads the New Democratic Party. She said the new party would win.'), 'the new party'), '');
  assert.equal(linkOf(doc('Ana Silva leads the New Democratic Party. She said the democratic party would win.'), 'the democratic party'), 'New Democratic Party');
});
