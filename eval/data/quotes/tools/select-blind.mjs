// Picks the blind quote set (quotes8): English Wikinews articles from ../shared/data/unlabelled/news-en.jsonl.gz
// that no eval set, test or GUM document uses, with some attribution in them, ordered by the SHA-1 of their id
// (fixed before any was read or run). Prints the chosen ids; `--write` appends them to docs.jsonl as split "blind".
// Run from the repository root: node eval/data/quotes/tools/select-blind.mjs [N] [--write]
// Another split the same way (quotes10's held2): [--split held2 --prefix h2- --max-words 700].
import { readFileSync, readdirSync, statSync, appendFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const N = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 22);
const opt = (name, dflt) => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : dflt; };
const SPLIT = opt('--split', 'blind');
const PREFIX = opt('--prefix', 'bl-');
const MAX_WORDS = Number(opt('--max-words', '900'));
const docs = gunzipSync(readFileSync('../shared/data/unlabelled/news-en.jsonl.gz')).toString('utf8')
  .split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((d) => d.id.startsWith('wikinews:'));

// every text file of eval/data and test, and GUM's source URLs and titles: a document named there is used
let used = '';
const walk = (dir) => { for (const f of readdirSync(dir)) { const p = join(dir, f); if (statSync(p).isDirectory()) walk(p); else if (!/\.(gz|bin)$/.test(f)) used += readFileSync(p, 'utf8') + '\n'; } };
walk('eval/data'); walk('test');
for (const f of readdirSync('../shared/data/gum/dep')) {
  for (const line of readFileSync(join('../shared/data/gum/dep', f), 'utf8').split('\n')) if (/^# meta::(sourceURL|title)/.test(line)) used += line + '\n';
}
const unescape = (s) => s.replace(/(?:%[0-9A-Fa-f]{2})+/g, (m) => { try { return decodeURIComponent(m); } catch { return m; } });
const norm = (s) => unescape(s).replace(/[_\s]+/g, ' ').toLowerCase();
const usedNorm = norm(used);
const isUsed = (d) => usedNorm.includes(norm(d.id.slice('wikinews:'.length))) || usedNorm.includes(d.title.toLowerCase())
  || used.includes(d.text.split('\n')[0].slice(0, 80));

const CUE = /\b(said|says|told|according to|stated|announced|claimed|denied|accused|warned|argued|insisted|reported)\b/g;
const words = (t) => t.split(/\s+/).length;
const candidates = docs.filter((d) => !isUsed(d) && words(d.text) >= 200 && words(d.text) <= MAX_WORDS && (d.text.match(CUE) ?? []).length >= 4);
const sha = (s) => createHash('sha1').update(s).digest('hex');
candidates.sort((a, b) => (sha(a.id) < sha(b.id) ? -1 : 1));
const chosen = candidates.slice(0, N);
console.error(`${docs.length} Wikinews, ${docs.filter(isUsed).length} used, ${candidates.length} candidates, ${chosen.length} chosen`);
const slug = (t) => PREFIX + t.toLowerCase().normalize('NFKD').replace(/[^a-z0-9 ]+/g, ' ').split(/\s+/).filter((w) => w && !/^(a|an|the|of|in|on|to|for|and|at|as|by)$/.test(w)).slice(0, 4).join('-');
for (const d of chosen) {
  const rec = { id: d.id, slug: slug(d.title), origin: 'wikinews', split: SPLIT, title: d.title, date: d.date ?? null, url: d.url ?? null,
    licence: 'CC BY 2.5', attribution: 'Wikinews contributors, English Wikinews (via vanatteveldt/wikinews or dimitrakatseli/Wikinews, in ../shared/data/unlabelled/news-en.jsonl.gz); paragraphs joined by blank lines',
    text: d.text.split('\n').map((p) => p.trim()).filter(Boolean).join('\n\n') };
  console.log(`${rec.slug}\t${words(d.text)}\t${d.id}`);
  if (process.argv.includes('--write')) appendFileSync('eval/data/quotes/docs.jsonl', JSON.stringify(rec) + '\n');
}
