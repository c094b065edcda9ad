// held5 (fresh15): the next English Wikinews articles of AMALGUM's *extra* news folder (gucorpling/amalgum,
// `amalgum_extra/news/xml`, CC BY 2.5 text; only the words are used), in held4's committed order: the same 100 listed names
// (held4.mjs LISTED), ordered by the SHA-1 of `AMALGUM_news_<name>`, less every name held4 used or skipped (both halves).
// Fixed before any of these files was read. Unlike held3/held4 the set has no halves: it is unseen whole (the lead runs it
// once, before and after a round). Taken in that order, skipping mechanically as held3/held4 did:
//   - "Wikinews Shorts" digests (not one article), files over 18,000 characters of XML (about 900 words),
//   - files with fewer than four cue words (said, told, according to, …) and fewer than two quotations,
//   - articles already in ../shared/data/unlabelled (title or URL), in any eval/data or test file, or a GUM document (title or URL).
// Texts rebuilt by hand from the token lines as for held4 (paragraphs at <p>; title, dateline, captions, galleries,
// pull-quote boxes, "Have your say", section headings and "Sources" lists left out).
// Usage (repository root):
//   node eval/data/quotes/tools/held5.mjs order              the remaining names in selection order
//   node eval/data/quotes/tools/held5.mjs add FILE...        append rebuilt texts (line 1 title, 2 URL, 3 date, then paragraphs) to docs.jsonl
import { amalgumSet, idOf } from './amalgum-set.mjs';
import { LISTED } from './held4.mjs';

/** Every name held4 read or skipped (fresh14's notes and eval/data/quotes/README.md), half A then half B, in their order. */
export const HELD4_TOUCHED = `humanitarian passengers ron mubarak hsing correspondent australian collapse manning hebdo corruption cloning rape leaders
cfpb dow ravens sarkozy belgium gunman selek romanian kristian robben casinos autonomous gunn metre comey fashion palestinians pride`.split(/\s+/);
/** The names skipped on the way, mechanically, with the rule that skipped them (every other name up to the last used was annotated). */
export const SKIPPED = {
  hacksaw: 'one cue word and one quotation',
  fans: '18,391 characters of XML (an interview)',
  biologist: 'an interview transcript: no cue word or quotation in the prose',
  sheffield: 'a match report: no cue word or quotation',
  massachusetts: '18,645 characters of XML',
};
export { idOf };
const set = amalgumSet({ split: 'held5', prefix: 'h5', folder: 'amalgum_extra/news/xml', listed: LISTED.filter((n) => !HELD4_TOUCHED.includes(n)), halves: false });
export const { order } = set;

if (import.meta.url === `file://${process.argv[1]}`) set.main(process.argv.slice(2));
