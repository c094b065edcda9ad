/**
 * fresh16's coreference set (eval/data/coref-fresh16): the data parse, the selection is the committed rule's, the set is
 * unseen, the eval asks for it by `--fresh16`, and the scorer scores it. Chronicle is never run on it here: the set is
 * unseen whole and the lead makes the first run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { FRESH_SETS, freshErrorLines, freshGold, freshRequest, readFreshDocs } from '../eval/coref-fresh.js';
import { documentRecords } from '../train/coref-score.js';
import type { Doc } from '../src/doc.js';
import { assertCompiled, assertHandLinksScored, assertSelectorTook, assertSources, assertWellFormed, evalSet, gumDocuments, sharedWith, unlabelledWikinews } from './support/coref-fresh-sets.js';

const docs = readFreshDocs(FRESH_SETS.fresh16.file);
type Genre = 'news' | 'interview';
interface Selector {
  POOL: Record<Genre, string[]>;
  SKIPPED: Record<string, string>;
  order: (genre: Genre) => string[];
  taken: (genre: Genre) => string[];
  halfOf: (id: string) => string;
  idOf: (genre: Genre, name: string) => string;
}
const selector = async () => await import(pathToFileURL(join(process.cwd(), 'eval/data/coref-fresh16/tools/select.mjs')).href) as Selector;

test('coref-fresh16: 14 Wikinews documents (9 news, 5 interview parts) with source, licence, AMALGUM folder and a half by the hash of the id', () => {
  assert.equal(docs.length, 14);
  assertSources(docs, 'fresh16-half', (genre) => (genre === 'news' ? 'amalgum_extra/news/xml' : 'amalgum/interview/xml'));
  assert.equal(docs.filter((d) => d.genre === 'interview').length, 5);
});

test('coref-fresh16: the documents are the selector\'s — the first names of each SHA-1 order, less the recorded skips, from pools no one had read', async () => {
  const s = await selector();
  const { order: held5Order } = await import(pathToFileURL(join(process.cwd(), 'eval/data/quotes/tools/held5.mjs')).href) as { order: () => string[] };
  const { INTERVIEWS } = await import(pathToFileURL(join(process.cwd(), 'eval/data/coref-fresh/tools/select.mjs')).href) as { INTERVIEWS: string[] };
  // news: what held5's order leaves after its 23 (18 annotated, 5 skipped); interviews: fresh13's list less its four
  // the quote sets made before fresh16 (held3–held5) are out of its pool; held6 and held7, drawn later from what fresh16 left
  // unread, are out of everything fresh16 took or read (its news order up to the last name taken)
  const quoteNews = (evalSet('quotes') as { id: string; split?: string }[]).filter((d) => /^amalgum:AMALGUM_news_/.test(d.id));
  const newsName = (d: { id: string }) => d.id.replace(/^amalgum:AMALGUM_news_/, '');
  assert.equal(s.POOL.news.length, 45);
  for (const d of quoteNews.filter((x) => x.split !== 'held6' && x.split !== 'held7')) assert.ok(!s.POOL.news.includes(newsName(d)), `${newsName(d)}: in a quote set`);
  const newsRead = s.order('news').slice(0, s.order('news').indexOf(s.taken('news')[s.taken('news').length - 1]) + 1);
  for (const d of quoteNews.filter((x) => x.split === 'held6' || x.split === 'held7')) assert.ok(!newsRead.includes(newsName(d)), `${newsName(d)}: read by fresh16`);
  assert.deepEqual(s.POOL.news, held5Order().slice(23));
  assert.equal(s.POOL.interview.length, 96);
  for (const d of readFreshDocs()) assert.ok(!s.POOL.news.includes(d.slug) && !s.POOL.interview.includes(d.slug), `${d.slug}: fresh13's`);
  assert.ok(s.POOL.interview.every((n) => INTERVIEWS.includes(n)));
  for (const genre of ['news', 'interview'] as const) assertSelectorTook(docs, s, 'fresh16', genre);
  for (const d of docs) assert.equal(d.half, s.halfOf(d.id));
});

test('coref-fresh16: every mention is well formed, with at least 20 "they" and 50 descriptions that name their entity', () => {
  const counts = assertWellFormed(docs);
  assert.ok((counts.they ?? 0) >= 20, `they: ${counts.they}`);
  assert.ok((counts.description ?? 0) >= 50, `descriptions: ${counts.description}`);
  for (const k of ['he/she', 'first/second']) assert.ok((counts[k] ?? 0) >= 30, `${k}: ${counts[k]}`);
});

test('coref-fresh16: docs.jsonl is exactly the compiled hand annotation (eval/data/coref-fresh16/ann)', async () => {
  await assertCompiled('coref-fresh16', docs, (await selector()).halfOf);
});

test('coref-fresh16 is unseen: no unlabelled article, quote set, fresh13, events set or GUM document shares its id, title, Wikinews page or opening', () => {
  const unlabelled = unlabelledWikinews();
  const gum = gumDocuments();
  assert.ok(unlabelled.length > 300 && gum.length > 50, 'the other texts are read');
  const others = [...unlabelled, ...evalSet('quotes'), ...evalSet('coref-fresh'), ...evalSet('events'), ...gum];
  for (const d of docs) assert.deepEqual(sharedWith(d, others, 200).map((o) => o.id), [], `${d.slug}: seen elsewhere`);
  // the check can fail: the interview part skipped for it (appetite) shares its Wikinews page with a GUM document
  const appetite = { id: 'amalgum:AMALGUM_interview_appetite', title: 'Shimon Peres discusses the future of Israel (part 10)', url: 'https://en.wikinews.org/wiki/Shimon_Peres_discusses_the_future_of_Israel', text: '' };
  assert.deepEqual(sharedWith(appetite, gum).map((o) => o.id), ['GUM_interview_peres']);
});

test('coref-fresh16 wiring: --fresh16 asks for this set with no error listing, --fresh16-errors for half A\'s, --fresh stays fresh13\'s, --fresh-file takes any file', () => {
  assert.equal(freshRequest(['--fresh16'])?.set.file, join(process.cwd(), 'eval', 'data', 'coref-fresh16', 'docs.jsonl'));
  assert.equal(freshRequest(['--fresh16'])?.errors, false);
  assert.equal(freshRequest(['--fresh16', '--fresh-errors'])?.set, FRESH_SETS.fresh16, 'an error listing never turns fresh16 into fresh13');
  assert.equal(freshRequest(['--fresh16', '--fresh-errors'])?.errors, false, '--fresh-errors is fresh13\'s switch');
  assert.deepEqual(freshRequest(['--fresh16-errors']), { set: FRESH_SETS.fresh16, errors: true });
  assert.equal(FRESH_SETS.fresh16.halfBShapes, false, 'half B stays unseen: not even its shapes');
  assert.equal(freshRequest(['--fresh'])?.set, FRESH_SETS.fresh13);
  assert.equal(freshRequest(['--fresh-errors'])?.errors, true);
  assert.equal(freshRequest(['--fresh-file', '/tmp/x.jsonl'])?.set.file, '/tmp/x.jsonl');
  assert.throws(() => freshRequest(['--fresh-file']), /needs a path/);
  assert.equal(freshRequest(['--pipeline']), null);
});

test('coref-fresh16 scoring: a hand-made link to the gold entity is right, one on a mention with no named antecedent is wrong', () => {
  assertHandLinksScored(docs, 'they');
});

test('coref-fresh16 error listing (--fresh16-errors): half A\'s documents only — half B\'s misses are neither listed nor shaped', () => {
  // a system result that links nothing (no Chronicle run): every gold mention with a named entity is a miss, in both halves
  const none = { entities: [] } as unknown as Doc;
  const outputs = docs.map((d) => ({ d, records: documentRecords(none, freshGold(d)) }));
  assert.ok(outputs.some((o) => o.d.half === 'B' && o.records.some((r) => r.what === 'gold' && r.linked === null)), 'half B has misses to leave out');
  const lines = freshErrorLines(FRESH_SETS.fresh16, outputs);
  const halfA = new Set(docs.filter((d) => d.half === 'A').map((d) => d.slug));
  const halfB = new Set(docs.filter((d) => d.half === 'B').map((d) => d.slug));
  assert.ok(lines.length > 0);
  for (const line of lines) {
    const [slug, half] = line.split('\t');
    assert.ok(halfA.has(slug) && half === 'A', `not a half-A document: ${line.slice(0, 80)}`);
  }
  assert.deepEqual([...new Set(lines.map((l) => l.split('\t')[0]))].sort(), [...halfA].sort(), 'every half-A document with a miss is listed');
  // and the words each line quotes are its own half-A document's
  const flat = new Map(docs.map((d) => [d.slug, d.text.replace(/\s+/g, ' ')]));
  for (const line of lines) {
    const [slug, , , , , , context] = line.split('\t');
    assert.ok(flat.get(slug)!.includes(JSON.parse(context) as string), `${slug}: context not from its text`);
  }
  assert.ok(halfB.size === 5);
  // the same listing for fresh13 keeps B's shapes (its README's promise), and for a set with no listing nothing
  const fresh13 = readFreshDocs().map((d) => ({ d, records: documentRecords(none, freshGold(d)) }));
  assert.ok(freshErrorLines(FRESH_SETS.fresh13, fresh13).some((l) => l.includes('(half B)')));
  assert.deepEqual(freshErrorLines({ ...FRESH_SETS.fresh16, errors: false }, outputs), []);
});
