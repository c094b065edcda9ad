/**
 * The recogniser's per-word values computed once, at `prepare`, for the vocabulary of the word
 * clusters (models/ner/words.ready.bin, not in git: built from the models that are), and read by
 * worker threads instead of being computed again in each of them.
 *
 * Every worker fills its own word cache (WordCache): for each word it meets first, the WordInfo
 * hashes and buckets and, per model, the summed scores of the word-only features (five blocks of
 * tags floats). They are pure functions of the word and the models, and filling them is much of
 * what a second `--jobs` worker pays again (docs/speed.md). With the table a worker copies a
 * known word's row instead; the pool reads the file once into shared memory for all its workers
 * (readSharedReady), a single worker reads its own copy.
 *
 * The file is used only when its stamp matches this build's models and feature code, and when a
 * sample of its rows equals what the code computes now; otherwise every word is computed as
 * before. Run time never builds it (that costs more than a worker's warm-up saves).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeModelRaw, encodeModelRaw, KeyedTable, readAligned, sourceStamp, type ModelFile } from '../nlp/model-io.js';
import { sharedReadyFile } from '../nlp/ready-files.js';
import { INFO_WIDTH, makeInfo, putInfo, OFFSETS, PAD_AFTER, PAD_BEFORE, type PrecomputedWords, type WordInfo } from './ner-features.js';
import { FEATURE_VERSION, MODEL_FILES, type NerModel } from './ner-model.js';

export const WORDS_FILE = 'words.ready.bin';
const VERSION = 'chronicle-ner-words/1';

/** The modules whose code computes the values: a change to any of them makes the table stale. */
const CODE = ['./ner-features.js', './ner-model.js', './ner-words.js', '../nlp/features.js', '../nlp/perceptron.js', '../nlp/representations.js'];

/** What the table of the model in `dir` must have been built from: its model files, the clusters it reads, the code. */
export function wordTableStamp(dir: string, model: NerModel): string {
  const files = [MODEL_FILES.weights, MODEL_FILES.orgWeights, MODEL_FILES.lexicon, MODEL_FILES.types].filter((f) => existsSync(join(dir, f)));
  const code = createHash('sha256');
  for (const m of CODE) code.update(readFileSync(fileURLToPath(new URL(m, import.meta.url))));
  return [VERSION, `features ${FEATURE_VERSION}`, ...files.map((f) => `${f}:${sourceStamp(join(dir, f))}`), `brown ${model.brown?.sha256 ?? '-'}`, `vectors ${model.vectors?.sha256 ?? '-'}`, `types ${model.types?.sha256 ?? '-'}`, `code ${code.digest('hex')}`].join('|');
}

/** The models sharing `model`'s word cache, by slot (the recogniser, then its organisation companion). */
function slotModels(model: NerModel): NerModel[] {
  return model.org ? [model, model.org] : [model];
}

/** The table's file for `words` (the word clusters' vocabulary when not given): each word's WordInfo fields and score rows per slot. */
export function buildWordTable(model: NerModel, stamp: string, words?: Iterable<string>): ModelFile {
  if (!model.frozen) throw new Error('a word table needs frozen weights');
  const vocabulary = words ?? model.brown?.words() ?? [];
  const table = KeyedTable.build([...vocabulary].filter((w) => w !== PAD_BEFORE && w !== PAD_AFTER).map((w) => [w, '']));
  const n = table.size;
  const fields = new Int32Array(n * INFO_WIDTH);
  const row: number[] = [];
  const models = slotModels(model);
  const vecs = models.map((m) => new Float32Array(n * m.weights.tags.n * (1 + OFFSETS.length)));
  for (let i = 0; i < n; i++) {
    const info = infoOf(model, table.key(i));
    putInfo(info, row, 0);
    row.forEach((v, k) => {
      if ((v | 0) !== v) throw new Error(`word table: field ${k} of "${table.key(i)}" is ${v}, not a 32-bit integer`);
      fields[i * INFO_WIDTH + k] = v;
    });
    models.forEach((m, s) => m.weights.wordScores(info, vecs[s], i * m.weights.tags.n * (1 + OFFSETS.length)));
  }
  const arrays: ModelFile['arrays'] = { fields };
  table.put(arrays, 'words');
  vecs.forEach((v, s) => (arrays[`vecs${s}`] = v));
  return { header: { stamp, words: n, tags: models.map((m) => m.weights.tags.n) }, arrays };
}

function infoOf(model: NerModel, w: string): WordInfo {
  return makeInfo(w, model.lexicon, model.brown, model.vectors, model.types);
}

/** Builds the table of the model in `dir` and writes it there (atomically). Returns the number of words. */
export function writeWordTable(dir: string, model: NerModel): number {
  const file = buildWordTable(model, wordTableStamp(dir, model));
  const path = join(dir, WORDS_FILE);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, encodeModelRaw(file));
    renameSync(tmp, path);
  } catch (err) {
    try { unlinkSync(tmp); } catch { /* never written */ }
    throw err;
  }
  return file.header.words as number;
}

/** The table in `bytes` as PrecomputedWords for `model`, or null when it is not this model's (stamp, shape, or a sampled row differs). */
export function wordTableOf(bytes: Uint8Array, model: NerModel, stamp: string): PrecomputedWords | null {
  let file: ModelFile;
  try {
    file = decodeModelRaw(bytes, WORDS_FILE, { views: true });
  } catch {
    return null;
  }
  const models = slotModels(model);
  const tags = file.header.tags as number[] | undefined;
  if (file.header.stamp !== stamp || !tags || tags.length !== models.length || models.some((m, s) => m.weights.tags.n !== tags[s])) return null;
  const table = KeyedTable.get(file, 'words');
  const fields = file.arrays.fields as Int32Array;
  const vecs = models.map((_, s) => file.arrays[`vecs${s}`] as Float32Array);
  const n = table.size;
  if (fields.length !== n * INFO_WIDTH || models.some((m, s) => vecs[s].length !== n * m.weights.tags.n * (1 + OFFSETS.length))) return null;
  const words: PrecomputedWords = { find: (w) => table.find(w), fields, vecs };
  // a sample of rows must equal what this code computes (a stamp cannot see every helper the features call)
  for (let k = 0; k < 16 && n > 0; k++) {
    const i = Math.floor((k * (n - 1)) / 15);
    if (!sameRow(model, table.key(i), words, i)) return null;
  }
  return words;
}

/** Whether row i holds exactly what the models compute for w now. */
export function sameRow(model: NerModel, w: string, words: PrecomputedWords, i: number): boolean {
  const info = infoOf(model, w);
  const fresh = new Int32Array(INFO_WIDTH);
  putInfo(info, fresh, 0);
  if (fresh.some((v, k) => v !== words.fields[i * INFO_WIDTH + k])) return false;
  return slotModels(model).every((m, s) => {
    const len = m.weights.tags.n * (1 + OFFSETS.length);
    const fresh = new Float32Array(len);
    m.weights.wordScores(info, fresh, 0);
    const stored = words.vecs[s].subarray(i * len, (i + 1) * len);
    return fresh.every((x, t) => Object.is(x, stored[t]));
  });
}

/**
 * Let `model`'s word cache take known words from the table in `dir` (the pool's shared copy, or
 * the file): what a worker thread does after loading the models. False, computing every word as
 * before, when the table is missing or not this model's.
 */
export function attachWordTable(model: NerModel, dir: string): boolean {
  const path = join(dir, WORDS_FILE);
  let bytes = sharedReadyFile(path) ?? null;
  if (!bytes) {
    try {
      bytes = readAligned(path);
    } catch {
      return false;
    }
  }
  let stamp: string;
  try {
    stamp = wordTableStamp(dir, model);
  } catch {
    return false;
  }
  const words = wordTableOf(bytes, model, stamp);
  if (!words) return false;
  model.cache.words = words;
  return true;
}
