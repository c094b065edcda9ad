/**
 * The ingest journal: one line per finished document origin ("a.html", "feed.xml#3",
 * "big.jsonl:1042"), appended as each is stored. `--resume` reads it back and skips those
 * origins without reading, fetching or extracting them again; a run without --resume starts
 * a fresh journal. Failed documents are not journalled, so a resumed run retries them.
 */
import { appendFileSync, closeSync, openSync, readFileSync, writeFileSync, existsSync } from 'node:fs';

export class Journal {
  private readonly finished = new Set<string>();
  private fd: number;

  private constructor(readonly path: string, resume: boolean) {
    if (resume && existsSync(path)) {
      for (const line of readFileSync(path, 'utf8').split('\n')) if (line) this.finished.add(line);
    } else writeFileSync(path, '');
    this.fd = openSync(path, 'a');
  }

  static open(path: string, options: { resume?: boolean } = {}): Journal {
    return new Journal(path, options.resume ?? false);
  }

  /** origins finished in earlier runs */
  get size(): number {
    return this.finished.size;
  }

  has(origin: string): boolean {
    return this.finished.has(origin);
  }

  done(origin: string): void {
    if (this.finished.has(origin)) return;
    this.finished.add(origin);
    // one write per line: a run killed mid-way leaves at worst a partial last line, never a lost one
    appendFileSync(this.fd, origin.replace(/\n/g, ' ') + '\n');
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

/** Where the journal of a store lives by default: beside a SQLite file, or in the working directory. */
export function defaultJournalPath(dbUrl: string): string {
  if (/^postgres(ql)?:\/\//i.test(dbUrl)) return '.chronicle-ingest.journal';
  return dbUrl.replace(/^sqlite:(\/\/)?/i, '') + '.journal';
}
