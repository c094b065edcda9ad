/**
 * Name SPANS (issue 13, fourteenth session, names27): boundary mechanisms run on a sentence's spans after the
 * recogniser's decoding, beside the other span rules of ner.ts. Each reads the structure around a span (a place
 * name the capitalised run goes on from, the title an office complement hangs on, an honorific), never a string.
 * What the boundary errors are, counted by class on the readable sets, is in docs/entities-ner.md ("fourteenth
 * session, names27"; `node dist/eval/name-spans.js`).
 */
import type { EntityType } from '../doc.js';
import { lookup, roleOf, set } from '../lexicon/index.js';
import { defineRule, type Rule } from '../rules/registry.js';
import { DATE_WORDS } from './ner-features.js';

/** A name span over a sentence's tokens, [start, end) (ner.ts's NameSpan). */
export interface TokenSpan {
  start: number;
  end: number;
  type: EntityType;
}

const spanRule = (id: string, action: 'split' | 'extend' | 'retype', summary: string, fires: Rule['fires']): Rule =>
  defineRule({ id: `ner.${id}`, stage: 'ner', action, summary, fires, spares: [], source: 'src/extract/name-spans.ts' });

export const R_PLACE_LED_NAMES = spanRule('place-led-names', 'extend', 'a place name followed by capitalised words ending in an organisation or facility head word is the first part of one organisation or facility ("the New Zealand Herald", "Singapore General Hospital"), not a place beside a fragment', [
  { text: 'According to the Tallert Gazette, the vote was close.', decoded: ['Tallert/GPE'], names: ['Tallert Gazette/ORG'] },
]);
export const R_NATIONALITY_LED_NAMES = spanRule('nationality-led-names', 'extend', 'a nationality followed by capitalised common words (mostly written in lower case) ending in an organisation or facility head word is one organisation or facility ("the British Embassy", "the Islamic Centre", "Italian Episcopal Conference"), not a nationality beside a fragment; a name of its own after the nationality ("Russian Levada Center") stays apart, a nationality inside longer capitalised words ("Abilene Christian University") leads nothing, and a place the gazetteer knows ("English Channel") stays a place', [
  { text: 'He fled to the Tallertian Centre in the capital.', decoded: ['Tallertian/NORP'], names: ['Tallertian Centre/ORG'] },
]);
export const R_PERSON_LED_NAMES = spanRule('person-led-names', 'extend', 'a person\'s full name (two words or more) followed by capitalised common words ending in an organisation or facility head word is what is named after the person ("the Nelson Mandela Foundation", "George Mason University"); a surname alone before a head is left ("the Obama Administration")', [
  { text: 'Mr Orbis is the manager of the Jan Tallert Foundation in town.', decoded: ['Orbis/PERSON', 'Jan Tallert/PERSON'], names: ['Orbis/PERSON', 'Jan Tallert Foundation/ORG'] },
]);
export const R_OFFICE_COMPLEMENT = spanRule('office-complement', 'split', 'a person name of three words or more opening right after a title and its linking words ("Minister of …", "Minister for the …") opens with the office\'s complement, which leaves it ("Minister of Defense Hazem Shaalan" → "Hazem Shaalan")', [
  { text: 'The Minister for the Olympics Tessa Jowell rejected such calls.', decoded: ['Olympics Tessa Jowell/PERSON'], names: ['Tessa Jowell/PERSON'] },
]);
export const R_HONORIFIC_PERSON = spanRule('honorific-person', 'retype', 'a name opening with an honorific (lexicon titles, class honorific) that the training gold shows before people more often than opening a name ("Dr", "Mr", "Ms", not "St."; lexicon title-evidence, npm run train:title-evidence) followed by capitalised words is a person without the honorific, whatever type the model gave it ("Dr Tan"/GPE → "Tan"/PERSON)', [
  { text: 'According to Dr Tallert, the wound was deep.', decoded: ['Dr Tallert/GPE'], names: ['Tallert/PERSON'] },
]);

export const R_GAZETTEER_OFFICE = spanRule('gazetteer-office', 'split', 'an organisation span grown to a gazetteer name (ner.extend-to-gazetteer) ends before a title word that follows a known organisation or place or an acronym: the actor dictionaries list offices as actors ("UN Secretary General"), but the office is no part of the organisation\'s name ("UN")', [
  { text: 'The minister met UN Secretary General Ban Ki-moon on Monday.', decoded: ['UN/ORG', 'Ban Ki-moon/PERSON'], names: ['UN/ORG', 'Ban Ki-moon/PERSON'] },
]);

const HONORIFICS = set('titles', { class: 'honorific' });

/**
 * An honorific the training gold shows before people more often than opening a name (lexicon title-evidence,
 * `npm run train:title-evidence`): "Dr", "Mr", "Ms", not "St." ("St. Louis") or "Sheikh" (inside Gulf names).
 */
const titleBeforePeople = new Map<string, boolean>();
function honorificBeforePeople(word: string): boolean {
  const l = word.toLowerCase();
  let v = titleBeforePeople.get(l);
  if (v === undefined) {
    const e = HONORIFICS.has(l) ? lookup('title-evidence', l.replace(/\.$/, '')) : undefined;
    v = e !== undefined && Number(e.attrs.before) > Number(e.attrs.opens ?? 0);
    titleBeforePeople.set(l, v);
  }
  return v;
}
const TITLE_LINKS = set('function-words', { uses: 'ner-title-link' });
const FUNCTION_WORDS = set('function-words');

const capitalised = (w: string) => /^\p{Lu}/u.test(w);

/**
 * "the New Zealand Herald", "UK Government", "El Paso Energy", "Singapore General Hospital": the recogniser read the
 * place and left (or typed apart) the rest of the capitalised run. When the run goes on from a place name with
 * capitalised words, untagged or one organisation / facility name of the model, and its last word heads an
 * organisation (or a facility), the run is one organisation (facility). `head(word)` types a lower-case head word.
 */
export function joinPlaceLedNames(words: readonly string[], spans: TokenSpan[], head: (lower: string) => 'ORG' | 'FAC' | null): void {
  spans.sort((a, b) => a.start - b.start);
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    if (s.type !== 'GPE' && s.type !== 'LOC') continue;
    let e = s.end;
    let absorbed = 0;
    const next = spans[k + 1];
    if (next && next.start === s.end && (next.type === 'ORG' || next.type === 'FAC')) {
      e = next.end;
      absorbed = 1;
    } else while (e < words.length && capitalised(words[e]) && /\p{Ll}/u.test(words[e]) && !(next && next.start <= e)) e++;
    if (e === s.end) continue;
    let dated = false;
    // (a date word may close the name as its head: "Russia Today")
    for (let i = s.end; i < e - 1; i++) if (DATE_WORDS.has(words[i].toLowerCase()) || HONORIFICS.has(words[i].toLowerCase())) dated = true;
    if (dated) continue;
    const type = head(words[e - 1].toLowerCase());
    if (!type) continue;
    spans.splice(k, 1 + absorbed, { start: s.start, end: e, type });
  }
}

/**
 * "the British Embassy", "the Islamic Centre", "George Mason University" (seventeenth session, names33): the recogniser
 * read the nationality or the person and left the rest of the name, so an organisation is missed and a nationality or
 * a person found in its place. A NORP span (`leader` NORP), or a PERSON span of two words or more (`leader` PERSON),
 * followed by one to three untagged capitalised words, each a common word (`common`: mostly written in lower case, or
 * itself a head), the last heading an organisation or a facility, is one name of that kind. A name of its own after
 * the leader ("Russian Levada Center", "Kenyan Airways" is right anyway) is no common word and stays apart; a leader
 * inside longer capitalised words ("Abilene Christian University") leads nothing; a whole the gazetteer knows as a
 * place or a person (`otherKind`: "English Channel") keeps that reading.
 */
export function joinLedNames(words: readonly string[], spans: TokenSpan[], leader: 'NORP' | 'PERSON', head: (lower: string) => 'ORG' | 'FAC' | null, common: (lower: string) => boolean, otherKind: (start: number, end: number) => boolean): void {
  spans.sort((a, b) => a.start - b.start);
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    if (s.type !== leader || (leader === 'PERSON' && s.end - s.start < 2)) continue;
    // the leader must open the capitalised words: "Abilene Christian University" is no "Christian University"
    // ("The British Embassy" opens with a function word, no name)
    if (s.start > 0 && capitalised(words[s.start - 1]) && /\p{L}/u.test(words[s.start - 1]) && !FUNCTION_WORDS.has(words[s.start - 1].toLowerCase())) continue;
    const next = spans[k + 1];
    let e = s.end;
    while (e < words.length && e - s.end < 3 && capitalised(words[e]) && /\p{Ll}/u.test(words[e]) && !(next && next.start <= e)) {
      const l = words[e].toLowerCase();
      if (DATE_WORDS.has(l) || HONORIFICS.has(l) || !(common(l) || head(l))) break;
      e++;
    }
    // the run must end the capitalised words: "the British Embassy Tallert" is another name's start
    if (e === s.end || (e < words.length && capitalised(words[e]) && !(next && next.start === e))) continue;
    const type = head(words[e - 1].toLowerCase());
    // a name the gazetteer knows as a place or a person is that ("English Channel": "channel" also heads a broadcaster)
    if (!type || otherKind(s.start, e)) continue;
    spans.splice(k, 1, { start: s.start, end: e, type });
  }
}

/**
 * "the Minister of Defense Hazem Shaalan", "Minister for the Olympics Tessa Jowell": the recogniser ran the office's
 * complement into the holder's name. A person name of three words or more that opens right after linking words
 * ("of", "for", "the") which follow a title opens with the complement: its first word leaves it.
 */
export function cutOfficeComplements(words: readonly string[], spans: TokenSpan[], isTitle: (w: string) => boolean): void {
  for (const s of spans) {
    if (s.type !== 'PERSON' || s.end - s.start < 3) continue;
    let i = s.start - 1;
    if (i < 1 || !TITLE_LINKS.has(words[i])) continue;
    while (i > 0 && TITLE_LINKS.has(words[i])) i--;
    if (!isTitle(words[i]) && roleOf(words[i])?.cls !== 'position') continue;
    s.start++;
  }
}

/**
 * "According to Dr Tan": an honorific never opens an organisation or a place, so a name that opens with one and goes
 * on with capitalised words is the person those words name.
 */
export function honorificPersons(words: readonly string[], spans: TokenSpan[]): void {
  for (const s of spans) {
    if (s.type === 'PERSON' || s.end - s.start < 2 || !honorificBeforePeople(words[s.start])) continue;
    let ok = true;
    for (let i = s.start + 1; i < s.end; i++) if (!capitalised(words[i])) ok = false;
    if (!ok) continue;
    s.start++;
    s.type = 'PERSON';
  }
}

/**
 * "UN Secretary General Ban Ki-moon": ner.office-after-org cuts the office off an organisation the model decoded, but
 * ner.extend-to-gazetteer, after it, grows "UN" back to the actor dictionary's "UN Secretary General". The same cut
 * (`endBeforeOffice`, ner.ts) runs again on the organisations it grew (`grown`).
 */
export function cutGazetteerOffices(grown: TokenSpan[], endBeforeOffice: (start: number, end: number) => number): void {
  for (const s of grown) if (s.type === 'ORG') s.end = endBeforeOffice(s.start, s.end);
}
