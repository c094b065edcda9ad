import type { Command } from '../command.js';

/** A sub-command as `chronicle --help` lists it; its module (and what that imports) loads only when it runs. */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

/** Every sub-command, in the order `chronicle --help` lists them. */
export const commands: CommandEntry[] = [
  { name: 'extract', summary: 'extract entities, quotes, dates, relations and events from articles (JSONL out)', load: async () => (await import('./extract.js')).extractCommand },
  { name: 'demo', summary: 'extract the bundled example articles and print a readable summary (npm start)', load: async () => (await import('./demo.js')).demoCommand },
  { name: 'parse', summary: 'POS-tag, lemmatize and dependency-parse text or CoNLL-U (CoNLL-U out)', load: async () => (await import('./parse.js')).parseCommand },
  { name: 'ingest', summary: 'extract articles and store them with their facts in the case file (SQLite or PostgreSQL)', load: async () => (await import('./ingest.js')).ingestCommand },
  { name: 'enqueue', summary: 'put articles on the PostgreSQL job queue for `chronicle worker` processes (distributed ingest)', load: async () => (await import('./enqueue.js')).enqueueCommand },
  { name: 'worker', summary: 'take jobs queued by `chronicle enqueue`, extract and store them (run on any number of machines)', load: async () => (await import('./worker.js')).workerCommand },
  { name: 'export', summary: 'write the case file, or one person\'s case, as FollowTheMoney JSON lines, an events CSV or GraphML', load: async () => (await import('./export.js')).exportCommand },
  { name: 'serve', summary: 'serve the REST API (OpenAPI at /openapi.json) and the web app over a store', load: async () => (await import('./serve.js')).serveCommand },
];
