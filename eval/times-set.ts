/**
 * The times development set: openly licensed news articles annotated in TIMEX3 by us
 * (eval/data/times/README.md). The annotations are written by hand in
 * eval/data/times/annotations.txt as span text; this module finds their character offsets in
 * the stored texts and checks every value against the TIMEX3 forms of its type.
 *
 *   npm run build:times-set     rebuild eval/data/times/set.jsonl from the annotations and the
 *                               source texts in ../shared/data (Wikinews, GUM news), validating
 *
 * loadTimesSet() reads set.jsonl and checks that every span still matches its text.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readGum } from './times.js';

const here = dirname(fileURLToPath(import.meta.url));
/** eval/data/times in the source tree (this file runs from dist/eval) */
export const TIMES_SET_DIR = join(here, '..', '..', 'eval', 'data', 'times');
const SHARED = join(here, '..', '..', '..', 'shared', 'data');

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
export const TIMEX_MODS = new Set(['START', 'MID', 'END', 'APPROX', 'BEFORE', 'AFTER', 'ON_OR_BEFORE', 'ON_OR_AFTER', 'LESS_THAN', 'MORE_THAN', 'EQUAL_OR_LESS', 'EQUAL_OR_MORE']);

export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: TimexType;
  value: string;
  mod?: string;
}

export interface TimesSetDoc {
  id: string;
  /** 'dev' is read while fixing errors; 'heldout' is only ever scored */
  split: 'dev' | 'heldout';
  source: string;
  url: string | null;
  licence: string;
  /** the document date every relative expression is anchored on */
  published: string;
  text: string;
  timex: GoldTimex[];
}

// ---------------------------------------------------------------- TIMEX3 value forms

const DATE_VALUE = new RegExp([
  '^(?:PRESENT_REF|PAST_REF|FUTURE_REF)$',
  // years, decades, centuries with X for what the text leaves unknown
  '^[0-9X]{2}(?:[0-9X]{2})?$', '^[0-9X]{3}X$', '^FY[0-9X]{4}$',
  '^[0-9X]{4}-(?:[0-9X]{2}|Q[1-4X]|H[12X]|SP|SU|FA|WI|W[0-9X]{2}(?:-WE|-[1-7])?)$',
  '^[0-9X]{4}-[0-9X]{2}-[0-9X]{2}$', '^XXXX-WXX-[1-7]$',
].join('|'));
const TIME_VALUE = /^(?:[0-9X]{4}-[0-9X]{2}-[0-9X]{2}|[0-9X]{4}-W[0-9X]{2}-[1-7])?T(?:[0-2X][0-9X](?::[0-5X][0-9X](?::[0-5][0-9])?)?|MO|AF|EV|NI|DT)$/;
const DURATION_VALUE = /^P(?:(?:[0-9.]+|X)(?:Y|M|W|D|DE|CE|Q|H))*(?:T(?:(?:[0-9.]+|X)(?:H|M|S))+)?$/;
const SET_VALUE = new RegExp(`${DURATION_VALUE.source}|${DATE_VALUE.source}|${TIME_VALUE.source}`);

/** Null when `value` is a well-formed TIMEX3 value of `type`, else why not. */
export function checkValue(type: string, value: string): string | null {
  switch (type) {
    case 'DATE': return DATE_VALUE.test(value) ? null : `"${value}" is not a TIMEX3 DATE value`;
    case 'TIME': return TIME_VALUE.test(value) ? null : `"${value}" is not a TIMEX3 TIME value`;
    case 'DURATION': return DURATION_VALUE.test(value) && value !== 'P' && value !== 'PT' ? null : `"${value}" is not a TIMEX3 DURATION value`;
    case 'SET': return SET_VALUE.test(value) ? null : `"${value}" is not a TIMEX3 SET value`;
    default: return `unknown type "${type}"`;
  }
}

// ---------------------------------------------------------------- annotations → offsets

interface Section { split: 'dev' | 'heldout'; id: string; lines: Array<{ no: number; text: string }> }

export function parseAnnotations(src: string): Section[] {
  const out: Section[] = [];
  let cur: Section | null = null;
  src.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#') && !line.startsWith('## ')) return;
    if (line.startsWith('## ')) {
      const m = /^## (dev|heldout) (\S+)$/.exec(line);
      if (!m) throw new Error(`annotations.txt:${i + 1}: a header is "## dev|heldout <id>"`);
      cur = { split: m[1] as 'dev' | 'heldout', id: m[2], lines: [] };
      out.push(cur);
      return;
    }
    if (!cur) throw new Error(`annotations.txt:${i + 1}: an annotation before any "## " header`);
    (cur as Section).lines.push({ no: i + 1, text: line });
  });
  return out;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Finds each annotated span in the text (in order) and validates type, value and mod. */
export function locate(id: string, text: string, lines: Section['lines']): GoldTimex[] {
  const out: GoldTimex[] = [];
  let cursor = 0;
  for (const { no, text: line } of lines) {
    const where = `annotations.txt:${no} (${id})`;
    const parts = line.split('|').map((p) => p.trim());
    if (parts.length < 3 || parts.length > 4) throw new Error(`${where}: expected "span | TYPE | value [| mod]"`);
    const [spanSpec, type, value, mod] = parts;
    const at = /^(.*?)(?:@(\d+))?$/.exec(spanSpec)!;
    const span = at[1];
    const nth = at[2] ? Number(at[2]) : 1;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(span)}(?![\\p{L}\\p{N}])`, 'gu');
    re.lastIndex = cursor;
    let m: RegExpExecArray | null = null;
    for (let k = 0; k < nth; k++) m = re.exec(text);
    if (!m) throw new Error(`${where}: "${span}" not found after offset ${cursor}`);
    const bad = checkValue(type, value);
    if (bad) throw new Error(`${where}: ${bad}`);
    if (mod !== undefined && !TIMEX_MODS.has(mod)) throw new Error(`${where}: unknown mod "${mod}"`);
    const t: GoldTimex = { start: m.index, end: m.index + span.length, text: span, type: type as TimexType, value };
    if (mod) t.mod = mod;
    out.push(t);
    cursor = t.end;
  }
  return out;
}

// ---------------------------------------------------------------- source texts

interface Source { text: string; published: string | null; url: string | null; source: string; licence: string }

function readSources(ids: Set<string>): Map<string, Source> {
  const out = new Map<string, Source>();
  const wn = gunzipSync(readFileSync(join(SHARED, 'unlabelled', 'news-en.jsonl.gz'))).toString('utf8');
  for (const line of wn.split('\n')) {
    if (!line.startsWith('{"id": "wikinews:')) continue;
    const d = JSON.parse(line) as { id: string; text: string; date: string | null; url: string | null };
    if (ids.has(d.id)) out.set(d.id, { text: d.text, published: d.date, url: d.url, source: 'English Wikinews (via ../shared/data/unlabelled/news-en.jsonl.gz)', licence: 'CC BY 2.5' });
  }
  for (const id of ids) {
    if (!id.startsWith('gum:')) continue;
    const name = id.slice(4);
    for (const d of readGum(join(SHARED, 'gum', 'dep', `${name}.conllu`))) {
      if (`gum:${d.id}` === id) out.set(id, { text: d.text, published: d.published, url: null, source: 'GUM news, train split (../shared/data/gum); text from Wikinews', licence: 'text CC BY 2.5 (Wikinews), GUM annotations CC BY 4.0' });
    }
  }
  return out;
}

export function buildTimesSet(): TimesSetDoc[] {
  const sections = parseAnnotations(readFileSync(join(TIMES_SET_DIR, 'annotations.txt'), 'utf8'));
  const sources = readSources(new Set(sections.map((s) => s.id)));
  const docs: TimesSetDoc[] = [];
  for (const s of sections) {
    const src = sources.get(s.id);
    if (!src) throw new Error(`${s.id}: no such document in the sources`);
    if (!src.published) throw new Error(`${s.id}: the source gives no document date`);
    docs.push({ id: s.id, split: s.split, source: src.source, url: src.url, licence: src.licence, published: src.published, text: src.text, timex: locate(s.id, src.text, s.lines) });
  }
  return docs;
}

/** The stored set, with every span checked against its text. */
export function loadTimesSet(path = join(TIMES_SET_DIR, 'set.jsonl')): TimesSetDoc[] {
  const docs: TimesSetDoc[] = [];
  readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const d = JSON.parse(line) as TimesSetDoc;
    for (const t of d.timex) {
      if (d.text.slice(t.start, t.end) !== t.text) throw new Error(`set.jsonl:${i + 1} (${d.id}): span ${t.start}-${t.end} reads "${d.text.slice(t.start, t.end)}", not "${t.text}"`);
      const bad = checkValue(t.type, t.value);
      if (bad) throw new Error(`set.jsonl:${i + 1} (${d.id}): ${bad}`);
    }
    docs.push(d);
  });
  return docs;
}

function main(): void {
  const docs = buildTimesSet();
  writeFileSync(join(TIMES_SET_DIR, 'set.jsonl'), docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  const count = (split: string) => {
    const ds = docs.filter((d) => d.split === split);
    const by = new Map<string, number>();
    for (const d of ds) for (const t of d.timex) by.set(t.type, (by.get(t.type) ?? 0) + 1);
    const n = ds.reduce((a, d) => a + d.timex.length, 0);
    return `${split}: ${ds.length} documents, ${n} expressions (${[...by].sort().map(([k, v]) => `${k} ${v}`).join(', ')})`;
  };
  console.log(count('dev'));
  console.log(count('heldout'));
  if (process.argv.includes('--show')) {
    for (const d of docs) for (const t of d.timex) {
      console.log(`${d.id.slice(0, 30).padEnd(30)} ${t.type.padEnd(8)} ${t.value.padEnd(16)} …${d.text.slice(Math.max(0, t.start - 30), t.start).replace(/\n/g, ' ')}[${t.text}]${d.text.slice(t.end, t.end + 20).replace(/\n/g, ' ')}`);
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
