/**
 * The Phoenix actor/agent index at run time: loaded lazily, once per process, from the
 * compiled models/actors/phoenix.json.gz (see train/build-actors.ts), then queried by
 * normalised phrase. Codes are resolved against a date (the article's publication date),
 * so "Putin" is RUSGOV in 2025 and RUSELI in 1995.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { normWords, type CodeRule, type CompiledActors } from './dictionary.js';

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

export class ActorIndex {
  readonly records: ActorRecordView[] = [];
  private readonly byKey = new Map<string, number[]>();
  private readonly agentsByLast = new Map<string, AgentPattern[]>();
  private readonly longerCache = new Map<string, { key: string; records: number[] }[]>();
  private byLastWord: Map<string, string[]> | null = null;
  /** country code (3 letters) → record id of the country's own entry */
  private readonly countryRecord = new Map<string, number>();
  readonly maxWords: number;
  readonly loadMs: number;

  constructor(compiled: CompiledActors, loadMs = 0) {
    const t0 = performance.now();
    let maxWords = 1;
    for (const [primary, file, fallback, rules, synonyms] of compiled.actors) {
      const id = this.records.length;
      this.records.push({ id, primary, file: compiled.files[file], fallback, rules, synonyms });
      for (const key of [primary, ...synonyms]) {
        const list = this.byKey.get(key);
        if (list) list.push(id);
        else this.byKey.set(key, [id]);
        const n = key.split(' ').length;
        if (n > maxWords) maxWords = n;
      }
      // a country's own entry: the largest record of the countries file carrying a bare 3-letter code
      // (as default or as a dated rule: UKRAINE is USRUKR before 1991, UKR after)
      if (file === 0) {
        const bare = [fallback, ...rules.map((r) => r[0])].filter((c): c is string => Boolean(c && /^[A-Z]{3}$/.test(c)));
        const code = bare.at(-1);
        if (code) {
          const cur = this.countryRecord.get(code);
          if (cur === undefined || this.records[cur].synonyms.length < synonyms.length) this.countryRecord.set(code, id);
        }
      }
    }
    // demonyms the Phoenix country entries lack ("Swedish", "Kazakh"): synonyms of the country's own entry
    for (const [word, code] of DEMONYMS) {
      const id = this.countryRecord.get(code);
      if (id === undefined || this.byKey.has(word)) continue;
      this.byKey.set(word, [id]);
      this.records[id].synonyms.push(word);
    }
    this.maxWords = Math.min(maxWords, 12);
    for (const [pattern, code, prefix] of compiled.agents) {
      const segments = pattern.split('|').map((s) => s.split(' '));
      const last = segments[segments.length - 1];
      const agent: AgentPattern = { pattern, segments, code, prefix: prefix === 1, words: segments.reduce((n, s) => n + s.length, 0) };
      const lw = last[last.length - 1];
      const list = this.agentsByLast.get(lw);
      if (list) list.push(agent);
      else this.agentsByLast.set(lw, [agent]);
    }
    this.loadMs = loadMs + (performance.now() - t0);
  }

  static fromFile(path: string = DEFAULT_ACTOR_MODEL): ActorIndex {
    const t0 = performance.now();
    let compiled: CompiledActors;
    try {
      compiled = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as CompiledActors;
    } catch (err) {
      throw new Error(`cannot load the actor dictionary ${path}: ${(err as Error).message} (run npm run build:actors)`);
    }
    if (compiled.format !== 'chronicle-actors/1') throw new Error(`${path}: unknown actor index format ${String(compiled.format)}`);
    return new ActorIndex(compiled, performance.now() - t0);
  }

  lookup(key: string): number[] {
    return this.byKey.get(key) ?? [];
  }

  /** The record's code at `date` (yyyymmdd): the first dated rule that covers it, else the default. */
  codeAt(id: number, date: number): string | null {
    const r = this.records[id];
    for (const [code, from, to] of r.rules) {
      if ((from === 0 || date >= from) && (to === 0 || date <= to)) return code === '---' ? null : code;
    }
    return r.fallback;
  }

  /** Which rule or default decided the code, for the `source` field. */
  ruleAt(id: number, date: number): string {
    const r = this.records[id];
    for (const [code, from, to] of r.rules) {
      if ((from === 0 || date >= from) && (to === 0 || date <= to)) {
        return `${code} ${from ? from : ''}${from && to ? '-' : from ? '-' : '<'}${to ? to : ''}`.trim();
      }
    }
    return r.fallback ? `${r.fallback} default` : 'none';
  }

  /** The bare country code a record is the country entry of, or null. */
  countryCodeOf(id: number): string | null {
    const r = this.records[id];
    for (const c of [...r.rules.map((x) => x[0]).reverse(), r.fallback]) {
      if (c && /^[A-Z]{3}$/.test(c) && this.countryRecord.get(c) === id) return c;
    }
    return null;
  }

  /** Record of the country whose bare code is `code` (e.g. RUS → RUSSIAN FEDERATION). */
  country(code: string): ActorRecordView | undefined {
    const id = this.countryRecord.get(code.slice(0, 3));
    return id === undefined ? undefined : this.records[id];
  }

  /** Longer dictionary phrases that end with `key` ("ISLAMIC JIHAD" → "PALESTINIAN ISLAMIC JIHAD"); cached per key. */
  longerForms(key: string): { key: string; records: number[] }[] {
    const hit = this.longerCache.get(key);
    if (hit) return hit;
    if (!this.byLastWord) {
      // multi-word phrases by their last word, built on first use
      this.byLastWord = new Map();
      for (const k of this.byKey.keys()) {
        const sp = k.lastIndexOf(' ');
        if (sp < 0) continue;
        const w = k.slice(sp + 1);
        const list = this.byLastWord.get(w);
        if (list) list.push(k);
        else this.byLastWord.set(w, [k]);
      }
    }
    const out: { key: string; records: number[] }[] = [];
    const suffix = ' ' + key;
    for (const k of this.byLastWord.get(key.slice(key.lastIndexOf(' ') + 1)) ?? []) {
      if (k.endsWith(suffix)) out.push({ key: k, records: this.byKey.get(k)! });
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
        const recs = this.byKey.get(key);
        if (recs) {
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
