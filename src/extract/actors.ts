/**
 * The `actors` stage: CAMEO actor codes for entities from the Phoenix dictionaries of
 * PETRARCH2, at the article's publication date.
 *
 *  1. Names: an entity's name and name mentions are looked up whole ("Vladimir Putin",
 *     "the Kremlin", "Hamas", "Russian"); dated entries give the code in force on
 *     doc.published (Putin: RUSGOV after 2008-05-08; a minister who left office falls back to
 *     the entry's later code). Organisation names not in the dictionary are composed from a
 *     country word and an agent ("Russian Embassy in Israel" → RUS + EMBASSY[~GOV] = RUSGOV).
 *  2. Roles: titles, appositions and nominal mentions (roles/describe.ts) add country and
 *     agent codes ("Russian diplomats" → RUSGOV, "Kremlin spokesperson Dmitry Peskov" →
 *     RUSGOV, "the ambassador" → GOV). An organisation's code passes to its members and
 *     spokespeople, never to its hostages or victims.
 *  3. Metonymy: a city of a country's entry used as the subject of a verb stands for its
 *     government ("Moscow raised concerns" → RUSGOV).
 */
import type { ActorCode, Doc, Entity, Mention } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { actorIndex, dateNumber, normWords, type ActorIndex } from './actors/index.js';
import { describe, sharesStem, type Description } from './roles/describe.js';
import { set } from '../lexicon/index.js';

interface Candidate extends ActorCode {
  /** 0: the name itself, 1: a role or title, 2: usage (metonymy) */
  rank: number;
  /** true for an agent code with no country or group (e.g. "GOV" for "the ambassador") */
  bare?: boolean;
}

interface NameCode {
  code: string;
  source: string;
  /** a non-state or international actor: agents do not extend it */
  nonState: boolean;
  /** matched through a city or region of a country's entry, not the country's own name */
  place: boolean;
}

/** Roles that speak or act for their organisation: they inherit its code, and GOV for a bare state. */
const AFFILIATION = set('roles', { represents: 'yes' });
/** Agents the Phoenix file lacks, in its format (documented in docs/relations.md). */
const SUPPLEMENT: Record<string, string> = { MINISTER: 'GOV', MINISTERS: 'GOV', OFFICIAL: 'GOV', OFFICIALS: 'GOV', GENERAL: 'MIL', GENERALS: 'MIL', SPOKESPERSON: 'GOV' };
const PREPOSITIONS = new Set(['OF', 'IN', 'TO', 'FOR', 'AT', 'ON', 'FROM']);
const FUNCTION_WORDS = new Set([...set('org-name-stopwords')].map((w) => w.toUpperCase()));
const PREP_LOWER = set('function-words', { uses: 'actors-before' });
const NON_VERBS = set('function-words', { uses: 'actors-non-verb' });

function isNonStateFile(file: string): boolean {
  return file !== 'Phoenix.Countries.actors.txt';
}

function combine(base: string, agent: { code: string; prefix: boolean } | null, nonState: boolean): string {
  if (!agent) return base;
  if (nonState) return base;
  if (agent.prefix) return base.startsWith(agent.code) ? base : agent.code + base;
  for (let i = 3; i + 3 <= base.length; i += 3) if (base.slice(i, i + 3) === agent.code) return base;
  return base + agent.code;
}

const nameKeyCache = new Map<string, string[]>();

/** Words of a name with quoted nicknames and a leading article removed (cached: names recur). */
function nameKey(text: string): string[] {
  let hit = nameKeyCache.get(text);
  if (!hit) {
    if (nameKeyCache.size > 20000) nameKeyCache.clear();
    hit = computeNameKey(text);
    nameKeyCache.set(text, hit);
  }
  return hit.slice();
}

function computeNameKey(text: string): string[] {
  const words = normWords(text.replace(/[“"‘][^”"’]{1,30}[”"’]/g, ' '));
  if (words[0] === 'THE') words.shift();
  return words;
}

/** Choose among records sharing a phrase: a longer form whose extra words the article uses, then by file. */
interface DocWords {
  /** a capitalised word of the article (upper-cased) */
  has(w: string): boolean;
  /** does the article name the country a code starts with (its name or adjective)? */
  country(index: ActorIndex, code: string): boolean;
}

function pickRecord(index: ActorIndex, key: string, records: number[], docWords: DocWords, type: Entity['type'], date: number): number | null {
  // only for organisations and people: country entries are authoritative for places
  const longer = type === 'ORG' || type === 'PERSON' ? index.longerForms(key).filter((l) => {
    const extra = l.key.slice(0, l.key.length - key.length).trim().split(' ');
    return extra.length > 0 && extra.length <= 2 && extra.every((w) => w.length > 3 && !FUNCTION_WORDS.has(w) && docWords.has(w)) && index.codeAt(l.records[0], date);
  }) : [];
  const preferCountries = type === 'GPE' || type === 'NORP' || type === 'LOC';
  const ranked = records
    .filter((id) => index.codeAt(id, date))
    .sort((a, b) => {
      const fa = index.record(a).file === 'Phoenix.Countries.actors.txt' ? 0 : 1;
      const fb = index.record(b).file === 'Phoenix.Countries.actors.txt' ? 0 : 1;
      return preferCountries ? fa - fb : 0;
    });
  const exact = ranked[0] ?? null;
  // the longer form wins only when the article does not also name the exact entry's country
  // ("Islamic Jihad" + "Palestinian", no Lebanon → PIJ; "White House" + "Russian" + "U.S." → USA)
  // and never against a state institution of the countries file ("White House" stays USAGOV)
  const exactIsState = exact !== null && index.record(exact).file === 'Phoenix.Countries.actors.txt';
  if (longer.length && (exact === null || (!exactIsState && !docWords.country(index, index.codeAt(exact, date)!)))) return longer[0].records[0];
  return exact;
}

function describeRecord(index: ActorIndex, id: number, key: string, date: number): string {
  const r = index.record(id);
  return `${r.file}: ${key}${key !== r.primary ? ` (= ${r.primary})` : ''} [${index.ruleAt(id, date)}]`;
}

/** Codes from the entity's own names. */
function nameCodes(index: ActorIndex, e: Entity, date: number, docWords: DocWords): NameCode[] {
  const names = new Set([e.name, ...e.mentions.filter((m) => m.kind === 'name').map((m) => m.text)]);
  const keys = new Map<string, string[]>();
  for (const n of names) {
    const w = nameKey(n);
    if (w.length) keys.set(w.join(' '), w);
  }
  const fullest = nameKey(e.name);
  const out: NameCode[] = [];
  const tried = new Set<string>();
  for (const [key, words] of [...keys].sort((a, b) => b[1].length - a[1].length)) {
    if (e.type === 'PERSON') {
      // a single surname only when the document never gives a fuller name
      if (words.length === 1 && fullest.length > 1) continue;
    }
    const variants = [key];
    if ((e.type === 'NORP' || e.type === 'ORG') && /S$/.test(key) && !/SS$/.test(key)) variants.push(key.slice(0, -1));
    for (const k of variants) {
      if (tried.has(k)) continue;
      tried.add(k);
      const recs = index.lookup(k);
      if (!recs.length) continue;
      const id = pickRecord(index, k, recs, docWords, e.type, date);
      if (id === null) continue;
      const code = index.codeAt(id, date)!;
      const rec = index.record(id);
      if (e.type === 'PERSON' && /^[A-Z]{3}$/.test(code)) continue; // a place or a country, not this person
      if (e.type === 'PERSON' && words.length === 1 && !rec.primary.endsWith(' ' + k) && rec.primary !== k) continue;
      const countryEntry = index.countryCodeOf(id) !== null;
      out.push({ code, source: describeRecord(index, id, k, date), nonState: isNonStateFile(rec.file), place: countryEntry && !sharesStem(k, rec) });
      break;
    }
    if (out.length) break;
  }
  if (out.length === 0 && (e.type === 'ORG' || e.type === 'FAC' || e.type === 'NORP')) {
    // compose: country/organisation words before the first preposition, agent head ("Russian Embassy in Israel")
    const words = fullest;
    let cut = words.findIndex((w, i) => i > 0 && PREPOSITIONS.has(w));
    if (cut < 0) cut = words.length;
    const pre = words.slice(0, cut);
    const agent = index.agent(pre);
    let base: { code: string; source: string; nonState: boolean } | null = null;
    for (const hit of index.scan(agent ? pre.slice(0, agent.start) : pre)) {
      const id = pickRecord(index, hit.key, hit.records, docWords, 'ORG', date);
      if (id === null) continue;
      base = { code: index.codeAt(id, date)!, source: describeRecord(index, id, hit.key, date), nonState: isNonStateFile(index.record(id).file) };
      break;
    }
    if (!base && words[cut] === 'OF') {
      for (const hit of index.scan(words.slice(cut + 1))) {
        const id = pickRecord(index, hit.key, hit.records, docWords, 'ORG', date);
        if (id === null) continue;
        base = { code: index.codeAt(id, date)!, source: describeRecord(index, id, hit.key, date), nonState: isNonStateFile(index.record(id).file) };
        break;
      }
    }
    if (base && agent) {
      out.push({
        code: combine(base.code, agent.agent, base.nonState),
        source: `${base.source} + Phoenix.agents.txt: ${agent.agent.pattern.replace(/\|/g, ' … ')} [${agent.agent.prefix ? agent.agent.code + '~' : '~' + agent.agent.code}]`,
        nonState: base.nonState,
        place: false,
      });
    } else if (base && e.type === 'NORP' && cut === words.length) {
      // a group named by its nationality: "Qatari mediators" → QAT
      out.push({ code: base.code, source: base.source, nonState: base.nonState, place: false });
    }
  }
  return out;
}

function agentFor(index: ActorIndex, words: string[]): { code: string; prefix: boolean; source: string } | null {
  const hit = index.agent(words);
  const last = words[words.length - 1];
  if (hit && !(hit.agent.code === 'MED' && /^SPOKES/.test(hit.agent.segments.at(-1)!.at(-1)!))) {
    return { code: hit.agent.code, prefix: hit.agent.prefix, source: `Phoenix.agents.txt: ${hit.agent.pattern.replace(/\|/g, ' … ')} [${hit.agent.prefix ? hit.agent.code + '~' : '~' + hit.agent.code}]` };
  }
  if (last && SUPPLEMENT[last]) return { code: SUPPLEMENT[last], prefix: false, source: `supplement: ${last} [~${SUPPLEMENT[last]}]` };
  return null;
}

/** Codes from one description of the entity. */
function descriptionCodes(doc: Doc, index: ActorIndex, d: Description, codesOf: (id: string) => NameCode[]): Candidate[] {
  const p = d.phrase;
  const head = p.head;
  if (!head) return [];
  const out: Candidate[] = [];
  const phraseText = doc.text.slice(doc.tokens[p.from].start, doc.tokens[p.to - 1].end);
  // agent words: the phrase up to the head, plus a following preposition ("AMBASSADOR TO")
  // (a complement that names no entity is part of the role: "spokesman for the Indonesian military")
  let agentEnd = head.to;
  if (p.complement && agentEnd < p.to) agentEnd = p.complement.ref ? agentEnd + 1 : p.complement.to;
  const agentWords = normWords(doc.tokens.slice(p.from, agentEnd).map((t) => t.text).join(' '));
  let agent = head.cls === 'kin' || head.cls === 'captive' || head.cls === 'citizen' || head.cls === 'resident' ? null : agentFor(index, agentWords);
  // spokespeople, officials and members speak for their organisation; for a bare state that means its government
  let affiliationDefault = false;
  if (AFFILIATION.has(head.role) && (!agent || agent.code === 'MED')) {
    agent = { code: 'GOV', prefix: false, source: `role ${head.role} speaks for a state [~GOV]` };
    affiliationDefault = true;
  }
  if (agent && p.former && agent.code === 'GOV') agent = { code: 'ELI', prefix: false, source: `former ${agent.source} → [~ELI]` };

  const bases: { code: string; source: string; nonState: boolean }[] = [];
  const orgPasses = head.cls === 'position' || head.cls === 'member' || head.cls === 'occupation';
  if (orgPasses) {
    for (const m of p.modifiers) {
      if (m.entity.type === 'PERSON') continue;
      for (const c of codesOf(m.entity.id)) bases.push({ code: c.code, source: `${m.mention.text} (${c.source})`, nonState: c.nonState });
    }
    // "Qatar's Prime Minister": the possessor is the state or organisation
    const owner = p.possessor?.entity ? doc.entityById(p.possessor.entity) : undefined;
    if (owner && owner.type !== 'PERSON') for (const c of codesOf(owner.id)) bases.push({ code: c.code, source: `${owner.name}'s (${c.source})`, nonState: c.nonState });
    const c = p.complement;
    if (c && c.ref && (c.prep === 'of' || c.prep === 'for') && c.ref.entity.type !== 'PERSON') {
      for (const x of codesOf(c.ref.entity.id)) bases.push({ code: x.code, source: `${c.ref.mention.text} (${x.source})`, nonState: x.nonState });
    } else if (c && c.nationality && (c.prep === 'of' || c.prep === 'for')) {
      bases.push({ code: c.nationality.code, source: `country ${c.nationality.text}`, nonState: false });
    }
  }
  if (!bases.length) {
    for (const n of p.nationalities) {
      if (n.token >= head.from) continue;
      // a nationality that is part of an organisation name in a hostage title stays with the organisation
      if (!orgPasses && p.modifiers.some((m) => m.entity.type === 'ORG' && n.token >= m.first && n.token < m.last)) continue;
      bases.push({ code: n.code, source: `nationality ${n.text} (Phoenix.Countries.actors.txt)`, nonState: false });
    }
  }
  for (const b of bases.slice(0, 1)) {
    const code = combine(b.code, agent, b.nonState);
    out.push({ code, source: `${d.via} "${phraseText}": ${b.source}${agent && code !== b.code ? ` + ${agent.source}` : ''}`, rank: 1 });
  }
  if (!bases.length && agent && !affiliationDefault) out.push({ code: agent.code, source: `${d.via} "${phraseText}": ${agent.source} (no country named)`, rank: 1, bare: true });
  return out;
}

/** True when a mention is the subject of a verb ("Moscow raised concerns"). */
function isVerbSubject(doc: Doc, m: Mention): boolean {
  const first = doc.tokenAt(m.start);
  let last = first;
  while (last < doc.tokens.length && doc.tokens[last].start < m.end) last++;
  const toks = doc.tokens;
  if (toks[first]?.deprel) {
    for (let i = first; i < last; i++) {
      const h = toks[i].head ?? -1;
      if (h >= first && h < last) continue;
      return toks[i].deprel === 'nsubj' && h >= 0 && (toks[h].upos === 'VERB' || toks[h].upos === 'AUX');
    }
    return false;
  }
  const prev = toks[first - 1];
  const next = toks[last];
  if (!next || next.sentence !== toks[first].sentence) return false;
  if (prev && prev.sentence === toks[first].sentence && PREP_LOWER.has(prev.text.toLowerCase())) return false;
  const w = next.text;
  if (!/^\p{Ll}/u.test(w) || NON_VERBS.has(w)) return false;
  return /(ed|s)$/.test(w) && !/(ss|us|is)$/.test(w) || /^(said|says|told|warned|announced|insisted|denied|accused|urged|will|would|has|have|had|must|can|could|may)$/.test(w);
}

function finalise(cands: Candidate[]): ActorCode[] {
  const out: Candidate[] = [];
  for (const c of cands) if (!out.some((o) => o.code === c.code)) out.push(c);
  const full = out.filter((c) => !c.bare);
  return out
    .filter((c) => {
      if (c.bare) return full.length === 0;
      // keep the most specific code of a root: RUSGOV over RUS
      return !full.some((f) => f !== c && f.code.length > c.code.length && f.code.startsWith(c.code));
    })
    .sort((a, b) => a.rank - b.rank)
    .map(({ code, source }) => ({ code, source }));
}

/** Compute actor codes for every entity of the document (does not modify it). */
export function findActorCodes(doc: Doc, index: ActorIndex = actorIndex()): Map<string, ActorCode[]> {
  const date = dateNumber(doc.published);
  // the article's words, for choosing between a short and a longer dictionary form (built on first need)
  let words: Set<string> | null = null;
  let normalised: string | null = null;
  const docWords: DocWords = {
    has: (w: string) => (words ??= new Set(doc.text.split(/[^\p{L}\p{N}'-]+/u).filter((x) => /^\p{Lu}/u.test(x)).map((x) => x.toUpperCase()))).has(w),
    country: (index: ActorIndex, code: string) => {
      const rec = index.country(code.slice(0, 3));
      if (!rec) return false;
      normalised ??= ` ${normWords(doc.text).join(' ')} `;
      return [rec.primary, ...rec.synonyms].some((k) => sharesStem(k, rec) && normalised!.includes(` ${k} `));
    },
  };
  const names = new Map<string, NameCode[]>();
  for (const e of doc.entities) names.set(e.id, nameCodes(index, e, date, docWords));
  const codesOf = (id: string) => names.get(id) ?? [];
  const cands = new Map<string, Candidate[]>();
  for (const e of doc.entities) cands.set(e.id, codesOf(e.id).map((c) => ({ code: c.code, source: c.source, rank: 0 })));
  for (const d of describe(doc)) {
    const list = cands.get(d.entity);
    if (list) list.push(...descriptionCodes(doc, index, d, codesOf));
  }
  for (const e of doc.entities) {
    if (e.type !== 'GPE') continue;
    const place = codesOf(e.id).find((c) => c.place && /^[A-Z]{3}$/.test(c.code));
    if (!place) continue;
    const m = e.mentions.find((x) => x.kind === 'name' && isVerbSubject(doc, x));
    if (m) cands.get(e.id)!.push({ code: place.code + 'GOV', source: `"${m.text}" as the subject of a verb stands for the government (${place.source})`, rank: 2 });
  }
  // a dictionary name whose country the article contradicts is a namesake: "The Malian foreign
  // minister, Abdoulaye Diop" is not the Senegalese Abdoulaye Diop of the Phoenix dictionary
  const countryOf = (code: string) => (index.country(code.slice(0, 3)) ? code.slice(0, 3) : null);
  for (const e of doc.entities) {
    if (e.type !== 'PERSON') continue;
    const list = cands.get(e.id)!;
    const stated = new Set(list.filter((c) => c.rank === 1 && !c.bare).map((c) => countryOf(c.code)).filter((x): x is string => x !== null));
    if (stated.size === 0) continue;
    cands.set(e.id, list.filter((c) => c.rank !== 0 || countryOf(c.code) === null || stated.has(countryOf(c.code)!)));
  }
  const out = new Map<string, ActorCode[]>();
  for (const [id, list] of cands) {
    const f = finalise(list);
    if (f.length) out.set(id, f);
  }
  return out;
}

export const actorsStage: Stage = {
  name: 'actors',
  requires: ['entities'], uses: ['coref', 'tags', 'parse'], provides: ['codes'],
  run(doc: Doc): void {
    if (doc.entities.length === 0) return;
    const codes = findActorCodes(doc);
    for (const e of doc.entities) {
      const c = codes.get(e.id);
      if (c) e.codes = c;
    }
  },
};
