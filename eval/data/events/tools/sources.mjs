// Builds docs.jsonl from the selected source documents (run from the repository root):
//   node eval/data/events/tools/sources.mjs
// Wikinews articles come from ../shared/data/unlabelled/news-en.jsonl.gz (CC BY 2.5), GUM news
// documents from examples/wikinews/*.json (Wikinews text rebuilt from GUM's train split, CC BY 2.5),
// team-written articles from eval/data/events/team/*.txt (first line: title; second: date).
// Each document's text is its title, a blank line, then the body, exactly as stored.
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';

const here = 'eval/data/events';
const shared = process.env.CHRONICLE_SHARED ?? '/work/shared/data';
const selection = JSON.parse(readFileSync(join(here, 'tools/selection.json'), 'utf8'));

const wikinews = new Map();
for (const line of gunzipSync(readFileSync(join(shared, 'unlabelled/news-en.jsonl.gz'))).toString('utf8').split('\n')) {
  if (!line.startsWith('{"id": "wikinews:')) continue;
  const d = JSON.parse(line);
  wikinews.set(d.title, d);
}

const docs = [];
for (const title of selection.wikinews) {
  const d = wikinews.get(title);
  if (!d) throw new Error(`no Wikinews article titled ${JSON.stringify(title)}`);
  docs.push({
    id: d.id, source: 'wikinews', licence: 'CC BY 2.5', url: d.url, published: d.date ?? null, title: d.title,
    text: `${d.title}\n\n${d.text.trim()}`,
  });
}
for (const name of selection.gum) {
  const d = JSON.parse(readFileSync(join('examples/wikinews', `wikinews-news-${name}.json`), 'utf8'));
  docs.push({
    id: `gum:GUM_news_${name}`, source: 'gum', licence: 'CC BY 2.5 (text); GUM annotations not used', url: d.url,
    published: d.published ?? null, title: d.title, text: `${d.title}\n\n${d.text.trim()}`,
    note: 'also bundled as examples/wikinews/wikinews-news-' + name + '.json (seen during development)',
  });
}
const teamDir = join(here, 'team');
if (existsSync(teamDir)) {
  for (const f of readdirSync(teamDir).filter((f) => f.endsWith('.txt')).sort()) {
    const [title, date, ...body] = readFileSync(join(teamDir, f), 'utf8').split('\n');
    docs.push({
      id: `team:${f.replace(/\.txt$/, '')}`, source: 'team', licence: 'MIT (written by the Chronicle team)', url: null,
      published: date.trim() || null, title: title.trim(), text: `${title.trim()}\n\n${body.join('\n').trim()}`,
      note: 'written by the Chronicle team in the style of wire copy; a sanity check, not a score',
    });
  }
}
// A fixed five-way split by document for cross-validation: FNV-1a of the id, modulo 5.
const fold = (id) => { let h = 0x811c9dc5; for (const ch of Buffer.from(id, 'utf8')) { h ^= ch; h = Math.imul(h, 0x01000193) >>> 0; } return h % 5; };
for (const d of docs) d.fold = fold(d.id);
const ids = new Set();
for (const d of docs) { if (ids.has(d.id)) throw new Error(`duplicate ${d.id}`); ids.add(d.id); }
writeFileSync(join(here, 'docs.jsonl'), docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
console.error(`${docs.length} documents`);
