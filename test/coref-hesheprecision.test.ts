/**
 * he and she precision (issue 23, coref26): a he/she whose clause slot — the governing clause's subject, or the subject a
 * fronted phrase looks ahead to — is a person no name stands for is that unnamed person, not a name further back.
 * Sentences of our own, each checked with the rule switched off too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';

const ID = 'coref.he-she-unnamed-clause-subject';

test('"One of the two women … when she approached": the governing subject has no name, so "she" takes none', () => {
  const text = 'Police questioned Maria Lopez on Monday. One of the two women was wearing a cap when she approached the guard.';
  assert.equal(linkOf(doc(text), 'she approached'), '');
  assert.equal(linkWithout(ID, text, 'she approached'), 'Maria Lopez');
  // a plural subject is not one person: the rule stays out
  assert.equal(linkOf(doc('Police questioned Maria Lopez on Monday. The two women were wearing caps when she approached the guard.'), 'she approached'), 'Maria Lopez');
  // a named governing subject still takes the pronoun
  assert.equal(linkOf(doc('Police questioned Maria Lopez on Monday. Ana Ruiz was wearing a cap when she approached the guard.'), 'she approached'), 'Ana Ruiz');
});

test('a person noun of the other gender does not take the pronoun', () => {
  // "the woman" is no "he": the man named before keeps it
  assert.equal(linkOf(doc('Police questioned Tomas Ruiz on Monday. The woman was wearing a cap when he approached the guard.'), 'he approached'), 'Tomas Ruiz');
});

test('a phrase fronted before a subject with no name: "Discussing his concern, the country\'s prime minister said"', () => {
  const text = 'Police questioned Tomas Ruiz on Monday. Discussing his concern in a statement, the country\'s prime minister said more talks were needed.';
  assert.equal(linkOf(doc(text), 'his concern'), '');
  assert.equal(linkWithout(ID, text, 'his concern'), 'Tomas Ruiz');
  // an organisation as that subject is no person: the rule stays out
  assert.equal(linkOf(doc('Police questioned Tomas Ruiz on Monday. Discussing his concern in a statement, the ministry said more talks were needed.'), 'his concern'), 'Tomas Ruiz');
});
