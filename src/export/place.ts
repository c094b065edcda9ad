/**
 * Where an event happened, as the exports print it: the place resolution the extraction stored
 * (result schema 1.5, src/extract/places: `events[].place` {entity, name, id, country, lat, lon},
 * `events[].place_source`, `entities[].place` {id, name, feature, country, admin1, lat, lon, …}),
 * read defensively so that results stored before it (or by other writers) give empty fields,
 * never a guess or an error.
 */

export interface ExportPlace {
  /** the place's name: the resolved name, else the words of the place entity */
  name: string | null;
  /** ISO 3166-1 alpha-2, upper case */
  country: string | null;
  lat: number | null;
  lon: number | null;
  /** which rule gave the event its place: sentence, dateline, none */
  source: string | null;
  /** the gazetteer entry, when the resolution names one */
  id: string | null;
}

type Loose = Record<string, unknown>;

/** Entity types that name places in the world: the ones place resolution links to the gazetteer. */
export const PLACE_ENTITY_TYPES: ReadonlySet<string> = new Set(['GPE', 'LOC', 'FAC']);

const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(v: unknown): string | null {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

function coordinate(v: unknown, limit: number): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN;
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : null;
}

function country(v: unknown): string | null {
  const s = text(v);
  return s && /^[A-Za-z]{2}$/.test(s) ? s.toUpperCase() : null;
}

/** The first of these keys that holds a value. */
function first(o: Loose, keys: readonly string[]): unknown {
  for (const k of keys) if (o[k] !== undefined && o[k] !== null) return o[k];
  return undefined;
}

const LAT = ['lat', 'latitude'] as const;
const LON = ['lon', 'lng', 'long', 'longitude'] as const;
const COUNTRY = ['country', 'country_code', 'countryCode'] as const;
const ID = ['id', 'geonameid', 'geonames_id', 'gazetteer_id', 'gazetteerId'] as const;
const NESTED = ['place', 'geo', 'resolved', 'resolution', 'gazetteer'] as const;

/** A resolution held by an object: nested under place/geo/…, or flat on it. */
function resolution(o: unknown): Loose | null {
  if (!isObject(o)) return null;
  for (const k of NESTED) if (isObject(o[k])) return o[k] as Loose;
  return first(o, LAT) !== undefined || first(o, COUNTRY) !== undefined ? o : null;
}

/**
 * The place of an event: its own resolution first (the sentence's place or the dateline's),
 * then the resolution of its place entity; `entityName` names the place when nothing resolved.
 */
export function eventPlace(event: unknown, placeEntity?: unknown, entityName?: string | null): ExportPlace {
  const own = resolution(event);
  const ofEntity = resolution(placeEntity);
  const r = own ?? ofEntity;
  const ev = isObject(event) ? event : {};
  const nested = isObject(ev.place) ? ev.place as Loose : {};
  const source = text(first(ev, ['placeSource', 'place_source'])) ?? text(first(nested, ['source', 'rule']));
  return {
    name: (r && text(first(r, ['name', 'canonical', 'label']))) ?? (typeof ev.place === 'string' ? text(ev.place) : null) ?? entityName ?? null,
    country: r ? country(first(r, COUNTRY)) : null,
    lat: r ? coordinate(first(r, LAT), 90) : null,
    lon: r ? coordinate(first(r, LON), 180) : null,
    source,
    id: r && r !== ev ? text(first(r, ID)) : null,
  };
}

/** The resolution of a place entity (GPE, LOC, FAC) in one document, if it has one. */
export function entityPlace(entity: unknown): ExportPlace | null {
  const r = resolution(entity);
  if (!r) return null;
  const p: ExportPlace = {
    name: text(first(r, ['name', 'canonical', 'label'])),
    country: country(first(r, COUNTRY)),
    lat: coordinate(first(r, LAT), 90),
    lon: coordinate(first(r, LON), 180),
    source: null,
    id: r === entity ? null : text(first(r, ID)),
  };
  return p.country || p.lat !== null ? p : null;
}

/** The document entity standing for an event's place: its location, else the entity its resolved place came from (a dateline's). */
export function eventPlaceEntity(event: { location?: string | null }): string | null {
  if (event.location) return event.location;
  const place = (event as Loose).place;
  return isObject(place) && typeof place.entity === 'string' && place.entity ? place.entity : null;
}
