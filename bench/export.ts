/**
 * Memory and speed of `chronicle export` as the store grows: builds SQLite stores of N and 4·N
 * synthetic documents (each with new people, a shared organisation and place, events and a
 * relation, so identities grow with the documents: the worst case for the per-identity records
 * FtM keeps), exports each format from a child process, and prints seconds, output size and the
 * child's peak RSS (sampled from /proc), with the 4·N / N ratios: time should be about 4, peak
 * memory close to 1 (it holds a page of documents, plus one small record per identity for FtM
 * and per distinct edge for GraphML).
 *
 *   npm run bench:export                 # N = 1000
 *   EXPORT_DOCS=2000 npm run bench:export
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA_VERSION, type Result } from '../src/output/schema.js';
import { openStore } from '../src/store/index.js';
import { EXPORT_FORMAT_NAMES, type ExportFormat } from '../src/export/index.js';
import { peakRssMb } from './stream.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'chronicle');

/** A made-up word for a number (distinct numbers, distinct words): names and filler that no two documents share. */
function word(n: number, capital = false): string {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'ba', 'de', 'fu', 'go', 'hi', 'ja', 'pe'];
  let out = '';
  let x = n + 16;
  while (x > 0) {
    out += syllables[x % 16];
    x = Math.floor(x / 16);
  }
  return capital ? out[0].toUpperCase() + out.slice(1) : out;
}

/**
 * A document of about 1 KB: two new people, a shared organisation, one of 50 towns, two events, a
 * family relation; filler words of its own so that no two documents are near-duplicates.
 */
function syntheticResult(i: number): Result {
  const surname = word(i * 7 + 3, true);
  const a = `${word(i * 5 + 1, true)} ${surname}`;
  const b = `${word(i * 5 + 2, true)} ${surname}`;
  const town = `${word(i % 50 + 100000, true)}`;
  const filler = Array.from({ length: 24 }, (_, k) => word(i * 31 + k * 7919)).join(' ');
  const parts = [
    `${a} was abducted near ${town} on Monday, the Example Relief Agency said.`,
    `${b}, the mother of ${a}, appealed for the release of her son.`,
    `Officials said ${filler}.`,
  ];
  const text = parts.join(' ');
  const at = (s: string, from = 0) => text.indexOf(s, from);
  const sentences: Result['sentences'] = [];
  let off = 0;
  for (const p of parts) {
    sentences.push({ start: off, end: off + p.length });
    off += p.length + 1;
  }
  const mention = (s: string, from = 0) => ({ start: at(s, from), end: at(s, from) + s.length, text: s, kind: 'name' as const });
  const event = (id: string, type: string, mode: string | null, cameo: string, trigger: string, actor: string[], recipient: string[], sentence: number, location: string | null): Result['events'][number] => ({
    id, type, mode, cameo, trigger: { start: at(trigger), end: at(trigger) + trigger.length, text: trigger }, actor, recipient,
    date: { value: '2024-03-04', text: 'Monday', basis: 'explicit' }, location, factuality: 'asserted', confidence: 0.8, negated: false, modality: null, reported_by: null, sentence,
  });
  return {
    schema: SCHEMA_VERSION, id: `bench-${i}`, source: 'Example Wire', url: `https://example.org/${i}`, title: `Report ${i}`, published: '2024-03-05',
    text, sentences, quotes: [], times: [],
    entities: [
      { id: 'e1', type: 'PERSON', name: a, mentions: [mention(a), mention(a, at(a) + 1)] },
      { id: 'e2', type: 'PERSON', name: b, mentions: [mention(b)] },
      { id: 'e3', type: 'GPE', name: town, mentions: [mention(town)] },
      { id: 'e4', type: 'ORG', name: 'Example Relief Agency', mentions: [mention('Example Relief Agency')] },
    ],
    relations: [{ type: 'family', role: 'mother', subject: 'e2', object: 'e1', start: at(b), end: at('of ') + 3 + a.length }],
    events: [
      event('ev1', 'ASSAULT', 'abduct', '181', 'abducted', [], ['e1'], 0, 'e3'),
      event('ev2', 'REQUEST', null, '0253', 'appealed', ['e2'], ['e1'], 1, null),
    ],
  };
}

/** `seconds`: the export's own time as the CLI reports it (start-up of the process left out) */
interface Run { seconds: number; wall: number; mb: number; peakMb: number }

function runExport(db: string, format: ExportFormat): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, 'export', '--db', db, '--format', format], { stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    let peak = 0;
    child.stdout.on('data', (c: Buffer) => { bytes += c.length; });
    const timer = setInterval(() => { peak = Math.max(peak, Math.round(peakRssMb(child.pid!) ?? 0)); }, 50);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`chronicle export --format ${format} exited ${code}`));
      else {
        const own = / MB in ([\d.]+) s/.exec(stderr);
        const wall = (performance.now() - started) / 1000;
        resolve({ seconds: own ? Number(own[1]) : wall, wall, mb: bytes / 1e6, peakMb: peak });
      }
    });
  });
}

async function main(): Promise<void> {
  const n = Number(process.env.EXPORT_DOCS ?? 1000);
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-bench-export-'));
  try {
    const results = new Map<number, Map<ExportFormat, Run>>();
    for (const size of [n, 4 * n]) {
      const db = join(dir, `store-${size}.db`);
      const store = await openStore(db);
      const started = performance.now();
      for (let i = 0; i < size; i++) await store.ingest(syntheticResult(i));
      const stats = await store.stats();
      await store.close();
      console.log(`store of ${size} documents (${stats.entities} identities, ${stats.events} events) built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      const runs = new Map<ExportFormat, Run>();
      for (const format of EXPORT_FORMAT_NAMES) {
        const r = await runExport(db, format);
        runs.set(format, r);
        console.log(`  ${format.padEnd(10)} ${r.seconds.toFixed(2)} s (process ${r.wall.toFixed(1)} s)  ${r.mb.toFixed(1)} MB  peak RSS ${r.peakMb} MB`);
      }
      results.set(size, runs);
    }
    console.log(`\n4·N / N (N = ${n}): time should be near 4, peak memory near 1`);
    for (const format of EXPORT_FORMAT_NAMES) {
      const a = results.get(n)!.get(format)!;
      const b = results.get(4 * n)!.get(format)!;
      console.log(`  ${format.padEnd(10)} time × ${(b.seconds / a.seconds).toFixed(2)}  output × ${(b.mb / a.mb).toFixed(2)}  peak RSS × ${(b.peakMb / a.peakMb).toFixed(2)} (${a.peakMb} → ${b.peakMb} MB)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
