/**
 * "The nation", "the government", "the regime", "the state" written alone for a country (seventeenth session, coref40).
 * The fresh sets join a government to its country (as coref18's "the Israeli government" does), and a state noun with
 * no nationality word before it is the most frequent description they leave unlinked. coref25's first try (the one
 * country named in the last five sentences) took one wrong link on unseen news; this reading asks for salience as
 * well as reach, in one of two shapes:
 *  - the country is the subject of the description's own sentence or of the sentence before, and the last country
 *    mentioned before the description ("Libya suffered a power vacuum … The nation, wealthy due to oil, …";
 *    "Israel has stripped Palestinians of residency … in the history of the state");
 *  - the country is the only one the text has named so far, named at least twice and in the last five sentences
 *    ("… China … China's Ministry … The government has mobilized its forces").
 * The nouns and which of them may stand alone are lexicon data (lexicon/en/coref-descriptions.tsv, column `alone`);
 * "the state" takes only the subject shape (a US state is "the state" as often as a country is).
 */
import type { Doc, Entity, Mention, Token } from '../../doc.js';
import { lookup } from '../../lexicon/index.js';
import { countWhile } from '../../sorted.js';
import { defineRule } from '../../rules/registry.js';
import { lw, mentionHead } from './mentions.js';
import { placeKinds } from './places.js';

export const stateCountryRule = defineRule({
  id: 'coref.description-state-country',
  stage: 'coref',
  action: 'label',
  summary: '"the nation", "the government", "the regime", "the state" alone (lexicon/en/coref-descriptions.tsv column `alone`) stand for a country the text makes salient: the subject of the description\'s sentence or of the one before, when it is the last country mentioned; or the only country named so far, named at least twice and mentioned in the last five sentences ("the state": the subject shape only). Two countries with neither shape leave it unlinked',
  fires: [
    'Gunmen flew a plane to Malta on Monday. Malta closed its airport. Libya suffered a power vacuum after the war. The nation is split among rival governments.',
    'Heavy rain forced China to evacuate thousands. China said more rain would fall in Sichuan. Rivers rose in the south. The government has mobilized its forces.',
  ],
  spares: [
    'Floods hit Libya on Monday. Libya asked Malta for help. The nation is split among rival governments.',
    'Heavy rain forced China to evacuate thousands. Officials in Japan said more rain would fall. Rivers rose in the south. The government has mobilized its forces.',
    'Canada held an election on Monday. Canada counted the votes. Rivers rose in the south. The state is split.',
  ],
  source: 'src/extract/coref/descriptions-state.ts',
});

type Indexed = { m: Mention; e: Entity; sentence: number };

/** How many sentences back, with the description's own, the sole country must have been named. */
const SOLE_REACH = 5;
/** How often the sole country must have been named before the description. */
const SOLE_NAMES = 2;

/** A GPE the gazetteer knows as a country. */
function isCountry(e: Entity): boolean {
  return e.type === 'GPE' && placeKinds(e).has('country');
}

/** The country names of a document in text order, with how many distinct countries are named up to each (memoised per index). */
interface CountryNames { starts: number[]; distinct: number[]; first: Entity | undefined }
const countryNames = new WeakMap<readonly Indexed[], CountryNames>();

function countryNamesOf(items: readonly Indexed[]): CountryNames {
  let c = countryNames.get(items);
  if (c) return c;
  c = { starts: [], distinct: [], first: undefined };
  const seen = new Set<Entity>();
  for (const x of items) {
    if (x.m.kind !== 'name' || !isCountry(x.e)) continue;
    seen.add(x.e);
    c.first ??= x.e;
    c.starts.push(x.m.start);
    c.distinct.push(seen.size);
  }
  countryNames.set(items, c);
  return c;
}

/** The one country named before `at`, named at least SOLE_NAMES times and mentioned (by name, description or pronoun) in the last SOLE_REACH sentences; else undefined. */
function soleCountry(doc: Doc, items: readonly Indexed[], at: Token): Entity | undefined {
  const pos = at.start;
  const c = countryNamesOf(items);
  const lo = countWhile(c.starts.length, (k) => c.starts[k] < pos);
  if (lo < SOLE_NAMES || c.distinct[lo - 1] !== 1) return undefined;
  const last = lastMentionBefore(c.first!, pos);
  return last >= 0 && doc.tokens[doc.tokenAt(last)].sentence >= at.sentence - SOLE_REACH + 1 ? c.first : undefined;
}

/** The entity's mention starts in text order, rebuilt only when it gains mentions (descriptions link as the text is read). */
const sortedStarts = new WeakMap<Entity, { n: number; starts: number[] }>();

/** Where the entity's last mention (any kind: "the country" counts) starting before `pos` starts, or -1. */
function lastMentionBefore(e: Entity, pos: number): number {
  let s = sortedStarts.get(e);
  if (!s || s.n !== e.mentions.length) {
    s = { n: e.mentions.length, starts: e.mentions.map((m) => m.start).sort((a, b) => a - b) };
    sortedStarts.set(e, s);
  }
  const starts = s.starts;
  const lo = countWhile(starts.length, (k) => starts[k] < pos);
  return lo > 0 ? starts[lo - 1] : -1;
}

/** The mention is its clause's subject (its head, through an apposition, an nsubj; no preposition before it: "Henry III of France became king" is a misparse). */
function isSubject(doc: Doc, m: Mention): boolean {
  const toks = doc.tokens;
  const first = doc.tokenAt(m.start);
  if (first > 0 && toks[first - 1].upos === 'ADP') return false;
  let k = mentionHead(doc, m);
  if (k >= 0 && toks[k].deprel === 'appos') k = toks[k].head ?? -1;
  return k >= 0 && /^nsubj/.test(toks[k].deprel ?? '');
}

/** The last country mentioned in the description's sentence or the one before, when it is a subject there. */
function subjectCountry(doc: Doc, bySentence: ReadonlyMap<number, readonly Indexed[]>, at: Token): Indexed | undefined {
  let last: Indexed | undefined;
  for (let s = at.sentence; s >= Math.max(0, at.sentence - 1) && !last; s--) {
    for (const x of bySentence.get(s) ?? []) {
      if (x.m.end > at.start || !isCountry(x.e)) continue;
      if (!last || x.m.start > last.m.start) last = x;
    }
  }
  return last && isSubject(doc, last.m) ? last : undefined;
}

/** A state noun of the lexicon (class state, or one that may stand alone). */
function stateNoun(t: Token): boolean {
  const a = lookup('coref-descriptions', lw(t))?.attrs;
  return a !== undefined && (a.class === 'state' || a.alone !== undefined);
}

/** The nationality or name word is the country's ("Syrian" of Syria, "Chinese" of China): it starts as one of its names does. */
function namesCountry(e: Entity, word: string): boolean {
  const w = word.toLowerCase();
  return e.mentions.some((m) => {
    if (m.kind !== 'name') return false;
    const name = m.text.replace(/^the\s+/i, '').replace(/['’]s?$/, '').toLowerCase();
    return name.length >= 4 && (w === name || w.startsWith(name.slice(0, -1)));
  });
}

/**
 * Between the country's mention (ending at `from`) and the description at token i, another state is spoken of: a state
 * noun after a capitalised word that is not the country's ("the Syrian government — whose duty it is to protect the
 * country's borders", the United States the subject before), or, for "the state", a region the gazetteer knows as no town ("The
 * governor of Ohio announced the state had …", Thailand the subject before).
 */
function otherStateBetween(doc: Doc, bySentence: ReadonlyMap<number, readonly Indexed[]>, country: Entity, from: number, i: number, subjectOnly: boolean): boolean {
  const toks = doc.tokens;
  for (let k = doc.tokenAt(from); k < i; k++) {
    if (k > 0 && stateNoun(toks[k]) && toks[k - 1].upos !== 'DET' && /^\p{Lu}/u.test(toks[k - 1].text) && toks[k - 1].start >= from && !namesCountry(country, toks[k - 1].text)) return true;
  }
  if (!subjectOnly) return false;
  for (let s = toks[doc.tokenAt(from)].sentence; s <= toks[i].sentence; s++) {
    for (const x of bySentence.get(s) ?? []) if (x.e !== country && placeKinds(x.e).has('region') && !placeKinds(x.e).has('town') && !isCountry(x.e) && x.m.start >= from && x.m.end <= toks[i].start) return true;
  }
  return false;
}

/**
 * The country "the nation" at token i (its noun at h, right after "the") stands for, or undefined: the noun stands
 * alone (singular, no "of" complement, no name after it), and a country is salient (see above).
 */
export function stateCountry(doc: Doc, bySentence: ReadonlyMap<number, readonly Indexed[]>, items: readonly Indexed[], i: number, h: number): Entity | undefined {
  const toks = doc.tokens;
  if (h !== i + 1 || lw(toks[i]) !== 'the' || toks[h].xpos !== 'NN') return undefined;
  const alone = lookup('coref-descriptions', lw(toks[h]))?.attrs.alone;
  if (alone !== 'country' && alone !== 'country-subject') return undefined;
  const next = toks[h + 1];
  if (next && next.sentence === toks[h].sentence && (lw(next) === 'of' || /^\p{Lu}/u.test(next.text))) return undefined;
  const subject = subjectCountry(doc, bySentence, toks[i]);
  let found = subject?.e;
  let from = subject?.m.end ?? -1;
  if (!found && alone === 'country') {
    found = soleCountry(doc, items, toks[i]);
    if (found) from = lastMentionBefore(found, toks[i].start);
  }
  if (found && otherStateBetween(doc, bySentence, found, from, i, alone === 'country-subject')) found = undefined;
  if (found) stateCountryRule.fired(toks[i].start, toks[h].end);
  return found;
}
