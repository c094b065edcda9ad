/**
 * What coreference asks of the word lists: pronouns, kinship and role nouns with their genders,
 * titles. One place, so the lists can move behind the shared lexicon module without touching the
 * resolver.
 */
import { KINSHIP, PRONOUNS, ROLE_NOUNS } from '../gazetteer-lists.js';
import { lookup, roleOf, set } from '../../lexicon/index.js';

export type Gender = 'm' | 'f';

/** The third-person pronouns coreference resolves, by the class the resolver ranks them as. */
export type PronounClass = 'he' | 'she' | 'it' | 'they';

/** "he" → he, "her" → she, "its" → it, "themselves" → they; null for any other word. */
export function pronounClass(word: string): PronounClass | null {
  const p = PRONOUNS.get(word.toLowerCase());
  if (!p || p.person !== 3) return null;
  if (p.number === 'p') return 'they';
  return p.gender === 'm' ? 'he' : p.gender === 'f' ? 'she' : 'it';
}

/** How a pronoun stands in its phrase, by its form: subject, object, possessive or reflexive. */
export function pronounForm(word: string): 'subj' | 'obj' | 'poss' | 'refl' {
  const w = word.toLowerCase();
  if (/sel(?:f|ves)$/.test(w)) return 'refl';
  if (w === 'his' || w === 'its' || w === 'their' || w === 'theirs' || w === 'hers') return 'poss';
  if (w === 'him' || w === 'them') return 'obj';
  if (w === 'her') return 'obj'; // "her" is possessive too: the parse (nmod:poss) decides where it is read
  return 'subj';
}

const FIRST_SINGULAR = set('function-words', { uses: 'coref-first-singular' });
const FIRST_PLURAL = set('function-words', { uses: 'coref-first-plural' });
const SECOND = set('function-words', { uses: 'coref-second' });

/** First or second person: "I" (the speaker), "we" (the speaker's side), "you" (the one addressed). */
export function speechPerson(word: string): 'I' | 'we' | 'you' | null {
  const w = word.toLowerCase();
  return FIRST_SINGULAR.has(w) ? 'I' : FIRST_PLURAL.has(w) ? 'we' : SECOND.has(w) ? 'you' : null;
}

/** The gender a noun fixes ("mother", "spokeswoman", "king"), if any. */
export function nounGender(noun: string): Gender | null {
  const w = noun.toLowerCase();
  const k = KINSHIP.get(w);
  if (k === 'm' || k === 'f') return k;
  return roleOf(w)?.gender ?? null;
}

/** A noun for a person: kinship, office, occupation, plight ("mother", "ambassador", "hostage"). */
export function personNoun(noun: string): boolean {
  const w = noun.toLowerCase();
  return KINSHIP.has(w) || ROLE_NOUNS.has(w) || roleOf(w) !== null;
}

/** A singular noun for a person by occupation, office or plight ("footballer", "journalist", "hostage"): a title a name can carry. */
export function titleNoun(noun: string): boolean {
  const r = roleOf(noun);
  return r !== null && !r.plural && ['occupation', 'position', 'captive', 'member', 'kin'].includes(r.cls);
}

export const POSSESSIVES = set('function-words', { uses: 'coref-possessive' });

/** Generic nouns an organisation is described by ("Hamas, the militant group"; "the charity said it …"). */
export const ORG_NOUNS = set('org-nouns', { uses: 'coref' });

/** The class of a role noun, for features: kin, position, member, captive, occupation … */
export function roleClass(noun: string): string | null {
  const w = noun.toLowerCase();
  if (KINSHIP.has(w)) return 'kin';
  const r = roleOf(w);
  if (r) return r.cls;
  return ROLE_NOUNS.has(w) ? 'position' : null;
}

/** The gender a title written before a name fixes ("Mr.", "Mrs.", "Sir", "Queen"), from the lexicon's titles. */
export function titleGender(word: string): Gender | null {
  const g = lookup('titles', word.toLowerCase())?.attrs.gender;
  return g === 'm' || g === 'f' ? g : null;
}
