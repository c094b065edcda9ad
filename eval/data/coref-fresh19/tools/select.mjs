// fresh19 (issues 22/23): a third fresh coreference set, English Wikinews news articles and interview parts taken from
// AMALGUM (gucorpling/amalgum; Wikinews texts, CC BY 2.5; AMALGUM's machine annotations are not used, only the words).
// The snapshot is too big to fetch, so files are read one at a time and their text rebuilt by hand from the token lines.
// Selection, fixed and committed before any of these files was read:
//   news:      `amalgum/news/xml`, the 100 names held3 listed (the listing tool gives no more of that folder) less every
//              name held3 or fresh13 read: each one's SHA-1 order up to the last name it took (taken or skipped alike);
//   interview: `amalgum/interview/xml`, the 100 names fresh13 listed less every name fresh13 or fresh16 read (each one's
//              order up to the last name it took);
//   both:      less any name that is also a GUM document's name (GUM_<genre>_<name>, any split; names only compared).
// Each genre ordered by SHA-1("fresh19:" + document id) and taken in that order, news until NEWS_TAKEN documents are
// taken, interviews until INTERVIEWS_TAKEN, skipping mechanically (recorded in SKIPPED with the rule, after reading):
//   - files over 16,000 characters of XML (fresh13's rule; about 800 words), "Wikinews Shorts" digests;
//   - a part of an interview fresh13 or fresh16 used, or of one fresh19 already took (one part per interview; same page);
//   - a document whose id, title, Wikinews page or opening is in ../shared/data/unlabelled, an eval/data set,
//     examples/wikinews or GUM (title, URL, name).
// Halves, fixed here: within each genre the taken documents ordered by SHA-1("fresh19-half:" + id); the first half of
// them (rounded up) is A, the rest B — news 5/5, interviews 3/3. The set is unseen whole until the lead decides.
//   node eval/data/coref-fresh19/tools/select.mjs      prints each genre's order: genre, name, half (taken only), file
import { createHash } from 'node:crypto';
import { LISTED as HELD3_LISTED, order as held3Order } from '../../quotes/tools/held3.mjs';
import { INTERVIEWS as FRESH13_INTERVIEWS, order as fresh13Order } from '../../coref-fresh/tools/select.mjs';
import { order as fresh16Order, taken as fresh16Taken } from '../../coref-fresh16/tools/select.mjs';

const sha = (s) => createHash('sha1').update(s).digest('hex');
export const NEWS_TAKEN = 10;
export const INTERVIEWS_TAKEN = 6;
/** What the earlier sets took from these folders (their docs.jsonl): held3's 24 news, fresh13's 8 news and 4 interviews. */
export const HELD3_TOOK = `annan boycotts bombings buffon aftershocks approves afghanistan africans aires brady abortion anjouan bin carbon
catholic benin bomb ariane airasia airlines bianchi aged administered binyam`.split(/\s+/);
export const FRESH13_TOOK = { news: ['aussie', 'bush', 'brussels', 'astronomers', 'aretha', 'amtrak', 'arabia', 'barlow'], interview: ['andrea', 'asia', 'blogger', 'amir'] };
/** GUM's news and interview documents, every split (../shared/data/gum/dep and splits.md): names only. */
export const GUM_NAMES = `ants brotherhood chomsky cocktail cyclone daly dungeon gaming herrick hill libertarian licen mcguire mckenzie messina
onion peres shalev stardust afghan asylum clock crane defector election expo flag hackers homeopathic ie9 imprisoned iodine korea lanterns nasa
questionnaire sensitive soccer stampede taxes warhol warming worship`.split(/\s+/);
/** An order read up to (and with) the last name taken from it. */
const readUpTo = (order, took) => order.slice(0, Math.max(...took.map((n) => order.indexOf(n))) + 1);
export const READ_BEFORE = {
  news: [...readUpTo(held3Order(), HELD3_TOOK), ...readUpTo(fresh13Order('news'), FRESH13_TOOK.news)],
  interview: [...readUpTo(fresh13Order('interview'), FRESH13_TOOK.interview), ...readUpTo(fresh16Order('interview'), fresh16Taken('interview'))],
};
export const POOL = {
  news: HELD3_LISTED.filter((n) => !READ_BEFORE.news.includes(n) && !GUM_NAMES.includes(n)),
  interview: FRESH13_INTERVIEWS.filter((n) => !READ_BEFORE.interview.includes(n) && !GUM_NAMES.includes(n)),
};
/** The names skipped on the way, mechanically, with the rule that skipped them (recorded after reading). */
export const SKIPPED = {
  bicentennial: '18,952 characters of XML',
  ahmadinejad: '17,675 characters of XML',
  badminton: '20,219 characters of XML',
  brazilian: '20,584 characters of XML',
  bangladesh: 'a "Wikinews Shorts" digest (April 22, 2007)',
};
export const FOLDER = { news: 'amalgum/news/xml', interview: 'amalgum/interview/xml' };
export const idOf = (genre, name) => `AMALGUM_${genre}_${name}`;
export const order = (genre) => [...POOL[genre]].sort((a, b) => (sha(`fresh19:${idOf(genre, a)}`) < sha(`fresh19:${idOf(genre, b)}`) ? -1 : 1));
/** What the rule took: the first NEWS_TAKEN / INTERVIEWS_TAKEN names of each order less the skips. */
export const taken = (genre) => order(genre).filter((n) => !(n in SKIPPED)).slice(0, genre === 'news' ? NEWS_TAKEN : INTERVIEWS_TAKEN);
/** The half of a taken document (`amalgum:AMALGUM_<genre>_<name>` or without the prefix); undefined for any other id. */
export function halfOf(id) {
  const m = /^(?:amalgum:)?AMALGUM_(news|interview)_([a-z]+)$/.exec(id);
  if (!m) return undefined;
  const ids = taken(m[1]).map((n) => idOf(m[1], n)).sort((a, b) => (sha(`fresh19-half:${a}`) < sha(`fresh19-half:${b}`) ? -1 : 1));
  const rank = ids.indexOf(idOf(m[1], m[2]));
  return rank < 0 ? undefined : rank < Math.ceil(ids.length / 2) ? 'A' : 'B';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const genre of ['news', 'interview']) for (const n of order(genre)) console.log(`${genre}\t${n}\t${halfOf(idOf(genre, n)) ?? '-'}\t${FOLDER[genre]}/${idOf(genre, n)}.xml`);
}
