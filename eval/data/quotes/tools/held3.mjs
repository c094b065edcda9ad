// held3 (fresh12): English Wikinews articles taken from AMALGUM's news genre (gucorpling/amalgum, `amalgum/news/xml`),
// a machine-annotated GUM lookalike whose texts are Wikinews articles (CC BY 2.5); only the words are used.
// The snapshot is too big to fetch here, so files were read one at a time and their text rebuilt by hand from the token
// lines (paragraphs at <p>; title, dateline, figure captions, pull-quote boxes, "Sources" lists and interview transcripts left out).
// Selection, fixed before any file was read: the first 100 news file names the listing gives (alphabetical, abdelbaset … catholic),
// ordered by the SHA-1 of the document id `AMALGUM_news_<name>`, taken in that order, skipping
//   - "Wikinews Shorts" digests (not one article), files over 18,000 characters of XML (about 900 words),
//   - files with fewer than four cue words (said, told, according to, …) and fewer than two quotations,
//   - articles already in ../shared/data/unlabelled (title or URL), in any eval/data or test file, or a GUM document (title or URL).
// Halves: A when the first hex digit of SHA-1("held3-half:" + id) is below 8, else B (fixed per document).
// Usage (repository root):
//   node eval/data/quotes/tools/held3.mjs order              the 100 names in selection order
//   node eval/data/quotes/tools/held3.mjs add FILE...        append rebuilt texts (line 1 title, 2 URL, 3 date, then paragraphs) to docs.jsonl
import { amalgumSet, idOf } from './amalgum-set.mjs';

export const LISTED = `abdelbaset abortion adele administered afghanistan africans aftershock aftershocks aged agency ahmadinejad aid aids airasia aires
airlines airshow airstrikes aitchison ajax akihito alberto ali allegations ambitions amd amnesty amtrak anjouan annan annapolis approves arabia
archaeologist aretha argentina ariane armed arrests arrivederci arrives arsenal ashore asiana asteroid astronomers asylum atlantis atomic attracts
aussie austria baba badminton bailout bangladesh barca barlow barry basra bayern bbc beef benin benn betancourt bianchi bibliotheca bicentennial bin
binyam blackwater boeing bomb bomber bombings bonner bor borneo borussia boycott boycotts braces brady brazilian bribery brickyard broncos brussels
buffon bush california canadian cannabis capitals carbon cart cartoonist castro catholic`.split(/\s+/);
export { idOf };
const set = amalgumSet({ split: 'held3', prefix: 'h3', folder: 'amalgum/news/xml', listed: LISTED });
export const { halfOf, order } = set;

if (import.meta.url === `file://${process.argv[1]}`) set.main(process.argv.slice(2));
