/**
 * The closed word lists the rule-based entity, coreference and quote stages rely on, as those
 * stages name them. The words live in the lexicon (`lexicon/en/`, docs/rules.md); each export
 * here is one reader's subset of a shared list, so the members are those the stages always had.
 */
import { entries, list, readerSet, set } from '../lexicon/index.js';

/** Nationality, religion and party words (NORP), added to the place gazetteer when it is built. */
export const DEMONYMS: readonly string[] = list('gazetteer-extra', { class: 'demonym' });

/** Titles and roles that precede a person's name and are not part of it ("Ambassador Anatoly Viktorov"). */
export const TITLES = readerSet('titles', 'gazetteer');

/** Role nouns a nominal mention can be headed by ("the ambassador", "the spokesperson"). */
export const ROLE_NOUNS = readerSet('roles', 'gazetteer-role');

/** Kinship nouns: "his mother, Yelena"; genders help pronoun resolution (x: either). A Map, as PRONOUNS below. */
export const KINSHIP: ReadonlyMap<string, 'f' | 'm' | 'x'> = new Map(
  entries('roles', { uses: 'gazetteer-kin' }).map((e) => [e.word.toLowerCase(), e.attrs.gender === 'f' || e.attrs.gender === 'm' ? e.attrs.gender : 'x']),
);

/** Head words that make a capitalised name an organisation. */
export const ORG_HEADS = readerSet('org-heads', 'gazetteer');

/** Head words that make a capitalised name a facility. */
export const FAC_HEADS = readerSet('place-nouns', 'names-fac');

/** Head words that make a name a geographic location (LOC) rather than a political one. */
export const LOC_HEADS = readerSet('place-nouns', 'names-loc');

/** Words that introduce a settlement: "Kibbutz Nahal Oz" is a place. */
export const SETTLEMENT_WORDS = readerSet('place-nouns', 'names-settlement');

/** Communication verbs that attribute speech ("said", "wrote", "according to"), every form listed. */
export const SPEECH_VERBS = readerSet('speech-verbs', 'quotes');

/** Nouns for statements that can stand in for their author ("the statement noted"). */
export const STATEMENT_NOUNS = set('statement-nouns');

export interface PronounInfo {
  gender: 'f' | 'm' | 'x' | 'n';
  number: 's' | 'p';
  person: 1 | 2 | 3;
}

/**
 * Pronouns by their lower-case form. A Map, not an object: the stages ask it of every token, and an
 * object indexed by a token's text (a string made per document) has V8 look the string up in its
 * string table first (≈ 100 ns a token against ≈ 40; docs/speed.md, twenty-first round), and would
 * answer for "constructor" or "tostring" with what every object inherits.
 */
export const PRONOUNS: ReadonlyMap<string, PronounInfo> = new Map(
  entries('pronouns').map((e) => [
    e.word.toLowerCase(),
    { gender: e.attrs.gender as PronounInfo['gender'], number: e.attrs.number as PronounInfo['number'], person: Number(e.attrs.person) as PronounInfo['person'] },
  ]),
);

/** Capitalised words that are not names on their own. */
export const NOT_NAMES = set('not-names');

/** Places the Phoenix country blocks miss or file elsewhere. */
export const EXTRA_GPE: readonly string[] = list('gazetteer-extra', { class: 'gpe' });
export const EXTRA_LOC: readonly string[] = list('gazetteer-extra', { class: 'loc' });
