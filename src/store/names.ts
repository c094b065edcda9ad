/**
 * Name keys for cross-document identity. Spellings of one name differ by transliteration
 * (Trufanov/Trufanow, Yelena/Elena, Irena/Irina, Aleksandr/Alexander), by feminine surname
 * endings (Trufanova) and by titles and nicknames ("Sasha"). Two keys per name token:
 * `translit` folds spelling conventions, `skeleton` keeps the first letter and the consonants,
 * so vowel differences (e/i, o/a) and feminine -a endings vanish.
 */
import { set } from '../lexicon/index.js';
import { ACRONYM_SHAPE, acronymInitials, shortFormOfName } from '../extract/aliases.js';
import { getBrownClusters } from '../nlp/representations.js';

const TITLES = set('titles', { uses: 'store' });
/** Generational and degree suffixes left out of name keys (lexicon/en/name-parts.tsv). */
const SUFFIXES = set('name-parts', { class: 'name-suffix' });
const PARTICLES = set('name-particles', { uses: 'store' });

/** A folded word that is a title, not part of a name ("president", "gen", "dr"). */
export function isTitleWord(word: string): boolean {
  return TITLES.has(word);
}

/**
 * A common word of English, not only a name: its lower-case form is in the vocabulary of the
 * Brown clusters (models/representations: words seen ≥ 30 times in 26 M words of news and
 * encyclopedia text). "brown", "marine", "church", "parliament" are; "trufanov", "karl",
 * "obama" are not. Without the cluster file, no word counts as common.
 */
export function isCommonWord(word: string): boolean {
  const w = word.toLowerCase();
  let v = commonCache.get(w);
  if (v === undefined) {
    v = (getBrownClusters()?.exactClusterOf(w) ?? -1) >= 0;
    if (commonCache.size > 50000) commonCache.clear();
    commonCache.set(w, v);
  }
  return v;
}
const commonCache = new Map<string, boolean>();

/** Lower case, accents and apostrophes removed, quotes and punctuation to spaces. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A small memo for the per-token keys, which identity resolution asks for again and again. */
function memo(fn: (s: string) => string): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size > 50000) cache.clear();
      v = fn(s);
      cache.set(s, v);
    }
    return v;
  };
}

/** Spelling-convention folding of one lower-case token (not the vowels: see skeleton). */
export const translit = memo((token: string): string => {
  let t = token;
  t = t.replace(/^ye/, 'e').replace(/^yu/, 'u').replace(/^ya/, 'a').replace(/^je/, 'e').replace(/^jo/, 'yo');
  t = t
    .replace(/sch/g, 'sh')
    .replace(/tch/g, 'ch')
    .replace(/zh/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/q/g, 'k')
    .replace(/c(?=[aou]|$|[^eiyh])/g, 'k')
    .replace(/w/g, 'v')
    .replace(/(?:iy|yi|ij|ii|y)$/g, 'i')
    .replace(/th/g, 't')
    .replace(/dj/g, 'j');
  return t.replace(/(.)\1+/g, '$1');
});

/** First letter plus consonants of the transliterated token: Trufanov, Trufanow, Trufanova → trfnv. */
export const skeleton = memo((token: string): string => {
  const t = translit(token);
  if (t.length <= 1) return t;
  const head = /[aeiouy]/.test(t[0]) ? 'a' : t[0];
  return (head + t.slice(1).replace(/[aeiouy]/g, '')).replace(/(.)\1+/g, '$1');
});

export interface PersonName {
  /** folded tokens without titles, nicknames and suffixes */
  tokens: string[];
  given: string | null;
  surname: string | null;
  /** tokens in quotes or parentheses ("Sasha"), kept as aliases */
  nicknames: string[];
}

/** Split a person's name into given name and surname (last token), dropping titles and nicknames. */
export function parsePersonName(name: string): PersonName {
  const nicknames: string[] = [];
  const stripped = name.replace(/[“"«(]([^”"»)]{1,30})[”"»)]/g, (_m, nick: string) => {
    nicknames.push(...foldName(nick).split(' ').filter(Boolean));
    return ' ';
  });
  let tokens = foldName(stripped).split(' ').filter(Boolean);
  while (tokens.length > 1 && TITLES.has(tokens[0])) tokens = tokens.slice(1);
  while (tokens.length > 1 && SUFFIXES.has(tokens[tokens.length - 1])) tokens = tokens.slice(0, -1);
  if (tokens.length === 0) return { tokens, given: null, surname: null, nicknames };
  if (tokens.length === 1) return { tokens, given: null, surname: null, nicknames };
  // "Mahmoud al Zahar": the particle belongs to the surname
  let surnameFrom = tokens.length - 1;
  while (surnameFrom > 1 && PARTICLES.has(tokens[surnameFrom - 1])) surnameFrom--;
  return { tokens, given: tokens[0], surname: tokens.slice(surnameFrom).join(' '), nicknames };
}

/** Key of a whole name for exact-variant matching: skeletons of its tokens. */
export function nameKey(name: string): string {
  return foldName(name).split(' ').filter(Boolean).map(skeleton).join(' ');
}

/** Key of a non-person name: folded, leading article dropped. */
export function orgKey(name: string): string {
  return foldName(name).replace(/^the /, '').split(' ').map(translit).join(' ');
}

/** Levenshtein distance, small strings only. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/**
 * Do two name tokens spell the same name? Same skeleton and a small edit distance between the
 * transliterations, so Yelena/Elena, Irena/Irina, Trufanov/Trufanova agree but Mark/Marek-like
 * pairs need the consonants to agree too.
 */
export function sameNameToken(a: string, b: string): boolean {
  if (a === b) return true;
  if (skeleton(a) !== skeleton(b)) return false;
  const ta = translit(a);
  const tb = translit(b);
  return editDistance(ta, tb) <= (Math.max(ta.length, tb.length) <= 5 ? 1 : 2);
}

/**
 * Common short forms of given names (Russian diminutives, English nicknames). A short form
 * agrees with any spelling of the full forms listed for it.
 */
const SHORT_FORMS: Record<string, string[]> = {
  sasha: ['alexander', 'alexandra', 'aleksandr', 'aleksandra'], sacha: ['alexander', 'alexandre'], shura: ['alexander', 'alexandra'],
  misha: ['mikhail', 'michael'], dima: ['dmitry'], kolya: ['nikolai'], volodya: ['vladimir'], vova: ['vladimir'],
  seryozha: ['sergei'], lyosha: ['alexei'], alyosha: ['alexei'], pasha: ['pavel'], petya: ['pyotr'], kostya: ['konstantin'],
  zhenya: ['evgeny', 'evgenia'], tanya: ['tatiana'], natasha: ['natalia'], masha: ['maria'], lena: ['elena'], olya: ['olga'],
  katya: ['ekaterina'], sveta: ['svetlana'], anya: ['anna'], yulia: ['julia'], vitya: ['viktor'], slava: ['vyacheslav', 'vladislav', 'yaroslav'],
  bob: ['robert'], bobby: ['robert'], rob: ['robert'], bill: ['william'], will: ['william'], liz: ['elizabeth'], beth: ['elizabeth'],
  jim: ['james'], jimmy: ['james'], mike: ['michael'], dave: ['david'], tom: ['thomas'], tony: ['anthony'], joe: ['joseph'],
  dan: ['daniel'], danny: ['daniel'], chris: ['christopher', 'christine'], kate: ['katherine', 'catherine'], nick: ['nicholas'],
  alex: ['alexander', 'alexandra', 'alexis'], sam: ['samuel', 'samantha'], ben: ['benjamin'], bibi: ['benjamin'], steve: ['stephen', 'steven'],
  ed: ['edward'], ted: ['edward', 'theodore'], dick: ['richard'], rick: ['richard'], peggy: ['margaret'], maggie: ['margaret'],
};

/** The token and its short or full forms (sasha → alexander, aleksandr, …; alexander → sasha, …). */
export function givenVariants(token: string): string[] {
  let out = variantCache.get(token);
  if (!out) {
    const set = new Set([token]);
    for (const f of SHORT_FORMS[token] ?? []) set.add(f);
    for (const [short, fulls] of Object.entries(SHORT_FORMS)) if (fulls.some((f) => sameNameToken(f, token))) set.add(short);
    out = [...set];
    if (variantCache.size > 50000) variantCache.clear();
    variantCache.set(token, out);
  }
  return out;
}
const variantCache = new Map<string, string[]>();

/** "U.S.", "UN", "BBC" as written: the letters, lower case; null when not an acronym (the alias layer's acronym shape, src/extract/aliases.ts). */
export function acronymOf(name: string): string | null {
  const t = name.trim().replace(/^the\s+/i, '');
  if (!ACRONYM_SHAPE.test(t)) return null;
  return foldName(t.replace(/\./g, ''));
}

/** Initials of a name of two to six words ("United Nations" → "un"), as the alias layer spells an acronym; null for one word. */
export function initialsOf(name: string): string | null {
  const t = name.trim().replace(/^the\s+/i, '');
  // a dotted acronym is its letters' initials ("U.S." → us): an identity known as "D.C." is no identity known only by
  // an acronym, whose full name another article may give ("Davao City")
  const ini = ACRONYM_SHAPE.test(t) && t.includes('.') ? t.replace(/\./g, '') : acronymInitials(t);
  if (ini.length < 2 || ini.length > 6) return null;
  return foldName(ini);
}

/** The short form of an organisation's name, as a name key ("Smithsonian Institution" → "smithsonian"); null when none. */
export function shortFormKey(name: string): string | null {
  const short = shortFormOfName(name.replace(/^the\s+/i, ''));
  return short ? orgKey(short) : null;
}

function shortFormOf(short: string, full: string): boolean {
  const list = SHORT_FORMS[short];
  return list !== undefined && list.some((f) => sameNameToken(f, full));
}

/** Given names agree: same name in another spelling, an initial ("A."), or a short form (Sasha/Alexander). */
export function givenNamesAgree(a: string, b: string): boolean {
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  return sameNameToken(a, b) || shortFormOf(a, b) || shortFormOf(b, a);
}

/**
 * Close enough for a lone name to be the surname of a full name: the same spelling after
 * transliteration (Trufanow/Trufanov), a feminine ending (Trufanova), or one letter apart in a
 * long name (Zelensky/Zelenskyy). Looser matches (Karl/Carrol, Marine/Maroni) are not.
 */
export function closeSurname(single: string, surname: string): boolean {
  const a = translit(single);
  const b = translit(surname);
  if (a === b || a === `${b}a` || b === `${a}a`) return true;
  return Math.min(a.length, b.length) >= 6 && skeleton(single) === skeleton(surname) && editDistance(a, b) <= 1;
}

/** Personal pronouns (lexicon/en/function-words.tsv, uses store-pronoun): never an entity's name ("I" is no organisation). */
const PRONOUNS = set('function-words', { uses: 'store-pronoun' });

/** A name that is only a pronoun, as written ("I", "They"); the newspaper "i", in lower case, is not. */
export function isPronounName(name: string): boolean {
  const t = name.trim();
  const f = foldName(t);
  if (!PRONOUNS.has(f)) return false;
  // a pronoun is written lower case or capitalised ("he", "He", "I"); "US" and "IT" in capitals
  // are names, and so is the newspaper "i" in lower case
  if (t === 'I') return true;
  return t !== 'i' && /^\p{L}\p{Ll}*$/u.test(t);
}
