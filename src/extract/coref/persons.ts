/**
 * he and she where several people share a story (coref17, issue 23; fresh16's half A news):
 *  - a verb coordinated with one that has the subject shares that subject, so a clause that hangs on it hangs on that
 *    subject too: "He favored reform and once told a writer he did not believe …" — "he" is the teller's, not the
 *    writer's (coref.he-she-shared-subject);
 *  - an honorific written before a name ("Mr. Randazza", "Mrs. Hale") says the person's gender as a role word does
 *    (coref.honorific-gender);
 *  - a sentence whose main subject is a person no name stands for ("The director of the group described …") turns the
 *    story to that person: a he/she after it does not reach back past it to a man named before
 *    (coref.he-she-unnamed-subject-turn).
 */
import type { Doc, Entity, Token } from '../../doc.js';
import { defineRule } from '../../rules/registry.js';
import { lw } from './mentions.js';
import { titleGender, titleNoun } from './words.js';

type Gender = 'f' | 'm' | 'x';

export const sharedSubjectGovernorRule = defineRule({
  id: 'coref.he-she-shared-subject',
  stage: 'coref',
  action: 'label',
  summary: 'he/she as the subject of a clause that hangs on a verb coordinated with one that has a subject, the coordinated verb having none of its own, is that shared subject\'s ("Hale favored reform and once told writer Omar Diaz he did not believe it") — as for a clause on a verb with its own subject (the governing-subject preference), before the nearer object',
  fires: ['Victor Hale favored reform and once told the writer Omar Diaz he did not believe the plan.'],
  spares: ['Victor Hale favored reform. Omar Diaz once told the writer he did not believe the plan.'],
  source: 'src/extract/coref/persons.ts',
});

export const honorificGenderRule = defineRule({
  id: 'coref.honorific-gender',
  stage: 'coref',
  action: 'label',
  summary: 'an honorific written before a name the recogniser read without it ("Mr. Randazza", "Mrs. Hale"; lexicon/en/titles.tsv gender) gives the person that gender, as a role word does: a man named sentences before is then an antecedent of "his" that the unknown-gender guard no longer refuses',
  fires: ['There were many lawyers, but Mr. Pellatrino was the best choice for the case. His record was strong.'],
  spares: ['There were many lawyers, but Pellatrino was the best choice for the case. His record was strong.'],
  source: 'src/extract/coref/persons.ts',
});

export const unnamedSubjectTurnRule = defineRule({
  id: 'coref.he-she-unnamed-subject-turn',
  stage: 'coref',
  action: 'veto',
  summary: 'a sentence between a he/she and an earlier man or woman whose main subject is a definite person noun no entity owns ("The director of the group described the event …") turns the story to that unnamed person: the pronoun does not reach back past it',
  fires: ['Pentagon spokesman Mark Olsen defended the event. The director of a veterans group described it as a stunt. "He should talk to the soldiers," Paul Ruiz said.'],
  spares: ['Pentagon spokesman Mark Olsen defended the event. A veterans group described it as a stunt. "He should talk to the soldiers," Paul Ruiz said.'],
  source: 'src/extract/coref/persons.ts',
});

const DEPENDENT_CLAUSE = new Set(['advcl', 'ccomp', 'xcomp', 'parataxis']);

/**
 * For a pronoun that is the subject of a clause on a verb which is a conjunct with no subject of its own, the token
 * heading the first conjunct's subject (the chain of conjuncts climbed to its head); else -1.
 */
export function sharedGoverningSubject(doc: Doc, i: number): number {
  const toks = doc.tokens;
  if (!sharedSubjectGovernorRule.enabled || !/^nsubj/.test(toks[i].deprel ?? '')) return -1;
  const verb = toks[i].head ?? -1;
  if (verb < 0 || !DEPENDENT_CLAUSE.has((toks[verb].deprel ?? '').split(':')[0])) return -1;
  const sent = doc.sentences[toks[i].sentence];
  const subjectOf = (v: number) => {
    for (let k = sent.tokenStart; k < sent.tokenEnd; k++) if (k !== i && toks[k].head === v && /^nsubj/.test(toks[k].deprel ?? '')) return k;
    return -1;
  };
  let gov = toks[verb].head ?? -1;
  if (gov < 0 || subjectOf(gov) >= 0) return -1;
  for (let up = 0; up < 4 && gov >= 0 && toks[gov].deprel === 'conj'; up++) {
    gov = toks[gov].head ?? -1;
    if (gov < 0) return -1;
    const s = subjectOf(gov);
    if (s >= 0) return s < i ? s : -1;
  }
  return -1;
}

/**
 * Genders honorifics give: a name mention right after "Mr."/"Mrs."/"Ms." (the title outside the mention). Set only where
 * none is known, and never against the person's given name ("Jenna Marbles" and her dog "Mr. Marbles", one entity).
 */
export function noteHonorificGenders(doc: Doc, genders: Map<string, Gender>, givenName: (e: Entity) => Gender | null): void {
  if (!honorificGenderRule.enabled) return;
  const toks = doc.tokens;
  for (const e of doc.entities) {
    if (e.type !== 'PERSON' || genders.has(e.id)) continue;
    let found: 'f' | 'm' | null = null;
    let clash = false;
    for (const m of e.mentions) {
      if (m.kind !== 'name') continue;
      const k = doc.tokenAt(m.start);
      if (k <= 0 || toks[k].start !== m.start) continue;
      const before: Token = toks[k - 1];
      const g = titleGender(before.text) ?? titleGender(before.text.replace(/\.$/, ''));
      if (!g) continue;
      if (found && found !== g) clash = true;
      found = g;
    }
    if (found && !clash && (givenName(e) ?? found) === found) {
      genders.set(e.id, found);
      honorificGenderRule.fired(e.mentions[0].start, e.mentions[0].end);
    }
  }
}

/** The main subject of sentence s is a definite person noun ("the director", "the soldier") that no entity owns. */
export function unnamedPersonMainSubject(doc: Doc, owners: readonly (Entity | undefined)[], s: number): boolean {
  if (!unnamedSubjectTurnRule.enabled) return false;
  const toks = doc.tokens;
  const sent = doc.sentences[s];
  for (let k = sent.tokenStart + 1; k < sent.tokenEnd; k++) {
    if (owners[k] || !/^nsubj/.test(toks[k].deprel ?? '') || !titleNoun(lw(toks[k]))) continue;
    const h = toks[k].head ?? -1;
    if (h < 0 || (toks[h].head ?? -1) >= 0) continue;
    // definite: "the director", "the deputy director"
    for (let j = k - 1; j >= sent.tokenStart && j >= k - 3; j--) {
      if (owners[j]) break;
      if (lw(toks[j]) === 'the') return true;
    }
  }
  return false;
}
