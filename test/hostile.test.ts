/**
 * Hostile input, round two (issue 16): each failure the second attack found, reproduced.
 *  - markup that walked around the depth check, and a bad document stopping the rest of a
 *    batch, a folder, a feed or stdin; the per-document time budget;
 *  - DNS rebinding reads (the Host check covered only writes);
 *  - requests and ingest that PostgreSQL answered with 500 or a driver error where SQLite did
 *    not: huge ids, Infinity offsets, NUL characters — the same answers on both stores;
 *  - input hygiene: invalid UTF-8 in JSON Lines, object ids, impossible dates, bidirectional
 *    controls in names and titles, security headers on Fastify's own errors;
 *  - a large POST no longer blocks reads.
 * (Linear time is test/complexity.test.ts.)
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer, request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { extractArticle } from '../src/ingest/html.js';
import { extract } from '../src/extract.js';
import { markupDepth } from '../src/ingest/limits.js';
import { InputError } from '../src/ingest/errors.js';
import { readDocuments, normalisePublished, toDocInput } from '../src/ingest/input.js';
import { parseFeed } from '../src/ingest/feed.js';
import { ExtractPool } from '../src/ingest/pool.js';
import { runIngest } from '../src/ingest/batch.js';
import { buildServer } from '../src/server/index.js';
import { startServer } from '../src/cli/commands/serve.js';
import type { Store } from '../src/store/index.js';
import { backends, caseArticles } from './store-fixtures.js';
import { adversarial } from './support/adversarial.js';
import { browserSkip, launchChromium } from './support/browser.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/chronicle');
const ARTICLE = '<html><body><article><h1>Talks resume</h1>' +
  '<p>The United Nations said on Monday that talks between the two sides would resume in Geneva next week, after a pause of three months.</p>'.repeat(4) +
  '</article></body></html>';
/** Pages built to walk around a depth scan that estimates instead of parsing. */
const EVASIONS: Record<string, string> = {
  'div-self-closed': '<div/>'.repeat(10_000),
  'div-attr-self-closed': '<div class=a/>'.repeat(10_000),
  'comment-trick': '<!-->' + '<div>'.repeat(3_000),
  noembed: '<noembed>' + '<div>'.repeat(3_000) + '</noembed>',
};

function chronicle(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('limits that cannot be walked around', () => {
  test('the depth is that of the tree the parser builds: <div/>, <div class=a/>, <!-->, <noembed> are refused, not a stack overflow', () => {
    for (const [name, body] of Object.entries(EVASIONS)) {
      assert.ok(markupDepth(body) > 256, name);
      assert.throws(() => extractArticle(`<html><body>${body}</body></html>`), (e: Error) => e instanceof InputError && /nested more than 256/.test(e.message), name);
    }
    // what really nests shallowly is still read
    assert.equal(markupDepth('<ul>' + '<li>a'.repeat(5_000) + '</ul>'), 2);
    assert.equal(markupDepth('<p>x'.repeat(5_000)), 1);
    assert.match(extractArticle(ARTICLE).text, /talks between the two sides/);
  });

  test('extract and ingest of a folder: the bad page fails by name, the files after it are read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-hostile-'));
    try {
      const folder = join(dir, 'pages');
      mkdirSync(folder);
      writeFileSync(join(folder, 'a-good.html'), ARTICLE);
      writeFileSync(join(folder, 'b-deep.html'), `<html><body>${EVASIONS['div-self-closed']}</body></html>`);
      writeFileSync(join(folder, 'c-good.html'), ARTICLE.replace('Geneva', 'Doha'));
      const ex = chronicle(['extract', folder]);
      assert.equal(ex.code, 1, ex.stderr);
      assert.match(ex.stderr, /b-deep\.html: page markup is nested more than 256 elements deep/);
      assert.doesNotMatch(ex.stderr, /RangeError|at .*\.js:\d+/);
      assert.equal(ex.stdout.trim().split('\n').length, 2, 'the two good pages are extracted');
      const db = join(dir, 'store.db');
      const ing = chronicle(['ingest', '--db', db, '--quiet', folder]);
      assert.equal(ing.code, 1, ing.stderr);
      assert.match(ing.stderr, /b-deep\.html: page markup is nested/);
      assert.match(ing.stderr, /2 added, 0 already stored, 1 failed/);
      // standard input: the page fails alone, with a clear message
      const stdin = chronicle(['extract', '-'], `<html><body>${EVASIONS.noembed}</body></html>`);
      assert.equal(stdin.code, 1);
      assert.match(stdin.stderr, /stdin: page markup is nested more than 256/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a feed keeps every entry but the one whose content is too deep', async () => {
    const item = (i: number, html: string) => `<item><title>Entry ${i}</title><link>https://example.org/${i}</link><description><![CDATA[${html}]]></description></item>`;
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${item(1, '<p>Talks resumed in Geneva on Monday, officials said.</p>')}${item(2, EVASIONS['div-attr-self-closed'])}${item(3, '<p>Prisoners were exchanged in Doha on Tuesday.</p>')}</channel></rss>`;
    const feed = parseFeed(xml);
    assert.equal(feed.entries.length, 3);
    assert.match(feed.entries[1].error ?? '', /nested more than 256/);
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-hostile-'));
    try {
      writeFileSync(join(dir, 'feed.xml'), xml);
      const items = [];
      for await (const it of readDocuments([join(dir, 'feed.xml')], { anyLanguage: true })) items.push(it);
      assert.deepEqual(items.map((i) => [i.origin.replace(dir, ''), i.ok]), [['/feed.xml#1', true], ['/feed.xml#2', false], ['/feed.xml#3', true]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('time budget: a document over it is stopped and named; the one queued behind it is extracted', async () => {
    const pool = new ExtractPool(1, { script: new URL('../../test/fixtures/slow-worker.mjs', import.meta.url), secondsPerMb: 30, minSeconds: 0.5 });
    try {
      const slow = pool.extract({ id: 'slow', text: 'slow' });
      const next = pool.extract({ id: 'next', text: 'fine' });
      await assert.rejects(slow, /extraction stopped after 0\.5 s, over its time budget \(30 s per MB of text, at least 0\.5 s; --time-budget\)/);
      assert.equal(((await next).result as unknown as { text: string }).text, 'FINE');
      assert.equal(((await pool.extract({ id: 'after', text: 'still fine' })).result as unknown as { text: string }).text, 'STILL FINE');
    } finally {
      await pool.close();
    }
  });
});

describe('input hygiene', () => {
  test('invalid UTF-8 in a JSON Lines file is reported by file and line; the other lines are read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-hostile-'));
    try {
      const file = join(dir, 'docs.jsonl');
      const good = (id: string) => Buffer.from(JSON.stringify({ id, text: 'Talks resumed in Geneva on Monday, officials said.' }) + '\n');
      writeFileSync(file, Buffer.concat([good('a'), Buffer.from('{"id": "b", "text": "caf'), Buffer.from([0xc3, 0x28]), Buffer.from(' in Geneva."}\n'), good('c')]));
      const items = [];
      for await (const it of readDocuments([file], { anyLanguage: true })) items.push(it);
      assert.deepEqual(items.map((i) => [i.origin.replace(dir, ''), i.ok]), [['/docs.jsonl:1', true], ['/docs.jsonl:2', false], ['/docs.jsonl:3', true]]);
      assert.match((items[1] as { error: string }).error, /invalid UTF-8/);
      const r = chronicle(['extract', file]);
      assert.equal(r.code, 1, 'a bad line makes the exit status 1');
      assert.match(r.stderr, /docs\.jsonl:2: invalid UTF-8/);
      assert.equal(r.stdout.trim().split('\n').length, 2);
      assert.doesNotMatch(r.stdout, /\ufffd/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('ids are strings or numbers; impossible dates are refused', () => {
    assert.equal(toDocInput({ id: 42, text: 'x y' }, 'f').id, '42');
    for (const id of [{ a: 1 }, ['x'], true]) assert.throws(() => toDocInput({ id, text: 'x y' }, 'f'), /"id" must be a string or a number/, JSON.stringify(id));
    for (const day of ['2024-02-30', '2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10']) assert.throws(() => normalisePublished(day), InputError, day);
    assert.equal(normalisePublished('2024-02-29'), '2024-02-29');
    assert.equal(normalisePublished('2024-02-29T23:00:00Z'), '2024-02-29');
  });

  test('words that name an Object.prototype member are plain words: "&constructor;" in a headline, "the constructor said"', () => {
    const page = '<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Rebels &constructor; free &amp; hostages &toString;"}</script></head>'
      + '<body><article><p>The rebels freed two hostages on Monday in the north of the country, officials said in a statement.</p></article></body></html>';
    assert.equal(extractArticle(page).title, 'Rebels &constructor; free & hostages &toString;');
    const r = extract({ id: 'proto', text: 'The constructor said the valueOf the shares fell. Both constructors said the hasOwnProperty case was closed on toString day.' });
    assert.ok(r.quotes.length >= 1);
    assert.doesNotMatch(JSON.stringify(r), /native code/);
  });
});

describe('the server', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  before(async () => {
    ({ store, cleanup } = await backends()[0].open());
    for (const a of caseArticles) await store.ingest(a);
  });
  after(async () => {
    await store?.close();
    await cleanup?.();
  });

  test('DNS rebinding: a Host that is not allowed is refused for reads as for writes (421), with or without a token', async () => {
    for (const token of [null, 's3cret']) {
      const app = await buildServer({ store, token, webRoot: null });
      try {
        for (const url of ['/api/documents', '/api/entities?q=Trufanov', '/api/documents/1', '/openapi.json', '/api/health']) {
          const res = await app.inject({ method: 'GET', url, headers: { host: 'attacker.example:8787' } });
          assert.equal(res.statusCode, 421, `${url} ${res.body}`);
          assert.doesNotMatch(res.body, /Trufanov/);
          assert.equal(res.headers['content-security-policy']?.toString().includes("default-src 'self'"), true);
        }
        for (const host of ['localhost:8787', '127.0.0.1:8787', '[::1]:8787', 'app.localhost']) assert.equal((await app.inject({ method: 'GET', url: '/api/documents', headers: { host } })).statusCode, 200, host);
      } finally {
        await app.close();
      }
    }
    // --allowed-host: that name (any port, or only the port given) is answered
    const app = await buildServer({ store, webRoot: null, allowedHosts: ['chronicle.example.org', 'other.example:8443'] });
    try {
      const status = async (host: string) => (await app.inject({ method: 'GET', url: '/api/documents', headers: { host } })).statusCode;
      assert.deepEqual([await status('chronicle.example.org'), await status('Chronicle.Example.Org:8080'), await status('other.example:8443'), await status('other.example:80'), await status('evil.example')], [200, 200, 200, 421, 421]);
    } finally {
      await app.close();
    }
  });

  test('DNS rebinding over real HTTP: curl -H "Host: attacker.example:8787" reads nothing', async () => {
    const server = await startServer({ db: '', port: 0, host: '127.0.0.1', token: null, readOnly: false }, store);
    try {
      const port = Number(new URL(server.url).port);
      const get = (host: string) => new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/api/documents', headers: { host } }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
      const evil = await get('attacker.example:8787');
      assert.equal(evil.status, 421);
      assert.doesNotMatch(evil.body, /"items"/);
      assert.equal((await get(`127.0.0.1:${port}`)).status, 200);
    } finally {
      await server.stop();
    }
  });

  test('DNS rebinding in Chromium: a page whose domain now resolves to 127.0.0.1 reads nothing', { skip: browserSkip('the DNS rebinding browser test') }, async () => {
    // the attacker's page is served on a port; then its name points at 127.0.0.1 and Chronicle
    // answers on that port: the page's same-origin fetch reaches Chronicle with its own Host
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as { port: number }).port;
        probe.close(() => resolve(p));
      });
    });
    const attacker = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html', connection: 'close' }).end('<!DOCTYPE html><title>innocent</title><p>hello</p>'));
    await new Promise<void>((resolve) => attacker.listen(port, '127.0.0.1', () => resolve()));
    const browser = await launchChromium(['--host-resolver-rules=MAP attacker.example 127.0.0.1']);
    let server: { stop: () => Promise<void> } | null = null;
    try {
      const page = await browser.newPage();
      await page.goto(`http://attacker.example:${port}/`);
      assert.equal(await page.title(), 'innocent');
      attacker.closeAllConnections();
      await new Promise<void>((resolve) => attacker.close(() => resolve()));
      server = await startServer({ db: '', port, host: '127.0.0.1', token: null, readOnly: false }, store);
      const got = await page.evaluate(async () => {
        const res = await fetch('/api/documents', { cache: 'no-store' });
        return { status: res.status, body: await res.text() };
      });
      assert.equal(got.status, 421, got.body);
      assert.doesNotMatch(got.body, /"items"|Trufanov/);
      // another origin gets nothing readable either: no CORS, so an opaque answer, or none at all
      // where Chromium's private-network rules refuse the request outright
      const local = await page.evaluate(async (p) => {
        try {
          return (await fetch(`http://127.0.0.1:${p}/api/health`, { mode: 'no-cors' })).type;
        } catch {
          return 'refused';
        }
      }, port);
      assert.ok(local === 'opaque' || local === 'refused', local);
    } finally {
      await browser.close();
      await server?.stop();
      attacker.close();
    }
  });

  test('security headers on Fastify\'s own errors: 400 for a malformed URL', async () => {
    const app = await buildServer({ store, webRoot: null });
    try {
      for (const url of ['/%c0%ae', '/api/documents/%zz']) {
        const res = await app.inject({ method: 'GET', url });
        assert.equal(res.statusCode, 400, url);
        assert.match(String(res.headers['content-security-policy']), /default-src 'self'/, url);
        assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
        assert.equal(res.headers['x-frame-options'], 'DENY', url);
        assert.equal(res.json().error, 'Bad Request');
      }
    } finally {
      await app.close();
    }
  });

  test('bidirectional controls are taken out of names and titles for display, and the document says so', async () => {
    const app = await buildServer({ store, webRoot: null });
    try {
      const text = 'Mallory \u202eExample\u202c met officials of the Example Council in Paris on Monday, the council said.';
      const post = await app.inject({ method: 'POST', url: '/api/documents', payload: { text, title: 'A \u202emeeting\u202c in Paris', published: '2024-03-04' } });
      assert.equal(post.statusCode, 201, post.body);
      const doc = (await app.inject({ method: 'GET', url: `/api/documents/${post.json().id}` })).json();
      assert.equal(doc.title, 'A meeting in Paris');
      assert.equal(doc.text, text, 'the text keeps every character (offsets point into it)');
      const names: string[] = doc.result.entities.map((e: { name: string }) => e.name);
      assert.ok(names.length > 0);
      assert.ok(names.every((n) => !/[\u202a-\u202e\u2066-\u2069]/.test(n)), names.join(', '));
      assert.equal(doc.notes.length, 1);
      assert.match(doc.notes[0], /bidirectional control characters .* removed from the title/);
      const list = (await app.inject({ method: 'GET', url: '/api/documents?limit=500' })).body;
      assert.doesNotMatch(list, /\\u202e|\u202e/);
      const clean = (await app.inject({ method: 'GET', url: '/api/documents/1' })).json();
      assert.deepEqual(clean.notes, []);
    } finally {
      await app.close();
    }
  });

  test('a large POST does not block reads: extraction runs off the request thread', async () => {
    // (no time budget here: on a busy shared machine this document may take longer than 30 s)
    const app = await buildServer({ store, webRoot: null, secondsPerMb: 0 });
    try {
      // the worker loads its models first, so the timed POST measures extraction alone
      assert.equal((await app.inject({ method: 'POST', url: '/api/documents', payload: { text: 'Talks resumed in Geneva on Monday.' } })).statusCode, 201);
      const text = adversarial('org-place', 200_000, 7);
      const t0 = performance.now();
      let done = false;
      const post = app.inject({ method: 'POST', url: '/api/documents', payload: { text, published: '2024-03-04' } }).then((r) => {
        done = true;
        return r;
      });
      const waits: number[] = [];
      while (!done) {
        const t = performance.now();
        const res = await app.inject({ method: 'GET', url: '/api/health' });
        assert.equal(res.statusCode, 200);
        waits.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
      const res = await post;
      const total = performance.now() - t0;
      assert.equal(res.statusCode, 201, res.body);
      assert.ok(waits.length >= 5, `reads answered while the POST ran: ${waits.length} in ${total.toFixed(0)} ms`);
      // a read never waits for the extraction: the slowest is a small part of the whole POST
      const slowest = Math.max(...waits);
      assert.ok(slowest < total / 4, `slowest read ${slowest.toFixed(0)} ms during a POST of ${total.toFixed(0)} ms`);
    } finally {
      await app.close();
    }
  });
});

for (const backend of backends()) {
  describe(`one behaviour on both stores (${backend.name})`, { skip: backend.skip }, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let app: FastifyInstance;
    before(async () => {
      ({ store, cleanup } = await backend.open());
      for (const a of caseArticles) await store.ingest(a);
      app = await buildServer({ store, webRoot: null });
    });
    after(async () => {
      await app?.close();
      await store?.close();
      await cleanup?.();
    });
    const status = async (url: string) => (await app.inject({ method: 'GET', url })).statusCode;

    test('huge, infinite and fractional ids and offsets are 400, never 500', async () => {
      for (const id of ['9999999999999999999999', '9007199254740992', '1e400', 'Infinity', '-1', '1.5', 'NaN']) {
        for (const url of [`/api/documents/${id}`, `/api/entities/${id}`, `/api/entities/${id}/timeline`]) assert.equal(await status(url), 400, url);
      }
      for (const url of ['/api/documents?offset=Infinity', '/api/documents?offset=-1', '/api/documents?offset=1e400', '/api/documents?offset=99999999999999999999', '/api/documents?limit=Infinity']) assert.equal(await status(url), 400, url);
      // the largest safe id is no row on either store: 404
      for (const url of ['/api/documents/9007199254740991', '/api/entities/9007199254740991', '/api/entities/9007199254740991/timeline']) assert.equal(await status(url), 404, url);
      assert.equal(await status('/api/documents?offset=1000000000'), 200);
      const merge = await app.inject({ method: 'POST', url: '/api/entities/1/merge', payload: { other: 1e22 } });
      assert.equal(merge.statusCode, 400);
      // the store itself answers alike for callers without the HTTP layer
      assert.equal(await store.getDocument(1e22), null);
      assert.equal(await store.getEntity(Infinity), null);
      assert.equal((await store.listDocuments({ offset: Infinity })).items.length, 4);
    });

    test('NUL in a search or a posted document is answered alike: 200 and 201', async () => {
      assert.equal(await status('/api/search?q=%00'), 200);
      assert.equal(await status('/api/entities?q=%00Trufanov'), 200);
      const text = 'Talks resumed in Geneva\u0000 on Monday, officials of the United Nations said.';
      const post = await app.inject({ method: 'POST', url: '/api/documents', payload: { text, title: 'NUL\u0000 in the title', published: '2024-03-05' } });
      assert.equal(post.statusCode, 201, post.body);
      const doc = (await app.inject({ method: 'GET', url: `/api/documents/${post.json().id}` })).json();
      assert.equal(doc.text, text.replace('\u0000', '\ufffd'), 'NUL is stored as U+FFFD, one character for one');
      assert.equal(doc.title, 'NUL\ufffd in the title');
      for (const e of doc.result.entities) for (const m of e.mentions) assert.equal(doc.text.slice(m.start, m.end), m.text);
      const again = await app.inject({ method: 'POST', url: '/api/documents', payload: { text, title: 'NUL\u0000 in the title', published: '2024-03-05' } });
      assert.equal(again.json().status, 'unchanged');
    });

    test('ingest: a JSON Lines line with NUL is stored; a bad line fails alone', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'chronicle-hostile-'));
      try {
        const file = join(dir, 'nul.jsonl');
        writeFileSync(file, [
          JSON.stringify({ id: 'nul-1', text: 'Prisoners were exchanged in Doha\u0000 on Tuesday, Qatar said.', published: '2024-03-06' }),
          JSON.stringify({ id: { bad: true }, text: 'An object id.' }),
          JSON.stringify({ id: 'nul-3', text: 'Talks resumed in Cairo on Wednesday, officials said.', published: '2024-02-30' }),
          JSON.stringify({ id: 'nul-4', text: 'Talks resumed in Cairo on Wednesday, officials said.', published: '2024-03-06' }),
        ].join('\n') + '\n');
        const errors: string[] = [];
        const s = await runIngest(readDocuments([file], { anyLanguage: true }), { store, jobs: 0, error: (l) => errors.push(l) });
        assert.deepEqual([s.added, s.failed], [2, 2], errors.join('\n'));
        assert.match(errors.join('\n'), /nul\.jsonl:2: "id" must be a string or a number/);
        assert.match(errors.join('\n'), /nul\.jsonl:3: "published" is not a day of the calendar/);
        const list = await store.listDocuments({ limit: 500 });
        assert.ok(list.items.some((d) => d.external_id === 'nul-1'));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
