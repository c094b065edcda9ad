/**
 * The lexicon's storage: every closed word list lives in one TSV file under `lexicon/en/`,
 * loaded on first use and kept for the life of the process. The format (docs/rules.md):
 *
 *   # free comment lines (what the list is, who reads it, where it came from)
 *   #@ case=sensitive            optional directives; lists are case-insensitive by default
 *   word	class	gender         header: the first column is always `word`
 *   mother	kin	f
 *
 * Fields are separated by one tab; an empty field is an absent attribute. A word may hold
 * spaces ("prime minister"). In a case-insensitive list the lookup key is the lower-case word.
 * One list never names a word twice.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One row of a list: the word as written and its attributes (only those the row sets). */
export interface LexEntry {
  readonly word: string;
  readonly attrs: Readonly<Record<string, string>>;
}

/**
 * A subset of a list: rows whose attributes hold these values. An attribute may hold several
 * comma-separated tags (`uses	ner,store`); it matches when one of them is the value asked for
 * (or one of the values, when a list is given).
 */
export type Where = Readonly<Record<string, string | readonly string[]>>;

interface LoadedList {
  readonly name: string;
  readonly file: string;
  readonly caseSensitive: boolean;
  readonly columns: readonly string[];
  readonly entries: readonly LexEntry[];
  readonly byKey: ReadonlyMap<string, LexEntry>;
}

/** `lexicon/en` of this checkout, searched upwards from this module (works from src/ and dist/src/). */
function defaultDir(): string {
  if (process.env.CHRONICLE_LEXICON) return resolve(process.env.CHRONICLE_LEXICON);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'lexicon', 'en');
    if (existsSync(candidate)) return candidate;
    dir = resolve(dir, '..');
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../../lexicon/en');
}

let root: string | null = null;
const lists = new Map<string, LoadedList>();
const subsets = new Map<string, ReadonlySet<string>>();

/** Where the list files are read from. */
export function lexiconDir(): string {
  root ??= defaultDir();
  return root;
}

/** Every list the lexicon directory holds, by name (file name without `.tsv`). */
export function listNames(): string[] {
  return readdirSync(lexiconDir())
    .filter((f) => f.endsWith('.tsv'))
    .map((f) => f.slice(0, -4))
    .sort();
}

/** Parse one list file; errors name the file and line. */
export function parseList(name: string, text: string, file = `${name}.tsv`): LoadedList {
  let caseSensitive = false;
  let columns: string[] | null = null;
  const entries: LexEntry[] = [];
  const byKey = new Map<string, LexEntry>();
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const where = `${file}:${n + 1}`;
    if (line.startsWith('#@')) {
      for (const d of line.slice(2).trim().split(/\s+/)) {
        if (d === 'case=sensitive') caseSensitive = true;
        else if (d === 'case=insensitive') caseSensitive = false;
        else if (d) throw new Error(`${where}: unknown lexicon directive '${d}'`);
      }
      continue;
    }
    if (line.startsWith('#') || line.trim() === '') continue;
    const fields = line.split('\t');
    if (!columns) {
      if (fields[0] !== 'word') throw new Error(`${where}: the header's first column must be 'word' (got '${fields[0]}')`);
      columns = fields;
      continue;
    }
    if (fields.length > columns.length) throw new Error(`${where}: ${fields.length} fields but the header names ${columns.length}`);
    const word = fields[0];
    if (!word || word !== word.trim()) throw new Error(`${where}: empty word or surrounding spaces`);
    const attrs: Record<string, string> = {};
    for (let c = 1; c < fields.length; c++) if (fields[c] !== '') attrs[columns[c]] = fields[c];
    const key = caseSensitive ? word : word.toLowerCase();
    if (byKey.has(key)) throw new Error(`${where}: '${word}' is already in list '${name}'`);
    const entry: LexEntry = { word, attrs };
    entries.push(entry);
    byKey.set(key, entry);
  }
  if (!columns) throw new Error(`${file}: no header line (first non-comment line must start with 'word')`);
  return { name, file, caseSensitive, columns, entries, byKey };
}

function load(name: string): LoadedList {
  let l = lists.get(name);
  if (l) return l;
  const file = join(lexiconDir(), `${name}.tsv`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`no lexicon list '${name}' (looked for ${file})`);
  }
  l = parseList(name, text, file);
  lists.set(name, l);
  return l;
}

function matches(e: LexEntry, where: Where | undefined): boolean {
  if (!where) return true;
  for (const [k, v] of Object.entries(where)) {
    const have = (e.attrs[k] ?? '').split(',');
    if (typeof v === 'string' ? !have.includes(v) : !v.some((x) => have.includes(x))) return false;
  }
  return true;
}

/**
 * For one list and attribute, the rows holding each tag, in file order (a row without the attribute
 * under ''), made once: at start-up the pipeline selects some 190 subsets from lists of up to 500
 * rows, and testing every row of the list for each (splitting its field again) was ≈ 50 ms of a
 * tiny document's start-up, before any document (docs/speed.md, twenty-second round).
 */
const tagIndexes = new WeakMap<LoadedList, Map<string, ReadonlyMap<string, readonly number[]>>>();

function tagIndex(l: LoadedList, attr: string): ReadonlyMap<string, readonly number[]> {
  let byAttr = tagIndexes.get(l);
  if (!byAttr) tagIndexes.set(l, (byAttr = new Map()));
  let index = byAttr.get(attr);
  if (!index) {
    const rowsOf = new Map<string, number[]>();
    for (let row = 0; row < l.entries.length; row++) {
      for (const tag of (l.entries[row].attrs[attr] ?? '').split(',')) {
        let rows = rowsOf.get(tag);
        if (!rows) rowsOf.set(tag, (rows = []));
        if (rows[rows.length - 1] !== row) rows.push(row); // a tag written twice in one field: the row once
      }
    }
    byAttr.set(attr, (index = rowsOf));
  }
  return index;
}

/** The rows matching `where`, in file order — what testing matches() on every row gives: the first condition's rows from its index, the others tested on those. */
function selectEntries(l: LoadedList, where: Where): LexEntry[] {
  const conds = Object.entries(where);
  if (conds.length === 0) return l.entries.slice();
  const [[attr, want], ...rest] = conds;
  const index = tagIndex(l, attr);
  let rows: readonly number[];
  if (typeof want === 'string') rows = index.get(want) ?? [];
  else {
    const marked = new Uint8Array(l.entries.length);
    for (const tag of want) for (const row of index.get(tag) ?? []) marked[row] = 1;
    const union: number[] = [];
    for (let row = 0; row < marked.length; row++) if (marked[row]) union.push(row);
    rows = union;
  }
  const restWhere = rest.length ? Object.fromEntries(rest) : undefined;
  const out: LexEntry[] = [];
  for (const row of rows) if (matches(l.entries[row], restWhere)) out.push(l.entries[row]);
  return out;
}

function whereKey(name: string, where: Where | undefined): string {
  if (!where) return name;
  const parts = Object.keys(where)
    .sort()
    .map((k) => {
      const v = where[k];
      return `${k}=${typeof v === 'string' ? v : [...v].join('|')}`;
    });
  return `${name}[${parts.join(',')}]`;
}

/** The list's rows, in file order (optionally only those matching `where`). */
export function entries(name: string, where?: Where): readonly LexEntry[] {
  const l = load(name);
  return where ? selectEntries(l, where) : l.entries;
}

/** The list's words as written, in file order. */
export function list(name: string, where?: Where): string[] {
  return entries(name, where).map((e) => e.word);
}

/**
 * The list's lookup keys as a set (lower case unless the list is case-sensitive). Cached: hot
 * paths hold the returned set and test membership themselves.
 */
export function set(name: string, where?: Where): ReadonlySet<string> {
  const key = whereKey(name, where);
  let s = subsets.get(key);
  if (!s) {
    const l = load(name);
    s = new Set(entries(name, where).map((e) => (l.caseSensitive ? e.word : e.word.toLowerCase())));
    subsets.set(key, s);
  }
  return s;
}

/** Does the list compare words with their case (its `#@ case=sensitive` directive)? */
export function isCaseSensitive(name: string): boolean {
  return load(name).caseSensitive;
}

/** Is `word` in the list (case-insensitively unless the list says otherwise)? */
export function has(name: string, word: string, where?: Where): boolean {
  const l = load(name);
  const e = l.byKey.get(l.caseSensitive ? word : word.toLowerCase());
  return e !== undefined && matches(e, where);
}

/** The row for `word`, or undefined. */
export function lookup(name: string, word: string): LexEntry | undefined {
  const l = load(name);
  return l.byKey.get(l.caseSensitive ? word : word.toLowerCase());
}

/** `{ word: attrs[attr] }` for every row that sets the attribute. */
export function mapOf(name: string, attr: string, where?: Where): Map<string, string> {
  const l = load(name);
  const out = new Map<string, string>();
  for (const e of entries(name, where)) {
    const v = e.attrs[attr];
    if (v !== undefined) out.set(l.caseSensitive ? e.word : e.word.toLowerCase(), v);
  }
  return out;
}

/**
 * A selector names a list or a subset of one: `titles`, `titles[ner=yes]`,
 * `roles[class=kin|position]`. Used by model manifests to freeze what a model was trained with.
 */
export function parseSelector(selector: string): { name: string; where?: Where } {
  const m = /^([\w.-]+)(?:\[([^\]]*)\])?$/.exec(selector.trim());
  if (!m) throw new Error(`bad lexicon selector '${selector}' (expected name or name[attr=value,...])`);
  if (!m[2]) return { name: m[1] };
  const where: Record<string, string | string[]> = {};
  for (const part of m[2].split(',')) {
    const [k, v] = part.split('=');
    if (!k || v === undefined) throw new Error(`bad lexicon selector '${selector}'`);
    where[k.trim()] = v.includes('|') ? v.split('|') : v;
  }
  return { name: m[1], where };
}

/**
 * A short fingerprint of the set of lookup keys a selector yields (sorted, so row order,
 * comments and the attributes of rows outside the selection do not count). Two checkouts agree
 * on it exactly when a model's features would see the same words.
 */
export function checksum(selector: string): string {
  const { name, where } = parseSelector(selector);
  const h = createHash('sha256');
  for (const k of [...set(name, where)].sort()) h.update(k + '\n');
  return h.digest('hex').slice(0, 16);
}

/** Checksums of several selectors, for writing into a manifest. */
export function checksums(selectors: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of selectors) out[s] = checksum(s);
  return out;
}

/** Selectors whose lists changed since `recorded` was written: `[]` when all agree. */
export function drift(recorded: Readonly<Record<string, string>>): { selector: string; recorded: string; now: string }[] {
  const out: { selector: string; recorded: string; now: string }[] = [];
  for (const [selector, sum] of Object.entries(recorded)) {
    let now: string;
    try {
      now = checksum(selector);
    } catch (err) {
      now = `missing (${(err as Error).message})`;
    }
    if (now !== sum) out.push({ selector, recorded: sum, now });
  }
  return out;
}

/**
 * Throw when a model's frozen lists have drifted: training must start from the lists the
 * manifest records, or the manifest must be rewritten with the new checksums on purpose.
 */
export function assertFrozen(recorded: Readonly<Record<string, string>> | undefined, what: string): void {
  if (!recorded) return;
  const d = drift(recorded);
  if (d.length === 0) return;
  const lines = d.map((x) => `  ${x.selector}: recorded ${x.recorded}, now ${x.now}`).join('\n');
  throw new Error(`${what}: lexicon lists changed since the manifest was written:\n${lines}\n` +
    'restore them (git diff lexicon/en), or retrain and record the new checksums on purpose');
}

/** Forget loaded lists (tests that point CHRONICLE_LEXICON elsewhere). */
export function resetLexicon(dir?: string): void {
  lists.clear();
  subsets.clear();
  root = dir ? resolve(dir) : null;
}
