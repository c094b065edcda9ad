import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildServer, isLoopback } from '../src/server/index.js';
import { startServer } from '../src/cli/commands/serve.js';
import { openStore, type Store } from '../src/store/index.js';
import { backends, caseArticles } from './store-fixtures.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

for (const backend of backends()) {
  describe(`server (${backend.name})`, { skip: backend.skip }, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let app: FastifyInstance;
    before(async () => {
      ({ store, cleanup } = await backend.open());
      for (const a of caseArticles) await store.ingest(a);
      app = await buildServer({ store, token: 's3cret', webRoot: null });
    });
    after(async () => {
      await app?.close();
      await store?.close();
      await cleanup?.();
    });
    const get = async (url: string) => {
      const res = await app.inject({ method: 'GET', url });
      return { status: res.statusCode, body: res.json(), headers: res.headers };
    };

    test('OpenAPI document lists every API route with its parameters', async () => {
      const { status, body } = await get('/openapi.json');
      assert.equal(status, 200);
      assert.equal(body.openapi, '3.1.0');
      for (const p of ['/api/documents', '/api/documents/{id}', '/api/entities', '/api/entities/{id}', '/api/entities/{id}/timeline', '/api/search', '/api/events.geojson', '/api/map/world']) assert.ok(body.paths[p], `missing ${p}`);
      assert.ok(body.paths['/api/documents'].post.requestBody);
      assert.deepEqual(body.paths['/api/entities'].get.parameters.map((x: { name: string }) => x.name).sort(), ['country', 'limit', 'q', 'type']);
    });

    test('entity search by spelling variant, with aliases and document counts', async () => {
      const { status, body } = await get('/api/entities?q=Trufanow&type=PERSON');
      assert.equal(status, 200);
      const sasha = body.find((e: { aliases: string[] }) => e.aliases.includes('Alexander Trufanow'));
      assert.ok(sasha);
      assert.equal(sasha.document_count, 3);
      assert.equal((await get('/api/entities?type=NOPE')).status, 400);
      assert.equal((await get('/api/entities?limit=0')).status, 400);
    });

    test('profile, timeline and documents', async () => {
      const [sasha] = (await get('/api/entities?q=Sasha%20Trufanov')).body;
      const profile = await get(`/api/entities/${sasha.id}`);
      assert.equal(profile.status, 200);
      assert.ok(profile.body.relations.some((r: { role: string }) => r.role === 'mother'));
      assert.ok(profile.body.members.every((m: { evidence: string }) => typeof m.evidence === 'string'));
      const tl = await get(`/api/entities/${sasha.id}/timeline`);
      assert.equal(tl.status, 200);
      const release = tl.body.events.find((e: { mode: string }) => e.mode === 'release');
      assert.equal(release.date, '2025-02-15');
      assert.deepEqual(release.roles, ['recipient']);
      assert.equal(release.sources.length, 2);
      assert.ok(release.sources[0].sentence.length > 20);
      assert.ok(tl.body.conflicts.some((c: { kind: string }) => c.kind === 'place'));
      const docId = release.sources[0].document_id;
      const doc = await get(`/api/documents/${docId}`);
      assert.equal(doc.status, 200);
      assert.ok(doc.body.text.includes(release.sources[0].trigger));
      assert.ok(Object.values(doc.body.identities).some((i) => (i as { id: number }).id === sasha.id));
      const list = await get('/api/documents?limit=3');
      assert.equal(list.body.total, 4);
      assert.equal(list.body.items.length, 3);
    });

    test('errors: unknown ids are 404, bad ids 400, never a stack trace', async () => {
      assert.equal((await get('/api/entities/999999')).status, 404);
      assert.equal((await get('/api/entities/999999/timeline')).status, 404);
      assert.equal((await get('/api/documents/999999')).status, 404);
      const bad = await get('/api/documents/abc');
      assert.equal(bad.status, 400);
      assert.ok(!JSON.stringify(bad.body).includes('at '));
      assert.equal((await get('/api/nothing')).status, 404);
    });

    test('search: documents and quotes; SQL and query syntax in the input are only text', async () => {
      const { body } = await get('/api/search?q=waited%20every%20day');
      assert.equal(body.quotes[0].speaker.name, 'Elena Trufanova');
      const inj = await get(`/api/search?q=${encodeURIComponent("x' OR 1=1; DROP TABLE documents; --")}`);
      assert.equal(inj.status, 200);
      assert.equal(inj.body.documents.length, 0);
      const e = await get(`/api/entities?q=${encodeURIComponent("%' OR '1'='1")}`);
      assert.equal(e.status, 200);
      assert.equal(e.body.length, 0);
      assert.equal((await get('/api/documents')).body.total, 4);
      assert.equal((await get('/api/search')).status, 400);
    });

    test('write routes need the bearer token', async () => {
      const body = { text: 'Hamas released Elena Trufanova on Wednesday.', title: 'x' };
      const no = await app.inject({ method: 'POST', url: '/api/documents', payload: body });
      assert.equal(no.statusCode, 401);
      const wrong = await app.inject({ method: 'POST', url: '/api/documents', payload: body, headers: { authorization: 'Bearer nope' } });
      assert.equal(wrong.statusCode, 401);
      const invalid = await app.inject({ method: 'POST', url: '/api/documents', payload: { title: 'no text' }, headers: { authorization: 'Bearer s3cret' } });
      assert.equal(invalid.statusCode, 400);
      const badDate = await app.inject({ method: 'POST', url: '/api/documents', payload: { text: 'Some text.', published: 'yesterday' }, headers: { authorization: 'Bearer s3cret' } });
      assert.equal(badDate.statusCode, 400);
      assert.match(badDate.json().message, /published/);
      const [mother] = (await get('/api/entities?q=Elena%20Trufanova')).body;
      const profile = (await get(`/api/entities/${mother.id}`)).body;
      const split = await app.inject({ method: 'POST', url: `/api/entities/${mother.id}/split`, payload: { members: [profile.members[0].member_id] } });
      assert.equal(split.statusCode, 401);
      const ok = await app.inject({ method: 'POST', url: `/api/entities/${mother.id}/split`, payload: { members: [profile.members.find((m: { name: string }) => m.name === 'Yelena').member_id] }, headers: { authorization: 'Bearer s3cret' } });
      assert.equal(ok.statusCode, 200, ok.body);
      const newId = ok.json().id;
      assert.ok(!(await get(`/api/entities/${mother.id}`)).body.aliases.includes('Yelena'));
      const merge = await app.inject({ method: 'POST', url: `/api/entities/${mother.id}/merge`, payload: { other: newId }, headers: { authorization: 'Bearer s3cret' } });
      assert.equal(merge.statusCode, 200);
      assert.ok((await get(`/api/entities/${mother.id}`)).body.aliases.includes('Yelena'));
      const missing = await app.inject({ method: 'POST', url: `/api/entities/${mother.id}/merge`, payload: { other: 999999 }, headers: { authorization: 'Bearer s3cret' } });
      assert.equal(missing.statusCode, 404);
    });

    test('identities can be recomputed; manual decisions and ids survive', async () => {
      const before = (await get('/api/entities?q=Elena%20Trufanova')).body[0];
      assert.equal((await app.inject({ method: 'POST', url: '/api/identities/recompute' })).statusCode, 401);
      const res = await app.inject({ method: 'POST', url: '/api/identities/recompute', headers: { authorization: 'Bearer s3cret' } });
      assert.equal(res.statusCode, 200);
      assert.ok(res.json().entities > 0);
      const after = (await get('/api/entities?q=Elena%20Trufanova')).body[0];
      assert.equal(after.id, before.id);
      assert.deepEqual(after.aliases, before.aliases);
    });

    test('documents posted to the API are checked for near-duplicates and the link is shown', async () => {
      const original = JSON.parse(readFileSync(join(ROOT, 'examples', 'wikinews', 'wikinews-news-flag.json'), 'utf8')) as { title: string; text: string; published: string };
      const auth = { authorization: 'Bearer s3cret' };
      const first = await app.inject({ method: 'POST', url: '/api/documents', payload: { text: original.text, title: original.title, published: original.published, source: 'Wikinews' }, headers: auth });
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.json().duplicate_of, null);
      // a syndicated copy: a dateline, the last sentence cut, a credit line, another title and outlet, a day later
      const copyText = `WELLINGTON (Wire) - ${original.text.trim().replace(/[^.]+\.$/, '')}\n\nDistributed by Example Wire.`;
      const second = await app.inject({ method: 'POST', url: '/api/documents', payload: { text: copyText, title: 'New Zealand to vote on its flag', published: '2015-05-13', source: 'Example Wire' }, headers: auth });
      assert.equal(second.statusCode, 201, second.body);
      const firstId = first.json().id;
      const copyId = second.json().id;
      assert.equal(second.json().duplicate_of, firstId);
      // posting the copy again: unchanged, and still says what it copies
      const again = await app.inject({ method: 'POST', url: '/api/documents', payload: { text: copyText, title: 'New Zealand to vote on its flag', published: '2015-05-13', source: 'Example Wire' }, headers: auth });
      assert.deepEqual([again.statusCode, again.json().status, again.json().duplicate_of], [200, 'unchanged', firstId]);
      const copy = (await get(`/api/documents/${copyId}`)).body;
      assert.equal(copy.duplicate_of.id, firstId);
      assert.equal(copy.duplicate_of.title, original.title);
      assert.ok(copy.duplicate_of.similarity > 0.5);
      const root = (await get(`/api/documents/${firstId}`)).body;
      assert.equal(root.duplicate_of, null);
      assert.deepEqual(root.copies.map((c: { id: number; source: string }) => [c.id, c.source]), [[copyId, 'Example Wire']]);
      const list = (await get('/api/documents?limit=50')).body.items;
      assert.equal(list.find((d: { id: number }) => d.id === copyId).duplicate_of.id, firstId);
      assert.equal(list.find((d: { id: number }) => d.id === firstId).copy_count, 1);
      const hits = (await get('/api/search?q=national%20flag%20designs')).body.documents;
      const hit = hits.find((d: { id: number }) => d.id === firstId);
      assert.ok(hit && !hits.some((d: { id: number }) => d.id === copyId), JSON.stringify(hits));
      assert.deepEqual(hit.copies.map((c: { id: number }) => c.id), [copyId]);
      const openapi = (await get('/openapi.json')).body;
      assert.ok(openapi.paths['/api/documents/{id}'].get.responses['200'].content['application/json'].schema.properties.duplicate_of);
    });

    test('a read-only server refuses writes', async () => {
      const ro = await buildServer({ store, readOnly: true, webRoot: null });
      const res = await ro.inject({ method: 'POST', url: '/api/documents', payload: { text: 'x y z.' } });
      assert.equal(res.statusCode, 403);
      await ro.close();
    });
  });
}

test('the server refuses a public host with write routes and no token', async () => {
  assert.ok(isLoopback('127.0.0.1') && isLoopback('::1') && isLoopback('localhost'));
  assert.ok(!isLoopback('0.0.0.0') && !isLoopback('192.168.1.4'));
  await assert.rejects(startServer({ db: ':memory:', port: 0, host: '0.0.0.0', token: null, readOnly: false }), /refusing/);
});

test('serve listens on loopback and answers over HTTP', async () => {
  const server = await startServer({ db: ':memory:', port: 0, host: '127.0.0.1', token: null, readOnly: false });
  try {
    const res = await fetch(`${server.url}api/documents`);
    assert.equal(res.status, 200);
    assert.equal((await res.json()).total, 0);
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  } finally {
    await server.stop();
  }
});

describe('request errors say what is wrong', () => {
  let store: Store;
  before(async () => {
    store = await openStore(':memory:');
  });
  after(async () => {
    await store?.close();
  });

  test('a body field of the wrong JSON type is refused by name, not coerced', async () => {
    const app = await buildServer({ store, webRoot: null });
    try {
      const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as Record<string, unknown> });
      const number = await post('/api/documents', { text: 42 });
      assert.equal(number.statusCode, 400);
      assert.deepEqual(number.json(), { statusCode: 400, error: 'Bad Request', message: 'body/text must be string, got number' });
      assert.match((await post('/api/documents', { text: 'Talks resumed in Geneva.', title: ['a'] })).json().message, /body\/title must be string or null, got array/);
      assert.match((await post('/api/entities/1/split', { members: ['3'] })).json().message, /body\/members\/0 must be integer, got string/);
      assert.match((await post('/api/entities/1/merge', { other: '2' })).json().message, /body\/other must be integer, got string/);
      assert.equal((await store.stats()).documents, 0);
      // query strings are text by nature: still read as numbers
      assert.equal((await app.inject({ method: 'GET', url: '/api/documents?limit=5' })).statusCode, 200);
      const ok = await post('/api/documents', { text: 'Talks resumed in Geneva on Monday, officials said.', published: '2025-02-03', title: null });
      assert.equal(ok.statusCode, 201, ok.body);
    } finally {
      await app.close();
    }
  });

  test('413 and 429 carry their own reason phrase', async () => {
    const small = await buildServer({ store, webRoot: null, bodyLimit: 200 });
    try {
      const big = await small.inject({ method: 'POST', url: '/api/documents', payload: { text: 'x '.repeat(500) } });
      assert.equal(big.statusCode, 413);
      assert.equal(big.json().error, 'Payload Too Large');
    } finally {
      await small.close();
    }
    const saved = process.env.CHRONICLE_WRITE_RATE;
    process.env.CHRONICLE_WRITE_RATE = '2';
    const limited = await buildServer({ store, webRoot: null });
    try {
      const codes: number[] = [];
      let last;
      for (let i = 0; i < 3; i++) {
        last = await limited.inject({ method: 'POST', url: '/api/documents', payload: { text: 17 } });
        codes.push(last.statusCode);
      }
      assert.deepEqual(codes, [400, 400, 429]);
      assert.equal(last!.json().error, 'Too Many Requests');
      assert.match(last!.json().message, /too many write requests/);
    } finally {
      if (saved === undefined) delete process.env.CHRONICLE_WRITE_RATE;
      else process.env.CHRONICLE_WRITE_RATE = saved;
      await limited.close();
    }
  });
});
