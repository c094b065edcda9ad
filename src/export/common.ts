/**
 * What every export shares: the hooks a caller gives (progress, documents that cannot be read)
 * and the walk over the scope's documents that reports an unreadable one by name and goes on.
 */
import type { Result } from '../output/schema.js';
import type { ExportDocument, ExportReader, ExportScope } from '../store/export.js';

export interface ExportHooks {
  /** `done` of `total` units read (documents, or graph rows for GraphML) */
  progress?: (done: number, total: number | null, unit: string) => void;
  /** a document left out, with why (the export goes on without it) */
  skipped?: (document: string, reason: string) => void;
}

/** A stored document as messages name it: its id, external id and title. */
export function documentLabel(doc: Pick<ExportDocument, 'id' | 'external_id' | 'title'>): string {
  const title = doc.title ? ` "${doc.title.length > 60 ? `${doc.title.slice(0, 59)}…` : doc.title}"` : '';
  return `document ${doc.id}${doc.external_id ? ` (${doc.external_id})` : ''}${title}`;
}

/** The scope's documents whose results can be read; the others are reported and left out. */
export async function* readableDocuments(reader: ExportReader, scope: ExportScope, hooks: ExportHooks): AsyncGenerator<ExportDocument & { result: Result }> {
  const total = await reader.countDocuments(scope);
  let done = 0;
  hooks.progress?.(0, total, 'documents');
  for await (const doc of reader.documents(scope)) {
    hooks.progress?.(++done, total, 'documents');
    if (doc.result) yield doc as ExportDocument & { result: Result };
    else hooks.skipped?.(documentLabel(doc), doc.error ?? 'no stored result');
  }
}

/** The identities of an event's actors or recipients (local ids → identity ids, each once). */
export function identitiesOf(doc: ExportDocument, locals: readonly string[]): number[] {
  const out: number[] = [];
  for (const l of locals) {
    const id = doc.identities.get(l)?.id;
    if (id !== undefined && !out.includes(id)) out.push(id);
  }
  return out;
}

/** Whether a stored event or relation belongs to the scope: in a case, one of its identities is the case's. */
export function inScope(scope: ExportScope, identities: readonly (number | null | undefined)[]): boolean {
  return scope.kind === 'store' || identities.includes(scope.entity);
}

/** The sentence an event was found in, from its stored result. */
export function eventSentence(result: Result, ev: Result['events'][number]): string {
  const s = result.sentences[ev.sentence];
  return s ? result.text.slice(s.start, s.end) : ev.trigger.text;
}
