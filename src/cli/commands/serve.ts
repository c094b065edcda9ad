import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../../extract.js';
import { readDocuments } from '../../ingest/input.js';
import { buildServer, isLoopback } from '../../server/index.js';
import { openStore, type Store } from '../../store/index.js';
import { parseCommandArgs, timeBudget } from '../args.js';
import { EXIT, UsageError, type Command } from '../command.js';
import { dbUrl, redactUrl } from './ingest.js';

export const DEFAULT_PORT = 8787;

export const EXAMPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../../examples');

/** The bundled articles: the showcase case (examples/showcase), examples/*.json and examples/wikinews/*.json. */
export function exampleFiles(dir = EXAMPLES_DIR): string[] {
  const list = (d: string) => readdirSync(d).filter((f) => f.endsWith('.json')).sort().map((f) => join(d, f));
  return [...list(join(dir, 'showcase')), ...list(dir), ...list(join(dir, 'wikinews'))];
}

/** Ingest the bundled examples that are not stored yet; returns how many were added. */
export async function ingestExamples(store: Store, log: (line: string) => void): Promise<{ added: number; failed: number }> {
  let added = 0;
  let failed = 0;
  const files = exampleFiles();
  for await (const item of readDocuments(files)) {
    if (!item.ok) {
      failed++;
      log(`  ! ${item.origin}: ${item.error}`);
      continue;
    }
    if ((await store.findByContent(item.doc)) !== null) continue;
    try {
      await store.ingest(extract(item.doc));
      added++;
      log(`  + ${item.doc.title ?? item.origin}`);
    } catch (err) {
      failed++;
      log(`  ! ${item.origin}: ${(err as Error).message}`);
    }
  }
  return { added, failed };
}

export interface ServeOptions {
  db: string;
  port: number;
  host: string;
  token: string | null;
  readOnly: boolean;
  logger?: boolean;
  /** Host names the server answers for besides loopback ones (--allowed-host) */
  allowedHosts?: string[];
  /** seconds of extraction allowed per MB of a posted document (--time-budget) */
  secondsPerMb?: number;
}

/** Start the API and web app; resolves once listening, returns a stop function. */
export async function startServer(o: ServeOptions, store?: Store): Promise<{ url: string; stop: () => Promise<void> }> {
  if (!isLoopback(o.host) && !o.token && !o.readOnly) {
    throw new UsageError(`refusing to serve write routes on ${o.host} without a token: set CHRONICLE_TOKEN, or pass --read-only, or use --host 127.0.0.1`);
  }
  const own = store ?? await openStore(o.db);
  // a server bound to one address answers for that address too (not for 0.0.0.0 or ::, which name no host)
  const bound = !isLoopback(o.host) && o.host !== '0.0.0.0' && o.host !== '::' ? [o.host] : [];
  const app = await buildServer({ store: own, token: o.token, readOnly: o.readOnly, logger: o.logger, allowedHosts: [...bound, ...(o.allowedHosts ?? [])], secondsPerMb: o.secondsPerMb });
  try {
    await app.listen({ port: o.port, host: o.host });
  } catch (err) {
    await app.close();
    if (!store) await own.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${o.port} is already in use (try --port ${o.port + 1})`);
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  const shown = o.host === '0.0.0.0' || o.host === '::' ? 'localhost' : o.host.includes(':') ? `[${o.host}]` : o.host;
  return {
    url: `http://${shown}:${port}/`,
    stop: async () => {
      await app.close();
      if (!store) await own.close();
    },
  };
}

export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port must be 0–65535, not ${value}`);
  return n;
}

export const serveCommand: Command = {
  name: 'serve',
  usage: `Usage: chronicle serve [options]

Serves the case file: a REST API (documents, identities, timelines, search; the OpenAPI
document is at /openapi.json) and the web app (search, article reader, entity pages).

Options:
  --db URL       SQLite file (default ./chronicle.db, or $CHRONICLE_DB) or postgres://user@host/db
  --port N       port (default ${DEFAULT_PORT}; 0 picks a free one)
  --host H       address to listen on (default 127.0.0.1)
  --examples     first store the bundled example articles not yet in the store (npm start)
  --read-only    refuse write routes (POST /api/documents, merge, split)
  --allowed-host NAME
                 also answer requests whose Host is NAME (or NAME:PORT); repeatable.
                 Loopback names (localhost, 127.0.0.1, [::1]) are always allowed; any
                 other Host gets 421 (DNS rebinding: docs/security.md)
  --time-budget S
                 seconds of extraction allowed per MB of a posted document, at least
                 30 s (default 30; 0: none); over it, POST /api/documents answers 422
  --log          log each request
  -h, --help     this help

Write routes need \`Authorization: Bearer $CHRONICLE_TOKEN\` when CHRONICLE_TOKEN is set. The
server refuses to listen beyond this machine (a --host other than loopback) with write routes
open and no token.

Examples:
  chronicle serve
  CHRONICLE_TOKEN=s3cret chronicle serve --host 0.0.0.0 --port 8080 --allowed-host chronicle.example.org --db postgres://chronicle@db/chronicle`,
  async run(argv) {
    const { values } = parseCommandArgs(argv, {
      db: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'read-only': { type: 'boolean', default: false },
      examples: { type: 'boolean', default: false },
      log: { type: 'boolean', default: false },
      'allowed-host': { type: 'string', multiple: true },
      'time-budget': { type: 'string' },
    });
    const db = dbUrl(values.db);
    const token = process.env.CHRONICLE_TOKEN || null;
    const port = parsePort(values.port, DEFAULT_PORT);
    let server;
    try {
      let store: Store | undefined;
      if (values.examples) {
        store = await openStore(db);
        const started = performance.now();
        const out = await ingestExamples(store, (line) => process.stderr.write(line + '\n'));
        const stats = await store.stats();
        process.stderr.write(`chronicle serve: ${out.added ? `stored ${out.added} example articles in ${((performance.now() - started) / 1000).toFixed(1)} s; ` : ''}${stats.documents} articles, ${stats.entities} entities in ${redactUrl(db)}${out.failed ? ` (${out.failed} failed)` : ''}\n`);
      }
      server = await startServer({ db, port, host: values.host!, token, readOnly: values['read-only']!, logger: values.log, allowedHosts: values['allowed-host'] ?? [], secondsPerMb: timeBudget(values['time-budget']) }, store);
      if (store) {
        const stop = server.stop;
        const own = store;
        server = { ...server, stop: async () => { await stop(); await own.close(); } };
      }
    } catch (err) {
      if (err instanceof UsageError) throw err;
      process.stderr.write(`chronicle serve: cannot start on ${redactUrl(db)}: ${(err as Error).message}\n`);
      return EXIT.SOME_FAILED;
    }
    process.stdout.write(`Chronicle is serving ${redactUrl(db)} at ${server.url}  (API: ${server.url}openapi.json; Ctrl-C to stop)\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.stop();
    return EXIT.OK;
  },
};
