/**
 * The data of the neural-parser experiment (train/neural-parse.ts, docs/nlp.md "Round twelve"): EWT + GUM
 * train and EWT dev, with predicted tags where the parser will see predicted tags.
 *
 * Training tags are jackknifed, as the perceptron parser's are (train/train.ts step 2): each of the first
 * `--tag-sentences` training sentences is tagged by a first-pass tagger with the accurate model's features
 * (Brown clusters) trained on every training sentence outside its fold. EWT dev is tagged by the shipped
 * accurate model (both passes), the tags Round nine's perceptron prototype was scored with. The tags are
 * cached in a JSON file, since the fold taggers cost minutes.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConlluFiles, type ConlluSentence } from '../src/nlp/conllu.js';
import { lexeme } from '../src/nlp/features.js';
import { Tagger, trainTagger, type TaggedSentence } from '../src/nlp/tagger.js';
import { getBrownClusters, representationsLoadError } from '../src/nlp/representations.js';
import { WordClusters } from '../src/nlp/clusters.js';
import { loadNlpModel } from '../src/nlp/nlp-model.js';

export interface TaggedTree {
  forms: string[];
  xpos: string[];
  upos: string[];
  /** gold heads, 0 = root, 1-based otherwise (CoNLL-U) */
  head: Int32Array;
  deprel: string[];
}

export interface NeuralData {
  train: TaggedTree[];
  dev: TaggedTree[];
  /** the gold dev sentences (for scoring) */
  devGold: ConlluSentence[];
}

interface TagCache {
  key: string;
  train: Array<{ xpos: string[]; upos: string[] }>;
  dev: Array<{ xpos: string[]; upos: string[] }>;
}

const tree = (s: ConlluSentence, tags: { xpos: string[]; upos: string[] }): TaggedTree => ({
  forms: s.words.map((w) => w.form),
  xpos: tags.xpos,
  upos: tags.upos,
  head: Int32Array.from(s.words, (w) => w.head),
  deprel: s.words.map((w) => w.deprel),
});

/** The first `sentences` training sentences (EWT train first, then GUM) and EWT dev, with predicted tags. */
export async function neuralData(opts: {
  dataDir: string; sentences: number; tagSentences: number; folds: number; taggerIterations: number;
  cache: string; log: (msg: string) => void;
}): Promise<NeuralData> {
  const ewt = join(opts.dataDir, 'ud-ewt');
  const gumDir = join(opts.dataDir, 'gum', 'dep');
  const gumFiles = readdirSync(gumDir).filter((f) => f.endsWith('.conllu')).sort().map((f) => join(gumDir, f));
  const train = [...(await readConlluFiles([join(ewt, 'en_ewt-ud-train.conllu')])), ...(await readConlluFiles(gumFiles))];
  const devGold = await readConlluFiles([join(ewt, 'en_ewt-ud-dev.conllu')]);
  if (opts.sentences > opts.tagSentences) throw new Error(`--sentences ${opts.sentences} > --tag-sentences ${opts.tagSentences}: no jackknifed tags for the rest`);
  const key = JSON.stringify({ tagSentences: opts.tagSentences, folds: opts.folds, iterations: opts.taggerIterations, train: train.length, dev: devGold.length });
  let cache: TagCache | null = null;
  if (existsSync(opts.cache)) {
    cache = JSON.parse(readFileSync(opts.cache, 'utf8')) as TagCache;
    if (cache.key !== key) throw new Error(`${opts.cache} was made with other options (${cache.key}, not ${key}); delete it`);
    opts.log(`tags read from ${opts.cache}`);
  } else {
    cache = { key, train: jackknife(train, opts), dev: devTags(devGold) };
    writeFileSync(opts.cache, JSON.stringify(cache));
    opts.log(`tags written to ${opts.cache}`);
  }
  return {
    train: train.slice(0, opts.sentences).map((s, i) => tree(s, cache.train[i])),
    dev: devGold.map((s, i) => tree(s, cache.dev[i])),
    devGold,
  };
}

/** K-fold cross-tagging of the first `tagSentences` sentences; each fold's tagger learns from all the others. */
function jackknife(train: ConlluSentence[], opts: { tagSentences: number; folds: number; taggerIterations: number; log: (msg: string) => void }): Array<{ xpos: string[]; upos: string[] }> {
  const brown = getBrownClusters();
  if (!brown) throw new Error(`word clusters missing (${representationsLoadError()})`);
  const clusters = new WordClusters(brown);
  const tagged: TaggedSentence[] = train.map((s) => ({ forms: s.words.map((w) => w.form), xpos: s.words.map((w) => w.xpos), upos: s.words.map((w) => w.upos) }));
  const n = Math.min(opts.tagSentences, train.length);
  const out: Array<{ xpos: string[]; upos: string[] }> = new Array(n);
  const K = opts.folds;
  for (let k = 0; k < K; k++) {
    const fold = tagged.filter((_, i) => i >= n || i % K !== k);
    const tk = trainTagger(fold, { iterations: opts.taggerIterations, seed: k + 2, clusters });
    const tagger = new Tagger(tk.data, tk.xpos, tk.upos);
    let right = 0, all = 0;
    for (let i = k; i < n; i += K) {
      const lex = train[i].words.map((w) => lexeme(w.form));
      const x = tagger.xposIds(lex);
      const u = tagger.uposIds(lex, x);
      out[i] = { xpos: Array.from(x, (t) => tk.data.xposTags[t]), upos: Array.from(u, (t) => tk.data.uposTags[t]) };
      train[i].words.forEach((w, j) => { all++; if (out[i].xpos[j] === w.xpos) right++; });
    }
    opts.log(`jackknife fold ${k + 1}/${K}: held-out XPOS ${(100 * right / all).toFixed(2)}%`);
  }
  return out;
}

/** EWT dev as the shipped accurate model tags it (its tagger is what Round nine's prototype parsed dev with). */
function devTags(dev: ConlluSentence[]): Array<{ xpos: string[]; upos: string[] }> {
  const model = loadNlpModel(join('models', 'nlp-en-accurate.bin.gz'));
  return dev.map((s) => {
    const a = model.analyse(s.words.map((w) => w.form));
    return { xpos: a.xpos, upos: a.upos };
  });
}
