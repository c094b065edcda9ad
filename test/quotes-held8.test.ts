import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadGold } from '../eval/quotes-gold.js';
import { inScope } from '../eval/quotes.js';
import { trainingPool } from '../eval/quotes-speaker.js';
import { assertHalvedSwitches, assertUnseenByGum, freshSetTests } from './support/quote-sets.js';

/**
 * held8 (fresh26): English Wikinews articles of ../shared/data/unlabelled/news-en.jsonl.gz that no eval/data set held, annotated
 * before Chronicle ever ran on them, in two halves the selector fixed before any article was read (alternating in taken order):
 * half A is a readable development pool, half B is unseen. Nothing here runs the extractor on them.
 */
const gold = loadGold();
freshSetTests({ split: 'held8', prefix: 'h8', halves: { A: 8, B: 8 }, halfRule: 'alternate', source: 'unlabelled' }, gold, inScope);

const docs = gold.filter((d) => d.split === 'held8');
interface Walked { id: string; hash: string; half?: 'A' | 'B'; skip?: string; chars: number; signs: number }
interface Held8Selector {
  BASE: string; SALT: string; TAKE: number; MIN_CHARS: number; MAX_CHARS: number; MIN_SIGNS: number;
  walk: () => { walked: Walked[]; taken: { id: string }[] };
  gumCheck: () => (a: { id: string; title: string; url?: string }) => string | undefined;
  signs: (text: string) => number;
}
const load = async <T>(p: string) => (await import(pathToFileURL(join(process.cwd(), p)).href)) as T;
const selector = () => load<Held8Selector>('eval/data/quotes/tools/held8.mjs');
const hasCommit = (c: string) => { try { execFileSync('git', ['cat-file', '-e', `${c}^{commit}`], { stdio: 'ignore' }); return true; } catch { return false; } };

test('held8: the selection reproduces — the first 16 articles of the salted SHA-1 walk less mechanical skips, halves alternating', async (t) => {
  const sel = await selector();
  if (!hasCommit(sel.BASE)) { t.skip(`the selection reads the repository at ${sel.BASE.slice(0, 7)}, absent from this clone`); return; }
  const { walked, taken } = sel.walk();
  assert.equal(sel.SALT, 'held8:');
  assert.equal(taken.length, sel.TAKE);
  assert.equal(sel.TAKE, 16);
  // the walk is in the order of the salted hash, and stops at the 16th taken article
  assert.deepEqual(walked.map((r) => r.hash), [...walked.map((r) => r.hash)].sort());
  assert.ok(walked[walked.length - 1].half, 'the walk ends on a taken article');
  // the documents are the taken articles, in taken order, with the selector's halves: 1st A, 2nd B …
  assert.deepEqual(docs.map((d) => d.id), taken.map((a) => a.id));
  assert.deepEqual(docs.map((d) => d.half), docs.map((_, i) => (i % 2 === 0 ? 'A' : 'B')));
  assert.deepEqual(walked.filter((r) => r.half).map((r) => r.half), docs.map((d) => d.half));
  // every skip is one of the mechanical rules, and every taken article passes the length and sign filters
  for (const r of walked.filter((x) => x.skip)) assert.match(r.skip!, /^(held|quoted|gum|copy|form|length|few): /, r.id);
  for (const r of walked.filter((x) => x.half)) {
    assert.ok(r.chars >= sel.MIN_CHARS && r.chars <= sel.MAX_CHARS, r.id);
    assert.ok(r.signs >= sel.MIN_SIGNS, r.id);
  }
  // the held check can fail: the articles it skipped as held by the quote set are quote documents
  const quoteIds = new Set(readFileSync('eval/data/quotes/docs.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: string; split: string })).filter((d) => d.split !== 'held8').map((d) => d.id));
  const heldByQuotes = walked.filter((r) => r.skip?.startsWith('held: eval/data/quotes'));
  assert.ok(heldByQuotes.length >= 3, `${heldByQuotes.length} skipped as quote documents`);
  for (const r of heldByQuotes.filter((x) => /\(id or page\)/.test(x.skip!))) assert.ok(quoteIds.has(r.id), r.id);
  assert.ok(walked.some((r) => r.skip?.startsWith('held: eval/data/events')) && walked.some((r) => r.skip?.startsWith('length: ')), 'other sets and the length filter skip too');
});

test('held8: the attribution-sign count counts quotation marks and paragraphs with a speech word', async () => {
  const sel = await selector();
  assert.equal(sel.signs('He said the talks failed.\n"No," she told reporters.\nThe sun rose.'), 4);
  assert.equal(sel.signs('The sun rose.\nRain fell.'), 0);
});

test('held8 is unseen by GUM: no GUM document shares an id, title, Wikinews page or opening; the selector\'s GUM check finds a train document by its page and names a dev/test document by its word', async () => {
  const afghan = { id: 'amalgum:AMALGUM_news_afghan', title: "After visa snags, all-girl Afghan team honored for 'courageous achievement' at international robotics competition", url: 'https://en.wikinews.org/wiki/After_visa_snags%2C_all-girl_Afghan_team_honored_for_%27courageous_achievement%27_at_international_robotics_competition', gumId: 'GUM_news_afghan' };
  assertUnseenByGum(docs, afghan);
  const gum = (await selector()).gumCheck();
  assert.match(gum({ id: 'wikinews:x', title: 'Something else', url: afghan.url }) ?? '', /^GUM_news_afghan/);
  assert.match(gum({ id: 'wikinews:x', title: 'Iodine tablets sold out', url: 'https://en.wikinews.org/wiki/Iodine_tablets_sold_out' }) ?? '', /^GUM_news_iodine .*not opened/);
  assert.equal(gum({ id: 'wikinews:x', title: 'Ferry sinks in harbour', url: 'https://en.wikinews.org/wiki/Ferry_sinks_in_harbour' }), undefined);
  for (const d of docs) assert.equal(gum({ id: d.id, title: d.title, url: d.url ?? undefined }), undefined, d.slug);
});

test('held8 wiring: --held8 scores it with both halves, --held8-errors alone runs and lists half A only; the speaker ranker trains on neither half', () => {
  assertHalvedSwitches('held8', docs, 'held7');
  const pool = trainingPool(gold);
  assert.ok(pool.length > 50);
  assert.ok(pool.every((d) => d.split !== 'held8'), 'neither half of held8 is in the training pool');
});
