/**
 * he/she in interviews, where the text leaves two people open or the person talked about was named turns before
 * (coref32, issue 23):
 *  - in an interview, a he/she whose nearest antecedent is a name in no subject position has a rival when another
 *    person the pronoun could equally be (no gender tells them apart) was already called he/she from two sentences
 *    before that name up to the pronoun: the talk was on that person, and the nearer name may be a third party it
 *    brought up; the pronoun stays unlinked (a wrong link costs more than a missing one);
 *  - an interview's he/she that nothing within reach takes is the one person named so far the text has called so, when
 *    nobody else named could be meant (a long answer about the guide a question named turns before).
 */
import type { Doc, Entity, Mention } from '../../doc.js';
import { defineRule } from '../../rules/registry.js';
import { mentionHead } from './mentions.js';
import { makesInterview } from '../transcript.js';

const source = 'src/extract/coref/pronouns-rivals.ts';

export const interviewRivalRule = defineRule({
  id: 'coref.he-she-interview-rival',
  stage: 'coref',
  action: 'veto',
  summary: 'in an interview (labelled turns), he/she whose nearest antecedent is a person named in no subject position ("I think it was Robert Zemeckis …", an object, a predicate), while another person no gender tells apart was already called he/she from two sentences before that name up to the pronoun, stays unlinked: the talk was on the one called "he", the nearer name may be a third party, and a wrong link costs more than a missing one (a subject antecedent is kept: "Markus Landgraf has estimated …. He estimated")',
  fires: ['Reporter: There was a row over Tom Hale. They had copied one of his songs. I think it was Ben Cole. Then they passed it off as him and he sued them.\n\nAna Ruiz: Only if he won.\n\nReporter: Yes.\n\nAna Ruiz: Good.'],
  spares: ['Reporter: There was a row over Tom Hale. They had copied one of his songs. Ben Cole sold it. Then they passed it off as him and he sued them.\n\nAna Ruiz: Only if he won.\n\nReporter: Yes.\n\nAna Ruiz: Good.'],
  source,
});

export const solePersonRule = defineRule({
  id: 'coref.he-she-interview-sole-person',
  stage: 'coref',
  action: 'label',
  summary: 'in an interview (labelled turns), he/she that nothing within reach takes is the one person named so far whom the text has already given that gender (called he/she, a gendered title or kin word), when every other person named so far is known to be of the other gender: a long answer goes on about the person a question brought up turns before ("Your guide is Eric Bickerton, and he did win …" … "I wouldn\'t be skiing if it wasn\'t with him")',
  fires: ['Reporter: This is Ana Ruiz. Her guide is Tom Hale, and he won a medal.\n\nAna Ruiz: Yes, a bronze.\n\nReporter: The federation lists no guides on its website. Is that fair?\n\nAna Ruiz: No. It is plain and simple. I would not be racing without him.'],
  spares: ['Reporter: This is Ana Ruiz. Her guide is Tom Hale, and he won a medal. Ben Cole trains them.\n\nAna Ruiz: Yes, a bronze.\n\nReporter: The federation lists no guides on its website. Is that fair?\n\nAna Ruiz: No. It is plain and simple. I would not be racing without him.'],
  source,
});

/** A person and where it is first named (a mention that counts). */
export interface PersonFirst {
  e: Entity;
  first: number;
}

/** The entities `counts` accepts a mention of, each with its first such mention's start, in that order: once per document. */
export function personsByFirstMention(doc: Doc, counts: (e: Entity, m: Mention) => boolean): PersonFirst[] {
  const out: PersonFirst[] = [];
  for (const e of doc.entities) {
    let first = Infinity;
    for (const m of e.mentions) if (m.start < first && counts(e, m)) first = m.start;
    if (first < Infinity) out.push({ e, first });
  }
  return out.sort((a, b) => a.first - b.first);
}

/** More persons named than this before a pronoun and none is "the one": bounds the look per pronoun. */
const SOLE_PERSON_SCAN = 64;

/**
 * The one person of `persons` named before `at` whose gender (`genderOf`: the text's or the given name's) can be g, when
 * the text itself gave it g (`known`) and no other such person is named before `at`; else undefined.
 */
export function solePerson(persons: readonly PersonFirst[], at: number, genderOf: (e: Entity) => string, known: (e: Entity) => boolean, g: string): Entity | undefined {
  let only: Entity | undefined;
  for (let k = 0; k < persons.length && persons[k].first < at; k++) {
    if (k >= SOLE_PERSON_SCAN) return undefined;
    const e = persons[k].e;
    const eg = genderOf(e);
    if (eg !== 'x' && eg !== g) continue;
    // another who could be meant, or one the text never called so
    if (only || !known(e)) return undefined;
    only = e;
  }
  return only;
}

/** The label lines ("BW: …", "Jessica Gallagher: …") make an interview: two labels or more, each opening two lines or more. */
export function isInterview(doc: Doc, labels: readonly { start: number; end: number }[]): boolean {
  return makesInterview(labels.map((l) => ({ label: doc.text.slice(l.start, l.end).replace(/[\s:]+/g, ' ').trim(), labelStart: l.start, start: l.end })));
}

type Indexed = { m: Mention; e: Entity; sentence: number };

/**
 * Another entity `alike` accepts, mentioned as `usable` says (a he/she, not in a turn label) from two sentences before the
 * chosen entity's last mention before the pronoun at token i up to the pronoun, when that mention is no subject: a rival. `bySentence`: the mentions of each sentence in
 * text order. Looks at no more than the sentences between (at most the resolver's reach of three back, plus two).
 */
export function rivalInReach(doc: Doc, bySentence: ReadonlyMap<number, readonly Indexed[]>, i: number, chosen: Entity, alike: (e: Entity) => boolean, usable: (x: Indexed) => boolean): boolean {
  const toks = doc.tokens;
  const sent = toks[i].sentence;
  const at = toks[i].start;
  // the chosen entity's nearest mention before the pronoun that is no pronoun (its name, or a description)
  let from = -1;
  let nearest: Mention | undefined;
  for (let s = sent; s >= Math.max(0, sent - 3) && from < 0; s--) {
    const list = bySentence.get(s) ?? [];
    for (let k = list.length - 1; k >= 0; k--) if (list[k].e === chosen && list[k].m.kind !== 'pronoun' && list[k].m.start < at) { from = s; nearest = list[k].m; break; }
  }
  if (from < 0 || !nearest) return false;
  // a subject is what the sentence is about: "Markus Landgraf has estimated …. He estimated" after "Gruen and his colleagues"
  const h = mentionHead(doc, nearest);
  if (h >= 0 && /^nsubj/.test(toks[h].deprel ?? '')) return false;
  for (let s = Math.max(0, from - 2); s <= sent; s++) {
    for (const x of bySentence.get(s) ?? []) {
      if (x.m.start >= at) break;
      if (x.e !== chosen && x.e.type === 'PERSON' && usable(x) && alike(x.e)) return true;
    }
  }
  return false;
}
