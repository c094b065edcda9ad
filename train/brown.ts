/**
 * Brown clustering (Brown et al. 1992) with Liang's (2005) window of C active clusters: words
 * enter in order of frequency, each as a cluster of its own, and after each entry the pair of
 * active clusters whose merge loses the least average mutual information between adjacent
 * clusters is merged. When every word has entered, the C clusters left are merged down to one,
 * and that hierarchy gives each cluster a bit-string path (0 = left, 1 = right at each merge).
 *
 * Cost: O(V·C²) in the worst case. Every table is a dense typed array over C+1 slots:
 * bigram counts (and their transpose, so every inner loop reads rows), the mutual-information
 * terms q, the logarithms of pair sizes and the merge losses L. After a merge, the loss of
 * every untouched pair is corrected in O(1) (only its terms with the two merged clusters
 * change); the merged cluster's losses are recomputed in O(C) each. A new word's losses use
 * the closed form for clusters it never meets, so they cost O(C·neighbours).
 *
 * Counts are in word units (weights are integers), so MI·N = Σ n(s,t)·log(n(s,t)·N / (n(s)·n(t)))
 * with g(x) = x·(log x + log N) and the marginals n(s) taken from the unigram counts (as Liang).
 */

export interface BrownInput {
  /** number of words; word ids 0..V-1 in order of entry (descending count) */
  V: number;
  /** unigram count of each word (whole numbers, as every count here) */
  count: Float64Array;
  /** CSR of bigrams (w, x): x = rightWord[rightStart[w] … rightStart[w+1]) with rightCount */
  rightStart: Int32Array;
  rightWord: Int32Array;
  rightCount: Float64Array;
  /** CSR of bigrams (x, w): x = leftWord[leftStart[w] … leftStart[w+1]) with leftCount */
  leftStart: Int32Array;
  leftWord: Int32Array;
  leftCount: Float64Array;
}

export interface BrownResult {
  /** leaf cluster (0..C-1) of each word */
  cluster: Int32Array;
  /** bit-string path of each leaf cluster */
  paths: string[];
  /** average mutual information (nats) of the C clusters when the last word had entered */
  mutualInformation: number;
}

export interface BrownOptions {
  progress?: (done: number, total: number) => void;
  /** recompute every pair's loss from scratch before each merge and throw if the incremental table differs (tests) */
  verify?: boolean;
  /** merged losses are updated from the denser cluster's when the other meets fewer than 1/ratio of the clusters (default 3) */
  sparseRatio?: number;
}

export function brownClusters(input: BrownInput, C: number, options: BrownOptions = {}): BrownResult {
  const { progress, verify } = options;
  const SPARSE_RATIO = options.sparseRatio ?? 3;
  const { V, count } = input;
  if (V < 2) throw new Error('brown: need at least two words');
  C = Math.min(C, V);
  const K = C + 1;
  let N = 0;
  for (let w = 0; w < V; w++) N += count[w];
  for (const c of [input.count, input.rightCount, input.leftCount]) {
    for (let i = 0; i < c.length; i++) if (!(Number.isInteger(c[i]) && c[i] >= 0)) throw new Error('brown: counts must be whole numbers');
  }
  const logN = Math.log(N);
  // g over small counts from a table (counts are whole numbers; same values as computed)
  const G_TABLE = 1 << 16;
  const gTable = new Float64Array(G_TABLE);
  for (let x = 1; x < G_TABLE; x++) gTable[x] = x * (Math.log(x) + logN);
  const g = (x: number): number => (x < G_TABLE ? gTable[x] : x * (Math.log(x) + logN));

  const n2 = new Float64Array(K * K); // n2[s*K+t]: bigram s → t
  const n2t = new Float64Array(K * K); // transpose: n2t[s*K+t] = n2[t*K+s]
  const n1 = new Float64Array(K);
  const ln1 = new Float64Array(K);
  const q = new Float64Array(K * K); // symmetric: q(s,t) + q(t,s) for s ≠ t, q(s,s) on the diagonal
  const ls = new Float64Array(K * K); // log(n1[s] + n1[t])
  // merge losses, upper triangle (s < t): L(s,t) = loss[s*K+t] + off[s] + off[t]. A merge changes
  // most pairs' losses by a sum of one term per slot, which goes into off[] in O(C)
  const loss = new Float64Array(K * K);
  const off = new Float64Array(K);
  // Σ over other active slots e of n(d→e) + n(e→d), kept up to date
  const rowSum = new Float64Array(K);
  const active = new Uint8Array(K);
  const slotRoot = new Int32Array(K).fill(-1); // union-find root (a word id) of each slot's cluster
  const parent = new Int32Array(V);
  for (let w = 0; w < V; w++) parent[w] = w;
  const rootSlot = new Int32Array(V).fill(-1);
  const find = (w: number): number => {
    let r = w;
    while (parent[r] !== r) r = parent[r];
    while (parent[w] !== r) {
      const next = parent[w];
      parent[w] = r;
      w = next;
    }
    return r;
  };
  const slots: number[] = []; // active slots, ascending (rebuilt on change)
  const rebuildSlots = () => {
    slots.length = 0;
    for (let s = 0; s < K; s++) if (active[s]) slots.push(s);
  };

  const qPair = (st: number, ts: number, lnS: number, lnT: number): number =>
    st + ts > 0 ? g(st) + g(ts) - (st + ts) * (lnS + lnT) : 0;

  /** q row of slot s against every active slot (and its diagonal). */
  const fillQ = (s: number) => {
    const rs = s * K;
    for (const e of slots) {
      const v = e === s ? (n2[rs + s] > 0 ? g(n2[rs + s]) - 2 * n2[rs + s] * ln1[s] : 0) : qPair(n2[rs + e], n2t[rs + e], ln1[s], ln1[e]);
      q[rs + e] = v;
      q[e * K + s] = v;
    }
  };
  const fillLs = (s: number) => {
    for (const e of slots) {
      const v = Math.log(n1[s] + n1[e]);
      ls[s * K + e] = v;
      ls[e * K + s] = v;
    }
  };

  /** Loss of merging active slots s and t, from scratch: O(C). */
  const computeLoss = (s: number, t: number): number => {
    const rs = s * K;
    const rt = t * K;
    const lnST = ls[rs + t];
    let delta = 0;
    for (const e of slots) {
      if (e === s || e === t) continue;
      const a = n2[rs + e] + n2[rt + e];
      const b = n2t[rs + e] + n2t[rt + e];
      if (a + b === 0) continue;
      delta += g(a) + g(b) - (a + b) * (lnST + ln1[e]) - q[rs + e] - q[rt + e];
    }
    const self = n2[rs + s] + n2[rs + t] + n2[rt + s] + n2[rt + t];
    if (self > 0) delta += g(self) - 2 * self * lnST;
    delta -= q[rs + s] + q[rt + t] + q[rs + t];
    return -delta;
  };
  const setLoss = (s: number, t: number, v: number) => {
    if (s < t) loss[s * K + t] = v - off[s] - off[t];
    else loss[t * K + s] = v - off[s] - off[t];
  };
  const getLoss = (s: number, t: number): number => (s < t ? loss[s * K + t] : loss[t * K + s]) + off[s] + off[t];

  // scratch vectors over slots
  const ra = new Float64Array(K), la = new Float64Array(K), rb = new Float64Array(K), lb = new Float64Array(K);
  const qa = new Float64Array(K), qb = new Float64Array(K), qm = new Float64Array(K);
  const u = new Float64Array(K);
  const nbrMark = new Uint8Array(K);

  /** Put word w into the free slot f and bring every table up to date. */
  const addWord = (w: number, f: number) => {
    const rf = f * K;
    active[f] = 1;
    slotRoot[f] = w;
    rootSlot[w] = f;
    n1[f] = count[w];
    ln1[f] = Math.log(count[w]);
    off[f] = 0;
    rebuildSlots();
    const nbrs: number[] = [];
    const touch = (s: number) => {
      if (!nbrMark[s]) {
        nbrMark[s] = 1;
        nbrs.push(s);
      }
    };
    for (let i = input.rightStart[w]; i < input.rightStart[w + 1]; i++) {
      const x = input.rightWord[i];
      if (x > w) continue; // not entered yet
      const s = rootSlot[find(x)];
      n2[rf + s] += input.rightCount[i];
      n2t[s * K + f] += input.rightCount[i];
      touch(s);
    }
    for (let i = input.leftStart[w]; i < input.leftStart[w + 1]; i++) {
      const x = input.leftWord[i];
      if (x >= w) continue; // entered later, or the self-bigram already counted from the right
      const s = rootSlot[find(x)];
      n2[s * K + f] += input.leftCount[i];
      n2t[rf + s] += input.leftCount[i];
      touch(s);
    }
    fillQ(f);
    fillLs(f);
    let sumF = 0;
    for (const e of nbrs) {
      if (e === f) continue;
      const x = n2[rf + e] + n2t[rf + e];
      rowSum[e] += x;
      sumF += x;
    }
    rowSum[f] = sumF;
    // every existing pair (c, d) gains the term of f as a third cluster; it is zero unless f meets c or d
    for (const c of nbrs) {
      if (c === f) continue;
      for (const d of slots) {
        if (d === f || d === c || (nbrMark[d] && d < c)) continue;
        const lo = c < d ? c : d;
        const hi = c < d ? d : c;
        const a = n2[lo * K + f] + n2[hi * K + f];
        const b = n2t[lo * K + f] + n2t[hi * K + f];
        const t = qPair(a, b, ls[lo * K + hi], ln1[f]) - q[lo * K + f] - q[hi * K + f];
        loss[lo * K + hi] -= t;
      }
    }
    // losses of f with every other slot: clusters f never meets contribute in closed form
    for (const d of slots) {
      if (d === f) continue;
      const rd = d * K;
      const lnFD = ls[rf + d];
      let delta = 0;
      let shared = n2[rd + f] + n2t[rd + f]; // with f itself, excluded from the "others"
      for (const e of nbrs) {
        if (e === f || e === d) continue;
        const a = n2[rf + e] + n2[rd + e];
        const b = n2t[rf + e] + n2t[rd + e];
        delta += qPair(a, b, lnFD, ln1[e]) - q[rf + e] - q[rd + e];
        shared += n2[rd + e] + n2t[rd + e];
      }
      delta -= (rowSum[d] - shared) * (lnFD - ln1[d]);
      const self = n2[rf + f] + n2[rf + d] + n2[rd + f] + n2[rd + d];
      if (self > 0) delta += g(self) - 2 * self * lnFD;
      delta -= q[rf + f] + q[rd + d] + q[rf + d];
      setLoss(f, d, -delta);
    }
    for (const s of nbrs) nbrMark[s] = 0;
  };

  /** The active pair with the least loss (ties: lowest slots). */
  const bestPair = (): [number, number] => {
    if (verify) {
      for (const d of slots) {
        let sum = 0;
        for (const e of slots) if (e !== d) sum += n2[d * K + e] + n2t[d * K + e];
        if (Math.abs(sum - rowSum[d]) > 1e-9 * Math.max(1, sum)) throw new Error(`brown: row sum of ${d} is ${rowSum[d]}, should be ${sum}`);
      }
      for (let i = 0; i < slots.length; i++) {
        for (let j = i + 1; j < slots.length; j++) {
          const want = computeLoss(slots[i], slots[j]);
          const got = getLoss(slots[i], slots[j]);
          if (Math.abs(want - got) > 1e-6 * Math.max(1, Math.abs(want))) throw new Error(`brown: loss(${slots[i]}, ${slots[j]}) is ${got}, should be ${want}`);
        }
      }
    }
    let best = Infinity;
    let bs = -1;
    let bt = -1;
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i];
      const rs = s * K;
      const os = off[s];
      for (let j = i + 1; j < slots.length; j++) {
        const v = loss[rs + slots[j]] + os + off[slots[j]];
        if (v < best) {
          best = v;
          bs = s;
          bt = slots[j];
        }
      }
    }
    return [bs, bt];
  };

  /**
   * Losses of the merged cluster m = a ∪ b with every other slot d, from the losses of the
   * denser of the two (B) when the other (S) meets few clusters: for a cluster e that S never
   * meets, m's term with e differs from B's only by the pair sizes inside the logarithms, so
   * those terms are summed in closed form from row sums; only S's neighbours are visited.
   * O(C·|neighbours of S|) instead of O(C²). Reads the tables before the merge.
   */
  const sparseMergedLosses = (a: number, b: number, B: number, S: number, nbrsS: number[], out: Float64Array) => {
    const rA = a * K, rBb = b * K, rB = B * K, rS = S * K;
    const nM = n1[a] + n1[b];
    const lnM = Math.log(nM), lnB = ln1[B];
    const others = nbrsS.includes(S) ? nbrsS : [...nbrsS, S];
    const nMM = n2[rA + a] + n2[rA + b] + n2[rBb + a] + n2[rBb + b];
    const qMM = nMM > 0 ? g(nMM) - 2 * nMM * lnM : 0;
    for (const d of slots) {
      if (d === a || d === b) continue;
      const rd = d * K;
      const lnBD = ls[rB + d];
      const lnMD = Math.log(nM + n1[d]);
      // B's loss with d, less its self terms: the sum of B's terms with every third cluster
      const selfB = n2[rB + B] + n2[rB + d] + n2[rd + B] + n2[rd + d];
      const sB = (selfB > 0 ? g(selfB) - 2 * selfB * lnBD : 0) - q[rB + B] - q[rd + d] - q[rB + d];
      let sumRest = -getLoss(B, d) - sB;
      let restB = rowSum[B] - (n2[rB + d] + n2t[rB + d]);
      let restD = rowSum[d] - (n2[rd + B] + n2t[rd + B]);
      let sumNew = 0;
      for (const e of others) {
        if (e === B || e === d) continue;
        restB -= n2[rB + e] + n2t[rB + e];
        restD -= n2[rd + e] + n2t[rd + e];
        sumRest -= qPair(n2[rB + e] + n2[rd + e], n2t[rB + e] + n2t[rd + e], lnBD, ln1[e]) - q[rB + e] - q[rd + e];
        if (e === S) continue;
        sumNew += qPair(n2[rB + e] + n2[rS + e] + n2[rd + e], n2t[rB + e] + n2t[rS + e] + n2t[rd + e], lnMD, ln1[e]) - qm[e] - q[rd + e];
      }
      // the clusters S never meets: same counts, larger pair sizes
      sumNew += sumRest - (lnMD - lnBD) * (restB + restD) + (lnM - lnB) * restB;
      const selfM = nMM + n2[rA + d] + n2[rBb + d] + n2[rd + a] + n2[rd + b] + n2[rd + d];
      const sM = (selfM > 0 ? g(selfM) - 2 * selfM * lnMD : 0) - qMM - q[rd + d] - qm[d];
      out[d] = -sumNew - sM;
    }
  };
  const mergedLoss = new Float64Array(K);

  /** Merge slot b into slot a (a < b); slot b becomes free. */
  const merge = (a: number, b: number) => {
    const rA = a * K;
    const rB = b * K;
    const nM = n1[a] + n1[b];
    const lnA = ln1[a], lnB = ln1[b], lnM = Math.log(nM);
    const nbrsA: number[] = [];
    const nbrsB: number[] = [];
    for (const c of slots) {
      ra[c] = n2t[rA + c]; // n(c → a)
      la[c] = n2[rA + c]; // n(a → c)
      rb[c] = n2t[rB + c];
      lb[c] = n2[rB + c];
      qa[c] = q[rA + c];
      qb[c] = q[rB + c];
      qm[c] = qPair(ra[c] + rb[c], la[c] + lb[c], ln1[c], lnM);
      if (ra[c] + la[c] > 0) nbrsA.push(c);
      if (rb[c] + lb[c] > 0) nbrsB.push(c);
    }
    const sparse = Math.min(nbrsA.length, nbrsB.length) * SPARSE_RATIO < slots.length;
    if (sparse) {
      if (nbrsA.length >= nbrsB.length) sparseMergedLosses(a, b, a, b, nbrsB, mergedLoss);
      else sparseMergedLosses(a, b, b, a, nbrsA, mergedLoss);
    }
    // every pair (c, d) away from a and b: its terms with a and b give way to m. Where the sparser
    // of the two (S) meets neither c nor d, the change is u[c] + u[d] (only pair sizes move inside
    // the logarithms), kept in off[]; the pairs S meets get their exact change
    const sIsB = nbrsB.length <= nbrsA.length;
    const nbrsS = sIsB ? nbrsB : nbrsA;
    const rD = sIsB ? ra : rb, lD = sIsB ? la : lb, qD = sIsB ? qa : qb;
    const lnD = sIsB ? lnA : lnB;
    for (const c of slots) {
      if (c === a || c === b) continue;
      u[c] = (rD[c] + lD[c]) * (lnM - lnD) - qD[c] + qm[c];
      off[c] += u[c];
    }
    for (const c of nbrsS) nbrMark[c] = 1;
    for (const c of nbrsS) {
      if (c === a || c === b) continue;
      for (const d of slots) {
        if (d === a || d === b || d === c || (nbrMark[d] && d < c)) continue;
        const lo = c < d ? c : d;
        const hi = c < d ? d : c;
        const lnCD = ls[lo * K + hi];
        const aR = ra[c] + ra[d], aL = la[c] + la[d];
        const bR = rb[c] + rb[d], bL = lb[c] + lb[d];
        const tA = g(aR) + g(aL) - (aR + aL) * (lnCD + lnA) - qa[c] - qa[d];
        const tB = g(bR) + g(bL) - (bR + bL) * (lnCD + lnB) - qb[c] - qb[d];
        const mR = aR + bR, mL = aL + bL;
        const tM = g(mR) + g(mL) - (mR + mL) * (lnCD + lnM) - qm[c] - qm[d];
        loss[lo * K + hi] += tA + tB - tM - u[c] - u[d];
      }
    }
    for (const c of nbrsS) nbrMark[c] = 0;
    rowSum[a] += rowSum[b] - 2 * (n2[rA + b] + n2[rB + a]);
    rowSum[b] = 0;
    // counts of the merged cluster into slot a
    for (let e = 0; e < K; e++) n2[rA + e] += n2[rB + e];
    for (let e = 0; e < K; e++) n2[e * K + a] += n2[e * K + b];
    for (let e = 0; e < K; e++) {
      n2[rB + e] = 0;
      n2[e * K + b] = 0;
    }
    for (let e = 0; e < K; e++) {
      n2t[rA + e] = n2[e * K + a];
      n2t[e * K + a] = n2[rA + e];
      n2t[rB + e] = 0;
      n2t[e * K + b] = 0;
    }
    n1[a] = nM;
    ln1[a] = lnM;
    n1[b] = 0;
    active[b] = 0;
    const ra0 = find(slotRoot[a]);
    const rb0 = find(slotRoot[b]);
    parent[rb0] = ra0;
    rootSlot[rb0] = -1;
    slotRoot[b] = -1;
    rebuildSlots();
    for (let e = 0; e < K; e++) {
      q[rB + e] = 0;
      q[e * K + b] = 0;
    }
    fillQ(a);
    fillLs(a);
    for (const d of slots) if (d !== a) setLoss(a, d, sparse ? mergedLoss[d] : computeLoss(a, d));
  };

  // the C most frequent words start as clusters of their own
  for (let w = 0; w < C; w++) {
    active[w] = 1;
    slotRoot[w] = w;
    rootSlot[w] = w;
    n1[w] = count[w];
    ln1[w] = Math.log(count[w]);
  }
  rebuildSlots();
  for (let w = 0; w < C; w++) {
    for (let i = input.rightStart[w]; i < input.rightStart[w + 1]; i++) {
      const x = input.rightWord[i];
      if (x >= C) continue;
      n2[w * K + x] += input.rightCount[i];
      n2t[x * K + w] += input.rightCount[i];
    }
  }
  for (const s of slots) fillQ(s);
  for (const s of slots) fillLs(s);
  for (const d of slots) for (const e of slots) if (e !== d) rowSum[d] += n2[d * K + e] + n2t[d * K + e];
  for (let i = 0; i < slots.length; i++) for (let j = i + 1; j < slots.length; j++) setLoss(slots[i], slots[j], computeLoss(slots[i], slots[j]));

  let free = C;
  for (let w = C; w < V; w++) {
    addWord(w, free);
    const [a, b] = bestPair();
    merge(a, b);
    free = b;
    if (progress && (w - C) % 1000 === 0) progress(w, V);
  }

  // average mutual information of the flat clustering (for the manifest)
  let mi = 0;
  for (let i = 0; i < slots.length; i++) for (let j = i; j < slots.length; j++) mi += q[slots[i] * K + slots[j]];
  mi /= N;

  // the hierarchy over the C clusters left
  const leafOfSlot = new Int32Array(K).fill(-1);
  const nodeOfSlot = new Int32Array(K).fill(-1);
  slots.forEach((s, i) => {
    leafOfSlot[s] = i;
    nodeOfSlot[s] = i;
  });
  const leaves = slots.length;
  const left: number[] = [];
  const right: number[] = [];
  const cluster = new Int32Array(V);
  for (let w = 0; w < V; w++) cluster[w] = leafOfSlot[rootSlot[find(w)]];
  while (slots.length > 1) {
    const [a, b] = bestPair();
    left.push(nodeOfSlot[a]);
    right.push(nodeOfSlot[b]);
    merge(a, b);
    nodeOfSlot[a] = leaves + left.length - 1;
    nodeOfSlot[b] = -1;
  }
  const paths = new Array<string>(leaves).fill('');
  const walk = (node: number, path: string) => {
    if (node < leaves) {
      paths[node] = path;
      return;
    }
    walk(left[node - leaves], path + '0');
    walk(right[node - leaves], path + '1');
  };
  if (leaves === 1) paths[0] = '0';
  else walk(nodeOfSlot[slots[0]], '');
  return { cluster, paths, mutualInformation: mi };
}

/**
 * BrownInput from token sequences (small corpora and tests; train/representations.ts builds
 * its input with typed arrays instead). Words with fewer than `minCount` occurrences are left
 * out; bigrams stay within a sequence.
 */
export function brownInputFromSequences(sequences: readonly (readonly string[])[], minCount = 1): { input: BrownInput; words: string[] } {
  const counts = new Map<string, number>();
  for (const s of sequences) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  const words = [...counts.keys()].filter((w) => counts.get(w)! >= minCount);
  words.sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const id = new Map(words.map((w, i) => [w, i]));
  const V = words.length;
  const right = Array.from({ length: V }, () => new Map<number, number>());
  const left = Array.from({ length: V }, () => new Map<number, number>());
  for (const s of sequences) {
    for (let i = 0; i + 1 < s.length; i++) {
      const a = id.get(s[i]);
      const b = id.get(s[i + 1]);
      if (a === undefined || b === undefined) continue;
      right[a].set(b, (right[a].get(b) ?? 0) + 1);
      left[b].set(a, (left[b].get(a) ?? 0) + 1);
    }
  }
  const csr = (rows: Map<number, number>[]) => {
    const start = new Int32Array(V + 1);
    rows.forEach((r, w) => (start[w + 1] = start[w] + r.size));
    const word = new Int32Array(start[V]);
    const count = new Float64Array(start[V]);
    rows.forEach((r, w) => [...r.entries()].sort((x, y) => x[0] - y[0]).forEach(([x, c], i) => {
      word[start[w] + i] = x;
      count[start[w] + i] = c;
    }));
    return { start, word, count };
  };
  const r = csr(right);
  const l = csr(left);
  return {
    input: {
      V,
      count: Float64Array.from(words, (w) => counts.get(w)!),
      rightStart: r.start, rightWord: r.word, rightCount: r.count,
      leftStart: l.start, leftWord: l.word, leftCount: l.count,
    },
    words,
  };
}
