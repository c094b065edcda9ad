/**
 * Read-only pages over the store for the exports (src/export): documents with their stored
 * results and the identity of each of their entities, identities with their names, and the
 * relation and event rows of the graph. Every read is a keyset page (`WHERE id > ? ORDER BY id
 * LIMIT n`), so an export of any size holds one page at a time and the database serves other
 * requests between pages (no open cursor holds SQLite's one connection).
 */
import type { Result } from '../output/schema.js';
import type { Sql, SqlValue } from './db.js';
import type { DocumentSummary, EntitySummary } from './types.js';

/** What an export covers: the whole store, or one case (an identity and everything linked to it). */
export type ExportScope = { kind: 'store' } | { kind: 'case'; entity: number; identities: ReadonlySet<number> };

/** An identity as the exports name it: as the API summarises it (name, type, other names, counts). */
export type ExportIdentity = EntitySummary;

/** One stored document with its extraction result, read for an export. */
export interface ExportDocument extends Pick<DocumentSummary, 'id' | 'external_id' | 'title' | 'source' | 'url' | 'published'> {
  /** the first copy of the document's story (itself unless it is a near-duplicate) */
  story_id: number;
  /** null when the stored result cannot be read; `error` says why */
  result: Result | null;
  error?: string;
  /** document entity (local id) → its identity */
  identities: Map<string, { id: number; name: string; type: string }>;
}

/** One relation between two identities, as stored for one document. */
export interface ExportRelation {
  id: number;
  type: string;
  role: string | null;
  subject: number;
  object: number;
  document_id: number;
}

/** One event with the identities in its roles. */
export interface ExportEvent {
  id: number;
  type: string;
  cameo: string | null;
  document_id: number;
  actors: number[];
  recipients: number[];
  location: number | null;
}

const inList = (n: number) => new Array(n).fill('?').join(',');

/** Why a parsed stored result cannot be exported (null: it can): the layers the exports read must be there. */
function resultProblem(result: unknown): string | null {
  if (!result || typeof result !== 'object') return 'not an extraction result';
  const r = result as Record<string, unknown>;
  if (typeof r.text !== 'string') return 'not an extraction result (no text)';
  for (const layer of ['sentences', 'entities', 'relations', 'events'] as const) {
    if (!Array.isArray(r[layer])) return `not an extraction result (no ${layer} list)`;
  }
  return null;
}

export class ExportReader {
  constructor(private readonly db: Sql, private readonly pageSize = 200) {}

  /**
   * The case of one identity: itself, the partners of its relations, everyone in its events and
   * the places of those events. Null when there is no such identity.
   */
  async caseScope(entity: number): Promise<ExportScope | null> {
    const found = await this.db.get<{ id: number }>('SELECT id FROM entities WHERE id = ?', [entity]);
    if (!found) return null;
    const rows = await this.db.all<{ entity_id: number | null }>(
      `SELECT o.entity_id FROM relations r JOIN doc_entities s ON s.id = r.subject_id JOIN doc_entities o ON o.id = r.object_id WHERE s.entity_id = ?
       UNION SELECT s.entity_id FROM relations r JOIN doc_entities s ON s.id = r.subject_id JOIN doc_entities o ON o.id = r.object_id WHERE o.entity_id = ?
       UNION SELECT de2.entity_id FROM event_roles r JOIN doc_entities de ON de.id = r.doc_entity_id
             JOIN event_roles r2 ON r2.event_id = r.event_id JOIN doc_entities de2 ON de2.id = r2.doc_entity_id WHERE de.entity_id = ?
       UNION SELECT loc.entity_id FROM event_roles r JOIN doc_entities de ON de.id = r.doc_entity_id JOIN events ev ON ev.id = r.event_id
             JOIN doc_entities loc ON loc.id = ev.location_id WHERE de.entity_id = ?`, [entity, entity, entity, entity]);
    const identities = new Set<number>([entity]);
    for (const r of rows) if (r.entity_id !== null && r.entity_id !== undefined) identities.add(Number(r.entity_id));
    return { kind: 'case', entity, identities };
  }

  /** How many documents the scope reads (for progress). */
  async countDocuments(scope: ExportScope): Promise<number> {
    const row = scope.kind === 'store'
      ? await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM documents')
      : await this.db.get<{ n: number }>('SELECT COUNT(DISTINCT document_id) AS n FROM doc_entities WHERE entity_id = ?', [scope.entity]);
    return Number(row?.n ?? 0);
  }

  /** Documents in id order, one page in memory at a time; the case's are those naming its identity. */
  async *documents(scope: ExportScope): AsyncGenerator<ExportDocument> {
    let after = 0;
    for (;;) {
      const ids = scope.kind === 'store'
        ? await this.db.all<{ id: number }>('SELECT id FROM documents WHERE id > ? ORDER BY id LIMIT ?', [after, this.pageSize])
        : await this.db.all<{ id: number }>('SELECT DISTINCT document_id AS id FROM doc_entities WHERE entity_id = ? AND document_id > ? ORDER BY document_id LIMIT ?', [scope.entity, after, this.pageSize]);
      if (ids.length === 0) return;
      const page = ids.map((r) => Number(r.id));
      after = page[page.length - 1];
      // results are the large part: read them a few at a time
      for (let i = 0; i < page.length; i += 20) yield* await this.documentPage(page.slice(i, i + 20));
    }
  }

  private async documentPage(ids: number[]): Promise<ExportDocument[]> {
    const rows = await this.db.all<{ id: number; external_id: string | null; title: string | null; source: string | null; url: string | null; published: string | null; result: string; duplicate_of: number | null }>(
      `SELECT d.id, d.external_id, d.title, d.source, d.url, d.published, d.result, nd.duplicate_of
       FROM documents d LEFT JOIN near_duplicates nd ON nd.document_id = d.id WHERE d.id IN (${inList(ids.length)}) ORDER BY d.id`, ids);
    const links = await this.db.all<{ document_id: number; local_id: string; entity_id: number; name: string; type: string }>(
      `SELECT de.document_id, de.local_id, e.id AS entity_id, e.name, e.type FROM doc_entities de JOIN entities e ON e.id = de.entity_id
       WHERE de.document_id IN (${inList(ids.length)})`, ids);
    const byDoc = new Map<number, ExportDocument['identities']>();
    for (const l of links) {
      const doc = Number(l.document_id);
      if (!byDoc.has(doc)) byDoc.set(doc, new Map());
      byDoc.get(doc)!.set(l.local_id, { id: Number(l.entity_id), name: l.name, type: l.type });
    }
    return rows.map((r) => {
      const id = Number(r.id);
      let result: Result | null = null;
      let error: string | undefined;
      try {
        result = JSON.parse(r.result) as Result;
        const problem = resultProblem(result);
        if (problem) throw new Error(problem);
      } catch (err) {
        result = null;
        error = `its stored result cannot be read: ${(err as Error).message}`;
      }
      return {
        id, external_id: r.external_id, title: r.title, source: r.source, url: r.url, published: r.published,
        story_id: r.duplicate_of === null || r.duplicate_of === undefined ? id : Number(r.duplicate_of),
        result, error, identities: byDoc.get(id) ?? new Map(),
      };
    });
  }

  /** These identities with every name they go by (one query for a page of ids). */
  async identities(ids: readonly number[]): Promise<ExportIdentity[]> {
    const out: ExportIdentity[] = [];
    for (let i = 0; i < ids.length; i += 400) {
      const chunk = ids.slice(i, i + 400);
      out.push(...await this.identityRows(
        `SELECT id, name, type, document_count, mention_count FROM entities WHERE id IN (${inList(chunk.length)}) ORDER BY id`, chunk));
    }
    return out;
  }

  /** The identities of the scope in id order, a page at a time. */
  async *identityPages(scope: ExportScope): AsyncGenerator<ExportIdentity[]> {
    if (scope.kind === 'case') {
      const ids = [...scope.identities].sort((a, b) => a - b);
      for (let i = 0; i < ids.length; i += this.pageSize) yield await this.identities(ids.slice(i, i + this.pageSize));
      return;
    }
    let after = 0;
    for (;;) {
      const page = await this.identityRows('SELECT id, name, type, document_count, mention_count FROM entities WHERE id > ? ORDER BY id LIMIT ?', [after, this.pageSize]);
      if (page.length === 0) return;
      after = page[page.length - 1].id;
      yield page;
    }
  }

  private async identityRows(sql: string, params: SqlValue[]): Promise<ExportIdentity[]> {
    const rows = await this.db.all<{ id: number; name: string; type: string; document_count: number; mention_count: number }>(sql, params);
    if (rows.length === 0) return [];
    const ids = rows.map((r) => Number(r.id));
    const names = await this.db.all<{ entity_id: number; name: string }>(`SELECT entity_id, name FROM entity_names WHERE entity_id IN (${inList(ids.length)}) ORDER BY entity_id, name`, ids);
    const aliases = new Map<number, string[]>();
    for (const n of names) {
      const id = Number(n.entity_id);
      if (!aliases.has(id)) aliases.set(id, []);
      aliases.get(id)!.push(n.name);
    }
    return rows.map((r) => ({
      id: Number(r.id), name: r.name, type: r.type, document_count: Number(r.document_count), mention_count: Number(r.mention_count),
      aliases: (aliases.get(Number(r.id)) ?? []).filter((a) => a !== r.name),
    }));
  }

  /**
   * The place resolution stored for each of these identities (the first of its document entities
   * that has one), as JSON text: the `place` column of doc_entities that place resolution adds.
   * Empty on a store without that column.
   */
  async placeLinks(ids: readonly number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    if (ids.length === 0 || !(await this.hasPlaceColumn())) return out;
    for (let i = 0; i < ids.length; i += 400) {
      const chunk = ids.slice(i, i + 400);
      const rows = await this.db.all<{ entity_id: number; place: string }>(
        `SELECT entity_id, place FROM doc_entities WHERE entity_id IN (${inList(chunk.length)}) AND place IS NOT NULL ORDER BY entity_id, id`, chunk);
      for (const r of rows) if (!out.has(Number(r.entity_id))) out.set(Number(r.entity_id), r.place);
    }
    return out;
  }

  private placeColumn: Promise<boolean> | null = null;

  private hasPlaceColumn(): Promise<boolean> {
    this.placeColumn ??= (async () => {
      const rows = this.db.dialect === 'sqlite'
        ? await this.db.all<{ name: string }>('SELECT name FROM pragma_table_info(\'doc_entities\')')
        : await this.db.all<{ name: string }>("SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'doc_entities'");
      return rows.some((r) => r.name === 'place');
    })();
    return this.placeColumn;
  }

  /** Relations between identities, a page at a time (the case's: those with its identity on one side). */
  async *relationPages(scope: ExportScope): AsyncGenerator<ExportRelation[]> {
    let after = 0;
    const caseFilter = scope.kind === 'case' ? ' AND (s.entity_id = ? OR o.entity_id = ?)' : '';
    for (;;) {
      const params: SqlValue[] = [after, ...(scope.kind === 'case' ? [scope.entity, scope.entity] : []), this.pageSize];
      const rows = await this.db.all<{ id: number; type: string; role: string | null; subject: number; object: number; document_id: number }>(
        `SELECT r.id, r.type, r.role, s.entity_id AS subject, o.entity_id AS object, r.document_id
         FROM relations r JOIN doc_entities s ON s.id = r.subject_id JOIN doc_entities o ON o.id = r.object_id
         WHERE r.id > ? AND s.entity_id IS NOT NULL AND o.entity_id IS NOT NULL${caseFilter} ORDER BY r.id LIMIT ?`, params);
      if (rows.length === 0) return;
      after = Number(rows[rows.length - 1].id);
      yield rows.map((r) => ({ id: Number(r.id), type: r.type, role: r.role, subject: Number(r.subject), object: Number(r.object), document_id: Number(r.document_id) }));
    }
  }

  /** Events with the identities in their roles, a page at a time (the case's: those it takes part in). */
  async *eventPages(scope: ExportScope): AsyncGenerator<ExportEvent[]> {
    let after = 0;
    for (;;) {
      const events = scope.kind === 'store'
        ? await this.db.all<{ id: number; type: string; cameo: string | null; document_id: number; location: number | null }>(
          `SELECT ev.id, ev.type, ev.cameo, ev.document_id, loc.entity_id AS location FROM events ev LEFT JOIN doc_entities loc ON loc.id = ev.location_id
           WHERE ev.id > ? ORDER BY ev.id LIMIT ?`, [after, this.pageSize])
        : await this.db.all<{ id: number; type: string; cameo: string | null; document_id: number; location: number | null }>(
          `SELECT ev.id, ev.type, ev.cameo, ev.document_id, loc.entity_id AS location FROM events ev LEFT JOIN doc_entities loc ON loc.id = ev.location_id
           WHERE ev.id > ? AND ev.id IN (SELECT r.event_id FROM event_roles r JOIN doc_entities de ON de.id = r.doc_entity_id WHERE de.entity_id = ?)
           ORDER BY ev.id LIMIT ?`, [after, scope.entity, this.pageSize]);
      if (events.length === 0) return;
      after = Number(events[events.length - 1].id);
      const ids = events.map((e) => Number(e.id));
      const roles = await this.db.all<{ event_id: number; role: string; entity_id: number | null }>(
        `SELECT r.event_id, r.role, de.entity_id FROM event_roles r JOIN doc_entities de ON de.id = r.doc_entity_id WHERE r.event_id IN (${inList(ids.length)}) ORDER BY r.event_id, de.id`, ids);
      const byId = new Map<number, ExportEvent>(events.map((e) => [Number(e.id), {
        id: Number(e.id), type: e.type, cameo: e.cameo, document_id: Number(e.document_id), actors: [], recipients: [],
        location: e.location === null || e.location === undefined ? null : Number(e.location),
      }]));
      for (const r of roles) {
        if (r.entity_id === null || r.entity_id === undefined) continue;
        const ev = byId.get(Number(r.event_id))!;
        const list = r.role === 'actor' ? ev.actors : r.role === 'recipient' ? ev.recipients : null;
        if (list && !list.includes(Number(r.entity_id))) list.push(Number(r.entity_id));
      }
      yield [...byId.values()];
    }
  }
}
