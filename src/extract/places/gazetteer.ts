/**
 * The world gazetteer (models/places, built by train/places.ts from GeoNames, CC BY 4.0): countries,
 * first-level regions and populated places, each with its names, feature code, country, region,
 * coordinates and population. Loaded on the first question and kept for the life of the process;
 * names are indexed by `placeKey` (case, accents, dots and dashes folded).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** What a gazetteer entry is, coarsely: a country, a first-level region, or a town. */
export type PlaceKind = 'country' | 'region' | 'town';

export interface Place {
  /** stable id: `iso:LB` (a country), `admin1:LB.04` (a region), `geonames:276781` (a town) */
  id: string;
  name: string;
  /** GeoNames feature code: PCLI (country), ADM1 (region), PPLC, PPLA, PPLA2, PPL … (towns) */
  code: string;
  kind: PlaceKind;
  /** ISO 3166-1 alpha-2 */
  country: string;
  /** GeoNames admin1 code within the country ("04"), '' for a country */
  admin1: string;
  lat: number;
  lon: number;
  population: number;
  /** ISO 3166-1 alpha-3, countries only */
  iso3?: string;
}

/** A name as the index keeps it: lower case, no accents, dots dropped, dashes and apostrophes as spaces. */
export function placeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.]/g, '')
    .replace(/[-‐–—'’`ʻ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export class Gazetteer {
  readonly places: Place[] = [];
  private readonly byName = new Map<string, number[]>();
  private readonly countryIndex = new Map<string, number>();
  private readonly regionIndex = new Map<string, number>();
  private readonly alpha3 = new Map<string, string>();

  /** Parse the TSV the build writes (see train/places.ts). */
  constructor(tsv: string) {
    const lines = tsv.split('\n');
    let header = true;
    for (const line of lines) {
      if (!line || line.startsWith('#')) continue;
      if (header) {
        header = false;
        continue;
      }
      const f = line.split('\t');
      const code = f[2];
      const kind: PlaceKind = code === 'PCLI' ? 'country' : code === 'ADM1' ? 'region' : 'town';
      const i = this.places.length;
      const place: Place = { id: f[0], name: f[1], code, kind, country: f[3], admin1: f[4], lat: Number(f[5]), lon: Number(f[6]), population: Number(f[7]) || 0 };
      if (f[9]) {
        place.iso3 = f[9];
        this.alpha3.set(f[9], f[3]);
      }
      this.places.push(place);
      if (f[8]) for (const k of f[8].split('|')) this.index(k, i);
      if (kind === 'country') this.countryIndex.set(f[3], i);
      else if (kind === 'region') this.regionIndex.set(`${f[3]}.${f[4]}`, i);
    }
  }

  /** Index one key (already folded by placeKey when the gazetteer was built). */
  private index(k: string, i: number): void {
    const list = this.byName.get(k);
    if (!list) this.byName.set(k, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  }

  /** Every entry bearing this name (any spelling the index folds together). */
  lookup(name: string): Place[] {
    const ids = this.byName.get(placeKey(name));
    return ids ? ids.map((i) => this.places[i]) : [];
  }

  has(name: string): boolean {
    return this.byName.has(placeKey(name));
  }

  country(cc: string): Place | undefined {
    const i = this.countryIndex.get(cc);
    return i === undefined ? undefined : this.places[i];
  }

  region(cc: string, admin1: string): Place | undefined {
    const i = this.regionIndex.get(`${cc}.${admin1}`);
    return i === undefined ? undefined : this.places[i];
  }

  /** The alpha-2 code of an ISO alpha-3 one ("LBN" → "LB"), as CAMEO actor codes begin. */
  alpha2(iso3: string): string | undefined {
    return this.alpha3.get(iso3);
  }

  get size(): number {
    return this.places.length;
  }
}

const MODEL_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../../models/places');

let shared: Gazetteer | null = null;

/** The committed gazetteer, read on first use (CHRONICLE_PLACES=FILE points at another TSV, gzip or plain). */
export function gazetteer(): Gazetteer {
  if (!shared) {
    const file = process.env.CHRONICLE_PLACES ?? join(MODEL_DIR, 'places.tsv.gz');
    const raw = readFileSync(file);
    shared = new Gazetteer((file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
  }
  return shared;
}
