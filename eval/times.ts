/**
 * Evaluates the times stage on two sets:
 *
 * 1. Our TIMEX3 development set (eval/data/times, see its README): news articles annotated with
 *    extent, type, value and mod. Scores, each for the dev part and the held-out part apart:
 *    extent P/R/F1 (overlap and strict), value P/R/F1 (an expression counts when it overlaps a
 *    gold one and has its value, as TempEval-3 scores attributes), type accuracy on matches.
 *    Documents go through the real pipeline (createPipeline) as raw text with their date.
 *    `--verbose` lists the dev part's errors only: the held-out part is never listed.
 *
 * 2. GUM (../shared/data/gum/dep/*.conllu), whose MISC column marks
 * dates as XML=<date when="…"> … </date> (also from/to, notBefore/notAfter ranges).
 *
 *   npm run eval:times                 all genres, summary
 *   npm run eval:times -- --verbose    also every miss, false alarm and wrong value
 *   npm run eval:times -- --genre news only one genre
 *   npm run eval:times -- --parse      with the trained tagger/parser before the stage (as in
 *                                      createPipeline), so tense comes from the parse
 *
 * Text: each document is rebuilt from its tokens (SpaceAfter=No honoured, sentences joined by
 * a space, paragraphs by a blank line), so offsets are exact.
 * Anchor (publication date): the Wikinews dateline when the document starts with one (a full
 * date in its first three sentences, "Friday, July 21, 2017"); else, for news, interviews and court hearings (dated events), meta::dateCreated;
 * else none (biographies, travel guides, essays are not written relative to a publication day:
 * the stage then counts only from dates the text itself gives).
 * Scores: detection P/R/F1 on <date> spans, exact (same start and end) and lenient (overlap);
 * "dates only": the same with our durations (P3M, PXY) and generic PRESENT_REF set aside, which
 * GUM does not mark as <date>; value accuracy on
 * the gold dates that carry a comparable value (when=…, or a from/to range that is exactly a
 * year, decade, century, month, season, ISO week or weekend) and that we detected.
 */
import { readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Pipeline } from '../src/pipeline.js';
import type { Doc } from '../src/doc.js';
import { tokenizeStage } from '../src/nlp/sentences.js';
import { timesStage } from '../src/extract/times.js';
import { parseStage } from '../src/nlp/parse-stage.js';
import { createPipeline } from '../src/extract.js';
import type { TimeExpression } from '../src/doc.js';
import { readGum } from './gum-dates.js';
import { loadTimesSet, type GoldTimex, type TimesSetDoc } from './times-set.js';

const here = dirname(fileURLToPath(import.meta.url));
const GUM_DIR = join(here, '..', '..', '..', 'shared', 'data', 'gum', 'dep');

interface Counts { tp: number; fp: number; fn: number }
const prf = (c: Counts) => {
  const p = c.tp / Math.max(1, c.tp + c.fp);
  const r = c.tp / Math.max(1, c.tp + c.fn);
  return { p, r, f: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
};
const pct = (x: number) => (100 * x).toFixed(1);

/** Groups values by the rule that produced them, read from the evidence string. */
function kindOf(evidence: string): string {
  if (evidence.startsWith('year not written')) return 'year chosen from evidence';
  if (/tense|"last |"next /.test(evidence) && /Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday/.test(evidence)) return 'weekday';
  if (evidence.includes('the last date written before it')) return 'counted from the narrative';
  if (evidence.includes('counted from') || evidence.includes('"today"')) return 'counted from the anchor';
  if (/written|the September 11/.test(evidence)) return 'written in full';
  if (evidence.startsWith('clock time')) return 'clock time';
  return evidence.split(/[;(]/)[0].trim().slice(0, 28) || 'other';
}

/** TIMEX3 type of a value, for expressions that do not state one. */
export function typeOfValue(value: string): string {
  if (/^P/.test(value) && !/_REF$/.test(value)) return 'DURATION';
  if (/T(?:\d|MO|AF|EV|NI|DT)/.test(value)) return 'TIME';
  return 'DATE';
}

interface SetScore { gold: number; pred: number; strict: number; overlap: number; value: number; type: number; docs: number; ms: number }

function prfOf(tp: number, pred: number, gold: number): string {
  const p = tp / Math.max(1, pred);
  const r = tp / Math.max(1, gold);
  const f = p + r > 0 ? (2 * p * r) / (p + r) : 0;
  return `${pct(p).padStart(5)} ${pct(r).padStart(5)} ${pct(f).padStart(5)}`;
}

/** One-to-one pairs of predicted and gold expressions that overlap (in text order). */
function pairUp(preds: readonly TimeExpression[], golds: readonly GoldTimex[]): Array<[TimeExpression, GoldTimex]> {
  const used = new Set<GoldTimex>();
  const out: Array<[TimeExpression, GoldTimex]> = [];
  for (const p of preds) {
    const g = golds.find((x) => !used.has(x) && x.start < p.end && p.start < x.end);
    if (g) { used.add(g); out.push([p, g]); }
  }
  return out;
}

/** Scores the times stage on our TIMEX3 set; prints the dev part's errors when verbose. */
export function evaluateSet(docs: readonly TimesSetDoc[], verbose: boolean): Map<string, SetScore> {
  const pipeline = createPipeline();
  const scores = new Map<string, SetScore>();
  for (const d of docs) {
    const s = scores.get(d.split) ?? { gold: 0, pred: 0, strict: 0, overlap: 0, value: 0, type: 0, docs: 0, ms: 0 };
    scores.set(d.split, s);
    const doc = pipeline.process({ id: d.id, text: d.text, published: d.published });
    const preds = doc.times;
    s.docs++;
    s.gold += d.timex.length;
    s.pred += preds.length;
    s.strict += preds.filter((p) => d.timex.some((g) => g.start === p.start && g.end === p.end)).length;
    const pairs = pairUp(preds, d.timex);
    s.overlap += pairs.length;
    for (const [p, g] of pairs) {
      if (p.value === g.value) s.value++;
      if ((p.type ?? typeOfValue(p.value)) === g.type) s.type++;
    }
    if (!verbose || d.split !== 'dev') continue;
    const ctx = (a: { start: number; end: number }) => JSON.stringify(d.text.slice(Math.max(0, a.start - 50), a.end + 30).replace(/\s+/g, ' '));
    const paired = new Set(pairs.map(([p]) => p));
    const pairedGold = new Set(pairs.map(([, g]) => g));
    for (const g of d.timex) if (!pairedGold.has(g)) console.log(`MISS  ${d.id.slice(0, 40)}  "${g.text}" ${g.type} ${g.value}  ${ctx(g)}`);
    for (const p of preds) if (!paired.has(p)) console.log(`FALSE ${d.id.slice(0, 40)}  "${p.text}" → ${p.value}  ${ctx(p)}`);
    for (const [p, g] of pairs) {
      if (p.value !== g.value || p.start !== g.start || p.end !== g.end) {
        console.log(`${p.value !== g.value ? 'VALUE' : 'SPAN '} ${d.id.slice(0, 40)}  gold "${g.text}" ${g.value}  got "${p.text}" ${p.value}  [${p.evidence ?? ''}]  ${ctx(g)}`);
      }
    }
  }
  return scores;
}

function printSet(scores: Map<string, SetScore>): void {
  console.log('TIMEX3 set (eval/data/times)      extent overlap P/R/F1   extent strict P/R/F1    value P/R/F1     type acc');
  for (const split of ['dev', 'heldout']) {
    const s = scores.get(split);
    if (!s) continue;
    console.log(`${split.padEnd(8)} ${String(s.docs).padStart(3)} docs ${String(s.gold).padStart(4)} gold ${String(s.pred).padStart(4)} found  `
      + `${prfOf(s.overlap, s.pred, s.gold)}       ${prfOf(s.strict, s.pred, s.gold)}       ${prfOf(s.value, s.pred, s.gold)}    ${pct(s.type / Math.max(1, s.overlap))}`);
  }
}

function main(): void {
  const args = process.argv.slice(2);
  // the TIMEX3 set first; `--set` stops there
  printSet(evaluateSet(loadTimesSet(), args.includes('--verbose')));
  if (args.includes('--set')) return;
  console.log('');
  const verbose = args.includes('--verbose');
  const genreArg = args.includes('--genre') ? args[args.indexOf('--genre') + 1] : null;
  // --parse: tense from the trained tagger/parser instead of the word-list fallback
  const pipeline = new Pipeline(args.includes('--parse') ? [tokenizeStage, parseStage] : [tokenizeStage]);
  const files = readdirSync(GUM_DIR).filter((f) => f.endsWith('.conllu')).sort();
  const byGenre = new Map<string, { exact: Counts; lenient: Counts; lenientNoDur: Counts; valueOk: number; valueN: number; docs: number }>();
  const total = () => ({ exact: { tp: 0, fp: 0, fn: 0 }, lenient: { tp: 0, fp: 0, fn: 0 }, lenientNoDur: { tp: 0, fp: 0, fn: 0 }, valueOk: 0, valueN: 0, docs: 0 });
  // CPU time, not wall time: the machine is shared, so wall time measures the neighbours too
  const byKind = new Map<string, { ok: number; n: number }>();
  const processed: Doc[] = [];
  let stageMs = 0;
  let tokenizeMs = 0;
  let sentences = 0;
  for (const f of files) {
    for (const gdoc of readGum(join(GUM_DIR, f))) {
      if (genreArg && gdoc.genre !== genreArg) continue;
      const c0 = process.cpuUsage();
      const doc = pipeline.process({ id: gdoc.id, text: gdoc.text, published: gdoc.published });
      const c1 = process.cpuUsage(c0);
      tokenizeMs += (c1.user + c1.system) / 1000;
      timesStage.run(doc);
      processed.push(doc);
      sentences += doc.sentences.length;
      const g = byGenre.get(gdoc.genre) ?? total();
      byGenre.set(gdoc.genre, g);
      g.docs++;
      const preds = doc.times;
      const ctx = (a: { start: number; end: number }) => JSON.stringify(gdoc.text.slice(Math.max(0, a.start - 70), a.end + 50).replace(/\s+/g, ' '));
      const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
      for (const gold of gdoc.dates) {
        const exact = preds.find((p) => p.start === gold.start && p.end === gold.end);
        const lenient = preds.find((p) => overlaps(p, gold));
        if (exact) g.exact.tp++; else g.exact.fn++;
        if (lenient) g.lenient.tp++; else g.lenient.fn++;
        const lenientDate = preds.find((p) => overlaps(p, gold) && !p.value.startsWith('P'));
        if (lenientDate) g.lenientNoDur.tp++; else g.lenientNoDur.fn++;
        if (!lenient && verbose) console.log(`MISS  ${gdoc.id}  "${gold.text}"  ${gold.attrs}  ${ctx(gold)}`);
        if (gold.value && lenient) {
          g.valueN++;
          // GUM dates a day part at the day ("Sunday night" → 2007-03-04); TIMEX3 writes 2007-03-04TNI
          const ok = preds.some((p) => overlaps(p, gold) && (p.value === gold.value || p.value.replace(/T(?:MO|AF|EV|NI|DT)$/, '') === gold.value));
          const kind = kindOf(lenient.evidence ?? '');
          const k = byKind.get(kind) ?? { ok: 0, n: 0 };
          byKind.set(kind, k);
          k.n++;
          if (ok) k.ok++;
          if (ok) g.valueOk++;
          else if (verbose) console.log(`VALUE ${gdoc.id}  "${gold.text}" gold ${gold.value} got ${lenient.value} ("${lenient.text}")  [${lenient.evidence}]  ${ctx(gold)}`);
        }
      }
      for (const p of preds) {
        if (!gdoc.dates.some((gd) => gd.start === p.start && gd.end === p.end)) g.exact.fp++;
        const hit = gdoc.dates.some((gd) => overlaps(p, gd));
        if (!hit) {
          g.lenient.fp++;
          if (!p.value.startsWith('P')) g.lenientNoDur.fp++;
          if (verbose) console.log(`FALSE ${gdoc.id}  "${p.text}" → ${p.value}  ${ctx(p)}`);
        }
      }
    }
  }
  const sum = total();
  console.log('genre        docs  gold  exact P/R/F1        lenient P/R/F1      dates-only P/R/F1     value acc');
  const row = (name: string, g: ReturnType<typeof total>) => {
    const e = prf(g.exact), l = prf(g.lenient), n = prf(g.lenientNoDur);
    const gold = g.exact.tp + g.exact.fn;
    console.log(`${name.padEnd(12)} ${String(g.docs).padStart(4)} ${String(gold).padStart(5)}  ${pct(e.p)}/${pct(e.r)}/${pct(e.f)}`.padEnd(42)
      + `${pct(l.p)}/${pct(l.r)}/${pct(l.f)}`.padEnd(20) + `${pct(n.p)}/${pct(n.r)}/${pct(n.f)}`.padEnd(22)
      + `${pct(g.valueOk / Math.max(1, g.valueN))} (${g.valueOk}/${g.valueN})`);
  };
  for (const [name, g] of [...byGenre].sort()) {
    row(name, g);
    for (const k of ['exact', 'lenient', 'lenientNoDur'] as const) for (const c of ['tp', 'fp', 'fn'] as const) sum[k][c] += g[k][c];
    sum.valueOk += g.valueOk;
    sum.valueN += g.valueN;
    sum.docs += g.docs;
  }
  row('ALL', sum);
  // speed: three more passes over the same documents, once the code is warm
  const c2 = process.cpuUsage();
  for (let pass = 0; pass < 3; pass++) for (const doc of processed) timesStage.run(doc);
  const c3 = process.cpuUsage(c2);
  stageMs = (c3.user + c3.system) / 1000 / 3;
  console.log(`\ntimes stage: ${stageMs.toFixed(0)} ms CPU for ${sentences} sentences = ${(sentences / (stageMs / 1000)).toFixed(0)} sentences/s`
    + ` (the stages before it on the same texts: ${tokenizeMs.toFixed(0)} ms CPU, ${(sentences / (tokenizeMs / 1000)).toFixed(0)} sentences/s)`);
  console.log('\nvalue accuracy by how the value was found:');
  for (const [kind, k] of [...byKind].sort((a, b) => b[1].n - a[1].n)) console.log(`  ${kind.padEnd(28)} ${pct(k.ok / k.n).padStart(5)}  (${k.ok}/${k.n})`);
}

// run when executed, not when imported
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
