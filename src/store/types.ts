/** What the store returns: documents, identities and case files, as the API serves them. */
import type { Result } from '../output/schema.js';

export interface IngestOutcome {
  id: number;
  /** added: new content; unchanged: the same content was already stored */
  status: 'added' | 'unchanged';
  entities: number;
  events: number;
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
}

export interface DocumentView extends DocumentSummary {
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
  document_count: number;
  mention_count: number;
}

export interface SourceRef {
  document_id: number;
  title: string | null;
  source: string | null;
  published: string | null;
  url: string | null;
}

export interface MemberView extends SourceRef {
  member_id: number;
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
  sources: Array<SourceRef & { sentence: string }>;
}

export interface QuoteView extends SourceRef {
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

export interface EventSource extends SourceRef {
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
  sources: Array<SourceRef & { sentence: string }>;
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
  documents: Array<{ id: number; title: string | null; published: string | null; source: string | null; snippet: string }>;
  quotes: Array<{ id: number; document_id: number; title: string | null; text: string; speaker: { id: number | null; name: string } | null }>;
  entities: EntitySummary[];
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** store one extraction result; the same content twice is stored once */
  ingest(result: Result): Promise<IngestOutcome>;
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
  stats(): Promise<{ documents: number; entities: number; events: number; quotes: number }>;
  close(): Promise<void>;
}
