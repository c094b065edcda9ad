import assert from 'node:assert/strict';

/** Heads (−1 for the root) form one tree per sentence: exactly one root, every word reaches it. */
export function assertTree(heads: ArrayLike<number>): void {
  const n = heads.length;
  let roots = 0;
  for (let i = 0; i < n; i++) {
    assert.ok(heads[i] >= -1 && heads[i] < n && heads[i] !== i, `bad head ${heads[i]} for word ${i}`);
    if (heads[i] === -1) roots++;
    let j = i;
    let steps = 0;
    while (heads[j] !== -1) {
      j = heads[j];
      assert.ok(++steps <= n, `cycle through word ${i}`);
    }
  }
  if (n > 0) assert.equal(roots, 1);
}
