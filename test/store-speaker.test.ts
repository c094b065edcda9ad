import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/index.js';
import { extract } from '../src/extract.js';
import Database from 'better-sqlite3';

test('a quote whose speaker no entity stands for keeps the words that name it in the store', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-speaker-'));
  const store = await openStore(join(dir, 'case.db'));
  try {
    const result = extract({ id: 'police', published: '2025-03-07', text: 'Three men were arrested near the harbour of Valletta, police said on Friday.' });
    assert.equal(result.quotes[0]?.speaker_text, 'police', JSON.stringify(result.quotes));
    await store.ingest(result);
    const hits = await store.search('arrested harbour');
    assert.equal(hits.quotes.length, 1, JSON.stringify(hits));
    assert.deepEqual(hits.quotes[0].speaker, { id: null, name: 'police' });
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a guessed speaker keeps its low confidence in the store (and a store from before migration 12 reads it back from its results)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-speaker-'));
  const path = join(dir, 'case.db');
  try {
    // the cascade finds no source for the quotation; the ranker's fill names the harbour master, as a guess
    const result = extract({ id: 'pier', published: '2025-03-07', text: 'Harbour master Tomas Berg walked along the broken pier on Monday. "Nobody expected the water to rise so fast."' });
    const filled = result.quotes.find((q) => q.text.includes('water to rise'));
    assert.ok(filled?.speaker && filled.confidence !== undefined && filled.confidence < 0.5, JSON.stringify(result.quotes));
    const store = await openStore(path);
    await store.ingest(result);
    const [berg] = await store.searchEntities({ q: 'Tomas Berg' });
    const by = (await store.getEntity(berg.id))!.quotes.by;
    assert.equal(by.length, 1);
    assert.equal(by[0].confidence, filled.confidence);
    await store.close();
    // as written before the column existed
    const db = new Database(path);
    db.exec('ALTER TABLE quotes DROP COLUMN confidence; DELETE FROM schema_migrations WHERE version >= 12');
    db.close();
    const reopened = await openStore(path);
    const again = (await reopened.getEntity(berg.id))!.quotes.by;
    await reopened.close();
    assert.equal(again[0].confidence, filled.confidence);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
