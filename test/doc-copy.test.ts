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
