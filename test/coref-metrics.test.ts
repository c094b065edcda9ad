import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bestAssignment, clusterCounts, clustersOf, conllScores } from '../train/coref-metrics.js';
import type { GoldDoc } from '../train/coref-data.js';

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-3, `${a} ≠ ${b}`);

test('MUC, B³ and CEAF-e match the worked example of Pradhan et al. (2014)', () => {
  // key {a b c} {d e f g}; response {a b} {c d} {f g h i}
  const s = conllScores(clusterCounts([['a', 'b', 'c'], ['d', 'e', 'f', 'g']], [['a', 'b'], ['c', 'd'], ['f', 'g', 'h', 'i']]));
  close(s.muc.r, 0.4);
  close(s.muc.p, 0.4);
  close(s.b3.r, 35 / 12 / 7);
  close(s.b3.p, 0.5);
  close(s.ceafe.r, 0.65);
  close(s.ceafe.p, 1.3 / 3);
  close(s.conll, (s.muc.f + s.b3.f + s.ceafe.f) / 3);
});

test('a perfect response scores 1 everywhere; splitting every chain scores MUC 0', () => {
  const key = [['a', 'b', 'c'], ['d', 'e']];
  const perfect = conllScores(clusterCounts(key, key));
  for (const m of [perfect.muc, perfect.b3, perfect.ceafe]) assert.deepEqual([m.r, m.p], [1, 1]);
  const split = conllScores(clusterCounts(key, [['a', 'x'], ['b', 'y'], ['d', 'z']]));
  assert.equal(split.muc.r, 0);
  assert.ok(split.b3.r > 0 && split.b3.r < 1);
});

test('the best assignment is found, not the greedy one', () => {
  // greedy takes 0.9 then 0.1 (1.0); the best pairs 0.8 + 0.8 (1.6)
  close(bestAssignment([[0.9, 0.8], [0.8, 0.1]]), 1.6);
  close(bestAssignment([[0.5], [0.7], [0.2]]), 0.7);
  close(bestAssignment([[0.3, 0.6, 0.1]]), 0.6);
});

test('clusters: system mentions map to the gold mention whose head they hold; singletons and unnamed chains are left out', () => {
  const text = 'Ann Lee said she left. The plan failed because it was late. Bob came.';
  const at = (w: string, from = 0) => text.indexOf(w, from);
  const g = (w: string, group: string, from = 0, head = w) => ({
    start: at(w, from), end: at(w, from) + w.length, headStart: at(head, from), headEnd: at(head, from) + head.length,
    group, etype: 'person', kind: 'other' as const, text: w, inSpeech: false,
  });
  const gold: GoldDoc = {
    id: 'd', genre: 'news', text,
    mentions: [g('Ann Lee', '1', 0, 'Lee'), g('she', '1'), g('The plan', '2', 0, 'plan'), g('it', '2'), g('Bob', '3')],
    named: new Set(['1', '3']),
  };
  const { key, response } = clustersOf([
    { entity: 'e1', start: at('Ann'), end: at('Lee') + 3, kind: null },
    { entity: 'e1', start: at('she'), end: at('she') + 3, kind: 'he/she', score: 0.9 },
    { entity: 'e2', start: at('Bob'), end: at('Bob') + 3, kind: null },
  ], gold);
  assert.deepEqual(key, [[`${at('Ann')}-${at('Lee') + 3}`, `${at('she')}-${at('she') + 3}`]]);
  assert.deepEqual(response, key);
});
