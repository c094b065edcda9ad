/**
 * he and she for persons whose names look like common words (coref31, issue 23, twelfth session):
 *  - a one-word name written right after a person's title ("Senator Long", "Mr. Young", "President Bush") is a surname,
 *    whatever prose does with the word elsewhere: `coref.common-noun-name` (which refuses "Refugees", "Match" read as
 *    a person from a headline) does not keep he/she from it when no other person is named in the pronoun's sentence
 *    or the one before (there, the refusal had kept he/she with the other: "Schumer told MSNBC Cummings "was a
 *    great man," while President Trump noted his "strength"");
 *  - a name whose first word is a common word the recogniser took into it ("Secretary of State Condoleezza Rice" →
 *    "State Condoleezza Rice") takes its given name from the next word: the gender the prose table or an ending gives
 *    "State" is no person's;
 *  - a person named in a coordination with another the pronoun could equally be ("Aishah and Doan") is no antecedent of
 *    he/she in a later sentence.
 * src/extract/coref/rules.ts asks here (the he/she compatibility test, the earlier-sentence search and `givenNameOf`).
 */
import type { Doc, Entity, Mention } from '../../doc.js';
import { isTitle } from '../../lexicon/index.js';
import { defineRule } from '../../rules/registry.js';
import { getNerModel } from '../ner.js';
import { recordedGivenName } from './genders.js';
import { mentionHead } from './mentions.js';

export const titledSurnameRule = defineRule({
  id: 'coref.titled-surname',
  stage: 'coref',
  action: 'extend',
  summary: 'a one-word person name written right after a capitalised title or honorific ("Senator Long", "Mr. Young") is a surname, not a common noun the recogniser misread: coref.common-noun-name does not keep he/she from it when no other person is named in the pronoun\'s sentence or the one before',
  fires: ['Senator Long sent the bill to his own committee on Monday.'],
  spares: ['Long sent the bill to his own committee on Monday.', 'Maria Lopez met Senator Long, and he thanked her for her work.'],
  source: 'src/extract/coref/pronouns-names.ts',
});

export const commonFirstWordRule = defineRule({
  id: 'coref.given-name-past-common-word',
  stage: 'coref',
  action: 'recode',
  summary: 'a person name of three words or more whose first word is no known given name and is written in lower case in prose ("State Condoleezza Rice", from "Secretary of State Condoleezza Rice") takes its given-name gender from the word after it, not from the common word\'s ending',
  fires: ['Madam Secretary State Hillary Clinton arrived on Monday. She met the president.'],
  spares: ['Hillary Rodham Clinton arrived on Monday. She met the president.'],
  source: 'src/extract/coref/pronouns-names.ts',
});

const titled = new WeakMap<Entity, boolean>();
/** sentence → the persons named in it (name mentions only), per entity list (rebuilt when the list grows or is replaced) */
const namedPersons = new WeakMap<Entity[], { size: number; persons: Map<number, Set<Entity>> }>();

function personsBySentence(doc: Doc): Map<number, Set<Entity>> {
  const memo = namedPersons.get(doc.entities);
  if (memo && memo.size === doc.entities.length) return memo.persons;
  const out = new Map<number, Set<Entity>>();
  for (const e of doc.entities) {
    if (e.type !== 'PERSON') continue;
    for (const m of e.mentions) {
      if (m.kind !== 'name') continue;
      const s = doc.tokens[doc.tokenAt(m.start)]?.sentence ?? -1;
      let set = out.get(s);
      if (!set) out.set(s, (set = new Set()));
      set.add(e);
    }
  }
  namedPersons.set(doc.entities, { size: doc.entities.length, persons: out });
  return out;
}

/** e is the only person named in sentence s and the one before it. */
function soleNamedPerson(doc: Doc, e: Entity, s: number): boolean {
  const persons = personsBySentence(doc);
  for (const k of [s, s - 1]) for (const x of persons.get(k) ?? []) if (x !== e) return false;
  return true;
}

/**
 * The person is named by a one-word surname written right after a capitalised title ("Senator Long"), and no other person is
 * named in the sentence of the pronoun (token `pronoun`) or the one before. The name test is memoised per entity.
 */
export function titledSurname(doc: Doc, e: Entity, pronoun: number): boolean {
  if (!titledSurnameRule.enabled || e.type !== 'PERSON') return false;
  let v = titled.get(e);
  if (v === undefined) titled.set(e, (v = titledName(doc, e)));
  const t = doc.tokens[pronoun];
  if (!v || !soleNamedPerson(doc, e, t.sentence)) return false;
  titledSurnameRule.fired(t.start, t.end);
  return true;
}

function titledName(doc: Doc, e: Entity): boolean {
  const toks = doc.tokens;
  for (const m of e.mentions) {
    if (m.kind !== 'name' || /\s/.test(m.text.trim())) continue;
    const k = doc.tokenAt(m.start);
    if (k <= 0 || toks[k].start !== m.start || toks[k - 1].sentence !== toks[k].sentence) continue;
    const before = toks[k - 1].text;
    if (!/^\p{Lu}/u.test(before)) continue;
    const word = before.toLowerCase();
    if (isTitle(word) || isTitle(word.replace(/\.$/, ''))) return true;
  }
  return false;
}

/** Below this share of capitalised mid-sentence occurrences, a word is a common word (the recogniser's capitalisation lexicon). */
const COMMON_WORD_CAP_SHARE = 0.5;

/**
 * Where the given name stands among a name's words (after a gendered title, `skip`): one word further when the first is
 * a common word the birth table does not record and two or more words follow it ("State Condoleezza Rice").
 */
export function givenNameIndex(words: readonly string[], skip: number, at: { start: number; end: number }): number {
  if (!commonFirstWordRule.enabled || words.length - skip < 3) return skip;
  const first = words[skip];
  if (recordedGivenName(first)) return skip;
  const share = getNerModel()?.lexicon.get(first.toLowerCase());
  if (share === undefined || share >= COMMON_WORD_CAP_SHARE) return skip;
  commonFirstWordRule.fired(at.start, at.end);
  return skip + 1;
}

export const coordinatedPairRule = defineRule({
  id: 'coref.he-she-coordinated-pair',
  stage: 'coref',
  action: 'veto',
  summary: 'he/she whose antecedent in an earlier sentence is named there in a coordination with another person the pronoun could equally be (no gender tells them apart: "two women, ostensibly Aishah and Doan, walked up to Kim … whether she used a needle") stays unlinked: nothing says which of the two is meant',
  fires: ['Ana Ruiz and Maria Lopez walked up to the guard. Later she opened the gate with a key.'],
  spares: ['Ana Ruiz and Tom Hale walked up to the guard. Later she opened the gate with a key.'],
  source: 'src/extract/coref/pronouns-names.ts',
});

const partnersOf = new WeakMap<Mention, Entity[]>();

/** The other persons the parse coordinates with mention m of e ("Aishah and Doan"): memoised per mention. */
function conjoinedPersons(doc: Doc, owners: readonly (Entity | undefined)[], m: Mention, e: Entity): Entity[] {
  let out = partnersOf.get(m);
  if (out) return out;
  out = [];
  const toks = doc.tokens;
  const h = mentionHead(doc, m);
  if (h >= 0) {
    const sentence = doc.sentences[toks[h].sentence];
    const partners: number[] = [];
    if (toks[h].deprel === 'conj' && (toks[h].head ?? -1) >= 0) partners.push(toks[h].head!);
    for (let k = sentence.tokenStart; k < sentence.tokenEnd; k++) if (toks[k].head === h && toks[k].deprel === 'conj') partners.push(k);
    for (const p of partners) {
      const o = owners[p];
      if (o && o !== e && o.type === 'PERSON' && !out.includes(o)) out.push(o);
    }
  }
  partnersOf.set(m, out);
  return out;
}

/** Mention m of e is coordinated with another person `like` accepts (the pronoun could be either): the rule fires at the pronoun. */
export function ambiguousPair(doc: Doc, owners: readonly (Entity | undefined)[], m: Mention, e: Entity, like: (o: Entity) => boolean, pronoun: number): boolean {
  if (!coordinatedPairRule.enabled || m.kind === 'pronoun' || e.type !== 'PERSON') return false;
  if (!conjoinedPersons(doc, owners, m, e).some(like)) return false;
  coordinatedPairRule.fired(doc.tokens[pronoun].start, doc.tokens[pronoun].end);
  return true;
}
