/**
 * Maximum spanning arborescence (Chu & Liu 1965; Edmonds 1967) over arc scores, with one dependent of
 * the root (Dozat et al. 2017's rule: when the best tree has several, each is tried as the only one).
 * The simple O(n³) contraction form: sentences are short, and scoring the arcs is already O(n²·d).
 */

/**
 * `score[h * N + d]`: the score of head h for dependent d over nodes 0 … N−1, node 0 the root.
 * Returns heads (`heads[0]` = −1) of the best tree in which the root has exactly one dependent.
 */
export function bestTree(score: Float64Array, N: number): Int32Array {
  const heads = chuLiuEdmonds(score, N);
  const rootDeps: number[] = [];
  for (let d = 1; d < N; d++) if (heads[d] === 0) rootDeps.push(d);
  if (rootDeps.length <= 1) return heads;
  let best: Int32Array = heads;
  let bestScore = -Infinity;
  for (const r of rootDeps) {
    const s = score.slice();
    for (let d = 1; d < N; d++) if (d !== r) s[d] = -Infinity;
    const h = chuLiuEdmonds(s, N);
    const total = treeScore(score, h, N);
    if (total > bestScore) (bestScore = total), (best = h);
  }
  return best;
}

export function treeScore(score: Float64Array, heads: Int32Array, N: number): number {
  let s = 0;
  for (let d = 1; d < N; d++) s += score[heads[d] * N + d];
  return s;
}

/** The best arborescence rooted at node 0 (any number of root dependents). */
export function chuLiuEdmonds(score: Float64Array, N: number): Int32Array {
  const heads = new Int32Array(N).fill(-1);
  for (let d = 1; d < N; d++) {
    let best = -1, bestScore = -Infinity;
    for (let h = 0; h < N; h++) {
      if (h === d) continue;
      const s = score[h * N + d];
      if (best < 0 || s > bestScore) (best = h), (bestScore = s);
    }
    heads[d] = best;
  }
  const cycle = findCycle(heads, N);
  if (!cycle) return heads;

  // contract the cycle into one node c; the other nodes keep their order
  const inCycle = new Uint8Array(N);
  for (const v of cycle) inCycle[v] = 1;
  const outside: number[] = [];
  for (let v = 0; v < N; v++) if (!inCycle[v]) outside.push(v);
  const M = outside.length + 1;
  const c = M - 1;
  const s2 = new Float64Array(M * M).fill(-Infinity);
  const enterAt = new Int32Array(M); // for an outside head u: the cycle node its best arc into the cycle reaches
  const leaveFrom = new Int32Array(M); // for an outside dependent v: the cycle node its best arc from the cycle leaves
  let cycleScore = 0;
  for (const v of cycle) cycleScore += score[heads[v] * N + v];
  for (let a = 0; a < outside.length; a++) {
    const u = outside[a];
    for (let b = 0; b < outside.length; b++) if (a !== b) s2[a * M + b] = score[u * N + outside[b]];
    // u → cycle: the best cycle node to enter, breaking its cycle arc
    let bestIn = -Infinity, at = -1;
    for (const v of cycle) {
      const s = score[u * N + v] - score[heads[v] * N + v];
      if (at < 0 || s > bestIn) (bestIn = s), (at = v);
    }
    s2[a * M + c] = bestIn + cycleScore;
    enterAt[a] = at;
    // cycle → u
    let bestOut = -Infinity, from = -1;
    for (const v of cycle) {
      const s = score[v * N + u];
      if (from < 0 || s > bestOut) (bestOut = s), (from = v);
    }
    s2[c * M + a] = bestOut;
    leaveFrom[a] = from;
  }
  const h2 = chuLiuEdmonds(s2, M);
  const out = heads.slice();
  for (let b = 1; b < outside.length; b++) {
    const h = h2[b];
    out[outside[b]] = h === c ? leaveFrom[b] : outside[h];
  }
  const u = h2[c];
  out[enterAt[u]] = outside[u];
  return out;
}

/** a cycle among the heads (node list), or null */
function findCycle(heads: Int32Array, N: number): number[] | null {
  const state = new Uint8Array(N); // 0 unseen, 1 on the current path, 2 done
  for (let start = 1; start < N; start++) {
    if (state[start]) continue;
    const path: number[] = [];
    let v = start;
    while (v > 0 && state[v] === 0) {
      state[v] = 1;
      path.push(v);
      v = heads[v];
    }
    if (v > 0 && state[v] === 1) return path.slice(path.indexOf(v));
    for (const p of path) state[p] = 2;
  }
  return null;
}
