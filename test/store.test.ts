import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type Store } from '../src/store/index.js';
import { MIGRATIONS as SCHEMA_MIGRATIONS } from '../src/store/migrations.js';
import { PreparedNames } from '../src/store/db.js';
import { extract } from '../src/extract.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { article, backends, caseArticles, chessReport, motherReport, releaseReport, wireReport } from './store-fixtures.js';

for (const backend of backends()) {
  describe(`store (${backend.name})`, { skip: backend.skip }, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ store, cleanup } = await backend.open());
      for (const a of caseArticles) await store.ingest(a);
    });
    after(async () => {
      await store?.close();
      await cleanup?.();
    });

    test('ingest is idempotent: the same content is one document with no duplicate rows', async () => {
      const before = await store.stats();
      const again = await store.ingest(releaseReport);
      assert.equal(again.status, 'unchanged');
      assert.deepEqual(await store.stats(), before);
      assert.equal(before.documents, 4);
      assert.equal(await store.findByContent(releaseReport), again.id);
      assert.equal(await store.findByContent({ ...releaseReport, text: releaseReport.text + ' More.' }), null);
    });

    // PostgreSQL reads go as named prepared statements, planned once per pooled connection (src/store/db.ts)
    test('PostgreSQL keeps the reads planned, and asking again gives the same answers', { skip: backend.name !== 'postgres' && 'PostgreSQL only' }, async () => {
      const people = await store.searchEntities({ type: 'PERSON', limit: 5 });
      assert.ok(people.length > 0);
      const first = JSON.stringify([await store.timeline(people[0].id), await store.getEntity(people[0].id), await store.search('released')]);
      const again = JSON.stringify([await store.timeline(people[0].id), await store.getEntity(people[0].id), await store.search('released')]);
      assert.equal(again, first);
      // asked on a connection of the pool: the reads it has run are among its prepared statements
      const kept = await (store as unknown as { db: { all<T>(sql: string): Promise<T[]> } }).db.all<{ statement: string }>(
        "SELECT statement FROM pg_prepared_statements WHERE name LIKE 'chronicle_read_%'");
      assert.ok(kept.length > 0, 'named statements are kept by the server');
      assert.ok(kept.every((k) => /^\s*SELECT\b/i.test(k.statement)));
    });

    test('one identity for the hostage across spellings, with the variants as aliases', async () => {
      const hits = await store.searchEntities({ q: 'Trufanow', type: 'PERSON' });
      const sasha = hits.find((e) => e.aliases.includes('Alexander Trufanow') || e.name === 'Alexander Trufanow');
      assert.ok(sasha, `no identity for Trufanow in ${JSON.stringify(hits)}`);
      assert.equal(sasha.document_count, 3);
      const names = [sasha.name, ...sasha.aliases];
      for (const n of ['Alexander Trufanow', 'Sasha Trufanov']) assert.ok(names.includes(n), `${n} missing from ${names}`);
      // the transliteration key finds the same identity from either spelling
      const viaOther = await store.searchEntities({ q: 'trufanov' });
      assert.ok(viaOther.some((e) => e.id === sasha.id));
    });

    test('a different man sharing the surname stays a separate identity', async () => {
      const hits = await store.searchEntities({ q: 'Trufanov', type: 'PERSON' });
      const dmitry = hits.find((e) => e.name === 'Dmitry Trufanov');
      assert.ok(dmitry);
      assert.equal(dmitry.document_count, 1);
      assert.ok(!dmitry.aliases.some((a) => /Alexander|Sasha/.test(a)));
    });

    test('given name alone joins the full name through a shared relation: Yelena = Elena Trufanova', async () => {
      const hits = await store.searchEntities({ q: 'Elena', type: 'PERSON' });
      const mother = hits.find((e) => e.name === 'Elena Trufanova');
      assert.ok(mother, JSON.stringify(hits));
      assert.ok(mother.aliases.includes('Yelena'), `aliases: ${mother.aliases}`);
      assert.equal(mother.document_count, 3);
      const profile = await store.getEntity(mother.id);
      // the evidence is kept on the member that joined by the relation, with a confidence below 1
      const joined = profile!.members.filter((m) => m.method === 'relation');
      assert.equal(joined.length, 1, JSON.stringify(profile!.members));
      assert.match(joined[0].evidence!, /mother/);
      assert.match(joined[0].evidence!, /Yelena|Elena/);
      assert.ok(joined[0].confidence! > 0.5 && joined[0].confidence! < 1);
      // Irena / Irina / Irena Tati: one grandmother
      const grandma = (await store.searchEntities({ q: 'Irina' })).find((e) => e.type === 'PERSON');
      assert.ok(grandma);
      assert.deepEqual([grandma.name, ...grandma.aliases].sort(), ['Irena', 'Irena Tati', 'Irina']);
    });

    test('timeline: events sorted by date, each citing its sources and sentences; status over time', async () => {
      const [sasha] = (await store.searchEntities({ q: 'Alexander Trufanov' }));
      const tl = (await store.timeline(sasha.id))!;
      const dates = tl.events.map((e) => e.date ?? '9999');
      assert.deepEqual(dates, dates.slice().sort());
      const release = tl.events.find((e) => e.mode === 'release' && e.date === '2025-02-15');
      assert.ok(release);
      assert.deepEqual(release.sources.map((s) => s.source).sort(), ['Example Wire', 'World Israel News']);
      assert.ok(release.sources.every((s) => release.roles.includes('recipient') && s.sentence.includes(s.trigger)));
      assert.ok(release.participants.some((p) => p.name === 'Islamic Jihad' && p.role === 'actor'));
      const statuses = tl.status.map((s) => `${s.status}:${s.from ?? ''}`);
      assert.ok(statuses.includes('released:2025-02-15'), statuses.join());
      const held = tl.status.find((s) => s.status === 'held');
      assert.ok(held && held.to === '2025-02-15', JSON.stringify(tl.status));
      assert.ok(tl.relations.some((r) => r.type === 'family' && r.role === 'mother' && r.other.name === 'Elena Trufanova'));
    });

    test('conflicts: sources disagree on the place and the date of the abduction', async () => {
      const [sasha] = (await store.searchEntities({ q: 'Sasha Trufanov' }));
      const tl = (await store.timeline(sasha.id))!;
      const place = tl.conflicts.find((c) => c.kind === 'place');
      assert.ok(place, JSON.stringify(tl.conflicts));
      assert.deepEqual(place.claims.map((c) => c.value).sort(), ['Kibbutz Nahal Oz', 'Kibbutz Nir Oz']);
      assert.ok(place.claims.every((c) => c.sources.length === 1 && c.sources[0].sentence.length > 10));
      const date = tl.conflicts.find((c) => c.kind === 'date');
      assert.ok(date);
      assert.deepEqual(date.claims.map((c) => c.value).sort(), ['2023-10-07', '2023-10-08']);
      assert.equal(date.claims.find((c) => c.value === '2023-10-07')!.sources.length, 2);
      // the mother's release in November 2023 is told twice with agreeing dates: no conflict
      const [mother] = await store.searchEntities({ q: 'Elena Trufanova' });
      const mtl = (await store.timeline(mother.id))!;
      assert.equal(mtl.conflicts.filter((c) => c.kind === 'date').length, 0, JSON.stringify(mtl.conflicts));
      assert.equal(mtl.events.filter((e) => e.mode === 'release').length, 1);
      assert.equal(mtl.events.find((e) => e.mode === 'release')!.date, '2023-11-29');
    });

    test('quotes by and about a person', async () => {
      const [mother] = await store.searchEntities({ q: 'Elena Trufanova' });
      const p = (await store.getEntity(mother.id))!;
      assert.equal(p.quotes.by.length, 2);
      const [sasha] = await store.searchEntities({ q: 'Sasha Trufanov' });
      const s = (await store.getEntity(sasha.id))!;
      assert.ok(s.quotes.about.some((q) => q.text.includes('until Sasha is home') && q.speaker?.name === 'Elena Trufanova'));
    });

    test('full-text search over documents and quotes', async () => {
      const variant = await store.search('Trufanow');
      // the identity brings articles that spell the name differently
      assert.ok(variant.documents.some((d) => d.title === releaseReport.title && /\[Alexander “Sasha” Trufanov\]/.test(d.snippet)), JSON.stringify(variant.documents));
      const hits = await store.search('chess title');
      assert.deepEqual(hits.documents.map((d) => d.title), [chessReport.title]);
      assert.match(hits.documents[0].snippet, /\[chess\]/i);
      const q = await store.search('waited moment');
      assert.equal(q.quotes.length, 1);
      assert.equal(q.quotes[0].speaker?.name, 'Elena Trufanova');
      // query syntax is never interpreted
      const odd = await store.search('"NEAR( OR * -');
      assert.ok(Array.isArray(odd.documents));
    });

    test('documents list and reader view with identities', async () => {
      const list = await store.listDocuments({ limit: 2 });
      assert.equal(list.total, 4);
      assert.equal(list.items.length, 2);
      assert.equal(list.items[0].published, '2025-02-16');
      const doc = (await store.getDocument(list.items[0].id))!;
      assert.equal(doc.text, releaseReport.text);
      assert.equal(doc.result.events.length, 4);
      assert.equal(doc.identities.e5?.name, 'Elena Trufanova');
      assert.equal(await store.getDocument(999999), null);
    });

    test('manual split and merge survive recomputation and re-ingestion', async () => {
      const [mother] = await store.searchEntities({ q: 'Elena Trufanova' });
      const p = (await store.getEntity(mother.id))!;
      const yelena = p.members.find((m) => m.name === 'Yelena')!;
      const newId = await store.split(mother.id, [yelena.member_id], 'different Yelena');
      assert.notEqual(newId, mother.id);
      const check = async () => {
        const [m] = await store.searchEntities({ q: 'Elena Trufanova' });
        assert.ok(!m.aliases.includes('Yelena'), 'split undone');
        assert.equal(m.id, mother.id, 'identity id kept');
      };
      await check();
      await store.resolveAll();
      await check();
      await store.ingest(releaseReport);
      await check();
      // merge back by hand
      const merged = await store.merge(mother.id, newId);
      assert.equal(merged, mother.id);
      const [m] = await store.searchEntities({ q: 'Elena Trufanova' });
      assert.ok(m.aliases.includes('Yelena'));
      await store.resolveAll();
      assert.ok((await store.searchEntities({ q: 'Elena Trufanova' }))[0].aliases.includes('Yelena'));
      // a manual merge of two different people holds too
      const [dmitry] = await store.searchEntities({ q: 'Dmitry Trufanov' });
      const [sasha] = await store.searchEntities({ q: 'Sasha Trufanov' });
      await store.merge(sasha.id, dmitry.id);
      await store.resolveAll();
      const after = await store.searchEntities({ q: 'Dmitry' });
      assert.equal(after[0].id, sasha.id);
      assert.equal(after[0].document_count, 4);
    });

    test('ingestion order does not change the identities', async () => {
      const { store: other, cleanup: clean } = await backend.open();
      try {
        for (const a of [chessReport, motherReport, wireReport, releaseReport]) await other.ingest(a);
        const [mother] = await other.searchEntities({ q: 'Elena Trufanova' });
        assert.ok(mother.aliases.includes('Yelena'), mother.aliases.join());
        const people = await other.searchEntities({ q: 'Trufanov', type: 'PERSON' });
        const sasha = people.find((e) => [e.name, ...e.aliases].includes('Alexander Trufanow'))!;
        assert.equal(sasha.document_count, 3);
        assert.ok(people.some((e) => e.name === 'Dmitry Trufanov' && e.document_count === 1));
      } finally {
        await other.close();
        await clean();
      }
    });

    test('sentences are cut at the exact characters, also after emoji (UTF-16 offsets)', async () => {
      const emoji = article({
        id: 'emoji', title: 'Vigil 🕯️ for the hostages 🎗️🎗️', published: '2024-03-01', source: 'Example Social',
        paragraphs: ['Families lit candles 🕯️🕯️ and tied ribbons 🎗️ in the square.', 'Ofer Kalderon was abducted from Nir Oz on 7 October 2023.'],
        entities: [{ id: 'e1', type: 'PERSON', name: 'Ofer Kalderon', mentions: ['Ofer Kalderon'] }, { id: 'e2', type: 'GPE', name: 'Nir Oz', mentions: ['Nir Oz'] }],
        relations: [],
        events: [{ id: 'v1', type: 'ASSAULT', mode: 'abduct', trigger: 'abducted', recipient: ['e1'], date: '2023-10-07', location: 'e2' }],
      });
      await store.ingest(emoji);
      const [ofer] = await store.searchEntities({ q: 'Kalderon' });
      const tl = (await store.timeline(ofer.id))!;
      assert.equal(tl.events[0].sources[0].sentence, 'Ofer Kalderon was abducted from Nir Oz on 7 October 2023.');
      const hits = await store.search('Kalderon');
      assert.match(hits.documents[0].snippet, /\[Ofer Kalderon\] was abducted/);
    });

    test('results of the real pipeline go in too', async () => {
      const r = extract({ id: 'plain', text: 'A short note about the harbour.\n\nNothing else happened.', published: '2024-01-02', title: 'Note' });
      const out = await store.ingest(r);
      assert.equal(out.status, 'added');
      const doc = await store.getDocument(out.id);
      assert.equal(doc?.result.sentences.length, r.sentences.length);
      assert.equal((await store.ingest(r)).status, 'unchanged');
    });
  });
}

test('processes opening one empty PostgreSQL database at once take turns to create the schema', { skip: process.env.CHRONICLE_TEST_PG ? false : 'CHRONICLE_TEST_PG is not set' }, async () => {
  const url = process.env.CHRONICLE_TEST_PG!;
  const schema = `race_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const { default: pgmod } = await import('pg');
  const stores: Store[] = [];
  try {
    // separate pools, as separate worker processes would have
    const opened = await Promise.allSettled(Array.from({ length: 4 }, () => openStore(url, { pgSchema: schema })));
    for (const o of opened) if (o.status === 'fulfilled') stores.push(o.value);
    assert.deepEqual(opened.map((o) => o.status === 'rejected' ? String(o.reason) : 'ok'), ['ok', 'ok', 'ok', 'ok']);
    const c = new pgmod.Client({ connectionString: url });
    await c.connect();
    try {
      const rows = await c.query<{ version: number; n: string }>(`SELECT version, COUNT(*) AS n FROM ${schema}.schema_migrations GROUP BY version ORDER BY version`);
      assert.deepEqual(rows.rows.map((r) => [r.version, Number(r.n)]), SCHEMA_MIGRATIONS.map((m) => [m.version, 1]));
    } finally {
      await c.end();
    }
    // and every one of them works
    const outs = await Promise.all(stores.map((s, i) => s.ingest({ ...chessReport, id: `chess-${i}`, title: `${chessReport.title} ${i}`, text: `${chessReport.text} Round ${i} ended.` })));
    assert.equal(new Set(outs.map((o) => o.id)).size, 4);
  } finally {
    for (const s of stores) await s.close();
    const c = new pgmod.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  }
});

/** Two writers on one database (two processes, two workers), taking turns document by document. */
async function twoWriters(open: () => Promise<Store>): Promise<void> {
  const a = await open();
  const b = await open();
  try {
    // warm both, then alternate: each must catch up with what the other stored
    await a.stats();
    for (const [i, doc] of caseArticles.entries()) await (i % 2 ? b : a).ingest(doc);
    for (const s of [a, b]) {
      const sasha = (await s.searchEntities({ q: 'Trufanow', type: 'PERSON' })).find((e) => e.aliases.includes('Alexander Trufanow') || e.name === 'Alexander Trufanow');
      assert.ok(sasha, 'one identity for the hostage across the two writers');
      assert.equal(sasha.document_count, 3);
      const mother = (await s.searchEntities({ q: 'Elena', type: 'PERSON' })).find((e) => e.name === 'Elena Trufanova')!;
      assert.ok(mother.aliases.includes('Yelena'), `aliases: ${mother.aliases}`);
      assert.equal(mother.document_count, 3);
    }
    // a manual merge by one writer: the other rebuilds rather than catching up, and still links new documents right
    const [dmitry] = await a.searchEntities({ q: 'Dmitry Trufanov' });
    const [sasha] = await a.searchEntities({ q: 'Sasha Trufanov' });
    await a.split(sasha.id, (await a.getEntity(sasha.id))!.members.filter((m) => m.name === 'Sasha Trufanov').map((m) => m.member_id));
    const out = await b.ingest(article({
      id: 'later', title: 'Freed hostage speaks', published: '2025-03-01', source: 'Example Daily',
      paragraphs: ['Sasha Trufanov spoke to reporters in Tel Aviv on Saturday.'],
      entities: [{ id: 'e1', type: 'PERSON', name: 'Sasha Trufanov', mentions: ['Sasha Trufanov'] }],
    }));
    const later = (await b.getDocument(out.id))!;
    const split = (await b.searchEntities({ q: 'Sasha Trufanov' })).find((e) => e.name === 'Sasha Trufanov')!;
    assert.equal(later.identities.e1!.id, split.id, 'the new mention joins the identity split off by the other writer');
    assert.notEqual(split.id, dmitry.id);
  } finally {
    await a.close();
    await b.close();
  }
}

test('two writers on one SQLite file keep one set of identities', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-writers-'));
  try {
    await twoWriters(() => openStore(join(dir, 'two.db')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('two writers on one PostgreSQL schema keep one set of identities', { skip: process.env.CHRONICLE_TEST_PG ? false : 'CHRONICLE_TEST_PG is not set' }, async () => {
  const url = process.env.CHRONICLE_TEST_PG!;
  const schema = `writers_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  try {
    await twoWriters(() => openStore(url, { pgSchema: schema }));
  } finally {
    const { default: pgmod } = await import('pg');
    const c = new pgmod.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  }
});

describe('prepared reads: which statements are named (src/store/db.ts)', () => {
  test('a SELECT keeps one name; writes and statements past the bound go unnamed', () => {
    const names = new PreparedNames(20);
    const a = names.nameOf('SELECT 1 AS one WHERE 1 = ?');
    assert.ok(a?.startsWith('chronicle_read_'));
    assert.equal(names.nameOf('SELECT 1 AS one WHERE 1 = ?'), a);
    assert.equal(names.nameOf('INSERT INTO store_meta (key, value) VALUES (?, ?)'), undefined);
    assert.equal(names.nameOf('UPDATE entities SET name = ? WHERE id = ?'), undefined);
    const given = new Set<string>();
    for (let i = 0; i < 70; i++) {
      const n = names.nameOf(`SELECT ${i} AS n WHERE ? IN (${Array.from({ length: i + 1 }, () => '?').join(', ')})`);
      if (n) given.add(n);
    }
    assert.equal(given.size, 19, 'the bound (20) less the first statement');
    assert.equal(names.nameOf('SELECT 69 AS n WHERE ? IN (?)'), undefined);
    assert.equal(names.nameOf('SELECT 1 AS one WHERE 1 = ?'), a, 'a named statement keeps its name');
  });
});
