/**
 * The named-entity model: a linear scorer over hashed integer features with BIO tags and a
 * first-order transition matrix, decoded with Viterbi (a structured perceptron, after
 * Collins 2002). Training lives in train/ner.ts; this file holds what run time needs:
 * the tag set, the weights, decoding and the on-disk format.
 */
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { ENTITY_TYPES, type EntityType } from '../doc.js';
import { FeatureTable, FrozenPerceptron, type Scorer } from '../nlp/perceptron.js';
import { decodeModel, encodeModel, getPerceptron, getTables, putPerceptron, putTables, readyModel, SortedTable, type TypedArrayAny } from '../nlp/model-io.js';
import { VECTORS_FILE, getBrownClusters, getVectorClusters, representationsLoadError, type BrownClusters } from '../nlp/representations.js';
import {
  CapTable, Gazetteer, compactGazetteer, MAX_KEYS, OFFSETS, WordCache, contextKeys, infoAt, markKeys, neighbourKeys, plainComboKey, plainSmallKeys, selfKeys, sentenceView, wideContextKeys,
  type CapLexicon, type DocCaps, type GazetteerData, type SentenceView, type WordInfo,
} from './ner-features.js';

/** The entity types in the order of the model's tags (a model file with another order is refused at load). */
export const NER_TYPES: readonly EntityType[] = ENTITY_TYPES;

/** Tags: 0 = O, then B-T and I-T for each type in NER_TYPES order. */
export const TAGS: readonly string[] = ['O', ...NER_TYPES.flatMap((t) => ['B-' + t, 'I-' + t])];
export const N_TAGS = TAGS.length;
export const TAG_INDEX: ReadonlyMap<string, number> = new Map(TAGS.map((t, i) => [t, i]));

export function isInside(tag: number): boolean {
  return tag > 0 && tag % 2 === 0;
}
export function isBegin(tag: number): boolean {
  return tag > 0 && tag % 2 === 1;
}
export function tagType(tag: number): EntityType | null {
  return tag === 0 ? null : NER_TYPES[(tag - 1) >> 1];
}

/** May `cur` follow `prev` (-1 = sentence start)? I-T only after B-T or I-T. */
export function allowed(prev: number, cur: number): boolean {
  if (!isInside(cur)) return true;
  return prev >= 0 && prev !== 0 && tagType(prev) === tagType(cur);
}

/**
 * Weights: a perceptron over hashed feature keys (N_TAGS classes; frozen and sparse at run
 * time, see src/nlp/perceptron.ts), plus transition and start scores.
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
  ) {}

  /** sha256 of the Brown cluster file the features were computed with (null: no cluster features) */
  brownSha256: string | null = null;
  /** sha256 of the word-vector cluster file the features were computed with (null: no such features) */
  vectorsSha256: string | null = null;

  private readonly keys = new Uint32Array(MAX_KEYS);
  private readonly tmp = new Float64Array(N_TAGS);
  /** dense score rows of the small-domain context keys (a few hundred distinct keys in all) */
  private readonly memo = new FeatureTable(1 << 10);
  private memoRows = new Float32Array(N_TAGS * 256);
  private memoSize = 0;

  private readonly combo = new FeatureTable(1 << 12);
  private comboRows = new Float32Array(N_TAGS * 1024);
  private comboSize = 0;

  /** Row offset in comboRows of the summed plain small-domain keys of token i. */
  private comboRow(v: SentenceView, i: number): number {
    const key = plainComboKey(v, i);
    let r = this.combo.get(key);
    if (r < 0) {
      if (this.comboSize >= 1 << 16) {
        // a runaway variety of combinations (never seen in news): start afresh
        this.combo.keys.fill(0);
        this.combo.size = 0;
        this.comboSize = 0;
      }
      r = this.combo.getOrAdd(key, this.comboSize++);
      if (this.comboSize * N_TAGS > this.comboRows.length) {
        const grown = new Float32Array(this.comboRows.length * 2);
        grown.set(this.comboRows);
        this.comboRows = grown;
      }
      const n = plainSmallKeys(v, i, this.keys, 0);
      this.scorer.score(this.keys, n, this.tmp);
      for (let t = 0; t < N_TAGS; t++) this.comboRows[r * N_TAGS + t] = this.tmp[t];
    }
    return r * N_TAGS;
  }

  /** Row offset of `key`'s scores in memoRows, scoring it on first sight. */
  private memoRow(key: number): number {
    let r = this.memo.get(key);
    if (r < 0) {
      r = this.memo.getOrAdd(key, this.memoSize++);
      if (this.memoSize * N_TAGS > this.memoRows.length) {
        const grown = new Float32Array(this.memoRows.length * 2);
        grown.set(this.memoRows);
        this.memoRows = grown;
      }
      this.keys[MAX_KEYS - 1] = key;
      this.scorer.score(this.keys.subarray(MAX_KEYS - 1), 1, this.tmp);
      for (let t = 0; t < N_TAGS; t++) this.memoRows[r * N_TAGS + t] = this.tmp[t];
    }
    return r * N_TAGS;
  }

  /** Scores of the word-only features of `w`: self, then one block per neighbour offset. */
  private wordVec(w: WordInfo): Float32Array {
    const T = N_TAGS;
    const vec = new Float32Array(T * (1 + OFFSETS.length));
    const n = selfKeys(w, this.keys, 0);
    this.scorer.score(this.keys, n, this.tmp);
    for (let t = 0; t < T; t++) vec[t] = this.tmp[t];
    for (let k = 0; k < OFFSETS.length; k++) {
      const m = neighbourKeys(w, k, this.keys, 0);
      this.scorer.score(this.keys, m, this.tmp);
      for (let t = 0; t < T; t++) vec[(k + 1) * T + t] = this.tmp[t];
    }
    return vec;
  }

  /**
   * Emission scores (n × N_TAGS) for a sentence. The word-only parts are summed once per word
   * type and kept on its WordInfo (frozen weights only: the cache belongs to this model), so a
   * token costs five vector adds plus one table pass over its ~20 context keys.
   */
  emissionsFor(v: SentenceView, cache: WordCache, cacheVectors: boolean): Float32Array {
    const T = N_TAGS;
    const n = v.infos.length;
    const out = new Float32Array(n * T);
    const keys = this.keys;
    const tmp = this.tmp;
    if (!cacheVectors) {
      for (let i = 0; i < n; i++) {
        let m = selfKeys(v.infos[i], keys, 0);
        for (let k = 0; k < OFFSETS.length; k++) m = neighbourKeys(infoAt(v, cache, i + OFFSETS[k]), k, keys, m);
        m = contextKeys(v, i, keys, m);
        this.scorer.score(keys, m, tmp);
        for (let t = 0; t < T; t++) out[i * T + t] = tmp[t];
        out[i * T] -= this.oBias;
      }
      return out;
    }
    // word vectors of the sentence with two pads each side: vecs[i + 2] belongs to token i
    const vecs = new Array<Float32Array>(n + 4);
    vecs[0] = vecs[1] = cache.padBefore.vec ??= this.wordVec(cache.padBefore);
    vecs[n + 2] = vecs[n + 3] = cache.padAfter.vec ??= this.wordVec(cache.padAfter);
    for (let i = 0; i < n; i++) {
      const w = v.infos[i];
      vecs[i + 2] = w.vec ??= this.wordVec(w);
    }
    const T2 = 2 * T;
    const T3 = 3 * T;
    const T4 = 4 * T;
    for (let i = 0; i < n; i++) {
      const base = i * T;
      // self, then the neighbours at -2, -1, +1, +2 (OFFSETS order)
      const s0 = vecs[i + 2];
      const a = vecs[i];
      const b = vecs[i + 1];
      const c = vecs[i + 3];
      const d = vecs[i + 4];
      const m = wideContextKeys(v, i, keys, 0);
      this.scorer.score(keys, m, tmp);
      for (let t = 0; t < T; t++) out[base + t] = s0[t] + a[T + t] + b[T2 + t] + c[T3 + t] + d[T4 + t] + tmp[t];
      // the plain small-domain keys as one summed row per combination of their values
      const off0 = this.comboRow(v, i);
      const combo = this.comboRows;
      for (let t = 0; t < T; t++) out[base + t] += combo[off0 + t];
      // gazetteer and run keys from the per-key memo (keys[] is reused: read them out first)
      const ms = markKeys(v, i, keys, 0);
      for (let q = 0; q < ms; q++) {
        const off = this.memoRow(keys[q]);
        const rows = this.memoRows;
        for (let t = 0; t < T; t++) out[base + t] += rows[off + t];
      }
      out[base] -= this.oBias;
    }
    return out;
  }
}

/** START_ALLOWED[t] = 1 when tag t may start a sentence; PREV[PREV_AT[t]..PREV_AT[t+1]) the tags that may precede t. */
const START_ALLOWED = new Uint8Array(N_TAGS);
const PREV_AT = new Int32Array(N_TAGS + 1);
const PREV: number[] = [];
for (let t = 0; t < N_TAGS; t++) {
  START_ALLOWED[t] = allowed(-1, t) ? 1 : 0;
  PREV_AT[t] = PREV.length;
  for (let p = 0; p < N_TAGS; p++) if (allowed(p, t)) PREV.push(p);
}
PREV_AT[N_TAGS] = PREV.length;
const PREV_TAGS = Int32Array.from(PREV);

let scratchScore = new Float64Array(64 * N_TAGS);
let scratchBack = new Int32Array(64 * N_TAGS);
const scratchLive = new Int32Array(N_TAGS);

/** Spread of the transition scores: bounds how far behind a predecessor may be and still win. */
const spreadCache = new WeakMap<Float32Array, number>();
function transSpread(trans: Float32Array): number {
  let spread = spreadCache.get(trans);
  if (spread === undefined) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let t = 0; t < N_TAGS; t++) {
      for (let j = PREV_AT[t]; j < PREV_AT[t + 1]; j++) {
        const x = trans[PREV_TAGS[j] * N_TAGS + t];
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
    }
    spreadCache.set(trans, (spread = hi - lo));
  }
  return spread;
}

/**
 * Best tag sequence under emissions + transitions, honouring the BIO constraints. Exact, with
 * one shortcut: a predecessor whose score trails the best one by more than the spread of the
 * transition scores can never win, so only the few close ones are tried (usually 1–3 of 23).
 */
export function viterbi(em: Float32Array, n: number, trans: Float32Array, start: Float32Array): Int32Array {
  const T = N_TAGS;
  const best = new Int32Array(n);
  if (n === 0) return best;
  const spread = transSpread(trans);
  if (scratchScore.length < n * T) {
    scratchScore = new Float64Array(n * T * 2);
    scratchBack = new Int32Array(n * T * 2);
  }
  // scratch tables reused across calls (every cell read below is written first)
  const score = scratchScore;
  const back = scratchBack;
  const live = scratchLive;
  for (let t = 0; t < T; t++) score[t] = START_ALLOWED[t] ? start[t] + em[t] : -Infinity;
  for (let i = 1; i < n; i++) {
    const prevBase = (i - 1) * T;
    const base = i * T;
    let top = -Infinity;
    for (let p = 0; p < T; p++) if (score[prevBase + p] > top) top = score[prevBase + p];
    let nLive = 0;
    for (let p = 0; p < T; p++) {
      const ok = score[prevBase + p] >= top - spread;
      if (ok) live[nLive++] = p;
    }
    for (let t = 0; t < T; t++) {
      let bestScore = -Infinity;
      let bestPrev = 0;
      if (isInside(t)) {
        // only B-x and I-x of the same type (ascending, as in the full scan)
        for (let j = PREV_AT[t], end = PREV_AT[t + 1]; j < end; j++) {
          const p = PREV_TAGS[j];
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
  let last = 0;
  let lastScore = -Infinity;
  for (let t = 0; t < T; t++) {
    if (score[(n - 1) * T + t] > lastScore) {
      lastScore = score[(n - 1) * T + t];
      last = t;
    }
  }
  best[n - 1] = last;
  for (let i = n - 1; i > 0; i--) best[i - 1] = back[i * T + best[i]];
  return best;
}

/** Spans [start, end) with their type from a BIO tag sequence. */
export function tagsToSpans(tags: ArrayLike<number>): { start: number; end: number; type: EntityType }[] {
  const spans: { start: number; end: number; type: EntityType }[] = [];
  let open: { start: number; type: EntityType } | null = null;
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i] : 0;
    if (open && !(isInside(tag) && tagType(tag) === open.type)) {
      spans.push({ start: open.start, end: i, type: open.type });
      open = null;
    }
    if (isBegin(tag) || (isInside(tag) && !open)) open = { start: i, type: tagType(tag)! };
  }
  return spans;
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
  /** word features hashed once per word type (and, for frozen weights, their summed scores) */
  cache: WordCache;
  /** true when weights never change, so per-word score vectors may be cached */
  frozen: boolean;
}

export function makeNerModel(weights: NerWeights, gazetteer: Gazetteer, lexicon: CapLexicon, frozen: boolean, brown: BrownClusters | null = null, vectors: BrownClusters | null = null): NerModel {
  return { weights, gazetteer, lexicon, brown, vectors, cache: new WordCache({ gazetteer, lexicon, brown, vectors }), frozen };
}

/** Emission scores of one sentence under `model`. */
export function emissions(model: NerModel, words: readonly string[], doc?: DocCaps): Float32Array {
  const v = sentenceView(words, model.cache, model, doc);
  return model.weights.emissionsFor(v, model.cache, model.frozen);
}

/** File names inside a model directory. */
export const MODEL_FILES = {
  weights: 'weights.bin.gz',
  gazetteer: 'gazetteer.json.gz',
  lexicon: 'lexicon.tsv.gz',
  manifest: 'manifest.json',
} as const;

/** Bumped whenever the feature templates change: a model trained on other features is refused. */
export const FEATURE_VERSION = 4;

/**
 * Weights file (src/nlp/model-io.ts container): header {tags, featureVersion}; arrays "start"
 * and "trans" (float32, trans row-major from × to) and the frozen perceptron under "w".
 */
export function encodeWeights(scorer: FrozenPerceptron, trans: Float32Array, start: Float32Array, oBias = 0, brownSha256: string | null = null, vectorsSha256: string | null = null): Buffer {
  const arrays: Record<string, TypedArrayAny> = { start, trans };
  putPerceptron(arrays, 'w', scorer);
  return encodeModel({ header: { tags: TAGS, featureVersion: FEATURE_VERSION, oBias, brown: brownSha256, ...(vectorsSha256 ? { vectors: vectorsSha256 } : {}) }, arrays });
}

export function decodeWeights(gz: Buffer, origin = 'NER weights'): NerWeights {
  const file = decodeModel(gz, origin);
  const tags = file.header.tags as string[] | undefined;
  if (!tags || tags.join(' ') !== TAGS.join(' ')) throw new Error(`${origin}: tag set does not match this build`);
  if (file.header.featureVersion !== FEATURE_VERSION) throw new Error(`${origin}: features version ${String(file.header.featureVersion)}, this build needs ${FEATURE_VERSION} (retrain with npm run train:ner)`);
  const start = file.arrays.start as Float32Array;
  const trans = file.arrays.trans as Float32Array;
  if (start?.length !== N_TAGS || trans?.length !== N_TAGS * N_TAGS) throw new Error(`${origin}: transition tables have the wrong size`);
  const oBias = typeof file.header.oBias === 'number' ? file.header.oBias : 0;
  const weights = new NerWeights(getPerceptron(file, 'w', N_TAGS), trans, start, oBias);
  weights.brownSha256 = typeof file.header.brown === 'string' ? file.header.brown : null;
  weights.vectorsSha256 = typeof file.header.vectors === 'string' ? file.header.vectors : null;
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

/** Version of the load-ready weights (weights.ready.bin beside weights.bin.gz: the scorer's lookup tables). */
const READY_WEIGHTS = 'chronicle-ner-weights-ready/1';

/**
 * The weights from their load-ready form (model-io.ts readyModel): one read and typed-array views,
 * no decompression and no rebuilding of the perceptron's tables; the same scores bit for bit.
 */
export function loadWeights(path: string): NerWeights {
  const { file } = readyModel(path, (gz) => {
    const w = decodeWeights(gz, path);
    const header: Record<string, unknown> = { oBias: w.oBias, brown: w.brownSha256, ...(w.vectorsSha256 ? { vectors: w.vectorsSha256 } : {}) };
    const arrays: Record<string, TypedArrayAny> = { start: w.start, trans: w.trans };
    putTables(arrays, header, 'w', w.scorer as FrozenPerceptron);
    return { header, arrays };
  }, { version: `${READY_WEIGHTS} features ${FEATURE_VERSION} tags ${TAGS.join(' ')}` });
  const weights = new NerWeights(getTables(file, 'w'), file.arrays.trans as Float32Array, file.arrays.start as Float32Array, file.header.oBias as number);
  weights.brownSha256 = typeof file.header.brown === 'string' ? file.header.brown : null;
  weights.vectorsSha256 = typeof file.header.vectors === 'string' ? file.header.vectors : null;
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

export function loadNerModel(dir: string): NerModel {
  const weights = loadWeights(join(dir, MODEL_FILES.weights));
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
  return makeNerModel(weights, gazetteer, lexicon, true, brown, vectors);
}
