/**
 * Before/after throughput of `extract` in one process: this build, another build's dist/ (the
 * baseline: a checkout of the commit before a change, built with tsc), and compromise, in
 * alternating rounds after a warm-up, each keeping its fastest round — so machine load falls on
 * all three alike. Outputs are not compared here: use eval/lexicon-identity.ts for that.
 *
 * Usage: node dist/bench/extract-baseline.js /path/to/other/dist   [BENCH_ROUNDS=4]
 * (the baseline's dist/ must sit in a checkout with node_modules and models, e.g. a copy of
 * dist/ made inside this worktree before the change: `cp -r dist dist-base`)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import nlp from 'compromise';
import datesPlugin from 'compromise-dates';
import { extract } from '../src/extract.js';

interface Article { id: string; text: string; published?: string | null }
type Extract = typeof extract;

const baseDir = process.argv[2];
if (!baseDir) {
  console.error('usage: extract-baseline DIST_DIR_OF_BASELINE');
  process.exit(2);
}
const baseline = (await import(pathToFileURL(resolve(baseDir, 'src/extract.js')).href)) as { extract: Extract };

const root = join(process.cwd(), 'examples');
const docs = readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(readFileSync(join(root, f), 'utf8')) as Article);
const words = docs.reduce((n, d) => n + d.text.split(/\s+/).filter(Boolean).length, 0);
const nlpDates = nlp.extend(datesPlugin as Parameters<typeof nlp.extend>[0]);

const run = (fn: Extract) => () => { for (const d of docs) fn({ id: d.id, text: d.text, published: d.published ?? null }); };
const tasks: Array<[string, () => void]> = [
  ['baseline extract', run(baseline.extract)],
  ['this build extract', run(extract)],
  ['compromise', () => {
    for (const d of docs) {
      const doc = nlpDates(d.text) as ReturnType<typeof nlp> & { dates?: () => { json: () => unknown } };
      doc.people().json(); doc.places().json(); doc.organizations().json(); doc.quotations().json(); doc.dates?.().json();
    }
  }],
];
for (const [, t] of tasks) t();
// an even number of rounds, the two builds taking turns to go first: with one order only, the
// build measured second ran up to 16 % slower than an identical copy of itself (6 Dec, speed11)
const rounds = 2 * Math.ceil(Number(process.env.BENCH_ROUNDS ?? 4) / 2);
// wall time and CPU time (user + system of the process) per round, fastest of each: on a shared
// machine the CPU time is the steadier of the two (waiting for a core does not count)
const best = tasks.map(() => Infinity);
const bestCpu = tasks.map(() => Infinity);
for (let r = 0; r < rounds; r++) {
  const order = r % 2 === 0 ? [0, 1, 2] : [1, 0, 2];
  for (const i of order) {
    const t = tasks[i][1];
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    t();
    best[i] = Math.min(best[i], performance.now() - t0);
    const c = process.cpuUsage(c0);
    bestCpu[i] = Math.min(bestCpu[i], (c.user + c.system) / 1000);
  }
}
const wps = best.map((ms) => words / (ms / 1000));
const cps = bestCpu.map((ms) => words / (ms / 1000));
console.log(`corpus: ${docs.length} articles, ${words.toLocaleString('en')} words; fastest of ${rounds} alternating rounds, the builds taking turns to go first; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
tasks.forEach(([name], i) => console.log(`${name.padEnd(20)} wall ${best[i].toFixed(0).padStart(6)} ms/round ${Math.round(wps[i]).toLocaleString('en').padStart(8)} words/s${i < 2 ? ` ${(wps[i] / wps[2]).toFixed(2)}× compromise` : '                 '} | CPU ${bestCpu[i].toFixed(0).padStart(6)} ms/round${i < 2 ? ` ${(cps[i] / cps[2]).toFixed(2)}× compromise` : ''}`));
console.log(`this build / baseline: ${(best[0] / best[1]).toFixed(2)}× faster by wall time, ${(bestCpu[0] / bestCpu[1]).toFixed(2)}× by CPU time`);
