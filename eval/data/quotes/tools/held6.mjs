// held6 (fresh17): a further fresh quote set, English Wikinews articles of AMALGUM's *extra* news folder (gucorpling/amalgum,
// `amalgum_extra/news/xml`, CC BY 2.5 text; only the words are used). Fixed and committed before any of these files was read.
// Pool: held4's 100 listed names (held4.mjs LISTED) less every name anyone here used or read:
//   - held4's 32 (held5.mjs HELD4_TOUCHED), held5's first 23 in its order (18 annotated, 5 skipped: held5.mjs SKIPPED),
//   - fresh16's news (eval/data/coref-fresh16/tools/select.mjs): its first 12 in its order, the 9 it took and the 3 it
//     read and skipped (salman, judge, atr) — 33 names no one has read.
// Order: SHA-1 of `held6:` + `AMALGUM_news_<name>` (a new salt: not held4/held5's order nor fresh16's). Taken in that order, a
// prefix of at least 10 documents (as many as the annotation time allows, never a later name before an earlier one), skipping
// mechanically as held5 did:
//   - "Wikinews Shorts" digests (not one article), files over 18,000 characters of XML (about 900 words),
//   - files with fewer than four cue words (said, told, according to, …) and fewer than two quotations,
//   - articles already in ../shared/data/unlabelled (title or URL), in any eval/data or test file, or a GUM document (title or URL).
// No halves: held6 is unseen whole (the lead runs it once, before and after a round). Texts rebuilt by hand from the token
// lines as for held4/held5 (paragraphs at <p>; title, dateline, captions, galleries, pull-quote boxes, "Have your say",
// section headings and "Sources" lists left out).
// Usage (repository root):
//   node eval/data/quotes/tools/held6.mjs order              the pool in selection order
//   node eval/data/quotes/tools/held6.mjs add FILE...        append rebuilt texts (line 1 title, 2 URL, 3 date, then paragraphs) to docs.jsonl
import { amalgumSet, idOf } from './amalgum-set.mjs';
import { LISTED } from './held4.mjs';
import { HELD4_TOUCHED, order as held5Order } from './held5.mjs';
import { order as fresh16Order } from '../../coref-fresh16/tools/select.mjs';

/** held5's first 23 names in its order: the 18 it annotated and the 5 it skipped. */
export const HELD5_TOUCHED = held5Order().slice(0, 23);
/** fresh16's news names up to its last taken (jong): 9 taken, 3 read and skipped (salman, judge, atr). */
export const FRESH16_TOUCHED = fresh16Order('news').slice(0, fresh16Order('news').indexOf('jong') + 1);
export const MIN_TAKEN = 10;
/** The names skipped on the way, mechanically, with the rule that skipped them (every other name up to the last used was annotated;
 * recorded after reading, 6 December 2026). */
export const SKIPPED = {
  chile: 'one cue word ("according to") and no quotation',
  sentamu: 'a "Wikinews Shorts" digest (December 7, 2008)',
  ozone: 'already a GUM document (GUM_news_warming, same Wikinews page) and in eval/data/times',
  mogadishu: '18,555 characters of XML',
  detailed: 'a report digest in lists: three cue words (reported, according to, says) and no quotation',
};
export { idOf };
const touched = new Set([...HELD4_TOUCHED, ...HELD5_TOUCHED, ...FRESH16_TOUCHED]);
const set = amalgumSet({ split: 'held6', prefix: 'h6', folder: 'amalgum_extra/news/xml', listed: LISTED.filter((n) => !touched.has(n)), halves: false, salt: 'held6:' });
export const { order } = set;

if (import.meta.url === `file://${process.argv[1]}`) set.main(process.argv.slice(2));
