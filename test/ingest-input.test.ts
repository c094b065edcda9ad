import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readDocuments, decodeHtml, type InputItem } from '../src/ingest/input.js';
import { detectLanguage } from '../src/ingest/language.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
const collect = async (it: AsyncIterable<InputItem>) => {
  const out: InputItem[] = [];
  for await (const x of it) out.push(x);
  return out;
};
const PARA = 'The court adjourned the hearing until Monday after the defence asked for more time to study the evidence. ';
const page = (title: string, body: string) => `<!doctype html><html lang="en"><head><title>${title}</title><meta property="article:published_time" content="2025-01-09T08:00:00Z"></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${title}</h1><p>${body}</p><p>${PARA}</p></article></body></html>`;

test('html, htm and .html.gz files and directories (recursive) are read; source names the file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-ingest-'));
  try {
    mkdirSync(join(dir, 'sub', 'deeper'), { recursive: true });
    writeFileSync(join(dir, 'a.html'), page('First', PARA.repeat(3)));
    writeFileSync(join(dir, 'sub', 'b.htm'), page('Second', PARA.repeat(3)));
    writeFileSync(join(dir, 'sub', 'deeper', 'c.html.gz'), gzipSync(page('Third', PARA.repeat(3))));
    writeFileSync(join(dir, 'sub', 'notes.txt'), PARA.repeat(2));
    writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    writeFileSync(join(dir, '.hidden.html'), page('Hidden', PARA));
    const items = await collect(readDocuments([dir]));
    assert.deepEqual(items.map((i) => [i.origin.slice(dir.length + 1), i.ok]), [
      ['a.html', true],
      ['sub/b.htm', true],
      ['sub/deeper/c.html.gz', true],
      ['sub/notes.txt', true],
    ]);
    const c = items[2].ok ? items[2].doc : null;
    assert.equal(c?.id, 'c');
    assert.equal(c?.title, 'Third');
    assert.equal(c?.published, '2025-01-09');
    assert.equal(c?.source, join(dir, 'sub', 'deeper', 'c.html.gz'));
    assert.doesNotMatch(c?.text ?? '', /Home|World/);
    assert.equal(c?.text.split('\n\n').length, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('real gzip page from the benchmark, a gzip bomb and a corrupt gzip: each reported by name, the batch goes on', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-gz-'));
  try {
    const bomb = join(dir, 'bomb.html.gz');
    writeFileSync(bomb, gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20)));
    const corrupt = join(dir, 'corrupt.html.gz');
    writeFileSync(corrupt, Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5]));
    const real = join(FIXTURES, 'pages', '374ac9a59a85196cdacc1679fb8993521a7b7d9d6533720f102300be1c7face4.html.gz');
    const items = await collect(readDocuments([bomb, corrupt, real], { maxRawBytes: 4 * 1024 * 1024 }));
    assert.equal(items.length, 3);
    assert.ok(!items[0].ok && /expands past the 4\.0 MB limit/.test(items[0].error) && items[0].origin === bomb);
    assert.ok(!items[1].ok && /not valid gzip data/.test(items[1].error));
    assert.ok(items[2].ok && items[2].doc.text.startsWith('DUBAI, United Arab Emirates — Dubai\'s flagship carrier Emirates'));
    assert.ok(items[2].ok && items[2].doc.url === 'https://www.cnbc.com/2019/11/20/emirates-inks-order-for-30-boeing-787-jets-talks-expansion-plans.html');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('URLs: pages and feeds from a local server; HTTP errors, timeouts and size caps are named', async () => {
  const rss = readFileSync(join(FIXTURES, 'feeds', 'rss.xml'));
  const server: Server = createServer((req, res) => {
    if (req.url === '/story') {
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' });
      res.end(Buffer.from(page('Caf\xe9 owners protest', 'Owners of the caf\xe9 said the rent had doubled. ' + PARA.repeat(2)), 'latin1'));
    } else if (req.url === '/feed') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss);
    } else if (req.url === '/summaries.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`<rss version="2.0"><channel><title>S</title><item><title>Short</title><link>http://${req.headers.host}/story</link><description>Owners protest.</description></item></channel></rss>`);
    } else if (req.url === '/paper.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(Buffer.from('%PDF-1.4\n'));
    } else if (req.url === '/big') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(Buffer.alloc(300_000, 0x61));
    } else if (req.url === '/slow') {
      setTimeout(() => res.end('late'), 5000).unref();
    } else {
      res.writeHead(404);
      res.end('no');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  const base = `http://127.0.0.1:${port}`;
  try {
    // a generous timeout for the pages that answer (the test machine may be busy), a short one for /slow
    const items = await collect(readDocuments([`${base}/story`, `${base}/missing`, `${base}/feed`, `${base}/big`], { fetch: { timeoutMs: 15_000, maxBytes: 100_000 } }));
    items.push(...(await collect(readDocuments([`${base}/slow`], { fetch: { timeoutMs: 300 } }))));
    const story = items[0];
    assert.ok(story.ok, JSON.stringify(story));
    assert.equal(story.doc.source, `${base}/story`);
    assert.equal(story.doc.title, 'Café owners protest');
    assert.match(story.doc.text, /^Owners of the café said the rent had doubled\./);
    assert.deepEqual(items[1], { ok: false, origin: `${base}/missing`, error: 'HTTP 404 Not Found' });
    const feedDocs = items.filter((i) => i.ok && i.origin.startsWith(`${base}/feed#`));
    assert.equal(feedDocs.length, 2, 'two English entries with text');
    const big = items.find((i) => i.origin === `${base}/big`);
    assert.ok(big && !big.ok && /over the 0\.1 MB download limit/.test(big.error));
    const slow = items.find((i) => i.origin === `${base}/slow`);
    assert.ok(slow && !slow.ok && /timed out after 300 ms/.test(slow.error), JSON.stringify(slow));
    const [pdf] = await collect(readDocuments([`${base}/paper.pdf`]));
    assert.deepEqual(pdf, { ok: false, origin: `${base}/paper.pdf`, error: 'unsupported content type application/pdf (expected a web page, a feed, JSON or text)' });
    // a summary-only feed: --fetch-articles reads the linked page for the full text
    const [summary] = await collect(readDocuments([`${base}/summaries.xml`], { anyLanguage: true }));
    assert.ok(summary.ok && summary.doc.text === 'Owners protest.');
    const [full] = await collect(readDocuments([`${base}/summaries.xml`], { fetchArticles: true }));
    assert.ok(full.ok, JSON.stringify(full));
    assert.match(full.doc.text, /^Owners of the café said the rent had doubled\./);
    assert.equal(full.doc.title, 'Short');
    assert.equal(full.doc.url, `${base}/story`);
    assert.equal(full.origin, `${base}/summaries.xml#1`);
  } finally {
    server.close();
  }
});

test('charset: declared legacy encodings are decoded, undeclared invalid UTF-8 falls back to Windows-1252', () => {
  assert.equal(decodeHtml(Buffer.from('<meta charset="iso-8859-1"><p>na\xefve</p>', 'latin1')), '<meta charset="iso-8859-1"><p>naïve</p>');
  assert.equal(decodeHtml(Buffer.from('<p>\x93quoted\x94</p>', 'latin1')), '<p>“quoted”</p>');
  assert.equal(decodeHtml(Buffer.from('<p>caf\xc3\xa9</p>', 'latin1')), '<p>café</p>');
});

test('language: English kept, other languages and scripts named, short texts undecided', () => {
  assert.equal(detectLanguage(PARA.repeat(2)).english, true);
  const de = detectLanguage('Die Regierung hat am Montag mitgeteilt, dass die Verhandlungen mit den Gewerkschaften fortgesetzt werden. Es ist nicht klar, wann eine Einigung erzielt wird, und die Streiks gehen weiter.');
  assert.equal(de.english, false);
  assert.equal(de.lang, 'de');
  const ru = detectLanguage('Правительство заявило в понедельник, что переговоры с профсоюзами будут продолжены на следующей неделе.');
  assert.equal(ru.english, false);
  assert.match(ru.reason, /cyrillic/i);
  assert.equal(detectLanguage('Breaking: more soon').english, null);
});
