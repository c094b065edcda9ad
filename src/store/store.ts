/**
 * The knowledge store: documents with every extraction layer, and identities across
 * documents. One implementation over the Sql layer serves SQLite and PostgreSQL; only full-text
 * search differs (FTS5 vs tsvector). Each document is ingested in one transaction.
 */
import { createHash } from 'node:crypto';
import type { Result } from '../output/schema.js';
import type { Db, Row, Sql, SqlValue } from './db.js';
import { openDb } from './db.js';
import { memberRef, Resolver, type Decision, type Member } from './identity.js';
import { entityContexts, withoutPronounEntities, type EntityContext } from './context.js';
import { migrate } from './migrations.js';
import { countryFilter, placeColumns } from './places.js';
import { foldName, nameKey, parsePersonName } from './names.js';
import { buildCase, normalText } from './case.js';
import { NearDuplicateIndex, sketch, signatureFromBuffer, signatureToBuffer, DEFAULT_THRESHOLD, type Sketch } from './dedup.js';
import { trustedDay } from '../ingest/published.js';
import { ExportReader } from './export.js';
import type {
  CaseFile, CopyView, DocumentSummary, DocumentView, DuplicateRef, EntityProfile, EntitySummary, IngestOutcome, MemberView, QuoteView,
  RelationView, SearchHits, SourceRef, SourceWithCopies, Store, StoreStats, EventPlaceRow,
} from './types.js';

export const DEFAULT_DB = './chronicle.db';

/** The identity of a document's content: same text, title and date → same document. */
export function contentHash(doc: { text: string; title?: string | null; published?: string | null }): string {
  return createHash('sha256').update(JSON.stringify([doc.text, doc.title ?? null, doc.published ?? null])).digest('hex');
}

export interface OpenOptions {
  /** PostgreSQL schema to use (created if missing); tests use one each */
  pgSchema?: string;
  /** estimated Jaccard similarity at or above which a new document is a copy of a stored one */
  duplicateThreshold?: number;
}

/** Open (and migrate) a store: a SQLite path (default ./chronicle.db) or a postgres:// URL. */
export async function openStore(url: string = DEFAULT_DB, options: OpenOptions = {}): Promise<Store> {
  const db = await openDb(url, options);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return new SqlStore(db, options.duplicateThreshold);
}

interface DocEntityRow {
  id: number;
  document_id: number;
  ref: string;
  type: string;
  name: string;
  aliases: string;
  mention_count: number;
  entity_id: number | null;
  attributes: string | null;
  context: string | null;
}

const now = () => new Date().toISOString();

function inList(n: number): string {
  return new Array(n).fill('?').join(',');
}

/** Words of a user query as an FTS5 expression: each word quoted, so no syntax leaks in. */
function ftsQuery(q: string): string {
  const words = q.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.slice(0, 16).map((w) => `"${w}"`).join(' ');
}

export class SqlStore implements Store {
  readonly kind: 'sqlite' | 'postgres';
  private resolver: Resolver | null = null;
  private resolverGeneration = -1;
  /** the 'relinked' count the in-memory identities reflect, and the last document entity they hold */
  private resolverRelinked = -1;
  private resolverMaxMember = 0;
  /** signatures of every stored document, loaded at the first ingest and kept in step with near_duplicates */
  private duplicates: NearDuplicateIndex | null = null;
  private duplicatesSeq = 0;

  constructor(private readonly db: Db, private readonly duplicateThreshold = DEFAULT_THRESHOLD) {
    this.kind = db.dialect;
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  async findByContent(doc: { text: string; title?: string | null; published?: string | null }): Promise<number | null> {
    const row = await this.db.get<{ id: number }>('SELECT id FROM documents WHERE content_hash = ?', [contentHash(doc)]);
    return row ? Number(row.id) : null;
  }

  // ---------------------------------------------------------------- ingest

  /**
   * Store one result. In the same transaction the document is checked against every stored
   * one and, when it is a near-duplicate (a syndicated or lightly edited copy), linked to the
   * first copy of the story, whichever path it came by (CLI, API, queue worker). `textSketch`
   * lets a caller that already computed the MinHash sketch of `result.text` (in a worker
   * thread) spare the writer the work.
   */
  async ingest(given: Result, textSketch?: Sketch): Promise<IngestOutcome> {
    // an entity named only by a pronoun ("I" taken for an organisation) is no entity of its own
    const result = withoutPronounEntities(given);
    const hash = contentHash(result);
    const sk = textSketch ?? sketch(result.text);
    try {
      return await this.db.transaction(async (tx) => {
        if (tx.dialect === 'postgres') await tx.exec(PG_WRITE_LOCK);
        const existing = await tx.get<{ id: number; duplicate_of: number | null; similarity: number | null }>(
          'SELECT d.id, nd.duplicate_of, nd.similarity FROM documents d LEFT JOIN near_duplicates nd ON nd.document_id = d.id WHERE d.content_hash = ?', [hash]);
        if (existing) {
          return { id: Number(existing.id), status: 'unchanged' as const, entities: 0, events: 0, duplicate_of: existing.duplicate_of === null ? null : Number(existing.duplicate_of), similarity: existing.similarity === null ? null : Number(existing.similarity) };
        }
        const resolver = await this.loadResolver(tx);
        const index = await this.loadDuplicates(tx);
        const { result: stored } = { result: { ...result, tokens: undefined } };
        delete (stored as { tokens?: unknown }).tokens;
        const doc = await tx.run(
          `INSERT INTO documents (content_hash, external_id, title, source, url, published, text, result, pipeline, ingested_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
          // no document is stored dated before 1900, after its ingest, or on a placeholder day (published.ts)
          [hash, result.id || null, result.title, result.source, result.url, trustedDay(result.published), result.text, JSON.stringify(stored), result.schema, now()],
        );
        const docId = Number(doc.id);
        if (tx.dialect === 'sqlite') await tx.run('INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)', [docId, result.title, result.text]);
        // the first copy of the story this document repeats, if any (before the counts below)
        const match = index.add(String(docId), sk.sig, undefined, sk.size);
        const duplicateOf = match ? Number(match.of) : null;
        const similarity = match ? Math.round(match.similarity * 1000) / 1000 : null;
        const seq = await tx.run('INSERT INTO near_duplicates (document_id, signature, shingles, duplicate_of, similarity, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING seq AS id',
          [docId, signatureToBuffer(sk.sig), sk.size, duplicateOf, similarity, now()]);
        this.duplicatesSeq = Math.max(this.duplicatesSeq, Number(seq.id));

        // entities: one multi-row insert; ids come back with their local ids
        const local = new Map<string, number>();
        const members: Member[] = [];
        const seenRefs = new Set<string>();
        const entityRows: Values[] = [];
        const info = new Map<string, { ref: string; aliases: string[]; attributes?: Record<string, string>; context?: EntityContext }>();
        const contexts = entityContexts(result);
        const entities = result.entities;
        for (const e of entities) {
          if (info.has(e.id)) continue;
          const aliases = [...new Set(e.mentions.filter((m) => m.kind === 'name').map((m) => m.text).filter((t) => t !== e.name))];
          let ref = memberRef(hash, e.type, e.name);
          if (seenRefs.has(ref)) ref += `#${e.id}`;
          seenRefs.add(ref);
          const attributes = e.attributes && Object.keys(e.attributes).length ? e.attributes : undefined;
          const ctx = contexts.get(e.id);
          const context = ctx && Object.keys(ctx).length ? ctx : undefined;
          info.set(e.id, { ref, aliases, attributes, context });
          entityRows.push({ document_id: docId, local_id: e.id, ref, type: e.type, name: e.name, aliases: JSON.stringify(aliases), mention_count: e.mentions.length, attributes: attributes ? JSON.stringify(attributes) : null, context: context ? JSON.stringify(context) : null, place: e.place ? JSON.stringify(e.place) : null, place_country: e.place?.country ?? null });
        }
        for (const r of await insertRows<{ id: number; local_id: string }>(tx, 'doc_entities', entityRows, 'id, local_id')) {
          local.set(r.local_id, Number(r.id));
        }
        const mentionRows: Values[] = [];
        for (const e of entities) {
          const id = local.get(e.id)!;
          const { ref, aliases, attributes, context } = info.get(e.id)!;
          if (!members.some((m) => m.id === id)) members.push({ id, document: docId, ref, type: e.type, name: e.name, aliases, relations: [], mentions: e.mentions.length, attributes, context });
          for (const m of e.mentions) mentionRows.push({ document_id: docId, doc_entity_id: id, start_offset: m.start, end_offset: m.end, text: m.text, kind: m.kind });
        }
        await insertRows(tx, 'mentions', mentionRows);
        const entityRow = (localId: string | null | undefined): number | null => (localId ? local.get(localId) ?? null : null);

        await insertRows(tx, 'quotes', result.quotes.map((q) => ({
          document_id: docId, start_offset: q.start, end_offset: q.end, text: q.text, kind: q.kind,
          speaker_id: entityRow(q.speaker), speaker_text: q.speaker_text ?? null, cue: q.cue?.text ?? null, confidence: q.confidence ?? null,
        })));
        if (tx.dialect === 'sqlite' && result.quotes.length) await tx.run('INSERT INTO quotes_fts (rowid, text) SELECT id, text FROM quotes WHERE document_id = ?', [docId]);

        const byId = new Map(members.map((m) => [m.id, m]));
        const relationRows: Values[] = [];
        for (const r of result.relations) {
          const s = entityRow(r.subject);
          const o = entityRow(r.object);
          if (s === null || o === null) continue;
          relationRows.push({ document_id: docId, type: r.type, role: r.role ?? null, subject_id: s, object_id: o, start_offset: r.start, end_offset: r.end, span_text: result.text.slice(r.start, r.end) });
          byId.get(s)!.relations.push({ type: r.type, role: r.role ?? null, partner: o, side: 'subject' });
          byId.get(o)!.relations.push({ type: r.type, role: r.role ?? null, partner: s, side: 'object' });
        }
        await insertRows(tx, 'relations', relationRows);

        const eventRows: Values[] = [];
        const seenEvents = new Set<string>();
        for (const e of result.events) {
          if (seenEvents.has(e.id)) continue;
          seenEvents.add(e.id);
          const sentence = result.sentences[e.sentence];
          const locId = entityRow(e.location);
          eventRows.push({
            document_id: docId, local_id: e.id, type: e.type, mode: e.mode, cameo: e.cameo,
            trigger_text: e.trigger.text, trigger_start: e.trigger.start, trigger_end: e.trigger.end,
            date_value: e.date?.value ?? null, date_text: e.date?.text ?? null, date_basis: e.date?.basis ?? null,
            location_id: locId, location_text: locId === null ? e.location : null, negated: e.negated ? 1 : 0, modality: e.modality, factuality: e.factuality,
            groups: e.groups?.length ? JSON.stringify(e.groups) : null, confidence: e.confidence ?? null,
            reported_by_id: entityRow(e.reported_by), sentence_index: e.sentence, sentence_start: sentence?.start ?? null, sentence_end: sentence?.end ?? null,
            sentence_text: sentence ? result.text.slice(sentence.start, sentence.end) : null,
            ...placeColumns(e),
          });
        }
        const eventIds = new Map<string, number>();
        for (const r of await insertRows<{ id: number; local_id: string }>(tx, 'events', eventRows, 'id, local_id')) {
          eventIds.set(r.local_id, Number(r.id));
        }
        const roleRows: Values[] = [];
        const roles = new Set<string>();
        for (const e of result.events) {
          const eventId = eventIds.get(e.id)!;
          for (const [role, ids] of [['actor', e.actor], ['recipient', e.recipient]] as const) {
            for (const a of ids) {
              const id = entityRow(a);
              const key = `${eventId}:${role}:${id}`;
              if (id === null || roles.has(key)) continue;
              roles.add(key);
              roleRows.push({ event_id: eventId, doc_entity_id: id, role });
            }
          }
        }
        await insertRows(tx, 'event_roles', roleRows);

        resolver.addDocument(members);
        await this.writeLinks(tx, resolver, (d) => Number(index.rootOfDocument(String(d)) ?? d), members);
        await this.bumpGeneration(tx);
        return { id: docId, status: 'added' as const, entities: members.length, events: result.events.length, duplicate_of: duplicateOf, similarity };
      });
    } catch (err) {
      // the in-memory identities and signatures may hold what the rolled-back transaction did
      this.resolver = null;
      this.duplicates = null;
      throw err;
    }
  }

  /** The signature index, caught up with documents other writers stored (we hold the write lock). */
  private async loadDuplicates(tx: Sql): Promise<NearDuplicateIndex> {
    if (!this.duplicates) {
      this.duplicates = new NearDuplicateIndex(this.duplicateThreshold);
      this.duplicatesSeq = 0;
    }
    const rows = await tx.all<{ seq: number; document_id: number; signature: Uint8Array; shingles: number | null; duplicate_of: number | null }>(
      'SELECT seq, document_id, signature, shingles, duplicate_of FROM near_duplicates WHERE seq > ? ORDER BY seq', [this.duplicatesSeq]);
    for (const r of rows) {
      this.duplicates.add(String(r.document_id), signatureFromBuffer(r.signature), r.duplicate_of === null ? null : String(r.duplicate_of), r.shingles === null ? undefined : Number(r.shingles));
      this.duplicatesSeq = Math.max(this.duplicatesSeq, Number(r.seq));
    }
    return this.duplicates;
  }

  /** document id → the first copy of its story (itself unless it is a near-duplicate) */
  private async storyMap(tx: Sql): Promise<(doc: number) => number> {
    const rows = await tx.all<{ document_id: number; duplicate_of: number }>('SELECT document_id, duplicate_of FROM near_duplicates WHERE duplicate_of IS NOT NULL');
    const map = new Map(rows.map((r) => [Number(r.document_id), Number(r.duplicate_of)]));
    return (doc) => map.get(doc) ?? doc;
  }

  /**
   * Two counters in store_meta: 'generation' moves with every write of identities;
   * 'relinked' only when a write changed the links of entities already stored (merge, split,
   * recompute, an ingest that re-grouped identities). While 'relinked' stands still, another
   * writer only added documents, and the in-memory identities catch up with those alone.
   */
  private async counter(tx: Sql, key: 'generation' | 'relinked'): Promise<number> {
    const row = await tx.get<{ value: string }>('SELECT value FROM store_meta WHERE key = ?', [key]);
    return row ? Number(row.value) : 0;
  }

  private async bump(tx: Sql, key: 'generation' | 'relinked'): Promise<number> {
    const row = await tx.get<{ value: string }>(
      "INSERT INTO store_meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(store_meta.value AS INTEGER) + 1 AS TEXT) RETURNING value", [key]);
    return Number(row!.value);
  }

  private async bumpGeneration(tx: Sql): Promise<void> {
    this.resolverGeneration = await this.bump(tx, 'generation');
  }

  private async bumpRelinked(tx: Sql): Promise<void> {
    this.resolverRelinked = await this.bump(tx, 'relinked');
  }

  private async decisions(tx: Sql): Promise<Decision[]> {
    const rows = await tx.all<{ kind: string; ref_a: string; ref_b: string }>('SELECT kind, ref_a, ref_b FROM identity_decisions ORDER BY id');
    return rows.map((r) => ({ kind: r.kind === 'merge' ? 'merge' : 'split', a: r.ref_a, b: r.ref_b }));
  }

  /** Document entities (all, or those after `after`) with their relations, as the resolver takes them. */
  private async members(tx: Sql, after = 0): Promise<Array<Member & { entity_id: number | null }>> {
    const rows = await tx.all<DocEntityRow>(`SELECT id, document_id, ref, type, name, aliases, mention_count, entity_id, attributes, context FROM doc_entities WHERE id > ? ORDER BY document_id, id`, [after]);
    // a relation joins two entities of one document, so new entities have only new relations
    const rels = await tx.all<{ type: string; role: string | null; subject_id: number; object_id: number }>('SELECT type, role, subject_id, object_id FROM relations WHERE subject_id > ? OR object_id > ?', [after, after]);
    const byId = new Map<number, Member & { entity_id: number | null }>();
    for (const r of rows) {
      byId.set(Number(r.id), {
        id: Number(r.id), document: Number(r.document_id), ref: r.ref, type: r.type, name: r.name,
        aliases: JSON.parse(r.aliases) as string[], relations: [], mentions: Number(r.mention_count), attributes: r.attributes ? JSON.parse(r.attributes) as Record<string, string> : undefined,
        context: r.context ? JSON.parse(r.context) as EntityContext : undefined, entity_id: r.entity_id === null ? null : Number(r.entity_id),
      });
    }
    for (const r of rels) {
      byId.get(Number(r.subject_id))?.relations.push({ type: r.type, role: r.role, partner: Number(r.object_id), side: 'subject' });
      byId.get(Number(r.object_id))?.relations.push({ type: r.type, role: r.role, partner: Number(r.subject_id), side: 'object' });
    }
    return [...byId.values()];
  }

  /**
   * The identity index, kept in step with other writers: when they only added documents, their
   * entities are added to it (a worker among several no longer reloads every identity before
   * each document it stores); when they re-linked stored entities, it is rebuilt.
   */
  private async loadResolver(tx: Sql): Promise<Resolver> {
    const g = await this.counter(tx, 'generation');
    if (this.resolver && g === this.resolverGeneration) return this.resolver;
    const relinked = await this.counter(tx, 'relinked');
    if (this.resolver && relinked === this.resolverRelinked) {
      const fresh = await this.members(tx, this.resolverMaxMember);
      const byDoc = new Map<number, Member[]>();
      for (const m of fresh) {
        this.resolverMaxMember = Math.max(this.resolverMaxMember, m.id);
        if (m.entity_id === null) continue;
        this.resolver.restore(m, m.entity_id);
        if (!byDoc.has(m.document)) byDoc.set(m.document, []);
        byDoc.get(m.document)!.push(m);
      }
      this.resolver.indexDocuments([...byDoc.values()]);
      this.resolverGeneration = g;
      return this.resolver;
    }
    const resolver = new Resolver(await this.decisions(tx));
    let max = 0;
    for (const m of await this.members(tx)) {
      max = Math.max(max, m.id);
      if (m.entity_id !== null) resolver.restore(m, m.entity_id);
    }
    resolver.reindex();
    this.resolver = resolver;
    this.resolverGeneration = g;
    this.resolverRelinked = relinked;
    this.resolverMaxMember = max;
    return resolver;
  }

  /** Write the resolver's new links: create identities for new clusters, refresh touched ones. */
  private async writeLinks(tx: Sql, resolver: Resolver, storyOf: (doc: number) => number, fresh?: Member[]): Promise<void> {
    const { links, removed } = resolver.drain();
    // new identities: one insert; a temporary name_fold ("temp:-3", never a folded name) tells which row is which cluster
    const temps = [...new Set(links.map((l) => l.cluster).filter((c) => c < 0))];
    const created = await insertRows<{ id: number; name_fold: string }>(tx, 'entities',
      temps.map((t) => { const m = resolver.membersOf(t)[0]; return { type: m.type, name: m.name, name_fold: `temp:${t}` }; }), 'id, name_fold');
    for (const row of created) resolver.renameCluster(Number(row.name_fold.slice(5)), Number(row.id));
    const touched = new Set<number>();
    const updates: SqlValue[][] = [];
    for (const l of links) {
      const cluster = resolver.clusterIdOf(l.member)!;
      touched.add(cluster);
      updates.push([l.member, cluster, l.confidence, l.method, l.evidence]);
    }
    await updateLinks(tx, updates);
    for (const id of removed) {
      await tx.run('DELETE FROM entities WHERE id = ?', [id]);
      touched.delete(id);
    }
    const freshIds = new Set((fresh ?? []).map((m) => m.id));
    for (const id of freshIds) this.resolverMaxMember = Math.max(this.resolverMaxMember, id);
    if (fresh && removed.length === 0 && links.every((l) => freshIds.has(l.member))) {
      // the common case, a new document: identities only gained members
      await this.refreshGrown(tx, [...touched], resolver, storyOf, fresh);
    } else {
      for (const id of touched) await this.refreshEntity(tx, id, resolver.membersOf(id), storyOf);
      // stored entities changed identity: other writers must rebuild, not only catch up
      if (fresh) await this.bumpRelinked(tx);
    }
  }

  /** Identities that only gained members: counts and name in one update, new names in one insert. */
  private async refreshGrown(tx: Sql, ids: number[], resolver: Resolver, storyOf: (doc: number) => number, fresh: Member[]): Promise<void> {
    const rows: SqlValue[][] = [];
    for (const id of ids) {
      const members = resolver.membersOf(id);
      const name = displayName(members);
      const types = new Map<string, number>();
      for (const m of members) types.set(m.type, (types.get(m.type) ?? 0) + m.mentions);
      const type = [...types].sort((a, b) => b[1] - a[1])[0][0];
      const counts = storyCounts(members, storyOf);
      rows.push([id, name, foldName(name), type, counts.documents, counts.mentions]);
    }
    for (let i = 0; i < rows.length; i += 300) {
      const chunk = rows.slice(i, i + 300);
      await tx.run(
        `UPDATE entities SET name = v.column2, name_fold = v.column3, type = v.column4, document_count = v.column5, mention_count = v.column6
         FROM (VALUES ${chunk.map(() => '(CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS INTEGER), CAST(? AS INTEGER))').join(', ')}) AS v
         WHERE entities.id = v.column1`, chunk.flat());
    }
    const names = new Map<string, SqlValue[]>();
    for (const m of fresh) {
      const id = resolver.clusterIdOf(m.id)!;
      for (const n of [m.name, ...m.aliases].map((x) => x.trim()).filter(Boolean)) names.set(`${id}\u0000${n}`, [id, n, foldName(n), nameKey(n)]);
    }
    const list = [...names.values()];
    for (let i = 0; i < list.length; i += 400) {
      const chunk = list.slice(i, i + 400);
      await tx.run(`INSERT INTO entity_names (entity_id, name, fold, skeleton) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')} ON CONFLICT DO NOTHING`, chunk.flat());
    }
  }

  /** Recompute an identity's display name, counts and searchable names from its members. */
  private async refreshEntity(tx: Sql, id: number, members: Member[], storyOf: (doc: number) => number): Promise<void> {
    if (members.length === 0) {
      await tx.run('DELETE FROM entities WHERE id = ?', [id]);
      return;
    }
    const name = displayName(members);
    const types = new Map<string, number>();
    for (const m of members) types.set(m.type, (types.get(m.type) ?? 0) + m.mentions);
    const type = [...types].sort((a, b) => b[1] - a[1])[0][0];
    const { documents: docs, mentions } = storyCounts(members, storyOf);
    await tx.run('UPDATE entities SET name = ?, name_fold = ?, type = ?, document_count = ?, mention_count = ? WHERE id = ?', [name, foldName(name), type, docs, mentions, id]);
    const names = new Set<string>();
    for (const m of members) for (const n of [m.name, ...m.aliases]) names.add(n.trim());
    const have = new Set((await tx.all<{ name: string }>('SELECT name FROM entity_names WHERE entity_id = ?', [id])).map((r) => r.name));
    const fresh = [...names].filter((n) => n && !have.has(n));
    for (let i = 0; i < fresh.length; i += 400) {
      const chunk = fresh.slice(i, i + 400);
      await tx.run(`INSERT INTO entity_names (entity_id, name, fold, skeleton) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')} ON CONFLICT DO NOTHING`, chunk.flatMap((n) => [id, n, foldName(n), nameKey(n)]));
    }
    for (const n of have) if (!names.has(n)) await tx.run('DELETE FROM entity_names WHERE entity_id = ? AND name = ?', [id, n]);
  }

  async resolveAll(): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (tx.dialect === 'postgres') await tx.exec(PG_WRITE_LOCK);
      await this.recompute(tx);
    });
  }

  private async recompute(tx: Sql): Promise<void> {
    const all = await this.members(tx);
    const resolver = new Resolver(await this.decisions(tx));
    const byDoc = new Map<number, Member[]>();
    for (const m of all) {
      if (!byDoc.has(m.document)) byDoc.set(m.document, []);
      byDoc.get(m.document)!.push(m);
    }
    for (const list of byDoc.values()) resolver.addDocument(list);
    const { links } = resolver.drain();
    // keep an identity's id when most of its members stay together, so links stay valid
    const oldOf = new Map(all.map((m) => [m.id, m.entity_id]));
    const clusters = new Map<number, number[]>();
    for (const l of links) {
      if (!clusters.has(l.cluster)) clusters.set(l.cluster, []);
      clusters.get(l.cluster)!.push(l.member);
    }
    const taken = new Set<number>();
    const order = [...clusters].sort((a, b) => b[1].length - a[1].length);
    for (const [temp, ids] of order) {
      const votes = new Map<number, number>();
      for (const id of ids) {
        const old = oldOf.get(id);
        if (old !== null && old !== undefined && !taken.has(old)) votes.set(old, (votes.get(old) ?? 0) + 1);
      }
      const best = [...votes].sort((a, b) => b[1] - a[1])[0];
      if (best) {
        taken.add(best[0]);
        resolver.renameCluster(temp, best[0]);
      }
    }
    const byCluster = new Map<number, number>();
    for (const l of links) byCluster.set(l.member, resolver.clusterIdOf(l.member)!);
    // identities no cluster kept are removed; their members are re-linked below
    const kept = new Set(byCluster.values());
    const existing = await tx.all<{ id: number }>('SELECT id FROM entities');
    for (const e of existing) if (!kept.has(Number(e.id))) await tx.run('DELETE FROM entities WHERE id = ?', [Number(e.id)]);
    const renamedLinks = links.map((l) => ({ ...l, cluster: byCluster.get(l.member)! }));
    const touched = new Set<number>();
    const created = new Map<number, number>();
    const updates: SqlValue[][] = [];
    for (const l of renamedLinks) {
      let cluster = created.get(l.cluster) ?? l.cluster;
      if (cluster < 0) {
        const m = resolver.membersOf(l.cluster)[0];
        const row = await tx.run('INSERT INTO entities (type, name, name_fold) VALUES (?, ?, ?) RETURNING id', [m.type, m.name, foldName(m.name)]);
        const id = Number(row.id);
        resolver.renameCluster(l.cluster, id);
        created.set(l.cluster, id);
        cluster = id;
      }
      touched.add(cluster);
      updates.push([l.member, cluster, l.confidence, l.method, l.evidence]);
    }
    await updateLinks(tx, updates);
    const storyOf = await this.storyMap(tx);
    for (const id of touched) await this.refreshEntity(tx, id, resolver.membersOf(id), storyOf);
    this.resolver = resolver;
    this.resolverMaxMember = all.reduce((n, m) => Math.max(n, m.id), 0);
    await this.bumpRelinked(tx);
    await this.bumpGeneration(tx);
  }

  async merge(a: number, b: number, note?: string): Promise<number> {
    if (!isRowId(a) || !isRowId(b)) throw new NotFound(`no identity ${isRowId(a) ? b : a}`);
    if (a === b) return a;
    return this.db.transaction(async (tx) => {
      if (tx.dialect === 'postgres') await tx.exec(PG_WRITE_LOCK);
      const ma = await tx.all<{ ref: string }>('SELECT ref FROM doc_entities WHERE entity_id = ? ORDER BY id', [a]);
      const mb = await tx.all<{ ref: string }>('SELECT ref FROM doc_entities WHERE entity_id = ? ORDER BY id', [b]);
      if (ma.length === 0 || mb.length === 0) throw new NotFound(`no identity ${ma.length === 0 ? a : b}`);
      // a merge overrides an earlier split between the same members
      const refsA = ma.map((r) => r.ref);
      const refsB = mb.map((r) => r.ref);
      await tx.run(`DELETE FROM identity_decisions WHERE kind = 'split' AND ((ref_a IN (${inList(refsA.length)}) AND ref_b IN (${inList(refsB.length)})) OR (ref_a IN (${inList(refsB.length)}) AND ref_b IN (${inList(refsA.length)})))`, [...refsA, ...refsB, ...refsB, ...refsA]);
      for (const r of refsB) await tx.run('INSERT INTO identity_decisions (kind, ref_a, ref_b, note, created_at) VALUES (?, ?, ?, ?, ?)', ['merge', refsA[0], r, note ?? null, now()]);
      await this.recompute(tx);
      const row = await tx.get<{ entity_id: number }>('SELECT entity_id FROM doc_entities WHERE ref = ?', [refsA[0]]);
      return Number(row!.entity_id);
    });
  }

  async split(id: number, memberIds: number[], note?: string): Promise<number> {
    if (!isRowId(id)) throw new NotFound(`no identity ${id}`);
    if (!memberIds.every(isRowId)) throw new BadRequest('members must be document entities of this identity');
    return this.db.transaction(async (tx) => {
      if (tx.dialect === 'postgres') await tx.exec(PG_WRITE_LOCK);
      const rows = await tx.all<{ id: number; ref: string }>('SELECT id, ref FROM doc_entities WHERE entity_id = ? ORDER BY id', [id]);
      if (rows.length === 0) throw new NotFound(`no identity ${id}`);
      const chosen = new Set(memberIds);
      const part = rows.filter((r) => chosen.has(Number(r.id)));
      const rest = rows.filter((r) => !chosen.has(Number(r.id)));
      if (part.length === 0 || part.length !== chosen.size) throw new BadRequest('members must be document entities of this identity');
      if (rest.length === 0) throw new BadRequest('a split must leave at least one member behind');
      const refsP = part.map((r) => r.ref);
      const refsR = rest.map((r) => r.ref);
      await tx.run(`DELETE FROM identity_decisions WHERE kind = 'merge' AND ((ref_a IN (${inList(refsP.length)}) AND ref_b IN (${inList(refsR.length)})) OR (ref_a IN (${inList(refsR.length)}) AND ref_b IN (${inList(refsP.length)})))`, [...refsP, ...refsR, ...refsR, ...refsP]);
      for (const p of refsP) for (const r of refsR) await tx.run('INSERT INTO identity_decisions (kind, ref_a, ref_b, note, created_at) VALUES (?, ?, ?, ?, ?)', ['split', p, r, note ?? null, now()]);
      for (const p of refsP.slice(1)) await tx.run('INSERT INTO identity_decisions (kind, ref_a, ref_b, note, created_at) VALUES (?, ?, ?, ?, ?)', ['merge', refsP[0], p, note ?? null, now()]);
      await this.recompute(tx);
      const row = await tx.get<{ entity_id: number }>('SELECT entity_id FROM doc_entities WHERE ref = ?', [refsP[0]]);
      return Number(row!.entity_id);
    });
  }

  // ---------------------------------------------------------------- reading

  async generation(): Promise<number> {
    const row = await this.db.get<{ value: string }>("SELECT value FROM store_meta WHERE key = 'generation'");
    return row ? Number(row.value) : 0;
  }

  exportReader(): ExportReader {
    return new ExportReader(this.db);
  }

  async stats(): Promise<StoreStats> {
    const one = async (sql: string) => Number((await this.db.get<{ n: number }>(sql))!.n);
    // a copy's events and quotes are the first copy's again: not counted twice
    const original = (table: string) => `SELECT COUNT(*) AS n FROM ${table} x WHERE NOT EXISTS (SELECT 1 FROM near_duplicates nd WHERE nd.document_id = x.document_id AND nd.duplicate_of IS NOT NULL)`;
    return {
      documents: await one('SELECT COUNT(*) AS n FROM documents'),
      copies: await one('SELECT COUNT(*) AS n FROM near_duplicates WHERE duplicate_of IS NOT NULL'),
      entities: await one('SELECT COUNT(*) AS n FROM entities'),
      events: await one(original('events')),
      quotes: await one(original('quotes')),
    };
  }

  private summarySql = `SELECT d.id, d.external_id, d.title, d.source, d.url, d.published, d.ingested_at,
      (SELECT COUNT(*) FROM doc_entities x WHERE x.document_id = d.id) AS entity_count,
      (SELECT COUNT(*) FROM events x WHERE x.document_id = d.id) AS event_count,
      (SELECT COUNT(*) FROM quotes x WHERE x.document_id = d.id) AS quote_count,
      nd.duplicate_of AS dup_id, nd.similarity AS dup_similarity, r.title AS dup_title,
      (SELECT COUNT(*) FROM near_duplicates c WHERE c.duplicate_of = d.id) AS copy_count
    FROM documents d LEFT JOIN near_duplicates nd ON nd.document_id = d.id LEFT JOIN documents r ON r.id = nd.duplicate_of`;

  async listDocuments(options: { limit?: number; offset?: number } = {}): Promise<{ total: number; items: DocumentSummary[] }> {
    const limit = clampCount(options.limit, 50, 500);
    // (an offset past any store is an empty page on both stores, never a driver error)
    const offset = clampCount(options.offset, 0, MAX_OFFSET, 0);
    const total = Number((await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM documents'))!.n);
    const rows = await this.db.all<SummaryRow>(`${this.summarySql} ORDER BY d.published DESC, d.id DESC LIMIT ? OFFSET ?`, [limit, offset]);
    return { total, items: rows.map(numSummary) };
  }

  async getDocument(id: number): Promise<DocumentView | null> {
    if (!isRowId(id)) return null;
    const row = await this.db.get<SummaryRow & { text: string; result: string }>(`${this.summarySql.replace('d.ingested_at,', 'd.ingested_at, d.text, d.result,')} WHERE d.id = ?`, [id]);
    if (!row) return null;
    const links = await this.db.all<{ local_id: string; entity_id: number | null; name: string; type: string }>(
      'SELECT de.local_id, de.entity_id, e.name, e.type FROM doc_entities de LEFT JOIN entities e ON e.id = de.entity_id WHERE de.document_id = ?', [id]);
    const identities: DocumentView['identities'] = {};
    for (const l of links) identities[l.local_id] = l.entity_id === null ? undefined : { id: Number(l.entity_id), name: l.name, type: l.type };
    const copies = await this.db.all<CopyView>(
      `SELECT d.id, d.title, d.source, d.published, d.url, nd.similarity FROM near_duplicates nd JOIN documents d ON d.id = nd.document_id
       WHERE nd.duplicate_of = ? ORDER BY d.id`, [id]);
    const { text, result, ...summary } = row;
    return {
      ...numSummary(summary),
      copies: copies.map((c) => ({ ...c, id: Number(c.id), similarity: c.similarity === null ? null : Number(c.similarity) })),
      text, result: JSON.parse(result) as Result, identities,
    };
  }

  private async aliases(ids: number[]): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    if (ids.length === 0) return out;
    const rows = await this.db.all<{ entity_id: number; name: string }>(`SELECT entity_id, name FROM entity_names WHERE entity_id IN (${inList(ids.length)}) ORDER BY name`, ids);
    for (const r of rows) {
      const id = Number(r.entity_id);
      if (!out.has(id)) out.set(id, []);
      out.get(id)!.push(r.name);
    }
    return out;
  }

  private async summaries(rows: Array<{ id: number; name: string; type: string; document_count: number; mention_count: number }>): Promise<EntitySummary[]> {
    const aliases = await this.aliases(rows.map((r) => Number(r.id)));
    return rows.map((r) => ({
      id: Number(r.id), name: r.name, type: r.type,
      aliases: (aliases.get(Number(r.id)) ?? []).filter((a) => a !== r.name),
      document_count: Number(r.document_count), mention_count: Number(r.mention_count),
    }));
  }

  async searchEntities(options: { q?: string; type?: string; limit?: number; country?: string | null }): Promise<EntitySummary[]> {
    const limit = clampCount(options.limit, 20, 200);
    const where: string[] = [];
    const params: SqlValue[] = [];
    const country = countryFilter(options.country);
    if (country) {
      // a place in the country, or anyone or anything taking part in an event placed there
      where.push(`e.id IN (SELECT entity_id FROM doc_entities WHERE place_country = ? AND entity_id IS NOT NULL
        UNION SELECT de.entity_id FROM events ev JOIN event_roles r ON r.event_id = ev.id JOIN doc_entities de ON de.id = r.doc_entity_id WHERE ev.place_country = ? AND de.entity_id IS NOT NULL)`);
      params.push(country, country);
    }
    const q = options.q?.trim();
    if (q) {
      const fold = foldName(q);
      const key = nameKey(q);
      // by any name or alias: prefix of the folded name or of one of its words, or the same
      // transliteration key (Trufanow finds Trufanov)
      where.push(`e.id IN (SELECT entity_id FROM entity_names WHERE fold LIKE ? OR fold LIKE ? OR skeleton = ? OR skeleton LIKE ?)`);
      params.push(`${escapeLike(fold)}%`, `% ${escapeLike(fold)}%`, key, `% ${escapeLike(key)}`);
    }
    if (options.type) {
      where.push('e.type = ?');
      params.push(options.type);
    }
    const rows = await this.db.all<{ id: number; name: string; type: string; document_count: number; mention_count: number }>(
      `SELECT e.id, e.name, e.type, e.document_count, e.mention_count FROM entities e ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY e.document_count DESC, e.mention_count DESC, e.id LIMIT ?`, [...params, limit]);
    return this.summaries(rows);
  }

  private async entityRow(id: number): Promise<EntitySummary | null> {
    if (!isRowId(id)) return null;
    const row = await this.db.get<{ id: number; name: string; type: string; document_count: number; mention_count: number }>('SELECT id, name, type, document_count, mention_count FROM entities WHERE id = ?', [id]);
    return row ? (await this.summaries([row]))[0] : null;
  }

  async getEntity(id: number): Promise<EntityProfile | null> {
    if (!isRowId(id)) return null;
    // asked for at once, as the case file's parts are (timeline below)
    const [entity, members, relations, quotes] = await Promise.all([
      this.entityRow(id),
      this.db.all<MemberView>(
        `SELECT de.id AS member_id, de.name, de.confidence, de.method, de.evidence, d.id AS document_id, d.title, d.source, d.published, d.url, nd.duplicate_of
         FROM doc_entities de JOIN documents d ON d.id = de.document_id LEFT JOIN near_duplicates nd ON nd.document_id = d.id WHERE de.entity_id = ? ORDER BY d.published, d.id`, [id]),
      this.relations(id),
      this.quotes(id),
    ]);
    if (!entity) return null;
    return {
      ...entity,
      members: members.map((m) => ({
        ...m, member_id: Number(m.member_id), document_id: Number(m.document_id), confidence: m.confidence === null ? null : Number(m.confidence),
        duplicate_of: m.duplicate_of === null || m.duplicate_of === undefined ? null : Number(m.duplicate_of),
      })),
      relations,
      quotes,
    };
  }

  private async relations(id: number): Promise<RelationView[]> {
    const rows = await this.db.all<{
      type: string; role: string | null; side: string; other_entity: number | null; other_name: string; other_type: string; entity_name: string | null; entity_type: string | null;
      document_id: number; story_id: number; title: string | null; source: string | null; published: string | null; url: string | null; text_start: number | null; text_end: number | null; sentence: string;
    }>(
      `SELECT r.type, r.role, 'subject' AS side, o.entity_id AS other_entity, o.name AS other_name, o.type AS other_type, oe.name AS entity_name, oe.type AS entity_type,
              d.id AS document_id, COALESCE(nd.duplicate_of, d.id) AS story_id, d.title, d.source, d.published, d.url, r.start_offset AS text_start, r.end_offset AS text_end, COALESCE(r.span_text, substr(d.text, r.start_offset + 1, r.end_offset - r.start_offset)) AS sentence
       FROM relations r JOIN doc_entities s ON s.id = r.subject_id JOIN doc_entities o ON o.id = r.object_id LEFT JOIN entities oe ON oe.id = o.entity_id JOIN documents d ON d.id = r.document_id
            LEFT JOIN near_duplicates nd ON nd.document_id = d.id
       WHERE s.entity_id = ?
       UNION ALL
       SELECT r.type, r.role, 'object' AS side, s.entity_id AS other_entity, s.name AS other_name, s.type AS other_type, se.name AS entity_name, se.type AS entity_type,
              d.id AS document_id, COALESCE(nd.duplicate_of, d.id) AS story_id, d.title, d.source, d.published, d.url, r.start_offset AS text_start, r.end_offset AS text_end, COALESCE(r.span_text, substr(d.text, r.start_offset + 1, r.end_offset - r.start_offset)) AS sentence
       FROM relations r JOIN doc_entities s ON s.id = r.subject_id JOIN doc_entities o ON o.id = r.object_id LEFT JOIN entities se ON se.id = s.entity_id JOIN documents d ON d.id = r.document_id
            LEFT JOIN near_duplicates nd ON nd.document_id = d.id
       WHERE o.entity_id = ?
       ORDER BY document_id`, [id, id]);
    const grouped = new Map<string, { view: RelationView; rows: Array<SourceRef & { sentence: string; story_id: number }> }>();
    for (const r of rows) {
      const otherId = r.other_entity === null ? null : Number(r.other_entity);
      const key = `${r.type}|${(r.role ?? '').toLowerCase()}|${r.side}|${otherId ?? r.other_name}`;
      let g = grouped.get(key);
      if (!g) {
        g = { view: { type: r.type, role: r.role, side: r.side === 'subject' ? 'subject' : 'object', other: { id: otherId, name: r.entity_name ?? r.other_name, type: r.entity_type ?? r.other_type }, sources: [] }, rows: [] };
        grouped.set(key, g);
      }
      g.rows.push({ document_id: Number(r.document_id), story_id: Number(r.story_id), title: r.title, source: r.source, published: r.published, url: r.url, sentence: r.sentence });
    }
    // a relation told again by a near-duplicate copy is one source, with the copy listed under it
    for (const g of grouped.values()) g.view.sources = foldCopies(g.rows, () => '');
    return [...grouped.values()].map((g) => g.view).sort((a, b) => b.sources.length - a.sources.length || a.type.localeCompare(b.type));
  }

  private async quotes(id: number): Promise<{ by: QuoteView[]; about: QuoteView[] }> {
    const cols = `q.id AS quote_id, q.text, q.kind, q.start_offset AS start, q.end_offset AS "end", d.id AS document_id, COALESCE(nd.duplicate_of, d.id) AS story_id, d.title, d.source, d.published, d.url,
      sp.entity_id AS speaker_entity, COALESCE(se.name, sp.name, q.speaker_text) AS speaker_name, q.confidence`;
    const from = `FROM quotes q JOIN documents d ON d.id = q.document_id LEFT JOIN near_duplicates nd ON nd.document_id = d.id
      LEFT JOIN doc_entities sp ON sp.id = q.speaker_id LEFT JOIN entities se ON se.id = sp.entity_id`;
    type Q = { quote_id: number; text: string; kind: string; start: number; end: number; document_id: number; story_id: number; title: string | null; source: string | null; published: string | null; url: string | null; speaker_entity: number | null; speaker_name: string | null; confidence: number | string | null };
    const [by, about] = await Promise.all([this.db.all<Q>(`SELECT ${cols} ${from} WHERE sp.entity_id = ? ORDER BY d.published, q.id LIMIT 200`, [id]), this.db.all<Q>(
      `SELECT ${cols} ${from} WHERE (sp.entity_id IS NULL OR sp.entity_id <> ?) AND EXISTS (
         SELECT 1 FROM mentions m JOIN doc_entities de ON de.id = m.doc_entity_id
         WHERE m.document_id = q.document_id AND de.entity_id = ? AND m.start_offset >= q.start_offset AND m.end_offset <= q.end_offset)
       ORDER BY d.published, q.id LIMIT 200`, [id, id])]);
    const view = (q: Q) => ({
      quote_id: Number(q.quote_id), text: q.text, kind: q.kind, start: Number(q.start), end: Number(q.end), document_id: Number(q.document_id), story_id: Number(q.story_id),
      title: q.title, source: q.source, published: q.published, url: q.url,
      speaker: q.speaker_name === null ? null : { id: q.speaker_entity === null ? null : Number(q.speaker_entity), name: q.speaker_name },
      confidence: q.confidence === null || q.confidence === undefined ? null : Number(q.confidence),
    });
    // the same words in a near-duplicate copy are one quote, with the copy listed under it
    const fold = (qs: Q[]): QuoteView[] => foldCopies(qs.map(view), (q) => normalText(q.text));
    return { by: fold(by), about: fold(about) };
  }

  /** The case file; with `country` (ISO alpha-2), its timeline keeps only the events placed in that country. */
  async timeline(id: number, options: { country?: string | null } = {}): Promise<CaseFile | null> {
    if (!isRowId(id)) return null;
    const country = countryFilter(options.country);
    const eventRows = this.db.all<EventRow>(
      `SELECT ev.id AS event_id, ev.type, ev.mode, ev.cameo, ev.trigger_text, ev.trigger_start, ev.trigger_end, ev.date_value, ev.date_text, ev.date_basis, ev.negated, ev.modality, ev.factuality, ev.groups, ev.confidence,
              ev.place_name, ev.place_country, ev.place_lat, ev.place_lon, ev.place_source,
              r.role AS entity_role, COALESCE(le.name, loc.name, ev.location_text) AS location,
              d.id AS document_id, COALESCE(nd.duplicate_of, d.id) AS story_id, d.title, d.source, d.published, d.url,
              COALESCE(ev.sentence_text, CASE WHEN ev.sentence_start IS NULL THEN ev.trigger_text ELSE substr(d.text, ev.sentence_start + 1, ev.sentence_end - ev.sentence_start) END) AS sentence
       FROM event_roles r JOIN doc_entities de ON de.id = r.doc_entity_id JOIN events ev ON ev.id = r.event_id JOIN documents d ON d.id = ev.document_id
            LEFT JOIN doc_entities loc ON loc.id = ev.location_id LEFT JOIN entities le ON le.id = loc.entity_id LEFT JOIN near_duplicates nd ON nd.document_id = d.id
       WHERE de.entity_id = ?`, [id]);
    // everyone else in those events, by a join on the entity (not a long IN list)
    const participantRows = this.db.all<ParticipantRow>(
      `SELECT DISTINCT r2.event_id, r2.role, de2.entity_id, COALESCE(e.name, de2.name) AS name
       FROM event_roles r JOIN doc_entities de ON de.id = r.doc_entity_id
            JOIN event_roles r2 ON r2.event_id = r.event_id JOIN doc_entities de2 ON de2.id = r2.doc_entity_id LEFT JOIN entities e ON e.id = de2.entity_id
       WHERE de.entity_id = ?`, [id]);
    // the entity, its events, everyone in them and its relations are asked for at once: on
    // PostgreSQL each is a round trip on its own pooled connection, so the case file waits for the
    // slowest instead of their sum (SQLite answers each at once in turn, as before)
    const [entity, events, participants, relations] = await Promise.all([this.entityRow(id), eventRows, participantRows, this.relations(id)]);
    if (!entity) return null;
    const c = buildCase(entity, events, participants, relations);
    if (!country) return c;
    // the events placed in the country, each with its sources there; the status over time and the
    // conflicts stay the whole case's (a country is a view of the timeline, not another case)
    const events2 = c.events
      .map((e) => ({ ...e, sources: e.sources.filter((x) => x.place?.country === country) }))
      .filter((e) => e.sources.length > 0);
    return { ...c, events: events2 };
  }

  /** Documents mentioning these identities, newest first, each with its first naming mention as snippet. */
  private async documentsNaming(ids: number[], limit: number): Promise<DocHit[]> {
    const out: DocHit[] = [];
    const seen = new Set<number>();
    // one query per identity, asked for at once, read in the identities' order
    const perIdentity = await Promise.all(ids.map((id) => this.db.all<{ id: number; title: string | null; published: string | null; source: string | null; window: string; window_start: number; start_offset: number; end_offset: number; mention: string }>(
        `SELECT d.id, d.title, d.published, d.source, m.start_offset, m.end_offset, m.text AS mention,
                CASE WHEN m.start_offset > 80 THEN m.start_offset - 80 ELSE 0 END AS window_start,
                substr(d.text, CASE WHEN m.start_offset > 80 THEN m.start_offset - 79 ELSE 1 END, m.end_offset - m.start_offset + 160) AS window
         FROM doc_entities de JOIN mentions m ON m.doc_entity_id = de.id JOIN documents d ON d.id = de.document_id
         WHERE de.entity_id = ? AND m.id = (SELECT MIN(m2.id) FROM mentions m2 WHERE m2.doc_entity_id = de.id AND m2.kind = 'name')
         ORDER BY d.published DESC, d.id DESC LIMIT ?`, [id, limit])));
    for (const rows of perIdentity) {
      for (const r of rows) {
        const docId = Number(r.id);
        if (seen.has(docId)) continue;
        seen.add(docId);
        // SQL counts characters, offsets count UTF-16 units: find the mention near where it should be
        const w = r.window;
        const expected = Number(r.start_offset) - Number(r.window_start);
        const found = w.indexOf(r.mention, Math.max(0, expected - 8));
        const a = found >= 0 ? found : Math.min(expected, w.length);
        const b = Math.min(w.length, a + r.mention.length);
        // cut at word boundaries where the window cut the text
        const cutStart = Number(r.window_start) > 0;
        const cutEnd = w.length >= b - a + 160;
        const snippet = `${cutStart ? '…' : ''}${cutStart ? w.slice(0, a).replace(/^\S*\s/, '') : w.slice(0, a)}[${w.slice(a, b)}]${cutEnd ? `${w.slice(b).replace(/\s\S*$/, '')}…` : w.slice(b)}`.replace(/\s+/g, ' ');
        out.push({ id: docId, title: r.title, published: r.published, source: r.source, snippet });
      }
    }
    return out;
  }

  /**
   * Search; with `country` (ISO alpha-2), only documents that place an event or name a place in
   * that country, their quotes, and identities with a place or an event there.
   */
  async search(q: string, options: { limit?: number; country?: string | null } = {}): Promise<SearchHits> {
    const country = countryFilter(options.country);
    if (country) {
      const inCountry = await this.documentsInCountry(country);
      const hits = await this.search(q, { limit: 100 });
      const limit = clampCount(options.limit, 20, 100);
      return {
        documents: hits.documents.filter((d) => inCountry.has(d.id)).slice(0, limit),
        quotes: hits.quotes.filter((x) => inCountry.has(x.document_id)).slice(0, limit),
        entities: await this.searchEntities({ q, limit: 10, country }),
      };
    }
    const limit = clampCount(options.limit, 20, 100);
    type QuoteRow = { id: number; document_id: number; title: string | null; text: string; speaker_entity: number | null; speaker_name: string | null };
    // identities, documents and quotes are asked for at once (on PostgreSQL each is a round trip on
    // its own pooled connection: a query matching every document waits for the slowest, not the sum)
    let textHits: Promise<[DocHit[], QuoteRow[]]> = Promise.resolve([[], []]);
    if (this.kind === 'sqlite') {
      const expr = ftsQuery(q);
      if (expr) {
        textHits = (async () => {
          // rank first (bm25 over every match: the index alone), then make snippets for the page of
          // hits only, one row each (a MATCH with a rowid seeks; matching all again to filter by a
          // list of rowids cost 5× more on common words)
          const hits: DocHit[] = [];
          const top = await this.db.all<{ id: number }>('SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?', [expr, limit]);
          for (const { id } of top) {
            const hit = await this.db.get<DocHit>(
              `SELECT d.id, d.title, d.published, d.source, snippet(documents_fts, 1, '[', ']', '…', 16) AS snippet
               FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid WHERE documents_fts MATCH ? AND documents_fts.rowid = ?`, [expr, id]);
            if (hit) hits.push(hit);
          }
          const quoteRows = await this.db.all<QuoteRow>(
            `SELECT q.id, q.document_id, d.title, q.text, sp.entity_id AS speaker_entity, COALESCE(se.name, sp.name, q.speaker_text) AS speaker_name
             FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid JOIN documents d ON d.id = q.document_id
             LEFT JOIN doc_entities sp ON sp.id = q.speaker_id LEFT JOIN entities se ON se.id = sp.entity_id
             WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?`, [expr, limit]);
          return [hits, quoteRows];
        })();
      }
    } else if (q.trim()) {
      textHits = Promise.all([
        this.db.all<DocHit>(
          `SELECT d.id, d.title, d.published, d.source,
                  ts_headline('english', d.text, websearch_to_tsquery('english', ?), 'StartSel=[, StopSel=], MaxWords=24, MinWords=10, MaxFragments=1') AS snippet
           FROM documents d WHERE d.tsv @@ websearch_to_tsquery('english', ?) ORDER BY ts_rank(d.tsv, websearch_to_tsquery('english', ?)) DESC LIMIT ?`, [q, q, q, limit]),
        this.db.all<QuoteRow>(
          `SELECT q.id, q.document_id, d.title, q.text, sp.entity_id AS speaker_entity, COALESCE(se.name, sp.name, q.speaker_text) AS speaker_name
           FROM quotes q JOIN documents d ON d.id = q.document_id LEFT JOIN doc_entities sp ON sp.id = q.speaker_id LEFT JOIN entities se ON se.id = sp.entity_id
           WHERE q.tsv @@ websearch_to_tsquery('english', ?) ORDER BY ts_rank(q.tsv, websearch_to_tsquery('english', ?)) DESC LIMIT ?`, [q, q, limit]),
      ]);
    }
    const [entities, [textDocuments, quoteRows]] = await Promise.all([this.searchEntities({ q, limit: 10 }), textHits]);
    let documents = textDocuments;
    // articles naming a matching identity in any spelling come first (Trufanow finds the
    // articles that write Trufanov), then the full-text hits
    const byIdentity = await this.documentsNaming(entities.filter((e) => e.name.length > 0).slice(0, 3).map((e) => e.id), limit);
    const seen = new Set(byIdentity.map((d) => d.id));
    documents = [...byIdentity, ...documents.map((d) => ({ ...d, id: Number(d.id) })).filter((d) => !seen.has(d.id))].slice(0, limit);
    const links = await this.linksOf([...documents.map((d) => d.id), ...quoteRows.map((r) => Number(r.document_id))]);
    const storyOf = (id: number) => links.get(id)?.id ?? id;

    // one hit per story: a copy found with its first copy (or with another copy) is listed under it
    const docHits: SearchHits['documents'] = [];
    const docAt = new Map<number, number>();
    for (const d of documents) {
      const story = storyOf(d.id);
      const at = docAt.get(story);
      const hit = { ...d, duplicate_of: links.get(d.id) ?? null, copies: [] as SearchHits['documents'][number]['copies'] };
      if (at === undefined) {
        docAt.set(story, docHits.length);
        docHits.push(hit);
        continue;
      }
      const held = docHits[at];
      if (d.id === story) {
        // the first copy leads, in the place of the best-ranked copy of its story
        hit.copies = [{ id: held.id, title: held.title, source: held.source }, ...held.copies];
        docHits[at] = hit;
      } else held.copies.push({ id: d.id, title: d.title, source: d.source });
    }
    const quotes: SearchHits['quotes'] = [];
    const quoteAt = new Map<string, number>();
    for (const r of quoteRows) {
      const docId = Number(r.document_id);
      const key = `${storyOf(docId)}\u0000${normalText(r.text)}`;
      const at = quoteAt.get(key);
      if (at !== undefined && quotes[at].document_id !== docId) {
        quotes[at].copies.push({ document_id: docId, title: r.title });
        continue;
      }
      quoteAt.set(key, quotes.length);
      quotes.push({
        id: Number(r.id), document_id: docId, title: r.title, text: r.text, copies: [],
        speaker: r.speaker_name === null ? null : { id: r.speaker_entity === null ? null : Number(r.speaker_entity), name: r.speaker_name },
      });
    }
    return { documents: docHits, quotes, entities };
  }

  /** The countries events are placed in, with how many events each (for a country filter's choices). */
  async eventCountries(options: { entity?: number } = {}): Promise<Array<{ country: string; events: number }>> {
    const byEntity = options.entity !== undefined;
    if (byEntity && !isRowId(options.entity!)) return [];
    const rows = await this.db.all<{ country: string; events: number }>(
      `SELECT ev.place_country AS country, COUNT(*) AS events FROM events ev
       WHERE ev.place_country IS NOT NULL${byEntity ? ' AND ev.id IN (SELECT r.event_id FROM event_roles r JOIN doc_entities de ON de.id = r.doc_entity_id WHERE de.entity_id = ?)' : ''}
       GROUP BY ev.place_country ORDER BY events DESC, country`, byEntity ? [options.entity!] : []);
    return rows.map((r) => ({ country: r.country, events: Number(r.events) }));
  }

  /** Ids of the documents that place an event or name a place in this country. */
  private async documentsInCountry(country: string): Promise<Set<number>> {
    const rows = await this.db.all<{ id: number }>(
      'SELECT document_id AS id FROM events WHERE place_country = ? UNION SELECT document_id AS id FROM doc_entities WHERE place_country = ?', [country, country]);
    return new Set(rows.map((r) => Number(r.id)));
  }

  /**
   * Events placed in the world, for a map: those of one identity (as actor or recipient) and/or
   * in one country, newest documents first, each with its sentence and document.
   */
  async eventPlaces(options: { entity?: number; country?: string | null; limit?: number } = {}): Promise<EventPlaceRow[]> {
    const limit = clampCount(options.limit, 500, 5000);
    const country = countryFilter(options.country);
    const where = ['ev.place_lat IS NOT NULL', 'ev.place_lon IS NOT NULL'];
    const params: SqlValue[] = [];
    if (options.entity !== undefined) {
      if (!isRowId(options.entity)) return [];
      where.push('ev.id IN (SELECT r.event_id FROM event_roles r JOIN doc_entities de ON de.id = r.doc_entity_id WHERE de.entity_id = ?)');
      params.push(options.entity);
    }
    if (country) {
      where.push('ev.place_country = ?');
      params.push(country);
    }
    const rows = await this.db.all<EventPlaceRow>(
      `SELECT ev.id AS event_id, ev.type, ev.mode, ev.cameo, ev.trigger_text AS trigger, ev.trigger_start, ev.trigger_end, ev.date_value AS date, ev.factuality,
              ev.place_id, ev.place_name, ev.place_country, ev.place_lat, ev.place_lon, ev.place_source,
              d.id AS document_id, d.title, d.source, d.published, d.url,
              COALESCE(ev.sentence_text, ev.trigger_text) AS sentence
       FROM events ev JOIN documents d ON d.id = ev.document_id
       WHERE ${where.join(' AND ')} ORDER BY d.published DESC, d.id DESC, ev.id LIMIT ?`, [...params, limit]);
    return rows.map((r) => ({ ...r, event_id: Number(r.event_id), document_id: Number(r.document_id), trigger_start: Number(r.trigger_start), trigger_end: Number(r.trigger_end), place_lat: Number(r.place_lat), place_lon: Number(r.place_lon) }));
  }

  /** For the documents among `ids` that are near-duplicates: the first copy each repeats. */
  private async linksOf(ids: number[]): Promise<Map<number, DuplicateRef>> {
    const out = new Map<number, DuplicateRef>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 400) {
      const chunk = unique.slice(i, i + 400);
      const rows = await this.db.all<{ document_id: number; duplicate_of: number; similarity: number | null; title: string | null }>(
        `SELECT nd.document_id, nd.duplicate_of, nd.similarity, r.title FROM near_duplicates nd JOIN documents r ON r.id = nd.duplicate_of
         WHERE nd.duplicate_of IS NOT NULL AND nd.document_id IN (${inList(chunk.length)})`, chunk);
      for (const r of rows) out.set(Number(r.document_id), duplicateRef(r.duplicate_of, r.title, r.similarity)!);
    }
    return out;
  }
}

/** A document hit before near-duplicates are folded. */
type DocHit = Omit<SearchHits['documents'][number], 'duplicate_of' | 'copies'>;

export interface EventRow {
  event_id: number; type: string; mode: string | null; cameo: string | null; trigger_text: string; trigger_start: number; trigger_end: number;
  date_value: string | null; date_text: string | null; date_basis: string | null; negated: number; modality: string | null;
  /** asserted, negated, alleged, future … (null for events stored before it was kept: see factualityOf) */
  factuality?: string | null; entity_role: string; location: string | null;
  /** JSON list of the event's participants no entity stands for ({role, text, start, end, code}; null when none) */
  groups?: string | null;
  /** the detector's calibrated confidence (null: no model scored it, or stored before migration 11) */
  confidence?: number | null;
  /** where in the world (null for events stored before places, or placed nowhere) */
  place_name?: string | null; place_country?: string | null; place_lat?: number | null; place_lon?: number | null; place_source?: string | null;
  document_id: number; title: string | null; source: string | null; published: string | null; url: string | null; sentence: string;
  /** the first copy of the document's story (the document itself unless it is a near-duplicate) */
  story_id?: number;
}

export interface ParticipantRow {
  event_id: number;
  role: string;
  entity_id: number | null;
  name: string;
}

/**
 * One multi-row INSERT per chunk (a round trip per table, not per row: this is what makes
 * PostgreSQL ingest fast); RETURNING columns when asked.
 */
/** A row to insert: column name → value. Every row of one insert names the same columns. */
type Values = Record<string, SqlValue>;

/** Insert rows in multi-row statements (chunked under the drivers' parameter limits). */
async function insertRows<T = Row>(tx: Sql, table: string, values: readonly Values[], returning?: string): Promise<T[]> {
  const out: T[] = [];
  if (values.length === 0) return out;
  const columns = Object.keys(values[0]);
  const rows = values.map((v) => columns.map((c) => v[c]));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  if (tx.dialect === 'sqlite') {
    // in process, one cached single-row statement per table costs less than preparing a new multi-row
    // statement for every row count (those also pushed the statement cache past its bound); same rows, same order
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuple}${returning ? ` RETURNING ${returning}` : ''}`;
    for (const row of rows) {
      if (returning) out.push((await tx.get<T>(sql, row))!);
      else await tx.run(sql, row);
    }
    return out;
  }
  const perChunk = Math.max(1, Math.floor(2000 / columns.length));
  for (let i = 0; i < rows.length; i += perChunk) {
    const chunk = rows.slice(i, i + perChunk);
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}${returning ? ` RETURNING ${returning}` : ''}`;
    if (returning) out.push(...await tx.all<T>(sql, chunk.flat()));
    else await tx.run(sql, chunk.flat());
  }
  return out;
}

/** Set the identity links of many document entities in one statement per chunk. */
async function updateLinks(tx: Sql, rows: SqlValue[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) {
    const chunk = rows.slice(i, i + 400);
    const values = chunk.map(() => '(CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS REAL), CAST(? AS TEXT), CAST(? AS TEXT))').join(', ');
    await tx.run(
      `UPDATE doc_entities SET entity_id = v.column2, confidence = v.column3, method = v.column4, evidence = v.column5
       FROM (VALUES ${values}) AS v WHERE doc_entities.id = v.column1`, chunk.flat());
  }
}

export class NotFound extends Error {}
export class BadRequest extends Error {}

/**
 * A value that can be a row id on both stores: a whole number from 1 to 2^53 − 1 (SQLite's
 * INTEGER and PostgreSQL's BIGINT hold it; a larger, fractional or infinite one is no row on
 * either store, rather than an error from one of them).
 */
export function isRowId(id: unknown): id is number {
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 1;
}

const MAX_OFFSET = 1_000_000_000;

/** A count or offset for SQL: whole, within [min, max]; the fallback for anything not a finite number. */
function clampCount(value: number | undefined, fallback: number, max: number, min = 1): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(Math.max(Math.floor(value), min), max);
}

function escapeLike(s: string): string {
  return s.replace(/[%_\\]/g, '');
}

type SummaryRow = Omit<DocumentSummary, 'duplicate_of'> & { dup_id: number | null; dup_similarity: number | null; dup_title: string | null };

function numSummary(r: SummaryRow): DocumentSummary {
  const { dup_id, dup_similarity, dup_title, ...rest } = r;
  return {
    ...rest, id: Number(r.id), entity_count: Number(r.entity_count), event_count: Number(r.event_count), quote_count: Number(r.quote_count),
    duplicate_of: duplicateRef(dup_id, dup_title, dup_similarity), copy_count: Number(r.copy_count),
  };
}

function duplicateRef(id: number | string | null, title: string | null, similarity: number | null): DuplicateRef | null {
  return id === null || id === undefined ? null : { id: Number(id), title, similarity: similarity === null ? null : Number(similarity) };
}

/**
 * Fold near-duplicate copies into one entry per story: items of the same story with the same
 * key (a quote's words, a relation) become `copies` of the first copy's item. Order is kept.
 */
export function foldCopies<T extends SourceRef & { story_id?: number }>(items: T[], key: (t: T) => string): Array<Omit<T, 'story_id'> & SourceWithCopies> {
  const out: Array<Omit<T, 'story_id'> & SourceWithCopies> = [];
  const byKey = new Map<string, number>();
  const ref = (t: SourceRef): SourceRef => ({ document_id: t.document_id, title: t.title, source: t.source, published: t.published, url: t.url });
  for (const item of items) {
    const { story_id, ...rest } = item;
    const story = story_id === undefined || story_id === null ? item.document_id : Number(story_id);
    const k = `${story}\u0000${key(item)}`;
    const at = byKey.get(k);
    if (at === undefined) {
      byKey.set(k, out.length);
      out.push({ ...rest, copies: [] } as Omit<T, 'story_id'> & SourceWithCopies);
      continue;
    }
    const held = out[at];
    if (held.document_id === item.document_id) {
      // the same document twice (a quote repeated in one article) is not a copy
      out.push({ ...rest, copies: [] } as Omit<T, 'story_id'> & SourceWithCopies);
    } else if (item.document_id === story && held.document_id !== story) {
      // the first copy of the story leads, whatever the order the rows came in
      out[at] = { ...rest, copies: [ref(held), ...held.copies] } as Omit<T, 'story_id'> & SourceWithCopies;
    } else held.copies.push(ref(item));
  }
  return out;
}



/** The name to show for an identity: the most used of its fullest names. */
/**
 * An identity's counts with near-duplicates folded: documents are stories (a copy and its
 * first copy are one), mentions are each story's largest count among its copies.
 */
export function storyCounts(members: Member[], storyOf: (doc: number) => number): { documents: number; mentions: number } {
  const perDoc = new Map<number, number>();
  for (const m of members) perDoc.set(m.document, (perDoc.get(m.document) ?? 0) + m.mentions);
  const perStory = new Map<number, number>();
  for (const [doc, n] of perDoc) {
    const story = storyOf(doc);
    perStory.set(story, Math.max(perStory.get(story) ?? 0, n));
  }
  let mentions = 0;
  for (const n of perStory.values()) mentions += n;
  return { documents: perStory.size, mentions };
}

export function displayName(members: Member[]): string {
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  const score = (name: string) => {
    const p = members[0].type === 'PERSON' ? parsePersonName(name) : null;
    const full = p ? (p.given && p.surname ? 2 : 0) : 0;
    return full * 1000 + (counts.get(name) ?? 0) * 10 + Math.min(name.length, 9) / 10;
  };
  return [...counts.keys()].sort((a, b) => score(b) - score(a))[0];
}

export type { SourceRef };

/**
 * Writers to one PostgreSQL store take turns (the identity index must see every earlier
 * document); the lock is per schema, so stores in other schemas of the database don't wait.
 */
const PG_WRITE_LOCK = "SELECT pg_advisory_xact_lock(7406001, hashtext(current_schema()))";
