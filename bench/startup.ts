/**
 * Start-up: the whole `chronicle extract` process on a tiny document, beside peers doing their
 * own extraction of the same document in a fresh process, in the same run (issue 20's target:
 * chronicle ≤ 1.2× compromise's time). Every bench prints it (`startupReport`); run alone with
 * `node dist/bench/startup.js` (BENCH_STARTUP_ROUNDS=N, default 5).
 *
 * The processes run in turn, round after round, so background load hits them alike; each one's
 * median wall time and median CPU time (user + system, from the kernel's accounting of waited-for
 * children, Linux) are reported. On a shared machine the CPU time is the steadier figure.
 * BENCH_STARTUP_BASELINE=DIR adds another checkout's build (e.g. main's) to the same rounds.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A one-sentence document (the issue measured a 66-byte one). */
export const TINY_TEXT = 'Hostages were freed in Gaza on Saturday, officials told reporters.\n';

interface Runner {
  name: string;
  argv: string[];
}

/** CPU seconds of waited-for children so far (Linux /proc; null elsewhere). */
function childrenCpu(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // fields after the command name (which may hold spaces) start at state, field 3
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cutime = Number(fields[16 - 3]);
    const cstime = Number(fields[17 - 3]);
    return (cutime + cstime) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

export interface StartupFigure {
  name: string;
  wallMs: number;
  cpuMs: number | null;
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function measureStartup(rounds = Number(process.env.BENCH_STARTUP_ROUNDS ?? 5), root = process.cwd()): StartupFigure[] {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-startup-'));
  try {
    const doc = join(dir, 'tiny.txt');
    writeFileSync(doc, TINY_TEXT);
    const peer = fileURLToPath(new URL('./startup-peer.js', import.meta.url));
    const runners: Runner[] = [
      { name: 'chronicle extract (whole process)', argv: [join(root, 'bin', 'chronicle'), 'extract', '--published', '2025-01-01', doc] },
      { name: 'compromise people/places/orgs/quotes/dates', argv: [peer, 'compromise', doc] },
      { name: 'wink-nlp entities + pos', argv: [peer, 'wink', doc] },
    ];
    // another checkout's build, for before/after figures in one run
    const baseline = process.env.BENCH_STARTUP_BASELINE;
    if (baseline) runners.push({ name: `chronicle at ${baseline}`, argv: [join(baseline, 'bin', 'chronicle'), 'extract', '--published', '2025-01-01', doc] });
    const walls = runners.map(() => [] as number[]);
    const cpus = runners.map(() => [] as number[]);
    // one untimed round: the load-ready model files are built on first use, and the page cache warmed
    for (const r of runners) spawnSync(process.execPath, r.argv, { cwd: root, stdio: 'ignore' });
    for (let round = 0; round < rounds; round++) {
      runners.forEach((r, i) => {
        const c0 = childrenCpu();
        const t0 = performance.now();
        const res = spawnSync(process.execPath, r.argv, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
        const wall = performance.now() - t0;
        const c1 = childrenCpu();
        if (res.status !== 0) throw new Error(`${r.name} failed (${res.status}): ${res.stderr?.toString().slice(0, 500)}`);
        walls[i].push(wall);
        if (c0 !== null && c1 !== null) cpus[i].push((c1 - c0) * 1000);
      });
    }
    return runners.map((r, i) => ({ name: r.name, wallMs: median(walls[i]), cpuMs: cpus[i].length ? median(cpus[i]) : null }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Lines for a bench's output: each process's median times and chronicle's ratio to each peer. */
export function startupReport(rounds?: number): string[] {
  const figs = measureStartup(rounds);
  const [ours, ...peers] = figs;
  const n = rounds ?? Number(process.env.BENCH_STARTUP_ROUNDS ?? 5);
  const lines = [`start-up, tiny document (${TINY_TEXT.length} bytes), whole process, median of ${n} alternating rounds:`];
  for (const f of figs) lines.push(`  ${f.name.padEnd(44)} ${f.wallMs.toFixed(0).padStart(6)} ms wall  ${f.cpuMs === null ? '     ?' : f.cpuMs.toFixed(0).padStart(6)} ms CPU`);
  for (const p of peers) {
    const cpu = ours.cpuMs !== null && p.cpuMs ? `, ${(ours.cpuMs / p.cpuMs).toFixed(2)}× CPU` : '';
    lines.push(`  ratio chronicle / ${p.name.split(' ')[0]}: ${(ours.wallMs / p.wallMs).toFixed(2)}× wall${cpu}${p.name.startsWith('compromise') ? '  (target ≤ 1.2×)' : ''}`);
  }
  return lines;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const line of startupReport()) console.log(line);
}
