/**
 * The world gazetteer (models/places, built by train/places.ts from GeoNames, CC BY 4.0): countries,
 * first-level regions and populated places, each with its names, feature code, country, region,
 * coordinates and population. Loaded on the first question and kept for the life of the process;
 * names are indexed by `placeKey` (case, accents, dots and dashes folded).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { lineStarts, readyModel, SortedTable } from '../../nlp/model-io.js';

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

/**
 * The gazetteer in the form it is read (load-ready, places.tsv.ready.bin beside places.tsv.gz):
 * its name keys as sorted "key\tid id …" lines searched in place, the entries as their TSV lines
 * parsed when first asked for, and the small country, region and alpha-3 indexes. 123,000
 * entries under 400,000 keys made a map and an object each at start-up: a second of CPU.
 */
export interface CompactPlaces {
  keys: string;
  /** one TSV data line per entry, in id order */
  lines: string;
  countries: Array<[string, number]>;
  regions: Array<[string, number]>;
  alpha3: Array<[string, string]>;
}

/** The compact form of the TSV the build writes (see train/places.ts). */
export function compactPlaces(tsv: string): CompactPlaces {
  const byName = new Map<string, number[]>();
  const lines: string[] = [];
  const countries: Array<[string, number]> = [];
  const regions: Array<[string, number]> = [];
  const alpha3: Array<[string, string]> = [];
  let header = true;
  for (const line of tsv.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    if (header) {
      header = false;
      continue;
    }
    const f = line.split('\t');
    const i = lines.length;
    lines.push(line);
    if (f[9]) alpha3.push([f[9], f[3]]);
    if (f[8]) {
      for (const k of f[8].split('|')) {
        const list = byName.get(k);
        if (!list) byName.set(k, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    }
    if (f[2] === 'PCLI') countries.push([f[3], i]);
    else if (f[2] === 'ADM1') regions.push([`${f[3]}.${f[4]}`, i]);
  }
  return { keys: SortedTable.build([...byName].map(([k, ids]) => [k, ids.join(' ')])), lines: lines.join('\n') + '\n', countries, regions, alpha3 };
}

export class Gazetteer {
  private readonly keys: SortedTable;
  /** the entries' lines as UTF-8 bytes (decoded one line at a time: most are never asked for) */
  private readonly lineBytes: Buffer;
  /** byte offset of each line, and the length last */
  private readonly lineStarts: Uint32Array;
  private readonly cache: Array<Place | undefined>;
  private readonly countryIndex: Map<string, number>;
  private readonly regionIndex: Map<string, number>;
  private readonly alpha3: Map<string, string>;

  /**
   * The TSV the build writes (see train/places.ts), or its compact form; a load-ready file gives the
   * entry lines as bytes with their byte offsets, and the key lines' starts.
   */
  constructor(source: string | Omit<CompactPlaces, 'lines'> & { lines: string | Buffer }, starts?: { keys: Uint32Array; lines: Uint32Array }) {
    const c = typeof source === 'string' ? compactPlaces(source) : source;
    this.keys = new SortedTable(c.keys, starts?.keys);
    this.lineBytes = typeof c.lines === 'string' ? Buffer.from(c.lines, 'utf8') : c.lines;
    this.lineStarts = starts?.lines ?? byteLineStarts(this.lineBytes);
    this.cache = new Array(this.lineStarts.length - 1);
    this.countryIndex = new Map(c.countries);
    this.regionIndex = new Map(c.regions);
    this.alpha3 = new Map(c.alpha3);
  }

  /** Entry `i`, parsed from its line on first use. */
  private place(i: number): Place {
    const hit = this.cache[i];
    if (hit) return hit;
    const f = this.lineBytes.toString('utf8', this.lineStarts[i], this.lineStarts[i + 1] - 1).split('\t');
    const code = f[2];
    const kind: PlaceKind = code === 'PCLI' ? 'country' : code === 'ADM1' ? 'region' : 'town';
    const place: Place = { id: f[0], name: f[1], code, kind, country: f[3], admin1: f[4], lat: Number(f[5]), lon: Number(f[6]), population: Number(f[7]) || 0 };
    if (f[9]) place.iso3 = f[9];
    this.cache[i] = place;
    return place;
  }

  /** Every entry bearing this name (any spelling the index folds together). */
  lookup(name: string): Place[] {
    const ids = this.keys.get(placeKey(name));
    return ids ? ids.split(' ').map((i) => this.place(Number(i))) : [];
  }

  has(name: string): boolean {
    return this.keys.get(placeKey(name)) !== undefined;
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

  get size(): number {
    return this.cache.length;
  }
}

/** Byte offsets of the lines of UTF-8 `bytes` (each ended by \n), and the length last. */
function byteLineStarts(bytes: Buffer): Uint32Array {
  let n = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) n++;
  const starts = new Uint32Array(n + 1);
  for (let k = 0, i = 0; k < n; k++) {
    starts[k] = i;
    i = bytes.indexOf(10, i) + 1;
  }
  starts[n] = bytes.length;
  return starts;
}

const MODEL_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../../models/places');

let shared: Gazetteer | null = null;

/** The committed gazetteer, read on first use (CHRONICLE_PLACES=FILE points at another TSV, gzip or plain). */
export function gazetteer(): Gazetteer {
  if (!shared) {
    const file = process.env.CHRONICLE_PLACES ?? join(MODEL_DIR, 'places.tsv.gz');
    // the load-ready form (model-io.ts readyModel), built from the file on first use
    const { file: ready } = readyModel(file, (raw) => {
      const c = compactPlaces((file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
      const lines = Buffer.from(c.lines, 'utf8');
      return {
        header: { countries: c.countries, regions: c.regions, alpha3: c.alpha3 },
        arrays: { keys: Buffer.from(c.keys, 'utf8'), lines, keyStarts: lineStarts(c.keys), lineStarts: byteLineStarts(lines) },
      };
    }, { version: 'chronicle-places-ready/3' });
    const bytes = (a: unknown) => Buffer.from((a as Uint8Array).buffer, (a as Uint8Array).byteOffset, (a as Uint8Array).byteLength);
    const h = ready.header as Pick<CompactPlaces, 'countries' | 'regions' | 'alpha3'>;
    shared = new Gazetteer({ ...h, keys: bytes(ready.arrays.keys).toString('utf8'), lines: bytes(ready.arrays.lines) }, { keys: ready.arrays.keyStarts as Uint32Array, lines: ready.arrays.lineStarts as Uint32Array });
  }
  return shared;
}
