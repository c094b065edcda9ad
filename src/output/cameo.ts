/**
 * GDELT-like CAMEO export: tab-separated, one row per (actor, recipient) pair of each event, as
 * dyadic CAMEO data has it. Columns follow GDELT 1.0 names where one exists (SQLDATE,
 * Actor1Code, EventCode, EventBaseCode, EventRootCode, QuadClass, SOURCEURL); Chronicle adds
 * negation, modality, the PLOVER type and the trigger so filtered data sets stay auditable.
 */
import { cameoRoot, quadClass } from '../extract/events/plover.js';
import type { Result } from './schema.js';

export const CAMEO_COLUMNS = [
  'EventID', 'SQLDATE', 'DateBasis', 'Actor1Code', 'Actor1Name', 'Actor1Type', 'Actor2Code', 'Actor2Name', 'Actor2Type',
  'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'PloverType', 'PloverMode', 'IsNegated', 'Modality', 'Factuality',
  'ActionGeo', 'Trigger', 'SentenceStart', 'SentenceEnd', 'SourceDoc', 'SOURCEURL',
] as const;

/** Tabs, newlines and carriage returns would break a row: replace them by spaces. */
function cell(v: string | number | boolean | null | undefined): string {
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
    const actors: (string | null)[] = ev.actor.length ? ev.actor : [null];
    const recipients: (string | null)[] = ev.recipient.length ? ev.recipient : [null];
    const sent = result.sentences[ev.sentence];
    let n = 0;
    for (const a of actors) {
      for (const r of recipients) {
        const ea = a ? byId.get(a) : undefined;
        const er = r ? byId.get(r) : undefined;
        const loc = ev.location ? byId.get(ev.location) : undefined;
        rows.push([
          `${result.id || 'doc'}-${ev.id}${actors.length * recipients.length > 1 ? `.${++n}` : ''}`,
          sqlDate(ev.date?.value),
          ev.date?.basis ?? '',
          ea?.codes?.[0]?.code ?? '', ea?.name ?? '', ea?.type ?? '',
          er?.codes?.[0]?.code ?? '', er?.name ?? '', er?.type ?? '',
          ev.cameo, ev.cameo.slice(0, 3), cameoRoot(ev.cameo), String(quadClass(ev.cameo)),
          ev.type, ev.mode ?? '', ev.negated ? '1' : '0', ev.modality ?? '', ev.factuality,
          loc?.name ?? '', ev.trigger.text, String(sent?.start ?? ''), String(sent?.end ?? ''), result.id, result.url ?? '',
        ].map(cell));
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
