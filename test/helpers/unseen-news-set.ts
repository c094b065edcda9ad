import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { readNewsSet } from '../../eval/ner-news.js';
import { coarseType } from '../../train/ner-score.js';

/** What the data tests read of a set's tools/select.mjs. */
export interface UnseenSelector {
  order: () => string[];
  taken: () => string[];
  words: () => string[];
  PROBED: Record<string, boolean>;
  SKIPPED: Record<string, string>;
  TAKEN: number;
}
/** What the data tests read of a set's tools/compile.mjs. */
export interface UnseenCompiler {
  compileAll: () => { id: string; spans: { start: number; end: number; text: string; type: string }[] }[];
}

/** A set's tool module (eval/data/<set>/tools/*.mjs), loaded from the repository root. */
export const loadTool = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(process.cwd(), path)).href)) as T;

/** The records of an unseen AMALGUM news set (ner-fresh22, ner-fresh23): id, slug, title, date, Wikinews url, CC BY 2.5,
 *  attribution naming the AMALGUM commit, the set's split, no half, 150+ words, one document per page. Returns the
 *  records and their word count. */
export function checkUnseenRecords(dir: string, split: string, path: RegExp): { records: Record<string, unknown>[]; words: number } {
  const records = readFileSync(dir + 'docs.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  for (const r of records) {
    for (const k of ['id', 'slug', 'title', 'date', 'url', 'attribution', 'text']) assert.equal(typeof r[k], 'string', `${r.id}: ${k}`);
    assert.equal(r.licence, 'CC BY 2.5');
    assert.equal(r.split, split);
    assert.equal(r.half, undefined, 'the set is wholly unseen: no halves');
    assert.match(r.url as string, /^https:\/\/en\.wikinews\.org\/wiki\//);
    assert.match(r.date as string, /^\d{4}-\d\d-\d\d$/);
    const src = r.source as { repo: string; commit: string; path: string };
    assert.equal(src.repo, 'gucorpling/amalgum');
    assert.match(src.commit, /^[0-9a-f]{40}$/);
    assert.match(src.path, path);
    assert.ok((r.attribution as string).includes(src.commit));
    assert.ok((r.text as string).split(/\s+/).length >= 150, `${r.id} is long enough`);
  }
  assert.equal(new Set(records.map((r) => r.url)).size, records.length, 'one document per Wikinews page');
  return { records, words: records.reduce((n, r) => n + (r.text as string).split(/\s+/).length, 0) };
}

/** gold.jsonl is the compiled annotation, and every span of the set (read as unseen) is anchored in its text, no O,
 *  no leading determiner, no overlap. Returns the scored names by class (PER, ORG, LOC = place). */
export function checkUnseenGold(dir: string, compiled: unknown, documents: number): Record<string, number> {
  const stored = readFileSync(dir + 'gold.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);
  assert.deepEqual(stored, JSON.parse(JSON.stringify(compiled)));
  const set = readNewsSet(dir, true);
  assert.equal(set.length, documents);
  const byClass: Record<string, number> = {};
  for (const d of set) {
    const spans = [...d.gold].sort((a, b) => a.start - b.start);
    assert.ok(spans.length > 0, `${d.id} has names`);
    for (const [k, s] of spans.entries()) {
      assert.equal(d.text.slice(s.start, s.end), s.text);
      assert.notEqual(s.type, 'O');
      assert.doesNotMatch(s.text, /^(the|The)\s/, `${d.id}: a span starts with a determiner`);
      if (k > 0) assert.ok(spans[k - 1].end <= s.start, `${d.id}: two spans overlap`);
      const c = coarseType(s.type);
      if (c) byClass[c] = (byClass[c] ?? 0) + 1;
    }
  }
  return byClass;
}
