/**
 * eval:lexicon-identity — do the full pipeline's outputs stay byte-identical across a change that
 * must not change behaviour (a word list moved from code into `lexicon/en/`, a refactor)?
 *
 * Runs the real default pipeline on a fixed corpus of training/development documents and writes
 * one JSON line per document: the versioned result with tokens (tags, lemmas, parse), plus the
 * recognisers' raw mentions and the rule firings. `--write FILE` records a reference; `--check
 * FILE` runs again and compares line by line, printing the first differences and exiting 1 when
 * any document differs. Compare a reference written on the commit before the change.
 *
 * The corpus (no published test set: GUM's train split only, Wikinews from the unlabelled prose,
 * our own fixtures and the development HTML pages, read through the real input readers):
 *   - ../shared/data/gum/dep/*.conllu (train split, 84 documents; text rebuilt as eval:times does)
 *   - the first N Wikinews articles of ../shared/data/unlabelled/news-en.jsonl.gz (--wikinews N, default 150)
 *   - test/fixtures/articles-{2,3}, test/fixtures/identity, examples/ (JSON articles), the seed article
 *   - ../shared/data/article-html-dev/html (60 pages) and test/fixtures/pages (HTML through src/ingest)
 *   - eval/data/events/docs.jsonl (the events annotation set, 72 documents: the detector's training data)
 *
 * Usage: node dist/eval/lexicon-identity.js --write /tmp/ref.jsonl
 *        node dist/eval/lexicon-identity.js --check /tmp/ref.jsonl   [--wikinews 150] [--only gum,wikinews,events,fixtures,html]
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extractDoc } from '../src/extract.js';
import type { DocInput } from '../src/doc.js';
import { readDocuments } from '../src/ingest/input.js';
import { toResult } from '../src/output/result.js';
import { readGum } from './gum-dates.js';

const argv = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const writeTo = arg('--write');
const checkAgainst = arg('--check');
const wikinewsCount = Number(arg('--wikinews') ?? 150);
const only = arg('--only')?.split(',');
if (!writeTo && !checkAgainst) {
  console.error('usage: lexicon-identity (--write FILE | --check FILE) [--wikinews N] [--only gum,wikinews,events,fixtures,html]');
  process.exit(2);
}

const root = process.cwd();
const shared = resolve(root, '../shared');
const want = (part: string) => !only || only.includes(part);

/** Every document of the corpus, each with a stable key, in a fixed order. */
async function* corpus(): AsyncGenerator<{ key: string; input: DocInput }> {
  if (want('gum')) {
    const dir = join(shared, 'data/gum/dep');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.conllu')).sort()) {
      for (const d of readGum(join(dir, f))) yield { key: `gum:${d.id}`, input: { id: d.id, text: d.text, published: d.published } };
    }
  }
  if (want('wikinews')) {
    const lines = gunzipSync(readFileSync(join(shared, 'data/unlabelled/news-en.jsonl.gz'))).toString('utf8').split('\n');
    let n = 0;
    for (const line of lines) {
      if (n >= wikinewsCount) break;
      if (!line.trim()) continue;
      const j = JSON.parse(line) as { id: string; title?: string; date?: string; text: string };
      if (!j.id.startsWith('wikinews:')) continue;
      n++;
      yield { key: j.id, input: { id: j.id, title: j.title ?? null, published: j.date ?? null, text: j.text } };
    }
  }
  if (want('events')) {
    for (const line of readFileSync(join(root, 'eval/data/events/docs.jsonl'), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const j = JSON.parse(line) as { id: string; title?: string | null; published?: string | null; text: string };
      yield { key: `events:${j.id}`, input: { id: j.id, title: j.title ?? null, published: j.published ?? null, text: j.text } };
    }
  }
  const files: string[] = [];
  const addDir = (dir: string, test: (f: string) => boolean) => {
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir).sort()) {
      const p = join(dir, f);
      if (statSync(p).isFile() && test(f)) files.push(p);
    }
  };
  if (want('fixtures')) {
    const article = (f: string) => f.endsWith('.json') && !f.endsWith('.expected.json');
    for (const d of ['test/fixtures/articles-2', 'test/fixtures/articles-3', 'test/fixtures/identity', 'examples', 'examples/wikinews']) addDir(join(root, d), article);
    files.push(join(shared, 'fixtures/seed/article.json'));
  }
  if (want('html')) {
    addDir(join(shared, 'data/article-html-dev/html'), (f) => f.endsWith('.html.gz'));
    addDir(join(root, 'test/fixtures/pages'), (f) => f.endsWith('.html.gz'));
  }
  // relative paths: a result's `source` names its file, and must not depend on where the checkout lives
  for await (const item of readDocuments(files.map((f) => relative(root, f)))) {
    if (!item.ok) {
      yield { key: `error:${item.origin}`, input: { id: item.origin, text: `ERROR ${item.error}` } };
      continue;
    }
    yield { key: `file:${item.origin}:${item.doc.id ?? ''}`, input: item.doc };
  }
}

const lines: string[] = [];
const keys: string[] = [];
const t0 = Date.now();
for await (const { key, input } of corpus()) {
  const doc = extractDoc(input);
  const record = {
    key: key.replace(root, '.').replace(shared, '../shared'),
    result: toResult(doc, { tokens: true }),
    mentions: doc.mentions.map((m) => ({ ...m })),
    firings: doc.firings.map((f) => ({ ...f })),
  };
  lines.push(JSON.stringify(record));
  keys.push(record.key);
}
const seconds = ((Date.now() - t0) / 1000).toFixed(1);

if (writeTo) {
  writeFileSync(writeTo, lines.join('\n') + '\n');
  console.log(`wrote ${lines.length} documents to ${writeTo} (${seconds} s)`);
} else if (checkAgainst) {
  const ref = readFileSync(checkAgainst, 'utf8').split('\n').filter((l) => l !== '');
  const refKeys = ref.map((l) => (JSON.parse(l) as { key: string }).key);
  let differ = 0;
  for (let i = 0; i < lines.length; i++) {
    // compared in order (a key may repeat: documents of one file)
    const before = refKeys[i] === keys[i] ? ref[i] : undefined;
    if (before === lines[i]) continue;
    differ++;
    if (differ > 5) continue;
    if (before === undefined) {
      console.log(`${keys[i]}: not in the reference`);
      continue;
    }
    let at = 0;
    while (at < before.length && before[at] === lines[i][at]) at++;
    console.log(`${keys[i]}: differs at character ${at}\n  before …${before.slice(Math.max(0, at - 120), at + 200)}\n  now    …${lines[i].slice(Math.max(0, at - 120), at + 200)}`);
  }
  const missing = Math.max(0, ref.length - lines.length);
  console.log(`${lines.length} documents checked against ${ref.length}: ${lines.length - differ} identical, ${differ} differ, ${missing} missing (${seconds} s)`);
  process.exit(differ === 0 && missing === 0 && lines.length === ref.length ? 0 : 1);
}
