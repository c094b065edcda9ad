/**
 * Place resolution: which gazetteer entry a GPE, LOC or FAC entity names. Each entry bearing the
 * name starts from a prior (log population, plus a bonus for countries, regions and capitals);
 * the article's evidence is added to it: the dateline, an "X, Y" apposition, the countries of the
 * article's other places, its nationality words and its actors' codes (each a registered rule,
 * src/extract/places/rules.ts; docs/places.md gives the weights and what each is worth). The best entry wins when it
 * beats every entry in another country by a margin and something beyond a village's population
 * speaks for it; otherwise the place stays unresolved. Every weight that counted is kept as the
 * choice's evidence.
 */
import type { Doc, Entity, Mention, PlaceEvidence, PlaceLink } from '../../doc.js';
import { entries, readerSet, set } from '../../lexicon/index.js';
import type { Rule } from '../../rules/registry.js';
import { findDateline, type Dateline } from './dateline.js';
import { gazetteer, placeKey, type Gazetteer, type Place } from './gazetteer.js';
import { actorCodesRule, appositionRule, articleCountriesRule, datelineRule, headRule, nationalityRule, nearPlaceRule, partOfRule, priorRule } from './rules.js';

export const PLACE_TYPES: ReadonlySet<string> = new Set(['GPE', 'LOC', 'FAC']);

/** Weights, in log10-population points (a weight of 1 is a tenfold population). */
export const WEIGHTS = {
  /** feature-class bonus of the prior (an area in no one country has no population: its bonus is its prior) */
  area: 7,
  country: 2.5,
  region: 0.5,
  capital: 1.5,
  seat: 0.5,
  /** a place written "X, Y" with Y holding the entry; a dateline "X, Y —" */
  apposition: 6,
  /** every other place of the article is in the dateline's country */
  datelineCountry: 2,
  /** per other place of the article known to lie in the entry's country */
  article: 1.5,
  articleMax: 4.5,
  /** per nationality word of the entry's country */
  nationality: 1.5,
  nationalityMax: 3,
  /** per person or organisation coded with the entry's country */
  actor: 1,
  actorMax: 2,
  /** an entity is surely in a country (evidence for the others) when its prior beats every other country's by this much */
  sure: 2,
  /** the best entry must beat the best in another country by this much */
  margin: 1,
  /** an entry the name matches only by one of its alternate names ("Delhi" for Dili) */
  alternate: 1,
  /** a region's town of its own name stands for it when it holds this share of the region's people */
  regionTown: 0.2,
  /** a town without other evidence needs this many people to be taken on its name alone */
  townAlone: 5000,
} as const;

/** What is resolved: an entity, or the dateline's words when no entity covers them. */
interface Target {
  entity: Entity | null;
  names: string[];
  mentions: { start: number; end: number }[];
}

/** The article-wide evidence, gathered once per document. */
interface ArticleEvidence {
  dateline: Dateline | null;
  /** the dateline's own place, once resolved */
  datelinePlace: PlaceLink | null;
  /** entity id → the one country all its entries share (a sure country) */
  sure: Map<string, string>;
  /** country → nationality words for it in the article */
  nationalities: Map<string, string[]>;
  /** country → names of the people and organisations coded with it */
  actors: Map<string, string[]>;
}

export interface Resolution {
  place: PlaceLink;
  /** the mention the choice is recorded against (for rule firings) */
  start: number;
  end: number;
}

let demonymCountry: Map<string, string> | null = null;

/** Nationality word → country (lexicon gazetteer-extra, class demonym, column country). */
function nationalityMap(): Map<string, string> {
  demonymCountry ??= new Map(entries('gazetteer-extra', { class: 'demonym' }).filter((e) => e.attrs.country).map((e) => [e.word.toLowerCase(), e.attrs.country!]));
  return demonymCountry;
}

function namesOf(e: Entity): string[] {
  const out = new Set<string>();
  for (const n of [e.name, ...e.mentions.filter((m) => m.kind === 'name').map((m) => m.text)]) {
    const clean = n.replace(/^the\s+/i, '').replace(/['’]s$/, '').trim();
    if (clean) out.add(clean);
  }
  return [...out];
}

interface Candidates {
  places: Place[];
  /** the name was found by dropping a head word ("Kandahar Airport" → Kandahar) */
  head: string | null;
  /** "Paris, Texas" written as one name: the part after the comma */
  within: string | null;
  /** the name was found by dropping a lower-case compass point ("east Jerusalem" → Jerusalem) */
  part?: boolean;
}

/** Lower-case words before a place name that name a part of it ("east Jerusalem"; lexicon place-modifiers). */
const PLACE_MODIFIERS = set('place-modifiers', { kind: 'compass' });

/** The entries a target's names may stand for. */
function candidatesOf(g: Gazetteer, names: string[]): Candidates {
  const seen = new Set<string>();
  const places: Place[] = [];
  const add = (ps: Place[]) => {
    for (const p of ps) if (!seen.has(p.id)) { seen.add(p.id); places.push(p); }
  };
  let within: string | null = null;
  for (const n of names) {
    const comma = n.indexOf(', ');
    if (comma > 0) {
      add(g.lookup(n.slice(0, comma)));
      within = n.slice(comma + 2);
    } else add(g.lookup(n));
  }
  if (places.length) return { places, head: null, within };
  // a part of a place, written with a lower-case compass point: "east Jerusalem", "southwest France"
  if (partOfRule.enabled) {
    for (const n of names) {
      const space = n.indexOf(' ');
      if (space < 1 || !/^\p{Ll}/u.test(n) || !PLACE_MODIFIERS.has(n.slice(0, space))) continue;
      add(g.lookup(n.slice(space + 1)));
      if (places.length) {
        partOfRule.fired();
        return { places, head: n, within, part: true };
      }
    }
  }
  if (!headRule.enabled) return { places, head: null, within };
  // a facility, feature or division named after a place: "Kandahar Airport", "Kherson region", "Kibbutz Nahal Oz"
  const heads = set('place-nouns');
  for (const n of names) {
    const words = n.split(/\s+/);
    if (words.length < 2) continue;
    if (heads.has(words[words.length - 1].toLowerCase())) add(g.lookup(words.slice(0, -1).join(' ')));
    else if (heads.has(words[0].toLowerCase())) add(g.lookup(words.slice(1).join(' ')));
    if (places.length) return { places, head: n, within };
  }
  return { places, head: null, within };
}

/** Entries of a region or country written after a comma ("Texas", "Lebanon"): keys cc or cc.admin1. */
function containers(g: Gazetteer, text: string): Set<string> {
  const out = new Set<string>();
  for (const p of g.lookup(text)) {
    if (p.kind === 'country') out.add(p.country);
    else if (p.kind === 'region') out.add(`${p.country}.${p.admin1}`);
  }
  return out;
}

function inside(p: Place, keys: Set<string>): boolean {
  return keys.has(p.country) || keys.has(`${p.country}.${p.admin1}`);
}

function prior(p: Place, keys?: ReadonlySet<string>): { weight: number; detail: string } {
  const alternate = keys !== undefined && !keys.has(placeKey(p.name));
  const bonus = p.kind === 'area' ? WEIGHTS.area : p.kind === 'country' ? WEIGHTS.country : p.kind === 'region' ? WEIGHTS.region : p.code === 'PPLC' ? WEIGHTS.capital : p.code === 'PPLA' ? WEIGHTS.seat : 0;
  return {
    weight: Math.log10(p.population + 10) + bonus - (alternate ? WEIGHTS.alternate : 0),
    detail: `${p.code}, population ${p.population}${alternate ? ', by another of its names' : ''}`,
  };
}

export class PlaceResolver {
  private readonly g: Gazetteer;
  private readonly mentionAt = new Map<number, Mention>();
  readonly evidence: ArticleEvidence;

  constructor(private readonly doc: Doc, g: Gazetteer = gazetteer()) {
    this.g = g;
    for (const m of doc.mentions) if (m.kind === 'name' && !this.mentionAt.has(m.start)) this.mentionAt.set(m.start, m);
    this.evidence = { dateline: datelineRule.enabled ? findDateline(doc.text) : null, datelinePlace: null, sure: new Map(), nationalities: new Map(), actors: new Map() };
  }

  /** Resolve every place entity of the document, the dateline first. Returns entity id → resolution. */
  resolveAll(): Map<string, Resolution> {
    const doc = this.doc;
    const ev = this.evidence;
    const places = doc.entities.filter((e) => PLACE_TYPES.has(e.type));
    const candidates = new Map<string, Candidates>();
    for (const e of places) {
      const c = candidatesOf(this.g, namesOf(e));
      candidates.set(e.id, c);
      const cc = sureCountry(c.places);
      if (cc) ev.sure.set(e.id, cc);
    }
    if (nationalityRule.enabled) {
      const words = nationalityMap();
      for (const t of doc.tokens) {
        const cc = /^\p{Lu}/u.test(t.text) ? words.get(t.text.toLowerCase()) : undefined;
        if (cc) push(ev.nationalities, cc, t.text);
      }
    }
    if (actorCodesRule.enabled) {
      for (const e of doc.entities) {
        // places count as places; nationality words ("Lebanese", NORP) as nationality words
        if (PLACE_TYPES.has(e.type) || e.type === 'NORP') continue;
        const seen = new Set<string>();
        for (const c of e.codes ?? []) {
          const cc = this.g.alpha2(c.code.slice(0, 3));
          if (cc && !seen.has(cc)) { seen.add(cc); push(ev.actors, cc, e.name); }
        }
      }
    }
    const out = new Map<string, Resolution>();
    // the dateline's place first: its country is evidence for every other place
    const dl = ev.dateline;
    let datelineEntity: Entity | null = null;
    if (dl) {
      datelineEntity = places.find((e) => e.mentions.some((m) => m.start < dl.place.end && m.end > dl.place.start)) ?? null;
      const target: Target = datelineEntity
        ? { entity: datelineEntity, names: namesOf(datelineEntity), mentions: datelineEntity.mentions }
        : { entity: null, names: [dl.place.text], mentions: [dl.place] };
      const r = this.resolve(target, datelineEntity ? candidates.get(datelineEntity.id)! : candidatesOf(this.g, target.names));
      if (r) {
        ev.datelinePlace = r.place;
        if (datelineEntity) out.set(datelineEntity.id, r);
      }
    }
    for (const e of places) {
      if (e === datelineEntity) continue;
      const r = this.resolve({ entity: e, names: namesOf(e), mentions: e.mentions }, candidates.get(e.id)!);
      if (r) out.set(e.id, r);
    }
    // places the gazetteer lacks, placed near a resolved one ("Kibbutz Nahal Oz, near the Gaza border")
    if (nearPlaceRule.enabled) {
      for (const e of places) {
        if (out.has(e.id) || candidates.get(e.id)!.places.length) continue;
        const r = this.nearPlace(e, out);
        if (r) out.set(e.id, r);
      }
    }
    return out;
  }

  /** ", near the Gaza border" after a mention of an unknown place: the resolved place within three words of the preposition. */
  private nearPlace(e: Entity, resolved: Map<string, Resolution>): Resolution | null {
    const locative = readerSet('function-words', 'places-locative');
    const within = readerSet('function-words', 'places-within');
    const doc = this.doc;
    for (const m of e.mentions) {
      if (m.kind !== 'name' || doc.text[m.end] !== ',') continue;
      const first = doc.tokenAt(m.end + 1);
      let prep = '';
      for (let k = first; k < Math.min(doc.tokens.length, first + 4); k++) {
        const t = doc.tokens[k];
        if (!prep) {
          if (!locative.has(t.text.toLowerCase())) break;
          prep = t.text.toLowerCase();
          continue;
        }
        const other = this.mentionAt.get(t.start);
        const at = other?.entity ? resolved.get(other.entity) : undefined;
        if (at && other!.entity !== e.id) {
          const p = at.place;
          // "in X" puts it in X's country; "near X" only near it (a border place may be across the border)
          const inside = within.has(prep);
          return {
            start: m.start,
            end: m.end,
            place: {
              ...p, country: inside ? p.country : null, admin1: inside ? p.admin1 : null, margin: 99,
              evidence: [{ rule: nearPlaceRule.id, detail: `${m.text}, ${doc.text.slice(doc.tokens[first].start, other!.end)}: a place the gazetteer lacks, placed at ${p.name}${inside ? '' : ' (its country not said)'}`, weight: 0 }],
            },
          };
        }
        if (!/^\p{Ll}/u.test(t.text)) break;
      }
    }
    return null;
  }

  /**
   * A small place the gazetteer lacks, or holds only in other countries, written "X, Y" with Y a
   * region or country ("Orléans, Ontario", "Karol Bagh, New Delhi"): placed at Y, since the text
   * says it lies there. Not when X is itself a country or region, or has an entry in Y's country
   * (a list: "Arizona, Florida", "France, Mexico").
   */
  private smallPlaceIn(target: Target, cands: Candidates, within: { keys: Set<string>; text: string; rule: Rule }[]): Resolution | null {
    if (within.length === 0 || cands.places.some((p) => p.kind !== 'town')) return null;
    for (const w of within) {
      if (cands.places.some((p) => inside(p, w.keys))) return null;
      const holders = this.g.lookup(w.text).filter((p) => (p.kind === 'country' || p.kind === 'region' ? w.keys.has(p.kind === 'country' ? p.country : `${p.country}.${p.admin1}`) : cands.places.length === 0 && p.kind === 'town'));
      if (holders.length === 0) continue;
      if (cands.places.some((p) => holders.some((h) => h.country === p.country))) return null;
      const countries = new Set(holders.map((h) => h.country));
      if (countries.size > 1) continue;
      const at = holders.sort((a, b) => rank(b) - rank(a))[0];
      const region = at.kind === 'town' ? this.g.region(at.country, at.admin1) : at.kind === 'region' ? at : undefined;
      const m = target.mentions[0];
      return {
        start: m.start,
        end: m.end,
        place: {
          id: at.id, name: at.name, feature: at.code, country: at.country || null, admin1: region ? region.name : null, lat: at.lat, lon: at.lon, margin: 99,
          evidence: [{ rule: w.rule.id, detail: `${target.names[0]}, ${w.text}: a place the gazetteer ${cands.places.length ? 'holds only elsewhere' : 'lacks'}, placed at ${at.name}`, weight: WEIGHTS.apposition }],
        },
      };
    }
    return null;
  }

  /** Score a target's entries against the article's evidence; the choice, or null when too thin. */
  private resolve(target: Target, cands: Candidates): Resolution | null {
    const ev = this.evidence;
    const e = target.entity;
    // "X, Y" after any mention of the target; the dateline's "TRIPOLI, Lebanon"; "Paris, Texas" as one name
    const within: { keys: Set<string>; text: string; rule: Rule }[] = [];
    if (cands.within && appositionRule.enabled) within.push({ keys: containers(this.g, cands.within), text: cands.within, rule: appositionRule });
    const dl = ev.dateline;
    const isDateline = dl !== null && target.mentions.some((m) => m.start < dl.place.end && m.end > dl.place.start);
    if (isDateline && dl!.within) within.push({ keys: containers(this.g, dl!.within.text), text: dl!.within.text, rule: datelineRule });
    if (appositionRule.enabled) {
      for (const m of target.mentions) {
        const gap = /^, ?/.exec(this.doc.text.slice(m.end, m.end + 2));
        if (!gap) continue;
        const next = this.mentionAt.get(m.end + gap[0].length);
        if (next && (next.type === 'GPE' || next.type === 'LOC') && !(e && next.entity === e.id)) within.push({ keys: containers(this.g, next.text), text: next.text, rule: appositionRule });
      }
    }
    const inContainer = this.smallPlaceIn(target, cands, within);
    if (inContainer) return inContainer;
    if (cands.places.length === 0) return null;
    // the other places' countries (not the target's own), counted once per entity
    const article = new Map<string, string[]>();
    if (articleCountriesRule.enabled) {
      for (const [id, cc] of ev.sure) {
        if (e && id === e.id) continue;
        const other = this.doc.entityById(id);
        if (other) push(article, cc, other.name);
      }
    }
    const nameKeys = new Set(target.names.flatMap((n) => [placeKey(n), placeKey(n.split(', ')[0])]));
    let best: { p: Place; score: number; evidence: PlaceEvidence[] } | null = null;
    const scored: { p: Place; score: number; evidence: PlaceEvidence[] }[] = [];
    for (const p of cands.places) {
      const evidence: PlaceEvidence[] = [];
      if (priorRule.enabled) {
        const pr = prior(p, nameKeys);
        evidence.push({ rule: priorRule.id, detail: pr.detail, weight: round(pr.weight) });
      }
      for (const w of within) if (inside(p, w.keys)) evidence.push({ rule: w.rule.id, detail: `${target.names[0]}, ${w.text}`, weight: WEIGHTS.apposition });
      if (dl && !isDateline && ev.datelinePlace && ev.datelinePlace.country === p.country) evidence.push({ rule: datelineRule.id, detail: `dateline ${dl.place.text} (${p.country})`, weight: WEIGHTS.datelineCountry });
      const others = article.get(p.country);
      if (others) evidence.push({ rule: articleCountriesRule.id, detail: `${others.length} other place(s) in ${p.country}: ${others.slice(0, 3).join(', ')}`, weight: Math.min(WEIGHTS.articleMax, WEIGHTS.article * others.length) });
      const nat = ev.nationalities.get(p.country);
      if (nat) evidence.push({ rule: nationalityRule.id, detail: `nationality words: ${[...new Set(nat)].slice(0, 3).join(', ')}`, weight: Math.min(WEIGHTS.nationalityMax, WEIGHTS.nationality * nat.length) });
      const act = ev.actors.get(p.country);
      if (act) evidence.push({ rule: actorCodesRule.id, detail: `actors coded ${p.country}: ${[...new Set(act)].slice(0, 3).join(', ')}`, weight: Math.min(WEIGHTS.actorMax, WEIGHTS.actor * act.length) });
      const score = evidence.reduce((s, x) => s + x.weight, 0);
      const entry = { p, score, evidence };
      scored.push(entry);
      if (!best || score > best.score || (score === best.score && rank(p) > rank(best.p))) best = entry;
    }
    if (!best) return null;
    // a region and its town of one name ("Istanbul", "Kandahar"): the town, unless the name said region
    if (best.p.kind === 'region' && !cands.head) {
      const region = best.p;
      const town = scored.filter((x) => x.p.kind === 'town' && x.p.country === region.country && x.p.admin1 === region.admin1 && x.p.population >= WEIGHTS.regionTown * region.population)
        .sort((a, b) => b.p.population - a.p.population)[0];
      if (town) best = { ...town, score: best.score, evidence: best.evidence.map((x) => (x.rule === priorRule.id ? { ...x, detail: `${x.detail}; the town of the region's name` } : x)) };
    }
    const rival = Math.max(-Infinity, ...scored.filter((s) => s.p.country !== best!.p.country).map((s) => s.score));
    const margin = rival === -Infinity ? 99 : round(best.score - rival);
    if (margin < WEIGHTS.margin) return null;
    const beyondPrior = best.evidence.some((x) => x.rule !== priorRule.id);
    if (!beyondPrior && !(priorRule.enabled && (best.p.kind !== 'town' || best.p.population >= WEIGHTS.townAlone))) return null;
    if (cands.head) best.evidence.push(cands.part ? { rule: partOfRule.id, detail: `a part of ${best.p.name}: ${cands.head}`, weight: 0 } : { rule: headRule.id, detail: `named after ${best.p.name}: ${cands.head}`, weight: 0 });
    const region = best.p.kind === 'town' ? this.g.region(best.p.country, best.p.admin1) : best.p.kind === 'region' ? best.p : undefined;
    const place: PlaceLink = {
      id: best.p.id,
      name: best.p.name,
      feature: best.p.code,
      country: best.p.country || null,
      admin1: region ? region.name : null,
      lat: best.p.lat,
      lon: best.p.lon,
      margin,
      evidence: best.evidence,
    };
    const m = target.mentions[0];
    return { place, start: m.start, end: m.end };
  }
}

/** The country a name surely lies in on the prior alone ("Lebanon", "Beirut"; not "Tripoli"), or null. */
function sureCountry(places: Place[]): string | null {
  const byCountry = new Map<string, number>();
  for (const p of places) byCountry.set(p.country, Math.max(byCountry.get(p.country) ?? -Infinity, prior(p).weight));
  const ranked = [...byCountry].sort((a, b) => b[1] - a[1]);
  // an area in no one country (a sea, "the Middle East") says nothing of the others' countries
  if (ranked.length === 0 || ranked[0][0] === '') return null;
  return ranked.length === 1 || ranked[0][1] - ranked[1][1] >= WEIGHTS.sure ? ranked[0][0] : null;
}

/** Prefer the higher-ranked entry on a tie: a country, a region, a capital, a seat, then population. */
function rank(p: Place): number {
  return (p.kind === 'country' || p.kind === 'area' ? 4e12 : p.kind === 'region' ? 3e12 : p.code === 'PPLC' ? 2e12 : p.code === 'PPLA' ? 1e12 : 0) + p.population;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

