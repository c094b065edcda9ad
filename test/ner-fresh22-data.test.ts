/**
 * The unseen news NER set eval/data/ner-fresh22 (issue 13): the records carry source and licence; the documents are
 * those of the selection rule committed before any candidate was probed (probe order, skips, prefix); every gold span is
 * anchored in its text; gold.jsonl is the compilation of the hand annotation; and the eval reads the set as unseen only.
 * Chronicle is not run on the set here, and no name of it is printed: the set is lead-only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { readNewsSet, NER_FRESH22_DIR, formatErrors } from '../eval/ner-news.js';
import { coarseType } from '../train/ner-score.js';

interface Selector {
  order: () => string[];
  taken: () => string[];
  words: () => string[];
  PROBED: Record<string, boolean>;
  SKIPPED: Record<string, string>;
  TAKEN: number;
}
interface Compiler {
  compileAll: () => { id: string; spans: { start: number; end: number; text: string; type: string }[] }[];
}
const load = async <T>(path: string) => (await import(pathToFileURL(join(process.cwd(), path)).href)) as T;
const dir = 'eval/data/ner-fresh22/';
const records = readFileSync(dir + 'docs.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

test('ner-fresh22: every document has id, slug, title, date, url, licence, attribution and source commit, and no half', () => {
  assert.ok(records.length >= 12, `${records.length} documents`);
  for (const r of records) {
    for (const k of ['id', 'slug', 'title', 'date', 'url', 'attribution', 'text']) assert.equal(typeof r[k], 'string', `${r.id}: ${k}`);
    assert.equal(r.licence, 'CC BY 2.5');
    assert.equal(r.split, 'ner-fresh22');
    assert.equal(r.half, undefined, 'the set is wholly unseen: no halves');
    assert.match(r.url as string, /^https:\/\/en\.wikinews\.org\/wiki\//);
    assert.match(r.date as string, /^\d{4}-\d\d-\d\d$/);
    const src = r.source as { repo: string; commit: string; path: string };
    assert.equal(src.repo, 'gucorpling/amalgum');
    assert.match(src.commit, /^[0-9a-f]{40}$/);
    assert.match(src.path, /^amalgum\/(news|interview)\/xml\/AMALGUM_(news|interview)_[a-z]+\.xml$/);
    assert.ok((r.attribution as string).includes(src.commit));
    assert.ok((r.text as string).split(/\s+/).length >= 150, `${r.id} is long enough`);
  }
  assert.equal(new Set(records.map((r) => r.url)).size, records.length, 'one document per Wikinews page');
  const words = records.reduce((n, r) => n + (r.text as string).split(/\s+/).length, 0);
  assert.ok(words >= 6000 && words <= 8500, `${words} words`);
});

test('ner-fresh22: the documents are the committed rule\'s — n–z words, probe order, skips — and no earlier set\'s', async () => {
  const s = await load<Selector>(dir + 'tools/select.mjs');
  const taken = s.taken();
  assert.deepEqual(records.map((r) => (r.id as string).replace(/^amalgum:/, '')), taken);
  assert.ok(taken.length <= s.TAKEN);
  // probed in order: the probed ids are a prefix of the order, and every taken id was found by a probe
  const order = s.order();
  const probed = order.filter((id) => id in s.PROBED);
  assert.deepEqual(probed, order.slice(0, probed.length));
  for (const id of taken) assert.equal(s.PROBED[id], true);
  for (const id of Object.keys(s.SKIPPED)) assert.ok(!taken.includes(id) && s.PROBED[id] === true);
  // the words are the n–z half (a–m is the other annotator's) and none is an id an earlier set used or listed
  for (const w of s.words()) assert.match(w, /^[n-z][a-z]{3,}$/);
  const earlier = new Set<string>();
  for (const f of ['ner-news/tools/select.mjs', 'coref-fresh19/tools/select.mjs', 'coref-fresh16/tools/select.mjs', 'coref-fresh/tools/select.mjs',
    'quotes/tools/held3.mjs', 'quotes/tools/held4.mjs', 'quotes/tools/held5.mjs', 'quotes/tools/held6.mjs', 'quotes/tools/held7.mjs']) {
    for (const w of readFileSync('eval/data/' + f, 'utf8').toLowerCase().match(/[a-z0-9]+/g) ?? []) earlier.add(w);
  }
  for (const id of taken) assert.ok(!earlier.has(id.replace(/^AMALGUM_(news|interview)_/, '')), `${id} is named by an earlier selector`);
});

test('ner-fresh22: gold spans are anchored, do not overlap, carry no determiner, and gold.jsonl is the compiled annotation', async () => {
  const c = await load<Compiler>(dir + 'tools/compile.mjs');
  const compiled = c.compileAll();
  const stored = readFileSync(dir + 'gold.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  assert.deepEqual(stored, JSON.parse(JSON.stringify(compiled)));
  const set = readNewsSet(NER_FRESH22_DIR, true);
  assert.equal(set.length, records.length);
  let scored = 0;
  for (const d of set) {
    const spans = [...d.gold].sort((a, b) => a.start - b.start);
    assert.ok(spans.length > 0, `${d.id} has names`);
    for (const [k, s] of spans.entries()) {
      assert.equal(d.text.slice(s.start, s.end), s.text);
      assert.notEqual(s.type, 'O');
      assert.doesNotMatch(s.text, /^(the|The)\s/, `${d.id}: a span starts with a determiner`);
      if (k > 0) assert.ok(spans[k - 1].end <= s.start, `${d.id}: two spans overlap`);
      if (coarseType(s.type)) scored++;
    }
  }
  assert.ok(scored >= 300, `${scored} PER/ORG/place names`);
});

test('ner-fresh22 is read as unseen: no document is half A, so no error listing accepts it', () => {
  const set = readNewsSet(NER_FRESH22_DIR, true);
  assert.ok(set.every((d) => d.half === 'B'));
  assert.throws(() => formatErrors(set.slice(0, 1), [[]]), /half A only/);
  // a set with halves is refused as an unseen set, and a set without halves is refused as a halved one
  assert.throws(() => readNewsSet(undefined, true), /no halves/);
  assert.throws(() => readNewsSet(NER_FRESH22_DIR), /half A\|B/);
});
