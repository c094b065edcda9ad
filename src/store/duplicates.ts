/**
 * Near-duplicate links, read beside the store, in one table of the same database:
 *   near_duplicates(seq, document_id, signature, shingles, duplicate_of, similarity, created_at)
 * Every stored document gets a row with its MinHash signature; a copy's `duplicate_of` is the
 * store id of the first copy of the story (NULL for a first copy). The store writes these rows
 * itself, in the transaction that stores the document (src/store/store.ts), so every path in
 * (CLI, API, queue worker) is linked; this module reads them (get, copiesOf, stats) and can
 * link documents stored before the store did so (record). Its linking is serialised across
 * processes (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock) and each writer first
 * catches up with rows other writers added.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { NEAR_DUPLICATES_TABLE } from './migrations.js';
import { NearDuplicateIndex, sketch, signatureFromBuffer, signatureToBuffer, DEFAULT_THRESHOLD, type Sketch } from './dedup.js';

export interface DuplicateLink {
  document_id: number;
  /** the first copy, or null when this document is one */
  duplicate_of: number | null;
  similarity: number | null;
}

export interface DuplicateLinks {
  /** link a stored document (idempotent: a document already linked keeps its link) */
  record(documentId: number, text: string): Promise<DuplicateLink>;
  get(documentId: number): Promise<DuplicateLink | null>;
  /** copies of a first copy */
  copiesOf(documentId: number): Promise<DuplicateLink[]>;
  stats(): Promise<{ documents: number; duplicates: number }>;
  close(): Promise<void>;
}

const LOCK_KEY = 7406002;

interface Row {
  seq: number | string;
  document_id: number | string;
  signature: Buffer;
  shingles: number | string | null;
  duplicate_of: number | string | null;
  similarity: number | null;
}

const toLink = (r: { document_id: number | string; duplicate_of: number | string | null; similarity: number | null }): DuplicateLink => ({
  document_id: Number(r.document_id),
  duplicate_of: r.duplicate_of === null ? null : Number(r.duplicate_of),
  similarity: r.similarity === null ? null : Number(r.similarity),
});

/** Shared logic: an in-memory index kept in step with the table. */
abstract class LinksBase implements DuplicateLinks {
  protected index: NearDuplicateIndex;
  protected lastSeq = 0;

  constructor(threshold: number) {
    this.index = new NearDuplicateIndex(threshold);
  }

  protected absorb(rows: Row[]): void {
    for (const r of rows) {
      const id = String(r.document_id);
      this.index.add(id, signatureFromBuffer(r.signature), r.duplicate_of === null ? null : String(r.duplicate_of), r.shingles === null ? undefined : Number(r.shingles));
      this.lastSeq = Math.max(this.lastSeq, Number(r.seq));
    }
  }

  /** decide a new document's link against the caught-up index */
  protected decide(documentId: number, sk: Sketch): DuplicateLink {
    const match = this.index.add(String(documentId), sk.sig, undefined, sk.size);
    return { document_id: documentId, duplicate_of: match ? Number(match.of) : null, similarity: match ? match.similarity : null };
  }

  abstract record(documentId: number, text: string): Promise<DuplicateLink>;
  abstract get(documentId: number): Promise<DuplicateLink | null>;
  abstract copiesOf(documentId: number): Promise<DuplicateLink[]>;
  abstract stats(): Promise<{ documents: number; duplicates: number }>;
  abstract close(): Promise<void>;
}

class SqliteLinks extends LinksBase {
  constructor(private readonly db: BetterSqlite3.Database, threshold: number) {
    super(threshold);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 10000');
    db.exec(NEAR_DUPLICATES_TABLE.sqlite);
    db.exec('CREATE INDEX IF NOT EXISTS near_duplicates_of ON near_duplicates (duplicate_of)');
    // tables made before shingle counts were kept
    const cols = db.prepare('PRAGMA table_info(near_duplicates)').all() as { name: string }[];
    if (!cols.some((c) => c.name === 'shingles')) db.exec('ALTER TABLE near_duplicates ADD COLUMN shingles INTEGER');
  }

  private catchUp(): void {
    this.absorb(this.db.prepare('SELECT seq, document_id, signature, shingles, duplicate_of, similarity FROM near_duplicates WHERE seq > ? ORDER BY seq').all(this.lastSeq) as Row[]);
  }

  async record(documentId: number, text: string): Promise<DuplicateLink> {
    const sk = sketch(text);
    return this.db.transaction(() => {
      this.catchUp();
      const existing = this.db.prepare('SELECT document_id, duplicate_of, similarity FROM near_duplicates WHERE document_id = ?').get(documentId) as Row | undefined;
      if (existing) return toLink(existing);
      const link = this.decide(documentId, sk);
      const info = this.db
        .prepare('INSERT INTO near_duplicates (document_id, signature, shingles, duplicate_of, similarity, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(documentId, signatureToBuffer(sk.sig), sk.size, link.duplicate_of, link.similarity, new Date().toISOString());
      this.lastSeq = Math.max(this.lastSeq, Number(info.lastInsertRowid));
      return link;
    }).immediate();
  }

  async get(documentId: number): Promise<DuplicateLink | null> {
    const r = this.db.prepare('SELECT document_id, duplicate_of, similarity FROM near_duplicates WHERE document_id = ?').get(documentId) as Row | undefined;
    return r ? toLink(r) : null;
  }

  async copiesOf(documentId: number): Promise<DuplicateLink[]> {
    return (this.db.prepare('SELECT document_id, duplicate_of, similarity FROM near_duplicates WHERE duplicate_of = ? ORDER BY document_id').all(documentId) as Row[]).map(toLink);
  }

  async stats(): Promise<{ documents: number; duplicates: number }> {
    const r = this.db.prepare('SELECT COUNT(*) AS n, COUNT(duplicate_of) AS d FROM near_duplicates').get() as { n: number; d: number };
    return { documents: Number(r.n), duplicates: Number(r.d) };
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

class PgLinks extends LinksBase {
  constructor(private readonly pool: pg.Pool, threshold: number) {
    super(threshold);
  }

  async init(): Promise<void> {
    await this.pool.query(NEAR_DUPLICATES_TABLE.postgres).catch((err: { code?: string }) => {
      // two processes creating the table at once: the loser sees a unique violation
      if (err.code !== '23505' && err.code !== '42P07') throw err;
    });
    await this.pool.query('CREATE INDEX IF NOT EXISTS near_duplicates_of ON near_duplicates (duplicate_of)').catch(() => undefined);
    await this.pool.query('ALTER TABLE near_duplicates ADD COLUMN IF NOT EXISTS shingles INTEGER').catch(() => undefined);
  }

  async record(documentId: number, text: string): Promise<DuplicateLink> {
    const sk = sketch(text);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const rows = await client.query<Row>('SELECT seq, document_id, signature, shingles, duplicate_of, similarity FROM near_duplicates WHERE seq > $1 ORDER BY seq', [this.lastSeq]);
      this.absorb(rows.rows);
      const existing = await client.query<Row>('SELECT document_id, duplicate_of, similarity FROM near_duplicates WHERE document_id = $1', [documentId]);
      if (existing.rows[0]) {
        await client.query('COMMIT');
        return toLink(existing.rows[0]);
      }
      const link = this.decide(documentId, sk);
      const ins = await client.query<{ seq: string }>(
        'INSERT INTO near_duplicates (document_id, signature, shingles, duplicate_of, similarity, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING seq',
        [documentId, signatureToBuffer(sk.sig), sk.size, link.duplicate_of, link.similarity, new Date().toISOString()],
      );
      await client.query('COMMIT');
      this.lastSeq = Math.max(this.lastSeq, Number(ins.rows[0].seq));
      return link;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      // the in-memory index may hold the rolled-back document: rebuild on next use
      this.index = new NearDuplicateIndex(this.index.threshold);
      this.lastSeq = 0;
      throw err;
    } finally {
      client.release();
    }
  }

  async get(documentId: number): Promise<DuplicateLink | null> {
    const r = await this.pool.query<Row>('SELECT document_id, duplicate_of, similarity FROM near_duplicates WHERE document_id = $1', [documentId]);
    return r.rows[0] ? toLink(r.rows[0]) : null;
  }

  async copiesOf(documentId: number): Promise<DuplicateLink[]> {
    const r = await this.pool.query<Row>('SELECT document_id, duplicate_of, similarity FROM near_duplicates WHERE duplicate_of = $1 ORDER BY document_id', [documentId]);
    return r.rows.map(toLink);
  }

  async stats(): Promise<{ documents: number; duplicates: number }> {
    const r = await this.pool.query<{ n: string; d: string }>('SELECT COUNT(*) AS n, COUNT(duplicate_of) AS d FROM near_duplicates');
    return { documents: Number(r.rows[0].n), duplicates: Number(r.rows[0].d) };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Open the near-duplicate links of the store at `url` (a SQLite path or postgres:// URL). */
export async function openDuplicateLinks(url: string, options: { pgSchema?: string; threshold?: number } = {}): Promise<DuplicateLinks> {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (/^postgres(ql)?:\/\//i.test(url)) {
    const { default: pgmod } = await import('pg');
    if (options.pgSchema && !/^[a-z_][a-z0-9_]*$/.test(options.pgSchema)) throw new Error(`bad schema name ${options.pgSchema}`);
    // the schema goes in the connection's start-up options, so no query races the first use of a client
    const pool = new pgmod.Pool({ connectionString: url, max: 2, ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}) });
    pool.on('error', () => undefined); // an idle client's error must not crash the process; the next query reports it
    if (options.pgSchema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.pgSchema}`);
    const links = new PgLinks(pool, threshold);
    await links.init();
    return links;
  }
  const { default: Database } = await import('better-sqlite3');
  return new SqliteLinks(new Database(url.replace(/^sqlite:(\/\/)?/i, '')), threshold);
}
