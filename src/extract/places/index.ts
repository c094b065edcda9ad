/**
 * Stage 'places': links GPE, LOC and FAC entities to the world gazetteer (models/places, GeoNames
 * CC BY 4.0) and places each event: at its sentence's place when the events stage found one, else
 * at the article's dateline, else nowhere (`placeSource`). Runs after events; reads entities, actor
 * codes and mentions, writes `entity.place` and `event.place` / `event.placeSource`.
 */
import type { Doc, Entity, EventPlace, EventRecord, Mention, PlaceLink } from '../../doc.js';
import { readerSet } from '../../lexicon/index.js';
import type { Stage } from '../../pipeline.js';
import { ruleById } from '../../rules/registry.js';
import { PlaceResolver } from './resolve.js';
import { eventDatelineRule, sentenceLocativeRule } from './rules.js';

export { findDateline, type Dateline } from './dateline.js';
export { gazetteer, Gazetteer, placeKey, type Place, type PlaceKind } from './gazetteer.js';
export { PlaceResolver, PLACE_TYPES, WEIGHTS } from './resolve.js';

const toEventPlace = (entity: string | null, name: string, p: PlaceLink | undefined): EventPlace => ({
  entity,
  name,
  id: p?.id ?? null,
  country: p?.country ?? null,
  lat: p?.lat ?? null,
  lon: p?.lon ?? null,
});

/** Resolve the document's places and locate its events (the stage's work, callable on its own). */
export function locatePlaces(doc: Doc): void {
  const resolver = new PlaceResolver(doc);
  const resolved = resolver.resolveAll();
  for (const e of doc.entities) {
    const r = resolved.get(e.id);
    if (r) {
      e.place = r.place;
      // each rule whose evidence counted for the entry chosen
      for (const id of new Set(r.place.evidence.map((v) => v.rule))) ruleById(id)?.fired(r.start, r.end);
    } else delete e.place;
  }
  const dl = resolver.evidence.dateline;
  const dlPlace = resolver.evidence.datelinePlace;
  const placedBySentence = placedNamesBySentence(doc);
  let datelineEntity: Entity | null | undefined;
  for (const ev of doc.events) {
    const loc = ev.location ? doc.entityById(ev.location) : undefined;
    const governed = loc ? null : locativePlace(doc, ev, placedBySentence.get(ev.sentence) ?? []);
    if (loc) {
      ev.place = toEventPlace(loc.id, loc.name, loc.place);
      ev.placeSource = 'sentence';
    } else if (governed) {
      ev.place = toEventPlace(governed.id, governed.name, governed.place);
      ev.placeSource = 'sentence';
      sentenceLocativeRule.fired(ev.trigger.start, ev.trigger.end);
    } else if (dl && dlPlace && eventDatelineRule.enabled) {
      // the dateline's entity is the same for every event: looked up once
      datelineEntity ??= doc.entities.find((e) => e.place && e.mentions.some((m) => m.start < dl.place.end && m.end > dl.place.start)) ?? null;
      const entity = datelineEntity;
      ev.place = toEventPlace(entity?.id ?? null, entity?.name ?? dl.place.text, dlPlace);
      ev.placeSource = 'dateline';
      eventDatelineRule.fired(ev.trigger.start, ev.trigger.end);
    } else {
      ev.place = null;
      ev.placeSource = 'none';
    }
  }
}

interface PlacedName {
  e: Entity;
  m: Mention;
}

/** Name mentions of resolved places, by sentence, built once per document (events look up their own sentence only). */
function placedNamesBySentence(doc: Doc): Map<number, PlacedName[]> {
  const bySentence = new Map<number, PlacedName[]>();
  for (const e of doc.entities) {
    if (!e.place) continue;
    for (const m of e.mentions) {
      if (m.kind !== 'name') continue;
      const k = doc.tokens[doc.tokenAt(m.start)]?.sentence;
      if (k === undefined) continue;
      const list = bySentence.get(k);
      if (list) list.push({ e, m });
      else bySentence.set(k, [{ e, m }]);
    }
  }
  return bySentence;
}

/** How many heads up from the place's word the event's trigger may be ("kidnapped near the town of Gao"). */
const MAX_STEPS = 3;

/**
 * A resolved place in the event's sentence that a locative preposition attaches to the trigger:
 * "kidnapped near Gao" (Gao ← obl ← kidnapped), not "officials in Bamako said" (Bamako's head is
 * "officials"). The nearest to the trigger when there are several. Needs the parse.
 */
function locativePlace(doc: Doc, ev: EventRecord, placed: readonly PlacedName[]): Entity | null {
  if (!sentenceLocativeRule.enabled) return null;
  const sent = doc.sentences[ev.sentence];
  if (!sent) return null;
  const trigger = doc.tokenAt(ev.trigger.start);
  if (doc.tokens[trigger]?.head === undefined) return null;
  const locative = readerSet('function-words', 'places-locative');
  let best: { e: Entity; distance: number } | null = null;
  const sentTokens = doc.tokens.slice(sent.tokenStart, sent.tokenEnd);
  for (const { e, m } of placed) {
    if (m.start < sent.start || m.end > sent.end) continue;
    const toks = doc.tokensIn(m.start, m.end);
    if (!toks.length) continue;
    const head = doc.tokens[doc.spanHead(toks[0].i, toks[toks.length - 1].i)];
    const prep = sentTokens.find((t) => t.head === head.i && t.deprel === 'case');
    if (!prep || !locative.has(prep.text.toLowerCase())) continue;
    let h = head.head ?? -1;
    for (let step = 0; step < MAX_STEPS && h >= 0 && h !== trigger; step++) {
      // a place inside a subject phrase or a clause of its own is theirs, not the event's:
      // "officials in Bamako said", "a doctor based in Martinsville was sentenced"
      if (/^(?:nsubj|acl)/.test(doc.tokens[h].deprel ?? '') || /^(?:acl)/.test(doc.tokens[head.head ?? -1]?.deprel ?? '')) break;
      h = doc.tokens[h].head ?? -1;
    }
    if (h !== trigger) continue;
    const distance = Math.abs(m.start - ev.trigger.start);
    if (!best || distance < best.distance) best = { e, distance };
  }
  return best?.e ?? null;
}

export const placesStage: Stage = {
  name: 'places',
  requires: ['tokens', 'sentences'],
  uses: ['entities', 'codes', 'codes.citizenship', 'coref', 'tags', 'parse', 'events'],
  provides: ['places', 'events.place'],
  run(doc: Doc): void {
    locatePlaces(doc);
  },
};
