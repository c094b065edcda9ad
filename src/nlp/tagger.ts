/**
 * Part-of-speech tagger: a greedy left-to-right averaged perceptron over Penn (XPOS) tags
 * with Honnibal's feature set widened (affixes, shape, two words of context either side,
 * tag history), a tag dictionary that fixes frequent unambiguous words, and a second light
 * perceptron that maps the XPOS sequence to UPOS (IN → ADP/SCONJ, VB → VERB/AUX, ...).
 */
import { f1, f2, f3, hashString, lexeme, type Lexeme, type LexemeMemo } from './features.js';
import { argmax, FrozenPerceptron, TrainablePerceptron, type Scorer } from './perceptron.js';
import { CLUSTER_STRIDE, type WordClusters } from './clusters.js';

const START = hashString('-START-');
const START2 = hashString('-START2-');
const END = hashString('-END-');
const END2 = hashString('-END2-');
const PAD: Lexeme = {
  norm: '', lower: '', word: START, exact: START, shape: START, suf1: START, suf2: START, suf3: START, suf4: START,
  pre1: START, pre2: START, pre3: START, flags: 0, memo: null,
};
const PAD2: Lexeme = { ...PAD, word: START2, exact: START2, shape: START2, suf3: START2 };
const PADE: Lexeme = { ...PAD, word: END, exact: END, shape: END, suf3: END };
const PADE2: Lexeme = { ...PAD, word: END2, exact: END2, shape: END2, suf3: END2 };

export const MAX_TAG_FEATURES = 80;

/**
 * tagFeatures writes first the bias and the features of the word alone (1–10), then the word's flags
 * with "first in the sentence" (11): for a word that is not first, the first WORD_FEATURES keys depend
 * on the word only, so their summed scores can be kept per word (PrefixPool).
 */
export const WORD_FEATURES = 12;

/** Cluster prefix id k of word i; -1 before the sentence, -2 after it. */
function clusterAt(cl: Int32Array, len: number, i: number, k: number): number {
  return i < 0 ? -1 : i >= len ? -2 : cl[i * CLUSTER_STRIDE + k];
}

/**
 * Features for token i given the two previous predicted tags (tag ids + 1; 0 = start);
 * `cl`: the words' cluster prefixes (WordClusters.of) when the model uses them.
 */
export function tagFeatures(lex: Lexeme[], lc: Int32Array, cl: Int32Array | null, i: number, p1: number, p2: number, out: Uint32Array): number {
  const w = lex[i];
  const wm1 = i > 0 ? lex[i - 1] : PAD;
  const wm2 = i > 1 ? lex[i - 2] : i > 0 ? PAD : PAD2;
  const wp1 = i + 1 < lex.length ? lex[i + 1] : PADE;
  const wp2 = i + 2 < lex.length ? lex[i + 2] : i + 1 < lex.length ? PADE : PADE2;
  let n = 0;
  out[n++] = f1(0, 0);
  out[n++] = f1(1, w.word);
  out[n++] = f1(2, w.exact);
  out[n++] = f1(3, w.suf1);
  out[n++] = f1(4, w.suf2);
  out[n++] = f1(5, w.suf3);
  out[n++] = f1(6, w.suf4);
  out[n++] = f1(7, w.pre1);
  out[n++] = f1(8, w.pre2);
  out[n++] = f1(9, w.pre3);
  out[n++] = f1(10, w.shape);
  out[n++] = f2(11, w.flags, i === 0 ? 1 : 0);
  out[n++] = f1(12, p1);
  out[n++] = f1(13, p2);
  out[n++] = f2(14, p1, p2);
  out[n++] = f2(15, p1, w.word);
  out[n++] = f1(16, wm1.word);
  out[n++] = f1(17, wm1.suf3);
  out[n++] = f1(18, wm2.word);
  out[n++] = f1(19, wp1.word);
  out[n++] = f1(20, wp1.suf3);
  out[n++] = f1(21, wp2.word);
  out[n++] = f1(22, wp1.shape);
  out[n++] = f1(23, wm1.shape);
  out[n++] = f2(24, wm1.word, w.word);
  out[n++] = f2(25, w.word, wp1.word);
  out[n++] = f2(26, p1, wp1.word);
  out[n++] = f2(27, p1, w.suf3);
  out[n++] = f2(28, w.suf3, wp1.suf3);
  out[n++] = f3(29, p1, w.shape, wp1.shape);
  out[n++] = f2(30, wm1.word, wp1.word);
  out[n++] = f2(31, p2, w.word);
  out[n++] = f2(32, wp1.word, wp2.word);
  out[n++] = f2(33, wp1.suf2, w.flags);
  out[n++] = f2(34, w.shape, wm1.word);
  // the usual tag of the lower-cased word: tells "Team" (NN in a headline) from "Smith" (NNP)
  const lc0 = lc[i];
  const lc1 = i + 1 < lex.length ? lc[i + 1] : 0;
  out[n++] = f3(40, lc0, w.flags & 3, i === 0 ? 1 : 0);
  out[n++] = f2(41, lc0, p1);
  out[n++] = f3(42, lc0, w.suf3, w.flags & 1);
  out[n++] = f3(43, lc0, lc1, w.flags & 1);
  if (cl) {
    // Brown-cluster prefixes of the word and its neighbours, learnt from unlabelled text: they
    // carry what the treebank never saw ("Kharkiv" is a place name, "defunded" a verb form)
    const len = lex.length;
    const c = (j: number, k: number) => clusterAt(cl, len, j, k);
    out[n++] = f1(50, c(i, 0));
    out[n++] = f1(51, c(i, 1));
    out[n++] = f1(52, c(i, 2));
    out[n++] = f1(53, c(i, 3));
    out[n++] = f2(54, c(i, 3), w.flags & 3);
    out[n++] = f2(55, c(i, 2), p1);
    out[n++] = f1(56, c(i + 1, 2));
    out[n++] = f1(57, c(i - 1, 2));
    out[n++] = f2(58, c(i, 1), c(i + 1, 1));
    out[n++] = f1(59, c(i + 2, 1));
    out[n++] = f3(60, c(i, 1), w.suf3, w.flags & 1);
  }
  return n;
}

/**
 * Second-pass features, appended to tagFeatures' `n`: the first pass's tags of this word and
 * of the two words to its right (ids + 1; 0 = outside the sentence), so the decision sees
 * right-hand context ("that" before a verb, a capitalised word before a common noun).
 */
export function rightFeatures(lex: Lexeme[], lc: Int32Array, first: Int32Array, i: number, p1: number, out: Uint32Array, n: number): number {
  const len = lex.length;
  const w = lex[i];
  const r0 = first[i] + 1;
  const r1 = i + 1 < len ? first[i + 1] + 1 : 0;
  const r2 = i + 2 < len ? first[i + 2] + 1 : 0;
  out[n++] = f1(70, r1);
  out[n++] = f2(71, r1, r2);
  out[n++] = f2(72, r1, w.word);
  out[n++] = f2(73, p1, r1);
  out[n++] = f1(74, r0);
  out[n++] = f2(75, r0, r1);
  out[n++] = f2(76, r1, w.suf3);
  out[n++] = f3(77, r1, lc[i], w.flags & 1);
  out[n++] = f3(78, p1, r0, r1);
  return n;
}

export const MAX_UPOS_FEATURES = 16;

/** Features for the XPOS → UPOS pass (xpos ids + 1; 0 = outside the sentence). */
export function uposFeatures(lex: Lexeme[], xp: Int32Array, i: number, out: Uint32Array): number {
  const n1 = lex.length;
  const x = xp[i] + 1;
  const xm1 = i > 0 ? xp[i - 1] + 1 : 0;
  const xp1 = i + 1 < n1 ? xp[i + 1] + 1 : 0;
  const xp2 = i + 2 < n1 ? xp[i + 2] + 1 : 0;
  const w = lex[i].word;
  const wm1 = i > 0 ? lex[i - 1].word : START;
  const wp1 = i + 1 < n1 ? lex[i + 1].word : END;
  let n = 0;
  out[n++] = f1(100, x);
  out[n++] = f2(101, x, w);
  out[n++] = f2(102, x, xm1);
  out[n++] = f2(103, x, xp1);
  out[n++] = f3(104, x, xm1, xp1);
  out[n++] = f3(105, x, w, wp1);
  out[n++] = f3(106, x, w, xp1);
  out[n++] = f3(107, x, w, xm1);
  out[n++] = f2(108, x, lex[i].suf3);
  out[n++] = f3(109, x, xp1, xp2);
  out[n++] = f3(110, x, wm1, w);
  out[n++] = f2(111, x, lex[i].flags);
  return n;
}

export interface TaggerData {
  xposTags: string[];
  uposTags: string[];
  /** normalised exact form → xpos id, for frequent unambiguous words */
  tagdict: Map<string, number>;
  /** lower-cased normalised form → its most frequent xpos id in training */
  lowerTag?: Map<string, number>;
  /** word clusters the features read (absent: a model trained without them) */
  clusters?: WordClusters;
  /**
   * the second pass re-scores only the words the first pass decided by a score margin below this
   * (absent: every word); where the first pass is sure, the second nearly always agrees
   */
  secondMargin?: number;
}

/**
 * The word's dictionary tag and lower-case tag under `data`, kept on the lexeme (Lexeme.memo): one
 * look-up per token instead of two map look-ups per pass, the same answers.
 */
export function taggerMemo(lx: Lexeme, data: TaggerData): LexemeMemo {
  const memo = lx.memo;
  if (memo !== null && memo.owner === data) return memo;
  const fixed = data.tagdict.get(lx.norm);
  const lower = data.lowerTag?.get(lx.lower);
  const made: LexemeMemo = {
    owner: data, dictTag: fixed === undefined ? -1 : fixed, lowerTag: lower === undefined ? 0 : lower + 1, lemmasOwner: null, tag1: -1, lemma1: '', tag2: -1, lemma2: '',
    prefix1: null, prefix1At: 0, prefix2: null, prefix2At: 0,
  };
  lx.memo = made;
  return made;
}

/**
 * A tagger model's sums over a word's first WORD_FEATURES features (what score() has added after them),
 * one row of `nClasses` doubles per word in one array. A word met again (not first in its sentence)
 * starts from its row and adds only the features of its context: the same additions in the same order
 * as scoring all, so the same scores bit for bit, for about 12 of 39 table look-ups fewer. Bounded:
 * when full it starts again empty under a new epoch, which the words' memos no longer match.
 */
class PrefixPool {
  private rows: Float64Array;
  private size = 0;
  /** what the words' memos name this pool by; replaced when the pool is emptied */
  private epoch: object = {};

  constructor(
    readonly model: FrozenPerceptron,
    private readonly capacity = 16_384,
  ) {
    this.rows = new Float64Array(model.nClasses * 64);
  }

  /** Scores `feats` (n of them, the word's first WORD_FEATURES as tagFeatures writes them) into `out`. */
  score(memo: LexemeMemo, feats: Uint32Array, n: number, out: Float64Array): void {
    const C = this.model.nClasses;
    const slot = memo.prefix1 === this.epoch ? 1 : memo.prefix2 === this.epoch ? 2 : 0;
    if (slot !== 0) {
      const at = slot === 1 ? memo.prefix1At : memo.prefix2At;
      const rows = this.rows;
      for (let c = 0; c < C; c++) out[c] = rows[at + c];
    } else {
      this.model.score(feats, WORD_FEATURES, out);
      if (this.size === this.capacity) {
        this.size = 0;
        this.epoch = {};
      }
      const at = this.size++ * C;
      if (at + C > this.rows.length) {
        const grown = new Float64Array(Math.min(this.rows.length * 2, this.capacity * C));
        grown.set(this.rows);
        this.rows = grown;
      }
      this.rows.set(out.subarray(0, C), at);
      // a word's memo keeps two pools' rows (a tagger's first and second pass), the older one replaced
      if (memo.prefix1 === null || memo.prefix2 !== null) {
        memo.prefix1 = this.epoch;
        memo.prefix1At = at;
      } else {
        memo.prefix2 = this.epoch;
        memo.prefix2At = at;
      }
    }
    this.model.scoreFrom(feats, WORD_FEATURES, n, out);
  }
}

/** A PrefixPool for `model` when it can resume a sum (a frozen model in the compact layout), else null. */
function prefixPool(model: Scorer | null): PrefixPool | null {
  return model instanceof FrozenPerceptron && model.canResume ? new PrefixPool(model) : null;
}

export class Tagger {
  private readonly feats = new Uint32Array(MAX_TAG_FEATURES);
  private readonly scores: Float64Array;
  private readonly uscores: Float64Array;
  private readonly pools: Map<Scorer, PrefixPool | null>;

  constructor(
    readonly data: TaggerData,
    readonly model: Scorer,
    readonly uposModel: Scorer,
    /** second left-to-right pass that also reads the first pass's tags to the right (null: one pass) */
    readonly secondModel: Scorer | null = null,
  ) {
    this.scores = new Float64Array(data.xposTags.length);
    this.uscores = new Float64Array(data.uposTags.length);
    this.pools = new Map([[model, prefixPool(model)]]);
    if (secondModel) this.pools.set(secondModel, prefixPool(secondModel));
  }

  /** Predicted XPOS ids for the lexemes (greedy, left to right); `cl`: their cluster prefixes if already computed. */
  xposIds(lex: Lexeme[], clusterIds?: Int32Array | null): Int32Array {
    const clusters = this.data.clusters;
    const cl = clusters ? (clusterIds ?? clusters.of(lex)) : null;
    const lc = this.lowerTagsOf(lex);
    if (!this.secondModel) return this.pass(lex, lc, cl, this.model, null, null);
    const gate = this.data.secondMargin;
    const margins = gate === undefined ? null : this.margins(lex.length);
    const first = this.pass(lex, lc, cl, this.model, null, margins);
    return this.pass(lex, lc, cl, this.secondModel, first, margins);
  }

  /** Per token (most frequent tag of the lower-cased form) + 1, 0 when the form is unknown (from the lexemes' memos). */
  private lowerTagsOf(lex: Lexeme[]): Int32Array {
    const out = new Int32Array(lex.length);
    if (!this.data.lowerTag) return out;
    for (let i = 0; i < lex.length; i++) out[i] = taggerMemo(lex[i], this.data).lowerTag;
    return out;
  }

  private marginBuffer = new Float64Array(64);

  private margins(n: number): Float64Array {
    if (this.marginBuffer.length < n) this.marginBuffer = new Float64Array(n * 2);
    return this.marginBuffer;
  }

  /** First-pass XPOS ids only (what a second pass is trained on). */
  firstPassIds(lex: Lexeme[]): Int32Array {
    return this.pass(lex, this.lowerTagsOf(lex), this.data.clusters ? this.data.clusters.of(lex) : null, this.model, null, null);
  }

  /**
   * One greedy pass. First pass (`first` null): `margins`, when given, receives each scored word's
   * margin between its best and second-best tag (Infinity for dictionary words). Second pass: a
   * word whose first-pass margin is at least data.secondMargin keeps its first-pass tag.
   */
  private pass(lex: Lexeme[], lc: Int32Array, cl: Int32Array | null, model: Scorer, first: Int32Array | null, margins: Float64Array | null): Int32Array {
    const out = new Int32Array(lex.length);
    let p1 = 0;
    let p2 = 0;
    const C = this.data.xposTags.length;
    const gate = this.data.secondMargin ?? Infinity;
    const scores = this.scores;
    const pool = this.pools.get(model) ?? null;
    for (let i = 0; i < lex.length; i++) {
      const memo = taggerMemo(lex[i], this.data);
      const fixed = memo.dictTag;
      let t: number;
      if (fixed >= 0) {
        t = fixed;
        if (margins && !first) margins[i] = Infinity;
      } else if (first && margins && margins[i] >= gate) t = first[i];
      else {
        let n = tagFeatures(lex, lc, cl, i, p1, p2, this.feats);
        if (first) n = rightFeatures(lex, lc, first, i, p1, this.feats, n);
        if (pool !== null && i > 0) pool.score(memo, this.feats, n, scores);
        else model.score(this.feats, n, scores);
        t = argmax(scores, C);
        if (margins && !first) {
          let second = -Infinity;
          for (let c = 0; c < C; c++) if (c !== t && scores[c] > second) second = scores[c];
          margins[i] = scores[t] - second;
        }
      }
      out[i] = t;
      p2 = p1;
      p1 = t + 1;
    }
    return out;
  }

  uposIds(lex: Lexeme[], xpos: Int32Array): Int32Array {
    const out = new Int32Array(lex.length);
    const C = this.data.uposTags.length;
    for (let i = 0; i < lex.length; i++) {
      const n = uposFeatures(lex, xpos, i, this.feats);
      this.uposModel.score(this.feats, n, this.uscores);
      out[i] = argmax(this.uscores, C);
    }
    return out;
  }

  tag(forms: string[]): { xpos: string[]; upos: string[]; xposIds: Int32Array } {
    const lex = forms.map(lexeme);
    const x = this.xposIds(lex);
    const u = this.uposIds(lex, x);
    return {
      xpos: Array.from(x, (t) => this.data.xposTags[t]),
      upos: Array.from(u, (t) => this.data.uposTags[t]),
      xposIds: x,
    };
  }
}

export interface TaggedSentence {
  forms: string[];
  xpos: string[];
  upos: string[];
}

/** Most frequent tag in counts, one occurrence of `minus` left out; -1 when nothing remains. */
function argmaxInt(c: Int32Array, minus: number): number {
  let best = -1;
  let bestN = 0;
  for (let t = 0; t < c.length; t++) {
    const n = t === minus ? c[t] - 1 : c[t];
    if (n > bestN) {
      bestN = n;
      best = t;
    }
  }
  return best;
}

/** Deterministic PRNG (mulberry32) for shuffling. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], rand: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
}

/** Frequent words (≥ minCount) whose tag is nearly always the same (≥ minShare). */
export function buildTagDict(sents: TaggedSentence[], xposIndex: Map<string, number>, minCount = 20, minShare = 0.97): Map<string, number> {
  const counts = new Map<string, Map<string, number>>();
  for (const s of sents) {
    for (let i = 0; i < s.forms.length; i++) {
      const norm = lexeme(s.forms[i]).norm;
      let m = counts.get(norm);
      if (!m) counts.set(norm, (m = new Map()));
      m.set(s.xpos[i], (m.get(s.xpos[i]) ?? 0) + 1);
    }
  }
  const dict = new Map<string, number>();
  for (const [w, m] of counts) {
    let total = 0;
    let best = '';
    let bestN = 0;
    for (const [t, n] of m) {
      total += n;
      if (n > bestN) {
        bestN = n;
        best = t;
      }
    }
    if (total >= minCount && bestN / total >= minShare) dict.set(w, xposIndex.get(best)!);
  }
  return dict;
}

export interface TaggerTraining {
  xpos: FrozenPerceptron;
  upos: FrozenPerceptron;
  data: TaggerData;
}

/** Trains the XPOS tagger and the UPOS pass. Deterministic for a given seed. */
export function trainTagger(
  sents: TaggedSentence[],
  opts: {
    iterations: number; seed: number; log?: (msg: string) => void; clusters?: WordClusters;
    /**
     * first-pass XPOS ids per sentence (cross-tagged, so they carry realistic errors): the XPOS
     * model learnt is then a second pass that also reads them (rightFeatures)
     */
    firstPass?: Int32Array[];
  },
): TaggerTraining {
  const xposTags = [...new Set(sents.flatMap((s) => s.xpos))].sort();
  const uposTags = [...new Set(sents.flatMap((s) => s.upos))].sort();
  const xIndex = new Map(xposTags.map((t, i) => [t, i]));
  const uIndex = new Map(uposTags.map((t, i) => [t, i]));
  const tagdict = buildTagDict(sents, xIndex);
  // lower-cased form → tag counts; training tokens see the counts without their own
  // occurrence (leave-one-out), so the feature is as often "unknown" as on new text
  const lowerCounts = new Map<string, Int32Array>();
  for (const s of sents) {
    s.forms.forEach((f, i) => {
      const key = lexeme(f).lower;
      let c = lowerCounts.get(key);
      if (!c) lowerCounts.set(key, (c = new Int32Array(xposTags.length)));
      c[xIndex.get(s.xpos[i])!]++;
    });
  }
  const lowerTag = new Map<string, number>();
  for (const [k, c] of lowerCounts) lowerTag.set(k, argmaxInt(c, -1));
  const data: TaggerData = { xposTags, uposTags, tagdict, lowerTag, clusters: opts.clusters };
  const model = new TrainablePerceptron(xposTags.length);
  const umodel = new TrainablePerceptron(uposTags.length);
  const feats = new Uint32Array(MAX_TAG_FEATURES);
  const scores = new Float64Array(xposTags.length);
  const uscores = new Float64Array(uposTags.length);
  const order = sents.map((_, i) => i);
  const rand = rng(opts.seed);
  const lexes = sents.map((s) => s.forms.map(lexeme));
  const golds = sents.map((s) => Int32Array.from(s.xpos, (t) => xIndex.get(t)!));
  const lcs = lexes.map((lex, si) => Int32Array.from(lex, (lx, i) => {
    const c = lowerCounts.get(lx.lower)!;
    const best = argmaxInt(c, golds[si][i]);
    return best < 0 ? 0 : best + 1;
  }));
  const ugolds = sents.map((s) => Int32Array.from(s.upos, (t) => uIndex.get(t)!));
  const cls = lexes.map((lex) => (opts.clusters ? opts.clusters.of(lex) : null));
  for (let it = 0; it < opts.iterations; it++) {
    shuffle(order, rand);
    let correct = 0;
    let total = 0;
    let ucorrect = 0;
    for (const si of order) {
      const lex = lexes[si];
      const gold = golds[si];
      let p1 = 0;
      let p2 = 0;
      const pred = new Int32Array(lex.length);
      for (let i = 0; i < lex.length; i++) {
        const fixed = tagdict.get(lex[i].norm);
        let guess: number;
        if (fixed !== undefined) guess = fixed;
        else {
          let n = tagFeatures(lex, lcs[si], cls[si], i, p1, p2, feats);
          if (opts.firstPass) n = rightFeatures(lex, lcs[si], opts.firstPass[si], i, p1, feats, n);
          model.score(feats, n, scores);
          guess = argmax(scores, xposTags.length);
          model.update(gold[i], guess, feats, n);
          model.tick();
        }
        pred[i] = guess;
        if (guess === gold[i]) correct++;
        total++;
        p2 = p1;
        p1 = guess + 1;
      }
      // UPOS pass learns from predicted XPOS so it sees the tagger's real errors
      const ugold = ugolds[si];
      for (let i = 0; i < lex.length; i++) {
        const n = uposFeatures(lex, pred, i, feats);
        umodel.score(feats, n, uscores);
        const guess = argmax(uscores, uposTags.length);
        umodel.update(ugold[i], guess, feats, n);
        umodel.tick();
        if (guess === ugold[i]) ucorrect++;
      }
    }
    opts.log?.(`tagger iteration ${it + 1}/${opts.iterations}: train XPOS ${(100 * correct / total).toFixed(2)}%, UPOS ${(100 * ucorrect / total).toFixed(2)}%, ${model.rows} feature rows`);
  }
  return { xpos: model.freeze(), upos: umodel.freeze(), data };
}
