/**
 * `npm run train:vectors`: word vectors (skip-gram with negative sampling, Mikolov et al. 2013)
 * learned from ../shared/data/unlabelled (22.6 M words) plus the GUM and UD EWT train text, then
 * cut into a binary tree of clusters by recursive 2-means (bisecting k-means on unit vectors).
 * The tree is written in Liang's `paths` format (path, word, count), like the Brown clusters, so
 * the same loader and the same prefix features serve both (src/nlp/representations.ts,
 * getVectorClusters). Brown clusters see only the next word and words counted ≥ 30 times; the
 * vectors see a window of ±5 words and every word counted ≥ `--min-count` times, so far more
 * rare names ("SoftBank", "Edmunds") get a cluster with the company names they are used like.
 *
 * `--raw FILE` also writes the vectors themselves (centred, unit length) for models that read them
 * as input (train/neural-parse.ts).
 *
 * Deterministic: one thread, seeded random numbers; the same data and options give a
 * byte-identical file. Never EWT dev/test or UNER test text.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tokenize } from '../src/nlp/tokenizer.js';
import { VECTORS_FILE, representationKey } from '../src/nlp/representations.js';
import { encodeModel } from '../src/nlp/model-io.js';

export interface VectorOptions {
  data: string;
  out: string;
  dim: number;
  window: number;
  negative: number;
  epochs: number;
  /** words counted fewer times are dropped before training */
  minCount: number;
  /** subsampling threshold of frequent words */
  sample: number;
  /** a tree node with fewer words is a leaf */
  minLeaf: number;
  maxDepth: number;
  seed: number;
  /** read only this many unlabelled documents (0: all; a smoke run) */
  limitDocs: number;
  /** also write the centred unit vectors themselves here (a model-io file: header words + dim, array `vectors`) */
  raw: string;
}

function parseArgs(argv: string[]): VectorOptions {
  const opts: VectorOptions = {
    data: process.env.CHRONICLE_DATA ?? resolve('..', 'shared', 'data'),
    out: resolve('models', 'representations'),
    dim: 64, window: 5, negative: 5, epochs: 1, minCount: 5, sample: 1e-4, minLeaf: 8, maxDepth: 20, seed: 1, limitDocs: 0, raw: '',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    const num = () => {
      const x = Number(v);
      if (!Number.isFinite(x)) throw new Error(`${a} needs a number`);
      i++;
      return x;
    };
    if (a === '--dim') opts.dim = num();
    else if (a === '--window') opts.window = num();
    else if (a === '--negative') opts.negative = num();
    else if (a === '--epochs') opts.epochs = num();
    else if (a === '--min-count') opts.minCount = num();
    else if (a === '--sample') opts.sample = num();
    else if (a === '--min-leaf') opts.minLeaf = num();
    else if (a === '--max-depth') opts.maxDepth = num();
    else if (a === '--seed') opts.seed = num();
    else if (a === '--limit-docs') opts.limitDocs = num();
    else if (a === '--data') (opts.data = v), i++;
    else if (a === '--out') (opts.out = v), i++;
    else if (a === '--raw') (opts.raw = v), i++;
    else throw new Error(`unknown option ${a} (use --dim, --window, --negative, --epochs, --min-count, --sample, --min-leaf, --max-depth, --seed, --limit-docs N, --data DIR, --out DIR, --raw FILE)`);
  }
  if (!existsSync(join(opts.data, 'unlabelled', 'news-en.jsonl.gz'))) throw new Error(`data folder not found: ${opts.data} (set --data or CHRONICLE_DATA)`);
  return opts;
}

/** xorshift32: fast, seeded, the same sequence everywhere. */
function makeRandom(seed: number): () => number {
  let s = (seed * 2654435761) >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

/** The corpus as one stream of word-type ids, -1 between paragraphs and sentences. */
function readCorpus(data: string, limitDocs = 0): { types: string[]; stream: Int32Array; length: number; docs: number } {
  const typeId = new Map<string, number>();
  const types: string[] = [];
  let stream = new Int32Array(1 << 24);
  let length = 0;
  const push = (id: number) => {
    if (length === stream.length) {
      const grown = new Int32Array(stream.length * 2);
      grown.set(stream);
      stream = grown;
    }
    stream[length++] = id;
  };
  const addText = (text: string) => {
    for (const t of tokenize(text)) {
      const key = representationKey(t.text);
      let id = typeId.get(key);
      if (id === undefined) {
        id = types.length;
        typeId.set(key, id);
        types.push(key);
      }
      push(id);
    }
    push(-1);
  };
  const text = gunzipSync(readFileSync(join(data, 'unlabelled', 'news-en.jsonl.gz'))).toString('utf8');
  let docs = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    if (limitDocs && docs >= limitDocs) break;
    const doc = JSON.parse(line) as { text: string };
    for (const para of doc.text.split('\n')) if (para.trim()) addText(para);
    if (++docs % 1000 === 0) process.stderr.write(`\r  read ${docs} documents, ${types.length} word types, ${length} tokens`);
  }
  process.stderr.write('\n');
  const conlluTexts = (path: string) => readFileSync(path, 'utf8').split('\n').filter((l) => l.startsWith('# text = ')).map((l) => l.slice(9));
  const gumDir = join(data, 'gum', 'dep');
  for (const f of readdirSync(gumDir).filter((x) => x.endsWith('.conllu')).sort()) for (const t of conlluTexts(join(gumDir, f))) addText(t);
  for (const t of conlluTexts(join(data, 'ud-ewt', 'en_ewt-ud-train.conllu'))) addText(t);
  return { types, stream, length, docs };
}

/** Skip-gram with negative sampling over the stream (ids already mapped to the kept vocabulary, -1 = break or dropped). */
export function trainSgns(ids: Int32Array, counts: Float64Array, opts: Pick<VectorOptions, 'dim' | 'window' | 'negative' | 'epochs' | 'sample' | 'seed'>): Float32Array {
  const V = counts.length;
  const D = opts.dim;
  const random = makeRandom(opts.seed);
  const syn0 = new Float32Array(V * D);
  const syn1 = new Float32Array(V * D);
  for (let i = 0; i < syn0.length; i++) syn0[i] = (random() - 0.5) / D;
  // unigram^0.75 table for negatives
  const TABLE = 1 << 24;
  const table = new Int32Array(TABLE);
  let norm = 0;
  for (let w = 0; w < V; w++) norm += Math.pow(counts[w], 0.75);
  let w = 0;
  let cum = Math.pow(counts[0], 0.75) / norm;
  for (let i = 0; i < TABLE; i++) {
    table[i] = w;
    if (i / TABLE > cum && w < V - 1) cum += Math.pow(counts[++w], 0.75) / norm;
  }
  let total = 0;
  for (let v = 0; v < V; v++) total += counts[v];
  const keep = Float64Array.from(counts, (c) => {
    const f = c / total;
    return Math.min(1, (Math.sqrt(f / opts.sample) + 1) * (opts.sample / f));
  });
  const grad = new Float32Array(D);
  const sent = new Int32Array(100_000);
  const lr0 = 0.025;
  const steps = opts.epochs * ids.length;
  const t0 = Date.now();
  let done = 0;
  let lastReport = 0;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    let i = 0;
    while (i < ids.length) {
      // next sentence (a paragraph), subsampled
      let n = 0;
      while (i < ids.length && ids[i] !== -1) {
        const x = ids[i++];
        if (x >= 0 && n < sent.length && random() < keep[x]) sent[n++] = x;
      }
      i++;
      done = epoch * ids.length + i;
      const lr = Math.max(lr0 * 1e-4, lr0 * (1 - done / steps));
      for (let p = 0; p < n; p++) {
        const center = sent[p];
        const b = 1 + Math.floor(random() * opts.window);
        for (let q = Math.max(0, p - b); q <= Math.min(n - 1, p + b); q++) {
          if (q === p) continue;
          const inBase = sent[q] * D;
          grad.fill(0);
          for (let d = 0; d <= opts.negative; d++) {
            let target: number;
            let label: number;
            if (d === 0) {
              target = center;
              label = 1;
            } else {
              target = table[Math.floor(random() * TABLE)];
              if (target === center) continue;
              label = 0;
            }
            const outBase = target * D;
            let dot = 0;
            for (let k = 0; k < D; k++) dot += syn0[inBase + k] * syn1[outBase + k];
            const sig = dot > 6 ? 1 : dot < -6 ? 0 : 1 / (1 + Math.exp(-dot));
            const g = (label - sig) * lr;
            for (let k = 0; k < D; k++) {
              grad[k] += g * syn1[outBase + k];
              syn1[outBase + k] += g * syn0[inBase + k];
            }
          }
          for (let k = 0; k < D; k++) syn0[inBase + k] += grad[k];
        }
      }
      if (Date.now() - lastReport > 5000) (lastReport = Date.now()), process.stderr.write(`\r  epoch ${epoch + 1}/${opts.epochs}: ${(100 * i / ids.length).toFixed(1)}% [${((Date.now() - t0) / 1000).toFixed(0)} s]`);
    }
  }
  process.stderr.write('\n');
  return syn0;
}

/**
 * Recursive 2-means over the vectors (centred, unit length): each node's words are first split
 * by the sign of their projection on the node's principal direction (power iteration), then the
 * split is refined by 2-means (Euclidean); depth-first, so every word gets a bit path.
 */
export function bisect(vecs: Float32Array, D: number, words: number[], opts: Pick<VectorOptions, 'minLeaf' | 'maxDepth' | 'seed'>): Map<number, string> {
  const paths = new Map<number, string>();
  const random = makeRandom(opts.seed + 7);
  const mean = new Float64Array(D);
  const dir = new Float64Array(D);
  const tmp = new Float64Array(D);
  const c0 = new Float64Array(D);
  const c1 = new Float64Array(D);
  const split = (members: number[], path: string) => {
    if (members.length < opts.minLeaf * 2 || path.length >= opts.maxDepth) {
      for (const m of members) paths.set(m, path);
      return;
    }
    mean.fill(0);
    for (const m of members) for (let k = 0; k < D; k++) mean[k] += vecs[m * D + k];
    for (let k = 0; k < D; k++) mean[k] /= members.length;
    for (let k = 0; k < D; k++) dir[k] = random() - 0.5;
    for (let iter = 0; iter < 12; iter++) {
      tmp.fill(0);
      for (const m of members) {
        let p = 0;
        for (let k = 0; k < D; k++) p += (vecs[m * D + k] - mean[k]) * dir[k];
        for (let k = 0; k < D; k++) tmp[k] += p * (vecs[m * D + k] - mean[k]);
      }
      let s = 0;
      for (let k = 0; k < D; k++) s += tmp[k] * tmp[k];
      s = Math.sqrt(s) || 1;
      for (let k = 0; k < D; k++) dir[k] = tmp[k] / s;
    }
    let side = new Uint8Array(members.length);
    for (let j = 0; j < members.length; j++) {
      let p = 0;
      for (let k = 0; k < D; k++) p += (vecs[members[j] * D + k] - mean[k]) * dir[k];
      side[j] = p > 0 ? 1 : 0;
    }
    for (let iter = 0; iter < 5; iter++) {
      c0.fill(0);
      c1.fill(0);
      let n0 = 0;
      let n1 = 0;
      for (let j = 0; j < members.length; j++) {
        const base = members[j] * D;
        const c = side[j] ? c1 : c0;
        if (side[j]) n1++;
        else n0++;
        for (let k = 0; k < D; k++) c[k] += vecs[base + k];
      }
      if (n0 === 0 || n1 === 0) break;
      let q = 0;
      for (let k = 0; k < D; k++) {
        c0[k] /= n0;
        c1[k] /= n1;
        q += (c1[k] * c1[k] - c0[k] * c0[k]) / 2;
      }
      const next = new Uint8Array(members.length);
      for (let j = 0; j < members.length; j++) {
        const base = members[j] * D;
        let p = 0;
        for (let k = 0; k < D; k++) p += vecs[base + k] * (c1[k] - c0[k]);
        next[j] = p > q ? 1 : 0;
      }
      side = next;
    }
    const left = members.filter((_, j) => side[j] === 0);
    const right = members.filter((_, j) => side[j] === 1);
    if (left.length === 0 || right.length === 0) {
      for (const m of members) paths.set(m, path);
      return;
    }
    split(left, path + '0');
    split(right, path + '1');
  };
  split(words, '');
  return paths;
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  console.error('reading and tokenizing the corpus …');
  const corpus = readCorpus(opts.data, opts.limitDocs);
  const tRead = Date.now();
  // vocabulary: words counted ≥ minCount, by descending count (ties by form)
  const raw = new Float64Array(corpus.types.length);
  for (let i = 0; i < corpus.length; i++) if (corpus.stream[i] >= 0) raw[corpus.stream[i]]++;
  const kept = [...corpus.types.keys()].filter((t) => raw[t] >= opts.minCount).sort((a, b) => raw[b] - raw[a] || (corpus.types[a] < corpus.types[b] ? -1 : 1));
  const local = new Int32Array(corpus.types.length).fill(-2);
  kept.forEach((t, i) => (local[t] = i));
  const ids = new Int32Array(corpus.length);
  for (let i = 0; i < corpus.length; i++) ids[i] = corpus.stream[i] < 0 ? -1 : local[corpus.stream[i]];
  const counts = Float64Array.from(kept, (t) => raw[t]);
  const words = kept.map((t) => corpus.types[t]);
  console.error(`${corpus.types.length} word types, ${corpus.length} tokens; ${words.length} words counted ≥ ${opts.minCount} times (${((tRead - t0) / 1000).toFixed(0)} s)`);
  const syn0 = trainSgns(ids, counts, opts);
  const tTrain = Date.now();
  const D = opts.dim;
  // centred (SGNS vectors share a common direction), then unit length
  const centre = new Float64Array(D);
  for (let v = 0; v < words.length; v++) for (let k = 0; k < D; k++) centre[k] += syn0[v * D + k] / words.length;
  for (let v = 0; v < words.length; v++) for (let k = 0; k < D; k++) syn0[v * D + k] -= centre[k];
  for (let v = 0; v < words.length; v++) {
    let s = 0;
    for (let k = 0; k < D; k++) s += syn0[v * D + k] ** 2;
    s = Math.sqrt(s) || 1;
    for (let k = 0; k < D; k++) syn0[v * D + k] /= s;
  }
  // the vectors themselves, for a model that reads them as input (the neural parser, docs/nlp.md "Round twelve")
  if (opts.raw) {
    writeFileSync(opts.raw, encodeModel({ header: { dim: D, words, note: 'skip-gram vectors, centred, unit length; keys as representationKey' }, arrays: { vectors: syn0.subarray(0, words.length * D) } }));
    console.error(`wrote ${opts.raw} (${words.length} vectors of ${D})`);
  }
  // punctuation and numbers stay out of the tree: their own features say enough
  const members = words.map((_, v) => v).filter((v) => /\p{L}/u.test(words[v]));
  const paths = bisect(syn0, D, members, opts);
  const tTree = Date.now();
  const order = [...paths.keys()].sort((a, b) => {
    const pa = paths.get(a)!;
    const pb = paths.get(b)!;
    return pa < pb ? -1 : pa > pb ? 1 : counts[b] - counts[a] || a - b;
  });
  const lines = order.map((v) => `${paths.get(v)}\t${words[v]}\t${counts[v]}`);
  const file = gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 });
  mkdirSync(opts.out, { recursive: true });
  writeFileSync(join(opts.out, VECTORS_FILE), file);
  const leaves = new Set(paths.values());
  const depths = [...paths.values()].map((p) => p.length);
  const manifest = {
    name: 'chronicle-vector-clusters',
    description: 'skip-gram word vectors (negative sampling) cut into a binary cluster tree by recursive 2-means; bit-string paths, prefixes as features (like the Brown clusters)',
    created_by: 'train/vectors.ts (npm run train:vectors)',
    file: {
      name: VECTORS_FILE,
      format: "one word a line: bit-string path, word (representationKey: ASCII quotes, digits as 0, case kept), count (Liang's `paths` format), gzip",
      bytes: file.length,
      sha256: createHash('sha256').update(file).digest('hex'),
      words: paths.size,
      leaves: leaves.size,
      path_bits: { min: Math.min(...depths), max: Math.max(...depths), mean: +(depths.reduce((a, b) => a + b, 0) / depths.length).toFixed(2) },
    },
    hyperparameters: { ...opts, data: undefined, out: undefined, algorithm: 'skip-gram, negative sampling, linear learning-rate decay from 0.025, one thread; then recursive 2-means (8 iterations a node) on unit vectors' },
    data: {
      unlabelled: {
        file: 'unlabelled/news-en.jsonl.gz',
        sha256: createHash('sha256').update(readFileSync(join(opts.data, 'unlabelled', 'news-en.jsonl.gz'))).digest('hex'),
        documents: corpus.docs,
        licence: 'CC BY-SA 3.0 (the file as a whole; English Wikipedia contributors); its Wikinews articles CC BY 2.5',
      },
      treebanks: { files: ['gum/dep/*.conllu (train split)', 'ud-ewt/en_ewt-ud-train.conllu'], note: 'sentence text only (# text = lines); never EWT dev/test or UNER test', licence: 'GUM texts CC BY 2.5 / CC BY 4.0 / CC BY-SA 3.0; UD English EWT CC BY-SA 4.0' },
      tokens: corpus.length,
      word_types: corpus.types.length,
    },
    licence: 'Derived from CC BY-SA 3.0 text and shared under CC BY-SA 3.0 (English Wikipedia contributors; Wikinews contributors, CC BY 2.5; GUM corpus, Zeldes 2017; UD English EWT). Code: MIT.',
    time_seconds: { read_and_tokenize: Math.round((tRead - t0) / 1000), train: Math.round((tTrain - tRead) / 1000), tree: Math.round((tTree - tTrain) / 1000) },
  };
  writeFileSync(join(opts.out, 'vectors.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.error(`wrote ${join(opts.out, VECTORS_FILE)} (${(file.length / 1e6).toFixed(2)} MB, ${paths.size} words, ${leaves.size} leaves, mean depth ${manifest.file.path_bits.mean}) in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

const invoked = process.argv[1] ?? '';
if (invoked.endsWith('/train/vectors.js')) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`train:vectors failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
