/**
 * Upgrading a store made before migrations 7, 8 and 9: the identity context of each document
 * entity, the factuality of each event and each event's place are read back from the stored results.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../src/store/index.js';
import { extract } from '../src/extract.js';

const court = extract({
  id: 'court', title: 'Court frees reporter', published: '2024-03-12', source: 'Example Wire',
  text: "Pakistan's Supreme Court on Tuesday ordered the release of a detained reporter in Islamabad. Police said they would not free the other prisoners.",
});
test('a store from before migrations 7 to 11 gets entity context, event factuality, places, event groups and confidence from its stored results', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-upgrade-'));
  const path = join(dir, 'old.db');
  try {
    const store = await openStore(path);
    await store.ingest(court);
    await store.close();
    // make it look like a store written before the two columns existed
    const db = new Database(path);
    db.exec('ALTER TABLE doc_entities DROP COLUMN context; ALTER TABLE events DROP COLUMN factuality; DELETE FROM schema_migrations WHERE version >= 7');
    db.exec('DROP INDEX events_place_country; DROP INDEX doc_entities_place_country; ALTER TABLE doc_entities DROP COLUMN place; ALTER TABLE doc_entities DROP COLUMN place_country');
    for (const c of ['id', 'name', 'country', 'lat', 'lon', 'source']) db.exec(`ALTER TABLE events DROP COLUMN place_${c}`);
    db.exec('ALTER TABLE events DROP COLUMN groups; ALTER TABLE events DROP COLUMN confidence');
    // (and migration 12's: quotes' speaker confidence, tested in store-speaker.test.ts)
    db.exec('ALTER TABLE quotes DROP COLUMN confidence');
    db.close();
    const reopened = await openStore(path);
    await reopened.close();
    const after = new Database(path, { readonly: true });
    const ctx = after.prepare("SELECT context FROM doc_entities WHERE type = 'ORG' AND name LIKE 'Supreme Court%'").get() as { context: string | null };
    assert.deepEqual(Object.keys(JSON.parse(ctx.context ?? '{}').countries ?? {}), ['PAK']);
    assert.equal(JSON.parse(ctx.context ?? '{}').generic, true);
    const stored = after.prepare('SELECT local_id, factuality FROM events ORDER BY id').all() as Array<{ local_id: string; factuality: string | null }>;
    assert.ok(stored.length > 0);
    assert.deepEqual(stored.map((e) => e.factuality), stored.map((e) => court.events.find((x) => x.id === e.local_id)!.factuality));
    const placed = after.prepare('SELECT local_id, place_country, place_source FROM events ORDER BY id').all() as Array<{ local_id: string; place_country: string | null; place_source: string | null }>;
    assert.deepEqual(placed.map((e) => [e.place_country, e.place_source]), placed.map((e) => {
      const ev = court.events.find((x) => x.id === e.local_id)!;
      return [ev.place?.country ?? null, ev.place_source ?? null];
    }));
    assert.ok(placed.some((e) => e.place_country === 'PK'), 'the release ordered in Islamabad is placed in Pakistan');
    // migration 10: the groups no entity stands for ("Police" said they would not free "the other prisoners")
    const grouped = after.prepare('SELECT local_id, groups FROM events ORDER BY id').all() as Array<{ local_id: string; groups: string | null }>;
    assert.deepEqual(grouped.map((e) => (e.groups ? JSON.parse(e.groups) : [])), grouped.map((e) => court.events.find((x) => x.id === e.local_id)!.groups ?? []));
    assert.ok(grouped.some((e) => e.groups !== null), 'the police and the prisoners are kept as groups');
    // migration 11: each event's calibrated confidence
    const scored = after.prepare('SELECT local_id, confidence FROM events ORDER BY id').all() as Array<{ local_id: string; confidence: number | null }>;
    assert.deepEqual(scored.map((e) => e.confidence), scored.map((e) => court.events.find((x) => x.id === e.local_id)!.confidence ?? null));
    assert.ok(scored.some((e) => e.confidence !== null));
    const islamabad = after.prepare("SELECT place_country FROM doc_entities WHERE name = 'Islamabad'").get() as { place_country: string | null };
    assert.equal(islamabad.place_country, 'PK');
    after.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an entity named only by a pronoun is not stored: not as an entity, not in the stored result, not as a speaker', async () => {
  const { article } = await import('./store-fixtures.js');
  const interview = article({
    id: 'interview', title: 'An interview', published: '2024-01-02', source: 'Example',
    paragraphs: ['Frank Messina: I write poems about baseball, and I read them at the ballpark.'],
    entities: [{ id: 'e1', type: 'PERSON', name: 'Frank Messina', mentions: ['Frank Messina'] }, { id: 'e2', type: 'ORG', name: 'I', mentions: ['I'] }],
    quotes: [{ text: 'I write poems about baseball', speaker: 'e2' }],
  });
  assert.equal(interview.entities.length, 2);
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-pronoun-'));
  try {
    const store = await openStore(join(dir, 'p.db'));
    const { id } = await store.ingest(interview);
    const doc = (await store.getDocument(id))!;
    assert.deepEqual(doc.result.entities.map((e) => e.name), ['Frank Messina']);
    assert.equal(doc.result.quotes[0].speaker, null);
    assert.deepEqual((await store.searchEntities({ limit: 50 })).map((e) => e.name), ['Frank Messina']);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
