/**
 * npm run train:quotes-speaker — the learned speaker ranker (src/extract/quotes/speaker-ranker.ts):
 * candidates gathered from the real pipeline (the rule cascade's answers kept), labelled by the
 * quote set's annotations, scored by an averaged perceptron. (It lives in eval/, not train/: its
 * labels are eval/quotes.ts' speaker judge.)
 *
 * Training pool: the attributions we may read — dev, the old held-out set, held2, own, held3 half A,
 * held4 half A and held7 half A (eval/data/quotes). Every half B, held5, held6, held8 (both halves: the ranker committed
 * before it keeps its weights) and the blind set are dropped by split and half before any document is extracted.
 *
 * Five-fold cross-validation by document (fixed seed): the ranker trained on four folds picks the
 * speakers of the fifth; speaker accuracy among the attributions found (direct and all), against
 * the cascade on the same attributions, by fold and pooled, with a paired count (McNemar). Then the
 * shipped model trains on every document and is written to models/quotes/speaker-ranker.json with
 * its manifest.
 *
 *   npm run train:quotes-speaker                       cross-validate, train, write the model
 *   npm run train:quotes-speaker -- --cv-only          cross-validate only
 *   npm run train:quotes-speaker -- --ablate           also the CV without each feature group
 *   npm run train:quotes-speaker -- --epochs 10 --seed 15 --folds 5
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDoc } from '../src/extract.js';
import type { Quote } from '../src/doc.js';
import { loadGold, type GoldQuoteDoc } from './quotes-gold.js';
import { judgeSpeaker, pairUp } from './quotes.js';
import { smoothedPrecision } from '../src/extract/coref/confidence.js';
import { onSpeakerCandidates, quotesModelDir, SPEAKER_FEATURE_VERSION, SpeakerRanker, useSpeakerRanker, type SpeakerCandidate } from '../src/extract/quotes/speaker-ranker.js';

/** One found attribution: the cascade's verdict and each candidate's features and verdict. */
export interface SpeakerInstance {
  doc: string;
  direct: boolean;
  cascadeRight: boolean;
  /** the cascade gave no speaker and no words */
  cascadeEmpty: boolean;
  /** the cascade found nothing (no source phrase read, no rule vetoed one): what fill mode may fill */
  fillable: boolean;
  cands: { features: string[]; right: boolean; cascade: boolean }[];
}

/** `margin`: how far a candidate must beat the cascade's answer, fixed, or 'inner' (chosen by a cross-validation inside the training documents) */
export interface TrainOptions { epochs: number; seed: number; margin: number | 'inner' }
export const DEFAULT_OPTIONS: TrainOptions = { epochs: 5, seed: 15, margin: 0 };

/** The documents the ranker may learn from: never held3, held4 or held7 half B, never held5, held6, held8 (either half) or the blind set. */
export function trainingPool(docs: GoldQuoteDoc[]): GoldQuoteDoc[] {
  return docs.filter((d) => d.split === 'dev' || d.split === 'heldout' || d.split === 'held2' || d.split === 'own' || ((d.split === 'held3' || d.split === 'held4' || d.split === 'held7') && d.half === 'A'));
}

/** Each document through the real pipeline with the cascade's speakers, its found attributions labelled. */
export function collectInstances(docs: GoldQuoteDoc[]): SpeakerInstance[] {
  const out: SpeakerInstance[] = [];
  let captured: { quotes: readonly Quote[]; cands: SpeakerCandidate[][]; fillable: readonly boolean[] } | null = null;
  useSpeakerRanker(null);
  onSpeakerCandidates((_doc, quotes, cands, fillable) => { captured = { quotes: quotes.slice(), cands, fillable }; });
  try {
    for (const d of docs) {
      captured = null;
      const doc = extractDoc({ id: d.id, text: d.text, published: d.date, title: d.title });
      const got = captured as { quotes: readonly Quote[]; cands: SpeakerCandidate[][]; fillable: readonly boolean[] } | null;
      const key = (q: { start: number; end: number; kind: string }) => `${q.start}:${q.end}:${q.kind}`;
      const candsOf = new Map<string, SpeakerCandidate[]>();
      const fillableAt = new Set<string>();
      if (got) got.quotes.forEach((q, i) => { candsOf.set(key(q), got.cands[i]); if (got.fillable[i]) fillableAt.add(key(q)); });
      const ap = pairUp(d.attributions.map((a) => [a.content.start, a.content.end]), doc.quotes.map((q) => [q.start, q.end]));
      d.attributions.forEach((g, i) => {
        const j = ap.get(i);
        if (j === undefined || g.kind === 'belief') return;
        const q = doc.quotes[j];
        const cands = candsOf.get(key(q)) ?? [];
        out.push({
          doc: d.id, direct: g.kind === 'direct', cascadeRight: judgeSpeaker(doc, g, q) === 'right',
          cascadeEmpty: !q.speaker && !q.speaker_text, fillable: fillableAt.has(key(q)),
          cands: cands.map((c) => ({ features: c.features, cascade: c.cascade, right: judgeSpeaker(doc, g, { ...q, speaker: c.entity, ...(c.entity ? { speaker_text: undefined } : { speaker_text: c.text }) }) === 'right' })),
        });
      });
    }
  } finally {
    onSpeakerCandidates(null);
    useSpeakerRanker(undefined);
  }
  return out;
}

/** A small deterministic generator (xorshift32). */
function rng(seed: number): () => number {
  let x = (seed * 2654435761) >>> 0 || 1;
  return () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 4294967296; };
}

function shuffled<T>(xs: readonly T[], rand: () => number): T[] {
  const a = xs.slice();
  for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; }
  return a;
}

/**
 * Averaged ranking perceptron: on each attribution with a right candidate, when the best-scoring
 * candidate is not right, move toward the best-scoring right one. `keep` drops features (ablation).
 */
export function trainRanker(instances: readonly SpeakerInstance[], options: TrainOptions = DEFAULT_OPTIONS, keep: (f: string) => boolean = () => true): SpeakerRanker {
  const weights = trainWeights(instances, options, keep);
  if (options.margin !== 'inner') return new SpeakerRanker(weights, options.margin, -Infinity);
  const { margin, fill } = innerThresholds(instances, options, keep);
  return new SpeakerRanker(weights, margin, fill);
}

/** The threshold over `moves` (score, gain) with the best summed gain above it; ties keep the higher threshold (fewer changes). */
function bestThreshold(moves: { d: number; gain: number }[]): number {
  moves.sort((a, b) => b.d - a.d);
  let best = Infinity, bestGain = 0, run = 0;
  for (let i = 0; i < moves.length; i++) {
    run += moves[i].gain;
    // take everything scoring above the next move's score
    const theta = i + 1 < moves.length ? (moves[i].d + moves[i + 1].d) / 2 : moves[i].d - 1;
    if (run > bestGain) { bestGain = run; best = theta; }
  }
  return best;
}

/**
 * The margin that overrules the cascade and the score that fills an empty answer, each the most
 * profitable on held-out documents of the training set (an inner 4-fold cross-validation): an
 * overruled answer counts +1 when it turns wrong into right, −1 the other way; a filled answer +1
 * when right, −1 when wrong (an empty speaker beats a wrong one).
 */
function innerThresholds(instances: readonly SpeakerInstance[], options: TrainOptions, keep: (f: string) => boolean): { margin: number; fill: number } {
  const inner = 4;
  const fold = foldsOf(instances.map((x) => x.doc), inner, options.seed + 1);
  const overrule: { d: number; gain: number }[] = [];
  const fill: { d: number; gain: number }[] = [];
  for (let k = 0; k < inner; k++) {
    const model = new SpeakerRanker(trainWeights(instances.filter((x) => fold.get(x.doc) !== k), options, keep), 0);
    for (const x of instances) {
      if (fold.get(x.doc) !== k || !x.cands.length) continue;
      const ci = x.cands.findIndex((c) => c.cascade);
      const fs = x.cands.map((c) => model.score(c.features.filter(keep)));
      let bi = 0;
      fs.forEach((s, i) => { if (s > fs[bi]) bi = i; });
      if (ci < 0) fill.push({ d: fs[bi], gain: x.cands[bi].right ? 1 : -1 });
      else if (bi !== ci) overrule.push({ d: fs[bi] - fs[ci], gain: +x.cands[bi].right - +x.cands[ci].right });
    }
  }
  const margin = bestThreshold(overrule);
  return { margin: Number.isFinite(margin) ? Math.max(0, margin) : 1e9, fill: Number.isFinite(bestThreshold(fill)) ? bestThreshold(fill) : 1e9 };
}

function trainWeights(instances: readonly SpeakerInstance[], options: TrainOptions, keep: (f: string) => boolean): Map<string, number> {
  const usable = instances.filter((x) => x.cands.length >= 2 && x.cands.some((c) => c.right)).map((x) => ({ cands: x.cands.map((c) => ({ right: c.right, cascade: c.cascade, features: c.features.filter(keep) })) }));
  const w = new Map<string, number>();
  const acc = new Map<string, number>();
  const stamp = new Map<string, number>();
  let t = 1;
  const update = (f: string, d: number) => {
    const cur = w.get(f) ?? 0;
    acc.set(f, (acc.get(f) ?? 0) + (t - (stamp.get(f) ?? 0)) * cur);
    stamp.set(f, t);
    w.set(f, cur + d);
  };
  const score = (fs: readonly string[]) => { let s = 0; for (const f of fs) s += w.get(f) ?? 0; return s; };
  const rand = rng(options.seed);
  for (let e = 0; e < options.epochs; e++) {
    for (const x of shuffled(usable, rand)) {
      let bi = 0, bs = -Infinity, gi = -1, gs = -Infinity;
      x.cands.forEach((c, i) => {
        const s = score(c.features);
        if (s > bs) { bs = s; bi = i; }
        if (c.right && s > gs) { gs = s; gi = i; }
      });
      if (!x.cands[bi].right) {
        for (const f of x.cands[gi].features) update(f, 1);
        for (const f of x.cands[bi].features) update(f, -1);
      }
      t++;
    }
  }
  const avg = new Map<string, number>();
  for (const [f, v] of w) {
    const total = (acc.get(f) ?? 0) + (t - (stamp.get(f) ?? 0)) * v;
    if (total !== 0) avg.set(f, total / t);
  }
  return avg;
}

/** The ranker's verdict on one attribution (no candidate: the cascade's answer, which is then empty). */
export function rankerRight(model: SpeakerRanker, x: SpeakerInstance): boolean {
  const b = x.cands.length ? model.best(x.cands) : -1;
  return b < 0 ? x.cascadeRight : x.cands[b].right;
}

/** Documents into folds by a seeded shuffle of their ids. */
export function foldsOf(ids: readonly string[], folds: number, seed: number): Map<string, number> {
  const order = shuffled([...new Set(ids)].sort(), rng(seed));
  return new Map(order.map((id, i) => [id, i % folds]));
}

export interface CvRow { fold: number; docs: number; n: number; direct: number; rules: number; ranker: number; rulesDirect: number; rankerDirect: number; onlyRules: number; onlyRanker: number; changed: number; emptyFilled: number; emptyFilledRight: number }

export function crossValidate(instances: readonly SpeakerInstance[], folds: number, options: TrainOptions, keep?: (f: string) => boolean): CvRow[] {
  const fold = foldsOf(instances.map((x) => x.doc), folds, options.seed);
  const rows: CvRow[] = [];
  for (let k = 0; k < folds; k++) {
    const model = trainRanker(instances.filter((x) => fold.get(x.doc) !== k), options, keep);
    const test = instances.filter((x) => fold.get(x.doc) === k);
    const row: CvRow = { fold: k, docs: new Set(test.map((x) => x.doc)).size, n: test.length, direct: 0, rules: 0, ranker: 0, rulesDirect: 0, rankerDirect: 0, onlyRules: 0, onlyRanker: 0, changed: 0, emptyFilled: 0, emptyFilledRight: 0 };
    for (const x of test) {
      const r = rankerRight(model, x);
      row.rules += +x.cascadeRight;
      row.ranker += +r;
      if (x.direct) { row.direct++; row.rulesDirect += +x.cascadeRight; row.rankerDirect += +r; }
      if (x.cascadeRight && !r) row.onlyRules++;
      if (!x.cascadeRight && r) row.onlyRanker++;
      const ci = x.cands.findIndex((c) => c.cascade);
      if (x.cands.length && model.best(x.cands) !== ci && model.best(x.cands) >= 0) {
        row.changed++;
        if (ci < 0) { row.emptyFilled++; row.emptyFilledRight += +r; }
      }
    }
    rows.push(row);
  }
  return rows;
}

export function pooled(rows: readonly CvRow[]): CvRow {
  const p: CvRow = { fold: -1, docs: 0, n: 0, direct: 0, rules: 0, ranker: 0, rulesDirect: 0, rankerDirect: 0, onlyRules: 0, onlyRanker: 0, changed: 0, emptyFilled: 0, emptyFilledRight: 0 };
  for (const r of rows) for (const k of Object.keys(p) as (keyof CvRow)[]) if (k !== 'fold') p[k] += r[k];
  return p;
}

/** Exact two-sided McNemar (binomial) p-value over the discordant pairs. */
export function mcnemar(b: number, c: number): number {
  const n = b + c;
  if (!n) return 1;
  const k = Math.min(b, c);
  let tail = 0;
  let coef = 1;
  for (let i = 0; i <= k; i++) { if (i > 0) coef = (coef * (n - i + 1)) / i; tail += coef; }
  return Math.min(1, (2 * tail) / 2 ** n);
}

const pct = (a: number, b: number) => (b ? (100 * a / b).toFixed(1) : '—');

export function formatCv(rows: readonly CvRow[]): string[] {
  const out = ['fold  docs  found  rules all  ranker all  rules direct  ranker direct  rules-only  ranker-only'];
  for (const r of [...rows, pooled(rows)]) {
    out.push(`${r.fold < 0 ? 'pool' : String(r.fold).padEnd(4)}  ${String(r.docs).padStart(4)}  ${String(r.n).padStart(5)}  ${pct(r.rules, r.n).padStart(9)}  ${pct(r.ranker, r.n).padStart(10)}  ${pct(r.rulesDirect, r.direct).padStart(12)}  ${pct(r.rankerDirect, r.direct).padStart(13)}  ${String(r.onlyRules).padStart(10)}  ${String(r.onlyRanker).padStart(11)}`);
  }
  const p = pooled(rows);
  out.push(`pooled: rules ${p.rules}/${p.n} (${pct(p.rules, p.n)}), ranker ${p.ranker}/${p.n} (${pct(p.ranker, p.n)}); direct ${p.rulesDirect} → ${p.rankerDirect} of ${p.direct}; paired: ranker alone right ${p.onlyRanker}, rules alone right ${p.onlyRules}, McNemar p = ${mcnemar(p.onlyRanker, p.onlyRules).toFixed(3)}; answers changed ${p.changed}, of them empty filled ${p.emptyFilled} (right ${p.emptyFilledRight})`);
  return out;
}

/** Right / wrong / empty speakers over found attributions. */
export interface Rwe { right: number; wrong: number; empty: number }

/** Fill mode's cross-validation: per attribution the cascade's, fill mode's and the ranker's verdicts (right / wrong / empty), and the fills. */
export interface FillCv { cascade: Rwe; fill: Rwe; ranker: Rwe; cascadeEmpty: number; fillable: number; fills: number; fillsRight: number; direct: { cascade: number; fill: number; n: number } }

/**
 * Document-level CV of fill mode: the model trained on four folds (on the attributions `trainOn`
 * keeps) fills the fifth fold's attributions the cascade found nothing for; every other answer is
 * the cascade's. The ranker column is the same model overruling everything (the =ranker mode).
 */
export function crossValidateFill(instances: readonly SpeakerInstance[], folds: number, options: TrainOptions, keep?: (f: string) => boolean, trainOn: (x: SpeakerInstance) => boolean = () => true): FillCv {
  const fold = foldsOf(instances.map((x) => x.doc), folds, options.seed);
  const z = (): Rwe => ({ right: 0, wrong: 0, empty: 0 });
  const out: FillCv = { cascade: z(), fill: z(), ranker: z(), cascadeEmpty: 0, fillable: 0, fills: 0, fillsRight: 0, direct: { cascade: 0, fill: 0, n: 0 } };
  const tally = (r: Rwe, right: boolean, empty: boolean) => { if (right) r.right++; else if (empty) r.empty++; else r.wrong++; };
  for (let k = 0; k < folds; k++) {
    const model = trainRanker(instances.filter((x) => fold.get(x.doc) !== k && trainOn(x)), options, keep);
    for (const x of instances) {
      if (fold.get(x.doc) !== k) continue;
      tally(out.cascade, x.cascadeRight, x.cascadeEmpty);
      const b = x.cands.length ? model.best(x.cands) : -1;
      tally(out.ranker, b < 0 ? x.cascadeRight : x.cands[b].right, b < 0 && x.cascadeEmpty);
      out.cascadeEmpty += +x.cascadeEmpty;
      out.fillable += +x.fillable;
      let fillRight = x.cascadeRight;
      if (x.fillable && b >= 0) {
        out.fills++;
        out.fillsRight += +x.cands[b].right;
        fillRight = x.cands[b].right;
        tally(out.fill, fillRight, false);
      } else tally(out.fill, x.cascadeRight, x.cascadeEmpty);
      if (x.direct) { out.direct.n++; out.direct.cascade += +x.cascadeRight; out.direct.fill += +fillRight; }
    }
  }
  return out;
}

export function formatFillCv(name: string, c: FillCv): string {
  const f = (r: Rwe) => `${r.right}/${r.wrong}/${r.empty}`;
  return `${name}: right/wrong/empty cascade ${f(c.cascade)}, fill ${f(c.fill)}, ranker ${f(c.ranker)}; cascade empty ${c.cascadeEmpty}, of them found nothing ${c.fillable}; fills ${c.fills}, right ${c.fillsRight}; direct cascade ${c.direct.cascade} fill ${c.direct.fill} of ${c.direct.n}`;
}

/** Override study: where the out-of-fold ranker's best candidate is not the cascade's answer, how much each override gains, by margin. */
export interface OverrideSweep { disagreements: number; wrongToRight: number; rightToWrong: number; bestPrefixGain: number; bestPrefixSize: number; byAnswer: Record<string, { n: number; gain: number; bestPrefixGain: number }> }

/**
 * The ranker (trained on four folds) against the cascade on the fifth, where they disagree and the cascade gave an answer:
 * an override gains +1 (wrong → right), −1 (right → wrong) or 0. Sorted by the ranker's margin over the cascade's answer,
 * the best prefix is what the best margin threshold could buy if it were chosen on these very folds (an upper bound).
 */
export function overrideSweep(instances: readonly SpeakerInstance[], folds: number, options: TrainOptions, keep: (f: string) => boolean): OverrideSweep {
  const fold = foldsOf(instances.map((x) => x.doc), folds, options.seed);
  const moves: { d: number; gain: number; answer: string }[] = [];
  for (let k = 0; k < folds; k++) {
    const model = trainRanker(instances.filter((x) => fold.get(x.doc) !== k), { ...options, margin: 0 }, keep);
    for (const x of instances) {
      if (fold.get(x.doc) !== k) continue;
      const ci = x.cands.findIndex((c) => c.cascade);
      if (ci < 0) continue;
      const fs = x.cands.map((c) => model.score(c.features.filter(keep)));
      let bi = 0;
      fs.forEach((v, i) => { if (v > fs[bi]) bi = i; });
      if (bi === ci) continue;
      // the cascade's answer (an entity or words) and how its source phrase is written (name, noun, plural, pronoun, none)
      const answer = (x.cands[ci].features.find((f) => /^(?:T:)?cas-src=/.test(f)) ?? 'cas-src=?').replace(/^(?:T:)?cas-src=/, '');
      moves.push({ d: fs[bi] - fs[ci], gain: +x.cands[bi].right - +x.cands[ci].right, answer });
    }
  }
  const prefix = (ms: { d: number; gain: number }[]) => {
    let run = 0, best = 0, size = 0;
    [...ms].sort((a, b) => b.d - a.d).forEach((m, i) => { run += m.gain; if (run > best) { best = run; size = i + 1; } });
    return { best, size };
  };
  const all = prefix(moves);
  const byAnswer: OverrideSweep['byAnswer'] = {};
  for (const a of [...new Set(moves.map((m) => m.answer))].sort()) {
    const ms = moves.filter((m) => m.answer === a);
    byAnswer[a] = { n: ms.length, gain: ms.reduce((t, m) => t + m.gain, 0), bestPrefixGain: prefix(ms).best };
  }
  return { disagreements: moves.length, wrongToRight: moves.filter((m) => m.gain > 0).length, rightToWrong: moves.filter((m) => m.gain < 0).length, bestPrefixGain: all.best, bestPrefixSize: all.size, byAnswer };
}

/** Feature groups for the ablation: a feature belongs to the first group whose prefix it starts with. */
export const FEATURE_GROUPS: Record<string, RegExp> = {
  readers: /^(?:rd|r|r-src|rd-cas|rd-qk-cp|far-rd)=/,
  cascade: /^(?:T:)?(?:cas|cas-src|cas-srcrel|rel-cas|type-cas|cas-rel-kind|quoted-cas|subj-cas)=/,
  relation: /^(?:rel|rel-cue|rel-kind|rel-qk|dir-rel|inside-rel|cas-rel-kind)=/,
  distance: /^(?:dir|soff|soff-kind|n|para)=/,
  quotation: /^(?:inside|incontent|inside-rel)=/,
  kind: /^(?:kind|kind-type|kind-src|type|named|gender|type-src)=/,
  document: /^(?:quoted|quoted-type|quoted-cas|sal|sal-type|sal-srch)=/,
  salience: /^(?:subj|subj-src|subj-cas|last|last-src|last-kind)=/,
  quote: /^(?:T:)?(?:qk|cp|cue|qk-cp)=/,
};

/**
 * The two designs measured: `alone` scores the candidates on structure only (no feature says which
 * candidate the cascade chose; the cascade's answer wins only ties), `stacked` adds the cascade's
 * choice as features and overrules it only past a margin chosen by an inner cross-validation.
 */
export const DESIGNS = {
  alone: { margin: 0, keep: (f: string) => !FEATURE_GROUPS.cascade.test(f) && !/cascade/.test(f) },
  stacked: { margin: 'inner' as const, keep: (_f: string) => true },
};
export type Design = keyof typeof DESIGNS;
/** The shipped design: stacking learns to defer to the cascade (it never overrules it), so the alone design is the one worth an A/B. */
export const SHIPPED_DESIGN: Design = 'alone';

/** The shipped model from instances (what `npm run train:quotes-speaker` writes). */
export function trainShipped(instances: readonly SpeakerInstance[], options: Omit<TrainOptions, 'margin'> = DEFAULT_OPTIONS, fillPrecision?: number): SpeakerRanker {
  const d = DESIGNS[SHIPPED_DESIGN];
  const r = trainRanker(instances, { ...options, margin: d.margin }, d.keep);
  return fillPrecision === undefined ? r : new SpeakerRanker(r.weights, r.margin, r.fill, fillPrecision);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string, fallback: number) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? Number(process.argv[i + 1]) : fallback; };
  const base = { epochs: arg('epochs', DEFAULT_OPTIONS.epochs), seed: arg('seed', DEFAULT_OPTIONS.seed) };
  const folds = arg('folds', 5);
  const t0 = performance.now();
  const pool = trainingPool(loadGold());
  const instances = collectInstances(pool);
  const oracle = instances.filter((x) => x.cands.some((c) => c.right)).length;
  const meanCands = instances.reduce((a, x) => a + x.cands.length, 0) / Math.max(1, instances.length);
  console.log(`${pool.length} documents, ${instances.length} attributions found; a right candidate for ${oracle} (${pct(oracle, instances.length)}); ${meanCands.toFixed(1)} candidates each; ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const cvs: Record<string, CvRow[]> = {};
  for (const [name, d] of Object.entries(DESIGNS)) {
    cvs[name] = crossValidate(instances, folds, { ...base, margin: d.margin }, d.keep);
    console.log(`${folds}-fold cross-validation by document, ${name} (seed ${base.seed}, ${base.epochs} epochs):`);
    for (const l of formatCv(cvs[name])) console.log(l);
  }
  // fill mode: the shipped design's model fills only the attributions the cascade found nothing for
  const shipped = DESIGNS[SHIPPED_DESIGN];
  const fillCv = crossValidateFill(instances, folds, { ...base, margin: shipped.margin }, shipped.keep);
  console.log(formatFillCv(`${folds}-fold fill (${SHIPPED_DESIGN}, seed ${base.seed})`, fillCv));
  if (process.argv.includes('--fill-sweep')) {
    const variants: Record<string, { margin: number | 'inner'; keep: (f: string) => boolean; trainOn?: (x: SpeakerInstance) => boolean }> = {
      alone: shipped,
      'stacked weights (no margin)': { margin: 0, keep: DESIGNS.stacked.keep },
      'alone, trained on cascade-empty only': { ...shipped, trainOn: (x) => x.cascadeEmpty },
      'alone, trained on cascade wrong or empty': { ...shipped, trainOn: (x) => !x.cascadeRight },
    };
    for (const [name, v] of Object.entries(variants)) {
      for (const seed of [15, 16, 17]) console.log(formatFillCv(`  ${name}, seed ${seed}`, crossValidateFill(instances, folds, { ...base, seed, margin: v.margin }, v.keep, v.trainOn)));
    }
  }
  const overrides: Record<string, OverrideSweep> = {};
  for (const seed of [15, 16, 17]) {
    const o = overrideSweep(instances, folds, { ...base, seed, margin: 0 }, shipped.keep);
    overrides[`seed ${seed}`] = o;
    console.log(`override sweep (${SHIPPED_DESIGN}, seed ${seed}): ${o.disagreements} answers the ranker would change, wrong → right ${o.wrongToRight}, right → wrong ${o.rightToWrong}; best margin on these folds gains ${o.bestPrefixGain} (top ${o.bestPrefixSize}); by the cascade's answer|source: ${Object.entries(o.byAnswer).map(([a, b]) => `${a} ${b.n} (net ${b.gain}, best ${b.bestPrefixGain})`).join(', ')}`);
  }
  const ablation: Record<string, { ranker: number; n: number; rankerAloneRight: number; rulesAloneRight: number }> = {};
  if (process.argv.includes('--ablate')) {
    const d = DESIGNS[SHIPPED_DESIGN];
    for (const [g, re] of Object.entries(FEATURE_GROUPS)) {
      if (g === 'cascade') continue;
      const p = pooled(crossValidate(instances, folds, { ...base, margin: d.margin }, (f) => d.keep(f) && !re.test(f)));
      ablation[g] = { ranker: p.ranker, n: p.n, rankerAloneRight: p.onlyRanker, rulesAloneRight: p.onlyRules };
      console.log(`${SHIPPED_DESIGN} without ${g.padEnd(10)} ranker ${p.ranker}/${p.n} (${pct(p.ranker, p.n)}); direct ${p.rankerDirect}/${p.direct}; ranker alone right ${p.onlyRanker}, rules alone right ${p.onlyRules}`);
    }
  }
  if (!process.argv.includes('--cv-only')) {
    const model = trainShipped(instances, base, smoothedPrecision(fillCv.fillsRight, fillCv.fills));
    const file = model.toFile();
    const dir = quotesModelDir();
    mkdirSync(dir, { recursive: true });
    const json = JSON.stringify(file) + '\n';
    writeFileSync(join(dir, 'speaker-ranker.json'), json);
    const splits = (s: string) => pool.filter((d) => `${d.split}${d.half ? ` ${d.half}` : ''}` === s).length;
    const summary = (rows: CvRow[]) => {
      const p = pooled(rows);
      return {
        pooled: { found: p.n, rules: p.rules, ranker: p.ranker, direct: p.direct, rulesDirect: p.rulesDirect, rankerDirect: p.rankerDirect, rankerAloneRight: p.onlyRanker, rulesAloneRight: p.onlyRules, mcnemarP: Number(mcnemar(p.onlyRanker, p.onlyRules).toFixed(4)) },
        byFold: rows.map((r) => ({ fold: r.fold, docs: r.docs, found: r.n, rules: r.rules, ranker: r.ranker })),
      };
    };
    const manifest = {
      model: 'speaker-ranker.json',
      what: 'averaged ranking perceptron over the speaker candidates of each quote (src/extract/quotes/speaker-ranker.ts); by default (CHRONICLE_QUOTES_SPEAKER=fill) it names a speaker only where the cascade found nothing, with confidence fillPrecision; =ranker lets it overrule the cascade, =rules keeps the cascade alone',
      design: SHIPPED_DESIGN,
      featureVersion: SPEAKER_FEATURE_VERSION,
      sha256: createHash('sha256').update(json).digest('hex'),
      weights: Object.keys(file.weights).length,
      hyperparameters: { ...base, margin: file.margin, fill: file.fill, folds, windowSentencesBefore: 2, maxEntityCandidates: 24 },
      data: {
        source: 'eval/data/quotes (gold.jsonl, ann/): the annotated attributions the ranker may read',
        documents: { dev: splits('dev'), heldout: splits('heldout'), held2: splits('held2'), own: splits('own'), 'held3 A': splits('held3 A'), 'held4 A': splits('held4 A'), 'held7 A': splits('held7 A') },
        never: 'held3, held4 and held7 half B, held5, held6, the blind set (dropped by split and half before extraction)',
        licences: { wikinews: 'CC BY 2.5 (English Wikinews; held3/held4/held7 texts via AMALGUM, gucorpling/amalgum)', gum: 'CC BY 2.5 (GUM train news, Wikinews text)', own: 'CC0 1.0 (written for Chronicle)' },
        attributions: instances.length,
        rightCandidate: oracle,
      },
      crossValidation: {
        folds, seed: base.seed, by: 'document', measure: 'speaker accuracy among found attributions (eval/quotes.ts judgeSpeaker), rules = the cascade on the same attributions',
        ...Object.fromEntries(Object.entries(cvs).map(([k, v]) => [k, summary(v)])),
        fill: {
          what: 'fill mode (CHRONICLE_QUOTES_SPEAKER=fill): the out-of-fold model names a speaker only where the cascade found nothing; right / wrong / empty over found attributions',
          cascade: fillCv.cascade, fill: fillCv.fill, ranker: fillCv.ranker, cascadeEmpty: fillCv.cascadeEmpty, foundNothing: fillCv.fillable,
          fills: fillCv.fills, fillsRight: fillCv.fillsRight, direct: fillCv.direct,
          fillPrecision: file.fillPrecision, smoothing: '(right + 1) / (fills + 2): the confidence a filled speaker carries',
        },
        overrideSweep: { what: 'where the out-of-fold ranker would change an answer the cascade gave: the net gain, and the best a margin chosen on the same folds could buy (an upper bound)', ...overrides },
        ...(Object.keys(ablation).length ? { [`${SHIPPED_DESIGN}WithoutGroup`]: ablation } : {}),
      },
      reproduce: 'npm run train:quotes-speaker -- --ablate',
    };
    writeFileSync(join(dir, 'speaker-ranker.manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    console.log(`wrote ${join(dir, 'speaker-ranker.json')} (${Object.keys(file.weights).length} weights, ${json.length} bytes)`);
  }
}
