/**
 * `npm run train`: trains the tagger, lemmatizer and parser on UD English EWT train plus
 * the GUM train portion, writes models/nlp-en.bin.gz and models/manifest.json (with --accurate:
 * models/nlp-en-accurate.bin.gz and models/nlp-en-accurate.manifest.json) (data,
 * hyperparameters, scores, sha256, attribution). Deterministic: fixed seeds, fixed file order.
 *
 * Options: --tagger-iterations N  --parser-iterations N  --jackknife K (train the parser on
 * tags predicted by K-fold cross-tagging; 0 = gold tags)  --quick (few iterations)
 * --data DIR (default ../shared/data or $CHRONICLE_DATA)  --out DIR (default models)
 * `npm run train` makes the default model (round one's configuration); `npm run train -- --accurate`
 * the accurate one, models/nlp-en-accurate.bin.gz (round five, docs/nlp.md "Round five"), whose
 * configuration is issue 19's additions: Brown-cluster features (--no-clusters; --no-parser-clusters
 * keeps them to the tagger), a second tagger pass over right-hand tags (--no-second-pass; needs
 * --jackknife > 1, so --quick leaves it out) that skips the words the first pass decided by a
 * margin ≥ --second-margin X (default 32), label sets in the parser (--no-label-sets), the parser as
 * the mean of K parsers trained with seeds --parser-seed … + K − 1 (--ensemble K, default 3; 1 with
 * --quick), 10 parser iterations, the tagger pruned at --prune-tagger X (default 0.01). Without
 * --accurate each of these is off unless asked for (--clusters, --second-pass, --label-sets,
 * --ensemble K; tagger pruned at 0.03, 12 parser iterations). --prune-moves X prunes the transition
 * model (default 0: at 0.005 the accurate file is 23% smaller, EWT dev LAS −0.01, no faster, and
 * eval:facts loses a fact). --parser-without IDS leaves parser feature templates out ("2,4,20-23");
 * --lean leaves out round six's (LEAN_DEFAULT, with --accurate LEAN_ACCURATE, below).
 * --beam K trains the parser globally with beam search of width K and early update (src/nlp/beam.ts);
 * with --accurate it writes models/nlp-en-beam.bin.gz + nlp-en-beam.manifest.json (docs/nlp.md "Round nine").
 * With --beam the transition model is written snapped to its 7-bit codes and pruned by code, --move-codes ROW,ENTRY
 * (default 8,6; 0: unpruned; FrozenPerceptron.coded, docs/nlp.md "Round ten"; train/move-codes.ts does it to a written file).
 * The beam model's file leaves out the tagger, lemmatizer and clusters when models/nlp-en-accurate.bin.gz (in --out) holds
 * the same bits, and names that file instead (loading reads them from it; --self-contained writes them in; "Round eleven").
 * Experiments: --skip-test, --tagger-only, --dev-every N, --tagger-cache FILE (steps 1–3 kept
 * between runs), --unpruned-out FILE, --parser-sentences N, --model-file NAME.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { execSync } from 'node:child_process';
import { readConlluFiles, type ConlluSentence } from '../src/nlp/conllu.js';
import { lexeme } from '../src/nlp/features.js';
import { trainLemmatizer } from '../src/nlp/lemmatizer.js';
import { ACCURATE_MANIFEST, ACCURATE_MODEL_FILE, BEAM_MANIFEST, BEAM_MODEL_FILE, decodeNlpModel, encodeNlpModel, encodeSharing, MODEL_FILE, NlpModel, nlpModelFile, partsOf } from '../src/nlp/nlp-model.js';
import { Parser, trainParser, type ParseExample, type ParserData } from '../src/nlp/parser.js';
import { BeamParser, trainBeamParser } from '../src/nlp/beam.js';
import { Tagger, trainTagger, type TaggedSentence, type TaggerData } from '../src/nlp/tagger.js';
import { decodeModel, encodeModel, getPerceptron, putPerceptron, type TypedArrayAny } from '../src/nlp/model-io.js';
import { evaluate, formatScores } from '../src/nlp/evaluate.js';
import { FrozenPerceptron } from '../src/nlp/perceptron.js';
import { getBrownClusters, representationsLoadError } from '../src/nlp/representations.js';
import { WordClusters } from '../src/nlp/clusters.js';

const { values } = parseArgs({
  options: {
    'tagger-iterations': { type: 'string' },
    'parser-iterations': { type: 'string' },
    jackknife: { type: 'string' },
    quick: { type: 'boolean', default: false },
    data: { type: 'string' },
    out: { type: 'string', default: 'models' },
    seed: { type: 'string', default: '1' },
    // the parser's shuffling and exploration seed (default: --seed); the tagger keeps --seed
    'parser-seed': { type: 'string' },
    // parsers trained with seeds parser-seed … parser-seed + K − 1, weights averaged (an ensemble at one model's speed)
    ensemble: { type: 'string' },
    // the share of the largest |weight| below which the tagger's weights are dropped (default 0.03; 0.01 with --accurate)
    'prune-tagger': { type: 'string' },
    // the share of the largest |weight| below which the transition model's weights are dropped (default 0: none)
    'prune-moves': { type: 'string', default: '0' },
    // the transition model snapped to its 7-bit codes, without weights |code| < ENTRY and rows whose largest |code| < ROW:
    // "ROW,ENTRY" (FrozenPerceptron.coded; default with --beam "8,6", docs/nlp.md "Round ten"; "0": none)
    'move-codes': { type: 'string' },
    // the second tagger pass re-scores only words the first decided by a score margin below this (default 32; 0: none, -1: all)
    'second-margin': { type: 'string', default: '32' },
    'dev-every': { type: 'string', default: '0' },
    // experiments: also write the model after every N parser iterations (FILE.@N beside the model file)
    'snapshot-every': { type: 'string', default: '0' },
    // the accurate model (models/nlp-en-accurate.bin.gz): issue 19's additions on unless --no-X turns one off
    accurate: { type: 'boolean', default: false },
    // issue 19's additions (docs/nlp.md "Round two"): off by default, on with --accurate
    clusters: { type: 'boolean' },
    'no-clusters': { type: 'boolean', default: false },
    'no-parser-clusters': { type: 'boolean', default: false },
    'second-pass': { type: 'boolean' },
    'no-second-pass': { type: 'boolean', default: false },
    'label-sets': { type: 'boolean' },
    'no-label-sets': { type: 'boolean', default: false },
    // parser feature templates to leave out, by id (parser.ts parseFeatures/labelFeatures): "17,25,60-67"
    'parser-without': { type: 'string' },
    // the parser leaves out round six's templates (LEAN_DEFAULT, with --accurate LEAN_ACCURATE; docs/nlp.md "Round six")
    lean: { type: 'boolean', default: false },
    // the parser trained globally with beam search of this width and early update (beam.ts; default 0: greedy, dynamic oracle)
    beam: { type: 'string', default: '0' },
    // experiments: train the parser on the first N training sentences only (EWT train comes first)
    'parser-sentences': { type: 'string' },
    // the model file's name in --out (default nlp-en.bin.gz, with --accurate nlp-en-accurate.bin.gz)
    'model-file': { type: 'string' },
    // experiments: score EWT dev only (tuning never looks at test)
    'skip-test': { type: 'boolean', default: false },
    // experiments: train the tagger, print its EWT dev accuracy and stop
    'tagger-only': { type: 'boolean', default: false },
    // experiments on the parser: keep the tagger stage (steps 1–3) in this file between runs
    'tagger-cache': { type: 'string' },
    // experiments on pruning: also write the model before pruning to this file
    'unpruned-out': { type: 'string' },
    // with --accurate --beam: write the tagger, lemmatizer and clusters into the file even when the accurate model in --out holds the same
    'self-contained': { type: 'boolean', default: false },
  },
});

/** `--move-codes ROW,ENTRY` as a hyperparameter (absent when "0") */
function moveCodes(given: string): { moveCodes?: { row: number; entry: number } } {
  if (given === '0' || given === '') return {};
  const [row, entry = '0'] = given.split(',');
  if (!/^\d+$/.test(row) || !/^\d+$/.test(entry)) throw new Error(`--move-codes ${given}: expected ROW,ENTRY (whole numbers, codes 0–63)`);
  return { moveCodes: { row: Number(row), entry: Number(entry) } };
}

/** the transition model as written: snapped to its codes and pruned by code when `hyper.moveCodes` says so */
function codedMoves(moves: FrozenPerceptron): FrozenPerceptron {
  const codes = hyper.moveCodes;
  return codes ? moves.coded(codes.row, codes.entry) : moves;
}

/**
 * `--lean`: the parser leaves out these 43 of the accurate configuration's 148 templates (31 of 111
 * move, 12 of 37 label templates): each cost ≤ 0.02 dev LAS when left out of round five's accurate
 * model alone (`npm run ablate:parse`). `--accurate --lean`: EWT dev LAS 82.77 → 82.62, 268 → 203
 * look-ups per token, tag + parse 0.60× → 0.83× the default model's speed; not shipped, because
 * eval:facts fell 287 → 284 (docs/nlp.md "Round six").
 */
const LEAN_ACCURATE = '2,4,7,10,12,15,16,18,20-23,25,26,31,32,34,44,54,60,63,65,73,83,84,90,98,121,131,134,138,202,205,207,208,210,212,215,216,218,219,227,243';
/**
 * `--lean` without --accurate: the default configuration's parser leaves out these 23 of its 122
 * templates (all move templates): those whose leaving out alone raised the shipped default model's
 * dev LAS by ≥ 0.02 (`npm run ablate:parse`), but of two that stand in for each other (12/14 s1's
 * word, 70/72 s0's word with valency) only one, and every s0-word × b0-word template. EWT dev LAS 81.53 → 81.47, 216 → 178 look-ups per token, tag + parse 1.23× the speed;
 * not shipped, because eval:facts fell 287 → 283 and the seed article to 48/49 (docs/nlp.md "Round six").
 */
const LEAN_DEFAULT = '1,2,4,12,15-17,20-22,25,33,34,42,46,47,54,60,64,65,72,83,90';

const t0 = Date.now();
const log = (msg: string) => process.stderr.write(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(5)}s] ${msg}\n`);
const dataDir = resolve(values.data ?? process.env.CHRONICLE_DATA ?? '../shared/data');
const outDir = resolve(values.out!);
const seed = Number(values.seed);
const jackknife = Number(values.jackknife ?? (values.quick ? 0 : 5));
const accurate = values.accurate === true;
/** an issue-19 addition: on when asked for, or with --accurate unless --no-X */
const addition = (on: boolean | undefined, off: boolean | undefined) => on ?? (accurate && !off);
const hyper = {
  accurate,
  taggerIterations: Number(values['tagger-iterations'] ?? (values.quick ? 3 : 10)),
  // with --beam: 16 iterations (early update sees less of each sentence; EWT dev LAS @12 83.36, @16 83.54 unpruned)
  parserIterations: Number(values['parser-iterations'] ?? (values.quick ? 3 : Number(values.beam) > 0 ? 16 : accurate ? 10 : 12)),
  jackknife,
  explore: 0.9,
  seed,
  parserSeed: Number(values['parser-seed'] ?? seed),
  // the shipped parser is the mean of this many parsers trained with successive seeds
  // (one with --beam: a mean of beam-trained parsers has the rows of all, and the file would not fit in 60 MB beside the others)
  ensemble: Number(values.ensemble ?? (values.quick || !accurate || Number(values.beam) > 0 ? 1 : 3)),
  tagdict: { minCount: 20, minShare: 0.97 },
  lemmatizer: { minTypes: 2, ewtWeight: 3 },
  // weights below this share of a model's largest |weight| are dropped after training
  // (FrozenPerceptron.pruned): the many-class models score about twice as fast; chosen on EWT dev
  // (applied to the bfloat16 weights of the written model; the jackknife taggers are not pruned)
  prune: { tagger: Number(values['prune-tagger'] ?? (accurate ? 0.01 : 0.03)), upos: Number(values['prune-tagger'] ?? (accurate ? 0.01 : 0.03)), labeler: 0.03, moves: Number(values['prune-moves']) },
  // Brown-cluster prefix features in the tagger and the parser (models/representations/, copied into the model file)
  clusters: addition(values.clusters, values['no-clusters']),
  // the parser's features read the clusters too (else only the tagger's do)
  parserClusters: !values['no-parser-clusters'],
  // second tagger pass over the first pass's right-hand tags (learnt from cross-tagged tags: needs jackknife > 1)
  // the parser's move features include the label sets of the dependents so far
  labelSets: addition(values['label-sets'], values['no-label-sets']),
  // (with --accurate only when there are cross-tagged tags to learn from: not with --quick's gold tags)
  secondPass: values['second-pass'] ?? (accurate && !values['no-second-pass'] && jackknife > 1),
  // where the first pass is this sure (best minus second-best score), the second pass keeps its tag
  // unscored: at 32, a fifth of the second pass's scorings, EWT dev unchanged (docs/nlp.md "Round five")
  secondMargin: Number(values['second-margin']) < 0 ? undefined : Number(values['second-margin']),
  // parser feature templates left out (fewer weight look-ups per token; docs/nlp.md "Round six")
  // beam width of the parser's global training and decoding (absent: greedy, trained with the dynamic oracle)
  ...(Number(values.beam) > 0 ? { beam: Number(values.beam) } : {}),
  // the transition model's weights snapped to their 7-bit codes and pruned by code (with --beam: 23.8 → 8.2 MB, EWT dev LAS −0.12)
  ...moveCodes(values['move-codes'] ?? (Number(values.beam) > 0 ? '8,6' : '0')),
  ...(values['parser-sentences'] !== undefined ? { parserSentences: Number(values['parser-sentences']) } : {}),
  parserWithout: templateIds(values['parser-without'] ?? (values.lean ? (accurate ? LEAN_ACCURATE : LEAN_DEFAULT) : '')),
};

/** the beam model's file names the accurate model's for its tagger, lemmatizer and clusters (unless --self-contained; docs/nlp.md round eleven) */
const sharesAccurate = accurate && (hyper.beam ?? 0) > 1 && !values['self-contained'];

/** "17,25,60-67" → [17, 25, 60, 61, …, 67] */
function templateIds(list: string): number[] {
  const ids = list.split(',').filter((p) => p.trim() !== '').flatMap((part) => {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!m) throw new Error(`--parser-without: "${part}" is not a template id or a range of them`);
    const a = Number(m[1]), b = Number(m[2] ?? m[1]);
    return Array.from({ length: b - a + 1 }, (_, k) => a + k);
  });
  return [...new Set(ids)].sort((a, b) => a - b);
}

let clusters: WordClusters | undefined;
if (hyper.clusters) {
  const brown = getBrownClusters();
  if (!brown) throw new Error(`word clusters missing (${representationsLoadError()}); run \`npm run train:representations\` or drop --clusters`);
  clusters = new WordClusters(brown);
}

const ewt = join(dataDir, 'ud-ewt');
const gumDir = join(dataDir, 'gum', 'dep');
const gumFiles = readdirSync(gumDir).filter((f) => f.endsWith('.conllu')).sort().map((f) => join(gumDir, f));
const trainFiles = [join(ewt, 'en_ewt-ud-train.conllu'), ...gumFiles];
const ewtTrain = await readConlluFiles([trainFiles[0]]);
const train = [...ewtTrain, ...(await readConlluFiles(gumFiles))];
const dev = await readConlluFiles([join(ewt, 'en_ewt-ud-dev.conllu')]);
const test = await readConlluFiles([join(ewt, 'en_ewt-ud-test.conllu')]);
log(`read ${train.length} training sentences (${train.reduce((n, s) => n + s.words.length, 0)} words) from ${trainFiles.length} files`);

const tagged = (s: ConlluSentence): TaggedSentence => ({ forms: s.words.map((w) => w.form), xpos: s.words.map((w) => w.xpos), upos: s.words.map((w) => w.upos) });
const taggedTrain = train.map(tagged);

interface TaggerStage {
  tagger: { data: TaggerData; xpos: FrozenPerceptron; upos: FrozenPerceptron; second?: FrozenPerceptron };
  /** cross-tagged (jackknifed) first-pass tags of every training sentence, null without --jackknife */
  predicted: Array<{ xpos: Int32Array; upos: Int32Array } | null>;
}

/** Steps 1–3: the tagger (both passes) and the cross-tagged training tags the parser learns from. */
function trainTaggerStage(): TaggerStage {
  // 1. tagger, first pass
  const firstTagger = trainTagger(taggedTrain, { iterations: hyper.taggerIterations, seed, log, clusters });
  const xIndex = new Map(firstTagger.data.xposTags.map((t, i) => [t, i]));
  const uIndex = new Map(firstTagger.data.uposTags.map((t, i) => [t, i]));

  // 2. K-fold cross-tagging: realistic first-pass tags for the second pass and the parser to learn from
  const predicted: Array<{ xpos: Int32Array; upos: Int32Array } | null> = train.map(() => null);
  if (hyper.jackknife > 1) {
    const K = hyper.jackknife;
    for (let k = 0; k < K; k++) {
      const fold = taggedTrain.filter((_, i) => i % K !== k);
      const tk = trainTagger(fold, { iterations: hyper.taggerIterations, seed: seed + k + 1, clusters });
      const tm = new Tagger(tk.data, tk.xpos, tk.upos);
      let right = 0;
      let all = 0;
      train.forEach((s, i) => {
        if (i % K !== k) return;
        const lex = s.words.map((w) => lexeme(w.form));
        const x = tm.xposIds(lex);
        const u = tm.uposIds(lex, x);
        // re-map fold tag ids onto the full tagger's tag ids
        const xs = Int32Array.from(x, (t) => xIndex.get(tk.data.xposTags[t]) ?? 0);
        const us = Int32Array.from(u, (t) => uIndex.get(tk.data.uposTags[t]) ?? 0);
        s.words.forEach((w, j) => {
          all++;
          if (tk.data.xposTags[x[j]] === w.xpos) right++;
        });
        predicted[i] = { xpos: xs, upos: us };
      });
      log(`jackknife fold ${k + 1}/${K}: held-out XPOS ${(100 * right / all).toFixed(2)}%`);
    }
  }

  // 3. tagger, second pass: reads the cross-tagged first-pass tags to the right of each word
  let secondTagger: ReturnType<typeof trainTagger> | null = null;
  if (hyper.secondPass) {
    if (hyper.jackknife <= 1) throw new Error('--second-pass needs --jackknife K > 1 (it learns from cross-tagged first-pass tags)');
    secondTagger = trainTagger(taggedTrain, { iterations: hyper.taggerIterations, seed, log, clusters, firstPass: predicted.map((p) => p!.xpos) });
  }
  const tagger = { data: firstTagger.data, xpos: firstTagger.xpos, upos: (secondTagger ?? firstTagger).upos, second: secondTagger?.xpos };
  return { tagger, predicted };
}

// --tagger-cache FILE (experiments on the parser): steps 1–3 are read from FILE when it exists, else
// computed and written there; its key is the options that shape them
const cacheKey = JSON.stringify([hyper.taggerIterations, hyper.jackknife, hyper.clusters, hyper.secondPass, seed, clusters?.brown.sha256 ?? null]);
const { tagger, predicted } = values['tagger-cache'] ? cachedTaggerStage(values['tagger-cache'], cacheKey) : trainTaggerStage();
const xIndex = new Map(tagger.data.xposTags.map((t, i) => [t, i]));
const uIndex = new Map(tagger.data.uposTags.map((t, i) => [t, i]));
const taggerModel = new Tagger(tagger.data, tagger.xpos, tagger.upos, tagger.second ?? null);

function cachedTaggerStage(path: string, key: string): TaggerStage {
  if (existsSync(path)) {
    const file = decodeModel(readFileSync(path), path);
    const h = file.header as { key: string; tagger: TaggerData & { tagdict: Array<[string, number]>; lowerTag: Array<[string, number]> }; second: boolean; predicted: number[] };
    if (h.key !== key) throw new Error(`${path} was made with other options (${h.key}, not ${key}); delete it`);
    const nx = h.tagger.xposTags.length;
    const data: TaggerData = { ...h.tagger, tagdict: new Map(h.tagger.tagdict), lowerTag: new Map(h.tagger.lowerTag), clusters };
    const flat = file.arrays['predicted'] as Int32Array;
    let at = 0;
    const predicted = h.predicted.map((n) => {
      if (n < 0) return null;
      const p = { xpos: flat.slice(at, at + n), upos: flat.slice(at + n, at + 2 * n) };
      at += 2 * n;
      return p;
    });
    log(`tagger and cross-tagged training tags read from ${path}`);
    return {
      tagger: { data, xpos: getPerceptron(file, 'xpos', nx), upos: getPerceptron(file, 'upos', h.tagger.uposTags.length), second: h.second ? getPerceptron(file, 'second', nx) : undefined },
      predicted,
    };
  }
  const stage = trainTaggerStage();
  const { data, xpos, upos, second } = stage.tagger;
  const arrays: Record<string, TypedArrayAny> = {};
  putPerceptron(arrays, 'xpos', xpos);
  putPerceptron(arrays, 'upos', upos);
  if (second) putPerceptron(arrays, 'second', second);
  const parts = stage.predicted.flatMap((p) => (p ? [p.xpos, p.upos] : []));
  const flat = new Int32Array(parts.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of parts) { flat.set(a, at); at += a.length; }
  arrays['predicted'] = flat;
  const header = {
    key, second: second !== undefined, predicted: stage.predicted.map((p) => (p ? p.xpos.length : -1)),
    tagger: { xposTags: data.xposTags, uposTags: data.uposTags, tagdict: [...data.tagdict], lowerTag: [...(data.lowerTag ?? [])] },
  };
  writeFileSync(path, encodeModel({ header, arrays }));
  log(`tagger and cross-tagged training tags written to ${path}`);
  return stage;
}
if (values['tagger-only']) {
  let words = 0, xr = 0, ur = 0;
  for (const s of dev) {
    const r = taggerModel.tag(s.words.map((w) => w.form));
    s.words.forEach((w, i) => {
      words++;
      if (r.xpos[i] === w.xpos) xr++;
      if (r.upos[i] === w.upos) ur++;
    });
  }
  log(`EWT dev tagger only: XPOS ${(100 * xr / words).toFixed(2)} UPOS ${(100 * ur / words).toFixed(2)}`);
  process.exit(0);
}

// 4. lemmatizer
// EWT's lemma conventions win where GUM differs ("people" → people, not person): we are scored on EWT
const lemmaExamples = train.flatMap((s, i) => s.words.map((w) => ({ form: w.form, xpos: w.xpos, lemma: w.lemma, weight: i < ewtTrain.length ? hyper.lemmatizer.ewtWeight : 1 })));
const lemmatizer = trainLemmatizer(lemmaExamples, hyper.lemmatizer.minTypes);
log(`lemmatizer: ${Object.keys(lemmatizer.data.rules).length} suffix rules, ${Object.keys(lemmatizer.data.exceptions).length} exceptions`);

// 5. parser, on the cross-tagged tags (first pass: the parser sees slightly more tag errors than at run time)
const labels = [...new Set(train.flatMap((s) => s.words.map((w) => w.deprel)))].sort();
const lIndex = new Map(labels.map((l, i) => [l, i]));
const examples: ParseExample[] = train.map((s, i) => {
  const n = s.words.length;
  return {
    lex: s.words.map((w) => lexeme(w.form)),
    xpos: predicted[i]?.xpos ?? Int32Array.from(s.words, (w) => xIndex.get(w.xpos) ?? 0),
    upos: predicted[i]?.upos ?? Int32Array.from(s.words, (w) => uIndex.get(w.upos) ?? 0),
    heads: Int32Array.from(s.words, (w) => (w.head === 0 ? n : w.head - 1)),
    labels: Int32Array.from(s.words, (w) => lIndex.get(w.deprel)!),
  };
}).filter((ex) => ex.lex.length > 0 && ex.heads.every((h) => h >= 0)).slice(0, hyper.parserSentences);
const devEvery = Number(values['dev-every']);
const parserData: ParserData = { labels, nXpos: tagger.data.xposTags.length, clusters: hyper.parserClusters ? clusters : undefined, labelSets: hyper.labelSets, without: hyper.parserWithout };
const train1 = (k: number, onIteration: Parameters<typeof trainParser>[2]['onIteration']) => (hyper.beam ?? 0) > 0
  ? trainBeamParser(examples, parserData, { iterations: hyper.parserIterations, seed: hyper.parserSeed + k, beam: hyper.beam!, log, onIteration })
  : trainParser(examples, parserData, { iterations: hyper.parserIterations, seed: hyper.parserSeed + k, explore: hyper.explore, log, onIteration });
const snapshotEvery = Number(values['snapshot-every']);
const parsers = Array.from({ length: hyper.ensemble }, (_, k) => train1(k, devEvery > 0 || snapshotEvery > 0 ? (it, mv, lb) => {
  if (devEvery > 0 && it % devEvery === 0) {
    const probe = new NlpModel(taggerModel, lemmatizer, beamOrGreedy(parserData, mv.freeze(), lb.freeze()));
    log(formatScores(`dev @${it}`, evaluate(probe, dev)));
  }
  // --snapshot-every N: the model file as it would be written after this iteration (one parser: no ensemble mean)
  if (snapshotEvery > 0 && it % snapshotEvery === 0 && it < hyper.parserIterations) {
    const path = join(outDir, `${values['model-file'] ?? 'snapshot.bin.gz'}.@${it}`);
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path, modelBytes(mv.freeze(), lb.freeze(), { hyperparameters: { ...hyper, parserIterations: it } }).bytes);
    log(`snapshot after iteration ${it} written to ${path}`);
  }
} : undefined));
/** a parser for these weights: beam search when trained with it */
function beamOrGreedy(data: ParserData, moves: FrozenPerceptron, labeler: FrozenPerceptron): Parser {
  return (hyper.beam ?? 0) > 0 ? new BeamParser({ ...data, beam: hyper.beam }, moves, labeler) : new Parser(data, moves, labeler);
}
const parser = parsers.length === 1 ? parsers[0] : {
  moves: FrozenPerceptron.mean(parsers.map((p) => p.moves)), labeler: FrozenPerceptron.mean(parsers.map((p) => p.labeler)), data: parserData,
};
if (parsers.length > 1) log(`parser: mean of ${parsers.length} parsers (seeds ${hyper.parserSeed}–${hyper.parserSeed + parsers.length - 1}), ${parser.moves.keys.length} + ${parser.labeler.keys.length} feature rows`);
void taggerModel;

// 4. write, reload from the bytes (what users get), score
let commit = 'unknown';
try {
  commit = execSync('git rev-parse HEAD', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
} catch {
  // not a git checkout
}
const trainingSeconds = Math.round((Date.now() - t0) / 1000);
const cpu = process.cpuUsage();
const trainingCpuSeconds = Math.round((cpu.user + cpu.system) / 1e6);
const meta = { trainedAt: new Date().toISOString(), codeCommit: commit, hyperparameters: hyper, trainingSeconds, trainingCpuSeconds };
const { bytes } = modelBytes(parser.moves, parser.labeler, meta, values['unpruned-out']);

/** The model file's bytes for these parser weights (the tagger's and labeler's weights pruned as `hyper.prune` says). */
function modelBytes(moves: FrozenPerceptron, labeler: FrozenPerceptron, meta: Record<string, unknown>, unprunedOut?: string) {
  const full = partsOf(decodeNlpModel(encodeNlpModel({
    tagger: { xpos: tagger.xpos, upos: tagger.upos, second: tagger.second, secondMargin: hyper.secondMargin, xposTags: tagger.data.xposTags, uposTags: tagger.data.uposTags, tagdict: tagger.data.tagdict, lowerTag: tagger.data.lowerTag },
    lemmatizer: lemmatizer.data,
    parser: { moves, labeler, labels, labelSets: hyper.labelSets, without: hyper.parserWithout, noClusters: clusters && !hyper.parserClusters ? true : undefined, beam: (hyper.beam ?? 0) > 1 ? hyper.beam : undefined },
    clusters,
    meta,
  })));
  if (unprunedOut) {
    mkdirSync(dirname(resolve(unprunedOut)), { recursive: true });
    writeFileSync(unprunedOut, encodeNlpModel(full));
  }
  // prune the stored (bfloat16) weights: the many-class models score about twice as fast
  const { prune } = hyper;
  const file = nlpModelFile({
    ...full,
    tagger: {
      ...full.tagger, xpos: full.tagger.xpos.pruned(prune.tagger), upos: full.tagger.upos.pruned(prune.upos),
      second: full.tagger.second ? full.tagger.second.pruned(prune.tagger) : undefined,
    },
    parser: { ...full.parser, moves: codedMoves(prune.moves > 0 ? full.parser.moves.pruned(prune.moves) : full.parser.moves), labeler: full.parser.labeler.pruned(prune.labeler) },
  });
  // the beam model leaves the tagger, lemmatizer and clusters to the accurate model's file when that holds the same (round eleven)
  if (!sharesAccurate) return { full, bytes: encodeModel(file) };
  const written = encodeSharing(file, outDir, ACCURATE_MODEL_FILE);
  log(written.shared ? `tagger, lemmatizer and clusters left to ${ACCURATE_MODEL_FILE} (the same bits)` : `written whole: ${written.why}`);
  return { full, bytes: written.bytes };
}
mkdirSync(outDir, { recursive: true });
const beamModel = accurate && (hyper.beam ?? 0) > 1;
const modelFile = values['model-file'] ?? (beamModel ? BEAM_MODEL_FILE : accurate ? ACCURATE_MODEL_FILE : MODEL_FILE);
const modelPath = join(outDir, modelFile);
writeFileSync(modelPath, bytes);
const loadStart = performance.now();
const model = decodeNlpModel(bytes, modelPath, outDir);
const loadMs = Math.round(performance.now() - loadStart);
log(`wrote ${modelPath}: ${(bytes.length / 1e6).toFixed(2)} MB (load ${loadMs} ms); tagger ${model.tagger.data.xposTags.length} XPOS tags; feature rows after pruning: tagger ${(model.tagger.model as FrozenPerceptron).keys.length}+${(model.tagger.uposModel as FrozenPerceptron).keys.length}, parser ${(model.parser.moves as FrozenPerceptron).keys.length}+${(model.parser.labeler as FrozenPerceptron).keys.length}`);
const devScores = evaluate(model, dev);
log(formatScores('EWT dev', devScores));
if (values['skip-test']) {
  log('--skip-test: no test score, no manifest');
  process.exit(0);
}
const testScores = evaluate(model, test);
log(formatScores('EWT test', testScores));

const recipeArgs = process.argv.slice(2).filter((a, i, all) => a !== '--tagger-cache' && all[i - 1] !== '--tagger-cache' && !a.startsWith('--tagger-cache='));
const sha256 = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const manifest = {
  model: modelFile,
  sha256: sha256(modelPath),
  bytes: bytes.length,
  description: `English POS tagger (XPOS + UPOS${hyper.secondPass ? ', two passes' : ''}), lemmatizer and labelled dependency parser (arc-hybrid, averaged perceptron, ${(hyper.beam ?? 0) > 1 ? `beam search of width ${hyper.beam} with global early-update training` : 'dynamic oracle'}${hyper.ensemble > 1 ? `; the parser is the mean of the weights of ${hyper.ensemble} parsers trained with seeds ${hyper.parserSeed}-${hyper.parserSeed + hyper.ensemble - 1}` : ''})${hyper.clusters ? ', with Brown-cluster features' : ''}, trained in TypeScript by train/train.ts`,
  // --tagger-cache only saves time (the cached tagger stage is the same bits a fresh run computes), so it is not part of the recipe
  command: ['npm run train', ...(recipeArgs.length > 0 ? ['--', ...recipeArgs] : [])].join(' '),
  code: { commit, script: 'train/train.ts' },
  trainedAt: meta.trainedAt,
  trainingSeconds,
  trainingCpuSeconds,
  machine: { node: process.version, cpus: 'one training process (single-threaded)' },
  hyperparameters: hyper,
  loadMilliseconds: loadMs,
  data: {
    train: [
      { name: 'UD English EWT v2.16 train', file: 'ud-ewt/en_ewt-ud-train.conllu', repository: 'UniversalDependencies/UD_English-EWT', commit: '15d613d8447b3478787d4c278730a1e48a945efb', sha256: sha256(trainFiles[0]) },
      { name: 'GUM dep/*.conllu, train split (academic, bio, court, interview, news, voyage)', files: gumFiles.length, repository: 'amir-zeldes/gum', commit: '72ce5ac14978a324c2fd18d49484e65292cbe316' },
    ],
    representations: clusters
      ? { file: 'models/representations/brown.tsv.gz', sha256: clusters.brown.sha256, clusters: clusters.brown.size, words: clusters.brown.vocabularySize, note: 'copied into the model file (header.clusters), so retraining the representations does not change this model' }
      : null,
    sentences: train.length,
    words: train.reduce((n, s) => n + s.words.length, 0),
    tuning: 'ud-ewt/en_ewt-ud-dev.conllu',
    evaluation: 'ud-ewt/en_ewt-ud-test.conllu (gold tokenization)',
  },
  scores: {
    method: 'CoNLL 2018 shared task with gold tokenization: all words incl. punctuation; LAS on universal DEPREL (lasFull also compares subtypes)',
    ewtDev: devScores,
    ewtTest: testScores,
  },
  licence: {
    note: 'The model is derived from the annotated corpora below; we distribute it under CC BY-SA 4.0 (the share-alike terms of UD EWT), crediting all sources.',
    attribution: [
      'Universal Dependencies English Web Treebank v2.16, © Stanford University and contributors; annotations licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/). Texts from the LDC English Web Treebank; portions © 2012 Google Inc., © 2011 Yahoo! Inc., © 2012 Trustees of the University of Pennsylvania and/or other original authors. https://github.com/UniversalDependencies/UD_English-EWT',
      'GUM corpus (Zeldes 2017, https://gucorpling.org/gum/), annotations CC BY 4.0; texts: academic and court CC BY 4.0, news and interview (Wikinews) CC BY 2.5, bio (Wikipedia) and voyage (Wikivoyage) CC BY-SA 3.0. https://github.com/amir-zeldes/gum',
      ...(clusters ? ['Word clusters (header.clusters) from models/representations/brown.tsv.gz: learnt from English Wikipedia (CC BY-SA 3.0) and Wikinews (CC BY 2.5) text, GUM and UD EWT training text; see models/representations/manifest.json'] : []),
    ],
    changes: 'The corpora were not redistributed; the model holds feature weights, tag lists, a tag dictionary, lemma exception lists and a word → cluster table learnt from them.',
  },
};
const manifestPath = join(outDir, beamModel ? BEAM_MANIFEST : accurate ? ACCURATE_MANIFEST : 'manifest.json');
writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s; manifest at ${manifestPath}`);
