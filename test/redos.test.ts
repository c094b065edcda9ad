/**
 * Adversarial input in bounded time: the whole extract pipeline, the tokenizer, the HTML
 * cleaner and the feed parser on inputs built to trigger catastrophic or quadratic regex
 * backtracking and deep recursion: 50,000 repeated characters, long runs of dots, dashes,
 * quotes, capitalised words and digits, a 20,000-token sentence without punctuation, deeply
 * nested markup, unclosed tags and comments, huge titles and feed summaries.
 *
 * Each component runs in a worker thread so that a runaway regex (which cannot be interrupted
 * from its own thread) is stopped and named instead of hanging the suite. The cap is loose
 * (20 s per input, on a shared 2-core machine); the inputs are sized so that quadratic
 * behaviour would take minutes: 100,000–200,000 characters for the regex-heavy cleaners, where a
 * quadratic scan of 5,000 characters already costs 0.2 s (bench/regex-audit.ts), so
 * 100,000 would take over a minute.
 * Every call must return or throw a clear InputError, never crash with another error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';

const CAP_MS = Number(process.env.REDOS_CAP_MS ?? 20_000);
const DIST_SRC = new URL('../src/', import.meta.url).href;

type Kind = 'extract' | 'tokenize' | 'html' | 'feed';
interface Case { name: string; kind: Kind; input: string }
interface Outcome { name: string; ms: number; ok: boolean; error?: string; size?: number }

/** Runs the cases one by one in a worker; a case over the cap stops the worker and is reported. */
async function runBounded(cases: Case[]): Promise<Outcome[]> {
  const out: Outcome[] = [];
  let next = 0;
  while (next < cases.length) {
    const worker = new Worker(`
      const { parentPort, workerData } = require('node:worker_threads');
      (async () => {
        const extract = await import(workerData.src + 'extract.js');
        const tok = await import(workerData.src + 'nlp/tokenizer.js');
        const html = await import(workerData.src + 'ingest/html.js');
        const feed = await import(workerData.src + 'ingest/feed.js');
        const errors = await import(workerData.src + 'ingest/errors.js');
        parentPort.postMessage({ ready: true });
        for (const c of workerData.cases) {
          const t = performance.now();
          let ok = true, error, size;
          try {
            if (c.kind === 'extract') size = extract.extract({ id: c.name, text: c.input, published: '2024-01-01' }).entities.length;
            else if (c.kind === 'tokenize') size = tok.tokenize(c.input).length;
            else if (c.kind === 'html') size = html.extractArticle(c.input).text.length;
            else size = feed.parseFeed(c.input).entries.length;
          } catch (e) {
            // a clear refusal is fine; anything else is a crash
            if (!(e instanceof errors.InputError)) { ok = false; error = String(e && e.stack || e).slice(0, 500); }
            else error = e.message;
          }
          parentPort.postMessage({ name: c.name, ms: performance.now() - t, ok, error, size });
        }
      })().catch((e) => parentPort.postMessage({ fatal: String(e && e.stack || e) }));
    `, { eval: true, workerData: { src: DIST_SRC, cases: cases.slice(next) }, resourceLimits: { maxOldGenerationSizeMb: 2048, stackSizeMb: 4 } });
    await new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | null = null;
      const arm = () => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          out.push({ name: cases[next].name, ms: CAP_MS, ok: false, error: `did not finish in ${CAP_MS / 1000} s` });
          next++;
          void worker.terminate().then(() => resolve());
        }, CAP_MS);
      };
      worker.on('message', (m: Outcome & { ready?: boolean; fatal?: string }) => {
        if (m.fatal) return reject(new Error(m.fatal));
        if (!m.ready) {
          out.push(m);
          next++;
        }
        arm();
      });
      worker.on('error', (e) => {
        out.push({ name: cases[next]?.name ?? '?', ms: 0, ok: false, error: `worker died: ${e.message}` });
        next++;
      });
      worker.on('exit', () => {
        if (timer) clearTimeout(timer);
        resolve();
      });
    });
  }
  return out;
}

function check(outcomes: Outcome[], cases: Case[]): void {
  assert.equal(outcomes.length, cases.length);
  const bad = outcomes.filter((o) => !o.ok);
  assert.deepEqual(bad.map((o) => `${o.name}: ${o.error}`), [], 'every adversarial input finishes in bounded time without crashing');
  if (process.env.REDOS_VERBOSE) for (const o of outcomes) console.log(`${o.ms.toFixed(0).padStart(6)} ms  ${o.name}${o.error ? ` (refused: ${o.error})` : ''}`);
}

const runs = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
/** a deterministic 20,000-token sentence of ordinary words, names and numbers, with no punctuation */
function longSentence(tokens: number): string {
  const words = ['the', 'minister', 'said', 'that', 'Hamas', 'Alexander', 'Trufanov', 'was', 'held', 'in', 'Gaza', 'on', 'Monday', 'and', 'his', 'mother', 'Yelena', 'told', 'reporters', '2023', 'by', 'Red', 'Cross', 'officials', 'after', 'talks', 'with', 'Qatar'];
  let seed = 7;
  const out: string[] = [];
  for (let i = 0; i < tokens; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out.push(words[seed % words.length]);
  }
  return out.join(' ');
}

test('extract pipeline: 50,000-character runs and a 20,000-token sentence finish', { timeout: 600_000 }, async () => {
  const N = 50_000;
  const cases: Case[] = [
    ...['a', 'A', 'Aa ', '.', '-', '—', '"', '“', "'", '1', '1,', '12 ', 'Mr. ', '(', '<b>', 'U.S.', 'on Monday ', '"Yes," he said. ', '😀', '\u0301'].map((u) => ({ name: `extract ${JSON.stringify(u)} ×${N} chars`, kind: 'extract' as const, input: runs(u, N) })),
    { name: 'extract a 20,000-token sentence without punctuation', kind: 'extract', input: longSentence(20_000) },
    { name: 'extract capitalised words without punctuation', kind: 'extract', input: runs('Minister Alexander Trufanov Red Cross ', N) },
    { name: 'extract one open quote then 50,000 characters', kind: 'extract', input: `He said: “${runs('words and more words ', N)}` },
    { name: 'extract space-separated dots', kind: 'extract', input: `a${runs(' .', N)}` },
  ];
  check(await runBounded(cases), cases);
});

test('tokenizer: 200,000-character runs finish', { timeout: 300_000 }, async () => {
  const N = 200_000;
  const cases: Case[] = ['a', 'A.', '.', '-', '@', 'a@', 'http://', 'a.', '1.', '1,', "'", '’s', '...', '\u200b', 'Aa '].map((u) => ({ name: `tokenize ${JSON.stringify(u)} ×${N} chars`, kind: 'tokenize' as const, input: runs(u, N) }));
  check(await runBounded(cases), cases);
});

test('HTML cleaner: deep nesting, unclosed markup and huge titles finish', { timeout: 300_000 }, async () => {
  const N = 100_000;
  const p = '<p>The minister met the envoy in Paris on Monday, officials said.</p>';
  const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body><article>${p}${body}${p}</article></body></html>`;
  const cases: Case[] = [
    { name: 'html 10,000 nested <div>', kind: 'html', input: page('<title>Deep</title>', `${'<div>'.repeat(10_000)}${p}${'</div>'.repeat(10_000)}`) },
    { name: 'html 10,000 unclosed <b>', kind: 'html', input: page('<title>Unclosed</title>', `${'<b>'.repeat(10_000)}${p}`) },
    { name: 'html a run of "<"', kind: 'html', input: page('<title>Lt</title>', `<p>${runs('<', N)}</p>`) },
    { name: 'html an unclosed comment', kind: 'html', input: page('<title>Comment</title>', `<!--${runs('a-', N)}`) },
    { name: 'html an unclosed attribute', kind: 'html', input: page('<title>Attr</title>', `<a href="${runs('x', N)}`) },
    { name: 'html a huge title of " - " separators', kind: 'html', input: page(`<title>${runs('a - ', N)}</title>`, '') },
    { name: 'html a huge title of spaces', kind: 'html', input: page(`<title>a${runs(' ', N)}b</title>`, '') },
    { name: 'html a huge byline', kind: 'html', input: page(`<title>T</title><meta name="author" content="${runs('Ann and ', N)}">`, '') },
    { name: 'html a huge meta description', kind: 'html', input: page(`<title>T</title><meta name="description" content="${runs('. ', N)}">`, '') },
    { name: 'html a paragraph of dots', kind: 'html', input: page('<title>Dots</title>', `<p>${runs('.', N)}</p>`) },
    { name: 'html 5,000 paragraphs', kind: 'html', input: page('<title>Many</title>', p.repeat(5_000)) },
    { name: 'html entities', kind: 'html', input: page('<title>&amp;</title>', `<p>${runs('&amp;#', N)}</p>`) },
    { name: 'html 300 nested <div> (over the depth limit: refused)', kind: 'html', input: page('<title>Deep</title>', `${'<div>'.repeat(300)}${p}${'</div>'.repeat(300)}`) },
    { name: 'html JSON-LD bomb', kind: 'html', input: page(`<title>J</title><script type="application/ld+json">${'['.repeat(50_000)}${']'.repeat(50_000)}</script>`, '') },
  ];
  check(await runBounded(cases), cases);
});

test('feed parser: huge summaries, many entries and deep nesting finish', { timeout: 300_000 }, async () => {
  const N = 200_000;
  const rss = (items: string, doctype = '') => `<?xml version="1.0"?>${doctype}<rss version="2.0"><channel><title>Feed</title>${items}</channel></rss>`;
  const item = (description: string, title = 'An item') => `<item><title>${title}</title><link>https://example.com/a</link><description>${description}</description></item>`;
  const cdata = (s: string) => `<![CDATA[${s}]]>`;
  const cases: Case[] = [
    { name: 'feed a summary that is a run of "<"', kind: 'feed', input: rss(item(cdata(runs('<', N)))) },
    { name: 'feed a summary of unclosed tags', kind: 'feed', input: rss(item(cdata(runs('<a ', N)))) },
    { name: 'feed a summary of entities', kind: 'feed', input: rss(item(runs('&amp;', N))) },
    { name: 'feed a huge title', kind: 'feed', input: rss(item('text', runs('a ', N))) },
    { name: 'feed 20,000 entries', kind: 'feed', input: rss(item('The envoy met the minister.').repeat(20_000)) },
    { name: 'feed 5,000 nested elements', kind: 'feed', input: rss(`<item><title>x</title><description>${'<x>'.repeat(5000)}${'</x>'.repeat(5000)}</description></item>`) },
    { name: 'feed unclosed', kind: 'feed', input: `<rss><channel>${'<item><title>a'.repeat(5000)}` },
    { name: 'feed an entity expansion attempt', kind: 'feed', input: rss(item('&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;'), `<!DOCTYPE rss [<!ENTITY a "${'x'.repeat(1000)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>`) },
    { name: 'feed a summary nested 5,000 elements deep', kind: 'feed', input: rss(item(cdata(`${'<div>'.repeat(5000)}text${'</div>'.repeat(5000)}`))) },
  ];
  check(await runBounded(cases), cases);
});

test('markup depth: real pages pass, deep pages are refused with a clear message, runs of "<" stay linear', async () => {
  const { markupDepth, checkMarkupDepth, DEFAULT_MAX_MARKUP_DEPTH } = await import('../src/ingest/limits.js');
  const { InputError } = await import('../src/ingest/errors.js');
  assert.equal(markupDepth('<html><body><div><p>a<p>b<br><img src=x><span>c</span></div></body></html>'), 5);
  assert.equal(markupDepth('<ul><li>a<li>b<li>c</ul>'), 2, 'li closes an open li');
  assert.equal(markupDepth('<div><script>if (a<b) { "<div><div><div>" }</script></div>'), 2, 'script content is not markup (the script is one element)');
  assert.equal(markupDepth('<div><!-- <div><div> --></div>'), 1, 'comments are not markup');
  // HTML has no self-closing non-void elements: each of these opens an element, as the parser builds them
  assert.equal(markupDepth('<div/><div/><x-y/>'), 3, '"/>" does not close a div');
  assert.equal(markupDepth('<br/><img src=x/><svg><g/><g/></svg>'), 2, 'void elements and foreign self-closed tags do not nest');
  assert.equal(markupDepth(`${'<div>'.repeat(50)}${'</div>'.repeat(50)}${'<div>'.repeat(50)}`), 50);
  assert.throws(() => checkMarkupDepth('<b>'.repeat(DEFAULT_MAX_MARKUP_DEPTH + 1)), (e: Error) => e instanceof InputError && /nested more than 256 elements deep/.test(e.message));
  checkMarkupDepth('<b>'.repeat(DEFAULT_MAX_MARKUP_DEPTH));
  // the real article pages of the HTML dev set nest far below the limit
  const pages = '/work/shared/data/article-html-dev/html';
  if (existsSync(pages)) {
    const depths = readdirSync(pages).filter((f) => f.endsWith('.html.gz')).map((f) => markupDepth(gunzipSync(readFileSync(join(pages, f))).toString('utf8')));
    assert.ok(depths.length > 0 && Math.max(...depths) < 100, `depths of real pages: max ${Math.max(...depths)}`);
  }
  // unclosed tags and comments: one pass, whatever the length
  assert.equal(markupDepth('<a '.repeat(300_000)), 0);
  assert.equal(markupDepth('<!--'.repeat(300_000)), 0);
});
