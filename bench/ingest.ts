/**
 * npm run bench:ingest: documents/s of `chronicle ingest` with --jobs 0 (in-process), 1 and 2
 * on SQLite, and of one vs two `chronicle worker` processes on PostgreSQL (when
 * CHRONICLE_BENCH_PG or CHRONICLE_TEST_PG names a server), with the ratios, CPU time and peak
 * memory. Every run is the real CLI in a child process on a fresh store.
 *
 * The corpus is DISTINCT documents, so no run is shortened by de-duplication: the GUM train
 * documents (/work/shared/data/gum, text rebuilt from the CoNLL-U `# text` lines, paragraphs
 * from `# newpar`, title and date from the metadata) and then UD English EWT documents of at
 * least 6 sentences (`# newdoc` … `# text`), each a different text. Documents the ingest would
 * skip (not detected as English) or that the near-duplicate index links to another are left
 * out and counted, so every run must store every document.
 *   BENCH_DOCS=N      documents (default 600; GUM first, then EWT)
 *   CHRONICLE_DATA    the shared data folder (default /work/shared/data)
 *   BENCH_ONLY=sqlite|pg   one half only
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { NearDuplicateIndex, sketch } from '../src/store/dedup.js';
import { detectLanguage } from '../src/ingest/language.js';
import { startupReport } from './startup.js';

const ROOT = process.cwd();
const BIN = join(ROOT, 'bin', 'chronicle');
const DATA = process.env.CHRONICLE_DATA ?? '/work/shared/data';
const WANT = Number(process.env.BENCH_DOCS ?? 600);
const PG = process.env.CHRONICLE_BENCH_PG ?? process.env.CHRONICLE_TEST_PG ?? null;
const ONLY = process.env.BENCH_ONLY ?? '';

interface Doc {
  id: string;
  title: string | null;
  published: string | null;
  source: string;
  text: string;
}

/** Documents of a CoNLL-U file: `# newdoc` starts one, `# newpar` a paragraph, `# text` is a sentence. */
export function conlluDocuments(path: string, source: string): Doc[] {
  const docs: Doc[] = [];
  let cur: { id: string; title: string | null; published: string | null; paras: string[][] } | null = null;
  const flush = () => {
    if (!cur) return;
    const text = cur.paras.filter((p) => p.length).map((p) => p.join(' ')).join('\n\n');
    if (text) docs.push({ id: cur.id, title: cur.title, published: cur.published, source, text });
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.startsWith('#')) continue;
    const m = /^# (newdoc id|newpar|text|meta::title|meta::dateCreated)\b\s*=?\s*(.*)$/.exec(line);
    if (!m) continue;
    const [, key, value] = m;
    if (key === 'newdoc id') {
      flush();
      cur = { id: value.trim(), title: null, published: null, paras: [[]] };
    } else if (!cur) continue;
    else if (key === 'newpar') {
      if (cur.paras[cur.paras.length - 1].length) cur.paras.push([]);
    } else if (key === 'text') cur.paras[cur.paras.length - 1].push(value.trim());
    else if (key === 'meta::title') cur.title = value.trim();
    else if (key === 'meta::dateCreated' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) cur.published = value.trim();
  }
  flush();
  return docs;
}

function buildCorpus(out: string): { n: number; gum: number; ewt: number; notEnglish: number; nearDuplicates: number; sentences: number; words: number } {
  const gumDir = join(DATA, 'gum', 'dep');
  const ewtDir = join(DATA, 'ud-ewt');
  if (!existsSync(gumDir) || !existsSync(ewtDir)) throw new Error(`GUM and EWT are needed under ${DATA} (set CHRONICLE_DATA)`);
  const gum = readdirSync(gumDir).filter((f) => f.endsWith('.conllu')).sort().flatMap((f) => conlluDocuments(join(gumDir, f), 'GUM'));
  const ewt = ['train', 'dev', 'test'].flatMap((s) => conlluDocuments(join(ewtDir, `en_ewt-ud-${s}.conllu`), 'UD English EWT'))
    .filter((d) => d.text.split(/(?<=[.!?])\s+/).length >= 6);
  const index = new NearDuplicateIndex();
  const stats = { n: 0, gum: 0, ewt: 0, notEnglish: 0, nearDuplicates: 0, sentences: 0, words: 0 };
  mkdirSync(out);
  for (const d of [...gum, ...ewt]) {
    if (stats.n >= WANT) break;
    if (detectLanguage(d.text).english === false) {
      stats.notEnglish++;
      continue;
    }
    const sk = sketch(d.text);
    if (index.add(d.id, sk.sig, undefined, sk.size)) {
      stats.nearDuplicates++;
      continue;
    }
    writeFileSync(join(out, `${String(stats.n).padStart(4, '0')}.json`), JSON.stringify({ ...d, published: d.published ?? '2024-01-01' }));
    stats.n++;
    if (d.source === 'GUM') stats.gum++;
    else stats.ewt++;
    stats.words += (d.text.match(/\S+/g) ?? []).length;
    stats.sentences += d.text.split(/(?<=[.!?])\s+/).length;
  }
  return stats;
}

interface Run {
  label: string;
  docs: number;
  seconds: number;
  /** CPU seconds the run's processes got (all threads) */
  cpu: number;
  peakMb: number;
  /** 1-minute load average when the run started and ended */
  load: [number, number];
  /** CPU seconds of the main thread (reading, the one writer) and of the other threads (extraction workers, GC), Linux only */
  threads: Threads | null;
}

/** CPU seconds by thread: the main thread, all others, and the busiest single thread */
interface Threads {
  main: number;
  other: number;
  busiest: number;
}

/**
 * Per-thread CPU of a running process from /proc (sampled, so the last ~200 ms may be
 * missing): the main thread has the process id; the rest are worker threads and V8 helpers.
 */
function threadSampler(pid: number): { stop: () => Threads | null } {
  const ticks = new Map<number, number>();
  const sample = () => {
    try {
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks.set(Number(tid), Number(f[11]) + Number(f[12]));
      }
    } catch {
      // the process (or a thread) ended between listing and reading
    }
  };
  const timer = setInterval(sample, 200);
  sample();
  return {
    stop: () => {
      clearInterval(timer);
      if (ticks.size === 0) return null;
      let main = 0;
      let other = 0;
      let busiest = 0;
      for (const [tid, t] of ticks) {
        if (tid === pid) main += t / 100;
        else other += t / 100;
        busiest = Math.max(busiest, t / 100);
      }
      return { main, other, busiest };
    },
  };
}

function run(args: string[]): Promise<{ code: number | null; stderr: string; threads: Threads | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    const sampler = threadSampler(child.pid!);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stderr, threads: sampler.stop() }));
  });
}

const cpuOf = (stderr: string) => [...stderr.matchAll(/CPU ([\d.]+) s/g)].reduce((a, m) => a + Number(m[1]), 0);
const peak = (stderr: string) => Math.max(0, ...[...stderr.matchAll(/peak memory (\d+) MB/g)].map((m) => Number(m[1])));

async function sqliteRun(docsDir: string, n: number, jobs: number): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-bench-'));
  try {
    const load0 = loadavg()[0];
    const t0 = performance.now();
    const r = await run(['ingest', '--db', join(dir, 'b.db'), '--quiet', '--jobs', String(jobs), docsDir]);
    const seconds = (performance.now() - t0) / 1000;
    if (r.code !== 0 || !new RegExp(`\\b${n} added`).test(r.stderr)) throw new Error(`ingest --jobs ${jobs} did not store all ${n} documents: ${r.stderr.slice(-800)}`);
    return { label: jobs === 0 ? 'ingest (in-process)' : `ingest --jobs ${jobs}`, docs: n, seconds, cpu: cpuOf(r.stderr), peakMb: peak(r.stderr), load: [load0, loadavg()[0]], threads: r.threads };
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
    const load0 = loadavg()[0];
    const t0 = performance.now();
    const results = await Promise.all(Array.from({ length: workers }, () => run(['worker', '--db', url, '--quiet', '--exit-when-empty'])));
    const seconds = (performance.now() - t0) / 1000;
    for (const r of results) if (r.code !== 0) throw new Error(`worker failed: ${r.stderr.slice(-500)}`);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const stored = Number((await c.query('SELECT COUNT(*) AS n FROM documents')).rows[0].n);
    await c.end();
    if (stored !== n) throw new Error(`${stored} documents stored, expected ${n}`);
    return {
      label: `${workers} worker${workers > 1 ? 's' : ''} (PostgreSQL)`, docs: n, seconds, cpu: results.reduce((a, r) => a + cpuOf(r.stderr), 0),
      peakMb: Math.max(...results.map((r) => peak(r.stderr))), load: [load0, loadavg()[0]],
      threads: results.every((r) => r.threads)
        ? { main: results.reduce((a, r) => a + r.threads!.main, 0), other: results.reduce((a, r) => a + r.threads!.other, 0), busiest: Math.max(...results.map((r) => r.threads!.busiest)) }
        : null,
    };
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

const work = mkdtempSync(join(tmpdir(), 'chronicle-bench-corpus-'));
try {
  const docsDir = join(work, 'docs');
  const c = buildCorpus(docsDir);
  const n = c.n;
  console.log(`corpus: ${n} distinct documents (${c.gum} GUM, ${c.ewt} UD EWT; ${c.sentences} sentences, ${c.words} words; left out: ${c.notEnglish} not detected as English, ${c.nearDuplicates} near-duplicates)`);
  console.log(`${cpus().length} CPU cores; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const runs: Run[] = [];
  // CPU/wall says how many cores a run actually got: on a busy machine it stays near 1 whatever --jobs is
  const show = (r: Run) =>
    console.log(`${r.label.padEnd(24)} ${(r.docs / r.seconds).toFixed(2).padStart(6)} docs/s  ${r.seconds.toFixed(1).padStart(6)} s wall  ${r.cpu.toFixed(1).padStart(6)} s CPU (${(r.cpu / r.seconds).toFixed(2)} cores)  ${(r.docs / Math.max(r.cpu, 1e-9)).toFixed(2)} docs/CPU-s  peak ${r.peakMb} MB  load ${r.load[0].toFixed(2)}→${r.load[1].toFixed(2)}` +
      (r.threads ? `  [main thread ${r.threads.main.toFixed(1)} s, other threads ${r.threads.other.toFixed(1)} s, busiest ${r.threads.busiest.toFixed(1)} s]` : ''));
  /**
   * What the CPU times predict for an idle machine with this many cores: no run can finish
   * before its busiest thread, nor before its total CPU spread over every core. On a shared
   * machine (other sessions' jobs; Linux autogroups give each session a fair share, however
   * many threads it runs) the wall-clock ratio says more about the neighbours.
   */
  const projected = (label: string) => {
    const r = runs.find((x) => x.label === label)!;
    return r.threads ? r.docs / Math.max(r.threads.busiest, r.cpu / cpus().length) : NaN;
  };
  const projection = (a: string, b: string) => {
    const p = projected(a) / projected(b);
    return Number.isFinite(p) ? `; projected from CPU time for ${cpus().length} idle cores: ${projected(a).toFixed(1)} vs ${projected(b).toFixed(1)} docs/s, ratio ${p.toFixed(2)}` : '';
  };
  const rate = (label: string) => {
    const r = runs.find((x) => x.label === label)!;
    return r.docs / r.seconds;
  };
  const cores = (label: string) => {
    const r = runs.find((x) => x.label === label)!;
    return r.cpu / r.seconds;
  };
  if (ONLY !== 'pg') {
    for (const jobs of [0, 1, 2]) {
      const r = await sqliteRun(docsDir, n, jobs);
      runs.push(r);
      show(r);
    }
    console.log(`ratio --jobs 2 / --jobs 1: ${(rate('ingest --jobs 2') / rate('ingest --jobs 1')).toFixed(2)} (cores obtained ${cores('ingest --jobs 2').toFixed(2)} vs ${cores('ingest --jobs 1').toFixed(2)}); --jobs 2 / in-process: ${(rate('ingest --jobs 2') / rate('ingest (in-process)')).toFixed(2)}` +
      projection('ingest --jobs 2', 'ingest --jobs 1'));
  }
  if (ONLY !== 'sqlite') {
    if (PG) {
      for (const w of [1, 2]) {
        const r = await pgRun(docsDir, n, w);
        runs.push(r);
        show(r);
      }
      console.log(`ratio 2 workers / 1 worker: ${(rate('2 workers (PostgreSQL)') / rate('1 worker (PostgreSQL)')).toFixed(2)} (cores obtained ${cores('2 workers (PostgreSQL)').toFixed(2)} vs ${cores('1 worker (PostgreSQL)').toFixed(2)})` +
        projection('2 workers (PostgreSQL)', '1 worker (PostgreSQL)'));
    } else console.log('PostgreSQL runs skipped: set CHRONICLE_BENCH_PG (or CHRONICLE_TEST_PG) to postgres://user@host/db');
  }
  console.log(`load average at the end ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

// whole-process start-up on a tiny document, beside compromise and wink, in the same run (issue 20)
if (process.env.BENCH_STARTUP !== '0') for (const line of startupReport(Number(process.env.BENCH_STARTUP_ROUNDS ?? 3))) console.log(line);
