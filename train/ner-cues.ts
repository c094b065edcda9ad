/**
 * Cue profiles by distant supervision (`npm run train:ner-cues`): what the contexts of a
 * capitalised run in unlabelled prose say it is, with no tagger in the loop. A run right before
 * "'s chief executive", after "shares of", before ", a … company" or carrying "Inc." is an
 * organisation; after "Mr." or before ", who" a person; after "born in" or before ", a city" a
 * place (the contexts: train/data/ner-cue-contexts.json). Most mentions of "SoftBank" have no cue,
 * but across 22 M words some do, and those say what the bare name is where it has none. Unlike the
 * corpus type profiles (train/ner-types.ts), nothing here repeats the recogniser's own confusions.
 *
 * Text: the Wikipedia pages of ../shared/data/unlabelled (its Wikinews part left out: GUM's news
 * documents are Wikinews), through the project's tokenizer. Output (both "key\tn\tper\torg\tplace\tother",
 * n = cues counted, then the percentage of them for each class; other is always 0; keys with ≥ 3 cues):
 * - `--out` (default models/ner/cues.tsv.gz, read by the names stage's `names.corpus-cues`): per
 *   lower-cased run, words joined by one space; one-word runs that prose mostly writes in lower
 *   case ("People", "Board") left out; its manifest `cues.json` beside it;
 * - `--words-out` (optional, for `--types` feature experiments: the corpus type profiles' format):
 *   per lower-cased word, the cues of every run holding it.
 * The same data gives a byte-identical file.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pageSentences, wikipediaPages } from './unlabelled.js';
import { loadCapLexicon } from '../src/extract/ner-model.js';

const here = resolve(new URL('.', import.meta.url).pathname);
let data = process.env.CHRONICLE_DATA ?? resolve(here, '..', '..', '..', 'shared', 'data');
let out = resolve(here, '..', '..', 'models', 'ner', 'cues.tsv.gz');
let wordsOut: string | null = null;
let limit = Infinity;
let minCount = 3;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--data') data = args[++i];
  else if (a === '--out') out = resolve(args[++i]);
  else if (a === '--words-out') wordsOut = resolve(args[++i]);
  else if (a === '--limit-docs') limit = Number(args[++i]);
  else if (a === '--min-count') minCount = Number(args[++i]);
  else throw new Error(`unknown option ${a} (use --data DIR, --out FILE, --words-out FILE, --limit-docs N, --min-count N)`);
}
const log = (m: string) => console.error(m);

interface ClassCues { possessed?: string[]; before?: string[]; after?: string[]; apposition?: string[] }
const cueFile = JSON.parse(readFileSync(resolve(here, '..', '..', 'train', 'data', 'ner-cue-contexts.json'), 'utf8')) as {
  corporate_suffix: string[]; org_group_suffix: string[]; org: ClassCues; person: ClassCues; place: ClassCues;
};
const CLASSES: [number, ClassCues][] = [[1, cueFile.person], [2, cueFile.org], [3, cueFile.place]];
const suffixes = new Set(cueFile.corporate_suffix);
const groupSuffixes = new Set(cueFile.org_group_suffix);
const possessed = new Map<string, number>();
const apposition = new Map<string, number>();
/** context phrases as word arrays with their class, longest first */
const before: [string[], number][] = [];
const after: [string[], number][] = [];
for (const [k, c] of CLASSES) {
  for (const w of c.possessed ?? []) possessed.set(w, k);
  for (const w of c.apposition ?? []) apposition.set(w, k);
  for (const p of c.before ?? []) before.push([p.split(' '), k]);
  for (const p of c.after ?? []) after.push([p.split(' '), k]);
}
before.sort((a, b) => b[0].length - a[0].length);
after.sort((a, b) => b[0].length - a[0].length);
const COPULA = new Set(['is', 'was', 'are', 'were']);
const DETS = new Set(['a', 'an', 'the']);
/** words that end the search for an apposition's class noun */
const APPOS_STOP = new Set(['of', 'in', 'at', 'for', 'from', 'with', 'by', 'to', 'on', 'that', 'which', 'who', 'whose', 'where', 'when', 'as']);

const lexicon = loadCapLexicon(resolve(here, '..', '..', 'models', 'ner', 'lexicon.tsv.gz'));
const isCap = (w: string) => /^\p{Lu}/u.test(w);
/** a sentence's first word opens a run only when it is mostly written capitalised */
const initialOk = (w: string) => (lexicon.get(w.toLowerCase()) ?? 1) >= 0.5;

const wordCues = new Map<string, Int32Array>();
const phraseCues = new Map<string, Int32Array>();
function add(map: Map<string, Int32Array>, key: string, k: number): void {
  let c = map.get(key);
  if (!c) map.set(key, (c = new Int32Array(4)));
  c[0]++;
  c[k]++;
}
function credit(ws: string[], k: number): void {
  const key = ws.join(' ').toLowerCase();
  if (key.includes('\t')) return;
  add(phraseCues, key, k);
  for (const w of new Set(ws.map((x) => x.toLowerCase()))) add(wordCues, w, k);
}
const lowerAt = (ws: string[], i: number) => (i >= 0 && i < ws.length ? ws[i].toLowerCase() : '');
function matchBefore(ws: string[], end: number): number {
  for (const [p, k] of before) {
    if (end - p.length < 0) continue;
    let ok = true;
    for (let j = 0; j < p.length && ok; j++) ok = lowerAt(ws, end - p.length + j) === p[j];
    if (ok) return k;
  }
  return 0;
}
function matchAfter(ws: string[], from: number): number {
  for (const [p, k] of after) {
    let ok = true;
    for (let j = 0; j < p.length && ok; j++) ok = lowerAt(ws, from + j) === p[j];
    if (ok) return k;
  }
  return 0;
}

/** The class the contexts of run [s, e) of a sentence give it (0: none). */
function cueOf(ws: string[], s: number, e: number): number {
  const n1 = lowerAt(ws, e);
  if (n1 === "'s" || n1 === "'") {
    const k = possessed.get(lowerAt(ws, e + 1));
    if (k) return k;
  }
  let k = matchBefore(ws, s);
  if (!k && lowerAt(ws, s - 1) === 'the') k = matchBefore(ws, s - 1);
  if (k) return k;
  k = matchAfter(ws, e);
  if (k) return k;
  // "X, a Finnish telecommunications company", "X is a city in …"
  let i = e;
  if (n1 === ',' || COPULA.has(n1)) {
    i++;
    if (DETS.has(lowerAt(ws, i))) {
      i++;
      for (let j = 0; j < 6 && i + j < ws.length; j++) {
        const w = lowerAt(ws, i + j);
        if (APPOS_STOP.has(w) || /^[^\p{L}\p{N}-]/u.test(w)) break;
        const c = apposition.get(w);
        if (c && lowerAt(ws, i + j + 1) !== "'s" && !/^-/.test(lowerAt(ws, i + j + 1))) return c;
      }
    }
  }
  return 0;
}

const t0 = Date.now();
let docs = 0;
let words = 0;
let cues = 0;
for (const page of wikipediaPages(data, limit)) {
  docs++;
  for (const ws of pageSentences(page)) {
    words += ws.length;
    let i = 0;
    while (i < ws.length) {
      if (!isCap(ws[i]) || (i === 0 && !initialOk(ws[i]))) {
        i++;
        continue;
      }
      // a capitalised run, bridging "of" and "&" between capitalised words ("Bank of America")
      let e = i + 1;
      while (e < ws.length && (isCap(ws[e]) || ((ws[e] === 'of' || ws[e] === '&') && e + 1 < ws.length && isCap(ws[e + 1])))) e++;
      if (e - i <= 6) {
        // "Seattle-based": the place before the hyphen
        const based = /^(.+)-based$/u.exec(ws[e - 1]);
        if (based && e - i === 1) {
          credit([based[1]], 3);
          cues++;
        } else {
          let k = cueOf(ws, i, e);
          let run = ws.slice(i, e);
          if (run.length > 1 && suffixes.has(run[run.length - 1].toLowerCase())) {
            run = run.slice(0, -1);
            k = 2;
          } else if (suffixes.has(lowerAt(ws, e)) || (lowerAt(ws, e) === ',' && suffixes.has(lowerAt(ws, e + 1)))) k = 2;
          if (k && run.length) {
            credit(run, k);
            cues++;
            // "SoftBank Group Corp." also names "SoftBank"
            if (k === 2 && run.length > 1 && groupSuffixes.has(run[run.length - 1].toLowerCase())) credit(run.slice(0, -1), k);
          }
        }
      }
      i = e;
    }
  }
  if (docs % 1000 === 0) log(`${docs} pages, ${(words / 1e6).toFixed(1)} M tokens, ${cues} cues [${((Date.now() - t0) / 1000).toFixed(0)} s]`);
}

/** a one-word run that prose mostly writes in lower case ("People", "Board") is a common noun, not a name */
const commonWord = (key: string) => !key.includes(' ') && (lexicon.get(key) ?? 1) < 0.9;
function write(map: Map<string, Int32Array>, path: string, keep: (key: string) => boolean = () => true): { keys: number; bytes: number; sha256: string } {
  const lines: string[] = [];
  for (const [w, c] of [...map].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (c[0] < minCount || w.includes('\n') || !keep(w)) continue;
    lines.push([w, c[0], ...[1, 2, 3].map((k) => Math.round((100 * c[k]) / c[0])), 0].join('\t'));
  }
  const file = gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 });
  writeFileSync(path, file);
  const sha256 = createHash('sha256').update(file).digest('hex');
  log(`${lines.length} keys written to ${path} (${file.length} bytes, sha256 ${sha256})`);
  return { keys: lines.length, bytes: file.length, sha256 };
}
const seconds = Math.round((Date.now() - t0) / 1000);
log(`${docs} pages, ${words} tokens, ${cues} cues in ${seconds} s`);
const written = write(phraseCues, out, (key) => !commonWord(key));
if (wordsOut) write(wordCues, wordsOut);
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const manifest = {
  name: 'chronicle-ner-cues',
  description: 'Cue profiles: for each capitalised run of unlabelled prose (lower-cased), the number of times it stood in a context only one class of name takes, and the percentage of those cues for person, organisation, place (and 0 for other). Distant supervision, no tagger; read by the names stage (names.corpus-cues: ≥ 5 cues, ≥ 80 % organisation).',
  created_by: 'train/ner-cues.ts (npm run train:ner-cues)',
  format: 'key\\tn\\tper\\torg\\tplace\\tother, sorted by key',
  data: {
    text: { file: 'unlabelled/news-en.jsonl.gz', sha256: sha(join(data, 'unlabelled', 'news-en.jsonl.gz')), part: 'the enwiki:* pages only (Wikinews left out: the GUM news documents of the cross-validation pool are Wikinews)', pages: docs, tokens: words },
    contexts: { file: 'train/data/ner-cue-contexts.json', sha256: sha(resolve(here, '..', '..', 'train', 'data', 'ner-cue-contexts.json')) },
    capitalisation: { file: 'models/ner/lexicon.tsv.gz', sha256: sha(resolve(here, '..', '..', 'models', 'ner', 'lexicon.tsv.gz')), use: 'one-word runs capitalised in < 90 % of their mid-sentence uses are left out, and a sentence-initial word opens a run only when ≥ 50 %' },
  },
  licence: 'Derived from English Wikipedia text (CC BY-SA 3.0, Wikipedia contributors; sample of ../shared/data/unlabelled, see its README); shared under CC BY-SA 3.0.',
  hyperparameters: { min_count: minCount, max_run_words: 6 },
  cues: cues,
  keys: written.keys,
  bytes: written.bytes,
  sha256: written.sha256,
  seconds,
};
writeFileSync(join(dirname(out), basename(out).replace(/\.tsv\.gz$/, '') + '.json'), JSON.stringify(manifest, null, 2) + '\n');
