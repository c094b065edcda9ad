// held8 (fresh26, sixteenth session): a fresh quote set in two halves — A, a readable development pool; B, unseen (the lead's).
// Source: the English Wikinews articles of ../shared/data/unlabelled/news-en.jsonl.gz (CC BY 2.5; vanatteveldt/wikinews and
// dimitrakatseli/Wikinews, commits in that file's README). Fixed and committed before any article was read.
//
// Pool: every `wikinews:` article of the file, ordered by SHA-1 of `held8:` + id (a new salt). Walked in that order, never a
// later article before an earlier one; an article is skipped, mechanically, with the first of these reasons that holds:
//   1. held   — a set under eval/data holds it, at BASE (main when the set was chosen): its id, title or Wikinews page is
//               written in one of the set's files, or 10 running words of one of its paragraphs are (words lower-cased,
//               punctuation dropped). Lists of unused candidates (eval/data/ner-precision-sample/pool.txt,
//               eval/data/ner-fresh23/candidates*.txt, eval/data/ner-fresh22/candidates*.txt) name articles no set holds and
//               are not sets: their ids do not count (their texts hold no article words). The name-precision sample
//               (eval/data/ner-precision-sample: 600 PERSON/ORG mentions, each with 120 characters either side, judged for
//               name spans) holds snippets of 157 of the file's articles, not the articles: it skips nothing (with it, 4
//               of the 330 articles would be left); `order` shows, per article, how many of its files hold a snippet;
//   2. quoted — the same check on the rest of the repository at BASE (docs, test, src, train, bench, examples, lexicon,
//               README): an article a round quoted or named while reading (sanity reads of the unlabelled file);
//   3. gum    — a GUM document of any split: a train document's title or Wikinews page (its `# meta::` lines; GUM train
//               only is opened), or, for the dev/test news and interview documents (named in ../shared/data/gum/splits.md,
//               never opened), the document's name word (GUM_news_iodine → "iodine") as a word of the title or page;
//   4. copy   — the same title, Wikinews page or opening 200 characters as an article taken before (the file merges two
//               repositories);
//   5. form   — a "Wikinews Shorts" digest, or a transcript (5 or more paragraphs opening with a "Speaker:" label);
//   6. length — text (paragraphs joined by newlines) under 2,000 or over 18,000 characters;
//   7. few    — fewer than 6 attribution signs: quotation marks (" “ ”) plus paragraphs holding a speech word
//               (SPEECH below), so that the article carries attributions.
// Caveat, recorded before reading: the quote rounds' sanity reads listed where their rules fire on every article of the file
// no split used (docs/quotes.md, tenth round: "every Wikinews article left unused in the unlabelled file had been through this
// round's sanity reads"), and train/ learns word representations from the file. Which sentences were read is not recorded,
// except those a file quotes (rule 2). Half B is therefore unannotated, never scored and never tuned on, not unread by all.
// The first TAKE (16) articles not skipped are the set. Halves, fixed here before reading: the taken articles alternate in
// taken order, the 1st to A, the 2nd to B, the 3rd to A … (`halfOf`), so neither half is chosen by content. Half A is
// developed on (`eval:quotes -- --held8-errors` lists half A's errors only and does not extract B); half B is unseen: only
// the lead runs it.
// Usage (repository root):
//   node eval/data/quotes/tools/held8.mjs order     the walk: every article up to the 16th taken, its half or skip reason
//   node eval/data/quotes/tools/held8.mjs add       append the taken articles (text as the file gives it, paragraphs joined
//                                                  by blank lines) to eval/data/quotes/docs.jsonl, in taken order
import { readFileSync, readdirSync, appendFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** main when the set was chosen: the sets and the repository the held/quoted checks read (so the walk reproduces later). */
export const BASE = '087c32b0307dbbffa4d90c9048b5987f3eae65f4';
export const SALT = 'held8:';
export const TAKE = 16;
export const MIN_CHARS = 2000;
export const MAX_CHARS = 18000;
export const MIN_SIGNS = 6;
export const WINDOW = 10;
/** Speech words for the sign count (a paragraph holding one counts once). */
export const SPEECH = /\b(said|says|say|told|tells|stated|states|according to|announced|added|explained|claimed|claims|argued|denied|warned|insisted|acknowledged|asked|reported|reports)\b/i;
const SNIPPETS = /^eval\/data\/ner-precision-sample\/(sample-seed\d+\.jsonl|judgments-seed\d+\.txt)$/;
const CANDIDATE_LISTS = /^eval\/data\/(ner-precision-sample\/pool\.txt|ner-fresh2[23]\/candidates[^/]*\.txt)$/;
const REPO_PARTS = /^(eval|docs|test|src|train|bench|examples|lexicon)\/|^[^/]+\.md$/;
const TEXT_FILE = /\.(jsonl|json|txt|tsv|ann|md|ts|mjs|js|csv)$/;

const sha = (s) => createHash('sha1').update(s).digest('hex');
const words = (s) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z0-9]+/).filter(Boolean);
/** A Wikinews page name: decoded, spaces for underscores, lower case, without a #section. */
export const pageKey = (s) => { let p = s.replace(/^.*\/wiki\//, '').replace(/^wikinews:/, '').replace(/#.*$/, ''); try { p = decodeURIComponent(p); } catch { /* keep */ } return p.replace(/[_\s]+/g, ' ').trim().toLowerCase(); };

/** The Wikinews articles of the unlabelled file. */
export function articles(root = process.cwd()) {
  return gunzipSync(readFileSync(join(root, '../shared/data/unlabelled/news-en.jsonl.gz'))).toString('utf8').split('\n').filter(Boolean)
    .map((l) => JSON.parse(l)).filter((d) => typeof d.id === 'string' && d.id.startsWith('wikinews:'));
}

/** The files of the repository at `base` the checks read (less the selector's own files, `own`): path → text. */
function baseFiles(root, base = BASE, own = 'eval/data/quotes/tools/held8') {
  const paths = execFileSync('git', ['ls-tree', '-r', '--name-only', base], { cwd: root, encoding: 'utf8', maxBuffer: 1e8 }).split('\n')
    .filter((p) => p && REPO_PARTS.test(p) && TEXT_FILE.test(p) && !p.startsWith(own));
  const out = execFileSync('git', ['cat-file', '--batch'], { cwd: root, input: paths.map((p) => `${base}:${p}`).join('\n') + '\n', maxBuffer: 1e9 });
  const files = new Map();
  let at = 0;
  for (const p of paths) {
    const nl = out.indexOf(10, at);
    const size = Number(out.subarray(at, nl).toString('latin1').split(' ')[2]);
    files.set(p, out.subarray(nl + 1, nl + 1 + size).toString('utf8'));
    at = nl + 1 + size + 1;
  }
  return files;
}

/** Where a file belongs: `eval/data/<set>` for a set's file, else the file itself. */
const placeOf = (p) => (/^eval\/data\/[^/]+\//.test(p) ? p.split('/').slice(0, 3).join('/') : p);

/** For every article, the first place at `base` that holds or names it ({held|quoted, where, how}), or nothing; and how
 *  many name-precision sample files hold a snippet of it. Later selectors (ner-fresh27) call it with their own base. */
export function seenAtBase(arts, root, base = BASE, own = 'eval/data/quotes/tools/held8') {
  const files = baseFiles(root, base, own);
  const found = new Map();
  const snippets = new Map();
  const note = (id, p, how) => {
    // the name-precision sample holds 240-character contexts of names, not articles: counted, not a skip
    if (SNIPPETS.test(p)) { const k = `${id}\t${p}`; if (!snippets.has(k)) snippets.set(k, how); return; }
    if (!found.has(id)) found.set(id, { reason: p.startsWith('eval/data/') ? 'held' : 'quoted', where: placeOf(p), how });
  };
  // 10-word windows of every article paragraph → the articles holding them
  const windows = new Map();
  for (const a of arts) for (const para of a.text.split('\n')) {
    const w = words(para);
    for (let i = 0; i + WINDOW <= w.length; i++) { const k = w.slice(i, i + WINDOW).join(' '); const l = windows.get(k); if (l) { if (!l.includes(a.id)) l.push(a.id); } else windows.set(k, [a.id]); }
  }
  const titles = arts.map((a) => [a.id, (a.title ?? '').toLowerCase()]).filter(([, t]) => t.length >= 12);
  const pages = new Map();
  for (const a of arts) for (const k of [pageKey(a.id), a.url ? pageKey(a.url) : '']) if (k) pages.set(k, a.id);
  // eval/data first, so an article a set holds is recorded as held
  const order = [...files.keys()].sort((x, y) => Number(!x.startsWith('eval/data/')) - Number(!y.startsWith('eval/data/')) || (x < y ? -1 : 1));
  for (const p of order) {
    const text = files.get(p);
    if (!CANDIDATE_LISTS.test(p)) {
      const lower = text.toLowerCase();
      for (const [id, t] of titles) if (lower.includes(t)) note(id, p, 'title');
      for (const m of text.matchAll(/(?:wikinews\.org\/wiki\/|wikinews:)([^\s"'<>|)\]}]+)/g)) { const id = pages.get(pageKey(m[1])); if (id) note(id, p, 'id or page'); }
    }
    const w = words(text);
    for (let i = 0; i + WINDOW <= w.length; i++) { const l = windows.get(w.slice(i, i + WINDOW).join(' ')); if (l) for (const id of l) note(id, p, 'paragraph words'); }
  }
  const touched = new Map();
  for (const k of snippets.keys()) { const id = k.split('\t')[0]; touched.set(id, (touched.get(id) ?? 0) + 1); }
  return { found, touched };
}

/** GUM: train news/interview documents by title and page; dev/test ones (never opened) by their name word. */
export function gumCheck(root = process.cwd()) {
  const gum = join(root, '../shared/data/gum');
  const splits = readFileSync(join(gum, 'splits.md'), 'utf8');
  const bySplit = new Map();
  let split = '';
  for (const line of splits.split('\n')) { const h = /^## (\S+)/.exec(line); if (h) split = h[1]; const d = /^\s*\* (GUM_\w+)/.exec(line); if (d) bySplit.set(d[1], split); }
  const wikinews = [...bySplit.keys()].filter((n) => /^GUM_(news|interview)_/.test(n));
  const train = [];
  for (const f of readdirSync(join(gum, 'dep')).filter((x) => x.endsWith('.conllu'))) {
    const name = f.replace(/\.conllu$/, '');
    if (bySplit.get(name) !== 'train' || !wikinews.includes(name)) continue;
    const head = readFileSync(join(gum, 'dep', f), 'utf8').slice(0, 4000);
    train.push({ name, title: (/# meta::title = (.*)/.exec(head)?.[1] ?? '').trim().toLowerCase(), page: pageKey(/# meta::sourceURL = (.*)/.exec(head)?.[1] ?? '') });
  }
  const unopened = wikinews.filter((n) => bySplit.get(n) !== 'train').map((n) => [n, n.replace(/^GUM_(news|interview)_/, '').toLowerCase()]);
  return (a) => {
    const title = (a.title ?? '').toLowerCase(), page = pageKey(a.url ?? a.id);
    const t = train.find((g) => (g.title && g.title === title) || (g.page && g.page === page));
    if (t) return `${t.name} (title or page)`;
    const titleWords = new Set([...words(title), ...words(page)]);
    const u = unopened.find(([, w]) => titleWords.has(w));
    return u ? `${u[0]} (name word "${u[1]}" in the title or page; ${bySplit.get(u[0])}, not opened)` : undefined;
  };
}

/** The attribution signs of a text: quotation marks plus paragraphs holding a speech word. */
export const signs = (text) => (text.match(/["“”]/g) ?? []).length + text.split('\n').filter((p) => SPEECH.test(p)).length;

/**
 * A salted walk of the file's Wikinews articles (held8's; ner-fresh27 walks the same way with its own salt, base and
 * filters): in the order of SHA-1(salt + id), up to the `take`-th article taken, each skipped for the first reason that
 * holds — held / quoted at `base` (`seenAtBase`), gum, copy of an article taken before, then `skipOf(article, text)` (the
 * walk's own filters; a reason or undefined). `fields(text)` adds a walk's own columns to each record. Taken articles
 * alternate halves in taken order (1st A, 2nd B …).
 */
export function saltedWalk({ root = process.cwd(), salt, take, base = BASE, own = 'eval/data/quotes/tools/held8', skipOf, fields = () => ({}) }) {
  const arts = articles(root).sort((a, b) => (sha(salt + a.id) < sha(salt + b.id) ? -1 : 1));
  const { found: seen, touched } = seenAtBase(arts, root, base, own);
  const gum = gumCheck(root);
  const out = [];
  const taken = [];
  for (const a of arts) {
    if (taken.length >= take) break;
    const text = a.text.split('\n').map((p) => p.trim()).filter(Boolean).join('\n');
    const s = seen.get(a.id);
    let skip;
    if (s) skip = `${s.reason}: ${s.where} (${s.how})`;
    else if (gum(a)) skip = `gum: ${gum(a)}`;
    else {
      const copy = taken.find((t) => t.title.toLowerCase() === (a.title ?? '').toLowerCase() || pageKey(t.url ?? t.id) === pageKey(a.url ?? a.id) || t.text.slice(0, 200) === text.slice(0, 200));
      skip = copy ? `copy: of ${copy.id}` : skipOf(a, text);
    }
    const rec = { id: a.id, hash: sha(salt + a.id).slice(0, 12), chars: text.length, ...fields(text), skip, sampled: touched.get(a.id) ?? 0 };
    if (!skip) { rec.half = taken.length % 2 === 0 ? 'A' : 'B'; taken.push({ ...a, text }); }
    out.push(rec);
  }
  return { walked: out, taken };
}

/** The walk: the pool in SHA-1 order up to the TAKE-th taken article, each with its half or the reason it was skipped. */
export function walk(root = process.cwd()) {
  return saltedWalk({ root, salt: SALT, take: TAKE, fields: (text) => ({ signs: signs(text) }), skipOf: (a, text) => {
    const labels = text.split('\n').filter((p) => /^[A-Z][\w .'’()-]{0,40}:\s/.test(p)).length;
    if (/wikinews shorts/i.test(a.title ?? '') || labels >= 5) return `form: ${labels >= 5 ? `a transcript (${labels} labelled paragraphs)` : 'a Wikinews Shorts digest'}`;
    if (text.length < MIN_CHARS || text.length > MAX_CHARS) return `length: ${text.length} characters`;
    if (signs(text) < MIN_SIGNS) return `few: ${signs(text)} attribution signs`;
    return undefined;
  } });
}

/** The ids taken, in taken order. */
export const takenIds = (root = process.cwd()) => walk(root).taken.map((a) => a.id);
/** A for the 1st, 3rd … taken article, B for the 2nd, 4th …; undefined for an article not taken. */
export const halfOf = (ids, id) => { const i = ids.indexOf(id); return i < 0 ? undefined : i % 2 === 0 ? 'A' : 'B'; };

/** A title's slug: `prefix` and its first four content words. */
export const slugOf = (prefix, t) => prefix + t.toLowerCase().normalize('NFKD').replace(/[^a-z0-9 ]+/g, ' ').split(/\s+/)
  .filter((w) => w && !/^(a|an|the|of|in|on|to|for|and|at|as|by)$/.test(w)).slice(0, 4).join('-');
export const slug = (t) => slugOf('h8-', t);

/** A taken article as a set's record: text as the file gives it, paragraphs joined by blank lines; `more` adds fields. */
export function wikinewsRecord(a, { split, half, slugPrefix, more = {} }) {
  const text = a.text.split('\n').join('\n\n');
  const url = a.url ?? `https://en.wikinews.org/wiki/${a.id.replace(/^wikinews:/, '')}`;
  return { id: a.id, slug: slugOf(slugPrefix, a.title), origin: 'wikinews', split, half, title: a.title, date: a.date ?? null, url, licence: 'CC BY 2.5',
    attribution: `Wikinews contributors, English Wikinews (${url}); text from ../shared/data/unlabelled/news-en.jsonl.gz (${a.source ?? 'Wikinews'}) as given there; paragraphs joined by blank lines`, ...more, text };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [cmd] = process.argv.slice(2);
  if (cmd === 'order') {
    const { walked } = walk();
    for (const r of walked) console.log(`${r.hash}\t${r.half ?? '-'}\t${r.chars}\t${r.signs}\t${r.id}${r.skip ? `\tSKIP ${r.skip}` : ''}`);
    console.log(`# ${walked.length} walked, ${walked.filter((r) => r.half).length} taken, ${walked.filter((r) => r.skip).length} skipped`);
  } else if (cmd === 'add') {
    const { taken } = walk();
    taken.forEach((a, i) => {
      const rec = wikinewsRecord(a, { split: 'held8', half: i % 2 === 0 ? 'A' : 'B', slugPrefix: 'h8-' });
      appendFileSync('eval/data/quotes/docs.jsonl', JSON.stringify(rec) + '\n');
      console.log(`${rec.slug}\t${rec.half}\t${rec.text.split(/\s+/).length}`);
    });
  } else { console.error('usage: held8.mjs order | add'); process.exit(1); }
}
