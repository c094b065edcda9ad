/**
 * Coreference (issue 23, coref39): a people named in the plural is "they" only as a whole — not when its name is
 * counted (the part) or joined to another conjunct (the pair). Sentences of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';

test('a counted people ("the thirteen Palestinians") is the part, no antecedent of "they"', () => {
  const text = 'The envoy met the thirteen Palestinians on Monday, but in the end they walked out.';
  assert.equal(linkOf(doc(text), 'they walked'), '');
  assert.equal(linkWithout('coref.people-they-part', text, 'they walked'), 'Palestinians');
  assert.equal(linkOf(doc('The envoy met 40 Kurds on Monday, but in the end they walked out.'), 'they walked'), '');
  // the people as a whole still is
  assert.equal(linkOf(doc('The envoy met the Palestinians on Monday, but in the end they walked out.'), 'they walked'), 'Palestinians');
});

test('a people joined to another by "and" is half of the pair "they" stands for', () => {
  const text = 'The envoy met the Israelis and Palestinians on Monday, but in the end they walked out.';
  assert.equal(linkOf(doc(text), 'they walked'), '');
  assert.equal(linkWithout('coref.people-they-part', text, 'they walked'), 'Palestinians');
  // a clause's subject the parse hangs on the verb before is no conjunct
  assert.equal(linkOf(doc('The attack failed and the Palestinians lost a third of their tanks.'), 'their tanks'), 'Palestinians');
});
