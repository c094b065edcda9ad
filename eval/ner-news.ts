/**
 * `npm run eval:ner-news`: names on news nobody tuned for (issue 13). The news NER development set
 * eval/data/ner-news (English Wikinews articles and interviews past AMALGUM's file listing, every name
 * annotated by hand; README there) is read as raw text and run through the real pipeline — the
 * stages of `chronicle extract` (createPipeline) — and the entities' name mentions are scored on exact
 * character spans: PER, ORG and place (GPE + LOC + FAC) as the issue measures them, NORP apart. The
 * ner stage alone and compromise (people / places / organizations) run on the same texts in the same
 * run.
 *
 * Half A is the readable development half; half B is unseen (lead-only): for it only summary lines
 * are printed, never a document's errors.
 *   --set fresh22    the unseen set eval/data/ner-fresh22 instead (16 Wikinews documents annotated the
 *                    same way; README there): every document is unseen, lead-only — summary lines only,
 *                    no --errors, --ablate or --half (`npm run eval:ner-fresh22`)
 *   --set fresh23    the unseen set eval/data/ner-fresh23 (Wikinews documents drawn by organisation words and
 *                    annotated the same way; README there): lead-only like fresh22 (`npm run eval:ner-fresh23`)
 *   --set fresh27    the set eval/data/ner-fresh27 (16 Wikinews articles of the unlabelled file, annotated the same way;
 *                    README there), in halves like ner-news: A readable (--errors, --ablate), B unseen (lead-only, summary
 *                    lines only) (`npm run eval:ner-fresh27`)
 *   --half A|B|all   which half (default A)
 *   --errors         half A only: every missed and every spurious name, document by document
 *   --ablate         half A only: the pipeline with each registered rule of the ner, names and entities
 *                    stages switched off in turn (gain = F1 with the rule − F1 without it)
 *   --rules a,b      with --ablate: only these rules
 *   --json-out FILE  the figures as JSON as well
 * Rules can also be switched off for a whole run: CHRONICLE_WITHOUT=rule.id (or --without rule.id).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createPipeline } from '../src/extract.js';
import type { Pipeline } from '../src/pipeline.js';
import { registeredRules, withoutRules } from '../src/rules/registry.js';
import { chronicleNer, compromiseNer, type Recogniser } from '../train/ner-cv.js';
import { SpanScorer, coarseType, type PRF, type Span } from '../train/ner-score.js';

export const NER_NEWS_DIR = fileURLToPath(new URL('../../eval/data/ner-news/', import.meta.url));
/** The unseen set built on 7 Dec 2026 (nerfresh22): no halves, every document lead-only. */
export const NER_FRESH22_DIR = fileURLToPath(new URL('../../eval/data/ner-fresh22/', import.meta.url));
/** The unseen, organisation-rich set built on 7 Dec 2026 (nerfresh23): no halves, every document lead-only. */
export const NER_FRESH23_DIR = fileURLToPath(new URL('../../eval/data/ner-fresh23/', import.meta.url));
/** The set built on 8 Dec 2026 (nerfresh27) from the unlabelled file's Wikinews articles: half A readable, half B unseen. */
export const NER_FRESH27_DIR = fileURLToPath(new URL('../../eval/data/ner-fresh27/', import.meta.url));
/** The sets in halves `--set` can name besides ner-news: half A readable, half B summary lines only. */
export const HALVED_NEWS_SETS: Readonly<Record<string, { dir: string; label: string }>> = {
  news: { dir: NER_NEWS_DIR, label: 'ner-news' },
  fresh27: { dir: NER_FRESH27_DIR, label: 'ner-fresh27' },
};
/** The wholly unseen sets `--set` can name: summary lines only. */
export const UNSEEN_NEWS_SETS: Readonly<Record<string, { dir: string; label: string }>> = {
  fresh22: { dir: NER_FRESH22_DIR, label: 'ner-fresh22' },
  fresh23: { dir: NER_FRESH23_DIR, label: 'ner-fresh23' },
};

export interface NewsDoc {
  id: string;
  half: 'A' | 'B';
  title: string;
  text: string;
  gold: (Span & { text: string })[];
}

/**
 * The set: docs.jsonl joined with the compiled gold (gold.jsonl), checked span by span. A set without halves
 * (ner-fresh22, wholly unseen) passes `unseenSet`: its documents are read as half B, so that nothing which lists
 * a document's errors accepts them.
 */
export function readNewsSet(dir = NER_NEWS_DIR, unseenSet = false): NewsDoc[] {
  const lines = (f: string) => readFileSync(dir + f, 'utf8').split('\n').filter(Boolean);
  const gold = new Map<string, (Span & { text: string })[]>();
  for (const [k, l] of lines('gold.jsonl').entries()) {
    const g = JSON.parse(l) as { id?: string; spans?: (Span & { text: string })[] };
    if (!g.id || !Array.isArray(g.spans)) throw new Error(`ner-news gold.jsonl line ${k + 1}: needs id and spans`);
    gold.set(g.id, g.spans);
  }
  return lines('docs.jsonl').map((l, k) => {
    const d = JSON.parse(l) as { id?: string; half?: string; title?: string; text?: string };
    if (unseenSet) {
      if (d.half !== undefined) throw new Error(`${dir}docs.jsonl line ${k + 1}: an unseen set has no halves`);
      d.half = 'B';
    }
    if (!d.id || typeof d.text !== 'string' || (d.half !== 'A' && d.half !== 'B')) throw new Error(`ner-news docs.jsonl line ${k + 1}: needs id, half A|B and text`);
    const spans = gold.get(d.id);
    if (!spans) throw new Error(`ner-news: document ${d.id} has no gold in gold.jsonl`);
    for (const s of spans) if (d.text.slice(s.start, s.end) !== s.text) throw new Error(`ner-news: ${d.id} gold span ${s.start}-${s.end} is "${d.text.slice(s.start, s.end)}", not "${s.text}"`);
    return { id: d.id, half: d.half, title: d.title ?? '', text: d.text, gold: spans };
  });
}

/** The pipeline of `chronicle extract`: every name mention of every entity, typed as its entity. */
export function pipelineRecogniser(pipeline: Pipeline = createPipeline()): Recogniser {
  return {
    name: 'chronicle pipeline',
    run(text: string): Span[] {
      const doc = pipeline.process({ text });
      return doc.entities.flatMap((e) => e.mentions.filter((m) => m.kind === 'name').map((m) => ({ start: m.start, end: m.end, type: e.type })));
    },
  };
}

export interface NewsScores {
  /** PER / ORG / place as one exact-span figure, and by class */
  coarse: PRF;
  byClass: Record<string, PRF>;
  /** NORP names, exact span */
  norp: PRF;
  names: number;
}

function prf(tp: number, fp: number, fn: number): PRF {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { tp, fp, fn, p: round(p), r: round(r), f1: round(p + r ? (2 * p * r) / (p + r) : 0) };
}

/** Scores of one recogniser's predictions against the gold of the given documents. */
export function scoreNews(docs: readonly NewsDoc[], preds: readonly Span[][]): NewsScores {
  const scorer = new SpanScorer();
  let tp = 0, fp = 0, fn = 0, names = 0;
  docs.forEach((d, k) => {
    scorer.add(d.gold, preds[k], false);
    names += d.gold.filter((s) => coarseType(s.type)).length;
    const key = (s: Span) => `${s.start}:${s.end}`;
    const g = new Set(d.gold.filter((s) => s.type === 'NORP').map(key));
    const p = new Set(preds[k].filter((s) => s.type === 'NORP').map(key));
    for (const x of p) (g.has(x) ? tp++ : fp++);
    for (const x of g) if (!p.has(x)) fn++;
  });
  const s = scorer.scores();
  return { coarse: s.coarse, byClass: s.byCoarse, norp: prf(tp, fp, fn), names };
}

const CLASS_NAMES: Record<string, string> = { PER: 'PER', ORG: 'ORG', LOC: 'place' };
const pct = (x: number) => (100 * x).toFixed(1);

/** One summary line: F1 (P / R) for PER / ORG / place together, each class, and NORP. */
export function summaryLine(label: string, s: NewsScores): string {
  const cls = ['PER', 'ORG', 'LOC'].map((c) => {
    const v = s.byClass[c];
    return `${CLASS_NAMES[c]} ${v ? `${pct(v.f1)} (P ${pct(v.p)} R ${pct(v.r)})` : '–'}`;
  });
  return `${label.padEnd(22)} F1 ${pct(s.coarse.f1)} (P ${pct(s.coarse.p)} R ${pct(s.coarse.r)}; ${s.coarse.tp}/${s.coarse.fp}/${s.coarse.fn})  ${cls.join('  ')}  NORP ${pct(s.norp.f1)}`;
}

/** Half A's errors, document by document: missed gold names and spurious predictions, coarse classes only. */
export function formatErrors(docs: readonly NewsDoc[], preds: readonly Span[][]): string {
  const out: string[] = [];
  docs.forEach((d, k) => {
    if (d.half !== 'A') throw new Error('ner-news: errors are listed for half A only');
    const pred = preds[k].filter((s) => coarseType(s.type));
    const gold = d.gold.filter((s) => coarseType(s.type));
    const same = (a: Span, b: Span) => a.start === b.start && a.end === b.end && coarseType(a.type) === coarseType(b.type);
    const over = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
    const show = (s: Span) => `"${d.text.slice(s.start, s.end)}"/${CLASS_NAMES[coarseType(s.type)!]}`;
    const lines: string[] = [];
    for (const g of gold) {
      if (pred.some((p) => same(p, g))) continue;
      const o = pred.filter((p) => over(p, g));
      lines.push(`  missed ${show(g)}${o.length ? ` (found as ${o.map(show).join(', ')})` : ''}`);
    }
    for (const p of pred) {
      if (gold.some((g) => same(p, g)) || gold.some((g) => over(p, g))) continue;
      const ctx = d.text.slice(Math.max(0, p.start - 40), Math.min(d.text.length, p.end + 40)).replace(/\s+/g, ' ');
      lines.push(`  spurious ${show(p)}  … ${ctx} …`);
    }
    out.push(`${d.id} (${d.title})`, ...(lines.length ? lines : ['  no errors']));
  });
  return out.join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  let half: 'A' | 'B' | 'all' = 'A';
  let halfGiven = false;
  let unseen: { dir: string; label: string } | null = null;
  let halved = HALVED_NEWS_SETS.news;
  let errors = false;
  let ablate = false;
  let only: string[] | null = null;
  let jsonOut: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--half') {
      const h = args[++i];
      if (h !== 'A' && h !== 'B' && h !== 'all') throw new Error('--half takes A, B or all');
      half = h;
      halfGiven = true;
    } else if (a === '--set') {
      const v = args[++i];
      if (!(v in HALVED_NEWS_SETS) && !(v in UNSEEN_NEWS_SETS)) throw new Error(`--set takes news (the default), ${[...Object.keys(HALVED_NEWS_SETS).slice(1), ...Object.keys(UNSEEN_NEWS_SETS)].join(', ')}`);
      unseen = v in UNSEEN_NEWS_SETS ? UNSEEN_NEWS_SETS[v] : null;
      halved = HALVED_NEWS_SETS[v] ?? HALVED_NEWS_SETS.news;
    } else if (a === '--errors') errors = true;
    else if (a === '--ablate') ablate = true;
    else if (a === '--rules') only = args[++i].split(',');
    else if (a === '--json-out') jsonOut = args[++i];
    else if (a === '--without') i++; // read by the rule registry
    else if (a.startsWith('--without=')) continue;
    else throw new Error(`unknown option ${a} (use --set fresh22|fresh23|fresh27, --half A|B|all, --errors, --ablate, --rules a,b, --json-out FILE, --without rule.id)`);
  }
  if (unseen && (errors || ablate || halfGiven)) throw new Error(`${unseen.label} is unseen (lead-only): summary lines only, no --errors, --ablate or --half`);
  if ((errors || ablate) && half !== 'A') throw new Error('--errors and --ablate read half A only: half B is unseen');
  const docs = unseen ? readNewsSet(unseen.dir, true) : readNewsSet(halved.dir).filter((d) => half === 'all' || d.half === half);
  const words = docs.reduce((n, d) => n + d.text.split(/\s+/).filter(Boolean).length, 0);
  const pipe = pipelineRecogniser();
  const recognisers: Recogniser[] = [pipe, chronicleNer, compromiseNer];
  const results: Record<string, NewsScores> = {};
  let pipePreds: Span[][] = [];
  process.stdout.write(`${unseen ? `${unseen.label} (unseen, lead-only)` : `${halved.label}, half ${half}`}: ${docs.length} documents, ${words} words, ${docs.reduce((n, d) => n + d.gold.filter((s) => coarseType(s.type)).length, 0)} PER/ORG/place names (exact character spans)\n`);
  for (const r of recognisers) {
    const preds = docs.map((d) => r.run(d.text));
    if (r === pipe) pipePreds = preds;
    results[r.name] = scoreNews(docs, preds);
    process.stdout.write(summaryLine(r.name, results[r.name]) + '\n');
  }
  if (errors) process.stdout.write(`\n${halved.label} half A errors (pipeline):\n` + formatErrors(docs, pipePreds) + '\n');
  if (ablate) {
    const base = results[pipe.name];
    const stages = new Set(['ner', 'names', 'entities']);
    const rules = registeredRules().filter((r) => stages.has(r.stage) && (!only || only.includes(r.id)));
    process.stdout.write(`\nrule ablation on ${halved.label} half A (pipeline; gain = F1 with the rule − without it; ${rules.length} rules)\n`);
    const rows: { rule: string; f1: number; gain: number; per: number; org: number; place: number }[] = [];
    for (const rule of rules) {
      const restore = withoutRules([rule.id]);
      try {
        const s = scoreNews(docs, docs.map((d) => pipe.run(d.text)));
        const g = (c: string) => 100 * ((base.byClass[c]?.f1 ?? 0) - (s.byClass[c]?.f1 ?? 0));
        rows.push({ rule: rule.id, f1: s.coarse.f1, gain: 100 * (base.coarse.f1 - s.coarse.f1), per: g('PER'), org: g('ORG'), place: g('LOC') });
      } finally {
        restore();
      }
    }
    const sign = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(1);
    for (const r of rows.sort((a, b) => a.gain - b.gain)) process.stdout.write(`  ${r.rule.padEnd(44)} F1 without ${pct(r.f1)}  gain ${sign(r.gain).padStart(5)}  PER ${sign(r.per).padStart(5)}  ORG ${sign(r.org).padStart(5)}  place ${sign(r.place).padStart(5)}\n`);
    if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ set: halved.label, half, results, ablation: rows }, null, 2) + '\n');
  } else if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ set: unseen ? unseen.label : halved.label, half: unseen ? 'unseen' : half, results }, null, 2) + '\n');
}

if ((process.argv[1] ?? '').endsWith('/eval/ner-news.js')) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`eval:ner-news failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
