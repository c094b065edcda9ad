/**
 * The world gazetteer (models/places, built by train/places.ts from GeoNames, CC BY 4.0): countries,
 * first-level regions and populated places, each with its names, feature code, country, region,
 * coordinates and population. Loaded on the first question and kept for the life of the process;
 * names are indexed by `placeKey` (case, accents, dots and dashes folded).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a gazetteer entry is, coarsely: an area in no one country (a sea, a continent), a country, a first-level region, or a town. */
export type PlaceKind = 'area' | 'country' | 'region' | 'town';

/** GeoNames feature codes of places in no one country. */
const AREA_CODES = new Set(['CONT', 'OCN', 'SEA', 'RGN']);

export interface Place {
  /** stable id: `iso:LB` (a country), `admin1:LB.04` (a region), `geonames:276781` (a town), `area:red-sea` (no country) */
  id: string;
  name: string;
  /** GeoNames feature code: PCLI (country), ADM1 (region), PPLC, PPLA, PPLA2, PPL … (towns) */
  code: string;
  kind: PlaceKind;
  /** ISO 3166-1 alpha-2; '' for an area in no one country */
  country: string;
  /** GeoNames admin1 code within the country ("04"), '' for a country or an area */
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

/** Where a TSV file's data begins: after its comment lines and its header line. */
function dataStart(tsv: string): number {
  let at = 0;
  while (tsv.startsWith('#', at)) at = tsv.indexOf('\n', at) + 1;
  return tsv.indexOf('\n', at) + 1;
}

export class Gazetteer {
  /** places.tsv as read, and where each entry's line starts; an entry is parsed on first use */
  private readonly placesText: string;
  private readonly starts: Uint32Array;
  private readonly parsed: (Place | undefined)[];
  /** names.tsv as read: "key<TAB>row,row" lines sorted by key, searched in place (loading splits nothing) */
  private readonly namesText: string;
  private readonly namesStart: number;
  private readonly countryIndex = new Map<string, number>();
  private readonly regionIndex = new Map<string, number>();
  private readonly alpha3 = new Map<string, string>();

  /** Read the two files the build writes (see train/places.ts): the entries, and the sorted name keys. */
  constructor(placesTsv: string, namesTsv: string) {
    this.placesText = placesTsv;
    const starts: number[] = [];
    for (let at = dataStart(placesTsv); at < placesTsv.length; at = placesTsv.indexOf('\n', at) + 1 || placesTsv.length) starts.push(at);
    this.starts = Uint32Array.from(starts);
    this.parsed = new Array<Place | undefined>(starts.length);
    this.namesText = namesTsv;
    this.namesStart = dataStart(namesTsv);
    // areas, countries and regions come first; the towns after them need no index of their own
    for (let i = 0; i < this.starts.length; i++) {
      const f = this.line(i).split('\t');
      if (f[2] === 'PCLI') {
        this.countryIndex.set(f[3], i);
        if (f[8]) this.alpha3.set(f[8], f[3]);
      } else if (f[2] === 'ADM1') this.regionIndex.set(`${f[3]}.${f[4]}`, i);
      else if (!AREA_CODES.has(f[2])) break;
    }
  }

  private line(i: number): string {
    const from = this.starts[i];
    const end = this.placesText.indexOf('\n', from);
    return this.placesText.slice(from, end < 0 ? this.placesText.length : end);
  }

  private place(i: number): Place {
    const known = this.parsed[i];
    if (known) return known;
    const f = this.line(i).split('\t');
    const code = f[2];
    const kind: PlaceKind = code === 'PCLI' ? 'country' : code === 'ADM1' ? 'region' : AREA_CODES.has(code) ? 'area' : 'town';
    const place: Place = { id: f[0], name: f[1], code, kind, country: f[3], admin1: f[4], lat: Number(f[5]), lon: Number(f[6]), population: Number(f[7]) || 0 };
    if (f[8]) place.iso3 = f[8];
    this.parsed[i] = place;
    return place;
  }

  /** The rows bearing a folded name key: a binary search over the sorted lines of names.tsv, by character offset. */
  private rows(key: string): number[] {
    const text = this.namesText;
    let lo = this.namesStart;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const from = Math.max(lo, text.lastIndexOf('\n', mid - 1) + 1);
      const tab = text.indexOf('\t', from);
      const nl = text.indexOf('\n', from);
      const end = nl < 0 ? text.length : nl;
      const k = text.slice(from, tab);
      if (k < key) lo = end + 1;
      else if (k > key) hi = from;
      else return text.slice(tab + 1, end).split(',').map(Number);
    }
    return [];
  }

  /** Every entry bearing this name (any spelling the index folds together). */
  lookup(name: string): Place[] {
    const key = placeKey(name);
    return key ? this.rows(key).map((i) => this.place(i)) : [];
  }

  has(name: string): boolean {
    const key = placeKey(name);
    return key !== '' && this.rows(key).length > 0;
  }

  country(cc: string): Place | undefined {
    const i = this.countryIndex.get(cc);
    return i === undefined ? undefined : this.place(i);
  }

  region(cc: string, admin1: string): Place | undefined {
    const i = this.regionIndex.get(`${cc}.${admin1}`);
    return i === undefined ? undefined : this.place(i);
  }

  /** The alpha-2 code of an ISO alpha-3 one ("LBN" → "LB"), as CAMEO actor codes begin. */
  alpha2(iso3: string): string | undefined {
    return this.alpha3.get(iso3);
  }

  /** ISO alpha-3 → alpha-2 of every country ("RUS" → "RU"). */
  alpha2Table(): ReadonlyMap<string, string> {
    return this.alpha3;
  }

  /** The first name key out of order (none in a build's output; test/places.test.ts checks the committed one). */
  keyOutOfOrder(): string | null {
    let prev = '';
    for (const line of this.namesText.slice(this.namesStart).split('\n')) {
      if (!line) continue;
      const k = line.slice(0, line.indexOf('\t'));
      if (k <= prev) return k;
      prev = k;
    }
    return null;
  }

  get size(): number {
    return this.starts.length;
  }
}

const MODEL_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../../models/places');

let shared: Gazetteer | null = null;

/** The committed gazetteer, read on first use (CHRONICLE_PLACES=DIR points at another build's folder). */
export function gazetteer(): Gazetteer {
  if (!shared) {
    const dir = process.env.CHRONICLE_PLACES ?? MODEL_DIR;
    shared = new Gazetteer(readFileSync(join(dir, 'places.tsv'), 'utf8'), readFileSync(join(dir, 'names.tsv'), 'utf8'));
  }
  return shared;
}

/**
 * ISO alpha-3 → alpha-2 of the gazetteer's countries, as CAMEO actor codes begin, for readers that
 * need no more (the exports). The gazetteer is two files searched in place, so loading it for this
 * costs a fraction of a second (the exports engineer first streamed the country rows of the older
 * gzip build instead).
 */
export async function countryAlpha2Table(): Promise<ReadonlyMap<string, string>> {
  return gazetteer().alpha2Table();
}
