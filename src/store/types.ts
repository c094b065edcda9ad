/** What the store returns: documents, identities and case files, as the API serves them. */
import type { Result } from '../output/schema.js';

export interface IngestOutcome {
  id: number;
  /** added: new content; unchanged: the same content was already stored */
  status: 'added' | 'unchanged';
  entities: number;
  events: number;
  /** the first copy of the story when this document is a near-duplicate (syndicated copy) of it */
  duplicate_of: number | null;
  /** estimated Jaccard similarity of the two texts' word shingles, when linked */
  similarity: number | null;
}

/** The first copy of a story, as a copy points at it. */
export interface DuplicateRef {
  id: number;
  title: string | null;
  similarity: number | null;
}

export interface DocumentSummary {
  id: number;
  external_id: string | null;
  title: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  ingested_at: string;
  entity_count: number;
  event_count: number;
  quote_count: number;
  /** set when this document is a near-duplicate of an earlier one: its facts are not counted again */
  duplicate_of: DuplicateRef | null;
  /** near-duplicates linked to this document as their first copy */
  copy_count: number;
}

/** A near-duplicate of a document. */
export interface CopyView {
  id: number;
  title: string | null;
  source: string | null;
  published: string | null;
  url: string | null;
  similarity: number | null;
}

export interface DocumentView extends DocumentSummary {
  /** the near-duplicates of this document, when it is the first copy of a story */
  copies: CopyView[];
  text: string;
  result: Result;
  /** document entity id → identity (global entity) */
  identities: Record<string, { id: number; name: string; type: string } | undefined>;
}

export interface EntitySummary {
  id: number;
  name: string;
  type: string;
  aliases: string[];
  /** stories naming it: a near-duplicate copy and its first copy count once */
  document_count: number;
  /** mentions, a story's copies counted once (the most mentions any copy of it has) */
  mention_count: number;
}

export interface SourceRef {
  document_id: number;
  title: string | null;
  source: string | null;
  published: string | null;
  url: string | null;
}

/** A source with the near-duplicate copies of it that tell the same thing (listed, not counted). */
export interface SourceWithCopies extends SourceRef {
  copies: SourceRef[];
}

export interface MemberView extends SourceRef {
  member_id: number;
  /** the first copy of the story when this member's document is a near-duplicate */
  duplicate_of: number | null;
  name: string;
  confidence: number | null;
  method: string | null;
  evidence: string | null;
}

export interface RelationView {
  type: string;
  role: string | null;
  /** 'subject' when this entity is the relation's subject ("X is the mother of Y" → X) */
  side: 'subject' | 'object';
  other: { id: number | null; name: string; type: string };
  /** one per story: copies of a source are listed under it */
  sources: Array<SourceWithCopies & { sentence: string }>;
}

export interface QuoteView extends SourceWithCopies {
  quote_id: number;
  text: string;
  kind: string;
  start: number;
  end: number;
  speaker: { id: number | null; name: string } | null;
}

export interface EntityProfile extends EntitySummary {
  members: MemberView[];
  relations: RelationView[];
  quotes: { by: QuoteView[]; about: QuoteView[] };
}

export interface Participant {
  id: number | null;
  name: string;
  role: 'actor' | 'recipient';
}

export interface EventSource extends SourceWithCopies {
  event_id: number;
  sentence: string;
  trigger: string;
  trigger_start: number;
  trigger_end: number;
  date_text: string | null;
  date_basis: string | null;
  negated: boolean;
  modality: string | null;
}

export interface TimelineItem {
  date: string | null;
  type: string;
  mode: string | null;
  cameo: string | null;
  /** roles of this entity in the event */
  roles: string[];
  location: string | null;
  participants: Participant[];
  negated: boolean;
  sources: EventSource[];
}

export interface StatusSpan {
  status: string;
  from: string | null;
  to: string | null;
  sources: SourceRef[];
}

export interface Claim {
  value: string;
  /** one per story: a syndicated copy does not make a second source of a claim */
  sources: Array<SourceWithCopies & { sentence: string }>;
}

export interface Conflict {
  /** what is disputed: date, place, status, number */
  kind: 'date' | 'place' | 'status' | 'number';
  about: string;
  claims: Claim[];
}

export interface CaseFile {
  entity: EntitySummary;
  events: TimelineItem[];
  status: StatusSpan[];
  conflicts: Conflict[];
  relations: RelationView[];
}

export interface SearchHits {
  /** a copy found together with its first copy is folded into it (`copies`); others are marked `duplicate_of` */
  documents: Array<{
    id: number; title: string | null; published: string | null; source: string | null; snippet: string;
    duplicate_of: DuplicateRef | null; copies: Array<{ id: number; title: string | null; source: string | null }>;
  }>;
  quotes: Array<{
    id: number; document_id: number; title: string | null; text: string; speaker: { id: number | null; name: string } | null;
    copies: Array<{ document_id: number; title: string | null }>;
  }>;
  entities: EntitySummary[];
}

export interface StoreStats {
  documents: number;
  copies: number;
  entities: number;
  events: number;
  quotes: number;
}

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
  searchEntities(options: { q?: string; type?: string; limit?: number }): Promise<EntitySummary[]>;
  getEntity(id: number): Promise<EntityProfile | null>;
  timeline(id: number): Promise<CaseFile | null>;
  search(q: string, options?: { limit?: number }): Promise<SearchHits>;
  /** merge identity b into a by hand; returns the surviving id */
  merge(a: number, b: number, note?: string): Promise<number>;
  /** split the given document entities (member ids) out of identity `id` into a new one */
  split(id: number, members: number[], note?: string): Promise<number>;
  /** recompute every identity from scratch, applying the manual decisions */
  resolveAll(): Promise<void>;
  /** documents (copies included), copies (near-duplicates), identities, events and quotes (copies' not counted) */
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}
