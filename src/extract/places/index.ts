/**
 * Stage 'places': links GPE, LOC and FAC entities to the world gazetteer (models/places, GeoNames
 * CC BY 4.0) and places each event: at its sentence's place when the events stage found one, else
 * at the article's dateline, else nowhere (`placeSource`). Runs after events; reads entities, actor
 * codes and mentions, writes `entity.place` and `event.place` / `event.placeSource`.
 */
import type { Doc, EventPlace, PlaceLink } from '../../doc.js';
import type { Stage } from '../../pipeline.js';
import { ruleById } from '../../rules/registry.js';
import { PlaceResolver } from './resolve.js';
import { eventDatelineRule } from './rules.js';

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
  for (const ev of doc.events) {
    const loc = ev.location ? doc.entityById(ev.location) : undefined;
    if (loc) {
      ev.place = toEventPlace(loc.id, loc.name, loc.place);
      ev.placeSource = 'sentence';
    } else if (dl && dlPlace && eventDatelineRule.enabled) {
      const entity = doc.entities.find((e) => e.place && e.mentions.some((m) => m.start < dl.place.end && m.end > dl.place.start));
      ev.place = toEventPlace(entity?.id ?? null, entity?.name ?? dl.place.text, dlPlace);
      ev.placeSource = 'dateline';
      eventDatelineRule.fired(ev.trigger.start, ev.trigger.end);
    } else {
      ev.place = null;
      ev.placeSource = 'none';
    }
  }
}

export const placesStage: Stage = {
  name: 'places',
  requires: ['tokens', 'sentences'],
  uses: ['entities', 'codes', 'codes.citizenship', 'coref', 'events'],
  provides: ['places', 'events.place'],
  run(doc: Doc): void {
    locatePlaces(doc);
  },
};
