/**
 * The news NER development set (eval/data/ner-news): the records carry source, licence and half; the halves and the
 * documents are the committed selection rule's; every gold span is anchored in its text and gold.jsonl is the
 * compilation of the hand annotation; and the scorer scores. Chronicle is not run on the set here (half B is unseen).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { readNewsSet, scoreNews, summaryLine, formatErrors, type NewsDoc } from '../eval/ner-news.js';

interface Selector {
  taken: () => string[];
  halfOf: (id: string) => string | undefined;
  SKIPPED: Record<string, string>;
}
interface Compiler {
  compileAll: () => { id: string; half: string; spans: { start: number; end: number; text: string; type: string }[] }[];
  TYPES: string[];
}
const load = async <T>(path: string) => (await import(pathToFileURL(join(process.cwd(), path)).href)) as T;
const dir = 'eval/data/ner-news/';
const records = readFileSync(dir + 'docs.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

test('ner-news: every document has id, slug, title, date, url, licence, attribution, source commit, half and text', () => {
  assert.ok(records.length >= 19, `${records.length} documents`);
  for (const r of records) {
    for (const k of ['id', 'slug', 'title', 'date', 'url', 'attribution', 'text']) assert.equal(typeof r[k], 'string', `${r.id}: ${k}`);
    assert.equal(r.licence, 'CC BY 2.5');
    assert.match(r.url as string, /^https:\/\/en\.wikinews\.org\/wiki\//);
    assert.match(r.date as string, /^\d{4}-\d\d-\d\d$/);
    const src = r.source as { repo: string; commit: string; path: string };
    assert.equal(src.repo, 'gucorpling/amalgum');
    assert.match(src.commit, /^[0-9a-f]{40}$/);
    assert.ok((r.attribution as string).includes(src.commit));
    assert.ok((r.text as string).split(/\s+/).length >= 150, `${r.id} is long enough`);
  }
  assert.equal(new Set(records.map((r) => r.url)).size, records.length, 'one document per Wikinews page');
});

test('ner-news: the documents and their halves are those of the committed rule, alternating in taken order', async () => {
  const s = await load<Selector>(dir + 'tools/select.mjs');
  const taken = s.taken();
  assert.deepEqual(records.map((r) => (r.id as string).replace(/^amalgum:/, '')), taken);
  taken.forEach((id, k) => assert.equal(s.halfOf(id), k % 2 === 0 ? 'A' : 'B'));
  for (const r of records) assert.equal(r.half, s.halfOf(r.id as string));
  for (const id of Object.keys(s.SKIPPED)) assert.ok(!taken.includes(id));
});

test('ner-news: gold spans are anchored in the text, do not overlap, and gold.jsonl is the compiled annotation', async () => {
  const c = await load<Compiler>(dir + 'tools/compile.mjs');
  const compiled = c.compileAll();
  const stored = readFileSync(dir + 'gold.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  assert.deepEqual(stored, JSON.parse(JSON.stringify(compiled)));
  const set = readNewsSet();
  assert.equal(set.length, records.length);
  for (const d of set) {
    const spans = [...d.gold].sort((a, b) => a.start - b.start);
    for (const [k, s] of spans.entries()) {
      assert.equal(d.text.slice(s.start, s.end), s.text);
      assert.ok(c.TYPES.includes(s.type) && s.type !== 'O', `${d.id}: type ${s.type}`);
      assert.doesNotMatch(s.text, /^(the|The)\s/, `${d.id}: "${s.text}" starts with a determiner`);
      if (k > 0) assert.ok(spans[k - 1].end <= s.start, `${d.id}: "${spans[k - 1].text}" overlaps "${s.text}"`);
    }
  }
});

test('ner-news scorer: exact spans by class, NORP apart; a missed or mistyped name costs', () => {
  const text = 'Tessa Jowell told The Times in London that Chinese officials met.';
  const at = (s: string) => text.indexOf(s);
  const gold = [
    { start: at('Tessa Jowell'), end: at('Tessa Jowell') + 12, type: 'PERSON', text: 'Tessa Jowell' },
    { start: at('Times'), end: at('Times') + 5, type: 'ORG', text: 'Times' },
    { start: at('London'), end: at('London') + 6, type: 'GPE', text: 'London' },
    { start: at('Chinese'), end: at('Chinese') + 7, type: 'NORP', text: 'Chinese' },
  ];
  const doc: NewsDoc = { id: 'x', half: 'A', title: 't', text, gold };
  const perfect = scoreNews([doc], [gold.map(({ start, end, type }) => ({ start, end, type }))]);
  assert.equal(perfect.coarse.f1, 1);
  assert.equal(perfect.norp.f1, 1);
  assert.equal(perfect.names, 3);
  // "The Times" (determiner swallowed) and London typed as a person: two errors, one right
  const worse = scoreNews([doc], [[gold[0], { start: at('The Times'), end: at('Times') + 5, type: 'ORG' }, { ...gold[2], type: 'PERSON' }]]);
  assert.equal(worse.coarse.tp, 1);
  assert.equal(worse.coarse.fp, 2);
  assert.equal(worse.coarse.fn, 2);
  assert.equal(worse.byClass.ORG.f1, 0);
  assert.equal(worse.norp.fn, 1);
  assert.match(summaryLine('test', worse), /F1 33\.3 .*ORG 0\.0/);
  const errs = formatErrors([doc], [[gold[0], { start: at('The Times'), end: at('Times') + 5, type: 'ORG' }]]);
  assert.match(errs, /missed "Times"\/ORG \(found as "The Times"\/ORG\)/);
  assert.match(errs, /missed "London"\/place/);
  assert.throws(() => formatErrors([{ ...doc, half: 'B' }], [[]]), /half A only/);
});
