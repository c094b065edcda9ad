import { readDocuments, DEFAULT_MAX_TEXT_BYTES } from '../../ingest/input.js';
import { openQueue, enqueue, pending, DEFAULTS, QUEUE } from '../../ingest/queue.js';
import { parseCommandArgs, documentLimits } from '../args.js';
import { EXIT, UsageError, type Command } from '../command.js';
import { dbUrl, redactUrl } from './ingest.js';

export const enqueueCommand: Command = {
  name: 'enqueue',
  usage: `Usage: chronicle enqueue FILE…|URL… --db postgres://… [options]

Reads articles as \`chronicle ingest\` does (files, directories, pages, feeds, URLs, '-') and
puts one job per document on a durable queue (pg-boss) in the PostgreSQL database. Workers
(\`chronicle worker\`, on any number of machines) take the jobs, extract and store. The same
content queued twice is one job. See docs/ingest.md.

Options:
  --db URL                  postgres://user@host/db (or $CHRONICLE_DB)
  --published YYYY-MM-DD    publication date for plain text
  --max-bytes N             largest accepted document text (default ${DEFAULT_MAX_TEXT_BYTES})
  --feed                    read each FILE or URL as an RSS/Atom feed
  --fetch-articles          with --feed: fetch the linked page of summary-only entries
  --any-language            keep documents not detected as English
  --retries N               retries of a failing job, with exponential backoff, before the
                            dead-letter queue (default ${DEFAULTS.retryLimit}; set when the queue is first created)
  --visibility-timeout S    seconds a job may run before another worker takes it over
                            (default ${DEFAULTS.visibilityTimeout}; set when the queue is first created)
  --quiet                   no per-document lines
  -h, --help                this help

Exit codes: 0 all documents queued, 1 some documents could not be read (each named), 2 usage error.

Example:
  chronicle enqueue --db postgres://chronicle@db.internal/chronicle ~/articles/ feeds.xml`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      db: { type: 'string' },
      published: { type: 'string' },
      'max-bytes': { type: 'string' },
      feed: { type: 'boolean', default: false },
      'fetch-articles': { type: 'boolean', default: false },
      'any-language': { type: 'boolean', default: false },
      retries: { type: 'string' },
      'visibility-timeout': { type: 'string' },
      quiet: { type: 'boolean', default: false },
    });
    const { published, maxTextBytes } = documentLimits(values);
    const retries = values.retries === undefined ? DEFAULTS.retryLimit : Number(values.retries);
    if (!Number.isInteger(retries) || retries < 0) throw new UsageError('--retries must be a whole number');
    const visibility = values['visibility-timeout'] === undefined ? DEFAULTS.visibilityTimeout : Number(values['visibility-timeout']);
    if (!Number.isInteger(visibility) || visibility < 1) throw new UsageError('--visibility-timeout must be a whole number of seconds');
    const url = dbUrl(values.db);
    if (!/^postgres(ql)?:\/\//i.test(url)) throw new UsageError('the queue lives in PostgreSQL: give --db postgres://user@host/db');
    if (positionals.length === 0 && process.stdin.isTTY) throw new UsageError('give FILE… or - for standard input');
    let boss;
    try {
      boss = await openQueue({ url, retryLimit: retries, visibilityTimeout: visibility });
    } catch (err) {
      process.stderr.write(`chronicle enqueue: cannot open the queue in ${redactUrl(url)}: ${(err as Error).message}\n`);
      return EXIT.USAGE;
    }
    let queued = 0;
    let already = 0;
    let failed = 0;
    let skipped = 0;
    try {
      for await (const item of readDocuments(positionals, { published, maxTextBytes, feed: values.feed, fetchArticles: values['fetch-articles'], anyLanguage: values['any-language'] })) {
        if (!item.ok) {
          if (item.skipped) skipped++;
          else failed++;
          process.stderr.write(`chronicle enqueue: ${item.origin}: ${item.error}\n`);
          continue;
        }
        try {
          if (await enqueue(boss, item.origin, item.doc)) {
            queued++;
            if (!values.quiet) process.stderr.write(`  + ${item.origin}\n`);
          } else {
            already++;
            if (!values.quiet) process.stderr.write(`  = ${item.origin}: already queued\n`);
          }
        } catch (err) {
          failed++;
          process.stderr.write(`chronicle enqueue: ${item.origin}: ${(err as Error).message}\n`);
        }
      }
      const waiting = await pending(boss);
      process.stderr.write(`chronicle enqueue: ${queued} queued, ${already} already queued, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}; ${waiting} jobs waiting or running on ${QUEUE} in ${redactUrl(url)}\n`);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    return failed > 0 ? EXIT.SOME_FAILED : EXIT.OK;
  },
};
