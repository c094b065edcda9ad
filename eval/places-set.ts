/**
 * The places development set (eval/data/places/README.md): place mentions in English Wikinews
 * articles (CC BY 2.5, from ../shared/data/unlabelled), each with the country it lies in, written by
 * hand in eval/data/places/gold.tsv.
 *
 *   node dist/eval/places-set.js candidates [N]   print the candidate mentions of the first N
 *                                                 selected documents for annotation (no system answer)
 *
 * Candidates are the union of the recogniser's GPE/LOC/FAC name mentions and capitalised words the
 * gazetteer knows as a country, a region or a town of 100,000 people or more, so that a place the
 * recogniser misses still counts against coverage. loadPlacesSet() reads the gold file and checks
 * every span against the stored text.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { extractDoc } from '../src/extract.js';
import { gazetteer, PLACE_TYPES } from '../src/extract/places/index.js';

const here = dirname(fileURLToPath(import.meta.url));
export const PLACES_SET_DIR = join(here, '..', '..', 'eval', 'data', 'places');
const SHARED = process.env.CHRONICLE_DATA ?? join(here, '..', '..', '..', 'shared', 'data');

export interface NewsDoc {
  id: string;
  title: string;
  date: string;
  text: string;
  url: string;
}

export interface GoldPlace {
  doc: string;
  start: number;
  end: number;
  text: string;
  /** ISO 3166-1 alpha-2; '-' for a place in no one country (a sea, a continent, "the Middle East") */
  country: string;
}

export interface PlacesSetDoc extends NewsDoc {
  split: 'dev' | 'heldout';
  places: GoldPlace[];
}

/** The Wikinews articles of the unlabelled news file, in a fixed order that no reading chose. */
export function wikinewsDocs(): NewsDoc[] {
  const lines = gunzipSync(readFileSync(join(SHARED, 'unlabelled/news-en.jsonl.gz'))).toString('utf8').split('\n');
  const docs: NewsDoc[] = [];
  for (const line of lines) {
    if (!line.startsWith('{"id": "wikinews:')) continue;
    const d = JSON.parse(line) as NewsDoc;
    docs.push({ id: d.id, title: d.title, date: d.date, text: d.text, url: d.url });
  }
  const key = (id: string) => createHash('sha1').update(id).digest('hex');
  return docs.sort((a, b) => (key(a.id) < key(b.id) ? -1 : 1));
}

/** The text the pipeline reads: the headline, a blank line, the article. */
export function docText(d: NewsDoc): string {
  return `${d.title}\n\n${d.text}`;
}

interface Candidate {
  start: number;
  end: number;
  text: string;
  how: string;
}

/** Places the recogniser or the gazetteer would propose in a text (the annotation's candidates). */
function candidates(d: NewsDoc): Candidate[] {
  const text = docText(d);
  const doc = extractDoc({ id: d.id, text, published: d.date, title: d.title });
  const out = new Map<string, Candidate>();
  for (const e of doc.entities) {
    if (!PLACE_TYPES.has(e.type)) continue;
    for (const m of e.mentions) if (m.kind === 'name') out.set(`${m.start}`, { start: m.start, end: m.end, text: m.text, how: e.type });
  }
  const g = gazetteer();
  const big = (name: string) => g.lookup(name).some((p) => p.kind !== 'town' || p.population >= 100000);
  const sentenceStart = new Set(doc.sentences.map((s) => s.tokenStart));
  const toks = doc.tokens;
  for (let i = 0; i < toks.length; i++) {
    if (!/^\p{Lu}/u.test(toks[i].text) || sentenceStart.has(i)) continue;
    for (let n = Math.min(4, toks.length - i); n >= 1; n--) {
      const last = toks[i + n - 1];
      if (!/^\p{Lu}/u.test(last.text)) continue;
      const span = text.slice(toks[i].start, last.end);
      if (!big(span)) continue;
      const covered = [...out.values()].some((c) => c.start < last.end && c.end > toks[i].start);
      if (!covered) out.set(`${toks[i].start}`, { start: toks[i].start, end: last.end, text: span, how: 'gazetteer' });
      i += n - 1;
      break;
    }
  }
  return [...out.values()].sort((a, b) => a.start - b.start);
}

/** Read the gold file; every span must still match the stored text. */
export function loadPlacesSet(): PlacesSetDoc[] {
  const docs = new Map(wikinewsDocs().map((d) => [d.id, d]));
  const splits = new Map<string, 'dev' | 'heldout'>();
  const byDoc = new Map<string, GoldPlace[]>();
  const lines = readFileSync(join(PLACES_SET_DIR, 'gold.tsv'), 'utf8').split('\n');
  let header = true;
  for (const [n, line] of lines.entries()) {
    if (!line || line.startsWith('#')) continue;
    if (header) {
      header = false;
      continue;
    }
    const [split, id, start, end, text, country] = line.split('\t');
    const d = docs.get(id);
    if (!d) throw new Error(`eval/data/places/gold.tsv line ${n + 1}: no document ${id}`);
    const body = docText(d);
    if (body.slice(Number(start), Number(end)) !== text) throw new Error(`eval/data/places/gold.tsv line ${n + 1}: '${text}' is not at ${start}-${end} of ${id}`);
    if (country === 'x') continue; // a candidate that is no place
    if (!/^(?:[A-Z]{2}|-)$/.test(country)) throw new Error(`eval/data/places/gold.tsv line ${n + 1}: country '${country}' is no ISO code or '-'`);
    splits.set(id, split === 'heldout' ? 'heldout' : 'dev');
    const list = byDoc.get(id) ?? [];
    list.push({ doc: id, start: Number(start), end: Number(end), text, country });
    byDoc.set(id, list);
  }
  return [...byDoc].map(([id, places]) => ({ ...docs.get(id)!, split: splits.get(id)!, places }));
}

function main(): void {
  const [cmd, n] = process.argv.slice(2);
  if (cmd !== 'candidates') {
    console.error('usage: node dist/eval/places-set.js candidates [N]');
    process.exit(2);
  }
  const count = Number(n ?? 60);
  let k = 0;
  for (const d of wikinewsDocs()) {
    if (k >= count) break;
    const cands = candidates(d);
    if (cands.length < 3) continue;
    const split = k % 2 === 0 ? 'dev' : 'heldout';
    k++;
    console.log(`# ${d.id} (${split}) ${d.date}`);
    const text = docText(d);
    for (const c of cands) {
      const ctx = `${text.slice(Math.max(0, c.start - 50), c.start)}[${c.text}]${text.slice(c.end, c.end + 40)}`.replace(/\s+/g, ' ');
      console.log([split, d.id, c.start, c.end, c.text, '?', c.how, ctx].join('\t'));
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
