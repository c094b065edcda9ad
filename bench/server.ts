/**
 * Store and API benchmark: builds a store of ≥ 5,000 synthetic case articles (people drawn
 * from a pool with a long tail, spelling variants, family relations, abductions, releases,
 * quotes), measures ingest in documents/s into SQLite and (when CHRONICLE_TEST_PG or
 * CHRONICLE_BENCH_PG is set) PostgreSQL, then serves each store on loopback and measures
 * requests/s and latency percentiles with autocannon for entity search, timeline, entity
 * profile and document pages.
 *
 *   npm run bench:server                    # 5,000 documents, 8 s per route
 *   BENCH_DOCS=10000 BENCH_SECONDS=15 npm run bench:server
 *   BENCH_KEEP_DIR=/tmp/b npm run bench:server     # keep the SQLite store (/tmp/b/bench.db)
 *   BENCH_PG_SCHEMA=bench_keep npm run bench:server   # keep the PostgreSQL store in that schema
 *   BENCH_ONLY=sqlite|pg                            # one back end only
 *   BENCH_CLIENT=inline                             # autocannon in the server's thread (before 7 Dec)
 */
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEMA_VERSION, type Result } from '../src/output/schema.js';
import { openStore, type Store } from '../src/store/index.js';
import { startServer } from '../src/cli/commands/serve.js';
import { startupReport } from './startup.js';

const require = createRequire(import.meta.url);
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { average: number; p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
}
const autocannon = require('autocannon') as (opts: object) => Promise<AutocannonResult>;

const DOCS = Number(process.env.BENCH_DOCS ?? 5000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const PG = process.env.CHRONICLE_BENCH_PG ?? process.env.CHRONICLE_TEST_PG ?? null;
const ONLY = process.env.BENCH_ONLY ?? '';
const KEEP_PG_SCHEMA = process.env.BENCH_PG_SCHEMA ?? null;
/** BENCH_CLIENT=inline: autocannon in the server's own thread, as before 7 Dec (for comparison) */
const INLINE_CLIENT = process.env.BENCH_CLIENT === 'inline';

// a small seeded PRNG so runs are comparable
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
/** long-tailed choice: a few items are very frequent, most are rare */
const zipf = <T>(xs: readonly T[]) => xs[Math.min(xs.length - 1, Math.floor(Math.pow(rand(), 2.2) * xs.length))];

const GIVEN = ['Alexander', 'Yelena', 'Irina', 'Dmitry', 'Sapir', 'Noa', 'Ori', 'Yarden', 'Keith', 'Aviva', 'Gadi', 'Ofer', 'Tal', 'Liri', 'Karina', 'Daniella', 'Naama', 'Agam', 'Romi', 'Emily', 'Doron', 'Arbel', 'Eli', 'Or', 'Ohad', 'Sagui', 'Iair', 'Shiri', 'Yosef', 'Hisham', 'Avera', 'Omer', 'Eliya', 'Matan', 'Nimrod', 'Bar', 'Maxim', 'Evyatar', 'Rom', 'Segev'];
const SURNAME = ['Trufanov', 'Cohen', 'Levi', 'Mizrahi', 'Peretz', 'Biton', 'Dahan', 'Friedman', 'Katz', 'Azoulay', 'Malka', 'Hadad', 'Gabay', 'Ohana', 'Siegel', 'Yehoud', 'Berger', 'Sharabi', 'Kalderon', 'Horn', 'Dekel', 'Shoham', 'Angrest', 'Braslavski', 'Herkin', 'Tsurkov', 'Gonen', 'Alexandrov', 'Ivanov', 'Petrov'];
const VARIANT: Record<string, string> = { Trufanov: 'Trufanow', Alexandrov: 'Aleksandrov', Yelena: 'Elena', Irina: 'Irena', Ivanov: 'Iwanow', Petrov: 'Petrow', Alexander: 'Aleksandr' };
const PLACES = ['Nir Oz', 'Nahal Oz', 'Kfar Aza', 'Be’eri', 'Sderot', 'Ofakim', 'Gaza', 'Khan Younis', 'Rafah', 'Tel Aviv', 'Jerusalem', 'Cairo', 'Doha', 'Moscow', 'Ramallah', 'Nuseirat', 'Deir al-Balah', 'Re’im', 'Netiv HaAsara', 'Kissufim'];
const ORGS = ['Hamas', 'Islamic Jihad', 'Red Cross', 'Israel Defense Forces', 'United Nations', 'Hostages and Missing Families Forum', 'Kremlin', 'Qatari Foreign Ministry', 'Egyptian intelligence', 'Sheba Medical Center'];
const SOURCES = ['Example Wire', 'Daily Example', 'World Example News', 'Example Times', 'Example Post', 'Example Herald'];
const ROLES = ['mother', 'father', 'brother', 'sister', 'grandmother', 'son', 'daughter', 'wife', 'husband'];

const PEOPLE = [{ given: 'Alexander', surname: 'Trufanov' }, ...Array.from({ length: 3000 }, () => ({ given: pick(GIVEN), surname: pick(SURNAME) }))];
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** One synthetic article about one hostage, with offsets computed while writing it. */
function syntheticArticle(n: number): Result {
  // one in twenty articles is about the same hostage, so one case file grows large
  const person = rand() < 0.05 ? PEOPLE[0] : zipf(PEOPLE);
  const relative = pick(PEOPLE);
  const spell = (s: string) => (rand() < 0.3 && VARIANT[s] ? VARIANT[s] : s);
  const full = `${spell(person.given)} ${spell(person.surname)}`;
  const relName = `${spell(relative.given)} ${spell(person.surname)}`;
  const place = zipf(PLACES);
  const captor = zipf(ORGS.slice(0, 2));
  const mediator = pick(ORGS.slice(2));
  const taken = new Date(Date.UTC(2023, 9, 7 + (rand() < 0.1 ? 1 : 0)));
  const freed = new Date(Date.UTC(2023, 10, 24 + Math.floor(rand() * 500)));
  const published = new Date(freed.getTime() + 86400000 * Math.floor(rand() * 3));
  let text = '';
  const entities = new Map<string, { id: string; type: string; name: string; mentions: Array<{ start: number; end: number; text: string; kind: 'name' | 'nominal' | 'pronoun' }> }>();
  const spans: Record<string, { start: number; end: number }> = {};
  const sentences: Array<{ start: number; end: number }> = [];
  let sentenceStart = 0;
  const put = (s: string) => { text += s; };
  const ent = (id: string, type: string, name: string, surface = name) => {
    const start = text.length;
    put(surface);
    const e = entities.get(id) ?? { id, type, name, mentions: [] };
    e.mentions.push({ start, end: start + surface.length, text: surface, kind: 'name' });
    entities.set(id, e);
  };
  const mark = (key: string, s: string) => {
    spans[key] = { start: text.length, end: text.length + s.length };
    put(s);
  };
  const endSentence = (gap = ' ') => {
    sentences.push({ start: sentenceStart, end: text.length });
    put(gap);
    sentenceStart = text.length;
  };
  ent('e1', 'ORG', captor); put(' '); mark('release', 'released'); put(' '); ent('e2', 'PERSON', full); put(` on ${isoDay(freed)} after talks led by the `); ent('e3', 'ORG', mediator); put('.'); endSentence();
  ent('e2', 'PERSON', full, spell(person.surname)); put(' had been '); mark('abduct', 'abducted'); put(' from '); ent('e4', 'GPE', place); put(` on ${isoDay(taken)}.`); endSentence('\n\n');
  mark('rel', `His ${pick(ROLES)}`); put(', '); ent('e5', 'PERSON', relName); put(', said: '); mark('quote', `“We have waited ${Math.floor(rand() * 600)} days for this moment.”`); endSentence('\n\n');
  put(`Report number ${n} from the archive.`); endSentence('');
  const role = /His (\w+)/.exec(text.slice(spans.rel.start, spans.rel.end))![1];
  const sentenceOf = (pos: number) => sentences.findIndex((s) => pos >= s.start && pos < s.end);
  return {
    schema: SCHEMA_VERSION, id: `bench-${n}`, source: pick(SOURCES), url: null, title: `${full} freed after ${Math.round((freed.getTime() - taken.getTime()) / 86400000)} days`,
    published: isoDay(published), text, sentences, entities: [...entities.values()],
    quotes: [{ ...spans.quote, text: text.slice(spans.quote.start, spans.quote.end), speaker: 'e5', kind: 'direct' }],
    times: [],
    relations: [{ type: 'family', role, subject: 'e5', object: 'e2', ...spans.rel }],
    events: [
      { id: 'v1', type: 'RETREAT', mode: 'release', cameo: '0841', trigger: { ...spans.release, text: 'released' }, actor: ['e1'], recipient: ['e2'], date: { value: isoDay(freed), basis: 'explicit' }, location: null, factuality: 'asserted', confidence: null, negated: false, modality: null, reported_by: null, sentence: sentenceOf(spans.release.start) },
      { id: 'v2', type: 'ASSAULT', mode: 'abduct', cameo: '181', trigger: { ...spans.abduct, text: 'abducted' }, actor: [], recipient: ['e2'], date: { value: isoDay(taken), basis: 'explicit' }, location: 'e4', factuality: 'asserted', confidence: null, negated: false, modality: null, reported_by: null, sentence: sentenceOf(spans.abduct.start) },
    ],
  };
}

/** Search queries built from the articles' vocabulary, all different. */
function distinctQueries(n: number): string[] {
  const words = ['waited', 'days', 'moment', 'abducted', 'released', 'talks', 'report', 'archive', 'freed', ...PLACES.flatMap((p) => p.split(' ')), ...ORGS.flatMap((o) => o.split(' ')), ...SURNAME, ...GIVEN];
  const vocab = [...new Set(words)];
  const total = vocab.length ** 3;
  // k ↦ k·P mod total visits distinct triples (P prime, not a factor of total), spread over the vocabulary
  const P = 1_000_003;
  const out: string[] = [];
  for (let k = 0; k < Math.min(n, total); k++) {
    const i = (k * P) % total;
    out.push(`${vocab[i % vocab.length]} ${vocab[Math.floor(i / vocab.length) % vocab.length]} ${vocab[Math.floor(i / vocab.length ** 2)]}`);
  }
  return out;
}

async function ingestAll(store: Store, docs: Result[]): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < docs.length; i++) {
    await store.ingest(docs[i]);
    if ((i + 1) % 1000 === 0) process.stderr.write(`  ${i + 1} documents, ${((i + 1) / ((performance.now() - started) / 1000)).toFixed(0)} docs/s\n`);
  }
  return docs.length / ((performance.now() - started) / 1000);
}

async function measure(name: string, base: string, paths: string[]): Promise<{ route: string; rps: number; p50: number; p99: number; errors: number; requests: number }> {
  const r = await autocannon({
    url: base,
    connections: 10,
    duration: SECONDS,
    // the client in a worker thread of its own: in the server's thread, its reading of every body
    // (autocannon appends each response's bytes to a string) took a third of the thread's CPU on
    // the 25 KB gzipped case file and its pauses were counted as the server's latency
    ...(INLINE_CLIENT ? {} : { workers: 1 }),
    // as a browser asks (the web app's fetch): large answers come gzipped (src/server/cache.ts)
    headers: { 'accept-encoding': 'gzip, deflate, br' },
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  return { route: name, rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx, requests: r.requests.total };
}

async function benchStore(kind: string, store: Store, docs: Result[]) {
  // a kept store (BENCH_PG_SCHEMA, BENCH_KEEP_DIR) that already holds the documents is measured as it is
  const reused = (await store.stats()).documents >= docs.length;
  process.stderr.write(reused ? `${kind}: the store already holds the ${docs.length} documents; not ingested again\n` : `${kind}: ingesting ${docs.length} documents…\n`);
  const docsPerSecond = reused ? NaN : await ingestAll(store, docs);
  const stats = await store.stats();
  const server = await startServer({ db: '', port: 0, host: '127.0.0.1', token: null, readOnly: true }, store);
  try {
    const people = await store.searchEntities({ type: 'PERSON', limit: 200 });
    const busiest = people[0];
    const names = people.slice(0, 50).map((p) => p.name.split(' ').pop()!);
    const ids = people.slice(0, 100).map((p) => p.id);
    const docIds = Array.from({ length: 100 }, () => 1 + Math.floor(rand() * stats.documents));
    process.stderr.write(`${kind}: ${stats.documents} documents, ${stats.entities} identities; busiest person “${busiest.name}” in ${busiest.document_count} documents. Measuring ${SECONDS} s per route…\n`);
    const routes = [
      await measure('GET /api/entities?q=NAME (search)', server.url, names.map((n) => `/api/entities?q=${encodeURIComponent(n)}&type=PERSON`)),
      await measure('GET /api/entities/:id/timeline (100 people)', server.url, ids.map((id) => `/api/entities/${id}/timeline`)),
      await measure(`GET /api/entities/:id/timeline (busiest, ${busiest.document_count} docs)`, server.url, [`/api/entities/${busiest.id}/timeline`]),
      await measure('GET /api/entities/:id (profile)', server.url, ids.map((id) => `/api/entities/${id}`)),
      await measure('GET /api/documents/:id', server.url, docIds.map((id) => `/api/documents/${id}`)),
      await measure('GET /api/search?q=WORDS', server.url, ['waited days moment', 'abducted Nir Oz', 'released talks Red Cross'].map((q) => `/api/search?q=${encodeURIComponent(q)}`)),
      // answers are cached while the store does not change (src/server/cache.ts): distinct queries,
      // more than the run can ask, show what a search costs when it is not cached
      await measure('GET /api/search?q=WORDS (distinct queries, uncached)', server.url, distinctQueries(30000).map((q) => `/api/search?q=${encodeURIComponent(q)}`)),
    ];
    // the busiest case file built from the store itself (what the first request after a write pays)
    const cold: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await store.timeline(busiest.id);
      cold.push(performance.now() - t0);
    }
    cold.sort((a, b) => a - b);
    process.stderr.write(`${kind}: busiest timeline built from the store (cache miss): median ${cold[2].toFixed(0)} ms\n`);
    return { kind, docsPerSecond: Math.round(docsPerSecond), ...stats, busiest: { name: busiest.name, documents: busiest.document_count, uncachedTimelineMs: Math.round(cold[2]) }, routes };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const docs = Array.from({ length: DOCS }, (_, i) => syntheticArticle(i));
  const out = [];
  const dir = process.env.BENCH_KEEP_DIR ?? mkdtempSync(join(tmpdir(), 'chronicle-bench-'));
  try {
    if (ONLY !== 'pg') {
      const sqlite = await openStore(join(dir, 'bench.db'));
      try {
        out.push(await benchStore('sqlite', sqlite, docs));
      } finally {
        await sqlite.close();
      }
    }
    if (PG && ONLY !== 'sqlite') {
      const schema = KEEP_PG_SCHEMA ?? `bench_${process.pid}`;
      const pg = await openStore(PG, { pgSchema: schema });
      try {
        out.push(await benchStore('postgres', pg, docs));
      } finally {
        await pg.close();
      }
      if (!KEEP_PG_SCHEMA) {
        const { default: pgmod } = await import('pg');
        const c = new pgmod.Client({ connectionString: PG });
        await c.connect();
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
        await c.end();
      }
    } else if (!PG) process.stderr.write('PostgreSQL skipped: set CHRONICLE_BENCH_PG or CHRONICLE_TEST_PG=postgres://… to include it\n');
  } finally {
    if (!process.env.BENCH_KEEP_DIR) rmSync(dir, { recursive: true, force: true });
  }
  for (const r of out) {
    process.stdout.write(`\n${r.kind}: ingest ${Number.isNaN(r.docsPerSecond) ? '(not measured: a kept store)' : `${r.docsPerSecond} docs/s`} (${r.documents} documents, ${r.entities} identities, ${r.events} events); busiest case file built uncached in ${r.busiest.uncachedTimelineMs} ms\n`);
    process.stdout.write(`  ${'route'.padEnd(58)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)}\n`);
    for (const x of r.routes) process.stdout.write(`  ${x.route.padEnd(58)} ${String(x.rps).padStart(7)} ${String(x.p50).padStart(7)} ${String(x.p99).padStart(7)}${x.errors ? `  (${x.errors} errors)` : ''}\n`);
  }
  process.stdout.write(`\n${JSON.stringify({ node: process.version, docs: DOCS, seconds: SECONDS, connections: 10, results: out })}\n`);
}

await main();

// whole-process start-up on a tiny document, beside compromise and wink, in the same run (issue 20)
if (process.env.BENCH_STARTUP !== '0') for (const line of startupReport(Number(process.env.BENCH_STARTUP_ROUNDS ?? 3))) console.log(line);
