/**
 * Refusals for definite descriptions (issue 23, coref27): a description links to a named entity only when its words
 * leave one entity in reach. The rules' description search (rules.ts, ruleDescriptions) asks these before it adds a
 * link:
 *  - a role noun with an "of" complement names whose holder it is ("the president of Turkey"): not the last president;
 *  - a role word read as an adjective of the noun after it ("the general public") is no role;
 *  - a noun with a restrictive modifier right after it ("the party controlling the Senate", "the party that selects")
 *    picks its referent by that modifier, not by pointing back;
 *  - "the party" whose nearest fitting organisation shares its sentence with another of that head goes to the one that
 *    is a subject or an object there, or stays unlinked;
 *  - a role right before another person's name ("the emperor Commodus") introduces that person (coref33).
 */
import type { Doc, Entity, Mention, Token } from '../../doc.js';
import { defineRule } from '../../rules/registry.js';
import { lw, mentionHead } from './mentions.js';

export const roleOfComplementRule = defineRule({
  id: 'coref.description-role-of-complement',
  stage: 'coref',
  action: 'veto',
  summary: 'a role noun followed by "of" ("the president of Turkey", "the leader of the church") says whose holder it is: it is not the person last given that role (as coref.description-sole-holder-reach and coref.description-of-complement refuse for a sole holder and for organisations)',
  fires: ['President Ana Ruiz visited Ankara on Monday. The president of Turkey met her at the airport.'],
  spares: ['President Ana Ruiz visited Ankara on Monday. The president met the Turkish leader at the airport.'],
  source: 'src/extract/coref/descriptions.ts',
});

export const roleNounHeadRule = defineRule({
  id: 'coref.description-role-noun-head',
  stage: 'coref',
  action: 'veto',
  summary: 'a role word the parse reads as an adjective of the lower-case noun after it ("the general public", "the principal reason") is no role: no person',
  fires: ['General Tom Berg spoke on Friday. He said the general public should stay calm.'],
  spares: ['General Tom Berg spoke on Friday. Reporters said the general should stay calm.'],
  source: 'src/extract/coref/descriptions.ts',
});

export const restrictiveModifierRule = defineRule({
  id: 'coref.description-restrictive-modifier',
  stage: 'coref',
  action: 'veto',
  summary: 'a description whose noun a restrictive clause or participle follows, no comma between ("the party controlling the Senate", "the party that wins", "the airlines affected"), picks its referent by that modifier: it does not point back to the last entity of its kind',
  fires: ['The Labour Party won seats on Monday. The leader of the party that wins most seats forms the government.'],
  spares: ['The Labour Party won seats on Monday. The party, which had campaigned hard, celebrated.'],
  source: 'src/extract/coref/descriptions.ts',
});

export const nameHeadRivalRule = defineRule({
  id: 'coref.description-name-head-rival',
  stage: 'coref',
  action: 'veto',
  summary: '"the party", "the court" whose nearest fitting organisation is in an earlier sentence that names another organisation of that head too (not a name of the same thing: "Bradley Airport", "Bradley International Airport") goes to the one of them that is a subject or an object there, when only one is, else stays unlinked: "founded the Unity Party with supporters of the Democratic Party\'s candidate. The party …" is the Unity Party',
  fires: ['Ana Ruiz founded the Unity Party with members of the Labour Party. The party met on Friday.'],
  spares: ['The Labour Party met the Green Party on Monday. The Green Party said the party would vote.', 'Ana Ruiz founded the Unity Party in 2004. The party met on Friday.'],
  source: 'src/extract/coref/descriptions.ts',
});

export const roleNameAfterRule = defineRule({
  id: 'coref.description-role-name-after',
  stage: 'coref',
  action: 'veto',
  summary: 'a role description right before another person\'s name, or before a comma and that name ("the emperor Commodus", "the Thracian physician Herodicus", "the winner, Kramnik"), introduces that person: it is not the person last given the role',
  fires: ['General Tom Berg spoke on Monday. Later the general Ana Ruiz replied.'],
  spares: ['General Tom Berg spoke on Monday. Later the general replied.'],
  source: 'src/extract/coref/descriptions.ts',
});

/** A person other than `target` is named right after the role noun at h, or after a comma there (an entity of the same name is no other). */
export function otherPersonAfter(toks: readonly Token[], owners: readonly (Entity | undefined)[], h: number, target: Entity): boolean {
  const k = toks[h + 1]?.text === ',' ? h + 2 : h + 1;
  const o = k < toks.length && toks[k].sentence === toks[h].sentence ? owners[k] : undefined;
  if (o === undefined || o === target || o.type !== 'PERSON') return false;
  const names = new Set(target.mentions.filter((m) => m.kind === 'name').map((m) => m.text));
  return !o.mentions.some((m) => m.kind === 'name' && names.has(m.text));
}

/** The token after the head h (of a description opened at i) starts a restrictive modifier of it: a relative pronoun, or a clause or participle the parse hangs on it, no comma between. */
export function restrictiveAfter(toks: readonly Token[], i: number, h: number): boolean {
  const next = toks[h + 1];
  if (!next || next.sentence !== toks[h].sentence) return false;
  const w = lw(next);
  if (w === 'that' || w === 'who' || w === 'whom' || w === 'whose' || w === 'which') {
    // "told the company that it must pay", "asked the agency which rules apply": a complement clause of the verb, not the noun's
    return next.head !== undefined && isClauseOn(toks, next, h);
  }
  // "the party controlling the Senate", "the airlines affected": a participle modifying the noun
  if ((next.xpos !== 'VBG' && next.xpos !== 'VBN') || next.head !== h || !(next.deprel ?? '').startsWith('acl')) return false;
  // "concern about the nation losing its sovereignty": after a preposition the noun is a gerund's subject
  if (next.xpos === 'VBG') return !(i > 0 && toks[i - 1].upos === 'ADP' && toks[i - 1].sentence === toks[h].sentence);
  // "the party nominated Segal", "the university celebrated his birthday": a passive participle takes no object, so
  // one with an object is the clause's verb the parser hung on its subject
  for (let k = h + 2; k < toks.length && k <= h + 8 && toks[k].sentence === next.sentence; k++) if (toks[k].head === h + 1 && /^(?:obj|iobj|obl:unmarked|ccomp|nsubj)/.test(toks[k].deprel ?? '')) return false;
  return true;
}

/** The relative word's clause hangs on token h (the word, or its verb, is an acl of h). */
function isClauseOn(toks: readonly Token[], t: Token, h: number): boolean {
  if (t.head === h) return true;
  const v = t.head ?? -1;
  return v >= 0 && toks[v].head === h && (toks[v].deprel ?? '').startsWith('acl');
}

/** An "of" phrase right after the noun at h hangs on it ("the president of Turkey"; not "accusing the president of lying", whose "of" opens a clause). */
export function ofComplementOn(toks: readonly Token[], h: number): boolean {
  const of = toks[h + 1];
  if (!of || lw(of) !== 'of' || of.sentence !== toks[h].sentence || of.deprel !== 'case') return false;
  // (a noun phrase the parse hangs on the noun, not a clause: "accusing the president of \"not wanting …\"")
  const obj = of.head ?? -1;
  return obj > h && toks[obj].head === h && (toks[obj].deprel ?? '').startsWith('nmod') && toks[obj].upos !== 'VERB';
}

/**
 * The role word at h is an adjective of the lower-case noun after it: "the general public". (Read as an adjective only: a
 * noun before a noun is as often the parser's misreading of a subject and its verb, "can the president deal with …".)
 */
export function roleWordModifies(toks: readonly Token[], h: number): boolean {
  const next = toks[h + 1];
  return next !== undefined && next.sentence === toks[h].sentence && next.upos === 'NOUN' && /^\p{Ll}/u.test(next.text) && toks[h].upos === 'ADJ' && toks[h].head === h + 1;
}

type Indexed = { m: Mention; e: Entity; sentence: number };

/** How many sentences back (with the description's own) a rival of a name-head link is looked for. */
const RIVAL_WINDOW = 3;

/** Words of a name that tell it from another of its kind: not the head noun, no function word, no short abbreviation ("US", "U.S."). */
function distinctiveWords(e: Entity, head: string): Set<string> {
  // (once per entity and head: an entity's names do not change while descriptions are linked)
  let byHead = distinctive.get(e);
  if (!byHead) distinctive.set(e, (byHead = new Map()));
  let out = byHead.get(head);
  if (!out) byHead.set(head, (out = readDistinctiveWords(e, head)));
  return out;
}
const distinctive = new WeakMap<Entity, Map<string, Set<string>>>();

function readDistinctiveWords(e: Entity, head: string): Set<string> {
  const out = new Set<string>();
  for (const m of e.mentions) {
    if (m.kind !== 'name') continue;
    for (const raw of m.text.replace(/['’]s?$/, '').split(/[\s-]+/)) {
      const w = raw.toLowerCase().replace(/[.,]/g, '');
      if (w.length > 2 && w !== head && !NAME_GLUE.has(w)) out.add(w);
    }
  }
  return out;
}
const NAME_GLUE = new Set(['the', 'and', 'for']);

/** Two names of one thing, most likely ("Bradley Airport", "Bradley International Airport"; "U.S. Navy", "United States Navy"): they share a distinctive word, or one's words are all the other's. */
function variants(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared > 0 || shared === a.size || shared === b.size;
}

/** The mention is an argument of its clause: its head (through appositions) a subject or an object. */
function isArgument(toks: readonly Token[], k: number): boolean {
  for (let up = 0; up < 3 && k >= 0 && toks[k].deprel === 'appos'; up++) k = toks[k].head ?? -1;
  return k >= 0 && /^(?:nsubj|obj|iobj)/.test(toks[k].deprel ?? '');
}

/**
 * The entity "the court" stands for, given the nearest fitting entity `nearest` (mentioned in the sentence `nearest`
 * is found in, the latest sentence with a fitting mention). Names of one thing count as one ("Bradley Airport",
 * "Bradley International Airport"). In the description's own sentence, or when the latest sentence before it names one
 * such thing: the nearest. When that sentence names two or more: the one of them that is a subject or an object there,
 * when only one is ("founded the Unity Party with supporters of … the Democratic Party's nomination. The party …"); else
 * none.
 */
export function nameHeadChoice(doc: Doc, bySentence: ReadonlyMap<number, readonly Indexed[]>, at: Token, nearest: Entity, head: string, fits: (e: Entity) => boolean): Entity | undefined {
  const toks = doc.tokens;
  // the latest sentence, within reach, with a fitting mention before the description
  for (let s = at.sentence; s >= Math.max(0, at.sentence - RIVAL_WINDOW); s--) {
    const fitting = (bySentence.get(s) ?? []).filter((x) => x.m.end <= at.start && x.e.type !== 'PERSON' && fits(x.e));
    // (organisations only: a place or a building goes by several names in one breath, "Naqsh-e Jahan Square, also known as
    // Imam Square")
    if (fitting.some((x) => x.e.type !== 'ORG')) return nearest;
    if (!fitting.length) continue;
    if (s === at.sentence) return nearest;
    const entities = [...new Set(fitting.map((x) => x.e))];
    if (entities.length === 1) return nearest;
    // names of one thing: every pair shares a word, or one's words are all the other's
    const words = entities.map((e) => distinctiveWords(e, head));
    if (words.every((a, k) => words.every((b, j) => j <= k || variants(a, b)))) return nearest;
    const argued = new Set(fitting.filter((x) => isArgument(toks, mentionHead(doc, x.m))).map((x) => x.e));
    if (argued.size === 1) {
      const [e] = argued;
      const others = entities.filter((o) => o !== e);
      const ew = words[entities.indexOf(e)];
      return others.every((o) => variants(ew, words[entities.indexOf(o)])) ? nearest : e;
    }
    return undefined;
  }
  return nearest;
}
