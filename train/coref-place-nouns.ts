/**
 * npm run build:coref-place-nouns — which kind of place a common noun describes, learned from
 * unlabelled prose (../shared/data/unlabelled/news-en.jsonl.gz: Wikinews CC BY 2.5, Wikipedia
 * CC BY-SA 3.0) and the places gazetteer (models/places, GeoNames CC BY 4.0).
 *
 * An apposition says what a name is: "NAME, a|the (up to two modifiers) NOUN" ("Magnitogorsk, a city
 * in the Ural region", "Lombardy, the northern region of Italy"). Each name so apposed counts once for
 * its noun; when NAME is in the gazetteer, it counts too for the kind of place the name is (country,
 * region, town of at least MIN_TOWN people, or an area in no one country; a name several kinds bear
 * counts for each, shared).
 * The table (models/coref/place-nouns.tsv.gz) keeps every noun apposed at least MIN_SEEN times with
 * how many times, and how many of those to a place of each kind: "city" is apposed to places 9 times
 * in 10, "son" rarely. Coreference reads it for "the city", "the country", "the region".
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { gazetteer, type PlaceKind } from '../src/extract/places/gazetteer.js';

const SOURCE = join(process.cwd(), '..', 'shared', 'data', 'unlabelled', 'news-en.jsonl.gz');
const OUT_DIR = join(process.cwd(), 'models', 'coref');
const MIN_SEEN = 15;
/** a town's population for its name to count as a place's */
const MIN_TOWN = 50_000;
const KINDS: PlaceKind[] = ['country', 'region', 'town', 'area'];

const NAME = String.raw`(\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){0,2})`;
/** "Basra, a city in …", "Lombardy, the northern region of …" */
const APPOSED = new RegExp(String.raw`${NAME}, (?:the|a|an) (?:[a-z-]+ ){0,2}?([a-z]+)(?= of\b| in\b| on\b| near\b| and\b| that\b| which\b| where\b|[,.;])`, 'gu');

function main(): void {
  const gaz = gazetteer();
  const counts = new Map<string, Record<PlaceKind | 'apposed', number>>();
  const kindsOf = new Map<string, PlaceKind[]>();
  const kinds = (name: string): PlaceKind[] => {
    let k = kindsOf.get(name);
    // a town counts only when it is a large one: person names are the names of many small towns
    if (!k) kindsOf.set(name, (k = [...new Set(gaz.lookup(name).filter((p) => p.kind !== 'town' || p.population >= MIN_TOWN).map((p) => p.kind))]));
    return k;
  };
  const seen = new Set<string>();
  const count = (noun: string, name: string) => {
    // each name once per noun: one much-repeated apposition would otherwise make the noun's statistics
    const pair = `${noun}\t${name}`;
    if (seen.has(pair)) return;
    seen.add(pair);
    const ks = kinds(name);
    const c = counts.get(noun) ?? { apposed: 0, country: 0, region: 0, town: 0, area: 0 };
    c.apposed++;
    for (const k of ks) c[k] += 1 / ks.length;
    counts.set(noun, c);
  };
  const raw = readFileSync(SOURCE);
  let docs = 0;
  for (const line of gunzipSync(raw).toString('utf8').split('\n')) {
    if (!line) continue;
    const { text } = JSON.parse(line) as { text: string };
    docs++;
    for (const m of text.matchAll(APPOSED)) count(m[2], m[1]);
  }
  const rows = [...counts].filter(([, c]) => c.apposed >= MIN_SEEN).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const tsv = ['noun\tapposed\t' + KINDS.join('\t'), ...rows.map(([n, c]) => `${n}\t${c.apposed}\t${KINDS.map((k) => c[k].toFixed(1)).join('\t')}`)].join('\n') + '\n';
  const gz = gzipSync(Buffer.from(tsv, 'utf8'), { level: 9 });
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'place-nouns.tsv.gz'), gz);
  const manifest = {
    file: 'place-nouns.tsv.gz',
    sha256: createHash('sha256').update(gz).digest('hex'),
    what: 'common noun → how often it is apposed to a name ("NAME, a city …"), and how often that name is a country, a first-level region, a town or an area in the places gazetteer, for coreference of place descriptions',
    built_by: 'npm run build:coref-place-nouns (train/coref-place-nouns.ts)',
    data: [
      { name: 'unlabelled prose (../shared/data/unlabelled/news-en.jsonl.gz)', source_sha256: createHash('sha256').update(raw).digest('hex'), documents: docs, licence: 'CC BY-SA 3.0 (Wikipedia contributors); Wikinews part CC BY 2.5' },
      { name: 'places gazetteer (models/places, GeoNames)', licence: 'CC BY 4.0 (GeoNames)' },
    ],
    licence: 'CC BY-SA 3.0 (derived from Wikipedia text)',
    min_seen: MIN_SEEN,
    min_town_population: MIN_TOWN,
    rows: rows.length,
  };
  writeFileSync(join(OUT_DIR, 'place-nouns.manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`${rows.length} nouns (seen ≥ ${MIN_SEEN} times) from ${docs} documents → models/coref/place-nouns.tsv.gz (${gz.length} bytes)`);
}

main();
