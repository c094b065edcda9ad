/**
 * Memory on a large JSONL stream: generates JSON Lines on the fly (no file on disk) and pipes
 * them into `chronicle ingest -` (or `chronicle extract -`), sampling the child's resident
 * memory from /proc while it runs, and prints throughput and peak RSS.
 *
 * The stream is a re-ingested archive: the bundled articles once (extracted and stored), then
 * copies of them under new ids until the size is reached. Copies are recognised by content
 * before extraction, so the run measures the reading path (sniffing stdin, line splitting,
 * JSON parsing, validation, language check, duplicate lookup) at full speed over the whole
 * size, which is where a whole-stream read would show. For `extract`, copies are written in a
 * language that is skipped, for the same reason.
 *
 *   npm run bench:stream                         # 1 GB into ingest (SQLite in a temp dir)
 *   STREAM_MB=200 STREAM_COMMAND=extract npm run bench:stream
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Writable } from 'node:stream';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'chronicle');

interface Article { id?: string; text: string; title?: string | null; published?: string | null; source?: string | null; url?: string | null }

export function sampleArticles(): Article[] {
  const dir = join(ROOT, 'examples', 'wikinews');
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Article);
}

/** A short Spanish paragraph: skipped by the language check (extract mode). */
const SPANISH = 'El gobierno anunció el lunes que las negociaciones continuarán durante la semana próxima, según dijeron los portavoces de ambas partes en una rueda de prensa. ';

/**
 * Write `bytes` of JSON Lines to `out`, honouring backpressure: the first `distinct` articles
 * as they are, then copies. Resolves with the number of lines and bytes written.
 */
export async function writeStream(out: Writable, bytes: number, mode: 'ingest' | 'extract', distinct = 35): Promise<{ lines: number; bytes: number }> {
  const articles = sampleArticles();
  let written = 0;
  let lines = 0;
  // the reader may stop early (an error, a usage error): stop writing, let the caller see its exit
  let broken = false;
  out.once('error', () => { broken = true; out.emit('drain'); });
  const write = (line: string) => new Promise<void>((resolve) => {
    const ok = out.write(line, (err) => { if (err) { broken = true; resolve(); } });
    written += Buffer.byteLength(line);
    lines++;
    if (ok) resolve();
    else out.once('drain', resolve);
  });
  for (let i = 0; written < bytes && !broken; i++) {
    const a = articles[i % Math.min(distinct, articles.length)];
    let doc: Article;
    if (i < distinct) doc = { ...a, id: `stream-${i}` };
    else if (mode === 'ingest') doc = { ...a, id: `stream-${i}` };
    else doc = { id: `stream-${i}`, title: 'Noticia', text: SPANISH.repeat(Math.ceil(a.text.length / SPANISH.length)), published: a.published ?? null };
    await write(JSON.stringify(doc) + '\n');
  }
  if (!broken) await new Promise<void>((resolve) => out.end(resolve));
  return { lines, bytes: written };
}

/** Peak resident memory of a process so far, MB (Linux: VmHWM), or null. */
export function peakRssMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export interface StreamRun { code: number | null; seconds: number; lines: number; bytes: number; peakMb: number; reportedPeakMb: number | null; stderr: string }

/** Pipe a generated stream of `mb` megabytes into `chronicle <command> -` and watch its memory. */
export async function runStream(command: 'ingest' | 'extract', mb: number, options: { db?: string; distinct?: number } = {}): Promise<StreamRun> {
  const args = command === 'ingest' ? ['ingest', '--quiet', '--db', options.db!, '--journal', `${options.db}.journal`, '-'] : ['extract', '-'];
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', command === 'extract' ? 'ignore' : 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (stderr.length > 1_000_000) stderr = stderr.slice(-100_000);
  });
  let peak = 0;
  const timer = setInterval(() => { peak = Math.max(peak, peakRssMb(child.pid!) ?? 0); }, 100);
  const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  child.stdin!.on('error', () => undefined);
  const wrote = await writeStream(child.stdin!, mb * 1024 * 1024, command, options.distinct);
  // the last sample before exit: poll until the process is gone
  let code: number | null = null;
  const done = exited.then((c) => { code = c; });
  while (code === null) {
    peak = Math.max(peak, peakRssMb(child.pid!) ?? 0);
    await Promise.race([done, new Promise((r) => setTimeout(r, 50))]);
  }
  clearInterval(timer);
  const reported = /peak memory (\d+) MB/.exec(stderr);
  return { code, seconds: (performance.now() - started) / 1000, lines: wrote.lines, bytes: wrote.bytes, peakMb: Math.round(peak), reportedPeakMb: reported ? Number(reported[1]) : null, stderr };
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const mb = Number(process.env.STREAM_MB ?? 1024);
  const command = (process.env.STREAM_COMMAND ?? 'ingest') as 'ingest' | 'extract';
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-stream-'));
  try {
    console.log(`streaming ${mb} MB of generated JSON Lines into \`chronicle ${command} -\` …`);
    const r = await runStream(command, mb, { db: join(dir, 'stream.db') });
    const summary = r.stderr.trim().split('\n').filter((l) => l.startsWith('chronicle')).slice(-1)[0] ?? '';
    console.log(summary);
    console.log(`exit ${r.code}; ${r.lines.toLocaleString('en')} lines, ${(r.bytes / 1048576).toFixed(0)} MB in ${r.seconds.toFixed(1)} s (${(r.bytes / 1048576 / r.seconds).toFixed(1)} MB/s); peak RSS ${r.peakMb} MB (sampled from /proc)${r.reportedPeakMb !== null ? `, ${r.reportedPeakMb} MB (reported by chronicle)` : ''}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
