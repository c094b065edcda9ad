import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jobId, openQueue, enqueue, runWorker, DEAD_LETTER, QUEUE } from '../src/ingest/queue.js';
import { openStore } from '../src/store/index.js';

const PG = process.env.CHRONICLE_TEST_PG;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'chronicle');
const SMALL = ['wikinews-news-worship', 'wikinews-news-stampede', 'wikinews-news-crane', 'wikinews-news-asylum', 'wikinews-news-flag'];

test('job ids come from the content: the same document queued twice is one job', () => {
  const a = jobId({ text: 'Same text.', title: 'T', published: '2025-01-01' });
  assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(a, jobId({ text: 'Same text.', title: 'T', published: '2025-01-01' }));
  assert.notEqual(a, jobId({ text: 'Same text.', title: 'T', published: '2025-01-02' }));
});

/** A database of its own: the CLI takes a URL, and pg-boss keeps its own schema in it. */
async function withDatabase(fn: (url: string) => Promise<void>): Promise<void> {
  const { default: pg } = await import('pg');
  const name = `chronicle_queue_${process.pid}_${Math.random().toString(36).slice(2, 7)}`;
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(PG!);
  u.pathname = `/${name}`;
  try {
    await fn(u.toString());
  } finally {
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

function worker(url: string, ...extra: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let out = '';
  const child = spawn(process.execPath, [BIN, 'worker', '--db', url, '--maintenance-interval', '1', ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, output: () => out, exited };
}

test('two workers and one killed mid-job: every document stored exactly once, the lost job retried', { skip: PG ? false : 'CHRONICLE_TEST_PG is not set', timeout: 180_000 }, async () => {
  await withDatabase(async (url) => {
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-queue-'));
    try {
      mkdirSync(join(dir, 'docs'));
      for (const n of SMALL) copyFileSync(join(ROOT, 'examples', 'wikinews', `${n}.json`), join(dir, 'docs', `${n}.json`));
      const q = spawnSync(process.execPath, [BIN, 'enqueue', '--db', url, '--visibility-timeout', '8', '--retries', '2', join(dir, 'docs')], { encoding: 'utf8' });
      assert.equal(q.status, 0, q.stderr);
      assert.match(q.stderr, /5 queued, 0 already queued, 0 failed; 5 jobs waiting/);
      const again = spawnSync(process.execPath, [BIN, 'enqueue', '--db', url, '--quiet', join(dir, 'docs')], { encoding: 'utf8' });
      assert.match(again.stderr, /0 queued, 5 already queued/);

      // the victim takes a job and is killed in the middle of it
      const victim = worker(url);
      const deadline = Date.now() + 60_000;
      while (!/ > /.test(victim.output()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      victim.child.kill('SIGKILL');
      await victim.exited;
      const lost = /> (\S+): job/.exec(victim.output())?.[1];
      assert.ok(lost, victim.output());

      const a = worker(url, '--exit-when-empty');
      const b = worker(url, '--exit-when-empty');
      assert.equal(await a.exited, 0, a.output());
      assert.equal(await b.exited, 0, b.output());

      const { default: pg } = await import('pg');
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        const docs = await c.query<{ external_id: string }>('SELECT external_id FROM documents ORDER BY external_id');
        assert.deepEqual(docs.rows.map((r) => r.external_id), [...SMALL].sort(), 'each document stored once');
        const jobs = await c.query<{ state: string; retry_count: number; origin: string }>(
          "SELECT state, retry_count, data->>'origin' AS origin FROM pgboss.job WHERE name = 'chronicle-extract' UNION ALL SELECT state, retry_count, data->>'origin' FROM pgboss.archive WHERE name = 'chronicle-extract'");
        assert.equal(jobs.rows.length, 5);
        assert.ok(jobs.rows.every((j) => j.state === 'completed'), JSON.stringify(jobs.rows));
        const retried = jobs.rows.find((j) => j.origin === lost);
        assert.ok(retried && retried.retry_count >= 1, `the killed worker's job was given to another worker: ${JSON.stringify(retried)}`);
      } finally {
        await c.end();
      }
      // both surviving workers took part, and no document was added twice
      const added = [a, b].flatMap((w) => w.output().match(/ \+ \S+:/g) ?? []);
      assert.equal(new Set(added).size, added.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('a job that keeps failing is retried with backoff, then dead-lettered', { skip: PG ? false : 'CHRONICLE_TEST_PG is not set', timeout: 120_000 }, async () => {
  await withDatabase(async (url) => {
    const boss = await openQueue({ url, retryLimit: 1, retryDelay: 1, maintenanceInterval: 1 });
    const doc = { id: 'doomed', text: 'The talks in Geneva ended without an agreement on Friday, officials said.', published: '2025-02-14' };
    assert.equal(await enqueue(boss, 'doomed.json', doc), true);
    // a store whose database has gone away: every attempt fails
    const store = await openStore(url);
    await store.close();
    const lines: string[] = [];
    const summary = await runWorker({ boss, store, exitWhenEmpty: true, pollingIntervalSeconds: 0.5, log: (l) => lines.push(l) });
    assert.equal(summary.failed, 2, `first attempt and one retry: ${lines.join('\n')}`);
    assert.equal(summary.stored, 0);
    const { default: pg } = await import('pg');
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const original = await c.query<{ state: string; retry_count: number }>("SELECT state, retry_count FROM pgboss.job WHERE name = $1 UNION ALL SELECT state, retry_count FROM pgboss.archive WHERE name = $1", [QUEUE]);
      assert.deepEqual(original.rows, [{ state: 'failed', retry_count: 1 }]);
      const dead = await c.query<{ origin: string }>("SELECT data->>'origin' AS origin FROM pgboss.job WHERE name = $1", [DEAD_LETTER]);
      assert.deepEqual(dead.rows.map((r) => r.origin), ['doomed.json']);
    } finally {
      await c.end();
    }
  });
});

test('a worker links a near-duplicate to the first copy, as ingest and the API do', { skip: PG ? false : 'CHRONICLE_TEST_PG is not set', timeout: 120_000 }, async () => {
  await withDatabase(async (url) => {
    const original = JSON.parse(readFileSync(join(ROOT, 'examples', 'wikinews', 'wikinews-news-crane.json'), 'utf8')) as { id: string; title: string; text: string; published: string };
    const copy = { id: 'crane-copy', title: 'Crane collapse: the wire story', published: original.published, text: `(Wire) - ${original.text.trim().replace(/[^.]+\.$/, '')}\n\nReporting by the wire desk.` };
    const boss = await openQueue({ url, maintenanceInterval: 1 });
    assert.equal(await enqueue(boss, 'crane.json', original), true);
    assert.equal(await enqueue(boss, 'crane-copy.json', copy), true);
    const store = await openStore(url);
    try {
      const lines: string[] = [];
      // one job at a time, so the original is stored first
      const summary = await runWorker({ boss, store, exitWhenEmpty: true, pollingIntervalSeconds: 0.5, log: (l) => lines.push(l) });
      assert.deepEqual([summary.stored, summary.duplicates, summary.failed], [2, 1, 0], lines.join('\n'));
      const docs = (await store.listDocuments()).items;
      const first = docs.find((d) => d.external_id === original.id)!;
      const second = docs.find((d) => d.external_id === 'crane-copy')!;
      assert.equal(second.duplicate_of?.id, first.id);
      assert.match(lines.join('\n'), new RegExp(`crane-copy\\.json: document ${second.id}.*near-duplicate of document ${first.id}`));
    } finally {
      await store.close();
    }
  });
});
