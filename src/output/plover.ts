/**
 * PLOVER-style event records (one JSON object per event, JSONL), following the field names of
 * the PLOVER manual's "PLOVER JSON" table: id, date, actor/recipient entity objects (code,
 * sector, entity_text), event, mode, context (with the auxiliary modes), event_loc, event_text,
 * quad_code, text, text_info, cite_info. Chronicle adds cameo, factuality, negated, modality, reported_by
 * and date_basis, and every record points back to the characters it came from.
 */
import { defaultLexicon } from '../extract/events/lexicon.js';
import { quadClass, toPlover } from '../extract/events/plover.js';
import type { EntityOut, EventOut, Result } from './schema.js';

export interface PloverEntity {
  code: string | null;
  sector: string | null;
  entity_text: string;
  /** the entity's id; null for a group no entity stands for ("police") */
  identifier_id: string | null;
  /** the entity type, or GROUP for a group named by a common noun */
  type: string;
}

/** A participant no entity stands for as PLOVER's entity object: no country code, its CAMEO agent as the sector. */
export function ploverGroup(g: NonNullable<EventOut['groups']>[number]): PloverEntity {
  return { code: null, sector: g.code, entity_text: g.text, identifier_id: null, type: 'GROUP' };
}

export interface PloverRecord {
  id: string;
  has_event: true;
  date: string | null;
  date_basis: string | null;
  actor: PloverEntity[];
  recipient: PloverEntity[];
  event: string[];
  mode: string[];
  context: string[];
  cameo: string | null;
  quad_code: number | null;
  factuality: string;
  negated: boolean;
  modality: string | null;
  reported_by: PloverEntity | null;
  event_loc: { name: string; identifier_id: string } | null;
  event_text: string[];
  text: string;
  text_info: { sequence: number; start: number; end: number; trigger_start: number; trigger_end: number };
  cite_info: { doc_id: string; title: string | null; source: string | null; url: string | null; published: string | null };
  coder: string;
}

/** An entity as PLOVER's entity object: 3-letter code, sector from the rest of the CAMEO actor code. */
export function ploverEntity(e: EntityOut): PloverEntity {
  const code = e.codes?.[0]?.code ?? null;
  return {
    code: code ? code.slice(0, 3) : null,
    sector: code && code.length > 3 ? code.slice(3) : null,
    entity_text: e.name,
    identifier_id: e.id,
    type: e.type,
  };
}

export function toPloverRecords(result: Result): PloverRecord[] {
  const byId = new Map(result.entities.map((e) => [e.id, e]));
  const entity = (id: string) => {
    const e = byId.get(id);
    return e ? ploverEntity(e) : null;
  };
  const list = (ids: string[]) => ids.map(entity).filter((x): x is PloverEntity => x !== null);
  let table: ReturnType<typeof defaultLexicon>['plover'] | null = null;
  return result.events.map((ev: EventOut) => {
    table ??= defaultLexicon().plover;
    const context: string[] = [];
    const pc = toPlover(table, ev.cameo);
    if (pc?.context) for (const c of pc.context.split(';')) if (c.trim()) context.push(c.trim());
    if (ev.modality) context.push(ev.modality);
    if (ev.negated) context.push('negation');
    // Chronicle's finer factuality, where PLOVER's auxiliary modes have no word for it
    if (['threatened', 'alleged', 'attempted', 'denied'].includes(ev.factuality)) context.push(ev.factuality);
    const sent = result.sentences[ev.sentence] ?? { start: ev.trigger.start, end: ev.trigger.end };
    const loc = ev.location ? byId.get(ev.location) : undefined;
    return {
      id: `${result.id || 'doc'}-${ev.id}`,
      has_event: true,
      date: ev.date?.value ?? null,
      date_basis: ev.date?.basis ?? null,
      actor: [...list(ev.actor), ...(ev.groups ?? []).filter((g) => g.role === 'actor').map(ploverGroup)],
      recipient: [...list(ev.recipient), ...(ev.groups ?? []).filter((g) => g.role === 'recipient').map(ploverGroup)],
      event: [ev.type],
      mode: ev.mode ? [ev.mode] : [],
      context,
      cameo: ev.cameo,
      quad_code: ev.cameo ? quadClass(ev.cameo) : null,
      factuality: ev.factuality,
      negated: ev.negated,
      modality: ev.modality,
      reported_by: ev.reported_by ? entity(ev.reported_by) : null,
      event_loc: loc ? { name: loc.name, identifier_id: loc.id } : null,
      event_text: [ev.trigger.text],
      text: result.text.slice(sent.start, sent.end),
      text_info: { sequence: ev.sentence, start: sent.start, end: sent.end, trigger_start: ev.trigger.start, trigger_end: ev.trigger.end },
      cite_info: { doc_id: result.id, title: result.title, source: result.source, url: result.url, published: result.published },
      coder: 'chronicle',
    };
  });
}

/** JSONL: one PLOVER record a line. */
export function formatPlover(result: Result): string {
  return toPloverRecords(result).map((r) => JSON.stringify(r) + '\n').join('');
}
