/**
 * What one document says about each of its entities that cross-document identity can use as
 * evidence, read once at ingest and kept with the document entity (doc_entities.context):
 *  - the countries an organisation or place belongs to: a place written next to it ("Pakistan's
 *    Supreme Court", "the U.S. Supreme Court", "the Supreme Court of Pakistan"), a place word in
 *    its own name, or its actor code (RUSGOV → Russia);
 *  - the organisation it belongs to ("Google's board"): its parent;
 *  - the document's main country, when one clearly dominates its places;
 *  - the titles written before a person's name ("President", "Gen.");
 *  - whether an organisation's name is generic: an institution every country has ("Supreme
 *    Court", "Parliament", "the Army": an agent of the Phoenix dictionary) or one common word
 *    ("Church"). A generic name never joins another document's entity on the name alone.
 * The knowledge is data: the Phoenix actor and agent dictionaries (models/actors) and the word
 * list of the Brown clusters (models/representations) — no word list here.
 */
import type { Result } from '../output/schema.js';
import { actorIndex, dateNumber, normWords, type ActorIndex } from '../extract/actors/index.js';
import { foldName, isCommonWord, isPronounName, isTitleWord } from './names.js';
import { withinName } from '../extract/aliases.js';

export interface EntityContext {
  /** CAMEO country code → the words that tie the entity to it, as written ("Pakistan's") */
  countries?: Record<string, string>;
  /** organisations it belongs to: folded name → the name as written */
  parents?: Record<string, string>;
  /** the country most of the document's places belong to: [code, name as written] */
  docCountry?: [string, string];
  /** titles written before a person's name, folded ("president", "gen") */
  titles?: string[];
  /** a name every country's institution carries, or one common word */
  generic?: boolean;
  /** the name without the time words the recogniser took into it ("Supreme Court on Tuesday" → "Supreme Court") */
  trimmed?: string;
  /** the fuller name of the same institution in this document ("Supreme Court" → "Supreme Court of Pakistan") */
  sameAs?: string;
}

type Entity = Result['entities'][number];

const PLACE_TYPES = new Set(['GPE', 'LOC', 'FAC', 'NORP']);

/** The country code of an actor code (RUSGOV → RUS), when its first three letters name a country. */
export function countryOfCode(code: string, idx: ActorIndex = actorIndex()): string | null {
  const prefix = code.slice(0, 3);
  return /^[A-Z]{3}$/.test(prefix) && idx.country(prefix) ? prefix : null;
}

/** A country's name for people: "RUSSIAN FEDERATION" → "Russian Federation". */
export function countryName(code: string, idx: ActorIndex = actorIndex()): string {
  const rec = idx.country(code);
  if (!rec) return code;
  return rec.primary.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase()).replace(/\bOf\b|\bThe\b|\bAnd\b/g, (w) => w.toLowerCase());
}

function codesOf(e: Entity, idx: ActorIndex): string[] {
  const out: string[] = [];
  for (const c of e.codes ?? []) {
    const k = countryOfCode(c.code, idx);
    if (k && !out.includes(k)) out.push(k);
  }
  return out;
}

/** Country records named by the words of a name ("Supreme Court of Pakistan" → PAK), with the words. */
function countriesInName(name: string, idx: ActorIndex, date: number): Array<{ code: string; words: string; start: number; end: number }> {
  const words = normWords(name);
  const out: Array<{ code: string; words: string; start: number; end: number }> = [];
  for (const hit of idx.scan(words)) {
    for (const rec of hit.records) {
      const code = idx.countryCodeOf(rec) ?? countryOfCode(idx.codeAt(rec, date) ?? '', idx);
      // a record that is a country's own entry, or one coded as a country alone (a city of it)
      if (code && (idx.countryCodeOf(rec) || /^[A-Z]{3}$/.test(idx.codeAt(rec, date) ?? ''))) {
        out.push({ code, words: hit.key, start: hit.start, end: hit.end });
        break;
      }
    }
  }
  return out;
}

/**
 * Is an organisation's name generic? Its words without the places in it, a leading article
 * and linking words: an agent of the dictionary ("SUPREME COURT", "PARLIAMENT", "ARMY",
 * "FOREIGN MINISTRY") that no named actor covers, or one common word ("Church").
 */
export function isGenericName(name: string, idx: ActorIndex = actorIndex(), date = dateNumber(null)): boolean {
  const words = normWords(name);
  const places = countriesInName(name, idx, date);
  const inPlace = (i: number) => places.some((p) => i >= p.start && i < p.end);
  const rest = words.filter((w, i) => !inPlace(i) && !/^(?:THE|OF|IN|FOR|AND|'S|S)$/.test(w)).map((w) => w.replace(/'S$/, ''));
  if (rest.length === 0) return false;
  // a named actor ("ISLAMIC JIHAD", "UNITED NATIONS") is not generic
  const named = idx.scan(rest);
  if (named.length === 1 && named[0].start === 0 && named[0].end === rest.length) return false;
  const agent = idx.agent(rest, 0);
  if (agent && agent.start === 0 && agent.end === rest.length) return true;
  return rest.length === 1 && isCommonWord(rest[0].toLowerCase());
}

interface Span {
  start: number;
  end: number;
  entity: Entity;
}

/** The context of every entity of a result, by the result's entity id. */
export function entityContexts(result: Result, idx: ActorIndex = actorIndex()): Map<string, EntityContext> {
  const out = new Map<string, EntityContext>();
  const text = result.text;
  const date = dateNumber(result.published);
  const spans: Span[] = [];
  for (const e of result.entities) for (const m of e.mentions) if (m.kind === 'name') spans.push({ start: m.start, end: m.end, entity: e });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const countryCodes = new Map<string, string[]>();
  for (const e of result.entities) countryCodes.set(e.id, codesOf(e, idx));

  // the document's main country: the one most place mentions belong to, with at least half of them
  const tally = new Map<string, { n: number; name: string }>();
  let placed = 0;
  for (const s of spans) {
    if (!PLACE_TYPES.has(s.entity.type)) continue;
    const codes = countryCodes.get(s.entity.id)!;
    if (codes.length !== 1) continue;
    placed++;
    const t = tally.get(codes[0]) ?? { n: 0, name: countryName(codes[0], idx) };
    t.n++;
    tally.set(codes[0], t);
  }
  const top = [...tally].sort((a, b) => b[1].n - a[1].n)[0];
  const docCountry: [string, string] | undefined = top && top[1].n >= 2 && top[1].n * 2 >= placed ? [top[0], top[1].name] : undefined;

  // an organisation's name without a time expression the recogniser took into it ("Supreme Court on Tuesday")
  const core = new Map<string, string>();
  for (const e of result.entities) {
    const m = e.mentions.find((x) => x.kind === 'name');
    const t = m && result.times.find((x) => x.start > m.start && x.start < m.end);
    core.set(e.id, m && t ? text.slice(m.start, t.start).replace(/\s+(?:on|in|at|since|until|by)\s*$/i, '').trim() || e.name : e.name);
  }

  for (const e of result.entities) {
    const ctx: EntityContext = {};
    if (e.type === 'PERSON') {
      const titles = new Set<string>();
      for (const m of e.mentions) {
        if (m.kind !== 'name') continue;
        // up to three title words right before the name ("former Prime Minister")
        const before = text.slice(Math.max(0, m.start - 40), m.start).split(/\s+/).filter(Boolean).slice(-3);
        for (let i = before.length - 1; i >= 0; i--) {
          const w = foldName(before[i]);
          if (!w || !isTitleWord(w)) break;
          titles.add(w);
        }
        // titles kept inside the name itself ("President Vladimir Putin")
        for (const w of foldName(m.text).split(' ')) {
          if (isTitleWord(w)) titles.add(w);
          else break;
        }
      }
      if (titles.size) ctx.titles = [...titles].sort();
      const codes = countryCodes.get(e.id)!;
      if (codes.length) ctx.countries = Object.fromEntries(codes.map((c) => [c, countryName(c, idx)]));
    } else {
      const countries: Record<string, string> = {};
      const parents: Record<string, string> = {};
      const qualify = (s: Span, words: string): void => {
        if (PLACE_TYPES.has(s.entity.type)) {
          for (const c of countryCodes.get(s.entity.id)!) countries[c] ??= words;
        } else if (s.entity.type === 'ORG') parents[foldName(s.entity.name).replace(/^the /, '')] ??= s.entity.name;
      };
      const own = countryCodes.get(e.id)!;
      // a place's own code is where it is; an organisation's, the country it belongs to
      for (const c of own) countries[c] = countryName(c, idx);
      if (e.type !== 'GPE' && e.type !== 'LOC' && e.type !== 'FAC') {
        for (const p of countriesInName(e.name, idx, date)) countries[p.code] ??= p.words.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_m, s: string, c: string) => s + c.toUpperCase());
        for (const m of e.mentions) {
          if (m.kind !== 'name') continue;
          const at = spans.findIndex((s) => s.start === m.start && s.entity === e);
          // the name right before: "Pakistan's Supreme Court", "U.S. Supreme Court", "Google's board"
          const prev = at > 0 ? spans[at - 1] : undefined;
          if (prev && prev.entity !== e && prev.end <= m.start && /^(?:['’]s)?\s+$|^$/.test(text.slice(prev.end, m.start))) qualify(prev, text.slice(prev.start, m.start).trim());
          // the name right after "of" or "in": "the Supreme Court of Pakistan"
          const next = at >= 0 ? spans.slice(at + 1).find((s) => s.start >= m.end) : undefined;
          if (next && next.entity !== e && /^\s+(?:of|in)\s+(?:the\s+)?$/i.test(text.slice(m.end, next.start))) qualify(next, text.slice(m.end, next.end).trim());
        }
      }
      if (Object.keys(countries).length) ctx.countries = countries;
      if (Object.keys(parents).length) ctx.parents = parents;
      // a group of people ("Muslims", "Canadians") is one group wherever it is named
      if (e.type === 'ORG') ctx.generic = isGenericName(core.get(e.id)!, idx, date) || undefined;
      if (!ctx.generic) delete ctx.generic;
    }
    if (docCountry) ctx.docCountry = docCountry;
    if (core.get(e.id) !== e.name) ctx.trimmed = core.get(e.id);
    out.set(e.id, ctx);
  }
  // a generic name with no country of its own is the institution the article named in full
  // ("Pakistan's Supreme Court … the Supreme Court"), when exactly one such fuller name qualifies
  for (const e of result.entities) {
    const ctx = out.get(e.id)!;
    if (!ctx.generic || ctx.countries) continue;
    const mine = foldName(core.get(e.id)!).replace(/^the /, '');
    const fuller = result.entities.filter((o) => {
      if (o === e || o.type !== 'ORG' || !out.get(o.id)!.countries) return false;
      const theirs = foldName(core.get(o.id)!).replace(/^the /, '');
      return withinName(mine, theirs);
    });
    const codes = new Set(fuller.flatMap((o) => Object.keys(out.get(o.id)!.countries!)));
    if (fuller.length === 0 || codes.size !== 1) continue;
    ctx.countries = { ...out.get(fuller[0].id)!.countries };
    ctx.sameAs = fuller[0].name;
  }
  return out;
}

/**
 * The result without entities named only by a pronoun ("I" taken for an organisation): they
 * are no entities of their own. What pointed at them (a quote's speaker, an event's actor,
 * recipient, place or source, a relation) no longer does; the stored result is this one, so
 * the reader shows no such entity either.
 */
export function withoutPronounEntities(result: Result): Result {
  const gone = new Set(result.entities.filter((e) => isPronounName(e.name)).map((e) => e.id));
  if (gone.size === 0) return result;
  const keep = (id: string | null) => (id !== null && gone.has(id) ? null : id);
  return {
    ...result,
    entities: result.entities.filter((e) => !gone.has(e.id)),
    quotes: result.quotes.map((q) => (q.speaker !== null && gone.has(q.speaker) ? { ...q, speaker: null } : q)),
    relations: result.relations.filter((r) => !gone.has(r.subject) && !gone.has(r.object)),
    events: result.events.map((e) => ({
      ...e, actor: e.actor.filter((x) => !gone.has(x)), recipient: e.recipient.filter((x) => !gone.has(x)),
      location: keep(e.location), reported_by: keep(e.reported_by),
    })),
  };
}
