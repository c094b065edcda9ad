/**
 * Crash safety, for real: `chronicle ingest` runs in a child process over a batch of articles,
 * is killed with SIGKILL in the middle (twice: once in a plain run, once in a --resume run),
 * then run again to the end. Every document must then be stored exactly once, and every
 * stored document must be whole: as many entities, events and quotes in the store as its own
 * extraction result holds, and every entity linked to an identity. SQLite always;
 * PostgreSQL when CHRONICLE_TEST_PG is set (in a database of its own).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/index.js';

const PG = process.env.CHRONICLE_TEST_PG;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'chronicle');

interface Article { id: string; text: string; title?: string; published?: string; source?: string }

/** The bundled Wikinews articles, the first few also in a second edition (a correction line added), as JSONL. */
function batch(dir: string): { path: string; ids: string[] } {
  const folder = join(ROOT, 'examples', 'wikinews');
  const docs: Article[] = [];
  for (const f of readdirSync(folder).filter((x) => x.endsWith('.json')).sort()) {
    const a = JSON.parse(readFileSync(join(folder, f), 'utf8')) as Article;
    docs.push({ ...a, id: `w-${f.replace(/\.json$/, '')}` });
    // a few second editions: near-duplicates that are still documents of their own
    if (docs.length < 12) docs.push({ ...a, id: `w2-${f.replace(/\.json$/, '')}`, text: `${a.text}\n\nCorrection: an earlier version of this article misspelt a name.` });
  }
  const path = join(dir, 'batch.jsonl');
  writeFileSync(path, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  return { path, ids: docs.map((d) => d.id) };
}

/** Run `chronicle ingest`; kill it with SIGKILL after `killAfter` stored documents (plus a random pause). */
async function ingest(args: string[], killAfter: number | null): Promise<{ code: number | null; signal: string | null; stored: number; stderr: string }> {
  const child = spawn(process.execPath, [BIN, 'ingest', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let stored = 0;
  let killing = false;
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    stored = (stderr.match(/^ {2}\+ /gm) ?? []).length;
    if (killAfter !== null && stored >= killAfter && !killing) {
      killing = true;
      // land somewhere inside the next document's extraction or transaction
      setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 300));
    }
  });
  const [code, signal] = await new Promise<[number | null, string | null]>((r) => child.once('exit', (c, s) => r([c, s])));
  return { code, signal, stored, stderr };
}

async function checkWhole(url: string, ids: string[], pgSchema?: string): Promise<void> {
  const store = await openStore(url, pgSchema ? { pgSchema } : {});
  try {
    const { total, items } = await store.listDocuments({ limit: 500 });
    assert.equal(total, ids.length, 'every document stored');
    assert.deepEqual(items.map((d) => d.external_id).sort(), [...ids].sort(), 'each document exactly once');
    for (const summary of items) {
      const doc = await store.getDocument(summary.id);
      assert.ok(doc, `document ${summary.id} readable`);
      assert.equal(summary.entity_count, doc.result.entities.length, `${summary.external_id}: all entities stored`);
      assert.equal(summary.event_count, doc.result.events.length, `${summary.external_id}: all events stored`);
      assert.equal(summary.quote_count, doc.result.quotes.length, `${summary.external_id}: all quotes stored`);
      for (const e of doc.result.entities) assert.ok(doc.identities[e.id], `${summary.external_id}: entity ${e.id} has an identity`);
    }
    const stats = await store.stats();
    assert.equal(stats.documents, ids.length);
  } finally {
    await store.close();
  }
}

async function killAndRerun(db: string, check: () => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-crash-'));
  try {
    const { path, ids } = batch(dir);
    const journal = join(dir, 'ingest.journal');
    const common = ['--db', db, '--journal', journal, path];
    const runs: string[] = [];
    try {
      await steps(common, ids, check, runs);
    } catch (err) {
      // say what each run printed: a failure here must be diagnosable from the CI log
      (err as Error).message += `\n--- runs ---\n${runs.map((r, i) => `run ${i + 1}:\n${r.slice(-3000)}`).join('\n')}`;
      throw err;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function steps(common: string[], ids: string[], check: () => Promise<void>, runs: string[]): Promise<void> {
  {
    const first = await ingest(common, 3);
    runs.push(first.stderr);
    assert.equal(first.signal, 'SIGKILL', `first run should have been killed:\n${first.stderr}`);
    assert.ok(first.stored < ids.length);
    // extraction in a worker thread this time, so the writer is busy more of the time
    const second = await ingest(['--resume', '--jobs', '1', ...common], 4);
    runs.push(second.stderr);
    assert.equal(second.signal, 'SIGKILL', `resumed run should have been killed:\n${second.stderr}`);
    // a plain re-run (no --resume): what is stored is recognised by content, the rest is added
    const last = await ingest(common, null);
    runs.push(last.stderr);
    assert.equal(last.code, 0, last.stderr);
    assert.match(last.stderr, /0 failed/);
    const added = Number(/(\d+) added/.exec(last.stderr)?.[1]);
    const kept = Number(/(\d+) already stored/.exec(last.stderr)?.[1]);
    assert.equal(added + kept, ids.length, last.stderr);
    assert.ok(kept >= first.stored + second.stored, `documents stored before the kills are kept (${kept})`);
    await check();
    // and once more: nothing added twice
    const again = spawnSync(process.execPath, [BIN, 'ingest', '--quiet', ...common], { encoding: 'utf8' });
    runs.push(again.stderr);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stderr, new RegExp(`0 added, ${ids.length} already stored`));
    await check();
  }
}

test('SQLite: SIGKILL during ingest, then re-run: every document once, none partial', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-crash-db-'));
  try {
    const db = join(dir, 'crash.db');
    const { ids } = batch(dir);
    await killAndRerun(db, () => checkWhole(db, ids));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('PostgreSQL: SIGKILL during ingest, then re-run: every document once, none partial', { skip: PG ? false : 'CHRONICLE_TEST_PG is not set', timeout: 300_000 }, async () => {
  const { default: pg } = await import('pg');
  const name = `chronicle_crash_${process.pid}_${Math.random().toString(36).slice(2, 7)}`;
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(PG!);
  u.pathname = `/${name}`;
  const db = u.toString();
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-crash-db-'));
  try {
    const { ids } = batch(dir);
    await killAndRerun(db, () => checkWhole(db, ids));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
});
