/**
 * Corpus type profiles (`npm run train:ner-types`): how the recogniser types each capitalised
 * word across 22.3 M words of unlabelled Wikipedia prose (../shared/data/unlabelled, its Wikinews
 * part left out: GUM's news documents are Wikinews). A word that the text names as a company in
 * a hundred sentences with a cue ("SoftBank Group Corp.", "SoftBank's chief executive") is known
 * as one in the sentence that has none: self-training's "prediction history" (Ratinov & Roth
 * 2009) over a corpus instead of a document.
 *
 * The tagger that reads the corpus is trained with the shipped recipe (BIO model alone) on
 * everything outside the cross-validation pool (UNER EWT train, the GUM documents of other
 * genres), so no fold's profile has seen the fold's gold labels. Output: models/ner/types.tsv.gz,
 * "word\tn\tper\torg\tplace\tother" (lower-cased word; n capitalised non-initial occurrences,
 * then the percentage of them inside a name of each class), words with n ≥ TYPES_MIN_COUNT.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { recogniseDoc } from '../src/extract/ner.js';
import { wikipediaPages } from './unlabelled-pages.js';
import { DEFAULT_TRAIN_OPTIONS, cvPool, featuriseCorpus, readNerCorpus, trainNer } from './ner-train.js';
import { TYPES_MIN_COUNT, typeClassOf } from '../src/extract/ner-features.js';

const here = resolve(new URL('.', import.meta.url).pathname);
let data = process.env.CHRONICLE_DATA ?? resolve(here, '..', '..', '..', 'shared', 'data');
let out = resolve(here, '..', '..', 'models', 'ner', 'types.tsv.gz');
let limit = Infinity;
let oBias = 4;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--data') data = args[++i];
  else if (a === '--out') out = resolve(args[++i]);
  else if (a === '--limit-docs') limit = Number(args[++i]);
  else if (a === '--o-bias') oBias = Number(args[++i]);
  else throw new Error(`unknown option ${a} (use --data DIR, --out FILE, --limit-docs N, --o-bias X)`);
}
const log = (m: string) => console.error(m);
const t0 = Date.now();
const corpus = readNerCorpus(data);
const fc = featuriseCorpus(corpus, DEFAULT_TRAIN_OPTIONS, log);
const pool = new Set(cvPool(corpus).map((d) => d.id));
const { model } = trainNer(fc, pool, { ...DEFAULT_TRAIN_OPTIONS, oBias, org: null, log });
log(`tagger trained without the ${pool.size} pool documents [${((Date.now() - t0) / 1000).toFixed(0)} s]`);

/** word → [n, per, org, place, other] over capitalised non-initial occurrences */
const counts = new Map<string, Int32Array>();
const text = gunzipSync(readFileSync(join(data, 'unlabelled', 'news-en.jsonl.gz'))).toString('utf8');
let docs = 0;
let words = 0;
const t1 = Date.now();
for (const { sentences, tokens } of wikipediaPages(text, limit)) {
  docs++;
  words += tokens;
  const spans = recogniseDoc(model, sentences);
  for (let s = 0; s < sentences.length; s++) {
    const ws = sentences[s];
    const cls = new Int8Array(ws.length);
    for (const sp of spans[s]) for (let i = sp.start; i < sp.end; i++) cls[i] = typeClassOf(sp.type);
    for (let i = 1; i < ws.length; i++) {
      const w = ws[i];
      if (!/^\p{Lu}/u.test(w)) continue;
      const l = w.toLowerCase();
      let c = counts.get(l);
      if (!c) counts.set(l, (c = new Int32Array(5)));
      c[0]++;
      if (cls[i]) c[cls[i]]++;
    }
  }
  if (docs % 500 === 0) log(`${docs} pages, ${(words / 1e6).toFixed(1)} M tokens, ${counts.size} capitalised word types [${((Date.now() - t1) / 1000).toFixed(0)} s]`);
}
const lines: string[] = [];
for (const [w, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
  if (c[0] < TYPES_MIN_COUNT || w.includes('\t') || w.includes('\n')) continue;
  lines.push([w, c[0], ...[1, 2, 3, 4].map((k) => Math.round((100 * c[k]) / c[0]))].join('\t'));
}
const file = gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 });
writeFileSync(out, file);
log(`${docs} pages, ${words} tokens tagged in ${((Date.now() - t1) / 1000).toFixed(0)} s; ${lines.length} words written to ${out} (${file.length} bytes, sha256 ${createHash('sha256').update(file).digest('hex')})`);
