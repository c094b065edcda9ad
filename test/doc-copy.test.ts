/**
 * Doc.copy() (src/doc.ts) lists the document's fields by hand, so that the copy has the shape every Doc has (speed22,
 * docs/speed.md). A field added to Doc later must be added there too; this test fails if one is not: the copy must have
 * the same own fields as the document, each holding the very same value (lists, notes and caches shared, not rebuilt).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../src/doc.js';
import { tokenizeStage } from '../src/nlp/sentences.js';
import { parseStage } from '../src/nlp/parse-stage.js';

test('Doc.copy shares every field of the document it copies', async () => {
  const doc = new Doc({ id: 'd1', text: 'The rebels freed two hostages on Monday. They left.', published: '2025-03-08', title: 'T', source: 'S', url: 'https://example.org/a' });
  await tokenizeStage.run(doc);
  await parseStage.run(doc);
  doc.dependents(); // fill the lazily built caches, so they are copied too
  doc.notes.set('probe', 1);
  const copy = doc.copy();
  assert.notEqual(copy, doc);
  assert.deepEqual(Object.keys(copy).sort(), Object.keys(doc).sort(), 'the copy has exactly the document\'s own fields');
  const record = (d: Doc) => d as unknown as Record<string, unknown>;
  for (const key of Object.keys(doc)) assert.ok(Object.is(record(copy)[key], record(doc)[key]), `field "${key}" is shared by the copy`);
  assert.ok(copy instanceof Doc);
});

test('Doc.lowerTexts: each token lower-cased, kept for a list of the same texts, rebuilt for other texts', async () => {
  const doc = new Doc({ id: 'd2', text: 'The UN said İstanbul and ΟΔΟΣ were SAFE.', published: '2025-03-08' });
  await tokenizeStage.run(doc);
  const low = doc.lowerTexts();
  assert.deepEqual(low, doc.tokens.map((t) => t.text.toLowerCase()));
  assert.equal(low[1], 'un');
  assert.equal(doc.lowerTexts(), low, 'the same list while the tokens are unchanged');
  // a view with mended copies of the tokens (the quotes stage's parse view) keeps the list
  const view = doc.copy();
  view.tokens = doc.tokens.map((t) => ({ ...t, head: -1 }));
  assert.equal(view.lowerTexts(), low);
  // other texts: rebuilt
  const other = doc.copy();
  other.tokens = doc.tokens.map((t, i) => (i === 1 ? { ...t, text: 'EU' } : t));
  assert.equal(other.lowerTexts()[1], 'eu');
  assert.equal(doc.lowerTexts()[1], 'un', 'the document keeps its own');
  // a list that grew: rebuilt
  const grown = doc.copy();
  grown.tokens = doc.tokens.slice();
  assert.equal(grown.lowerTexts(), low);
  grown.tokens.push({ ...doc.tokens[0], i: doc.tokens.length, text: 'MORE' });
  assert.equal(grown.lowerTexts().length, doc.tokens.length + 1);
  assert.equal(grown.lowerTexts()[doc.tokens.length], 'more');
});
