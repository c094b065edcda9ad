/**
 * A thin SQL layer so one store implementation runs on SQLite (better-sqlite3) and
 * PostgreSQL (pg). SQL is written with `?` placeholders; the PostgreSQL adapter numbers them.
 * Values are always bound as parameters, never spliced into the SQL text.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';

/** bound parameter values; bytes are a BLOB in SQLite and a bytea in PostgreSQL */
export type SqlValue = string | number | null | Uint8Array;
export type Row = Record<string, unknown>;

export interface Sql {
  readonly dialect: 'sqlite' | 'postgres';
  all<T = Row>(sql: string, params?: SqlValue[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: SqlValue[]): Promise<T | undefined>;
  /** run a statement; `id` is the value of a RETURNING id clause when there is one */
  run(sql: string, params?: SqlValue[]): Promise<{ changes: number; id?: number }>;
  exec(script: string): Promise<void>;
}

export interface Db extends Sql {
  /** run `fn` in one transaction; concurrent transactions are serialised or isolated */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Parameters as both stores take them alike: PostgreSQL refuses a NUL character in text (a raw
 * driver error where SQLite stores it), so U+0000 is encoded as U+FFFD on both, one UTF-16
 * unit for one, and every stored offset still points at the same characters.
 */
export function bound(params: SqlValue[]): SqlValue[] {
  let out: SqlValue[] | null = null;
  for (let i = 0; i < params.length; i++) {
    const v = params[i];
    if (typeof v === 'string' && v.includes('\u0000')) (out ??= params.slice())[i] = v.replace(/\u0000/g, '\ufffd');
  }
  return out ?? params;
}

/** A promise queue: better-sqlite3 has one connection, so transactions must not interleave. */
class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

export class SqliteDb implements Db {
  readonly dialect = 'sqlite' as const;
  private readonly lock = new Mutex();
  private readonly cache = new Map<string, BetterSqlite3.Statement>();
  private inTx = false;

  constructor(readonly db: BetterSqlite3.Database) {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
  }

  private stmt(sql: string): BetterSqlite3.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(sql, s);
    }
    return s;
  }

  async all<T>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return this.stmt(sql).all(...bound(params)) as T[];
  }

  async get<T>(sql: string, params: SqlValue[] = []): Promise<T | undefined> {
    return this.stmt(sql).get(...bound(params)) as T | undefined;
  }

  async run(sql: string, params_: SqlValue[] = []): Promise<{ changes: number; id?: number }> {
    const params = bound(params_);
    const s = this.stmt(sql);
    if (s.reader) {
      const row = s.get(...params) as { id?: number } | undefined;
      return { changes: row ? 1 : 0, id: row?.id };
    }
    const info = s.run(...params);
    return { changes: info.changes, id: Number(info.lastInsertRowid) };
  }

  async exec(script: string): Promise<void> {
    this.db.exec(script);
  }

  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    if (this.inTx) return fn(this);
    return this.lock.run(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      this.inTx = true;
      try {
        const out = await fn(this);
        this.db.exec('COMMIT');
        return out;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      } finally {
        this.inTx = false;
      }
    });
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function fixRow<T>(row: Row): T {
  // pg returns BIGINT/COUNT as strings; our ids and counts fit in a double
  for (const k of Object.keys(row)) {
    const v = row[k];
    if (typeof v === 'string' && (k === 'id' || k.endsWith('_id') || k.endsWith('_count') || k === 'n' || k === 'count') && /^\d+$/.test(v)) row[k] = Number(v);
  }
  return row as T;
}

/**
 * Reads PostgreSQL keeps planned: a SELECT is sent as a named prepared statement, parsed and planned
 * once per pooled connection, then planned again only when the server judges a generic plan worse
 * (plan_cache_mode auto). A document page's three reads took 2.7 ms of planning against 1 ms of
 * execution. Only the first PREPARED_MAX distinct SELECT texts of a process get a name, so
 * statements built with lists of varying length cannot grow the connections' caches without bound.
 */
export const PREPARED_MAX = 200;

export class PreparedNames {
  private readonly names = new Map<string, string>();
  constructor(readonly max = PREPARED_MAX) {}

  /** The prepared statement's name for this SQL text, or undefined to send it unnamed. */
  nameOf(sql: string): string | undefined {
    let name = this.names.get(sql);
    if (name === undefined && this.names.size < this.max && /^\s*SELECT\b/i.test(sql)) {
      name = `chronicle_read_${this.names.size}`;
      this.names.set(sql, name);
    }
    return name;
  }
}

/** One naming for the process: a name always stands for the same text on every connection. */
const prepared = new PreparedNames();

class PgSql implements Sql {
  readonly dialect = 'postgres' as const;
  constructor(protected readonly client: pg.Pool | pg.PoolClient) {}

  async all<T>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    const res = await this.client.query({ name: prepared.nameOf(sql), text: numbered(sql), values: bound(params) });
    return res.rows.map((r) => fixRow<T>(r));
  }

  async get<T>(sql: string, params: SqlValue[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async run(sql: string, params: SqlValue[] = []): Promise<{ changes: number; id?: number }> {
    const res = await this.client.query(numbered(sql), bound(params));
    const id = res.rows?.[0]?.id;
    return { changes: res.rowCount ?? 0, id: id === undefined ? undefined : Number(id) };
  }

  async exec(script: string): Promise<void> {
    await this.client.query(script);
  }
}

export class PgDb extends PgSql implements Db {
  constructor(readonly pool: pg.Pool) {
    super(pool);
  }

  async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const out = await fn(new PgSql(client));
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Open a database from a URL or path: postgres://… / postgresql://… or a SQLite file. */
export async function openDb(url: string, options_: { pgSchema?: string } = {}): Promise<Db> {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    const { default: pgmod } = await import('pg');
    let options: string | undefined;
    if (options_.pgSchema) {
      if (!/^[a-z_][a-z0-9_]*$/.test(options_.pgSchema)) throw new Error(`bad schema name ${options_.pgSchema}`);
      // the schema is set at connection start-up, so every pooled connection uses it
      options = `-c search_path=${options_.pgSchema}`;
      const c = new pgmod.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`CREATE SCHEMA IF NOT EXISTS ${options_.pgSchema}`).catch((err: { code?: string }) => {
          // another process created it at the same moment (IF NOT EXISTS does not cover the race)
          if (err.code !== '23505' && err.code !== '42P06') throw err;
        });
      } finally {
        await c.end();
      }
    }
    const pool = new pgmod.Pool({ connectionString: url, max: 8, ...(options ? { options } : {}) });
    // an idle client losing its connection must not crash the process
    pool.on('error', () => undefined);
    return new PgDb(pool);
  }
  const { default: Database } = await import('better-sqlite3');
  const path = url.replace(/^sqlite:(\/\/)?/i, '');
  return new SqliteDb(new Database(path));
}
