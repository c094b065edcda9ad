/**
 * Learn the shared word representations: `npm run train:representations`.
 *
 * Brown clusters (train/brown.ts) over
 *   - ../shared/data/unlabelled/news-en.jsonl.gz: 330 Wikinews articles (weighted up, --news-weight)
 *     and 8,974 Wikipedia pages;
 *   - the text of the GUM training documents and of UD English EWT train (--treebank-weight).
 * Never EWT dev/test or UNER test. Text is tokenized by the project's tokenizer, as at run time,
 * and words are keyed by representationKey (ASCII quotes, digits as 0, case kept).
 *
 * Output: models/representations/brown.tsv.gz (Liang's `paths` format: path, word, count,
 * one word a line) and manifest.json (data, sha256, licences, hyperparameters, size, time).
 * Deterministic: the same data and options give a byte-identical file.
 *
 * Options: --clusters C (default 500), --min-count N (weighted count a word needs; default 30),
 * --news-weight W (default 10), --treebank-weight W (default 5), --data DIR, --out DIR,
 * --limit-docs N (first N unlabelled documents only: for quick trials).
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip, gzipSync } from 'node:zlib';
import { tokenize } from '../src/nlp/tokenizer.js';
import { BROWN_FILE, PREFIX_LENGTHS, representationKey } from '../src/nlp/representations.js';
import { brownClusters, type BrownInput } from './brown.js';

interface Options {
  clusters: number;
  minCount: number;
  newsWeight: number;
  treebankWeight: number;
  data: string;
  out: string;
  limitDocs: number;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    clusters: 500,
    minCount: 30,
    newsWeight: 10,
    treebankWeight: 5,
    data: process.env.CHRONICLE_DATA ?? resolve('..', 'shared', 'data'),
    out: 'models/representations',
    limitDocs: 0,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    const num = () => {
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${a} needs a non-negative number, got ${v}`);
      i++;
      return n;
    };
    if (a === '--clusters') opts.clusters = num();
    else if (a === '--min-count') opts.minCount = num();
    else if (a === '--news-weight') opts.newsWeight = num();
    else if (a === '--treebank-weight') opts.treebankWeight = num();
    else if (a === '--limit-docs') opts.limitDocs = num();
    else if (a === '--data') opts.data = v, i++;
    else if (a === '--out') opts.out = v, i++;
    else throw new Error(`unknown option ${a} (use --clusters C, --min-count N, --news-weight W, --treebank-weight W, --data DIR, --out DIR, --limit-docs N)`);
  }
  if (!existsSync(join(opts.data, 'unlabelled', 'news-en.jsonl.gz'))) throw new Error(`data folder not found: ${opts.data} (set --data or CHRONICLE_DATA)`);
  return opts;
}

/** Token streams by source: word-type ids, -1 between paragraphs / sentences. */
class Corpus {
  readonly typeId = new Map<string, number>();
  readonly types: string[] = [];
  readonly streams: { name: string; weight: number; ids: Int32Array; length: number; tokens: number }[] = [];

  stream(name: string, weight: number) {
    const s = { name, weight, ids: new Int32Array(1 << 20), length: 0, tokens: 0 };
    this.streams.push(s);
    return {
      addText: (text: string) => {
        for (const t of tokenize(text)) {
          const key = representationKey(t.text);
          let id = this.typeId.get(key);
          if (id === undefined) {
            id = this.types.length;
            this.typeId.set(key, id);
            this.types.push(key);
          }
          this.push(s, id);
          s.tokens++;
        }
        this.push(s, -1);
      },
    };
  }

  private push(s: { ids: Int32Array; length: number }, id: number) {
    if (s.length === s.ids.length) {
      const grown = new Int32Array(s.ids.length * 2);
      grown.set(s.ids);
      s.ids = grown;
    }
    s.ids[s.length++] = id;
  }
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** `# text =` lines of a CoNLL-U file. */
function conlluTexts(path: string): string[] {
  const out: string[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) if (line.startsWith('# text = ')) out.push(line.slice(9));
  return out;
}

async function readCorpus(opts: Options, corpus: Corpus): Promise<{ newsDocs: number; wikiDocs: number }> {
  const news = corpus.stream('wikinews', opts.newsWeight);
  const wiki = corpus.stream('wikipedia', 1);
  let newsDocs = 0;
  let wikiDocs = 0;
  const rl = createInterface({ input: createReadStream(join(opts.data, 'unlabelled', 'news-en.jsonl.gz')).pipe(createGunzip()), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    if (!line.trim()) continue;
    n++;
    if (opts.limitDocs && n > opts.limitDocs) break;
    let doc: { id: string; text: string };
    try {
      doc = JSON.parse(line) as { id: string; text: string };
    } catch (err) {
      throw new Error(`news-en.jsonl.gz line ${n}: ${(err as Error).message}`);
    }
    const isNews = doc.id.startsWith('wikinews:');
    if (isNews) newsDocs++;
    else wikiDocs++;
    const sink = isNews ? news : wiki;
    for (const para of doc.text.split('\n')) if (para.trim()) sink.addText(para);
    if (n % 1000 === 0) process.stderr.write(`\r  read ${n} documents, ${corpus.types.length} word types`);
  }
  process.stderr.write('\n');
  const treebank = corpus.stream('gum+ewt-train', opts.treebankWeight);
  const gumDir = join(opts.data, 'gum', 'dep');
  for (const f of readdirSync(gumDir).filter((x) => x.endsWith('.conllu')).sort()) for (const t of conlluTexts(join(gumDir, f))) treebank.addText(t);
  for (const t of conlluTexts(join(opts.data, 'ud-ewt', 'en_ewt-ud-train.conllu'))) treebank.addText(t);
  return { newsDocs, wikiDocs };
}

/** Merge sorted (key, weight) lists into one sorted list of unique keys with summed weights. */
function mergeSorted(parts: { keys: Float64Array; weights: Float64Array }[]): { keys: Float64Array; weights: Float64Array } {
  let total = 0;
  for (const p of parts) total += p.keys.length;
  const keys = new Float64Array(total);
  const weights = new Float64Array(total);
  const at = parts.map(() => 0);
  let n = 0;
  for (;;) {
    let best = -1;
    for (let i = 0; i < parts.length; i++) if (at[i] < parts[i].keys.length && (best < 0 || parts[i].keys[at[i]] < parts[best].keys[at[best]])) best = i;
    if (best < 0) break;
    const k = parts[best].keys[at[best]];
    const w = parts[best].weights[at[best]++];
    if (n > 0 && keys[n - 1] === k) weights[n - 1] += w;
    else {
      keys[n] = k;
      weights[n++] = w;
    }
  }
  return { keys: keys.slice(0, n), weights: weights.slice(0, n) };
}

function buildInput(corpus: Corpus, opts: Options): { input: BrownInput; words: string[]; tokens: number; covered: number } {
  // weighted unigram counts over word types
  const T = corpus.types.length;
  const typeCount = new Float64Array(T);
  let tokens = 0;
  for (const s of corpus.streams) {
    for (let i = 0; i < s.length; i++) if (s.ids[i] >= 0) typeCount[s.ids[i]] += s.weight;
    tokens += s.tokens * s.weight;
  }
  const kept: number[] = [];
  for (let t = 0; t < T; t++) if (typeCount[t] >= opts.minCount) kept.push(t);
  const types = corpus.types;
  kept.sort((a, b) => typeCount[b] - typeCount[a] || (types[a] < types[b] ? -1 : types[a] > types[b] ? 1 : 0));
  const V = kept.length;
  const wordOf = new Int32Array(T).fill(-1);
  kept.forEach((t, w) => (wordOf[t] = w));
  const count = new Float64Array(V);
  let covered = 0;
  kept.forEach((t, w) => {
    count[w] = typeCount[t];
    covered += typeCount[t];
  });

  // bigram keys a·V + b within each stream, then weighted and merged
  let total = 0;
  for (const s of corpus.streams) total += s.length;
  const bigramKey = new Float64Array(total);
  let m = 0;
  const streamEnd: number[] = [];
  for (const s of corpus.streams) {
    for (let i = 0; i + 1 < s.length; i++) {
      const a = s.ids[i] >= 0 ? wordOf[s.ids[i]] : -1;
      const b = s.ids[i + 1] >= 0 ? wordOf[s.ids[i + 1]] : -1;
      if (a >= 0 && b >= 0) bigramKey[m++] = a * V + b;
    }
    streamEnd.push(m);
  }
  // count per key: sort each stream's keys, weight them, merge the streams
  const parts: { keys: Float64Array; weights: Float64Array }[] = [];
  let from = 0;
  corpus.streams.forEach((s, si) => {
    const sorted = bigramKey.subarray(from, streamEnd[si]).slice().sort();
    from = streamEnd[si];
    const keys = new Float64Array(sorted.length);
    const weights = new Float64Array(sorted.length);
    let n = 0;
    for (let i = 0; i < sorted.length; ) {
      let j = i;
      while (j < sorted.length && sorted[j] === sorted[i]) j++;
      keys[n] = sorted[i];
      weights[n++] = (j - i) * s.weight;
      i = j;
    }
    parts.push({ keys: keys.slice(0, n), weights: weights.slice(0, n) });
  });
  const { keys, weights } = mergeSorted(parts);

  // CSR both ways
  const rightStart = new Int32Array(V + 1);
  const leftStart = new Int32Array(V + 1);
  for (const k of keys) {
    rightStart[Math.floor(k / V) + 1]++;
    leftStart[(k % V) + 1]++;
  }
  for (let w = 0; w < V; w++) {
    rightStart[w + 1] += rightStart[w];
    leftStart[w + 1] += leftStart[w];
  }
  const rightWord = new Int32Array(keys.length);
  const rightCount = new Float64Array(keys.length);
  const leftWord = new Int32Array(keys.length);
  const leftCount = new Float64Array(keys.length);
  const rFill = rightStart.slice(0, V);
  const lFill = leftStart.slice(0, V);
  for (let i = 0; i < keys.length; i++) {
    const a = Math.floor(keys[i] / V);
    const b = keys[i] % V;
    rightWord[rFill[a]] = b;
    rightCount[rFill[a]++] = weights[i];
    leftWord[lFill[b]] = a;
    leftCount[lFill[b]++] = weights[i];
  }
  return {
    input: { V, count, rightStart, rightWord, rightCount, leftStart, leftWord, leftCount },
    words: kept.map((t) => types[t]),
    tokens,
    covered,
  };
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const corpus = new Corpus();
  console.error('reading and tokenizing the corpus …');
  const { newsDocs, wikiDocs } = await readCorpus(opts, corpus);
  const tRead = Date.now();
  const { input, words, tokens, covered } = buildInput(corpus, opts);
  const tCount = Date.now();
  console.error(`${corpus.types.length} word types; ${input.V} with weighted count ≥ ${opts.minCount} cover ${(100 * covered / tokens).toFixed(2)}% of ${tokens} weighted tokens; ${input.rightWord.length} distinct bigrams (${((tCount - t0) / 1000).toFixed(0)} s)`);
  const result = brownClusters(input, opts.clusters, { progress: (done, total) => {
    const el = (Date.now() - tCount) / 1000;
    process.stderr.write(`\r  clustering: ${done}/${total} words entered, ${el.toFixed(0)} s (${(process.cpuUsage().user / 1e6).toFixed(0)} s CPU)`);
  } });
  process.stderr.write('\n');
  const tCluster = Date.now();

  // Liang's paths format, by path, then count (descending), then word
  const order = Array.from({ length: input.V }, (_, w) => w);
  order.sort((a, b) => {
    const pa = result.paths[result.cluster[a]];
    const pb = result.paths[result.cluster[b]];
    return pa < pb ? -1 : pa > pb ? 1 : input.count[b] - input.count[a] || a - b;
  });
  const lines = order.map((w) => `${result.paths[result.cluster[w]]}\t${words[w]}\t${input.count[w]}`);
  const file = gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 });
  mkdirSync(opts.out, { recursive: true });
  writeFileSync(join(opts.out, BROWN_FILE), file);

  const depths = result.paths.map((p) => p.length);
  const streams = Object.fromEntries(corpus.streams.map((s) => [s.name, { tokens: s.tokens, weight: s.weight }]));
  const manifest = {
    name: 'chronicle-word-representations',
    description: 'Brown clusters (Liang 2005, window of C active clusters) over open English prose; bit-string paths, prefixes as features',
    created_by: 'train/representations.ts (npm run train:representations)',
    files: {
      [BROWN_FILE]: {
        format: "one word a line: bit-string path, word (representationKey: ASCII quotes, digits as 0, case kept), weighted count (Liang's `paths` format), gzip",
        bytes: file.length,
        sha256: createHash('sha256').update(file).digest('hex'),
        words: input.V,
        clusters: result.paths.length,
        path_bits: { min: Math.min(...depths), max: Math.max(...depths), mean: +(depths.reduce((a, b) => a + b, 0) / depths.length).toFixed(2) },
      },
    },
    hyperparameters: {
      algorithm: 'Brown et al. 1992 agglomerative clustering by average mutual information of adjacent clusters, Liang 2005 windowed variant (words enter by descending count)',
      clusters: opts.clusters,
      min_weighted_count: opts.minCount,
      news_weight: opts.newsWeight,
      treebank_weight: opts.treebankWeight,
      prefix_lengths: [...PREFIX_LENGTHS],
      tokenizer: 'src/nlp/tokenizer.ts (the run-time tokenizer); bigrams within a paragraph or treebank sentence',
      limit_docs: opts.limitDocs || undefined,
    },
    data: {
      unlabelled: {
        file: 'unlabelled/news-en.jsonl.gz',
        sha256: sha256(join(opts.data, 'unlabelled', 'news-en.jsonl.gz')),
        wikinews_documents: newsDocs,
        wikipedia_documents: wikiDocs,
        licence: 'CC BY-SA 3.0 (the file as a whole; English Wikipedia contributors); its Wikinews articles CC BY 2.5 (Wikinews, the free news source). Sources: vanatteveldt/wikinews @ 3472541, dimitrakatseli/Wikinews @ 06264e6, jason-feng/wikiVisual @ 1c0fac9',
      },
      treebanks: {
        files: ['gum/dep/*.conllu (train split, 84 documents)', 'ud-ewt/en_ewt-ud-train.conllu'],
        sha256_ewt_train: sha256(join(opts.data, 'ud-ewt', 'en_ewt-ud-train.conllu')),
        licence: 'GUM texts CC BY 2.5 / CC BY 4.0 / CC BY-SA 3.0 (annotations CC BY 4.0, not used here); UD English EWT CC BY-SA 4.0',
        note: 'sentence text only (# text = lines); never EWT dev/test or UNER test',
      },
      streams,
      weighted_tokens: tokens,
      word_types: corpus.types.length,
      coverage_of_weighted_tokens: +(covered / tokens).toFixed(4),
      distinct_bigrams: input.rightWord.length,
    },
    licence: 'The cluster file is derived from CC BY-SA 3.0 text and is shared under CC BY-SA 3.0 (attribution: English Wikipedia contributors; Wikinews contributors, CC BY 2.5; GUM corpus, Zeldes 2017; UD English EWT). Code: MIT.',
    result: { average_mutual_information_nats: +result.mutualInformation.toFixed(5) },
    time_seconds: { read_and_tokenize: Math.round((tRead - t0) / 1000), count: Math.round((tCount - tRead) / 1000), cluster: Math.round((tCluster - tCount) / 1000) },
  };
  writeFileSync(join(opts.out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.error(`wrote ${join(opts.out, BROWN_FILE)} (${(file.length / 1e6).toFixed(2)} MB, ${input.V} words, ${result.paths.length} clusters) in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
