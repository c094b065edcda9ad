/**
 * he and she for persons whose names look like common words (issue 23, coref31): a one-word surname after a title
 * ("Senator Long") and a name whose first word is a common word the recogniser took in ("State Hillary Clinton").
 * Sentences of our own, each checked with its rule switched off too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';

test('a one-word surname after a title is no common noun for he/she ("Senator Long … his")', () => {
  const text = 'Senator Long sent the bill to his own committee on Monday. Then he blocked every amendment.';
  assert.equal(linkOf(doc(text), 'his own'), 'Long');
  assert.equal(linkOf(doc(text), 'he blocked'), 'Long');
  assert.equal(linkWithout('coref.titled-surname', text, 'his own'), '');
  // without a title the word may be a common noun the recogniser misread: refused as before
  assert.equal(linkOf(doc('Long sent the bill to his own committee on Monday.'), 'his own'), '');
});

test('a titled surname takes no he/she when another person is named in the sentence or the one before', () => {
  const text = 'Tom Hale died on Monday. Ana Ruiz said Hale "was a great man," while President Trump praised his courage.';
  assert.equal(linkOf(doc(text), 'his courage'), 'Tom Hale');
});

test('a name opening with a common word takes its gender from the given name after it ("State Hillary Clinton")', () => {
  // (after a title and "of", the recogniser now leaves the complement out: ner.office-complement, names27)
  assert.equal(linkOf(doc('Secretary of State Hillary Clinton arrived on Monday. She met the president.'), 'She met'), 'Hillary Clinton');
  const text = 'Madam Secretary State Hillary Clinton arrived on Monday. She met the president.';
  assert.equal(linkOf(doc(text), 'She met'), 'State Hillary Clinton');
  assert.equal(linkWithout('coref.given-name-past-common-word', text, 'She met'), '');
});

test('"it" whose copular predicate names a kind of place is the place of that kind named just before ("It is the most interesting city")', () => {
  const text = 'You asked me about Taipei. It is the most interesting city in the region because it is an international city.';
  assert.equal(linkOf(doc(text), 'It is'), 'Taipei');
  assert.equal(linkOf(doc(text), 'it is an'), 'Taipei');
  assert.equal(linkWithout('coref.it-copular-place-noun', text, 'It is'), '');
  // two towns in the deciding sentence, a predicate of another kind, another name as the topic: no link
  assert.equal(linkOf(doc('We drove from Taipei to Kaohsiung. It is the most interesting city in the region.'), 'It is'), '');
  assert.equal(linkOf(doc('You asked me about Taipei. It is the most interesting book in the shop.'), 'It is'), '');
  assert.equal(linkOf(doc('Qalat lies south of Quetta. It was the capital of the old khanate.'), 'It was'), '');
});

test('he/she is not linked to one of two persons named together that it could equally be ("Ana Ruiz and Maria Lopez … she")', () => {
  const text = 'Ana Ruiz and Maria Lopez walked up to the guard. Later she opened the gate with a key.';
  assert.equal(linkOf(doc(text), 'she opened'), '');
  assert.equal(linkWithout('coref.he-she-coordinated-pair', text, 'she opened'), 'Ana Ruiz');
  // a gender tells the two apart: linked as before
  assert.equal(linkOf(doc('Ana Ruiz and Tom Hale walked up to the guard. Later she opened the gate with a key.'), 'she opened'), 'Ana Ruiz');
});
