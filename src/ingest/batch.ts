/**
 * Batch ingestion: documents are read ahead, extracted by N worker threads (or in-process),
 * and written by one writer, the main thread, in input order, so document ids follow the
 * input and a store never sees two writers from one run. The store links each new document to
 * the first copy of its story when it is a near-duplicate (in the same transaction); the
 * journal records finished origins for --resume.
 */
import { extract } from '../extract.js';
import type { DocInput } from '../doc.js';
import type { Store } from '../store/index.js';
import type { InputItem } from './input.js';
import type { DuplicateLinks } from '../store/duplicates.js';
import type { Journal } from './journal.js';
import { sketch } from '../store/dedup.js';
import { ExtractPool, type Extracted } from './pool.js';
import type { Progress } from './progress.js';

export interface BatchOptions {
  store: Store;
  /** worker threads for extraction; 0 extracts in the main thread */
  jobs?: number;
  journal?: Journal | null;
  /** @deprecated the store links near-duplicates as it stores them; this is no longer used */
  duplicates?: DuplicateLinks | null;
  progress?: Progress | null;
  /** per-document lines ("+ a.html: document 3 …"); omit for quiet */
  log?: (line: string) => void;
  /** failures, always reported */
  error?: (line: string) => void;
  /** documents read ahead of the writer (bounds memory) */
  readAhead?: number;
  /** with jobs > 0: seconds of extraction allowed per MB of text (limits.ts; 0: no budget) */
  secondsPerMb?: number;
}

export interface BatchSummary {
  added: number;
  unchanged: number;
  failed: number;
  /** not English, or similar deliberate skips */
  skipped: number;
  /** finished in an earlier run (--resume) */
  resumed: number;
  /** added documents linked to an earlier copy of the same story */
  duplicates: number;
  seconds: number;
  /** peak resident memory of the process (all threads), MB */
  peakRssMb: number;
  /** CPU time of the process (all threads), seconds: beside `seconds`, how much CPU the run got */
  cpuSeconds: number;
}

/** A bounded FIFO between the reader and the writer. */
class ReadAhead<T> {
  private readonly items: T[] = [];
  private waitingPut: (() => void) | null = null;
  private waitingTake: (() => void) | null = null;
  ended = false;
  constructor(private readonly limit: number) {}

  async put(item: T): Promise<void> {
    while (this.items.length >= this.limit) await new Promise<void>((r) => (this.waitingPut = r));
    this.items.push(item);
    this.waitingTake?.();
    this.waitingTake = null;
  }

  end(): void {
    this.ended = true;
    this.waitingTake?.();
    this.waitingTake = null;
  }

  async take(): Promise<T | undefined> {
    while (this.items.length === 0 && !this.ended) await new Promise<void>((r) => (this.waitingTake = r));
    const item = this.items.shift();
    this.waitingPut?.();
    this.waitingPut = null;
    return item;
  }
}

/**
 * Documents extracted or being extracted ahead of the writer, per worker. The writer stores in
 * input order, so a long document at the head holds back those finished behind it; with two per
 * worker the other workers ran dry behind it (bench:ingest, --jobs 2: one worker idle 5.4 s of a
 * 49 s run). Eight lets them go on through a document ~8 times longer than its neighbours; a
 * finished result waiting for the writer is ~20 KB besides its text.
 */
const INFLIGHT_PER_JOB = 8;

interface Task {
  origin: string;
  doc: DocInput;
  result: Promise<Extracted>;
}

export async function runIngest(items: AsyncIterable<InputItem>, options: BatchOptions): Promise<BatchSummary> {
  const { store, journal, progress } = options;
  const jobs = options.jobs ?? 0;
  const log = options.log ?? (() => undefined);
  const error = options.error ?? ((line: string) => process.stderr.write(line + '\n'));
  const started = performance.now();
  const s: BatchSummary = { added: 0, unchanged: 0, failed: 0, skipped: 0, resumed: 0, duplicates: 0, seconds: 0, peakRssMb: 0, cpuSeconds: 0 };
  const cpu0 = process.cpuUsage();
  let total: number | null = null;
  const counts = () => ({ done: s.added + s.unchanged, failed: s.failed, skipped: s.skipped + s.resumed, total });
  const tick = () => progress?.update(counts());
  const say = (line: string, sink: (l: string) => void) => {
    progress?.clear();
    sink(line);
    tick();
  };

  // the reader runs ahead while workers extract; its count becomes the total when it ends
  const queue = new ReadAhead<InputItem>(options.readAhead ?? 1000);
  let readError: unknown = null;
  const reader = (async () => {
    let n = 0;
    try {
      for await (const item of items) {
        n++;
        await queue.put(item);
      }
      total = n;
    } catch (err) {
      readError = err;
    } finally {
      queue.end();
    }
  })();

  const pool = jobs > 0 ? new ExtractPool(jobs, { secondsPerMb: options.secondsPerMb }) : null;
  const extractOne = (doc: DocInput): Promise<Extracted> => (pool ? pool.extract(doc) : new Promise((resolve) => {
    const result = extract(doc);
    resolve({ result, sketch: sketch(result.text) });
  }));
  const inflight: Task[] = [];
  const maxInflight = jobs > 0 ? jobs * INFLIGHT_PER_JOB : 1;

  const writeNext = async (): Promise<void> => {
    const task = inflight.shift()!;
    try {
      const { result, sketch: textSketch } = await task.result;
      const out = await store.ingest(result, textSketch);
      let note = '';
      if (out.status === 'added') {
        s.added++;
        if (out.duplicate_of !== null) {
          s.duplicates++;
          note = `, near-duplicate of document ${out.duplicate_of} (${Math.round((out.similarity ?? 0) * 100)}%)`;
        }
        say(`  + ${task.origin}: document ${out.id}, ${out.entities} entities, ${out.events} events${note}`, log);
      } else {
        s.unchanged++;
        say(`  = ${task.origin}: already stored as document ${out.id}`, log);
      }
      journal?.done(task.origin);
    } catch (err) {
      s.failed++;
      say(`chronicle ingest: ${task.origin}: ${(err as Error).message}`, error);
    }
  };

  try {
    for (let item = await queue.take(); item !== undefined; item = await queue.take()) {
      if (!item.ok) {
        if (item.reason === 'resume') s.resumed++;
        else if (item.skipped) {
          s.skipped++;
          // a deliberate skip is finished business: --resume need not look at it again
          journal?.done(item.origin);
          say(`chronicle ingest: ${item.origin}: ${item.error}`, error);
        } else {
          s.failed++;
          say(`chronicle ingest: ${item.origin}: ${item.error}`, error);
        }
        tick();
        continue;
      }
      try {
        const known = await store.findByContent(item.doc);
        if (known !== null) {
          s.unchanged++;
          journal?.done(item.origin);
          say(`  = ${item.origin}: already stored as document ${known}`, log);
          continue;
        }
      } catch (err) {
        s.failed++;
        say(`chronicle ingest: ${item.origin}: ${(err as Error).message}`, error);
        continue;
      }
      const result = extractOne(item.doc);
      result.catch(() => undefined); // handled in order by writeNext
      inflight.push({ origin: item.origin, doc: item.doc, result });
      while (inflight.length >= maxInflight) await writeNext();
    }
    while (inflight.length) await writeNext();
    await reader;
    if (readError) throw readError;
  } finally {
    await pool?.close();
    s.seconds = (performance.now() - started) / 1000;
    s.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const cpu = process.cpuUsage(cpu0);
    s.cpuSeconds = (cpu.user + cpu.system) / 1e6;
    progress?.update(counts(), true);
    progress?.finish();
  }
  return s;
}
