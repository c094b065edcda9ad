/**
 * `node dist/eval/name-spans.js`: where the name errors are (issue 13, fourteenth session, names27).
 *
 * Every PER / ORG / place error of the pipeline, on the readable sets only, is put in one class:
 *   boundary  a predicted name overlaps a gold name (of any type) with other bounds: too long (the prediction holds the
 *             gold name and more), too short (inside it), fused (one prediction over two or more gold names), split
 *             (two or more predictions inside one gold name), crossing (anything else);
 *   type      right bounds, another class;
 *   missed    a gold name nothing overlaps;
 *   spurious  a predicted name no gold name overlaps.
 * The unit is a cluster of overlapping spans (gold and predicted, every type; a cluster with no PER / ORG / place
 * span on either side is no error of these classes). Sets:
 *   --news         ner-news half A (readable; half B is never read here)
 *   --cv DIR       the cross-validation pool (GUM news + interview train documents, UNER EWT dev), each fold scored by
 *                  the fold model in DIR/k (as `node dist/eval/names-ablation.js --models DIR` leaves them)
 *   --show CLASS   print the clusters of that class (boundary, type, missed, spurious, or a boundary sub-class; several
 *                  with commas)
 *   --confusion    also print the type-confusion tables (gold class × predicted class, same bounds and overlapping)
 * Rules can be switched off with CHRONICLE_WITHOUT=rule.id as everywhere.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Doc } from '../src/doc.js';
import '../src/extract.js';
import { tokenizeStage } from '../src/nlp/sentences.js';
import { parseStage } from '../src/nlp/parse-stage.js';
import { timesStage } from '../src/extract/times.js';
import { namesStage } from '../src/extract/names.js';
import { entitiesStage } from '../src/extract/entities.js';
import { loadNerModel } from '../src/extract/ner-model.js';
import { nerStage, useNerModel } from '../src/extract/ner.js';
import { cvFold, cvPool, poolText, readNerCorpus } from '../train/ner-train.js';
import { coarseType, type Span } from '../train/ner-score.js';
import { readNewsSet } from './ner-news.js';

export type ErrorClass = 'type' | 'missed' | 'spurious' | 'too long' | 'too short' | 'fused' | 'split' | 'crossing';
export const BOUNDARY: readonly ErrorClass[] = ['too long', 'too short', 'fused', 'split', 'crossing'];

export interface SpanError {
  cls: ErrorClass;
  /** the PER / ORG / place class the error counts for: the gold name's, else the prediction's */
  coarse: string;
  gold: Span[];
  pred: Span[];
}

const same = (a: Span, b: Span) => a.start === b.start && a.end === b.end;

/**
 * The errors of one document. Clusters are built in one sweep over spans sorted by start (linear after the sort): a
 * span joins the open cluster when it starts before the cluster's end.
 */
export function classifyErrors(gold: readonly Span[], pred: readonly Span[]): SpanError[] {
  const all = [...gold.map((s) => ({ s, g: true })), ...pred.map((s) => ({ s, g: false }))].sort((a, b) => a.s.start - b.s.start || b.s.end - a.s.end);
  const clusters: { gold: Span[]; pred: Span[]; end: number }[] = [];
  for (const x of all) {
    let c = clusters[clusters.length - 1];
    if (!c || x.s.start >= c.end) clusters.push((c = { gold: [], pred: [], end: x.s.end }));
    (x.g ? c.gold : c.pred).push(x.s);
    c.end = Math.max(c.end, x.s.end);
  }
  const out: SpanError[] = [];
  for (const c of clusters) {
    const g = c.gold.filter((s) => coarseType(s.type));
    const p = c.pred.filter((s) => coarseType(s.type));
    if (!g.length && !p.length) continue;
    // exact matches of the same class are right; a cluster of only such pairs holds no error
    const right = (s: Span, other: Span[]) => other.some((o) => same(o, s) && coarseType(o.type) === coarseType(s.type));
    if (g.every((s) => right(s, p)) && p.every((s) => right(s, g))) continue;
    const coarse = coarseType((g[0] ?? p[0]).type)!;
    if (!c.pred.length) for (const s of g) out.push({ cls: 'missed', coarse: coarseType(s.type)!, gold: [s], pred: [] });
    else if (!c.gold.length) for (const s of p) out.push({ cls: 'spurious', coarse: coarseType(s.type)!, gold: [], pred: [s] });
    else if (c.gold.length === 1 && c.pred.length === 1) {
      const [a, b] = [c.gold[0], c.pred[0]];
      const cls: ErrorClass = same(a, b) ? 'type' : b.start <= a.start && b.end >= a.end ? 'too long' : b.start >= a.start && b.end <= a.end ? 'too short' : 'crossing';
      out.push({ cls, coarse, gold: c.gold, pred: c.pred });
    } else {
      const inside = (x: Span, y: Span) => x.start >= y.start && x.end <= y.end;
      let cls: ErrorClass = 'crossing';
      if (c.pred.length === 1 && c.gold.every((s) => inside(s, c.pred[0]))) cls = 'fused';
      else if (c.gold.length === 1 && c.pred.every((s) => inside(s, c.gold[0]))) cls = 'split';
      out.push({ cls, coarse, gold: c.gold, pred: c.pred });
    }
  }
  return out;
}

interface Tally {
  counts: Map<string, number>;
  shown: string[];
  /** the type-confusion tallies (seventeenth session, names33): `exact|overlap|none` + gold class + predicted class */
  confusion: Map<string, number>;
}

/** The class of a span for the confusion table: PER, ORG, place, or `other` (NORP, PRODUCT, EVENT …). */
const confClass = (type: string): string => coarseType(type) ?? 'other';

/**
 * The type-confusion tally of one document (seventeenth session, names33). Every gold PER / ORG / place name is
 * counted once against the prediction of the same bounds (`exact`, any type), else against the longest prediction it
 * overlaps (`overlap`), else as `none` (missed); every predicted PER / ORG / place name the same way against the gold
 * (key `p|…`). Linear after a sort by start: each span looks at the spans of the other side that overlap it, found
 * from a moving start (a span ending before this one starts ends before every later one starts too).
 */
export function confusionCounts(gold: readonly Span[], pred: readonly Span[], counts: Map<string, number>, text = ''): void {
  // what a vote over the entity's mentions could mend: a name typed wrong here and typed right elsewhere in the article
  const typedAs = new Map<string, Set<string>>();
  for (const p of pred) {
    const k = text.slice(p.start, p.end);
    if (!typedAs.has(k)) typedAs.set(k, new Set());
    typedAs.get(k)!.add(confClass(p.type));
  }
  const tally = (side: string, mine: readonly Span[], theirs: readonly Span[]) => {
    const sorted = [...theirs].sort((a, b) => a.start - b.start);
    const byStart = [...mine].sort((a, b) => a.start - b.start);
    let lo = 0;
    for (const s of byStart) {
      const cls = coarseType(s.type);
      if (!cls) continue;
      while (lo < sorted.length && sorted[lo].end <= s.start) lo++;
      let exact: Span | null = null;
      let best: Span | null = null;
      for (let i = lo; i < sorted.length && sorted[i].start < s.end; i++) {
        const o = sorted[i];
        if (o.end <= s.start) continue;
        if (o.start === s.start && o.end === s.end && (!exact || coarseType(o.type) === cls)) exact = o;
        else if (!best || o.end - o.start > best.end - best.start) best = o;
      }
      const kind = exact ? 'exact' : best ? 'overlap' : 'none';
      if (side === 'g' && exact && coarseType(exact.type) !== cls) {
        const k = typedAs.get(text.slice(s.start, s.end))?.has(cls) ? 'vote|mixed' : 'vote|consistent';
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      const other = exact ?? best;
      const key = `${side}|${kind}|${side === 'g' ? cls : other ? confClass(other.type) : '-'}|${side === 'g' ? (other ? confClass(other.type) : '-') : cls}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  };
  tally('g', gold, pred);
  tally('p', pred, gold);
}

/** The confusion tables: gold class (rows) × predicted class (columns), exact bounds and overlapping spans. */
function confusionTable(label: string, counts: ReadonlyMap<string, number>): string {
  const n = (k: string) => counts.get(k) ?? 0;
  const rows = ['PER', 'ORG', 'LOC'];
  const cols = ['PER', 'ORG', 'LOC', 'other'];
  const out = [label];
  for (const kind of ['exact', 'overlap']) {
    out.push('', `${kind === 'exact' ? 'same bounds' : 'overlapping, other bounds'}: gold (rows) × predicted (columns); gold names counted once`);
    out.push('| gold \\ predicted | PER | ORG | place | other | none |', '|---|---|---|---|---|---|');
    for (const g of rows) out.push(`| ${g === 'LOC' ? 'place' : g} | ${cols.map((c) => n(`g|${kind}|${g}|${c}`)).join(' | ')} | ${kind === 'exact' ? n(`g|none|${g}|-`) : ''} |`);
  }
  out.push('', 'predicted PER / ORG / place names against the gold; predicted names counted once', '| predicted | gold PER, same bounds | gold ORG, same bounds | gold place, same bounds | gold other, same bounds | overlapping only | no gold |', '|---|---|---|---|---|---|---|');
  for (const p of rows) {
    const ex = [...rows, 'other'].map((g) => n(`p|exact|${g}|${p}`));
    const ov = [...rows, 'other'].reduce((a, g) => a + n(`p|overlap|${g}|${p}`), 0);
    out.push(`| ${p === 'LOC' ? 'place' : p} | ${ex.join(' | ')} | ${ov} | ${n(`p|none|-|${p}`)} |`);
  }
  // what an ORG miss and a PERSON false positive are
  const orgGold = ['PER', 'LOC', 'other'].reduce((a, c) => a + n(`g|exact|ORG|${c}`), 0);
  const orgSpan = [...cols].reduce((a, c) => a + n(`g|overlap|ORG|${c}`), 0);
  out.push('', `ORG misses (gold ORG not found as ORG with its bounds): type confusion ${orgGold}, span wrong ${orgSpan}, nothing found ${n('g|none|ORG|-')}`);
  const perType = ['ORG', 'LOC', 'other'].reduce((a, g) => a + n(`p|exact|${g}|PER`), 0);
  const perSpan = [...rows, 'other'].reduce((a, g) => a + n(`p|overlap|${g}|PER`), 0);
  out.push(`PERSON false positives (predicted PER, no gold PER of its bounds): type confusion ${perType}, span wrong ${perSpan}, no gold at all ${n('p|none|-|PER')}`);
  out.push(`gold names found with their bounds and another class: ${n('vote|mixed')} where the article also predicts the same words with the gold's class (a vote over the entity's mentions could mend them), ${n('vote|consistent')} typed the same wrong way wherever predicted`);
  return out.join('\n');
}

/**
 * What the rest of the document says about a missed name (fifteenth session, names29): `repeat` — the same string is
 * a predicted name elsewhere in the document; `part` — a predicted name elsewhere holds it as whole words, or it holds
 * one ("SoftBank Group" found, "SoftBank" missed; "Smith" after "John Smith"); `odd` — not written as a name is
 * (lower case, all capitals, a split possessive); `initial` — it opens a sentence; `alone` — none of these.
 */
export type MissedKind = 'repeat' | 'part' | 'odd' | 'initial' | 'alone';
export const MISSED_KINDS: readonly MissedKind[] = ['repeat', 'part', 'odd', 'initial', 'alone'];

export function missedKind(text: string, gold: Span, predTexts: ReadonlyMap<string, number>, predWords: ReadonlySet<string>): MissedKind {
  const name = text.slice(gold.start, gold.end);
  if (predTexts.has(name)) return 'repeat';
  const words = name.split(/\s+/);
  const key = ` ${words.join(' ')} `;
  for (const p of predTexts.keys()) if (p !== name && (` ${p} `.includes(key) || key.includes(` ${p} `))) return 'part';
  if (words.some((w) => predWords.has(w) && /^\p{Lu}\p{Ll}/u.test(w) && w.length > 2) && words.length > 1) return 'part';
  if (!/^\p{Lu}/u.test(name) || /^[\p{Lu}\d&.-]+$/u.test(name) || /\s['’]?s$/.test(name)) return 'odd';
  const before = text.slice(Math.max(0, gold.start - 3), gold.start);
  if (gold.start === 0 || /(^|[.!?:"“”\n])\s*$/.test(before)) return 'initial';
  return 'alone';
}

function record(t: Tally, text: string, errs: SpanError[], show: string | null, pred: readonly Span[] = [], gold: readonly Span[] = []): void {
  confusionCounts(gold, pred, t.confusion, text);
  const predTexts = new Map<string, number>();
  const predWords = new Set<string>();
  for (const p of pred) {
    if (!coarseType(p.type)) continue;
    const s = text.slice(p.start, p.end);
    predTexts.set(s, (predTexts.get(s) ?? 0) + 1);
    for (const w of s.split(/\s+/)) predWords.add(w);
  }
  for (const e of errs) {
    for (const k of [`${e.cls}\t${e.coarse}`, `${e.cls}\tall`]) t.counts.set(k, (t.counts.get(k) ?? 0) + 1);
    let kind = '';
    if (e.cls === 'missed') {
      kind = missedKind(text, e.gold[0], predTexts, predWords);
      for (const k of [`missed ${kind}\t${e.coarse}`, `missed ${kind}\tall`]) t.counts.set(k, (t.counts.get(k) ?? 0) + 1);
    }
    const group = BOUNDARY.includes(e.cls) ? 'boundary' : e.cls;
    if (show && show.split(',').some((c) => c === e.cls || c === group)) {
      const f = (s: Span) => `"${text.slice(s.start, s.end)}"/${s.type}`;
      const lo = Math.min(...[...e.gold, ...e.pred].map((s) => s.start));
      const hi = Math.max(...[...e.gold, ...e.pred].map((s) => s.end));
      const ctx = text.slice(Math.max(0, lo - 30), Math.min(text.length, hi + 30)).replace(/\s+/g, ' ');
      t.shown.push(`${e.cls.padEnd(9)}${kind ? ` [${kind}]` : ''} gold ${e.gold.map(f).join(' + ') || '–'}  pred ${e.pred.map(f).join(' + ') || '–'}  … ${ctx} …`);
    }
  }
}

function table(label: string, t: Tally): string {
  const classes: ErrorClass[] = [...BOUNDARY, 'type', 'missed', 'spurious'];
  const col = ['PER', 'ORG', 'LOC', 'all'];
  const n = (cls: string, c: string) => t.counts.get(`${cls}\t${c}`) ?? 0;
  const lines = [`${label}`, `| class | PER | ORG | place | all |`, '|---|---|---|---|---|'];
  for (const cls of classes) lines.push(`| ${BOUNDARY.includes(cls) ? 'boundary: ' : ''}${cls} | ${col.map((c) => n(cls, c)).join(' | ')} |`);
  const sum = (cs: readonly string[], c: string) => cs.reduce((a, cls) => a + n(cls, c), 0);
  for (const kind of MISSED_KINDS) lines.push(`| missed: ${kind} | ${col.map((c) => n(`missed ${kind}`, c)).join(' | ')} |`);
  lines.push(`| **boundary, all** | ${col.map((c) => sum(BOUNDARY, c)).join(' | ')} |`);
  lines.push(`| **errors, all** | ${col.map((c) => sum(classes, c)).join(' | ')} |`);
  return lines.join('\n');
}

/** The stages up to entities (the later ones change no name): the entities' name mentions, typed as their entity. */
function runToEntities(text: string): Doc {
  const doc = new Doc({ text });
  for (const s of [tokenizeStage, parseStage, timesStage, nerStage, namesStage, entitiesStage]) s.run(doc);
  return doc;
}

const names = (doc: Doc): Span[] => doc.entities.flatMap((e) => e.mentions.filter((m) => m.kind === 'name').map((m) => ({ start: m.start, end: m.end, type: e.type })));

function main(): void {
  const args = process.argv.slice(2);
  let news = false;
  let cvDir: string | null = null;
  let show: string | null = null;
  let confusion = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--news') news = true;
    else if (args[i] === '--cv') cvDir = resolve(args[++i]);
    else if (args[i] === '--show') show = args[++i];
    else if (args[i] === '--confusion') confusion = true;
    else if (args[i] === '--without') i++;
    else throw new Error(`unknown option ${args[i]} (use --news, --cv DIR, --show CLASS, --confusion)`);
  }
  if (!news && !cvDir) news = true;
  if (news) {
    const t: Tally = { counts: new Map(), shown: [], confusion: new Map() };
    for (const d of readNewsSet().filter((x) => x.half === 'A')) {
      const pred = names(runToEntities(d.text));
      record(t, d.text, classifyErrors(d.gold, pred), show, pred, d.gold);
    }
    console.log(table('ner-news half A, pipeline errors by class', t));
    if (confusion) console.log(confusionTable('ner-news half A, type confusion', t.confusion));
    if (show) console.log(t.shown.join('\n'));
  }
  if (cvDir) {
    const corpus = readNerCorpus(process.env.CHRONICLE_DATA ?? resolve('..', 'shared', 'data'));
    const pool = cvPool(corpus);
    const t: Tally = { counts: new Map(), shown: [], confusion: new Map() };
    try {
      for (let k = 0; k < 5; k++) {
        const dir = join(cvDir, String(k));
        if (!existsSync(dir)) throw new Error(`no fold model in ${dir}`);
        useNerModel(loadNerModel(dir));
        for (const d of cvFold(pool, k, 5).map(poolText)) {
          const pred = names(runToEntities(d.text));
          record(t, d.text, classifyErrors(d.gold, pred), show, pred, d.gold);
        }
      }
    } finally {
      useNerModel(null);
    }
    console.log(table('CV pool (5 folds, cached fold models), pipeline errors by class', t));
    if (confusion) console.log(confusionTable('CV pool, type confusion', t.confusion));
    if (show) console.log(t.shown.join('\n'));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
