/**
 * ablate — what each registered rule is worth on an eval: runs `dist/eval/<task>.js` once with
 * every rule on, then once per rule with that rule switched off (CHRONICLE_WITHOUT), and prints
 * the headline figure's change and every other figure that moved.
 *
 * Usage: npm run ablate -- --task relations [--stage relations | --rules id,id] [--figure REGEX]
 *                          [--markdown] [-- ARGS FOR THE EVAL]
 *   --task     entities | events | relations | quotes | times | facts (our own articles' fact
 *              files: a sanity check) | any eval/<task>.ts, or seed: the seed article's facts
 *   --stage    only the rules of this pipeline stage (default: all registered rules)
 *   --rules    only these rule ids
 *   --figure   a regular expression whose first group is the headline number (defaults per task)
 *   --markdown print the result as a table row per rule, for docs/rules.md
 * A positive gain means the rule helps: the figure is higher with it than without it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../src/extract.js';
import { registeredRules, unknownRuleIds } from '../src/rules/registry.js';

/** Headline figure per eval: the first capture group of the first matching line. */
const HEADLINE: Record<string, RegExp> = {
  entities: /HEADLINE \(pipeline, pooled\): F1 ([\d.]+)/,
  events: /PLOVER type\s+([\d.]+)/,
  relations: /gold parse .*F1 ([\d.]+)/,
  quotes: /attributed right .*F1 ([\d.]+)/, // the first report: dev
  times: /^ALL\s+\d+\s+\d+\s+[\d.]+\/[\d.]+\/([\d.]+)/m,
  seed: /facts: (\d+)\/\d+ passed/,
  facts: /facts: (\d+)\/\d+ passed/,
};

/** Lines that report speed or load, which move between runs without any rule changing. */
const NOISE = /\/s\b|per second|CPU|wall clock|load average|\bms\b|speed|sentences in/i;

const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const own = dash >= 0 ? argv.slice(0, dash) : argv;
const passThrough = dash >= 0 ? argv.slice(dash + 1) : [];
const opt = (name: string): string | undefined => {
  const i = own.indexOf(`--${name}`);
  return i >= 0 ? own[i + 1] : undefined;
};
const task = opt('task');
if (!task) {
  console.error('usage: npm run ablate -- --task <entities|events|relations|quotes|times> [--stage S | --rules a,b] [--figure REGEX] [--markdown]');
  process.exit(2);
}
const SEED = join(process.cwd(), '../shared/fixtures/seed');
const script = task === 'seed' ? join(process.cwd(), 'dist/eval/seed-facts.js') : join(process.cwd(), 'dist/eval', `${task}.js`);
if (task !== 'seed' && !existsSync(script)) {
  console.error(`no eval script ${script} (run npm run build first)`);
  process.exit(2);
}
const figureRe = opt('figure') ? new RegExp(opt('figure')!, 'm') : HEADLINE[task];
if (!figureRe) {
  console.error(`no headline figure known for '${task}': pass --figure REGEX`);
  process.exit(2);
}

let rules = registeredRules().filter((r) => !r.stage.startsWith('test'));
const stage = opt('stage');
if (stage) rules = rules.filter((r) => r.stage === stage);
const only = opt('rules')?.split(',').filter(Boolean);
if (only) {
  const unknown = unknownRuleIds(only);
  if (unknown.length) {
    console.error(`unknown rule ids: ${unknown.join(', ')}`);
    process.exit(2);
  }
  rules = rules.filter((r) => only.includes(r.id));
}

function runEval(without: string[]): string {
  const env = { ...process.env, CHRONICLE_WITHOUT: without.join(',') };
  if (task === 'seed') {
    const x = spawnSync(process.execPath, ['bin/chronicle', 'extract', join(SEED, 'article.json')], { env, encoding: 'utf8', maxBuffer: 64 << 20 });
    if (x.status !== 0) throw new Error(`chronicle extract failed: ${x.stderr}`);
    const out = join(tmpdir(), `chronicle-ablate-${process.pid}.json`);
    writeFileSync(out, x.stdout);
    const c = spawnSync(process.execPath, [join(SEED, '../../tools/check-facts.mjs'), join(SEED, 'expected.json'), out], { encoding: 'utf8' });
    return c.stdout;
  }
  const r = spawnSync(process.execPath, [script, ...passThrough], { env, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`eval ${task} failed${without.length ? ` without ${without.join(',')}` : ''}: ${r.stderr}`);
  return r.stdout;
}

/** decimals the eval prints its headline with, so gains are shown at that precision */
let decimals = 1;
function headline(out: string): number {
  const m = figureRe.exec(out);
  if (!m) throw new Error(`headline figure ${figureRe} not found in the ${task} eval's output`);
  decimals = m[1].split('.')[1]?.length ?? 0;
  return Number(m[1]);
}
const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(decimals)}`;

/** Lines whose figures differ between two runs (speed lines left out). */
function moved(base: string, other: string): string[] {
  const a = base.split('\n');
  const b = other.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i] || NOISE.test(a[i] ?? '') || NOISE.test(b[i] ?? '')) continue;
    out.push(`    with:    ${a[i] ?? ''}\n    without: ${b[i] ?? ''}`);
  }
  return out;
}

const markdown = own.includes('--markdown');
console.error(`ablate ${task}: ${rules.length} rules, ${rules.length + 1} runs`);
const base = runEval([]);
const baseFigure = headline(base);
if (!markdown) console.log(`${task}: headline ${baseFigure} with every rule on (${figureRe})`);
for (const rule of rules) {
  const out = runEval([rule.id]);
  const gain = baseFigure - headline(out);
  const changes = moved(base, out);
  if (markdown) {
    console.log(`| \`${rule.id}\` | ${rule.action} | ${task} | ${signed(gain)} | ${changes.length} figure lines moved |`);
  } else {
    console.log(`${rule.id.padEnd(40)} gain ${signed(gain)}  (${changes.length} figure lines moved)`);
    for (const c of changes.slice(0, 6)) console.log(c);
  }
}
