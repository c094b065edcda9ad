/**
 * The unseen news NER set eval/data/ner-fresh22 (issue 13): the records carry source and licence; the documents are
 * those of the selection rule committed before any candidate was probed (probe order, skips, prefix); every gold span is
 * anchored in its text; gold.jsonl is the compilation of the hand annotation; and the eval reads the set as unseen only.
 * Chronicle is not run on the set here, and no name of it is printed: the set is lead-only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readNewsSet, NER_FRESH22_DIR, formatErrors } from '../eval/ner-news.js';
import { loadTool as load, checkUnseenRecords, checkUnseenGold, type UnseenSelector, type UnseenCompiler } from './helpers/unseen-news-set.js';

type Selector = UnseenSelector;
type Compiler = UnseenCompiler;
const dir = 'eval/data/ner-fresh22/';

test('ner-fresh22: every document has id, slug, title, date, url, licence, attribution and source commit, and no half', () => {
  const { records, words } = checkUnseenRecords(dir, 'ner-fresh22', /^amalgum\/(news|interview)\/xml\/AMALGUM_(news|interview)_[a-z]+\.xml$/);
  assert.ok(records.length >= 12, `${records.length} documents`);
  assert.ok(words >= 6000 && words <= 8500, `${words} words`);
});

test('ner-fresh22: the documents are the committed rule\'s — n–z words, probe order, skips — and no earlier set\'s', async () => {
  const s = await load<Selector>(dir + 'tools/select.mjs');
  const taken = s.taken();
  const ids = readFileSync(dir + 'docs.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id);
  assert.deepEqual(ids.map((id) => id.replace(/^amalgum:/, '')), taken);
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
  const byClass = checkUnseenGold(NER_FRESH22_DIR, compiled, compiled.length);
  const scored = Object.values(byClass).reduce((x, y) => x + y, 0);
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
