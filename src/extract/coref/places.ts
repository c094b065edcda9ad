/**
 * Place descriptions ("the city", "the country", "the capital"): which kind of place a noun
 * describes, from models/coref/place-nouns.tsv.gz (`npm run build:coref-place-nouns`: how often
 * prose apposes the noun to a name the gazetteer knows as a country, a region, a town or an area),
 * and which kinds an entity's name is in the places gazetteer (models/places).
 */
import type { Entity } from '../../doc.js';
import { gazetteer, type PlaceKind } from '../places/gazetteer.js';
import { corefTableRows } from './files.js';
import { lookup } from '../../lexicon/index.js';

/** A noun describes places when at least this share of the names it is apposed to are places … */
const PLACE_SHARE = 0.5;
/** … of which one kind holds at least this share */
const KIND_SHARE = 0.6;
const KINDS: PlaceKind[] = ['country', 'region', 'town', 'area'];

let table: Map<string, PlaceKind> | null = null;

/** noun → the kind of place it describes, for the nouns the table is sure of. */
function placeNouns(): Map<string, PlaceKind> {
  if (table) return table;
  table = new Map();
  for (const f of corefTableRows('place-nouns.tsv.gz').slice(1)) {
    if (f.length < 6) continue;
    const apposed = Number(f[1]);
    const byKind = KINDS.map((_, k) => Number(f[2 + k]));
    const places = byKind.reduce((a, b) => a + b, 0);
    if (places < PLACE_SHARE * apposed) continue;
    const best = byKind.indexOf(Math.max(...byKind));
    if (byKind[best] >= KIND_SHARE * places) table.set(f[0], KINDS[best]);
  }
  return table;
}

/** The kind of place "the NOUN" describes ("city" → town, "country" → country), or null. */
export function placeNounKind(noun: string): PlaceKind | null {
  return placeNouns().get(noun) ?? null;
}

/**
 * The kinds of place "the NOUN" describes: the learned table's, else the lexicon's for nouns prose
 * apposes too seldom or too mixedly to learn ("the nation" → country, "the region" → region or area).
 */
export function placeNounKinds(noun: string, lexicon = true): PlaceKind[] {
  const learned = placeNounKind(noun);
  if (learned) return [learned];
  if (!lexicon) return [];
  const e = lookup('coref-descriptions', noun);
  return e?.attrs.class === 'place' && e.attrs.kind ? (e.attrs.kind.split(',') as PlaceKind[]) : [];
}

const entityKinds = new WeakMap<Entity, Set<PlaceKind>>();

/** Compass points written apart, as the gazetteer writes them joined ("South East Asia" → "Southeast Asia"). */
const COMPASS_APART: readonly [string, string][] = [['South East', 'Southeast'], ['South-East', 'Southeast'], ['North East', 'Northeast'], ['North-East', 'Northeast'], ['South West', 'Southwest'], ['South-West', 'Southwest'], ['North West', 'Northwest'], ['North-West', 'Northwest']];

/** The gazetteer's entries for a name, or for its compass points joined when the name as written has none. */
function lookupPlace(name: string): ReturnType<ReturnType<typeof gazetteer>['lookup']> {
  const found = gazetteer().lookup(name);
  if (found.length) return found;
  for (const [apart, joined] of COMPASS_APART) if (name.startsWith(apart + ' ')) return gazetteer().lookup(joined + name.slice(apart.length));
  return found;
}

/** The kinds of place the entity's names are in the gazetteer ("Taipei" → town; "New York" → region, town; a country's name → country only). */
export function placeKinds(e: Entity): Set<PlaceKind> {
  let kinds = entityKinds.get(e);
  if (kinds) return kinds;
  kinds = new Set();
  if (e.type === 'GPE' || e.type === 'LOC') {
    for (const m of e.mentions) if (m.kind === 'name') for (const p of lookupPlace(m.text.replace(/['’]s?$/, ''))) kinds.add(p.kind);
    // a country's name is the country's, whatever towns also bear it ("Denmark", a town in Australia)
    if (kinds.has('country')) kinds = new Set(['country']);
  }
  entityKinds.set(e, kinds);
  return kinds;
}

const entityCountries = new WeakMap<Entity, Map<string, 'own' | 'alternate'>>();

/**
 * The ISO codes of the countries the entity's names are in the gazetteer, for a GPE: `own` when a name is the
 * country's own ("Israel" → IL), else `alternate` ("Britain", "Burgundy" → an older or other name of a country).
 */
export function countryCodes(e: Entity): Map<string, 'own' | 'alternate'> {
  let codes = entityCountries.get(e);
  if (codes) return codes;
  codes = new Map();
  if (e.type === 'GPE') {
    for (const m of e.mentions) {
      if (m.kind !== 'name') continue;
      const name = m.text.replace(/['’]s?$/, '');
      for (const p of lookupPlace(name)) if (p.kind === 'country' && p.country && codes.get(p.country) !== 'own') codes.set(p.country, p.name === name ? 'own' : 'alternate');
    }
  }
  entityCountries.set(e, codes);
  return codes;
}
