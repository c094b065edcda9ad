/**
 * Versioned schema migrations, one list for both databases. Each migration runs once, in its
 * own transaction, and is recorded in schema_migrations; a database newer than this code is
 * refused rather than guessed at.
 */
import type { Db, Sql } from './db.js';

interface Migration {
  version: number;
  name: string;
  /** statements for both dialects; {{ID}} is the auto-increment primary key */
  common: string[];
  sqlite: string[];
  postgres: string[];
  /** work that depends on what the database already has (run after the statements) */
  after?: (tx: Sql) => Promise<void>;
}

const ID = { sqlite: 'INTEGER PRIMARY KEY AUTOINCREMENT', postgres: 'BIGSERIAL PRIMARY KEY' };
const BIG = { sqlite: 'INTEGER', postgres: 'BIGINT' };

/** The near-duplicate table, as openDuplicateLinks also makes it (see src/store/duplicates.ts). */
export const NEAR_DUPLICATES_TABLE = {
  sqlite: `CREATE TABLE IF NOT EXISTS near_duplicates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL UNIQUE,
    signature BLOB NOT NULL,
    shingles INTEGER,
    duplicate_of INTEGER,
    similarity REAL,
    created_at TEXT NOT NULL
  )`,
  postgres: `CREATE TABLE IF NOT EXISTS near_duplicates (
    seq BIGSERIAL PRIMARY KEY,
    document_id BIGINT NOT NULL UNIQUE,
    signature BYTEA NOT NULL,
    shingles INTEGER,
    duplicate_of BIGINT,
    similarity REAL,
    created_at TEXT NOT NULL
  )`,
};

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'documents, per-document layers, identities, full-text search',
    common: [
      `CREATE TABLE documents (
        id {{ID}},
        content_hash TEXT NOT NULL UNIQUE,
        external_id TEXT,
        title TEXT,
        source TEXT,
        url TEXT,
        published TEXT,
        text TEXT NOT NULL,
        result TEXT NOT NULL,
        pipeline TEXT,
        ingested_at TEXT NOT NULL
      )`,
      `CREATE INDEX documents_published ON documents (published)`,
      `CREATE INDEX documents_external ON documents (external_id)`,
      `CREATE TABLE entities (
        id {{ID}},
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        name_fold TEXT NOT NULL,
        document_count INTEGER NOT NULL DEFAULT 0,
        mention_count INTEGER NOT NULL DEFAULT 0
      )`,
      `CREATE INDEX entities_type ON entities (type)`,
      `CREATE INDEX entities_docs ON entities (document_count)`,
      `CREATE TABLE entity_names (
        entity_id {{BIG}} NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        fold TEXT NOT NULL,
        skeleton TEXT NOT NULL,
        PRIMARY KEY (entity_id, name)
      )`,
      `CREATE INDEX entity_names_fold ON entity_names (fold)`,
      `CREATE INDEX entity_names_skeleton ON entity_names (skeleton)`,
      `CREATE TABLE doc_entities (
        id {{ID}},
        document_id {{BIG}} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        ref TEXT NOT NULL,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        aliases TEXT NOT NULL,
        mention_count INTEGER NOT NULL,
        entity_id {{BIG}} REFERENCES entities(id) ON DELETE SET NULL,
        confidence REAL,
        method TEXT,
        evidence TEXT,
        UNIQUE (document_id, local_id)
      )`,
      `CREATE INDEX doc_entities_entity ON doc_entities (entity_id)`,
      `CREATE INDEX doc_entities_ref ON doc_entities (ref)`,
      `CREATE TABLE mentions (
        id {{ID}},
        document_id {{BIG}} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        doc_entity_id {{BIG}} NOT NULL REFERENCES doc_entities(id) ON DELETE CASCADE,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL
      )`,
      `CREATE INDEX mentions_doc_entity ON mentions (doc_entity_id)`,
      `CREATE INDEX mentions_document ON mentions (document_id, start_offset)`,
      `CREATE TABLE quotes (
        id {{ID}},
        document_id {{BIG}} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        speaker_id {{BIG}} REFERENCES doc_entities(id) ON DELETE SET NULL,
        cue TEXT
      )`,
      `CREATE INDEX quotes_document ON quotes (document_id)`,
      `CREATE INDEX quotes_speaker ON quotes (speaker_id)`,
      `CREATE TABLE relations (
        id {{ID}},
        document_id {{BIG}} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        role TEXT,
        subject_id {{BIG}} NOT NULL REFERENCES doc_entities(id) ON DELETE CASCADE,
        object_id {{BIG}} NOT NULL REFERENCES doc_entities(id) ON DELETE CASCADE,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL
      )`,
      `CREATE INDEX relations_subject ON relations (subject_id)`,
      `CREATE INDEX relations_object ON relations (object_id)`,
      `CREATE TABLE events (
        id {{ID}},
        document_id {{BIG}} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        type TEXT NOT NULL,
        mode TEXT,
        cameo TEXT,
        trigger_text TEXT NOT NULL,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        date_value TEXT,
        date_text TEXT,
        date_basis TEXT,
        location_id {{BIG}} REFERENCES doc_entities(id) ON DELETE SET NULL,
        location_text TEXT,
        negated INTEGER NOT NULL,
        modality TEXT,
        reported_by_id {{BIG}} REFERENCES doc_entities(id) ON DELETE SET NULL,
        sentence_index INTEGER NOT NULL,
        sentence_start INTEGER,
        sentence_end INTEGER
      )`,
      `CREATE INDEX events_document ON events (document_id)`,
      `CREATE TABLE event_roles (
        event_id {{BIG}} NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        doc_entity_id {{BIG}} NOT NULL REFERENCES doc_entities(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        PRIMARY KEY (event_id, doc_entity_id, role)
      )`,
      `CREATE INDEX event_roles_entity ON event_roles (doc_entity_id)`,
      `CREATE TABLE identity_decisions (
        id {{ID}},
        kind TEXT NOT NULL,
        ref_a TEXT NOT NULL,
        ref_b TEXT NOT NULL,
        note TEXT,
        created_at TEXT NOT NULL
      )`,
      `CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
    ],
    sqlite: [
      `CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2')`,
      `CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2')`,
    ],
    postgres: [
      `ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', text), 'B')) STORED`,
      `CREATE INDEX documents_tsv ON documents USING GIN (tsv)`,
      `ALTER TABLE quotes ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED`,
      `CREATE INDEX quotes_tsv ON quotes USING GIN (tsv)`,
      `CREATE INDEX entity_names_fold_prefix ON entity_names (fold text_pattern_ops)`,
    ],
  },
  {
    version: 2,
    name: 'SQLite: document search index reads titles and text from documents, so snippets work',
    common: [],
    sqlite: [
      'DROP TABLE documents_fts',
      `CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')`,
      `INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')`,
      // a title word counts five times a body word
      `INSERT INTO documents_fts (documents_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)')`,
    ],
    postgres: [],
  },
  {
    version: 3,
    name: 'attributes of document entities (occupation, nationality) for identity evidence',
    common: ['ALTER TABLE doc_entities ADD COLUMN attributes TEXT'],
    sqlite: [],
    postgres: [],
  },
  {
    version: 4,
    name: 'the text of each event sentence and relation span, cut in JavaScript offsets at ingest',
    common: ['ALTER TABLE events ADD COLUMN sentence_text TEXT', 'ALTER TABLE relations ADD COLUMN span_text TEXT'],
    sqlite: [],
    postgres: [],
  },
  {
    version: 5,
    name: 'near-duplicate links kept by the store: a copy of a story points at its first copy',
    // the table may exist already: openDuplicateLinks made it beside the store before it was
    // part of the schema (same columns)
    common: [],
    sqlite: [NEAR_DUPLICATES_TABLE.sqlite, 'CREATE INDEX IF NOT EXISTS near_duplicates_of ON near_duplicates (duplicate_of)'],
    postgres: [NEAR_DUPLICATES_TABLE.postgres, 'ALTER TABLE near_duplicates ADD COLUMN IF NOT EXISTS shingles INTEGER', 'CREATE INDEX IF NOT EXISTS near_duplicates_of ON near_duplicates (duplicate_of)'],
    after: async (tx) => {
      if (tx.dialect !== 'sqlite') return;
      // a table made before shingle counts were kept
      const cols = await tx.all<{ name: string }>('PRAGMA table_info(near_duplicates)');
      if (!cols.some((c) => c.name === 'shingles')) await tx.exec('ALTER TABLE near_duplicates ADD COLUMN shingles INTEGER');
    },
  },
  {
    version: 6,
    name: 'the words naming a quote\'s speaker when no entity stands for it ("police", "a senior official")',
    common: ['ALTER TABLE quotes ADD COLUMN speaker_text TEXT'],
    sqlite: [],
    postgres: [],
  },
  {
    version: 7,
    name: 'what a document says about each entity for identity evidence: countries, parents, titles, generic names',
    common: ['ALTER TABLE doc_entities ADD COLUMN context TEXT'],
    sqlite: [],
    postgres: [],
    // documents stored before: read the context from their stored results
    after: async (tx) => {
      const { entityContexts } = await import('./context.js');
      const docs = await tx.all<{ id: number; result: string }>('SELECT id, result FROM documents ORDER BY id');
      for (const d of docs) {
        const contexts = entityContexts(JSON.parse(d.result) as Parameters<typeof entityContexts>[0]);
        for (const [local, ctx] of contexts) {
          if (Object.keys(ctx).length) await tx.run('UPDATE doc_entities SET context = ? WHERE document_id = ? AND local_id = ?', [JSON.stringify(ctx), d.id, local]);
        }
      }
    },
  },
  {
    version: 8,
    name: 'the factuality of each event (asserted, negated, alleged, future …), shown wherever the event is',
    common: ['ALTER TABLE events ADD COLUMN factuality TEXT'],
    sqlite: [],
    postgres: [],
    // documents stored before: read it from their stored results
    after: (tx) => fillEventColumn(tx, 'factuality', (e) => (typeof e.factuality === 'string' && e.factuality ? e.factuality : null)),
  },
  {
    version: 9,
    name: 'places in the world: each event\'s coordinates, country and the rule that placed it; each place entity\'s gazetteer entry',
    common: [
      ...Object.entries({ place_id: 'TEXT', place_name: 'TEXT', place_country: 'TEXT', place_lat: 'REAL', place_lon: 'REAL', place_source: 'TEXT' })
        .map(([column, type]) => `ALTER TABLE events ADD COLUMN ${column} ${type}`),
      'CREATE INDEX IF NOT EXISTS events_place_country ON events (place_country)',
      'ALTER TABLE doc_entities ADD COLUMN place TEXT',
      'ALTER TABLE doc_entities ADD COLUMN place_country TEXT',
      'CREATE INDEX IF NOT EXISTS doc_entities_place_country ON doc_entities (place_country)',
    ],
    sqlite: [],
    postgres: [],
    // documents stored before: read the places from their stored results (absent before schema 1.5)
    after: async (tx) => {
      const { placeColumns } = await import('./places.js');
      const docs = await tx.all<{ id: number; result: string }>('SELECT id, result FROM documents ORDER BY id');
      for (const d of docs) {
        const result = JSON.parse(d.result) as { events?: (Parameters<typeof placeColumns>[0] & { id: string })[]; entities?: { id: string; place?: { country: string } }[] };
        for (const e of result.events ?? []) {
          const c = placeColumns(e);
          if (c.place_source !== null) {
            await tx.run('UPDATE events SET place_id = ?, place_name = ?, place_country = ?, place_lat = ?, place_lon = ?, place_source = ? WHERE document_id = ? AND local_id = ?',
              [c.place_id, c.place_name, c.place_country, c.place_lat, c.place_lon, c.place_source, d.id, e.id]);
          }
        }
        for (const e of result.entities ?? []) {
          if (e.place) await tx.run('UPDATE doc_entities SET place = ?, place_country = ? WHERE document_id = ? AND local_id = ?', [JSON.stringify(e.place), e.place.country, d.id, e.id]);
        }
      }
    },
  },
  {
    version: 10,
    name: 'event participants no entity stands for ("police", "protesters"): their words, offsets, role and CAMEO agent code (JSON)',
    common: ['ALTER TABLE events ADD COLUMN groups TEXT'],
    sqlite: [],
    postgres: [],
    // documents stored before: read them from their stored results (absent before result schema 1.6)
    after: (tx) => fillEventColumn(tx, 'groups', (e) => (Array.isArray(e.groups) && e.groups.length ? JSON.stringify(e.groups) : null)),
  },
  {
    version: 11,
    name: "events' calibrated confidence (a status needs a confident event)",
    common: ['ALTER TABLE events ADD COLUMN confidence REAL'],
    sqlite: [],
    postgres: [],
    // documents stored before: read it from their stored results (absent before result schema 1.3)
    after: (tx) => fillEventColumn(tx, 'confidence', (e) => (typeof e.confidence === 'number' ? e.confidence : null)),
  },
  {
    version: 12,
    name: "quotes' speaker confidence (a speaker reached through a coreference link, or guessed by the ranker's fill)",
    common: ['ALTER TABLE quotes ADD COLUMN confidence REAL'],
    sqlite: [],
    postgres: [],
    // documents stored before: read it from their stored results (absent before result schema 1.7)
    after: async (tx) => {
      const docs = await tx.all<{ id: number; result: string }>('SELECT id, result FROM documents ORDER BY id');
      for (const d of docs) {
        for (const q of (JSON.parse(d.result) as { quotes?: Array<{ start: number; end: number; confidence?: unknown }> }).quotes ?? []) {
          if (typeof q.confidence === 'number') await tx.run('UPDATE quotes SET confidence = ? WHERE document_id = ? AND start_offset = ? AND end_offset = ?', [q.confidence, d.id, q.start, q.end]);
        }
      }
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Fill a column added to `events` from the documents' stored results (the value of each result event; null leaves it). */
async function fillEventColumn(tx: Sql, column: 'factuality' | 'groups' | 'confidence', value: (e: Record<string, unknown>) => string | number | null): Promise<void> {
  const docs = await tx.all<{ id: number; result: string }>('SELECT id, result FROM documents ORDER BY id');
  for (const d of docs) {
    const events = (JSON.parse(d.result) as { events?: Array<Record<string, unknown> & { id: string }> }).events ?? [];
    for (const e of events) {
      const v = value(e);
      if (v !== null) await tx.run(`UPDATE events SET ${column} = ? WHERE document_id = ? AND local_id = ?`, [v, d.id, e.id]);
    }
  }
}

/**
 * Bring the schema up to date in one transaction. Processes opening one empty database at once
 * (workers started together) take turns: SQLite's BEGIN IMMEDIATE, and on PostgreSQL an
 * advisory lock per schema, so the second finds the work done instead of racing the first.
 */
export async function migrate(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    if (tx.dialect === 'postgres') await tx.exec(PG_MIGRATE_LOCK);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const row = await tx.get<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    const current = row?.v === null || row?.v === undefined ? 0 : Number(row.v);
    if (current > SCHEMA_VERSION) throw new Error(`the database schema is version ${current}, newer than this chronicle (${SCHEMA_VERSION}); upgrade chronicle`);
    let applied = 0;
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      for (const stmt of [...m.common, ...(tx.dialect === 'sqlite' ? m.sqlite : m.postgres)]) {
        await tx.exec(stmt.replaceAll('{{ID}}', ID[tx.dialect]).replaceAll('{{BIG}}', BIG[tx.dialect]));
      }
      await m.after?.(tx);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, new Date().toISOString()]);
      applied++;
    }
    return applied;
  });
}

const PG_MIGRATE_LOCK = 'SELECT pg_advisory_xact_lock(7406003, hashtext(current_schema()))';
