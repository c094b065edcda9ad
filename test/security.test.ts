/**
 * Server security with fastify.inject: token on writes, refusal to serve open writes beyond
 * loopback, security headers (CSP without inline script, nosniff, no framing), no CORS,
 * cross-site and DNS-rebinding writes refused, body limit, schema validation, rate limiting on
 * writes only, and SQL that never splices user input (search and lookups with SQL and FTS
 * syntax in them return normally).
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/server/index.js';
import { isLoopbackHostHeader } from '../src/server/security.js';
import { startServer } from '../src/cli/commands/serve.js';
import type { Store } from '../src/store/index.js';
import { backends, caseArticles } from './store-fixtures.js';

const TOKEN = 'correct-horse-battery-staple';
const doc = { text: 'Mallory Example met the Example Council in Paris on Monday.', title: 'A meeting', published: '2024-03-04' };

// the same expectations on both stores (PostgreSQL when CHRONICLE_TEST_PG is set, as in CI)
for (const backend of backends()) describe(`server security (${backend.name})`, { skip: backend.skip }, () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let app: FastifyInstance;
  let open: FastifyInstance;
  before(async () => {
    ({ store, cleanup } = await backend.open());
    for (const a of caseArticles) await store.ingest(a);
    app = await buildServer({ store, token: TOKEN, webRoot: null });
    open = await buildServer({ store, token: null, webRoot: null });
  });
  after(async () => {
    await app?.close();
    await open?.close();
    await store?.close();
    await cleanup?.();
  });

  test('writes need the bearer token; a wrong or missing one is 401 and stores nothing', async () => {
    const before = (await store.stats()).documents;
    for (const authorization of [undefined, 'Bearer wrong', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, 'Bearer ']) {
      const res = await app.inject({ method: 'POST', url: '/api/documents', payload: doc, headers: authorization ? { authorization } : {} });
      assert.equal(res.statusCode, 401, String(authorization));
      assert.equal(res.headers['www-authenticate'], 'Bearer');
    }
    assert.equal((await app.inject({ method: 'POST', url: '/api/entities/1/merge', payload: { other: 2 } })).statusCode, 401);
    assert.equal((await store.stats()).documents, before);
    const ok = await app.inject({ method: 'POST', url: '/api/documents', payload: doc, headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(ok.statusCode, 201);
    assert.equal((await store.stats()).documents, before + 1);
    // reads need no token
    assert.equal((await app.inject({ method: 'GET', url: '/api/documents' })).statusCode, 200);
  });

  test('a write-enabled server without a token refuses a non-loopback address', async () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.10']) {
      await assert.rejects(startServer({ db: '', port: 0, host, token: null, readOnly: false }, store), /without a token/);
    }
    // loopback, or read-only, or with a token, is allowed
    const s = await startServer({ db: '', port: 0, host: '127.0.0.1', token: null, readOnly: false }, store);
    await s.stop();
    const r = await startServer({ db: '', port: 0, host: '0.0.0.0', token: null, readOnly: true }, store);
    await r.stop();
  });

  test('security headers on API, error and static responses: CSP without inline script, nosniff, no framing', async () => {
    for (const url of ['/api/documents', '/api/entities/999999', '/openapi.json', '/nowhere', '/']) {
      const res = await app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /script-src 'self'(;|$)/, url);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, url);
      assert.match(csp, /frame-ancestors 'none'/, url);
      assert.match(csp, /default-src 'self'/, url);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(res.headers['x-frame-options'], 'DENY', url);
      assert.equal(res.headers['cross-origin-resource-policy'], 'same-origin', url);
      assert.equal(res.headers['referrer-policy'], 'no-referrer', url);
    }
    assert.equal((await app.inject({ method: 'GET', url: '/api/documents' })).headers['cache-control'], 'no-store');
  });

  test('the web app has no inline script or inline event handler (it works under the CSP)', () => {
    const root = join(process.cwd(), 'web', 'public');
    const html = readFileSync(join(root, 'index.html'), 'utf8');
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      assert.match(m[1], /\bsrc=/, 'every <script> loads a file');
      assert.equal(m[2].trim(), '', 'no inline script body');
    }
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handler attributes');
    assert.doesNotMatch(html, /javascript:/i);
    // the built scripts never assign HTML from data
    const js = join(root, 'js');
    const files: string[] = [];
    const walk = (d: string) => { for (const e of readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.js') && files.push(join(d, e.name)); };
    try { walk(js); } catch { /* web app not built: index.html checked above */ }
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      assert.doesNotMatch(src, /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write\(|\beval\(|new Function\(/, f);
    }
  });

  test('CORS is off: no Access-Control headers, preflight refused', async () => {
    const get = await app.inject({ method: 'GET', url: '/api/entities', headers: { origin: 'https://evil.example' } });
    assert.equal(get.statusCode, 200);
    assert.equal(get.headers['access-control-allow-origin'], undefined);
    assert.equal(get.headers['access-control-allow-credentials'], undefined);
    const pre = await app.inject({ method: 'OPTIONS', url: '/api/documents', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
    assert.equal(pre.statusCode, 405);
    assert.equal(pre.headers['access-control-allow-origin'], undefined);
    assert.equal(pre.headers['access-control-allow-methods'], undefined);
  });

  test('cross-site writes and DNS-rebinding writes are refused', async () => {
    const evil = await app.inject({ method: 'POST', url: '/api/documents', payload: doc, headers: { authorization: `Bearer ${TOKEN}`, origin: 'https://evil.example', host: 'localhost:8787' } });
    assert.equal(evil.statusCode, 403);
    assert.match(evil.json().message, /cross-site/);
    const nullOrigin = await open.inject({ method: 'POST', url: '/api/entities/1/merge', payload: { other: 2 }, headers: { origin: 'null', host: '127.0.0.1:8787' } });
    assert.equal(nullOrigin.statusCode, 403);
    // same origin passes the check (and reaches validation)
    const same = await open.inject({ method: 'POST', url: '/api/entities/1/merge', payload: { other: 'x' }, headers: { origin: 'http://127.0.0.1:8787', host: '127.0.0.1:8787' } });
    assert.equal(same.statusCode, 400);
    // a Host that is not loopback (nor allowed) means a rebound domain: refused for writes and reads alike
    const rebound = await open.inject({ method: 'POST', url: '/api/documents', payload: doc, headers: { host: 'attacker.example' } });
    assert.equal(rebound.statusCode, 421);
    assert.match(rebound.json().message, /does not answer for the host/);
    assert.equal((await open.inject({ method: 'GET', url: '/api/documents', headers: { host: 'attacker.example' } })).statusCode, 421);
    for (const h of ['localhost', 'localhost:8787', '127.0.0.1:1', '[::1]:8787', 'app.localhost']) assert.ok(isLoopbackHostHeader(h), h);
    for (const h of ['127.0.0.1.evil.example', 'localhost.evil.example', 'example.com', '10.0.0.1:80', '', undefined]) assert.ok(!isLoopbackHostHeader(h), String(h));
  });

  test('request body limit and schema validation on every write route', async () => {
    const small = await buildServer({ store, token: TOKEN, webRoot: null, bodyLimit: 1024 });
    try {
      const big = await small.inject({ method: 'POST', url: '/api/documents', payload: { text: 'x'.repeat(4096) }, headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(big.statusCode, 413);
    } finally {
      await small.close();
    }
    const auth = { authorization: `Bearer ${TOKEN}` };
    const bad: Array<[string, unknown]> = [
      ['/api/documents', { title: 'no text' }],
      ['/api/documents', { text: ['an array'] }],
      ['/api/documents', { text: 'x', unknown: 1 }],
      ['/api/documents', { text: 'x', title: 'y'.repeat(1001) }],
      ['/api/documents', [doc]],
      ['/api/entities/1/merge', { other: 'one' }],
      ['/api/entities/1/merge', { other: 2, extra: true }],
      ['/api/entities/1/split', { members: [] }],
      ['/api/entities/abc/merge', { other: 2 }],
    ];
    for (const [url, payload] of bad) {
      const res = await app.inject({ method: 'POST', url, payload: payload as object, headers: auth });
      assert.equal(res.statusCode, 400, `${url} ${JSON.stringify(payload)}`);
      assert.equal(res.json().statusCode, 400);
    }
    const notJson = await app.inject({ method: 'POST', url: '/api/documents', payload: '{"text": ', headers: { ...auth, 'content-type': 'application/json' } });
    assert.equal(notJson.statusCode, 400);
    // reads validate their parameters too
    for (const url of ['/api/entities?limit=100000', '/api/search', `/api/search?q=${'a'.repeat(600)}`, '/api/documents/0', '/api/documents/abc']) {
      assert.equal((await app.inject({ method: 'GET', url })).statusCode, 400, url);
    }
  });

  test('SQL and full-text syntax in user input is data, never code', async () => {
    const before = await store.stats();
    for (const q of [`'; DROP TABLE documents; --`, `" OR 1=1 --`, 'Trufanov*', 'NEAR(a b)', 'a AND (b OR', '%_\\', "x' UNION SELECT text FROM documents --", '\u0000', '"""']) {
      const s = await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` });
      assert.ok(s.statusCode === 200 || s.statusCode === 400, `${q}: ${s.statusCode} ${s.body}`);
      const e = await app.inject({ method: 'GET', url: `/api/entities?q=${encodeURIComponent(q)}` });
      assert.ok(e.statusCode === 200 || e.statusCode === 400, `${q}: ${e.statusCode} ${e.body}`);
    }
    assert.deepEqual(await store.stats(), before);
  });

  test('writes are rate-limited per client; reads are not', async () => {
    const limited = await buildServer({ store, token: TOKEN, webRoot: null });
    // a tiny limit for this instance only
    process.env.CHRONICLE_WRITE_RATE = '3';
    let strict: FastifyInstance;
    try {
      strict = await buildServer({ store, token: TOKEN, webRoot: null });
    } finally {
      delete process.env.CHRONICLE_WRITE_RATE;
    }
    try {
      const auth = { authorization: `Bearer ${TOKEN}` };
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await strict.inject({ method: 'POST', url: '/api/entities/1/merge', payload: { other: 'bad' }, headers: auth })).statusCode);
      assert.deepEqual(codes, [400, 400, 400, 429, 429]);
      const last = await strict.inject({ method: 'POST', url: '/api/documents', payload: doc, headers: auth });
      assert.equal(last.statusCode, 429);
      assert.match(last.json().message, /too many write requests/);
      assert.ok(Number(last.headers['retry-after']) > 0);
      // another client address has its own budget
      const other = await strict.inject({ method: 'POST', url: '/api/entities/1/merge', payload: { other: 'bad' }, headers: auth, remoteAddress: '127.0.0.2' });
      assert.equal(other.statusCode, 400);
      for (let i = 0; i < 20; i++) assert.equal((await strict.inject({ method: 'GET', url: '/api/entities' })).statusCode, 200);
      // the default budget is generous enough for a person at work
      for (let i = 0; i < 20; i++) assert.equal((await limited.inject({ method: 'POST', url: '/api/entities/1/merge', payload: { other: 'bad' }, headers: auth })).statusCode, 400);
    } finally {
      await strict.close();
      await limited.close();
    }
  });
});
