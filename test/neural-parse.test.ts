import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildVocab, NeuralParser, type NeuralConfig, type NeuralSentence, type Pretrained } from '../src/nlp/neural/parser.js';
import { Adam } from '../src/nlp/neural/param.js';
import { bestTree, treeScore } from '../src/nlp/neural/mst.js';
import { seededRandom } from '../src/nlp/random.js';
import { BrownClusters } from '../src/nlp/representations.js';

const TINY: NeuralConfig = {
  wordDim: 3, xposDim: 2, uposDim: 2, suffixDim: 2, clusterDim: 0, hidden: 3, layers: 2, arcDim: 4, labelDim: 3,
  dropout: 0, embedDropout: 0, wordDropAlpha: 0, seed: 7,
};

const sentence = (forms: string[], xpos: string[], upos: string[], head: number[], deprel: string[]): NeuralSentence =>
  ({ forms, xpos, upos, head: Int32Array.from(head), deprel });

const SENTS: NeuralSentence[] = [
  sentence(['Rebels', 'freed', 'two', 'hostages', '.'], ['NNS', 'VBD', 'CD', 'NNS', '.'], ['NOUN', 'VERB', 'NUM', 'NOUN', 'PUNCT'], [2, 0, 4, 2, 2], ['nsubj', 'root', 'nummod', 'obj', 'punct']),
  sentence(['The', 'army', 'freed', 'rebels', '.'], ['DT', 'NN', 'VBD', 'NNS', '.'], ['DET', 'NOUN', 'VERB', 'NOUN', 'PUNCT'], [2, 3, 0, 3, 3], ['det', 'nsubj', 'root', 'obj', 'punct']),
  sentence(['Two', 'hostages', 'left', 'on', 'Monday', '.'], ['CD', 'NNS', 'VBD', 'IN', 'NNP', '.'], ['NUM', 'NOUN', 'VERB', 'ADP', 'PROPN', 'PUNCT'], [2, 3, 0, 5, 3, 3], ['nummod', 'nsubj', 'root', 'case', 'obl', 'punct']),
];

const PRETRAINED: Pretrained = { dim: 2, index: new Map([['freed', 0], ['hostages', 1]]), vectors: Float32Array.from([0.3, -0.2, 0.1, 0.5]) };

test('neural parser: analytic gradients match finite differences on every parameter', () => {
  const clusters = new BrownClusters([['freed', '0110'], ['left', '0111'], ['hostages', '10'], ['rebels', '11']]);
  const parser = new NeuralParser(buildVocab(SENTS, 1), { ...TINY, clusterDim: 2 }, PRETRAINED, clusters);
  const random = seededRandom(3);
  // every weight nonzero, so that no path is silenced by the zero-initialised biaffine tensors
  for (const p of parser.params()) for (let i = 0; i < p.w.length; i++) p.w[i] = random() - 0.5;
  const s = SENTS[2];
  for (const p of parser.params()) p.g.fill(0);
  parser.train(s);
  const analytic = parser.params().map((p) => Float64Array.from(p.g));
  let checked = 0;
  parser.params().forEach((p, k) => {
    // a few weights of each parameter (all of the small ones, and all of the label biaffine V, whose
    // gradient is summed per head over the head's dependents: head 3 of this sentence has three)
    const picks = p.w.length <= 12 || p.name === 'labV' ? [...p.w.keys()] : [0, 1, p.w.length >> 1, p.w.length - 1, Math.floor(random() * p.w.length)];
    for (const i of picks) {
      const w0 = p.w[i];
      p.w[i] = w0 + 1e-3;
      const plus = parser.train(s).loss;
      const up = p.w[i];
      p.w[i] = w0 - 1e-3;
      const minus = parser.train(s).loss;
      const down = p.w[i];
      p.w[i] = w0;
      const numeric = (plus - minus) / (up - down);
      const a = analytic[k][i];
      assert.ok(Math.abs(numeric - a) <= 2e-3 + 2e-2 * Math.abs(numeric), `${p.name}[${i}]: analytic ${a}, numeric ${numeric}`);
      checked++;
    }
  });
  assert.ok(checked > 80, `checked ${checked} weights`);
});

test('neural parser: learns three sentences by heart, deterministically', () => {
  const run = () => {
    const parser = new NeuralParser(buildVocab(SENTS, 1), { ...TINY, wordDim: 8, hidden: 8, arcDim: 8, labelDim: 8 }, null);
    const adam = new Adam(parser.params(), { lr: 0.02, beta1: 0.9, beta2: 0.9, eps: 1e-8, clip: 5 });
    let loss = 0;
    for (let epoch = 0; epoch < 60; epoch++) {
      let words = 0;
      loss = 0;
      for (const s of SENTS) {
        const r = parser.train(s);
        loss += r.loss;
        words += r.words;
      }
      adam.step(words);
    }
    return { parser, loss };
  };
  const a = run();
  for (const s of SENTS) {
    const p = a.parser.parse(s);
    assert.deepEqual([...p.head], [...s.head!]);
    assert.deepEqual(p.deprel, s.deprel);
  }
  assert.equal(run().loss, a.loss);
});

test('bestTree: the best tree with one root dependent, as brute force finds it', () => {
  const random = seededRandom(11);
  for (let trial = 0; trial < 40; trial++) {
    const N = 2 + (trial % 5);
    const score = Float64Array.from({ length: N * N }, () => Math.floor(random() * 20) - 10);
    const heads = bestTree(score, N);
    assert.ok(isTree(heads, N), `not a tree: ${heads}`);
    assert.equal(treeScore(score, heads, N), bruteForce(score, N), `trial ${trial}`);
  }
});

function isTree(heads: Int32Array, N: number): boolean {
  let rootDeps = 0;
  for (let d = 1; d < N; d++) {
    if (heads[d] === 0) rootDeps++;
    let v = d;
    for (let steps = 0; v !== 0; steps++) {
      if (steps > N || heads[v] < 0 || heads[v] === v) return false;
      v = heads[v];
    }
  }
  return rootDeps === 1;
}

function bruteForce(score: Float64Array, N: number): number {
  const heads = new Int32Array(N).fill(-1);
  let best = -Infinity;
  const go = (d: number) => {
    if (d === N) {
      if (isTree(heads, N)) best = Math.max(best, treeScore(score, heads, N));
      return;
    }
    for (let h = 0; h < N; h++) {
      if (h === d) continue;
      heads[d] = h;
      go(d + 1);
    }
  };
  go(1);
  return best;
}
