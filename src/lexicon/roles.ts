/**
 * Role nouns (lexicon/en/roles.tsv): the words that say how a person stands to someone or
 * something ("mother", "ambassador", "member", "hostage", "citizen"). Relations, actor codes,
 * coreference and the recogniser read them through `roleOf`.
 */
import { entries } from './store.js';

/** `descriptor`: a noun outside the lexicon heading an apposition ("Moreau, a restaurateur") */
export type RoleClass = 'kin' | 'position' | 'member' | 'captive' | 'citizen' | 'resident' | 'occupation' | 'descriptor';

export interface RoleInfo {
  /** canonical lower-case role ("mother", "spokesperson") */
  role: string;
  cls: RoleClass;
  /** grammatical gender when the noun fixes it (for pronoun fallback) */
  gender?: 'f' | 'm';
}

const CLASSES = new Set<RoleClass>(['kin', 'position', 'member', 'captive', 'citizen', 'resident', 'occupation']);

interface RoleTable {
  byPhrase: Map<string, RoleInfo>;
  /** last words of every role phrase, for a cheap first test */
  lastWords: Set<string>;
  maxWords: number;
  /** mayEnd's answers per word (pure: the table never changes once built) */
  ends: Map<string, boolean>;
}

let table: RoleTable | null = null;

function roles(): RoleTable {
  if (table) return table;
  const byPhrase = new Map<string, RoleInfo>();
  const lastWords = new Set<string>();
  let maxWords = 1;
  for (const e of entries('roles')) {
    // a row without a class is no role: it is there for the readers its `uses` names
    if (e.attrs.class === undefined) continue;
    const cls = e.attrs.class as RoleClass;
    if (!CLASSES.has(cls)) throw new Error(`lexicon roles: '${e.word}' has unknown class '${e.attrs.class}'`);
    const g = e.attrs.gender;
    const key = e.word.toLowerCase();
    byPhrase.set(key, { role: e.attrs.role ?? key, cls, ...(g === 'f' || g === 'm' ? { gender: g } : {}) });
    const words = key.split(' ');
    lastWords.add(words[words.length - 1]);
    maxWords = Math.max(maxWords, words.length);
  }
  table = { byPhrase, lastWords, maxWords, ends: new Map() };
  return table;
}

/** Longest role phrase in the table, in words. */
export function maxRoleWords(): number {
  return roles().maxWords;
}

function singular(w: string): string[] {
  const out: string[] = [];
  if (/men$/.test(w)) out.push(w.replace(/men$/, 'man'));
  if (/ies$/.test(w)) out.push(w.replace(/ies$/, 'y'));
  if (/(ss|sh|ch|x)es$/.test(w)) out.push(w.replace(/es$/, ''));
  if (/s$/.test(w) && !/ss$/.test(w)) out.push(w.replace(/s$/, ''));
  return out;
}

/** Whether a phrase of the table ends with `word` or its singular (kept per word: roleOf asks it of most words of a text, many times). */
function mayEnd(t: RoleTable, word: string): boolean {
  let ends = t.ends.get(word);
  if (ends === undefined) {
    ends = t.lastWords.has(word) || singular(word).some((s) => t.lastWords.has(s));
    if (t.ends.size >= 50_000) t.ends.clear();
    t.ends.set(word, ends);
  }
  return ends;
}

/** Can a role phrase end with this (lower-case) word? A cheap test before building phrases. */
export function mayEndRole(word: string): boolean {
  return mayEnd(roles(), word);
}

/** Plural forms the table lists as words of their own. */
const LISTED_PLURALS = new Set(['children', 'grandchildren', 'gunmen']);

/** The role a (possibly multi-word, possibly plural) phrase names, or null. */
export function roleOf(phrase: string): (RoleInfo & { plural: boolean }) | null {
  const t = roles();
  const sp = phrase.lastIndexOf(' ');
  const lastRaw = (sp < 0 ? phrase : phrase.slice(sp + 1)).toLowerCase();
  if (!mayEnd(t, lastRaw)) return null;
  const p = phrase.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
  const direct = t.byPhrase.get(p);
  if (direct) return { ...direct, plural: LISTED_PLURALS.has(p) };
  // plural only on the last word ("sons", "members of parliament" is handled word by word)
  const words = p.split(' ');
  const last = words[words.length - 1];
  for (const s of singular(last)) {
    const hit = t.byPhrase.get([...words.slice(0, -1), s].join(' '));
    if (hit) return { ...hit, plural: true };
  }
  return null;
}

/** A kinship noun's canonical role and gender ("mum" → mother, f), or null. */
export function kinship(word: string): { role: string; gender?: 'f' | 'm'; plural: boolean } | null {
  const r = roleOf(word);
  return r && r.cls === 'kin' ? { role: r.role, plural: r.plural, ...(r.gender ? { gender: r.gender } : {}) } : null;
}
