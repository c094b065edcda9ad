/**
 * npm run bench:ingest: documents/s of `chronicle ingest` with --jobs 0 (in-process), 1 and 2
 * on SQLite, and of one vs two `chronicle worker` processes on PostgreSQL (when
 * CHRONICLE_BENCH_PG or CHRONICLE_TEST_PG names a server), with the ratios and peak memory.
 * Every run is the real CLI in a child process on a fresh store; the corpus is the bundled
 * Wikinews articles, each twice (the copy with another title, as a syndicated copy would be),
 * so each run extracts 2 × 35 documents.
 *   BENCH_COPIES=N   copies of the corpus (default 2)
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';

const ROOT = process.cwd();
const BIN = join(ROOT, 'bin', 'chronicle');
const copies = Number(process.env.BENCH_COPIES ?? 2);
const PG = process.env.CHRONICLE_BENCH_PG ?? process.env.CHRONICLE_TEST_PG ?? null;

interface Run {
  label: string;
  docs: number;
  seconds: number;
  /** CPU seconds the run's processes got (all threads) */
  cpu: number;
  peakMb: number;
}

function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

function corpusDir(dir: string): number {
  const src = join(ROOT, 'examples', 'wikinews');
  const out = join(dir, 'docs');
  mkdirSync(out);
  let n = 0;
  for (const f of readdirSync(src).filter((x) => x.endsWith('.json')).sort()) {
    const doc = JSON.parse(readFileSync(join(src, f), 'utf8')) as { id: string; title?: string };
    for (let c = 0; c < copies; c++) {
      writeFileSync(join(out, `${c}-${f}`), JSON.stringify({ ...doc, id: `${doc.id}-${c}`, title: c ? `${doc.title ?? ''} (copy ${c})` : doc.title }));
      n++;
    }
  }
  return n;
}

const cpuOf = (stderr: string) => [...stderr.matchAll(/CPU ([\d.]+) s/g)].reduce((a, m) => a + Number(m[1]), 0);
const peak = (stderr: string) => Math.max(0, ...[...stderr.matchAll(/peak memory (\d+) MB/g)].map((m) => Number(m[1])));

async function sqliteRun(docsDir: string, n: number, jobs: number): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-bench-'));
  try {
    const t0 = performance.now();
    const r = await run(['ingest', '--db', join(dir, 'b.db'), '--quiet', '--jobs', String(jobs), docsDir]);
    const seconds = (performance.now() - t0) / 1000;
    if (r.code !== 0 || !new RegExp(`${n} added`).test(r.stderr)) throw new Error(`ingest --jobs ${jobs} failed: ${r.stderr.slice(-500)}`);
    return { label: jobs === 0 ? 'ingest (in-process)' : `ingest --jobs ${jobs}`, docs: n, seconds, cpu: cpuOf(r.stderr), peakMb: peak(r.stderr) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function pgRun(docsDir: string, n: number, workers: number): Promise<Run> {
  const { default: pg } = await import('pg');
  const name = `chronicle_bench_${process.pid}_${workers}`;
  const admin = new pg.Client({ connectionString: PG! });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(PG!);
  u.pathname = `/${name}`;
  const url = u.toString();
  try {
    const q = await run(['enqueue', '--db', url, '--quiet', docsDir]);
    if (q.code !== 0) throw new Error(`enqueue failed: ${q.stderr.slice(-500)}`);
    // workers start together, as on a cluster; the clock runs from their start to the last exit
    const t0 = performance.now();
    const results = await Promise.all(Array.from({ length: workers }, () => run(['worker', '--db', url, '--quiet', '--exit-when-empty'])));
    const seconds = (performance.now() - t0) / 1000;
    for (const r of results) if (r.code !== 0) throw new Error(`worker failed: ${r.stderr.slice(-500)}`);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const stored = Number((await c.query('SELECT COUNT(*) AS n FROM documents')).rows[0].n);
    await c.end();
    if (stored !== n) throw new Error(`${stored} documents stored, expected ${n}`);
    return { label: `${workers} worker${workers > 1 ? 's' : ''} (PostgreSQL)`, docs: n, seconds, cpu: results.reduce((a, r) => a + cpuOf(r.stderr), 0), peakMb: Math.max(...results.map((r) => peak(r.stderr))) };
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

const work = mkdtempSync(join(tmpdir(), 'chronicle-bench-corpus-'));
try {
  const n = corpusDir(work);
  const docsDir = join(work, 'docs');
  console.log(`corpus: ${n} documents (examples/wikinews × ${copies}); ${cpus().length} CPU cores; load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const runs: Run[] = [];
  // CPU/wall says how many cores a run actually got: on a busy machine it stays near 1 whatever --jobs is
  const show = (r: Run) =>
    console.log(`${r.label.padEnd(24)} ${(r.docs / r.seconds).toFixed(2).padStart(6)} docs/s  ${r.seconds.toFixed(1).padStart(6)} s wall  ${r.cpu.toFixed(1).padStart(6)} s CPU (${(r.cpu / r.seconds).toFixed(2)} cores)  ${(r.docs / Math.max(r.cpu, 1e-9)).toFixed(2)} docs/CPU-s  peak ${r.peakMb} MB`);
  for (const jobs of [0, 1, 2]) {
    const r = await sqliteRun(docsDir, n, jobs);
    runs.push(r);
    show(r);
  }
  const rate = (label: string) => {
    const r = runs.find((x) => x.label === label)!;
    return r.docs / r.seconds;
  };
  console.log(`ratio --jobs 2 / --jobs 1: ${(rate('ingest --jobs 2') / rate('ingest --jobs 1')).toFixed(2)}  (--jobs 2 / in-process: ${(rate('ingest --jobs 2') / rate('ingest (in-process)')).toFixed(2)})`);
  if (PG) {
    for (const w of [1, 2]) {
      const r = await pgRun(docsDir, n, w);
      runs.push(r);
      show(r);
    }
    console.log(`ratio 2 workers / 1 worker: ${(rate('2 workers (PostgreSQL)') / rate('1 worker (PostgreSQL)')).toFixed(2)}`);
  } else console.log('PostgreSQL runs skipped: set CHRONICLE_BENCH_PG (or CHRONICLE_TEST_PG) to postgres://user@host/db');
} finally {
  rmSync(work, { recursive: true, force: true });
}
