/**
 * Train the named-entity recogniser: `npm run train:ner`.
 *
 * Structured averaged perceptron (Collins 2002) over BIO tags with Viterbi decoding, trained on
 * UNER English EWT train + GUM (all genres, minus the held-out news/interview documents),
 * labels mapped to OntoNotes types (train/ner-data.ts), features from src/extract/ner-features.ts.
 * Seeded and deterministic: the same data gives byte-identical model files.
 *
 * Options: --epochs N (default 10), --out DIR (default models/ner), --data DIR (default
 * ../shared/data or $CHRONICLE_DATA), --seeds N,M,… (shuffle seeds of the runs whose weights
 * are averaged; default 13), --gum-weight N (default 4), --min-count N (features seen fewer
 * times are dropped; default 2), --o-bias X (default: chosen by 3-fold cross-validation first).
 *
 * --dev: model selection without touching the held-out documents. A second set of GUM
 * news + interview documents (every 4th from index 1, DEV_DOCS below) is removed from the
 * training data and scored after every epoch; nothing is written unless --out is given.
 * Choices (features, epochs, weights) are made on this split; the held-out documents are only
 * ever scored to report.
 * --cv K: K-fold cross-validation over all GUM training news + interview documents (each fold
 * trained without its documents); prints the pooled scores. Steadier than one split.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Gazetteer, WordCache, docCaps, sentenceKeys, type CapLexicon, type DocCaps, type FeatureContext } from '../src/extract/ner-features.js';
import { FEATURE_VERSION, MODEL_FILES, NerWeights, N_TAGS, TAG_INDEX, TAGS, decodeWeights, encodeWeights, makeNerModel, viterbi } from '../src/extract/ner-model.js';
import { FrozenPerceptron, TrainablePerceptron } from '../src/nlp/perceptron.js';
import { buildGazetteer } from './ner-gazetteer.js';
import { GUM_HELDOUT, heldOutList, readConlluWords, readGum, readUner, retokenize, type LabeledSentence } from './ner-data.js';
import { SpanScorer, evaluateNer, evaluateNerText, formatScores, toTextDoc } from './ner-score.js';

interface Options {
  epochs: number;
  out: string | null;
  data: string;
  seeds: number[];
  gumWeight: number;
  minCount: number;
  dev: boolean;
  cv: number;
  /** train on our tokenizer's tokens instead of the corpora's (train/ner-data.ts retokenize) */
  retokenize: boolean;
  /** O bias to store in the model (with --cv: the one to report; default: the best found) */
  oBias: number | null;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    epochs: 10,
    out: null,
    data: process.env.CHRONICLE_DATA ?? resolve('..', 'shared', 'data'),
    seeds: [13],
    gumWeight: 4,
    minCount: 2,
    dev: false,
    cv: 0,
    retokenize: false,
    oBias: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--epochs') opts.epochs = Number(v), i++;
    else if (a === '--out') opts.out = v, i++;
    else if (a === '--data') opts.data = v, i++;
    else if (a === '--seeds') opts.seeds = v.split(',').map(Number), i++;
    else if (a === '--gum-weight') opts.gumWeight = Number(v), i++;
    else if (a === '--min-count') opts.minCount = Number(v), i++;
    else if (a === '--dev') opts.dev = true;
    else if (a === '--retokenize') opts.retokenize = true;
    else if (a === '--cv') opts.cv = Number(v), i++;
    else if (a === '--o-bias') opts.oBias = Number(v), i++;
    else throw new Error(`unknown option ${a} (use --epochs N, --out DIR, --data DIR, --seeds N,M,…, --gum-weight N, --min-count N, --o-bias X, --dev, --cv K, --retokenize)`);
  }
  if (!opts.dev && !opts.cv) opts.out ??= 'models/ner';
  if (!existsSync(join(opts.data, 'gum', 'dep'))) throw new Error(`data folder not found: ${opts.data} (set --data or CHRONICLE_DATA)`);
  return opts;
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
function buildLexicon(sentences: string[][], minCount: number): CapLexicon {
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

/** GUM news + interview training documents used as the development split with --dev. */
export function devDocs(gumDir: string): string[] {
  return newsInterviewIds(gumDir).filter((_, i) => i % 4 === 1);
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

function log(msg: string): void {
  process.stderr.write(msg + '\n');
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const gumDir = join(opts.data, 'gum', 'dep');
  const heldOut = heldOutList(gumDir);
  if (heldOut.join() !== GUM_HELDOUT.join()) throw new Error('held-out list drifted from GUM_HELDOUT: ' + heldOut.join());
  // the O bias is chosen by cross-validation on the training documents (never the held-out ones)
  let cv: CvResult | null = null;
  if (opts.cv > 0 || (!opts.dev && opts.oBias === null)) {
    cv = crossValidate(opts, gumDir, opts.cv > 0 ? opts.cv : 3);
    if (opts.cv > 0) return;
    opts.oBias = cv.oBias;
  }
  trainAndScore(opts, opts.dev ? devDocs(gumDir) : [], null, cv);
}

interface CvResult {
  folds: number;
  documents: string[];
  oBias: number;
  scores: ReturnType<SpanScorer['scores']>;
  byBias: [number, number][];
}

/**
 * K-fold cross-validation over the training news + interview documents: every fold's
 * documents are removed from training in turn and scored; the counts add up over folds.
 * Each fold is scored under every O bias in DECODE_GRID; the best pooled coarse F1 wins.
 */
function crossValidate(opts: Options, gumDir: string, folds: number): CvResult {
  const pool = newsInterviewIds(gumDir).filter((id) => !GUM_HELDOUT.includes(id));
  const totals = DECODE_GRID.map(() => new SpanScorer());
  for (let f = 0; f < folds; f++) trainAndScore(opts, pool.filter((_, i) => i % folds === f), totals, null);
  const all = totals.map((t) => t.scores());
  const k = opts.oBias === null ? bestSetting(all) : Math.max(0, DECODE_GRID.indexOf(opts.oBias));
  const oBias = DECODE_GRID[k];
  log(`\ncross-validation, ${folds} folds over ${pool.length} GUM training news + interview documents, raw text end to end, O bias ${oBias}:\n` + formatScores(all[k]));
  log('coarse F1 by O bias: ' + DECODE_GRID.map((b, i) => `${b}: ${all[i].coarse.f1} (${all[i].coarse.tp}/${all[i].coarse.fp}/${all[i].coarse.fn})`).join(', '));
  const result: CvResult = { folds, documents: pool, oBias, scores: all[k], byBias: DECODE_GRID.map((b, i) => [b, all[i].coarse.f1]) };
  if (opts.cv > 0) process.stdout.write(JSON.stringify({ cv: folds, oBias, coarse: all[k].coarse, byCoarse: all[k].byCoarse, all: all[k].all, grid: result.byBias }) + '\n');
  return result;
}

/** O biases tried in cross-validation (see NerWeights.oBias). */
const DECODE_GRID = [0, 4, 8, 10, 12, 14, 16, 20];

/** The setting with the best pooled coarse F1, from the counts (the printed F1 is rounded, and ties there are common). */
function bestSetting(scores: { coarse: { tp: number; fp: number; fn: number } }[]): number {
  const f1 = (c: { tp: number; fp: number; fn: number }) => (2 * c.tp) / (2 * c.tp + c.fp + c.fn || 1);
  let k = 0;
  for (let i = 1; i < scores.length; i++) if (f1(scores[i].coarse) > f1(scores[k].coarse)) k = i;
  return k;
}

/** Sorted ids of GUM's news and interview documents. */
function newsInterviewIds(gumDir: string): string[] {
  return readdirSync(gumDir).filter((f) => /^GUM_(news|interview)_.*\.conllu$/.test(f)).map((f) => f.replace(/\.conllu$/, '')).sort();
}

/**
 * Train on UNER + GUM minus the held-out documents and minus `devIds`; score on `devIds`
 * (adding to `cvScorer` when cross-validating), or on the held-out documents and write the model.
 */
function trainAndScore(opts: Options, devIds: string[], cvScorers: SpanScorer[] | null, cv: CvResult | null): void {
  const t0 = Date.now();
  const gumDir = join(opts.data, 'gum', 'dep');
  const quiet = cvScorers !== null;

  log('building gazetteer from PETRARCH2 Phoenix dictionaries…');
  const gazData = buildGazetteer(join(opts.data, 'petrarch2'));
  const gazetteer = new Gazetteer(gazData);

  log('reading UNER EWT and GUM…');
  // (--retokenize: on our tokenizer's tokens instead; tried 25 Nov, 1.8 points worse end to end)
  const retok = opts.retokenize ? retokenize : (s: LabeledSentence) => s;
  const uner = readUner(join(opts.data, 'uner-ewt', 'en_ewt-ud-train.iob2'), gazetteer).map(retok);
  const gumDocs = readGum(gumDir, gazetteer).map((d) => ({ ...d, sentences: d.sentences.map(retok) }));
  const gumTrain = gumDocs.filter((d) => !GUM_HELDOUT.includes(d.id) && !devIds.includes(d.id));
  // scored after each epoch: the dev split with --dev, else the held-out documents (report only)
  const gumDev = gumDocs.filter((d) => (devIds.length ? devIds : GUM_HELDOUT).includes(d.id));
  // GUM is closer to news than web-forum EWT: it is seen `gumWeight` times per epoch
  const gumSents = gumTrain.flatMap((d) => d.sentences);
  const train: LabeledSentence[] = [...uner];
  for (let k = 0; k < opts.gumWeight; k++) train.push(...gumSents);
  const dev: LabeledSentence[][] = gumDev.map((d) => d.sentences);

  // unlabelled statistics: UD EWT train text + GUM training documents (never the held-out ones)
  const lexSents = [...readConlluWords(join(opts.data, 'ud-ewt', 'en_ewt-ud-train.conllu')), ...gumTrain.flatMap((d) => d.sentences.map((s) => s.words))];
  const lexicon = buildLexicon(lexSents, 2);
  const ctx: FeatureContext = { gazetteer, lexicon };
  const cache = new WordCache(ctx, 1 << 30);
  log(`train: ${train.length} sentences (UNER ${uner.length}, GUM ${gumSents.length} × ${opts.gumWeight}); ${opts.dev ? 'dev split' : 'held-out (report only)'}: ${dev.flat().length} sentences in ${gumDev.length} GUM documents; lexicon ${lexicon.size} words`);

  // document-level capitalisation: UNER documents by newdoc id, GUM documents as read
  const capsByDoc = new Map<string, DocCaps>();
  const unerDocs = new Map<string, string[][]>();
  for (const s of uner) {
    const key = 'uner:' + (s.doc ?? '');
    const list = unerDocs.get(key) ?? [];
    list.push(s.words);
    unerDocs.set(key, list);
  }
  for (const [k, sents] of unerDocs) capsByDoc.set(k, docCaps(sents));
  const sentDoc = new Map<LabeledSentence, DocCaps>();
  for (const s of uner) sentDoc.set(s, capsByDoc.get('uner:' + (s.doc ?? ''))!);
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
  log(`${kept} features (of ${kept} seen ≥ ${opts.minCount} times); featurised in ${((Date.now() - t0) / 1000).toFixed(1)}s`);

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
    const averaged = () => {
      const c = perc.counter;
      const avg = (x: Float32Array, y: Float64Array) => Float32Array.from(x, (v, i) => v - y[i] / c);
      return { scorer: perc.freeze(1e-3), trans: avg(trans, transU), start: avg(start, startU) };
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
      const shouldScore = (opts.dev && !quiet) || epoch === opts.epochs;
      const scoreText = shouldScore
        ? (() => {
            const av = averaged();
            const s = evaluateNer(makeNerModel(new NerWeights(av.scorer, av.trans, av.start), gazetteer, lexicon, true), dev);
            return `, ${opts.dev ? 'dev split' : 'held-out'} (gold tokens) F1 ${s.all.f1.toFixed(3)} coarse ${s.coarse.f1.toFixed(3)} [PER ${s.byCoarse.PER?.f1 ?? 0} ORG ${s.byCoarse.ORG?.f1 ?? 0} LOC ${s.byCoarse.LOC?.f1 ?? 0}]`;
          })()
        : '';
      log(`seed ${seed} epoch ${epoch}/${opts.epochs}: train token errors ${(100 * errors / tokens).toFixed(2)}%${scoreText}  [${((Date.now() - t0) / 1000).toFixed(0)}s]`);
    }
    return averaged();
  };

  // several runs with different shuffles, weights averaged: steadier than any single run
  const runs = opts.seeds.map((seed) => trainOnce(seed));
  const meanOf = (pick: (r: (typeof runs)[number]) => Float32Array) =>
    Float32Array.from(pick(runs[0]), (_, i) => runs.reduce((sum, r) => sum + pick(r)[i], 0) / runs.length);
  const scorer = averageFrozen(runs.map((r) => r.scorer));
  const weightsFile = encodeWeights(scorer, meanOf((r) => r.trans), meanOf((r) => r.start), opts.oBias ?? 0);

  // scores with the weights as written (quantised), so the manifest tells the truth
  const reloaded = makeNerModel(decodeWeights(weightsFile), gazetteer, lexicon, true);
  if (cvScorers) {
    // scored as the model is used: raw text through our tokenizer (gold tokens flatter it and
    // favour a larger O bias)
    const devText = gumDev.map((d) => toTextDoc(d.id, d.sentences));
    DECODE_GRID.forEach((b, i) => {
      reloaded.weights.oBias = b;
      evaluateNerText(reloaded, devText, cvScorers[i]);
    });
    if (opts.out && opts.cv > 0) {
      // with --cv --out DIR: keep each fold's model for error analysis (DIR/<first dev doc>)
      const dir = join(opts.out, gumDev[0]?.id ?? 'fold');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, MODEL_FILES.weights), weightsFile);
      writeFileSync(join(dir, MODEL_FILES.gazetteer), gzipSync(JSON.stringify(gazData)));
      writeFileSync(join(dir, MODEL_FILES.lexicon), gzipSync([...lexicon].map(([k, v]) => `${k}\t${v}`).join('\n') + '\n'));
      writeFileSync(join(dir, 'dev-docs.txt'), gumDev.map((d) => d.id).join('\n') + '\n');
    }
    log(`fold done: ${gumDev.map((d) => d.id).join(' ')} [${((Date.now() - t0) / 1000).toFixed(0)}s]`);
    return;
  }
  const devScores = evaluateNer(reloaded, dev);
  const newsDev = gumDev.filter((d) => d.genre === 'news').map((d) => d.sentences);
  const newsScores = evaluateNer(reloaded, newsDev);
  const label = opts.dev ? 'dev split (GUM training news + interview documents held back)' : 'GUM held-out (news + interview)';
  log(`\n${label}, gold tokenisation, averaged model:\n` + formatScores(devScores));
  log(`\n${label}, news only:\n` + formatScores(newsScores));
  if (!opts.out) {
    log(`\n--dev: no model written (add --out DIR to keep it) [${((Date.now() - t0) / 1000).toFixed(0)}s]`);
    return;
  }

  // write the model: sparse weights, gazetteer, lexicon, manifest
  mkdirSync(opts.out, { recursive: true });
  const files: Record<string, Buffer> = {
    [MODEL_FILES.weights]: weightsFile,
    [MODEL_FILES.gazetteer]: gzipSync(JSON.stringify(gazData), { level: 9 }),
    [MODEL_FILES.lexicon]: gzipSync([...lexicon].map(([k, v]) => `${k}\t${v}`).join('\n') + '\n', { level: 9 }),
  };
  for (const [name, buf] of Object.entries(files)) writeFileSync(join(opts.out, name), buf);

  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const manifest = {
    name: 'chronicle-ner',
    description: 'Named-entity recogniser: structured averaged perceptron over hashed features, BIO tags with Viterbi, OntoNotes types',
    created_by: 'train/ner.ts (npm run train:ner)',
    tags: TAGS,
    feature_version: FEATURE_VERSION,
    hyperparameters: { epochs: opts.epochs, seeds: opts.seeds, gum_weight: opts.gumWeight, o_bias: opts.oBias ?? 0, feature_min_count: opts.minCount, feature_count_note: 'counted over the training list, where GUM sentences appear gum_weight times', freeze_threshold: 1e-3, weights: 'bfloat16 in the file, int16 in memory (src/nlp/model-io.ts, perceptron.ts)', lexicon_min_count: 2 },
    data: {
      train: [
        { name: 'UNER English EWT train (en_ewt-ud-train.iob2)', sentences: uner.length, licence: 'CC BY-SA 4.0' },
        { name: 'GUM dep/*.conllu entity layer, minus held-out documents', documents: gumTrain.length, sentences: gumSents.length, weight: opts.gumWeight, licence: 'CC BY 4.0 (annotations); texts CC BY 2.5 / CC BY 4.0 / CC BY-SA 3.0' },
      ],
      lexicon: 'capitalisation ratios from UD EWT train text + GUM training documents (UD EWT: CC BY-SA 4.0)',
      gazetteer: 'PETRARCH2 Phoenix actor dictionaries (MIT, © 2014 Open Event Data Alliance) + hand lists in train/ner-gazetteer.ts',
      dev_split: { name: 'GUM training news + interview documents held back with --dev for model choices', documents: devDocs(gumDir) },
      heldout: { name: 'GUM held-out news + interview documents (reported, never used for choices)', documents: GUM_HELDOUT, sentences: dev.flat().length },
    },
    cross_validation: cv && {
      how: `${cv.folds}-fold cross-validation over the GUM training news + interview documents (train/ner.ts --cv), raw text through our tokenizer, exact character spans; chooses the O bias`,
      documents: cv.documents.length,
      o_bias: cv.oBias,
      coarse: cv.scores.coarse,
      by_coarse: cv.scores.byCoarse,
      by_type: cv.scores.byType,
      coarse_f1_by_o_bias: cv.byBias,
    },
    features: kept,
    weights_kept: scorer.keys.length,
    heldout_scores_gold_tokens: {
      gum_heldout: { all: devScores.all, coarse: devScores.coarse, by_type: devScores.byType, by_coarse: devScores.byCoarse },
      gum_heldout_news: { all: newsScores.all, coarse: newsScores.coarse, by_coarse: newsScores.byCoarse },
    },
    note: 'End-to-end figures on raw text (our tokenizer, exact character spans) and UNER EWT dev: npm run eval:entities (docs/entities-ner.md).',
    training_seconds: Math.round((Date.now() - t0) / 1000),
    files: Object.fromEntries(Object.entries(files).map(([n, b]) => [n, { bytes: b.length, sha256: sha(b) }])),
    licences: {
      'UNER English EWT': 'CC BY-SA 4.0 (Universal NER, https://github.com/UniversalNER/UNER_English-EWT)',
      GUM: 'CC BY 4.0 annotations (Zeldes 2017, https://gucorpling.org/gum/)',
      PETRARCH2: 'MIT (© 2014 Open Event Data Alliance)',
      'UD English EWT': 'CC BY-SA 4.0 (lexicon statistics)',
    },
  };
  writeFileSync(join(opts.out, MODEL_FILES.manifest), JSON.stringify(manifest, null, 2) + '\n');
  const total = Object.values(files).reduce((a, b) => a + b.length, 0);
  log(`\nwrote ${opts.out}: ${(total / 1e6).toFixed(2)} MB in ${((Date.now() - t0) / 1000).toFixed(0)}s`);
}

try {
  main();
} catch (err) {
  process.stderr.write(`train:ner failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 1;
}
