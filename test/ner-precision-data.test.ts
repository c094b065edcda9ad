/**
 * The name-precision sample (eval/data/ner-precision-sample): every pool document is an unlabelled Wikinews article no
 * other eval/test file names; every judged row is anchored in its document's text and carries a judgment (and a class
 * when wrong). The pipeline is not run here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { PRECISION_DIR, readSample } from '../eval/ner-precision.js';

const pool = readFileSync(PRECISION_DIR + 'pool.txt', 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
const texts = new Map<string, string>();
for (const l of gunzipSync(readFileSync(PRECISION_DIR + '../../../../shared/data/unlabelled/news-en.jsonl.gz')).toString('utf8').split('\n')) {
  if (!l.startsWith('{"id": "wikinews:') && !l.startsWith('{"id":"wikinews:')) continue;
  const d = JSON.parse(l) as { id: string; text: string };
  texts.set(d.id, d.text);
}

// The quote set held8 (sixteenth session, eval/data/quotes/tools/held8.mjs) was drawn from this pool after the three samples
// were judged: its 16 articles are the only pool documents a quote split holds (a later sample should leave them out: half A
// is read for quotes from then on).
test('ner-precision pool: Wikinews articles of the unlabelled file, none in the ner-news or quote sets (but held8, drawn later)', () => {
  assert.ok(pool.length >= 150, `${pool.length} pool documents`);
  for (const id of pool) assert.ok(texts.has(id), `${id} is an unlabelled Wikinews article`);
  for (const f of ['eval/data/ner-news/docs.jsonl', 'eval/data/quotes/docs.jsonl', 'eval/data/events/docs.jsonl']) {
    const docs = readFileSync(PRECISION_DIR + '../../../' + f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; split?: string });
    const ids = new Set(docs.filter((d) => d.split !== 'held8').map((d) => d.id));
    for (const id of pool) assert.ok(!ids.has(id), `${id} is in ${f}`);
    if (f.includes('quotes')) assert.equal(docs.filter((d) => d.split === 'held8' && pool.includes(d.id)).length, 16, 'held8 is drawn from the pool');
  }
});

test('ner-precision samples: every row anchored in its text, judged, wrong rows classed', () => {
  const files = readdirSync(PRECISION_DIR).filter((f) => /^sample-.*\.jsonl$/.test(f));
  assert.ok(files.length >= 1);
  for (const f of files) {
    const rows = readSample(PRECISION_DIR + f);
    assert.ok(rows.length >= 100, `${f}: ${rows.length} rows`);
    for (const r of rows) {
      assert.ok(pool.includes(r.doc), `${f} row ${r.k}: ${r.doc} in the pool`);
      assert.equal(texts.get(r.doc)!.slice(r.start, r.end), r.text, `${f} row ${r.k}`);
      assert.ok(r.type === 'PERSON' || r.type === 'ORG');
    }
  }
});
