/**
 * The recogniser's training and cross-validation, shared by `npm run train:ner` (train/ner.ts)
 * and `npm run eval:entities` (eval/entities.ts), so the model that is shipped and the models
 * that are cross-validated are made the same way.
 *
 * Training data: UNER English EWT train, the UNER EWT dev documents and every GUM document
 * (all six genres; GUM sentences seen `gumWeight` times per epoch), minus the documents of the
 * fold being scored. Cross-validation pool: all GUM news + interview documents and all UNER EWT
 * dev documents, as whole documents, scored on raw text through our tokenizer.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Gazetteer, WordCache, docCaps, sentenceKeys, type CapLexicon, type DocCaps, type FeatureContext, type GazetteerData } from '../src/extract/ner-features.js';
import { N_TAGS, NerWeights, TAG_INDEX, decodeWeights, encodeWeights, makeNerModel, viterbi, type NerModel } from '../src/extract/ner-model.js';
import { FrozenPerceptron, TrainablePerceptron } from '../src/nlp/perceptron.js';
import { getBrownClusters, type BrownClusters } from '../src/nlp/representations.js';
import { buildGazetteer } from './ner-gazetteer.js';
import { readConlluWords, readGum, readUner, type LabeledDoc, type LabeledSentence } from './ner-data.js';
import { toTextDoc, type TextDoc } from '../eval/ner-score.js';

export interface NerCorpus {
  dataDir: string;
  gazData: GazetteerData;
  gazetteer: Gazetteer;
  /** UNER English EWT train sentences (documents marked by `doc`) */
  unerTrain: LabeledSentence[];
  /** UNER English EWT dev, one LabeledDoc per newdoc id ("uner-dev:<id>", genre "uner") */
  unerDev: LabeledDoc[];
  /** every GUM document in ../shared/data/gum/dep */
  gum: LabeledDoc[];
  /** UD English EWT train words (capitalisation statistics) */
  ewtWords: string[][];
  /** the shipped word representations (models/representations/), or null when missing */
  brown: BrownClusters | null;
}

export function readNerCorpus(dataDir: string): NerCorpus {
  const gazData = buildGazetteer(join(dataDir, 'petrarch2'));
  const gazetteer = new Gazetteer(gazData);
  const unerTrain = readUner(join(dataDir, 'uner-ewt', 'en_ewt-ud-train.iob2'), gazetteer);
  const unerDev: LabeledDoc[] = [];
  for (const s of readUner(join(dataDir, 'uner-ewt', 'en_ewt-ud-dev.iob2'), gazetteer)) {
    const id = 'uner-dev:' + (s.doc ?? '');
    if (unerDev.length === 0 || unerDev[unerDev.length - 1].id !== id) unerDev.push({ id, genre: 'uner', sentences: [] });
    unerDev[unerDev.length - 1].sentences.push(s);
  }
  const gum = readGum(join(dataDir, 'gum', 'dep'), gazetteer);
  const ewtWords = readConlluWords(join(dataDir, 'ud-ewt', 'en_ewt-ud-train.conllu'));
  return { dataDir, gazData, gazetteer, unerTrain, unerDev, gum, ewtWords, brown: getBrownClusters() };
}

/** Ids of GUM's news and interview documents, sorted. */
export function newsInterviewIds(gumDir: string): string[] {
  return readdirSync(gumDir).filter((f) => /^GUM_(news|interview)_.*\.conllu$/.test(f)).map((f) => f.replace(/\.conllu$/, '')).sort();
}

/** The cross-validation pool: GUM news + interview documents, then UNER EWT dev documents. */
export function cvPool(corpus: NerCorpus): LabeledDoc[] {
  const gum = corpus.gum.filter((d) => d.genre === 'news' || d.genre === 'interview').sort((a, b) => (a.id < b.id ? -1 : 1));
  return [...gum, ...corpus.unerDev];
}

/** Fold k of K: every K-th document of each source (so each fold mixes news, interviews and web text). */
export function cvFold(pool: readonly LabeledDoc[], k: number, folds: number): LabeledDoc[] {
  const bySource = new Map<string, LabeledDoc[]>();
  for (const d of pool) {
    const src = d.genre === 'uner' ? 'uner' : d.genre;
    const list = bySource.get(src) ?? [];
    list.push(d);
    bySource.set(src, list);
  }
  const out: LabeledDoc[] = [];
  let offset = 0;
  for (const list of bySource.values()) {
    // the offset rotates between sources so that small sources do not all land in fold 0
    list.forEach((d, i) => {
      if ((i + offset) % folds === k) out.push(d);
    });
    offset += list.length;
  }
  return out;
}

export interface NerTrainOptions {
  epochs: number;
  /** shuffle seeds of the runs whose weights are averaged */
  seeds: number[];
  /** times each GUM sentence is seen per epoch */
  gumWeight: number;
  /** features seen fewer times are dropped */
  minCount: number;
  /** O bias stored with the weights */
  oBias: number;
  /** Brown cluster features (from corpus.brown) */
  brown: boolean;
  log?: (msg: string) => void;
}

export const DEFAULT_TRAIN_OPTIONS: Omit<NerTrainOptions, 'oBias'> = { epochs: 10, seeds: [13], gumWeight: 4, minCount: 2, brown: true };

export interface TrainedNer {
  weightsFile: Buffer;
  /** the model as written (quantised weights), frozen */
  model: NerModel;
  lexicon: CapLexicon;
  features: number;
  weightsKept: number;
  sentences: { uner: number; unerDev: number; gum: number; gumDocuments: number };
}

/** Small seeded PRNG (mulberry32) so shuffles are reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Capitalisation ratio of each word type in non-initial positions (see capBucket). */
export function buildLexicon(sentences: string[][], minCount: number): CapLexicon {
  const caps = new Map<string, [number, number]>();
  for (const words of sentences) {
    for (let i = 1; i < words.length; i++) {
      const w = words[i];
      if (!/^\p{L}/u.test(w)) continue;
      const prev = words[i - 1];
      if (/^[.!?:"“‘'(-]+$/.test(prev)) continue; // sentence-like starts after quotes/colons
      const l = w.toLowerCase();
      const c = caps.get(l) ?? [0, 0];
      if (/^\p{Lu}/u.test(w)) c[0]++;
      c[1]++;
      caps.set(l, c);
    }
  }
  const lex: CapLexicon = new Map();
  for (const [w, [c, n]] of [...caps].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (n >= minCount) lex.set(w, Math.round((c / n) * 100) / 100);
  }
  return lex;
}

interface Instance {
  keys: Uint32Array; // flattened feature keys
  offs: Int32Array; // token i's keys are keys[offs[i]..offs[i+1])
  gold: Int32Array;
}

/** Mean of several frozen perceptrons (missing weights count as 0). */
function averageFrozen(ps: FrozenPerceptron[]): FrozenPerceptron {
  if (ps.length === 1) return ps[0];
  const C = N_TAGS;
  const rows = new Map<number, Float32Array>();
  for (const p of ps) {
    for (let r = 0; r < p.keys.length; r++) {
      let row = rows.get(p.keys[r]);
      if (!row) rows.set(p.keys[r], (row = new Float32Array(C)));
      for (let j = p.starts[r]; j < p.starts[r + 1]; j++) row[p.cls[j]] += p.vals[j] / ps.length;
    }
  }
  const keys: number[] = [];
  const starts: number[] = [0];
  const cls: number[] = [];
  const vals: number[] = [];
  for (const [k, row] of rows) {
    for (let c = 0; c < C; c++) if (row[c] !== 0) (cls.push(c), vals.push(row[c]));
    keys.push(k);
    starts.push(cls.length);
  }
  return new FrozenPerceptron(C, Uint32Array.from(keys), Uint32Array.from(starts), Uint8Array.from(cls), Float32Array.from(vals));
}

/**
 * Train a model on everything in `corpus` except the documents whose ids are in `exclude`.
 * Seeded and deterministic: the same data and options give byte-identical weights.
 */
export function trainNer(corpus: NerCorpus, exclude: ReadonlySet<string>, opts: NerTrainOptions): TrainedNer {
  const log = opts.log ?? (() => {});
  const t0 = Date.now();
  const { gazetteer } = corpus;
  const gumTrain = corpus.gum.filter((d) => !exclude.has(d.id));
  const unerDevTrain = corpus.unerDev.filter((d) => !exclude.has(d.id));
  const gumSents = gumTrain.flatMap((d) => d.sentences);
  const unerDevSents = unerDevTrain.flatMap((d) => d.sentences);
  const train: LabeledSentence[] = [...corpus.unerTrain, ...unerDevSents];
  for (let k = 0; k < opts.gumWeight; k++) train.push(...gumSents);

  // unlabelled statistics: UD EWT train text + the GUM training documents
  const lexicon = buildLexicon([...corpus.ewtWords, ...gumTrain.flatMap((d) => d.sentences.map((s) => s.words))], 2);
  if (opts.brown && !corpus.brown) throw new Error('Brown cluster features need models/representations/ (npm run train:representations)');
  const brown = opts.brown ? corpus.brown : null;
  const ctx: FeatureContext = { gazetteer, lexicon, brown };
  const cache = new WordCache(ctx, 1 << 30);

  // document-level capitalisation: UNER documents by newdoc id, GUM documents as read
  const sentDoc = new Map<LabeledSentence, DocCaps>();
  const unerDocs = new Map<string, LabeledSentence[]>();
  for (const s of [...corpus.unerTrain, ...unerDevSents]) {
    const key = s.doc ?? '';
    const list = unerDocs.get(key) ?? [];
    list.push(s);
    unerDocs.set(key, list);
  }
  for (const sents of unerDocs.values()) {
    const caps = docCaps(sents.map((s) => s.words));
    for (const s of sents) sentDoc.set(s, caps);
  }
  for (const d of gumTrain) {
    const caps = docCaps(d.sentences.map((s) => s.words));
    for (const s of d.sentences) sentDoc.set(s, caps);
  }
  // featurise; keep keys seen at least minCount times
  const raw = train.map((s) => sentenceKeys(s.words, cache, ctx, sentDoc.get(s)));
  const counts = new Map<number, number>();
  for (const r of raw) for (const k of r.keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  let kept = 0;
  for (const c of counts.values()) if (c >= opts.minCount) kept++;
  const instances: Instance[] = train.map((s, k) => {
    const { keys, offs } = raw[k];
    const out: number[] = [];
    const newOffs = new Int32Array(offs.length);
    for (let i = 0; i + 1 < offs.length; i++) {
      newOffs[i] = out.length;
      for (let j = offs[i]; j < offs[i + 1]; j++) if ((counts.get(keys[j]) ?? 0) >= opts.minCount) out.push(keys[j]);
    }
    newOffs[offs.length - 1] = out.length;
    const gold = Int32Array.from(s.tags, (t) => {
      const g = TAG_INDEX.get(t);
      if (g === undefined) throw new Error('unknown tag ' + t);
      return g;
    });
    return { keys: Uint32Array.from(out), offs: newOffs, gold };
  });
  raw.length = 0;
  counts.clear();
  log(`train: ${train.length} sentences (UNER ${corpus.unerTrain.length} + dev ${unerDevSents.length}, GUM ${gumSents.length} × ${opts.gumWeight}); ${kept} features seen ≥ ${opts.minCount} times; featurised in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  /** One averaged-perceptron run over the shuffled training set. */
  const trainOnce = (seed: number): { scorer: FrozenPerceptron; trans: Float32Array; start: Float32Array } => {
    const T = N_TAGS;
    const perc = new TrainablePerceptron(T);
    const trans = new Float32Array(T * T);
    const transU = new Float64Array(T * T);
    const start = new Float32Array(T);
    const startU = new Float64Array(T);
    const random = rng(seed);
    const order = instances.map((_, i) => i);
    const tmp = new Float64Array(T);
    const emissions = (inst: Instance, n: number) => {
      const em = new Float32Array(n * T);
      for (let i = 0; i < n; i++) {
        const a = inst.offs[i];
        perc.score(inst.keys.subarray(a, inst.offs[i + 1]), inst.offs[i + 1] - a, tmp);
        for (let t = 0; t < T; t++) em[i * T + t] = tmp[t];
      }
      return em;
    };
    for (let epoch = 1; epoch <= opts.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      let errors = 0;
      let tokens = 0;
      for (const k of order) {
        const inst = instances[k];
        const n = inst.gold.length;
        tokens += n;
        const pred = viterbi(emissions(inst, n), n, trans, start);
        const c = perc.counter;
        for (let i = 0; i < n; i++) {
          const g = inst.gold[i];
          const p = pred[i];
          if (g !== p) {
            errors++;
            const a = inst.offs[i];
            perc.update(g, p, inst.keys.subarray(a, inst.offs[i + 1]), inst.offs[i + 1] - a);
          }
          const gp = i === 0 ? -1 : inst.gold[i - 1];
          const pp = i === 0 ? -1 : pred[i - 1];
          if (gp !== pp || g !== p) {
            if (i === 0) {
              start[g] += 1;
              startU[g] += c;
              start[p] -= 1;
              startU[p] -= c;
            } else {
              trans[gp * T + g] += 1;
              transU[gp * T + g] += c;
              trans[pp * T + p] -= 1;
              transU[pp * T + p] -= c;
            }
          }
        }
        perc.tick();
      }
      log(`  seed ${seed} epoch ${epoch}/${opts.epochs}: train token errors ${(100 * errors / tokens).toFixed(2)}% [${((Date.now() - t0) / 1000).toFixed(0)} s]`);
    }
    const c = perc.counter;
    const avg = (x: Float32Array, y: Float64Array) => Float32Array.from(x, (v, i) => v - y[i] / c);
    return { scorer: perc.freeze(1e-3), trans: avg(trans, transU), start: avg(start, startU) };
  };

  // several runs with different shuffles, weights averaged
  const runs = opts.seeds.map((seed) => trainOnce(seed));
  const meanOf = (pick: (r: (typeof runs)[number]) => Float32Array) =>
    Float32Array.from(pick(runs[0]), (_, i) => runs.reduce((sum, r) => sum + pick(r)[i], 0) / runs.length);
  const scorer = averageFrozen(runs.map((r) => r.scorer));
  const weightsFile = encodeWeights(scorer, meanOf((r) => r.trans), meanOf((r) => r.start), opts.oBias, brown ? brown.sha256 : null);
  // the model as written (quantised), so every score tells the truth about the file
  const model = makeNerModel(decodeWeights(weightsFile), gazetteer, lexicon, true, brown);
  return {
    weightsFile,
    model,
    lexicon,
    features: kept,
    weightsKept: scorer.keys.length,
    sentences: { uner: corpus.unerTrain.length, unerDev: unerDevSents.length, gum: gumSents.length, gumDocuments: gumTrain.length },
  };
}

/** A pool document as raw text with gold character spans; UNER web text one sentence a line. */
export function poolText(d: LabeledDoc): TextDoc {
  return toTextDoc(d.id, d.sentences, d.genre === 'uner');
}

export interface FoldResult {
  fold: number;
  documents: LabeledDoc[];
  trained: TrainedNer;
}

/**
 * K-fold cross-validation over cvPool(corpus): for each fold a model is trained without the
 * fold's documents and handed to `score` (which runs the fold's documents through whatever
 * pipeline is being measured and adds to its own tallies).
 */
export function crossValidateNer(corpus: NerCorpus, folds: number, opts: NerTrainOptions, score: (r: FoldResult) => void): void {
  const pool = cvPool(corpus);
  for (let k = 0; k < folds; k++) {
    const docs = cvFold(pool, k, folds);
    const t0 = Date.now();
    const trained = trainNer(corpus, new Set(docs.map((d) => d.id)), opts);
    score({ fold: k, documents: docs, trained });
    opts.log?.(`fold ${k + 1}/${folds}: ${docs.length} documents scored [${((Date.now() - t0) / 1000).toFixed(0)} s]`);
  }
}

export { NerWeights };
