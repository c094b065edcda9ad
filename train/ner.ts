/**
 * Train the named-entity recogniser: `npm run train:ner`.
 *
 * Two models, trained alike and written side by side: the recogniser (weights.bin.gz, BIO tags
 * for every type) and its organisation companion (weights-org.bin.gz, ORG tagged BILOU), whose
 * ORG names replace the recogniser's at run time (src/extract/ner.ts, rule ner.org-model).
 * Structured averaged perceptron (Collins 2002) over BIO tags with Viterbi decoding, trained on
 * UNER English EWT train + dev and every GUM document, labels mapped to OntoNotes types
 * (train/ner-data.ts), features from src/extract/ner-features.ts; the recipe is
 * train/ner-train.ts, shared with `npm run eval:entities`. Seeded and deterministic: the same
 * data gives byte-identical model files.
 *
 * Unless --o-bias is given, the O bias is chosen first by the same K-fold cross-validation that
 * eval:entities reports (GUM news + interview and UNER dev documents, raw text through the
 * pipeline): the bias with the best pooled PER/ORG/place F1 of the pipeline wins, and its
 * cross-validated figures go into the manifest.
 *
 * Options: --epochs N (default 10), --out DIR (default models/ner), --data DIR (default
 * ../shared/data or $CHRONICLE_DATA), --seeds N,M,… (default 13), --gum-weight N (default 4), --external
 * SRC:W,… (external corpora of train/data/ner-external/ and their weights; "none": without),
 * --min-count N (default 2), --o-bias X (skip the cross-validation), --folds K (default 5), --no-brown
 * (no Brown cluster features), --org-o-bias X (the organisation companion's O bias; default the
 * model's), --no-org (no companion: the BIO model alone, weights-org.bin.gz removed),
 * --cv (cross-validation only: print the figures per O bias, write nothing).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BIO_TAGS, FEATURE_VERSION, MODEL_FILES, TagSet } from '../src/extract/ner-model.js';
import { NER_LEXICON_LISTS } from '../src/extract/ner-features.js';
import { assertFrozen, checksums } from '../src/lexicon/index.js';
import { DEFAULT_TRAIN_OPTIONS, SELFTRAIN_SOURCE, cvPool, featuriseCorpus, parseExternal, parseSelfTrainArg, readNerCorpus, trainPair, type NerTrainOptions } from './ner-train.js';
import { formatReport, runCrossValidation, type CvReport } from './ner-cv.js';
import { EXTERNAL_INFO } from './ner-external-build.js';

interface Options extends Omit<NerTrainOptions, 'oBias'> {
  oBias: number | null;
  out: string;
  data: string;
  folds: number;
  cvOnly: boolean;
  /** train on lexicon lists that changed since the model's manifest froze them (and record the new ones) */
  relist: boolean;
  /** leave the cross-validation pool's documents out of training (a tagger for self-training samples the cross-validation reads) */
  withoutPool: boolean;
}

/** O biases tried by the cross-validation (see NerWeights.oBias). */
const DECODE_GRID = [0, 2, 4, 8, 12];

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    ...DEFAULT_TRAIN_OPTIONS,
    oBias: null,
    out: 'models/ner',
    data: process.env.CHRONICLE_DATA ?? resolve('..', 'shared', 'data'),
    folds: 5,
    cvOnly: false,
    relist: false,
    withoutPool: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    const num = () => {
      const n = Number(v);
      if (!Number.isFinite(n)) throw new Error(`${a} needs a number, got ${v}`);
      i++;
      return n;
    };
    const selfTrainArgs = parseSelfTrainArg(a, v, opts);
    if (selfTrainArgs) i += selfTrainArgs - 1;
    else if (a === '--epochs') opts.epochs = num();
    else if (a === '--out') opts.out = v, i++;
    else if (a === '--data') opts.data = v, i++;
    else if (a === '--seeds') opts.seeds = v.split(',').map(Number), i++;
    else if (a === '--gum-weight') opts.gumWeight = num();
    else if (a === '--external') opts.external = parseExternal(v), i++;
    else if (a === '--min-count') opts.minCount = num();
    else if (a === '--o-bias') opts.oBias = num();
    else if (a === '--folds') opts.folds = num();
    else if (a === '--cv') opts.cvOnly = true;
    else if (a === '--relist') opts.relist = true;
    else if (a === '--without-pool') opts.withoutPool = true;
    else if (a === '--no-brown') opts.brown = false;
    else if (a === '--vectors') opts.vectors = true;
    else if (a === '--types') opts.corpusTypes = true;
    else if (a === '--no-types') opts.corpusTypes = false;
    else if (a === '--org-without-types') opts.orgWithoutTypes = true;
    else if (a === '--external-org-only') opts.externalOrgOnly = true;
    else if (a === '--external-augment') opts.externalAugment = true;
    else if (a === '--no-vectors') opts.vectors = false;
    else if (a === '--unlabelled-caps') opts.unlabelledCaps = true;
    else if (a === '--no-unlabelled-caps') opts.unlabelledCaps = false;
    else if (a === '--no-org') opts.org = null;
    else if (a === '--places') opts.places = true;
    else if (a === '--no-places') opts.places = false;
    else if (a === '--dated-countries') opts.datedCountries = true;
    else if (a === '--org-o-bias') opts.org = { ...(opts.org ?? DEFAULT_TRAIN_OPTIONS.org!), oBias: num() };
    else if (a === '--org-only') opts.org = { ...(opts.org ?? DEFAULT_TRAIN_OPTIONS.org!), types: ['ORG'] };
    else throw new Error(`unknown option ${a} (use --epochs N, --out DIR, --data DIR, --seeds N,M,…, --gum-weight N, --external SRC:W,…, --external-org-only, --external-augment, --min-count N, --o-bias X, --org-o-bias X, --org-only, --no-org, --folds K, --cv, --relist, --without-pool, --no-self-train, --self-train-pages N, --self-train-seed S, --self-train-margin M, --self-train-weight W, --self-train-both, --self-train-untagged-caps, --self-train-tagger DIR, --no-brown, --[no-]vectors, --[no-]types, --org-without-types, --[no-]unlabelled-caps, --[no-]places, --dated-countries)`);
  }
  if (!existsSync(join(opts.data, 'gum', 'dep'))) throw new Error(`data folder not found: ${opts.data} (set --data or CHRONICLE_DATA)`);
  return opts;
}

function log(msg: string): void {
  process.stderr.write(msg + '\n');
}

/** Pooled PER/ORG/place F1 of the pipeline, from the counts (rounded F1s tie too often). */
function pipelineF1(r: CvReport): number {
  const c = r.recognisers.pipeline.all.coarse;
  return (2 * c.tp) / (2 * c.tp + c.fp + c.fn || 1);
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  // the features read lexicon lists: train on the ones the shipped model's manifest froze, unless asked
  const shipped = join(opts.out, MODEL_FILES.manifest);
  if (!opts.relist && existsSync(shipped)) {
    assertFrozen((JSON.parse(readFileSync(shipped, 'utf8')) as { lexicon?: Record<string, string> }).lexicon, shipped);
  }
  const t0 = Date.now();
  const train = { epochs: opts.epochs, seeds: opts.seeds, gumWeight: opts.gumWeight, external: opts.external, selfTrain: opts.selfTrain, externalOrgOnly: opts.externalOrgOnly, externalAugment: opts.externalAugment, minCount: opts.minCount, brown: opts.brown, vectors: opts.vectors, corpusTypes: opts.corpusTypes, orgWithoutTypes: opts.orgWithoutTypes, unlabelledCaps: opts.unlabelledCaps, places: opts.places, datedCountries: opts.datedCountries, org: opts.org, log };
  const fc = featuriseCorpus(readNerCorpus(opts.data, { ...opts, log }), opts, log);
  const corpus = fc.corpus;
  let cv: CvReport | null = null;
  let grid: { o_bias: number; pipeline_f1: number; ner_stage_f1: number }[] = [];
  if (opts.oBias === null || opts.cvOnly) {
    const reports = runCrossValidation(fc, opts.folds, train, opts.oBias === null ? DECODE_GRID : [opts.oBias]);
    grid = reports.map((r) => ({ o_bias: r.oBias, pipeline_f1: r.recognisers.pipeline.all.coarse.f1, ner_stage_f1: r.recognisers['ner stage'].all.coarse.f1 }));
    cv = reports.reduce((best, r) => (pipelineF1(r) > pipelineF1(best) ? r : best));
    log('\n' + formatReport(cv));
    log('pipeline / ner stage pooled F1 by O bias: ' + grid.map((g) => `${g.o_bias}: ${g.pipeline_f1} / ${g.ner_stage_f1}`).join(', '));
    if (opts.cvOnly) {
      process.stdout.write(JSON.stringify({ grid, best: cv.oBias, report: cv }) + '\n');
      return;
    }
    opts.oBias = cv.oBias;
  }

  // --without-pool: a pair that never saw the cross-validation pool (a tagger for self-training samples the cross-validation reads)
  const trained = trainPair(fc, new Set(opts.withoutPool ? cvPool(corpus).map((d) => d.id) : []), { ...train, oBias: opts.oBias! });
  mkdirSync(opts.out, { recursive: true });
  const files: Record<string, Buffer> = {
    [MODEL_FILES.weights]: trained.weightsFile,
    ...(trained.org ? { [MODEL_FILES.orgWeights]: trained.org.weightsFile } : {}),
    [MODEL_FILES.gazetteer]: gzipSync(JSON.stringify(corpus.gazData), { level: 9 }),
    [MODEL_FILES.lexicon]: gzipSync([...trained.lexicon].map(([k, v]) => `${k}\t${v}`).join('\n') + '\n', { level: 9 }),
  };
  for (const [name, buf] of Object.entries(files)) writeFileSync(join(opts.out, name), buf);
  // a model trained without a companion runs alone: no stale companion beside it
  if (!trained.org) rmSync(join(opts.out, MODEL_FILES.orgWeights), { force: true });
  const orgTags = opts.org ? new TagSet(opts.org.bilou, opts.org.types) : null;

  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const brief = (s: CvReport['recognisers'][string]) => ({ pooled: { coarse: s.all.coarse, by_class: s.all.byCoarse }, gum: { coarse: s.gum.coarse, by_class: s.gum.byCoarse, by_type: s.gum.byType }, uner: { coarse: s.uner.coarse, by_class: s.uner.byCoarse }, other_types_gum: s.other });
  const pool = cvPool(corpus);
  const manifest = {
    name: 'chronicle-ner',
    description: 'Named-entity recogniser: structured averaged perceptron over hashed features, BIO tags with Viterbi, OntoNotes types' + (trained.org ? '; with an organisation companion (ORG tagged BILOU) whose ORG names replace the BIO model\'s' : ''),
    created_by: 'train/ner.ts (npm run train:ner); recipe in train/ner-train.ts',
    tags: BIO_TAGS.tags,
    org_model: trained.org && orgTags && opts.org ? {
      file: MODEL_FILES.orgWeights,
      what: 'the same recipe, data, features, seeds and epochs with ORG tagged BILOU (B, I, L, U) and ' + (orgTags.types.length === 1 ? 'no other type (other names are O: an organisation specialist)' : 'the other types BIO') + '; at run time it runs over the same sentences with the same rules, and its ORG names replace the BIO model\'s ORG names and any BIO name they overlap (src/extract/ner.ts withCompanionOrgs; switch: CHRONICLE_WITHOUT=ner.org-model)',
      tags: orgTags.tags,
      bilou: opts.org.bilou,
      o_bias: opts.org.oBias ?? opts.oBias,
      features: trained.org.features,
      weights_kept: trained.org.weightsKept,
    } : null,
    feature_version: FEATURE_VERSION,
    lexicon: checksums(Object.values(NER_LEXICON_LISTS)),
    hyperparameters: {
      epochs: opts.epochs, seeds: opts.seeds, gum_weight: opts.gumWeight, external_weights: opts.external, external_org_only: !!opts.externalOrgOnly, external_augment: !!opts.externalAugment, o_bias: opts.oBias, feature_min_count: opts.minCount, brown: opts.brown, vectors: opts.vectors, corpus_types: !!opts.corpusTypes, unlabelled_caps: opts.unlabelledCaps,
      feature_count_note: 'counted over the training list, where GUM sentences appear gum_weight times',
      freeze_threshold: 1e-3, weights: 'bfloat16 in the file, int16 in memory (src/nlp/model-io.ts, perceptron.ts)', lexicon_min_count: 2,
    },
    data: {
      train: [
        { name: 'UNER English EWT train (en_ewt-ud-train.iob2)', sentences: trained.sentences.uner, licence: 'CC BY-SA 4.0' },
        { name: 'UNER English EWT dev (en_ewt-ud-dev.iob2)', sentences: trained.sentences.unerDev, licence: 'CC BY-SA 4.0' },
        { name: 'GUM dep/*.conllu entity layer, all six genres', documents: trained.sentences.gumDocuments, sentences: trained.sentences.gum, weight: opts.gumWeight, licence: 'CC BY 4.0 (annotations); texts CC BY 2.5 / CC BY 4.0 / CC BY-SA 3.0' },
        ...Object.entries({ ...trained.sentences.external, ...(trained.org?.sentences.external ?? {}) }).filter(([source]) => source !== SELFTRAIN_SOURCE).map(([source, e]) => ({ ...EXTERNAL_INFO[source], file: `train/data/ner-external/${source}.tsv.gz`, documents: e.documents, sentences: e.sentences, weight: e.weight, names: corpus.externalStats[source]?.names, sentences_left_out: corpus.externalStats[source]?.skipped })),
        ...(corpus.selfTrain && opts.selfTrain ? [{
          name: 'self-training: confident sentences of a seeded sample of the Wikipedia pages of ../shared/data/unlabelled/news-en.jsonl.gz (its Wikinews part left out), tagged by the model pair named by tagger_sha256 through the real pipeline (train/ner-selftrain.ts)',
          file: corpus.selfTrain.file.replace(/^.*\/train\/data\//, 'train/data/'),
          pages: corpus.selfTrain.header.pages, sample_seed: corpus.selfTrain.header.seed, corpus_sha256: corpus.selfTrain.header.corpusSha256, tagger_sha256: corpus.selfTrain.header.taggerSha256,
          filter: `the recogniser, the companion and the pipeline's final names agree on every name of the sentence; every occurrence of each name's string in the page is that name with that type; every token's Viterbi margin ≥ ${corpus.selfTrain.margin} under both models;${opts.selfTrain.untaggedCaps ? '' : ' no capitalised word outside the names past the first word (train/ner-selftrain.ts hasUntaggedCapital);'} all sentences with an organisation, sentences with other names only and with none in the gold training sentences' proportions (seed ${opts.selfTrain.seed})`,
          sentences_tagged: corpus.selfTrain.header.sentences, agreeing: corpus.selfTrain.header.agreeing, agreeing_and_consistent: corpus.selfTrain.header.consistent,
          confident: corpus.selfTrain.confident, kept: corpus.selfTrain.kept, names: corpus.selfTrain.names,
          weight: opts.selfTrain.weight, trains: opts.selfTrain.orgOnly ? 'the organisation companion only' : 'both models',
          licence: 'CC BY-SA 3.0 (Wikipedia contributors)',
        }] : []),
      ],
      lexicon: 'capitalisation ratios from UD EWT train text + the GUM documents outside the cross-validation pool (UD EWT: CC BY-SA 4.0)' + (opts.unlabelledCaps ? ' + the Wikipedia pages of ../shared/data/unlabelled/news-en.jsonl.gz (CC BY-SA 3.0; words seen there ≥ 10 times)' : ''),
      gazetteer: 'PETRARCH2 Phoenix actor dictionaries (MIT, © 2014 Open Event Data Alliance) + hand lists in train/ner-gazetteer.ts' + (corpus.datedCountries ? ' (dated country codes read as countries: --dated-countries)' : '') + (corpus.places ? ' + place categories (CTRY, AREA, ADM1, TOWN6/5/4/3 by population) of every name key of the world gazetteer models/places (GeoNames, CC BY 4.0; see models/places/manifest.json), train/ner-gazetteer.ts placeCategories' : ''),
      representations: fc.brown
        ? { file: 'models/representations/brown.tsv.gz (see its manifest.json)', sha256: fc.brown.sha256, features: 'Brown cluster path prefixes of 4, 6, 10, 20 bits of the word and 4, 6, 10 bits of the words at ±1, ±2', licence: 'learned from Wikinews (CC BY 2.5), Wikipedia (CC BY-SA 3.0), GUM and UD EWT text' }
        : null,
      vector_clusters: fc.vectors
        ? { file: 'models/representations/vectors.tsv.gz (see vectors.json beside it)', sha256: fc.vectors.sha256, features: 'word-vector cluster path prefixes of 4, 6, 10, 20 bits of the word (and the 10-bit prefix with its capitalisation class), 4, 6, 10 bits of the words at ±1, ±2', licence: 'learned from Wikinews (CC BY 2.5), Wikipedia (CC BY-SA 3.0), GUM and UD EWT text' }
        : null,
      corpus_types: fc.types
        ? { file: `models/ner/${MODEL_FILES.types}`, sha256: fc.types.sha256, build: 'npm run train:ner-types (train/ner-types.ts): the shipped recipe\'s BIO model trained outside the cross-validation pool tags the Wikipedia pages of ../shared/data/unlabelled/news-en.jsonl.gz; per lower-cased word seen capitalised (not sentence-initially) ≥ 5 times, the share inside person / organisation / place / other names', features: 'the whole profile, the dominant class (≥ 20 %) and its share bucket (also × capitalisation), each class\'s share bucket, the dominant class of the words at ±1', licence: 'derived from Wikipedia (CC BY-SA 3.0)' }
        : null,
      cross_validation_pool: { gum_news_interview: pool.filter((d) => d.genre !== 'uner').map((d) => d.id), uner_dev_documents: pool.filter((d) => d.genre === 'uner').length },
    },
    cross_validation: cv && {
      how: `npm run eval:entities / train:ner: ${cv.folds}-fold cross-validation over GUM news + interview and UNER EWT dev documents (train/ner-train.ts cvFold), raw text through the tokenizer and pipeline, exact character spans; the O bias with the best pooled pipeline F1 is shipped`,
      folds: cv.folds,
      documents: cv.documents,
      o_bias: cv.oBias,
      f1_by_o_bias: grid,
      pipeline: brief(cv.recognisers.pipeline),
      ner_stage: brief(cv.recognisers['ner stage']),
      compromise: brief(cv.recognisers.compromise),
    },
    features: trained.features,
    weights_kept: trained.weightsKept,
    training_seconds: Math.round((Date.now() - t0) / 1000),
    files: Object.fromEntries(Object.entries(files).map(([n, b]) => [n, { bytes: b.length, sha256: sha(b) }])),
    licences: {
      'UNER English EWT': 'CC BY-SA 4.0 (Universal NER, https://github.com/UniversalNER/UNER_English-EWT)',
      GUM: 'CC BY 4.0 annotations (Zeldes 2017, https://gucorpling.org/gum/)',
      PETRARCH2: 'MIT (© 2014 Open Event Data Alliance)',
      'UD English EWT': 'CC BY-SA 4.0 (lexicon statistics)',
      ...(corpus.places ? { GeoNames: 'CC BY 4.0 (place names and populations, via models/places: https://www.geonames.org/)' } : {}),
      'Brown clusters': 'models/representations/manifest.json: Wikinews CC BY 2.5, Wikipedia CC BY-SA 3.0, GUM CC BY, UD EWT CC BY-SA 4.0',
    },
  };
  writeFileSync(join(opts.out, MODEL_FILES.manifest), JSON.stringify(manifest, null, 2) + '\n');
  const total = Object.values(files).reduce((a, b) => a + b.length, 0);
  log(`\nwrote ${opts.out}: ${(total / 1e6).toFixed(2)} MB in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

try {
  main();
} catch (err) {
  process.stderr.write(`train:ner failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 1;
}
