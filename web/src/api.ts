/** Typed calls to the Chronicle REST API (same origin). */

export interface SourceRef { document_id: number; title: string | null; source: string | null; published: string | null; url: string | null }
export interface EntitySummary { id: number; name: string; type: string; aliases: string[]; document_count: number; mention_count: number }
/** the first copy of a story a near-duplicate repeats */
export interface DuplicateRef { id: number; title: string | null; similarity: number | null }
export interface DocumentSummary {
  id: number; title: string | null; source: string | null; published: string | null; url: string | null; entity_count: number; event_count: number; quote_count: number;
  duplicate_of: DuplicateRef | null; copy_count: number;
}
export interface CopyView { id: number; title: string | null; source: string | null; published: string | null; url: string | null; similarity: number | null }
/** a source with its near-duplicate copies, listed under it and not counted */
export interface WithCopies { copies: SourceRef[] }
export interface Mention { start: number; end: number; text: string; kind: string }
export interface ResultEntity { id: string; type: string; name: string; mentions: Mention[] }
export interface ResultQuote { start: number; end: number; text: string; speaker: string | null; kind: string }
export interface ResultEvent {
  id: string; type: string; mode: string | null; cameo: string | null; trigger: { start: number; end: number; text: string };
  actor: string[]; recipient: string[]; date: { value: string | null; text?: string; basis: string } | null; location: string | null; negated: boolean; modality: string | null;
}
export interface ResultTime { start: number; end: number; text: string; value: string }
export interface DocumentView extends DocumentSummary {
  copies: CopyView[];
  text: string;
  result: { entities: ResultEntity[]; quotes: ResultQuote[]; events: ResultEvent[]; times: ResultTime[]; relations: Array<{ type: string; role?: string | null; subject: string; object: string }> };
  identities: Record<string, { id: number; name: string; type: string } | undefined>;
}
export interface RelationView { type: string; role: string | null; side: 'subject' | 'object'; other: { id: number | null; name: string; type: string }; sources: Array<SourceRef & WithCopies & { sentence: string }> }
export interface QuoteView extends SourceRef, WithCopies { quote_id: number; text: string; kind: string; start: number; end: number; speaker: { id: number | null; name: string } | null }
export interface MemberView extends SourceRef { member_id: number; name: string; confidence: number | null; method: string | null; evidence: string | null; duplicate_of: number | null }
export interface EntityProfile extends EntitySummary { members: MemberView[]; relations: RelationView[]; quotes: { by: QuoteView[]; about: QuoteView[] } }
export interface EventSource extends SourceRef, WithCopies { event_id: number; sentence: string; trigger: string; trigger_start: number; trigger_end: number; date_text: string | null; negated: boolean; modality: string | null }
export interface TimelineItem { date: string | null; type: string; mode: string | null; cameo: string | null; roles: string[]; location: string | null; negated: boolean; participants: Array<{ id: number | null; name: string; role: string }>; sources: EventSource[] }
export interface CaseFile {
  entity: EntitySummary;
  events: TimelineItem[];
  status: Array<{ status: string; from: string | null; to: string | null; sources: SourceRef[] }>;
  conflicts: Array<{ kind: string; about: string; claims: Array<{ value: string; sources: Array<SourceRef & WithCopies & { sentence: string }> }> }>;
  relations: RelationView[];
}
export interface SearchHits {
  documents: Array<{
    id: number; title: string | null; published: string | null; source: string | null; snippet: string;
    duplicate_of: DuplicateRef | null; copies: Array<{ id: number; title: string | null; source: string | null }>;
  }>;
  quotes: Array<{ id: number; document_id: number; title: string | null; text: string; speaker: { id: number | null; name: string } | null; copies: Array<{ document_id: number; title: string | null }> }>;
  entities: EntitySummary[];
}

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
  timeline: (id: number) => call<CaseFile>(`/api/entities/${id}/timeline`),
  search: (q: string) => call<SearchHits>(`/api/search?${qs({ q })}`),
  split: (id: number, members: number[], token: string | null) => call<{ id: number }>(`/api/entities/${id}/split`, write({ members }, token)),
  merge: (id: number, other: number, token: string | null) => call<{ id: number }>(`/api/entities/${id}/merge`, write({ other }, token)),
};

function write(body: unknown, token: string | null): RequestInit {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return { method: 'POST', headers, body: JSON.stringify(body) };
}
