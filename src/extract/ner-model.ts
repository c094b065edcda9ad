/**
 * The named-entity model: a linear scorer over hashed integer features with BIO (or, per type,
 * BILOU) tags and a first-order transition matrix, decoded with Viterbi (a structured perceptron, after
 * Collins 2002). Training lives in train/ner.ts; this file holds what run time needs:
 * the tag set, the weights, decoding and the on-disk format.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { ENTITY_TYPES, type EntityType } from '../doc.js';
import { FeatureTable, FrozenPerceptron, type Scorer } from '../nlp/perceptron.js';
import { decodeModel, encodeModel, getPerceptron, getTables, putPerceptron, putTables, readyModel, SortedTable, type TypedArrayAny } from '../nlp/model-io.js';
import { VECTORS_FILE, getBrownClusters, getVectorClusters, representationsLoadError, type BrownClusters } from '../nlp/representations.js';
import {
  CapTable, Gazetteer, compactGazetteer, MAX_KEYS, OFFSETS, WordCache, contextKeys, infoAt, markKeys, neighbourKeys, plainComboKey, plainSmallKeys, selfKeys, sentenceView, wideContextKeys,
  type CapLexicon, type DocCaps, type GazetteerData, type SentenceView, type TypeProfiles, type WordInfo,
} from './ner-features.js';

/** The entity types in the order of the model's tags (a model file with another order is refused at load). */
export const NER_TYPES: readonly EntityType[] = ENTITY_TYPES;

/**
 * A model's tag scheme: 0 = O, then for each type in NER_TYPES order B-T and I-T (BIO), or
 * B-T, I-T, L-T and U-T for the types tagged BILOU (begin, inside, last, unit; Ratinov & Roth
 * 2009). The scheme is a property of the weights: the file records its tags, and the decoder,
 * the span reader and the trainer take them from there. The shipped recogniser is BIO; its
 * organisation companion (models/ner/weights-org.bin.gz) tags ORG BILOU.
 */
export class TagSet {
  readonly tags: readonly string[];
  readonly n: number;
  readonly index: ReadonlyMap<string, number>;
  /** the types tagged BILOU */
  readonly bilou: ReadonlySet<EntityType>;
  /** per tag: its type's index in NER_TYPES (-1 for O) and its part (0 B, 1 I, 2 L, 3 U; -1 for O) */
  private readonly typeOf: Int32Array;
  private readonly part: Int32Array;
  /** startAllowed[t] = 1 when tag t may start a sentence; prevTags[prevAt[t]..prevAt[t+1]) the tags that may precede t */
  readonly startAllowed: Uint8Array;
  readonly prevAt: Int32Array;
  readonly prevTags: Int32Array;
  /** tags after which no name is open (all but B-T and I-T of BILOU types), ascending */
  readonly closed: Int32Array;

  /** the types the tags name (default every type; an organisation specialist: ORG alone), in NER_TYPES order */
  readonly types: readonly EntityType[];

  constructor(bilou: Iterable<EntityType> = [], types: readonly EntityType[] = NER_TYPES) {
    this.bilou = new Set(bilou);
    this.types = NER_TYPES.filter((t) => types.includes(t));
    for (const t of types) if (!NER_TYPES.includes(t)) throw new Error(`tag type ${t} is not an entity type`);
    for (const t of this.bilou) if (!this.types.includes(t)) throw new Error(`BILOU type ${t} is not among the tag set's types`);
    this.tags = ['O', ...this.types.flatMap((t) => (this.bilou.has(t) ? ['B-' + t, 'I-' + t, 'L-' + t, 'U-' + t] : ['B-' + t, 'I-' + t]))];
    this.n = this.tags.length;
    this.index = new Map(this.tags.map((t, i) => [t, i]));
    this.typeOf = Int32Array.from(this.tags, (t) => (t === 'O' ? -1 : NER_TYPES.indexOf(t.slice(2) as EntityType)));
    this.part = Int32Array.from(this.tags, (t) => (t === 'O' ? -1 : 'BILU'.indexOf(t[0])));
    const T = this.n;
    this.startAllowed = new Uint8Array(T);
    this.prevAt = new Int32Array(T + 1);
    const prev: number[] = [];
    for (let t = 0; t < T; t++) {
      this.startAllowed[t] = this.allowed(-1, t) ? 1 : 0;
      this.prevAt[t] = prev.length;
      for (let p = 0; p < T; p++) if (this.allowed(p, t)) prev.push(p);
    }
    this.prevAt[T] = prev.length;
    this.prevTags = Int32Array.from(prev);
    this.closed = Int32Array.from(this.tags.map((_, t) => t).filter((t) => !this.isOpen(t)));
  }

  /** The tag set a model file's tag list names (O, then per type BIO or BILOU in NER_TYPES order), or null. */
  static fromTags(tags: readonly string[]): TagSet | null {
    const bilou = NER_TYPES.filter((t) => tags.includes('U-' + t));
    const types = NER_TYPES.filter((t) => tags.includes('B-' + t));
    if (types.length === 0) return null;
    const set = new TagSet(bilou, types);
    return set.tags.join(' ') === tags.join(' ') ? set : null;
  }

  /** I-T or L-T: the tag continues a name. */
  isInside(tag: number): boolean {
    const k = this.part[tag];
    return k === 1 || k === 2;
  }
  /** B-T or U-T: the tag starts a name. */
  isBegin(tag: number): boolean {
    const k = this.part[tag];
    return k === 0 || k === 3;
  }
  /** B-T or I-T of a BILOU type: a name is open after this tag and must go on. */
  isOpen(tag: number): boolean {
    const k = this.part[tag];
    return (k === 0 || k === 1) && this.bilou.has(NER_TYPES[this.typeOf[tag]]);
  }
  tagType(tag: number): EntityType | null {
    return tag === 0 ? null : NER_TYPES[this.typeOf[tag]];
  }

  /**
   * May `cur` follow `prev` (-1 = sentence start)? I-T (and L-T) only after B-T or I-T of its
   * type; after an open BILOU tag only I-T or L-T of its type.
   */
  allowed(prev: number, cur: number): boolean {
    const open = prev > 0 && this.isOpen(prev);
    if (!this.isInside(cur)) return !open;
    return prev > 0 && this.part[prev] <= 1 && this.tagType(prev) === this.tagType(cur);
  }

  /** A sentence's BIO tag strings in this scheme ("B-X I-X" → "B-X L-X", a lone "B-X" → "U-X" for BILOU types; a type not in the set → O). */
  fromBio(tags: readonly string[]): string[] {
    if (this.bilou.size === 0 && this.types.length === NER_TYPES.length) return tags as string[];
    return tags.map((t, i) => {
      if (t === 'O') return t;
      const type = t.slice(2) as EntityType;
      if (!this.types.includes(type)) return 'O';
      if (!this.bilou.has(type)) return t;
      const goesOn = tags[i + 1] === 'I-' + type;
      if (t.startsWith('B-')) return (goesOn ? 'B-' : 'U-') + type;
      return (goesOn ? 'I-' : 'L-') + type;
    });
  }

  /** Spans [start, end) with their type from a tag sequence (L-T and U-T close a name of a BILOU type). */
  spans(tags: ArrayLike<number>): { start: number; end: number; type: EntityType }[] {
    const spans: { start: number; end: number; type: EntityType }[] = [];
    let open: { start: number; type: EntityType } | null = null;
    for (let i = 0; i <= tags.length; i++) {
      const tag = i < tags.length ? tags[i] : 0;
      if (open && !(this.isInside(tag) && this.tagType(tag) === open.type)) {
        spans.push({ start: open.start, end: i, type: open.type });
        open = null;
      }
      if (this.isBegin(tag) || (this.isInside(tag) && !open)) open = { start: i, type: this.tagType(tag)! };
      if (open && this.part[tag] >= 2) {
        spans.push({ start: open.start, end: i + 1, type: open.type });
        open = null;
      }
    }
    return spans;
  }
}

/** BIO tags for every type: the shipped recogniser's scheme. */
export const BIO_TAGS = new TagSet();

/** Spans [start, end) with their type from a tag sequence in `tagSet` (default BIO). */
export function tagsToSpans(tags: ArrayLike<number>, tagSet: TagSet = BIO_TAGS): { start: number; end: number; type: EntityType }[] {
  return tagSet.spans(tags);
}

/**
 * Weights: a perceptron over hashed feature keys (one class per tag of `tags`; frozen and
 * sparse at run time, see src/nlp/perceptron.ts), plus transition and start scores.
 */
export class NerWeights {
  constructor(
    readonly scorer: Scorer,
    readonly trans: Float32Array,
    readonly start: Float32Array,
    /**
     * Subtracted from every token's O score: trades precision for recall (a perceptron trained
     * on text where most tokens are O is shy of names). Chosen by cross-validation in training.
     */
    public oBias = 0,
    /** the tag scheme the weights were trained with (the file records it) */
    readonly tags: TagSet = BIO_TAGS,
  ) {
    const T = tags.n;
    if (start.length !== T || trans.length !== T * T) throw new Error(`NER weights: transition tables sized for ${Math.sqrt(trans.length)} tags, the tag set has ${T}`);
    this.tmp = new Float64Array(T);
    this.memoRows = new Float32Array(T * 256);
    this.comboRows = new Float32Array(T * 1024);
  }

  /**
   * Which per-word score vector of a shared WordCache is this model's: 0 = WordInfo.vec, 1 =
   * WordInfo.vec2 (the organisation companion, which shares the recogniser's cache and sentence views).
   */
  slot: 0 | 1 = 0;
  /** sha256 of the Brown cluster file the features were computed with (null: no cluster features) */
  brownSha256: string | null = null;
  /** sha256 of the word-vector cluster file the features were computed with (null: no such features) */
  vectorsSha256: string | null = null;
  /** sha256 of the corpus type profiles file (types.tsv.gz) the features were computed with (null: no such features) */
  typesSha256: string | null = null;

  private readonly keys = new Uint32Array(MAX_KEYS);
  private readonly tmp: Float64Array;
  /** dense score rows of the small-domain context keys (a few hundred distinct keys in all) */
  private readonly memo = new FeatureTable(1 << 10);
  private memoRows: Float32Array;
  private memoSize = 0;
  /** the memo rows (offsets) of one token's gazetteer and run keys */
  private markRows = new Int32Array(16);
  /** a sentence's word-vector offsets (emissionsFor), reused */
  private vecOffsets = new Int32Array(256);

  private readonly combo = new FeatureTable(1 << 12);
  private comboRows: Float32Array;
  private comboSize = 0;

  /** Row offset in comboRows of the summed plain small-domain keys of token i. */
  private comboRow(v: SentenceView, i: number, key: number): number {
    const T_ = this.tags.n;
    let r = this.combo.get(key);
    if (r < 0) {
      if (this.comboSize >= 1 << 16) {
        // a runaway variety of combinations (never seen in news): start afresh
        this.combo.keys.fill(0);
        this.combo.size = 0;
        this.comboSize = 0;
      }
      r = this.combo.getOrAdd(key, this.comboSize++);
      if (this.comboSize * T_ > this.comboRows.length) {
        const grown = new Float32Array(this.comboRows.length * 2);
        grown.set(this.comboRows);
        this.comboRows = grown;
      }
      const n = plainSmallKeys(v, i, this.keys, 0);
      this.scorer.score(this.keys, n, this.tmp);
      for (let t = 0; t < T_; t++) this.comboRows[r * T_ + t] = this.tmp[t];
    }
    return r * T_;
  }

  /** Row offset of `key`'s scores in memoRows, scoring it on first sight. */
  private memoRow(key: number): number {
    const T_ = this.tags.n;
    let r = this.memo.get(key);
    if (r < 0) {
      r = this.memo.getOrAdd(key, this.memoSize++);
      if (this.memoSize * T_ > this.memoRows.length) {
        const grown = new Float32Array(this.memoRows.length * 2);
        grown.set(this.memoRows);
        this.memoRows = grown;
      }
      this.keys[MAX_KEYS - 1] = key;
      this.scorer.score(this.keys.subarray(MAX_KEYS - 1), 1, this.tmp);
      for (let t = 0; t < T_; t++) this.memoRows[r * T_ + t] = this.tmp[t];
    }
    return r * T_;
  }

  /**
   * Offset in `cache`'s pool for this model's slot of the summed word-only feature scores of `w`
   * (self, then one block per neighbour offset), scoring them into a new row on first sight.
   */
  private wordVec(w: WordInfo, cache: WordCache): number {
    const at = this.slot === 0 ? w.vecAt : w.vecAt2;
    if (at >= 0) return at;
    const T = this.tags.n;
    const row = T * (1 + OFFSETS.length);
    const slot = this.slot;
    const start = cache.vecUsed[slot];
    let pool = cache.vecPools[slot];
    if (start + row > pool.length) {
      const grown = new Float32Array(Math.max(2 * pool.length, 1024 * row));
      grown.set(pool.subarray(0, start));
      pool = cache.vecPools[slot] = grown;
    }
    cache.vecUsed[slot] = start + row;
    const n = selfKeys(w, this.keys, 0);
    this.scorer.score(this.keys, n, this.tmp);
    for (let t = 0; t < T; t++) pool[start + t] = this.tmp[t];
    for (let k = 0; k < OFFSETS.length; k++) {
      const m = neighbourKeys(w, k, this.keys, 0);
      this.scorer.score(this.keys, m, this.tmp);
      for (let t = 0; t < T; t++) pool[start + (k + 1) * T + t] = this.tmp[t];
    }
    if (slot === 0) w.vecAt = start;
    else w.vecAt2 = start;
    return start;
  }

  /**
   * Emission scores (n × tags.n) for a sentence. The word-only parts are summed once per word
   * type and kept on its WordInfo (frozen weights only: the cache belongs to this model), so a
   * token costs five vector adds plus one table pass over its ~20 context keys. `keys`: the
   * sentence's context keys when already built (sentenceKeysOf; the organisation companion scores
   * the recogniser's), so a pair of models featurises a sentence once. `into`: where to write them
   * (n × tags.n floats, every one written; recogniseDoc gives views of one array per document).
   */
  emissionsFor(v: SentenceView, cache: WordCache, cacheVectors: boolean, keys: SentenceKeys = sentenceKeysOf(v), into?: Float32Array): Float32Array {
    const T = this.tags.n;
    const n = v.infos.length;
    const out = into ?? new Float32Array(n * T);
    if (out.length !== n * T) throw new Error(`emissions: ${out.length} floats given for ${n} tokens × ${T} tags`);
    const tmp = this.tmp;
    if (!cacheVectors) {
      const buf = this.keys;
      for (let i = 0; i < n; i++) {
        let m = selfKeys(v.infos[i], buf, 0);
        for (let k = 0; k < OFFSETS.length; k++) m = neighbourKeys(infoAt(v, cache, i + OFFSETS[k]), k, buf, m);
        m = contextKeys(v, i, buf, m);
        this.scorer.score(buf, m, tmp);
        for (let t = 0; t < T; t++) out[i * T + t] = tmp[t];
        out[i * T] -= this.oBias;
      }
      return out;
    }
    // word vectors of the sentence with two pads each side, as offsets into the cache's pool for
    // this slot: vecs[i + 2] belongs to token i
    const vecs = this.vecOffsets.length >= n + 4 ? this.vecOffsets : (this.vecOffsets = new Int32Array(2 * n + 8));
    vecs[0] = vecs[1] = this.wordVec(cache.padBefore, cache);
    vecs[n + 2] = vecs[n + 3] = this.wordVec(cache.padAfter, cache);
    for (let i = 0; i < n; i++) vecs[i + 2] = this.wordVec(v.infos[i], cache);
    // read after every row is scored (a new row may have grown the pool)
    const pool = cache.vecPools[this.slot];
    const T2 = 2 * T;
    const T3 = 3 * T;
    const T4 = 4 * T;
    const { wide, wideAt, marks, marksAt, combos } = keys;
    const oBias = this.oBias;
    for (let i = 0; i < n; i++) {
      const base = i * T;
      // the rows first (scoring a new one uses tmp, and a memo may grow): the plain small-domain
      // keys as one summed row per combination of their values, the gazetteer and run keys from
      // the per-key memo
      const off0 = this.comboRow(v, i, combos[i]);
      const m0 = marksAt[i];
      const nMarks = marksAt[i + 1] - m0;
      if (this.markRows.length < nMarks) this.markRows = new Int32Array(2 * nMarks);
      const markRows = this.markRows;
      for (let q = 0; q < nMarks; q++) markRows[q] = this.memoRow(marks[m0 + q]);
      const combo = this.comboRows;
      const rows = this.memoRows;
      // self, then the neighbours at -2, -1, +1, +2 (OFFSETS order)
      const s0 = vecs[i + 2];
      const a = vecs[i] + T;
      const b = vecs[i + 1] + T2;
      const c = vecs[i + 3] + T3;
      const d = vecs[i + 4] + T4;
      const buf = this.keys;
      let m = 0;
      for (let q = wideAt[i]; q < wideAt[i + 1]; q++) buf[m++] = wide[q];
      this.scorer.score(buf, m, tmp);
      // one pass per tag, rounded to float32 after each addition as the stores into `out` were
      for (let t = 0; t < T; t++) {
        let x = Math.fround(pool[s0 + t] + pool[a + t] + pool[b + t] + pool[c + t] + pool[d + t] + tmp[t]);
        x = Math.fround(x + combo[off0 + t]);
        for (let q = 0; q < nMarks; q++) x = Math.fround(x + rows[markRows[q] + t]);
        out[base + t] = t === 0 ? x - oBias : x;
      }
    }
    return out;
  }
}

/**
 * A sentence's context keys, built once whatever number of models score them: the word-pair and
 * capitalised-context keys (looked up per token), the gazetteer and run keys (memoised per key)
 * and the plain small-domain combination of each token (plainComboKey), flat with per-token offsets.
 */
export interface SentenceKeys {
  wide: Uint32Array;
  wideAt: Int32Array;
  marks: Uint32Array;
  marksAt: Int32Array;
  combos: Float64Array;
}

const keyBuf = new Uint32Array(MAX_KEYS);

export function sentenceKeysOf(v: SentenceView): SentenceKeys {
  const n = v.infos.length;
  // at most 7 wide keys per token (wideContextKeys); marks vary, so they grow as needed
  const wide = new Uint32Array(7 * n);
  const wideAt = new Int32Array(n + 1);
  const marksAt = new Int32Array(n + 1);
  const combos = new Float64Array(n);
  let marks = new Uint32Array(4 * n + 8);
  let w = 0;
  let m = 0;
  for (let i = 0; i < n; i++) {
    wideAt[i] = w;
    w = wideContextKeys(v, i, wide, w);
    marksAt[i] = m;
    const k = markKeys(v, i, keyBuf, 0);
    if (m + k > marks.length) {
      const grown = new Uint32Array(2 * (m + k));
      grown.set(marks);
      marks = grown;
    }
    for (let q = 0; q < k; q++) marks[m++] = keyBuf[q];
    combos[i] = plainComboKey(v, i);
  }
  wideAt[n] = w;
  marksAt[n] = m;
  return { wide, wideAt, marks, marksAt, combos };
}

let scratchScore = new Float64Array(64 * 32);
let scratchBack = new Int32Array(64 * 32);
let scratchLive = new Int32Array(32);

/** Spread of the transition scores: bounds how far behind a predecessor may be and still win. */
const spreadCache = new WeakMap<Float32Array, number>();
function transSpread(trans: Float32Array, tags: TagSet): number {
  let spread = spreadCache.get(trans);
  if (spread === undefined) {
    let lo = Infinity;
    let hi = -Infinity;
    const T = tags.n;
    for (let t = 0; t < T; t++) {
      for (let j = tags.prevAt[t]; j < tags.prevAt[t + 1]; j++) {
        const x = trans[tags.prevTags[j] * T + t];
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
    }
    spreadCache.set(trans, (spread = hi - lo));
  }
  return spread;
}

/**
 * Best tag sequence under emissions + transitions, honouring the constraints of the tag set
 * (I-T only after B-T or I-T; for BILOU types, an open name goes on to its L-T). Exact, with one
 * shortcut: a predecessor whose score trails the best one by more than the spread of the
 * transition scores can never win, so only the few close ones are tried (usually 1–3 of 23).
 */
export function viterbi(em: Float32Array, n: number, trans: Float32Array, start: Float32Array, tags: TagSet = BIO_TAGS): Int32Array {
  const T = tags.n;
  const best = new Int32Array(n);
  if (n === 0) return best;
  const spread = transSpread(trans, tags);
  if (scratchScore.length < n * T) {
    scratchScore = new Float64Array(n * T * 2);
    scratchBack = new Int32Array(n * T * 2);
  }
  if (scratchLive.length < T) scratchLive = new Int32Array(T);
  // scratch tables reused across calls (every cell read below is written first)
  const score = scratchScore;
  const back = scratchBack;
  const live = scratchLive;
  const { startAllowed, prevAt, prevTags, closed } = tags;
  for (let t = 0; t < T; t++) score[t] = startAllowed[t] ? start[t] + em[t] : -Infinity;
  for (let i = 1; i < n; i++) {
    const prevBase = (i - 1) * T;
    const base = i * T;
    // O, B-T and U-T follow only closed tags (all tags under BIO): the best of those bounds who may win
    let top = -Infinity;
    for (let j = 0; j < closed.length; j++) if (score[prevBase + closed[j]] > top) top = score[prevBase + closed[j]];
    let nLive = 0;
    for (let j = 0; j < closed.length; j++) {
      const p = closed[j];
      if (score[prevBase + p] >= top - spread) live[nLive++] = p;
    }
    for (let t = 0; t < T; t++) {
      let bestScore = -Infinity;
      let bestPrev = 0;
      if (tags.isInside(t)) {
        // only B-x and I-x of the same type (ascending, as in the full scan)
        for (let j = prevAt[t], end = prevAt[t + 1]; j < end; j++) {
          const p = prevTags[j];
          const sc = score[prevBase + p] + trans[p * T + t];
          if (sc > bestScore) {
            bestScore = sc;
            bestPrev = p;
          }
        }
      } else {
        for (let j = 0; j < nLive; j++) {
          const p = live[j];
          const sc = score[prevBase + p] + trans[p * T + t];
          if (sc > bestScore) {
            bestScore = sc;
            bestPrev = p;
          }
        }
      }
      score[base + t] = bestScore + em[base + t];
      back[base + t] = bestPrev;
    }
  }
  // a sentence ends on a closed tag
  let last = 0;
  let lastScore = -Infinity;
  for (let j = 0; j < closed.length; j++) {
    const t = closed[j];
    if (score[(n - 1) * T + t] > lastScore) {
      lastScore = score[(n - 1) * T + t];
      last = t;
    }
  }
  best[n - 1] = last;
  for (let i = n - 1; i > 0; i--) best[i - 1] = back[i * T + best[i]];
  return best;
}

/** Everything the recogniser needs at run time. */
export interface NerModel {
  weights: NerWeights;
  gazetteer: Gazetteer;
  lexicon: CapLexicon;
  /** the Brown clusters the weights were trained with, or null */
  brown: BrownClusters | null;
  /** the word-vector clusters the weights were trained with, or null */
  vectors: BrownClusters | null;
  /** the corpus type profiles the weights were trained with, or null */
  types: TypeProfiles | null;
  /** word features hashed once per word type (and, for frozen weights, their summed scores) */
  cache: WordCache;
  /** true when weights never change, so per-word score vectors may be cached */
  frozen: boolean;
  /**
   * The organisation companion (models/ner/weights-org.bin.gz: ORG tagged BILOU, same features,
   * gazetteer and lexicon, its own word cache), or null: its ORG names replace this model's
   * (ner.ts, rule ner.org-model).
   */
  org: NerModel | null;
}

export function makeNerModel(weights: NerWeights, gazetteer: Gazetteer, lexicon: CapLexicon, frozen: boolean, brown: BrownClusters | null = null, vectors: BrownClusters | null = null, org: NerModel | null = null, types: TypeProfiles | null = null): NerModel {
  return { weights, gazetteer, lexicon, brown, vectors, types, cache: new WordCache({ gazetteer, lexicon, brown, vectors, types }), frozen, org };
}

/**
 * `model` with `org` as its organisation companion, sharing the model's word cache (the
 * companion's per-word scores in slot 1), so the ner stage builds each sentence's features once
 * for both (ner.ts recogniseDoc). Both must read the same gazetteer, lexicon and clusters.
 */
export function withCompanion(model: NerModel, org: NerModel): NerModel {
  if (org.gazetteer !== model.gazetteer || org.lexicon !== model.lexicon || org.brown !== model.brown || org.vectors !== model.vectors || org.types !== model.types) {
    throw new Error('the organisation companion must read the same gazetteer, lexicon and clusters as the recogniser');
  }
  if (model.weights === org.weights) throw new Error('the companion needs weights of its own');
  org.weights.slot = 1;
  model.org = { ...org, cache: model.cache, frozen: model.frozen && org.frozen, org: null };
  return model;
}

/** Emission scores of one sentence under `model`. */
export function emissions(model: NerModel, words: readonly string[], doc?: DocCaps): Float32Array {
  const v = sentenceView(words, model.cache, model, doc);
  return model.weights.emissionsFor(v, model.cache, model.frozen);
}

/** File names inside a model directory. */
export const MODEL_FILES = {
  weights: 'weights.bin.gz',
  /** the organisation companion's weights (ORG tagged BILOU), with its load-ready form beside it */
  orgWeights: 'weights-org.bin.gz',
  gazetteer: 'gazetteer.json.gz',
  lexicon: 'lexicon.tsv.gz',
  /** corpus type profiles (train/ner-types.ts), read when the weights were trained with them */
  types: 'types.tsv.gz',
  manifest: 'manifest.json',
} as const;

/** Bumped whenever the feature templates change: a model trained on other features is refused. */
export const FEATURE_VERSION = 4;

/**
 * Weights file (src/nlp/model-io.ts container): header {tags, featureVersion}; arrays "start"
 * and "trans" (float32, trans row-major from × to) and the frozen perceptron under "w".
 */
export function encodeWeights(scorer: FrozenPerceptron, trans: Float32Array, start: Float32Array, oBias = 0, brownSha256: string | null = null, vectorsSha256: string | null = null, tags: TagSet = BIO_TAGS, typesSha256: string | null = null): Buffer {
  const arrays: Record<string, TypedArrayAny> = { start, trans };
  putPerceptron(arrays, 'w', scorer);
  return encodeModel({ header: { tags: tags.tags, featureVersion: FEATURE_VERSION, oBias, brown: brownSha256, ...(vectorsSha256 ? { vectors: vectorsSha256 } : {}), ...(typesSha256 ? { types: typesSha256 } : {}) }, arrays });
}

/** The tag set a weights file records (O, then BIO or BILOU per type in NER_TYPES order); anything else is refused. */
function tagSetOf(header: Record<string, unknown>, origin: string): TagSet {
  const tags = header.tags;
  const set = Array.isArray(tags) && tags.every((t) => typeof t === 'string') ? TagSet.fromTags(tags as string[]) : null;
  if (!set) throw new Error(`${origin}: tag set does not match this build`);
  return set;
}

export function decodeWeights(gz: Buffer, origin = 'NER weights'): NerWeights {
  const file = decodeModel(gz, origin);
  const tags = tagSetOf(file.header, origin);
  if (file.header.featureVersion !== FEATURE_VERSION) throw new Error(`${origin}: features version ${String(file.header.featureVersion)}, this build needs ${FEATURE_VERSION} (retrain with npm run train:ner)`);
  const start = file.arrays.start as Float32Array;
  const trans = file.arrays.trans as Float32Array;
  if (start?.length !== tags.n || trans?.length !== tags.n * tags.n) throw new Error(`${origin}: transition tables have the wrong size`);
  const oBias = typeof file.header.oBias === 'number' ? file.header.oBias : 0;
  const weights = new NerWeights(getPerceptron(file, 'w', tags.n), trans, start, oBias, tags);
  weights.brownSha256 = typeof file.header.brown === 'string' ? file.header.brown : null;
  weights.vectorsSha256 = typeof file.header.vectors === 'string' ? file.header.vectors : null;
  weights.typesSha256 = typeof file.header.types === 'string' ? file.header.types : null;
  return weights;
}

export function parseLexicon(text: string): Map<string, number> {
  const lex = new Map<string, number>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) lex.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return lex;
}

/** Version of the load-ready weights (weights.ready.bin beside weights.bin.gz: the scorer's lookup tables; the tags in the header). */
const READY_WEIGHTS = 'chronicle-ner-weights-ready/2';

/**
 * The weights from their load-ready form (model-io.ts readyModel): one read and typed-array views,
 * no decompression and no rebuilding of the perceptron's tables; the same scores bit for bit.
 */
export function loadWeights(path: string): NerWeights {
  const { file } = readyModel(path, (gz) => {
    const w = decodeWeights(gz, path);
    const header: Record<string, unknown> = { tags: w.tags.tags, oBias: w.oBias, brown: w.brownSha256, ...(w.vectorsSha256 ? { vectors: w.vectorsSha256 } : {}), ...(w.typesSha256 ? { types: w.typesSha256 } : {}) };
    const arrays: Record<string, TypedArrayAny> = { start: w.start, trans: w.trans };
    putTables(arrays, header, 'w', w.scorer as FrozenPerceptron);
    return { header, arrays };
  }, { version: `${READY_WEIGHTS} features ${FEATURE_VERSION}` });
  const weights = new NerWeights(getTables(file, 'w'), file.arrays.trans as Float32Array, file.arrays.start as Float32Array, file.header.oBias as number, tagSetOf(file.header, path));
  weights.brownSha256 = typeof file.header.brown === 'string' ? file.header.brown : null;
  weights.vectorsSha256 = typeof file.header.vectors === 'string' ? file.header.vectors : null;
  weights.typesSha256 = typeof file.header.types === 'string' ? file.header.types : null;
  return weights;
}

/** Version of the load-ready gazetteer (gazetteer.json.ready.bin: sorted phrase lines, ner-features.ts). */
const READY_GAZETTEER = 'chronicle-ner-gazetteer-ready/1';

/** The gazetteer from its load-ready form: one read, no trie built (nodes are made as words ask for them). */
export function loadGazetteer(path: string): Gazetteer {
  const { file } = readyModel(path, (gz) => {
    const c = compactGazetteer(JSON.parse(gunzipSync(gz).toString('utf8')) as GazetteerData);
    return { header: { maxLen: c.maxLen }, arrays: { lines: Buffer.from(c.lines, 'utf8') } };
  }, { version: READY_GAZETTEER });
  const lines = file.arrays.lines as Uint8Array;
  return new Gazetteer({ lines: Buffer.from(lines.buffer, lines.byteOffset, lines.byteLength).toString('utf8'), maxLen: file.header.maxLen as number });
}

/** The capitalisation lexicon from its load-ready form (lexicon.ready.bin: sorted "word\tratio" lines; the same numbers). */
export function loadCapLexicon(path: string): CapTable {
  const { file } = readyModel(path, (gz) => {
    const lex = parseLexicon(gunzipSync(gz).toString('utf8'));
    return { header: {}, arrays: { lines: Buffer.from(SortedTable.build([...lex].map(([k, v]) => [k, String(v)])), 'utf8') } };
  }, { version: 'chronicle-ner-lexicon-ready/1' });
  const lines = file.arrays.lines as Uint8Array;
  return new CapTable(new SortedTable(Buffer.from(lines.buffer, lines.byteOffset, lines.byteLength).toString('utf8')));
}

/** The corpus type profiles (types.tsv.gz: "word\tn\tper\torg\tplace\tother" lines) from their load-ready form (sorted lines looked up in place). */
export function loadTypeProfiles(path: string): TypeProfiles {
  const { file } = readyModel(path, (gz) => {
    const text = gunzipSync(gz).toString('utf8');
    const sha256 = createHash('sha256').update(gz).digest('hex');
    const entries: [string, string][] = [];
    for (const line of text.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab > 0) entries.push([line.slice(0, tab), line.slice(tab + 1)]);
    }
    return { header: { sha256 }, arrays: { lines: Buffer.from(SortedTable.build(entries), 'utf8') } };
  }, { version: 'chronicle-ner-types-ready/1' });
  const lines = file.arrays.lines as Uint8Array;
  const table = new SortedTable(Buffer.from(lines.buffer, lines.byteOffset, lines.byteLength).toString('utf8'));
  const sha256 = file.header.sha256 as string;
  return { get: (w) => table.get(w), sha256 };
}

/**
 * The recogniser of a model directory: the BIO weights, and the organisation companion when
 * weights-org.bin.gz is there (a directory without it, as older models, runs the BIO model alone).
 */
export function loadNerModel(dir: string): NerModel {
  const weights = loadWeights(join(dir, MODEL_FILES.weights));
  const orgPath = join(dir, MODEL_FILES.orgWeights);
  const orgWeights = existsSync(orgPath) ? loadWeights(orgPath) : null;
  const gazetteer = loadGazetteer(join(dir, MODEL_FILES.gazetteer));
  const lexicon = loadCapLexicon(join(dir, MODEL_FILES.lexicon));
  let brown: BrownClusters | null = null;
  if (weights.brownSha256) {
    brown = getBrownClusters();
    if (!brown) throw new Error(`the weights need the word representations: ${representationsLoadError() ?? 'not found'}`);
    if (brown.sha256 !== weights.brownSha256) throw new Error(`the weights were trained with other Brown clusters (sha256 ${weights.brownSha256.slice(0, 12)}…, found ${brown.sha256.slice(0, 12)}…): retrain with npm run train:ner`);
  }
  let vectors: BrownClusters | null = null;
  if (weights.vectorsSha256) {
    vectors = getVectorClusters();
    if (!vectors) throw new Error(`the weights need the word-vector clusters: ${representationsLoadError(VECTORS_FILE) ?? 'not found'}`);
    if (vectors.sha256 !== weights.vectorsSha256) throw new Error(`the weights were trained with other word-vector clusters (sha256 ${weights.vectorsSha256.slice(0, 12)}…, found ${vectors.sha256.slice(0, 12)}…): retrain with npm run train:ner`);
  }
  let types: TypeProfiles | null = null;
  if (weights.typesSha256) {
    types = loadTypeProfiles(join(dir, MODEL_FILES.types));
    if (types.sha256 !== weights.typesSha256) throw new Error(`the weights were trained with other corpus type profiles (sha256 ${weights.typesSha256.slice(0, 12)}…, found ${types.sha256.slice(0, 12)}…): retrain with npm run train:ner`);
  }
  // a companion trained without the corpus type profiles (train:ner --org-without-types) shares the
  // model's word cache and has no weights for the profile keys: its file records no profiles
  const orgTypesOk = (w: NerWeights) => w.typesSha256 === weights.typesSha256 || w.typesSha256 === null;
  if (orgWeights && (orgWeights.brownSha256 !== weights.brownSha256 || orgWeights.vectorsSha256 !== weights.vectorsSha256 || !orgTypesOk(orgWeights))) {
    throw new Error(`${orgPath}: trained with other word representations than ${MODEL_FILES.weights} (retrain with npm run train:ner)`);
  }
  const model = makeNerModel(weights, gazetteer, lexicon, true, brown, vectors, null, types);
  return orgWeights ? withCompanion(model, makeNerModel(orgWeights, gazetteer, lexicon, true, brown, vectors, null, types)) : model;
}
