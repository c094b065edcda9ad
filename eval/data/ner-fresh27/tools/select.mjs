// ner-fresh27 (seventeenth session, nerfresh27): a news NER set in two halves — A, a second readable development half next
// to ner-news A; B, unseen (the lead's). Source: the English Wikinews articles of ../shared/data/unlabelled/news-en.jsonl.gz
// (CC BY 2.5; vanatteveldt/wikinews and dimitrakatseli/Wikinews, commits in that file's README). Fixed and committed before
// any article was read; the model is the quote set held8 (eval/data/quotes/tools/held8.mjs, docs/quotes.md "Sixteenth
// session, fresh26"), whose held / quoted / gum checks this script calls with its own base.
//
// Pool: every `wikinews:` article of the file, ordered by SHA-1 of `ner-fresh27:` + id (a new salt). Walked in that order,
// never a later article before an earlier one; an article is skipped, mechanically, with the first of these reasons that
// holds:
//   1. held   — a set under eval/data holds it at BASE (main when this set was chosen, which holds held8, the coreference
//               fresh sets, ner-news, ner-fresh22/23, events, places, times): its id, title or Wikinews page is written in
//               one of the set's files, or 10 running words of one of its paragraphs are (held8's check, `seenAtBase`).
//               Lists of unused candidates are not sets; the name-precision sample (240-character snippets around 600
//               judged PERSON/ORG mentions of 157 of the file's articles) is counted, not skipped (column `sampled`): with
//               it, held8 found 4 of the 330 articles left, before held8 took 16 more;
//   2. quoted — the same check on the rest of the repository at BASE (docs, test, src, train, bench, examples, lexicon,
//               README): an article a round quoted or named while reading;
//   3. gum    — a GUM document of any split: a train document's title or page (only GUM train is opened), or a dev/test
//               news or interview document's name word in the title or page (never opened; held8's `gumCheck`);
//   4. copy   — the same title, Wikinews page or opening 200 characters as an article taken before;
//   5. form   — a "Wikinews Shorts" digest (unrelated items, not an article);
//   6. length — text (paragraphs joined by newlines) under 1,500 or over 9,000 characters (a document one can annotate
//               carefully in one reading);
//   7. few    — fewer than 8 capitalised words that are not sentence-initial per 1,000 characters (`capitalsPer1000`), so
//               that the document carries names.
// Caveats, recorded before reading: the quote rounds' sanity reads listed where their rules fire on every unused article of
// the file (docs/quotes.md), and train/ learns word representations and NER self-training from the file: the articles are
// unannotated and never scored as a names set, not unread by all. While looking at the file's fields (`zcat … | head -c
// 600`) the builder printed the opening 600 characters of the file's first line (Magnitogorsk building collapse, 2019).
// The first TAKE (16) articles not skipped are the set. Halves, fixed here before reading: the taken articles alternate in
// taken order, the 1st to A, the 2nd to B, the 3rd to A … (`halfOf`), so neither half is chosen by content. If fewer are
// annotated in time, the set is a prefix of the taken order (the first 12: 6 + 6), halves by the same rule.
// Usage (repository root):
//   node eval/data/ner-fresh27/tools/select.mjs order   the walk: every article up to the 16th taken, its half or skip
//   node eval/data/ner-fresh27/tools/select.mjs add N   append the first N taken articles (text as the file gives it,
//                                                       paragraphs joined by blank lines) to eval/data/ner-fresh27/docs.jsonl
import { appendFileSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { articles, gumCheck, pageKey, seenAtBase } from '../../quotes/tools/held8.mjs';

/** main when the set was chosen (seventeenth session's start): the sets and repository the held/quoted checks read. */
export const BASE = 'cd63cc648321eeb26385f470d89a3b9933c405f4';
export const SALT = 'ner-fresh27:';
export const TAKE = 16;
export const MIN_CHARS = 1500;
export const MAX_CHARS = 9000;
export const MIN_CAPITALS = 8;
export const DIR = 'eval/data/ner-fresh27';
const OWN = 'eval/data/ner-fresh27/';
const UNLABELLED = '../shared/data/unlabelled/news-en.jsonl.gz';

const sha = (s) => createHash('sha1').update(s).digest('hex');

/** Capitalised words (first letter upper case, after leading quotes and brackets) that do not open a paragraph or a
 *  sentence (the token before them does not end in . ! ? or :, closing quotes and brackets aside), per 1,000
 *  characters; "I" and its contractions are not counted. */
export function capitalsPer1000(text) {
  let n = 0;
  for (const para of text.split('\n')) {
    let initial = true;
    for (const tok of para.split(/\s+/).filter(Boolean)) {
      const w = tok.replace(/^[("“‘'[]+/, '');
      if (!initial && /^\p{Lu}/u.test(w) && !/^I(?:$|['’])/.test(w)) n++;
      initial = /[.!?:]["”’')\]]*$/.test(tok);
    }
  }
  return text.length ? (1000 * n) / text.length : 0;
}

/** The walk: the pool in SHA-1 order up to the TAKE-th taken article, each with its half or the reason it was skipped. */
export function walk(root = process.cwd()) {
  const arts = articles(root).sort((a, b) => (sha(SALT + a.id) < sha(SALT + b.id) ? -1 : 1));
  const { found: seen, touched } = seenAtBase(arts, root, BASE, OWN);
  const gum = gumCheck(root);
  const out = [];
  const taken = [];
  for (const a of arts) {
    if (taken.length >= TAKE) break;
    const text = a.text.split('\n').map((p) => p.trim()).filter(Boolean).join('\n');
    const caps = capitalsPer1000(text);
    const s = seen.get(a.id);
    let skip;
    if (s) skip = `${s.reason}: ${s.where} (${s.how})`;
    else if (gum(a)) skip = `gum: ${gum(a)}`;
    else {
      const copy = taken.find((t) => t.title.toLowerCase() === (a.title ?? '').toLowerCase() || pageKey(t.url ?? t.id) === pageKey(a.url ?? a.id) || t.text.slice(0, 200) === text.slice(0, 200));
      if (copy) skip = `copy: of ${copy.id}`;
      else if (/wikinews shorts/i.test(a.title ?? '')) skip = 'form: a Wikinews Shorts digest';
      else if (text.length < MIN_CHARS || text.length > MAX_CHARS) skip = `length: ${text.length} characters`;
      else if (caps < MIN_CAPITALS) skip = `few: ${caps.toFixed(1)} capitalised words not sentence-initial per 1,000 characters`;
    }
    const rec = { id: a.id, hash: sha(SALT + a.id).slice(0, 12), chars: text.length, caps: Math.round(caps * 10) / 10, skip, sampled: touched.get(a.id) ?? 0 };
    if (!skip) { rec.half = halfAt(taken.length); taken.push({ ...a, text }); }
    out.push(rec);
  }
  return { walked: out, taken };
}

/** A for the 1st, 3rd … taken article (index 0, 2 …), B for the 2nd, 4th …. */
export const halfAt = (k) => (k % 2 === 0 ? 'A' : 'B');
/** The ids taken, in taken order. */
export const takenIds = (root = process.cwd()) => walk(root).taken.map((a) => a.id);
/** The half of a taken id; undefined for an id not taken. */
export const halfOf = (ids, id) => { const i = ids.indexOf(id); return i < 0 ? undefined : halfAt(i); };

/** The file name (without .ann) of a document's annotation: a slug of its title. */
export const slug = (t) => 'f27-' + t.toLowerCase().normalize('NFKD').replace(/[^a-z0-9 ]+/g, ' ').split(/\s+/)
  .filter((w) => w && !/^(a|an|the|of|in|on|to|for|and|at|as|by)$/.test(w)).slice(0, 4).join('-');

if (import.meta.url === `file://${process.argv[1]}`) {
  const [cmd, n] = process.argv.slice(2);
  if (cmd === 'order') {
    const { walked } = walk();
    for (const r of walked) console.log(`${r.hash}\t${r.half ?? '-'}\t${r.chars}\t${r.caps}\t${r.sampled}\t${r.id}${r.skip ? `\tSKIP ${r.skip}` : ''}`);
    console.log(`# ${walked.length} walked, ${walked.filter((r) => r.half).length} taken, ${walked.filter((r) => r.skip).length} skipped`);
  } else if (cmd === 'add' && Number(n) > 0) {
    const { taken } = walk();
    const sha256 = createHash('sha256').update(readFileSync(UNLABELLED)).digest('hex');
    const have = new Set(readFileSync(`${DIR}/docs.jsonl`, { encoding: 'utf8', flag: 'a+' }).split('\n').filter(Boolean).map((l) => JSON.parse(l).id));
    taken.slice(0, Number(n)).forEach((a, i) => {
      if (have.has(a.id)) return;
      const text = a.text.split('\n').join('\n\n');
      const url = a.url ?? `https://en.wikinews.org/wiki/${a.id.replace(/^wikinews:/, '')}`;
      const rec = { id: a.id, slug: slug(a.title), origin: 'wikinews', split: 'ner-fresh27', half: halfAt(i), title: a.title, date: a.date ?? null, url, licence: 'CC BY 2.5',
        attribution: `Wikinews contributors, English Wikinews (${url}); text from ../shared/data/unlabelled/news-en.jsonl.gz (${a.source ?? 'Wikinews'}) as given there; paragraphs joined by blank lines`,
        source: { file: UNLABELLED.replace(/^\.\.\//, ''), sha256, repo: a.source ?? null }, text };
      appendFileSync(`${DIR}/docs.jsonl`, JSON.stringify(rec) + '\n');
      console.log(`${rec.slug}\t${rec.half}\t${text.split(/\s+/).length} words`);
    });
  } else { console.error('usage: select.mjs order | add N'); process.exit(1); }
}
