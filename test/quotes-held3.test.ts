import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { loadGold } from '../eval/quotes-gold.js';
import { docBootstrap, wilson } from '../eval/quotes.js';
import { assertUnseen, assertWellFormed } from './support/quote-sets.js';

const all = loadGold();
const held3 = all.filter((d) => d.split === 'held3');
const sha = (s: string) => createHash('sha1').update(s).digest('hex');

test('held3: 24 fresh Wikinews articles with source, licence and a half fixed by the hash of the id', () => {
  assert.equal(held3.length, 24);
  for (const d of held3) {
    assert.equal(d.origin, 'wikinews', d.slug);
    assert.equal(d.licence, 'CC BY 2.5', d.slug);
    assert.match(d.url ?? '', /^https:\/\/en\.wikinews\.org\/wiki\/\S+$/, d.slug);
    assert.match(d.attribution, /AMALGUM_news_\w+\.xml/, d.slug);
    assert.match(d.id, /^amalgum:AMALGUM_news_[a-z]+$/, d.slug);
    assert.match(d.slug, /^h3-/);
    assert.equal(d.half, parseInt(sha(`held3-half:${d.id}`)[0], 16) < 8 ? 'A' : 'B', d.slug);
  }
  assert.equal(held3.filter((d) => d.half === 'A').length, 12);
  assert.equal(held3.filter((d) => d.half === 'B').length, 12);
});

test('held3: every attribution points at the words it quotes, with a speaker, and every document has some', () => {
  assert.ok(assertWellFormed(held3, { lostOpeningMark: false }) >= 250);
});

test('held3 is unseen: no other split and no unlabelled Wikinews article shares its titles, URLs or opening words', () => {
  assertUnseen(held3, all.filter((d) => d.split !== 'held3'));
});

test('held3 intervals: Wilson bounds hold the rate and narrow with more attributions; the document bootstrap is fixed by its seed', () => {
  const [lo, hi] = wilson(200, 228);
  assert.ok(lo < 100 * 200 / 228 && 100 * 200 / 228 < hi);
  const [lo2, hi2] = wilson(2000, 2280);
  assert.ok(hi2 - lo2 < hi - lo);
  assert.deepEqual(wilson(0, 0), [0, 0]);
  const perDoc: [number, number][] = [[9, 10], [4, 8], [10, 10], [7, 9]];
  assert.deepEqual(docBootstrap(perDoc), docBootstrap(perDoc));
  const [b0, b1] = docBootstrap(perDoc);
  assert.ok(b0 <= 100 * 30 / 37 && 100 * 30 / 37 <= b1 && b0 >= 50 && b1 <= 100);
});
