/**
 * A role noun fixes a gender only when the word does ("actress", "spokeswoman", "king"): "actor" is said of women too, so
 * "voice actor Lauren Landa … she" links (lexicon/en/roles.tsv; it was marked male until the seventeenth session).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf } from './helpers/coref-links.js';
import { nounGender } from '../src/extract/coref/words.js';

test('"actor" fixes no gender; "actress" and "spokesman" do', () => {
  assert.equal(nounGender('actor'), null);
  assert.equal(nounGender('actress'), 'f');
  assert.equal(nounGender('spokesman'), 'm');
});

test('"she" after "voice actor Lauren Landa" is Lauren Landa', () => {
  const d = doc('The game was voiced by a new cast. Voice actor Lauren Landa joined in March. "It was a dream role," she told reporters.');
  assert.equal(linkOf(d, 'she told'), 'Lauren Landa');
});
