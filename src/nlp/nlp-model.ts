/**
 * The trained English NLP core: tagger, lemmatizer and parser bundled in one model file
 * (models/nlp-en.bin.gz), loaded once per process.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { lexeme, type Lexeme } from './features.js';
import { packedMap } from '../packed.js';
import { Lemmatizer, type LemmatizerData } from './lemmatizer.js';
import { decodeModel, encodeModel, getPerceptron, getTables, KeyedTable, putPerceptron, putTables, readyModel, sourceStamp, TableMap, type ModelFile, type TypedArrayAny } from './model-io.js';
import { Parser } from './parser.js';
import { BeamParser } from './beam.js';
import { FrozenPerceptron, type Scorer } from './perceptron.js';
import { Tagger, taggerMemo } from './tagger.js';
import { repairTree } from './tree-repair.js';
import { repairClauses } from './clause-repair.js';
import { WordClusters, type ClusterHeader } from './clusters.js';

export { ACCURATE_MODEL_FILE, BEAM_MODEL_FILE, MODEL_FILE, accurateMode, beamMode, defaultModelPath, modelsDir, useAccurateModel, useBeamModel } from './model-choice.js';
import { defaultModelPath, MODEL_FILE, modelsDir } from './model-choice.js';
export const ACCURATE_MANIFEST = 'nlp-en-accurate.manifest.json';
export const BEAM_MANIFEST = 'nlp-en-beam.manifest.json';

export interface Analysis {
  upos: string[];
  xpos: string[];
  lemma: string[];
  /** head word index within the sentence, -1 for the root */
  head: Int32Array;
  deprel: string[];
}

/** A sentence's lexemes, cluster prefixes and tag ids, between tagging and parsing. */
interface TaggedIds {
  lex: Lexeme[];
  cl: Int32Array | null;
  xposIds: Int32Array;
  uposIds: Int32Array;
}

export class NlpModel {
  constructor(
    readonly tagger: Tagger,
    readonly lemmatizer: Lemmatizer,
    readonly parser: Parser,
    readonly meta: Record<string, unknown> = {},
  ) {}

  /** Tags, lemmatizes and parses one sentence given as word forms. */
  analyse(forms: string[]): Analysis {
    return this.lemmatizeAndParse(forms, this.tagIds(forms));
  }

  /**
   * analyse() for many sentences (a document's): all are tagged first, then lemmatized and
   * parsed, so the tagger's weight tables stay in the cache across sentences, then the parser's.
   * The same results as one sentence at a time, for 5–9% less CPU (docs/nlp.md "Round five").
   */
  analyseMany(sentences: readonly string[][]): Analysis[] {
    const tagged = packedMap(sentences, (forms) => this.tagIds(forms));
    return packedMap(tagged, (t, k) => this.lemmatizeAndParse(sentences[k], t));
  }

  /** Tags and parses only (no lemmas): what the speed benchmark measures. */
  tagAndParse(forms: string[]): Int32Array {
    const { lex, cl, xposIds, uposIds } = this.tagIds(forms);
    return this.parser.parse(lex, xposIds, uposIds, cl).heads;
  }

  private tagIds(forms: string[]): TaggedIds {
    // packedMap: forms.map() is holey once this is optimised, and the tagger's and parser's optimised code then deoptimised
    const lex = packedMap(forms, lexeme);
    const cl = this.clusterIds(lex);
    const xposIds = this.tagger.xposIds(lex, cl);
    return { lex, cl, xposIds, uposIds: this.tagger.uposIds(lex, xposIds) };
  }

  private lemmatizeAndParse(forms: string[], { lex, cl, xposIds, uposIds }: TaggedIds): Analysis {
    const { xposTags, uposTags } = this.tagger.data;
    const xpos = namesOf(xposIds, xposTags);
    const upos = namesOf(uposIds, uposTags);
    const lemma = packedMap(forms, (f, i) => this.lemmaOf(lex[i], f, xposIds[i], xpos[i]));
    const { heads, labels } = this.parser.parse(lex, xposIds, uposIds, cl);
    const names = this.parser.data.labels;
    const deprel = namesOf(labels, names, 'dep');
    repairTree(upos, heads, deprel);
    repairClauses(upos, xpos, heads, deprel);
    return { upos, xpos, lemma, head: heads, deprel };
  }

  /** lemmatizer.lemma(form, xpos), kept on the word's lexeme for its first two tags (Lexeme.memo): no map look-ups for a word seen before. */
  private lemmaOf(lx: Lexeme, form: string, xposId: number, xpos: string): string {
    const memo = taggerMemo(lx, this.tagger.data);
    if (memo.lemmasOwner !== this) {
      memo.lemmasOwner = this;
      memo.tag1 = memo.tag2 = -1;
    }
    if (memo.tag1 === xposId) return memo.lemma1;
    if (memo.tag2 === xposId) return memo.lemma2;
    const out = this.lemmatizer.lemma(form, xpos);
    if (memo.tag1 < 0) {
      memo.tag1 = xposId;
      memo.lemma1 = out;
    } else if (memo.tag2 < 0) {
      memo.tag2 = xposId;
      memo.lemma2 = out;
    }
    return out;
  }

  /** The words' cluster prefixes, computed once for the tagger and the parser (null: no clusters in the model). */
  private clusterIds(lex: readonly Lexeme[]): Int32Array | null {
    const clusters = this.tagger.data.clusters ?? this.parser.data.clusters;
    return clusters ? clusters.of(lex) : null;
  }
}

/**
 * The names of ids (`missing` for an id without one), as a packed array: a loop, not
 * Array.from(ids, f), which walks a typed array through the iterator protocol (about 7× slower
 * for a sentence's 25 ids, three times per sentence).
 */
function namesOf(ids: Int32Array, names: readonly string[], missing?: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < ids.length; i++) out.push(missing === undefined ? names[ids[i]] : names[ids[i]] ?? missing);
  return out;
}

export interface NlpModelParts {
  tagger: {
    xpos: FrozenPerceptron; upos: FrozenPerceptron; xposTags: string[]; uposTags: string[]; tagdict: Map<string, number>; lowerTag?: Map<string, number>;
    /** the second XPOS pass (reads the first pass's right-hand tags), if the model has one */
    second?: FrozenPerceptron;
    /** the second pass re-scores only words the first decided by a margin below this (TaggerData.secondMargin) */
    secondMargin?: number;
  };
  lemmatizer: LemmatizerData;
  /** noClusters: the parser's features do not read the clusters (the tagger's may) */
  parser: { moves: FrozenPerceptron; labeler: FrozenPerceptron; labels: string[]; labelSets?: boolean; noClusters?: boolean; without?: readonly number[]; beam?: number };
  /** word clusters both the tagger's and the parser's features read (one set for both) */
  clusters?: WordClusters;
  meta: Record<string, unknown>;
}

function frozen(s: Scorer, name: string): FrozenPerceptron {
  if (!(s instanceof FrozenPerceptron)) throw new Error(`${name} is not a frozen model`);
  return s;
}

/** The parts of a loaded model, for writing it again (e.g. with new metadata or row usage). */
export function partsOf(model: NlpModel): NlpModelParts {
  const { tagger, parser } = model;
  return {
    tagger: {
      xpos: frozen(tagger.model, 'tagger.xpos'), upos: frozen(tagger.uposModel, 'tagger.upos'),
      second: tagger.secondModel ? frozen(tagger.secondModel, 'tagger.second') : undefined, secondMargin: tagger.data.secondMargin,
      xposTags: tagger.data.xposTags, uposTags: tagger.data.uposTags, tagdict: tagger.data.tagdict, lowerTag: tagger.data.lowerTag,
    },
    lemmatizer: model.lemmatizer.data,
    parser: { moves: frozen(parser.moves, 'parser.moves'), labeler: frozen(parser.labeler, 'parser.labeler'), labels: parser.data.labels, labelSets: parser.data.labelSets,
      without: parser.data.without, noClusters: tagger.data.clusters && !parser.data.clusters ? true : undefined, beam: parser.data.beam },
    clusters: tagger.data.clusters ?? parser.data.clusters,
    meta: model.meta,
  };
}

/** The parser's part of both headers; `without` only when templates are left out, so older files read the same. */
function parserHeader(parts: NlpModelParts): NlpHeader['parser'] {
  const { labels, labelSets, noClusters, without, beam } = parts.parser;
  return { labels, labelSets, noClusters, without: without && without.length > 0 ? [...without] : undefined, beam: beam !== undefined && beam > 1 ? beam : undefined };
}

const byKey = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** The model file (header and arrays) of these parts, as encodeNlpModel writes it. */
export function nlpModelFile(parts: NlpModelParts): ModelFile {
  const arrays: Record<string, TypedArrayAny> = {};
  putPerceptron(arrays, 'tagger.xpos', parts.tagger.xpos);
  putPerceptron(arrays, 'tagger.upos', parts.tagger.upos);
  if (parts.tagger.second) putPerceptron(arrays, 'tagger.second', parts.tagger.second);
  putPerceptron(arrays, 'parser.moves', parts.parser.moves);
  putPerceptron(arrays, 'parser.labeler', parts.parser.labeler);
  const header = {
    format: 'chronicle-nlp-en/1',
    meta: parts.meta,
    tagger: {
      xposTags: parts.tagger.xposTags, uposTags: parts.tagger.uposTags, tagdict: [...parts.tagger.tagdict].sort(byKey),
      lowerTag: parts.tagger.lowerTag ? [...parts.tagger.lowerTag].sort(byKey) : undefined, secondPass: parts.tagger.second ? true : undefined,
      secondMargin: parts.tagger.second ? parts.tagger.secondMargin : undefined,
    },
    lemmatizer: parts.lemmatizer,
    parser: parserHeader(parts),
    clusters: parts.clusters?.header(),
  };
  return { header, arrays };
}

export function encodeNlpModel(parts: NlpModelParts): Buffer {
  return encodeModel(nlpModelFile(parts));
}

/*
 * Sharing. The beam model's tagger, lemmatizer and word clusters are the accurate model's, bit for bit (its parser
 * was trained on that tagger's tags), so its file leaves them out and names the file that holds them:
 * header.shared = { model, digest }, the digest covering exactly the parts left out. Loading puts them back from
 * that file (beside it, else in models/) after checking the digest, so the model is the same as if they had been
 * copied in; a changed accurate model is an error naming both files, never a silently different tagger.
 */

/** What a model file may leave to another: these header parts and the arrays under this prefix. */
const SHARED_HEADER = ['tagger', 'lemmatizer', 'clusters'] as const;
const SHARED_ARRAYS = 'tagger.';

interface SharedRef {
  /** the model file holding the parts, by name (looked for beside this one, then in models/) */
  model: string;
  /** sharedDigest of the parts */
  digest: string;
}

/** A digest of the parts of a model file that another may share (header parts as JSON, arrays as bytes). */
export function sharedDigest(file: ModelFile): string {
  const hash = createHash('sha256');
  for (const k of SHARED_HEADER) hash.update(`${k}\t${JSON.stringify(file.header[k] ?? null)}\n`);
  for (const name of Object.keys(file.arrays).filter((n) => n.startsWith(SHARED_ARRAYS)).sort()) {
    const a = file.arrays[name];
    hash.update(`${name}\t${a.constructor.name}\t${a.length}\n`);
    hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
  return hash.digest('hex');
}

/** `file` without the parts `base` (the file named `baseName`) holds the same, and naming it; null when they differ. */
export function withoutShared(file: ModelFile, base: ModelFile, baseName: string): ModelFile | null {
  if (file.header.shared) return file;
  const digest = sharedDigest(file);
  if (digest !== sharedDigest(base)) return null;
  const header: Record<string, unknown> = { ...file.header };
  for (const k of SHARED_HEADER) delete header[k];
  header.shared = { model: baseName, digest } satisfies SharedRef;
  const arrays = Object.fromEntries(Object.entries(file.arrays).filter(([name]) => !name.startsWith(SHARED_ARRAYS)));
  return { header, arrays };
}

/** Where the model file that a sharing file names is: beside it, else in models/. */
function sharedPath(ref: SharedRef, dir: string): string {
  const beside = resolve(dir, ref.model);
  return existsSync(beside) ? beside : join(modelsDir(), ref.model);
}

/** `file` whole: the parts it leaves to another file read from that one (found from `dir`), digest checked. */
export function withShared(file: ModelFile, dir: string, origin: string): ModelFile {
  const ref = file.header.shared as SharedRef | undefined;
  if (!ref) return file;
  const path = sharedPath(ref, dir);
  let base: ModelFile;
  try {
    base = decodeModel(readFileSync(path), path);
  } catch (err) {
    throw new Error(`${origin} takes its tagger, lemmatizer and clusters from ${ref.model}, which cannot be read: ${(err as Error).message}`);
  }
  const digest = sharedDigest(base);
  if (digest !== ref.digest) {
    throw new Error(`${origin} takes its tagger, lemmatizer and clusters from ${path}, but that file holds others (digest ${digest.slice(0, 12)}, not ${ref.digest.slice(0, 12)}): retrain this model on it (npm run train -- --accurate --beam 8) or restore the file it was trained with`);
  }
  const header: Record<string, unknown> = { ...file.header };
  delete header.shared;
  for (const k of SHARED_HEADER) if (base.header[k] !== undefined) header[k] = base.header[k];
  const arrays = { ...file.arrays };
  for (const [name, a] of Object.entries(base.arrays)) if (name.startsWith(SHARED_ARRAYS)) arrays[name] = a;
  return { header, arrays };
}

/**
 * The bytes of model file `file` written into `dir`: without the parts the model file `baseName` there holds the same
 * (withoutShared), else whole (`shared` false, `why` says why).
 */
export function encodeSharing(file: ModelFile, dir: string, baseName: string): { bytes: Buffer; shared: boolean; why?: string } {
  const path = join(dir, baseName);
  if (!existsSync(path)) return { bytes: encodeModel(file), shared: false, why: `no ${path}` };
  const slim = withoutShared(withShared(file, dir, 'the model written'), decodeModel(readFileSync(path), path), baseName);
  return slim ? { bytes: encodeModel(slim), shared: true } : { bytes: encodeModel(file), shared: false, why: `${path} holds another tagger, lemmatizer or clusters` };
}

/** the tagger and labeler use FrozenPerceptron's compact layout (one cache line per lookup) */
const COMPACT = { compact: true };

/** What the model header carries besides the weights. */
interface NlpHeader {
  format: string;
  meta: Record<string, unknown>;
  tagger: { xposTags: string[]; uposTags: string[]; tagdict: Array<[string, number]>; lowerTag?: Array<[string, number]>; secondPass?: boolean; secondMargin?: number };
  lemmatizer: LemmatizerData;
  parser: { labels: string[]; labelSets?: boolean; noClusters?: boolean; without?: number[]; beam?: number };
  clusters?: ClusterHeader;
}

const PERCEPTRONS = ['tagger.xpos', 'tagger.upos', 'tagger.second', 'parser.moves', 'parser.labeler'] as const;
type PerceptronName = (typeof PERCEPTRONS)[number];

/** The tagger's and lemmatizer's look-ups of a load-ready model, read from its tables as they are asked (model-io.ts TableMap). */
interface ReadyLookups {
  lowerTag?: Map<string, number>;
  exceptions: ReadonlyMap<string, string>;
  rules: ReadonlyMap<string, string>;
}

function assemble(h: NlpHeader, origin: string, perceptron: (name: PerceptronName, nClasses: number) => FrozenPerceptron, lookups?: ReadyLookups): NlpModel {
  if (h.format !== 'chronicle-nlp-en/1') throw new Error(`${origin}: unsupported model format ${String(h.format)}`);
  const { xposTags, uposTags } = h.tagger;
  const clusters = h.clusters ? WordClusters.fromHeader(h.clusters) : undefined;
  const tagger = new Tagger(
    { xposTags, uposTags, tagdict: new Map(h.tagger.tagdict), lowerTag: lookups ? lookups.lowerTag : h.tagger.lowerTag ? new Map(h.tagger.lowerTag) : undefined, clusters,
      secondMargin: h.tagger.secondPass ? h.tagger.secondMargin : undefined },
    perceptron('tagger.xpos', xposTags.length),
    perceptron('tagger.upos', uposTags.length),
    h.tagger.secondPass ? perceptron('tagger.second', xposTags.length) : null,
  );
  const parserData = { labels: h.parser.labels, nXpos: xposTags.length, clusters: h.parser.noClusters ? undefined : clusters, labelSets: h.parser.labelSets, without: h.parser.without, beam: h.parser.beam };
  const moves = perceptron('parser.moves', 3);
  const labeler = perceptron('parser.labeler', h.parser.labels.length);
  // a model trained with beam search (beam.ts) is decoded with its beam; every other model greedily
  const parser = h.parser.beam !== undefined && h.parser.beam > 1 ? new BeamParser(parserData, moves, labeler, beamWidth(h.parser.beam)) : new Parser(parserData, moves, labeler);
  return new NlpModel(tagger, lookups ? new Lemmatizer(null, lookups) : new Lemmatizer(h.lemmatizer), parser, h.meta);
}

/** `dir`: where a model file that shares parts looks for the file holding them (default: beside `origin`, else models/) */
export function decodeNlpModel(buf: Buffer, origin = MODEL_FILE, dir = dirname(origin)): NlpModel {
  return nlpModelOf(withShared(decodeModel(buf, origin), dir, origin), origin);
}

/** A model from its whole (not sharing) decoded file. */
function nlpModelOf(file: ModelFile, origin: string): NlpModel {
  // the moves model (3 classes) is always packed; the others use the compact layout
  return assemble(file.header as unknown as NlpHeader, origin, (name, nClasses) => getPerceptron(file, name, nClasses, name === 'parser.moves' ? {} : COMPACT));
}

/** Version of the load-ready NLP file's contents (see model-io.ts readyModel). */
const READY_VERSION = 'chronicle-nlp-en-ready/3';

/** The load-ready form of a decoded model: its header and its perceptrons' lookup tables. */
export function readyNlpFile(model: NlpModel): ModelFile {
  const parts = partsOf(model);
  const header: Record<string, unknown> = {
    format: 'chronicle-nlp-en/1',
    meta: parts.meta,
    tagger: {
      xposTags: parts.tagger.xposTags, uposTags: parts.tagger.uposTags, tagdict: [...parts.tagger.tagdict],
      lowerTagTable: parts.tagger.lowerTag ? true : undefined, secondPass: parts.tagger.second ? true : undefined,
      secondMargin: parts.tagger.second ? parts.tagger.secondMargin : undefined,
    },
    // the lemmatizer's and the lower-case tag look-ups (~40,000 entries) as tables searched in place: no JSON, no maps to build
    lemmatizer: 'tables',
    parser: parserHeader(parts),
    clusters: parts.clusters?.header(),
  };
  const arrays: Record<string, TypedArrayAny> = {};
  if (parts.tagger.lowerTag) KeyedTable.build([...parts.tagger.lowerTag].map(([k, v]) => [k, String(v)] as const)).put(arrays, 'lookup.lowerTag');
  KeyedTable.build(Object.entries(parts.lemmatizer.exceptions)).put(arrays, 'lookup.exceptions');
  KeyedTable.build(Object.entries(parts.lemmatizer.rules)).put(arrays, 'lookup.rules');
  const of: Record<PerceptronName, FrozenPerceptron | undefined> = {
    'tagger.xpos': parts.tagger.xpos, 'tagger.upos': parts.tagger.upos, 'tagger.second': parts.tagger.second,
    'parser.moves': parts.parser.moves, 'parser.labeler': parts.parser.labeler,
  };
  for (const name of PERCEPTRONS) {
    const p = of[name];
    if (p) putTables(arrays, header, name, p);
  }
  return { header, arrays };
}

/** A model from its load-ready file (arrays are views into the file's bytes). */
export function nlpModelFromReady(file: ModelFile, origin: string): NlpModel {
  const h = file.header as unknown as NlpHeader & { tagger: { lowerTagTable?: boolean } };
  const lookups: ReadyLookups = {
    lowerTag: h.tagger.lowerTagTable ? new TableMap(KeyedTable.get(file, 'lookup.lowerTag'), Number) : undefined,
    exceptions: new TableMap(KeyedTable.get(file, 'lookup.exceptions'), String),
    rules: new TableMap(KeyedTable.get(file, 'lookup.rules'), String),
  };
  return assemble(h, origin, (name) => getTables(file, name), lookups);
}

/**
 * The decoding width of a beam-trained model: CHRONICLE_BEAM_WIDTH if set (the beam model's weights, trained at 8,
 * give EWT dev LAS 83.29 at width 4 for about 1.7× the speed; docs/nlp.md "Round nine"), else the width it was trained with.
 */
export function beamWidth(trained: number): number {
  const asked = process.env.CHRONICLE_BEAM_WIDTH;
  if (asked === undefined || asked === '') return trained;
  const w = Number(asked);
  if (!Number.isInteger(w) || w < 1 || w > 256) throw new Error(`CHRONICLE_BEAM_WIDTH=${asked}: a beam width is a whole number from 1 to 256`);
  return w;
}

export interface LoadOptions {
  /** load-ready bytes already read (a SharedArrayBuffer from the parent thread: one copy for all workers) */
  readyBytes?: Uint8Array;
}

/**
 * Loads a model file. The first load builds its load-ready form beside it (models/nlp-en.ready.bin,
 * not in git; also made by `npm install`), and later loads read that with one read and views:
 * no decompression, no table building. The weights and scores are the same bit for bit.
 */
export function loadNlpModel(path = defaultModelPath(), options: LoadOptions = {}): NlpModel {
  return loadReadyNlp(path, options).model;
}

/** The model, the load-ready bytes it views (to share with worker threads) and whether they were built just now. */
export function loadReadyNlp(path = defaultModelPath(), options: LoadOptions = {}): { model: NlpModel; bytes: Uint8Array; built: boolean } {
  let ready: ReturnType<typeof readyModel>;
  // a model sharing another file's parts (withShared) keeps that file's stamp in its load-ready form: rebuilt when it changes
  const build = (gz: Buffer): ModelFile => {
    const source = decodeModel(gz, path);
    const ref = source.header.shared as SharedRef | undefined;
    const file = readyNlpFile(nlpModelOf(withShared(source, dirname(path), path), path));
    if (ref) {
      const from = sharedPath(ref, dirname(path));
      file.header.sharedStamp = { path: from, stamp: sourceStamp(from) };
    }
    return file;
  };
  const current = (file: ModelFile) => {
    const s = file.header.sharedStamp as { path: string; stamp: string } | undefined;
    return s === undefined || sourceStamp(s.path) === s.stamp;
  };
  try {
    ready = readyModel(path, build, { version: READY_VERSION, bytes: options.readyBytes, current });
  } catch (err) {
    throw new Error(`cannot read the NLP model ${path}: ${(err as Error).message} (run \`npm run train\` to build it)`);
  }
  return { model: nlpModelFromReady(ready.file, path), bytes: ready.bytes, built: ready.built };
}

let shared: NlpModel | null = null;

/** The default model, loaded lazily once per process (from shared memory in a worker given it: model-io.ts useSharedReady). */
export function nlpModel(): NlpModel {
  shared ??= loadNlpModel(defaultModelPath());
  return shared;
}
