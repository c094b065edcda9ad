import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSeedSpread, type CvReport } from '../eval/entities.js';

/** A report with the pipeline's pooled figures only (what formatSeedSpread reads). */
function report(f1: number, per: [number, number, number], org: [number, number, number]): CvReport {
  const prf = ([p, r, f]: [number, number, number]) => ({ tp: 0, fp: 0, fn: 0, p, r, f1: f });
  const all = { all: prf([0, 0, 0]), coarse: prf([0.8, 0.7, f1]), byCoarse: { PER: prf(per), ORG: prf(org), LOC: prf([0.8, 0.8, 0.8]) }, byType: {} };
  const rec = { all, gum: all, uner: all, other: prf([0, 0, 0]), seconds: 0 };
  return { folds: 5, documents: { gum: 1, uner: 1 }, oBias: 4, train: {} as CvReport['train'], recognisers: { pipeline: rec, 'ner stage': rec } } as unknown as CvReport;
}

test('seed spread: each run, the mean and the sample sd by class, and mean precision / recall', () => {
  const out = formatSeedSpread(['13', '14+15'], [report(0.78, [0.9, 0.8, 0.85], [0.7, 0.6, 0.65]), report(0.8, [0.8, 0.8, 0.8], [0.8, 0.6, 0.69])]);
  const lines = out.split('\n');
  assert.match(lines[2], /^13\s+78\.0\s+85\.0\s+65\.0\s+80\.0/);
  assert.match(lines[3], /^14\+15\s+80\.0\s+80\.0\s+69\.0/);
  assert.match(lines[4], /^mean\s+79\.0\s+82\.5\s+67\.0/);
  // sample standard deviation of 78 and 80
  assert.match(lines[5], /^sd\s+1\.41\s+3\.54\s+2\.83/);
  assert.match(out, /PER 85\.0 \/ 80\.0, ORG 75\.0 \/ 60\.0/);
});
