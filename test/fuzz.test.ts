/**
 * Property-based tests over the whole extract pipeline, the tokenizer and the HTML cleaner:
 * random Unicode (astral characters, combining marks, RTL, zero-width, lone surrogates),
 * random markup and mutated real articles. Properties: never throws, every span lies inside the
 * text with text.slice(start, end) === span.text, the result validates against the schema, and
 * the same input gives the same output.
 * CI runs FUZZ_RUNS documents (default 10,000 in all); `npm run fuzz` runs 100,000.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { extract } from '../src/extract.js';
import { tokenize } from '../src/nlp/tokenizer.js';
import { ResultSchema, type Result } from '../src/output/schema.js';
import { extractArticle } from '../src/ingest/html.js';
import { InputError } from '../src/ingest/errors.js';
import { adversarial, TEXT_FAMILIES } from './support/adversarial.js';

const TOTAL = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);

/** Characters that break naive text code: astral, combining, RTL, zero-width, quotes, dashes, lone surrogates. */
const NASTY = ['😀', '🇺🇦', '𝔘', '\u0301', '\u0308', 'ש', 'ع', '\u202e', '\u200b', '\u200d', '\ufeff', '\ud800', '\udc00', '“', '”', '‘', '’', '"', "'", '–', '—', '…', '\n', '\n\n', '\t', ' ', '.', ',', '!', '?', '$', '%', '(', ')', '«', '»', '\u00a0', 'İ', 'ß', 'ﬁ'];
const WORDS = ['the', 'said', 'President', 'Putin', 'Hamas', 'Mr.', 'Dr.', 'U.S.', 'on', 'Saturday', 'October', '7th', '2023', 'he', 'his', 'mother', 'Yelena', 'was', 'released', 'by', 'Israel', 'Kibbutz', 'Nahal', 'Oz', 'Embassy', 'in', 'Gaza', 'according', 'to', 'told', 'reporters', 'kidnapped', 'and', 'not', 'will', 'last', 'week', '1,200', '3.5%', 'https://example.com/a?b=1', 'a@b.org', "didn't", 'Trufanov’s'];

const nastyText = fc.array(fc.tuple(
  fc.oneof(
    fc.constantFrom(...NASTY),
    fc.constantFrom(...WORDS),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
    fc.string({ unit: 'binary', maxLength: 4 }),
  ),
  fc.constantFrom(' ', ' ', ' ', '', '\n'),
), { maxLength: 60 }).map((parts) => parts.map(([w, sep]) => w + sep).join(''));

function articles(): string[] {
  const root = join(process.cwd(), 'examples');
  return readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.json')).sort()
    .map((f) => (JSON.parse(readFileSync(join(root, f), 'utf8')) as { text: string }).text);
}

/** A real article cut to a window and mutated by insertions, deletions and swaps. */
function mutatedArticle(texts: string[]) {
  return fc.record({
    which: fc.nat({ max: texts.length - 1 }),
    from: fc.nat(),
    length: fc.integer({ min: 0, max: 1500 }),
    edits: fc.array(fc.record({ at: fc.nat(), del: fc.integer({ min: 0, max: 5 }), ins: fc.oneof(fc.constantFrom(...NASTY), fc.constantFrom(...WORDS), fc.string({ unit: 'binary', maxLength: 3 })) }), { maxLength: 12 }),
  }).map(({ which, from, length, edits }) => {
    const src = texts[which];
    const start = from % Math.max(1, src.length);
    let t = src.slice(start, start + length);
    for (const e of edits) {
      const at = t.length ? e.at % t.length : 0;
      t = t.slice(0, at) + e.ins + t.slice(at + e.del);
    }
    return t;
  });
}

function checkSpans(r: Result): void {
  const text = r.text;
  const span = (s: { start: number; end: number; text?: string }, what: string) => {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= text.length, `${what} offsets ${s.start}-${s.end} outside 0-${text.length}`);
    if (s.text !== undefined) assert.equal(text.slice(s.start, s.end), s.text, `${what} text`);
  };
  r.sentences.forEach((s) => span(s, 'sentence'));
  r.tokens?.forEach((t) => span(t, 'token'));
  for (const e of r.entities) e.mentions.forEach((m) => span(m, `mention of ${e.id}`));
  for (const q of r.quotes) {
    span(q, 'quote');
    if (q.cue) span(q.cue, 'quote cue');
    if (q.speaker) assert.ok(r.entities.some((e) => e.id === q.speaker), 'quote speaker is an entity');
  }
  r.times.forEach((t) => span(t, 'time'));
  r.relations.forEach((x) => span(x, 'relation evidence'));
  for (const ev of r.events) {
    span(ev.trigger, 'event trigger');
    for (const id of [...ev.actor, ...ev.recipient]) assert.ok(r.entities.some((e) => e.id === id), 'event participant is an entity');
  }
}

function share(part: number): number {
  return Math.max(1, Math.round(TOTAL * part));
}

test(`extract: random Unicode documents (${share(0.55)} runs)`, () => {
  fc.assert(fc.property(nastyText, (text) => {
    const input = { id: 'fuzz', text, published: '2025-02-16' };
    const r = extract(input, { tokens: true });
    ResultSchema.parse(r);
    checkSpans(r);
  }), { numRuns: share(0.55), seed: SEED });
});

test(`extract: mutated real articles, deterministic (${share(0.05)} runs)`, () => {
  const texts = articles();
  fc.assert(fc.property(mutatedArticle(texts), (text) => {
    const input = { id: 'fuzz', text, published: '2024-06-01' };
    const r = extract(input, { tokens: true });
    ResultSchema.parse(r);
    checkSpans(r);
    assert.deepEqual(extract(input, { tokens: true }), r);
  }), { numRuns: share(0.05), seed: SEED + 1 });
});

test(`tokenizer: offsets exact on any string (${share(0.3)} runs)`, () => {
  fc.assert(fc.property(fc.oneof(nastyText, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
    let last = 0;
    for (const t of tokenize(text)) {
      assert.ok(t.start >= last && t.end > t.start && t.end <= text.length);
      assert.equal(text.slice(t.start, t.end), t.text);
      last = t.end;
    }
  }), { numRuns: share(0.3), seed: SEED + 2 });
});

const markup = fc.array(fc.oneof(
  fc.constantFrom('<p>', '</p>', '<div class="article">', '</div>', '<script>alert(1)</script>', '<style>p{}</style>', '<a href="x">', '</a>', '<br>', '<!--', '-->', '<![CDATA[', ']]>', '&amp;', '&#x1F600;', '&bogus;', '<', '>', '<article>', '</article>', '<h1>', '</h1>', '<meta property="article:published_time" content="2024-01-02">', '<time datetime="2023-10-07">'),
  fc.constantFrom(...WORDS),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
), { maxLength: 80 }).map((p) => p.join(' '));

test(`HTML cleaner: random markup never throws (${share(0.1)} runs)`, () => {
  fc.assert(fc.property(markup, (html) => {
    const a = extractArticle(html);
    assert.equal(typeof a.text, 'string');
  }), { numRuns: share(0.1), seed: SEED + 3 });
});

/** An adversarial family at a random size and seed, cut at a random place, with nasty text spliced in. */
const familyText = fc.record({
  family: fc.constantFrom(...TEXT_FAMILIES),
  size: fc.integer({ min: 200, max: 6000 }),
  seed: fc.nat({ max: 1_000_000 }),
  cut: fc.nat(),
  splice: fc.array(fc.constantFrom(...NASTY, ...WORDS), { maxLength: 4 }),
}).map(({ family, size, seed, cut, splice }) => {
  const t = adversarial(family, size, seed);
  const at = cut % (t.length + 1);
  return t.slice(0, at) + splice.join(' ') + t.slice(at);
});

test(`extract: adversarial families (${share(0.01)} runs)`, () => {
  fc.assert(fc.property(familyText, (text) => {
    const r = extract({ id: 'fuzz', text, published: '2024-03-04' }, { tokens: true });
    ResultSchema.parse(r);
    checkSpans(r);
  }), { numRuns: share(0.01), seed: SEED + 4 });
});

/** Markup built to walk around a depth check: self-closed non-void tags, comment tricks, raw-text lookalikes, deep nests. */
const hostileMarkup = fc.record({
  page: fc.integer({ min: 300, max: 4000 }).chain((size) => fc.record({ size: fc.constant(size), seed: fc.nat({ max: 1_000_000 }) })),
  tricks: fc.array(fc.oneof(
    fc.constantFrom('<div/>', '<div class=a/>', '<!-->', '<!--->', '<noembed>', '</noembed>', '<noscript>', '<template>', '<svg><g/>', '</svg>', '<math>', '<p>', '<li>', '<table><tr><td>', '<b>', '<i/>'),
    fc.nat({ max: 400 }).map((n) => '<span>'.repeat(n)),
    fc.nat({ max: 400 }).map((n) => '<div/>'.repeat(n)),
  ), { maxLength: 12 }),
}).map(({ page, tricks }) => {
  const html = adversarial('markup', page.size, page.seed);
  const at = html.indexOf('<article>') + 9;
  return html.slice(0, at) + tricks.join('') + html.slice(at);
});

test(`HTML cleaner: markup built to evade the depth limit is parsed or refused, never a crash (${share(0.005)} runs)`, () => {
  fc.assert(fc.property(hostileMarkup, (html) => {
    try {
      assert.equal(typeof extractArticle(html).text, 'string');
    } catch (err) {
      assert.ok(err instanceof InputError, String(err));
      assert.match((err as Error).message, /nested more than/);
    }
  }), { numRuns: share(0.005), seed: SEED + 5 });
});
