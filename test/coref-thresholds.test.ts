/**
 * The ranker's thresholds (train/coref-thresholds.ts): the target must hold on every cross-validated group and on the
 * fresh halves pooled; among the thresholds that keep it, the most right links win.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseReadableThresholds, countsAt, thresholdGrid, thresholdTable, type RecordSet } from '../train/coref-thresholds.js';
import type { LinkRecord } from '../train/coref-score.js';

/** A ranker link and the gold mention it answers, right or wrong, at a score. */
function pair(score: number, right: boolean, kind: LinkRecord['kind'] = 'he/she'): LinkRecord[] {
  const link: LinkRecord = { what: 'link', kind, text: 'he', start: 0, linked: 'X', gold: 'X', right, score };
  return [link, { ...link, what: 'gold', right }];
}

const set = (name: string, links: [number, boolean][]): RecordSet => ({ name, records: links.flatMap(([s, r]) => pair(s, r)) });

test('a threshold must keep precision on the fresh halves as well as on cross-validation', () => {
  // cross-validation alone links down to 0.32 (9 of 9 right; 9 of 10 at 0.31)
  const cv = [set('CV news+int', [[0.9, true], [0.8, true], [0.7, true], [0.6, true], [0.5, true], [0.4, true], [0.35, true], [0.33, true], [0.32, true], [0.31, false]])];
  cv.push({ name: 'CV all', records: cv[0].records });
  // the fresh halves: the links under 0.6 are mostly wrong
  const fresh = [set('fresh13 A', [[0.95, true], [0.9, true], [0.55, false]]), set('fresh16 A', [[0.85, true], [0.7, true], [0.5, false], [0.45, false]])];
  const alone = chooseReadableThresholds({ cv, fresh: [] }, 0.85);
  // (the wrong link at 0.31 adds no right one: the highest threshold with the most right links)
  assert.equal(alone['he/she'], 0.32);
  const chosen = chooseReadableThresholds({ cv, fresh }, 0.85);
  assert.equal(chosen['he/she'], 0.6);
  // no scored link of a kind: never link
  assert.equal(chosen.description, 1.01);
  const pooled = fresh.flatMap((s) => s.records);
  assert.deepEqual(countsAt(pooled, 'he/she', 0.6), { gold: 7, right: 4, linked: 4, linkedRight: 4 });
});

test('the threshold table prints each set at each threshold', () => {
  const table = thresholdTable([set('a', [[0.9, true], [0.4, false]])], 'he/she', thresholdGrid([0.42]));
  const lines = table.split('\n');
  assert.match(lines[0], /^he\/she: threshold \| a \| right in sum$/);
  assert.ok(lines.some((l) => l.startsWith('  0.42 | 0.50 / 1.00 (1) | 1')));
  assert.ok(lines.some((l) => l.startsWith('  0.00 | 0.50 / 0.50 (2) | 1')));
});
