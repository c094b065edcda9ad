import { openStore } from '../../store/index.js';
import { openQueue, runWorker, DEFAULTS, QUEUE } from '../../ingest/queue.js';
import { parseCommandArgs } from '../args.js';
import { EXIT, UsageError, type Command } from '../command.js';
import { dbUrl, redactUrl } from './ingest.js';

/**
 * Workers started together on an empty database race to create the schema; the loser of such
 * a race finds it made on a second look.
 */
async function openWithRetry<T>(open: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await open();
    } catch (err) {
      if (i >= attempts || !/duplicate key|already exists/i.test((err as Error).message)) throw err;
      await new Promise((r) => setTimeout(r, 200 + Math.random() * 500 * i));
    }
  }
}

export const workerCommand: Command = {
  name: 'worker',
  usage: `Usage: chronicle worker --db postgres://… [options]

Takes jobs from the PostgreSQL queue, extracts each document and stores it in the same
database. Run one per machine (or several): they share the work. A failing job is retried
with exponential backoff and then moved to the dead-letter queue; a job whose worker dies is
given to another worker after the visibility timeout; each document is stored exactly once.
Stops on SIGINT/SIGTERM after finishing the jobs in hand. See docs/ingest.md.

Options:
  --db URL                  postgres://user@host/db (or $CHRONICLE_DB)
  --concurrency N           jobs at once; above 1 extraction runs in N worker threads (default 1)
  --exit-when-empty         stop once no job is waiting, retrying or running
  --visibility-timeout S    when this worker creates the queue (default ${DEFAULTS.visibilityTimeout})
  --maintenance-interval S  how often expired jobs are looked for (default ${DEFAULTS.maintenanceInterval})
  --quiet                   no per-job lines
  -h, --help                this help

Examples:
  chronicle worker --db postgres://chronicle@db.internal/chronicle --concurrency 2
  chronicle worker --db postgres://chronicle@db.internal/chronicle --exit-when-empty`,
  async run(argv) {
    const { values } = parseCommandArgs(argv, {
      db: { type: 'string' },
      concurrency: { type: 'string' },
      'exit-when-empty': { type: 'boolean', default: false },
      'visibility-timeout': { type: 'string' },
      'maintenance-interval': { type: 'string' },
      quiet: { type: 'boolean', default: false },
    });
    const concurrency = values.concurrency === undefined ? 1 : Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError('--concurrency must be a whole number from 1 to 64');
    const visibility = values['visibility-timeout'] === undefined ? DEFAULTS.visibilityTimeout : Number(values['visibility-timeout']);
    if (!Number.isInteger(visibility) || visibility < 1) throw new UsageError('--visibility-timeout must be a whole number of seconds');
    const maintenance = values['maintenance-interval'] === undefined ? DEFAULTS.maintenanceInterval : Number(values['maintenance-interval']);
    if (!Number.isInteger(maintenance) || maintenance < 1) throw new UsageError('--maintenance-interval must be a whole number of seconds');
    const url = dbUrl(values.db);
    if (!/^postgres(ql)?:\/\//i.test(url)) throw new UsageError('workers share a PostgreSQL database: give --db postgres://user@host/db');

    let store;
    let boss;
    try {
      store = await openWithRetry(() => openStore(url));
      boss = await openWithRetry(() => openQueue({ url, visibilityTimeout: visibility, maintenanceInterval: maintenance }));
    } catch (err) {
      await store?.close();
      process.stderr.write(`chronicle worker: cannot open ${redactUrl(url)}: ${(err as Error).message}\n`);
      return EXIT.USAGE;
    }
    let stop: () => void = () => undefined;
    const stopped = new Promise<void>((r) => (stop = r));
    const onSignal = (sig: string) => {
      process.stderr.write(`chronicle worker: ${sig}, finishing the jobs in hand\n`);
      stop();
    };
    process.once('SIGINT', () => onSignal('SIGINT'));
    process.once('SIGTERM', () => onSignal('SIGTERM'));
    const started = performance.now();
    process.stderr.write(`chronicle worker ${process.pid}: taking jobs from ${QUEUE} in ${redactUrl(url)} (concurrency ${concurrency})\n`);
    try {
      const s = await runWorker({
        boss, store, concurrency, stop: stopped, exitWhenEmpty: values['exit-when-empty'],
        log: values.quiet ? undefined : (line) => process.stderr.write(line + '\n'),
      });
      const secs = (performance.now() - started) / 1000;
      process.stderr.write(`chronicle worker ${process.pid}: ${s.stored} stored (${s.duplicates} near-duplicates linked), ${s.unchanged} already stored, ${s.failed} failed attempts in ${secs.toFixed(1)} s; CPU ${(process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6).toFixed(1)} s, peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
    } finally {
      await store.close();
    }
    return EXIT.OK;
  },
};
