import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshGold, person, readFreshDocs } from '../eval/coref-fresh.js';
import { documentRecords, tally } from '../train/coref-score.js';
import type { Doc } from '../src/doc.js';
import { assertCompiled, assertSources, assertWellFormed, evalSet, sharedWith, unlabelledWikinews } from './support/coref-fresh-sets.js';

const docs = readFreshDocs();

test('coref-fresh: 12 Wikinews documents with source, licence, genre and a half fixed by the hash of the id', () => {
  assert.equal(docs.length, 12);
  assertSources(docs, 'fresh13-half', (genre) => `amalgum/${genre}/xml`);
  assert.equal(docs.filter((d) => d.genre === 'interview').length, 4);
});

test('coref-fresh: every mention slices to its words, its head lies inside it, its kind fits its words, and every antecedent exists', () => {
  const counts = assertWellFormed(docs);
  for (const k of ['he/she', 'description', 'first/second']) assert.ok((counts[k] ?? 0) >= 30, `${k}: ${counts[k]} linked gold`);
});

test('coref-fresh: docs.jsonl is exactly the compiled hand annotation (eval/data/coref-fresh/ann)', async () => {
  await assertCompiled('coref-fresh', docs);
});

test('coref-fresh is unseen: no unlabelled Wikinews article, no quote set and not fresh16 shares its titles, URLs or opening words', () => {
  const unlabelled = unlabelledWikinews();
  assert.ok(unlabelled.length > 300, 'the unlabelled Wikinews articles are read');
  const others = [...unlabelled, ...evalSet('quotes'), ...evalSet('coref-fresh16')];
  for (const d of docs) assert.deepEqual(sharedWith(d, others).map((o) => o.id), [], `${d.slug}: seen elsewhere`);
});

test('coref-fresh scoring: a link to the gold entity is right, a link to another or on an unnamed "it" is wrong, first and second person apart', () => {
  // a hand-built system result over a fresh document's own text, scored with GUM's scorer
  const d = docs.find((x) => x.slug === 'amtrak')!;
  const gold = freshGold(d);
  const at = (text: string, from = 0) => {
    const re = new RegExp(`\\b${text.replace(/[.*+?^${}()|[\]\\"]/g, '\\$&')}\\b`, 'g');
    re.lastIndex = from;
    const s = re.exec(d.text)?.index ?? -1;
    assert.ok(s >= 0, text);
    return { start: s, end: s + text.length, text };
  };
  const pettaway = at('Derek Pettaway');
  const he = at('he', pettaway.end);
  const cella = at('Michael Cella');
  const it = at('it as "a horrible');
  const doc = {
    entities: [
      { id: 'e1', name: 'Derek Pettaway', mentions: [{ ...pettaway, kind: 'name' }, { start: he.start, end: he.end, text: 'he', kind: 'pronoun' }] },
      { id: 'e2', name: 'Michael Cella', mentions: [{ ...cella, kind: 'name' }, { start: it.start, end: it.start + 2, text: 'it', kind: 'pronoun' }] },
    ],
  } as unknown as Doc;
  const s = tally(documentRecords(doc, gold));
  assert.deepEqual(s['he/she'].linked, 1);
  assert.deepEqual(s['he/she'].linkedRight, 1);
  assert.equal(s.it.linked, 1);
  assert.equal(s.it.linkedRight, 0, 'the locomotive\'s "it" has no named antecedent');
  assert.equal(s['he/she'].gold, d.mentions.filter((m) => m.kind === 'he/she' && m.entity).length);
  assert.equal(s['he/she'].right, 1);
  assert.equal(person('We'), 'first');
  assert.equal(person('your'), 'second');
});
