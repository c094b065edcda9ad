import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/index.js';
import { readDocuments } from '../src/ingest/input.js';
import { runIngest } from '../src/ingest/batch.js';
import { openDuplicateLinks } from '../src/store/duplicates.js';
import { Journal } from '../src/ingest/journal.js';
import { Progress, formatDuration } from '../src/ingest/progress.js';
import { Writable } from 'node:stream';
import { ExtractPool } from '../src/ingest/pool.js';
import { backends } from './store-fixtures.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLES = join(ROOT, 'examples', 'wikinews');
// short Wikinews articles (CC BY 2.5) keep the suite fast
const SMALL = ['wikinews-news-worship', 'wikinews-news-stampede', 'wikinews-news-crane', 'wikinews-news-asylum', 'wikinews-news-flag'];

function workdir(): { dir: string; docs: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-batch-'));
  const docs = join(dir, 'docs');
  mkdirSync(docs);
  SMALL.forEach((name, i) => copyFileSync(join(EXAMPLES, `${name}.json`), join(docs, `${i + 1}-${name}.json`)));
  return { dir, docs, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, cb: () => void): void {
    this.text += chunk.toString();
    cb();
  }
}

// the ingest suite's main case on both stores, with the same expectations (PostgreSQL when CHRONICLE_TEST_PG is set, as in CI)
for (const backend of backends()) {
  test(`two worker threads, one writer: input order kept, copies linked, bad input named, the rest stored (${backend.name})`, { skip: backend.skip }, async () => {
    const w = workdir();
    const { store, cleanup } = await backend.open();
    try {
      // a syndicated copy of the first article and a broken file, after the originals
      const first = JSON.parse(readFileSync(join(w.docs, `1-${SMALL[0]}.json`), 'utf8')) as { text: string; title: string };
      writeFileSync(join(w.docs, '6-copy.json'), JSON.stringify({ id: 'copy', title: 'Court: ancient worship legal', text: 'ATHENS (Wire) - ' + first.text.replace(/[^.]+\.\s*$/, '') + '\n\nDistributed by Wire.' }));
      writeFileSync(join(w.docs, '7-broken.json'), '{"text": "unterminated');
      const journal = Journal.open(join(w.dir, 'journal'));
      const errors: string[] = [];
      const progressOut = new Sink();
      const s = await runIngest(readDocuments([w.docs]), { store, jobs: 2, journal, error: (l) => errors.push(l), progress: new Progress(progressOut, 'ingest', { tty: false }) });
      assert.equal(s.added, 6);
      assert.equal(s.failed, 1);
      assert.equal(s.duplicates, 1);
      assert.match(errors.join('\n'), /7-broken\.json: malformed JSON/);
      const docs = (await store.listDocuments({ limit: 10 })).items.sort((a, b) => a.id - b.id);
      assert.deepEqual(docs.map((d) => d.external_id), [...SMALL, 'copy'], 'stored in input order by the single writer');
      assert.equal((await store.getDocument(docs[5].id))?.duplicate_of?.id, docs[0].id);
      assert.match(progressOut.text, /7\/7 docs .* docs\/s .*1 failed/);
      journal.close();
      assert.equal(readFileSync(join(w.dir, 'journal'), 'utf8').trim().split('\n').length, 6, 'failures are not journalled, so --resume retries them');
    } finally {
      await store.close();
      await cleanup();
      w.cleanup();
    }
  });
}

test('the deprecated duplicate-link reader still reads what the store links', async () => {
  const w = workdir();
  try {
    const url = join(w.dir, 'store.db');
    const store = await openStore(url);
    const first = JSON.parse(readFileSync(join(w.docs, `1-${SMALL[0]}.json`), 'utf8')) as { text: string };
    writeFileSync(join(w.docs, '6-copy.json'), JSON.stringify({ id: 'copy', text: 'ATHENS (Wire) - ' + first.text.replace(/[^.]+\.\s*$/, '') }));
    const duplicates = await openDuplicateLinks(url);
    await runIngest(readDocuments([w.docs]), { store, jobs: 0, duplicates, error: () => undefined });
    const docs = (await store.listDocuments({ limit: 10 })).items.sort((a, b) => a.id - b.id);
    assert.equal((await duplicates.get(docs[5].id))?.duplicate_of, docs[0].id);
    await duplicates.close();
    await store.close();
  } finally {
    w.cleanup();
  }
});

test('--resume after a killed run: finished documents are not redone, every document stored once', async () => {
  const w = workdir();
  try {
    const db = join(w.dir, 'store.db');
    const bin = join(ROOT, 'bin', 'chronicle');
    // a first run, killed once two documents are journalled
    const child = spawn(process.execPath, [bin, 'ingest', '--db', db, '--quiet', w.docs], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise((r) => child.once('exit', r));
    const journal = `${db}.journal`;
    const lines = () => (existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').filter(Boolean).length : 0);
    const deadline = Date.now() + 60_000;
    while (lines() < 2 && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    await exited;
    const before = lines();
    assert.ok(before >= 2 && before < SMALL.length, `killed mid-run after ${before} documents; ${stderr}`);
    const again = spawnSync(process.execPath, [bin, 'ingest', '--db', db, '--quiet', '--resume', '--jobs', '1', w.docs], { encoding: 'utf8' });
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stderr, new RegExp(`${SMALL.length - before} added, 0 already stored, 0 failed, ${before} finished earlier \\(--resume\\)`));
    const store = await openStore(db);
    assert.equal((await store.stats()).documents, SMALL.length);
    await store.close();
  } finally {
    w.cleanup();
  }
});

test('progress: plain lines off a terminal, a redrawn bar with ETA on one', () => {
  const plain = new Sink();
  const p = new Progress(plain, 'ingest', { tty: false, logEverySeconds: 0 });
  p.update({ done: 3, failed: 1, skipped: 0, total: 10 });
  assert.match(plain.text, /^ingest: 4\/10 docs {2}[\d.]+ docs\/s {2}ETA \S+ {2}1 failed\n$/);
  const tty = new Sink();
  const t = new Progress(tty, 'ingest', { tty: true });
  t.update({ done: 5, failed: 0, skipped: 0, total: 10 }, true);
  assert.match(tty.text, /\r\x1b\[2Kingest \[█{12}░{12}\] 5\/10 docs/);
  assert.equal(formatDuration(75), '1m15s');
  assert.equal(formatDuration(7300), '2h01m');
});

test('pool: a worker that dies fails only its own document and is replaced', async () => {
  const pool = new ExtractPool(1, new URL('../../test/fixtures/crashing-worker.mjs', import.meta.url));
  try {
    const before = await pool.extract({ id: 'a', text: 'fine' });
    assert.equal((before.result as unknown as { text: string }).text, 'FINE');
    await assert.rejects(pool.extract({ id: 'b', text: 'crash' }), /extraction worker exited \(code 3\)/);
    const after = await pool.extract({ id: 'c', text: 'still fine' });
    assert.equal((after.result as unknown as { text: string }).text, 'STILL FINE');
  } finally {
    await pool.close();
  }
});

test('pool: documents wait in one queue, so a long document holds back at most the one handed to its worker next', { timeout: 30_000 }, async () => {
  // "slow" never finishes (no time budget here): with documents handed out as they came, every other one went to
  // its worker and waited behind it; now the other worker takes all but the one already posted behind it
  const pool = new ExtractPool(2, { script: new URL('../../test/fixtures/slow-worker.mjs', import.meta.url), secondsPerMb: 0 });
  try {
    void pool.extract({ id: 'slow', text: 'slow' }).catch(() => undefined);
    const done: string[] = [];
    const rest = Array.from({ length: 6 }, (_, i) => pool.extract({ id: `d${i}`, text: `fine ${i}` }).then((r) => {
      done.push((r.result as unknown as { text: string }).text);
    }));
    rest.forEach((p) => p.catch(() => undefined));
    await Promise.all([rest[0], ...rest.slice(2)]);
    assert.deepEqual(done.sort(), ['FINE 0', 'FINE 2', 'FINE 3', 'FINE 4', 'FINE 5']);
  } finally {
    await pool.close();
  }
});

test('JSONL on standard input, in-process and with --jobs: a near-duplicate is linked to the first copy either way', async () => {
  const w = workdir();
  try {
    const first = JSON.parse(readFileSync(join(w.docs, `1-${SMALL[0]}.json`), 'utf8')) as { id: string; text: string; title: string; published: string };
    const other = JSON.parse(readFileSync(join(w.docs, `2-${SMALL[1]}.json`), 'utf8')) as { id: string; text: string; title: string; published: string };
    const copy = { id: 'wire-copy', title: 'Wire: ancient worship ruled legal', published: first.published, text: `(Wire) - ${first.text.trim().replace(/[^.]+\.$/, '')}\n\nDistributed by Wire.` };
    const lines = [first, other, copy].map((d) => JSON.stringify(d)).join('\n') + '\n';
    const bin = join(ROOT, 'bin', 'chronicle');
    for (const jobs of ['0', '2']) {
      const db = join(w.dir, `stdin-${jobs}.db`);
      const run = spawnSync(process.execPath, [bin, 'ingest', '--db', db, '--jobs', jobs, '-'], { input: lines, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stderr, /3 added, .*1 near-duplicates linked/);
      assert.match(run.stderr, /stdin:3: document 3, .*near-duplicate of document 1 \(\d+%\)/);
      // the copy's events are not counted again in the store's totals
      assert.match(run.stderr, /holds 3 documents \(1 near-duplicate copies\)/);
      const store = await openStore(db);
      try {
        const docs = (await store.listDocuments()).items;
        const root = docs.find((d) => d.external_id === first.id)!;
        assert.equal(docs.find((d) => d.external_id === 'wire-copy')!.duplicate_of?.id, root.id, `--jobs ${jobs}`);
        assert.equal(docs.find((d) => d.external_id === other.id)!.duplicate_of, null);
        assert.equal(root.copy_count, 1);
      } finally {
        await store.close();
      }
    }
  } finally {
    w.cleanup();
  }
});
