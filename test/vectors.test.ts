import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bisect, trainSgns } from '../train/vectors.js';

// A corpus of two worlds that never share a context word: companies that "announced" and
// "hired", rivers that "flooded" and "froze". Their vectors must land on different sides of
// the tree's first split, and the same options must give the same tree.
function corpus(): { ids: Int32Array; counts: Float64Array; words: string[] } {
  const words = ['Acme', 'Globex', 'Initech', 'Umbrella', 'announced', 'hired', 'staff', 'profits', 'Danube', 'Rhine', 'Volga', 'Loire', 'flooded', 'froze', 'banks', 'valley'];
  const id = new Map(words.map((w, i) => [w, i]));
  const firms = words.slice(0, 4);
  const rivers = words.slice(8, 12);
  const out: number[] = [];
  let r = 7;
  const pick = <T>(xs: T[]) => xs[((r = (r * 1103515245 + 12345) >>> 0) >>> 16) % xs.length];
  for (let s = 0; s < 3000; s++) {
    const sentence = s % 2 === 0 ? [pick(firms), pick(['announced', 'hired']), pick(['staff', 'profits'])] : [pick(rivers), pick(['flooded', 'froze']), pick(['banks', 'valley'])];
    for (const w of sentence) out.push(id.get(w)!);
    out.push(-1);
  }
  const counts = new Float64Array(words.length);
  for (const x of out) if (x >= 0) counts[x]++;
  return { ids: Int32Array.from(out), counts, words };
}

test('skip-gram vectors and their 2-means tree separate words used in different contexts, deterministically', () => {
  const { ids, counts, words } = corpus();
  const opts = { dim: 16, window: 2, negative: 3, epochs: 3, sample: 1, seed: 1, minLeaf: 2, maxDepth: 6 };
  const run = () => {
    const vecs = trainSgns(ids, counts, opts);
    for (let v = 0; v < words.length; v++) {
      let s = 0;
      for (let k = 0; k < opts.dim; k++) s += vecs[v * opts.dim + k] ** 2;
      for (let k = 0; k < opts.dim; k++) vecs[v * opts.dim + k] /= Math.sqrt(s) || 1;
    }
    // the tree over the sentence subjects: firms and rivers
    return bisect(vecs, opts.dim, [0, 1, 2, 3, 8, 9, 10, 11], opts);
  };
  const paths = run();
  assert.equal(paths.size, 8);
  const firstBit = (w: string) => paths.get(words.indexOf(w))!.charAt(0);
  const firms = ['Acme', 'Globex', 'Initech', 'Umbrella'].map(firstBit);
  const rivers = ['Danube', 'Rhine', 'Volga', 'Loire'].map(firstBit);
  assert.equal(new Set(firms).size, 1, `firms on one side: ${firms}`);
  assert.equal(new Set(rivers).size, 1, `rivers on one side: ${rivers}`);
  assert.notEqual(firms[0], rivers[0]);
  assert.deepEqual([...run()], [...paths], 'same options, same tree');
});
