import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freshGold, person, readFreshDocs } from '../eval/coref-fresh.js';
import { documentRecords, tally } from '../train/coref-score.js';
import type { Doc } from '../src/doc.js';

const docs = readFreshDocs();
const sha = (s: string) => createHash('sha1').update(s).digest('hex');
const key = (s: string) => decodeURIComponent(s).replace(/[_\s]+/g, ' ').toLowerCase();
const PRONOUN: Record<string, RegExp> = {
  'he/she': /^(?:he|him|his|himself|she|her|hers|herself)$/i,
  it: /^(?:it|its|itself)$/i,
  they: /^(?:they|them|their|theirs|themselves)$/i,
  'first/second': /^(?:i|me|my|mine|myself|we|us|our|ours|ourselves|you|your|yours|yourself|yourselves)$/i,
};

test('coref-fresh: 12 Wikinews documents with source, licence, genre and a half fixed by the hash of the id', () => {
  assert.equal(docs.length, 12);
  for (const d of docs) {
    assert.match(d.id, /^amalgum:AMALGUM_(news|interview)_[a-z]+$/, d.slug);
    assert.equal(d.genre, /_interview_/.test(d.id) ? 'interview' : 'news', d.slug);
    assert.equal(d.licence, 'CC BY 2.5', d.slug);
    assert.match(d.url, /^https:\/\/en\.wikinews\.org\/wiki\/\S+$/, d.slug);
    assert.match(d.attribution, /commit [0-9a-f]{40}, amalgum\/(news|interview)\/xml\/AMALGUM_\w+\.xml/, d.slug);
    assert.equal(d.half, parseInt(sha(`fresh13-half:${d.id}`)[0], 16) < 8 ? 'A' : 'B', d.slug);
  }
  assert.equal(docs.filter((d) => d.genre === 'interview').length, 4);
});

test('coref-fresh: every mention slices to its words, its head lies inside it, its kind fits its words, and every antecedent exists', () => {
  const counts: Record<string, number> = {};
  for (const d of docs) {
    const names = new Set(d.mentions.filter((m) => m.kind === 'name').map((m) => m.entity));
    const nominals = new Set(d.mentions.filter((m) => m.kind === 'other').map((m) => m.entity));
    for (const m of d.mentions) {
      assert.equal(d.text.slice(m.start, m.end), m.text, `${d.slug}@${m.start}`);
      assert.ok(m.start <= m.headStart && m.headStart < m.headEnd && m.headEnd <= m.end, `${d.slug}@${m.start}: head inside`);
      assert.ok(/\S/.test(d.text.slice(m.headStart, m.headEnd)), `${d.slug}@${m.start}: head has words`);
      if (PRONOUN[m.kind]) assert.match(m.text, PRONOUN[m.kind], `${d.slug}@${m.start}: ${m.kind}`);
      if (m.kind === 'description') assert.match(m.text, /^(?:the|this|that|these|those)\s/i, `${d.slug}@${m.start}: a description is definite`);
      if (m.kind === 'name') assert.ok(m.entity, `${d.slug}@${m.start}: a name names an entity`);
      if (m.kind !== 'name' && m.kind !== 'description' && m.kind !== 'other') assert.ok(m.text === 'I' || !/^[A-Z]{2,}$/.test(m.text), `${d.slug}@${m.start}: "${m.text}" in capitals is a name, not a pronoun`);
      // an antecedent is a name in the document (an unnamed group such as "the Bush administration": a nominal)
      if (m.entity) assert.ok(names.has(m.entity) || (m.entity.startsWith('x-') && nominals.has(m.entity)), `${d.slug}@${m.start}: ${m.entity} has no name in the document`);
      counts[m.kind] = (counts[m.kind] ?? 0) + (m.entity ? 1 : 0);
    }
    const gold = freshGold(d);
    assert.equal(gold.mentions.length, d.mentions.length);
    for (const e of gold.named) assert.ok(!e.startsWith('x-') && !e.startsWith('none:'), `${d.slug}: ${e} is no named entity`);
  }
  for (const k of ['he/she', 'description', 'first/second']) assert.ok((counts[k] ?? 0) >= 30, `${k}: ${counts[k]} linked gold`);
});

test('coref-fresh: docs.jsonl is exactly the compiled hand annotation (eval/data/coref-fresh/ann)', async () => {
  const dir = join(process.cwd(), 'eval', 'data', 'coref-fresh');
  const { compile } = await import(pathToFileURL(join(dir, 'tools', 'compile.mjs')).href) as { compile: (source: string, file: string) => unknown };
  const files = readdirSync(join(dir, 'ann')).filter((f) => f.endsWith('.txt')).sort();
  assert.deepEqual(files.map((f) => compile(readFileSync(join(dir, 'ann', f), 'utf8'), f)), docs);
});

test('coref-fresh is unseen: no unlabelled Wikinews article and no quote set shares its titles, URLs or opening words', () => {
  const unlabelled = gunzipSync(readFileSync(join(process.cwd(), '../shared/data/unlabelled/news-en.jsonl.gz'))).toString('utf8')
    .split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; title: string; url?: string; text: string }).filter((d) => d.id.startsWith('wikinews:'));
  const quotes = readFileSync(join(process.cwd(), 'eval', 'data', 'quotes', 'docs.jsonl'), 'utf8').split('\n').filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; title: string; url?: string; text: string });
  const others = [...unlabelled, ...quotes];
  assert.ok(unlabelled.length > 300, 'the unlabelled Wikinews articles are read');
  const ids = new Set(quotes.map((d) => d.id));
  const titles = new Set(others.map((d) => d.title.toLowerCase()));
  const urls = new Set(others.map((d) => d.url).filter(Boolean).map((u) => key(u!.replace(/^.*\/wiki\//, ''))));
  const openings = new Set(others.map((d) => d.text.slice(0, 60)));
  for (const d of docs) {
    assert.ok(!ids.has(d.id), `${d.slug}: in the quote sets`);
    assert.ok(!titles.has(d.title.replace(/ \(part \d+\)$/, '').toLowerCase()), `${d.slug}: title seen elsewhere`);
    assert.ok(!urls.has(key(d.url.replace(/^.*\/wiki\//, ''))), `${d.slug}: URL seen elsewhere`);
    assert.ok(!openings.has(d.text.slice(0, 60)), `${d.slug}: opening seen elsewhere`);
  }
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
