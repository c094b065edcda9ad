/**
 * The Phoenix actor/agent index at run time: loaded lazily, once per process, from the
 * compiled models/actors/phoenix.json.gz (see train/build-actors.ts), then queried by
 * normalised phrase. Codes are resolved against a date (the article's publication date),
 * so "Putin" is RUSGOV in 2025 and RUSELI in 1995.
 */
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { normWords, type CodeRule, type CompiledActors } from './dictionary.js';
import { lineStarts, readyModel } from '../../nlp/model-io.js';

/** Offsets of the lines of UTF-8 `bytes` (each ended by \n), and its length last (lineStarts for bytes). */
function byteLineStarts(bytes: Uint8Array): Uint32Array {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) n++;
  const starts = new Uint32Array(n + 1);
  for (let i = 0, k = 1; i < bytes.length; i++) if (bytes[i] === 10) starts[k++] = i + 1;
  starts[n] = bytes.length;
  return starts;
}

/** Version of the load-ready actor index (phoenix.ready.bin beside phoenix.json.gz). */
const READY_VERSION = 'chronicle-actors-ready/3';

export interface ActorRecordView {
  id: number;
  primary: string;
  file: string;
  fallback: string | null;
  rules: CodeRule[];
  synonyms: string[];
}

export interface AgentPattern {
  pattern: string;
  /** segments of consecutive words; words may come between segments */
  segments: string[][];
  code: string;
  prefix: boolean;
  words: number;
}

export interface PhraseHit {
  /** word offsets [start, end) in the scanned word list */
  start: number;
  end: number;
  key: string;
  records: number[];
}

export interface AgentHit {
  start: number;
  end: number;
  agent: AgentPattern;
}

export const DEFAULT_ACTOR_MODEL = fileURLToPath(new URL('../../../../models/actors/phoenix.json.gz', import.meta.url));

/** yyyymmdd number for an ISO date (YYYY-MM-DD…); today when missing or malformed. */
export function dateNumber(iso: string | null | undefined): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (m) return Number(m[1] + m[2] + m[3]);
  const d = new Date();
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

/** Country adjectives missing from the Phoenix dictionary, each naming one country only. */
const DEMONYMS: [string, string][] = [
  ['SWEDISH', 'SWE'], ['ICELANDIC', 'ISL'], ['SLOVENIAN', 'SVN'], ['SLOVENE', 'SVN'], ['LUXEMBOURGISH', 'LUX'], ['KAZAKH', 'KAZ'],
  ['KAZAKHSTANI', 'KAZ'], ['AZERI', 'AZE'], ['DJIBOUTIAN', 'DJI'], ['MALDIVIAN', 'MDV'], ['COMORIAN', 'COM'], ['SAMOAN', 'WSM'],
  ['BOTSWANAN', 'BWA'], ['SRI LANKAN', 'LKA'], ['NEPALI', 'NPL'],
];

/**
 * The index in the form it is read: keys sorted, one line each ("KEY\tid id …"), and records one
 * JSON line each, so loading is one read and one scan for line starts; a key is found by binary
 * search and a record is parsed the first time it is asked for (a document asks for a few dozen of
 * 27,000). Built once from the compiled dictionary (`compactActors`) and kept beside it as
 * phoenix.ready.bin (model-io.ts readyModel).
 */
export interface CompactActors {
  /** sorted "KEY\tid id …\trank\n" lines (ids ascending: dictionary order; rank: the key's place in that order) */
  keys: string;
  /** one JSON line per record: [primary, file, fallback, rules, synonyms] (demonyms added) */
  records: string;
  files: string[];
  agents: CompiledActors['agents'];
  /** [country code, record id] */
  countries: [string, number][];
  maxWords: number;
}

/** The compact index of a compiled dictionary: the keys, country entries and demonyms worked out once. */
export function compactActors(compiled: CompiledActors): CompactActors {
  const byKey = new Map<string, number[]>();
  const synonyms = compiled.actors.map((a) => a[4].slice());
  const countryRecord = new Map<string, number>();
  let maxWords = 1;
  compiled.actors.forEach(([primary, file, fallback, rules], id) => {
    for (const key of [primary, ...synonyms[id]]) {
      const list = byKey.get(key);
      if (list) list.push(id);
      else byKey.set(key, [id]);
      maxWords = Math.max(maxWords, key.split(' ').length);
    }
    // a country's own entry: the largest record of the countries file carrying a bare 3-letter code
    // (as default or as a dated rule: UKRAINE is USRUKR before 1991, UKR after)
    if (file === 0) {
      const bare = [fallback, ...rules.map((r) => r[0])].filter((c): c is string => Boolean(c && /^[A-Z]{3}$/.test(c)));
      const code = bare.at(-1);
      if (code) {
        const cur = countryRecord.get(code);
        if (cur === undefined || synonyms[cur].length < synonyms[id].length) countryRecord.set(code, id);
      }
    }
  });
  // demonyms the Phoenix country entries lack ("Swedish", "Kazakh"): synonyms of the country's own entry
  for (const [word, code] of DEMONYMS) {
    const id = countryRecord.get(code);
    if (id === undefined || byKey.has(word)) continue;
    byKey.set(word, [id]);
    synonyms[id].push(word);
  }
  for (const key of byKey.keys()) if (key.includes('\t') || key.includes('\n')) throw new Error(`actor key with a tab or line break: ${JSON.stringify(key)}`);
  const rank = new Map([...byKey.keys()].map((k, i) => [k, i]));
  const keys = [...byKey.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    keys: keys.map((k) => `${k}\t${byKey.get(k)!.join(' ')}\t${rank.get(k)}\n`).join(''),
    records: compiled.actors.map(([primary, file, fallback, rules], id) => JSON.stringify([primary, file, fallback, rules, synonyms[id]]) + '\n').join(''),
    files: compiled.files,
    agents: compiled.agents,
    countries: [...countryRecord],
    maxWords: Math.min(maxWords, 12),
  };
}

/**
 * The index as the load-ready file holds it: the sorted key lines and their starts, the records
 * as UTF-8 bytes with their line starts (a record is decoded and parsed when asked for), and the
 * agent patterns as JSON parsed on the first agent question.
 */
interface ReadyActors {
  keys: string;
  keyStarts: Uint32Array;
  records: Uint8Array;
  recordStarts: Uint32Array;
  files: string[];
  agents: () => CompiledActors['agents'];
  countries: [string, number][];
  maxWords: number;
}

export class ActorIndex {
  private readonly keyText: string;
  private readonly keyStarts: Uint32Array;
  /** record `id`'s JSON line, and how many there are */
  private readonly recordLine: (id: number) => string;
  private readonly recordCache: Array<ActorRecordView | undefined>;
  private readonly files: string[];
  private readonly found = new Map<string, number[]>();
  private readonly agentSource: () => CompiledActors['agents'];
  private agentIndex: Map<string, AgentPattern[]> | null = null;
  private readonly longerCache = new Map<string, { key: string; records: number[] }[]>();
  private byLastWord: Map<string, string[]> | null = null;
  /** country code (3 letters) → record id of the country's own entry */
  private readonly countryRecord: Map<string, number>;
  readonly maxWords: number;
  readonly loadMs: number;

  constructor(source: CompiledActors | CompactActors | ReadyActors, loadMs = 0) {
    const t0 = performance.now();
    const c = 'actors' in source ? compactActors(source) : source;
    this.keyText = c.keys;
    if ('recordStarts' in c) {
      this.keyStarts = c.keyStarts;
      const bytes = Buffer.from(c.records.buffer, c.records.byteOffset, c.records.byteLength);
      const starts = c.recordStarts;
      this.recordLine = (id) => bytes.toString('utf8', starts[id], starts[id + 1] - 1);
      this.recordCache = new Array(starts.length - 1);
      this.agentSource = c.agents;
    } else {
      this.keyStarts = lineStarts(c.keys);
      const records = c.records;
      const starts = lineStarts(records);
      this.recordLine = (id) => records.slice(starts[id], starts[id + 1] - 1);
      this.recordCache = new Array(starts.length - 1);
      this.agentSource = () => c.agents;
    }
    this.files = c.files;
    this.countryRecord = new Map(c.countries);
    this.maxWords = c.maxWords;
    this.loadMs = loadMs + (performance.now() - t0);
  }

  /** Agent patterns by the last word of their last segment, built on the first agent question. */
  private get agentsByLast(): Map<string, AgentPattern[]> {
    if (this.agentIndex) return this.agentIndex;
    const byLast = new Map<string, AgentPattern[]>();
    for (const [pattern, code, prefix] of this.agentSource()) {
      const segments = pattern.split('|').map((s) => s.split(' '));
      const last = segments[segments.length - 1];
      const agent: AgentPattern = { pattern, segments, code, prefix: prefix === 1, words: segments.reduce((n, s) => n + s.length, 0) };
      const lw = last[last.length - 1];
      const list = byLast.get(lw);
      if (list) list.push(agent);
      else byLast.set(lw, [agent]);
    }
    this.agentIndex = byLast;
    return byLast;
  }

  static fromFile(path: string = DEFAULT_ACTOR_MODEL): ActorIndex {
    const t0 = performance.now();
    let ready: ReadyActors;
    try {
      const { file } = readyModel(path, (gz) => {
        const compiled = JSON.parse(gunzipSync(gz).toString('utf8')) as CompiledActors;
        if (compiled.format !== 'chronicle-actors/1') throw new Error(`${path}: unknown actor index format ${String(compiled.format)}`);
        const c = compactActors(compiled);
        return {
          header: { format: 'chronicle-actors-compact/2', files: c.files, countries: c.countries, maxWords: c.maxWords },
          arrays: {
            keys: Buffer.from(c.keys, 'utf8'), keyStarts: lineStarts(c.keys),
            records: Buffer.from(c.records, 'utf8'), recordStarts: byteLineStarts(Buffer.from(c.records, 'utf8')),
            agents: Buffer.from(JSON.stringify(c.agents), 'utf8'),
          },
        };
      }, { version: READY_VERSION });
      const h = file.header as Pick<ReadyActors, 'files' | 'countries' | 'maxWords'>;
      const bytes = (a: unknown) => Buffer.from((a as Uint8Array).buffer, (a as Uint8Array).byteOffset, (a as Uint8Array).byteLength);
      const agents = bytes(file.arrays.agents);
      ready = {
        ...h,
        keys: bytes(file.arrays.keys).toString('utf8'),
        keyStarts: file.arrays.keyStarts as Uint32Array,
        records: file.arrays.records as Uint8Array,
        recordStarts: file.arrays.recordStarts as Uint32Array,
        agents: () => JSON.parse(agents.toString('utf8')) as CompiledActors['agents'],
      };
    } catch (err) {
      throw new Error(`cannot load the actor dictionary ${path}: ${(err as Error).message} (run npm run build:actors)`);
    }
    return new ActorIndex(ready, performance.now() - t0);
  }

  /** Number of records. */
  get size(): number {
    return this.recordCache.length;
  }

  /** A record by id (parsed on first use). */
  record(id: number): ActorRecordView {
    const hit = this.recordCache[id];
    if (hit) return hit;
    if (!(id >= 0 && id < this.recordCache.length)) throw new RangeError(`no actor record ${id}`);
    const [primary, file, fallback, rules, synonyms] = JSON.parse(this.recordLine(id)) as CompiledActors['actors'][number];
    const view: ActorRecordView = { id, primary, file: this.files[file], fallback, rules, synonyms };
    this.recordCache[id] = view;
    return view;
  }

  /** The key of line `i` of the sorted key table. */
  private keyAt(i: number): string {
    const a = this.keyStarts[i];
    return this.keyText.slice(a, this.keyText.indexOf('\t', a));
  }

  /** Record ids of a key, by binary search over the sorted key lines; [] when absent. */
  lookup(key: string): number[] {
    const hit = this.found.get(key);
    if (hit) return hit;
    let lo = 0;
    let hi = this.keyStarts.length - 2;
    let ids: number[] = [];
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = this.keyAt(mid);
      if (k === key) {
        const a = this.keyStarts[mid] + k.length + 1;
        ids = this.keyText.slice(a, this.keyText.indexOf('\t', a)).split(' ').map(Number);
        break;
      }
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    if (this.found.size > 100_000) this.found.clear();
    this.found.set(key, ids);
    return ids;
  }

  /** The record's code at `date` (yyyymmdd): the first dated rule that covers it, else the default. */
  codeAt(id: number, date: number): string | null {
    const r = this.record(id);
    for (const [code, from, to] of r.rules) {
      if ((from === 0 || date >= from) && (to === 0 || date <= to)) return code === '---' ? null : code;
    }
    return r.fallback;
  }

  /** Which rule or default decided the code, for the `source` field. */
  ruleAt(id: number, date: number): string {
    const r = this.record(id);
    for (const [code, from, to] of r.rules) {
      if ((from === 0 || date >= from) && (to === 0 || date <= to)) {
        return `${code} ${from ? from : ''}${from && to ? '-' : from ? '-' : '<'}${to ? to : ''}`.trim();
      }
    }
    return r.fallback ? `${r.fallback} default` : 'none';
  }

  /** The bare country code a record is the country entry of, or null. */
  countryCodeOf(id: number): string | null {
    const r = this.record(id);
    for (const c of [...r.rules.map((x) => x[0]).reverse(), r.fallback]) {
      if (c && /^[A-Z]{3}$/.test(c) && this.countryRecord.get(c) === id) return c;
    }
    return null;
  }

  /** Record of the country whose bare code is `code` (e.g. RUS → RUSSIAN FEDERATION). */
  country(code: string): ActorRecordView | undefined {
    const id = this.countryRecord.get(code.slice(0, 3));
    return id === undefined ? undefined : this.record(id);
  }

  /** Longer dictionary phrases that end with `key` ("ISLAMIC JIHAD" → "PALESTINIAN ISLAMIC JIHAD"); cached per key. */
  longerForms(key: string): { key: string; records: number[] }[] {
    const hit = this.longerCache.get(key);
    if (hit) return hit;
    if (!this.byLastWord) {
      // multi-word phrases by their last word, in dictionary order, built on first use
      const multi: Array<[rank: number, key: string]> = [];
      for (let i = 0; i + 1 < this.keyStarts.length; i++) {
        const k = this.keyAt(i);
        if (!k.includes(' ')) continue;
        const end = this.keyStarts[i + 1] - 1;
        multi.push([Number(this.keyText.slice(this.keyText.lastIndexOf('\t', end) + 1, end)), k]);
      }
      multi.sort((a, b) => a[0] - b[0]);
      this.byLastWord = new Map();
      for (const [, k] of multi) {
        const w = k.slice(k.lastIndexOf(' ') + 1);
        const list = this.byLastWord.get(w);
        if (list) list.push(k);
        else this.byLastWord.set(w, [k]);
      }
    }
    const out: { key: string; records: number[] }[] = [];
    const suffix = ' ' + key;
    for (const k of this.byLastWord.get(key.slice(key.lastIndexOf(' ') + 1)) ?? []) {
      if (k.endsWith(suffix)) out.push({ key: k, records: this.lookup(k) });
    }
    this.longerCache.set(key, out);
    return out;
  }

  /** Longest dictionary phrases in a word list, left to right, non-overlapping. */
  scan(words: string[]): PhraseHit[] {
    const hits: PhraseHit[] = [];
    for (let i = 0; i < words.length; ) {
      let best: PhraseHit | null = null;
      for (let n = Math.min(this.maxWords, words.length - i); n >= 1; n--) {
        const key = words.slice(i, i + n).join(' ');
        const recs = this.lookup(key);
        if (recs.length) {
          best = { start: i, end: i + n, key, records: recs };
          break;
        }
      }
      if (best) {
        hits.push(best);
        i = best.end;
      } else i++;
    }
    return hits;
  }

  /**
   * The agent pattern that best covers a role phrase: the longest pattern ending at the
   * right-most word that ends any pattern (the head of an English noun phrase is on the right).
   */
  agent(words: string[], maxGap = 3): AgentHit | null {
    for (let end = words.length; end >= 1; end--) {
      const cands = this.agentsByLast.get(words[end - 1]) ?? this.agentsByLast.get(singularWord(words[end - 1])) ?? [];
      let best: AgentHit | null = null;
      for (const agent of cands) {
        const start = matchBackwards(agent.segments, words, end, maxGap);
        if (start >= 0 && (!best || agent.words > best.agent.words)) best = { start, end, agent };
      }
      if (best) return best;
    }
    return null;
  }
}

function singularWord(w: string): string {
  if (/IES$/.test(w)) return w.slice(0, -3) + 'Y';
  if (/S$/.test(w) && !/SS$/.test(w)) return w.slice(0, -1);
  return w;
}

/** Match segments right to left ending at `end`; returns the start word or -1. */
function matchBackwards(segments: string[][], words: string[], end: number, maxGap: number): number {
  let pos = end;
  for (let s = segments.length - 1; s >= 0; s--) {
    const seg = segments[s];
    const last = s === segments.length - 1;
    // the final segment ends exactly at `end`; earlier ones may leave up to maxGap words before the next
    const slack = last ? 0 : maxGap;
    let found = -1;
    for (let e = pos; e >= seg.length && pos - e <= slack; e--) {
      let ok = true;
      for (let k = 0; k < seg.length; k++) {
        const w = words[e - seg.length + k];
        // the head word may be plural ("DIPLOMATS" for DIPLOMAT)
        if (w !== seg[k] && !(last && k === seg.length - 1 && singularWord(w) === seg[k])) {
          ok = false;
          break;
        }
      }
      if (ok) {
        found = e - seg.length;
        break;
      }
    }
    if (found < 0) return -1;
    pos = found;
  }
  return pos;
}

let shared: ActorIndex | null = null;

/** The process-wide actor index, loaded on first use. */
export function actorIndex(): ActorIndex {
  shared ??= ActorIndex.fromFile(process.env.CHRONICLE_ACTORS ?? DEFAULT_ACTOR_MODEL);
  return shared;
}

/** Normalised words of a text span, for lookups. */
export { normWords };
