/**
 * The world gazetteer (models/places, built by train/places.ts from GeoNames, CC BY 4.0): countries,
 * first-level regions and populated places, each with its names, feature code, country, region,
 * coordinates and population. Loaded on the first question and kept for the life of the process;
 * names are indexed by `placeKey` (case, accents, dots and dashes folded).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileBytes, memoryBytes, type Bytes } from '../../nlp/file-bytes.js';
import { readyModel, SortedTable } from '../../nlp/model-io.js';

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

/** Where a TSV file's data begins: after its comment lines and its header line (a byte offset). */
function dataStart(tsv: Bytes): number {
  let at = 0;
  while (at < tsv.length && tsv.byte(at) === 0x23 /* # */) at = tsv.indexOf(NL, at) + 1;
  return tsv.indexOf(NL, at) + 1;
}

const NL = 0x0a;
const TAB = 0x09;

function bytesOf(tsv: string | Uint8Array | Bytes): Bytes {
  if (typeof tsv === 'string') return memoryBytes(Buffer.from(tsv, 'utf8'));
  return tsv instanceof Uint8Array ? memoryBytes(tsv) : tsv;
}

/** One line start in STRIDE is kept: a row is found from the last kept start before it (a few lines, one block, on). */
const STRIDE = 16;

/** Where every STRIDE-th data line of places.tsv starts, and how many data lines there are (one pass over its bytes). */
function sampledLineStarts(placesTsv: Uint8Array): { starts: Uint32Array; rows: number } {
  const first = dataStart(memoryBytes(placesTsv));
  const kept: number[] = [];
  let rows = 0;
  for (let at = first; at < placesTsv.length; rows++) {
    if (rows % STRIDE === 0) kept.push(at);
    const nl = placesTsv.indexOf(NL, at);
    at = nl < 0 ? placesTsv.length : nl + 1;
  }
  return { starts: Uint32Array.from(kept), rows };
}

/**
 * The load-ready index of places.tsv: where every STRIDE-th entry's line starts, the number of
 * entries, and a sorted table of codes — "c:LB" → the row of a country, "r:LB.04" → the row of a
 * region, "a:LBN" → "LB" (ISO alpha-3 → alpha-2) — searched in place.
 */
export interface PlacesIndex {
  starts: Uint32Array;
  rows: number;
  codes: SortedTable;
}

/** The index of places.tsv made from its bytes (a load-ready file keeps it). */
export function indexPlaces(placesTsv: Uint8Array): PlacesIndex {
  const { starts, rows } = sampledLineStarts(placesTsv);
  const codes: [string, string][] = [];
  const text = Buffer.from(placesTsv.buffer, placesTsv.byteOffset, placesTsv.byteLength);
  // areas, countries and regions come first; the towns after them need no index of their own
  for (let i = 0, at = starts.length ? starts[0] : text.length; at < text.length; i++) {
    const nl = text.indexOf(NL, at);
    const end = nl < 0 ? text.length : nl;
    const f = text.toString('utf8', at, end).split('\t');
    if (f[2] === 'PCLI') {
      codes.push([`c:${f[3]}`, String(i)]);
      if (f[8]) codes.push([`a:${f[8]}`, f[3]]);
    } else if (f[2] === 'ADM1') codes.push([`r:${f[3]}.${f[4]}`, String(i)]);
    else if (!AREA_CODES.has(f[2])) break;
    at = end + 1;
  }
  return { starts, rows, codes: new SortedTable(SortedTable.build(codes)) };
}

export class Gazetteer {
  /** places.tsv (UTF-8, searched in place: never decoded whole); an entry is parsed on first use */
  private readonly placesBytes: Bytes;
  private readonly index: PlacesIndex;
  private readonly parsed: (Place | undefined)[];
  /** names.tsv: "key<TAB>row,row" lines sorted by key, searched in place (loading splits nothing) */
  private readonly namesBytes: Bytes;
  private readonly namesStart: number;
  private alpha3Map: Map<string, string> | null = null;

  /**
   * The two files the build writes (see train/places.ts): the entries, and the sorted name keys —
   * as text, as bytes, or as files read in place with the load-ready index of the entries (`openGazetteer`).
   */
  constructor(placesTsv: string | Uint8Array | Bytes, namesTsv: string | Uint8Array | Bytes, index?: PlacesIndex) {
    const raw = typeof placesTsv === 'string' ? Buffer.from(placesTsv, 'utf8') : placesTsv;
    if (!index && !(raw instanceof Uint8Array)) throw new Error('a gazetteer read in place needs the index of its entries');
    this.placesBytes = bytesOf(raw);
    this.index = index ?? indexPlaces(raw as Uint8Array);
    this.parsed = new Array<Place | undefined>(this.index.rows);
    this.namesBytes = bytesOf(namesTsv);
    this.namesStart = dataStart(this.namesBytes);
  }

  /** Entry i's line: from the last kept line start before it, past the lines between. */
  private line(i: number): string {
    const bytes = this.placesBytes;
    let from = this.index.starts[Math.floor(i / STRIDE)];
    for (let k = i % STRIDE; k > 0; k--) from = bytes.indexOf(NL, from) + 1;
    const end = bytes.indexOf(NL, from);
    return bytes.text(from, end < 0 ? bytes.length : end);
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

  /**
   * The rows bearing a folded name key: a binary search over the sorted lines of names.tsv, by
   * byte offset; each probed line's key is decoded and compared as a string (the file is sorted in
   * UTF-16 order, which UTF-8 bytes do not always follow).
   */
  private rows(key: string): number[] {
    const bytes = this.namesBytes;
    let lo = this.namesStart;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const from = Math.max(lo, bytes.lastIndexOf(NL, mid - 1) + 1);
      const tab = bytes.indexOf(TAB, from);
      const nl = bytes.indexOf(NL, from);
      const end = nl < 0 ? bytes.length : nl;
      const k = bytes.text(from, tab);
      if (k < key) lo = end + 1;
      else if (k > key) hi = from;
      else return bytes.text(tab + 1, end, 'latin1').split(',').map(Number);
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

  private row(code: string): number | undefined {
    const v = this.index.codes.get(code);
    return v === undefined ? undefined : Number(v);
  }

  country(cc: string): Place | undefined {
    const i = this.row(`c:${cc}`);
    return i === undefined ? undefined : this.place(i);
  }

  region(cc: string, admin1: string): Place | undefined {
    const i = this.row(`r:${cc}.${admin1}`);
    return i === undefined ? undefined : this.place(i);
  }

  /** The alpha-2 code of an ISO alpha-3 one ("LBN" → "LB"), as CAMEO actor codes begin. */
  alpha2(iso3: string): string | undefined {
    return this.index.codes.get(`a:${iso3}`);
  }

  /** ISO alpha-3 → alpha-2 of every country ("RUS" → "RU"). */
  alpha2Table(): ReadonlyMap<string, string> {
    if (!this.alpha3Map) {
      const codes = this.index.codes;
      this.alpha3Map = new Map();
      for (let k = 0; k < codes.size; k++) {
        const line = codes.text.slice(codes.starts[k], codes.starts[k + 1] - 1);
        if (line.startsWith('a:')) this.alpha3Map.set(line.slice(2, line.indexOf('\t')), line.slice(line.indexOf('\t') + 1));
      }
    }
    return this.alpha3Map;
  }

  /** The first name key out of order (none in a build's output; test/places.test.ts checks the committed one). */
  keyOutOfOrder(): string | null {
    let prev = '';
    for (const line of this.namesBytes.text(this.namesStart, this.namesBytes.length).split('\n')) {
      if (!line) continue;
      const k = line.slice(0, line.indexOf('\t'));
      if (k <= prev) return k;
      prev = k;
    }
    return null;
  }

  get size(): number {
    return this.index.rows;
  }
}

const MODEL_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../../models/places');

let shared: Gazetteer | null = null;

/** What the load-ready index of places.tsv holds: a change rebuilds it. */
const INDEX_VERSION = `places index 3, stride ${STRIDE}`;

/**
 * The gazetteer in `dir`, read in place: the name keys and the entries are searched in their files
 * (blocks read as lookups touch them); the entries' line starts and the countries and regions come
 * from the load-ready index (places.tsv.ready.bin, built at `npm install` or on first use, rebuilt
 * when places.tsv changes).
 */
export function openGazetteer(dir: string): Gazetteer {
  const source = join(dir, 'places.tsv');
  const { file } = readyModel(
    source,
    (tsv) => {
      const { starts, rows, codes } = indexPlaces(tsv);
      return { header: { rows }, arrays: { starts, codes: Buffer.from(codes.text, 'utf8'), codeStarts: codes.starts } };
    },
    { version: INDEX_VERSION, stamp: 'stat' },
  );
  const places = new FileBytes(source);
  const starts = file.arrays.starts as Uint32Array;
  // an index that does not fit the file (changed within its modification time's resolution) would misread: check its ends
  const last = starts.length ? starts[starts.length - 1] : 0;
  if (starts.length === 0 || last >= places.length || places.byte(last - 1) !== NL) {
    return new Gazetteer(readFileSync(source), readFileSync(join(dir, 'names.tsv')));
  }
  const codes = file.arrays.codes as Uint8Array;
  const index: PlacesIndex = {
    starts,
    rows: file.header.rows as number,
    codes: new SortedTable(Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength).toString('utf8'), file.arrays.codeStarts as Uint32Array),
  };
  return new Gazetteer(places, new FileBytes(join(dir, 'names.tsv')), index);
}

/** The committed gazetteer, opened on first use (CHRONICLE_PLACES=DIR points at another build's folder). */
export function gazetteer(): Gazetteer {
  shared ??= openGazetteer(process.env.CHRONICLE_PLACES ?? MODEL_DIR);
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
