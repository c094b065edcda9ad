import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/index.js';
import { extract } from '../src/extract.js';

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
