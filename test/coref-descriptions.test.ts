/**
 * Issue 23, descriptions (coref4): "the nation", "the region" through the lexicon's place nouns.
 * Sentences of our own. (The gendered person nouns' rule is held back: docs/coref.md.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';


test('"the nation" is the one country named in the last sentences; two countries leave it open', () => {
  assert.equal(linkOf(doc('Floods hit Bangladesh on Monday. The nation asked its neighbours for help.'), 'The nation'), 'Bangladesh');
  assert.equal(linkOf(doc('Floods hit Bangladesh and Nepal on Monday. The nation asked its neighbours for help.'), 'The nation'), '');
  // a town is no nation
  assert.equal(linkOf(doc('Floods hit Lyon on Monday. The nation asked its neighbours for help.'), 'The nation'), '');
  assert.equal(linkWithout('coref.place-description-lexicon', 'Floods hit Bangladesh on Monday. The nation asked its neighbours for help.', 'The nation'), '');
});

test('"the country" with no country in the last five sentences is the one the text has been about; a rival country leaves it open', () => {
  const about = 'Chile elected a new president in March. Chile has a long coast. The ballots were counted by hand. Turnout was high. The new cabinet met on Monday. Ministers spoke for hours. Critics were unconvinced. The country faces a hard winter.';
  assert.equal(linkOf(doc(about), 'The country'), 'Chile');
  const rivals = 'Chile elected a new president in March. Peru has a long coast. The ballots were counted by hand. Turnout was high. The new cabinet met on Monday. Ministers spoke for hours. Critics were unconvinced. The country faces a hard winter.';
  assert.equal(linkOf(doc(rivals), 'The country'), '');
  assert.equal(linkWithout('coref.place-description-salient', about, 'The country'), '');
});

test('a region written with its compass points apart ("South East Asia") is the gazetteer\'s "Southeast Asia" for "the region"', () => {
  assert.equal(linkOf(doc('Monsoon floods hit South East Asia in July. The region asked for help.'), 'The region'), 'South East Asia');
  assert.equal(linkOf(doc('Monsoon floods hit South East Asia and East Africa in July. The region asked for help.'), 'The region'), '');
});

test('a role noun owned by a description ("the group\'s leader") is the person it is apposed to, and the possessor stays free', () => {
  const text = 'The Houthis seized the ship in November. Abdul-Malik al-Houthi, the group\'s leader, said the crew were spies.';
  const d = doc(text);
  assert.equal(linkOf(d, 'leader'), 'Abdul-Malik al-Houthi');
  // "the group" is not swallowed by the person's mention
  assert.ok(!d.entities.some((e) => e.type === 'PERSON' && e.mentions.some((m) => m.start === text.indexOf('the group'))));
  assert.equal(linkOf(doc('The paper interviewed the site\'s founder, Jack Herrick, on Monday.'), 'founder'), 'Jack Herrick');
  assert.equal(linkWithout('coref.described-possessor-role', text, 'leader'), '');
  // "of" is no possessor: "the founder of the site, Jack Herrick" is left to the names stage
  assert.equal(linkOf(doc('The paper interviewed the founder of the site, Jack Herrick, on Monday.'), 'founder'), '');
});
