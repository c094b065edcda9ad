/**
 * The API's shapes, written once: the store returns them (src/store/types.ts re-exports them),
 * the server serves them (src/server/schemas.ts describes them for validation and OpenAPI; a
 * test checks the two agree) and the web app reads them (web/src/api.ts). A declaration file, so
 * the web build can import it from outside its own source folder.
 */

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

/** A document as served: `R` is the extraction result (the store's full `Result`; the web app reads a part of it). */
export interface DocumentView<R = unknown> extends DocumentSummary {
  /** the near-duplicates of this document, when it is the first copy of a story */
  copies: CopyView[];
  text: string;
  result: R;
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
  /** how sure the speaker is (a coreference link's confidence, or the ranker's fill precision for a guessed speaker); null when named outright or stored before */
  confidence: number | null;
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
  /** asserted, negated, future, hypothetical, threatened, alleged, attempted, denied (doc.ts FACTUALITY_INFO) */
  factuality: string;
  /** where in the world this source places the event (null: nowhere, or stored before places were kept) */
  place: EventSourcePlace | null;
  /** the detector's calibrated confidence that this sentence tells an event of this type (null: no model scored it) */
  confidence: number | null;
}

/** An event's place on the map: the named place (or the dateline) with its country and coordinates. */
export interface EventSourcePlace {
  name: string | null;
  /** ISO 3166-1 alpha-2 */
  country: string | null;
  lat: number | null;
  lon: number | null;
  /** which rule placed it: a place in the sentence, or the article's dateline */
  source: 'sentence' | 'dateline' | 'none';
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
  /** how the sources report it: only asserted events make statuses */
  factuality: string;
  /** the highest confidence of its sources (null when none was scored); below 0.5 it makes no status and the app marks it unsure */
  confidence: number | null;
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

/** One event placed in the world, as the map and GET /api/events.geojson give it. */
export interface EventPlaceRow {
  event_id: number; type: string; mode: string | null; cameo: string | null; trigger: string; trigger_start: number; trigger_end: number;
  date: string | null; factuality: string | null;
  place_id: string | null; place_name: string | null; place_country: string | null; place_lat: number; place_lon: number;
  /** sentence or dateline */
  place_source: string | null;
  document_id: number; title: string | null; source: string | null; published: string | null; url: string | null; sentence: string;
}
