/**
 * bench:long — one long document through the real CLI (`chronicle extract FILE`) in a child
 * process: wall time and peak RSS (VmHWM, all threads) at growing sizes, and how they grow. The
 * text is the bundled Wikinews articles one after another (paragraphs kept), repeated to size.
 * Issue 20's bound: a 5 MB document within 700 MB peak RSS; time should grow about as the text.
 *
 *   npm run bench:long                      # 1 MB and 5 MB
 *   LONG_MB=0.2,1,5 npm run bench:long
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { peakRssMb, sampleArticles } from './stream.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'chronicle');
const BOUND_MB = 700;

function longText(bytes: number): string {
  const texts = sampleArticles().map((a) => a.text);
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const t = texts[i % texts.length];
    parts.push(t);
    length += t.length + 2;
  }
  return parts.join('\n\n').slice(0, bytes);
}

interface Run { seconds: number; peakMb: number; entities: number; events: number }

function run(file: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, 'extract', '--time-budget', '0', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let peak = 0;
    child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    const timer = setInterval(() => { peak = Math.max(peak, Math.round(peakRssMb(child.pid!) ?? 0)); }, 50);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`chronicle extract exited ${code}: ${stderr.slice(0, 500)}`));
      const result = JSON.parse(out) as { entities: unknown[]; events: unknown[] };
      resolve({ seconds: (performance.now() - started) / 1000, peakMb: peak, entities: result.entities.length, events: result.events.length });
    });
  });
}

async function main(): Promise<void> {
  const sizes = (process.env.LONG_MB ?? '1,5').split(',').map(Number);
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-long-'));
  try {
    const runs: { mb: number; r: Run }[] = [];
    console.log('one long document through `chronicle extract FILE` (child process; peak RSS of all its threads)');
    for (const mb of sizes) {
      const file = join(dir, `long-${mb}.txt`);
      writeFileSync(file, longText(Math.round(mb * 1e6)));
      const r = await run(file);
      runs.push({ mb, r });
      console.log(`  ${mb} MB: ${r.seconds.toFixed(1)} s, peak RSS ${r.peakMb} MB, ${r.entities} entities, ${r.events} events`);
    }
    const first = runs[0];
    const last = runs[runs.length - 1];
    if (runs.length > 1) {
      const size = last.mb / first.mb;
      console.log(`\n${last.mb} MB / ${first.mb} MB (text × ${size.toFixed(1)}): time × ${(last.r.seconds / first.r.seconds).toFixed(2)}, peak RSS × ${(last.r.peakMb / first.r.peakMb).toFixed(2)}`);
    }
    const five = runs.find((x) => x.mb === 5);
    if (five) console.log(`5 MB peak RSS ${five.r.peakMb} MB — bound ${BOUND_MB} MB: ${five.r.peakMb <= BOUND_MB ? 'within' : 'OVER'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
