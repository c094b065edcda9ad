/** Typed calls to the Chronicle REST API (same origin). */

import type {
  CaseFile, DocumentSummary, DocumentView as ApiDocumentView, EntityProfile, EntitySummary, EventPlaceRow, SearchHits,
} from '../../src/api-types.js';

/** The API's shapes, written once in src/api-types.d.ts (the store returns them, the server serves them). */
export type {
  CaseFile, CopyView, DocumentSummary, DuplicateRef, EntityProfile, EntitySummary, EventSource, MemberView, QuoteView,
  RelationView, SearchHits, SourceRef, SourceWithCopies, TimelineItem, EventPlaceRow, EventSourcePlace,
} from '../../src/api-types.js';

/** GET /api/events.geojson: one Point per placed event. */
export interface EventsGeoJson {
  type: 'FeatureCollection';
  features: Array<{ type: 'Feature'; id: number; geometry: { type: 'Point'; coordinates: [number, number] }; properties: Omit<EventPlaceRow, 'place_lat' | 'place_lon'> }>;
}

/** GET /api/map/world: country outlines as SVG paths and the equirectangular projection that drew them. */
export interface WorldMap {
  width: number;
  height: number;
  projection: { kind: 'equirectangular'; scale: number; translate: [number, number] };
  countries: Array<{ id: string; name: string; d: string }>;
  attribution: string;
}

/** The part of a document's extraction result the reader shows (the full shape: src/output/schema.ts). */
export interface Mention {
  start: number; end: number; text: string; kind: string;
  /** a pronoun's or description's coreference link: how sure (schema 1.7; absent on names) */
  confidence?: number;
}
export interface ResultEntity { id: string; type: string; name: string; mentions: Mention[] }
export interface ResultQuote {
  start: number; end: number; text: string; speaker: string | null; kind: string;
  /** a speaker reached through a pronoun or description: the link's confidence (schema 1.7) */
  confidence?: number;
}
export interface ResultEvent {
  id: string; type: string; mode: string | null; cameo: string | null; trigger: { start: number; end: number; text: string };
  actor: string[]; recipient: string[]; date: { value: string | null; text?: string; basis: string } | null; location: string | null; negated: boolean; modality: string | null;
  /** absent in results stored before schema 1.1 */
  factuality?: string;
  /** participants no entity stands for ("police", "protesters"); schema 1.6, absent when none */
  groups?: { role: 'actor' | 'recipient'; text: string; start: number; end: number; code: string | null }[];
  /** calibrated probability that the event is real and of its type; absent before schema 1.3, null when no model scored it */
  confidence?: number | null;
}
export interface ResultTime { start: number; end: number; text: string; value: string }
export interface ReaderResult {
  entities: ResultEntity[]; quotes: ResultQuote[]; events: ResultEvent[]; times: ResultTime[];
  relations: Array<{ type: string; role?: string | null; subject: string; object: string }>;
}
export type DocumentView = ApiDocumentView<ReaderResult>;

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, (body as { message?: string }).message ?? res.statusText);
  return body as T;
}

const qs = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString();

export const api = {
  documents: (limit = 20, offset = 0) => call<{ total: number; items: DocumentSummary[] }>(`/api/documents?${qs({ limit, offset })}`),
  document: (id: number) => call<DocumentView>(`/api/documents/${id}`),
  entities: (q?: string, type?: string, limit = 20) => call<EntitySummary[]>(`/api/entities?${qs({ q, type, limit })}`),
  entity: (id: number) => call<EntityProfile>(`/api/entities/${id}`),
  timeline: (id: number, country?: string) => call<CaseFile>(`/api/entities/${id}/timeline?${qs({ country })}`),
  search: (q: string, country?: string) => call<SearchHits>(`/api/search?${qs({ q, country })}`),
  eventsGeo: (entity: number, country?: string) => call<EventsGeoJson>(`/api/events.geojson?${qs({ entity, country })}`),
  countries: (entity?: number) => call<Array<{ country: string; events: number }>>(`/api/places/countries?${qs({ entity })}`),
  worldMap: () => call<WorldMap>('/api/map/world'),
  split: (id: number, members: number[], token: string | null) => call<{ id: number }>(`/api/entities/${id}/split`, write({ members }, token)),
  merge: (id: number, other: number, token: string | null) => call<{ id: number }>(`/api/entities/${id}/merge`, write({ other }, token)),
};

function write(body: unknown, token: string | null): RequestInit {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return { method: 'POST', headers, body: JSON.stringify(body) };
}
