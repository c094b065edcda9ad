/**
 * A person's case file from the stored events: a timeline where the same event told by
 * several sources is one item citing each of them, a status over time derived from event
 * modes (abducted → held → released; killed), and conflicts where sources disagree on the date,
 * place or outcome of an event that happens once (an abduction, a release, a death).
 * A near-duplicate copy of an article (syndicated, lightly edited) is not a second source: its
 * events are listed under the first copy's as `copies`, so they add no timeline entry, no
 * source count and no claim — even when the copy, published a day later, resolved "Saturday"
 * to another date.
 */
import { lookup } from '../lexicon/index.js';
import { foldName } from './names.js';
import type { EventRow, ParticipantRow } from './store.js';
import type { CaseFile, Claim, Conflict, EntitySummary, EventSource, RelationView, SourceRef, StatusSpan, TimelineItem } from './types.js';

/**
 * The status an event gives its recipient (lexicon/en/case-statuses.tsv): by PLOVER type and
 * mode ("ASSAULT abduct" → abducted, then held), or failing that by CAMEO code. A status comes
 * from the event's code, never from a word in it: "taking his family to the U.N." (COERCE
 * seize) and a crane "killing" pilgrims are no abduction and no killing of an institution.
 */
interface StatusDef {
  status: string;
  starts?: string;
  ends?: boolean;
}

function statusOf(type: string, mode: string | null, cameo: string | null = null): StatusDef | null {
  const hit = (mode ? lookup('case-statuses', `${type} ${mode}`) : undefined) ?? (cameo ? lookup('case-statuses', `cameo ${cameo}`) : undefined);
  if (!hit) return null;
  return { status: hit.attrs.status, starts: hit.attrs.starts, ends: hit.attrs.ends === 'yes' };
}

/** Entity types that can be abducted, held, released or killed: a person, or a group of people. */
const CAN_HAVE_STATUS = new Set(['PERSON', 'NORP']);

/** Can this entity take statuses at all? */
export function takesStatus(type: string): boolean {
  return CAN_HAVE_STATUS.has(type);
}

/** A status (abducted, held, released, killed) needs an event the detector is at least this sure of (issue 14). */
export const MIN_STATUS_CONFIDENCE = 0.5;

/** A stored confidence as a number (PostgreSQL may hand back a string), null when none was kept. */
function confidenceOf(confidence: number | string | null | undefined): number | null {
  return confidence === null || confidence === undefined ? null : Number(confidence);
}

/** No confidence (no model scored it, or stored before it was kept) does not bar a status; a low one does. */
function confidentEnough(confidence: number | null): boolean {
  return confidence === null || confidence >= MIN_STATUS_CONFIDENCE;
}

/** An event row's factuality: the stored one, or (rows stored before it was kept) read from negated/modality. */
export function factualityOf(r: Pick<EventRow, 'factuality' | 'negated' | 'modality'>): string {
  if (r.factuality) return r.factuality;
  if (Number(r.negated)) return 'negated';
  return r.modality === 'future' || r.modality === 'hypothetical' ? r.modality : 'asserted';
}

function source(r: EventRow): SourceRef {
  return { document_id: Number(r.document_id), title: r.title, source: r.source, published: r.published, url: r.url };
}

/** Two dates agree when one is a prefix of the other (2023-11 and 2023-11-25). */
export function datesAgree(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** Two place names agree when one's words contain the other's (Kibbutz Nahal Oz / Nahal Oz). */
export function placesAgree(a: string, b: string): boolean {
  const wa = foldName(a).split(' ');
  const wb = foldName(b).split(' ');
  const [small, big] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  return small.every((w) => big.includes(w));
}

/** Text compared across copies: case, spacing and punctuation do not matter. */
export function normalText(s: string): string {
  return (s.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

function sortKey(date: string | null): string {
  return date ?? '9999';
}

/** The event's place as one source gives it (places stage, schema 1.5; null before). */
function placeOfRow(row: EventRow): EventSource['place'] {
  if (!row.place_source || row.place_source === 'none') return null;
  const num = (x: number | null | undefined) => (x === null || x === undefined ? null : Number(x));
  return { name: row.place_name ?? null, country: row.place_country ?? null, lat: num(row.place_lat), lon: num(row.place_lon), source: row.place_source === 'dateline' ? 'dateline' : 'sentence' };
}

/** An event's participants no entity stands for ("police", "protesters"), as participants without an identity. */
function groupParticipants(row: EventRow): ParticipantRow[] {
  if (!row.groups) return [];
  try {
    const groups = JSON.parse(row.groups) as Array<{ role?: string; text?: string }>;
    return groups.filter((g) => typeof g.text === 'string').map((g) => ({ event_id: Number(row.event_id), role: g.role === 'actor' ? 'actor' : 'recipient', entity_id: null, name: g.text! }));
  } catch {
    return [];
  }
}

export function buildCase(entity: EntitySummary, rows: EventRow[], participants: ParticipantRow[], relations: RelationView[]): CaseFile {
  const byEvent = new Map<number, ParticipantRow[]>();
  for (const p of participants) {
    const id = Number(p.event_id);
    if (!byEvent.has(id)) byEvent.set(id, []);
    byEvent.get(id)!.push(p);
  }
  // one row per (event, role of this entity): fold the roles first
  const perEvent = new Map<number, { row: EventRow; roles: Set<string> }>();
  for (const r of rows) {
    const id = Number(r.event_id);
    const e = perEvent.get(id) ?? { row: r, roles: new Set<string>() };
    e.roles.add(r.entity_role);
    perEvent.set(id, e);
  }
  const copiesOf = foldCopyEvents([...perEvent.values()]);
  for (const id of copiesOf.absorbed) perEvent.delete(id);

  // the same event told by several sources: same type, mode, role, negation and agreeing date
  const items: TimelineItem[] = [];
  const once = new Map<string, TimelineItem[]>();
  const defs = new Map<string, StatusDef>();
  // precise dates first, so a coarse one ("last month") can see every item it would fit
  const byPrecision = (a: PerEvent, b: PerEvent) => (b.row.date_value?.length ?? 0) - (a.row.date_value?.length ?? 0) || sortKey(a.row.date_value).localeCompare(sortKey(b.row.date_value));
  for (const { row, roles } of [...perEvent.values()].sort(byPrecision)) {
    const roleList = [...roles].sort();
    const negated = Boolean(Number(row.negated));
    const factuality = factualityOf(row);
    const src: EventSource = {
      ...source(row), event_id: Number(row.event_id), sentence: row.sentence, trigger: row.trigger_text, trigger_start: Number(row.trigger_start), trigger_end: Number(row.trigger_end),
      date_text: row.date_text, date_basis: row.date_basis, negated, modality: row.modality, factuality, copies: copiesOf.copies.get(Number(row.event_id)) ?? [],
      place: placeOfRow(row), confidence: confidenceOf(row.confidence),
    };
    // only a person or a group of people takes a status, as the recipient of an asserted event
    const st = takesStatus(entity.type) ? statusOf(row.type, row.mode, row.cameo) : null;
    // the same event in another source; within one article only a once-only event (a release
    // mentioned three times) is folded, other events of one type and day stay distinct
    const matches = items.filter((it) =>
      (st !== null || !it.sources.some((x) => x.document_id === Number(row.document_id))) &&
      it.type === row.type && it.mode === row.mode && it.factuality === factuality && it.roles.join() === roleList.join() &&
      (it.date === null || row.date_value === null ? it.date === row.date_value || st !== null : datesAgree(it.date, row.date_value)) &&
      (it.location === null || row.location === null || placesAgree(it.location, row.location)));
    // a coarse date that fits items of different days belongs to none of them
    const match = new Set(matches.map((m) => m.date)).size > 1 ? undefined : matches[0];
    const people = [...(byEvent.get(Number(row.event_id)) ?? []).filter((p) => p.entity_id === null || Number(p.entity_id) !== entity.id), ...groupParticipants(row)];
    if (match) {
      match.sources.push(src);
      // keep the more precise date and the fuller place
      if (row.date_value && (!match.date || row.date_value.length > match.date.length)) match.date = row.date_value;
      if (row.location && (!match.location || row.location.length > match.location.length)) match.location = row.location;
      if (src.confidence !== null && (match.confidence === null || src.confidence > match.confidence)) match.confidence = src.confidence;
      for (const p of people) {
        if (!match.participants.some((x) => (x.id !== null && x.id === Number(p.entity_id)) || x.name === p.name)) match.participants.push({ id: p.entity_id === null ? null : Number(p.entity_id), name: p.name, role: p.role === 'actor' ? 'actor' : 'recipient' });
      }
      continue;
    }
    const item: TimelineItem = {
      date: row.date_value, type: row.type, mode: row.mode, cameo: row.cameo, roles: roleList, location: row.location,
      participants: [], negated, factuality, confidence: src.confidence, sources: [src],
    };
    for (const p of people) {
      if (!item.participants.some((x) => (x.id !== null && x.id === Number(p.entity_id)) || x.name === p.name)) item.participants.push({ id: p.entity_id === null ? null : Number(p.entity_id), name: p.name, role: p.role === 'actor' ? 'actor' : 'recipient' });
    }
    items.push(item);
    if (st && factuality === 'asserted' && roleList.includes('recipient') && confidentEnough(src.confidence)) {
      const k = st.status;
      defs.set(k, st);
      if (!once.has(k)) once.set(k, []);
      once.get(k)!.push(item);
    }
  }
  items.sort((a, b) => sortKey(a.date).localeCompare(sortKey(b.date)));

  const rowByEvent = new Map(rows.map((r) => [Number(r.event_id), r]));
  // conflicts: a once-only event with disagreeing dates or places across sources
  const conflicts: Conflict[] = [];
  const claim = (value: string, its: TimelineItem[]): Claim => ({
    value,
    sources: its.flatMap((it) => it.sources.map((s) => ({ document_id: s.document_id, title: s.title, source: s.source, published: s.published, url: s.url, sentence: s.sentence, copies: s.copies }))),
  });
  for (const [status, its] of once) {
    // the most precise dates first: a coarse date ("last month") that agrees with two claims
    // (3 and 4 March) supports neither
    const dated = its.filter((it) => it.date !== null).sort((a, b) => b.date!.length - a.date!.length);
    const dateGroups: Array<{ value: string; items: TimelineItem[] }> = [];
    for (const it of dated) {
      const fits = dateGroups.filter((x) => datesAgree(x.value, it.date!));
      if (fits.length === 1) fits[0].items.push(it);
      else if (fits.length === 0) dateGroups.push({ value: it.date!, items: [it] });
    }
    if (dateGroups.length > 1) conflicts.push({ kind: 'date', about: `date ${entity.name} was ${status}`, claims: dateGroups.map((g) => claim(g.value, g.items)) });
    const placeGroups: Array<{ value: string; items: TimelineItem[] }> = [];
    for (const it of its) {
      for (const s of it.sources) {
        const row = rowByEvent.get(s.event_id);
        const place = row?.location;
        if (!place) continue;
        const g = placeGroups.find((x) => placesAgree(x.value, place));
        const single: TimelineItem = { ...it, sources: [s] };
        if (g) g.items.push(single);
        else placeGroups.push({ value: place, items: [single] });
      }
    }
    if (placeGroups.length > 1) conflicts.push({ kind: 'place', about: `place ${entity.name} was ${status}`, claims: placeGroups.map((g) => claim(g.value, g.items)) });
  }
  // outcomes that exclude each other: released vs killed, where the killing is not after the release
  const released = once.get('released') ?? [];
  const killed = once.get('killed') ?? [];
  if (released.length && killed.length) {
    const lastRelease = released.map((r) => r.date).filter(Boolean).sort().pop() ?? null;
    const firstKill = killed.map((r) => r.date).filter(Boolean).sort()[0] ?? null;
    if (!(lastRelease && firstKill && firstKill > lastRelease)) {
      conflicts.push({ kind: 'status', about: `whether ${entity.name} was released or killed`, claims: [claim('released', released), claim('killed', killed)] });
    }
  }

  const status = statusSpans(once, defs);
  // a captivity relation ("held by Islamic Jihad") says the person was held even when no
  // article dated the abduction
  const captivity = relations.filter((r) => r.side === 'subject' && /held|captiv|hostage|prisoner|detain/i.test(`${r.type} ${r.role ?? ''}`));
  if (takesStatus(entity.type) && captivity.length && !status.some((s) => s.status === 'held')) {
    const seen = new Set<number>();
    const sources = captivity.flatMap((r) => r.sources).filter((x) => !seen.has(x.document_id) && seen.add(x.document_id)).map(({ sentence: _s, ...ref }) => ref);
    const end = status.find((s) => s.status === 'released' || s.status === 'killed');
    status.unshift({ status: 'held', from: null, to: end?.from ?? null, sources });
  }
  return { entity, events: items, status, conflicts, relations };
}

interface PerEvent {
  row: EventRow;
  roles: Set<string>;
}

/**
 * Events of near-duplicate copies matched to the events of their story's first document
 * (the lowest id among the story's documents present): same type, mode, negation and roles
 * of this entity, and the same sentence, or failing that the same trigger word (with an
 * agreeing date first). Each event of the first document takes at most one event per copy.
 * A copy's event with no match is new content (a local paragraph) and stays an event.
 */
function foldCopyEvents(events: PerEvent[]): { copies: Map<number, SourceRef[]>; absorbed: Set<number> } {
  const copies = new Map<number, SourceRef[]>();
  const absorbed = new Set<number>();
  const byStory = new Map<number, PerEvent[]>();
  for (const e of events) {
    const story = Number(e.row.story_id ?? e.row.document_id);
    if (!byStory.has(story)) byStory.set(story, []);
    byStory.get(story)!.push(e);
  }
  for (const list of byStory.values()) {
    const docs = new Set(list.map((e) => Number(e.row.document_id)));
    if (docs.size < 2) continue;
    list.sort((a, b) => Number(a.row.document_id) - Number(b.row.document_id) || Number(a.row.trigger_start) - Number(b.row.trigger_start));
    const lead = Number(list[0].row.document_id);
    const accepted: Array<{ e: PerEvent; takenFrom: Set<number> }> = list.filter((e) => Number(e.row.document_id) === lead).map((e) => ({ e, takenFrom: new Set<number>() }));
    for (const e of list) {
      const doc = Number(e.row.document_id);
      if (doc === lead) continue;
      const roles = [...e.roles].sort().join();
      let best: { a: (typeof accepted)[number]; score: number } | null = null;
      for (const a of accepted) {
        const r = a.e.row;
        if (a.takenFrom.has(doc) || Number(r.document_id) === doc) continue;
        if (r.type !== e.row.type || r.mode !== e.row.mode || factualityOf(r) !== factualityOf(e.row) || [...a.e.roles].sort().join() !== roles) continue;
        const score = normalText(r.sentence) === normalText(e.row.sentence) ? 3
          : r.trigger_text.toLowerCase() !== e.row.trigger_text.toLowerCase() ? 0
          : r.date_value === null || e.row.date_value === null || datesAgree(r.date_value, e.row.date_value) ? 2 : 1;
        if (score > 0 && (!best || score > best.score)) best = { a, score };
      }
      if (!best) {
        accepted.push({ e, takenFrom: new Set<number>() });
        continue;
      }
      best.a.takenFrom.add(doc);
      const leadId = Number(best.a.e.row.event_id);
      if (!copies.has(leadId)) copies.set(leadId, []);
      copies.get(leadId)!.push(source(e.row));
      absorbed.add(Number(e.row.event_id));
    }
  }
  return { copies, absorbed };
}

/** abducted 2023-10-07 → held → released 2025-02-15, from the once-only events. */
function statusSpans(once: Map<string, TimelineItem[]>, defs: Map<string, StatusDef>): StatusSpan[] {
  const points: Array<{ status: string; date: string | null; starts?: string; sources: SourceRef[] }> = [];
  for (const [status, its] of once) {
    const def = defs.get(status)!;
    // the best-supported date of this status; between equally supported ones (a conflict), the earliest
    const dated = its.filter((i) => i.date).sort((a, b) => b.sources.length - a.sources.length || (b.date!.length - a.date!.length) || a.date!.localeCompare(b.date!));
    const date = dated[0]?.date ?? null;
    const sources = its.flatMap((i) => i.sources.map((s) => ({ document_id: s.document_id, title: s.title, source: s.source, published: s.published, url: s.url })));
    const seen = new Set<number>();
    points.push({ status, date, starts: def.starts, sources: sources.filter((s) => !seen.has(s.document_id) && seen.add(s.document_id)) });
  }
  // a captivity told vaguely ("held since March", coded as a detention) beside one dated to the
  // day (abducted on 4 March) is the same captivity, not a second one
  const vague = (p: (typeof points)[number]) => p.starts !== undefined && p.date !== null &&
    points.some((q) => q !== p && q.starts === p.starts && q.date !== null && q.date.length > p.date!.length && datesAgree(q.date, p.date!));
  const kept = points.filter((p) => !vague(p));
  points.length = 0;
  points.push(...kept);
  points.sort((a, b) => sortKey(a.date).localeCompare(sortKey(b.date)));
  const spans: StatusSpan[] = [];
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    spans.push({ status: p.status, from: p.date, to: p.date, sources: p.sources });
    if (p.starts) {
      const next = points.slice(i + 1).find((q) => q.date !== null && defs.get(q.status)?.ends);
      spans.push({ status: p.starts, from: p.date, to: next?.date ?? null, sources: p.sources });
    }
  }
  return spans;
}
