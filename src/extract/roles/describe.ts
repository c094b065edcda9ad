/**
 * Descriptions: the noun phrases a text attaches to an entity — titles before a name
 * ("Kremlin spokesperson Dmitry Peskov"), appositions ("Cohen, his girlfriend,"; "his mother,
 * Yelena"), copulas ("Yelena is Trufanov's mother"), and the entity's own nominal mentions
 * ("the 29-year-old"). Each is analysed into a head role, a possessor, the entities that
 * modify it and its prepositional complement. Actor codes and relations are both read off
 * these descriptions, so the surface grammar lives in one place.
 *
 * Works on tokens alone; when the parse is present (token.deprel), appositions and copulas
 * found by the parser are added to the surface patterns.
 */
import type { Doc, Entity, Mention, Token } from '../../doc.js';
import { actorIndex, normWords } from '../actors/index.js';
import { maxRoleWords, mayEndRole, possessives, roleOf, set, type RoleInfo } from '../../lexicon/index.js';
import { subtreeSpan } from '../../nlp/subtree.js';

const MAX_ROLE_WORDS = maxRoleWords();
/** possessive determiners and the gender/number they carry */
const POSSESSIVE = possessives();
/** modifiers that may sit inside a title before the head role noun */
const TITLE_MODIFIERS = set('title-modifiers', { uses: 'modifier' });
/** words that are never part of a title and stop the leftward walk */
const TITLE_STOPS = set('title-stops');

export interface MentionRef {
  entity: Entity;
  mention: Mention;
  /** token range [first, last) */
  first: number;
  last: number;
}

/** Token → the mention covering it: names first, then the shortest. */
export class MentionIndex {
  readonly refs: MentionRef[] = [];
  private readonly byToken: (MentionRef | undefined)[];

  constructor(readonly doc: Doc) {
    this.byToken = new Array(doc.tokens.length);
    for (const entity of doc.entities) {
      for (const mention of entity.mentions) {
        const first = doc.tokenAt(mention.start);
        let last = first;
        while (last < doc.tokens.length && doc.tokens[last].start < mention.end) last++;
        if (last <= first) continue;
        this.refs.push({ entity, mention, first, last });
      }
    }
    this.refs.sort((a, b) => a.first - b.first || b.last - a.last);
    const rank = (r: MentionRef) => (r.mention.kind === 'name' ? 0 : r.mention.kind === 'pronoun' ? 1 : 2) * 1000 + (r.last - r.first);
    for (const r of this.refs) {
      for (let i = r.first; i < r.last; i++) {
        const cur = this.byToken[i];
        if (!cur || rank(r) < rank(cur)) this.byToken[i] = r;
      }
    }
  }

  at(i: number): MentionRef | undefined {
    return i >= 0 ? this.byToken[i] : undefined;
  }

  /** Mention refs of kind name that start at token i. */
  nameAt(i: number): MentionRef | undefined {
    const r = this.byToken[i];
    return r && r.mention.kind === 'name' && r.first === i ? r : undefined;
  }
}

export interface RoleHead extends RoleInfo {
  plural: boolean;
  /** token range of the role words */
  from: number;
  to: number;
}

export interface Nationality {
  /** three-letter country code from the Phoenix country entry */
  code: string;
  /** the word(s) as written ("Russian") */
  text: string;
  token: number;
}

export interface Possessor {
  /** the possessor's entity id, null when unresolved */
  entity: string | null;
  token: number;
  /** the pronoun when the possessor is one ("his") */
  pronoun?: string;
}

export interface PhraseAnalysis {
  from: number;
  to: number;
  head: RoleHead | null;
  /** the title as written: head words plus a complement that is not an entity ("Ambassador to Israel") */
  title: string;
  possessor: Possessor | null;
  /** entities written before the head ("Kremlin" spokesperson, "Islamic Jihad" hostage) */
  modifiers: MentionRef[];
  /** nationality or country words before the head, or in its complement */
  nationalities: Nationality[];
  complement: { prep: string; ref: MentionRef | null; nationality: Nationality | null; from: number; to: number } | null;
  age: number | null;
  former: boolean;
}

export type DescriptionVia = 'title' | 'appos' | 'copula' | 'nominal' | 'parse';

export interface Description {
  /** the entity described */
  entity: string;
  /** the name mention it is attached to (absent for nominal mentions) */
  name: MentionRef | null;
  phrase: PhraseAnalysis;
  via: DescriptionVia;
  /** evidence: characters covering the description and the name */
  start: number;
  end: number;
  sentence: number;
}

const lower = (t: Token | undefined) => (t ? t.text.toLowerCase().replace(/[’‘]/g, "'") : '');
const isCap = (t: Token | undefined) => Boolean(t && /^\p{Lu}/u.test(t.text));
const PREPS = set('function-words', { uses: 'describe-prep' });
const DETS = set('function-words', { uses: 'describe-det' });
const COPULAS = set('function-words', { uses: 'describe-copula' });
const DELIMS = new Set([',', ';', '.', ':', '(', ')', '–', '—', '-', '"', '“', '”', '?', '!', '[', ']']);
const CLAUSE_STOPS = set('function-words', { uses: 'describe-clause-stop' });
const POSS_CLITIC = new Set(["'s", "'", '’s', '’']);

/** Country code for a nationality or country word ("Russian", "Russians", "Israel"), via the Phoenix country entries. */
const nationalityCache = new Map<string, string | null>();

export function nationalityCode(word: string): string | null {
  const cached = nationalityCache.get(word);
  if (cached !== undefined) return cached;
  const code = lookupNationality(word);
  if (nationalityCache.size > 50000) nationalityCache.clear();
  nationalityCache.set(word, code);
  return code;
}

function lookupNationality(word: string): string | null {
  const idx = actorIndex();
  const words = normWords(word);
  if (words.length === 0 || words.length > 3) return null;
  const key = words.join(' ');
  const tries = [key];
  if (/S$/.test(key) && !/SS$/.test(key)) tries.push(key.slice(0, -1));
  if (/ES$/.test(key)) tries.push(key.slice(0, -2));
  for (const k of tries) {
    for (const id of idx.lookup(k)) {
      const code = idx.countryCodeOf(id);
      if (code) return code;
    }
  }
  return null;
}

/**
 * True when `key` is the country's own name or adjective rather than a city or region in its
 * entry: the primary phrase, an abbreviation, or a word sharing its first four letters with the
 * primary phrase or with one of the entry's adjectives (BRITAIN ~ BRITISH, RUSSIA ~ RUSSIAN;
 * not MOSCOW, not WASHINGTON).
 */
export function sharesStem(key: string, rec: { primary: string; synonyms: string[] }): boolean {
  if (key === rec.primary || key.length < 4) return true;
  const stem = key.slice(0, 4);
  // (a key ending in -i vouches for itself only through the primary: "ISRAELI" ~ ISRAEL, but the
  // capital "TBILISI" is no adjective of GEORGIA; "FRENCH" stays an adjective of FRANCE)
  const adjectives = rec.synonyms.filter((s) => !(s === key && /I$/.test(s)) && !s.includes(' ') && /(AN|ISH|ESE|I|IC|CH)$/.test(s));
  return [rec.primary, ...adjectives].some((n) => n.split(' ').some((w) => w.startsWith(stem)));
}

function tokenNationality(doc: Doc, i: number): Nationality | null {
  const t = doc.tokens[i];
  if (!isCap(t)) return null;
  for (const part of t.text.split('-')) {
    const code = nationalityCode(part);
    if (code) return { code, text: part, token: i };
  }
  return null;
}

/** All nationalities of one (possibly hyphenated: "Russian-Israeli") token. */
function tokenNationalities(doc: Doc, i: number): Nationality[] {
  const t = doc.tokens[i];
  if (!isCap(t)) return [];
  const out: Nationality[] = [];
  for (const part of t.text.split('-')) {
    const code = nationalityCode(part);
    if (code) out.push({ code, text: part, token: i });
  }
  return out;
}

/** The longest role phrase ending at token i (inclusive), within [lo, i]. */
function roleEndingAt(doc: Doc, lo: number, i: number): RoleHead | null {
  if (i < lo || !mayEndRole(lower(doc.tokens[i]))) return null;
  for (let n = Math.min(MAX_ROLE_WORDS, i - lo + 1); n >= 1; n--) {
    const words = doc.tokens.slice(i - n + 1, i + 1).map((t) => t.text);
    const info = roleOf(words.join(' ').replace(/ - /g, '-'));
    if (info) return { ...info, from: i - n + 1, to: i + 1 };
  }
  return null;
}

/** The longest role phrase starting at token i, within [i, hi). */
function roleStartingAt(doc: Doc, i: number, hi: number): RoleHead | null {
  for (let n = Math.min(MAX_ROLE_WORDS, hi - i); n >= 1; n--) {
    const words = doc.tokens.slice(i, i + n).map((t) => t.text);
    const info = roleOf(words.join(' '));
    if (info) return { ...info, from: i, to: i + n };
  }
  return null;
}

function ageAt(doc: Doc, i: number, hi: number): { age: number; to: number } | null {
  const t = doc.tokens[i];
  let m = /^(\d{1,3})-years?-old$/i.exec(t.text);
  if (m) return { age: Number(m[1]), to: i + 1 };
  // "29 - year - old" split by a tokenizer
  if (/^\d{1,3}$/.test(t.text) && i + 4 < hi + 1) {
    const rest = doc.tokens.slice(i + 1, i + 5).map((x) => x.text.toLowerCase()).join('');
    if (/^-years?-old/.test(rest)) return { age: Number(t.text), to: i + 5 };
  }
  if (lower(t) === 'aged' && i + 1 < hi && /^\d{1,3}$/.test(doc.tokens[i + 1].text)) return { age: Number(doc.tokens[i + 1].text), to: i + 2 };
  m = /^\d{1,3}$/.exec(t.text);
  if (m && hi - i === 1 && (i === 0 || DELIMS.has(doc.tokens[i - 1].text))) {
    const n = Number(t.text);
    if (n > 0 && n < 120) return { age: n, to: i + 1 };
  }
  return null;
}

/**
 * May token h head a description of `target`? Not when it heads another entity's mention
 * inside the phrase ("Maclaurin, a prize" where "a prize" is its own entity); a mention larger
 * than the phrase (an event spanning the clause) does not count.
 */
function freeNoun(idx: MentionIndex, h: number, from: number, to: number, target?: string): boolean {
  const r = idx.at(h);
  return !r || r.entity.id === target || (r.mention.kind !== 'name' && (r.first < from || r.last > to));
}

/** Analyse tokens [from, to) as a descriptive noun phrase. */
export function analysePhrase(doc: Doc, idx: MentionIndex, from: number, to: number, exclude?: string, generic = false): PhraseAnalysis {
  const out: PhraseAnalysis = { from, to, head: null, title: '', possessor: null, modifiers: [], nationalities: [], complement: null, age: null, former: false };
  let i = from;
  // possessor: "his …", "Trufanov's …"
  const w0 = lower(doc.tokens[i]);
  if (w0 === 'whose' && i < to) {
    // "Fatima al-Hassan, whose son Omar …": the relative possessor is the name the clause follows
    const ante = idx.at(doc.tokens[i - 1]?.text === ',' ? i - 2 : i - 1);
    out.possessor = { entity: ante && ante.entity.id !== exclude ? ante.entity.id : null, token: i };
    i++;
  } else if (POSSESSIVE.get(w0) && i < to) {
    const ref = idx.at(i);
    out.possessor = { entity: ref && ref.entity.id !== exclude ? ref.entity.id : null, token: i, pronoun: w0 };
    i++;
  } else {
    const ref = idx.at(i);
    if (ref && ref.last < to && POSS_CLITIC.has(lower(doc.tokens[ref.last])) && ref.entity.id !== exclude) {
      out.possessor = { entity: ref.entity.id, token: i };
      i = ref.last + 1;
    }
  }
  // find the head: the first role phrase; a later one before any preposition replaces it
  // ("Islamic Jihad hostage": hostage; "member of parliament": one phrase)
  let head: RoleHead | null = null;
  let k = i;
  while (k < to) {
    const t = doc.tokens[k];
    const lw = lower(t);
    if (head && PREPS.has(lw)) break;
    const age = ageAt(doc, k, to);
    if (age) {
      out.age = age.age;
      k = age.to;
      continue;
    }
    if (lw === 'former' || lw === 'ex' || lw === 'ex-' || /^ex-/.test(lw)) out.former = true;
    const ref = idx.at(k);
    if (ref && ref.entity.id !== exclude && ref.mention.kind === 'name' && ref.first >= from) {
      if (!head) {
        if (!out.modifiers.includes(ref)) out.modifiers.push(ref);
        if (ref.entity.type === 'NORP' || ref.entity.type === 'GPE') {
          for (let j = ref.first; j < ref.last; j++) out.nationalities.push(...tokenNationalities(doc, j));
        }
      }
      k = Math.max(k + 1, ref.last);
      continue;
    }
    const role = roleStartingAt(doc, k, to);
    if (role) {
      // keep the right-most role before a preposition ("Hamas militant", "girlfriend"); a rank word
      // right before it stays in the title ("deputy foreign minister", "acting director")
      head = head && head.to === role.from && RANK_WORDS.has(lower(doc.tokens[head.to - 1])) ? { ...role, from: head.from } : role;
      k = role.to;
      continue;
    }
    if (!head) out.nationalities.push(...tokenNationalities(doc, k));
    k++;
  }
  if (!head && generic && /^(a|an|the)$/.test(lower(doc.tokens[from]))) {
    // an apposition headed by a noun outside the lexicon: "a restaurateur", "the curator of …"
    let end = to;
    for (let q = from + 1; q < to; q++) if (PREPS.has(lower(doc.tokens[q]))) { end = q; break; }
    const h = end - 1;
    const ht = doc.tokens[h];
    const isNoun = ht.upos ? ht.upos === 'NOUN' : /^\p{Ll}[\p{Ll}-]{2,}$/u.test(ht.text) && !/(ly|ing|ed|able|ible|ous|ful|ive|less)$/.test(ht.text);
    if (h > from && isNoun && freeNoun(idx, h, from, to, exclude)) head = { role: ht.text.toLowerCase(), cls: 'descriptor', plural: false, from: h, to: h + 1 };
  } else if (!head && generic && to - from >= 3 && PREPS.has(lower(doc.tokens[from + 1]))) {
    // no article: "Kristin Wilkins, curator of the exhibition at …"
    const ht = doc.tokens[from];
    const isNoun = ht.upos ? ht.upos === 'NOUN' : /^\p{Ll}[\p{Ll}-]{3,}$/u.test(ht.text) && !/(ly|ing|ed|able|ible|ous|ful|ive|less)$/.test(ht.text);
    if (isNoun && freeNoun(idx, from, from, to, exclude)) head = { role: ht.text.toLowerCase(), cls: 'descriptor', plural: false, from, to: from + 1 };
  }
  out.head = head;
  if (head && head.cls === 'descriptor') {
    // found after the scan: keep only what stands before it
    out.modifiers = out.modifiers.filter((m) => m.last <= head!.from);
    out.nationalities = out.nationalities.filter((n) => n.token < head!.from);
  }
  if (head) {
    // complement: a preposition after the head and the entity it introduces
    let c = head.to;
    if (c < to && PREPS.has(lower(doc.tokens[c]))) {
      const prep = lower(doc.tokens[c]);
      let j = c + 1;
      while (j < to && DETS.has(lower(doc.tokens[j]))) j++;
      let ref: MentionRef | null = null;
      let nat: Nationality | null = null;
      // a place naming a noun after it is that noun's modifier ("for the Gothenburg daily X",
      // "at the Moscow office of Y"): read on for the entity the phrase is about
      const modifiesNoun = (r: MentionRef) => (r.entity.type === 'GPE' || r.entity.type === 'LOC') && r.last < to &&
        /^\p{Ll}/u.test(doc.tokens[r.last].text) && !PREPS.has(lower(doc.tokens[r.last])) && !/^(and|or|but)$/.test(lower(doc.tokens[r.last]));
      for (let q = j; q < to && (!ref || ref.entity.type === 'NORP' || modifiesNoun(ref)); q++) {
        const r = idx.at(q);
        if (PREPS.has(lower(doc.tokens[q])) && q > j) break;
        // a nationality is a modifier of the entity that follows it: "of jailed Egyptian activist Ahmed Samir"
        if (ref && r === ref) continue;
        if (r && r.entity.id !== exclude && r.mention.kind !== 'pronoun') ref = r;
        else if (r && r.mention.kind === 'pronoun' && r.entity.id !== exclude && !ref) ref = r;
      }
      const placeModifier = ref !== null && modifiesNoun(ref);
      if (placeModifier) ref = null;
      if (!ref && !placeModifier) nat = j < to ? tokenNationality(doc, j) : null;
      if (ref && !nat) {
        for (let q = ref.first; q < ref.last && !nat; q++) nat = tokenNationality(doc, q);
      }
      let end = to;
      // stop the complement at a second preposition that is not part of the entity
      for (let q = c + 2; q < to; q++) {
        if (PREPS.has(lower(doc.tokens[q])) && !(ref && q >= ref.first && q < ref.last)) {
          end = q;
          break;
        }
      }
      out.complement = { prep, ref, nationality: nat, from: c, to: end };
      // the title keeps a complement that names a place the role is "to" ("Ambassador to Israel")
      // or a non-entity ("Secretary of State"); the organisation it is "of" becomes the object
      const titleEnd = !ref && !nat ? end : prep === 'to' || prep === 'in' ? end : head.to;
      out.title = doc.text.slice(doc.tokens[head.from].start, doc.tokens[titleEnd - 1].end);
      if (nat && (prep === 'of' || prep === 'for') && !out.nationalities.some((n) => n.code === nat!.code)) out.nationalities.push(nat);
    } else {
      out.title = doc.text.slice(doc.tokens[head.from].start, doc.tokens[head.to - 1].end);
    }
  } else {
    // no role: "of Kibbutz Nir Oz", "from Haifa"
    const first = lower(doc.tokens[from]);
    if (PREPS.has(first)) {
      let j = from + 1;
      while (j < to && DETS.has(lower(doc.tokens[j]))) j++;
      const ref = idx.at(j) ?? null;
      out.complement = { prep: first, ref: ref && ref.entity.id !== exclude ? ref : null, nationality: null, from, to };
    }
  }
  return out;
}

/** Left edge of a title ending just before token `end` (exclusive), or null. */
function titleStart(doc: Doc, idx: MentionIndex, end: number, sentStart: number, target: string): number | null {
  let L = end;
  let k = end - 1;
  let sawRole = false;
  let sawAge = false;
  while (k >= sentStart) {
    const t = doc.tokens[k];
    const lw = lower(t);
    const ref = idx.at(k);
    // the target's own name ends the walk; its own nominal ("mother" in "his mother, Yelena") is the title
    if (ref && ref.entity.id === target && ref.mention.kind !== 'nominal') break;
    if (POSS_CLITIC.has(lw) && k - 1 >= sentStart) {
      const owner = idx.at(k - 1);
      if (owner && owner.entity.id !== target) {
        L = owner.first;
        break;
      }
      break;
    }
    if (POSSESSIVE.get(lw) || lw === 'whose') {
      L = k;
      break;
    }
    if (ref && ref.mention.kind === 'name' && ref.entity.type !== 'PERSON') {
      L = ref.first;
      k = ref.first - 1;
      continue;
    }
    if (ref && ref.mention.kind === 'name' && ref.entity.type === 'PERSON') break;
    const role = roleEndingAt(doc, sentStart, k);
    if (role) {
      sawRole = true;
      L = role.from;
      k = role.from - 1;
      continue;
    }
    if (/^\d{1,3}-years?-old$/i.test(t.text) || lw === 'old' && k >= sentStart + 4 && /^\d+$/.test(doc.tokens[k - 4].text)) {
      sawAge = true;
      L = lw === 'old' ? k - 4 : k;
      k = L - 1;
      continue;
    }
    if (TITLE_MODIFIERS.has(lw) || /^ex-/.test(lw)) {
      L = k;
      k--;
      continue;
    }
    // a noun compounded with the role ("Danish aid worker", "a British army officer"): the title goes on
    // over it, so a nationality before it still describes the person, whichever way the parse hangs the name
    if (sawRole && t.upos === 'NOUN' && t.deprel === 'compound' && t.head !== undefined && t.head >= L && t.head < end) {
      L = k;
      k--;
      continue;
    }
    // an adjective of the office ("the UN humanitarian coordinator", "the EU special envoy")
    if (sawRole && t.upos === 'ADJ' && /^\p{Ll}+$/u.test(t.text) && k - 1 >= sentStart && idx.at(k - 1)?.mention.kind === 'name' && idx.at(k - 1)!.entity.type === 'ORG') {
      L = k;
      k--;
      continue;
    }
    if (PREPS.has(lw) && lw !== 'by' && lw !== 'with' && lw !== 'on' && L === k + 1 && k - 1 >= sentStart) {
      // inside a title only between a role and its complement ("Ambassador to Israel", not "Yankee in")
      if (roleEndingAt(doc, sentStart, k - 1)) {
        k--;
        continue;
      }
      break;
    }
    if ((lw === 'the' || lw === 'a') && L === k + 1 && k - 1 >= sentStart && PREPS.has(lower(doc.tokens[k - 1]))) {
      // "President of the United States": a determiner right after a preposition inside a title
      k--;
      continue;
    }
    if (tokenNationality(doc, k)) {
      L = k;
      k--;
      continue;
    }
    if (isCap(t) && !TITLE_STOPS.has(lw) && !DELIMS.has(t.text) && sawRole) {
      L = k;
      k--;
      continue;
    }
    break;
  }
  // a title never starts with a preposition
  while (L < end && PREPS.has(lower(doc.tokens[L]))) L++;
  if (L >= end || (!sawRole && !sawAge)) return null;
  return L;
}

/** Rank words that qualify the role after them and belong to its title. */
const RANK_WORDS = set('title-modifiers', { uses: 'rank' });

/** Courtesy titles that stand between a title and a name and are no role of their own. */
const HONORIFICS = set('titles', { uses: 'describe' });

function sentenceRange(doc: Doc, tokenIndex: number): [number, number] {
  const s = doc.sentences[doc.tokens[tokenIndex].sentence];
  return s ? [s.tokenStart, s.tokenEnd] : [0, doc.tokens.length];
}

/** Person names coordinated after `ref`: "X, Y and Z" / "X and Y". */
function coordinatedNames(doc: Doc, idx: MentionIndex, ref: MentionRef, sEnd: number): MentionRef[] {
  const out: MentionRef[] = [];
  let k = ref.last;
  while (k < sEnd) {
    let j = k;
    if (doc.tokens[j]?.text === ',') j++;
    if (lower(doc.tokens[j]) === 'and') j++;
    if (j === k) break;
    const next = idx.at(j);
    if (!next || next.first !== j || next.mention.kind !== 'name' || next.entity.type !== 'PERSON' || next.entity.id === ref.entity.id) break;
    out.push(next);
    k = next.last;
  }
  return out;
}

/** Right edge of an apposition starting at token `from`: the next delimiter or clause word. */
function appositionEnd(doc: Doc, from: number, sentEnd: number, maxLen = 14): number {
  let k = from;
  while (k < sentEnd && k - from < maxLen) {
    const t = doc.tokens[k];
    if (DELIMS.has(t.text) && !(t.text === '-' && k > from && doc.tokens[k - 1].end === t.start)) break;
    if (k > from && CLAUSE_STOPS.has(lower(t))) break;
    k++;
  }
  return k;
}

/**
 * Does [from, to) name another person as its head ("Yelena, Irena and …", "X is Y")? A person
 * as possessor ("Carlos's wife") or after a preposition ("the sister of Carlos") does not count.
 */
function otherPersonHeads(doc: Doc, idx: MentionIndex, from: number, to: number, target: string): boolean {
  for (let q = from; q < to; q++) {
    const r = idx.at(q);
    if (!r || r.mention.kind !== 'name' || r.entity.type !== 'PERSON' || r.entity.id === target || r.first !== q) continue;
    const before = lower(doc.tokens[q - 1]);
    const after = lower(doc.tokens[r.last]);
    if (q > from && PREPS.has(before)) continue;
    if (POSS_CLITIC.has(after)) continue;
    return true;
  }
  return false;
}

/** Can a descriptive noun phrase start at token i? (not a verb: "Vitaly, was murdered") */
function npStartOk(doc: Doc, idx: MentionIndex, i: number, end: number): boolean {
  const t = doc.tokens[i];
  if (!t) return false;
  const lw = lower(t);
  if (DETS.has(lw) || POSSESSIVE.get(lw) || lw === 'of' || lw === 'from' || lw === 'aged' || lw === 'now') return true;
  if (/^\d/.test(t.text)) return true;
  const ref = idx.at(i);
  if (ref && ref.mention.kind === 'name') return true;
  if (roleStartingAt(doc, i, end)) return true;
  if (tokenNationality(doc, i)) return true;
  if (TITLE_MODIFIERS.has(lw) && !/ed$/.test(lw)) return true;
  // a bare noun with a complement: "curator of the exhibition"
  if (/^\p{Ll}{4,}$/u.test(t.text) && !/(ly|ing|ed|able|ible|ous|ful|ive|less)$/.test(lw) && i + 1 < end && PREPS.has(lower(doc.tokens[i + 1])) && !TITLE_STOPS.has(lw)) return true;
  return isCap(t) && !TITLE_STOPS.has(lw);
}

function makeDescription(doc: Doc, entity: string, name: MentionRef | null, phrase: PhraseAnalysis, via: DescriptionVia): Description {
  const a = doc.tokens[phrase.from];
  const b = doc.tokens[phrase.to - 1];
  let start = Math.min(a.start, name ? name.mention.start : a.start);
  if (phrase.possessor) start = Math.min(start, doc.tokens[phrase.possessor.token].start);
  const end = Math.max(b.end, name ? name.mention.end : b.end);
  return { entity, name, phrase, via, start, end, sentence: a.sentence };
}

const useful = (p: PhraseAnalysis) =>
  Boolean(p.head || p.age !== null || (p.complement && (p.complement.prep === 'of' || p.complement.prep === 'from') && p.complement.ref && ['GPE', 'LOC', 'FAC'].includes(p.complement.ref.entity.type)));

/** Find every description in the document (cached on doc.notes). */
export function describe(doc: Doc): Description[] {
  const cached = doc.notes.get('roles.descriptions') as { entities: Entity[]; list: Description[] } | undefined;
  if (cached && cached.entities === doc.entities) return cached.list;
  const idx = new MentionIndex(doc);
  const out: Description[] = [];
  const seen = new Set<string>();
  const push = (d: Description) => {
    const key = `${d.entity}:${d.phrase.from}:${d.phrase.to}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(d);
  };

  // copula after the name or a pronoun for it: "Yelena is Trufanov's mother", "X, who was a member
  // of Hamas", "He is a member of the Social Democratic Party"
  const copulaAfter = (ref: MentionRef, target: string, sEnd: number) => {
    let c = ref.last;
    if (c < sEnd && doc.tokens[c].text === ',' && lower(doc.tokens[c + 1]) === 'who') c += 2;
    else if (c < sEnd && lower(doc.tokens[c]) === 'who') c += 1;
    if (c < sEnd && COPULAS.has(lower(doc.tokens[c])) && lower(doc.tokens[c]) !== "'s") {
      let from = c + 1;
      if (from < sEnd && /^(also|still|now|not)$/.test(lower(doc.tokens[from]))) from++;
      // "Hersh was taken by Hamas militants": a passive, whose agent is no description of the subject
      const t = doc.tokens[from];
      if (t && (t.xpos === 'VBN' || t.xpos === 'VBG' || (t.upos === 'VERB' && /(?:ed|en)$/i.test(t.text)) || lower(t) === 'being')) return;
      const to = appositionEnd(doc, from, sEnd);
      if (to > from && npStartOk(doc, idx, from, to)) {
        const p = analysePhrase(doc, idx, from, to, target);
        if (p.head && !otherPersonHeads(doc, idx, from, to, target)) {
          push(makeDescription(doc, target, ref, p, 'copula'));
        }
      }
    }
  };

  for (const ref of idx.refs) {
    // titles, appositions and copulas describe people; organisations get theirs from their names
    if (ref.mention.kind === 'pronoun' && ref.entity.type === 'PERSON' && /^(he|she)$/i.test(ref.mention.text)) {
      copulaAfter(ref, ref.entity.id, sentenceRange(doc, ref.first)[1]);
      continue;
    }
    if (ref.mention.kind !== 'name' || ref.entity.type !== 'PERSON') continue;
    const target = ref.entity.id;
    const [sStart, sEnd] = sentenceRange(doc, ref.first);
    // 1. title right before the name: "Russian Ambassador to Israel Anatoly Viktorov", also over a
    // courtesy title the name does not include ("Qatari Prime Minister Sheikh Mohammed …", "Foreign Secretary Dr X")
    let titleEnd = ref.first;
    while (titleEnd - 1 > sStart && HONORIFICS.has(lower(doc.tokens[titleEnd - 1]).replace(/\.$/, ''))) titleEnd--;
    let L = titleEnd < ref.first ? titleStart(doc, idx, titleEnd, sStart, target) : null;
    if (L === null) { titleEnd = ref.first; L = titleStart(doc, idx, ref.first, sStart, target); } // "Rabbi X": the word is the title
    if (L !== null) {
      const p = analysePhrase(doc, idx, L, titleEnd, target);
      if (useful(p)) {
        push(makeDescription(doc, target, ref, p, 'title'));
        // a plural title covers every name of the list it heads: "Hamas leaders Yahya Sinwar and Mohammed Deif"
        if (p.head?.plural) for (const other of coordinatedNames(doc, idx, ref, sEnd)) push(makeDescription(doc, other.entity.id, other, { ...p }, 'title'));
      }
    }
    // 2. reverse apposition / copula before the name: "his mother, Yelena"; "His mother is Yelena"
    const before = lower(doc.tokens[ref.first - 1]);
    // the name must close the apposition ("his mother, Yelena, …"), else it is the subject of the next
    // clause ("To speak with his mother, Montalvo was put through …")
    const after = doc.tokens[ref.last];
    const closed = !after || after.sentence !== doc.tokens[ref.first].sentence || /^(,|\.|;|:|\)|–|—|and|or|\?|!|"|”)$/.test(after.text);
    if (ref.first - 2 >= sStart && ((before === ',' && closed) || (COPULAS.has(before) && before !== "'s"))) {
      const L2 = titleStart(doc, idx, ref.first - 1, sStart, target);
      if (L2 !== null) {
        const p = analysePhrase(doc, idx, L2, ref.first - 1, target);
        if (p.head && (p.head.cls !== 'occupation' || before !== ',')) {
          push(makeDescription(doc, target, ref, p, before === ',' ? 'appos' : 'copula'));
          // "his parents, Yelena and Vitaly,": the plural role covers the whole list
          if (p.head.plural) for (const other of coordinatedNames(doc, idx, ref, sEnd)) push(makeDescription(doc, other.entity.id, other, { ...p }, 'appos'));
        }
      }
    }
    // 3. apposition(s) after the name: "Cohen, his girlfriend,"; "X, 29, of Kibbutz Nir Oz,"
    let k = ref.last;
    for (let n = 0; n < 3 && k < sEnd && (doc.tokens[k].text === ',' || doc.tokens[k].text === '(' || doc.tokens[k].text === '–' || doc.tokens[k].text === '—'); n++) {
      const from = k + 1;
      const to = appositionEnd(doc, from, sEnd);
      if (to <= from || !npStartOk(doc, idx, from, to)) break;
      // "(The Last Tycoon", "(Tagebuch des …": a bracket opening on a capitalised non-role word is a title or a gloss
      if (doc.tokens[k].text === '(' && isCap(doc.tokens[from]) && !roleStartingAt(doc, from, to) && !tokenNationality(doc, from) && !DETS.has(lower(doc.tokens[from]))) break;
      // "Yelena, grandmother, Irena": a bare role followed by another name is the next list item
      const next = idx.at(to < sEnd && doc.tokens[to].text === ',' ? to + 1 : to);
      const hasPerson = otherPersonHeads(doc, idx, from, to, target);
      if (hasPerson) break;
      const p = analysePhrase(doc, idx, from, to, target, true);
      const listItem = next && next.mention.kind === 'name' && next.entity.type === 'PERSON' && !p.possessor && !DETS.has(lower(doc.tokens[from]));
      // "Higuchi, her mother and her sister left": a list of people, not an apposition
      const coordinated = to < sEnd && /^(and|or)$/.test(lower(doc.tokens[to])) && p.head?.cls === 'kin';
      if (!useful(p) || listItem || coordinated) break;
      push(makeDescription(doc, target, ref, p, 'appos'));
      k = to;
    }
    // 4. copula after the name
    copulaAfter(ref, target, sEnd);
  }

  // 5. the parse: appos / nsubj+cop between a name and a role noun the surface patterns missed
  if (doc.tokens.some((t) => t.deprel)) addParsedDescriptions(doc, idx, push);

  // 6. nominal mentions of the entity itself: "the ambassador", "Trufanov's mother", "the 29-year-old"
  for (const ref of idx.refs) {
    if (ref.mention.kind !== 'nominal') continue;
    // include a possessor written just before the mention: "his | mother", "Trufanov's | mother"
    let from = ref.first;
    const prev = lower(doc.tokens[from - 1]);
    if (POSSESSIVE.get(prev) || prev === 'whose') from--;
    else if (POSS_CLITIC.has(prev)) {
      const owner = idx.at(from - 2);
      if (owner && owner.entity.id !== ref.entity.id) from = owner.first;
    }
    // and an "of" complement naming another person after it: "the wife of jailed activist Ahmed Samir"
    let to = ref.last;
    if (lower(doc.tokens[to]) === 'of') {
      for (let j = to + 1; j < Math.min(doc.tokens.length, to + 6) && doc.tokens[j].sentence === doc.tokens[ref.first].sentence; j++) {
        const other = idx.at(j);
        if (other && other.mention.kind === 'name' && other.entity.type === 'PERSON' && other.entity.id !== ref.entity.id) { to = other.last; break; }
        if (other && other.entity.type !== 'NORP') break;
      }
    }
    const p = analysePhrase(doc, idx, from, to, ref.entity.id);
    if (useful(p)) push(makeDescription(doc, ref.entity.id, null, p, 'nominal'));
  }

  inheritListPossessors(doc, out);
  resolvePronounPossessors(doc, idx, out);
  out.sort((a, b) => a.start - b.start);
  doc.notes.set('roles.descriptions', { entities: doc.entities, list: out });
  return out;
}

/** Appositions and copulas from the dependency parse (UD): name —appos→ role, role —nsubj→ name + cop. */
function addParsedDescriptions(doc: Doc, idx: MentionIndex, push: (d: Description) => void): void {
  const tokens = doc.tokens;
  // heads and dependents share a sentence: look only there, so long documents stay linear
  const inSentence = (i: number): Token[] => {
    const s = doc.sentences[tokens[i].sentence];
    return s ? tokens.slice(s.tokenStart, s.tokenEnd) : [];
  };
  for (const t of tokens) {
    if (t.head === undefined || t.head < 0) continue;
    let nameTok: number;
    let roleTok: number;
    let via: DescriptionVia;
    if (t.deprel === 'appos') {
      const a = idx.at(t.head);
      const b = idx.at(t.i);
      if (a && a.mention.kind === 'name' && a.entity.type === 'PERSON' && !(b && b.mention.kind === 'name')) {
        nameTok = t.head;
        roleTok = t.i;
      } else if (b && b.mention.kind === 'name' && b.entity.type === 'PERSON' && !(a && a.mention.kind === 'name')) {
        nameTok = t.i;
        roleTok = t.head;
      } else continue;
      via = 'parse';
    } else if (t.deprel === 'nsubj' && inSentence(t.i).some((c) => c.head === t.head && c.deprel === 'cop')) {
      const a = idx.at(t.i);
      if (!a || a.mention.kind !== 'name' || a.entity.type !== 'PERSON') continue;
      nameTok = t.i;
      roleTok = t.head;
      via = 'copula';
    } else continue;
    const name = idx.at(nameTok)!;
    // the role noun's phrase: its contiguous left dependents and right 'nmod' subtree
    let from = roleTok;
    let to = roleTok + 1;
    for (const c of inSentence(roleTok)) {
      if (c.head !== roleTok || c.i === nameTok) continue;
      if (!NP_DEPREL.test(c.deprel ?? '')) continue;
      const [lo, last] = subtreeSpan(doc.dependents(), c.i);
      if (lo < from) from = lo;
      if (last + 1 > to) to = last + 1;
    }
    if (name.first < to && name.last > from) continue;
    const p = analysePhrase(doc, idx, from, to, name.entity.id);
    if (p.head) push(makeDescription(doc, name.entity.id, name, p, via));
  }
}

/** Dependents that belong to a noun phrase (UD). */
/** dependents that belong to a noun phrase: determiners, modifiers, compounds, nominal modifiers, numbers, flat names */
const NP_DEPREL = /^(?:det(?::poss)?|amod|compound|nmod(?::poss|:npmod)?|nummod|flat(?::name)?)$/;

/**
 * Coordinated kin lists share the first item's possessor:
 * "his mother, Yelena, grandmother, Irena, and girlfriend Sapir Cohen".
 */
function inheritListPossessors(doc: Doc, list: Description[]): void {
  const sorted = list.filter((d) => d.name && (d.via === 'title' || d.via === 'appos')).sort((a, b) => a.phrase.from - b.phrase.from);
  for (let i = 1; i < sorted.length; i++) {
    const d = sorted[i];
    if (d.phrase.possessor || !d.phrase.head || d.phrase.head.cls !== 'kin') continue;
    // what sits between the previous item's name and this role: ",", "and", ", and"
    const prev = sorted[i - 1];
    if (!prev.phrase.possessor || !prev.phrase.head || prev.phrase.head.cls !== 'kin' || prev.sentence !== d.sentence) continue;
    const prevEnd = Math.max(prev.name!.last, prev.phrase.to);
    const between = doc.tokens.slice(prevEnd, d.phrase.from).map((t) => lower(t)).join(' ');
    if (/^(,|and|, and|;|, as well as|as well as)?$/.test(between)) {
      d.phrase.possessor = { ...prev.phrase.possessor };
      d.start = Math.min(d.start, doc.tokens[prev.phrase.possessor.token].start);
    }
  }
}

/**
 * A possessive pronoun without a coreference link: the nearest earlier person in the same or
 * previous sentences whose gender fits, never one of the relatives being described.
 */
function resolvePronounPossessors(doc: Doc, idx: MentionIndex, list: Description[]): void {
  const gender = new Map<string, 'f' | 'm'>();
  for (const d of list) if (d.phrase.head?.gender && (d.phrase.head.cls === 'kin')) gender.set(d.entity, d.phrase.head.gender);
  const relatives = new Set(list.filter((d) => d.phrase.head?.cls === 'kin').map((d) => d.entity));
  const bySentence = new Map<number, MentionRef[]>();
  if (list.some((d) => d.phrase.possessor && !d.phrase.possessor.entity && d.phrase.possessor.pronoun)) {
    for (const r of idx.refs) {
      if (r.entity.type !== 'PERSON' || r.mention.kind === 'pronoun') continue;
      const s = doc.tokens[r.first].sentence;
      const arr = bySentence.get(s);
      if (arr) arr.push(r);
      else bySentence.set(s, [r]);
    }
  }
  for (const d of list) {
    const p = d.phrase.possessor;
    if (!p || p.entity || !p.pronoun) continue;
    const want = POSSESSIVE.get(p.pronoun);
    if (want === 'p' && p.pronoun !== 'their') continue; // my/our/your: the speaker, not resolvable here
    const sent = doc.tokens[p.token].sentence;
    let found: string | null = null;
    for (let s = sent; s >= Math.max(0, sent - 2) && !found; s--) {
      const cands = (bySentence.get(s) ?? []).filter((r) => r.first < p.token);
      // same sentence: nearest first; earlier sentences: the first (subject-like) person
      const ordered = s === sent ? cands.slice().reverse() : cands;
      for (const r of ordered) {
        if (r.entity.id === d.entity) continue;
        if (relatives.has(r.entity.id) && s === sent) continue;
        const g = gender.get(r.entity.id);
        if ((want === 'm' && g === 'f') || (want === 'f' && g === 'm')) continue;
        found = r.entity.id;
        break;
      }
    }
    p.entity = found;
  }
}

export { lower as tokenLower };
