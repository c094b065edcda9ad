/**
 * PostgreSQL reads go as named prepared statements (src/store/db.ts), planned once per pooled
 * connection: the same answers as before, the statements kept by the server, and only a bounded
 * number of distinct texts named.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PreparedNames } from '../src/store/db.js';
import type { Store } from '../src/store/index.js';
import { backends, caseArticles } from './store-fixtures.js';

describe('prepared reads: which statements are named', () => {
  test('a SELECT keeps one name; writes and statements past the bound go unnamed', () => {
    const names = new PreparedNames(20);
    const preparedName = (sql: string) => names.nameOf(sql);
    const a = preparedName('SELECT 1 AS one WHERE 1 = ?');
    assert.ok(a?.startsWith('chronicle_read_'));
    assert.equal(preparedName('SELECT 1 AS one WHERE 1 = ?'), a);
    assert.equal(preparedName("INSERT INTO store_meta (key, value) VALUES (?, ?)"), undefined);
    assert.equal(preparedName('UPDATE entities SET name = ? WHERE id = ?'), undefined);
    const given = new Set<string>();
    for (let i = 0; i < 70; i++) {
      const n = preparedName(`SELECT ${i} AS n WHERE ? IN (${Array.from({ length: i + 1 }, () => '?').join(', ')})`);
      if (n) given.add(n);
    }
    assert.equal(given.size, 19, 'the bound (20) less the first statement');
    assert.equal(preparedName('SELECT 69 AS n WHERE ? IN (?)'), undefined);
    assert.equal(preparedName('SELECT 1 AS one WHERE 1 = ?'), a, 'a named statement keeps its name');
  });
});

const pg = backends().find((b) => b.name === 'postgres')!;
describe('prepared reads on PostgreSQL', { skip: pg.skip }, () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  before(async () => {
    ({ store, cleanup } = await pg.open());
    for (const a of caseArticles) await store.ingest(a);
  });
  after(async () => {
    await store?.close();
    await cleanup?.();
  });

  test('the server keeps the reads planned, and asking again gives the same answers', async () => {
    const people = await store.searchEntities({ type: 'PERSON', limit: 5 });
    assert.ok(people.length > 0);
    const first = JSON.stringify([await store.timeline(people[0].id), await store.getEntity(people[0].id), await store.search('released')]);
    const again = JSON.stringify([await store.timeline(people[0].id), await store.getEntity(people[0].id), await store.search('released')]);
    assert.equal(again, first);
    // asked on a connection of the pool: the reads it has run are among its prepared statements
    const kept = await (store as unknown as { db: { all<T>(sql: string, p?: unknown[]): Promise<T[]> } }).db.all<{ name: string; statement: string }>(
      "SELECT name, statement FROM pg_prepared_statements WHERE name LIKE 'chronicle_read_%'");
    assert.ok(kept.length > 0, 'named statements are kept by the server');
    assert.ok(kept.every((k) => /^\s*SELECT\b/i.test(k.statement)));
  });
});
