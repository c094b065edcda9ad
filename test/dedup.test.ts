import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NearDuplicateIndex, signature, similarity, jaccard, signatureFromBuffer, signatureToBuffer, sketch, containment } from '../src/ingest/dedup.js';
import { openDuplicateLinks } from '../src/ingest/duplicates.js';

const stories = JSON.parse(readFileSync(fileURLToPath(new URL('../../test/fixtures/pages/same-event-stories.json', import.meta.url)), 'utf8')) as Record<string, { articleBody: string }>;
const byPrefix = (p: string) => Object.entries(stories).find(([k]) => k.startsWith(p))![1].articleBody;
// two outlets' own reports of one event each: same facts, different writing
const weworkReuters = byPrefix('06e5123e');
const weworkTechCrunch = byPrefix('1ace8c85');
const rescueNbc = byPrefix('51d066b0');
const rescueCbs = byPrefix('2c46804d');

/** What syndication does to a wire story: new dateline, trimmed ending, a credit line, re-flowed paragraphs. */
function syndicate(text: string): string {
  const paras = text.split('\n\n');
  return ['NEW YORK (Reuters) - ' + paras[0].replace(/^\(Reuters\)\s*—\s*/, ''), ...paras.slice(1, -1), 'Reporting by Jane Doe; Editing by John Roe'].join('\n').toUpperCase();
}

test('MinHash estimates Jaccard similarity closely', () => {
  const copy = syndicate(weworkReuters);
  const exact = jaccard(weworkReuters, copy);
  const est = similarity(signature(weworkReuters), signature(copy));
  assert.ok(exact > 0.7, `syndicated copy Jaccard ${exact}`);
  assert.ok(Math.abs(est - exact) < 0.15, `estimate ${est} vs exact ${exact}`);
  assert.deepEqual(signatureFromBuffer(signatureToBuffer(signature(copy))), signature(copy));
});

test('syndicated copies link to the first copy; different reports of the same event do not', () => {
  const index = new NearDuplicateIndex();
  const add = (id: string, text: string) => {
    const sk = sketch(text);
    return index.add(id, sk.sig, undefined, sk.size);
  };
  assert.equal(add('reuters', weworkReuters), null);
  assert.equal(add('techcrunch', weworkTechCrunch), null, 'another outlet’s own report is not a copy, by similarity or containment');
  assert.equal(add('nbc', rescueNbc), null);
  assert.equal(add('cbs', rescueCbs), null);
  const copy = index.add('venturebeat', signature(syndicate(weworkReuters)));
  assert.equal(copy?.of, 'reuters');
  assert.ok(copy!.similarity > 0.6);
  // a copy of the copy still points at the first copy (the root)
  const copyOfCopy = syndicate(syndicate(weworkReuters)).replace(/WEWORK/g, 'WEWORK INC');
  assert.equal(index.add('aggregator', signature(copyOfCopy))?.of, 'reuters');
  assert.equal(index.rootOfDocument('aggregator'), 'reuters');
});

test('a truncated copy (the first paragraphs and "read more") is linked by containment', () => {
  const index = new NearDuplicateIndex();
  const full = sketch(weworkReuters);
  index.add('full', full.sig, undefined, full.size);
  const teaser = sketch(weworkReuters.split('\n\n').slice(0, 3).join('\n\n') + '\n\nRead more at Reuters.com');
  const m = index.add('teaser', teaser.sig, undefined, teaser.size);
  assert.equal(m?.of, 'full');
  assert.ok(m!.similarity < 0.5, `Jaccard alone would miss it (${m!.similarity})`);
  assert.ok(m!.containment >= 0.8, `containment ${m!.containment}`);
  assert.ok(Math.abs(containment(0.5, 100, 100) - 2 / 3) < 1e-9);
});

test('links persist in the store database and are restored on reopening (SQLite)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-dedup-'));
  const url = join(dir, 'store.db');
  try {
    let links = await openDuplicateLinks(url);
    assert.deepEqual(await links.record(1, weworkReuters), { document_id: 1, duplicate_of: null, similarity: null });
    assert.equal((await links.record(2, rescueNbc)).duplicate_of, null);
    await links.close();
    // a second writer (another run, another process) sees the first run's documents
    links = await openDuplicateLinks(url);
    const second = await links.record(3, syndicate(weworkReuters));
    assert.equal(second.duplicate_of, 1);
    assert.equal((await links.record(3, 'ignored: already linked')).duplicate_of, 1, 'recording twice keeps the link');
    // shingle counts persist too: a truncated copy found after reopening
    await links.close();
    links = await openDuplicateLinks(url);
    assert.equal((await links.record(4, weworkReuters.split('\n\n').slice(0, 3).join('\n\n'))).duplicate_of, 1);
    assert.deepEqual((await links.copiesOf(1)).map((l) => l.document_id), [3, 4]);
    assert.deepEqual(await links.stats(), { documents: 4, duplicates: 2 });
    await links.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('links on PostgreSQL', { skip: process.env.CHRONICLE_TEST_PG ? false : 'CHRONICLE_TEST_PG is not set' }, async () => {
  const url = process.env.CHRONICLE_TEST_PG!;
  const schema = `dedup_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const a = await openDuplicateLinks(url, { pgSchema: schema });
  const b = await openDuplicateLinks(url, { pgSchema: schema });
  try {
    assert.equal((await a.record(10, weworkReuters)).duplicate_of, null);
    // the other connection catches up before deciding
    assert.equal((await b.record(11, syndicate(weworkReuters))).duplicate_of, 10);
    assert.equal((await a.record(12, rescueCbs)).duplicate_of, null);
    assert.deepEqual(await b.stats(), { documents: 3, duplicates: 1 });
  } finally {
    await a.close();
    await b.close();
    const { default: pgmod } = await import('pg');
    const c = new pgmod.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP SCHEMA ${schema} CASCADE`);
    await c.end();
  }
});
