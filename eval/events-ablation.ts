/**
 * npm run ablate:events — what each rule of the event coder is worth, measured on the annotated
 * set (eval/data/events/) by 5-fold cross-validation over whole documents, raw text through the
 * real pipeline: the full system, then boilerplate marking switched off (the pipeline without its
 * 'boilerplate' stage) and each veto rule (coder.ts VETO_RULES) switched off in turn. Each row
 * gives the rule coder alone and the learned detector (retrained in every fold, thresholds chosen
 * again), on the Wikinews documents. The table goes in docs/events.md.
 *
 * usage: npm run ablate:events [-- --set DIR] [--only name,name] [--all-docs]
 */
import { VETO_RULES } from '../src/extract/events/coder.js';
import { crossValidation, prepare, type Prepared } from '../train/events.js';
import { DEFAULT_SET_DIR, scores, type Tally } from '../train/events-set.js';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : def);
const dir = opt('--set', DEFAULT_SET_DIR);
const only = args.includes('--only') ? new Set(opt('--only', '').split(',')) : null;
const allDocs = args.includes('--all-docs');

const f3 = (x: number) => x.toFixed(3);
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

interface Row { name: string; rules: Tally; detector: Tally }

function measure(name: string, prep: Prepared): Row {
  const cv = crossValidation(prep);
  process.stderr.write(`${name} done\n`);
  return { name, rules: allDocs ? cv.rules : cv.rulesWikinews, detector: allDocs ? cv.all : cv.wikinews };
}

function cells(t: Tally, base: Tally, withAll: boolean): string[] {
  const s = scores(t), b = scores(base);
  const tf = f1(s.typedPrecision, s.typedRecall), bf = f1(b.typedPrecision, b.typedRecall);
  const delta = tf - bf;
  const out = [f3(s.precision), f3(s.recall), `${f3(tf)}${Math.abs(delta) >= 0.0005 ? ` (${delta > 0 ? '+' : ''}${f3(delta)})` : ''}`];
  if (withAll) out.push(f3(s.allRightPrecision));
  return out;
}

const full = prepare(dir, { progress: true });
const rows: Row[] = [measure('full system', full)];
if (!only || only.has('boilerplate')) rows.push(measure('without boilerplate marking', prepare(dir, { withoutStages: ['boilerplate'] })));
for (const veto of VETO_RULES) {
  if (only && !only.has(veto)) continue;
  rows.push(measure(`without veto \`${veto}\``, prepare(dir, { reuse: full, coder: { without: new Set([veto]) } })));
}

const base = rows[0];
console.log(`Ablation on the annotated set (${allDocs ? 'all documents' : 'Wikinews documents'}), 5-fold cross-validation by whole document; typed F1 = detection with the right PLOVER type; in brackets the change against the full system (a rule pays when switching it off lowers typed F1).\n`);
console.log('| configuration | rules P | rules R | rules typed F1 | detector P | detector R | detector typed F1 | detector all-right P |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.name} | ${cells(r.rules, base.rules, false).join(' | ')} | ${cells(r.detector, base.detector, true).join(' | ')} |`);
