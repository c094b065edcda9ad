/**
 * Self-training data (train/ner-selftrain.ts): the Viterbi margins that decide which tagged sentences
 * are confident, and the mix that keeps the gold's proportions of sentences with organisations, with
 * other names and with none.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TagSet, viterbi } from '../src/extract/ner-model.js';
import { selectSelfTrain, tokenMargins } from '../train/ner-selftrain.js';

/** Brute force: every tag sequence the tag set allows, scored. */
function allPaths(em: Float32Array, n: number, trans: Float32Array, start: Float32Array, tags: TagSet): { path: number[]; score: number }[] {
  const out: { path: number[]; score: number }[] = [];
  const T = tags.n;
  const walk = (path: number[], score: number) => {
    const i = path.length;
    if (i === n) {
      if (!tags.isOpen(path[n - 1])) out.push({ path: path.slice(), score });
      return;
    }
    for (let t = 0; t < T; t++) {
      if (!tags.allowed(i === 0 ? -1 : path[i - 1], t)) continue;
      const s = score + em[i * T + t] + (i === 0 ? start[t] : trans[path[i - 1] * T + t]);
      path.push(t);
      walk(path, s);
      path.pop();
    }
  };
  walk([], 0);
  return out;
}

test('token margins: the best path against the best path with another tag at the token (brute force)', () => {
  const tags = new TagSet(['ORG'], ['ORG', 'PERSON']);
  const T = tags.n;
  let x = 7;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648) * 4 - 2;
  for (let round = 0; round < 5; round++) {
    const n = 4;
    const em = Float32Array.from({ length: n * T }, rand);
    const trans = Float32Array.from({ length: T * T }, rand);
    const start = Float32Array.from({ length: T }, rand);
    const paths = allPaths(em, n, trans, start, tags);
    const best = paths.reduce((a, b) => (b.score > a.score ? b : a));
    assert.deepEqual([...viterbi(em, n, trans, start, tags)], best.path);
    const margins = tokenMargins(em, n, trans, start, tags);
    for (let i = 0; i < n; i++) {
      const rival = Math.max(...paths.filter((p) => p.path[i] !== best.path[i]).map((p) => p.score));
      assert.ok(Math.abs(margins[i] - (best.score - rival)) < 1e-4, `token ${i}: ${margins[i]} vs ${best.score - rival}`);
    }
  }
});

test('the mix: every confident organisation sentence, the others in the gold proportions, nothing under the margin', () => {
  const s = (margin: number, tags: string[]) => ({ margin, words: tags.map((_, i) => 'w' + i), tags });
  const org = ['B-ORG', 'I-ORG', 'O'];
  const per = ['B-PERSON', 'O', 'O'];
  const none = ['O', 'O', 'O'];
  const f = {
    header: { pages: 2, seed: 1, corpusSha256: '', taggerSha256: {}, sentences: 0, agreeing: 0, consistent: 0, seconds: 0, licence: '' },
    docs: [
      { id: 'enwiki:a', sentences: [s(20, org), s(3, org), s(30, per), s(40, none), s(50, none)] },
      { id: 'enwiki:b', sentences: [s(15, org), s(30, per), s(30, per), s(60, none), s(60, none), s(60, none), s(60, none)] },
    ],
  };
  // gold: 1 organisation sentence to 1 with other names and 2 with none
  const gold = [org, per, none, none];
  const { docs, stats } = selectSelfTrain(f, { pages: 2, seed: 1, margin: 10 }, gold);
  assert.deepEqual(stats.confident, { org: 2, other: 3, empty: 6 });
  assert.deepEqual(stats.kept, { org: 2, other: 2, empty: 4 });
  const all = docs.flatMap((d) => d.sentences);
  assert.equal(all.length, 8);
  assert.ok(docs.every((d) => d.genre === 'selftrain' && d.id.startsWith('selftrain:enwiki:')));
  // the organisation sentence under the margin stays out
  assert.equal(all.filter((x) => x.tags[0] === 'B-ORG').length, 2);
});
