/**
 * Greedy transition-based dependency parser (arc-hybrid: SHIFT, RIGHT s1→s0, LEFT b0→s0, with
 * the root as the last buffer item), an averaged perceptron over hashed Zhang & Nivre style
 * features, trained with Goldberg & Nivre's dynamic oracle (exploring its own mistakes).
 * Labels come from a second perceptron the moment an arc is built: the dependent's subtree is
 * complete then, and the label is available to later parser decisions as a feature.
 * Non-projective gold trees need no preprocessing: the oracle picks the least costly moves.
 */
import { f1, fin, hashString, mix, templateSeed, type Lexeme } from './features.js';
import { argmax, TrainablePerceptron, type FrozenPerceptron, type Scorer } from './perceptron.js';
import { rng, shuffle } from './tagger.js';
import { CLUSTER_STRIDE, type WordClusters } from './clusters.js';

export const SHIFT = 0;
export const RIGHT = 1;
export const LEFT = 2;
export const N_MOVES = 3;

const ROOT_WORD = hashString('-ROOT-');

/** Parser state, with typed arrays reused across sentences. */
export class State {
  n = 0;
  cap = 0;
  stack = new Int32Array(0);
  sp = 0;
  b0 = 0;
  heads = new Int32Array(0);
  labels = new Int32Array(0);
  lc1 = new Int32Array(0);
  lc2 = new Int32Array(0);
  rc1 = new Int32Array(0);
  rc2 = new Int32Array(0);
  nl = new Int32Array(0);
  nr = new Int32Array(0);
  /** sets of the labels of each word's left and right dependents, as bit sets (label id mod 31) */
  ls = new Int32Array(0);
  rs = new Int32Array(0);
  inStack = new Uint8Array(0);
  /** per-position word hashes, XPOS ids + 1 and UPOS ids + 1 (root at index n) */
  W = new Int32Array(0);
  T = new Int32Array(0);
  U = new Int32Array(0);
  S3 = new Int32Array(0);
  /** the words' cluster prefixes (WordClusters.of), null when the model has none */
  cl: Int32Array | null = null;
  /** whether the features read the dependents' label sets (ParserData.labelSets) */
  labelSets = false;
  /** 1 for each feature template the model uses, by template id (ParserData.without) */
  get on(): Uint8Array {
    return this.used.on;
  }

  set on(on: Uint8Array) {
    this.used = usedTemplates(on);
  }

  /** the template tables cut to the templates `on` keeps (so hashing tests no template per state) */
  used: UsedTemplates = usedTemplates(templatesOn(undefined));
  /** the values the move templates hash for the current state (parseFeatures; V.ZERO stays 0) */
  readonly values = new Int32Array(N_VALUES);
  /** the same for the label templates (labelFeatures; L.ZERO stays 0) */
  readonly labelValues = new Int32Array(N_LABEL_VALUES);

  /** Room for `size` positions (words and the root); the contents are set by reset or copyFrom. */
  private allocate(size: number): void {
    const cap = Math.max(size, this.cap * 2, 64);
    this.cap = cap;
    this.stack = new Int32Array(cap);
    this.heads = new Int32Array(cap);
    this.labels = new Int32Array(cap);
    this.lc1 = new Int32Array(cap);
    this.lc2 = new Int32Array(cap);
    this.rc1 = new Int32Array(cap);
    this.rc2 = new Int32Array(cap);
    this.nl = new Int32Array(cap);
    this.nr = new Int32Array(cap);
    this.ls = new Int32Array(cap);
    this.rs = new Int32Array(cap);
    this.inStack = new Uint8Array(cap);
    this.W = new Int32Array(cap);
    this.T = new Int32Array(cap);
    this.U = new Int32Array(cap);
    this.S3 = new Int32Array(cap);
  }

  reset(lex: Lexeme[], tags: Int32Array, upos: Int32Array, rootTag: number, cl: Int32Array | null = null): void {
    const n = lex.length;
    this.n = n;
    this.cl = cl;
    if (n + 1 > this.cap) this.allocate(n + 1);
    for (let i = 0; i < n; i++) {
      this.W[i] = lex[i].word;
      this.T[i] = tags[i] + 1;
      this.U[i] = upos[i] + 1;
      this.S3[i] = lex[i].suf3;
    }
    this.W[n] = ROOT_WORD;
    this.T[n] = rootTag;
    this.U[n] = rootTag;
    this.S3[n] = ROOT_WORD;
    this.heads.fill(-1, 0, n + 1);
    this.labels.fill(0, 0, n + 1);
    this.lc1.fill(-1, 0, n + 1);
    this.lc2.fill(-1, 0, n + 1);
    this.rc1.fill(-1, 0, n + 1);
    this.rc2.fill(-1, 0, n + 1);
    this.nl.fill(0, 0, n + 1);
    this.nr.fill(0, 0, n + 1);
    this.ls.fill(0, 0, n + 1);
    this.rs.fill(0, 0, n + 1);
    this.inStack.fill(0, 0, n + 1);
    this.sp = 0;
    this.b0 = 0;
  }

  /**
   * This state becomes a copy of `src` (beam search, beam.ts): the arcs, stack and children are
   * copied; the sentence's words, tags and clusters (read-only while parsing) are shared.
   */
  copyFrom(src: State): void {
    const m = src.n + 1;
    if (m > this.cap) this.allocate(m);
    this.n = src.n;
    this.W = src.W;
    this.T = src.T;
    this.U = src.U;
    this.S3 = src.S3;
    this.cl = src.cl;
    this.labelSets = src.labelSets;
    this.used = src.used;
    this.sp = src.sp;
    this.b0 = src.b0;
    // element loops, not set(subarray()): no view objects per copy (sentences are short)
    const { stack, heads, labels, lc1, lc2, rc1, rc2, nl, nr, ls, rs, inStack } = this;
    for (let i = 0; i < src.sp; i++) stack[i] = src.stack[i];
    for (let i = 0; i < m; i++) {
      heads[i] = src.heads[i];
      labels[i] = src.labels[i];
      lc1[i] = src.lc1[i];
      lc2[i] = src.lc2[i];
      rc1[i] = src.rc1[i];
      rc2[i] = src.rc2[i];
      nl[i] = src.nl[i];
      nr[i] = src.nr[i];
      ls[i] = src.ls[i];
      rs[i] = src.rs[i];
      inStack[i] = src.inStack[i];
    }
  }

  /** The finished tree: heads (−1 for the root) and label ids per word. */
  result(): ParseResult {
    const n = this.n;
    const heads = new Int32Array(n);
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      heads[i] = this.heads[i] === n ? -1 : this.heads[i];
      labels[i] = this.labels[i] - 1;
    }
    return { heads, labels };
  }

  terminal(): boolean {
    return this.b0 >= this.n && this.sp === 0;
  }

  /** Valid moves as a bit set. The root (b0 = n) takes a LEFT child only when it is the last one. */
  valid(): number {
    let v = 0;
    if (this.b0 < this.n) v |= 1 << SHIFT;
    if (this.sp >= 2) v |= 1 << RIGHT;
    if (this.sp >= 1 && (this.b0 < this.n || this.sp === 1)) v |= 1 << LEFT;
    return v;
  }

  addArc(head: number, dep: number, label: number): void {
    this.heads[dep] = head;
    this.labels[dep] = label + 1;
    if (dep < head) {
      this.nl[head]++;
      this.ls[head] |= 1 << (label % 31);
      if (this.lc1[head] === -1 || dep < this.lc1[head]) {
        this.lc2[head] = this.lc1[head];
        this.lc1[head] = dep;
      } else if (this.lc2[head] === -1 || dep < this.lc2[head]) this.lc2[head] = dep;
    } else {
      this.nr[head]++;
      this.rs[head] |= 1 << (label % 31);
      if (this.rc1[head] === -1 || dep > this.rc1[head]) {
        this.rc2[head] = this.rc1[head];
        this.rc1[head] = dep;
      } else if (this.rc2[head] === -1 || dep > this.rc2[head]) this.rc2[head] = dep;
    }
  }

  /** Head and dependent the move would connect: [head, dep], or null for SHIFT. */
  arcOf(move: number): [number, number] | null {
    const s0 = this.stack[this.sp - 1];
    if (move === RIGHT) return [this.stack[this.sp - 2], s0];
    if (move === LEFT) return [this.b0, s0];
    return null;
  }

  apply(move: number, label: number): void {
    if (move === SHIFT) {
      this.inStack[this.b0] = 1;
      this.stack[this.sp++] = this.b0++;
      return;
    }
    const s0 = this.stack[--this.sp];
    this.inStack[s0] = 0;
    this.addArc(move === RIGHT ? this.stack[this.sp - 1] : this.b0, s0, label);
  }
}

/** Cluster prefix id k (0–3: 4, 6, 10, 20 bits) at position i: -1 for none, -2 for the root. */
function clusterAt(st: State, i: number, k: number): number {
  return i < 0 ? -1 : i >= st.n ? -2 : st.cl![i * CLUSTER_STRIDE + k];
}

/** Feature template ids run from 1 to 255 (0 is the bias; move templates < 200, label templates ≥ 200). */
const N_TEMPLATES = 256;

/** The templates a model uses: all but `without` (ParserData.without). */
export function templatesOn(without: readonly number[] | undefined): Uint8Array {
  const on = new Uint8Array(N_TEMPLATES).fill(1);
  for (const id of without ?? []) {
    if (!Number.isInteger(id) || id < 1 || id >= N_TEMPLATES) throw new Error(`parser feature template ${id} does not exist (1–${N_TEMPLATES - 1})`);
    on[id] = 0;
  }
  return on;
}

function dist(a: number, b: number): number {
  const d = b > a ? b - a : a - b;
  return d < 5 ? d : d < 7 ? 5 : d < 10 ? 6 : 7;
}

export const MAX_PARSE_FEATURES = 136;

/**
 * The values the move templates hash, one slot each, filled by parseFeatures for every state: word
 * hashes (W), XPOS (T) and UPOS (U) ids, labels (L), suffix hashes (SUF3), dependents' label sets,
 * valencies (NL, NR), distances and cluster prefixes (C4, C6, C20: 4, 6, 20 bits) of the stack
 * (S0–S2), the buffer (B0–B2) and their leftmost and rightmost dependents (L1, L2, R1, R2).
 */
const V = {
  S0_W: 0,
  S0_T: 1,
  B0_W: 2,
  B0_T: 3,
  B1_W: 4,
  B1_T: 5,
  B2_W: 6,
  B2_T: 7,
  S1_W: 8,
  S1_T: 9,
  S2_T: 10,
  S2_W: 11,
  S0_SUF3: 12,
  B0_SUF3: 13,
  S0L1_T: 14,
  S0R1_T: 15,
  B0L1_T: 16,
  S0L2_T: 17,
  S0R2_T: 18,
  B0L2_T: 19,
  S1R1_T: 20,
  S1L1_T: 21,
  ZERO: 22,
  DIST: 23,
  DIST_S1: 24,
  S0_NR: 25,
  S0_NL: 26,
  B0_NL: 27,
  S1_NR: 28,
  S0L1_W: 29,
  S0L1_L: 30,
  S0R1_W: 31,
  S0R1_L: 32,
  B0L1_W: 33,
  B0L1_L: 34,
  S0L2_L: 35,
  S0R2_L: 36,
  B0L2_L: 37,
  S1R1_L: 38,
  S1L1_L: 39,
  S0_U: 40,
  B0_U: 41,
  S1_U: 42,
  B1_U: 43,
  S0L1_U: 44,
  S0R1_U: 45,
  B0L1_U: 46,
  S1R1_U: 47,
  S0_LSET: 48,
  S0_RSET: 49,
  B0_LSET: 50,
  S0_C20: 51,
  B0_C20: 52,
  S1_C20: 53,
  B1_C20: 54,
  S0_C6: 55,
  B0_C6: 56,
  S1_C6: 57,
  S0_C4: 58,
  B0_C4: 59,
  B1_C4: 60,
  B1_C6: 61,
  S0L1_C6: 62,
  S0R1_C6: 63,
  B0L1_C6: 64,
} as const;
const N_VALUES = 65;

/** Per template: its id, the hash state after the id (templateSeed), the number of values, their slots. */
const TEMPLATE_WIDTH = 7;

function flatTemplates(rows: readonly (readonly number[])[]): Int32Array {
  const out = new Int32Array(rows.length * TEMPLATE_WIDTH);
  rows.forEach(([id, ...slots], r) => {
    const at = r * TEMPLATE_WIDTH;
    out[at] = id;
    out[at + 1] = templateSeed(id);
    out[at + 2] = slots.length;
    slots.forEach((s, k) => (out[at + 3 + k] = s));
  });
  return out;
}

/**
 * The move templates in the order parseFeatures writes them (the order matters: scores are summed
 * in it): template id, then the slots of the values it hashes, as f1–f4(id, values…) would.
 */
const MOVE_TEMPLATES = flatTemplates([
  [1, V.S0_W], [2, V.S0_T], [3, V.S0_W, V.S0_T], [4, V.B0_W], [5, V.B0_T], [6, V.B0_W, V.B0_T], [7, V.B1_W],
  [8, V.B1_T], [9, V.B1_W, V.B1_T], [10, V.B2_W], [11, V.B2_T], [12, V.S1_W], [13, V.S1_T], [14, V.S1_W, V.S1_T],
  [15, V.S2_T], [16, V.S2_W], [17, V.S0_SUF3], [18, V.B0_SUF3], [20, V.S0_W, V.S0_T, V.B0_W, V.B0_T],
  [21, V.S0_W, V.S0_T, V.B0_W], [22, V.S0_W, V.B0_W, V.B0_T], [23, V.S0_W, V.S0_T, V.B0_T],
  [24, V.S0_T, V.B0_W, V.B0_T], [25, V.S0_W, V.B0_W], [26, V.S0_T, V.B0_T], [27, V.B0_T, V.B1_T],
  [28, V.S1_W, V.S1_T, V.S0_W, V.S0_T], [29, V.S1_T, V.S0_T], [30, V.S1_W, V.S0_W, V.S0_T],
  [31, V.S1_W, V.S1_T, V.S0_T], [32, V.S1_W, V.S0_W], [33, V.S1_T, V.B0_W, V.B0_T], [34, V.S1_T, V.B0_T],
  [40, V.B0_T, V.B1_T, V.B2_T], [41, V.S0_T, V.B0_T, V.B1_T], [42, V.S1_T, V.S0_T, V.B0_T],
  [43, V.S0_T, V.S0L1_T, V.B0_T], [44, V.S0_T, V.S0R1_T, V.B0_T], [45, V.S0_T, V.B0_T, V.B0L1_T],
  [46, V.S0_T, V.S0L1_T, V.S0L2_T], [47, V.S0_T, V.S0R1_T, V.S0R2_T], [48, V.B0_T, V.B0L1_T, V.B0L2_T],
  [49, V.S2_T, V.S1_T, V.S0_T], [50, V.S1_T, V.S1R1_T, V.S0_T], [51, V.S1_T, V.S1L1_T, V.S0_T],
  [52, V.S0_W, V.B0_T, V.B1_T, V.ZERO], [53, V.B0_W, V.B1_W, V.B1_T], [54, V.S0_W, V.B0_W, V.B1_W],
  [60, V.S0_W, V.DIST], [61, V.S0_T, V.DIST], [62, V.B0_W, V.DIST], [63, V.B0_T, V.DIST],
  [64, V.S0_T, V.B0_T, V.DIST], [65, V.S0_W, V.B0_W, V.DIST], [66, V.S1_T, V.S0_T, V.DIST_S1],
  [67, V.S1_W, V.S0_W, V.DIST_S1], [70, V.S0_W, V.S0_NR], [71, V.S0_T, V.S0_NR], [72, V.S0_W, V.S0_NL],
  [73, V.S0_T, V.S0_NL], [74, V.B0_W, V.B0_NL], [75, V.B0_T, V.B0_NL], [76, V.S1_T, V.S1_NR, V.S0_T], [80, V.S0L1_W],
  [81, V.S0L1_T], [82, V.S0L1_L], [83, V.S0R1_W], [84, V.S0R1_T], [85, V.S0R1_L], [86, V.B0L1_W], [87, V.B0L1_T],
  [88, V.B0L1_L], [89, V.S0L2_T, V.S0L2_L], [90, V.S0R2_T, V.S0R2_L], [91, V.B0L2_T, V.B0L2_L],
  [92, V.S0_T, V.S0L1_L, V.S0L2_L], [93, V.S0_T, V.S0R1_L, V.S0R2_L], [94, V.B0_T, V.B0L1_L, V.B0L2_L],
  [95, V.S1_T, V.S1R1_L, V.S0_T], [96, V.S1_T, V.S1L1_L, V.S1_W], [97, V.S0_W, V.S0L1_L, V.S0R1_L],
  [98, V.B0_W, V.B0L1_L, V.B0_T], [110, V.S0_U, V.B0_U], [111, V.S1_U, V.S0_U, V.B0_U],
  [112, V.S0_U, V.B0_U, V.B1_U], [113, V.S0_U, V.B0_U, V.DIST], [114, V.S1_U, V.S0_U, V.DIST_S1],
  [115, V.S0_U, V.S0L1_U, V.S0R1_U], [116, V.B0_U, V.B0L1_U, V.B1_U], [117, V.S1_U, V.S0_U, V.S1R1_U, V.S1R1_L],
]);
/** the dependents' label sets (Zhang & Nivre 2011): a verb with an nsubj and an obj already is unlikely to take another */
const LABEL_SET_TEMPLATES = flatTemplates([
  [120, V.S0_W, V.S0_LSET], [121, V.S0_T, V.S0_LSET], [122, V.S0_W, V.S0_RSET], [123, V.S0_T, V.S0_RSET],
  [124, V.B0_W, V.B0_LSET], [125, V.B0_T, V.B0_LSET], [126, V.S0_T, V.S0_LSET, V.B0_T, V.B0_LSET],
]);
/**
 * cluster prefixes beside words and tags (Koo, Carreras & Collins 2008): 20 bits is nearly the
 * word, 6 bits a coarse class finer than the tag
 */
const CLUSTER_TEMPLATES = flatTemplates([
  [130, V.S0_C20], [131, V.B0_C20], [132, V.S1_C20], [133, V.B1_C20], [134, V.S0_C6, V.B0_C6],
  [135, V.S0_C20, V.B0_T, V.DIST], [136, V.S0_T, V.B0_C20, V.DIST], [137, V.S1_C6, V.S0_C6],
  [138, V.S1_C20, V.S0_T, V.DIST_S1], [139, V.S1_T, V.S0_C20, V.DIST_S1], [140, V.S0_C4, V.B0_C4, V.B1_C4],
  [141, V.S0_C6, V.B0_C6, V.B1_C6], [142, V.S0_C6, V.S0L1_C6, V.S0R1_C6], [143, V.B0_C6, V.B0L1_C6],
]);

/** The template tables, each cut to the templates a model uses (templatesOn), in their order. */
export interface UsedTemplates {
  readonly on: Uint8Array;
  readonly move: Int32Array;
  readonly labelSet: Int32Array;
  readonly cluster: Int32Array;
  readonly label: Int32Array;
  readonly labelCluster: Int32Array;
}

const usedTables = new WeakMap<Uint8Array, UsedTemplates>();

/** The tables for `on`, made once per `on` array (a parser sets it once; beam states share it). */
function usedTemplates(on: Uint8Array): UsedTemplates {
  let used = usedTables.get(on);
  if (used === undefined) {
    const cut = (table: Int32Array): Int32Array => {
      const rows: number[] = [];
      for (let j = 0; j < table.length; j += TEMPLATE_WIDTH) if (on[table[j]]) for (let k = 0; k < TEMPLATE_WIDTH; k++) rows.push(table[j + k]);
      return rows.length === table.length ? table : Int32Array.from(rows);
    };
    used = { on, move: cut(MOVE_TEMPLATES), labelSet: cut(LABEL_SET_TEMPLATES), cluster: cut(CLUSTER_TEMPLATES), label: cut(LABEL_TEMPLATES), labelCluster: cut(LABEL_CLUSTER_TEMPLATES) };
    usedTables.set(on, used);
  }
  return used;
}

/**
 * The features of the templates of `table` (cut to those the model uses: usedTemplates), into out
 * from n: the keys f1–f4 give, hashed in one loop from the state's values (no call per feature; see
 * docs/speed.md, seventh round). No test of `on` per template and state: 0.7–0.85× the loop's time.
 */
function hashTemplates(table: Int32Array, vals: Int32Array, out: Uint32Array, n: number): number {
  for (let j = 0; j < table.length; j += TEMPLATE_WIDTH) {
    const arity = table[j + 2];
    let h = mix(table[j + 1], vals[table[j + 3]]);
    if (arity > 1) h = mix(h, vals[table[j + 4]]);
    if (arity > 2) h = mix(h, vals[table[j + 5]]);
    if (arity > 3) h = mix(h, vals[table[j + 6]]);
    out[n++] = fin(h);
  }
  return n;
}

/** Transition features of the current state. */
export function parseFeatures(st: State, out: Uint32Array): number {
  const { W, T, U, S3, labels } = st;
  const sp = st.sp;
  const s0 = sp > 0 ? st.stack[sp - 1] : -1;
  const s1 = sp > 1 ? st.stack[sp - 2] : -1;
  const s2 = sp > 2 ? st.stack[sp - 3] : -1;
  const b0 = st.b0 <= st.n ? st.b0 : -1;
  const b1 = b0 >= 0 && b0 + 1 < st.n ? b0 + 1 : -1;
  const b2 = b0 >= 0 && b0 + 2 < st.n ? b0 + 2 : -1;
  const w = (i: number) => (i >= 0 ? W[i] : 0);
  const t = (i: number) => (i >= 0 ? T[i] : 0);
  const l = (i: number) => (i >= 0 ? labels[i] : 0);
  const u = (i: number) => (i >= 0 ? U[i] : 0);
  const s0L1 = s0 >= 0 ? st.lc1[s0] : -1, s0L2 = s0 >= 0 ? st.lc2[s0] : -1;
  const s0R1 = s0 >= 0 ? st.rc1[s0] : -1, s0R2 = s0 >= 0 ? st.rc2[s0] : -1;
  const b0L1 = b0 >= 0 ? st.lc1[b0] : -1, b0L2 = b0 >= 0 ? st.lc2[b0] : -1;
  const s1R1 = s1 >= 0 ? st.rc1[s1] : -1, s1L1 = s1 >= 0 ? st.lc1[s1] : -1;
  const v = st.values;
  v[V.S0_W] = w(s0); v[V.S0_T] = t(s0); v[V.S1_W] = w(s1); v[V.S1_T] = t(s1); v[V.S2_W] = w(s2); v[V.S2_T] = t(s2);
  v[V.B0_W] = w(b0); v[V.B0_T] = t(b0); v[V.B1_W] = w(b1); v[V.B1_T] = t(b1); v[V.B2_W] = w(b2); v[V.B2_T] = t(b2);
  v[V.S0_SUF3] = S3[s0 >= 0 ? s0 : st.n];
  v[V.B0_SUF3] = b0 >= 0 ? S3[b0] : 0;
  v[V.DIST] = s0 >= 0 && b0 >= 0 ? dist(s0, b0) : 0;
  v[V.DIST_S1] = s0 >= 0 && s1 >= 0 ? dist(s1, s0) : 0;
  v[V.S0_NL] = s0 >= 0 ? st.nl[s0] : 0;
  v[V.S0_NR] = s0 >= 0 ? st.nr[s0] : 0;
  v[V.B0_NL] = b0 >= 0 ? st.nl[b0] : 0;
  v[V.S1_NR] = s1 >= 0 ? st.nr[s1] : 0;
  v[V.S0L1_W] = w(s0L1); v[V.S0R1_W] = w(s0R1); v[V.B0L1_W] = w(b0L1);
  v[V.S0L1_T] = t(s0L1); v[V.S0L2_T] = t(s0L2); v[V.S0R1_T] = t(s0R1); v[V.S0R2_T] = t(s0R2);
  v[V.B0L1_T] = t(b0L1); v[V.B0L2_T] = t(b0L2); v[V.S1L1_T] = t(s1L1); v[V.S1R1_T] = t(s1R1);
  v[V.S0L1_L] = l(s0L1); v[V.S0L2_L] = l(s0L2); v[V.S0R1_L] = l(s0R1); v[V.S0R2_L] = l(s0R2);
  v[V.B0L1_L] = l(b0L1); v[V.B0L2_L] = l(b0L2); v[V.S1L1_L] = l(s1L1); v[V.S1R1_L] = l(s1R1);
  // UPOS tells auxiliaries and copulas (heads of nothing in UD) from main verbs
  v[V.S0_U] = u(s0); v[V.S1_U] = u(s1); v[V.B0_U] = u(b0); v[V.B1_U] = u(b1);
  v[V.S0L1_U] = u(s0L1); v[V.S0R1_U] = u(s0R1); v[V.B0L1_U] = u(b0L1); v[V.S1R1_U] = u(s1R1);
  let n = 0;
  out[n++] = f1(0, 0);
  n = hashTemplates(st.used.move, v, out, n);
  if (st.labelSets) {
    v[V.S0_LSET] = s0 >= 0 ? st.ls[s0] : -1;
    v[V.S0_RSET] = s0 >= 0 ? st.rs[s0] : -1;
    v[V.B0_LSET] = b0 >= 0 ? st.ls[b0] : -1;
    n = hashTemplates(st.used.labelSet, v, out, n);
  }
  if (st.cl) {
    const c = (i: number, k: number) => clusterAt(st, i, k);
    v[V.S0_C4] = c(s0, 0); v[V.B0_C4] = c(b0, 0); v[V.B1_C4] = c(b1, 0);
    v[V.S0_C6] = c(s0, 1); v[V.B0_C6] = c(b0, 1); v[V.S1_C6] = c(s1, 1); v[V.B1_C6] = c(b1, 1);
    v[V.S0L1_C6] = c(s0L1, 1); v[V.S0R1_C6] = c(s0R1, 1); v[V.B0L1_C6] = c(b0L1, 1);
    v[V.S0_C20] = c(s0, 3); v[V.B0_C20] = c(b0, 3); v[V.S1_C20] = c(s1, 3); v[V.B1_C20] = c(b1, 3);
    n = hashTemplates(st.used.cluster, v, out, n);
  }
  return n;
}

export const MAX_LABEL_FEATURES = 48;

/** The values the label templates hash, one slot each (labelFeatures fills them for each arc): of the head (H) and the dependent (D). */
const L = {
  DIR: 0,
  ROOT_HEAD: 1,
  D_W: 2,
  D_T: 3,
  H_W: 4,
  H_T: 5,
  H_U: 6,
  D_U: 7,
  ZERO: 8,
  DIST: 9,
  DL1_L: 10,
  DR1_L: 11,
  DL1_T: 12,
  DR1_T: 13,
  DL2_L: 14,
  DR2_L: 15,
  HSIB_L: 16,
  D_PREV_T: 17,
  D_NEXT_T: 18,
  H_PREV_T: 19,
  H_NEXT_T: 20,
  D_SUF3: 21,
  D_NL: 22,
  D_NR: 23,
  DL1_W: 24,
  D_C20: 25,
  H_C20: 26,
  H_C6: 27,
  D_C6: 28,
} as const;
const N_LABEL_VALUES = 29;

/** The label templates in the order labelFeatures writes them, as MOVE_TEMPLATES. */
const LABEL_TEMPLATES = flatTemplates([
  [200, L.DIR, L.ROOT_HEAD], [201, L.D_W, L.DIR], [202, L.D_T, L.DIR], [203, L.H_W, L.DIR], [204, L.H_T, L.DIR],
  [205, L.H_T, L.D_T, L.DIR], [206, L.H_U, L.D_U, L.DIR], [207, L.H_W, L.D_T, L.DIR, L.ZERO],
  [208, L.H_T, L.D_W, L.DIR], [209, L.H_W, L.D_W, L.DIR], [210, L.H_T, L.D_T, L.DIR, L.DIST],
  [211, L.D_T, L.DIR, L.DIST], [212, L.D_W, L.DIR, L.DIST], [213, L.D_T, L.DL1_L, L.DR1_L],
  [214, L.D_T, L.DL1_T, L.DL1_L], [215, L.D_T, L.DR1_T, L.DR1_L], [216, L.D_W, L.DL1_L, L.DR1_L],
  [217, L.D_T, L.DL1_L, L.DL2_L, L.DIR], [218, L.D_T, L.DR1_L, L.DR2_L, L.DIR], [219, L.H_T, L.HSIB_L, L.D_T, L.DIR],
  [220, L.H_W, L.HSIB_L, L.DIR], [221, L.D_T, L.D_PREV_T, L.DIR], [222, L.D_T, L.D_NEXT_T, L.DIR],
  [223, L.H_T, L.H_PREV_T, L.D_T, L.DIR], [224, L.H_T, L.H_NEXT_T, L.D_T, L.DIR], [225, L.D_SUF3, L.D_T, L.DIR],
  [226, L.D_U, L.H_U, L.HSIB_L, L.DIR], [227, L.D_W, L.H_T, L.D_T, L.DIR], [228, L.D_T, L.D_NL, L.D_NR],
  [229, L.H_U, L.D_U, L.DIST, L.DIR], [230, L.D_T, L.DL1_W, L.DIR], [231, L.H_W, L.D_U, L.HSIB_L],
]);
const LABEL_CLUSTER_TEMPLATES = flatTemplates([
  [240, L.D_C20, L.DIR], [241, L.H_C20, L.DIR], [242, L.H_C6, L.D_C6, L.DIR], [243, L.H_T, L.D_C20, L.DIR],
  [244, L.H_C20, L.D_T, L.DIR],
]);

/** Label features for the arc head → dep about to be built. */
export function labelFeatures(st: State, head: number, dep: number, out: Uint32Array): number {
  const { W, T, U, S3, labels } = st;
  const n1 = st.n;
  const t = (i: number) => (i >= 0 && i <= n1 ? T[i] : 0);
  const l = (i: number) => (i >= 0 ? labels[i] : 0);
  const dL1 = st.lc1[dep], dR1 = st.rc1[dep], dL2 = st.lc2[dep], dR2 = st.rc2[dep];
  // the head's nearest existing child on the dependent's side
  const hSib = dep < head ? st.lc1[head] : st.rc1[head];
  const v = st.labelValues;
  v[L.DIR] = dep < head ? 1 : 2;
  v[L.ROOT_HEAD] = head === n1 ? 1 : 0;
  v[L.DIST] = dist(head, dep);
  v[L.H_W] = W[head]; v[L.H_T] = T[head]; v[L.H_U] = U[head];
  v[L.D_W] = W[dep]; v[L.D_T] = T[dep]; v[L.D_U] = U[dep];
  v[L.DL1_L] = l(dL1); v[L.DR1_L] = l(dR1); v[L.DL2_L] = l(dL2); v[L.DR2_L] = l(dR2); v[L.HSIB_L] = l(hSib);
  v[L.DL1_T] = t(dL1); v[L.DR1_T] = t(dR1);
  v[L.D_PREV_T] = t(dep - 1); v[L.D_NEXT_T] = t(dep + 1); v[L.H_PREV_T] = t(head - 1); v[L.H_NEXT_T] = t(head + 1);
  v[L.D_SUF3] = S3[dep];
  v[L.D_NL] = st.nl[dep];
  v[L.D_NR] = st.nr[dep];
  v[L.DL1_W] = W[dL1 >= 0 ? dL1 : n1];
  let n = hashTemplates(st.used.label, v, out, 0);
  if (st.cl) {
    v[L.D_C20] = clusterAt(st, dep, 3); v[L.H_C20] = clusterAt(st, head, 3);
    v[L.H_C6] = clusterAt(st, head, 1); v[L.D_C6] = clusterAt(st, dep, 1);
    n = hashTemplates(st.used.labelCluster, v, out, n);
  }
  return n;
}

export interface ParserData {
  labels: string[];
  /** word clusters the features read (absent: a model trained without them) */
  clusters?: WordClusters;
  /** the move features include the dependents' label sets (models trained since issue 19) */
  labelSets?: boolean;
  /**
   * feature template ids (the first argument of f1–f4 in parseFeatures and labelFeatures) the model
   * leaves out: fewer weight look-ups per token (issue 19/20, docs/nlp.md "Round six")
   */
  without?: readonly number[];
  /** XPOS tag count (tags are ids + 1; the root's tag is nXpos + 1) */
  nXpos: number;
  /** the beam width the move model was trained for (beam.ts; absent: greedy, as every model before) */
  beam?: number;
}

export interface ParseResult {
  /** head index per word, -1 for the root */
  heads: Int32Array;
  labels: Int32Array;
}

export class Parser {
  private readonly st = new State();
  private readonly feats = new Uint32Array(Math.max(MAX_PARSE_FEATURES, MAX_LABEL_FEATURES) + 8);
  private readonly scores = new Float64Array(N_MOVES);
  private readonly lscores: Float64Array;

  constructor(
    readonly data: ParserData,
    readonly moves: Scorer,
    readonly labeler: Scorer,
  ) {
    this.lscores = new Float64Array(data.labels.length);
    this.st.on = templatesOn(data.without);
  }

  private label(head: number, dep: number): number {
    const n = labelFeatures(this.st, head, dep, this.feats);
    this.labeler.score(this.feats, n, this.lscores);
    return argmax(this.lscores, this.data.labels.length);
  }

  /** `cl`: the words' cluster prefixes if already computed (the tagger's). */
  parse(lex: Lexeme[], xpos: Int32Array, upos: Int32Array, cl?: Int32Array | null): ParseResult {
    const st = this.st;
    const clusters = this.data.clusters;
    st.reset(lex, xpos, upos, this.data.nXpos + 1, clusters ? (cl ?? clusters.of(lex)) : null);
    st.labelSets = this.data.labelSets === true;
    while (!st.terminal()) {
      const valid = st.valid();
      let best = -1;
      if ((valid & (valid - 1)) === 0) best = valid === 1 ? SHIFT : valid === 2 ? RIGHT : LEFT; // forced: no need to score
      else {
        const nf = parseFeatures(st, this.feats);
        this.moves.score(this.feats, nf, this.scores);
        for (let m = 0; m < N_MOVES; m++) if (valid & (1 << m) && (best < 0 || this.scores[m] > this.scores[best])) best = m;
      }
      let label = 0;
      if (best !== SHIFT) {
        const s0 = st.stack[st.sp - 1];
        label = this.label(best === RIGHT ? st.stack[st.sp - 2] : st.b0, s0);
      }
      st.apply(best, label);
    }
    return st.result();
  }
}

export interface ParseExample {
  lex: Lexeme[];
  xpos: Int32Array;
  upos: Int32Array;
  /** gold heads: word index, n for the root */
  heads: Int32Array;
  labels: Int32Array;
}

/** Each word's gold dependents (and the root's, at n), for the dynamic oracle's costs. */
export function goldChildren(ex: ParseExample): Int32Array[] {
  const lists: number[][] = Array.from({ length: ex.lex.length + 1 }, () => []);
  ex.heads.forEach((h, d) => lists[h].push(d));
  return lists.map((l) => Int32Array.from(l));
}

/** Dynamic-oracle cost of each move (Goldberg & Nivre 2013, arc-hybrid), as gold arcs lost. */
export function costs(st: State, gold: Int32Array, kids: Int32Array[], out: Int32Array): void {
  const sp = st.sp;
  const s0 = sp > 0 ? st.stack[sp - 1] : -1;
  const s1 = sp > 1 ? st.stack[sp - 2] : -1;
  const b0 = st.b0;
  // dependents of s0 still in the buffer are lost by popping s0
  let s0BufferKids = 0;
  if (s0 >= 0) for (const k of kids[s0]) if (k >= b0) s0BufferKids++;
  // LEFT: b0 → s0
  out[LEFT] = s0 < 0 ? 99 : s0BufferKids + (gold[s0] !== b0 && (gold[s0] === s1 || gold[s0] > b0) ? 1 : 0);
  // RIGHT: s1 → s0
  out[RIGHT] = s1 < 0 ? 99 : s0BufferKids + (gold[s0] >= b0 ? 1 : 0);
  // SHIFT: b0 loses heads and dependents in the stack (except a head at s0)
  if (b0 >= st.n) out[SHIFT] = 99;
  else {
    let c = 0;
    for (const k of kids[b0]) if (k < b0 && st.inStack[k]) c++;
    const h = gold[b0];
    if (h !== s0 && h < st.n && st.inStack[h]) c++;
    out[SHIFT] = c;
  }
}

export interface ParserTraining {
  moves: FrozenPerceptron;
  labeler: FrozenPerceptron;
  data: ParserData;
}

/** Trains the parser with a dynamic oracle; deterministic for a given seed. */
export function trainParser(
  examples: ParseExample[],
  data: ParserData,
  opts: { iterations: number; seed: number; explore?: number; log?: (msg: string) => void; onIteration?: (it: number, moves: TrainablePerceptron, labeler: TrainablePerceptron) => void },
): ParserTraining {
  const moves = new TrainablePerceptron(N_MOVES);
  const labeler = new TrainablePerceptron(data.labels.length);
  const st = new State();
  st.on = templatesOn(data.without);
  const feats = new Uint32Array(MAX_PARSE_FEATURES + 8);
  const lfeats = new Uint32Array(MAX_LABEL_FEATURES + 8);
  const scores = new Float64Array(N_MOVES);
  const lscores = new Float64Array(data.labels.length);
  const cost = new Int32Array(N_MOVES);
  const rand = rng(opts.seed);
  const explore = opts.explore ?? 0.9;
  const order = examples.map((_, i) => i);
  const cls = examples.map((ex) => (data.clusters ? data.clusters.of(ex.lex) : null));
  const kidsOf = examples.map(goldChildren);
  for (let it = 0; it < opts.iterations; it++) {
    shuffle(order, rand);
    let correct = 0;
    let lcorrect = 0;
    let total = 0;
    for (const ei of order) {
      const ex = examples[ei];
      const kids = kidsOf[ei];
      st.reset(ex.lex, ex.xpos, ex.upos, data.nXpos + 1, cls[ei]);
      st.labelSets = data.labelSets === true;
      while (!st.terminal()) {
        const valid = st.valid();
        const nf = parseFeatures(st, feats);
        moves.score(feats, nf, scores);
        costs(st, ex.heads, kids, cost);
        let guess = -1;
        let best = -1;
        let minCost = 1e9;
        for (let m = 0; m < N_MOVES; m++) if (valid & (1 << m) && cost[m] < minCost) minCost = cost[m];
        for (let m = 0; m < N_MOVES; m++) {
          if (!(valid & (1 << m))) continue;
          if (guess < 0 || scores[m] > scores[guess]) guess = m;
          if (cost[m] === minCost && (best < 0 || scores[m] > scores[best])) best = m;
        }
        if (cost[guess] > minCost) moves.update(best, guess, feats, nf);
        moves.tick();
        const follow = cost[guess] === minCost || (it > 0 && rand() < explore) ? guess : best;
        const arc = st.arcOf(follow);
        let label = 0;
        if (arc) {
          const [h, d] = arc;
          const nl = labelFeatures(st, h, d, lfeats);
          labeler.score(lfeats, nl, lscores);
          label = argmax(lscores, data.labels.length);
          if (ex.heads[d] === h) {
            labeler.update(ex.labels[d], label, lfeats, nl);
            labeler.tick();
            // train on the gold label's consequences: later features see the true label
            label = ex.labels[d];
          }
        }
        st.apply(follow, label);
      }
      for (let i = 0; i < ex.lex.length; i++) {
        total++;
        if (st.heads[i] === ex.heads[i]) {
          correct++;
          if (st.labels[i] - 1 === ex.labels[i]) lcorrect++;
        }
      }
    }
    opts.onIteration?.(it + 1, moves, labeler);
    opts.log?.(`parser iteration ${it + 1}/${opts.iterations}: train UAS ${(100 * correct / total).toFixed(2)} LAS ${(100 * lcorrect / total).toFixed(2)}, ${moves.rows} + ${labeler.rows} feature rows`);
  }
  return { moves: moves.freeze(), labeler: labeler.freeze(), data };
}
