/**
 * Greedy transition-based dependency parser (arc-hybrid: SHIFT, RIGHT s1→s0, LEFT b0→s0, with
 * the root as the last buffer item), an averaged perceptron over hashed Zhang & Nivre style
 * features, trained with Goldberg & Nivre's dynamic oracle (exploring its own mistakes).
 * Labels come from a second perceptron the moment an arc is built: the dependent's subtree is
 * complete then, and the label is available to later parser decisions as a feature.
 * Non-projective gold trees need no preprocessing: the oracle picks the least costly moves.
 */
import { f1, f2, f3, f4, hashString, type Lexeme } from './features.js';
import { argmax, TrainablePerceptron, type FrozenPerceptron, type Scorer } from './perceptron.js';
import { rng, shuffle } from './tagger.js';
import { CLUSTER_STRIDE, type WordClusters } from './clusters.js';

export const SHIFT = 0;
export const RIGHT = 1;
export const LEFT = 2;
const N_MOVES = 3;

const ROOT_WORD = hashString('-ROOT-');

/** Parser state, with typed arrays reused across sentences. */
class State {
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
  on = templatesOn(undefined);

  reset(lex: Lexeme[], tags: Int32Array, upos: Int32Array, rootTag: number, cl: Int32Array | null = null): void {
    const n = lex.length;
    this.n = n;
    this.cl = cl;
    if (n + 1 > this.cap) {
      const cap = Math.max(n + 1, this.cap * 2, 64);
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

/** Transition features of the current state. */
function parseFeatures(st: State, out: Uint32Array): number {
  const { W, T, S3, labels, on } = st;
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
  const s0w = w(s0), s0t = t(s0), s1w = w(s1), s1t = t(s1), s2t = t(s2), s2w = w(s2);
  const b0w = w(b0), b0t = t(b0), b1w = w(b1), b1t = t(b1), b2w = w(b2), b2t = t(b2);
  const s0L1 = s0 >= 0 ? st.lc1[s0] : -1, s0L2 = s0 >= 0 ? st.lc2[s0] : -1;
  const s0R1 = s0 >= 0 ? st.rc1[s0] : -1, s0R2 = s0 >= 0 ? st.rc2[s0] : -1;
  const b0L1 = b0 >= 0 ? st.lc1[b0] : -1, b0L2 = b0 >= 0 ? st.lc2[b0] : -1;
  const s1R1 = s1 >= 0 ? st.rc1[s1] : -1, s1L1 = s1 >= 0 ? st.lc1[s1] : -1;
  const d = s0 >= 0 && b0 >= 0 ? dist(s0, b0) : 0;
  const ds = s0 >= 0 && s1 >= 0 ? dist(s1, s0) : 0;
  const s0nl = s0 >= 0 ? st.nl[s0] : 0, s0nr = s0 >= 0 ? st.nr[s0] : 0, b0nl = b0 >= 0 ? st.nl[b0] : 0;
  const s1nr = s1 >= 0 ? st.nr[s1] : 0;
  let n = 0;
  out[n++] = f1(0, 0);
  // unigrams
  if (on[1]) out[n++] = f1(1, s0w);
  if (on[2]) out[n++] = f1(2, s0t);
  if (on[3]) out[n++] = f2(3, s0w, s0t);
  if (on[4]) out[n++] = f1(4, b0w);
  if (on[5]) out[n++] = f1(5, b0t);
  if (on[6]) out[n++] = f2(6, b0w, b0t);
  if (on[7]) out[n++] = f1(7, b1w);
  if (on[8]) out[n++] = f1(8, b1t);
  if (on[9]) out[n++] = f2(9, b1w, b1t);
  if (on[10]) out[n++] = f1(10, b2w);
  if (on[11]) out[n++] = f1(11, b2t);
  if (on[12]) out[n++] = f1(12, s1w);
  if (on[13]) out[n++] = f1(13, s1t);
  if (on[14]) out[n++] = f2(14, s1w, s1t);
  if (on[15]) out[n++] = f1(15, s2t);
  if (on[16]) out[n++] = f1(16, s2w);
  if (on[17]) out[n++] = f1(17, S3[s0 >= 0 ? s0 : st.n]);
  if (on[18]) out[n++] = f1(18, b0 >= 0 ? S3[b0] : 0);
  // pairs
  if (on[20]) out[n++] = f4(20, s0w, s0t, b0w, b0t);
  if (on[21]) out[n++] = f3(21, s0w, s0t, b0w);
  if (on[22]) out[n++] = f3(22, s0w, b0w, b0t);
  if (on[23]) out[n++] = f3(23, s0w, s0t, b0t);
  if (on[24]) out[n++] = f3(24, s0t, b0w, b0t);
  if (on[25]) out[n++] = f2(25, s0w, b0w);
  if (on[26]) out[n++] = f2(26, s0t, b0t);
  if (on[27]) out[n++] = f2(27, b0t, b1t);
  if (on[28]) out[n++] = f4(28, s1w, s1t, s0w, s0t);
  if (on[29]) out[n++] = f2(29, s1t, s0t);
  if (on[30]) out[n++] = f3(30, s1w, s0w, s0t);
  if (on[31]) out[n++] = f3(31, s1w, s1t, s0t);
  if (on[32]) out[n++] = f2(32, s1w, s0w);
  if (on[33]) out[n++] = f3(33, s1t, b0w, b0t);
  if (on[34]) out[n++] = f2(34, s1t, b0t);
  // trigrams of tags
  if (on[40]) out[n++] = f3(40, b0t, b1t, b2t);
  if (on[41]) out[n++] = f3(41, s0t, b0t, b1t);
  if (on[42]) out[n++] = f3(42, s1t, s0t, b0t);
  if (on[43]) out[n++] = f3(43, s0t, t(s0L1), b0t);
  if (on[44]) out[n++] = f3(44, s0t, t(s0R1), b0t);
  if (on[45]) out[n++] = f3(45, s0t, b0t, t(b0L1));
  if (on[46]) out[n++] = f3(46, s0t, t(s0L1), t(s0L2));
  if (on[47]) out[n++] = f3(47, s0t, t(s0R1), t(s0R2));
  if (on[48]) out[n++] = f3(48, b0t, t(b0L1), t(b0L2));
  if (on[49]) out[n++] = f3(49, s2t, s1t, s0t);
  if (on[50]) out[n++] = f3(50, s1t, t(s1R1), s0t);
  if (on[51]) out[n++] = f3(51, s1t, t(s1L1), s0t);
  if (on[52]) out[n++] = f4(52, s0w, b0t, b1t, 0);
  if (on[53]) out[n++] = f3(53, b0w, b1w, b1t);
  if (on[54]) out[n++] = f3(54, s0w, b0w, b1w);
  // distance
  if (on[60]) out[n++] = f2(60, s0w, d);
  if (on[61]) out[n++] = f2(61, s0t, d);
  if (on[62]) out[n++] = f2(62, b0w, d);
  if (on[63]) out[n++] = f2(63, b0t, d);
  if (on[64]) out[n++] = f3(64, s0t, b0t, d);
  if (on[65]) out[n++] = f3(65, s0w, b0w, d);
  if (on[66]) out[n++] = f3(66, s1t, s0t, ds);
  if (on[67]) out[n++] = f3(67, s1w, s0w, ds);
  // valency
  if (on[70]) out[n++] = f2(70, s0w, s0nr);
  if (on[71]) out[n++] = f2(71, s0t, s0nr);
  if (on[72]) out[n++] = f2(72, s0w, s0nl);
  if (on[73]) out[n++] = f2(73, s0t, s0nl);
  if (on[74]) out[n++] = f2(74, b0w, b0nl);
  if (on[75]) out[n++] = f2(75, b0t, b0nl);
  if (on[76]) out[n++] = f3(76, s1t, s1nr, s0t);
  // children words, tags and labels
  if (on[80]) out[n++] = f1(80, w(s0L1));
  if (on[81]) out[n++] = f1(81, t(s0L1));
  if (on[82]) out[n++] = f1(82, l(s0L1));
  if (on[83]) out[n++] = f1(83, w(s0R1));
  if (on[84]) out[n++] = f1(84, t(s0R1));
  if (on[85]) out[n++] = f1(85, l(s0R1));
  if (on[86]) out[n++] = f1(86, w(b0L1));
  if (on[87]) out[n++] = f1(87, t(b0L1));
  if (on[88]) out[n++] = f1(88, l(b0L1));
  if (on[89]) out[n++] = f2(89, t(s0L2), l(s0L2));
  if (on[90]) out[n++] = f2(90, t(s0R2), l(s0R2));
  if (on[91]) out[n++] = f2(91, t(b0L2), l(b0L2));
  if (on[92]) out[n++] = f3(92, s0t, l(s0L1), l(s0L2));
  if (on[93]) out[n++] = f3(93, s0t, l(s0R1), l(s0R2));
  if (on[94]) out[n++] = f3(94, b0t, l(b0L1), l(b0L2));
  if (on[95]) out[n++] = f3(95, s1t, l(s1R1), s0t);
  if (on[96]) out[n++] = f3(96, s1t, l(s1L1), s1w);
  if (on[97]) out[n++] = f3(97, s0w, l(s0L1), l(s0R1));
  if (on[98]) out[n++] = f3(98, b0w, l(b0L1), b0t);
  // UPOS tells auxiliaries and copulas (heads of nothing in UD) from main verbs
  const { U } = st;
  const u = (i: number) => (i >= 0 ? U[i] : 0);
  const s0u = u(s0), s1u = u(s1), b0u = u(b0), b1u = u(b1);
  if (on[110]) out[n++] = f2(110, s0u, b0u);
  if (on[111]) out[n++] = f3(111, s1u, s0u, b0u);
  if (on[112]) out[n++] = f3(112, s0u, b0u, b1u);
  if (on[113]) out[n++] = f3(113, s0u, b0u, d);
  if (on[114]) out[n++] = f3(114, s1u, s0u, ds);
  if (on[115]) out[n++] = f3(115, s0u, u(s0L1), u(s0R1));
  if (on[116]) out[n++] = f3(116, b0u, u(b0L1), b1u);
  if (on[117]) out[n++] = f4(117, s1u, s0u, u(s1R1), l(s1R1));
  if (st.labelSets) {
    // the label sets of the dependents so far (Zhang & Nivre 2011): a verb with an nsubj and an obj
    // already is unlikely to take another
    const s0ls = s0 >= 0 ? st.ls[s0] : -1, s0rs = s0 >= 0 ? st.rs[s0] : -1, b0ls = b0 >= 0 ? st.ls[b0] : -1;
    if (on[120]) out[n++] = f2(120, s0w, s0ls);
    if (on[121]) out[n++] = f2(121, s0t, s0ls);
    if (on[122]) out[n++] = f2(122, s0w, s0rs);
    if (on[123]) out[n++] = f2(123, s0t, s0rs);
    if (on[124]) out[n++] = f2(124, b0w, b0ls);
    if (on[125]) out[n++] = f2(125, b0t, b0ls);
    if (on[126]) out[n++] = f4(126, s0t, s0ls, b0t, b0ls);
  }
  if (st.cl) {
    // cluster prefixes beside words and tags (Koo, Carreras & Collins 2008): 20 bits is nearly the
    // word, 6 bits a coarse class finer than the tag
    const c = (i: number, k: number) => clusterAt(st, i, k);
    const s0c = c(s0, 3), b0c = c(b0, 3), s1c = c(s1, 3), b1c = c(b1, 3);
    const s06 = c(s0, 1), b06 = c(b0, 1), s16 = c(s1, 1);
    if (on[130]) out[n++] = f1(130, s0c);
    if (on[131]) out[n++] = f1(131, b0c);
    if (on[132]) out[n++] = f1(132, s1c);
    if (on[133]) out[n++] = f1(133, b1c);
    if (on[134]) out[n++] = f2(134, s06, b06);
    if (on[135]) out[n++] = f3(135, s0c, b0t, d);
    if (on[136]) out[n++] = f3(136, s0t, b0c, d);
    if (on[137]) out[n++] = f2(137, s16, s06);
    if (on[138]) out[n++] = f3(138, s1c, s0t, ds);
    if (on[139]) out[n++] = f3(139, s1t, s0c, ds);
    if (on[140]) out[n++] = f3(140, c(s0, 0), c(b0, 0), c(b1, 0));
    if (on[141]) out[n++] = f3(141, s06, b06, c(b1, 1));
    if (on[142]) out[n++] = f3(142, s06, c(s0L1, 1), c(s0R1, 1));
    if (on[143]) out[n++] = f2(143, b06, c(b0L1, 1));
  }
  return n;
}

export const MAX_LABEL_FEATURES = 48;

/** Label features for the arc head → dep about to be built. */
function labelFeatures(st: State, head: number, dep: number, out: Uint32Array): number {
  const { W, T, U, S3, labels, on } = st;
  const n1 = st.n;
  const t = (i: number) => (i >= 0 && i <= n1 ? T[i] : 0);
  const l = (i: number) => (i >= 0 ? labels[i] : 0);
  const hw = W[head], ht = T[head], hu = U[head];
  const dw = W[dep], dt = T[dep], du = U[dep];
  const dir = dep < head ? 1 : 2;
  const dd = dist(head, dep);
  const rootHead = head === n1 ? 1 : 0;
  const dL1 = st.lc1[dep], dR1 = st.rc1[dep], dL2 = st.lc2[dep], dR2 = st.rc2[dep];
  // the head's nearest existing child on the dependent's side
  const hSib = dep < head ? st.lc1[head] : st.rc1[head];
  let n = 0;
  if (on[200]) out[n++] = f2(200, dir, rootHead);
  if (on[201]) out[n++] = f2(201, dw, dir);
  if (on[202]) out[n++] = f2(202, dt, dir);
  if (on[203]) out[n++] = f2(203, hw, dir);
  if (on[204]) out[n++] = f2(204, ht, dir);
  if (on[205]) out[n++] = f3(205, ht, dt, dir);
  if (on[206]) out[n++] = f3(206, hu, du, dir);
  if (on[207]) out[n++] = f4(207, hw, dt, dir, 0);
  if (on[208]) out[n++] = f3(208, ht, dw, dir);
  if (on[209]) out[n++] = f3(209, hw, dw, dir);
  if (on[210]) out[n++] = f4(210, ht, dt, dir, dd);
  if (on[211]) out[n++] = f3(211, dt, dir, dd);
  if (on[212]) out[n++] = f3(212, dw, dir, dd);
  if (on[213]) out[n++] = f3(213, dt, l(dL1), l(dR1));
  if (on[214]) out[n++] = f3(214, dt, t(dL1), l(dL1));
  if (on[215]) out[n++] = f3(215, dt, t(dR1), l(dR1));
  if (on[216]) out[n++] = f3(216, dw, l(dL1), l(dR1));
  if (on[217]) out[n++] = f4(217, dt, l(dL1), l(dL2), dir);
  if (on[218]) out[n++] = f4(218, dt, l(dR1), l(dR2), dir);
  if (on[219]) out[n++] = f4(219, ht, l(hSib), dt, dir);
  if (on[220]) out[n++] = f3(220, hw, l(hSib), dir);
  if (on[221]) out[n++] = f3(221, dt, t(dep - 1), dir);
  if (on[222]) out[n++] = f3(222, dt, t(dep + 1), dir);
  if (on[223]) out[n++] = f4(223, ht, t(head - 1), dt, dir);
  if (on[224]) out[n++] = f4(224, ht, t(head + 1), dt, dir);
  if (on[225]) out[n++] = f3(225, S3[dep], dt, dir);
  if (on[226]) out[n++] = f4(226, du, hu, l(hSib), dir);
  if (on[227]) out[n++] = f4(227, dw, ht, dt, dir);
  if (on[228]) out[n++] = f3(228, dt, st.nl[dep], st.nr[dep]);
  if (on[229]) out[n++] = f4(229, hu, du, dd, dir);
  if (on[230]) out[n++] = f3(230, dt, W[dL1 >= 0 ? dL1 : n1], dir);
  if (on[231]) out[n++] = f3(231, hw, du, l(hSib));
  if (st.cl) {
    if (on[240]) out[n++] = f2(240, clusterAt(st, dep, 3), dir);
    if (on[241]) out[n++] = f2(241, clusterAt(st, head, 3), dir);
    if (on[242]) out[n++] = f3(242, clusterAt(st, head, 1), clusterAt(st, dep, 1), dir);
    if (on[243]) out[n++] = f3(243, ht, clusterAt(st, dep, 3), dir);
    if (on[244]) out[n++] = f3(244, clusterAt(st, head, 3), dt, dir);
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
    const n = lex.length;
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
    const heads = new Int32Array(n);
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      heads[i] = st.heads[i] === n ? -1 : st.heads[i];
      labels[i] = st.labels[i] - 1;
    }
    return { heads, labels };
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

/** Dynamic-oracle cost of each move (Goldberg & Nivre 2013, arc-hybrid), as gold arcs lost. */
function costs(st: State, gold: Int32Array, kids: Int32Array[], out: Int32Array): void {
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
  const kidsOf = examples.map((ex) => {
    const lists: number[][] = Array.from({ length: ex.lex.length + 1 }, () => []);
    ex.heads.forEach((h, d) => lists[h].push(d));
    return lists.map((l) => Int32Array.from(l));
  });
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
