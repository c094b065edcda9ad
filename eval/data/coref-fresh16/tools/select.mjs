// fresh16 (issue 23): a second fresh coreference set, English Wikinews news articles and interview parts taken from AMALGUM
// (gucorpling/amalgum; Wikinews texts, CC BY 2.5; AMALGUM's machine annotations are not used, only the words). Files are
// read one at a time (the snapshot is too big to fetch) and their text rebuilt by hand from the token lines.
// Selection, fixed and committed before any of these files was read:
//   news:      `amalgum_extra/news/xml`, the names held5 (eval/data/quotes/tools/held5.mjs) left: held4's 100 listed names
//              less the 32 held4 touched and the 23 held5 read or skipped (its first 23 in order) — 45 names no one has read;
//   interview: `amalgum/interview/xml`, the 100 names fresh13 listed (eval/data/coref-fresh/tools/select.mjs INTERVIEWS) less
//              the four fresh13 took (andrea, asia, blogger, amir) — 96 names;
// each genre ordered by SHA-1("fresh16:" + document id) and taken in that order, news until NEWS_TAKEN documents are taken,
// interviews until INTERVIEWS_TAKEN, skipping mechanically:
//   - files over 16,000 characters of XML (fresh13's rule; about 800 words), "Wikinews Shorts" digests;
//   - a part of an interview fresh13 used, or of one fresh16 already took (one part per interview);
//   - articles already in ../shared/data/unlabelled, any eval/data split, or a GUM document (title or URL).
// Halves: A when the first hex digit of SHA-1("fresh16-half:" + id) is below 8, else B — given for a later round; the set
// is unseen whole until the lead's first run.
//   node eval/data/coref-fresh16/tools/select.mjs order
import { createHash } from 'node:crypto';
import { order as held5Order } from '../../quotes/tools/held5.mjs';
import { INTERVIEWS as FRESH13_INTERVIEWS } from '../../coref-fresh/tools/select.mjs';

const sha = (s) => createHash('sha1').update(s).digest('hex');
export const NEWS_TAKEN = 9;
export const INTERVIEWS_TAKEN = 5;
/** held5's first 23 names in its order: the 18 it annotated and the 5 it skipped (fresh15's notes, held5.mjs SKIPPED). */
export const HELD5_TOUCHED = 23;
export const FRESH13_TOOK = ['andrea', 'asia', 'blogger', 'amir'];
export const POOL = {
  news: held5Order().slice(HELD5_TOUCHED),
  interview: FRESH13_INTERVIEWS.filter((n) => !FRESH13_TOOK.includes(n)),
};
/** The names skipped on the way, mechanically, with the rule that skipped them (recorded after reading, 6 Dec 2026). */
export const SKIPPED = {
  salman: 'a "Wikinews Shorts" digest (January 24, 2012)',
  judge: '17,730 characters of XML',
  atr: '23,130 characters of XML',
  anorexia: "part 7 of fresh13's interview (Andrea Muizelaar on fashion, anorexia, and life after 'Top Model')",
  brad: '18,098 characters of XML',
  brant: '16,424 characters of XML',
  appetite: 'part 10 of "Shimon Peres discusses the future of Israel": the same Wikinews page (URL) as GUM_interview_peres, a GUM training document',
};
/** What the rule took: the first NEWS_TAKEN / INTERVIEWS_TAKEN names of each order less the skips. */
export const taken = (genre) => order(genre).filter((n) => !(n in SKIPPED)).slice(0, genre === 'news' ? NEWS_TAKEN : INTERVIEWS_TAKEN);
export const FOLDER = { news: 'amalgum_extra/news/xml', interview: 'amalgum/interview/xml' };
export const idOf = (genre, name) => `AMALGUM_${genre}_${name}`;
export const halfOf = (id) => (parseInt(sha(`fresh16-half:${id}`)[0], 16) < 8 ? 'A' : 'B');
export const order = (genre) => [...POOL[genre]].sort((a, b) => (sha(`fresh16:${idOf(genre, a)}`) < sha(`fresh16:${idOf(genre, b)}`) ? -1 : 1));

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const genre of ['news', 'interview']) for (const n of order(genre)) console.log(`${genre}\t${n}\t${halfOf(`amalgum:${idOf(genre, n)}`)}\t${FOLDER[genre]}/${idOf(genre, n)}.xml`);
}
