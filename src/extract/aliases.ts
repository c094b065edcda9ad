/**
 * The alias layer (sixteenth session, names31): which shorter forms name which organisation of a document, and why.
 * News gives an organisation's name once in full and then shortens it — the name without its trailing head words
 * ("SoftBank Group Corp." → "SoftBank", "Smithsonian Institution" → "the Smithsonian": `short-form`), its last words
 * with "the" ("the Brazilian Air Force" → "the Air Force": `tail`), its initials ("World Health Organization" → "WHO":
 * `initials`, or defined in brackets: `bracket`). The forms an organisation's name gives are computed here and only
 * here; the recogniser (ner.org-short-form) names a short form with them, the entities stage joins a short form's
 * entity to its organisation (entities.short-form-join) and links acronyms (entities.bracket-acronym,
 * initials-acronym), coreference links "the" + a tail (coref.reduced-org-name), and each link is recorded in the
 * document's alias table (doc.aliases: the short form's characters, the full name's characters, the reason and the
 * rule), which later stages and the store read instead of guessing again.
 */
import type { Alias, AliasReason } from '../doc.js';
import { readerSet, set } from '../lexicon/index.js';

export type { Alias, AliasReason };

/** Heads after which the name alone is the same organisation (lexicon org-heads, uses short-form): "Group", "Corp.", "Institution", not "Board". */
const SHORT_FORM_HEADS = readerSet('org-heads', 'short-form');
/** Words that make a name one of a series or a part (lexicon/en/name-series.tsv): "Second Crusade" gives no tail. */
const SERIES_WORDS = set('name-series');
/** Small words an acronym leaves out: "International Committee of the Red Cross" → ICRC. */
export const ACRONYM_SKIP = set('function-words', { uses: 'entities-acronym' });
/** How many words a short form may have. */
export const MAX_SHORT_WORDS = 3;

/**
 * The name's words [a, end) without its trailing short-form heads ("SoftBank Group Corp." → "SoftBank"); a leading
 * "The" is skipped. Returns the first and end word of the short form, or null when no head trails or the rest is longer
 * than MAX_SHORT_WORDS.
 */
export function shortFormSpan(words: readonly string[], start: number, end: number): [number, number] | null {
  let a = start;
  if (words[a] === 'The' || words[a] === 'the') a++;
  let e = end;
  while (e > a + 1 && (SHORT_FORM_HEADS.has(words[e - 1].toLowerCase()) || words[e - 1] === '.')) e--;
  if (e === end || e - a > MAX_SHORT_WORDS) return null;
  return [a, e];
}

/** A name's words, without a leading "the" or a trailing possessive, lower-cased. */
export function aliasWords(text: string): string[] {
  const words = text.replace(/['’]s?$/, '').split(/\s+/).filter(Boolean).map((w) => w.toLowerCase());
  return words[0] === 'the' ? words.slice(1) : words;
}

/**
 * The tails of an organisation's name that "the" + the tail may stand for ("air force", "force" of "Brazilian Air
 * Force"), lower-cased and space-joined; `series` is told when a series word ("Second Crusade") held some back. None
 * when a word after the first is lower case or "&" ("Centre of the Coast Guard", "House and Senate": the end is another
 * thing's name).
 */
export function nameTails(text: string, seriesVeto: boolean, series?: () => void): string[] {
  const words = aliasWords(text);
  const raw = text.replace(/^the\s+/i, '').replace(/['’]s?$/, '').split(/\s+/);
  if (raw.slice(1).some((w) => w === '&' || /^\p{Ll}/u.test(w))) return [];
  const at = seriesVeto ? words.findIndex((w) => SERIES_WORDS.has(w)) : -1;
  if (at >= 0 && at < words.length - 1) series?.();
  const out: string[] = [];
  for (let k = 1; k < words.length && k <= MAX_SHORT_WORDS; k++) {
    if (at >= 0 && at < words.length - k) continue;
    out.push(words.slice(words.length - k).join(' '));
  }
  return out;
}

/** "World Food Programme" → "WFP"; "Hay'at Tahrir al-Sham" → "HTS" (an "al-" prefix gives the next letter); '' when a lower-case word is inside. */
export function acronymInitials(name: string): string {
  let out = '';
  // a hyphen between two capitalised words parts two words of the name ("Agence France-Presse" → AFP); "al-Sham" stays one
  for (const raw of name.replace(/(\p{Lu}\p{L}*)-(?=\p{Lu})/gu, '$1 ').split(/\s+/)) {
    const w = raw.replace(/^[“”"‘’']+/, ''); // an apostrophe inside a word (Jama'at) does not split it
    if (!w || ACRONYM_SKIP.has(w.toLowerCase())) continue;
    const core = w.replace(/^(?:al|el|ad|as|an|ar|at)-/i, '');
    const c = core.charAt(0);
    if (/\p{Lu}/u.test(c)) out += c;
    else if (/\p{L}/u.test(c)) return ''; // a lower-case word inside: not a name an acronym abbreviates
  }
  return out;
}

/** An acronym as written: "WHO", "U.S.", "ICRC" (two to eight capitals, each may take a dot). */
export const ACRONYM_SHAPE = /^(?:\p{Lu}\.?){2,8}$/u;

/**
 * The short form an organisation's name gives across articles (the store): "Smithsonian Institution" → "Smithsonian",
 * "SoftBank Group Corp." → "SoftBank"; null when no head word trails (split on spaces: "Corp." is one word).
 */
export function shortFormOfName(name: string): string | null {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const span = shortFormSpan(words, 0, words.length);
  return span ? words.slice(span[0], span[1]).join(' ') : null;
}

/**
 * Is `short` the same name as `full`, or its first or last words (names folded and without "the"): "supreme court" of
 * "supreme court of pakistan" or "pakistan supreme court". The store's test for a generic name that stands for the
 * institution an article names in full (src/store/context.ts, same-as).
 */
export function withinName(short: string, full: string): boolean {
  return full === short || full.startsWith(`${short} `) || full.endsWith(` ${short}`);
}

/**
 * A document's alias table under construction: short form key → the owners (entities or clusters) whose full names
 * give it, with where each gave it first and why. Built in one pass over the owners' names; looked up per key.
 */
export class AliasTable<O> {
  private forms = new Map<string, Map<O, { start: number; end: number; text: string; reason: AliasReason }>>();

  add(key: string, owner: O, reason: AliasReason, full: { start: number; end: number; text: string }): void {
    let by = this.forms.get(key);
    if (!by) this.forms.set(key, (by = new Map()));
    const was = by.get(owner);
    if (!was || full.start < was.start) by.set(owner, { ...full, reason });
  }

  get size(): number {
    return this.forms.size;
  }

  /** The owners whose names give this key, with their first full name. */
  lookup(key: string): ReadonlyMap<O, { start: number; end: number; text: string; reason: AliasReason }> | undefined {
    return this.forms.get(key);
  }
}
