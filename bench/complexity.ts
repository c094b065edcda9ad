/**
 * Time per pipeline stage on the adversarial families (test/support/adversarial.ts) at growing
 * sizes: shows any stage whose cost grows faster than the text. Times are CPU time of this
 * process (process.cpuUsage), not wall-clock, so other work on a shared machine disturbs them
 * less; each figure is the best of `runs` runs, with a garbage collection before each stage.
 *
 *   npm run bench:complexity                          # every family at 100 KB, 1 MB, 5 MB
 *   COMPLEXITY_SIZES=50000,200000 COMPLEXITY_FAMILIES=org-place npm run bench:complexity
 *   node --expose-gc dist/bench/complexity.js --json  # one JSON line (test/complexity.test.ts)
 */
import { extractArticle } from '../src/ingest/html.js';
import { checkMarkupDepth } from '../src/ingest/limits.js';
import { createPipeline } from '../src/extract.js';
import { Doc } from '../src/doc.js';
import { toResult } from '../src/output/result.js';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { adversarial, FAMILIES, type Family } from '../test/support/adversarial.js';

/** Realistic news: the bundled example articles, one after another, repeated to the size. */
function news(bytes: number): string {
  const root = join(process.cwd(), 'examples');
  const texts = readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.json')).sort()
    .map((f) => (JSON.parse(readFileSync(join(root, f), 'utf8')) as { text: string }).text);
  let out = '';
  for (let i = 0; out.length < bytes; i++) out += texts[i % texts.length] + '\n\n';
  return out.slice(0, bytes);
}

const input = (family: Family | 'news', bytes: number): string => (family === 'news' ? news(bytes) : adversarial(family, bytes));

export type StageTimes = Record<string, number>;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function cpuMs(fn: () => void): number {
  gc();
  const c = process.cpuUsage();
  fn();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
}

const pipeline = createPipeline();

/** CPU milliseconds of each stage (and 'extract', their sum with the result) on one input. */
export function timeStages(family: Family, input: string): StageTimes {
  const t: StageTimes = {};
  let text = input;
  if (family === 'markup') {
    t.html = cpuMs(() => {
      checkMarkupDepth(input);
      text = extractArticle(input).text;
    });
  }
  const doc = new Doc({ id: family, text, published: '2024-03-04' });
  let total = 0;
  for (const stage of pipeline.stages) {
    const ms = cpuMs(() => stage.run(doc));
    t[stage.name] = ms;
    total += ms;
  }
  const out = cpuMs(() => toResult(doc));
  t.result = out;
  t.extract = total + out;
  return t;
}

/** The best (lowest) time of each stage over `runs` runs. */
export function bestOf(family: Family, input: string, runs: number): StageTimes {
  let best: StageTimes | null = null;
  for (let i = 0; i < runs; i++) {
    const t = timeStages(family, input);
    if (!best) best = t;
    else for (const k of Object.keys(t)) best[k] = Math.min(best[k], t[k]);
  }
  return best!;
}

export interface Measurement {
  family: Family | 'news';
  bytes: number;
  times: StageTimes;
}

export function measure(families: readonly (Family | 'news')[], sizes: number[], runs: number, onEach?: (m: Measurement) => void): Measurement[] {
  // warm-up: models load and code is compiled before anything is timed
  timeStages('org-place', adversarial('org-place', 4000));
  timeStages('markup', adversarial('markup', 4000));
  const out: Measurement[] = [];
  for (const family of families) {
    for (const bytes of sizes) {
      const m = { family, bytes, times: bestOf(family as Family, input(family, bytes), runs) };
      out.push(m);
      onEach?.(m);
    }
  }
  return out;
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/dist\//, '/dist/'));
if (isMain) {
  const json = process.argv.includes('--json');
  const families = (process.env.COMPLEXITY_FAMILIES?.split(',') ?? [...FAMILIES, 'news']) as (Family | 'news')[];
  const sizes = (process.env.COMPLEXITY_SIZES ?? '100000,1000000,5000000').split(',').map(Number);
  const runs = Number(process.env.COMPLEXITY_RUNS ?? (json ? 3 : 1));
  if (json) {
    process.stdout.write(JSON.stringify(measure(families, sizes, runs)) + '\n');
  } else {
    console.log(`CPU ms per stage, best of ${runs} (shared machine: read the ratios, not the absolute figures)`);
    measure(families, sizes, runs, (m) => {
      const parts = Object.entries(m.times).map(([k, v]) => `${k} ${v.toFixed(0)}`);
      console.log(`${m.family.padEnd(10)} ${String(m.bytes).padStart(8)}  ${parts.join('  ')}`);
    });
  }
}
