/**
 * Given-name gender from two tables: the share of US births recorded as female for the name
 * (models/coref/ssa-given-names.tsv.gz, `npm run build:coref-ssa-names`, 40,000 names), worth
 * SSA_WEIGHT observations, and how often the name goes with he/his or she/her in open news prose
 * (models/coref/given-names.tsv.gz, `npm run build:coref-genders`), which corrects the US prior
 * where news usage differs. Names neither table holds are read by their ending ("-a", "-ine", "-son")
 * as the prose table's names are.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { corefModelDir } from './files.js';
import { SortedTable } from '../../nlp/model-io.js';

export interface NameGender {
  /** estimated probability that a person with this given name is referred to as she */
  female: number;
  /** how much evidence: weighted count for a known name, a smaller figure for an ending */
  evidence: number;
}

class GivenNames {
  private readonly names = new Map<string, { m: number; f: number }>();
  private readonly endings = new Map<string, { m: number; f: number }>();
  /** the table's overall share of she */
  readonly base: number;

  constructor(tsv: string) {
    let m = 0;
    let f = 0;
    for (const line of tsv.split('\n').slice(1)) {
      const [name, male, female] = line.split('\t');
      if (!name) continue;
      const c = { m: Number(male), f: Number(female) };
      this.names.set(name.toLowerCase(), c);
      m += c.m;
      f += c.f;
    }
    this.base = f / Math.max(1, m + f);
    // endings from names whose evidence is decisive: "Maria" teaches "-ia", "Robert" "-rt"
    for (const [name, c] of this.names) {
      const n = c.m + c.f;
      if (n < 3 || (c.m > 0.2 * n && c.f > 0.2 * n)) continue;
      const g = c.f > c.m ? { m: 0, f: 1 } : { m: 1, f: 0 };
      for (const k of [2, 3]) {
        if (name.length <= k) continue;
        const key = `${k}:${name.slice(-k)}`;
        const e = this.endings.get(key) ?? { m: 0, f: 0 };
        e.m += g.m;
        e.f += g.f;
        this.endings.set(key, e);
      }
    }
  }

  /** The prose counts of a name the table holds (no guess from its ending). */
  lookupName(given: string): { m: number; f: number } | null {
    return this.names.get(given.toLowerCase()) ?? null;
  }

  lookup(given: string): NameGender | null {
    const w = given.toLowerCase();
    const c = this.names.get(w);
    if (c) return { female: (c.f + this.base) / (c.m + c.f + 1), evidence: c.m + c.f };
    for (const k of [3, 2]) {
      const e = this.endings.get(`${k}:${w.slice(-k)}`);
      if (e && e.m + e.f >= 4 && w.length > k) return { female: (e.f + 0.5) / (e.m + e.f + 1), evidence: Math.min(3, (e.m + e.f) / 4) };
    }
    return null;
  }
}

/** How many observations the US birth share counts for beside the prose counts. */
const SSA_WEIGHT = 10;

/**
 * name → "male\tfemale" births, for names of 100 births or more: the file's sorted lines searched in
 * place (SortedTable), so the first person's name costs one decompression and a scan for line starts,
 * not a map of 40,000 entries (110 ms of start-up when built).
 */
function readSsa(): SortedTable | null {
  const path = join(corefModelDir(), 'ssa-given-names.tsv.gz');
  if (!existsSync(path)) return null;
  const text = gunzipSync(readFileSync(path)).toString('utf8');
  // after the header line; the rows are sorted by name (train/coref-ssa-names.ts)
  return new SortedTable(text.slice(text.indexOf('\n') + 1));
}

/** The share of births recorded female for a (lower-case) name, when the table holds it. */
function ssaShare(table: SortedTable, name: string): number | undefined {
  const row = table.get(name);
  if (row === undefined) return undefined;
  const tab = row.indexOf('\t');
  const m = Number(row.slice(0, tab));
  const f = Number(row.slice(tab + 1));
  return f / (m + f);
}

let ssa: SortedTable | null | undefined;
let shared: GivenNames | null | undefined;

function table(): GivenNames | null {
  if (shared !== undefined) return shared;
  const path = join(corefModelDir(), 'given-names.tsv.gz');
  shared = existsSync(path) ? new GivenNames(gunzipSync(readFileSync(path)).toString('utf8')) : null;
  return shared;
}

/** The gender evidence a given name carries, or null when neither the name nor its ending is known. */
export function givenNameGender(given: string): NameGender | null {
  if (!/^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u.test(given)) return null;
  if (ssa === undefined) ssa = readSsa();
  const share = ssa ? ssaShare(ssa, given.toLowerCase()) : undefined;
  const prose = table()?.lookupName(given) ?? null;
  if (share === undefined) return table()?.lookup(given) ?? null;
  const m = prose?.m ?? 0;
  const f = prose?.f ?? 0;
  return { female: (share * SSA_WEIGHT + f) / (SSA_WEIGHT + m + f), evidence: SSA_WEIGHT + m + f };
}

/** The birth table records the name (100 births or more): a given name, whatever else the word is ("Bill", "Rose"). */
export function recordedGivenName(given: string): boolean {
  if (!/^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u.test(given)) return false;
  if (ssa === undefined) ssa = readSsa();
  return ssa ? ssaShare(ssa, given.toLowerCase()) !== undefined : false;
}
