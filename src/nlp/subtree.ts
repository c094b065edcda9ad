/**
 * Dependency subtrees: each word's dependents, and the span a word's subtree covers. One
 * implementation for every stage that asks (tree repair, clause repair, quotes' parse view, role
 * descriptions); a document's own token dependents are Doc.dependents (src/doc.ts), built once.
 */

/** n empty lists (a loop: Array.from with a length object and a callback costs several times as much) */
function emptyLists(n: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < n; i++) out.push([]);
  return out;
}

/** Each word's dependents, in order, from a sentence's head array (-1: the root). */
export function childrenOfHeads(head: ArrayLike<number>): number[][] {
  const children = emptyLists(head.length);
  for (let k = 0; k < head.length; k++) if (head[k] >= 0 && head[k] !== k) children[head[k]].push(k);
  return children;
}

/**
 * First and last index of i's subtree, inclusive (a projective subtree's yield is contiguous, but
 * the extremes are taken anyway); `below`: leave out i's own dependents from that index on.
 */
export function subtreeSpan(children: readonly (readonly number[])[], i: number, below = Infinity): [number, number] {
  let from = i;
  let to = i;
  const stack = [i];
  // a tree visits each word once; the bound only stops a malformed (cyclic) head array
  for (let guard = 0; stack.length && guard < children.length; guard++) {
    const k = stack.pop()!;
    for (const c of children[k]) {
      if (k === i && c >= below) continue;
      if (c < from) from = c;
      if (c > to) to = c;
      stack.push(c);
    }
  }
  return [from, to];
}
