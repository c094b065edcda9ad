import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../src/nlp/tokenizer.js';
import { createPipeline } from '../src/extract.js';

const words = (s: string) => tokenize(s).map((t) => t.text);

test('offsets are exact and cover the text', () => {
  const text = 'Dr. Smith paid $1,200.50 on Jan. 5 — “twice,” he said… See https://example.com/a?b=1.';
  for (const t of tokenize(text)) assert.equal(text.slice(t.start, t.end), t.text);
});

test('abbreviations, initials, numbers, URLs and e-mail stay whole', () => {
  assert.deepEqual(words('Dr. J. R. Smith of the U.S. paid 1,200 or 3.5%.'), ['Dr.', 'J.', 'R.', 'Smith', 'of', 'the', 'U.S.', 'paid', '1,200', 'or', '3.5%', '.']);
  assert.deepEqual(words('Mail info@example.org or see www.example.com.'), ['Mail', 'info@example.org', 'or', 'see', 'www.example.com', '.']);
});

test('clitics split as in UD, with straight or curly apostrophes', () => {
  assert.deepEqual(words("Trufanov’s mother didn't go; they can't."), ['Trufanov', '’s', 'mother', 'did', "n't", 'go', ';', 'they', 'ca', "n't", '.']);
});

test('dashes, curly quotes and ellipses split', () => {
  assert.deepEqual(words('Jihad – the group–which “held” him...'), ['Jihad', '–', 'the', 'group', '–', 'which', '“', 'held', '”', 'him', '...']);
  assert.deepEqual(words('well-known e-mail'), ['well-known', 'e-mail']);
});

test('sentences: abbreviations do not split, quotes close sentences, line breaks split', () => {
  const doc = createPipeline().process({ text: 'Mr. Smith met Dr. Jones in the U.S. on Jan. 5. “We agreed.” He left.\nBy Staff\n\nNew paragraph here.' });
  const sents = doc.sentences.map((s) => doc.text.slice(s.start, s.end));
  assert.deepEqual(sents, ['Mr. Smith met Dr. Jones in the U.S. on Jan. 5.', '“We agreed.”', 'He left.', 'By Staff', 'New paragraph here.']);
  assert.deepEqual(doc.sentences.map((s) => s.paragraph), [0, 0, 0, 0, 1]);
});

test('a wire dateline opening a line is a sentence of its own', () => {
  const text = 'KYIV, Ukraine (Reuters) - Russia fired missiles overnight.\n\nGAZA CITY — Strikes hit the north.\n\nSmith — the former minister — said no.\n\nUS-Iran talks - what we know';
  const doc = createPipeline().process({ text });
  const sents = doc.sentences.map((s) => doc.text.slice(s.start, s.end));
  assert.deepEqual(sents, ['KYIV, Ukraine (Reuters) -', 'Russia fired missiles overnight.', 'GAZA CITY —', 'Strikes hit the north.', 'Smith — the former minister — said no.', 'US-Iran talks - what we know']);
});

test('never throws on odd input and keeps offsets valid', () => {
  const inputs = ['', '   ', '😀 🇺🇦 emoji', 'مرحبا بالعالم', '\ud800 lone surrogate', 'x'.repeat(5000), '.'.repeat(300), 'a\u0301\u200b b'];
  for (const text of inputs) {
    const toks = tokenize(text);
    for (const t of toks) assert.equal(text.slice(t.start, t.end), t.text);
  }
});
