/**
 * The recogniser's training and cross-validation, shared by `npm run train:ner` (train/ner.ts)
 * and `npm run eval:entities` (eval/entities.ts), so the model that is shipped and the models
 * that are cross-validated are made the same way.
 *
 * Training data: UNER English EWT train, the UNER EWT dev documents and every GUM document
 * (all six genres; GUM sentences seen `gumWeight` times per epoch), minus the documents of the
 * fold being scored; with `external`, openly licensed corpora of train/data/ner-external/ too
 * (training side only). Cross-validation pool: all GUM news + interview documents and all UNER EWT
 * dev documents, as whole documents, scored on raw text through our tokenizer.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Gazetteer, WordCache, docCaps, sentenceKeys, type CapLexicon, type FeatureContext, type GazetteerData, type TypeProfiles } from '../src/extract/ner-features.js';
import { BIO_TAGS, MODEL_FILES, NerWeights, TagSet, decodeWeights, encodeWeights, loadTypeProfiles, makeNerModel, viterbi, withCompanion, type NerModel } from '../src/extract/ner-model.js';
import type { EntityType } from '../src/doc.js';
import { FrozenPerceptron, pushAveragedRow } from '../src/nlp/perceptron.js';
import { VECTORS_FILE, getBrownClusters, getVectorClusters, representationsLoadError, type BrownClusters } from '../src/nlp/representations.js';
import { buildGazetteer, placeCategories } from './ner-gazetteer.js';
import { readConlluWords, readExternal, readGum, readUner, type ExternalStats, type LabeledDoc, type LabeledSentence } from './ner-data.js';
import { EXTERNAL_DIR } from './ner-external-build.js';
import { toTextDoc, type TextDoc } from './ner-score.js';
import { DEFAULT_SELFTRAIN, loadSelfTrain, selectSelfTrain, selfTrainPath, type SelfTrainOptions, type SelfTrainStats } from './ner-selftrain.js';
import { seededRandom } from '../src/nlp/random.js';
import { fin, hashString, mix } from '../src/nlp/features.js';

export interface NerCorpus {
  dataDir: string;
  gazData: GazetteerData;
  gazetteer: Gazetteer;
  /** whether the gazetteer holds the world gazetteer's place categories (placeCategories) */
  places: boolean;
  /** whether dated Phoenix country blocks are countries in the gazetteer (buildGazetteer datedCountries) */
  datedCountries: boolean;
  /** UNER English EWT train sentences (documents marked by `doc`) */
  unerTrain: LabeledSentence[];
  /** UNER English EWT dev, one LabeledDoc per newdoc id ("uner-dev:<id>", genre "uner") */
  unerDev: LabeledDoc[];
  /** every GUM document in ../shared/data/gum/dep */
  gum: LabeledDoc[];
  /**
   * the external corpora read (train/data/ner-external/, the sources NerTrainOptions.external
   * gives a weight), one LabeledDoc per document, genre = source name; never in the pool
   */
  external: LabeledDoc[];
  /** per external source: documents, sentences, sentences left out, names by type */
  externalStats: Record<string, ExternalStats>;
  /** the self-training sample read (NerTrainOptions.selfTrain; its documents are in `external`, genre "selftrain"), or null */
  selfTrain: SelfTrainStats | null;
  /** UD English EWT train words (capitalisation statistics) */
  ewtWords: string[][];
  /** the shipped word representations (models/representations/), or null when missing */
  brown: BrownClusters | null;
  /** the word-vector clusters (models/representations/vectors.tsv.gz), loaded when a recipe asks for them */
  vectors: BrownClusters | null;
}

/** Words UD EWT train writes in lower case at least half the time (seen ≥ 3 times mid-sentence). */
function mostlyLowerWords(sentences: readonly (readonly string[])[]): Set<string> {
  const counts = new CapCounts();
  for (const words of sentences) counts.add(words);
  const out = new Set<string>();
  for (const [w, [caps, n]] of counts.counts) if (n >= 3 && caps / n < 0.5) out.add(w);
  return out;
}

/** The corpus type profiles (train/ner-types.ts); $CHRONICLE_NER_TYPES: another file (ablations). */
export const TYPES_PATH = process.env.CHRONICLE_NER_TYPES ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'models', 'ner', MODEL_FILES.types);

/** The world gazetteer of the places stage (models/places), read by the place features. */
export const PLACES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'models', 'places');

/**
 * The labelled corpora and the gazetteer. `places`: the gazetteer also holds the place categories
 * of the world gazetteer (placeCategories; default as DEFAULT_TRAIN_OPTIONS).
 */
export function readNerCorpus(dataDir: string, opts: Pick<Partial<NerTrainOptions>, 'places' | 'external' | 'datedCountries' | 'selfTrain' | 'log'> = {}): NerCorpus {
  const ewtWords = readConlluWords(join(dataDir, 'ud-ewt', 'en_ewt-ud-train.conllu'));
  const places = opts.places ?? DEFAULT_TRAIN_OPTIONS.places;
  const datedCountries = opts.datedCountries ?? DEFAULT_TRAIN_OPTIONS.datedCountries ?? false;
  const gazData = buildGazetteer(join(dataDir, 'petrarch2'), places ? placeCategories(PLACES_DIR, mostlyLowerWords(ewtWords)) : undefined, { datedCountries });
  const gazetteer = new Gazetteer(gazData);
  const unerTrain = readUner(join(dataDir, 'uner-ewt', 'en_ewt-ud-train.iob2'), gazetteer);
  const unerDev: LabeledDoc[] = [];
  for (const s of readUner(join(dataDir, 'uner-ewt', 'en_ewt-ud-dev.iob2'), gazetteer)) {
    const id = 'uner-dev:' + (s.doc ?? '');
    if (unerDev.length === 0 || unerDev[unerDev.length - 1].id !== id) unerDev.push({ id, genre: 'uner', sentences: [] });
    unerDev[unerDev.length - 1].sentences.push(s);
  }
  const gum = readGum(join(dataDir, 'gum', 'dep'), gazetteer);
  const external: LabeledDoc[] = [];
  const externalStats: Record<string, ExternalStats> = {};
  for (const [source, weight] of Object.entries(opts.external ?? DEFAULT_TRAIN_OPTIONS.external)) {
    if (!(weight > 0)) continue;
    const stats: ExternalStats = { documents: 0, sentences: 0, skipped: 0, names: {} };
    external.push(...readExternal(gunzipSync(readFileSync(join(EXTERNAL_DIR, `${source}.tsv.gz`))).toString('utf8'), source, gazetteer, stats));
    externalStats[source] = stats;
  }
  let selfTrain: SelfTrainStats | null = null;
  if (opts.selfTrain && opts.selfTrain.weight > 0) {
    const st = opts.selfTrain;
    const file = loadSelfTrain(dataDir, st, opts.log);
    // mixed in the proportions of the gold training sentences (UNER train and GUM)
    const gold = [...unerTrain.map((s) => s.tags), ...gum.flatMap((d) => d.sentences.map((s) => s.tags))];
    const picked = selectSelfTrain(file, st, gold, selfTrainPath(st.pages, st.seed, st.tagger));
    external.push(...picked.docs);
    selfTrain = picked.stats;
    externalStats[SELFTRAIN_SOURCE] = { documents: picked.docs.length, sentences: picked.docs.reduce((a, d) => a + d.sentences.length, 0), skipped: 0, names: picked.stats.names };
    opts.log?.(`self-training: ${file.header.pages} pages (seed ${st.seed}), margin ≥ ${st.margin}${st.untaggedCaps ? '' : ', no untagged capitalised word'}: confident org/other/empty ${picked.stats.confident.org}/${picked.stats.confident.other}/${picked.stats.confident.empty}, kept ${picked.stats.kept.org}/${picked.stats.kept.other}/${picked.stats.kept.empty}, weight ${st.weight}${st.orgOnly ? ', companion only' : ''}`);
  }
  return { dataDir, gazData, gazetteer, places, datedCountries, unerTrain, unerDev, gum, external, externalStats, selfTrain, ewtWords, brown: getBrownClusters(), vectors: null };
}

/** The external-source name of the self-training sample in the training list. */
export const SELFTRAIN_SOURCE = 'selftrain';

/** Self-training as a recipe option: the sample (train/ner-selftrain.ts) and how it joins the training. */
export interface SelfTrainRecipe extends SelfTrainOptions {
  /** times each kept sentence is seen per epoch (whole number; 0: off) */
  weight: number;
  /** only the organisation companion trains on it (the BIO model does not) */
  orgOnly: boolean;
}

/**
 * The command-line options of self-training (train:ner and eval:entities): --self-train-pages N (turns it
 * on, weight 1), --self-train-seed S, --self-train-margin M, --self-train-weight W, --self-train-both (the
 * BIO model trains on it too), --self-train-tagger DIR (the pair that tags the sample; default the shipped one),
 * --no-self-train (none). Returns how many arguments were read (0: not a self-training option).
 */
export function parseSelfTrainArg(a: string, v: string | undefined, opts: Pick<Partial<NerTrainOptions>, 'selfTrain'>): number {
  if (a === '--no-self-train') {
    opts.selfTrain = undefined;
    return 1;
  }
  if (!a.startsWith('--self-train')) return 0;
  const st: SelfTrainRecipe = (opts.selfTrain ??= { ...DEFAULT_SELFTRAIN, weight: 1, orgOnly: true });
  if (a === '--self-train-both') {
    st.orgOnly = false;
    return 1;
  }
  if (a === '--self-train-untagged-caps') {
    st.untaggedCaps = true;
    return 1;
  }
  if (a === '--self-train-tagger') {
    if (!v) throw new Error(`${a} needs a model directory`);
    st.tagger = v;
    return 2;
  }
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`${a} needs a number`);
  if (a === '--self-train-pages') st.pages = n;
  else if (a === '--self-train-seed') st.seed = n;
  else if (a === '--self-train-margin') st.margin = n;
  else if (a === '--self-train-weight') st.weight = n;
  else throw new Error(`unknown option ${a} (use --self-train-pages N, --self-train-seed S, --self-train-margin M, --self-train-weight W, --self-train-both, --self-train-untagged-caps, --self-train-tagger DIR)`);
  if (!Number.isInteger(st.pages) || st.pages < 1 || !Number.isInteger(st.weight) || st.weight < 0) throw new Error(`${a}: pages and weight are whole numbers`);
  return 2;
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
  /**
   * external training corpora (train/data/ner-external/<source>.tsv.gz: re3d, wikigold, btc,
   * wnut17, sec; see train/ner-external-build.ts for what each holds and its licence) → times
   * each of their sentences is seen per epoch (whole numbers; 0 or absent: not used). They only
   * ever join the training side: never the cross-validation pool. Read by readNerCorpus.
   */
  external: Readonly<Record<string, number>>;
  /** with external: only the organisation companion trains on them (the BIO model, whose persons and places are kept, does not) */
  externalOrgOnly?: boolean;
  /**
   * self-training: confident sentences of a seeded sample of the unlabelled Wikipedia pages, tagged by the
   * current model pair (train/ner-selftrain.ts), with their weight; read by readNerCorpus. Off when absent.
   */
  selfTrain?: SelfTrainRecipe;
  /**
   * with external: feature augmentation (Daumé 2007, "frustratingly easy domain adaptation"): an
   * external sentence's tokens also carry a copy of every feature keyed by its source, so what is
   * particular to a corpus's conventions can go into weights that run time never reads (they are
   * left out of the weights file) and only what the corpora share moves the general weights.
   * Read by featuriseCorpus.
   */
  externalAugment?: boolean;
  /** features seen fewer times are dropped */
  minCount: number;
  /** O bias stored with the weights */
  oBias: number;
  /** Brown cluster features (from corpus.brown) */
  brown: boolean;
  /** word-vector cluster features (from corpus.vectors) */
  vectors: boolean;
  /** capitalisation lexicon also from the unlabelled Wikipedia text (unlabelledCapCounts) */
  unlabelledCaps: boolean;
  /**
   * corpus type profiles as word features (models/ner/types.tsv.gz, train/ner-types.ts: how a
   * tagger trained outside the pool types each capitalised word over the unlabelled Wikipedia text)
   */
  corpusTypes?: boolean;
  /** with corpusTypes: the organisation companion trained without them (the BIO model alone reads them) */
  orgWithoutTypes?: boolean;
  /**
   * gazetteer features also from the world gazetteer of the places stage (models/places: countries,
   * regions, towns by population; train/ner-gazetteer.ts placeCategories). Read by readNerCorpus.
   */
  places: boolean;
  /**
   * countries whose Phoenix codes are all dated (Ukraine, Iraq, Kuwait …) and their cities are places in
   * the gazetteer, not persons (buildGazetteer datedCountries). Read by readNerCorpus. Off in the shipped recipe.
   */
  datedCountries?: boolean;
  /** types tagged BILOU instead of BIO (the organisation companion: ['ORG']); default none */
  bilou?: readonly EntityType[];
  /** the types the tags name (default every type; the organisation specialist: ['ORG'], other names are O) */
  types?: readonly EntityType[];
  /**
   * The organisation companion trained beside the model (trainPair, crossValidateNer, train:ner):
   * the same recipe with `bilou` types tagged BILOU and its own O bias (default the model's);
   * its ORG names replace the model's at run time (src/extract/ner.ts, ner.org-model). null: none.
   */
  org?: OrgCompanion | null;
  /**
   * Word dropout: in training, each token's own word-identity features (exact and lower-case
   * form) are left out with this probability, so the model also learns to tag words as if it
   * had never seen them (as most names in new text are) from their shape, clusters and context.
   */
  identityDropout?: number;
  log?: (msg: string) => void;
  /** called after every epoch of the first seed with the weights averaged so far (learning curves) */
  onEpoch?: (epoch: number, model: NerModel) => void;
}

export interface OrgCompanion {
  bilou: readonly EntityType[];
  /** the types its tags name (default every type; ['ORG']: an organisation specialist, 5 tags) */
  types?: readonly EntityType[];
  oBias?: number;
}

/** `--external re3d:2,wikigold:1` → { re3d: 2, wikigold: 1 } (a source without ":N" counts once; "none": {}). */
export function parseExternal(v: string): Record<string, number> {
  const out: Record<string, number> = {};
  if (v === 'none') return out;
  for (const part of v.split(',')) {
    const [name, w = '1'] = part.split(':');
    const weight = Number(w);
    if (!/^[a-z0-9-]+$/.test(name) || !Number.isInteger(weight) || weight < 0) throw new Error(`--external: expected source:weight (whole number), got ${part}`);
    out[name] = weight;
  }
  return out;
}

/** The shipped companion: ORG tagged BILOU, the model's O bias. */
export const ORG_COMPANION: OrgCompanion = { bilou: ['ORG'] };

export const DEFAULT_TRAIN_OPTIONS: Omit<NerTrainOptions, 'oBias'> = { epochs: 10, seeds: [13], gumWeight: 4, external: {}, minCount: 2, brown: true, vectors: false, unlabelledCaps: true, places: false, datedCountries: false, org: ORG_COMPANION };

export interface TrainedNer {
  weightsFile: Buffer;
  /** the organisation companion, trained by trainPair (its model is also model.org) */
  org?: TrainedNer;
  /** the model as written (quantised weights), frozen */
  model: NerModel;
  lexicon: CapLexicon;
  features: number;
  weightsKept: number;
  sentences: { uner: number; unerDev: number; gum: number; gumDocuments: number; external: Record<string, { documents: number; sentences: number; weight: number }> };
}

const rng = seededRandom;

/** How often each word type (lower-cased) is written capitalised in non-initial positions. */
export class CapCounts {
  readonly counts = new Map<string, [number, number]>();
  add(words: readonly string[]): void {
    for (let i = 1; i < words.length; i++) {
      const w = words[i];
      if (!/^\p{L}/u.test(w)) continue;
      const prev = words[i - 1];
      if (/^[.!?:"“‘'(-]+$/.test(prev)) continue; // sentence-like starts after quotes/colons
      const l = w.toLowerCase();
      let c = this.counts.get(l);
      if (!c) this.counts.set(l, (c = [0, 0]));
      if (/^\p{Lu}/u.test(w)) c[0]++;
      c[1]++;
    }
  }
}

/**
 * Capitalisation ratio of each word type seen at least `minCount` times in `base` (see capBucket),
 * or, with `extra` counts (unlabelled text), at least `extraMinCount` times in both together.
 */
export function capLexicon(base: CapCounts, minCount: number, extra?: CapCounts, extraMinCount = Infinity): CapLexicon {
  const words = new Set([...base.counts.keys(), ...(extra ? extra.counts.keys() : [])]);
  const lex = new Map<string, number>();
  for (const w of [...words].sort()) {
    const b = base.counts.get(w) ?? [0, 0];
    const e = extra?.counts.get(w) ?? [0, 0];
    const c = b[0] + e[0];
    const n = b[1] + e[1];
    if (b[1] >= minCount || n >= extraMinCount) lex.set(w, Math.round((c / n) * 100) / 100);
  }
  return lex;
}

/** Capitalisation ratio of each word type in non-initial positions (see capBucket). */
export function buildLexicon(sentences: string[][], minCount: number): CapLexicon {
  const counts = new CapCounts();
  for (const words of sentences) counts.add(words);
  return capLexicon(counts, minCount);
}

/** Words of a plain-text sentence, split simply: capitalisation statistics need no more. */
const PLAIN_WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
const SENTENCE_BREAK = /(?<=[.!?]["”’)]?)\s+(?=["“‘(]?\p{Lu})/u;

/**
 * Capitalisation counts over the Wikipedia part of ../shared/data/unlabelled (22.3 M words): the
 * lexicon then knows how a word is written for far more words than the labelled corpora hold
 * ("WeWork", "Jupiter", "deficiency"). The Wikinews part is left out, because GUM's news
 * documents (in the cross-validation pool) are Wikinews articles.
 */
export function unlabelledCapCounts(dataDir: string, log: (msg: string) => void = () => {}): CapCounts {
  const t0 = Date.now();
  const counts = new CapCounts();
  const text = gunzipSync(readFileSync(join(dataDir, 'unlabelled', 'news-en.jsonl.gz'))).toString('utf8');
  let docs = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (!line.startsWith('{"id": "enwiki:') && !line.startsWith('{"id":"enwiki:')) continue;
    const doc = JSON.parse(line) as { text: string };
    docs++;
    for (const par of doc.text.split('\n')) for (const sent of par.split(SENTENCE_BREAK)) counts.add(sent.match(PLAIN_WORD) ?? []);
  }
  log(`capitalisation counts from ${docs} unlabelled Wikipedia pages: ${counts.counts.size} word types, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return counts;
}

/** Mean of several frozen perceptrons (missing weights count as 0). */
function averageFrozen(ps: FrozenPerceptron[], C: number): FrozenPerceptron {
  if (ps.length === 1) return ps[0];
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

/** One training sentence, featurised once and shared by every fold. */
interface Unit {
  /** document id: "uner-train:<id>", "uner-dev:<id>" or a GUM document id */
  doc: string;
  source: 'uner' | 'uner-dev' | 'gum' | 'external';
  /** the external source (genre of its document), for source 'external' */
  corpus?: string;
  /** dense feature ids (see FeaturisedCorpus.keyOf), token i's at ids[offs[i]..offs[i+1]) */
  ids: Uint32Array;
  offs: Int32Array;
  /** the gold tags, BIO (trainNer converts them to the tag set it trains) */
  tags: readonly string[];
}

/**
 * Every training sentence featurised once. Nothing here depends on the fold: the gazetteer,
 * the Brown clusters and the capitalisation lexicon (UD EWT train + the GUM documents outside
 * the cross-validation pool) are fixed, and document capitalisation is per document. So K folds
 * cost one featurising pass; a fold only picks its units and prunes rare features.
 */
export interface FeaturisedCorpus {
  corpus: NerCorpus;
  lexicon: CapLexicon;
  brown: BrownClusters | null;
  vectors: BrownClusters | null;
  types: TypeProfiles | null;
  /** the same corpus featurised without the corpus type profiles (orgWithoutTypes: the companion's) */
  plain?: FeaturisedCorpus;
  unlabelledCaps: boolean;
  units: Unit[];
  /** dense feature id → hashed feature key */
  keyOf: Uint32Array;
  /** dense feature ids of the source-keyed copies (externalAugment): trained, never written */
  augmentIds: Set<number>;
  externalAugment: boolean;
  seconds: number;
}

/** A word known only from the unlabelled text enters the lexicon when seen this often. */
export const UNLABELLED_MIN_COUNT = 10;

/** Lexicon text: UD EWT train and the GUM documents outside the cross-validation pool (so no fold sees its own test text). */
export function lexiconSentences(corpus: NerCorpus): string[][] {
  const pool = new Set(cvPool(corpus).map((d) => d.id));
  return [...corpus.ewtWords, ...corpus.gum.filter((d) => !pool.has(d.id)).flatMap((d) => d.sentences.map((s) => s.words))];
}

/** The capitalisation lexicon of the recipe: labelled text outside the pool (+ unlabelled Wikipedia text). */
export function buildCapLexicon(corpus: NerCorpus, opts: Pick<NerTrainOptions, 'unlabelledCaps'>, log: (msg: string) => void = () => {}): CapLexicon {
  const base = new CapCounts();
  for (const words of lexiconSentences(corpus)) base.add(words);
  return opts.unlabelledCaps ? capLexicon(base, 2, unlabelledCapCounts(corpus.dataDir, log), UNLABELLED_MIN_COUNT) : capLexicon(base, 2);
}

/**
 * `lexicon`: the capitalisation lexicon, when already built by this recipe (the shipped model's:
 * it does not depend on the fold), to skip counting the unlabelled text.
 */
export function featuriseCorpus(corpus: NerCorpus, opts: Pick<NerTrainOptions, 'brown' | 'vectors' | 'unlabelledCaps' | 'corpusTypes' | 'orgWithoutTypes' | 'externalAugment'>, log: (msg: string) => void = () => {}, lexicon = buildCapLexicon(corpus, opts, log)): FeaturisedCorpus {
  const t0 = Date.now();
  const brownOn = opts.brown;
  if (brownOn && !corpus.brown) throw new Error('Brown cluster features need models/representations/ (npm run train:representations)');
  const brown = brownOn ? corpus.brown : null;
  if (opts.vectors) corpus.vectors ??= getVectorClusters();
  if (opts.vectors && !corpus.vectors) throw new Error(`word-vector cluster features need models/representations/vectors.tsv.gz (npm run train:vectors): ${representationsLoadError(VECTORS_FILE)}`);
  const vectors = opts.vectors ? corpus.vectors : null;
  const types = opts.corpusTypes ? loadTypeProfiles(TYPES_PATH) : null;
  const ctx: FeatureContext = { gazetteer: corpus.gazetteer, lexicon, brown, vectors, types };
  const cache = new WordCache(ctx, 1 << 30);
  const dense = new Map<number, number>();
  const keyOf: number[] = [];
  const units: Unit[] = [];
  const augmentIds = new Set<number>();
  const add = (sents: readonly LabeledSentence[], doc: string, source: Unit['source'], corpusName?: string) => {
    // document-level capitalisation over the document's sentences
    const caps = docCaps(sents.map((s) => s.words));
    const salt = opts.externalAugment && corpusName ? hashString('external-augment:' + corpusName) : 0;
    for (const s of sents) {
      let { keys, offs } = sentenceKeys(s.words, cache, ctx, caps);
      let copy: Uint8Array | null = null;
      if (salt) ({ keys, offs, copy } = augmentKeys(keys, offs, salt));
      const ids = new Uint32Array(keys.length);
      for (let j = 0; j < keys.length; j++) {
        let id = dense.get(keys[j]);
        if (id === undefined) {
          id = keyOf.length;
          dense.set(keys[j], id);
          keyOf.push(keys[j]);
          if (copy?.[j]) augmentIds.add(id);
        }
        ids[j] = id;
      }
      for (const t of s.tags) if (!BIO_TAGS.index.has(t)) throw new Error(`unknown tag ${t} in ${doc}`);
      units.push({ doc, source, ...(corpusName ? { corpus: corpusName } : {}), ids, offs, tags: s.tags });
    }
  };
  // UNER train documents by newdoc id, in file order
  const unerDocs = new Map<string, LabeledSentence[]>();
  for (const s of corpus.unerTrain) {
    const key = s.doc ?? '';
    const list = unerDocs.get(key) ?? [];
    list.push(s);
    unerDocs.set(key, list);
  }
  for (const [id, sents] of unerDocs) add(sents, 'uner-train:' + id, 'uner');
  for (const d of corpus.unerDev) add(d.sentences, d.id, 'uner-dev');
  for (const d of corpus.gum) add(d.sentences, d.id, 'gum');
  for (const d of corpus.external) add(d.sentences, d.id, 'external', d.genre);
  const seconds = (Date.now() - t0) / 1000;
  log(`featurised ${units.length} sentences once for every fold: ${keyOf.length} distinct features, ${seconds.toFixed(1)} s`);
  const plain = types && opts.orgWithoutTypes ? featuriseCorpus(corpus, { ...opts, corpusTypes: false }, log, lexicon) : undefined;
  return { corpus, lexicon, brown, vectors, types, plain, unlabelledCaps: opts.unlabelledCaps, units, keyOf: Uint32Array.from(keyOf), augmentIds, externalAugment: !!opts.externalAugment, seconds };
}

/** Each token's keys followed by their copies keyed by `salt` (externalAugment). */
function augmentKeys(keys: ArrayLike<number>, offs: ArrayLike<number>, salt: number): { keys: Uint32Array; offs: Int32Array; copy: Uint8Array } {
  const out = new Uint32Array(keys.length * 2);
  const copy = new Uint8Array(keys.length * 2);
  const o = new Int32Array(offs.length);
  let m = 0;
  for (let i = 0; i + 1 < offs.length; i++) {
    o[i] = m;
    for (let j = offs[i]; j < offs[i + 1]; j++) out[m++] = keys[j];
    for (let j = offs[i]; j < offs[i + 1]; j++) (copy[m] = 1), (out[m++] = fin(mix(salt, keys[j])));
  }
  o[offs.length - 1] = m;
  return { keys: out, offs: o, copy };
}

/**
 * Averaged perceptron over dense feature ids (training only: the fold's features are known in
 * advance, so rows are array offsets, no hashing). Weights w, and u = Σ counter × update, so the
 * averaged weight is w − u / counter (Daumé's trick).
 */
class DensePerceptron {
  readonly w: Float32Array;
  readonly u: Float64Array;
  counter = 1;
  constructor(readonly nFeatures: number, readonly nClasses: number) {
    this.w = new Float32Array(nFeatures * nClasses);
    this.u = new Float64Array(nFeatures * nClasses);
  }
  score(ids: Uint32Array, a: number, b: number, out: Float32Array, at: number): void {
    const C = this.nClasses;
    const w = this.w;
    for (let c = 0; c < C; c++) out[at + c] = 0;
    for (let k = a; k < b; k++) {
      const base = ids[k] * C;
      for (let c = 0; c < C; c++) out[at + c] += w[base + c];
    }
  }
  update(truth: number, guess: number, ids: Uint32Array, a: number, b: number): void {
    const C = this.nClasses;
    const cnt = this.counter;
    for (let k = a; k < b; k++) {
      const base = ids[k] * C;
      this.w[base + truth] += 1;
      this.u[base + truth] += cnt;
      this.w[base + guess] -= 1;
      this.u[base + guess] -= cnt;
    }
  }
  /** Averaged weights of magnitude ≥ threshold, keyed by the features' hashed keys (rows past keyOf are scratch). */
  freeze(keyOf: Uint32Array, threshold: number, skip?: Uint8Array): FrozenPerceptron {
    const C = this.nClasses;
    const keys: number[] = [];
    const starts: number[] = [0];
    const cls: number[] = [];
    const vals: number[] = [];
    for (let f = 0; f < keyOf.length; f++) {
      if (skip?.[f]) continue;
      if (pushAveragedRow(this.w, this.u, this.counter, f * C, C, threshold, cls, vals)) {
        keys.push(keyOf[f]);
        starts.push(cls.length);
      }
    }
    return new FrozenPerceptron(C, Uint32Array.from(keys), Uint32Array.from(starts), Uint8Array.from(cls), Float32Array.from(vals));
  }
}

interface Instance {
  /** fold-local dense feature ids; token i's at ids[offs[i]..offs[i+1]) */
  ids: Uint32Array;
  offs: Int32Array;
  gold: Int32Array;
  /** positions in ids of token i's exact and lower-case word features (2i, 2i + 1; -1 when pruned) */
  ident: Int32Array;
}

/**
 * Train a model on everything in the featurised corpus except the documents whose ids are in
 * `exclude`. Seeded and deterministic: the same data and options give byte-identical weights.
 */
export function trainNer(fc: FeaturisedCorpus, exclude: ReadonlySet<string>, opts: NerTrainOptions): TrainedNer {
  const log = opts.log ?? (() => {});
  const t0 = Date.now();
  if (opts.brown !== (fc.brown !== null)) throw new Error('trainNer: the corpus was featurised ' + (fc.brown ? 'with' : 'without') + ' Brown clusters');
  if (opts.vectors !== (fc.vectors !== null)) throw new Error('trainNer: the corpus was featurised ' + (fc.vectors ? 'with' : 'without') + ' word-vector clusters');
  if (opts.datedCountries !== undefined && opts.datedCountries !== fc.corpus.datedCountries) throw new Error('trainNer: the corpus was read ' + (fc.corpus.datedCountries ? 'with' : 'without') + ' dated countries (readNerCorpus datedCountries)');
  if (opts.places !== undefined && opts.places !== fc.corpus.places) throw new Error('trainNer: the corpus was read ' + (fc.corpus.places ? 'with' : 'without') + ' the place gazetteer (readNerCorpus places)');
  if (!!opts.corpusTypes !== (fc.types !== null)) throw new Error('trainNer: the corpus was featurised ' + (fc.types ? 'with' : 'without') + ' corpus type profiles');
  if (!!opts.externalAugment !== fc.externalAugment) throw new Error('trainNer: the corpus was featurised ' + (fc.externalAugment ? 'with' : 'without') + ' external feature augmentation');
  if (opts.unlabelledCaps !== fc.unlabelledCaps) throw new Error('trainNer: the corpus was featurised ' + (fc.unlabelledCaps ? 'with' : 'without') + ' the unlabelled capitalisation lexicon');
  // training list: UNER train, the UNER dev documents not excluded, GUM documents not excluded × gumWeight
  const uner = fc.units.filter((u) => u.source === 'uner');
  const unerDev = fc.units.filter((u) => u.source === 'uner-dev' && !exclude.has(u.doc));
  const gum = fc.units.filter((u) => u.source === 'gum' && !exclude.has(u.doc));
  const externalWeight: Record<string, number> = { ...(opts.external ?? {}), ...(opts.selfTrain && opts.selfTrain.weight > 0 ? { [SELFTRAIN_SOURCE]: opts.selfTrain.weight } : {}) };
  for (const [source, weight] of Object.entries(externalWeight)) {
    if (!Number.isInteger(weight) || weight < 0) throw new Error(`trainNer: external weight of ${source} must be a whole number ≥ 0, got ${weight}`);
    if (weight > 0 && !fc.corpus.externalStats[source]) throw new Error(`trainNer: the corpus was read without the external source ${source} (readNerCorpus external)`);
  }
  const external = fc.units.filter((u) => u.source === 'external' && (externalWeight[u.corpus!] ?? 0) > 0);
  const weightOf = (u: Unit) => (u.source === 'gum' ? opts.gumWeight : u.source === 'external' ? externalWeight[u.corpus!] : 1);
  // features seen at least minCount times in the training list
  const G = fc.keyOf.length;
  const counts = new Int32Array(G);
  for (const list of [uner, unerDev, gum, external]) for (const u of list) {
    const w = weightOf(u);
    for (let j = 0; j < u.ids.length; j++) counts[u.ids[j]] += w;
  }
  const local = new Int32Array(G).fill(-1);
  const localKeys: number[] = [];
  const augmentLocal: number[] = [];
  for (let g = 0; g < G; g++) if (counts[g] >= opts.minCount) {
    local[g] = localKeys.length;
    if (fc.augmentIds.has(g)) augmentLocal.push(localKeys.length);
    localKeys.push(fc.keyOf[g]);
  }
  // the source-keyed copies (externalAugment) are trained but never written
  const notWritten = augmentLocal.length ? new Uint8Array(localKeys.length) : undefined;
  for (const l of augmentLocal) notWritten![l] = 1;
  const keyOf = Uint32Array.from(localKeys);
  const tagSet = new TagSet(opts.bilou ?? [], opts.types);
  const toInstance = (u: Unit): Instance => {
    const out = new Uint32Array(u.ids.length);
    const offs = new Int32Array(u.offs.length);
    const ident = new Int32Array(2 * (u.offs.length - 1)).fill(-1);
    let m = 0;
    for (let i = 0; i + 1 < u.offs.length; i++) {
      offs[i] = m;
      for (let j = u.offs[i]; j < u.offs[i + 1]; j++) {
        const l = local[u.ids[j]];
        if (l < 0) continue;
        // selfKeys writes the bias, then the exact and the lower-case form
        const k = j - u.offs[i];
        if (k === 1 || k === 2) ident[2 * i + k - 1] = m;
        out[m++] = l;
      }
    }
    offs[u.offs.length - 1] = m;
    const gold = Int32Array.from(tagSet.fromBio(u.tags), (t) => tagSet.index.get(t)!);
    return { ids: out.slice(0, m), offs, gold, ident };
  };
  const gumInst = gum.map(toInstance);
  const instances: Instance[] = [...uner.map(toInstance), ...unerDev.map(toInstance)];
  for (let k = 0; k < opts.gumWeight; k++) instances.push(...gumInst);
  const externalSentences: TrainedNer['sentences']['external'] = {};
  for (const u of external) {
    const inst = toInstance(u);
    for (let k = 0; k < weightOf(u); k++) instances.push(inst);
    const e = (externalSentences[u.corpus!] ??= { documents: 0, sentences: 0, weight: weightOf(u) });
    e.sentences++;
  }
  for (const [source, e] of Object.entries(externalSentences)) e.documents = new Set(external.filter((u) => u.corpus === source).map((u) => u.doc)).size;
  const gumDocs = new Set(gum.map((u) => u.doc));
  log(`train: ${instances.length} sentences (UNER ${uner.length} + dev ${unerDev.length}, GUM ${gum.length} × ${opts.gumWeight}${Object.entries(externalSentences).map(([k, e]) => `, ${k} ${e.sentences} × ${e.weight}`).join('')}); ${keyOf.length} features seen ≥ ${opts.minCount} times`);

  /** One averaged-perceptron run over the shuffled training set. */
  const trainOnce = (seed: number): { scorer: FrozenPerceptron; trans: Float32Array; start: Float32Array } => {
    const T = tagSet.n;
    // one scratch row past the features: word dropout points dropped features there, and it is zeroed after each sentence
    const perc = new DensePerceptron(keyOf.length + 1, T);
    const scratch = keyOf.length;
    const dropout = opts.identityDropout ?? 0;
    const droppedAt: number[] = [];
    const droppedId: number[] = [];
    const trans = new Float32Array(T * T);
    const transU = new Float64Array(T * T);
    const start = new Float32Array(T);
    const startU = new Float64Array(T);
    const random = rng(seed);
    const order = instances.map((_, i) => i);
    let em = new Float32Array(256 * T);
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
        if (dropout > 0) {
          for (let i = 0; i < n; i++) {
            if (random() >= dropout) continue;
            for (let q = 0; q < 2; q++) {
              const at = inst.ident[2 * i + q];
              if (at < 0) continue;
              droppedAt.push(at);
              droppedId.push(inst.ids[at]);
              inst.ids[at] = scratch;
            }
          }
        }
        if (em.length < n * T) em = new Float32Array(n * T * 2);
        for (let i = 0; i < n; i++) perc.score(inst.ids, inst.offs[i], inst.offs[i + 1], em, i * T);
        const pred = viterbi(em, n, trans, start, tagSet);
        const c = perc.counter;
        for (let i = 0; i < n; i++) {
          const g = inst.gold[i];
          const p = pred[i];
          if (g !== p) {
            errors++;
            perc.update(g, p, inst.ids, inst.offs[i], inst.offs[i + 1]);
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
        perc.counter++;
        if (droppedAt.length) {
          for (let j = 0; j < droppedAt.length; j++) inst.ids[droppedAt[j]] = droppedId[j];
          droppedAt.length = 0;
          droppedId.length = 0;
          perc.w.fill(0, scratch * T, scratch * T + T);
          perc.u.fill(0, scratch * T, scratch * T + T);
        }
      }
      log(`  seed ${seed} epoch ${epoch}/${opts.epochs}: train token errors ${(100 * errors / tokens).toFixed(2)}% [${((Date.now() - t0) / 1000).toFixed(0)} s]`);
      if (opts.onEpoch && seed === opts.seeds[0]) {
        const cnt = perc.counter;
        const avg = (x: Float32Array, y: Float64Array) => Float32Array.from(x, (v, i) => v - y[i] / cnt);
        const file = encodeWeights(perc.freeze(keyOf, 1e-3, notWritten), avg(trans, transU), avg(start, startU), opts.oBias, fc.brown ? fc.brown.sha256 : null, fc.vectors ? fc.vectors.sha256 : null, tagSet, fc.types ? fc.types.sha256 : null);
        opts.onEpoch(epoch, makeNerModel(decodeWeights(file), fc.corpus.gazetteer, fc.lexicon, true, fc.brown, fc.vectors, null, fc.types));
      }
    }
    const c = perc.counter;
    const avg = (x: Float32Array, y: Float64Array) => Float32Array.from(x, (v, i) => v - y[i] / c);
    return { scorer: perc.freeze(keyOf, 1e-3, notWritten), trans: avg(trans, transU), start: avg(start, startU) };
  };

  // several runs with different shuffles, weights averaged
  const runs = opts.seeds.map((seed) => trainOnce(seed));
  const meanOf = (pick: (r: (typeof runs)[number]) => Float32Array) =>
    Float32Array.from(pick(runs[0]), (_, i) => runs.reduce((sum, r) => sum + pick(r)[i], 0) / runs.length);
  const scorer = averageFrozen(runs.map((r) => r.scorer), tagSet.n);
  const weightsFile = encodeWeights(scorer, meanOf((r) => r.trans), meanOf((r) => r.start), opts.oBias, fc.brown ? fc.brown.sha256 : null, fc.vectors ? fc.vectors.sha256 : null, tagSet, fc.types ? fc.types.sha256 : null);
  // the model as written (quantised weights), so every score tells the truth about the file
  const model = makeNerModel(decodeWeights(weightsFile), fc.corpus.gazetteer, fc.lexicon, true, fc.brown, fc.vectors, null, fc.types);
  return {
    weightsFile,
    model,
    lexicon: fc.lexicon,
    features: keyOf.length,
    weightsKept: scorer.keys.length,
    sentences: { uner: uner.length, unerDev: unerDev.length, gum: gum.length, gumDocuments: gumDocs.size, external: externalSentences },
  };
}

/**
 * The recogniser as shipped: the model, and (when opts.org) its organisation companion trained
 * on the same documents, linked as model.org so the ner stage runs both.
 */
export function trainPair(fc: FeaturisedCorpus, exclude: ReadonlySet<string>, opts: NerTrainOptions): TrainedNer {
  const trained = trainNer(fc, exclude, { ...opts, ...(opts.externalOrgOnly ? { external: {} } : {}), ...(opts.selfTrain?.orgOnly ? { selfTrain: undefined } : {}), org: null });
  if (!opts.org) return trained;
  const plain = opts.orgWithoutTypes && fc.plain;
  const org = trainNer(plain || fc, exclude, { ...opts, ...(plain ? { corpusTypes: false } : {}), bilou: opts.org.bilou, types: opts.org.types, oBias: opts.org.oBias ?? opts.oBias, org: null, onEpoch: undefined });
  // the companion shares the model's word cache (and so its profiles), whose type keys it has no weights for
  if (plain) org.model.types = trained.model.types;
  withCompanion(trained.model, org.model);
  trained.org = org;
  return trained;
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
 * K-fold cross-validation over cvPool(corpus): for each fold a model (and its organisation
 * companion, opts.org) is trained without the fold's documents and handed to `score` (which runs the fold's documents through whatever
 * pipeline is being measured and adds to its own tallies).
 */
export function crossValidateNer(fc: FeaturisedCorpus, folds: number, opts: NerTrainOptions, score: (r: FoldResult) => void): void {
  const pool = cvPool(fc.corpus);
  for (let k = 0; k < folds; k++) {
    const docs = cvFold(pool, k, folds);
    const t0 = Date.now();
    const trained = trainPair(fc, new Set(docs.map((d) => d.id)), opts);
    score({ fold: k, documents: docs, trained });
    opts.log?.(`fold ${k + 1}/${folds}: ${docs.length} documents scored [${((Date.now() - t0) / 1000).toFixed(0)} s]`);
  }
}

export { NerWeights };
