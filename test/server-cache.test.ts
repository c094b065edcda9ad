/**
 * Read routes answer from a cache kept while the store's generation stands (src/server/cache.ts):
 * an answer is reused until a write — by this server or by another process sharing the store —
 * and never after it.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/server/index.js';
import { GenerationReader, ResponseCache } from '../src/server/cache.js';
import { openStore, type Store } from '../src/store/index.js';
import { article, backends, caseArticles } from './store-fixtures.js';

/** A later report on the same person, with a new event and a quotation, ingested by "another process". */
const interview = article({
  id: 'later-interview', title: 'Trufanov speaks of captivity', published: '2025-03-02', source: 'Example Gazette',
  paragraphs: ['Sasha Trufanov was interviewed in Tel Aviv on Sunday.', 'Trufanov said: “The tunnels were dark and cold.”'],
  entities: [
    { id: 'e1', type: 'PERSON', name: 'Sasha Trufanov', mentions: ['Sasha Trufanov', 'Trufanov'] },
    { id: 'e2', type: 'GPE', name: 'Tel Aviv', mentions: ['Tel Aviv'] },
  ],
  quotes: [{ text: '“The tunnels were dark and cold.”', speaker: 'e1' }],
  events: [{ id: 'v1', type: 'CONSULT', mode: 'interview', trigger: 'interviewed', recipient: ['e1'], date: '2025-03-02', location: 'e2' }],
});

for (const backend of backends()) {
  describe(`read cache (${backend.name})`, { skip: backend.skip }, () => {
    let store: Store;
    let other: Store;
    let cleanup: () => Promise<void>;
    let app: FastifyInstance;
    before(async () => {
      // a second handle on the same store stands for another process (a CLI ingest, a queue worker)
      if (backend.name === 'sqlite') {
        const opened = await backend.open();
        ({ store, cleanup } = opened);
        other = await openStore(opened.url);
      } else {
        const url = process.env.CHRONICLE_TEST_PG!;
        const pgSchema = `t_cache_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
        store = await openStore(url, { pgSchema });
        other = await openStore(url, { pgSchema });
        cleanup = async () => {
          const { default: pgmod } = await import('pg');
          const c = new pgmod.Client({ connectionString: url });
          await c.connect();
          await c.query(`DROP SCHEMA ${pgSchema} CASCADE`);
          await c.end();
        };
      }
      for (const a of caseArticles) await store.ingest(a);
      app = await buildServer({ store, token: 's3cret', webRoot: null });
    });
    after(async () => {
      await app?.close();
      await other?.close();
      await store?.close();
      await cleanup?.();
    });
    const get = async (url: string) => {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      return { text: res.body, body: res.json() };
    };

    test('a repeated read is served from the cache, the same bytes', async () => {
      const [sasha] = (await get('/api/entities?q=Sasha%20Trufanov')).body;
      const first = await get(`/api/entities/${sasha.id}/timeline`);
      const hits = app.readCache.hits;
      const second = await get(`/api/entities/${sasha.id}/timeline`);
      assert.equal(app.readCache.hits, hits + 1);
      assert.equal(second.text, first.text);
      assert.equal((await app.inject({ method: 'GET', url: '/api/entities/999999/timeline' })).statusCode, 404);
    });

    test('a client that accepts gzip gets the same answer gzipped', async () => {
      const [sasha] = (await get('/api/entities?q=Sasha%20Trufanov')).body;
      const plain = await get(`/api/entities/${sasha.id}/timeline`);
      const res = await app.inject({ method: 'GET', url: `/api/entities/${sasha.id}/timeline`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      assert.equal(res.headers['content-encoding'], 'gzip');
      assert.match(String(res.headers.vary), /accept-encoding/);
      assert.equal(gunzipSync(res.rawPayload).toString('utf8'), plain.text);
      const refused = await app.inject({ method: 'GET', url: `/api/entities/${sasha.id}/timeline`, headers: { 'accept-encoding': 'gzip;q=0, identity' } });
      assert.equal(refused.headers['content-encoding'], undefined);
      assert.equal(refused.body, plain.text);
    });

    test('a write by another process sharing the store is seen by the next request', async () => {
      const [sasha] = (await get('/api/entities?q=Sasha%20Trufanov')).body;
      const before = await get(`/api/entities/${sasha.id}/timeline`);
      const searchBefore = await get('/api/search?q=tunnels%20dark');
      const profileBefore = await get(`/api/entities/${sasha.id}`);
      assert.equal(searchBefore.body.quotes.length, 0);
      const generation = await store.generation();
      const outcome = await other.ingest(interview);
      assert.equal(outcome.status, 'added');
      assert.ok((await store.generation()) !== generation, 'the generation moves with a write from another handle');
      const after = await get(`/api/entities/${sasha.id}/timeline`);
      assert.notEqual(after.text, before.text);
      assert.ok(after.body.events.some((e: { mode: string }) => e.mode === 'interview'), 'the new event is in the case file');
      const searchAfter = await get('/api/search?q=tunnels%20dark');
      assert.equal(searchAfter.body.quotes.length, 1);
      const profileAfter = await get(`/api/entities/${sasha.id}`);
      assert.equal(profileAfter.body.document_count, profileBefore.body.document_count + 1);
    });

    test('a merge through the API is seen at once', async () => {
      const [mother] = (await get('/api/entities?q=Elena%20Trufanova')).body;
      const profile = (await get(`/api/entities/${mother.id}`)).body;
      const yelena = profile.members.find((m: { name: string }) => m.name === 'Yelena');
      assert.ok(yelena, JSON.stringify(profile.members.map((m: { name: string }) => m.name)));
      const split = await app.inject({ method: 'POST', url: `/api/entities/${mother.id}/split`, payload: { members: [yelena.member_id] }, headers: { authorization: 'Bearer s3cret' } });
      assert.equal(split.statusCode, 200, split.body);
      assert.ok(!(await get(`/api/entities/${mother.id}`)).body.aliases.includes('Yelena'));
      const merge = await app.inject({ method: 'POST', url: `/api/entities/${mother.id}/merge`, payload: { other: split.json().id }, headers: { authorization: 'Bearer s3cret' } });
      assert.equal(merge.statusCode, 200);
      assert.ok((await get(`/api/entities/${mother.id}`)).body.aliases.includes('Yelena'));
    });
  });
}

describe('ResponseCache', () => {
  test('keeps answers per generation, least recently used out first, within its size', async () => {
    const cache = new ResponseCache(10, 6);
    let builds = 0;
    const make = (s: string) => async () => { builds++; return s; };
    const get = async (key: string, generation: number, build: () => Promise<string | null>) => (await cache.get(key, generation, build))?.body.toString('utf8') ?? null;
    assert.equal(await get('a', 1, make('aaaa')), 'aaaa');
    assert.equal(await get('a', 1, make('xxxx')), 'aaaa');
    assert.equal(builds, 1);
    assert.equal(await get('b', 1, make('bbbb')), 'bbbb');
    await get('a', 1, make('never'));
    assert.equal(await get('c', 1, make('cccc')), 'cccc'); // over 10 bytes: b (least recent) goes
    assert.equal(cache.size, 2);
    assert.equal(await get('b', 1, make('b2')), 'b2');
    assert.equal(await get('big', 1, make('0123456789')), '0123456789'); // over maxEntry: not kept
    assert.equal(await get('big', 1, make('again')), 'again');
    // a new generation empties it
    assert.equal(await get('a', 2, make('a2')), 'a2');
  });

  test('one build for concurrent requests; not-found and failures are not kept', async () => {
    const cache = new ResponseCache();
    let builds = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = async () => { builds++; await gate; return 'x'; };
    const both = Promise.all([cache.get('k', 1, slow), cache.get('k', 1, slow)]);
    release();
    assert.deepEqual((await both).map((b) => b?.body.toString()), ['x', 'x']);
    assert.equal(builds, 1);
    assert.equal(await cache.get('missing', 1, async () => null), null);
    assert.equal((await cache.get('missing', 1, async () => 'now'))?.body.toString(), 'now');
    await assert.rejects(cache.get('bad', 1, async () => { throw new Error('boom'); }), /boom/);
    assert.equal((await cache.get('bad', 1, async () => 'ok'))?.body.toString(), 'ok');
  });
});

describe('GenerationReader', () => {
  /** A store's counter whose reads take a snapshot when they start and answer when released. */
  function fakeStore() {
    const s = { value: 0, reads: [] as Array<() => void> };
    const read = () => {
      const seen = s.value;
      return new Promise<number>((resolve) => s.reads.push(() => resolve(seen)));
    };
    return { s, read };
  }

  test('requests arriving during a read share the next one; a read under way never answers a later request', async () => {
    const { s, read } = fakeStore();
    const reader = new GenerationReader(read);
    const first = reader.get();
    s.value = 1; // a write commits after the first read began
    const later = [reader.get(), reader.get(), reader.get()];
    assert.equal(s.reads.length, 1, 'the later requests wait for the read under way to end');
    s.reads.shift()!();
    assert.equal(await first, 0);
    await new Promise((r) => setImmediate(r));
    assert.equal(s.reads.length, 1, 'one more read for the three of them');
    s.reads.shift()!();
    assert.deepEqual(await Promise.all(later), [1, 1, 1], 'they see the write');
    assert.equal(reader.reads, 2);
    // nothing under way: a request reads at once
    const alone = reader.get();
    assert.equal(s.reads.length, 1);
    s.reads.shift()!();
    assert.equal(await alone, 1);
    assert.equal(reader.reads, 3);
  });

  test('a failed read fails the requests it serves, and the next request reads again', async () => {
    let fail = true;
    const reader = new GenerationReader(async () => {
      if (fail) throw new Error('connection lost');
      return 7;
    });
    await assert.rejects(reader.get(), /connection lost/);
    fail = false;
    assert.equal(await reader.get(), 7);
  });
});
