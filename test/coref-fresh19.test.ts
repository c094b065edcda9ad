/**
 * fresh19's coreference set (eval/data/coref-fresh19): the data parse, the selection is the committed rule's (pools no
 * set had read, SHA-1 order, recorded skips, halves fixed by the selector), the set shares no page, title, id or opening
 * with any other text we hold, the eval asks for it by `--fresh19`, and the scorer scores it. Chronicle is never run on
 * it here: the set is unseen whole.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { FRESH_SETS, freshErrorLines, freshGold, freshRequest, readFreshDocs } from '../eval/coref-fresh.js';
import { documentRecords } from '../train/coref-score.js';
import type { Doc } from '../src/doc.js';
import { assertCompiled, assertHandLinksScored, assertSelectorTook, assertWellFormed, evalSet, gumDocuments, pageKey, sharedWith, unlabelledWikinews, type OtherText } from './support/coref-fresh-sets.js';

const docs = readFreshDocs(FRESH_SETS.fresh19.file);
const sha = (s: string) => createHash('sha1').update(s).digest('hex');
type Genre = 'news' | 'interview';
interface Selector {
  POOL: Record<Genre, string[]>;
  READ_BEFORE: Record<Genre, string[]>;
  GUM_NAMES: string[];
  SKIPPED: Record<string, string>;
  FOLDER: Record<Genre, string>;
  order: (genre: Genre) => string[];
  taken: (genre: Genre) => string[];
  halfOf: (id: string) => string | undefined;
  idOf: (genre: Genre, name: string) => string;
}
const load = async <T>(path: string) => await import(pathToFileURL(join(process.cwd(), path)).href) as T;
const selector = () => load<Selector>('eval/data/coref-fresh19/tools/select.mjs');

test('coref-fresh19: 16 Wikinews documents (10 news, 6 interview parts) with source, licence, commit and AMALGUM file', async () => {
  const s = await selector();
  assert.equal(docs.length, 16);
  assert.equal(docs.filter((d) => d.genre === 'news').length, 10);
  assert.equal(docs.filter((d) => d.genre === 'interview').length, 6);
  for (const d of docs) {
    assert.match(d.id, /^amalgum:AMALGUM_(news|interview)_[a-z]+$/, d.slug);
    assert.equal(d.id, `amalgum:${s.idOf(d.genre, d.slug)}`, d.slug);
    assert.equal(d.licence, 'CC BY 2.5', d.slug);
    assert.match(d.url, /^https:\/\/en\.wikinews\.org\/wiki\/\S+$/, d.slug);
    assert.match(d.date, /^\d{4}-\d{2}-\d{2}$/, d.slug);
    assert.ok(new RegExp(`commit [0-9a-f]{40}, ${s.FOLDER[d.genre]}/${s.idOf(d.genre, d.slug)}\\.xml`).test(d.attribution), `${d.slug}: commit and folder`);
    // an interview is a transcript: its turns carry speaker labels
    if (d.genre === 'interview') assert.ok(d.text.split('\n\n').filter((p) => /^[A-Za-z][A-Za-z.]*: /.test(p)).length >= 1, `${d.slug}: turns`);
  }
  const words = docs.reduce((n, d) => n + d.text.split(/\s+/).length, 0);
  assert.ok(words >= 7000 && words <= 9000, `words: ${words}`);
});

test('coref-fresh19: the documents are the selector\'s — the first names of each SHA-1 order less the recorded skips, from names no set had read', async () => {
  const s = await selector();
  const { LISTED } = await load<{ LISTED: string[] }>('eval/data/quotes/tools/held3.mjs');
  const { INTERVIEWS } = await load<{ INTERVIEWS: string[] }>('eval/data/coref-fresh/tools/select.mjs');
  // the pools: held3's and fresh13's listings, less every name an earlier set read (taken or skipped) and GUM's names
  assert.ok(s.POOL.news.every((n) => LISTED.includes(n)) && s.POOL.interview.every((n) => INTERVIEWS.includes(n)));
  const earlier = [...evalSet('quotes'), ...evalSet('coref-fresh'), ...evalSet('coref-fresh16')].map((d) => d.id);
  for (const genre of ['news', 'interview'] as const) {
    for (const n of s.POOL[genre]) {
      assert.ok(!earlier.includes(`amalgum:${s.idOf(genre, n)}`), `${n}: in an earlier set`);
      assert.ok(!s.READ_BEFORE[genre].includes(n) && !s.GUM_NAMES.includes(n), `${n}: read before or a GUM name`);
    }
  }
  // held3 took 24 and skipped 12 (its README); fresh16 read its interview order up to brampton, skipping four on the way
  for (const n of ['bbc', 'braces', 'california', 'bibliotheca', 'asteroid', 'boycott']) assert.ok(s.READ_BEFORE.news.includes(n), n);
  for (const n of ['anorexia', 'brad', 'brant', 'appetite', 'brampton', 'andrea']) assert.ok(s.READ_BEFORE.interview.includes(n), n);
  // every news and interview document GUM has, in any split (names only), is kept out
  const gumNames = [...readFileSync(join(process.cwd(), '../shared/data/gum/splits.md'), 'utf8').matchAll(/GUM_(?:news|interview)_([a-z0-9]+)/g)].map((m) => m[1]);
  for (const f of readdirSync(join(process.cwd(), '../shared/data/gum/dep'))) {
    const m = /^GUM_(?:news|interview)_([a-z0-9]+)\.conllu$/.exec(f);
    if (m) gumNames.push(m[1]);
  }
  assert.ok(gumNames.length > 30);
  for (const n of gumNames) assert.ok(s.GUM_NAMES.includes(n), `GUM name ${n} not excluded`);
  for (const genre of ['news', 'interview'] as const) {
    assertSelectorTook(docs, s, 'fresh19', genre);
    // halves fixed by the selector: each genre's taken documents split evenly by SHA-1("fresh19-half:" + id)
    const own = docs.filter((d) => d.genre === genre);
    assert.equal(own.filter((d) => d.half === 'A').length, Math.ceil(own.length / 2), `${genre}: half A`);
    const halfKey = (d: { id: string }) => sha(`fresh19-half:${d.id.replace(/^amalgum:/, '')}`);
    const lastA = own.filter((d) => d.half === 'A').map(halfKey).sort().pop()!;
    assert.ok(own.filter((d) => d.half === 'B').every((d) => halfKey(d) > lastA), `${genre}: half A comes first in SHA-1 order`);
  }
  for (const d of docs) assert.equal(d.half, s.halfOf(d.id), d.slug);
  assert.equal(s.halfOf('amalgum:AMALGUM_news_castrox'), undefined, 'no half for a name the rule did not take');
});

test('coref-fresh19: every mention is well formed, with the annotation\'s counts of mentions that name their entity', () => {
  // counts as annotated (README), x- entities included: a lost or unlinked mention shows here
  const counts = assertWellFormed(docs);
  assert.deepEqual(
    { heShe: counts['he/she'], it: counts.it, they: counts.they, description: counts.description, firstSecond: counts['first/second'], other: counts.other },
    { heShe: 86, it: 28, they: 8, description: 43, firstSecond: 251, other: 15 },
  );
});

test('coref-fresh19: docs.jsonl is exactly the compiled hand annotation (eval/data/coref-fresh19/ann)', async () => {
  await assertCompiled('coref-fresh19', docs, (await selector()).halfOf as (id: string) => string);
});

test('coref-fresh19 is unseen: no unlabelled article, eval set, GUM document or example shares its id, title, Wikinews page or opening', () => {
  const unlabelled = unlabelledWikinews();
  const gum = gumDocuments();
  const examplesDir = join(process.cwd(), 'examples', 'wikinews');
  const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(examplesDir, f), 'utf8')) as OtherText);
  assert.ok(unlabelled.length > 300 && gum.length > 50 && examples.length > 20, 'the other texts are read');
  const others = [...unlabelled, ...evalSet('quotes'), ...evalSet('coref-fresh'), ...evalSet('coref-fresh16'), ...evalSet('events'), ...gum, ...examples];
  for (const d of docs) assert.deepEqual(sharedWith(d, others, 200).map((o) => o.id), [], `${d.slug}: seen elsewhere`);
  // one part per interview, one document per page
  const pages = docs.map((d) => pageKey(d.url));
  assert.equal(new Set(pages).size, docs.length);
  // the check can fail: fresh16's skipped part (appetite) shares its page with a GUM document
  const appetite = { id: 'amalgum:AMALGUM_interview_appetite', title: 'Shimon Peres discusses the future of Israel (part 10)', url: 'https://en.wikinews.org/wiki/Shimon_Peres_discusses_the_future_of_Israel', text: '' };
  assert.deepEqual(sharedWith(appetite, others).map((o) => o.id), ['GUM_interview_peres', 'wikinews-interview-peres']);
});

test('coref-fresh19 wiring: --fresh19 asks for this set\'s tables, --fresh19-errors for half A\'s — half B\'s misses are neither listed nor shaped', () => {
  assert.equal(freshRequest(['--fresh19'])?.set.file, join(process.cwd(), 'eval', 'data', 'coref-fresh19', 'docs.jsonl'));
  assert.equal(freshRequest(['--fresh19'])?.errors, false);
  assert.deepEqual(freshRequest(['--fresh19', '--fresh-errors']), { set: FRESH_SETS.fresh19, errors: false }, '--fresh-errors is fresh13\'s switch');
  assert.deepEqual(freshRequest(['--fresh19', '--fresh16-errors']), { set: FRESH_SETS.fresh19, errors: false });
  assert.deepEqual(freshRequest(['--fresh19-errors']), { set: FRESH_SETS.fresh19, errors: true });
  assert.equal(FRESH_SETS.fresh19.halfBShapes, false, 'half B stays unseen: not even its shapes');
  assert.equal(freshRequest(['--fresh16'])?.set, FRESH_SETS.fresh16);
  assert.equal(freshRequest(['--fresh'])?.set, FRESH_SETS.fresh13);
  // a result that links nothing (no Chronicle run): every named gold mention is a miss, in both halves; only half A's are listed
  const none = { entities: [] } as unknown as Doc;
  const outputs = docs.map((d) => ({ d, records: documentRecords(none, freshGold(d)) }));
  assert.ok(outputs.some((o) => o.d.half === 'B' && o.records.some((r) => r.what === 'gold' && r.linked === null)), 'half B has misses to leave out');
  const lines = freshErrorLines(FRESH_SETS.fresh19, outputs);
  const halfA = docs.filter((d) => d.half === 'A').map((d) => d.slug).sort();
  assert.ok(lines.length > 0);
  for (const line of lines) assert.ok(halfA.includes(line.split('\t')[0]) && line.split('\t')[1] === 'A', `not a half-A document: ${line.slice(0, 60)}`);
  assert.deepEqual([...new Set(lines.map((l) => l.split('\t')[0]))].sort(), halfA);
});

test('coref-fresh19 scoring: a hand-made link to the gold entity is right, one on a mention with no named antecedent is wrong', () => {
  assertHandLinksScored(docs, 'he/she');
});
