/**
 * Integer feature hashing shared by the tagger, lemmatizer and parser. Strings are hashed
 * once per token; feature keys are then mixed from small integers (template id, word
 * hashes, tag ids) with murmur3-style rounds, so building a feature costs a few
 * multiplications and never allocates.
 */

/** One murmur3 round: folds the 32-bit value `x` into the running hash `h`. */
export function mix(h: number, x: number): number {
  x = Math.imul(x, 0xcc9e2d51);
  x = (x << 15) | (x >>> 17);
  x = Math.imul(x, 0x1b873593);
  h ^= x;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/**
 * murmur3 finaliser; never returns 0 (0 marks an empty slot in FeatureTable). The 32 bits come
 * back as a signed integer: an unsigned one above 2^31 is a heap number in V8, boxed on every
 * return that is not inlined (a tenth of extract's allocations). Keys are stored in Uint32Arrays
 * and read by bit operations only, so the sign is never seen.
 */
export function fin(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h || 1;
}

const SEED = 0x3c6ef372;

export const f1 = (t: number, a: number): number => fin(mix(mix(SEED, t), a));
export const f2 = (t: number, a: number, b: number): number => fin(mix(mix(mix(SEED, t), a), b));
export const f3 = (t: number, a: number, b: number, c: number): number => fin(mix(mix(mix(mix(SEED, t), a), b), c));
export const f4 = (t: number, a: number, b: number, c: number, d: number): number =>
  fin(mix(mix(mix(mix(mix(SEED, t), a), b), c), d));

/** The hash state f1–f4 start from after template id t: fin(mix(…mix(templateSeed(t), a)…)) is their key. */
export const templateSeed = (t: number): number => mix(SEED, t);

/** FNV-1a over UTF-16 code units, finalised; stable across runs and platforms. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fin(h);
}

const QUOTES: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '\u0060': "'", '\u00b4': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2013': '--', '\u2014': '--', '\u2015': '--', '\u2026': '...', '\u2212': '-',
};
const QUOTE_RE = /[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2013\u2014\u2015\u2026\u2212]/g;

/**
 * The form the models see: typographic quotes, apostrophes and dashes mapped to the ASCII
 * spellings that dominate EWT, so the project tokenizer's “ ’s — tokens look familiar.
 * `` and '' (PTB quotes) map to ".
 */
export function normaliseForm(form: string): string {
  if (form === '``' || form === "''") return '"';
  return QUOTE_RE.test(form) ? form.replace(QUOTE_RE, (c) => QUOTES[c] ?? c) : form;
}

/** Lower-cased normalised form with numbers collapsed into classes (Honnibal's trick). */
export function wordKey(norm: string): string {
  const lower = norm.toLowerCase();
  if (/^\d{4}$/.test(lower)) return '!YEAR';
  if (/\d/.test(lower) && /^[\d.,:/\-+%$]+$/.test(lower)) return '!DIGITS';
  return lower;
}

/** Coarse word shape: "Xxxx" → "Xx", "U.S." → "X.X.", "1,200" → "d,d", capped at 5 symbols. */
export function shape(form: string): string {
  let out = '';
  let last = '';
  for (const ch of form) {
    let c: string;
    if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{Ll}/u.test(ch)) c = 'x';
    else if (/\p{Nd}/u.test(ch)) c = 'd';
    else if (/\p{L}/u.test(ch)) c = 'l';
    else if (/\p{Extended_Pictographic}/u.test(ch)) c = 'E';
    else c = ch;
    if (c !== last) {
      out += c;
      last = c;
      if (out.length >= 5) break;
    }
  }
  return out;
}

/** Per-token string hashes computed once per sentence and shared by all feature templates. */
export interface Lexeme {
  norm: string;
  /** norm lower-cased */
  lower: string;
  /** hash of the lower-cased, number-classed form */
  word: number;
  /** hash of the exact normalised form (keeps case) */
  exact: number;
  shape: number;
  suf1: number; suf2: number; suf3: number; suf4: number;
  pre1: number; pre2: number; pre3: number;
  /** bit flags: 1 upper initial, 2 all caps, 4 has digit, 8 has hyphen, 16 non-ASCII letter/symbol */
  flags: number;
  /**
   * A model's answers for this word, kept on it so a token costs one look-up (lexeme's) instead of
   * one per table: set and read by the model that `memo.owner` names (Tagger, NlpModel), null until
   * then. Answers of a pure function of the word and that model's fixed tables.
   */
  memo: LexemeMemo | null;
}

/** See Lexeme.memo. */
export interface LexemeMemo {
  /** the tagger's data the tags below come from */
  owner: object;
  /** the tag dictionary's XPOS id for the normalised form, -1 when it has none */
  dictTag: number;
  /** the lower-cased form's most frequent XPOS id + 1, 0 when unknown (Tagger.lowerTagsOf) */
  lowerTag: number;
  /**
   * the lemmas of the word under its first two XPOS ids (-1: none yet), as the NlpModel
   * lemmasOwner's lemmatizer gives them; a word seen with a third tag asks the lemmatizer's memo
   */
  lemmasOwner: object | null;
  tag1: number;
  lemma1: string;
  tag2: number;
  lemma2: string;
  /**
   * the word's prefix scores under up to two tagger models (Tagger's PrefixPool): the epoch of the
   * pool that holds them (null: none) and their row there
   */
  prefix1: object | null;
  prefix1At: number;
  prefix2: object | null;
  prefix2At: number;
}

const lexCache = new Map<string, Lexeme>();

/** Hashes for one form (memoised: news vocabulary is Zipfian, so the cache pays quickly). */
export function lexeme(form: string): Lexeme {
  const hit = lexCache.get(form);
  if (hit) return hit;
  const norm = normaliseForm(form);
  const key = wordKey(norm);
  const lower = norm.toLowerCase();
  const L = lower.length;
  let flags = 0;
  if (/^\p{Lu}/u.test(norm)) flags |= 1;
  if (/\p{L}/u.test(norm) && norm === norm.toUpperCase() && L > 1) flags |= 2;
  if (/\d/.test(norm)) flags |= 4;
  if (norm.includes('-') && L > 1) flags |= 8;
  if (/[^\x00-\x7f]/.test(norm)) flags |= 16;
  const lx: Lexeme = {
    norm,
    lower,
    word: hashString(key),
    exact: hashString(norm),
    shape: hashString(shape(norm)),
    suf1: hashString(lower.slice(-1)), suf2: hashString(lower.slice(-2)), suf3: hashString(lower.slice(-3)), suf4: hashString(lower.slice(-4)),
    pre1: hashString(lower.slice(0, 1)), pre2: hashString(lower.slice(0, 2)), pre3: hashString(lower.slice(0, 3)),
    flags,
    memo: null,
  };
  if (lexCache.size > 500_000) lexCache.clear();
  lexCache.set(form, lx);
  return lx;
}
