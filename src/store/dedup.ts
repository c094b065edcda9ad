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

/**
 * In-memory LSH index of signatures; keys are document ids. Kept compact, since every writer
 * holds one for the whole store: documents are numbered slots; signatures live in one growing
 * Uint32Array; each band is a chained hash table in typed arrays — a 30-bit hash of the band's
 * rows per slot, the next slot with the same bucket, and a head per bucket. A hash collision
 * only adds a candidate, which the similarity check rejects. 1.6–2.6 KB per document, with the
 * arrays' headroom (string band keys in Maps took 9.5 KB).
 */
export class NearDuplicateIndex {
  private capacity = 256;
  private sigs = new Uint32Array(NUM_HASHES * this.capacity);
  /** shingle counts by slot, -1 when unknown */
  private sizes = new Int32Array(this.capacity);
  /** band hash of each slot, band-major: hashes[b * capacity + slot] */
  private hashes = new Int32Array(BANDS * this.capacity);
  /** next slot in the same bucket (-1: none), band-major like hashes */
  private next = new Int32Array(BANDS * this.capacity);
  /** first slot of each bucket (-1: empty), band-major: heads[b * buckets + (hash & mask)] */
  private buckets = 512;
  private heads = new Int32Array(BANDS * this.buckets).fill(-1);
  private readonly ids: string[] = [];
  private readonly slotOf = new Map<string, number>();
  /** copy → root, for documents added as duplicates */
  private readonly rootOf = new Map<string, string>();

  constructor(readonly threshold = DEFAULT_THRESHOLD) {}

  get size(): number {
    return this.ids.length;
  }

  private bandKey(sig: Uint32Array, band: number): number {
    let h = 0x9e3779b9 ^ band;
    for (let r = 0, o = band * ROWS; r < ROWS; r++) {
      h = Math.imul(h ^ sig[o + r], 0x85ebca6b);
      h ^= h >>> 13;
    }
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h & 0x3fffffff;
  }

  private similarityTo(sig: Uint32Array, slot: number): number {
    const base = slot * NUM_HASHES;
    let same = 0;
    for (let i = 0; i < NUM_HASHES; i++) if (sig[i] === this.sigs[base + i]) same++;
    return same / NUM_HASHES;
  }

  /** The best earlier document this one duplicates, if any (does not add it). */
  find(sig: Uint32Array, exclude?: string, size?: number): DuplicateMatch | null {
    const seen = new Set<number>();
    let best: DuplicateMatch | null = null;
    const mask = this.buckets - 1;
    for (let b = 0; b < BANDS; b++) {
      const key = this.bandKey(sig, b);
      for (let slot = this.heads[b * this.buckets + (key & mask)]; slot >= 0; slot = this.next[b * this.capacity + slot]) {
        if (this.hashes[b * this.capacity + slot] !== key || seen.has(slot)) continue;
        seen.add(slot);
        const id = this.ids[slot];
        if (id === exclude) continue;
        const s = this.similarityTo(sig, slot);
        const other = this.sizes[slot];
        const c = size !== undefined && other >= 0 ? containment(s, size, other) : NaN;
        const contained = c >= CONTAINMENT_THRESHOLD && Math.min(size ?? 0, other >= 0 ? other : 0) >= MIN_CONTAINED_SHINGLES;
        if ((s >= this.threshold || contained) && (!best || s > best.similarity)) best = { of: id, similarity: s, containment: c };
      }
    }
    const found = best as DuplicateMatch | null;
    return found ? { ...found, of: this.rootOf.get(found.of) ?? found.of } : null;
  }

  /** Double the slots (signatures, sizes, band hashes and chains keep their places). */
  private grow(): void {
    const cap = this.capacity * 2;
    const sigs = new Uint32Array(NUM_HASHES * cap);
    sigs.set(this.sigs);
    const sizes = new Int32Array(cap);
    sizes.set(this.sizes);
    const hashes = new Int32Array(BANDS * cap);
    const next = new Int32Array(BANDS * cap);
    for (let b = 0; b < BANDS; b++) {
      hashes.set(this.hashes.subarray(b * this.capacity, (b + 1) * this.capacity), b * cap);
      next.set(this.next.subarray(b * this.capacity, (b + 1) * this.capacity), b * cap);
    }
    Object.assign(this, { sigs, sizes, hashes, next, capacity: cap });
  }

  /** Twice the buckets: the chains are rebuilt from the stored band hashes. */
  private rehash(): void {
    const buckets = this.buckets * 2;
    const mask = buckets - 1;
    const heads = new Int32Array(BANDS * buckets).fill(-1);
    for (let b = 0; b < BANDS; b++) {
      for (let slot = 0; slot < this.ids.length; slot++) {
        const at = b * buckets + (this.hashes[b * this.capacity + slot] & mask);
        this.next[b * this.capacity + slot] = heads[at];
        heads[at] = slot;
      }
    }
    this.heads = heads;
    this.buckets = buckets;
  }

  /**
   * Add a document; returns the root it duplicates, or null when it is the first copy.
   * `knownRoot` restores a link decided earlier (loading a saved index).
   */
  add(id: string, sig: Uint32Array, knownRoot?: string | null, size?: number): DuplicateMatch | null {
    const match = knownRoot === undefined ? this.find(sig, id, size) : knownRoot === null ? null : { of: knownRoot, similarity: NaN, containment: NaN };
    if (match) this.rootOf.set(id, match.of);
    // the same document again (a retried write): its signature is indexed already
    if (this.slotOf.has(id)) return match;
    const slot = this.ids.length;
    if (slot >= this.capacity) this.grow();
    if (slot >= this.buckets / 2) this.rehash();
    this.sigs.set(sig.subarray(0, NUM_HASHES), slot * NUM_HASHES);
    this.sizes[slot] = size ?? -1;
    this.ids.push(id);
    this.slotOf.set(id, slot);
    const mask = this.buckets - 1;
    for (let b = 0; b < BANDS; b++) {
      const key = this.bandKey(sig, b);
      const at = b * this.buckets + (key & mask);
      this.hashes[b * this.capacity + slot] = key;
      this.next[b * this.capacity + slot] = this.heads[at];
      this.heads[at] = slot;
    }
    return match;
  }

  rootOfDocument(id: string): string | null {
    return this.rootOf.get(id) ?? null;
  }
}
