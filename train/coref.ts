/**
 * npm run train:coref — trains the coreference ranker on GUM's training documents and writes
 * models/coref/model.json and models/coref/manifest.json.
 *
 * Five-fold cross-validation by document first (each fold's documents through the real pipeline
 * with a model trained on the other folds): the held-out links choose each kind's threshold (the
 * most right links while precision stays at --precision, default 0.85) and give the figures the
 * manifest records. Then the shipped model trains on every document.
 *
 *   npm run train:coref                      train, cross-validate, write the model
 *   npm run train:coref -- --folds 5 --epochs 12 --precision 0.85
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gumCorefDocuments } from './coref-data.js';
import { formatScores, tally } from './coref-score.js';
import { DEFAULT_TRAIN, chooseThresholds, crossValidate, heldOutScores, instancesOf, prepare, trainRanker } from './coref-train.js';
import { corefModelDir } from '../src/extract/coref/files.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const t0 = process.cpuUsage();
const folds = arg('folds', 5);
const precision = arg('precision', 0.85);
const options = { ...DEFAULT_TRAIN, epochs: arg('epochs', DEFAULT_TRAIN.epochs), rate: arg('rate', DEFAULT_TRAIN.rate), l2: arg('l2', DEFAULT_TRAIN.l2) };
const golds = gumCorefDocuments();
const prepared = prepare(golds, folds);
console.log(`${golds.length} GUM training documents prepared`);
const cv = crossValidate(prepared, folds, options, (s) => console.log(s));
const newsInterview = (r: { genre: string }) => r.genre === 'news' || r.genre === 'interview';
const heldNews = heldOutScores(cv.records, folds, precision, newsInterview);
const heldAll = heldOutScores(cv.records, folds, precision);
console.log(formatScores(heldNews, `cross-validated, news + interview (thresholds from the other folds, precision target ${precision})`));
console.log(formatScores(heldAll, 'cross-validated, all genres'));
const thresholds = chooseThresholds(cv.records.map((r) => r.record), precision);
console.log('thresholds', JSON.stringify(thresholds));
const model = trainRanker(prepared.flatMap((p) => instancesOf(p)), options);
model.thresholds['he/she'] = thresholds['he/she'];
model.thresholds.it = thresholds.it;
model.thresholds.they = thresholds.they;
model.thresholds.description = thresholds.description;
const dir = corefModelDir();
mkdirSync(dir, { recursive: true });
const json = JSON.stringify(model.toFile()) + '\n';
writeFileSync(join(dir, 'model.json'), json);
const figures = (s: ReturnType<typeof tally>) => Object.fromEntries(Object.entries(s).map(([k, c]) => [k, {
  gold: c.gold, accuracy: c.gold ? +(c.right / c.gold).toFixed(3) : null, linked: c.linked, precision: c.linked ? +(c.linkedRight / c.linked).toFixed(3) : null,
}]));
const manifest = {
  model: 'model.json',
  sha256: createHash('sha256').update(json).digest('hex'),
  what: 'log-linear mention ranker for third-person pronouns and definite descriptions (src/extract/coref/)',
  trained_by: 'npm run train:coref (train/coref.ts)',
  data: { name: 'GUM training split (../shared/data/gum/dep), coreference layer (Entity= in MISC)', documents: golds.length, licence: 'annotations CC BY 4.0; texts CC BY 2.5 (news, interview), CC BY-SA 3.0 (bio, voyage), CC BY 4.0 (academic, court)' },
  given_names: 'given-names.tsv.gz (see given-names.manifest.json)',
  options,
  features: model.weights.size,
  thresholds,
  cross_validation: {
    folds, precision_target: precision, note: 'document-level folds; raw text through the real pipeline; each fold thresholded by the other folds\' held-out links',
    news_interview: figures(heldNews), all_genres: figures(heldAll),
  },
};
writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
const cpu = process.cpuUsage(t0);
console.log(`wrote ${join(dir, 'model.json')} (${model.weights.size} weights); CPU ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s`);
