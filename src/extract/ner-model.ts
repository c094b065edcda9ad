/**
 * The named-entity model: a linear scorer over string features with BIO tags and a
 * first-order transition matrix, decoded with Viterbi (a structured perceptron, after
 * Collins 2002). Training lives in train/ner.ts; this file holds what run time needs:
 * the tag set, the weights, decoding and the on-disk format.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { EntityType } from '../doc.js';
import { Gazetteer, OFFSETS, contextFeatures, neighbourFeatures, selfFeatures, wordAt, type CapLexicon, type DocCaps, type FeatureContext, type GazetteerData } from './ner-features.js';

export const NER_TYPES: readonly EntityType[] = [
  'PERSON', 'NORP', 'FAC', 'ORG', 'GPE', 'LOC', 'PRODUCT', 'EVENT', 'WORK_OF_ART', 'LAW', 'LANGUAGE',
];

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

/** Weights: one row of N_TAGS per feature, plus transitions and start scores. */
export class NerWeights {
  constructor(
    readonly index: Map<string, number>,
    readonly rows: Float32Array,
    readonly trans: Float32Array,
    readonly start: Float32Array,
  ) {}

  private readonly selfCache = new Map<string, Float32Array>();
  private readonly neighbourCache = OFFSETS.map(() => new Map<string, Float32Array>());

  private sumRows(features: string[]): Float32Array {
    const v = new Float32Array(N_TAGS);
    for (const f of features) {
      const r = this.index.get(f);
      if (r === undefined) continue;
      const off = r * N_TAGS;
      for (let t = 0; t < N_TAGS; t++) v[t] += this.rows[off + t];
    }
    return v;
  }

  /**
   * Emission scores for a sentence, caching the score vectors of word-only features per word
   * (and per neighbour offset): the same sums as `emissions(sentenceFeatures(...))`, faster.
   */
  emissionsFor(words: readonly string[], ctx: FeatureContext, doc?: DocCaps): Float32Array {
    const n = words.length;
    const out = new Float32Array(n * N_TAGS);
    const pos = contextFeatures(words, ctx, doc);
    if (this.selfCache.size > 200_000) {
      this.selfCache.clear();
      for (const c of this.neighbourCache) c.clear();
    }
    const rows = this.rows;
    for (let i = 0; i < n; i++) {
      const base = i * N_TAGS;
      const w = words[i];
      let v = this.selfCache.get(w);
      if (!v) this.selfCache.set(w, (v = this.sumRows(selfFeatures(w, ctx))));
      for (let t = 0; t < N_TAGS; t++) out[base + t] += v[t];
      for (let k = 0; k < OFFSETS.length; k++) {
        const o = OFFSETS[k];
        const nw = wordAt(words, i + o);
        const cache = this.neighbourCache[k];
        let nv = cache.get(nw);
        if (!nv) cache.set(nw, (nv = this.sumRows(neighbourFeatures(nw, o))));
        for (let t = 0; t < N_TAGS; t++) out[base + t] += nv[t];
      }
      const feats = pos[i];
      for (let q = 0; q < feats.length; q++) {
        const r = this.index.get(feats[q]);
        if (r === undefined) continue;
        const off = r * N_TAGS;
        for (let t = 0; t < N_TAGS; t++) out[base + t] += rows[off + t];
      }
    }
    return out;
  }

  /** Emission scores (n × N_TAGS) for a sentence's feature lists. */
  emissions(features: string[][]): Float32Array {
    const n = features.length;
    const out = new Float32Array(n * N_TAGS);
    for (let i = 0; i < n; i++) {
      const base = i * N_TAGS;
      for (const f of features[i]) {
        const r = this.index.get(f);
        if (r === undefined) continue;
        const off = r * N_TAGS;
        for (let t = 0; t < N_TAGS; t++) out[base + t] += this.rows[off + t];
      }
    }
    return out;
  }
}

/** ALLOWED[p * N_TAGS + t] = 1 when tag t may follow tag p; START_ALLOWED[t] at sentence start. */
const ALLOWED = new Uint8Array(N_TAGS * N_TAGS);
const START_ALLOWED = new Uint8Array(N_TAGS);
for (let t = 0; t < N_TAGS; t++) {
  START_ALLOWED[t] = allowed(-1, t) ? 1 : 0;
  for (let p = 0; p < N_TAGS; p++) ALLOWED[p * N_TAGS + t] = allowed(p, t) ? 1 : 0;
}

/** Best tag sequence under emissions + transitions, honouring the BIO constraints. */
export function viterbi(em: Float32Array, n: number, trans: Float32Array, start: Float32Array): Int32Array {
  const T = N_TAGS;
  const best = new Int32Array(n);
  if (n === 0) return best;
  const score = new Float64Array(n * T);
  const back = new Int32Array(n * T);
  for (let t = 0; t < T; t++) score[t] = START_ALLOWED[t] ? start[t] + em[t] : -Infinity;
  for (let i = 1; i < n; i++) {
    const prevBase = (i - 1) * T;
    const base = i * T;
    for (let t = 0; t < T; t++) {
      let bestScore = -Infinity;
      let bestPrev = 0;
      for (let p = 0; p < T; p++) {
        if (ALLOWED[p * T + t] === 0) continue;
        const sc = score[prevBase + p] + trans[p * T + t];
        if (sc > bestScore) {
          bestScore = sc;
          bestPrev = p;
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
}

/** File names inside a model directory. */
export const MODEL_FILES = {
  weights: 'weights.tsv.gz',
  gazetteer: 'gazetteer.json.gz',
  lexicon: 'lexicon.tsv.gz',
  manifest: 'manifest.json',
} as const;

/**
 * Weights file: gzip'd text. Line 1 "tags\t<tag list>"; line 2 "scale\t<s>"; "S\t" start
 * scores; "T\t" transition matrix (row-major, from × to); then one line per feature:
 * "<feature>\t<tag>:<int> <tag>:<int> ..." with weights quantised to integers (÷ scale).
 */
export function parseWeights(text: string): NerWeights {
  const lines = text.split('\n');
  let scale = 1;
  const index = new Map<string, number>();
  let start = new Float32Array(N_TAGS);
  let trans = new Float32Array(N_TAGS * N_TAGS);
  const featLines: string[] = [];
  for (const line of lines) {
    if (!line) continue;
    const tab = line.lastIndexOf('\t');
    const key = line.slice(0, tab);
    const val = line.slice(tab + 1);
    if (key === 'tags') {
      if (val !== TAGS.join(' ')) throw new Error('NER model tag set does not match this build');
    } else if (key === 'scale') scale = Number(val);
    else if (key === '#S') start = Float32Array.from(val.split(' ').map(Number));
    else if (key === '#T') trans = Float32Array.from(val.split(' ').map(Number));
    else featLines.push(line);
  }
  const rows = new Float32Array(featLines.length * N_TAGS);
  featLines.forEach((line, r) => {
    const tab = line.lastIndexOf('\t');
    index.set(line.slice(0, tab), r);
    for (const pair of line.slice(tab + 1).split(' ')) {
      const colon = pair.indexOf(':');
      rows[r * N_TAGS + Number(pair.slice(0, colon))] = Number(pair.slice(colon + 1)) / scale;
    }
  });
  for (let i = 0; i < start.length; i++) start[i] /= scale;
  for (let i = 0; i < trans.length; i++) trans[i] /= scale;
  return new NerWeights(index, rows, trans, start);
}

export function serializeWeights(w: NerWeights, scale: number, minAbs: number): string {
  const q = (x: number) => Math.round(x * scale);
  const lines = ['tags\t' + TAGS.join(' '), 'scale\t' + scale];
  lines.push('#S\t' + Array.from(w.start, q).join(' '));
  lines.push('#T\t' + Array.from(w.trans, q).join(' '));
  for (const [feat, r] of w.index) {
    const pairs: string[] = [];
    for (let t = 0; t < N_TAGS; t++) {
      const v = w.rows[r * N_TAGS + t];
      if (Math.abs(v) >= minAbs && q(v) !== 0) pairs.push(t + ':' + q(v));
    }
    if (pairs.length && !feat.includes('\n') && !feat.includes('\t')) lines.push(feat + '\t' + pairs.join(' '));
  }
  return lines.join('\n') + '\n';
}

export function parseLexicon(text: string): CapLexicon {
  const lex: CapLexicon = new Map();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) lex.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return lex;
}

export function loadNerModel(dir: string): NerModel {
  const read = (name: string) => gunzipSync(readFileSync(join(dir, name))).toString('utf8');
  const weights = parseWeights(read(MODEL_FILES.weights));
  const gazetteer = new Gazetteer(JSON.parse(read(MODEL_FILES.gazetteer)) as GazetteerData);
  const lexicon = parseLexicon(read(MODEL_FILES.lexicon));
  return { weights, gazetteer, lexicon };
}
