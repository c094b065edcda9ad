/**
 * `npm run eval:entities`: the cross-validated named-entity figures (train/ner-cv.ts), printed.
 * Options: --folds K (default 5), --data DIR (default ../shared/data or $CHRONICLE_DATA),
 * --o-bias X (default: the shipped model's), --json (or --json-out FILE as well as the table),
 * --update-manifest (record the figures in models/ner/manifest.json as cross_validation),
 * --quick (2 folds, 4 epochs: a smoke run, not a figure), --epoch-curve, and ablations:
 * --no-org (no organisation companion: the BIO model alone; --[no-]places: the world gazetteer's place categories as gazetteer features; --dated-countries: countries whose Phoenix codes are all dated are places in the gazetteer; CHRONICLE_WITHOUT=ner.org-model trains it but
 * leaves it unused, the same figures), --org-o-bias X (the companion's O bias), --org-only (the companion tags organisations alone: 5 tags), --no-brown, --[no-]unlabelled-caps, --epochs N, --vectors, --identity-dropout P, --seeds A,B (weights
 * of several shuffles averaged), --repeat-seeds A,B,C (one cross-validation per seed, without compromise: mean and spread; A+B+C
 * as one element: the weights of those shuffles averaged in that run), --external SRC:W,… (external training
 * corpora of train/data/ner-external/ with their weights, training side only; "none": without).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultModelDir } from '../src/extract/ner.js';
import { MODEL_FILES } from '../src/extract/ner-model.js';
import { DEFAULT_TRAIN_OPTIONS, featuriseCorpus, parseExternal, parseSelfTrainArg, readNerCorpus, type NerTrainOptions } from '../train/ner-train.js';
import { formatPRF, type PRF } from '../train/ner-score.js';
import { formatReport, runCrossValidation, runEpochCurve, type CvReport } from '../train/ner-cv.js';

export * from '../train/ner-cv.js';

function main(): void {
  const args = process.argv.slice(2);
  let data = process.env.CHRONICLE_DATA ?? resolve('..', 'shared', 'data');
  let json = false;
  let updateManifest = false;
  let folds = 5;
  let curve = false;
  let jsonOut: string | null = null;
  let repeatSeeds: number[][] | null = null;
  const opts: Partial<NerTrainOptions> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const selfTrainArgs = parseSelfTrainArg(a, args[i + 1], opts);
    if (selfTrainArgs) i += selfTrainArgs - 1;
    else if (a === '--data') data = args[++i];
    else if (a === '--json') json = true;
    else if (a === '--json-out') jsonOut = args[++i];
    else if (a === '--update-manifest') updateManifest = true;
    else if (a === '--folds') folds = Number(args[++i]);
    else if (a === '--o-bias') opts.oBias = Number(args[++i]);
    else if (a === '--no-brown') opts.brown = false;
    else if (a === '--vectors') opts.vectors = true;
    else if (a === '--types') opts.corpusTypes = true;
    else if (a === '--no-types') opts.corpusTypes = false;
    else if (a === '--org-without-types') opts.orgWithoutTypes = true;
    else if (a === '--external-org-only') opts.externalOrgOnly = true;
    else if (a === '--external-augment') opts.externalAugment = true;
    else if (a === '--identity-dropout') opts.identityDropout = Number(args[++i]);
    else if (a === '--seeds') opts.seeds = args[++i].split(',').map(Number);
    else if (a === '--repeat-seeds') repeatSeeds = args[++i].split(',').map((g) => g.split('+').map(Number));
    else if (a === '--no-vectors') opts.vectors = false;
    else if (a === '--no-org') opts.org = null;
    else if (a === '--places') opts.places = true;
    else if (a === '--no-places') opts.places = false;
    else if (a === '--dated-countries') opts.datedCountries = true;
    else if (a === '--org-o-bias') opts.org = { ...(opts.org ?? DEFAULT_TRAIN_OPTIONS.org!), oBias: Number(args[++i]) };
    else if (a === '--org-only') opts.org = { ...(opts.org ?? DEFAULT_TRAIN_OPTIONS.org!), types: ['ORG'] };
    else if (a === '--unlabelled-caps') opts.unlabelledCaps = true;
    else if (a === '--no-unlabelled-caps') opts.unlabelledCaps = false;
    else if (a === '--epochs') opts.epochs = Number(args[++i]);
    else if (a === '--external') opts.external = parseExternal(args[++i]);
    else if (a === '--epoch-curve') curve = true;
    else if (a === '--quick') {
      folds = 2;
      opts.epochs = 4;
    } else throw new Error(`unknown option ${a} (use --folds K, --data DIR, --o-bias X, --epochs N, --no-brown, --[no-]vectors, --[no-]types, --org-without-types, --no-org, --org-o-bias X, --org-only, --identity-dropout P, --seeds A,B, --repeat-seeds A,B,C, --[no-]unlabelled-caps, --[no-]places, --dated-countries, --external SRC:W,…, --external-org-only, --external-augment, --json, --json-out FILE, --epoch-curve, --update-manifest, --quick)`);
  }
  if (!Number.isInteger(folds) || folds < 2) throw new Error('--folds needs an integer ≥ 2');
  if (curve) {
    const fc = featuriseCorpus(readNerCorpus(data, opts), { ...DEFAULT_TRAIN_OPTIONS, ...opts });
    for (const { epoch, ner } of runEpochCurve(fc, folds, opts)) process.stdout.write(formatPRF(`ner stage after ${epoch} epochs`, ner) + '\n');
    return;
  }
  if (repeatSeeds) {
    // the same cross-validation once per shuffle seed: the spread a single run's figure carries
    const fc = featuriseCorpus(readNerCorpus(data, opts), { ...DEFAULT_TRAIN_OPTIONS, ...opts });
    const runs = repeatSeeds.map((seeds) => {
      const [r] = runCrossValidation(fc, folds, { ...opts, seeds }, undefined, false);
      const p = r.recognisers.pipeline.all;
      process.stderr.write(`seeds ${seeds.join('+')}: F1 ${(100 * p.coarse.f1).toFixed(1)}, PER ${(100 * (p.byCoarse.PER?.f1 ?? 0)).toFixed(1)}, ORG ${(100 * (p.byCoarse.ORG?.f1 ?? 0)).toFixed(1)}, place ${(100 * (p.byCoarse.LOC?.f1 ?? 0)).toFixed(1)}\n`);
      return r;
    });
    if (jsonOut) writeFileSync(jsonOut, JSON.stringify(runs, null, 2) + '\n');
    const spread = formatSeedSpread(repeatSeeds.map((g) => g.join('+')), runs);
    // the first seed's full report, and every seed's headline with the spread
    if (updateManifest) recordInManifest(runs[0], { seeds: repeatSeeds.map((g) => g.join('+')), table: spread.split('\n') });
    process.stdout.write(spread + '\n');
    return;
  }
  const [r] = runCrossValidation(data, folds, opts);
  if (updateManifest) recordInManifest(r);
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(r, null, 2) + '\n');
  process.stdout.write(json ? JSON.stringify(r, null, 2) + '\n' : formatReport(r) + '\n');
}

/** The cross-validated figures into models/ner/manifest.json (cross_validation); `repeat`: the figures of every shuffle seed. */
export function recordInManifest(r: CvReport, repeat?: { seeds: string[]; table: string[] }): void {
  const path = join(defaultModelDir(), MODEL_FILES.manifest);
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const brief = (s: CvReport['recognisers'][string]) => ({ pooled: { coarse: s.all.coarse, by_class: s.all.byCoarse }, gum: { coarse: s.gum.coarse, by_class: s.gum.byCoarse, by_type: s.gum.byType }, uner: { coarse: s.uner.coarse, by_class: s.uner.byCoarse }, other_types_gum: s.other });
  const org = r.train.org;
  manifest.cross_validation = {
    how: `npm run eval:entities${repeat ? ` -- --repeat-seeds ${repeat.seeds.join(',')}` : ''}: ${r.folds}-fold cross-validation over GUM news + interview and UNER EWT dev documents (train/ner-train.ts cvFold), raw text through the tokenizer and pipeline, exact character spans; ${org ? `each fold's model with its organisation companion (${org.bilou.join(', ')} tagged BILOU)` : 'no organisation companion'}${repeat ? `; the full report is shuffle seed ${repeat.seeds[0]}'s` : ''}`,
    folds: r.folds,
    documents: r.documents,
    o_bias: r.oBias,
    org_companion: org ? { bilou: org.bilou, o_bias: org.oBias ?? r.oBias } : null,
    ...(repeat ? { by_shuffle_seed: repeat.table } : {}),
    pipeline: brief(r.recognisers.pipeline),
    ner_stage: brief(r.recognisers['ner stage']),
    compromise: r.recognisers.compromise && r.recognisers.compromise.all.coarse.tp + r.recognisers.compromise.all.coarse.fp > 0 ? brief(r.recognisers.compromise) : null,
  };
  writeFileSync(path, JSON.stringify(manifest, null, 2) + '\n');
  process.stderr.write(`updated ${path}\n`);
}

/** Headline F1 by class for each seed, then their mean and standard deviation. */
export function formatSeedSpread(seeds: readonly (number | string)[], runs: readonly CvReport[]): string {
  const cols: [string, (r: CvReport) => number][] = [
    ['F1', (r) => r.recognisers.pipeline.all.coarse.f1],
    ['PER', (r) => r.recognisers.pipeline.all.byCoarse.PER?.f1 ?? 0],
    ['ORG', (r) => r.recognisers.pipeline.all.byCoarse.ORG?.f1 ?? 0],
    ['place', (r) => r.recognisers.pipeline.all.byCoarse.LOC?.f1 ?? 0],
    ['ner stage', (r) => r.recognisers['ner stage'].all.coarse.f1],
  ];
  const row = (label: string, xs: string[]) => label.padEnd(10) + xs.map((x) => x.padStart(10)).join('');
  const out = [row('seed', cols.map(([c]) => c))];
  runs.forEach((r, k) => out.push(row(String(seeds[k]), cols.map(([, f]) => (100 * f(r)).toFixed(1)))));
  const stats = cols.map(([, f]) => {
    const xs = runs.map((r) => 100 * f(r));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length - 1));
    return [mean, sd];
  });
  out.push(row('mean', stats.map(([m]) => m.toFixed(1))));
  out.push(row('sd', stats.map(([, sd]) => sd.toFixed(2))));
  // precision and recall by class, mean over the seeds
  const mean = (f: (r: CvReport) => number) => (100 * runs.reduce((a, r) => a + f(r), 0)) / Math.max(1, runs.length);
  const classes: [string, (r: CvReport) => PRF | undefined][] = [
    ['PER', (r) => r.recognisers.pipeline.all.byCoarse.PER],
    ['ORG', (r) => r.recognisers.pipeline.all.byCoarse.ORG],
    ['place', (r) => r.recognisers.pipeline.all.byCoarse.LOC],
    ['all', (r) => r.recognisers.pipeline.all.coarse],
  ];
  out.push('mean P / R by class: ' + classes.map(([c, f]) => `${c} ${mean((r) => f(r)?.p ?? 0).toFixed(1)} / ${mean((r) => f(r)?.r ?? 0).toFixed(1)}`).join(', '));
  return `pipeline pooled F1 by shuffle seed (${runs[0]?.folds ?? 0}-fold cross-validation each)\n` + out.join('\n');
}

const invoked = process.argv[1] ?? '';
if (invoked.endsWith('/eval/entities.js')) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`eval:entities failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
