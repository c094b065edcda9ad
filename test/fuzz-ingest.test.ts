/**
 * Property-based tests over the ingestion side: the RSS/Atom parser on generated feeds (random
 * Unicode and markup in titles, summaries, content, links and dates; broken XML), the stdin
 * sniffer on arbitrary bytes split into arbitrary chunks, and the markup-depth scan on random
 * markup. Properties: only InputError is ever thrown, the same input gives the same output,
 * entries carry strings, the sniffer replays the stream byte for byte.
 * FUZZ_RUNS scales the run count as in fuzz.test.ts (`npm run fuzz` runs 10× more).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { parseFeed } from '../src/ingest/feed.js';
import { InputError } from '../src/ingest/errors.js';
import { markupDepth } from '../src/ingest/limits.js';
import { sniffJsonLines } from '../src/ingest/sniff.js';
import { parseHTML } from 'linkedom';

const TOTAL = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const RUNS = Math.max(200, Math.round(TOTAL / 5));

const NASTY = ['<', '>', '&', '&amp;', '&lt;script&gt;', '&#0;', '&#x1F600;', '&bogus;', ']]>', '<![CDATA[', '<!--', '-->', '"', "'", '\u0000', '\ud800', '😀', '\u202e', '\u200b', 'ש', '<b>', '</b>', '<p>', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '\n', ' '];
const text = fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'grapheme', maxLength: 10 }), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 12 }).map((xs) => xs.join(''));
const escaped = text.map((s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
const field = fc.oneof(text, escaped, text.map((s) => `<![CDATA[${s}]]>`));
const date = fc.oneof(fc.constantFrom('Mon, 02 Jan 2024 10:00:00 GMT', '2024-01-02T10:00:00Z', 'yesterday', '', '2024-13-45', '0000-00-00'), text);

const rssItem = fc.record({ title: field, link: fc.oneof(fc.webUrl(), text), description: field, content: fc.option(field), date, guid: fc.option(text) })
  .map((i) => `<item><title>${i.title}</title><link>${i.link}</link><description>${i.description}</description>${i.content !== null ? `<content:encoded>${i.content}</content:encoded>` : ''}<pubDate>${i.date}</pubDate>${i.guid !== null ? `<guid>${i.guid}</guid>` : ''}</item>`);
const atomEntry = fc.record({ title: field, href: fc.oneof(fc.webUrl(), text), summary: field, content: fc.option(field), type: fc.constantFrom('html', 'text', 'xhtml', ''), date })
  .map((e) => `<entry><title>${e.title}</title><link href="${e.href.replace(/"/g, '&quot;')}"/><summary>${e.summary}</summary>${e.content !== null ? `<content type="${e.type}">${e.content}</content>` : ''}<updated>${e.date}</updated></entry>`);
const feed = fc.oneof(
  fc.array(rssItem, { maxLength: 5 }).map((items) => `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>${items.join('')}</channel></rss>`),
  fc.array(atomEntry, { maxLength: 5 }).map((entries) => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>${entries.join('')}</feed>`),
);
/** a feed with a random cut, a random insertion or a random deletion */
const mutated = fc.tuple(feed, fc.nat(), fc.nat(), text).map(([f, a, b, ins]) => {
  const i = a % (f.length + 1);
  const j = Math.min(f.length, i + (b % 40));
  return [f.slice(0, i) + ins + f.slice(j), f.slice(0, i), f.slice(0, i) + f.slice(j)][b % 3];
});

function parseOrRefuse(xml: string): string {
  try {
    return JSON.stringify(parseFeed(xml));
  } catch (err) {
    if (err instanceof InputError) return `InputError: ${err.message}`;
    throw err;
  }
}

test(`feed parser: ${RUNS.toLocaleString('en')} generated and mutated feeds — only InputError, deterministic, string fields`, () => {
  fc.assert(fc.property(fc.oneof(feed, mutated), (xml) => {
    const a = parseOrRefuse(xml);
    assert.equal(parseOrRefuse(xml), a);
    if (a.startsWith('InputError: ')) {
      assert.ok(a.length < 400, 'error messages stay short');
      return;
    }
    const parsed = JSON.parse(a) as { entries: Array<Record<string, unknown>> };
    for (const e of parsed.entries) {
      assert.equal(typeof e.text, 'string');
      for (const k of ['title', 'link', 'id', 'published', 'author']) assert.ok(e[k] === null || typeof e[k] === 'string', k);
      if (e.published !== null) assert.match(String(e.published), /^\d{4}-\d{2}-\d{2}$/);
    }
  }), { numRuns: RUNS, seed: SEED });
});

test(`stdin sniffer: ${RUNS.toLocaleString('en')} byte streams in random chunks are replayed byte for byte`, async () => {
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    fc.array(fc.oneof(fc.constantFrom('{', '}', '\n', ' ', '\r\n', '{"text": "a"}', '[', '<', '\ufeff'), fc.string({ maxLength: 8 })), { maxLength: 30 }).map((xs) => Buffer.from(xs.join(''))),
  );
  await fc.assert(fc.asyncProperty(bytes, fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 20 }), async (data, cuts) => {
    const chunks: Buffer[] = [];
    let at = 0;
    for (const c of cuts) {
      if (at >= data.length) break;
      chunks.push(Buffer.from(data.subarray(at, at + c)));
      at += c;
    }
    if (at < data.length) chunks.push(Buffer.from(data.subarray(at)));
    const s = await sniffJsonLines(Readable.from(chunks));
    const back: Buffer[] = [];
    for await (const c of s.stream) back.push(c as Buffer);
    assert.deepEqual(Buffer.concat(back), Buffer.from(data));
    // the verdict does not depend on how the stream was cut
    assert.equal(s.jsonl, (await sniffJsonLines(Readable.from([Buffer.from(data)]))).jsonl);
  }), { numRuns: RUNS, seed: SEED });
});

test(`markup depth: ${RUNS.toLocaleString('en')} random markups never throw and never exceed the count of tags`, () => {
  const tag = fc.constantFrom('<div>', '</div>', '<p>', '</p>', '<li>', '<br>', '<img src=x>', '<b>', '</b>', '<script>', '</script>', '<!--', '-->', '<', '>', '/>', '<x-y/>', 'text', ' ');
  fc.assert(fc.property(fc.array(tag, { maxLength: 80 }), (parts) => {
    const html = parts.join('');
    const d = markupDepth(html);
    assert.ok(Number.isInteger(d) && d >= 0);
    // (a stray "</p>" makes an empty p element, as HTML says: every element comes from some tag)
    assert.ok(d <= (html.match(/<\/?[a-z]/gi) ?? []).length);
  }), { numRuns: RUNS, seed: SEED });
});

/** The depth of the tree linkedom builds, walked without recursion. */
function domDepth(html: string): number {
  const { document } = parseHTML(html);
  let max = 0;
  const stack: Array<[Node, number]> = [[document as unknown as Node, 0]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      if (d + 1 > max) max = d + 1;
      stack.push([c, d + 1]);
    }
  }
  return max;
}

test(`markup depth: ${RUNS.toLocaleString('en')} markups built to walk around it measure the depth of the tree linkedom builds`, () => {
  const piece = fc.constantFrom('<div>', '</div>', '<div/>', '<div class=a/>', '<span/>', '<!-->', '<!--->', '<!-- x -->', '<noembed>', '</noembed>', '<noscript>', '</noscript>',
    '<script>', '</script>', '<style>', '<textarea>', '<title>', '<xmp>', '<iframe>', '<template>', '</template>', '<svg>', '<g/>', '</svg>', '<math>', '</math>',
    '<p>', '</p>', '<li>', '<table>', '<tr>', '<td>', '<b>', '</b>', '<br>', '<br/>', '<img src=x>', '<x-y/>', '<![CDATA[', ']]>', '<', '>', '/>', 'text', ' ');
  fc.assert(fc.property(fc.array(piece, { maxLength: 120 }), (parts) => {
    const html = '<html><body>' + parts.join('') + '</body></html>';
    assert.equal(markupDepth(html), domDepth(html), html);
  }), { numRuns: RUNS, seed: SEED + 1 });
});
