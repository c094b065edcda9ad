import { createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EXPORT_FORMATS, EXPORT_FORMAT_NAMES, ExportFormatError, parseExportFormat } from '../../export/index.js';
import { formatDuration } from '../../ingest/progress.js';
import { openStore, type ExportScope, type Store } from '../../store/index.js';
import { parseCommandArgs } from '../args.js';
import { EXIT, UsageError, type Command } from '../command.js';
import { dbUrl, redactUrl } from './ingest.js';

/** Progress of a long export on stderr: a redrawn line on a terminal, a line every few seconds otherwise. */
class ExportProgress {
  private readonly started = performance.now();
  private last = 0;
  private drawn = false;
  constructor(private readonly out: NodeJS.WriteStream, private readonly enabled: boolean) {}

  update(done: number, total: number | null, unit: string): void {
    if (!this.enabled) return;
    const now = performance.now();
    const tty = !!this.out.isTTY;
    if (now - this.last < (tty ? 200 : 5000) && !(total !== null && done === total && done > 0)) return;
    this.last = now;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = total !== null && rate > 0 ? ` ETA ${formatDuration((total - done) / rate)}` : '';
    const line = `export: ${done}${total !== null ? `/${total}` : ''} ${unit} ${rate.toFixed(0)}/s${eta}`;
    if (tty) {
      this.out.write(`\r\x1b[2K${line}`);
      this.drawn = true;
    } else this.out.write(line + '\n');
  }

  clear(): void {
    if (this.drawn) this.out.write('\r\x1b[2K');
    this.drawn = false;
  }
}

/**
 * The identity a name picks: the only one found, or the one whose name (or an alias) is the name
 * given when no other is; otherwise a usage error listing the candidates with their ids.
 */
async function identityNamed(store: Store, name: string): Promise<number> {
  const hits = await store.searchEntities({ q: name, limit: 10 });
  if (hits.length === 0) throw new UsageError(`--entity: no identity is named '${name}'`);
  const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const exact = hits.filter((h) => [h.name, ...h.aliases].some((n) => fold(n) === fold(name)));
  const pick = hits.length === 1 ? hits[0] : exact.length === 1 ? exact[0] : null;
  if (pick) {
    process.stderr.write(`chronicle export: the case of ${pick.name} (${pick.type}, identity ${pick.id})\n`);
    return pick.id;
  }
  const list = (exact.length ? exact : hits).map((h) => `  ${h.id}  ${h.name} (${h.type}, ${h.document_count} document${h.document_count === 1 ? '' : 's'})`).join('\n');
  throw new UsageError(`--entity '${name}' fits several identities; give the id of one:\n${list}`);
}

/**
 * An output that is written directly, not beside itself and renamed when whole: a device or pipe
 * (/dev/null, /dev/stdout, a FIFO). Renaming over one would replace it with a plain file.
 */
export function writesInPlace(path: string): boolean {
  return existsSync(path) && !statSync(path).isFile();
}

export const exportCommand: Command = {
  name: 'export',
  usage: `Usage: chronicle export --format FORMAT [options]

Writes what the store holds in a format other tools load (docs/exports.md):
${EXPORT_FORMAT_NAMES.map((f) => `  ${f.padEnd(11)} ${EXPORT_FORMATS[f].description}`).join('\n')}

The whole store by default; --entity exports one case: the identity (its id, from the web app
or GET /api/entities?q=NAME, or a name that picks one identity), the partners of its relations,
everyone in its events and their places, and the documents naming it. Written as it is read
(memory does not grow with the store); progress on stderr. A document whose stored result
cannot be read is named on stderr and left out; the rest is written.

Options:
  --format F      ${EXPORT_FORMAT_NAMES.join(' | ')} (required)
  --entity ID|NAME
                  one case instead of the whole store (a name that fits several identities
                  lists them with their ids)
  --output FILE   write to FILE (replaced only when the export is complete; default: standard output)
  --db URL        SQLite file (default ./chronicle.db, or $CHRONICLE_DB) or postgres://user@host/db
  --quiet         no progress, only errors
  -h, --help      this help

Exit codes: 0 written, 1 some documents left out (each named on stderr), 2 usage error.

Examples:
  chronicle export --format ftm --output case.ftm.jsonl        # then: ftm store write -i case.ftm.jsonl, or alephclient write-entities
  chronicle export --format events-csv --entity 12 > trufanov-events.csv
  chronicle export --format graphml --entity "Sasha Trufanov" -o trufanov.graphml
  chronicle export --format graphml --output chronicle.graphml  # open in Gephi`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      format: { type: 'string' },
      entity: { type: 'string' },
      output: { type: 'string', short: 'o' },
      db: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    });
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}' (the store is given with --db)`);
    let format;
    try {
      format = parseExportFormat(values.format);
    } catch (err) {
      if (err instanceof ExportFormatError) throw new UsageError(`--format: ${err.message}`);
      throw err;
    }
    const given = values.entity?.trim();
    if (given === '') throw new UsageError('--entity needs an identity id or a name');
    const entityId = given !== undefined && /^\d+$/.test(given) ? Number(given) : null;
    if (entityId !== null && (!Number.isSafeInteger(entityId) || entityId < 1)) throw new UsageError(`--entity must be an identity id from 1 to ${Number.MAX_SAFE_INTEGER}, or a name, not '${given}'`);
    const url = dbUrl(values.db);
    // opening a SQLite path that does not exist would make an empty store and export nothing
    if (!/^postgres(ql)?:\/\//i.test(url) && !existsSync(url.replace(/^sqlite:(\/\/)?/i, ''))) {
      throw new UsageError(`no store at ${url} (store articles with \`chronicle ingest\`, or give --db)`);
    }
    let store: Store;
    try {
      store = await openStore(url);
    } catch (err) {
      process.stderr.write(`chronicle export: cannot open the store ${redactUrl(url)}: ${(err as Error).message}\n`);
      return EXIT.USAGE;
    }
    // on a terminal that shows the export itself, a progress line would garble it
    const progress = new ExportProgress(process.stderr, !values.quiet && !(process.stdout.isTTY && !values.output));
    let skipped = 0;
    const direct = values.output !== undefined && writesInPlace(values.output);
    const partial = values.output && !direct ? `${values.output}.partial` : null;
    try {
      const reader = store.exportReader();
      let scope: ExportScope = { kind: 'store' };
      if (given !== undefined) {
        const id = entityId ?? await identityNamed(store, given);
        const found = await reader.caseScope(id);
        if (!found) throw new UsageError(`--entity ${id}: no such identity in ${redactUrl(url)}`);
        scope = found;
      }
      const started = performance.now();
      const chunks = EXPORT_FORMATS[format].run(reader, scope, {
        progress: (done, total, unit) => progress.update(done, total, unit),
        skipped: (doc, reason) => {
          skipped++;
          progress.clear();
          process.stderr.write(`chronicle export: ${doc}: ${reason}; left out\n`);
        },
      });
      let bytes = 0;
      const counted = async function* () {
        for await (const c of chunks) {
          bytes += Buffer.byteLength(c);
          yield c;
        }
      };
      const out: Writable = partial ? createWriteStream(partial) : direct ? createWriteStream(values.output!) : process.stdout;
      try {
        await pipeline(Readable.from(counted()), out, { end: out !== process.stdout });
      } catch (err) {
        if (partial) rmSync(partial, { force: true });
        // the reader of standard output went away (| head): not an error of the export
        if ((err as NodeJS.ErrnoException).code === 'EPIPE') return EXIT.OK;
        throw err;
      }
      if (partial) renameSync(partial, values.output!);
      progress.clear();
      if (!values.quiet) {
        const seconds = (performance.now() - started) / 1000;
        process.stderr.write(`chronicle export: ${format}${scope.kind === 'case' ? ` of identity ${scope.entity} (${scope.identities.size} identities)` : ''}, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s${values.output ? ` to ${values.output}` : ''}${skipped ? `; ${skipped} documents left out` : ''}\n`);
      }
    } finally {
      await store.close();
    }
    return skipped > 0 ? EXIT.SOME_FAILED : EXIT.OK;
  },
};
