// ner-news (issue 13): a news NER development set — English Wikinews articles and interviews (CC BY 2.5) that no
// Chronicle set or file has used, annotated by hand with every name, in two halves: A readable, B unseen (lead-only).
// Texts come from AMALGUM (gucorpling/amalgum, `amalgum/news/xml` and `amalgum/interview/xml`; Wikinews texts, CC BY 2.5;
// AMALGUM's machine annotations are NOT used, only the words). The snapshot is too big to fetch (710 MB), and the file
// listing stops at the first 100 names of a folder (alphabetical), which held3, fresh13, fresh16, fresh19 and held4–held7
// drew from. This set draws from names past that listing, found without reading any article:
//   POOL SOURCE (fixed, content-blind): the AMALGUM news and interview files named in a sample list someone else drew for
//   another purpose — lgessler/conllu-rest @ 0365e802e76d7e0e71b60253a6306172766460ec, src/midas_loop/xtdb/scratch.clj
//   (100 AMALGUM files of all genres given to `ingest-conllu-files`) — plus the one news file AMALGUM's own README names
//   as its sample (`khadr`; gucorpling/amalgum README.md @ 0017a2a8882fa0f009b258c42de3f70132bfb98c).
//   LESS every name an earlier set could have read: the 100-name listings held3 (news) and fresh13 (interviews) drew from,
//   every AMALGUM id named anywhere in this repository's eval/, test/, examples/ or docs/ (that is `lords`, read by exact
//   path while probing the listing: eval/data/quotes/README.md), and every GUM document name (fresh19's GUM_NAMES).
// ORDER: SHA-1("ner-news:" + document id), both genres in one order. Taken in that order (never a later name before an
// earlier one) until TAKEN documents are taken or the pool ends, skipping mechanically (recorded in SKIPPED with the rule,
// after reading):
//   - a file the index does not hold at amalgum/<genre>/xml/AMALGUM_<genre>_<name>.xml;
//   - files over 20,000 characters of XML (about 1,000 words), "Wikinews Shorts" digests and list pages (not one article);
//   - fewer than 150 words of prose once title, dateline, captions and "Sources" are left out;
//   - a part of an interview whose Wikinews page this set already took (one part per page, so the halves never share a
//     page; AMENDED after 8 documents were taken, before any later file was read, when `marston` came next after `wayne`,
//     a part of the Wayne Marston interview: judged by the file's title and sourceURL alone);
//   - a document whose title or Wikinews URL is already in ../shared/data/unlabelled, any eval/data/*/docs.jsonl, examples/,
//     test/fixtures, or is a GUM document (`check` below compares mechanically and prints only the set it collides with).
// HALVES, fixed here before reading: the taken documents alternate in taken order — 1st to A, 2nd to B, 3rd to A … — so
// neither half is chosen by content. Half A is developed on (`npm run eval:ner-news -- --errors`); half B is unseen: its
// texts are annotated by hand before Chronicle is run on any document, and only summary lines of it are ever printed.
// Texts rebuilt by hand from the token lines (paragraphs at <p>; title, dateline, captions, galleries, pull-quote boxes,
// "Have your say", section headings and "Sources" lists left out), as for held3–held7.
// Usage (repository root):
//   node eval/data/ner-news/tools/select.mjs order          the pool in selection order, with status and half
//   node eval/data/ner-news/tools/select.mjs add FILE...    append rebuilt texts (line 1 title, 2 URL, 3 date, 4 AMALGUM
//                                                            file commit, then one paragraph a line) to docs.jsonl
//   node eval/data/ner-news/tools/select.mjs check          duplicate check of docs.jsonl against every other set
import { createHash } from 'node:crypto';
import { readFileSync, appendFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { LISTED as HELD3_LISTED } from '../../quotes/tools/held3.mjs';
import { INTERVIEWS as FRESH13_INTERVIEWS } from '../../coref-fresh/tools/select.mjs';
import { GUM_NAMES } from '../../coref-fresh19/tools/select.mjs';

const sha = (s) => createHash('sha1').update(s).digest('hex');
export const SALT = 'ner-news:';
export const TAKEN = 22;
/** The names in lgessler/conllu-rest's sample list (extracted with `grep -o 'AMALGUM_(news|interview)_[a-z0-9]*'`). */
export const SAMPLE = {
  news: `ajax arrivederci atomic bicentennial canadian curling debris dolores fourth lords mercenary reuters scottish spielberg stingray
vessel vodka whitecaps`.split(/\s+/),
  interview: `archives elgersma fetishes incumbent iraq joe kate marston merlino queensland rickard scientology skills wayne yerby`.split(/\s+/),
};
export const README_SAMPLE = { news: ['khadr'], interview: [] };
/** AMALGUM ids named in this repository (eval/, test/, examples/, docs/) before this set: read or listed by other sets. */
export const NAMED_IN_REPO = ['lords'];
const LISTED_BEFORE = { news: HELD3_LISTED, interview: FRESH13_INTERVIEWS };
export const POOL = Object.fromEntries(['news', 'interview'].map((g) => [g, [...SAMPLE[g], ...README_SAMPLE[g]]
  .filter((n) => !LISTED_BEFORE[g].includes(n) && !NAMED_IN_REPO.includes(n) && !GUM_NAMES.includes(n))]));
export const idOf = (genre, name) => `AMALGUM_${genre}_${name}`;
export const pathOf = (genre, name) => `amalgum/${genre}/xml/${idOf(genre, name)}.xml`;
/** Both genres in one order by SHA-1(SALT + id). */
export const order = () => Object.entries(POOL).flatMap(([g, ns]) => ns.map((n) => idOf(g, n)))
  .sort((a, b) => (sha(SALT + a) < sha(SALT + b) ? -1 : 1));
/** Ids skipped on the way, mechanically, with the rule that skipped them (recorded after reading). */
export const SKIPPED = {
  AMALGUM_news_curling: '23,244 characters of XML (a match report with team lists)',
  AMALGUM_interview_fetishes: 'part 5 of the Joseph Merlino interview, whose part 0 (merlino) this set took',
  AMALGUM_interview_marston: 'part 1 of the Wayne Marston interview, whose part 0 (wayne) this set took',
  AMALGUM_news_reuters: 'a "Wikinews Shorts" digest (April 3, 2007)',
  AMALGUM_interview_incumbent: '20,153 characters of XML',
  AMALGUM_interview_yerby: 'part 18 of the Gay Talese interview, whose part 6 (iraq) this set had taken (before iraq was found a duplicate, below)',
  AMALGUM_interview_scientology: 'same Wikinews page as a coref-fresh19 document (found by `check` after it was annotated; the check was run late, after all 21 files)',
  AMALGUM_interview_iraq: 'same Wikinews page as a coref-fresh19 document (found by `check` after it was annotated; the check was run late, after all 21 files)',
};
/** What the rule took: the order less the skips, up to TAKEN. */
export const taken = () => order().filter((id) => !(id in SKIPPED)).slice(0, TAKEN);
/** A for the 1st, 3rd, 5th … taken document, B for the 2nd, 4th …; undefined for any other id. */
export function halfOf(id) {
  const i = taken().indexOf(id.replace(/^amalgum:/, ''));
  return i < 0 ? undefined : i % 2 === 0 ? 'A' : 'B';
}

const slug = (t) => 'nn-' + t.toLowerCase().normalize('NFKD').replace(/[^a-z0-9 ]+/g, ' ').split(/\s+/)
  .filter((w) => w && !/^(a|an|the|of|in|on|to|for|and|at|as|by)$/.test(w)).slice(0, 4).join('-');
const DOCS = 'eval/data/ner-news/docs.jsonl';

function add(files) {
  for (const f of files) {
    const name = f.replace(/^.*\//, '').replace(/\.txt$/, '');
    const id = order().find((x) => x.endsWith(`_${name}`));
    if (!id || !taken().includes(id)) throw new Error(`${f}: ${name} is not a taken document of the ner-news rule`);
    const genre = id.split('_')[1];
    const [title, url, date, commit, ...rest] = readFileSync(f, 'utf8').split('\n');
    if (!/^[0-9a-f]{40}$/.test(commit)) throw new Error(`${f}: line 4 must be the AMALGUM file's commit`);
    const text = rest.map((p) => p.trim()).filter(Boolean).join('\n\n');
    const rec = { id: `amalgum:${id}`, slug: slug(title), origin: 'wikinews', genre, split: 'ner-news', half: halfOf(id), title, date, url,
      licence: 'CC BY 2.5',
      attribution: `Wikinews contributors, English Wikinews (${url}); text from AMALGUM (gucorpling/amalgum @ ${commit}, ${pathOf(genre, name)}), rebuilt by hand from its tokens; paragraphs joined by blank lines`,
      source: { repo: 'gucorpling/amalgum', commit, path: pathOf(genre, name) }, text };
    appendFileSync(DOCS, JSON.stringify(rec) + '\n');
    console.log(`${rec.slug}\t${rec.half}\t${text.split(/\s+/).length} words`);
  }
}

/** Titles and URLs of every other set, by the set they belong to (for the duplicate check; nothing of them is printed).
 *  `own` is the path prefix of the set being checked (its files are left out); ner-fresh22's check reuses this. */
export function otherSets(own = 'eval/data/ner-news') {
  const norm = (s) => decodeURIComponent(String(s ?? '')).toLowerCase().replace(/^https?:\/\//, '').replace(/\/\/+/g, '/').replace(/[_\s]+/g, ' ').trim();
  const keys = new Map();
  const put = (k, where) => { if (k) keys.set(norm(k), where); };
  const unl = execSync('zcat ../shared/data/unlabelled/news-en.jsonl.gz', { maxBuffer: 1 << 30 }).toString().split('\n');
  for (const l of unl) if (l) { const o = JSON.parse(l); put(o.title, 'unlabelled'); put(o.url, 'unlabelled'); }
  const walk = (dir, fn) => { for (const e of readdirSync(dir)) { const p = join(dir, e); statSync(p).isDirectory() ? walk(p, fn) : fn(p); } };
  for (const dir of ['eval/data', 'examples', 'test/fixtures']) walk(dir, (p) => {
    if (p.startsWith(own) || !/\.(jsonl?|txt|html?)$/.test(p)) return;
    for (const m of readFileSync(p, 'utf8').matchAll(/"(?:title|url|headline|sourceURL)"\s*:\s*"((?:[^"\\]|\\.)*)"/g)) put(JSON.parse(`"${m[1]}"`), p);
  });
  for (const n of GUM_NAMES) keys.set(`gum:${n}`, 'GUM');
  return { keys, norm };
}

function check() {
  const { keys, norm } = otherSets();
  let bad = 0;
  for (const l of readFileSync(DOCS, 'utf8').split('\n').filter(Boolean)) {
    const d = JSON.parse(l);
    const hit = keys.get(norm(d.title)) ?? keys.get(norm(d.url)) ?? keys.get(`gum:${d.id.split('_').pop()}`);
    if (hit) { bad++; console.log(`${d.id}\tDUPLICATE of ${hit}`); } else console.log(`${d.id}\tnew`);
  }
  if (bad) process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [cmd, ...args] = process.argv.slice(2);
  if (cmd === 'order') {
    const t = taken();
    for (const id of order()) console.log(`${sha(SALT + id).slice(0, 12)}\t${id}\t${id in SKIPPED ? `skipped: ${SKIPPED[id]}` : t.includes(id) ? halfOf(id) : '-'}`);
  } else if (cmd === 'add') add(args);
  else if (cmd === 'check') check();
  else { console.error('usage: select.mjs order | add FILE... | check'); process.exit(1); }
}
