/**
 * GDELT-like CAMEO export: tab-separated, one row per (actor, recipient) pair of each event, as
 * dyadic CAMEO data has it. Columns follow GDELT 1.0 names where one exists (SQLDATE,
 * Actor1Code, EventCode, EventBaseCode, EventRootCode, QuadClass, SOURCEURL); Chronicle adds
 * negation, modality, the PLOVER type and the trigger so filtered data sets stay auditable.
 */
import { cameoRoot, quadClass } from '../extract/events/plover.js';
import type { Result } from './schema.js';

/** One row's inputs: the event, its actor and recipient (one pair of the dyad), and the document. */
/** One side of the dyad: an entity, or a group no entity stands for ("police": code COP, type GROUP). */
interface Side { code: string; name: string; type: string }

interface RowContext {
  result: Result;
  ev: Result['events'][number];
  id: string;
  actor?: Side;
  recipient?: Side;
  location?: Result['entities'][number];
  sentence?: Result['sentences'][number];
}

type Cell = string | number | boolean | null | undefined;

/** The columns in order, each with how its cell is made: the header and the rows come from this one table. */
const COLUMNS = {
  EventID: (c: RowContext) => c.id,
  SQLDATE: (c: RowContext) => sqlDate(c.ev.date?.value),
  DateBasis: (c: RowContext) => c.ev.date?.basis ?? '',
  Actor1Code: (c: RowContext) => c.actor?.code ?? '',
  Actor1Name: (c: RowContext) => c.actor?.name ?? '',
  Actor1Type: (c: RowContext) => c.actor?.type ?? '',
  Actor2Code: (c: RowContext) => c.recipient?.code ?? '',
  Actor2Name: (c: RowContext) => c.recipient?.name ?? '',
  Actor2Type: (c: RowContext) => c.recipient?.type ?? '',
  EventCode: (c: RowContext) => c.ev.cameo,
  EventBaseCode: (c: RowContext) => c.ev.cameo?.slice(0, 3),
  EventRootCode: (c: RowContext) => (c.ev.cameo ? cameoRoot(c.ev.cameo) : ''),
  QuadClass: (c: RowContext) => (c.ev.cameo ? String(quadClass(c.ev.cameo)) : ''),
  PloverType: (c: RowContext) => c.ev.type,
  PloverMode: (c: RowContext) => c.ev.mode ?? '',
  IsNegated: (c: RowContext) => (c.ev.negated ? '1' : '0'),
  Modality: (c: RowContext) => c.ev.modality ?? '',
  Factuality: (c: RowContext) => c.ev.factuality,
  ActionGeo: (c: RowContext) => c.location?.name ?? '',
  Trigger: (c: RowContext) => c.ev.trigger.text,
  SentenceStart: (c: RowContext) => String(c.sentence?.start ?? ''),
  SentenceEnd: (c: RowContext) => String(c.sentence?.end ?? ''),
  SourceDoc: (c: RowContext) => c.result.id,
  SOURCEURL: (c: RowContext) => c.result.url ?? '',
} satisfies Record<string, (c: RowContext) => Cell>;

export type CameoColumn = keyof typeof COLUMNS;
export const CAMEO_COLUMNS = Object.keys(COLUMNS) as readonly CameoColumn[];

/** Tabs, newlines and carriage returns would break a row: replace them by spaces. */
function cell(v: Cell): string {
  if (v === null || v === undefined) return '';
  return String(v).replace(/[\t\r\n]+/g, ' ');
}

/** "2025-02-15" → "20250215"; partial dates keep their precision ("2023-11" → "202311"). */
function sqlDate(v: string | null | undefined): string {
  return v && /^\d{4}/.test(v) ? v.replace(/-/g, '').slice(0, 8) : '';
}

export function cameoRows(result: Result): string[][] {
  const byId = new Map(result.entities.map((e) => [e.id, e]));
  const rows: string[][] = [];
  for (const ev of result.events) {
    if (!ev.cameo) continue;
    const sides = (ids: string[], role: 'actor' | 'recipient'): (Side | undefined)[] => {
      const out: Side[] = [];
      for (const id of ids) {
        const e = byId.get(id);
        if (e) out.push({ code: e.codes?.[0]?.code ?? '', name: e.name, type: e.type });
      }
      for (const g of ev.groups ?? []) if (g.role === role) out.push({ code: g.code ?? '', name: g.text, type: 'GROUP' });
      return out.length ? out : [undefined];
    };
    const actors = sides(ev.actor, 'actor');
    const recipients = sides(ev.recipient, 'recipient');
    const sentence = result.sentences[ev.sentence];
    const location = ev.location ? byId.get(ev.location) : undefined;
    let n = 0;
    for (const a of actors) {
      for (const r of recipients) {
        const id = `${result.id || 'doc'}-${ev.id}${actors.length * recipients.length > 1 ? `.${++n}` : ''}`;
        const ctx: RowContext = { result, ev, id, actor: a, recipient: r, location, sentence };
        rows.push(CAMEO_COLUMNS.map((col) => cell(COLUMNS[col](ctx))));
      }
    }
  }
  return rows;
}

export function cameoHeader(): string {
  return CAMEO_COLUMNS.join('\t') + '\n';
}

/** TSV rows (no header) for one document. */
export function formatCameo(result: Result): string {
  return cameoRows(result).map((r) => r.join('\t') + '\n').join('');
}
