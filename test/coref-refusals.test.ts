/**
 * Descriptions linked only where the noun fits the entity (issue 23, coref25): "the government" alone → the one
 * country in reach; "the president" is no vice president; "the region" is no town. Sentences of our own, each checked
 * with its rule switched off too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';

test('"the government" alone: the one country named in the last five sentences', () => {
  const text = 'Floods hit Bangladesh on Monday. The government asked for help.';
  assert.equal(linkOf(doc(text), 'The government'), 'Bangladesh');
  assert.equal(linkWithout('coref.description-state-sole-country', text, 'The government'), '');
  // two countries in reach: unsure, unlinked
  assert.equal(linkOf(doc('Floods hit Bangladesh and Nepal on Monday. The government asked for help.'), 'The government'), '');
  // "the side" alone is most often a team: no link
  assert.equal(linkOf(doc('Floods hit Bangladesh on Monday. The side lost the match.'), 'The side'), '');
});

test('"the president" passes over a vice president to the president', () => {
  const text = 'President Ana Ruiz met Vice President Tom Berg on Friday. Berg spoke first. The president left early.';
  assert.equal(linkOf(doc(text), 'The president'), 'Ana Ruiz');
  assert.equal(linkWithout('coref.description-role-other-office', text, 'The president'), 'Tom Berg');
  // an attorney general is no general, and no one else is one: unlinked
  assert.equal(linkOf(doc('Attorney General Tom Berg spoke on Friday. Critics were angry. The general said nothing.'), 'The general'), '');
  // the office itself: linked as before
  assert.equal(linkOf(doc('President Ana Ruiz spoke on Friday. Critics were angry. The president said nothing.'), 'The president'), 'Ana Ruiz');
});

test('"the region" is no town', () => {
  const text = 'The summit was held in Tehran on Monday. Leaders promised security in the region.';
  assert.equal(linkOf(doc(text), 'the region'), '');
  assert.equal(linkWithout('coref.place-description-region-not-town', text, 'the region'), 'Tehran');
  assert.equal(linkOf(doc('The summit was held in Lombardy on Monday. Leaders promised security in the region.'), 'the region'), 'Lombardy');
});
