/**
 * Near-duplicate detection: syndicated and lightly edited copies of one story (a wire report
 * republished by ten sites with a new headline, a trimmed last paragraph, a local intro, or
 * only its first paragraphs and "read more").
 * MinHash over word 5-shingles estimates the Jaccard similarity of two texts from 128 numbers
 * each; with the shingle counts it also estimates containment (how much of the shorter text
 * lies in the longer), which catches truncated copies. Locality-sensitive hashing (64 bands of
 * 2 rows) finds candidate pairs without comparing every pair, so adding a document costs about
 * the same with 100 or 100,000 in the index.
 * A new document is linked to the *first* copy seen (the root), never to another copy.
 */

export const NUM_HASHES = 128;
export const BANDS = 64;
export const ROWS = NUM_HASHES / BANDS;
export const SHINGLE_WORDS = 5;
/** estimated Jaccard similarity of 5-shingles at or above which two texts are one story */
export const DEFAULT_THRESHOLD = 0.5;
/** share of the shorter text's shingles found in the longer: a truncated copy */
export const CONTAINMENT_THRESHOLD = 0.8;
/** containment is only trusted for texts of at least this many shingles (a paragraph or two) */
export const MIN_CONTAINED_SHINGLES = 40;

// fixed seeds: signatures must be comparable across runs and machines
const SEEDS = (() => {
  const out = new Uint32Array(NUM_HASHES);
  let x = 0x2545f491;
  for (let i = 0; i < NUM_HASHES; i++) {
    // xorshift32
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x >>> 0;
  }
  return out;
})();

/** FNV-1a over a string's UTF-16 units: a stable 32-bit id for a shingle. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finaliser keyed by a seed: one of the 128 "permutations". */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Word shingles of normalised text (case, punctuation and spacing do not matter). */
export function shingleIds(text: string, k = SHINGLE_WORDS): Set<number> {
  const words = text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<number>();
  if (words.length === 0) return out;
  if (words.length < k) {
    out.add(fnv1a(words.join(' ')));
    return out;
  }
  for (let i = 0; i + k <= words.length; i++) out.add(fnv1a(words.slice(i, i + k).join(' ')));
  return out;
}

/** A text's MinHash signature and its number of distinct shingles. */
export interface Sketch {
  sig: Uint32Array;
  size: number;
}

export function sketch(text: string): Sketch {
  const ids = shingleIds(text);
  return { sig: signatureOf(ids), size: ids.size };
}

/** The MinHash signature of a text. */
export function signature(text: string): Uint32Array {
  return signatureOf(shingleIds(text));
}

function signatureOf(ids: Set<number>): Uint32Array {
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (const s of ids) {
    for (let i = 0; i < NUM_HASHES; i++) {
      const h = mix(s, SEEDS[i]);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity: the share of positions where two signatures agree. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) same++;
  return same / NUM_HASHES;
}

/**
 * Estimated containment of the shorter text in the longer, from the Jaccard estimate and the
 * shingle counts: |A∩B| = J(|A|+|B|)/(1+J), divided by the smaller set.
 */
export function containment(jaccardEstimate: number, sizeA: number, sizeB: number): number {
  const smaller = Math.min(sizeA, sizeB);
  if (smaller === 0) return 0;
  return Math.min(1, (jaccardEstimate * (sizeA + sizeB)) / ((1 + jaccardEstimate) * smaller));
}

/** Exact Jaccard similarity of the two texts' shingle sets (for tests and evaluation). */
export function jaccard(a: string, b: string): number {
  const x = shingleIds(a);
  const y = shingleIds(b);
  let inter = 0;
  for (const s of x) if (y.has(s)) inter++;
  const union = x.size + y.size - inter;
  return union === 0 ? 0 : inter / union;
}

export function signatureToBuffer(sig: Uint32Array): Buffer {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
}

export function signatureFromBuffer(buf: Uint8Array): Uint32Array {
  if (buf.byteLength !== NUM_HASHES * 4) throw new Error(`a MinHash signature is ${NUM_HASHES * 4} bytes, got ${buf.byteLength}`);
  // copy: the buffer may not be 4-byte aligned
  const copy = new Uint8Array(buf);
  return new Uint32Array(copy.buffer, 0, NUM_HASHES);
}

export interface DuplicateMatch {
  /** the first copy (root) this document duplicates */
  of: string;
  /** estimated Jaccard similarity */
  similarity: number;
  /** estimated share of the shorter text found in the longer (NaN when sizes are unknown) */
  containment: number;
}

/** In-memory LSH index of signatures; keys are document ids. */
export class NearDuplicateIndex {
  private readonly bands: Map<string, string[]>[] = Array.from({ length: BANDS }, () => new Map());
  private readonly signatures = new Map<string, Uint32Array>();
  /** shingle counts, when known */
  private readonly sizes = new Map<string, number>();
  /** copy → root, for documents added as duplicates */
  private readonly rootOf = new Map<string, string>();

  constructor(readonly threshold = DEFAULT_THRESHOLD) {}

  get size(): number {
    return this.signatures.size;
  }

  private bandKey(sig: Uint32Array, band: number): string {
    const o = band * ROWS;
    let key = '';
    for (let r = 0; r < ROWS; r++) key += sig[o + r].toString(36) + ',';
    return key;
  }

  /** The best earlier document this one duplicates, if any (does not add it). */
  find(sig: Uint32Array, exclude?: string, size?: number): DuplicateMatch | null {
    const seen = new Set<string>();
    let best: DuplicateMatch | null = null;
    for (let b = 0; b < BANDS; b++) {
      const bucket = this.bands[b].get(this.bandKey(sig, b));
      if (!bucket) continue;
      for (const id of bucket) {
        if (seen.has(id) || id === exclude) continue;
        seen.add(id);
        const s = similarity(sig, this.signatures.get(id)!);
        const other = this.sizes.get(id);
        const c = size !== undefined && other !== undefined ? containment(s, size, other) : NaN;
        const contained = c >= CONTAINMENT_THRESHOLD && Math.min(size ?? 0, other ?? 0) >= MIN_CONTAINED_SHINGLES;
        if ((s >= this.threshold || contained) && (!best || s > best.similarity)) best = { of: id, similarity: s, containment: c };
      }
    }
    if (best) best = { ...best, of: this.rootOf.get(best.of) ?? best.of };
    return best;
  }

  /**
   * Add a document; returns the root it duplicates, or null when it is the first copy.
   * `knownRoot` restores a link decided earlier (loading a saved index).
   */
  add(id: string, sig: Uint32Array, knownRoot?: string | null, size?: number): DuplicateMatch | null {
    const match = knownRoot === undefined ? this.find(sig, id, size) : knownRoot === null ? null : { of: knownRoot, similarity: NaN, containment: NaN };
    this.signatures.set(id, sig);
    if (size !== undefined) this.sizes.set(id, size);
    if (match) this.rootOf.set(id, match.of);
    for (let b = 0; b < BANDS; b++) {
      const key = this.bandKey(sig, b);
      const bucket = this.bands[b].get(key);
      if (bucket) bucket.push(id);
      else this.bands[b].set(key, [id]);
    }
    return match;
  }

  rootOfDocument(id: string): string | null {
    return this.rootOf.get(id) ?? null;
  }
}
