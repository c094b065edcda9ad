/**
 * Third-person pronouns (issue 23, coref28): "they" carrying on a chain already linked to a body, "it" governed through an
 * open complement. Sentences of our own, each checked with its rule switched off too. (coref28's quoted-he-she, reach and
 * conjunct rules were removed by the lead at integration: docs/coref.md.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';

const CHAIN = 'coref.they-chain';

test('"they" carries on a chain already linked to a country while nothing else plural comes between', () => {
  const text = 'Portugal is at a stage where I think they have only spent a little of the money. There is no proof that they have a plan.';
  assert.equal(linkOf(doc(text), 'they have a plan'), 'Portugal');
  assert.equal(linkWithout(CHAIN, text, 'they have a plan'), '');
  // a plural noun between is the likelier antecedent; another country between breaks the chain
  assert.equal(linkOf(doc('Portugal is at a stage where I think they have only spent a little of the money. The inspectors say that they have a plan.'), 'they have a plan'), '');
  assert.equal(linkOf(doc('Portugal is at a stage where I think they have only spent a little of the money. Spain says they have a plan.'), 'they have a plan'), 'Spain');
});

test('a clause hanging on an open complement is governed by the complement\'s controller ("X will become a member if it wants to")', () => {
  const text = 'Portugal will become a member of the union if it wants to.';
  assert.equal(linkOf(doc(text), 'it wants'), 'Portugal');
  assert.equal(linkWithout('coref.governing-subject-through-xcomp', text, 'it wants'), '');
  // an object controls the complement instead: no link through it
  assert.equal(linkOf(doc('Spain asked Portugal to become a member of the union if it wants to.'), 'it wants'), '');
});
