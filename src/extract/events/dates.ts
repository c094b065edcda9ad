/**
 * When and where an event happened.
 *
 * Dates, per event and most specific first, with `basis` saying which rule answered:
 *  - `clause`: a time expression in the event's own clause (or its noun phrase);
 *  - `governing`: the date of the clause it depends on ("freed on Friday, returning home");
 *  - `antecedent`: the event it refers back to ("during the attack", "during his abduction"),
 *    or an earlier event of the same type with the same participants;
 *  - `sentence`: a time expression elsewhere in the same sentence;
 *  - `publication`: the publication date, when the verb is in the present or present perfect.
 * Places: a GPE/LOC/FAC entity (or an ORG after "at") in a locative phrase of the clause, or in a
 * phrase saying where one of its people was (rule events.presence-place).
 */
import type { Doc, TimeExpression } from '../../doc.js';
import type { EntityIndex } from './arguments.js';
import type { ParseView } from './syntax.js';
import { set } from '../../lexicon/index.js';
import { defineRule } from '../../rules/registry.js';

export interface TimeIndex {
  /** time expression covering each token (date-like values only) */
  byToken: (TimeExpression | undefined)[];
  bySentence: Map<number, TimeExpression[]>;
}

export function indexTimes(doc: Doc): TimeIndex {
  const byToken: (TimeExpression | undefined)[] = new Array(doc.tokens.length);
  const bySentence = new Map<number, TimeExpression[]>();
  for (const t of doc.times) {
    if (!/^\d{4}/.test(t.value)) continue; // durations (P3M), sets and unresolved values do not date an event
    for (let k = doc.tokenAt(t.start); k < doc.tokens.length && doc.tokens[k].start < t.end; k++) byToken[k] ??= t;
    const s = doc.sentenceAt(t.start);
    const list = bySentence.get(s) ?? [];
    list.push(t);
    bySentence.set(s, list);
  }
  return { byToken, bySentence };
}

/** The time expression nearest to token i among the tokens of `window`. */
export function timeInWindow(times: TimeIndex, window: number[], i: number): TimeExpression | null {
  let best: TimeExpression | null = null;
  let dist = Infinity;
  for (const k of window) {
    const t = times.byToken[k];
    if (t && Math.abs(k - i) < dist) { best = t; dist = Math.abs(k - i); }
  }
  return best;
}

export function nearestInSentence(doc: Doc, times: TimeIndex, i: number, ok: (t: TimeExpression) => boolean = () => true): TimeExpression | null {
  const list = times.bySentence.get(doc.tokens[i].sentence);
  if (!list) return null;
  const pos = doc.tokens[i].start;
  let best: TimeExpression | null = null;
  for (const t of list) if (ok(t) && (!best || Math.abs(t.start - pos) < Math.abs(best.start - pos))) best = t;
  return best;
}

const RELATIVE = new Set(['acl', 'acl:relcl']);

/**
 * A time inside a clause that modifies a noun ("the journalist kidnapped in February", "who was
 * abducted last October") dates that clause's event, not another predicate of the sentence —
 * unless the predicate sits inside that same clause.
 */
export function inOtherRelative(view: ParseView, t: TimeExpression, i: number): boolean {
  const doc = view.doc;
  let k = doc.tokenAt(t.start);
  for (let steps = 0; steps < 12 && k >= 0; steps++) {
    if (k === i) return false;
    // (also a clause opened by a relative pronoun the parse hung as a conjunct: "X, who had been detained in March")
    if (RELATIVE.has(view.rel(k)) || (k !== i && view.isVerb(k) && view.kids(k, ['nsubj', 'nsubj:pass']).some((c) => c < k && /^(?:who|which|whom)$/i.test(view.tokens[c].text)))) {
      // is i inside the subtree of this relative clause?
      let j = i;
      for (let up = 0; up < 24 && j >= 0; up++) {
        if (j === k) return false;
        j = view.head(j);
      }
      return true;
    }
    k = view.head(k);
  }
  return false;
}

/** Nouns that name their place with "of": "the city of El Fasher", "the province of Cesar". */
export const PLACE_NOUNS = set('event-words', {uses: 'events-place-nouns'});

const LOCATIVE = set('event-words', {uses: 'events-locative'});
/** Prepositions of where a person is ("Trufanov at Sheba Hospital"; not "from": a person's origin). */
const PRESENCE = set('event-words', {uses: 'events-presence-preps'});
/** A predicate's participants, whose own place phrase may be the act's. */
const PARTICIPANT_RELS = ['obj', 'iobj', 'obl', 'nmod', 'nsubj', 'nsubj:pass'];

export const PRESENCE_PLACE = defineRule({
  id: 'events.presence-place', stage: 'events', action: 'extend', source: 'src/extract/events/dates.ts',
  summary: 'a place phrase on a person taking part ("met with X at Sheba Hospital", hung on X rather than on the verb) is where the act happened: both attachments read alike',
  fires: ['The embassy released images of the ambassador meeting with the freed hostage Alexander Trufanov at Sheba Hospital.'],
  spares: ['The embassy released images of the ambassador meeting with Alexander Trufanov from Kibbutz Nahal Oz.'],
});

/** A place for the predicate at token i: locative phrases of its clause, then their own modifiers. */
export function locationOf(view: ParseView, ents: EntityIndex, i: number, window: number[]): string | null {
  const placeOf = (k: number, prep: string): string | null => {
    const id = ents.at(k);
    if (!id) return null;
    const t = ents.types.get(id);
    if (t === 'GPE' || t === 'LOC' || t === 'FAC') return id;
    if (t === 'ORG' && prep === 'at') return id;
    return null;
  };
  const obls = view.kids(i, ['obl', 'nmod', 'obl:lmod'], true);
  // a nominal event's place may hang on the noun that governs it: "images of X meeting Y at Sheba Hospital"
  const h = view.head(i);
  if (view.tokens[i].upos === 'NOUN' && h >= 0) for (const o of view.kids(h, ['nmod', 'obl'], true)) if (o > i) obls.push(o);
  for (const o of obls) {
    const prep = view.caseOf(o);
    if (!LOCATIVE.has(prep)) continue;
    const direct = placeOf(o, prep) ?? (PLACE_NOUNS.has(view.lemma(o)) ? view.kids(o, ['compound']).map((c) => placeOf(c, prep)).find((x) => x) ?? null : null);
    if (direct) return direct; // (also "in the Sumy region": the place noun's name)
    // "from his parents' home in Kibbutz Nahal Oz"; "in the city of El Fasher" (a place noun and its name)
    for (const n of view.kids(o, ['nmod'])) {
      const p2 = view.caseOf(n);
      if (!LOCATIVE.has(p2) && !(p2 === 'of' && PLACE_NOUNS.has(view.lemma(o)))) continue;
      const nested = placeOf(n, p2);
      if (nested) return nested;
    }
  }
  // where a participant was: "meeting with Trufanov at Sheba Hospital" — the phrase may hang on the
  // person or on the predicate (parsers go both ways), and either way it places the act the person took part in
  if (PRESENCE_PLACE.enabled) {
    // (a person named by the phrase itself or by its apposition: "the freed hostage Alexander Trufanov")
    const person = (k: number) => { const id = ents.at(k); return id !== undefined && ents.types.get(id) === 'PERSON'; };
    for (const o of view.kids(i, PARTICIPANT_RELS)) {
      const named = view.kids(o, ['appos']).filter(person);
      if (!person(o) && !named.length) continue;
      for (const n of [o, ...named].flatMap((x) => view.kids(x, ['nmod']))) {
        const prep = view.caseOf(n);
        const place = PRESENCE.has(prep) ? placeOf(n, prep) : null;
        if (place) {
          PRESENCE_PLACE.fired(view.tokens[n].start, view.tokens[n].end);
          return place;
        }
      }
    }
  }
  // a place after a locative preposition anywhere in the clause ("along with … from his home in X")
  for (const k of window) {
    if (view.rel(k) !== 'case') continue;
    const prep = view.lemma(k);
    if (!LOCATIVE.has(prep) || prep === 'on') continue;
    const id = placeOf(view.head(k), prep);
    if (id) return id;
    // "in the city of El Fasher"
    if (PLACE_NOUNS.has(view.lemma(view.head(k)))) {
      for (const n of view.kids(view.head(k), ['nmod'])) {
        const named = view.caseOf(n) === 'of' ? placeOf(n, prep) : null;
        if (named) return named;
      }
    }
  }
  return null;
}
