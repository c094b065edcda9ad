/**
 * he/she inside a direct quote whose link went to the quote's own speaker (coref28, issue 23).
 *
 * The coref stage runs before quotes have speakers, so "Affleck tweeted, \"Tony Mendez was a true American hero. He was a
 * man of …\"" first links "He" to the sentence's first person, Affleck; coref-speech.speaker-not-third-person takes such
 * a link back once Affleck is known to speak (a speaker says I). On the 330 unlabelled Wikinews articles that left 75
 * he/she unlinked, read: nearly all are a person named earlier in the same quotation ("Tony Mendez … He") or the
 * person the story is about, whom reactions quoted after a death or an arrest speak of ("President Andrzej Duda
 * remarked, \"Today I am unconditionally with him\"" — Adamowicz). This module gives such a pronoun its link:
 *  1. the nearest person of a fitting gender named as a subject earlier inside the same quotation, not the speaker, or
 *     the quotation's own earlier he/she of that gender this module linked, if nearer;
 *  2. else the one person of a fitting gender the quotation names in another role ("the passing of my comrade, X. He …");
 *  3. else the article's dominant person (named three times or more, twice as often as anyone: persons.ts), when that
 *     is not the speaker, fits the gender, and no person noun no name stands for ("my mother", "an inmate") comes
 *     earlier in the quotation.
 * Measured in docs/coref.md (coref28): 62 links on GUM and Wikinews, all right.
 */
import type { Doc, Entity, Mention } from '../../doc.js';
import { PRONOUNS } from '../gazetteer-lists.js';
import { set } from '../../lexicon/index.js';
import { defineRule } from '../../rules/registry.js';
import { dominantPerson } from './persons.js';
import { givenNameOf } from './rules.js';
import { lw, tokenOwners } from './mentions.js';
import { personNoun, type Gender } from './words.js';

export const quotedOtherPersonRule = defineRule({
  id: 'coref-speech.quoted-he-she-other-person',
  stage: 'coref-speech',
  action: 'label',
  summary: 'a he/she inside a direct quote whose link to the quote\'s own speaker was taken back (coref-speech.speaker-not-third-person) goes to the nearest person of its gender named as a subject earlier in the same quotation (or the quotation\'s own he/she before it), else to the one such person it names, else to the article\'s dominant person when that is not the speaker and no unnamed person noun ("my mother") comes earlier in the quotation',
  fires: [
    'Tomas Berger died on Monday. Police named Tomas Berger. Tomas Berger was 70. Mark Ruiz said, "He was a kind man."',
    'Mark Ruiz tweeted, "Pablo Serra was a true hero. He was a man of grace."',
  ],
  spares: ['Tomas Berger died on Monday. Police named Tomas Berger. Tomas Berger was 70. Mark Ruiz said, "My father was ill. He was a kind man."'],
  source: 'src/extract/coref/pronouns-quoted.ts',
});

const PERSON_NOUNS = set('person-nouns');

/** What the entity's own links and given name say of its gender; null when nothing does or they disagree. */
function genderOf(e: Entity, memo: Map<Entity, Gender | null>): Gender | null {
  if (memo.has(e)) return memo.get(e)!;
  let m = 0;
  let f = 0;
  for (const x of e.mentions) {
    if (x.kind !== 'pronoun') continue;
    const g = PRONOUNS[x.text.toLowerCase()]?.gender;
    if (g === 'm') m++;
    else if (g === 'f') f++;
  }
  const named = givenNameOf(e);
  const g: Gender | null = m > 2 * f ? 'm' : f > 2 * m ? 'f' : m || f ? null : named === 'm' || named === 'f' ? named : null;
  memo.set(e, g);
  return g;
}

/** A token of the mention is a subject whose head lies outside it. */
function isSubject(doc: Doc, m: Mention): boolean {
  const toks = doc.tokens;
  for (let k = doc.tokenAt(m.start); k < toks.length && toks[k].start < m.end; k++) {
    const h = toks[k].head ?? -1;
    if (/^nsubj/.test(toks[k].deprel ?? '') && (h < 0 || toks[h].start < m.start || toks[h].start >= m.end)) return true;
  }
  return false;
}

/** Where each person noun no entity owns starts ("my mother", "an inmate"), in text order. */
function unnamedPersonNouns(doc: Doc): number[] {
  const owners = tokenOwners(doc);
  const out: number[] = [];
  doc.tokens.forEach((t, k) => {
    const w = lw(t);
    if (!owners[k] && (t.upos === 'NOUN' || t.upos === 'PROPN') && (personNoun(w) || PERSON_NOUNS.has(w))) out.push(t.start);
  });
  return out;
}

/** Some position of `sorted` lies in [from, to). */
function startsIn(sorted: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] < to;
}

/**
 * A function giving, for a he/she mention inside the quotation [quoteStart, …) of `speaker`, the person it stands for,
 * or undefined. Built once per document: the persons' name mentions in text order, searched by bisection.
 */
export function quotedPronounRelinker(doc: Doc): (m: Mention, speaker: Entity, quoteStart: number) => Entity | undefined {
  if (!quotedOtherPersonRule.enabled) return () => undefined;
  const names: { start: number; e: Entity; m: Mention }[] = [];
  for (const e of doc.entities) if (e.type === 'PERSON') for (const x of e.mentions) if (x.kind === 'name') names.push({ start: x.start, e, m: x });
  names.sort((a, b) => a.start - b.start);
  const dominant = dominantPerson(doc);
  const genders = new Map<Entity, Gender | null>();
  let nouns: number[] | null = null;
  const fits = (e: Entity, want: string | undefined) => {
    const g = genderOf(e, genders);
    return g === null || g === want;
  };
  // the pronouns this function has linked, by quotation, in text order: "He was a stellar example … of Imam Khomeini. He
  // spent his life …" goes on with the first "He"
  // (the last one of each gender only: a transcript quoting one person hundreds of times stays linear)
  const linked = new Map<string, { start: number; e: Entity }>();
  const choose = (m: Mention, speaker: Entity, quoteStart: number, want: 'm' | 'f'): Entity | undefined => {
    // the last name mention before the pronoun, then back to the quotation's start (a few steps: names are sparse)
    let lo = 0;
    let hi = names.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (names[mid].start < m.start) lo = mid + 1;
      else hi = mid;
    }
    const last = linked.get(`${quoteStart}:${want}`);
    const chain = last && last.start < m.start ? last : undefined;
    // the nearest person named as a subject in the quotation, or the pronoun before of the same gender if nearer;
    // a person named there in another role only when the only one ("the passing of my comrade, Nickey Iyambo. He …")
    const others = new Set<Entity>();
    for (let k = lo - 1, n = 0; k >= 0 && names[k].start >= quoteStart && n < 20; k--, n++) {
      const e = names[k].e;
      if (chain && chain.start > names[k].start) return chain.e;
      if (e === speaker || !fits(e, want)) continue;
      if (isSubject(doc, names[k].m)) return e;
      others.add(e);
    }
    if (chain) return chain.e;
    if (others.size === 1) return [...others][0];
    if (others.size || !dominant || dominant === speaker || !fits(dominant, want)) return undefined;
    // "I give my victory to my mother … After she had a stroke": a person the quotation names by a noun is nearer
    nouns ??= unnamedPersonNouns(doc);
    return startsIn(nouns, quoteStart, m.start) ? undefined : dominant;
  };
  return (m, speaker, quoteStart) => {
    const want = PRONOUNS[m.text.toLowerCase()]?.gender;
    if (want !== 'm' && want !== 'f') return undefined;
    // ("[T]his impulsive decision": a pronoun glued to what comes before is part of a word)
    if (/[\p{L}\]]/u.test(doc.text[m.start - 1] ?? ' ')) return undefined;
    const e = choose(m, speaker, quoteStart, want);
    if (!e) return undefined;
    linked.set(`${quoteStart}:${want}`, { start: m.start, e });
    quotedOtherPersonRule.fired(m.start, m.end);
    return e;
  };
}
