// ner-fresh27 (seventeenth session, nerfresh27): a news NER set in two halves — A, a second readable development half next
// to ner-news A; B, unseen (the lead's). Source: the English Wikinews articles of ../shared/data/unlabelled/news-en.jsonl.gz
// (CC BY 2.5; vanatteveldt/wikinews and dimitrakatseli/Wikinews, commits in that file's README). Fixed and committed before
// any article was read; the model is the quote set held8 (eval/data/quotes/tools/held8.mjs, docs/quotes.md "Sixteenth
// session, fresh26"), whose walk (`saltedWalk`: held / quoted / gum / copy checks) this script calls with its own salt,
// base and filters (moved onto it after the set was annotated; the order and records are unchanged).
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
import { saltedWalk, wikinewsRecord } from '../../quotes/tools/held8.mjs';
export { halfOf } from '../../quotes/tools/held8.mjs';

/** The rule: main when the set was chosen (the seventeenth session's start; the sets and repository the held/quoted checks
 *  read), the salt, how many are taken, the length window and the capitalised-word floor. */
export const RULE = Object.freeze({ base: 'cd63cc648321eeb26385f470d89a3b9933c405f4', salt: 'ner-fresh27:', take: 16, minChars: 1500, maxChars: 9000, minCapitals: 8 });
export const DIR = 'eval/data/ner-fresh27';
const UNLABELLED = '../shared/data/unlabelled/news-en.jsonl.gz';

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

/** The walk (held8's `saltedWalk` with this rule): the pool in SHA-1 order up to the 16th taken article, each with its
 *  half or the reason it was skipped, and its capitalised-word density (`caps`). */
export function walk(root = process.cwd()) {
  return saltedWalk({ root, salt: RULE.salt, take: RULE.take, base: RULE.base, own: `${DIR}/`,
    fields: (text) => ({ caps: Math.round(capitalsPer1000(text) * 10) / 10 }),
    skipOf: (a, text) => {
      if (/wikinews shorts/i.test(a.title ?? '')) return 'form: a Wikinews Shorts digest';
      if (text.length < RULE.minChars || text.length > RULE.maxChars) return `length: ${text.length} characters`;
      const caps = capitalsPer1000(text);
      return caps < RULE.minCapitals ? `few: ${caps.toFixed(1)} capitalised words not sentence-initial per 1,000 characters` : undefined;
    } });
}

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
      const rec = wikinewsRecord(a, { split: 'ner-fresh27', half: i % 2 === 0 ? 'A' : 'B', slugPrefix: 'f27-',
        more: { source: { file: UNLABELLED.replace(/^\.\.\//, ''), sha256, repo: a.source ?? null } } });
      appendFileSync(`${DIR}/docs.jsonl`, JSON.stringify(rec) + '\n');
      console.log(`${rec.slug}\t${rec.half}\t${rec.text.split(/\s+/).length} words`);
    });
  } else { console.error('usage: select.mjs order | add N'); process.exit(1); }
}
