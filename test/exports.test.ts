/**
 * The exports read back with real parsers: FollowTheMoney lines checked against FtM's own model
 * (test/support/ftm-schema.ts), the events CSV with csv-parse, GraphML with fast-xml-parser; on
 * both stores, for the whole store and for one case; through the CLI and the API.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Database from 'better-sqlite3';
import { article, backends, caseArticles, syndicatedRelease } from './store-fixtures.js';
import { checkFtm, ftmModel, type FtmLine } from './support/ftm-schema.js';
import { EXPORT_FORMATS, EXPORT_FORMAT_NAMES, exportFtm, parseExportFormat, type ExportFormat } from '../src/export/index.js';
import { EVENTS_CSV_COLUMNS } from '../src/export/events-csv.js';
import { ftmId } from '../src/export/ftm.js';
import { writesInPlace } from '../src/cli/commands/export.js';
import { openStore, type ExportScope, type Store } from '../src/store/index.js';
import type { Result } from '../src/output/schema.js';
import { buildServer } from '../src/server/index.js';

const BIN = join(process.cwd(), 'bin/chronicle');
const HOSTILE_NAME = '=Acme, "Holdings" & <Partners>\u0001';

/**
 * An article whose events and places carry place resolution as the places stage stores it: the
 * abduction's place from its sentence, the payment's from the dateline; an organisation whose
 * name holds a comma, quotes, markup, a control character and a leading "=", and a sentence
 * with a line break.
 */
function placeReport(): Result {
  const r = article({
    id: 'sahel-menaka', title: 'Engineer seized near Menaka', published: '2024-03-05', source: 'Example Sahel', url: 'https://example.org/sahel/1?a=1,2',
    paragraphs: [
      'Gunmen seized Alexander Trufanov, a citizen of Russia, near Menaka on Sunday.',
      'Acme Holdings said on Monday it had paid\nnothing to the kidnappers.',
    ],
    entities: [
      { id: 'e1', type: 'PERSON', name: 'Alexander Trufanov', mentions: ['Alexander Trufanov'] },
      { id: 'e2', type: 'GPE', name: 'Menaka', mentions: ['Menaka'] },
      { id: 'e3', type: 'ORG', name: HOSTILE_NAME, mentions: ['Acme Holdings'] },
      { id: 'e4', type: 'GPE', name: 'Russia', mentions: ['Russia'] },
    ],
    relations: [
      { type: 'membership', subject: 'e1', object: 'e3', near: 'Alexander Trufanov' },
      { type: 'citizenship', subject: 'e1', object: 'e4', near: 'a citizen of Russia' },
    ],
    events: [
      { id: 'v1', type: 'ASSAULT', mode: 'abduct', cameo: '181', trigger: 'seized', recipient: ['e1'], date: '2024-03-03', dateText: 'Sunday', location: 'e2' },
      { id: 'v2', type: 'AID', cameo: '07', trigger: 'paid', actor: ['e3'], recipient: ['e1'], date: '2024-03-04', dateText: 'Monday' },
    ],
  });
  // the shapes of result schema 1.5 (src/extract/places): entities[].place, events[].place and place_source
  const link = (id: string, name: string, feature: string, country: string, lat: number, lon: number) => ({
    place: { id, name, feature, country, admin1: null, lat, lon, margin: 99, evidence: [{ rule: 'population', detail: 'test', weight: 1 }] },
  });
  // actor codes as the actors stage gives them: a country prefix (RUS, MLI) or none (IGO)
  Object.assign(r.entities[0], { codes: [{ code: 'RUSCVL', source: 'test' }] });
  Object.assign(r.entities[2], { codes: [{ code: 'MLIBUS', source: 'test' }, { code: 'IGOUNO', source: 'test' }] });
  Object.assign(r.entities[3], link('iso:RU', 'Russia', 'PCLI', 'RU', 60, 100));
  Object.assign(r.entities[1], link('geonames:2454533', 'Ménaka', 'PPLA', 'ML', 15.9182, 2.4022));
  Object.assign(r.events[0], { place: { entity: 'e2', name: 'Ménaka', id: 'geonames:2454533', country: 'ML', lat: 15.9182, lon: 2.4022 }, place_source: 'sentence' });
  Object.assign(r.events[1], { place: { entity: null, name: 'Bamako', id: 'geonames:2460596', country: 'ML', lat: 12.65, lon: -8 }, place_source: 'dateline' });
  for (const ev of r.events.slice(2)) Object.assign(ev, { place: null, place_source: 'none' });
  return r;
}

/** The case articles (one with a locator that is not an http URL, as a feed may give), a syndicated copy and the placed report. */
const ARTICLES = (): Result[] => [...caseArticles.map((a) => (a.id === 'chess-trufanov' ? { ...a, url: 'www.example.org/sport/chess' } : a)), syndicatedRelease, placeReport()];

async function collect(chunks: AsyncGenerator<string>): Promise<string> {
  let s = '';
  for await (const c of chunks) s += c;
  return s;
}

async function exportText(store: Store, format: ExportFormat, entity?: number): Promise<string> {
  const reader = store.exportReader();
  const scope: ExportScope | null = entity === undefined ? { kind: 'store' } : await reader.caseScope(entity);
  assert.ok(scope, `identity ${entity} exists`);
  return collect(EXPORT_FORMATS[format].run(reader, scope));
}

/** Alexander Trufanov's identity (most documented Trufanov). */
async function trufanov(store: Store): Promise<number> {
  const people = await store.searchEntities({ q: 'Alexander Trufanov', type: 'PERSON' });
  assert.ok(people.length > 0);
  return people[0].id;
}

function csvRows(text: string): Array<Record<string, string>> {
  // strict RFC 4180: every record has the header's columns
  return parse(text, { columns: true, skip_empty_lines: false, relax_quotes: false, relax_column_count: false }) as Array<Record<string, string>>;
}

const xml = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, trimValues: false,
  isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name),
});

interface GraphNode { '@_id': string; data?: Array<{ '@_key': string; '#text'?: string }> }
interface GraphEdge extends GraphNode { '@_source': string; '@_target': string }

/** A GraphML file read back: its keys, nodes and edges with their data by key name. */
function readGraphml(text: string) {
  const valid = XMLValidator.validate(text);
  assert.equal(valid, true, `well-formed XML: ${JSON.stringify(valid)}`);
  const doc = xml.parse(text) as { graphml: { key: Array<Record<string, string>>; graph: { '@_edgedefault': string; node?: GraphNode[]; edge?: GraphEdge[] } } };
  const keys = new Map(doc.graphml.key.map((k) => [k['@_id'], { for: k['@_for'], name: k['@_attr.name'], type: k['@_attr.type'] }]));
  assert.equal(keys.size, doc.graphml.key.length, 'key ids are unique');
  const values = (el: GraphNode, kind: 'node' | 'edge') => {
    const out: Record<string, string> = {};
    for (const d of el.data ?? []) {
      const key = keys.get(d['@_key']);
      assert.ok(key, `data key ${d['@_key']} is declared`);
      assert.equal(key.for, kind, `key ${d['@_key']} is for ${kind}s`);
      if (key.type === 'int' || key.type === 'double') assert.ok(Number.isFinite(Number(d['#text'])), `${key.name} is a number`);
      out[key.name] = d['#text'] ?? '';
    }
    return out;
  };
  const nodes = new Map((doc.graphml.graph.node ?? []).map((n) => [n['@_id'], values(n, 'node')]));
  assert.equal(nodes.size, (doc.graphml.graph.node ?? []).length, 'node ids are unique');
  const edges = (doc.graphml.graph.edge ?? []).map((e): Record<string, string> => {
    assert.ok(nodes.has(e['@_source']) && nodes.has(e['@_target']), `edge ${e['@_id']} joins two nodes of the file`);
    return { source: e['@_source'], target: e['@_target'], ...values(e, 'edge') };
  });
  return { directed: doc.graphml.graph['@_edgedefault'] === 'directed', keys, nodes, edges };
}

test('the FtM check refuses what FtM would: unknown schema or property, a missing required property, bad values, dangling or mistyped references', () => {
  const line = (e: object) => JSON.stringify(e);
  const person = { id: 'p1', schema: 'Person', properties: { name: ['A'] } };
  assert.deepEqual(checkFtm(line(person)).problems, []);
  const bad = [
    { id: 'x1', schema: 'Human', properties: {} },
    { id: 'x2', schema: 'Person', properties: { name: ['B'], shoeSize: ['42'] } },
    { id: 'x3', schema: 'Person', properties: { alias: ['C'] } },
    { id: 'x4', schema: 'Person', properties: { name: ['D'], nationality: ['Narnia'] } },
    { id: 'x5', schema: 'Event', properties: { name: ['E'], date: ['last Tuesday'] } },
    { id: 'x6', schema: 'Family', properties: { person: ['p1'], relative: ['nobody'] } },
    { id: 'x7', schema: 'Employment', properties: { employee: ['p1'], employer: ['p1'] } },
    { id: 'x8', schema: 'Thing', properties: { name: ['F'] } },
  ];
  const { problems } = checkFtm([person, ...bad].map(line).join('\n'));
  for (const [needle, why] of [['Human', 'unknown schema'], ['shoeSize', 'unknown property'], ['lacks required name', 'required'], ['Narnia', 'country'], ['last Tuesday', 'date'], ['nobody', 'dangling reference'], ['not a Organization', 'range'], ['abstract', 'abstract schema']]) {
    assert.ok(problems.some((p) => p.includes(needle)), `${why}: ${JSON.stringify(problems)}`);
  }
});

test('export formats: names are checked and every format is listed', () => {
  assert.deepEqual(EXPORT_FORMAT_NAMES, ['ftm', 'events-csv', 'graphml']);
  assert.equal(parseExportFormat('GraphML'), 'graphml');
  assert.throws(() => parseExportFormat('xlsx'), /unknown export format "xlsx": use one of ftm, events-csv, graphml/);
  assert.throws(() => parseExportFormat(undefined), /give a format/);
});

for (const backend of backends()) {
  test(`${backend.name}: FtM, events CSV and GraphML of the whole store and of one case read back with their parsers`, { skip: backend.skip, timeout: 120_000 }, async () => {
    const { store, cleanup } = await backend.open();
    try {
      const articles = ARTICLES();
      for (const a of articles) await store.ingest(a);
      const stats = await store.stats();
      const person = await trufanov(store);
      const personId = ftmId.identity(person);

      // ---- FollowTheMoney
      const ftm = await exportText(store, 'ftm');
      const { problems, entities } = checkFtm(ftm);
      assert.deepEqual(problems, []);
      const all = [...entities.values()];
      const of = (schema: string) => all.filter((e) => e.schema === schema);
      // FtM's own library loads every line and gives it a caption
      for (const e of all) assert.ok(ftmModel.getEntity(e).getCaption(), `${e.id} has a caption`);
      assert.equal(of('Article').length, stats.documents);
      assert.ok(of('Article').every((a) => a.properties.fileName?.length && a.properties.bodyText?.length));
      assert.equal(of('Event').length, articles.reduce((n, a) => n + a.events.length, 0));
      const p = entities.get(personId);
      assert.equal(p?.schema, 'Person');
      assert.deepEqual(p.properties.citizenship, ['ru'], 'citizenship of a country the places stage resolved');
      assert.ok(of('UnknownLink').some((l) => l.properties.subject[0] === personId && l.properties.role[0] === 'citizenship'), 'and the sourced claim');
      const family = of('Family').filter((f) => f.properties.person[0] === personId && f.properties.relationship[0] === 'mother');
      assert.ok(family.length >= 2, 'his mother, in the report and in its syndicated copy');
      assert.ok(family.every((f) => entities.get(f.properties.relative[0])?.schema === 'Person' && f.properties.publisher?.length === 1 && f.properties.summary?.length === 1));
      const member = of('Membership').find((m) => m.properties.member[0] === personId);
      assert.ok(member, 'membership of an organisation');
      const acme = entities.get(member.properties.organization[0])!;
      assert.equal(acme.properties.name[0], HOSTILE_NAME);
      assert.deepEqual(acme.properties.country, ['ml'], 'the country of its actor code (MLIBUS), none for IGOUNO');
      assert.deepEqual(p.properties.country, ['ru'], 'the country of his actor code (RUSCVL)');
      assert.ok(of('UnknownLink').some((l) => l.properties.role[0] === 'position: ambassador'), 'a position held in a country, not an organisation');
      // places: the event's own resolution, the place entity's coordinates, the dateline's place
      const events = (recordId: string) => of('Event').find((e) => e.properties.recordId?.[0]?.endsWith(recordId))!;
      const menakaDoc = (await store.listDocuments({ limit: 50 })).items.find((d) => d.external_id === 'sahel-menaka')!.id;
      const abduction = events(`${menakaDoc}:v1`);
      assert.deepEqual(abduction.properties.country, ['ml']);
      assert.deepEqual(abduction.properties.involved, [personId]);
      assert.deepEqual(abduction.properties.date, ['2024-03-03']);
      assert.deepEqual(abduction.properties.proof, [ftmId.document(menakaDoc)]);
      assert.ok(abduction.properties.keywords.includes('PLOVER:ASSAULT') && abduction.properties.keywords.includes('CAMEO:181'));
      const menaka = entities.get(abduction.properties.addressEntity[0])!;
      assert.equal(menaka.schema, 'Address');
      assert.deepEqual([menaka.properties.country, menaka.properties.latitude, menaka.properties.longitude], [['ml'], ['15.9182'], ['2.4022']]);
      const payment = events(`${menakaDoc}:v2`);
      const bamako = entities.get(payment.properties.addressEntity[0])!;
      assert.deepEqual([bamako.properties.name, bamako.properties.country, bamako.properties.longitude], [['Bamako'], ['ml'], ['-8']]);
      assert.match(payment.properties.description[0], /place from the dateline/);
      // an event with no place resolution has no country or coordinates
      assert.ok(of('Event').some((e) => !e.properties.country && !e.properties.addressEntity));

      // one case: his identity, his partners, his events, the documents naming him
      const caseFtm = await exportText(store, 'ftm', person);
      const one = checkFtm(caseFtm);
      assert.deepEqual(one.problems, []);
      const caseAll = [...one.entities.values()];
      assert.ok(caseAll.length < all.length);
      assert.ok(one.entities.has(personId));
      assert.ok(!caseAll.some((e) => e.properties.title?.[0] === 'Moscow club wins rapid chess title'), 'the other Trufanov\'s article is not in his case');
      for (const e of caseAll.filter((x) => x.schema === 'Event')) {
        assert.ok([...(e.properties.involved ?? []), ...(e.properties.addressEntity ?? [])].includes(personId), `${e.id} involves him`);
      }
      for (const r of caseAll.filter((x) => ['Family', 'Membership', 'Employment', 'UnknownLink'].includes(x.schema))) {
        assert.ok(Object.values(r.properties).some((v) => v.includes(personId)), `${r.id} links him`);
      }

      // ---- events CSV
      const csv = await exportText(store, 'events-csv');
      assert.ok(csv.split('\r\n').slice(0, -1).length >= 1 && csv.endsWith('\r\n'), 'CRLF line ends');
      assert.equal(csv.slice(0, csv.indexOf('\r\n')), EVENTS_CSV_COLUMNS.join(','));
      const rows = csvRows(csv);
      assert.equal(rows.length, articles.reduce((n, a) => n + a.events.length, 0));
      const row = (id: string) => rows.find((r) => r.event_id === id)!;
      const seized = row(`${menakaDoc}:v1`);
      assert.deepEqual([seized.plover_type, seized.plover_mode, seized.cameo_code, seized.cameo_root, seized.quad_class], ['ASSAULT', 'abduct', '181', '18', '4']);
      assert.deepEqual([seized.location, seized.country, seized.latitude, seized.longitude, seized.place_source], ['Ménaka', 'ML', '15.9182', '2.4022', 'sentence']);
      assert.deepEqual([seized.recipient_names, seized.recipient_ids, seized.date, seized.source_url], ['Alexander Trufanov', String(person), '2024-03-03', 'https://example.org/sahel/1?a=1,2']);
      const paid = row(`${menakaDoc}:v2`);
      assert.equal(paid.actor_names, `'${HOSTILE_NAME}`, 'a leading = is defused; the comma, quotes, markup and control character come back as written');
      assert.equal(paid.sentence, 'Acme Holdings said on Monday it had paid\nnothing to the kidnappers.');
      assert.deepEqual([paid.location, paid.country, paid.latitude, paid.longitude, paid.place_source], ['Bamako', 'ML', '12.65', '-8', 'dateline']);
      const unplaced = rows.find((r) => r.trigger === 'murdered')!;
      assert.deepEqual([unplaced.country, unplaced.latitude, unplaced.longitude], ['', '', '']);
      const caseRows = csvRows(await exportText(store, 'events-csv', person));
      assert.ok(caseRows.length > 0 && caseRows.length < rows.length);
      assert.ok(caseRows.every((r) => `${r.actor_ids}|${r.recipient_ids}`.split('|').includes(String(person))), 'only his events');

      // ---- GraphML
      const graph = readGraphml(await exportText(store, 'graphml'));
      assert.ok(graph.directed);
      assert.equal(graph.nodes.size, stats.entities);
      const node = (name: string) => [...graph.nodes].find(([, v]) => v.label === name)?.[0];
      assert.ok(node(HOSTILE_NAME.replace('\u0001', '\uFFFD')), 'a name with markup and a control character comes back');
      const him = `n${person}`;
      assert.equal(graph.nodes.get(him)?.type, 'PERSON');
      const mother = graph.edges.find((e) => e.target === him && e.kind === 'relation' && e.type === 'family' && e.role === 'mother');
      assert.ok(mother && Number(mother.weight) >= 2, 'a relation told twice is one edge of weight 2');
      assert.ok(graph.edges.some((e) => e.target === him && e.kind === 'event' && e.type === 'RETREAT' && e.cameo === '0841'), 'his release, actor → recipient');
      const caseGraph = readGraphml(await exportText(store, 'graphml', person));
      assert.ok(caseGraph.nodes.has(him) && caseGraph.nodes.size < graph.nodes.size);
      assert.ok(caseGraph.edges.length > 0 && caseGraph.edges.every((e) => e.source === him || e.target === him || e.kind === 'event'));
    } finally {
      await store.close();
      await cleanup();
    }
  });
}

test('API: GET /api/entities/:id/export streams one case as a download; a bad format or id is a 400 naming what is accepted, an unknown id a 404', async () => {
  const { store, cleanup } = await backends()[0].open();
  const app = await buildServer({ store, webRoot: null });
  try {
    for (const a of ARTICLES()) await store.ingest(a);
    const person = await trufanov(store);
    for (const format of EXPORT_FORMAT_NAMES) {
      const res = await app.inject({ method: 'GET', url: `/api/entities/${person}/export?format=${format}` });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], EXPORT_FORMATS[format].contentType);
      assert.equal(res.headers['content-disposition'], `attachment; filename="chronicle-entity-${person}.${EXPORT_FORMATS[format].extension}"`);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.body, await exportText(store, format, person), `${format}: the same as the CLI's case export`);
    }
    assert.deepEqual(checkFtm((await app.inject({ url: `/api/entities/${person}/export?format=ftm` })).body).problems, []);
    for (const [url, status, message] of [
      [`/api/entities/${person}/export?format=xlsx`, 400, /unknown export format "xlsx": use one of ftm, events-csv, graphml/],
      [`/api/entities/${person}/export`, 400, /give a format: one of ftm, events-csv, graphml/],
      [`/api/entities/${person}/export?format=ftm&format=graphml`, 400, /format: give one format, not 2/],
      ['/api/entities/abc/export?format=ftm', 400, /params\/id must be integer/],
      ['/api/entities/999999/export?format=ftm', 404, /no entity 999999/],
    ] as const) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, status, `${url}: ${res.body}`);
      assert.match(JSON.parse(res.body).message, message);
    }
    const api = JSON.parse((await app.inject({ url: '/openapi.json' })).body);
    const op = api.paths['/api/entities/{id}/export'].get;
    assert.deepEqual(Object.keys(op.responses['200'].content).sort(), ['application/graphml+xml', 'application/x-ndjson', 'text/csv']);
    assert.deepEqual(op.parameters.find((x: { name: string }) => x.name === 'format').schema.enum, EXPORT_FORMAT_NAMES);
  } finally {
    await app.close();
    await store.close();
    await cleanup();
  }
});

test('CLI: chronicle export writes the file only when complete, names an unreadable document and goes on, and refuses bad options', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-export-'));
  const db = join(dir, 'case.db');
  try {
    const store = await openStore(db);
    for (const a of ARTICLES()) await store.ingest(a);
    const person = await trufanov(store);
    const docs = (await store.listDocuments({ limit: 50 })).items;
    await store.close();
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, 'export', '--db', db, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

    const ok = run('--format', 'events-csv', '--entity', String(person));
    assert.equal(ok.status, 0, ok.stderr);
    assert.ok(csvRows(ok.stdout).length > 0);
    const byName = run('--format', 'events-csv', '--entity', 'Dmitry Trufanov');
    assert.equal(byName.status, 0, byName.stderr);
    assert.match(byName.stderr, /the case of Dmitry Trufanov \(PERSON, identity \d+\)/);
    assert.match(ok.stderr, /export: \d+\/\d+ documents/, 'progress on stderr');
    assert.match(ok.stderr, new RegExp(`events-csv of identity ${person}`));

    // a stored result that cannot be read: named, left out, the rest written
    const chess = docs.find((d) => d.external_id === 'chess-trufanov')!;
    const raw = new Database(db);
    raw.prepare('UPDATE documents SET result = ? WHERE id = ?').run('{"schema": "1.4", "text": ', chess.id);
    // JSON, but not a result the exports can read
    const wire = docs.find((d) => d.external_id === 'wire-trufanow')!;
    raw.prepare('UPDATE documents SET result = ? WHERE id = ?').run('{"text": "…", "sentences": [], "entities": []}', wire.id);
    // place resolution as the store keeps it for each document entity (doc_entities.place, from result schema 1.5)
    if (!(raw.prepare("SELECT name FROM pragma_table_info('doc_entities')").all() as Array<{ name: string }>).some((c) => c.name === 'place')) {
      raw.exec('ALTER TABLE doc_entities ADD COLUMN place TEXT');
    }
    const menakaDoc = docs.find((d) => d.external_id === 'sahel-menaka')!;
    raw.prepare("UPDATE doc_entities SET place = ? WHERE document_id = ? AND local_id = 'e2'").run(JSON.stringify((placeReport().entities[1] as { place?: unknown }).place), menakaDoc.id);
    raw.close();
    const graph = run('--format', 'graphml', '--quiet');
    assert.equal(graph.status, 0, graph.stderr);
    const menaka = [...readGraphml(graph.stdout).nodes.values()].find((n) => n.label === 'Menaka');
    assert.deepEqual([menaka?.country, menaka?.latitude, menaka?.longitude], ['ML', '15.9182', '2.4022'], 'a place node carries its coordinates');
    const out = join(dir, 'all.ftm.jsonl');
    const partial = run('--format', 'ftm', '--output', out);
    assert.equal(partial.status, 1, partial.stderr);
    assert.match(partial.stderr, new RegExp(`document ${chess.id} \\(chess-trufanov\\) "Moscow club wins rapid chess title": its stored result cannot be read: .*; left out`));
    const written = checkFtm(readFileSync(out, 'utf8'));
    assert.deepEqual(written.problems, []);
    assert.match(partial.stderr, new RegExp(`document ${wire.id} \\(wire-trufanow\\) "Three hostages freed in sixth exchange": its stored result cannot be read: not an extraction result \\(no relations list\\); left out`));
    assert.equal([...written.entities.values()].filter((e) => e.schema === 'Article').length, docs.length - 2);
    assert.ok(!existsSync(`${out}.partial`));
    // a device or pipe is written directly, never renamed over (that would replace /dev/null with a file)
    assert.equal(writesInPlace(out), false, 'a regular file is written beside itself, then renamed');
    assert.equal(writesInPlace(join(dir, 'new.csv')), false);
    assert.equal(writesInPlace('/dev/null'), true);
    const fifo = join(dir, 'export.fifo');
    if (spawnSync('mkfifo', [fifo]).status === 0) assert.equal(writesInPlace(fifo), true);

    for (const [args, message] of [
      [['--format', 'xlsx'], /--format: unknown export format "xlsx": use one of ftm, events-csv, graphml/],
      [[], /--format: give a format/],
      [['--format', 'ftm', '--entity', 'Trufanov'], /--entity 'Trufanov' fits several identities; give the id of one:\n(.|\n)*Dmitry Trufanov \(PERSON, 1 document\)/],
      [['--format', 'ftm', '--entity', 'Nobody Atall'], /--entity: no identity is named 'Nobody Atall'/],
      [['--format', 'ftm', '--entity', '999999'], /--entity 999999: no such identity/],
    ] as const) {
      const r = run(...args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
    }
    const missing = spawnSync(process.execPath, [BIN, 'export', '--format', 'ftm', '--db', join(dir, 'nothing.db')], { encoding: 'utf8' });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no store at .*nothing\.db/);
    assert.ok(!existsSync(join(dir, 'nothing.db')), 'no empty store is made');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('exports stream: the first lines are out before the last document is read', async () => {
  const { store, cleanup } = await backends()[0].open();
  try {
    const n = 60;
    for (let i = 0; i < n; i++) {
      await store.ingest(article({
        id: `bulk-${i}`, title: `Report ${i}`, published: '2024-01-02', source: 'Example Wire',
        paragraphs: [`Officials in Town${i} said Person${i} Smith met Mayor${i} Jones on Monday.`],
        entities: [{ id: 'e1', type: 'PERSON', name: `Person${i} Smith`, mentions: [`Person${i} Smith`] }, { id: 'e2', type: 'PERSON', name: `Mayor${i} Jones`, mentions: [`Mayor${i} Jones`] }],
        events: [{ id: 'v1', type: 'CONSULT', mode: 'meet', cameo: '040', trigger: 'met', actor: ['e1'], recipient: ['e2'], date: '2024-01-01' }],
      }));
    }
    let read = 0;
    let readAtFirstChunk = -1;
    let chunks = 0;
    let total = '';
    for await (const c of exportFtm(store.exportReader(), { kind: 'store' }, { progress: (done) => { read = done; } })) {
      if (chunks++ === 0) readAtFirstChunk = read;
      total += c;
    }
    assert.ok(readAtFirstChunk >= 1 && readAtFirstChunk < n, `first chunk after ${readAtFirstChunk} of ${n} documents`);
    assert.equal(read, n);
    const lines: FtmLine[] = total.trim().split('\n').map((l) => JSON.parse(l) as FtmLine);
    assert.equal(lines.filter((e) => e.schema === 'Article').length, n);
    assert.deepEqual(checkFtm(total).problems, []);
  } finally {
    await store.close();
    await cleanup();
  }
});
