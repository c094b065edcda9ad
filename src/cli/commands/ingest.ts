import { readDocuments, DEFAULT_MAX_TEXT_BYTES } from '../../ingest/input.js';
import { runIngest } from '../../ingest/batch.js';
import { Journal, defaultJournalPath } from '../../ingest/journal.js';
import { Progress } from '../../ingest/progress.js';
import { DEFAULT_DB, openStore } from '../../store/index.js';
import { parseCommandArgs, documentLimits, timeBudget } from '../args.js';
import { useAccurateModel, useBeamModel } from '../../nlp/nlp-model.js';
import { DEFAULT_SECONDS_PER_MB } from '../../ingest/limits.js';
import { EXIT, UsageError, type Command } from '../command.js';

export function dbUrl(value: string | undefined): string {
  return value ?? process.env.CHRONICLE_DB ?? DEFAULT_DB;
}

/** "postgres://user:secret@host/db" → "postgres://user:***@host/db" for messages. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/i, '$1***@');
}

export const ingestCommand: Command = {
  name: 'ingest',
  usage: `Usage: chronicle ingest FILE… [options]

Reads articles as \`chronicle extract\` does (.txt, .json, .jsonl, .html pages, RSS/Atom
feeds, directories, URLs, '-' for standard input), extracts them and stores documents,
entities, quotes, relations and events, then links each entity to one identity across
documents. The same content ingested twice is stored once; each document is stored in one
transaction, so a failure never leaves half a document. Near-duplicates (syndicated copies)
are linked to the first copy. A progress bar shows on a terminal (docs/ingest.md).

Options:
  --db URL                SQLite file (default ${DEFAULT_DB}, or $CHRONICLE_DB) or postgres://user@host/db
  --published YYYY-MM-DD  publication date for plain text (and JSON without "published")
  --max-bytes N           largest accepted document text (default ${DEFAULT_MAX_TEXT_BYTES})
  --quiet                 no per-document lines, only the summary
  --jobs N                extract in N worker threads (one writer); default 1; 0 extracts
                          in-process (no time budget)
  --time-budget S         seconds of extraction allowed per MB of text, at least 30 s a
                          document (default ${DEFAULT_SECONDS_PER_MB}; 0: none); a document over it fails by name
  --resume                skip documents a previous (interrupted) run finished
  --journal FILE          where finished documents are recorded (default: beside the SQLite file)
  --feed                  read each FILE or URL as an RSS/Atom feed
  --fetch-articles        with --feed: fetch the linked page of summary-only entries
  --any-language          keep documents not detected as English
  --accurate              tag and parse with the accurate model (LAS +1.4, tag+parse ~1.5× the CPU; docs/nlp.md)
  --beam                  tag and parse with the beam-search model (LAS +1.7, tag+parse ~6× the CPU; docs/nlp.md)
  -h, --help              this help

Exit codes: 0 all documents stored, 1 some documents failed (each named on stderr), 2 usage error.

Examples:
  chronicle ingest examples/*.json
  chronicle ingest --db postgres://chronicle@127.0.0.1/chronicle feed.jsonl
  cat articles.jsonl | chronicle ingest -
  chronicle ingest --jobs 2 ~/articles/            # a folder, recursively
  chronicle ingest --jobs 2 --resume ~/articles/   # after an interruption
  chronicle ingest --feed https://example.com/rss.xml`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      db: { type: 'string' },
      published: { type: 'string' },
      'max-bytes': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      jobs: { type: 'string' },
      'time-budget': { type: 'string' },
      resume: { type: 'boolean', default: false },
      journal: { type: 'string' },
      feed: { type: 'boolean', default: false },
      'fetch-articles': { type: 'boolean', default: false },
      'any-language': { type: 'boolean', default: false },
      accurate: { type: 'boolean', default: false },
      beam: { type: 'boolean', default: false },
    });
    if (values.accurate) useAccurateModel();
    if (values.beam) useBeamModel();
    const jobs = values.jobs === undefined ? 1 : Number(values.jobs);
    const secondsPerMb = timeBudget(values['time-budget']);
    if (!Number.isInteger(jobs) || jobs < 0 || jobs > 256) throw new UsageError('--jobs must be a whole number from 0 to 256');
    const { published, maxTextBytes } = documentLimits(values);
    if (positionals.length === 0 && process.stdin.isTTY) throw new UsageError('give FILE… or - for standard input');
    const url = dbUrl(values.db);
    let store;
    try {
      store = await openStore(url);
    } catch (err) {
      process.stderr.write(`chronicle ingest: cannot open the store ${redactUrl(url)}: ${(err as Error).message}\n`);
      return EXIT.USAGE;
    }
    const log = (line: string) => { if (!values.quiet) process.stderr.write(line + '\n'); };
    let failed = 0;
    const journal = Journal.open(values.journal ?? defaultJournalPath(url), { resume: values.resume });
    try {
      const items = readDocuments(positionals, {
        published, maxTextBytes, feed: values.feed, fetchArticles: values['fetch-articles'], anyLanguage: values['any-language'],
        skipOrigin: values.resume ? (origin) => journal.has(origin) : undefined,
      });
      const s = await runIngest(items, { store, jobs, journal, progress: new Progress(process.stderr), log, secondsPerMb });
      failed = s.failed;
      const stats = await store.stats();
      process.stderr.write(
        `chronicle ingest: ${s.added} added, ${s.unchanged} already stored, ${s.failed} failed` +
        `${s.skipped ? `, ${s.skipped} skipped` : ''}${s.resumed ? `, ${s.resumed} finished earlier (--resume)` : ''}${s.duplicates ? `, ${s.duplicates} near-duplicates linked` : ''}` +
        ` in ${s.seconds.toFixed(1)} s${s.added ? ` (${(s.added / s.seconds).toFixed(1)} docs/s${jobs ? ` with ${jobs} job${jobs > 1 ? 's' : ''}` : ''})` : ''}; CPU ${s.cpuSeconds.toFixed(1)} s, peak memory ${s.peakRssMb} MB; ` +
        `${redactUrl(url)} now holds ${stats.documents} documents (${stats.copies} near-duplicate copies), ${stats.entities} identities, ${stats.events} events\n`,
      );
    } finally {
      journal.close();
      await store.close();
    }
    return failed > 0 ? EXIT.SOME_FAILED : EXIT.OK;
  },
};
