/**
 * npm run train:events — trains the event detector and classifier (src/extract/events/detector.ts)
 * on the annotated set (eval/data/events/), measures it by cross-validation over whole documents
 * (raw text through the real pipeline), chooses the decision thresholds and the confidence
 * calibration on the cross-validated predictions, then trains on every document and writes
 * models/events/detector.json.gz with its manifest.
 *
 * usage: npm run train:events [-- --set DIR] [--folds 5] [--epochs 12] [--cv-only] [--out FILE]
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Doc } from '../src/doc.js';
import { createPipeline } from '../src/extract.js';
import { describeCandidates, ruleVerdict, type DescribedCandidate } from '../src/extract/events/coder.js';
import { NONE, calibrate, verdictFor, detectorPath, type DetectorModel } from '../src/extract/events/detector.js';
import { candidateFeatures } from '../src/extract/events/features.js';
import { defaultLexicon } from '../src/extract/events/lexicon.js';
import { DEFAULT_SET_DIR, labelAt, loadSet, newTally, report, scores, tallyDoc, type Label, type Predicted, type SetDoc, type Span, type Tally } from '../eval/events-set.js';

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export const CLASSES = [NONE, ...PLOVER_TYPES];

export interface TrainOptions {
  epochs: number;
  rate: number;
  l2: number;
  minCount: number;
  seed: number;
}

export const DEFAULTS: TrainOptions = { epochs: 12, rate: 0.15, l2: 1e-5, minCount: 2, seed: 1 };

/** One candidate as a training or test instance. */
export interface Instance {
  doc: number;
  features: string[];
  gold: number;
  cand: DescribedCandidate;
}

/** Multinomial logistic regression trained by AdaGrad; returns the sparse weights of the model file. */
export function trainSoftmax(instances: Instance[], classes: readonly string[], o: TrainOptions): DetectorModel['weights'] {
  const counts = new Map<string, number>();
  for (const x of instances) for (const f of x.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of counts) if (n >= o.minCount || f === 'bias') index.set(f, index.size);
  const C = classes.length;
  const W = new Float64Array(index.size * C);
  const G = new Float64Array(index.size * C).fill(1e-6);
  const rows = instances.map((x) => x.features.map((f) => index.get(f)).filter((k): k is number => k !== undefined));
  const order = instances.map((_, k) => k);
  let rnd = o.seed >>> 0 || 1;
  const random = () => { rnd ^= rnd << 13; rnd ^= rnd >>> 17; rnd ^= rnd << 5; return (rnd >>> 0) / 4294967296; };
  const p = new Float64Array(C);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let k = order.length - 1; k > 0; k--) { const j = Math.floor(random() * (k + 1)); [order[k], order[j]] = [order[j], order[k]]; }
    for (const n of order) {
      const feats = rows[n];
      p.fill(0);
      for (const f of feats) for (let c = 0; c < C; c++) p[c] += W[f * C + c];
      let max = -Infinity;
      for (let c = 0; c < C; c++) if (p[c] > max) max = p[c];
      let z = 0;
      for (let c = 0; c < C; c++) { p[c] = Math.exp(p[c] - max); z += p[c]; }
      for (let c = 0; c < C; c++) p[c] /= z;
      const gold = instances[n].gold;
      for (const f of feats) {
        for (let c = 0; c < C; c++) {
          const at = f * C + c;
          const g = p[c] - (c === gold ? 1 : 0) + o.l2 * W[at];
          G[at] += g * g;
          W[at] -= (o.rate / Math.sqrt(G[at])) * g;
        }
      }
    }
  }
  const weights: DetectorModel['weights'] = {};
  for (const [f, k] of index) {
    const row: [number, number][] = [];
    for (let c = 0; c < C; c++) {
      const w = Math.round(W[k * C + c] * 1e4) / 1e4;
      if (Math.abs(w) >= 1e-3) row.push([c, w]);
    }
    if (row.length) weights[f] = row;
  }
  return weights;
}

/** Candidate nouns: the lemmas of the nouns the annotators were shown (not those they added), in the given documents. */
export function candidateNouns(labels: Label[]): string[] {
  const out = new Set<string>();
  for (const l of labels) if (l.trigger.pos === 'NOUN' && !l.trigger.added) out.add(l.trigger.lemma.toLowerCase());
  return [...out].sort();
}

/** Isotonic regression (pool adjacent violators) of outcomes on scores: knots for `calibrate`. */
export function isotonic(points: { x: number; y: number }[]): DetectorModel['calibration'] {
  const sorted = [...points].sort((a, b) => a.x - b.x);
  const blocks: { x: number; sum: number; n: number }[] = [];
  for (const p of sorted) {
    blocks.push({ x: p.x, sum: p.y, n: 1 });
    while (blocks.length > 1 && blocks[blocks.length - 2].sum / blocks[blocks.length - 2].n > blocks[blocks.length - 1].sum / blocks[blocks.length - 1].n) {
      const b = blocks.pop()!;
      const a = blocks[blocks.length - 1];
      a.x = (a.x * a.n + b.x * b.n) / (a.n + b.n);
      a.sum += b.sum;
      a.n += b.n;
    }
  }
  return { x: blocks.map((b) => Math.round(b.x * 1e4) / 1e4), y: blocks.map((b) => Math.round((b.sum / b.n) * 1e4) / 1e4) };
}

function spansOf(doc: Doc, ids: string[]): Span[][] {
  return ids.map((id) => (doc.entityById(id)?.mentions ?? []).map((m) => ({ start: m.start, end: m.end })));
}

function predicted(c: DescribedCandidate, type: string, confidence?: number): Predicted {
  return {
    start: c.start, end: c.end, type, factuality: c.ctx.factuality,
    actor: spansOf(c.ctx.doc, c.ctx.actor), recipient: spansOf(c.ctx.doc, c.ctx.recipient),
    ...(confidence !== undefined ? { confidence } : {}),
  };
}

interface Scored { x: Instance; pEvent: number; best: number; pType: number }

function score(model: Pick<DetectorModel, 'classes' | 'weights'>, x: Instance): Scored {
  const C = model.classes.length;
  const p = new Float64Array(C);
  for (const f of x.features) for (const [c, w] of model.weights[f] ?? []) p[c] += w;
  let max = -Infinity;
  for (const v of p) if (v > max) max = v;
  let z = 0;
  for (let c = 0; c < C; c++) { p[c] = Math.exp(p[c] - max); z += p[c]; }
  for (let c = 0; c < C; c++) p[c] /= z;
  let best = 1;
  for (let c = 2; c < C; c++) if (p[c] > p[best]) best = c;
  const pEvent = 1 - p[0];
  return { x, pEvent, best, pType: pEvent > 0 ? p[best] / pEvent : 0 };
}

const emitted = (s: Scored, t: number, t0: number) => s.pEvent >= (s.x.cand.ctx.actor.length + s.x.cand.ctx.recipient.length ? t : t0);

function tallyScored(scored: Scored[], docs: SetDoc[], labelsOf: (d: SetDoc) => Label[], t: number, t0: number, keep: (d: SetDoc) => boolean, cal?: DetectorModel['calibration']): Tally {
  const tally = newTally();
  const byDoc = new Map<number, Predicted[]>();
  for (const s of scored) {
    if (!emitted(s, t, t0)) continue;
    const list = byDoc.get(s.x.doc) ?? [];
    list.push(predicted(s.x.cand, CLASSES[s.best], cal ? calibrate(cal, s.pEvent * s.pType) : undefined));
    byDoc.set(s.x.doc, list);
  }
  docs.forEach((d, k) => { if (keep(d)) tallyDoc(tally, labelsOf(d), byDoc.get(k) ?? []); });
  return tally;
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, def: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : def);
  const dir = opt('--set', DEFAULT_SET_DIR);
  const folds = Number(opt('--folds', '5'));
  const o: TrainOptions = { ...DEFAULTS, epochs: Number(opt('--epochs', String(DEFAULTS.epochs))), l2: Number(opt('--l2', String(DEFAULTS.l2))), rate: Number(opt('--rate', String(DEFAULTS.rate))) };
  const out = opt('--out', detectorPath());
  const set = loadSet(dir);
  const lex = defaultLexicon();
  const labelsOf = (d: SetDoc) => set.byDoc.get(d.id) ?? [];
  const t0 = performance.now();
  const pipeline = createPipeline().without('events');
  const parsed = set.docs.map((d, k) => {
    if (k % 10 === 0) process.stderr.write(`\rparsing ${k}/${set.docs.length}`);
    return pipeline.process({ id: d.id, text: d.text, published: d.published, title: d.title });
  });
  process.stderr.write(`\rparsed ${set.docs.length} documents in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);

  const instancesOf = (docIdx: number[], nouns: ReadonlySet<string>): Instance[] => {
    const xs: Instance[] = [];
    for (const k of docIdx) {
      const labels = labelsOf(set.docs[k]);
      const taken = new Set<Label>();
      for (const cand of describeCandidates(parsed[k], lex, {}, true, nouns).candidates) {
        const l = labelAt(labels, cand.start, cand.end);
        let gold = 0;
        if (l && l.event && l.type && !taken.has(l)) { gold = CLASSES.indexOf(l.type); taken.add(l); }
        xs.push({ doc: k, features: candidateFeatures(cand.p, cand.ctx), gold: Math.max(0, gold), cand });
      }
    }
    return xs;
  };

  // the rule coder on the same documents: the "before" figure
  const rules = newTally(), rulesWn = newTally();
  set.docs.forEach((d, k) => {
    const preds: Predicted[] = [];
    for (const c of describeCandidates(parsed[k], lex, {}, false).candidates) {
      const v = ruleVerdict(c.p, c.ctx);
      if (v) preds.push(predicted(c, v.type));
    }
    tallyDoc(rules, labelsOf(d), preds);
    if (d.source === 'wikinews') tallyDoc(rulesWn, labelsOf(d), preds);
  });

  // cross-validation by whole documents (folds by a hash of the document id, so adding documents moves few)
  const foldOf = set.docs.map((d) => parseInt(createHash('sha1').update(d.id).digest('hex').slice(0, 8), 16) % folds);
  const cv: Scored[] = [];
  for (let f = 0; f < folds; f++) {
    const trainIdx = set.docs.map((_, k) => k).filter((k) => foldOf[k] !== f);
    const testIdx = set.docs.map((_, k) => k).filter((k) => foldOf[k] === f);
    const nouns = new Set(candidateNouns(trainIdx.flatMap((k) => labelsOf(set.docs[k]))));
    const weights = trainSoftmax(instancesOf(trainIdx, nouns), CLASSES, o);
    for (const x of instancesOf(testIdx, nouns)) cv.push(score({ classes: CLASSES, weights }, x));
    process.stderr.write(`\rfold ${f + 1}/${folds}`);
  }
  process.stderr.write('\n');

  // thresholds: best F1 of typed events (type and detection right) over the cross-validated predictions
  let bestT = 0.5, bestT0 = 1.01, bestF = -1;
  for (let t = 0.2; t <= 0.9001; t += 0.05) {
    for (const t0 of [t, t + 0.1, t + 0.2, t + 0.3, 1.01]) {
      const s = scores(tallyScored(cv, set.docs, labelsOf, t, t0, () => true));
      const f1 = s.typedPrecision + s.typedRecall ? (2 * s.typedPrecision * s.typedRecall) / (s.typedPrecision + s.typedRecall) : 0;
      if (f1 > bestF) { bestF = f1; bestT = t; bestT0 = t0; }
    }
  }
  // confidence: isotonic fit of "a real event of this type" on the score of the events reported
  const calPoints: { x: number; y: number }[] = [];
  for (const s of cv) {
    if (!emitted(s, bestT, bestT0)) continue;
    calPoints.push({ x: s.pEvent * s.pType, y: s.x.gold === s.best ? 1 : 0 });
  }
  const calibration = isotonic(calPoints);
  const cvAll = tallyScored(cv, set.docs, labelsOf, bestT, bestT0, () => true, calibration);
  const cvWn = tallyScored(cv, set.docs, labelsOf, bestT, bestT0, (d) => d.source === 'wikinews', calibration);
  // reliability of the calibrated confidence on the cross-validated events: mean confidence vs share right, by bin
  const bins = [0, 0.2, 0.4, 0.6, 0.8, 1.0001].map((b) => Math.round(b * 10) / 10);
  const reliability = bins.slice(0, -1).map((lo, k) => {
    const inBin = calPoints.filter((p) => { const c = calibrate(calibration, p.x); return c >= lo && c < bins[k + 1]; });
    return { from: lo, to: Math.min(1, bins[k + 1]), n: inBin.length, mean: inBin.length ? inBin.reduce((a, p) => a + calibrate(calibration, p.x), 0) / inBin.length : 0, right: inBin.length ? inBin.reduce((a, p) => a + p.y, 0) / inBin.length : 0 };
  });

  const lines = [
    `annotated set: ${set.docs.length} documents, ${set.labels.length} labelled candidates; ${folds}-fold cross-validation by document; thresholds ${bestT.toFixed(2)} (with a participant) / ${bestT0 > 1 ? 'never' : bestT0.toFixed(2)} (without)`,
    '',
    'BEFORE — the rule coder (dictionaries and vetoes):',
    ...report('  all documents', rules, false),
    ...report('  wikinews documents', rulesWn),
    '',
    'AFTER — the learned detector, cross-validated:',
    ...report('  all documents', cvAll, false),
    ...report('  wikinews documents', cvWn),
    '',
    'confidence reliability (cross-validated events): ' + reliability.map((r) => `[${r.from.toFixed(1)},${r.to.toFixed(1)}) n=${r.n} mean ${r.mean.toFixed(2)} right ${r.right.toFixed(2)}`).join('; '),
  ];
  console.log(lines.join('\n'));
  if (args.includes('--cv-only')) return;

  // the shipped model: every document
  const allIdx = set.docs.map((_, k) => k);
  const nouns = candidateNouns(set.labels);
  const weights = trainSoftmax(instancesOf(allIdx, new Set(nouns)), CLASSES, o);
  const codeCounts = new Map<string, Map<string, number>>();
  for (const l of set.labels) {
    const code = (l as Label & { cameo?: string | null }).cameo;
    if (!l.event || !l.type || !code) continue;
    const m = codeCounts.get(l.type) ?? new Map<string, number>();
    m.set(code, (m.get(code) ?? 0) + 1);
    codeCounts.set(l.type, m);
  }
  const typeCodes: Record<string, string> = {};
  for (const type of PLOVER_TYPES) {
    const m = codeCounts.get(type);
    const fromTable = Object.entries(lex.plover).filter(([c, v]) => v.type === type && c.length === 3).map(([c]) => c).sort()[0];
    typeCodes[type] = m ? [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0] : fromTable ?? '';
  }
  const model: DetectorModel = { format: 'chronicle-event-detector/1', classes: CLASSES, weights, threshold: bestT, noParticipantThreshold: bestT0, typeCodes, nouns, calibration };
  const bytes = gzipSync(JSON.stringify(model), { level: 9 });
  writeFileSync(out, bytes);
  const s = (t: Tally) => { const x = scores(t); return { precision: +x.precision.toFixed(3), recall: +x.recall.toFixed(3), typed_precision: +x.typedPrecision.toFixed(3), typed_recall: +x.typedRecall.toFixed(3), type_accuracy: +x.typeAccuracy.toFixed(3), actor_accuracy: +x.actorAccuracy.toFixed(3), recipient_accuracy: +x.recipientAccuracy.toFixed(3), factuality_accuracy: +x.factualityAccuracy.toFixed(3), labelled_events: x.gold, predicted: x.predicted }; };
  const manifest = {
    file: 'detector.json.gz',
    built: new Date().toISOString(),
    by: 'train/events.ts (npm run train:events)',
    model: 'multinomial logistic regression (AdaGrad), classes NONE + 16 PLOVER types, over candidate predicates of src/extract/events/coder.ts with the features of src/extract/events/features.ts',
    hyperparameters: { ...o, folds, threshold: bestT, no_participant_threshold: bestT0 > 1 ? null : bestT0 },
    data: {
      set: 'eval/data/events (docs.jsonl, predicates.jsonl; see its README.md)',
      sha256: { 'docs.jsonl': sha256(join(dir, 'docs.jsonl')), 'predicates.jsonl': sha256(join(dir, 'predicates.jsonl')) },
      documents: set.docs.length, labelled_candidates: set.labels.length,
      licence: 'texts: Wikinews CC BY 2.5 (Wikinews contributors), GUM news texts CC BY 2.5, team articles MIT; labels MIT (the Chronicle team). The CAMEO dictionary codes used as features: PETRARCH2 CAMEO 2.0, MIT; PLOVER CAMEO2PLOVER-2021, CC BY-SA 4.0.',
    },
    features: Object.keys(weights).length,
    bytes: bytes.length,
    cross_validation: {
      note: 'whole documents held out, raw text through the real pipeline; thresholds and calibration chosen on these same cross-validated predictions',
      before_rules: { all: s(rules), wikinews: s(rulesWn) },
      after_detector: { all: s(cvAll), wikinews: s(cvWn) },
      by_type_wikinews: Object.fromEntries([...cvWn.byType].map(([t, r]) => [t, { gold: r.gold, predicted: r.predicted, right: r.right }])),
      confidence_reliability: reliability,
    },
  };
  writeFileSync(out.replace(/\.json\.gz$/, '.manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`\nwrote ${out} (${bytes.length} bytes, ${Object.keys(weights).length} features) and its manifest`);
}

if (import.meta.url === `file://${process.argv[1]}`) main().catch((e) => { console.error(e); process.exit(1); });
