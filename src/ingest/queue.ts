/**
 * Distributed ingestion on PostgreSQL with pg-boss: `enqueue` puts documents on a durable
 * queue; any number of `worker` processes, on any machines, take jobs, extract and store.
 *  - retries with exponential backoff, then the job moves to a dead-letter queue;
 *  - a visibility timeout (pg-boss "expiration"): a job whose worker died stays active for at
 *    most that long, then it is retried by another worker, so nothing is lost;
 *  - storing is idempotent (the store keys documents by content hash, under an advisory
 *    lock), so a job retried after its document was stored, but before the job was marked
 *    complete, stores nothing twice: every document ends up stored exactly once;
 *  - near-duplicates are linked by the store in the same transaction, across workers.
 */
import { createHash } from 'node:crypto';
// a type import only: pg-boss is loaded when a queue is opened, not on every CLI start
import type PgBoss from 'pg-boss';
import { extract } from '../extract.js';
import type { DocInput } from '../doc.js';
import type { Store } from '../store/index.js';
import type { DuplicateLinks } from '../store/duplicates.js';
import { sketch } from '../store/dedup.js';
import { ExtractPool, type Extracted } from './pool.js';

export const QUEUE = 'chronicle-extract';
export const DEAD_LETTER = 'chronicle-extract-dead';

export interface QueueOptions {
  /** PostgreSQL URL of the queue (the store's database) */
  url: string;
  /** pg-boss schema (default "pgboss") */
  schema?: string;
  /** attempts after the first failure */
  retryLimit?: number;
  /** seconds before the first retry; doubled each time (backoff) */
  retryDelay?: number;
  /** visibility timeout: seconds a job may stay active before it is given to another worker */
  visibilityTimeout?: number;
  /** how often expired jobs are looked for, seconds */
  maintenanceInterval?: number;
}

export interface JobData {
  origin: string;
  doc: DocInput;
}

export const DEFAULTS = { retryLimit: 3, retryDelay: 10, visibilityTimeout: 600, maintenanceInterval: 30 };

export async function openQueue(options: QueueOptions): Promise<PgBoss> {
  if (!/^postgres(ql)?:\/\//i.test(options.url)) throw new Error('the queue needs PostgreSQL: --db postgres://user@host/db');
  const { default: PgBossClass } = await import('pg-boss');
  const boss = new PgBossClass({
    connectionString: options.url,
    schema: options.schema ?? 'pgboss',
    max: 4,
    maintenanceIntervalSeconds: options.maintenanceInterval ?? DEFAULTS.maintenanceInterval,
    schedule: false,
  });
  boss.on('error', (err) => process.stderr.write(`chronicle queue: ${err.message}\n`));
  await boss.start();
  await boss.createQueue(DEAD_LETTER, { name: DEAD_LETTER, retryLimit: 0 });
  await boss.createQueue(QUEUE, {
    name: QUEUE,
    retryLimit: options.retryLimit ?? DEFAULTS.retryLimit,
    retryDelay: options.retryDelay ?? DEFAULTS.retryDelay,
    retryBackoff: true,
    expireInSeconds: options.visibilityTimeout ?? DEFAULTS.visibilityTimeout,
    deadLetter: DEAD_LETTER,
  });
  return boss;
}

/** A job id derived from the content, so the same document queued twice is one job. */
export function jobId(doc: DocInput): string {
  const h = createHash('sha256').update(JSON.stringify([doc.text, doc.title ?? null, doc.published ?? null])).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Queue one document; false when the same content is already queued. */
export async function enqueue(boss: PgBoss, origin: string, doc: DocInput): Promise<boolean> {
  const id = await boss.send(QUEUE, { origin, doc } satisfies JobData, { id: jobId(doc) });
  return id !== null;
}

/** Jobs waiting, retrying or running. */
export async function pending(boss: PgBoss): Promise<number> {
  return boss.getQueueSize(QUEUE, { before: 'completed' });
}

export interface WorkerOptions {
  boss: PgBoss;
  store: Store;
  /** @deprecated the store links near-duplicates as it stores them; this is no longer used */
  duplicates?: DuplicateLinks | null;
  /** jobs at once; above 1, extraction runs in that many worker threads */
  concurrency?: number;
  log?: (line: string) => void;
  /** stop once nothing is waiting, retrying or running */
  exitWhenEmpty?: boolean;
  pollingIntervalSeconds?: number;
  /** resolves when the worker should stop (a signal, say) */
  stop?: Promise<void>;
}

export interface WorkerSummary {
  stored: number;
  /** of those stored, near-duplicates linked to an earlier copy */
  duplicates: number;
  unchanged: number;
  failed: number;
}

/** Take jobs until stopped (or until the queue is empty), then stop pg-boss; returns what this worker did. */
export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const { boss, store } = options;
  const concurrency = options.concurrency ?? 1;
  const log = options.log ?? (() => undefined);
  const pool = concurrency > 1 ? new ExtractPool(concurrency) : null;
  const summary: WorkerSummary = { stored: 0, duplicates: 0, unchanged: 0, failed: 0 };
  const extractOne = (doc: DocInput): Promise<Extracted> => (pool ? pool.extract(doc) : new Promise((resolve) => {
    const result = extract(doc);
    resolve({ result, sketch: sketch(result.text) });
  }));

  /** one job: stored, found stored already, or thrown (pg-boss then retries it, then dead-letters it) */
  const handle = async (job: PgBoss.Job<JobData>): Promise<void> => {
    const { origin, doc } = job.data;
    log(`  > ${origin}: job ${job.id}`);
    try {
      const known = await store.findByContent(doc);
      if (known !== null) {
        summary.unchanged++;
        log(`  = ${origin}: already stored as document ${known}`);
        return;
      }
      const { result, sketch: textSketch } = await extractOne(doc);
      const out = await store.ingest(result, textSketch);
      if (out.status === 'added') {
        summary.stored++;
        if (out.duplicate_of !== null) summary.duplicates++;
        log(`  + ${origin}: document ${out.id}, ${out.entities} entities, ${out.events} events${out.duplicate_of !== null ? `, near-duplicate of document ${out.duplicate_of}` : ''}`);
      } else {
        summary.unchanged++;
        log(`  = ${origin}: already stored as document ${out.id}`);
      }
    } catch (err) {
      summary.failed++;
      log(`  ! ${origin}: ${(err as Error).message} (will be retried, then dead-lettered)`);
      throw err;
    }
  };

  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1;
  let stopping = false;
  let wake: () => void = () => undefined;
  void (options.stop ?? new Promise<void>(() => undefined)).then(() => {
    stopping = true;
    wake();
  });
  const pause = (seconds: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, seconds * 1000);
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  let emptyLooks = 0;
  /**
   * One job loop. It fetches the next job as soon as one is done: pg-boss's work() waits out
   * its polling interval after every fetch, which capped a worker at one document a second
   * whatever the machine. The polling interval applies only when the queue is empty.
   */
  const loop = async (): Promise<void> => {
    while (!stopping) {
      let jobs: PgBoss.Job<JobData>[];
      try {
        jobs = await boss.fetch<JobData>(QUEUE, { batchSize: 1 });
      } catch (err) {
        log(`  ! fetching a job failed: ${(err as Error).message}`);
        await pause(pollingIntervalSeconds);
        continue;
      }
      if (jobs.length === 0) {
        if (options.exitWhenEmpty) {
          // nothing waiting, retrying or running anywhere, twice in a row: a job between fetch and start is not missed
          emptyLooks = (await pending(boss).catch(() => 1)) === 0 ? emptyLooks + 1 : 0;
          if (emptyLooks >= 2) {
            stopping = true;
            break;
          }
        }
        await pause(pollingIntervalSeconds);
        continue;
      }
      emptyLooks = 0;
      for (const job of jobs) {
        try {
          await handle(job);
          await boss.complete(QUEUE, job.id);
        } catch (err) {
          // the job's failure (or a failure to complete it) is pg-boss's to retry; a job left active expires and is retried
          await boss.fail(QUEUE, job.id, { message: (err as Error).message }).catch((e: Error) => log(`  ! marking job ${job.id} failed: ${e.message}`));
        }
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: concurrency }, () => loop()));
    await boss.stop({ graceful: true, wait: true, timeout: 120_000 });
  } finally {
    await pool?.close();
  }
  return summary;
}
