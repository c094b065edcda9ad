/**
 * Learned word representations shared by the tagger, parser and recogniser: Brown clusters
 * (Liang 2005) trained by train/representations.ts on 22.6 M words of open prose plus the GUM
 * and EWT training text (models/representations/, see its manifest).
 *
 * Every word of the vocabulary has a bit-string path in the cluster hierarchy; words with a
 * common prefix are distributionally alike, and the prefixes of 4, 6, 10 and 20 bits are the
 * proven features (Koo et al. 2008; Ratinov & Roth 2009). Hot paths ask for integers:
 *
 * ```ts
 * const brown = getBrownClusters();          // lazy; null when the file is missing
 * const c = brown?.clusterOf('Putin') ?? -1; // cluster id, -1 unknown
 * const p4 = brown!.prefix(c, 0);            // id of the 4-bit prefix (PREFIX_LENGTHS[0]); 0 when c < 0
 * ```
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { normaliseForm } from './features.js';
import { readyModel, SortedTable } from './model-io.js';

/** The prefix lengths features use, in bits; prefix(c, k) is the id of PREFIX_LENGTHS[k]. */
export const PREFIX_LENGTHS = [4, 6, 10, 20] as const;

export const BROWN_FILE = 'brown.tsv.gz';
/** Clusters of skip-gram word vectors (train/vectors.ts), in the same paths format. */
export const VECTORS_FILE = 'vectors.tsv.gz';

/**
 * The form clusters are learned and looked up on: typographic quotes and dashes as ASCII
 * (normaliseForm) and every digit as 0 ("1987" and "2024" are one word), case kept.
 */
export function representationKey(form: string): string {
  const norm = normaliseForm(form);
  return /\d/.test(norm) ? norm.replace(/\d/g, '0') : norm;
}

/** Prefix id: a leading 1 bit, then the first `len` bits of the path (the whole path if shorter). */
function prefixId(path: string, len: number): number {
  const p = path.length > len ? path.slice(0, len) : path;
  let id = 1;
  for (let i = 0; i < p.length; i++) id = id * 2 + (p.charCodeAt(i) === 49 ? 1 : 0);
  return id;
}

function titleCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
}

export class BrownClusters {
  /** bit-string path of each cluster id */
  readonly paths: readonly string[];
  /** prefix ids, PREFIX_LENGTHS.length per cluster */
  private readonly prefixes: Int32Array;
  /** word → cluster id: a map, or (loaded from the load-ready file) a sorted table of "word\tid" lines */
  private readonly byWord: Map<string, number> | SortedTable;
  private readonly memo = new Map<string, number>();
  /** sha256 of the file the clusters were read from ('' when built in memory): models that use them record it */
  sha256 = '';

  /** `entries`: [path, word] pairs, as in Liang's `paths` file (path, word, count); or the load-ready table and paths. */
  constructor(entries: Iterable<readonly [string, string]> | { table: SortedTable; paths: string[] }) {
    let paths: string[] = [];
    if ('table' in entries) {
      this.byWord = entries.table;
      paths = entries.paths;
    } else {
      const ids = new Map<string, number>();
      const byWord = new Map<string, number>();
      for (const [path, word] of entries) {
        let id = ids.get(path);
        if (id === undefined) {
          id = paths.length;
          ids.set(path, id);
          paths.push(path);
        }
        byWord.set(word, id);
      }
      this.byWord = byWord;
    }
    this.paths = paths;
    this.prefixes = new Int32Array(paths.length * PREFIX_LENGTHS.length);
    paths.forEach((p, c) => PREFIX_LENGTHS.forEach((len, k) => (this.prefixes[c * PREFIX_LENGTHS.length + k] = prefixId(p, len))));
  }

  /** Parse the text of a `paths` file: one `path<TAB>word<TAB>count` line per word. */
  static parse(text: string): BrownClusters {
    const entries: [string, string][] = [];
    for (const line of text.split('\n')) {
      if (!line) continue;
      const t1 = line.indexOf('\t');
      const t2 = line.indexOf('\t', t1 + 1);
      if (t1 <= 0) throw new Error(`brown clusters: bad line "${line.slice(0, 80)}"`);
      entries.push([line.slice(0, t1), line.slice(t1 + 1, t2 < 0 ? undefined : t2)]);
    }
    return new BrownClusters(entries);
  }

  get size(): number {
    return this.paths.length;
  }

  /** Number of words with a cluster. */
  get vocabularySize(): number {
    return this.byWord.size;
  }

  private idOf(word: string): number | undefined {
    if (this.byWord instanceof Map) return this.byWord.get(word);
    const v = this.byWord.get(word);
    return v === undefined ? undefined : Number(v);
  }

  /** The load-ready form: word → id lines and the paths. */
  readyForm(): { table: string; paths: readonly string[] } {
    const byWord = this.byWord;
    return { table: byWord instanceof Map ? SortedTable.build([...byWord].map(([w, id]) => [w, String(id)])) : byWord.text, paths: this.paths };
  }

  /** Cluster of the exact form (after representationKey), or -1. */
  exactClusterOf(form: string): number {
    return this.idOf(representationKey(form)) ?? -1;
  }

  /**
   * Cluster of a token: the exact form, else its lower-case form, else its title-case form
   * ("NATO" → "Nato", "BBC's" stays unknown); -1 when none is known. Memoised per form.
   */
  clusterOf(form: string): number {
    const hit = this.memo.get(form);
    if (hit !== undefined) return hit;
    const key = representationKey(form);
    let c = this.idOf(key);
    if (c === undefined) {
      const lower = key.toLowerCase();
      c = this.idOf(lower);
      if (c === undefined && lower !== key) c = this.idOf(titleCase(key));
    }
    const id = c ?? -1;
    if (this.memo.size > 200_000) this.memo.clear();
    this.memo.set(form, id);
    return id;
  }

  /** Id of the k-th prefix (PREFIX_LENGTHS[k] bits) of cluster c; 0 for an unknown word (c < 0). */
  prefix(c: number, k: number): number {
    return c < 0 ? 0 : this.prefixes[c * PREFIX_LENGTHS.length + k];
  }

  /** Bit-string path of a token (with clusterOf's fall-backs), or null. */
  path(form: string): string | null {
    const c = this.clusterOf(form);
    return c < 0 ? null : this.paths[c];
  }
}

/** models/representations/ of this checkout (searched upwards: works from src/ and dist/src/), or $CHRONICLE_REPRESENTATIONS. */
export function representationsDir(): string {
  if (process.env.CHRONICLE_REPRESENTATIONS) return resolve(process.env.CHRONICLE_REPRESENTATIONS);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'models', 'representations');
    if (existsSync(join(candidate, BROWN_FILE))) return candidate;
    dir = resolve(dir, '..');
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../../models/representations');
}

const cachedByFile = new Map<string, BrownClusters | null>();
const loadErrors = new Map<string, string>();

/** A cluster file of models/representations/, loaded once per process (null, with representationsLoadError(name), if missing). */
function loadClusters(name: string): BrownClusters | null {
  const hit = cachedByFile.get(name);
  if (hit !== undefined) return hit;
  const file = join(representationsDir(), name);
  let loaded: BrownClusters | null;
  try {
    // the load-ready form (model-io.ts readyModel): sorted word lines, no map of the words to build
    const { file: ready } = readyModel(file, (gz) => {
      const clusters = BrownClusters.parse(gunzipSync(gz).toString('utf8'));
      const { table, paths } = clusters.readyForm();
      return { header: { paths, sha256: createHash('sha256').update(gz).digest('hex') }, arrays: { words: Buffer.from(table, 'utf8') } };
    }, { version: 'chronicle-brown-ready/1' });
    const words = ready.arrays.words as Uint8Array;
    loaded = new BrownClusters({ table: new SortedTable(Buffer.from(words.buffer, words.byteOffset, words.byteLength).toString('utf8')), paths: ready.header.paths as string[] });
    loaded.sha256 = ready.header.sha256 as string;
  } catch (err) {
    loadErrors.set(name, `${file}: ${(err as Error).message}`);
    loaded = null;
  }
  cachedByFile.set(name, loaded);
  return loaded;
}

/** The shipped Brown clusters, loaded once per process (null, with representationsLoadError(), if missing). */
export function getBrownClusters(): BrownClusters | null {
  return loadClusters(BROWN_FILE);
}

/** The shipped word-vector clusters (same form as Brown's), loaded once per process; null if missing. */
export function getVectorClusters(): BrownClusters | null {
  return loadClusters(VECTORS_FILE);
}

/** Why getBrownClusters() (or, given VECTORS_FILE, getVectorClusters()) returned null, if it did. */
export function representationsLoadError(name: string = BROWN_FILE): string | null {
  return loadErrors.get(name) ?? null;
}
