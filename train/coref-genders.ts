/**
 * npm run build:coref-genders — given-name gender statistics for coreference, counted over the open
 * prose in ../shared/data/unlabelled (Wikinews and Wikipedia, CC BY-SA 3.0) and GUM's training
 * documents (CC BY), written to models/coref/given-names.tsv.gz with a manifest.
 *
 * Two kinds of evidence, both read from text only:
 *  - a biography page (its title a name, its opening "(born …" or a year in brackets) whose pronouns
 *    are overwhelmingly he/his or she/her: its given name counts once for that gender (weight 5);
 *  - a sentence whose first "Given Surname" (two capitalised words) comes early (its subject, most
 *    often) and is followed by a sentence that opens with He or She, or which goes on to his or her
 *    with no capitalised word between; a kinship or gendered role noun right before a name ("his
 *    wife Mary Smith", "actress Judy Davis"): weight 1.
 * Common words that start sentences ("The", "In") gather counts near the corpus' overall he/she ratio;
 * the resolver reads the table as a smoothed ratio, so they carry no information.
 */
import { createReadStream, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createGunzip, gzipSync } from 'node:zlib';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { gumCorefDocuments } from './coref-data.js';
import { KINSHIP } from '../src/extract/gazetteer-lists.js';

const UNLABELLED = join(process.cwd(), '..', 'shared', 'data', 'unlabelled', 'news-en.jsonl.gz');
const OUT_DIR = join(process.cwd(), 'models', 'coref');

type Counts = { m: number; f: number };
const counts = new Map<string, Counts>();
function add(name: string, g: 'm' | 'f', w: number): void {
  let c = counts.get(name);
  if (!c) counts.set(name, (c = { m: 0, f: 0 }));
  c[g] += w;
}

const NAME_WORD = /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u;
const MALE = /^(?:he|his|him|himself)$/;

function biography(title: string, text: string): void {
  if (!/^\p{Lu}[\p{L}'-]+(?: \p{Lu}\.?[\p{L}'.-]*){1,3}$/u.test(title)) return;
  if (!/\((?:born|c\.|\d{3,4}|\p{Lu}\p{Ll}+ \d{1,2}, \d{4})/u.test(text.slice(0, 400))) return;
  let m = 0;
  let f = 0;
  for (const w of text.toLowerCase().match(/\b(?:he|his|him|himself|she|her|hers|herself)\b/g) ?? []) {
    if (MALE.test(w)) m++;
    else f++;
  }
  if (m + f < 5) return;
  const first = title.split(' ')[0];
  if (!NAME_WORD.test(first)) return;
  if (m >= 4 * f) add(first, 'm', 5);
  else if (f >= 4 * m) add(first, 'f', 5);
}

function sentences(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?]["”]?)\s+(?=["“]?\p{Lu})/u);
}

/** Kinship nouns and gendered role nouns right before a name: "his wife, Mary Smith", "actress Judy Davis". */
const GENDERED_NOUNS = new Map<string, 'm' | 'f'>([
  ...[...KINSHIP].filter((e): e is [string, 'm' | 'f'] => e[1] === 'm' || e[1] === 'f'),
  ...['actress', 'queen', 'princess', 'duchess', 'countess', 'empress', 'spokeswoman', 'chairwoman', 'businesswoman', 'congresswoman', 'waitress', 'heiress', 'nun', 'ballerina', 'girl', 'woman', 'lady']
    .map((w): [string, 'f'] => [w, 'f']),
  ...['actor', 'king', 'prince', 'duke', 'count', 'emperor', 'spokesman', 'chairman', 'businessman', 'congressman', 'waiter', 'heir', 'monk', 'boy', 'man', 'sir']
    .map((w): [string, 'm'] => [w, 'm']),
]);

/**
 * The first "Given Surname" of a sentence (its subject, most often) and a pronoun that can only be
 * that person's: the next sentence opens with He or She, or the sentence goes on to his or her with
 * no capitalised word between. A gendered noun right before a name counts for it too.
 */
function cooccurrences(text: string): void {
  for (const paragraph of text.split('\n')) {
    const sents = sentences(paragraph);
    for (let s = 0; s < sents.length; s++) {
      const words = sents[s].split(/\s+/).map((w) => w.replace(/^["“(]+|[)"”,.;:!?]+$/g, ''));
      let first = -1;
      for (let i = 0; i + 1 < words.length; i++) {
        if (!NAME_WORD.test(words[i]) || !/^\p{Lu}[\p{L}'-]+$/u.test(words[i + 1]) || (i > 0 && /^\p{Lu}/u.test(words[i - 1]))) continue;
        const noun = i > 0 ? GENDERED_NOUNS.get(words[i - 1].toLowerCase()) : undefined;
        if (noun) add(words[i], noun, 1);
        if (first < 0) first = i;
      }
      if (first < 0 || first > 3) continue;
      const given = words[first];
      for (let k = first + 2; k < Math.min(words.length, first + 10); k++) {
        const w = words[k];
        if (/^\p{Lu}/u.test(w)) break;
        if (w === 'his') { add(given, 'm', 1); break; }
        if (w === 'her') { add(given, 'f', 1); break; }
      }
      const next = sents[s + 1]?.split(/\s+/)[0];
      if (next === 'He') add(given, 'm', 1);
      else if (next === 'She') add(given, 'f', 1);
    }
  }
}

async function main(): Promise<void> {
  const sha = createHash('sha256').update(readFileSync(UNLABELLED)).digest('hex');
  const rl = createInterface({ input: createReadStream(UNLABELLED).pipe(createGunzip()), crlfDelay: Infinity });
  let docs = 0;
  for await (const line of rl) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as { title: string; text: string };
    biography(d.title, d.text);
    cooccurrences(d.text);
    docs++;
  }
  let gumDocs = 0;
  for (const d of gumCorefDocuments()) {
    cooccurrences(d.text);
    gumDocs++;
  }
  const rows = [...counts].filter(([, c]) => c.m + c.f >= 2).sort((a, b) => (b[1].m + b[1].f) - (a[1].m + a[1].f) || (a[0] < b[0] ? -1 : 1));
  const tsv = 'name\tmale\tfemale\n' + rows.map(([n, c]) => `${n}\t${c.m}\t${c.f}`).join('\n') + '\n';
  mkdirSync(OUT_DIR, { recursive: true });
  const gz = gzipSync(tsv, { level: 9 });
  writeFileSync(join(OUT_DIR, 'given-names.tsv.gz'), gz);
  const total = rows.reduce((t, [, c]) => ({ m: t.m + c.m, f: t.f + c.f }), { m: 0, f: 0 });
  const manifest = {
    file: 'given-names.tsv.gz',
    sha256: createHash('sha256').update(gz).digest('hex'),
    what: 'given name → weighted counts of male and female evidence (he/his vs she/her), for coreference gender agreement',
    built_by: 'npm run build:coref-genders (train/coref-genders.ts)',
    data: [
      { name: 'news-en.jsonl.gz (../shared/data/unlabelled)', documents: docs, sha256: sha, licence: 'CC BY-SA 3.0 (Wikipedia contributors; Wikinews CC BY 2.5)' },
      { name: 'GUM training documents (../shared/data/gum/dep), text only', documents: gumDocs, licence: 'CC BY 4.0 annotations; texts CC BY 2.5 / CC BY-SA 3.0 / CC BY 4.0' },
    ],
    licence: 'CC BY-SA 3.0 (derived from Wikipedia text)',
    rows: rows.length,
    evidence: total,
  };
  writeFileSync(join(OUT_DIR, 'given-names.manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`${rows.length} given names from ${docs} + ${gumDocs} documents (evidence m ${total.m}, f ${total.f})`);
}

await main();
