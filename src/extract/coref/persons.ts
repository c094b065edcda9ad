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
import { mapOf, roleOf } from '../../lexicon/index.js';
import { sharedSubject } from './subjects.js';
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
 * heading the first conjunct's subject (sharedSubject: the verb conjuncts climbed to one with a subject); else -1.
 */
export function sharedGoverningSubject(doc: Doc, i: number): number {
  const toks = doc.tokens;
  if (!sharedSubjectGovernorRule.enabled || !/^nsubj/.test(toks[i].deprel ?? '')) return -1;
  const verb = toks[i].head ?? -1;
  if (verb < 0 || !DEPENDENT_CLAUSE.has((toks[verb].deprel ?? '').split(':')[0])) return -1;
  const gov = toks[verb].head ?? -1;
  const up = gov >= 0 ? sharedSubject(doc, gov) : { subj: -1, shared: false };
  return up.shared && up.subj >= 0 && up.subj < i ? up.subj : -1;
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

export const pronounChainRule = defineRule({
  id: 'coref.he-she-pronoun-chain',
  stage: 'coref',
  action: 'label',
  summary: 'he/she after a pronoun of the same gender earlier in its sentence, already linked, is that pronoun\'s person before a nearer name that is no subject ("His mother was the dancer Mia Sorel, and he was raised in Lyon"): one sentence keeps its person; not for an object of the verb whose subject that pronoun is ("He told him")',
  fires: ['Tomas Ruiz was born in 1970. His mother was the mistress of Carlos Vega and he was raised in Lyon.'],
  spares: ['Tomas Ruiz was born in 1970. His mother said Carlos Vega was raised in Lyon and he was rich.', 'Tomas Ruiz wrote on his blog to help Carlos Vega with his legal costs.'],
  source: 'src/extract/coref/persons.ts',
});

/**
 * For a he/she at i, the entity of the nearest earlier pronoun of the same gender in its sentence, when no person is a
 * subject between them and the two are not subject and object of one verb; else undefined.
 */
export function pronounChainBefore(doc: Doc, owners: readonly (Entity | undefined)[], i: number, sameGender: (w: string) => boolean): Entity | undefined {
  if (!pronounChainRule.enabled) return undefined;
  const toks = doc.tokens;
  const sent = doc.sentences[toks[i].sentence];
  const objectOf = (toks[i].deprel === 'obj' || toks[i].deprel === 'iobj') ? toks[i].head : undefined;
  // the tokens the pronoun's phrase hangs on, up to the root
  const above = new Set<number>();
  for (let h = toks[i].head ?? -1, n = 0; h >= 0 && n < 40; h = toks[h].head ?? -1, n++) above.add(h);
  for (let k = i - 1; k >= sent.tokenStart; k--) {
    const e = owners[k];
    if (!e) continue;
    if (sameGender(lw(toks[k]))) {
      if (objectOf !== undefined && toks[k].head === objectOf && /^nsubj/.test(toks[k].deprel ?? '')) return undefined;
      return e;
    }
    if (e.type !== 'PERSON') continue;
    // a person as a subject between: the sentence has turned to them
    if (/^nsubj/.test(toks[k].deprel ?? '')) return undefined;
    // a person the pronoun's clause hangs on ("Jack Merson, who went 4-for-5 in his second game") or the object of a verb
    // it hangs on ("to help Montalvo with his legal defense"): that person is nearer in the tree
    if (above.has(k) || (/^(?:obj|iobj)$/.test(toks[k].deprel ?? '') && above.has(toks[k].head ?? -1))) return undefined;
  }
  return undefined;
}

export const dominantPersonRule = defineRule({
  id: 'coref.he-she-dominant-person',
  stage: 'coref',
  action: 'label',
  summary: 'the person the article names by name most often — three times or more, twice as often as anyone else — is an antecedent of he/she sentences away even when nothing yet gives their gender ("Kim Jong Nam", whose given name no table knows): the unknown-gender guard keeps out a stray name, not the story\'s subject',
  fires: ['Police arrested Ri Chol on Friday over the murder of Tran Van Duc, a banker from Hanoi. He died on Monday. Tran Van Duc had lived abroad. Tran Van Duc was rich.'],
  spares: ['Police arrested Ri Chol on Friday over the murder of Tran Van Duc, a banker from Hanoi. He died on Monday.'],
  source: 'src/extract/coref/persons.ts',
});

/** The person named by name three times or more and at least twice as often as any other person, if any. */
export function dominantPerson(doc: Doc): Entity | undefined {
  if (!dominantPersonRule.enabled) return undefined;
  let best: Entity | undefined;
  let top = 0;
  let second = 0;
  for (const e of doc.entities) {
    if (e.type !== 'PERSON') continue;
    let n = 0;
    for (const m of e.mentions) if (m.kind === 'name') n++;
    if (n > top) [second, top, best] = [top, n, e];
    else if (n > second) second = n;
  }
  return top >= 3 && top >= 2 * second ? best : undefined;
}

export const apposedSubjectNameRule = defineRule({
  id: 'coref.he-she-apposed-subject-name',
  stage: 'coref',
  action: 'label',
  summary: 'the subject slot the governing-subject and cataphora preferences read ("Discussing his concern, Malaysia\'s Prime Minister, Najib Razak said …") may be a title phrase the name is apposed to, the recogniser\'s name mention leaving the title out: the apposed person fills the slot, before a man named sentences back',
  fires: ['Police questioned Tomas Ruiz on Monday. In his statement, Spain\'s Foreign Minister, Pablo Serra said more talks were needed.'],
  spares: ['Police questioned Tomas Ruiz on Monday. In his statement, Spain\'s Foreign Minister said more talks were needed.'],
  source: 'src/extract/coref/persons.ts',
});

/**
 * For a subject token no entity owns, the person named in apposition to it or in its own words, however deep ("the
 * country's foreign minister, Pablo Serra,"; "news source Daily Xtra's director, Rachel Giese,"); else undefined.
 */
export function apposedSubjectPerson(doc: Doc, owners: readonly (Entity | undefined)[], k: number): Entity | undefined {
  if (!apposedSubjectNameRule.enabled || owners[k]) return undefined;
  const toks = doc.tokens;
  const sent = doc.sentences[toks[k].sentence];
  const found = new Set<Entity>();
  const visit = (h: number, depth: number): void => {
    for (let j = sent.tokenStart; j < sent.tokenEnd; j++) {
      if (toks[j].head !== h || !/^(?:appos|flat|compound)/.test(toks[j].deprel ?? '')) continue;
      const e = owners[j];
      if (e?.type === 'PERSON') found.add(e);
      else if (!e && depth < 4) visit(j, depth + 1);
    }
  };
  visit(k, 0);
  // (two people apposed is a list, not a name for the title)
  return found.size === 1 ? [...found][0] : undefined;
}

export const groupNounGenderRule = defineRule({
  id: 'coref.group-noun-gender',
  stage: 'coref',
  action: 'label',
  summary: 'names set off after a plural noun of one gender ("two women, ostensibly Lena Aziz and Doan, walked …"; "his brothers, Ali and Omar,") are of that gender: the text over the given-name table, which may read a family name as a man\'s',
  fires: ['Police named Lena Aziz and Doan Thi Huong on Monday. Cameras showed two women, ostensibly Aziz and Doan, walking up to Peter Hall near the gate. One of them distracted him while the other took his keys.'],
  spares: ['Police named Lena Aziz and Doan Thi Huong on Monday. Cameras showed two women and Doan walking up to Peter Hall near the gate. One of them distracted him while the other took his keys.'],
  source: 'src/extract/coref/persons.ts',
});

const PERSON_NOUN_GENDER = mapOf('person-nouns', 'gender');

/**
 * Genders a plural noun of one gender gives the names listed right after it, set off by a comma ("two women, X and Y"),
 * as its apposition or the parse's conjuncts of it. Set only where the text has said nothing else.
 */
export function noteGroupNounGenders(doc: Doc, genders: Map<string, Gender>, owners: readonly (Entity | undefined)[]): void {
  if (!groupNounGenderRule.enabled) return;
  const toks = doc.tokens;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (t.upos !== 'NOUN' || !/^NNS/.test(t.xpos ?? '') || owners[k]) continue;
    const lemma = (t.lemma ?? lw(t)).toLowerCase();
    const role = roleOf(lw(t));
    const g = (role?.plural ? role.gender : undefined) ?? PERSON_NOUN_GENDER.get(lemma);
    if (g !== 'm' && g !== 'f') continue;
    // the list opens right after "NOUN," (an adverb may stand between: "two women, ostensibly X and Y")
    if (toks[k + 1]?.text !== ',') continue;
    let first = k + 2;
    while (first < toks.length && toks[first].upos === 'ADV') first++;
    const f = toks[first];
    if (!f || f.head !== k || !/^(?:appos|conj)/.test(f.deprel ?? '') || owners[first]?.type !== 'PERSON') continue;
    const sent = doc.sentences[t.sentence];
    const listed = [first];
    for (let j = first + 1; j < sent.tokenEnd; j++) if (toks[j].head !== undefined && listed.includes(toks[j].head!) && /^conj/.test(toks[j].deprel ?? '') && owners[j]?.type === 'PERSON') listed.push(j);
    for (const j of listed) {
      const e = owners[j]!;
      if (genders.has(e.id)) continue;
      genders.set(e.id, g);
      groupNounGenderRule.fired(toks[j].start, toks[j].end);
    }
  }
}
