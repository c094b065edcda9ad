import { extract } from '../../extract.js';
import { readDocuments, DEFAULT_MAX_TEXT_BYTES, normalisePublished, InputError } from '../../ingest/input.js';
import { DEFAULT_DB, openStore } from '../../store/index.js';
import { parseCommandArgs } from '../args.js';
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
  summary: 'extract articles and store them with their facts in the case file (SQLite or PostgreSQL)',
  usage: `Usage: chronicle ingest FILE… [options]

Reads articles as \`chronicle extract\` does (.txt, .json, .jsonl, '-' for standard input),
extracts them and stores documents, entities, quotes, relations and events, then links each
entity to one identity across documents. The same content ingested twice is stored once;
each document is stored in one transaction, so a failure never leaves half a document.

Options:
  --db URL                SQLite file (default ${DEFAULT_DB}, or $CHRONICLE_DB) or postgres://user@host/db
  --published YYYY-MM-DD  publication date for plain text (and JSON without "published")
  --max-bytes N           largest accepted document text (default ${DEFAULT_MAX_TEXT_BYTES})
  --quiet                 no per-document lines, only the summary
  -h, --help              this help

Exit codes: 0 all documents stored, 1 some documents failed (each named on stderr), 2 usage error.

Examples:
  chronicle ingest examples/*.json
  chronicle ingest --db postgres://chronicle@127.0.0.1/chronicle feed.jsonl
  cat articles.jsonl | chronicle ingest -`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      db: { type: 'string' },
      published: { type: 'string' },
      'max-bytes': { type: 'string' },
      quiet: { type: 'boolean', default: false },
    });
    let published: string | null = null;
    try {
      published = normalisePublished(values.published);
    } catch (err) {
      if (err instanceof InputError) throw new UsageError(`--published: ${err.message}`);
      throw err;
    }
    const maxTextBytes = values['max-bytes'] !== undefined ? Number(values['max-bytes']) : DEFAULT_MAX_TEXT_BYTES;
    if (!Number.isFinite(maxTextBytes) || maxTextBytes <= 0) throw new UsageError('--max-bytes must be a positive number');
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
    let added = 0;
    let unchanged = 0;
    let failed = 0;
    const started = performance.now();
    try {
      for await (const item of readDocuments(positionals, { published, maxTextBytes })) {
        if (!item.ok) {
          failed++;
          process.stderr.write(`chronicle ingest: ${item.origin}: ${item.error}\n`);
          continue;
        }
        try {
          const known = await store.findByContent(item.doc);
          if (known !== null) {
            unchanged++;
            log(`  = ${item.origin}: already stored as document ${known}`);
            continue;
          }
          const result = extract(item.doc);
          const out = await store.ingest(result);
          if (out.status === 'added') added++;
          else unchanged++;
          log(`  + ${item.origin}: document ${out.id}, ${out.entities} entities, ${out.events} events`);
        } catch (err) {
          failed++;
          process.stderr.write(`chronicle ingest: ${item.origin}: ${(err as Error).message}\n`);
        }
      }
      const secs = (performance.now() - started) / 1000;
      const stats = await store.stats();
      process.stderr.write(
        `chronicle ingest: ${added} added, ${unchanged} already stored, ${failed} failed in ${secs.toFixed(1)} s` +
        `${added ? ` (${(added / secs).toFixed(1)} docs/s)` : ''}; ${redactUrl(url)} now holds ${stats.documents} documents, ${stats.entities} identities, ${stats.events} events\n`,
      );
    } finally {
      await store.close();
    }
    return failed > 0 ? EXIT.SOME_FAILED : EXIT.OK;
  },
};
