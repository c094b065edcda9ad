/**
 * The ranker's thresholds (train/coref-thresholds.ts): the target must hold on every cross-validated group and on the
 * fresh halves pooled; among the thresholds that keep it, the most right links win.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseReadableThresholds, countsAt, thresholdGrid, thresholdTable, type RecordSet } from '../train/coref-thresholds.js';
import type { RulesRelation } from '../src/extract/coref/model.js';
import type { LinkRecord } from '../train/coref-score.js';

/** A ranker link and the gold mention it answers, right or wrong, at a score. */
function pair(score: number, right: boolean, relation?: RulesRelation): LinkRecord[] {
  const link: LinkRecord = { what: 'link', kind: 'he/she', text: 'he', start: 0, linked: 'X', gold: 'X', right, score, ...(relation ? { relation } : {}) };
  return [link, { ...link, what: 'gold', right }];
}

const set = (name: string, links: [number, boolean, RulesRelation?][]): RecordSet => ({ name, records: links.flatMap(([s, r, rel]) => pair(s, r, rel)) });

test('a threshold must keep precision on the fresh halves as well as on cross-validation', () => {
  // cross-validation alone links down to 0.32 (9 of 9 right; 9 of 10 at 0.31)
  const cv = [set('CV news+int', [[0.9, true], [0.8, true], [0.7, true], [0.6, true], [0.5, true], [0.4, true], [0.35, true], [0.33, true], [0.32, true], [0.31, false]])];
  cv.push({ name: 'CV all', records: cv[0].records });
  // the fresh halves: the links under 0.6 are mostly wrong
  const fresh = [set('fresh13 A', [[0.95, true], [0.9, true], [0.55, false]]), set('fresh16 A', [[0.85, true], [0.7, true], [0.5, false], [0.45, false]])];
  // (on a grid of 0.05: at 0.3 all ten links, 0.9 precision)
  const alone = chooseReadableThresholds({ cv, fresh: [] }, 0.85);
  assert.equal(alone.thresholds['he/she'], 0.3);
  const chosen = chooseReadableThresholds({ cv, fresh }, 0.85);
  assert.equal(chosen.thresholds['he/she'], 0.6);
  // no scored link of a kind: never link
  assert.equal(chosen.thresholds.description, 1.01);
  const pooled = fresh.flatMap((s) => s.records);
  assert.deepEqual(countsAt(pooled, 'he/she', 0.6), { gold: 7, right: 4, linked: 4, linkedRight: 4 });
});

test('links against the rules\' choice get a threshold of their own', () => {
  // agreeing with the rules the ranker is right even when unsure; against them it is wrong even when sure
  const cv = [set('CV', [[0.9, true], [0.5, true], [0.4, true], [0.35, true], [0.95, false, 'against'], [0.9, true, 'against'], [0.6, false, 'against']])];
  cv.push({ name: 'CV all', records: cv[0].records });
  const fresh = [set('fresh', [[0.7, true], [0.45, true], [0.97, false, 'against']])];
  const chosen = chooseReadableThresholds({ cv, fresh }, 0.85);
  assert.equal(chosen.thresholds['he/she'], 0.35);
  assert.equal(chosen.relationThresholds['he/she|against'], 1.01);
});

test('the threshold table prints each set at each threshold', () => {
  const table = thresholdTable([set('a', [[0.9, true], [0.4, false]])], 'he/she', thresholdGrid([0.42]));
  const lines = table.split('\n');
  assert.match(lines[0], /^he\/she: threshold \| a \| right in sum$/);
  assert.ok(lines.some((l) => l.startsWith('  0.42 | 0.50 / 1.00 (1) | 1')));
  assert.ok(lines.some((l) => l.startsWith('  0.00 | 0.50 / 0.50 (2) | 1')));
});

test('a ranker link against the rules\' choice is written only above its relation\'s threshold', async () => {
  const { CorefModel, useCorefModel } = await import('../src/extract/coref/model.js');
  const { doc, linkOf } = await import('./helpers/coref-links.js');
  const text = 'Maria Santos met Ana Ruiz in Lisbon on Monday. She thanked the negotiators.';
  // the rules take the subject; this ranker takes the person in the object, sure of it
  const weights = new Map([['t|she|PERSON', 4], ['lr|she|obj', 4]]);
  const rules = linkOf(doc(text), 'She');
  assert.equal(rules, 'Maria Santos');
  try {
    useCorefModel(new CorefModel(weights, { 'he/she': 0.5, it: 1.01, they: 1.01, description: 1.01 }));
    assert.equal(linkOf(doc(text), 'She'), 'Ana Ruiz');
    const model = new CorefModel(weights, { 'he/she': 0.5, it: 1.01, they: 1.01, description: 1.01 }, undefined, { 'he/she|against': 1.01 });
    assert.equal(model.threshold('he/she', 'against'), 1.01);
    assert.equal(model.threshold('he/she', 'agree'), 0.5);
    useCorefModel(model);
    // against the rules and below 1.01: no link (the ranker's pronouns are its own: the rules do not step in)
    assert.equal(linkOf(doc(text), 'She'), '');
  } finally {
    useCorefModel(undefined);
  }
});
