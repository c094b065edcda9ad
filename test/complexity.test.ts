/**
 * Linear time, proven: every stage of extract, the HTML cleaner and extract as a whole are timed
 * on a 50 KB and a 200 KB text of each adversarial family (test/support/adversarial.ts:
 * organisation/place mixes, lists, quotes, titles, dates, events, pronouns, markup). Four times
 * the text may cost at most five times the time; a quadratic stage costs sixteen.
 *
 * The measuring runs in a child process (bench/complexity.ts) and counts that process's CPU
 * time, the best of two runs with a garbage collection before each stage, so other work on a
 * shared machine disturbs it little. A family whose ratio still looks too high is measured
 * again (best of four) before the test fails. Ratios of very small times are noise: 15 ms is
 * added to both sides, which hides no quadratic stage that matters (one taking 5 ms at 50 KB
 * would take 80 ms at 200 KB, a ratio of 4.75 with the margin, and 3 minutes at 5 MB, so
 * bench:complexity at the sizes in docs/limits.md is the check for that).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Measurement } from '../bench/complexity.js';
import { FAMILIES } from './support/adversarial.js';

const SMALL = 50_000;
const LARGE = 200_000;
const MAX_RATIO = 5;
const NOISE_MS = 15;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BENCH = fileURLToPath(new URL('../bench/complexity.js', import.meta.url));

function measure(families: readonly string[], runs: number): Measurement[] {
  const out = spawnSync(process.execPath, ['--expose-gc', BENCH, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, COMPLEXITY_FAMILIES: families.join(','), COMPLEXITY_SIZES: `${SMALL},${LARGE}`, COMPLEXITY_RUNS: String(runs) },
  });
  assert.equal(out.status, 0, out.stderr);
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as Measurement[];
}

/** Stages of a family whose time grows more than MAX_RATIO times from SMALL to LARGE. */
function tooSlow(ms: Measurement[], family: string): Array<{ stage: string; small: number; large: number; ratio: number }> {
  const small = ms.find((m) => m.family === family && m.bytes === SMALL)!.times;
  const large = ms.find((m) => m.family === family && m.bytes === LARGE)!.times;
  return Object.keys(large)
    .map((stage) => ({ stage, small: small[stage], large: large[stage], ratio: (large[stage] + NOISE_MS) / (small[stage] + NOISE_MS) }))
    .filter((x) => x.ratio > MAX_RATIO);
}

test(`complexity: each stage and the whole of extract, ${SMALL / 1000} KB against ${LARGE / 1000} KB of each adversarial family, within ${MAX_RATIO}×`, { timeout: 20 * 60_000 }, () => {
  const first = measure(FAMILIES, 2);
  const suspects = FAMILIES.filter((f) => tooSlow(first, f).length > 0);
  // a suspect is measured twice more, each time in a fresh process, and fails only when both agree:
  // a linear stage near the limit measured ×3.0 and ×5.2 in two such runs on a quiet machine (one
  // major collection or compilation landing in the large run), while a quadratic stays far above it
  // (the times stage's was ×9)
  const again = suspects.length ? measure(suspects, 4) : [];
  const third = suspects.length ? measure(suspects, 4) : [];
  const report: string[] = [];
  for (const family of FAMILIES) {
    if (!suspects.includes(family)) continue;
    const confirmed = new Set(tooSlow(third, family).map((s) => s.stage));
    for (const s of tooSlow(again, family)) {
      if (confirmed.has(s.stage)) report.push(`${family}/${s.stage}: ${s.small.toFixed(0)} ms → ${s.large.toFixed(0)} ms (×${s.ratio.toFixed(1)})`);
    }
  }
  // the measurement saw every stage of every family
  for (const family of FAMILIES) {
    const large = first.find((m) => m.family === family && m.bytes === LARGE)!.times;
    for (const stage of ['tokenize', 'parse', 'times', 'ner', 'names', 'entities', 'actors', 'relations', 'quotes', 'events', 'extract']) assert.ok(large[stage] >= 0, `${family}: no time for ${stage}`);
    if (family === 'markup') assert.ok(large.html > 0, 'markup: the HTML cleaner was timed');
  }
  assert.deepEqual(report, [], `stages whose time grows faster than the text:\n${report.join('\n')}`);
});
