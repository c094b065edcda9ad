/**
 * Events as CSV (RFC 4180), one row per event, as GDELT and ACLED give them: date, PLOVER type
 * and mode, CAMEO code with its root and quad class, actors and recipients with their actor
 * codes and identities, the place with its country and coordinates, and the source (URL,
 * outlet, sentence). Columns are in docs/exports.md.
 */
import { cameoRoot, quadClass } from '../extract/events/plover.js';
import type { Result } from '../output/schema.js';
import type { ExportDocument, ExportReader, ExportScope } from '../store/export.js';
import { eventPlace, eventPlaceEntity, type ExportPlace } from './place.js';
import { eventSentence, identitiesOf, inScope, readableDocuments, type ExportHooks } from './common.js';

type Row = { doc: ExportDocument & { result: Result }; ev: Result['events'][number]; byId: Map<string, Result['entities'][number]>; place: ExportPlace };
type Cell = string | number | null | undefined;

/** Several actors (or recipients) in one cell, in the same order in the names, codes and ids columns. */
export const LIST_SEPARATOR = '|';

function names(r: Row, locals: string[]): string {
  return locals.map((l) => r.byId.get(l)?.name ?? '').join(LIST_SEPARATOR);
}
function codes(r: Row, locals: string[]): string {
  return locals.map((l) => r.byId.get(l)?.codes?.[0]?.code ?? '').join(LIST_SEPARATOR);
}
function ids(r: Row, locals: string[]): string {
  return locals.map((l) => r.doc.identities.get(l)?.id ?? '').join(LIST_SEPARATOR);
}

/** The columns in order: the header and every row come from this one table. */
const COLUMNS = {
  event_id: (r: Row) => `${r.doc.id}:${r.ev.id}`,
  document_id: (r: Row) => r.doc.id,
  story_id: (r: Row) => r.doc.story_id,
  date: (r: Row) => r.ev.date?.value,
  date_text: (r: Row) => r.ev.date?.text,
  date_basis: (r: Row) => r.ev.date?.basis,
  plover_type: (r: Row) => r.ev.type,
  plover_mode: (r: Row) => r.ev.mode,
  cameo_code: (r: Row) => r.ev.cameo,
  cameo_root: (r: Row) => (r.ev.cameo ? cameoRoot(r.ev.cameo) : ''),
  quad_class: (r: Row) => (r.ev.cameo ? quadClass(r.ev.cameo) : ''),
  factuality: (r: Row) => r.ev.factuality,
  confidence: (r: Row) => (typeof r.ev.confidence === 'number' ? Math.round(r.ev.confidence * 1000) / 1000 : null),
  actor_names: (r: Row) => names(r, r.ev.actor),
  actor_codes: (r: Row) => codes(r, r.ev.actor),
  actor_ids: (r: Row) => ids(r, r.ev.actor),
  recipient_names: (r: Row) => names(r, r.ev.recipient),
  recipient_codes: (r: Row) => codes(r, r.ev.recipient),
  recipient_ids: (r: Row) => ids(r, r.ev.recipient),
  location: (r: Row) => r.place.name,
  country: (r: Row) => r.place.country,
  latitude: (r: Row) => r.place.lat,
  longitude: (r: Row) => r.place.lon,
  place_source: (r: Row) => r.place.source,
  trigger: (r: Row) => r.ev.trigger.text,
  sentence: (r: Row) => eventSentence(r.doc.result, r.ev),
  published: (r: Row) => r.doc.published,
  source: (r: Row) => r.doc.source,
  title: (r: Row) => r.doc.title,
  source_url: (r: Row) => r.doc.url,
} satisfies Record<string, (r: Row) => Cell>;

export type EventsCsvColumn = keyof typeof COLUMNS;
export const EVENTS_CSV_COLUMNS = Object.keys(COLUMNS) as readonly EventsCsvColumn[];

/**
 * One RFC 4180 field: quoted when it holds a comma, a quote or a line break; quotes doubled. A
 * value starting with = + - @ (and not a number such as -8.0) gets a leading ' so that a
 * spreadsheet does not run it as a formula (CSV injection).
 */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly string[]): string {
  return cells.join(',') + '\r\n';
}

export function eventsCsvHeader(): string {
  return csvLine([...EVENTS_CSV_COLUMNS]);
}

/** The rows of one document's events (those of the case, when the scope is one). */
export function eventsCsvRows(doc: ExportDocument & { result: Result }, scope: ExportScope): string {
  const byId = new Map(doc.result.entities.map((e) => [e.id, e]));
  let out = '';
  for (const ev of doc.result.events) {
    const local = eventPlaceEntity(ev);
    const involved = [...identitiesOf(doc, [...ev.actor, ...ev.recipient]), local ? doc.identities.get(local)?.id : null];
    if (!inScope(scope, involved)) continue;
    const loc = local ? byId.get(local) : undefined;
    const row: Row = { doc, ev, byId, place: eventPlace(ev, loc, loc?.name ?? null) };
    out += csvLine(EVENTS_CSV_COLUMNS.map((c) => csvField(COLUMNS[c](row))));
  }
  return out;
}

/** The whole export: the header, then each document's rows as it is read. */
export async function* exportEventsCsv(reader: ExportReader, scope: ExportScope, hooks: ExportHooks = {}): AsyncGenerator<string> {
  yield eventsCsvHeader();
  for await (const doc of readableDocuments(reader, scope, hooks)) {
    const rows = eventsCsvRows(doc, scope);
    if (rows) yield rows;
  }
}
