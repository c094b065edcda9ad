/** What the store returns: documents, identities and case files, as the API serves them. */
import type { Result } from '../output/schema.js';
import type { ExportReader } from './export.js';

import type { DocumentView as ApiDocumentView, IngestOutcome, DocumentSummary, EntitySummary, EntityProfile, CaseFile, SearchHits, StoreStats, EventPlaceRow } from '../api-types.js';

export type {
  IngestOutcome, DuplicateRef, DocumentSummary, CopyView, EntitySummary, SourceRef,
  SourceWithCopies, MemberView, RelationView, QuoteView, EntityProfile, Participant,
  EventSource, TimelineItem, StatusSpan, Claim, Conflict, CaseFile,
  SearchHits, StoreStats, EventPlaceRow, EventSourcePlace,
} from '../api-types.js';

/** A stored document with its full extraction result. */
export type DocumentView = ApiDocumentView<Result>;

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /**
   * store one result; the same content twice is stored once; a near-duplicate of a stored
   * document is linked to the first copy of its story (`textSketch`: the MinHash sketch of
   * result.text when the caller made it already, in a worker thread)
   */
  ingest(result: Result, textSketch?: { sig: Uint32Array; size: number }): Promise<IngestOutcome>;
  /** the stored document with this content, if any (checked before extracting again) */
  findByContent(doc: { text: string; title?: string | null; published?: string | null }): Promise<number | null>;
  listDocuments(options?: { limit?: number; offset?: number }): Promise<{ total: number; items: DocumentSummary[] }>;
  getDocument(id: number): Promise<DocumentView | null>;
  /** `country` (ISO alpha-2): only identities with a place or an event placed there */
  searchEntities(options: { q?: string; type?: string; limit?: number; country?: string | null }): Promise<EntitySummary[]>;
  getEntity(id: number): Promise<EntityProfile | null>;
  /** `country`: only the events placed in that country */
  timeline(id: number, options?: { country?: string | null }): Promise<CaseFile | null>;
  search(q: string, options?: { limit?: number; country?: string | null }): Promise<SearchHits>;
  /** events placed in the world (for the map and GeoJSON), of one identity and/or in one country */
  eventPlaces(options?: { entity?: number; country?: string | null; limit?: number }): Promise<EventPlaceRow[]>;
  /** the countries events are placed in (of one identity's events), with their event counts */
  eventCountries(options?: { entity?: number }): Promise<Array<{ country: string; events: number }>>;
  /** merge identity b into a by hand; returns the surviving id */
  merge(a: number, b: number, note?: string): Promise<number>;
  /** split the given document entities (member ids) out of identity `id` into a new one */
  split(id: number, members: number[], note?: string): Promise<number>;
  /** recompute every identity from scratch, applying the manual decisions */
  resolveAll(): Promise<void>;
  /** documents (copies included), copies (near-duplicates), identities, events and quotes (copies' not counted) */
  stats(): Promise<StoreStats>;
  /**
   * a number that changes with every write that can change what a read returns (ingest, merge,
   * split, recompute), by any process sharing the store: readers cache answers under it
   */
  generation(): Promise<number>;
  /** read-only keyset pages over the whole store for the exports (src/export) */
  exportReader(): ExportReader;
  close(): Promise<void>;
}
