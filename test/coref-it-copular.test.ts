/**
 * Coreference (issue 23, coref39): "it" as the copular subject of an adverbial clause on a clause whose subject is a
 * named place or organisation. Sentences of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';

test('"because it is international" after a named place as subject: that place', () => {
  const text = 'Lisbon is an interesting city because it is international.';
  assert.equal(linkOf(doc(text), 'it is'), 'Lisbon');
  assert.equal(linkWithout('coref.it-copular-adverbial', text, 'it is'), '');
  // a second adverbial clause on the predicate is no placeholder's clause
  assert.equal(linkOf(doc('I said Lisbon is an interesting city because it is international, because it has the press.'), 'it is'), 'Lisbon');
});

test('a reported, prepositional or placeholder copular "it" stays unlinked', () => {
  assert.equal(linkOf(doc('Lisbon said it was a mistake.'), 'it was'), '');
  assert.equal(linkOf(doc('Lisbon is an interesting city because it is about money.'), 'it is'), '');
  assert.equal(linkOf(doc('Lisbon is an interesting city because it is clear that people like the place.'), 'it is'), '');
});

test('"its" in a relative clause whose subject is "which": the relative\'s named noun', () => {
  const text = 'Dams on the Kestrel River, which is flooding downstream while experiencing a severe drought near its source, are at risk.';
  assert.equal(linkOf(doc(text), 'its source'), 'Kestrel River');
  assert.equal(linkWithout('coref.its-relative-subject', text, 'its source'), '');
  // another organisation named between is as likely
  assert.equal(linkOf(doc('Dams on the Kestrel River, which is flooding Brightwater Bank while experiencing a drought near its source, are at risk.'), 'its source'), '');
});

test('"its"/"their" inside the phrase of a noun a name possesses: that possessor', () => {
  const text = 'The envoy said that Portugal\'s territorial integrity and its independence must be respected.';
  assert.equal(linkOf(doc(text), 'its independence'), 'Portugal');
  assert.equal(linkWithout('coref.its-possessor-phrase', text, 'its independence'), '');
  const plural = 'Reporters asked about Iraq\'s preparations for their constitutional referendum.';
  assert.equal(linkOf(doc(plural), 'their constitutional'), 'Iraq');
  assert.equal(linkWithout('coref.its-possessor-phrase', plural, 'their constitutional'), '');
  // another plural noun between is the likelier "their"
  assert.equal(linkOf(doc('Reporters asked about Iraq\'s preparations with the voters for their constitutional referendum.'), 'their constitutional'), '');
});
