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
 *   npm run train:coref -- --labels          GUM's interview turns written with their speakers' labels
 *   npm run train:coref -- --records F       also write the held-out records (JSON) to F
 *
 * The thresholds shipped are chosen on the cross-validated links and the readable fresh halves A (train/coref-thresholds.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gumCorefDocuments } from './coref-data.js';
import { formatScores, tally } from './coref-score.js';
import { DEFAULT_TRAIN, chooseThresholds, crossValidate, heldOutScores, instancesOf, prepare, trainRanker } from './coref-train.js';
import { corefModelDir } from '../src/extract/coref/files.js';
import { FEATURE_VERSION } from '../src/extract/coref/features.js';
import { READABLE_FRESH, chooseReadableThresholds, readableFreshRecords, thresholdGrid, thresholdTable, type RecordSet } from './coref-thresholds.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const t0 = process.cpuUsage();
const folds = arg('folds', 5);
const precision = arg('precision', 0.85);
const options = { ...DEFAULT_TRAIN, epochs: arg('epochs', DEFAULT_TRAIN.epochs), rate: arg('rate', DEFAULT_TRAIN.rate), l2: arg('l2', DEFAULT_TRAIN.l2) };
// --labels: interview turns written with their speaker's label ("Wikinews: …", "Shimon Peres: …"), as Wikinews interviews are
const labels = process.argv.includes('--labels');
const golds = gumCorefDocuments(undefined, undefined, { speakerLabels: labels });
const prepared = prepare(golds, folds);
console.log(`${golds.length} GUM training documents prepared`);
const cv = crossValidate(prepared, folds, options, (s) => console.log(s));
// --records PATH: the held-out records as JSON, for threshold tables without another cross-validation
const recordsAt = process.argv.indexOf('--records');
if (recordsAt >= 0) writeFileSync(process.argv[recordsAt + 1], JSON.stringify(cv.records) + '\n');
const newsInterview = (r: { genre: string }) => r.genre === 'news' || r.genre === 'interview';
const heldNews = heldOutScores(cv.records, folds, precision, newsInterview);
const heldAll = heldOutScores(cv.records, folds, precision);
console.log(formatScores(heldNews, `cross-validated, news + interview (thresholds from the other folds, precision target ${precision})`));
console.log(formatScores(heldAll, 'cross-validated, all genres'));
const gumThresholds = chooseThresholds(cv.records.map((r) => r.record), precision);
console.log('thresholds GUM cross-validation alone', JSON.stringify(gumThresholds));
const model = trainRanker(prepared.flatMap((p) => instancesOf(p)), options);
// the shipped thresholds: the target held on the cross-validated links and on the readable fresh halves A (train/coref-thresholds.ts)
const cvSets: RecordSet[] = [
  { name: 'CV news+int', records: cv.records.filter(newsInterview).map((r) => r.record) },
  { name: 'CV all', records: cv.records.map((r) => r.record) },
];
const fresh = readableFreshRecords(model);
const thresholds = chooseReadableThresholds({ cv: cvSets, fresh }, precision);
console.log('thresholds GUM cross-validation and readable fresh halves', JSON.stringify(thresholds));
const tables: Record<string, string[]> = {};
for (const kind of ['he/she', 'they'] as const) {
  const table = thresholdTable([...cvSets, ...fresh], kind, thresholdGrid([gumThresholds[kind], thresholds[kind]]));
  console.log(table);
  tables[kind] = table.split('\n');
}
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
  data: { name: `GUM training split (../shared/data/gum/dep), coreference layer (Entity= in MISC)${labels ? '; interview turns written with their speakers\' labels (GUM\'s speaker annotation)' : ''}`, documents: golds.length, licence: 'annotations CC BY 4.0; texts CC BY 2.5 (news, interview), CC BY-SA 3.0 (bio, voyage), CC BY 4.0 (academic, court)' },
  given_names: 'given-names.tsv.gz (see given-names.manifest.json)',
  options: { ...options, speaker_labels: labels },
  feature_version: FEATURE_VERSION,
  features_without: process.env.CHRONICLE_COREF_FEATURES_WITHOUT ?? '',
  features: model.weights.size,
  thresholds,
  thresholds_chosen: {
    how: `per kind, the most right links (GUM cross-validated, all genres, plus the readable fresh halves A) among the thresholds whose links keep precision ${precision} on GUM's cross-validated news + interview links, on all genres, and on the fresh halves A pooled (${READABLE_FRESH.join(', ')}; halves B and fresh23 are unseen and never run); it and description are linked by the rules (model.ts DEFAULT_SOURCES), so their thresholds are never used`,
    gum_cross_validation_alone: gumThresholds,
    tables,
  },
  cross_validation: {
    folds, precision_target: precision, note: 'document-level folds; raw text through the real pipeline; each fold thresholded by the other folds\' held-out links',
    news_interview: figures(heldNews), all_genres: figures(heldAll),
  },
};
writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
const cpu = process.cpuUsage(t0);
console.log(`wrote ${join(dir, 'model.json')} (${model.weights.size} weights); CPU ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s`);
