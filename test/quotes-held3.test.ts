import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { loadGold, validateDoc, type GoldQuoteDoc } from '../eval/quotes-gold.js';
import { docBootstrap, wilson } from '../eval/quotes.js';

const all = loadGold();
const held3 = all.filter((d) => d.split === 'held3');
const sha = (s: string) => createHash('sha1').update(s).digest('hex');
const key = (s: string) => decodeURIComponent(s).replace(/[_\s]+/g, ' ').toLowerCase();

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
  let n = 0;
  for (const d of held3) {
    assert.deepEqual(validateDoc(d), [], d.slug);
    assert.ok(d.attributions.length >= 2, `${d.slug}: at least two attributions`);
    for (const a of d.attributions) {
      n++;
      for (const s of [a.content, a.source, a.cue]) if (s) assert.equal(d.text.slice(s.start, s.end), s.text, a.id);
      assert.ok(a.content.text.trim().length > 0, a.id);
      assert.ok(a.speaker, `${a.id}: held3 gives every speaker`);
      if (a.kind === 'direct') {
        // a direct content sits inside its quotation marks (or is a block quotation of its own paragraph), without them
        assert.ok(!/^["“”]|["“”]$/.test(a.content.text), `${a.id}: content without its marks`);
        const before = d.text.slice(Math.max(0, a.content.start - 2), a.content.start);
        assert.ok(/["“]\s?$/.test(before) || /(^|\n)$/.test(d.text.slice(0, a.content.start)) || a.content.start === 0, `${a.id}: a direct content opens right after a quotation mark or a paragraph break`);
      }
      if (a.kind === 'mixed') assert.match(a.content.text, /["“”]/, `${a.id}: a mixed content holds quoted words`);
      if (a.source && a.cue) assert.ok(a.source.end <= a.cue.start || a.source.start >= a.cue.end, `${a.id}: source and cue do not overlap`);
    }
    for (const q of d.nonQuotes) assert.equal(d.text.slice(q.start, q.end), q.text, d.slug);
  }
  assert.ok(n >= 250, `${n} attributions`);
});

test('held3 is unseen: no other split and no unlabelled Wikinews article shares its titles, URLs or opening words', () => {
  const others = all.filter((d) => d.split !== 'held3');
  const unlabelled = gunzipSync(readFileSync(join(process.cwd(), '../shared/data/unlabelled/news-en.jsonl.gz'))).toString('utf8')
    .split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; title: string; url?: string; text: string }).filter((d) => d.id.startsWith('wikinews:'));
  const seenTitles = new Set([...others, ...unlabelled].map((d) => d.title.toLowerCase()));
  const seenUrls = new Set([...others.map((d: GoldQuoteDoc) => d.url), ...unlabelled.map((d) => d.url)].filter(Boolean).map((u) => key(u!.replace(/^.*\/wiki\//, ''))));
  const openings = new Set([...others, ...unlabelled].map((d) => d.text.slice(0, 60)));
  assert.ok(unlabelled.length > 300, 'the unlabelled Wikinews articles are read');
  for (const d of held3) {
    assert.ok(!seenTitles.has(d.title.toLowerCase()), `${d.slug}: title seen elsewhere`);
    assert.ok(!seenUrls.has(key(d.url!.replace(/^.*\/wiki\//, ''))), `${d.slug}: URL seen elsewhere`);
    assert.ok(!openings.has(d.text.slice(0, 60)), `${d.slug}: opening seen elsewhere`);
  }
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
