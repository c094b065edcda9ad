/**
 * Corpus name contexts (`npm run train:name-contexts`, issue 13, names24): for every capitalised
 * word of the unlabelled Wikipedia prose (../shared/data/unlabelled/news-en.jsonl.gz, its Wikinews
 * part left out as for the capitalisation lexicon: GUM's news documents and the ner-precision pool
 * are Wikinews), how often the words around it say it names an agent ("X said", "X's spokesperson")
 * or a thing ("X kernel", "X cases", "X 8", "COVID-19", "version of X"); the context words are
 * lexicon/en/name-contexts.tsv, the counting is src/extract/name-contexts.ts (the same at run time).
 * Tokenised and split into sentences by the pipeline's own tokenizer. Output:
 * models/ner/name-contexts.tsv.gz, "word\tagent\tthing" for words with at least MIN_COUNT
 * contexts of either kind, sorted; a header line records the source, licence and settings.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { wikipediaPages } from './unlabelled-pages.js';
import { countSentenceContexts, countSentenceRoles, type ContextCounts, type RoleCounts } from '../src/extract/name-contexts.js';
import { checksum } from '../src/lexicon/index.js';

const MIN_COUNT = 3;
/** Role contexts (organisation / person / place, per capitalised run) a run needs to be written. */
const MIN_ROLE_COUNT = 2;
const here = resolve(new URL('.', import.meta.url).pathname);
let data = process.env.CHRONICLE_DATA ?? resolve(here, '..', '..', '..', 'shared', 'data');
let out = resolve(here, '..', '..', 'models', 'ner', 'name-contexts.tsv.gz');
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--data') data = args[++i];
  else if (a === '--out') out = resolve(args[++i]);
  else throw new Error(`unknown option ${a} (use --data DIR, --out FILE)`);
}
const t0 = Date.now();
const file = join(data, 'unlabelled', 'news-en.jsonl.gz');
const raw = readFileSync(file);
const text = gunzipSync(raw).toString('utf8');
const counts: ContextCounts = new Map();
const roles: RoleCounts = new Map();
let pages = 0;
let words = 0;
for (const { sentences, tokens } of wikipediaPages(text)) {
  pages++;
  for (const ws of sentences) {
    countSentenceContexts(ws, counts);
    countSentenceRoles(ws, roles);
  }
  words += tokens;
  if (pages % 1000 === 0) console.error(`${pages} pages, ${(words / 1e6).toFixed(1)} M tokens [${((Date.now() - t0) / 1000).toFixed(0)} s]`);
}
const lines = [
  `# name contexts: agent / thing context counts per capitalised word; ${pages} Wikipedia pages (${(words / 1e6).toFixed(1)} M tokens) of ${file.split('/').slice(-2).join('/')} ` +
    `(sha256 ${createHash('sha256').update(raw).digest('hex').slice(0, 16)}…), CC BY-SA 3.0 Wikipedia contributors; cues lexicon ${checksum('name-contexts')}, org-nouns ${checksum('org-nouns')}; min count ${MIN_COUNT} (agent + thing, per word), ${MIN_ROLE_COUNT} (org + person + place, per capitalised run)`,
  '# key\tagent\tthing\torg\tperson\tplace',
];
const keys = new Set<string>();
for (const [w, c] of counts) if (c.agent + c.thing >= MIN_COUNT) keys.add(w);
for (const [w, r] of roles) if (r.org + r.person + r.place >= MIN_ROLE_COUNT) keys.add(w);
for (const w of [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
  if (/[\t\n]/.test(w)) continue;
  const c = counts.get(w);
  const at = c && c.agent + c.thing >= MIN_COUNT ? `${c.agent}\t${c.thing}` : '0\t0';
  const r = roles.get(w);
  lines.push(r && r.org + r.person + r.place >= MIN_ROLE_COUNT ? `${w}\t${at}\t${r.org}\t${r.person}\t${r.place}` : `${w}\t${at}`);
}
writeFileSync(out, gzipSync(lines.join('\n') + '\n', { level: 9 }));
console.error(`${lines.length - 1} words written to ${out} [${((Date.now() - t0) / 1000).toFixed(0)} s]`);
