/**
 * How the store keeps places (schema 1.5 results): an event's place as columns a country filter and
 * a map read, and a place entity's gazetteer entry as JSON beside it.
 */
import type { EventOut } from '../output/schema.js';
import type { EventPlaceRow } from './types.js';

export interface PlaceColumns {
  place_id: string | null;
  place_name: string | null;
  place_country: string | null;
  place_lat: number | null;
  place_lon: number | null;
  /** null for a result older than schema 1.5 (nothing said where) */
  place_source: string | null;
}

/** The event's place columns (all null for results written before places existed). */
export function placeColumns(e: Pick<EventOut, 'place' | 'place_source'>): PlaceColumns {
  const p = e.place ?? null;
  return {
    place_id: p?.id ?? null,
    place_name: p?.name ?? null,
    place_country: p?.country ?? null,
    place_lat: p?.lat ?? null,
    place_lon: p?.lon ?? null,
    place_source: e.place_source ?? null,
  };
}

/** A country filter's value: an ISO 3166-1 alpha-2 code in upper case, or null when none was asked. */
export function countryFilter(raw: string | null | undefined): string | null {
  if (raw === undefined || raw === null || raw === '') return null;
  const cc = raw.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(cc)) throw new RangeError(`country must be an ISO 3166-1 alpha-2 code such as LB or UA (got '${raw}')`);
  return cc;
}


/** A GeoJSON FeatureCollection (RFC 7946) of placed events: one Point per event, lon/lat order. */
export interface EventsGeoJson {
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    id: number;
    geometry: { type: 'Point'; coordinates: [number, number] };
    properties: Omit<EventPlaceRow, 'place_lat' | 'place_lon' | 'event_id'> & { event_id: number };
  }>;
}

export function eventsGeoJson(rows: readonly EventPlaceRow[]): EventsGeoJson {
  return {
    type: 'FeatureCollection',
    features: rows.map(({ place_lat, place_lon, ...props }) => ({
      type: 'Feature' as const,
      id: props.event_id,
      geometry: { type: 'Point' as const, coordinates: [place_lon, place_lat] as [number, number] },
      properties: props,
    })),
  };
}
