// fresh13 (issue 23): a fresh coreference set from English Wikinews articles and interviews, taken from AMALGUM
// (gucorpling/amalgum, `amalgum/news/xml` and `amalgum/interview/xml`; Wikinews texts, CC BY 2.5; AMALGUM's machine
// annotations are not used, only the words). Files are read one at a time and their text rebuilt by hand from the tokens.
// Selection, fixed before any file was read: the first 100 file names the listing tool gives for each genre
// (alphabetical), ordered by SHA-1("fresh13:" + document id), taken in that order, skipping
//   - every news file held3 (eval/data/quotes) took, and those its notes record as skipped (fresh12.md),
//   - "Wikinews Shorts" digests, files over 16,000 characters of XML (about 800 words),
//   - articles already in ../shared/data/unlabelled, any eval/data split or a GUM document (title or URL).
// Halves: A when the first hex digit of SHA-1("fresh13-half:" + id) is below 8, else B (fixed per document).
//   node eval/data/coref-fresh/tools/select.mjs order
import { createHash } from 'node:crypto';
import { LISTED as NEWS } from '../../quotes/tools/held3.mjs';

export const INTERVIEWS = `abuse abuses acagastya accent accolades aclu activist adam addiction administrator agastya alanna aleksander alex allen
alliance amanda ambassador amendment amir amy anais andrea andrew anger ani animal anonymous anorexia ants apathy appetite archives asaf
ashbridges asia assad assassin athlete atlanta attends atwood audition augustus awlaki bailing bailouts ballots ballroom bals bandwidth bang
baptist barack barbara barcelona basketball basketballer baugh bdsm beaches beck bees beijing beneficial bette bibbs bickerton bicuspids billion
bittorrent blaise blind block blog blogger bloomington bob bogosian bortenstein boulding bowery boyle brad bradfield brampton brant breasts brett
brian brownback bryant bryn budge budget businesses bylaw cailliau caitlin camaro`.split(/\s+/);
const sha = (s) => createHash('sha1').update(s).digest('hex');
export const idOf = (genre, name) => `AMALGUM_${genre}_${name}`;
export const halfOf = (id) => (parseInt(sha(`fresh13-half:${id}`)[0], 16) < 8 ? 'A' : 'B');
export const order = (genre) => [...(genre === 'news' ? NEWS : INTERVIEWS)].sort((a, b) => (sha(`fresh13:${idOf(genre, a)}`) < sha(`fresh13:${idOf(genre, b)}`) ? -1 : 1));

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const genre of ['news', 'interview']) for (const n of order(genre)) console.log(`${genre}\t${n}\t${halfOf(`amalgum:${idOf(genre, n)}`)}`);
}
