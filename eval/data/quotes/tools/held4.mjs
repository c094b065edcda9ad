// held4 (fresh14): English Wikinews articles taken from AMALGUM's *extra* news folder (gucorpling/amalgum,
// `amalgum_extra/news/xml`, the documents beyond the genre-balanced 4M-token corpus), CC BY 2.5 text; only the words are used.
// held3 used the first 100 files of `amalgum/news/xml`; this folder holds 123 other news files, of which the listing gives
// the first 100 (alphabetical, afghan … sheffield). The snapshot is too big to fetch here, so files are read one at a time and
// their text rebuilt by hand from the token lines (paragraphs at <p>; title, dateline, figure captions, pull-quote boxes,
// "Sources" lists and interview transcripts left out), as for held3.
// Selection, fixed before any file was read: the 100 names, ordered by the SHA-1 of the document id `AMALGUM_news_<name>`;
// each half (A when the first hex digit of SHA-1("held4-half:" + id) is below 8, else B) takes its own first documents in that
// order, skipping (mechanically, as held3 did)
//   - "Wikinews Shorts" digests (not one article), files over 18,000 characters of XML (about 900 words),
//   - files with fewer than four cue words (said, told, according to, …) and fewer than two quotations,
//   - articles already in ../shared/data/unlabelled (title or URL), in any eval/data or test file, or a GUM document (title or URL).
// Usage (repository root):
//   node eval/data/quotes/tools/held4.mjs order              the 100 names in selection order, with their half
//   node eval/data/quotes/tools/held4.mjs add FILE...        append rebuilt texts (line 1 title, 2 URL, 3 date, then paragraphs) to docs.jsonl
import { readFileSync, appendFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

export const LISTED = `afghan agrees agriculture airliners allies anime announces arrested atr australian autonomous baghdad bahrain ban
belgium biologist blair brazil buddhist burns cabinet camp casinos cfpb chile classified cleo cloning collapse comey congolese
correspondent corruption dakar democrat detailed documentary dow draws egypt embassies emissions export fans fashion female fraud
gabon grave gunman gunn gymnastics hacksaw hebdo hoped hsing humanitarian japan jersey jerusalem jimmie jong judge kristian labs
leaders malaysia mandela manning marja marta massachusetts mcletchie metre misrata mogadishu mubarak nam nato ozone palestinians
parasite passengers pride rape ravens rehearsed revenue robben rocket romanian ron sadc salman sarkozy satellites selek senegal
sentamu sheffield`.split(/\s+/);
const sha = (s) => createHash('sha1').update(s).digest('hex');
export const idOf = (name) => `AMALGUM_news_${name}`;
export const halfOf = (id) => (parseInt(sha(`held4-half:${id}`)[0], 16) < 8 ? 'A' : 'B');
export const order = () => [...LISTED].sort((a, b) => (sha(idOf(a)) < sha(idOf(b)) ? -1 : 1));

const slug = (t) => 'h4-' + t.toLowerCase().normalize('NFKD').replace(/[^a-z0-9 ]+/g, ' ').split(/\s+/)
  .filter((w) => w && !/^(a|an|the|of|in|on|to|for|and|at|as|by)$/.test(w)).slice(0, 4).join('-');

if (import.meta.url === `file://${process.argv[1]}`) {
  const [cmd, ...files] = process.argv.slice(2);
  if (cmd === 'order') for (const n of order()) console.log(`${sha(idOf(n)).slice(0, 12)}\t${n}\t${halfOf(`amalgum:${idOf(n)}`)}`);
  else if (cmd === 'add') {
    for (const f of files) {
      const name = f.replace(/^.*\//, '').replace(/\.txt$/, '');
      const [title, url, date, ...rest] = readFileSync(f, 'utf8').split('\n');
      const id = `amalgum:${idOf(name)}`;
      const text = rest.join('\n').split('\n').map((p) => p.trim()).filter(Boolean).join('\n\n');
      const rec = { id, slug: slug(title), origin: 'wikinews', split: 'held4', half: halfOf(id), title, date, url, licence: 'CC BY 2.5',
        attribution: `Wikinews contributors, English Wikinews (${url}); text from AMALGUM (gucorpling/amalgum, amalgum_extra/news/xml/${idOf(name)}.xml), rebuilt by hand from its tokens; paragraphs joined by blank lines`,
        text };
      appendFileSync('eval/data/quotes/docs.jsonl', JSON.stringify(rec) + '\n');
      console.log(`${rec.slug}\t${rec.half}\t${text.split(/\s+/).length}`);
    }
  } else { console.error('usage: held4.mjs order | add FILE...'); process.exit(1); }
}
