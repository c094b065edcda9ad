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
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { normaliseForm } from './features.js';

/** The prefix lengths features use, in bits; prefix(c, k) is the id of PREFIX_LENGTHS[k]. */
export const PREFIX_LENGTHS = [4, 6, 10, 20] as const;

export const BROWN_FILE = 'brown.tsv.gz';

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
  private readonly byWord: Map<string, number>;
  private readonly memo = new Map<string, number>();
  /** sha256 of the file the clusters were read from ('' when built in memory): models that use them record it */
  sha256 = '';

  /** `entries`: [path, word] pairs, as in Liang's `paths` file (path, word, count). */
  constructor(entries: Iterable<readonly [string, string]>) {
    const ids = new Map<string, number>();
    const paths: string[] = [];
    this.byWord = new Map();
    for (const [path, word] of entries) {
      let id = ids.get(path);
      if (id === undefined) {
        id = paths.length;
        ids.set(path, id);
        paths.push(path);
      }
      this.byWord.set(word, id);
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

  /** Cluster of the exact form (after representationKey), or -1. */
  exactClusterOf(form: string): number {
    return this.byWord.get(representationKey(form)) ?? -1;
  }

  /**
   * Cluster of a token: the exact form, else its lower-case form, else its title-case form
   * ("NATO" → "Nato", "BBC's" stays unknown); -1 when none is known. Memoised per form.
   */
  clusterOf(form: string): number {
    const hit = this.memo.get(form);
    if (hit !== undefined) return hit;
    const key = representationKey(form);
    let c = this.byWord.get(key);
    if (c === undefined) {
      const lower = key.toLowerCase();
      c = this.byWord.get(lower);
      if (c === undefined && lower !== key) c = this.byWord.get(titleCase(key));
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

let cached: BrownClusters | null | undefined;
let loadError: string | null = null;

/** The shipped Brown clusters, loaded once per process (null, with loadError(), if missing). */
export function getBrownClusters(): BrownClusters | null {
  if (cached !== undefined) return cached;
  const file = join(representationsDir(), BROWN_FILE);
  try {
    const gz = readFileSync(file);
    cached = BrownClusters.parse(gunzipSync(gz).toString('utf8'));
    cached.sha256 = createHash('sha256').update(gz).digest('hex');
  } catch (err) {
    loadError = `${file}: ${(err as Error).message}`;
    cached = null;
  }
  return cached;
}

/** Why getBrownClusters() returned null, if it did. */
export function representationsLoadError(): string | null {
  return loadError;
}
