/**
 * The recogniser's cross-validation through the pipeline, shared by `npm run eval:entities`
 * (eval/entities.ts, which prints it) and `npm run train:ner` (which picks the O bias by it).
 *
 * `npm run eval:entities`: named-entity figures, cross-validated, end to end on raw text.
 *
 * Headline: K-fold cross-validation (default 5) over every GUM news + interview document and
 * every UNER English EWT dev document, as whole documents. For each fold a model is trained the
 * way `npm run train:ner` trains the shipped one (train/ner-train.ts), without the fold's
 * documents; the fold's documents are then rebuilt as raw text and run through the real
 * tokenizer and pipeline, and scored on exact character spans:
 *   - pipeline: tokenize → parse → times → ner → names → entities, the entities' name mentions
 *     with their entity type (what a user gets);
 *   - ner stage: tokenize → ner, the recogniser alone (model + its rules).
 * Classes: PER, ORG, place (GPE, LOC, FAC), pooled over GUM and UNER; the other OntoNotes types
 * (NORP, EVENT, PRODUCT, WORK_OF_ART, LAW, LANGUAGE) on GUM only (UNER has none).
 * compromise's people() / places() / organizations() run on the same documents for reference.
 *
 * Options: --folds K (default 5), --data DIR (default ../shared/data or $CHRONICLE_DATA),
 * --o-bias X (default: the shipped model's), --json (or --json-out FILE as well as the table), --update-manifest (record the figures in
 * models/ner/manifest.json as cross_validation), --quick (2 folds, 4 epochs: a smoke run, not a figure),
 * --no-brown / --epochs N (train the fold models without cluster features / for N epochs: ablations).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { Doc } from '../src/doc.js';
import { Pipeline } from '../src/pipeline.js';
import { tokenizeStage } from '../src/nlp/sentences.js';
import { parseStage } from '../src/nlp/parse-stage.js';
import { timesStage } from '../src/extract/times.js';
import { defaultModelDir, nerStage, useNerModel } from '../src/extract/ner.js';
import { namesStage } from '../src/extract/names.js';
import { entitiesStage } from '../src/extract/entities.js';
import { MODEL_FILES } from '../src/extract/ner-model.js';
import { DEFAULT_TRAIN_OPTIONS, crossValidateNer, cvFold, cvPool, featuriseCorpus, trainNer, poolText, readNerCorpus, type FeaturisedCorpus, type NerTrainOptions } from './ner-train.js';
import { SpanScorer, formatPRF, type PRF, type Scores, type Span, type TextDoc } from './ner-score.js';

export interface Recogniser {
  name: string;
  run(text: string): Span[];
}

/** The ner stage alone on raw text, with the current model (see useNerModel). */
export const chronicleNer: Recogniser = {
  name: 'chronicle ner',
  run(text: string): Span[] {
    const doc = new Doc({ text });
    tokenizeStage.run(doc);
    nerStage.run(doc);
    return doc.mentions.filter((m) => m.source === 'model').map((m) => ({ start: m.start, end: m.end, type: m.type }));
  },
};

const entityPipeline = new Pipeline([tokenizeStage, parseStage, timesStage, nerStage, namesStage, entitiesStage]);

/** The pipeline up to entities: every name mention of every entity, typed as its entity. */
export const chroniclePipeline: Recogniser = {
  name: 'chronicle pipeline',
  run(text: string): Span[] {
    const doc = entityPipeline.process({ text });
    return doc.entities.flatMap((e) => e.mentions.filter((m) => m.kind === 'name').map((m) => ({ start: m.start, end: m.end, type: e.type })));
  },
};

/** compromise, with its match offsets trimmed of edge punctuation and a possessive "'s". */
export const compromiseNer: Recogniser = {
  name: 'compromise',
  run(text: string): Span[] {
    const d = nlp(text);
    const out: Span[] = [];
    const add = (list: { offset?: { start: number; length: number } }[], type: string) => {
      for (const m of list) {
        if (!m.offset) continue;
        let a = m.offset.start;
        let b = a + m.offset.length;
        let s = text.slice(a, b);
        const lead = s.length - s.replace(/^[\s\p{P}]+/u, '').length;
        a += lead;
        s = text.slice(a, b).replace(/(?:['’]s)?[\s\p{P}]*$/u, '');
        b = a + s.length;
        if (b > a) out.push({ start: a, end: b, type });
      }
    };
    add(d.people().json({ offset: true }) as { offset?: { start: number; length: number } }[], 'PERSON');
    add(d.places().json({ offset: true }) as { offset?: { start: number; length: number } }[], 'GPE');
    add(d.organizations().json({ offset: true }) as { offset?: { start: number; length: number } }[], 'ORG');
    return out;
  },
};

/** Tallies of one recogniser over the pool: pooled, GUM only, UNER only. */
export class PoolScorer {
  readonly all = new SpanScorer();
  readonly gum = new SpanScorer();
  readonly uner = new SpanScorer();
  seconds = 0;
  add(doc: TextDoc, pred: Span[]): void {
    const isGum = !doc.id.startsWith('uner-');
    // fine types only where the gold has them (GUM); coarse classes everywhere
    this.all.add(doc.gold, pred, isGum);
    (isGum ? this.gum : this.uner).add(doc.gold, pred, isGum);
  }
}

export function scoreDocs(docs: TextDoc[], rec: Recogniser, into: PoolScorer): void {
  // CPU time, not wall time: the measuring machine is shared
  const c0 = process.cpuUsage();
  const preds = docs.map((d) => rec.run(d.text));
  const cpu = process.cpuUsage(c0);
  into.seconds += (cpu.user + cpu.system) / 1e6;
  docs.forEach((d, k) => into.add(d, preds[k]));
}

/** F1 over the types outside PER / ORG / place (NORP, EVENT, PRODUCT, WORK_OF_ART, LAW, LANGUAGE). */
export function otherTypes(s: Scores): PRF {
  let tp = 0, fp = 0, fn = 0;
  for (const [t, v] of Object.entries(s.byType)) {
    if (['PERSON', 'ORG', 'GPE', 'LOC', 'FAC'].includes(t)) continue;
    tp += v.tp;
    fp += v.fp;
    fn += v.fn;
  }
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { tp, fp, fn, p: round(p), r: round(r), f1: round(p + r ? (2 * p * r) / (p + r) : 0) };
}

export interface CvReport {
  folds: number;
  documents: { gum: number; uner: number };
  oBias: number;
  train: Omit<NerTrainOptions, 'log'>;
  recognisers: Record<string, { all: Scores; gum: Scores; uner: Scores; other: PRF; seconds: number }>;
}

/** One recogniser's figures over the pool, as a report holds them. */
export function summarise(s: PoolScorer): CvReport['recognisers'][string] {
  return { all: s.all.scores(), gum: s.gum.scores(), uner: s.uner.scores(), other: otherTypes(s.gum.scores()), seconds: Math.round(s.seconds * 10) / 10 };
}

/** The O bias the shipped model was trained with (8 when there is no manifest). */
export function shippedOBias(): number {
  try {
    const m = JSON.parse(readFileSync(join(defaultModelDir(), MODEL_FILES.manifest), 'utf8')) as { hyperparameters?: { o_bias?: number } };
    return m.hyperparameters?.o_bias ?? 8;
  } catch {
    return 8;
  }
}

/**
 * Cross-validate the recogniser and the pipeline (see the file comment), under each O bias of
 * `grid` (default: the shipped model's): one report per bias, in grid order. `withCompromise`
 * false leaves compromise out (its figures are then empty): recipe comparisons need only ours.
 */
export function runCrossValidation(data: string | FeaturisedCorpus, folds: number, opts: Partial<NerTrainOptions> = {}, grid?: number[], withCompromise = true): CvReport[] {
  const log = opts.log ?? ((m: string) => process.stderr.write(m + '\n'));
  const fc = typeof data === 'string' ? featuriseCorpus(readNerCorpus(data, opts), { ...DEFAULT_TRAIN_OPTIONS, ...opts }, log) : data;
  const corpus = fc.corpus;
  const biases = grid ?? [opts.oBias ?? shippedOBias()];
  const trainOpts: NerTrainOptions = { ...DEFAULT_TRAIN_OPTIONS, ...opts, oBias: biases[0], log };
  const recognisers: [string, Recogniser][] = [['pipeline', chroniclePipeline], ['ner stage', chronicleNer]];
  const scorers = biases.map(() => new Map(recognisers.map(([name]) => [name, new PoolScorer()])));
  const comp = new PoolScorer();
  const pool = cvPool(corpus);
  try {
    crossValidateNer(fc, folds, trainOpts, ({ documents, trained }) => {
      const texts = documents.map(poolText);
      useNerModel(trained.model);
      biases.forEach((bias, k) => {
        trained.model.weights.oBias = bias;
        for (const [name, rec] of recognisers) {
          // warm the model's word cache on the first document, so folds are timed alike
          if (k === 0) rec.run(texts[0].text);
          scoreDocs(texts, rec, scorers[k].get(name)!);
        }
      });
      if (withCompromise) scoreDocs(texts, compromiseNer, comp);
    });
  } finally {
    useNerModel(null);
  }
  const { log: _omit, ...train } = trainOpts;
  return biases.map((oBias, k) => ({
    folds,
    documents: { gum: pool.filter((d) => d.genre !== 'uner').length, uner: pool.filter((d) => d.genre === 'uner').length },
    oBias,
    train: { ...train, oBias },
    recognisers: { ...Object.fromEntries([...scorers[k]].map(([name, s]) => [name, summarise(s)])), compromise: summarise(comp) },
  }));
}

/**
 * Learning curve: the same K folds, the ner stage scored after every epoch (weights averaged so
 * far), pooled PER/ORG/place F1 per epoch count — one run says how many epochs pay.
 */
export function runEpochCurve(fc: FeaturisedCorpus, folds: number, opts: Partial<NerTrainOptions> = {}): { epoch: number; ner: PRF }[] {
  const log = opts.log ?? ((m: string) => process.stderr.write(m + '\n'));
  const epochs = opts.epochs ?? DEFAULT_TRAIN_OPTIONS.epochs;
  const scorers = Array.from({ length: epochs }, () => new PoolScorer());
  let texts: TextDoc[] = [];
  const trainOpts: NerTrainOptions = {
    ...DEFAULT_TRAIN_OPTIONS, ...opts, oBias: opts.oBias ?? shippedOBias(), log,
    onEpoch: (epoch, model) => {
      useNerModel(model);
      scoreDocs(texts, chronicleNer, scorers[epoch - 1]);
    },
  };
  const pool = cvPool(fc.corpus);
  try {
    for (let k = 0; k < folds; k++) {
      const docs = cvFold(pool, k, folds);
      texts = docs.map(poolText);
      trainNer(fc, new Set(docs.map((d) => d.id)), trainOpts);
      log(`fold ${k + 1}/${folds}: ` + scorers.map((s, e) => `${e + 1}: ${(100 * s.all.scores().coarse.f1).toFixed(1)}`).join(' '));
    }
  } finally {
    useNerModel(null);
  }
  return scorers.map((s, e) => ({ epoch: e + 1, ner: s.all.scores().coarse }));
}

/** The headline table: PER, ORG, place, PER+ORG+place, other types; pooled, GUM, UNER. */
export function formatReport(r: CvReport): string {
  const out: string[] = [];
  out.push(`Named entities: ${r.folds}-fold cross-validation over ${r.documents.gum} GUM news + interview and ${r.documents.uner} UNER EWT dev documents,`);
  out.push(`raw text through the real tokenizer and pipeline, exact character spans (O bias ${r.oBias}, ${r.train.epochs} epochs, GUM weight ${r.train.gumWeight}${Object.entries(r.train.external ?? {}).filter(([, w]) => w > 0).map(([k, w]) => `, ${k} weight ${w}`).join('')}).`);
  const pct = (x: PRF | undefined) => (x ? (100 * x.f1).toFixed(1).padStart(5) : '    –');
  out.push('');
  out.push(`${'recogniser'.padEnd(20)}${'data'.padEnd(8)}  ${'PER'.padStart(5)}  ${'ORG'.padStart(5)}  ${'place'.padStart(5)}  | ${'F1'.padStart(5)}  ${'P'.padStart(5)}  ${'R'.padStart(5)}  | other`);
  for (const [name, s] of Object.entries(r.recognisers)) {
    for (const [label, sc, other] of [['pooled', s.all, s.other], ['GUM', s.gum, s.other], ['UNER', s.uner, undefined]] as [string, Scores, PRF | undefined][]) {
      const c = sc.coarse;
      out.push(`${(label === 'pooled' ? name : '').padEnd(20)}${label.padEnd(8)}  ${pct(sc.byCoarse.PER)}  ${pct(sc.byCoarse.ORG)}  ${pct(sc.byCoarse.LOC)}  | ${pct(c)}  ${(100 * c.p).toFixed(1).padStart(5)}  ${(100 * c.r).toFixed(1).padStart(5)}  | ${label === 'UNER' ? '' : pct(other)}`);
    }
  }
  const head = r.recognisers.pipeline;
  if (head) {
    out.push('');
    out.push(`HEADLINE (pipeline, pooled): F1 ${(100 * head.all.coarse.f1).toFixed(1)} — PER ${pct(head.all.byCoarse.PER).trim()}, ORG ${pct(head.all.byCoarse.ORG).trim()}, place ${pct(head.all.byCoarse.LOC).trim()}; other types (GUM) ${pct(head.other).trim()}`);
    out.push('');
    out.push('pipeline, pooled, per class:');
    for (const [t, v] of Object.entries(head.all.byCoarse)) out.push('  ' + formatPRF(t === 'LOC' ? 'place' : t, v));
    out.push('  ' + formatPRF('PER+ORG+place', head.all.coarse));
    out.push('pipeline, GUM, per type:');
    for (const [t, v] of Object.entries(head.gum.byType)) out.push('  ' + formatPRF(t, v));
  }
  out.push('');
  out.push('CPU seconds to run each over all folds\' documents: ' + Object.entries(r.recognisers).map(([n, s]) => `${n} ${s.seconds}`).join(', '));
  return out.join('\n');
}

