/**
 * `npm run train:neural-parse`: the neural-parser experiment of docs/nlp.md "Round twelve" — a BiLSTM +
 * biaffine parser (src/nlp/neural/) trained on the first `--sentences` EWT training sentences with
 * jackknifed tags, scored on EWT dev (tagged by the shipped accurate model) after every epoch, for a
 * learning curve at equal data against the perceptron parsers (Round nine). Nothing is written to models/.
 *
 * Options: --sentences N (3000)  --epochs N (10)  --batch N (sentences per Adam step, 8)  --lr X (0.002)
 * --hidden N  --layers N  --arc-dim N  --label-dim N  --word-dim N  --dropout X  --seed N
 * --cluster-dim N (a Brown-cluster embedding as input, the clusters the perceptron reads; 0)
 * --vectors FILE (skip-gram vectors from `npm run train:vectors -- --raw FILE`; none: no pretrained input)
 * --dev-sentences N (score only the first N dev sentences; smoke runs)  --tags-cache FILE  --data DIR
 * --tag-sentences N (how many training sentences get jackknifed tags, 6000)  --folds K (5)
 * --tagger-iterations N (10)  --tags-only (compute the tag cache and stop)  --json FILE (a line per epoch)
 * --perceptron --iterations N (8): instead, the greedy perceptron parser (accurate features) on the same
 * sentences and tags, EWT dev after every iteration (train/neural-baseline.ts)
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { neuralData, type TaggedTree } from './neural-data.js';
import { perceptronCurve } from './neural-baseline.js';
import { buildVocab, DEFAULT_CONFIG, NeuralParser, type NeuralConfig, type Pretrained } from '../src/nlp/neural/parser.js';
import { Adam } from '../src/nlp/neural/param.js';
import { seededRandom } from '../src/nlp/random.js';
import { scoreConllu } from '../src/nlp/evaluate.js';
import { decodeModel } from '../src/nlp/model-io.js';
import { getBrownClusters, representationsLoadError } from '../src/nlp/representations.js';
import type { ConlluSentence } from '../src/nlp/conllu.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    sentences: { type: 'string', default: '3000' },
    epochs: { type: 'string', default: '10' },
    batch: { type: 'string', default: '8' },
    lr: { type: 'string', default: '0.002' },
    hidden: { type: 'string' },
    layers: { type: 'string' },
    'arc-dim': { type: 'string' },
    'label-dim': { type: 'string' },
    'word-dim': { type: 'string' },
    dropout: { type: 'string' },
    seed: { type: 'string', default: '1' },
    vectors: { type: 'string' },
    // a Brown-cluster embedding of this size as input (the clusters the perceptron's features read; 0: none)
    'cluster-dim': { type: 'string' },
    'dev-sentences': { type: 'string' },
    'tag-sentences': { type: 'string', default: '6000' },
    folds: { type: 'string', default: '5' },
    'tagger-iterations': { type: 'string', default: '10' },
    'tags-cache': { type: 'string', default: '/tmp/chronicle-neural-tags.json' },
    'tags-only': { type: 'boolean', default: false },
    json: { type: 'string' },
    // the baseline: the greedy perceptron parser on the same sentences and tags, this many iterations
    perceptron: { type: 'boolean', default: false },
    iterations: { type: 'string', default: '8' },
  },
});

const t0 = Date.now();
const log = (msg: string) => process.stderr.write(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(5)}s] ${msg}\n`);
const num = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v));
const data = await neuralData({
  dataDir: resolve(values.data ?? process.env.CHRONICLE_DATA ?? '../shared/data'),
  sentences: Number(values.sentences), tagSentences: Number(values['tag-sentences']), folds: Number(values.folds),
  taggerIterations: Number(values['tagger-iterations']), cache: values['tags-cache']!, log,
});
if (values['tags-only']) process.exit(0);
if (values.perceptron) {
  perceptronCurve(data, {
    iterations: Number(values.iterations), seed: Number(values.seed), log,
    onIteration: (it, s, trainCpu, speed) => {
      log(`perceptron @${it}: train ${trainCpu.toFixed(1)} s CPU  EWT dev UAS ${s.uas.toFixed(2)} LAS ${s.las.toFixed(2)} (with subtypes ${s.lasFull.toFixed(2)})  parse ${speed} tokens/s CPU`);
      if (values.json) appendFileSync(values.json, JSON.stringify({ perceptron: true, sentences: data.train.length, iteration: it, trainCpuSeconds: +trainCpu.toFixed(1), devUAS: s.uas, devLAS: s.las, devLASsubtypes: s.lasFull, parseTokensPerCpuSecond: speed }) + '\n');
    },
  });
  process.exit(0);
}

const cfg: NeuralConfig = {
  ...DEFAULT_CONFIG,
  hidden: num(values.hidden, DEFAULT_CONFIG.hidden),
  layers: num(values.layers, DEFAULT_CONFIG.layers),
  arcDim: num(values['arc-dim'], DEFAULT_CONFIG.arcDim),
  labelDim: num(values['label-dim'], DEFAULT_CONFIG.labelDim),
  wordDim: num(values['word-dim'], DEFAULT_CONFIG.wordDim),
  dropout: num(values.dropout, DEFAULT_CONFIG.dropout),
  clusterDim: num(values['cluster-dim'], DEFAULT_CONFIG.clusterDim),
  seed: Number(values.seed),
};
const pretrained = values.vectors ? readVectors(values.vectors) : null;
const train = data.train;
const devCount = Math.min(num(values['dev-sentences'], data.dev.length), data.dev.length);
const dev = data.dev.slice(0, devCount);
const devGold = data.devGold.slice(0, devCount);
const vocab = buildVocab(train);
const brown = cfg.clusterDim > 0 ? getBrownClusters() : null;
if (cfg.clusterDim > 0 && !brown) throw new Error(`--cluster-dim needs the Brown clusters (${representationsLoadError()})`);
const parser = new NeuralParser(vocab, cfg, pretrained, brown);
const params = parser.params();
const adam = new Adam(params, { lr: Number(values.lr), beta1: 0.9, beta2: 0.9, eps: 1e-8, clip: 5 });
const trainWords = train.reduce((n, s) => n + s.forms.length, 0);
const devWords = dev.reduce((n, s) => n + s.forms.length, 0);
log(`${train.length} training sentences (${trainWords} words), ${dev.length} dev (${devWords} words); ${vocab.words.length} words, ${vocab.labels.length} labels; ${params.reduce((n, p) => n + p.w.length, 0)} parameters; pretrained ${pretrained ? `${pretrained.index.size} × ${pretrained.dim}` : 'none'}; ${JSON.stringify(cfg)}`);

const random = seededRandom(cfg.seed + 100);
const batch = Number(values.batch);
const order = train.map((_, i) => i);
for (let epoch = 1; epoch <= Number(values.epochs); epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const cpu0 = process.cpuUsage();
  const wall0 = Date.now();
  let loss = 0, words = 0, inBatch = 0, batchWords = 0;
  for (const k of order) {
    const r = parser.train(train[k], random);
    loss += r.loss;
    words += r.words;
    batchWords += r.words;
    if (++inBatch === batch) {
      adam.step(batchWords);
      inBatch = batchWords = 0;
    }
  }
  if (inBatch) adam.step(batchWords);
  const trainCpu = cpuSeconds(cpu0);
  const trainWall = (Date.now() - wall0) / 1000;
  const cpu1 = process.cpuUsage();
  const system = dev.map((s, i) => predicted(devGold[i], s, parser.parse(s)));
  const parseCpu = cpuSeconds(cpu1);
  const scores = scoreConllu(devGold, system);
  const line = {
    epoch, loss: +(loss / words).toFixed(4), trainCpuSeconds: +trainCpu.toFixed(1), trainWallSeconds: +trainWall.toFixed(1),
    devUAS: scores.uas, devLAS: scores.las, devLASsubtypes: scores.lasFull, parseTokensPerCpuSecond: Math.round(devWords / parseCpu),
  };
  log(`epoch ${epoch}: loss ${line.loss}  train ${line.trainCpuSeconds} s CPU (${line.trainWallSeconds} s wall)  EWT dev UAS ${scores.uas.toFixed(2)} LAS ${scores.las.toFixed(2)} (with subtypes ${scores.lasFull.toFixed(2)})  parse ${line.parseTokensPerCpuSecond} tokens/s CPU`);
  if (values.json) appendFileSync(values.json, JSON.stringify({ sentences: train.length, cfg, lr: Number(values.lr), batch, vectors: values.vectors ?? null, ...line }) + '\n');
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
}

/** the gold sentence with the parser's heads and labels (and the predicted tags it was given) */
function predicted(gold: ConlluSentence, s: TaggedTree, p: { head: Int32Array; deprel: string[] }): ConlluSentence {
  return { ...gold, words: gold.words.map((w, i) => ({ ...w, upos: s.upos[i], xpos: s.xpos[i], head: p.head[i], deprel: p.deprel[i] })) };
}

function readVectors(path: string): Pretrained {
  if (!existsSync(path)) throw new Error(`--vectors ${path}: no such file (make it with \`npm run train:vectors -- --raw ${path}\`)`);
  const file = decodeModel(readFileSync(path), path);
  const h = file.header as { dim: number; words: string[] };
  return { dim: h.dim, index: new Map(h.words.map((w, i) => [w, i])), vectors: file.arrays['vectors'] as Float32Array };
}
