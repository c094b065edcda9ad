/**
 * A small graph-based neural dependency parser (docs/nlp.md "Round twelve"; an experiment, not in the
 * pipeline): a BiLSTM over word, pretrained-vector, tag, suffix and shape features (Kiperwasser &
 * Goldberg 2016), leaky-ReLU MLPs, a biaffine arc scorer with head selection and a biaffine label
 * classifier (Dozat & Manning 2017), decoded by Chu-Liu-Edmonds with one root dependent.
 * Forward and backward are written out over Float32Arrays; training is seeded and deterministic.
 */
import { BiLstm, dropoutMask, type StackTrace } from './lstm.js';
import { Dense } from './dense.js';
import { Param } from './param.js';
import { dot, axpy } from './blas.js';
import { bestTree } from './mst.js';
import { seededRandom } from '../random.js';
import { representationKey, type BrownClusters } from '../representations.js';

export interface NeuralConfig {
  wordDim: number;
  xposDim: number;
  uposDim: number;
  suffixDim: number;
  /** Brown-cluster embedding (the clusters the perceptron's features read; 0: none) */
  clusterDim: number;
  hidden: number;
  layers: number;
  arcDim: number;
  labelDim: number;
  /** dropout on LSTM layer inputs after the first, the LSTM output and the MLP outputs */
  dropout: number;
  /** a token's word block and its tag block are each zeroed with this probability */
  embedDropout: number;
  /** a training word is replaced by UNK with probability α / (α + its count) (Kiperwasser & Goldberg) */
  wordDropAlpha: number;
  seed: number;
}

export const DEFAULT_CONFIG: NeuralConfig = {
  wordDim: 64, xposDim: 24, uposDim: 12, suffixDim: 24, clusterDim: 0, hidden: 100, layers: 2, arcDim: 100, labelDim: 32,
  dropout: 0.33, embedDropout: 0.2, wordDropAlpha: 0.25, seed: 1,
};

/** Frozen pretrained word vectors (skip-gram, train/vectors.ts --raw), looked up by form then lower case. */
export interface Pretrained {
  dim: number;
  index: Map<string, number>;
  vectors: Float32Array;
}

/** A sentence to parse: forms and predicted tags; gold heads (1-based, 0 root) and labels when training. */
export interface NeuralSentence {
  forms: string[];
  xpos: string[];
  upos: string[];
  head?: Int32Array;
  deprel?: string[];
}

export interface NeuralVocab {
  /** index 0 UNK, 1 ROOT in every table */
  words: string[];
  wordCounts: Int32Array;
  xpos: string[];
  upos: string[];
  suffixes: string[];
  labels: string[];
}

const SHAPE = 4;
const UNK = 0, ROOT = 1;

const wordKey = (form: string) => form.toLowerCase().replace(/[0-9]/g, '0');
const suffixKey = (form: string) => wordKey(form).slice(-3);

/** Tables of the training sentences: words seen ≥ `minCount` times, every tag, suffix and label. */
export function buildVocab(sents: NeuralSentence[], minCount = 2): NeuralVocab {
  const counts = new Map<string, number>();
  const suffixCounts = new Map<string, number>();
  const xpos = new Set<string>(), upos = new Set<string>(), labels = new Set<string>();
  for (const s of sents) {
    s.forms.forEach((f, i) => {
      counts.set(wordKey(f), (counts.get(wordKey(f)) ?? 0) + 1);
      suffixCounts.set(suffixKey(f), (suffixCounts.get(suffixKey(f)) ?? 0) + 1);
      xpos.add(s.xpos[i]);
      upos.add(s.upos[i]);
      if (s.deprel) labels.add(s.deprel[i]);
    });
  }
  const byCount = (m: Map<string, number>) => [...m].filter(([, c]) => c >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept = byCount(counts);
  return {
    words: ['<unk>', '<root>', ...kept.map(([w]) => w)],
    wordCounts: Int32Array.from([0, 0, ...kept.map(([, c]) => c)]),
    xpos: ['<unk>', '<root>', ...[...xpos].sort()],
    upos: ['<unk>', '<root>', ...[...upos].sort()],
    suffixes: ['<unk>', '<root>', ...byCount(suffixCounts).map(([w]) => w)],
    labels: [...labels].sort(),
  };
}

/** A sentence as ids, node 0 the root. */
interface Encoded {
  N: number;
  word: Int32Array;
  xpos: Int32Array;
  upos: Int32Array;
  suffix: Int32Array;
  /** Brown cluster id + 2 (0: none, 1: the root) */
  cluster: Int32Array;
  pre: Int32Array;
  shape: Float32Array;
}

/** What the forward pass keeps for the backward pass. */
interface Forward {
  enc: Encoded;
  x: Float32Array;
  lstm: StackTrace;
  r: Float32Array;
  rMask: Float32Array | null;
  arcDep: Float32Array; arcHead: Float32Array; labDep: Float32Array; labHead: Float32Array;
  /** the MLP outputs before dropout and their masks */
  pre: Float32Array[];
  masks: Array<Float32Array | null>;
  /** blocks zeroed by embedding dropout: [word, tags] per token */
  blockMask: Float32Array | null;
}

export class NeuralParser {
  readonly wordEmb: Param;
  readonly xposEmb: Param;
  readonly uposEmb: Param;
  readonly suffixEmb: Param;
  readonly clusterEmb: Param | null;
  readonly lstm: BiLstm;
  readonly arcDep: Dense; readonly arcHead: Dense; readonly labDep: Dense; readonly labHead: Dense;
  /** arc biaffine U (A × A) and head bias u (A) */
  readonly arcU: Param; readonly arcBias: Param;
  /** label biaffine V (L × B × B), linear W (L × 2B), bias (L) */
  readonly labV: Param; readonly labW: Param; readonly labBias: Param;
  private readonly wordIndex: Map<string, number>;
  private readonly xposIndex: Map<string, number>;
  private readonly uposIndex: Map<string, number>;
  private readonly suffixIndex: Map<string, number>;
  private readonly labelIndex: Map<string, number>;
  readonly inDim: number;

  constructor(readonly vocab: NeuralVocab, readonly cfg: NeuralConfig, readonly pretrained: Pretrained | null, readonly clusters: BrownClusters | null = null) {
    if ((cfg.clusterDim > 0) !== (clusters !== null)) throw new Error('clusterDim > 0 needs the Brown clusters, and clusters need clusterDim > 0');
    const random = seededRandom(cfg.seed);
    this.wordEmb = Param.embedding('word', vocab.words.length, cfg.wordDim, random);
    this.xposEmb = Param.embedding('xpos', vocab.xpos.length, cfg.xposDim, random);
    this.uposEmb = Param.embedding('upos', vocab.upos.length, cfg.uposDim, random);
    this.suffixEmb = Param.embedding('suffix', vocab.suffixes.length, cfg.suffixDim, random);
    this.clusterEmb = clusters ? Param.embedding('cluster', clusters.size + 2, cfg.clusterDim, random) : null;
    this.inDim = cfg.wordDim + (pretrained?.dim ?? 0) + cfg.xposDim + cfg.uposDim + cfg.suffixDim + (clusters ? cfg.clusterDim : 0) + SHAPE;
    this.lstm = new BiLstm(this.inDim, cfg.hidden, cfg.layers, random);
    const R = this.lstm.outDim, A = cfg.arcDim, B = cfg.labelDim, L = vocab.labels.length;
    this.arcDep = new Dense('arcDep', R, A, random);
    this.arcHead = new Dense('arcHead', R, A, random);
    this.labDep = new Dense('labDep', R, B, random);
    this.labHead = new Dense('labHead', R, B, random);
    this.arcU = Param.zeros('arcU', A * A); // zero init, as Dozat & Manning's biaffine
    this.arcBias = Param.zeros('arcBias', A);
    this.labV = Param.zeros('labV', L * B * B);
    this.labW = Param.matrix('labW', L, 2 * B, random);
    this.labBias = Param.zeros('labBias', L);
    const index = (xs: string[]) => new Map(xs.map((x, i) => [x, i]));
    this.wordIndex = index(vocab.words);
    this.xposIndex = index(vocab.xpos);
    this.uposIndex = index(vocab.upos);
    this.suffixIndex = index(vocab.suffixes);
    this.labelIndex = index(vocab.labels);
  }

  params(): Param[] {
    return [
      this.wordEmb, this.xposEmb, this.uposEmb, this.suffixEmb, ...(this.clusterEmb ? [this.clusterEmb] : []), ...this.lstm.params(),
      ...this.arcDep.params(), ...this.arcHead.params(), ...this.labDep.params(), ...this.labHead.params(),
      this.arcU, this.arcBias, this.labV, this.labW, this.labBias,
    ];
  }

  private encode(s: NeuralSentence): Encoded {
    const N = s.forms.length + 1;
    const enc: Encoded = {
      N, word: new Int32Array(N), xpos: new Int32Array(N), upos: new Int32Array(N), suffix: new Int32Array(N), cluster: new Int32Array(N),
      pre: new Int32Array(N).fill(-1), shape: new Float32Array(N * SHAPE),
    };
    enc.word[0] = enc.xpos[0] = enc.upos[0] = enc.suffix[0] = enc.cluster[0] = ROOT;
    const pi = this.pretrained?.index;
    s.forms.forEach((f, k) => {
      const t = k + 1;
      enc.word[t] = this.wordIndex.get(wordKey(f)) ?? UNK;
      enc.xpos[t] = this.xposIndex.get(s.xpos[k]) ?? UNK;
      enc.upos[t] = this.uposIndex.get(s.upos[k]) ?? UNK;
      enc.suffix[t] = this.suffixIndex.get(suffixKey(f)) ?? UNK;
      if (this.clusters) {
        const cl = this.clusters.clusterOf(f);
        enc.cluster[t] = cl < 0 ? UNK : cl + 2;
      }
      if (pi) {
        const key = representationKey(f);
        enc.pre[t] = pi.get(key) ?? pi.get(key.toLowerCase()) ?? -1;
      }
      const o = t * SHAPE;
      enc.shape[o] = /^\p{Lu}/u.test(f) ? 1 : 0;
      enc.shape[o + 1] = f.length > 1 && f === f.toUpperCase() && /\p{L}/u.test(f) ? 1 : 0;
      enc.shape[o + 2] = /[0-9]/.test(f) ? 1 : 0;
      enc.shape[o + 3] = /^[^\p{L}\p{N}]+$/u.test(f) ? 1 : 0;
    });
    return enc;
  }

  /** the network's input rows; with `random`, word dropout and embedding-block dropout */
  private inputs(enc: Encoded, random?: () => number): { x: Float32Array; blockMask: Float32Array | null } {
    const { N } = enc;
    const c = this.cfg, I = this.inDim, P = this.pretrained?.dim ?? 0;
    const x = new Float32Array(N * I);
    const blockMask = random && c.embedDropout > 0 ? new Float32Array(2 * N) : null;
    for (let t = 0; t < N; t++) {
      if (random && t > 0 && c.wordDropAlpha > 0) {
        const count = this.vocab.wordCounts[enc.word[t]];
        if (random() < c.wordDropAlpha / (c.wordDropAlpha + count)) enc.word[t] = UNK;
      }
      let wm = 1, tm = 1;
      if (blockMask) {
        wm = t > 0 && random!() < c.embedDropout ? 0 : 1 / (1 - c.embedDropout);
        tm = t > 0 && random!() < c.embedDropout ? 0 : 1 / (1 - c.embedDropout);
        if (t === 0) wm = tm = 1;
        blockMask[2 * t] = wm;
        blockMask[2 * t + 1] = tm;
      }
      let o = t * I;
      o = copyRow(this.wordEmb.w, enc.word[t], c.wordDim, x, o, wm);
      if (P) {
        if (enc.pre[t] >= 0) copyRow(this.pretrained!.vectors, enc.pre[t], P, x, o, wm);
        o += P;
      }
      o = copyRow(this.xposEmb.w, enc.xpos[t], c.xposDim, x, o, tm);
      o = copyRow(this.uposEmb.w, enc.upos[t], c.uposDim, x, o, tm);
      o = copyRow(this.suffixEmb.w, enc.suffix[t], c.suffixDim, x, o, wm);
      if (this.clusterEmb) o = copyRow(this.clusterEmb.w, enc.cluster[t], c.clusterDim, x, o, wm);
      for (let k = 0; k < SHAPE; k++) x[o + k] = enc.shape[t * SHAPE + k];
    }
    return { x, blockMask };
  }

  private forward(s: NeuralSentence, random?: () => number): Forward {
    const enc = this.encode(s);
    const { N } = enc;
    const p = random ? this.cfg.dropout : 0;
    const { x, blockMask } = this.inputs(enc, random);
    const lstm = this.lstm.forward(x, N, p, random);
    const rMask = p > 0 ? dropoutMask(lstm.out.length, p, random!) : null;
    const r = rMask ? lstm.out.map((v, k) => v * rMask[k]) : lstm.out;
    const pre = [this.arcDep, this.arcHead, this.labDep, this.labHead].map((d) => d.forward(r, N));
    const masks = pre.map((y) => (p > 0 ? dropoutMask(y.length, p, random!) : null));
    const [arcDep, arcHead, labDep, labHead] = pre.map((y, k) => (masks[k] ? y.map((v, j) => v * masks[k]![j]) : y));
    return { enc, x, lstm, r, rMask, arcDep, arcHead, labDep, labHead, pre, masks, blockMask };
  }

  /** arc scores S[h * N + d] and the rows Q_d = Uᵀ a_d + u they were computed from */
  private arcScores(f: Forward): { S: Float64Array; Q: Float32Array } {
    const { N } = f.enc;
    const A = this.cfg.arcDim, U = this.arcU.w, u = this.arcBias.w;
    const Q = new Float32Array(N * A);
    for (let d = 1; d < N; d++) {
      Q.set(u, d * A);
      for (let a = 0; a < A; a++) axpy(f.arcDep[d * A + a], U, a * A, Q, d * A, A);
    }
    const S = new Float64Array(N * N);
    for (let d = 1; d < N; d++) {
      for (let h = 0; h < N; h++) S[h * N + d] = h === d ? -Infinity : dot(Q, d * A, f.arcHead, h * A, A);
    }
    return { S, Q };
  }

  /**
   * rows[l·B + a] = (V_l lh_h)_a: the head's side of the label biaffine, L·B² multiply-adds. Every
   * dependent of h reads the same rows, so they are computed once per head (`headRows`), not per arc.
   */
  private headRows(f: Forward, h: number): Float32Array {
    const B = this.cfg.labelDim, L = this.vocab.labels.length, V = this.labV.w;
    const rows = new Float32Array(L * B);
    for (let l = 0; l < L; l++) {
      const vo = l * B * B;
      for (let a = 0; a < B; a++) rows[l * B + a] = dot(V, vo + a * B, f.labHead, h * B, B);
    }
    return rows;
  }

  /** label scores of dependent d under head h into out (length L), from h's `headRows` */
  private labelScores(f: Forward, d: number, h: number, rows: Float32Array, out: Float64Array): void {
    const B = this.cfg.labelDim, L = this.vocab.labels.length;
    const W = this.labW.w, c = this.labBias.w;
    const ld = f.labDep, lh = f.labHead;
    for (let l = 0; l < L; l++) {
      const wo = l * 2 * B;
      out[l] = c[l] + dot(ld, d * B, rows, l * B, B) + dot(W, wo, ld, d * B, B) + dot(W, wo + B, lh, h * B, B);
    }
  }

  /** h's `headRows`, made on first use (one per head of the sentence) */
  private rowsOf(f: Forward, h: number, memo: Array<Float32Array | undefined>): Float32Array {
    return (memo[h] ??= this.headRows(f, h));
  }

  /** Heads (1-based, 0 root) and labels of a sentence. */
  parse(s: NeuralSentence): { head: Int32Array; deprel: string[] } {
    const f = this.forward(s);
    const { N } = f.enc;
    const { S } = this.arcScores(f);
    const heads = bestTree(S, N);
    const scores = new Float64Array(this.vocab.labels.length);
    const memo: Array<Float32Array | undefined> = new Array(N);
    const head = new Int32Array(N - 1);
    const deprel: string[] = [];
    for (let d = 1; d < N; d++) {
      head[d - 1] = heads[d];
      this.labelScores(f, d, heads[d], this.rowsOf(f, heads[d], memo), scores);
      deprel.push(this.vocab.labels[argmax(scores)]);
    }
    return { head, deprel };
  }

  /**
   * One training sentence: forward with dropout, cross-entropy of each word's gold head (over all
   * nodes) and of its gold label (under the gold head), backward; gradients are added to the params.
   * Returns the summed loss and the number of words.
   */
  train(s: NeuralSentence, random?: () => number): { loss: number; words: number } {
    if (!s.head || !s.deprel) throw new Error('a training sentence needs gold heads and labels');
    const f = this.forward(s, random);
    const { N } = f.enc;
    const A = this.cfg.arcDim, B = this.cfg.labelDim, L = this.vocab.labels.length;
    const { S, Q } = this.arcScores(f);
    let loss = 0;
    // arcs: softmax over heads for each dependent
    const dArcDep = new Float32Array(N * A), dArcHead = new Float32Array(N * A);
    const U = this.arcU.w, gU = this.arcU.g, gu = this.arcBias.g;
    const dQ = new Float32Array(A);
    for (let d = 1; d < N; d++) {
      const gold = s.head[d - 1];
      let max = -Infinity;
      for (let h = 0; h < N; h++) if (h !== d && S[h * N + d] > max) max = S[h * N + d];
      let sum = 0;
      for (let h = 0; h < N; h++) if (h !== d) sum += Math.exp(S[h * N + d] - max);
      loss -= S[gold * N + d] - max - Math.log(sum);
      dQ.fill(0);
      for (let h = 0; h < N; h++) {
        if (h === d) continue;
        const g = Math.exp(S[h * N + d] - max) / sum - (h === gold ? 1 : 0);
        axpy(g, f.arcHead, h * A, dQ, 0, A);
        axpy(g, Q, d * A, dArcHead, h * A, A);
      }
      axpy(1, dQ, 0, gu, 0, A);
      for (let a = 0; a < A; a++) {
        axpy(f.arcDep[d * A + a], dQ, 0, gU, a * A, A);
        dArcDep[d * A + a] = dot(U, a * A, dQ, 0, A);
      }
    }
    // labels under the gold head. The biaffine term Σ_a ld_d[a] (V_l lh_h)_a sends g_l·ld_d[a] to
    // V_l[a,·]·lh_h; those coefficients are summed over h's dependents (coef[h]) and applied once per
    // head below, so the L·B² work is per head, not per arc.
    const dLabDep = new Float32Array(N * B), dLabHead = new Float32Array(N * B);
    const V = this.labV.w, gV = this.labV.g, W = this.labW.w, gW = this.labW.g, gc = this.labBias.g;
    const z = new Float64Array(L);
    const memo: Array<Float32Array | undefined> = new Array(N);
    const coef: Array<Float32Array | undefined> = new Array(N);
    for (let d = 1; d < N; d++) {
      const h = s.head[d - 1];
      const gold = this.labelIndex.get(s.deprel[d - 1]);
      if (gold === undefined) throw new Error(`label ${s.deprel[d - 1]} not in the vocabulary`);
      const rows = this.rowsOf(f, h, memo);
      this.labelScores(f, d, h, rows, z);
      let max = -Infinity;
      for (let l = 0; l < L; l++) if (z[l] > max) max = z[l];
      let sum = 0;
      for (let l = 0; l < L; l++) sum += Math.exp(z[l] - max);
      loss -= z[gold] - max - Math.log(sum);
      const ch = (coef[h] ??= new Float32Array(L * B));
      for (let l = 0; l < L; l++) {
        const g = Math.exp(z[l] - max) / sum - (l === gold ? 1 : 0);
        gc[l] += g;
        const wo = l * 2 * B;
        axpy(g, f.labDep, d * B, gW, wo, B);
        axpy(g, f.labHead, h * B, gW, wo + B, B);
        axpy(g, W, wo, dLabDep, d * B, B);
        axpy(g, W, wo + B, dLabHead, h * B, B);
        axpy(g, rows, l * B, dLabDep, d * B, B);
        axpy(g, f.labDep, d * B, ch, l * B, B);
      }
    }
    for (let h = 0; h < N; h++) {
      const ch = coef[h];
      if (!ch) continue;
      for (let l = 0; l < L; l++) {
        const vo = l * B * B;
        for (let a = 0; a < B; a++) {
          const gx = ch[l * B + a];
          if (gx === 0) continue;
          axpy(gx, f.labHead, h * B, gV, vo + a * B, B);
          axpy(gx, V, vo + a * B, dLabHead, h * B, B);
        }
      }
    }
    // MLPs, dropout masks, LSTM
    const R = this.lstm.outDim;
    const dr = new Float32Array(N * R);
    const dense = [this.arcDep, this.arcHead, this.labDep, this.labHead];
    [dArcDep, dArcHead, dLabDep, dLabHead].forEach((dy, k) => {
      const m = f.masks[k];
      if (m) for (let j = 0; j < dy.length; j++) dy[j] *= m[j];
      dense[k].backward(f.r, f.pre[k], dy, N, dr);
    });
    if (f.rMask) for (let j = 0; j < dr.length; j++) dr[j] *= f.rMask[j];
    const dx = this.lstm.backward(f.lstm, dr);
    this.embeddingGradients(f, dx);
    return { loss, words: N - 1 };
  }

  private embeddingGradients(f: Forward, dx: Float32Array): void {
    const { enc, blockMask } = f;
    const c = this.cfg, I = this.inDim, P = this.pretrained?.dim ?? 0;
    for (let t = 0; t < enc.N; t++) {
      const wm = blockMask ? blockMask[2 * t] : 1, tm = blockMask ? blockMask[2 * t + 1] : 1;
      let o = t * I;
      o = addRow(this.wordEmb, enc.word[t], c.wordDim, dx, o, wm) + P;
      o = addRow(this.xposEmb, enc.xpos[t], c.xposDim, dx, o, tm);
      o = addRow(this.uposEmb, enc.upos[t], c.uposDim, dx, o, tm);
      o = addRow(this.suffixEmb, enc.suffix[t], c.suffixDim, dx, o, wm);
      if (this.clusterEmb) addRow(this.clusterEmb, enc.cluster[t], c.clusterDim, dx, o, wm);
    }
  }
}

function copyRow(table: Float32Array, row: number, dim: number, x: Float32Array, at: number, scale: number): number {
  const from = row * dim;
  for (let k = 0; k < dim; k++) x[at + k] = table[from + k] * scale;
  return at + dim;
}

function addRow(p: Param, row: number, dim: number, dx: Float32Array, at: number, scale: number): number {
  if (scale !== 0) {
    const from = row * dim;
    for (let k = 0; k < dim; k++) p.g[from + k] += dx[at + k] * scale;
    p.touch(row);
  }
  return at + dim;
}

function argmax(xs: Float64Array): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (xs[i] > xs[best]) best = i;
  return best;
}
