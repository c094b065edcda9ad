/**
 * The rule resolver coreference had before the learned ranker (hand-written, measured as the
 * "before" figure in docs/coref.md), kept as evidence for the ranker: what the rules would link a
 * pronoun or a definite description to is one of its features ("rule" in features.ts). The rules
 * run on a copy of the document's entities and change nothing.
 *  - definite descriptions: "the ambassador" → the entity written with that title, "the embassy" →
 *    the organisation whose name has that head word, "the 29-year-old" → the last person named;
 *  - pronouns: he/him/his/she/her → the nearest compatible person (gender from kinship and role
 *    nouns), searching the current sentence backwards then earlier sentences subject-first; its → an
 *    organisation or place.
 */
import type { Doc, Entity, Mention, Token } from '../../doc.js';
import type { PlaceKind } from '../places/gazetteer.js';
import { KINSHIP, PRONOUNS, ROLE_NOUNS } from '../gazetteer-lists.js';
import { findQuoteSpans } from '../quotes.js';
import { entries, lookup, roleOf, set } from '../../lexicon/index.js';
import type { LinkKind } from './model.js';
import { ORG_NOUNS, POSSESSIVES, titleGender, titleNoun } from './words.js';
import { givenNameGender } from './genders.js';
import { noteKinOfGenders } from './kin-apposition.js';
import { countryCodes, placeKinds, placeNounKind, placeNounKinds } from './places.js';
import { defineRule, ruleById } from '../../rules/registry.js';
import { boundSubject, boundSubjectRule, relativeHead, relativeHeadRule } from './pronouns-binding.js';
import { linkFields } from './confidence.js';
import { addMention, lw, mentionHead, tokenOwners } from './mentions.js';
import { classifiedName, subjectClassifierRule } from './pronouns-they-agree.js';
import { getNerModel } from '../ner.js';
import { itByKind, kindPronounRule, linkKindDescriptions } from './kinds.js';
import { subjectOf } from './subjects.js';
import { nameHeadChoice, nameHeadRivalRule, ofComplementOn, otherPersonAfter, restrictiveAfter, roleNameAfterRule, restrictiveModifierRule, roleNounHeadRule, roleOfComplementRule, roleWordModifies } from './descriptions.js';
import { controllingSubjectOf } from './pronouns-control.js';
import { ambiguousPair, givenNameIndex, titledSurname } from './pronouns-names.js';
import { interviewRivalRule, isInterview, personsByFirstMention, rivalInReach, solePerson, solePersonRule, type PersonFirst } from './pronouns-rivals.js';
import { roleKindOf, roleKindOfRule, titleOfPlaceBefore, titleOfPlaceRule } from './descriptions-titles.js';
import { unnamedSameHeadBetween, unnamedSameHeadRule } from './descriptions-unnamed.js';
import { introducesName, learnedPersonTitle } from './descriptions-learned.js';
import { modifierNameWordRule, nameWords, organisationByModifiers } from './descriptions-modifier.js';
import { organisationOfSort, orgSort, orgSortRule } from './descriptions-sort.js';
import { stateCountry, stateCountryRule } from './descriptions-state.js';
import { apposedSubjectNameRule, apposedSubjectPerson, dominantPerson, dominantPersonRule, noteGroupNounGenders, noteHonorificGenders, pronounChainBefore, pronounChainRule, sharedGoverningSubject, sharedSubjectGovernorRule, unnamedPersonMainSubject, unnamedSubjectTurnRule } from './persons.js';


export const creditRule = defineRule({
  id: 'coref.credit-not-antecedent',
  stage: 'coref',
  action: 'veto',
  summary: 'a person named only in a byline or a picture credit ("By Jane Roe", "Image: Mark Rathbun.") is no antecedent of the story\'s pronouns',
  fires: ['Daniel Ortiz was arrested on Friday. Image: Mark Tolland.\n\nHe was released on bail.'],
  spares: ['Daniel Ortiz was arrested on Friday. Mark Tolland took the picture.\n\nHe was released on bail.'],
  source: 'src/extract/coref/rules.ts',
});

export const labelRule = defineRule({
  id: 'coref.turn-label-not-antecedent',
  stage: 'coref',
  action: 'veto',
  summary: 'a name that labels an interview turn ("Lena Varga: …" at a line start) is no antecedent of a third-person pronoun (the speaker calls herself I) nor of a description ("the group")',
  fires: ['Reporter: Who taught you?\n\nLena Varga: My father. He ran the shelter before me.'],
  spares: ['Reporter: Who taught you?\n\nThe answer came from Lena Varga. She ran the shelter before me.'],
  source: 'src/extract/coref/rules.ts',
});

/** The leading labels of the text's lines ("Lena Varga:", one to four capitalised words and a colon), in text order. */
export function turnLabels(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /^[ \t]*\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,3}[ \t]*:/gmu;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

export const itRule = defineRule({
  id: 'coref.it-subject-only',
  stage: 'coref',
  action: 'veto',
  summary: '"it" and "its" link only to an organisation or place that is the subject of their own sentence ("Microsoft has launched its campaign") or the object of the verb governing them ("Ukraine thanked Turkey for its help"); a named thing sentences back is most often not what "its" means',
  fires: ['The show opened at the Lincoln Center in May. It is now in its fourth season.'],
  spares: ['Microsoft has launched its new campaign in Europe.', 'Ukraine thanked Turkey for its help on Monday.'],
  source: 'src/extract/coref/rules.ts',
});

/** The sentence holds "it", "its" or "itself". */
function sentenceHasIt(doc: Doc, s: number): boolean {
  const sentence = doc.sentences[s];
  for (let k = sentence.tokenStart; k < sentence.tokenEnd; k++) if (/^(?:it|its|itself)$/i.test(doc.tokens[k].text)) return true;
  return false;
}

/** Token i lies in its sentence's subject (its head chain reaches a subject before the root). */
function inSubject(doc: Doc, i: number): boolean {
  for (let k = i, n = 0; k >= 0 && n < 6; n++) {
    const d = doc.tokens[k].deprel ?? '';
    if (/^nsubj/.test(d)) return true;
    if (d === 'root') return false;
    k = doc.tokens[k].head ?? -1;
  }
  return false;
}

/** The mention's head is a subject. */
function isSubject(doc: Doc, m: Mention): boolean {
  const k = mentionHead(doc, m);
  return k >= 0 && /^nsubj/.test(doc.tokens[k].deprel ?? '');
}

/**
 * The mention is the object of a verb that governs the pronoun at token i within three steps:
 * "Ukraine thanked Turkey for its help" (Turkey ← obj ← thanked → obl → help → its).
 */
function isObjectOverPronoun(doc: Doc, m: Mention, i: number): boolean {
  const k = mentionHead(doc, m);
  // an indirect object is an object too (a parser may read "thanked Turkey for …" as iobj)
  if (k < 0 || (doc.tokens[k].deprel !== 'obj' && doc.tokens[k].deprel !== 'iobj')) return false;
  const verb = doc.tokens[k].head ?? -1;
  for (let h = doc.tokens[i].head ?? -1, n = 0; h >= 0 && n < 3; n++, h = doc.tokens[h].head ?? -1) if (h === verb) return true;
  return false;
}

export const itSubjectRule = defineRule({
  id: 'coref.it-sentence-subject',
  stage: 'coref',
  action: 'label',
  summary: '"its" whose nearest organisation or place is not a subject still goes to it when the same entity is the subject of the pronoun\'s sentence before it ("Orbis is tied to its parent, with one unit of the company exposed to its debts")',
  fires: ['Orbis Labs is tied to its parent, with one unit of the company exposed to its debts.'],
  spares: ['Tarrow Bank is tied to its parent, with one unit of Orbis Labs exposed to its debts.'],
  source: 'src/extract/coref/rules.ts',
});

export const unnamedNameRule = defineRule({
  id: 'coref.it-unrecognised-name-between',
  stage: 'coref',
  action: 'veto',
  summary: '"its" is not linked past a capitalised name no entity stands for ("KELT-9 is larger than the Sun and twice its temperature"): the recogniser did not read that name, but "its" may be it',
  fires: ['Orbis Labs is larger than the Tarrow and twice its size.'],
  spares: ['Orbis Labs is larger than the rival and twice its size.'],
  source: 'src/extract/coref/rules.ts',
});

/** A capitalised noun no entity owns, after "the", lies between tokens a (inclusive) and b: an unread name ("the Sun"). */
function unrecognisedNameBetween(doc: Doc, owners: readonly (Entity | undefined)[], a: number, b: number): boolean {
  const toks = doc.tokens;
  for (let k = Math.max(a, 1); k < b; k++) if (!owners[k] && /^\p{Lu}\p{Ll}/u.test(toks[k].text) && toks[k].upos !== 'ADJ' && lw(toks[k - 1]) === 'the' && toks[k - 1].sentence === toks[k].sentence) return true;
  return false;
}

export const listRule = defineRule({
  id: 'coref.listed-name-not-antecedent',
  stage: 'coref',
  action: 'veto',
  summary: 'a person named in a list of three people or more ("Stewart Brand, John Gilmore, and Apple co-founder Steve Wozniak") is no antecedent of he/she in a later sentence: the list names them, the paragraph is about someone else',
  fires: ['Ana Ruiz founded the trust in 1990. She chose Tom Kell, Mark Hale, and Paul Wade as trustees. He served until 2001.'],
  spares: ['Ana Ruiz founded the trust in 1990. She chose Tom Kell as a trustee. He served until 2001.'],
  source: 'src/extract/coref/rules.ts',
});

/**
 * A person mention in a list of three people or more in its sentence: between neighbours only commas, "and"/"or" and at
 * most five name or title words ("Stewart Brand, John Gilmore, and Apple Inc. co-founder Steve Wozniak"). Two names
 * joined so are often a pair the next sentence goes on about, or a title and its holder ("Vice Presidents, Rebecca …").
 */
function listedPerson(doc: Doc, owners: readonly (Entity | undefined)[], x: Indexed): boolean {
  if (x.m.kind === 'pronoun' || x.e.type !== 'PERSON') return false;
  const toks = doc.tokens;
  // the next person's token joined to the span first..last on one side (-1 when none)
  const neighbour = (from: number, step: 1 | -1, self: Entity): number => {
    let joined = false;
    for (let k = from, n = 0; k >= 0 && k < toks.length && n < 6 && toks[k].sentence === x.sentence; k += step, n++) {
      const o = owners[k];
      if (o && o !== self && o.type === 'PERSON') return joined ? k : -1;
      const w = lw(toks[k]);
      if (w === ',' || w === 'and' || w === 'or') { joined = true; continue; }
      // (the person's own title or role is part of its item: "and the lawyer Tom Kell")
      if (o === self) continue;
      if (!o && (toks[k].upos === 'VERB' || toks[k].upos === 'AUX' || toks[k].upos === 'ADP' || toks[k].upos === 'PUNCT')) return -1;
    }
    return -1;
  };
  const span = (k: number): [number, number] => {
    let a = k;
    let b = k;
    while (a > 0 && owners[a - 1] === owners[k]) a--;
    while (b + 1 < toks.length && owners[b + 1] === owners[k]) b++;
    return [a, b];
  };
  let members = 1;
  for (const step of [1, -1] as const) {
    let [a, b] = span(doc.tokenAt(x.m.start));
    for (let n = 0; n < 4; n++) {
      const k = neighbour(step === 1 ? b + 1 : a - 1, step, owners[a]!);
      if (k < 0) break;
      members++;
      [a, b] = span(k);
    }
  }
  return members >= 3;
}

export const mainSubjectFirstRule = defineRule({
  id: 'coref.he-she-earlier-main-subject',
  stage: 'coref',
  action: 'label',
  summary: 'he/she whose antecedent lies in an earlier sentence takes that sentence\'s main subject before a person named earlier in it, in a phrase fronted before the subject ("After seeing the success of a classmate, Kaho Tanabe, Higuchi decided to write. Her first efforts …": Higuchi\'s); a quotation before its attribution is no fronted phrase',
  fires: ['When the singer Maria Lopez won the prize in 1992, Ana Ruiz decided to write songs. Her first album failed.'],
  spares: ['The singer Maria Lopez met Ana Ruiz in 1992. Her first album failed.', '"Maria Lopez sings with contempt for the rules," said Ana Ruiz. "She knows it."'],
  source: 'src/extract/coref/rules.ts',
});

export const unknownGenderRule = defineRule({
  id: 'coref.unknown-gender-same-sentence',
  stage: 'coref',
  action: 'veto',
  summary: 'a person of whom nothing tells the gender (no gendered word or title, no pronoun linked yet, a given name the names table does not know: often no person at all, "Boxer", "Three Sinners") is an antecedent of he/she in the pronoun\'s own sentence, or as the main subject of the sentence just before, only',
  fires: ['The city hired Zorvath Qelm in 2010. On Friday he closed the gallery.'],
  spares: ['Zorvath Qelm opened the gallery in 2010 before he closed it.', 'Zorvath Qelm opened the gallery in 2010. On Friday he closed it.', 'The city hired Michael Qelm in 2010. On Friday he closed the gallery.'],
  source: 'src/extract/coref/rules.ts',
});

export const cataphoraRule = defineRule({
  id: 'coref.fronted-phrase-cataphora',
  stage: 'coref',
  action: 'label',
  summary: 'he/she/his/her in a phrase or clause fronted before its sentence\'s main subject ("In her opening remarks, Waters …", "When he arrived, Ortiz …") stands for that subject when it is a person of a fitting gender',
  fires: ['Ana Ruiz chaired the meeting. In his opening remarks, Daniel Ortiz thanked the staff.'],
  spares: ['Daniel Ortiz chaired the meeting. In his opening remarks, the mayor thanked the staff.'],
  source: 'src/extract/coref/rules.ts',
});

export const cataphoraNameGenderRule = defineRule({
  id: 'coref.cataphora-name-gender',
  stage: 'coref',
  action: 'veto',
  summary: 'he/she in a phrase fronted before the subject looks ahead to that subject only when the subject\'s given name does not say the other gender: the second pass that sets given names aside (for a name before the pronoun whose gender the US table gets wrong, "Nika Melia … his") does not reach forward ("On her death, Barack Obama tweeted" is not Obama)',
  fires: ['Ana Ruiz sang at the gala in 2009. Critics loved the show. The hall was full. Tickets sold out. Years passed. On her death, Robert Novak wrote a poem.'],
  spares: ['Ana Ruiz sang at the gala in 2009. Critics loved the show. The hall was full. Tickets sold out. Years passed. On his death, Robert Novak left a poem.'],
  source: 'src/extract/coref/rules.ts',
});

/** For a pronoun inside a phrase fronted before its clause's subject (an obl or advcl of the root, ahead of the subject), the subject's token; else -1. */
export function frontedBeforeSubject(doc: Doc, i: number): number {
  const toks = doc.tokens;
  // climb to the dependent of the root that holds the pronoun
  let k = i;
  for (let n = 0; n < 8; n++) {
    const h = toks[k].head ?? -1;
    if (h < 0) return -1;
    if ((toks[h].head ?? -1) < 0) break;
    k = h;
  }
  const root = toks[k].head ?? -1;
  const d = (toks[k].deprel ?? '').split(':')[0];
  if (root < 0 || (d !== 'obl' && d !== 'advcl') || k > root) return -1;
  for (let j = i + 1; j < root; j++) if (toks[j].head === root && (toks[j].deprel ?? '').startsWith('nsubj')) return j;
  return -1;
}

/** The mention heads its sentence's main subject, or stands in apposition to it ("A third hostage, the sailor Nguyen Van Hung, is …"). */
export function isMainSubject(doc: Doc, m: Mention): boolean {
  const toks = doc.tokens;
  let k = mentionHead(doc, m);
  // (through a chain of appositions, which parsers hang either as a list or one on the other:
  // "A third hostage, the Vietnamese sailor Nguyen Van Hung,")
  for (let up = 0; up < 3 && k >= 0 && toks[k].deprel === 'appos'; up++) k = toks[k].head ?? -1;
  return k >= 0 && isMainSubjectToken(doc, k);
}

/** Token k is its sentence's main subject: an nsubj of the root. */
export function isMainSubjectToken(doc: Doc, k: number): boolean {
  const t = doc.tokens[k];
  const h = t.head ?? -1;
  return (t.deprel ?? '').startsWith('nsubj') && h >= 0 && (doc.tokens[h].head ?? -1) < 0;
}

export const nounHeadRule = defineRule({
  id: 'coref.description-noun-head',
  stage: 'coref',
  action: 'veto',
  summary: 'a definite description stands for a named organisation, place or event only when its word is a noun heading its phrase: "the first place" and "the festival grounds" are neither FIRST nor the festival',
  fires: ['Tourists crowded the Taipei Lantern Festival on Friday. The festival grounds were full by noon.'],
  spares: ['Tourists crowded the Taipei Lantern Festival on Friday. The festival was full by noon.'],
  source: 'src/extract/coref/rules.ts',
});

export const orgKindRule = defineRule({
  id: 'coref.description-org-kind',
  stage: 'coref',
  action: 'veto',
  summary: '"the company", "the firm", "the network": an organisation whose name\'s head says it is of another kind (lexicon/en/org-kinds.tsv: "… Safety Board" government, "Aviation Herald" media) is neither what the description means nor a rival to the one it means',
  fires: ['PG&E is upgrading its lines. The National Transportation Safety Board is investigating. The Federal Aviation Administration said the helicopter was not registered. The company did not comment.'],
  spares: ['PG&E is upgrading its lines. Pacific Power is investigating. The company did not comment.'],
  source: 'src/extract/coref/rules.ts',
});

export const modifiedNameHeadRule = defineRule({
  id: 'coref.description-modified-name-head',
  stage: 'coref',
  action: 'label',
  summary: '"the electoral commission", "the national assembly": a description whose lower-case modifiers are all words of an organisation\'s or place\'s name, and whose head noun is that name\'s head, stands for the latest such entity (the modifiers are the support: "the district court" is no Court of Appeals)',
  fires: ['Ana Silva heads the National Electoral Commission of Ruritania. She said the electoral commission was ready.'],
  spares: ['Ana Silva heads the National Electoral Commission of Ruritania. She said the new commission was ready.'],
  source: 'src/extract/coref/rules.ts',
});

/**
 * "the electoral commission": lower-case modifiers between the determiner at i and the noun it depends on (at most
 * three, adjectives by the parse, none owned by an entity). The head noun's index and the modifiers, or null.
 */
function modifiedHead(toks: Token[], owners: readonly (Entity | undefined)[], i: number): { p: number; words: string[] } | null {
  const p = toks[i].head ?? -1;
  if (toks[i].deprel !== 'det' || p <= i + 1 || p > i + 4 || toks[p].sentence !== toks[i].sentence || owners[p] || !isPhraseHeadNoun(toks, p)) return null;
  if (!/^\p{Ll}+$/u.test(toks[p].text)) return null;
  const words: string[] = [];
  for (let k = i + 1; k < p; k++) {
    // adjectives only: a noun before the head names a kind ("the lantern festival" is the holiday, not Taipei City's)
    if (owners[k] || !/^\p{Ll}[\p{Ll}-]*$/u.test(toks[k].text) || toks[k].deprel !== 'amod') return null;
    words.push(lw(toks[k]));
  }
  return { p, words };
}

/**
 * The description's words, modifiers then `head`, are the last words of the name's leading run of capitalised words
 * ("Commission on Presidential Debates" is a commission), and the run holds a word more than the description: "Armed
 * Forces" or "Diplomatic Mission" alone is a common phrase capitalised, no name to point back to.
 */
function namesAsModified(run: readonly string[], modifiers: readonly string[], head: string): boolean {
  const n = run.length;
  // the description's words end the run in its order: "the new party" is no New Democratic Party
  return n > modifiers.length + 1 && [...modifiers, head].every((w, k) => run[n - 1 - modifiers.length + k] === w);
}

/**
 * A name's leading run of capitalised words, lower-cased (what namesAsModified compares). Kept per name text for one
 * pass of the description rule: each description asks it of every earlier name mention until one fits, so splitting the
 * names again per description made the pass grow with descriptions × mentions.
 */
function capitalisedRun(name: string, runs: Map<string, readonly string[]>): readonly string[] {
  let run = runs.get(name);
  if (run === undefined) {
    const words = name.replace(/['’]s?$/, '').split(/[\s-]+/);
    let n = 0;
    while (n < words.length && /^\p{Lu}/u.test(words[n])) n++;
    run = words.slice(0, n).map((w) => w.toLowerCase());
    runs.set(name, run);
  }
  return run;
}

export const nationalGovernmentRule = defineRule({
  id: 'coref.description-national-government',
  stage: 'coref',
  action: 'label',
  summary: '"the Israeli government", "the Georgian authorities", "the Russian side": a nationality word before a noun that lexicon/en/coref-descriptions.tsv marks as a state\'s (class state) stands for the country it names (the nationality table\'s country code, else the country\'s name with the nationality\'s ending: Korea → Korean), when that country was named before; a government, its authorities and its country are one actor',
  fires: ['Floods hit Georgia on Monday. The Georgian authorities asked for help.'],
  spares: ['Floods hit Georgia on Monday. The Armenian authorities asked for help.'],
  source: 'src/extract/coref/rules.ts',
});

let nationalityCodes: Map<string, string> | null = null;

/** The country a nationality word names: the gazetteer-extra demonym table's code ("Israeli" → IL), or ''. */
function nationalityCode(word: string): string {
  nationalityCodes ??= new Map(entries('gazetteer-extra', { class: 'demonym' }).filter((e) => e.attrs.country).map((e) => [e.word.toLowerCase(), e.attrs.country!]));
  return nationalityCodes.get(word.toLowerCase()) ?? '';
}

/**
 * How well the country entity names the nationality: 2 by the country's own name, the table's code ("Israeli" → IL
 * → Israel) or (no code) the name with a nationality's ending ("North Korea" → "North Korean"); 1 by another name the
 * gazetteer gives the country ("British" → Britain; also "French" → Burgundy, so a country's own name goes first); 0.
 */
function namesNationality(e: Entity, nationality: string): number {
  if (e.type !== 'GPE' || !placeKinds(e).has('country')) return 0;
  const code = nationalityCode(nationality);
  if (code) {
    const how = countryCodes(e).get(code);
    return how === 'own' ? 2 : how ? 1 : 0;
  }
  const n = nationality.toLowerCase();
  return e.mentions.some((m) => {
    if (m.kind !== 'name') return false;
    const name = m.text.replace(/^the\s+/i, '').replace(/['’]s?$/, '').toLowerCase();
    return name.length >= 4 && n.length > name.length - 1 && n.length <= name.length + 3 && n.startsWith(name.slice(0, -1));
  }) ? 2 : 0;
}

/**
 * "the Israeli government" with its determiner at i: capitalised nationality words (one to three, unowned or a
 * nationality's), then a state noun heading the phrase; the country named before it and the noun's index, or null.
 */
function nationalGovernment(toks: Token[], owners: readonly (Entity | undefined)[], index: MentionIndex, i: number): { p: number; e: Entity } | null {
  const words: string[] = [];
  let k = i + 1;
  for (; k < toks.length && k <= i + 3 && toks[k].sentence === toks[i].sentence && /^\p{Lu}\p{Ll}+$/u.test(toks[k].text) && (!owners[k] || owners[k]!.type === 'NORP' || owners[k]!.type === 'GPE'); k++) words.push(toks[k].text);
  if (!words.length || !toks[k] || owners[k] || toks[k].sentence !== toks[i].sentence) return null;
  if (lookup('coref-descriptions', lw(toks[k]))?.attrs.class !== 'state' || !isPhraseHeadNoun(toks, k)) return null;
  const nationality = words.join(' ');
  const e = index.mostRecent(toks[i].start, (x) => namesNationality(x, nationality) === 2) ?? index.mostRecent(toks[i].start, (x) => namesNationality(x, nationality) === 1);
  return e ? { p: k, e } : null;
}

export const otherOfficeRule = defineRule({
  id: 'coref.description-role-other-office',
  stage: 'coref',
  action: 'veto',
  summary: '"the president", "the general", "the minister" alone is no person whose every title holds the noun only inside another office: after a rank or office word ("Vice President Mike Pence", "former President", lexicon/en/title-modifiers.tsv office) or as part of a longer role ("Attorney General William Barr", "general secretary Mick Whelan", "Prime Minister": lexicon/en/roles.tsv); the search goes on to a person who holds the office itself',
  fires: ['President Ana Ruiz met Vice President Tom Berg on Friday. Berg spoke first. The president left early.'],
  spares: ['President Ana Ruiz met Foreign Minister Tom Berg on Friday. Berg spoke first. The president left early.'],
  source: 'src/extract/coref/rules.ts',
});

/** Words that make a title another office than its role noun ("vice", "deputy", "former": "Vice President" is no president). */
const OFFICE_WORDS = set('title-modifiers', { uses: 'office' });

/** What `otherOfficeOnly` has read of one entity's mentions for one noun: mentions are only appended while
 * `ruleDescriptions` runs, so each call reads the new ones only (linear in the mentions, not descriptions × mentions). */
interface OfficeReading { seen: number; inside: boolean; outside: boolean }
type OfficeMemo = Map<Entity, Map<string, OfficeReading>>;

/** The title words of one mention in which the noun may stand, or null (see otherOfficeOnly). */
function mentionTitleWords(doc: Doc, m: Mention, noun: string): string[] | null {
  if (m.kind === 'name' && !notApposed.has(m)) {
    // the words written right before the name ("former US Vice President | Joe Biden"), else the role words read with it
    const first = doc.tokenAt(m.start);
    const run: string[] = [];
    for (let k = first - 1; k >= 0 && k >= first - 5 && doc.tokens[k].sentence === doc.tokens[first].sentence && /^[\p{L}-]+$/u.test(doc.tokens[k].text); k--) run.unshift(lw(doc.tokens[k]));
    if (run.includes(noun)) return run;
    return m.roles?.length ? m.roles.map((r) => r.toLowerCase()) : null;
  }
  if (m.kind === 'nominal') {
    // with the word before it: an apposed title word ("Vice | President Mike Pence") keeps its office word
    const k = doc.tokenAt(m.start);
    const prev = k > 0 && doc.tokens[k - 1].sentence === doc.tokens[k].sentence ? lw(doc.tokens[k - 1]) : '';
    return [prev, ...m.text.toLowerCase().split(/\s+/)].filter((w) => /^[\p{L}-]+$/u.test(w) && w !== 'the' && w !== 'a' && w !== 'an');
  }
  return null;
}

/**
 * The role noun stands in the person's titles (the role words read with the names, in order, and the words of its
 * nominals) only inside another office: after an office word ("vice president", "former president") or as a word of a
 * longer role ("attorney general", "general secretary", "prime minister"). No title holding the noun: false.
 */
function otherOfficeOnly(doc: Doc, e: Entity, noun: string, memo: OfficeMemo): boolean {
  let byNoun = memo.get(e);
  if (!byNoun) memo.set(e, (byNoun = new Map()));
  let r = byNoun.get(noun);
  if (!r || r.seen > e.mentions.length) byNoun.set(noun, (r = { seen: 0, inside: false, outside: false }));
  for (; r.seen < e.mentions.length && !r.outside; r.seen++) {
    const words = mentionTitleWords(doc, e.mentions[r.seen], noun);
    if (!words) continue;
    for (let j = 0; j < words.length; j++) {
      if (words[j] !== noun) continue;
      const before = words[j - 1];
      const after = words[j + 1];
      // (a longer role that is a kind of the noun is none: "Foreign Minister Lavrov" is "the minister", descriptions-titles.ts)
      const kindOf = before !== undefined && roleKindOf(`${before} ${noun}`, noun);
      if (kindOf) roleKindOfRule.fired(e.mentions[r.seen].start, e.mentions[r.seen].end);
      const inside = (before !== undefined && before !== noun && !kindOf && (OFFICE_WORDS.has(before) || roleOf(`${before} ${noun}`) !== null)) || (after !== undefined && after !== noun && roleOf(`${noun} ${after}`) !== null);
      if (inside) r.inside = true;
      else r.outside = true;
    }
  }
  return r.inside && !r.outside;
}

export const soleHolderReachRule = defineRule({
  id: 'coref.description-sole-holder-reach',
  stage: 'coref',
  action: 'veto',
  summary: '"the president" before any person of that role is named goes to the one person the article gives the role only when that person is named before it or within the next three sentences, and not when an "of" complement follows ("The co-founder of the rights group"): an interview\'s opening question about "the president" is not the President Kennedy named in an aside pages later',
  fires: ['Reporter: How can the president deal with the crisis?\n\nWolfe: We need talks. We had talks before. We kept them going. We had many of them. They worked well in the past, when President John Kennedy and the Soviet premier spoke.'],
  spares: ['Reporter: How can the president deal with the crisis?\n\nWolfe: We need talks, as President John Kennedy said.'],
  source: 'src/extract/coref/rules.ts',
});

/** The entity has a name mention before token `at`, or one within the three sentences after it. */
function namedNear(doc: Doc, e: Entity, at: Token): boolean {
  return e.mentions.some((m) => m.kind === 'name' && (m.end <= at.start || (doc.tokens[doc.tokenAt(m.start)]?.sentence ?? Infinity) <= at.sentence + 3));
}

export const titleModifierRule = defineRule({
  id: 'coref.description-title-modifiers',
  stage: 'coref',
  action: 'label',
  summary: '"the prime minister", "the chief executive", "the foreign minister": a role noun after lower-case modifiers is the person whose title, written before the name or in apposition, holds those words with that noun ("Prime Minister Rishi Sunak"); the mention is the whole phrase, not "the prime" or "the chief"',
  fires: ['Prime Minister Rishi Sunak visited Kyiv on Monday. The prime minister met soldiers.'],
  spares: ['Foreign Minister Sergey Lavrov visited Kyiv on Monday. The prime minister met soldiers.'],
  source: 'src/extract/coref/rules.ts',
});

/**
 * For "the" at i with its first word at h: the phrase's head noun when lower-case modifiers come before it ("the prime
 * minister", "the chief executive" — the determiner's head in the parse, at most two words on, a role noun heading its
 * phrase), else -1.
 */
function titledHead(toks: Token[], owners: readonly (Entity | undefined)[], i: number, h: number): number {
  const p = toks[i].head ?? -1;
  if (toks[i].deprel !== 'det' || p <= h || p > h + 2 || owners[p] || !isPhraseHeadNoun(toks, p)) return -1;
  for (let k = h; k < p; k++) if (owners[k] || !/^\p{Ll}[\p{Ll}-]*$/u.test(toks[k].text) || !/^(amod|compound)/.test(toks[k].deprel ?? '')) return -1;
  const noun = lw(toks[p]);
  return ROLE_NOUNS.has(noun) || titleNoun(noun) ? p : -1;
}

/** f computed once per entity (the entity's mentions are settled before the descriptions ask). */
function perEntity<T>(f: (e: Entity) => T): (e: Entity) => T {
  const cache = new Map<Entity, T>();
  return (e) => {
    if (!cache.has(e)) cache.set(e, f(e));
    return cache.get(e)!;
  };
}

/** The token is a common noun and no noun follows it in its phrase ("the festival" yes, "the festival grounds" no). */
function isPhraseHeadNoun(toks: Token[], h: number): boolean {
  if (toks[h].upos !== undefined && toks[h].upos !== 'NOUN') return false;
  const next = toks[h + 1];
  return !(next && next.sentence === toks[h].sentence && (next.upos === 'NOUN' || next.upos === 'PROPN'));
}

export const givenNameRule = defineRule({
  id: 'coref.given-name-gender',
  stage: 'coref',
  action: 'veto',
  summary: 'a person whose given name is all but always a woman\'s or a man\'s in open prose (models/coref/given-names.tsv.gz) takes only pronouns of that gender',
  fires: ['Andrew Pike built the museum in 1990. Curator Kristin Vale showed the prints, and he had signed each one.'],
  spares: ['Andrew Pike built the museum in 1990. Curator Robert Vale showed the prints, and he had signed each one.'],
  source: 'src/extract/coref/rules.ts',
});

/** How sure a given name's gender must be (share of one gender, and weighted count) to decide a pronoun. */
const GIVEN_NAME_SHARE = 0.9;
const GIVEN_NAME_EVIDENCE = 3;

/** The gender a person's given name fixes ("Kristin Wilkins" → f), when the table is all but sure of it. */
export function givenNameOf(e: Entity): Gender | null {
  if (e.type !== 'PERSON') return null;
  for (const m of e.mentions) {
    if (m.kind !== 'name') continue;
    const words = m.text.split(/\s+/);
    const skip = givenNameIndex(words, titleGender(words[0]) ? 1 : 0, m);
    if (words.length - skip < 2) continue;
    const g = givenNameGender(words[skip]);
    if (!g || g.evidence < GIVEN_NAME_EVIDENCE) continue;
    if (g.female >= GIVEN_NAME_SHARE) return 'f';
    if (g.female <= 1 - GIVEN_NAME_SHARE) return 'm';
    return null;
  }
  return null;
}

export const commonNounNameRule = defineRule({
  id: 'coref.common-noun-name',
  stage: 'coref',
  action: 'veto',
  summary: 'an entity whose every name is one word that prose mostly writes in lower case mid-sentence (the recogniser\'s capitalisation lexicon: "Match" 0.02, "Flag" 0.14, "Refugees" 0.06; "Parliament" 0.69) is likely a common noun the recogniser misread: no antecedent of a description by its head word, nor of he/she',
  fires: ['Dorfman won the Player of the Match award. The match was played in rain.'],
  spares: ['Dorfman won the Player of the Match award at Hartfield Stadium. The stadium was full.'],
  source: 'src/extract/coref/rules.ts',
});

/** Below this share of capitalised mid-sentence occurrences, a one-word name reads as a common noun. */
const COMMON_NOUN_CAP_SHARE = 0.5;

/**
 * Every name of the entity is one word that unlabelled prose writes in lower case more often than
 * not (models/ner lexicon): "Match" from "Man of the Match", "Refugees" from a headline.
 */
export function commonNounName(e: Entity): boolean {
  let v = commonNounNames.get(e);
  if (v === undefined) commonNounNames.set(e, (v = readsAsCommonNoun(e)));
  return v;
}
const commonNounNames = new WeakMap<Entity, boolean>();

function readsAsCommonNoun(e: Entity): boolean {
  const lexicon = getNerModel()?.lexicon;
  if (!lexicon) return false;
  let names = 0;
  for (const m of e.mentions) {
    if (m.kind !== 'name') continue;
    const written = m.text.trim().replace(/['’]s?$/, '');
    // an acronym ("FIRST", "NATO") is written so on purpose
    if (/\s/.test(written) || (written.length > 1 && written === written.toUpperCase())) return false;
    const word = written.toLowerCase();
    const share = lexicon.get(word);
    if (share === undefined || share >= COMMON_NOUN_CAP_SHARE) return false;
    names++;
  }
  return names > 0;
}

export const namedModifierRule = defineRule({
  id: 'coref.description-named-modifier',
  stage: 'coref',
  action: 'veto',
  summary: 'a description with a capitalised modifier ("the Scientology organization", "the Paralympic movement") stands only for an organisation or place whose name holds that word',
  fires: ['Orbis Labs signed a deal with the city on Monday. The Riverside company said the deal was unfair.'],
  spares: ['Orbis Labs signed a deal with the city on Monday. The Orbis company said the deal was fair.'],
  source: 'src/extract/coref/rules.ts',
});

export const ofComplementRule = defineRule({
  id: 'coref.description-of-complement',
  stage: 'coref',
  action: 'veto',
  summary: 'a description of an organisation or place followed by "of" names its own referent ("the company of other photographers", "the city of Basra"): it does not point back to a name',
  fires: ['Orbis Labs hired Ana Ruiz in May. She is now in the company of other famous engineers.'],
  spares: ['Orbis Labs hired Ana Ruiz in May. She said the company treated her well.'],
  source: 'src/extract/coref/rules.ts',
});

export const majorityRule = defineRule({
  id: 'coref.generic-org-majority',
  stage: 'coref',
  action: 'veto',
  summary: '"the group", "the company" stand for the organisation that holds most of the organisation mentions of the last four sentences, the called-so counting thrice; when the others together weigh as much, it stays unlinked',
  fires: ['Orbis Labs signed the deal with Tarrow Bank. The company said it was pleased.'],
  spares: ['Orbis Labs signed the deal, Orbis Labs said. The company was pleased.'],
  source: 'src/extract/coref/rules.ts',
});

/** A name mention of the entity holds the word (lower case). */
function nameHolds(e: Entity, word: string): boolean {
  return e.mentions.some((m) => m.kind === 'name' && m.text.toLowerCase().split(/[\s-]+/).includes(word));
}

export const clauseSubjectRule = defineRule({
  id: 'coref.possessive-clause-subject',
  stage: 'coref',
  action: 'label',
  summary: 'his/her outside its clause\'s subject goes to that clause\'s subject (a person of its gender) before a nearer person in a prepositional phrase ("Chomsky sat down with Dranove in his office")',
  fires: ['Anna Weiss met with Laura Kent for an hour in her office on Monday.'],
  spares: ['Anna Weiss met with Laura Kent. Her office was closed on Monday.'],
  source: 'src/extract/coref/rules.ts',
});

export const itsClauseSubjectRule = defineRule({
  id: 'coref.its-clause-subject',
  stage: 'coref',
  action: 'label',
  summary: '"its" outside its clause\'s subject goes to that subject (a named organisation or place) before a nearer organisation or place, which is often inside the subject\'s own phrase ("The Kestrel Gallery at Orbis University bases its exhibit on …"), as coref.possessive-clause-subject does for his/her',
  fires: ['The Kestrel Gallery at Orbis University bases its exhibit on a private collection.'],
  spares: ['Visitors to the Kestrel Gallery at Orbis University praise its maps.'],
  source: 'src/extract/coref/rules.ts',
});

/** The subject of the clause whose verb governs token i (first verb up its head chain, at most six steps), or -1. */
function clauseSubject(doc: Doc, i: number): number {
  const v = governingVerb(doc, i);
  return v < 0 || doc.tokens[v].upos !== 'VERB' ? -1 : subjectOf(doc, v);
}

/** The first verb up token i's head chain (at most six steps), or the token where the climb stopped; -1 past the root. */
export function governingVerb(doc: Doc, i: number): number {
  const toks = doc.tokens;
  let v = toks[i].head ?? -1;
  for (let n = 0; v >= 0 && n < 6 && toks[v].upos !== 'VERB'; n++) v = toks[v].head ?? -1;
  return v;
}

/**
 * The bases of the rules' links: each has its own calibrated confidence (models/coref/link-confidence.json).
 * he/she split by where the antecedent was found: in the pronoun's own sentence or sentences before.
 */
export const BASIS = {
  apposition: 'coref.apposition',
  role: 'coref.description-role',
  age: 'coref.description-age',
  nameHead: 'coref.description-name-head',
  genericOrg: 'coref.description-generic-org',
  heSheHere: 'coref.he-she-same-sentence',
  heSheBefore: 'coref.he-she-earlier-sentence',
  it: 'coref.it',
} as const;

/** Nouns that, with "the", stand for the organisation just named ("the group said"). */
const GENERIC_ORG_NOUNS = set('org-nouns', { uses: 'coref-generic' });
/** Nouns for an organisation of any kind or of the kind org-kinds gives them ("the electoral body", "the humanitarian group"). */
const ANY_ORG_NOUNS = set('org-nouns', { uses: 'coref' });

type Gender = 'f' | 'm' | 'x';

/** Index of the span holding character `pos` among sorted, disjoint spans (quotations), or -1. */
export function spanAt(spans: readonly { start: number; end: number }[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && pos < spans[lo - 1].end ? lo - 1 : -1;
}

/** Token k is the possessive 's of "the NOUN's" (a noun no entity owns, after "the"): "the group's leader". */
export function describedPossessor(toks: readonly Token[], owners: readonly (Entity | undefined)[], k: number): boolean {
  const s = toks[k];
  return s !== undefined && k >= 2 && /^['’]s?$/.test(s.text) && toks[k - 1].upos === 'NOUN' && !owners[k - 1] && lw(toks[k - 2]) === 'the' && s.sentence === toks[k - 2].sentence;
}

/** Sentences that credit a writer or a picture: "By Jane Roe", "Image: David Shankbone." */
export function creditSentences(doc: Doc): Uint8Array {
  const out = new Uint8Array(doc.sentences.length);
  doc.sentences.forEach((s, k) => {
    const n = s.tokenEnd - s.tokenStart;
    const w0 = doc.tokens[s.tokenStart]?.text ?? '';
    const text = doc.text.slice(s.start, s.end);
    if ((w0 === 'By' && n <= 12) || /\b(?:Image|Photo|Picture|Credit|Photograph)s?\s*:/.test(text) || /^(?:Reporting|Written|Edited) by\b/.test(text)) out[k] = 1;
  });
  return out;
}

function noteGender(genders: Map<string, Gender>, e: Entity, word: string): void {
  const g = KINSHIP.get(word) ?? roleOf(word)?.gender ?? lookup('titles', word)?.attrs.gender;
  if (g && g !== 'x' && !genders.has(e.id)) genders.set(e.id, g as Gender);
}

/**
 * Name mentions whose role word the names stage read from a phrase that is no apposition ("to reach
 * his mother, Montalvo called": `mother` is not Montalvo's): coreference reads no gender from them.
 */
export const notApposed = new WeakSet<Mention>();
/** Roles a name mention holds only from an occupation apposed to it (coref.apposed-title): no ground for a description before the name. */
export const apposedTitles = new WeakMap<Mention, Set<string>>();

/** Genders the document's role words and nominals give its entities ("his mother, Yelena"; "Viktorov, the ambassador"). */
function knownGenders(doc: Doc): Map<string, Gender> {
  const genders = new Map<string, Gender>();
  for (const e of doc.entities) for (const m of e.mentions) if (!notApposed.has(m)) for (const r of m.roles ?? []) noteGender(genders, e, r);
  for (const e of doc.entities) for (const m of e.mentions) if (m.kind === 'nominal') noteGender(genders, e, m.text.toLowerCase().split(/\s+/).pop()!);
  noteKinOfGenders(doc, genders);
  noteHonorificGenders(doc, genders, givenNameOf);
  noteGroupNounGenders(doc, genders, tokenOwners(doc));
  return genders;
}

/** Definite descriptions by rule: "the ambassador", "the Russian ambassador", "the embassy", "the 29-year-old". */
function ruleDescriptions(doc: Doc): void {
  const owners = tokenOwners(doc);
  const toks = doc.tokens;
  const low = doc.lowerTexts();
  const covered = new Uint8Array(toks.length);
  owners.forEach((o, i) => { if (o) covered[i] = 1; });
  // an interview turn's label ("Wikinews: …") names who speaks, not what "the group" in the turn is
  const labels = labelRule.enabled ? turnLabels(doc.text) : [];
  const index = new MentionIndex(doc, labels.length ? (m) => spanAt(labels, m.start) < 0 : undefined);
  const runs = new Map<string, readonly string[]>();
  // otherOfficeOnly's readings, for this pass only (no mention is reordered while it runs)
  const officeMemo: OfficeMemo = new Map();
  const heads = new Map<Entity, Set<string>>();
  for (const e of doc.entities) heads.set(e, new Set(e.mentions.filter((m) => m.kind === 'name').map((m) => nameHead(m.text))));
  const rolesOf = perEntity((e) => {
    const r = new Set<string>();
    for (const m of e.mentions) {
      if (!notApposed.has(m)) for (const x of m.roles ?? []) r.add(x);
      if (m.kind === 'nominal') r.add(m.text.toLowerCase().split(/\s+/).pop()!);
    }
    return r;
  });
  // every role some person holds (once per pass: the roles are settled before the loop below)
  let held: Set<string> | undefined;
  const heldRoles = (): Set<string> => (held ??= new Set(doc.entities.filter((e) => e.type === 'PERSON').flatMap((e) => [...rolesOf(e)])));
  // the title phrases written right before a person's names ("prime minister" of "Prime Minister Rishi Sunak"), lower-cased
  const titleWordsOf = perEntity((e) => {
    const r = new Set<string>();
    for (const m of e.mentions) {
      if (m.kind === 'nominal') r.add(m.text.toLowerCase().replace(/^(the|a|an)\s+/, ''));
      if (m.kind !== 'name') continue;
      const first = doc.tokenAt(m.start);
      const words: string[] = [];
      // "the Prime Minister of Canada Stephen Harper": the title's words end before its place
      const title = titleOfPlaceRule.enabled ? titleOfPlaceBefore(toks, owners, first) : -1;
      const end = title >= 0 ? title + 1 : first;
      for (let k = end - 1; k >= 0 && k >= end - 4 && toks[k].sentence === toks[first].sentence && /^[\p{L}-]+$/u.test(toks[k].text) && !owners[k]; k--) {
        words.unshift(lw(toks[k]));
        r.add(words.join(' '));
      }
    }
    return r;
  });
  // "the company" is no organisation whose name says it is of another kind ("National Transportation Safety Board")
  const kindOf = perEntity((e) => {
    for (const m of e.mentions) if (m.kind === 'name') { const k = lookup('org-kinds', nameHead(m.text))?.attrs.kind; if (k) return k; }
    return '';
  });
  const kindOk = (noun: string, e: Entity, at: Token) => {
    const want = orgKindRule.enabled ? lookup('org-kinds', noun)?.attrs.kind : undefined;
    const have = want ? kindOf(e) : '';
    if (!have || have === want) return true;
    orgKindRule.fired(at.start, at.end);
    return false;
  };
  // the one person the article gives a role noun with a name ("her lawyer, Reza Mostafavi"): an
  // earlier "her lawyer said" or "the lawyer" before the name is introduced is that person too
  // (once per noun: the roles it reads are settled before the loop below, which calls it per token)
  const holders = new Map<string, Entity | undefined>();
  const soleHolder = (noun: string): Entity | undefined => {
    if (holders.has(noun)) return holders.get(noun);
    let found: Entity | undefined;
    for (const e of doc.entities) {
      if (e.type !== 'PERSON' || !e.mentions.some((m) => m.kind === 'name' && !notApposed.has(m) && m.roles?.includes(noun) && !apposedTitles.get(m)?.has(noun))) continue;
      if (found) {
        found = undefined;
        break;
      }
      found = e;
    }
    holders.set(noun, found);
    return found;
  };
  const tallies = new Map<string, PlaceTally>();
  const wordsOf = perEntity(nameWords);
  const sortOf = perEntity((e) => {
    for (const m of e.mentions) if (m.kind === 'name') { const k = orgSort(nameHead(m.text)); if (k) return k; }
    return '';
  });
  for (let i = 0; i < toks.length - 1; i++) {
    const det = low[i];
    // "the company's chief executive" is a role noun with its possessor, like "his lawyer"
    const possessive = (POSSESSIVES.has(det) && det !== 'its') || (describedPossessor(toks, owners, i) && ruleById('coref.described-possessor-role')?.enabled === true);
    if (det === 'the' && nationalGovernmentRule.enabled) {
      const g = nationalGovernment(toks, owners, index, i);
      if (g && !covered[g.p]) {
        nationalGovernmentRule.fired(toks[i].start, toks[g.p].end);
        // the nationality word keeps its own mention ("Georgian"): then the noun alone is the link's
        const free = !covered.subarray(i, g.p).some((c) => c > 0);
        addMention(doc, g.e, free ? toks[i].start : toks[g.p].start, toks[g.p].end, 'nominal', covered, nationalGovernmentRule.id);
        continue;
      }
    }
    if ((det !== 'the' && !possessive) || owners[i + 1]) continue;
    let h = i + 1;
    let titled: { words: string[]; noun: string } | null = null;
    if (/^\p{Lu}/u.test(toks[h].text) && toks[h + 1] && /^\p{Ll}/u.test(toks[h + 1].text) && !owners[h]) h++; // "the Russian ambassador"
    // "the prime minister", "the chief executive": the role is the phrase's head noun, after lower-case modifiers the
    // person's own title holds ("Prime Minister Rishi Sunak", "Apple chief executive Tim Cook")
    if (det === 'the' && titleModifierRule.enabled) {
      const p = titledHead(toks, owners, i, h);
      if (p > h) {
        const words: string[] = [];
        for (let k = h; k < p; k++) words.push(lw(toks[k]));
        titled = { words, noun: lw(toks[p]) };
        h = p;
        // "The general secretary of the RMT union, Mick Cash, said": an "of" complement introduces its own holder
        if (lw(toks[h + 1]) === 'of') continue;
      }
    }
    const noun = lw(toks[h]);
    if (owners[h] || covered[h]) continue;
    // "the Scientology organization": for an organisation or place, the capitalised word must be in its name
    const modifier = h > i + 1 && namedModifierRule.enabled ? lw(toks[i + 1]) : '';
    const namedOk = (e: Entity) => {
      if (!modifier || nameHolds(e, modifier)) return true;
      namedModifierRule.fired(toks[i].start, toks[h].end);
      return false;
    };
    const commonOk = (e: Entity) => {
      if (!commonNounNameRule.enabled || !commonNounName(e)) return true;
      commonNounNameRule.fired(toks[i].start, toks[h].end);
      return false;
    };
    const ofAfter = lw(toks[h + 1]) === 'of' && toks[h + 1].sentence === toks[h].sentence;
    // "the electoral commission": every lower-case modifier is a word of the organisation's name
    if (det === 'the' && !titled && h === i + 1 && modifiedNameHeadRule.enabled) {
      const mh = modifiedHead(toks, owners, i);
      if (mh && !covered[mh.p] && !(lw(toks[mh.p + 1]) === 'of' && toks[mh.p + 1].sentence === toks[mh.p].sentence)) {
        const head = lw(toks[mh.p]);
        const found = index.mostRecent(toks[i].start, (e) => e.type !== 'PERSON' && e.type !== 'NORP' && e.type !== 'GPE' && e.mentions.some((m) => m.kind === 'name' && namesAsModified(capitalisedRun(m.text, runs), mh.words, head)) && commonOk(e));
        if (found) {
          modifiedNameHeadRule.fired(toks[i].start, toks[mh.p].end);
          addMention(doc, found, toks[i].start, toks[mh.p].end, 'nominal', covered, modifiedNameHeadRule.id);
          continue;
        }
      }
    }
    // "the electoral body": an organisation noun whose adjectives are words of one organisation's name (descriptions-modifier.ts)
    if (det === 'the' && !titled && h === i + 1 && modifierNameWordRule.enabled) {
      const mh = modifiedHead(toks, owners, i);
      const head = mh ? lw(toks[mh.p]) : '';
      if (mh && mh.words.length && !covered[mh.p] && ANY_ORG_NOUNS.has(head) && !(lw(toks[mh.p + 1]) === 'of' && toks[mh.p + 1].sentence === toks[mh.p].sentence)) {
        const found = organisationByModifiers(index.bySentence, toks[i], mh.words, wordsOf, (e) => !heads.get(e)?.has(head) && commonOk(e) && kindOk(head, e, toks[i]));
        if (found && !(restrictiveModifierRule.enabled && restrictiveAfter(toks, i, mh.p))) {
          modifierNameWordRule.fired(toks[i].start, toks[mh.p].end);
          addMention(doc, found, toks[i].start, toks[mh.p].end, 'nominal', covered, modifierNameWordRule.id);
          continue;
        }
      }
    }
    // "his lawyer" is only this kind of reference: a role noun, not followed by the name it introduces
    if (possessive && (!ROLE_NOUNS.has(noun) || owners[h + 1] || (toks[h + 1]?.text === ',' && owners[h + 2]))) continue;
    let target: Entity | undefined;
    let basis: string = BASIS.role;
    // (a noun prose pairs almost only with people, when the text gave it to a person as a title: descriptions-learned.ts)
    if (ROLE_NOUNS.has(noun) || (!possessive && (titleNoun(noun) || (learnedPersonTitle(toks[h]) && heldRoles().has(noun) && !introducesName(toks, owners, h))))) {
      const t = titled;
      // (a person whose titles hold the noun only inside another office is passed over: "Vice President Mike Pence")
      const officeOk = (e: Entity) => {
        if (t || !otherOfficeRule.enabled || !otherOfficeOnly(doc, e, noun, officeMemo)) return true;
        otherOfficeRule.fired(toks[i].start, toks[h].end);
        return false;
      };
      target = index.mostRecent(toks[i].start, (e) => e.type === 'PERSON' && rolesOf(e).has(noun) && (!t || titleWordsOf(e).has(t.words.join(' ') + ' ' + t.noun)) && officeOk(e));
      // "the president of Turkey" says whose holder it is: not the last president named
      if (target && !possessive && !t && roleOfComplementRule.enabled && ofComplementOn(toks, h)) {
        roleOfComplementRule.fired(toks[i].start, toks[h + 1].end);
        target = undefined;
      }
      if (!t && !target) {
        target = soleHolder(noun);
        if (target && !officeOk(target)) target = undefined;
        // the sole holder is this description's person only when named before it or within the next sentences, and
        // when no "of" complement says whose holder it is ("The co-founder of the rights group" is not Wozniak)
        if (target && soleHolderReachRule.enabled && (ofAfter || !namedNear(doc, target, toks[i]))) {
          soleHolderReachRule.fired(toks[i].start, toks[h].end);
          target = undefined;
        }
      }
      if (t && target) titleModifierRule.fired(toks[i].start, toks[h].end);
      // "the emperor Commodus", "the winner, Kramnik": the name after the role is its holder, not the last one named
      if (target && !possessive && roleNameAfterRule.enabled && otherPersonAfter(toks, owners, h, target)) {
        roleNameAfterRule.fired(toks[i].start, toks[h].end);
        target = undefined;
      }
      // "the general public" is no general
      if (target && roleNounHeadRule.enabled && roleWordModifies(toks, h)) {
        roleNounHeadRule.fired(toks[h].start, toks[h + 1].end);
        target = undefined;
      }
      // a possessive keeps its own pronoun mention: the nominal is the role word alone
      if (target && possessive) { addMention(doc, target, toks[h].start, toks[h].end, 'nominal', covered, basis); continue; }
    }
    else if (/^\d{1,3}-year-old$/.test(noun)) {
      target = index.mostRecent(toks[i].start, (e) => e.type === 'PERSON');
      basis = BASIS.age;
      if (target) (target.attributes ??= {}).age = noun.split('-')[0];
    } else if (/^\p{Ll}+$/u.test(noun) && noun.length > 2) {
      if (ofAfter && ofComplementRule.enabled) {
        if (index.mostRecent(toks[i].start, (e) => e.type !== 'PERSON' && e.type !== 'NORP' && e.type !== 'GPE' && heads.get(e)!.has(noun)) || GENERIC_ORG_NOUNS.has(noun)) ofComplementRule.fired(toks[i].start, toks[h + 1].end);
        continue;
      }
      target = index.mostRecent(toks[i].start, (e) => e.type !== 'PERSON' && e.type !== 'NORP' && e.type !== 'GPE' && heads.get(e)!.has(noun) && namedOk(e) && commonOk(e));
      basis = BASIS.nameHead;
      // another entity of that head in reach: the one the last sentences are about, or none
      if (target && nameHeadRivalRule.enabled) {
        const chosen = nameHeadChoice(doc, index.bySentence, toks[i], target, noun, (e) => e.type !== 'NORP' && e.type !== 'GPE' && heads.get(e)!.has(noun) && (!modifier || nameHolds(e, modifier)) && !(commonNounNameRule.enabled && commonNounName(e)));
        if (chosen !== target) {
          nameHeadRivalRule.fired(toks[i].start, toks[h].end);
          target = chosen;
          if (!target) continue;
        }
      }
      if (target && nounHeadRule.enabled && !isPhraseHeadNoun(toks, h)) {
        nounHeadRule.fired(toks[h].start, toks[h].end);
        continue;
      }
      // "the group", "the agency": the organisation the last few sentences are about — most
      // mentioned there, one already called by that noun first ("RSF, a paramilitary group"),
      // then the most recent; not merely the last named ("told Reuters the group would …")
      // (not when a name follows: "the charity Action Against Hunger" introduces that name)
      // ("the company structure" is a structure: the noun must head its phrase, as for a name's head)
      const headsPhrase = !nounHeadRule.enabled || isPhraseHeadNoun(toks, h);
      if (!headsPhrase && GENERIC_ORG_NOUNS.has(noun)) nounHeadRule.fired(toks[h].start, toks[h].end);
      if (!target && headsPhrase && GENERIC_ORG_NOUNS.has(noun) && !owners[h + 1] && !/^\p{Lu}/u.test(toks[h + 1]?.text ?? '')) {
        target = salientOrganisation(doc, index, toks[i], noun, (e) => namedOk(e) && commonOk(e) && kindOk(noun, e, toks[i]));
        basis = BASIS.genericOrg;
      }
      // "the airline" after "Afriqiyah Airways": the one organisation in reach whose name's head is of the noun's sort (descriptions-sort.ts)
      if (!target && headsPhrase && !possessive && orgSortRule.enabled && toks[h].xpos !== 'NNS' && !owners[h + 1] && !/^\p{Lu}/u.test(toks[h + 1]?.text ?? '')) {
        const sort = orgSort(noun);
        const nounKind = lookup('org-kinds', noun)?.attrs.kind;
        target = sort ? organisationOfSort(index.bySentence, toks[i], sort, sortOf, (e) => namedOk(e) && commonOk(e), (e) => kindOf(e) !== '' && kindOf(e) !== nounKind) : undefined;
        if (target) {
          basis = orgSortRule.id;
          orgSortRule.fired(toks[i].start, toks[h].end);
        }
      }
      // "the city", "the country": the one place of that kind named in the last few sentences
      if (!target && placeRule.enabled && !possessive && isPhraseHeadNoun(toks, h)) {
        const kinds = placeNounKinds(noun, placeLexiconRule.enabled);
        if (kinds.length) {
          const recent = soleRecentPlace(index, toks[i], kinds);
          target = recent ?? undefined;
          basis = placeRule.id;
          if (target) placeRule.fired(toks[i].start, toks[h].end);
          // two of its kind nearby: the place the article is about, when it is among them
          if (!target && recent === null && topicPlaceRule.enabled) {
            target = topicPlace(doc, index, toks[i], kinds, tallies);
            basis = topicPlaceRule.id;
            if (target) topicPlaceRule.fired(toks[i].start, toks[h].end);
          }
          if (!target && recent === undefined && salientPlaceRule.enabled) {
            target = salientPlace(index, toks[i], kinds, tallies);
            basis = salientPlaceRule.id;
            if (target) salientPlaceRule.fired(toks[i].start, toks[h].end);
          }
          // "the region" is no town the gazetteer also knows as a province ("Tehran", "Aden"): a town is called "the city"
          if (target && regionNotTownRule.enabled && kinds.every((k) => k === 'region' || k === 'area') && placeKinds(target).has('town')) {
            regionNotTownRule.fired(toks[i].start, toks[h].end);
            target = undefined;
          }
          if (target && !placeNounKind(noun)) placeLexiconRule.fired(toks[i].start, toks[h].end);
        }
      }
      // "the nation", "the government" alone: a country the text makes salient (descriptions-state.ts)
      if (!target && !possessive && stateCountryRule.enabled && isPhraseHeadNoun(toks, h)) {
        target = stateCountry(doc, index.bySentence, index.items, i, h);
        if (target) basis = stateCountryRule.id;
      }
    }
    // "the party controlling the Senate" is picked by its modifier, not by pointing back
    if (target && basis !== BASIS.age && restrictiveModifierRule.enabled && restrictiveAfter(toks, i, h)) {
      restrictiveModifierRule.fired(toks[i].start, toks[h + 1].end);
      continue;
    }
    // "the lower court … the court" (descriptions-unnamed.ts)
    if (target && basis !== BASIS.age && unnamedReferent(doc, index, covered, target, i, h)) continue;
    if (target) addMention(doc, target, toks[i].start, toks[h].end, 'nominal', covered, basis);
  }
}


/** The description at i (head h) may stand for something the text leaves unnamed: an unowned phrase of its head that picks out another comes between it and the entity. */
function unnamedReferent(doc: Doc, index: MentionIndex, covered: Uint8Array, target: Entity, i: number, h: number): boolean {
  const toks = doc.tokens;
  // (a plural is a group, a modified plural a part of it: "the earlier caves" of the Ajanta Caves)
  if (!unnamedSameHeadRule.enabled || toks[h].xpos === 'NNS' || toks[h].xpos === 'NNPS') return false;
  const last = index.mostRecentMention(toks[i].start, (e) => e === target);
  if (!last || !unnamedSameHeadBetween(doc, covered, target, lw(toks[h]), doc.tokenAt(last.m.end), i)) return false;
  unnamedSameHeadRule.fired(toks[i].start, toks[h].end);
  return true;
}

export const placeRule = defineRule({
  id: 'coref.place-description',
  stage: 'coref',
  action: 'label',
  summary: '"the city", "the country", "the capital": the one place of the kind the noun describes (learned from appositions in prose, models/coref/place-nouns.tsv.gz, and the places gazetteer) named in the last five sentences; two such places leave it unlinked',
  fires: ['Protesters marched through Lyon on Saturday. The city was calm by evening.'],
  spares: ['Protesters marched through Lyon and Marseille on Saturday. The city was calm by evening.'],
  source: 'src/extract/coref/rules.ts',
});

export const placeLexiconRule = defineRule({
  id: 'coref.place-description-lexicon',
  stage: 'coref',
  action: 'label',
  summary: '"the nation", "the region", "the province": nouns the learned place-noun table does not decide take their kinds of place from lexicon/en/coref-descriptions.tsv, then follow coref.place-description',
  fires: ['Floods hit Bangladesh on Monday. The nation asked for help.'],
  spares: ['Floods hit Bangladesh and Nepal on Monday. The nation asked for help.'],
  source: 'src/extract/coref/rules.ts',
});

export const salientPlaceRule = defineRule({
  id: 'coref.place-description-salient',
  stage: 'coref',
  action: 'label',
  summary: '"the city", "the country" with no place of its kind named in the last five sentences: the place of that kind the text has named most so far, when it holds at least two thirds of those names and was named at least twice (a travel guide\'s "the city" pages after its title)',
  fires: ['Lyon lies on the Rhone. Lyon has two rivers. Its old town is a World Heritage Site. The bridges are old. The food is rich. Many visitors come in May. The museums are free on Sundays. The city is calm at night.'],
  spares: ['Lyon lies on the Rhone. Marseille lies on the sea. Its old town is a World Heritage Site. The bridges are old. The food is rich. Many visitors come in May. The museums are free on Sundays. The city is calm at night.'],
  source: 'src/extract/coref/rules.ts',
});

export const soleNamedPlaceRule = defineRule({
  id: 'coref.place-description-sole-named',
  stage: 'coref',
  action: 'label',
  summary: '"the city", "the country", "the nation" with no place of its kind in the last five sentences: the one town or country the text has named so far, even named once (coref.place-description-salient asks two names); not "the region", which is most often a wider area no name stands for',
  fires: ['Fire swept a market in Lyon on Monday. Firefighters worked through the night. Dozens were hurt. Shops were destroyed. Traders counted losses. Insurers sent staff. The city asked for help.'],
  spares: ['Fire swept a market in Lyon on Monday, and a depot in Marseille. Firefighters worked through the night. Dozens were hurt. Shops were destroyed. Traders counted losses. Insurers sent staff. The city asked for help.'],
  source: 'src/extract/coref/rules.ts',
});

export const regionNotTownRule = defineRule({
  id: 'coref.place-description-region-not-town',
  stage: 'coref',
  action: 'veto',
  summary: '"the region", "the area" (descriptions of the region or area kinds) is no place the gazetteer knows as a town, even when it also knows a province of that name ("Tehran", "Aden"): a town is "the city"; the description stays unlinked',
  fires: ['The summit was held in Tehran on Monday. Leaders promised security in the region.'],
  spares: ['The summit was held in Lombardy on Monday. Leaders promised security in the region.'],
  source: 'src/extract/coref/rules.ts',
});

export const topicPlaceRule = defineRule({
  id: 'coref.place-description-topic',
  stage: 'coref',
  action: 'label',
  summary: '"the city", "the country" with two places of its kind in the last five sentences: the place the article is about — named in its first sentence (the headline or title), named at least twice, and more often than any other place of the kind — when it is one of the two and no rival was named after it in the sentence or the one before',
  fires: ['Lyon\n\nLyon lies on the Rhone. Lyon has two rivers. Trains run from Marseille to Lyon every hour. The city is calm at night.'],
  spares: ['Lyon\n\nMarseille lies on the sea. Marseille has a port. Trains run from Marseille to Lyon every hour. The city is calm at night.'],
  source: 'src/extract/coref/rules.ts',
});

/** The place of the kinds the article is about (coref.place-description-topic), when it is in the last five sentences' places. */
function topicPlace(doc: Doc, index: MentionIndex, at: Token, kinds: readonly PlaceKind[], tallies: Map<string, PlaceTally>): Entity | undefined {
  salientPlace(index, at, kinds, tallies);
  const t = tallies.get(kinds.join(','));
  const best = t?.best;
  if (!t || !best) return undefined;
  const n = t.counts.get(best)!;
  for (const [e, v] of t.counts) if (e !== best && v >= n) return undefined;
  if (n < SALIENT_NAMES) return undefined;
  const first = doc.sentences[0];
  if (!first || !best.mentions.some((m) => m.kind === 'name' && m.start >= first.start && m.end <= first.end)) return undefined;
  // a rival named last, in its sentence or the one before, is the nearer reading ("… came to Iraq … a third of the
  // country" in an article about the United States; "Italy, the country with …")
  const fits = (e: Entity) => { const k = placeKinds(e); return kinds.some((y) => k.has(y)); };
  let last: Indexed | undefined;
  let inReach = false;
  for (let s = at.sentence; s >= Math.max(0, at.sentence - 4); s--) {
    for (const x of index.bySentence.get(s) ?? []) {
      if (x.m.end > at.start || !fits(x.e)) continue;
      if (x.e === best) inReach = true;
      if (s >= at.sentence - 1 && (!last || x.m.start > last.m.start)) last = x;
    }
  }
  return inReach && (!last || last.e === best) ? best : undefined;
}

/** Of all names before `at`, share the dominant place of the kinds must hold, and how often it must be named. */
const SALIENT_SHARE = 2 / 3;
const SALIENT_NAMES = 2;


/** The place of the kinds named most before `at`, when it dominates the places of those kinds (coref.place-description-salient). */
function salientPlace(index: MentionIndex, at: Token, kinds: readonly PlaceKind[], tallies: Map<string, PlaceTally>): Entity | undefined {
  // descriptions come in text order: each kind's tally walks the names once, however many descriptions ask
  const key = kinds.join(',');
  let t = tallies.get(key);
  if (!t) tallies.set(key, (t = { next: 0, counts: new Map(), total: 0, best: undefined }));
  for (; t.next < index.items.length && index.items[t.next].m.start < at.start; t.next++) {
    const x = index.items[t.next];
    if (x.m.kind !== 'name' || (x.e.type !== 'GPE' && x.e.type !== 'LOC')) continue;
    const k = placeKinds(x.e);
    if (!kinds.some((y) => k.has(y))) continue;
    const n = (t.counts.get(x.e) ?? 0) + 1;
    t.counts.set(x.e, n);
    t.total++;
    if (!t.best || n > t.counts.get(t.best)!) t.best = x.e;
  }
  const n = t.best ? t.counts.get(t.best)! : 0;
  // the only town or country the text has named so far is "the city", "the country" however far back (a region is not:
  // "the region" is most often a wider area no name stands for)
  // (a town or country the recogniser read as such, GPE: "The Atlantic" read as a place, LOC, is no city however the gazetteer
  // knows a town of that name)
  const sole = soleNamedPlaceRule.enabled && n < SALIENT_NAMES && n >= 1 && n === t.total && t.best?.type === 'GPE' && kinds.every((k) => k === 'town' || k === 'country');
  if (t.best && sole) soleNamedPlaceRule.fired(at.start, at.end);
  return t.best && (n >= SALIENT_NAMES || sole) && n >= SALIENT_SHARE * t.total ? t.best : undefined;
}

/** The names of places of some kinds counted so far (salientPlace), and where the count stopped. */
interface PlaceTally { next: number; counts: Map<Entity, number>; total: number; best: Entity | undefined }

/** The one GPE or LOC entity of the kinds named in the five sentences up to `at` (undefined when none, null when two are). */
function soleRecentPlace(index: MentionIndex, at: Token, kinds: readonly PlaceKind[]): Entity | null | undefined {
  let found: Entity | undefined;
  const fits = (e: Entity) => { const k = placeKinds(e); return kinds.some((x) => k.has(x)); };
  for (let s = at.sentence; s >= Math.max(0, at.sentence - 4); s--) {
    for (const x of index.bySentence.get(s) ?? []) {
      if (x.m.end > at.start || x.e === found || !fits(x.e)) continue;
      if (found) return null;
      found = x.e;
    }
  }
  return found;
}

function salientOrganisation(doc: Doc, index: MentionIndex, at: Token, noun: string, ok: (e: Entity) => boolean): Entity | undefined {
  const score = new Map<Entity, number>();
  const last = new Map<Entity, number>();
  for (let s = at.sentence; s >= Math.max(0, at.sentence - 3); s--) {
    for (const x of index.bySentence.get(s) ?? []) {
      if (x.e.type !== 'ORG' || x.m.end > at.start || !ok(x.e)) continue;
      const called = x.m.kind === 'nominal' && x.m.text.toLowerCase().split(/\s+/).pop() === noun;
      score.set(x.e, (score.get(x.e) ?? 0) + (called ? 3 : 1));
      last.set(x.e, Math.max(last.get(x.e) ?? -1, x.m.start));
    }
  }
  let best: Entity | undefined;
  for (const [e, v] of score) if (!best || v > score.get(best)! || (v === score.get(best)! && last.get(e)! > last.get(best)!)) best = e;
  // unsure when the others, together, are mentioned as much: "the organization" after Scientology and LA Weekly once each
  if (best && majorityRule.enabled) {
    let others = 0;
    for (const [e, v] of score) if (e !== best) others += v;
    if (others >= score.get(best)!) {
      majorityRule.fired(at.start, at.end);
      return undefined;
    }
  }
  return best;
}

type Indexed = { m: Mention; e: Entity; sentence: number };

/** How many of the items (sorted by start) start before `pos`. */
function countBefore(items: Indexed[], pos: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].m.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Mentions in text order with their sentences, for backward searches that stay cheap on long documents. */
class MentionIndex {
  readonly items: Indexed[];
  /** mentions registered after the index was built, in text order (kept apart: inserting each into `items` would cost its length) */
  private readonly added: Indexed[] = [];
  readonly bySentence: Map<number, Indexed[]> = new Map();
  /** `keep` leaves mentions out of the index (a turn's label) */
  constructor(doc: Doc, keep?: (m: Mention) => boolean) {
    this.items = doc.entities.flatMap((e) => (keep ? e.mentions.filter(keep) : e.mentions).map((m) => ({ m, e, sentence: doc.tokens[doc.tokenAt(m.start)]?.sentence ?? 0 }))).sort((a, b) => a.m.start - b.m.start);
    for (const x of this.items) {
      const list = this.bySentence.get(x.sentence);
      if (list) list.push(x);
      else this.bySentence.set(x.sentence, [x]);
    }
  }
  /** Register a mention found after the index was built (mentions arrive in text order). */
  add(m: Mention, e: Entity, sentence: number): void {
    const x = { m, e, sentence };
    let k = this.added.length;
    while (k > 0 && this.added[k - 1].m.start > m.start) k--;
    this.added.splice(k, 0, x);
    const list = this.bySentence.get(sentence);
    if (list) {
      let k = list.length;
      while (k > 0 && list[k - 1].m.start > m.start) k--;
      list.splice(k, 0, x);
    } else this.bySentence.set(sentence, [x]);
  }

  /** The entity of the closest mention ending before `pos` that satisfies `ok` (looks back at most `limit` mentions). */
  mostRecent(pos: number, ok: (e: Entity) => boolean, limit = 400): Entity | undefined {
    return this.mostRecentMention(pos, ok, limit)?.e;
  }
  /** The closest mention ending before `pos` whose entity satisfies `ok`, with its entity. */
  mostRecentMention(pos: number, ok: (e: Entity) => boolean, limit = 400): Indexed | undefined {
    // both lists walked back together, latest start first (a registered mention after an indexed one at the same start)
    let i = countBefore(this.items, pos) - 1;
    let j = countBefore(this.added, pos) - 1;
    for (let n = 0; n < limit && (i >= 0 || j >= 0); n++) {
      const x = j >= 0 && (i < 0 || this.added[j].m.start >= this.items[i].m.start) ? this.added[j--] : this.items[i--];
      if (x.m.end <= pos && ok(x.e)) return x;
    }
    return undefined;
  }
}

/** First organisation-like head word in a name: "Russian Embassy in Israel" → "embassy". */
function nameHead(name: string): string {
  const words = name.toLowerCase().split(/\s+/);
  const cut = words.findIndex((w) => w === 'of' || w === 'in' || w === 'for' || w === 'to');
  const core = cut > 0 ? words.slice(0, cut) : words;
  return core[core.length - 1];
}

/** A definite person noun no entity owns ("the footballer", "the hostage") as a subject before token i in its sentence. */
function unnamedPersonSubjectBefore(doc: Doc, owners: (Entity | undefined)[], i: number): boolean {
  const toks = doc.tokens;
  const sent = doc.sentences[toks[i].sentence];
  for (let k = sent.tokenStart + 1; k < i; k++) {
    if (owners[k] || !/^nsubj/.test(toks[k].deprel ?? '') || !titleNoun(lw(toks[k]))) continue;
    if (/^(?:the|a|an|this|that)$/.test(lw(toks[k - 1])) || (k >= sent.tokenStart + 2 && lw(toks[k - 2]) === 'the' && !owners[k - 1])) return true;
  }
  return false;
}

/** A definite organisation noun ("the charity", "the ministry") that no entity owns, before token i in its sentence. */
function unnamedOrganisationBefore(doc: Doc, owners: (Entity | undefined)[], i: number): boolean {
  const toks = doc.tokens;
  const sent = doc.sentences[toks[i].sentence];
  for (let k = sent.tokenStart + 1; k < i; k++) {
    if (!ORG_NOUNS.has(lw(toks[k])) || owners[k]) continue;
    const before = lw(toks[k - 1]);
    if (before === 'the' || (k >= sent.tokenStart + 2 && lw(toks[k - 2]) === 'the' && /^\p{Ll}/u.test(toks[k - 1].text) && !owners[k - 1])) return true;
  }
  return false;
}

/** "Dubois's" in "Dubois's wife": the mention is followed by a possessive 's. */
function isPossessor(doc: Doc, m: Mention): boolean {
  const next = doc.tokens[doc.tokenAt(m.end)];
  return next !== undefined && next.start === m.end && /^['’]s?$/.test(next.text);
}

const DEPENDENT_CLAUSE = new Set(['advcl', 'ccomp', 'conj', 'xcomp', 'parataxis']);

/** For a pronoun that is the subject of a dependent clause, the token heading its governing clause's subject; else -1. */
export function governingSubject(doc: Doc, i: number): number {
  const toks = doc.tokens;
  if (!/^nsubj/.test(toks[i].deprel ?? '')) return -1;
  const verb = toks[i].head ?? -1;
  if (verb < 0 || !DEPENDENT_CLAUSE.has((toks[verb].deprel ?? '').split(':')[0])) return -1;
  const gov = toks[verb].head ?? -1;
  if (gov < 0) return -1;
  const sent = doc.sentences[toks[i].sentence];
  for (let k = sent.tokenStart; k < sent.tokenEnd; k++) if (k !== i && toks[k].head === gov && /^nsubj/.test(toks[k].deprel ?? '')) return k;
  // (an open complement has none of its own: "Georgia will become a member if it wants to")
  return controllingSubjectOf(doc, gov, i);
}


/** Genders the given names suggest (models/coref/ssa-given-names.tsv.gz): a preference, which the text overrides. */
function nameGenders(doc: Doc): Map<string, Gender> {
  const out = new Map<string, Gender>();
  if (!givenNameRule.enabled) return out;
  for (const e of doc.entities) {
    const g = givenNameOf(e);
    if (g) out.set(e.id, g);
  }
  return out;
}

function rulePronouns(doc: Doc, genders: Map<string, Gender>, own: (kind: LinkKind) => boolean): void {
  const toks = doc.tokens;
  const low = doc.lowerTexts();
  const owners = tokenOwners(doc);
  const index = new MentionIndex(doc);
  const byName = nameGenders(doc);
  const dominant = dominantPerson(doc);
  const labels = labelRule.enabled ? turnLabels(doc.text) : [];
  // a byline's or a picture credit's name is not what the story's pronouns refer to ("Image: Mark Rathbun.")
  const credits = creditRule.enabled ? creditSentences(doc) : new Uint8Array(doc.sentences.length);
  // '"Dan has been held for 404 days," she told': a name inside the quote is what she speaks of, not who she is
  const quoted = findQuoteSpans(doc.text);
  // the spans are in text order and do not overlap: a binary search, not a scan per pronoun
  const quoteOf = (pos: number) => spanAt(quoted, pos);
  // entities named only in credits
  const creditedOnly = new Set<Entity>();
  for (const e of doc.entities) if (e.mentions.length && e.mentions.every((m) => credits[toks[doc.tokenAt(m.start)]?.sentence ?? 0] === 1)) creditedOnly.add(e);
  // an interview's he/she with a rival in reach stays unlinked, and so do the he/she of that gender after it until a person is named
  const interview = (interviewRivalRule.enabled || solePersonRule.enabled) && isInterview(doc, labels.length ? labels : turnLabels(doc.text));
  let interviewPersons: PersonFirst[] | undefined;
  for (let i = 0; i < toks.length; i++) {
    const w = low[i];
    const p = PRONOUNS.get(w);
    if (!p || p.number !== 's' || owners[i]) continue;
    if (w === 'it') continue;
    const wantPerson = p.gender === 'm' || p.gender === 'f';
    if (!own(wantPerson ? 'he/she' : 'it')) continue;
    const sent = toks[i].sentence;
    // "her sister" / "Ana Lopez, her sister": the possessor is not the person the noun names
    const possessed = owners[i + 1];
    // "the Tsar, who confided to him the command": the clause's subject, wherever else it is named, is not "him"
    const bound = wantPerson ? boundSubject(doc, owners, i) : undefined;
    // "a writer whose stories she had discovered": the relative clause's own noun is not its subject "she"
    const relative = wantPerson ? relativeHead(doc, owners, i) : undefined;
    // first with the genders the given names suggest, then (no one found) with the text's own evidence
    // only: "Nika Melia … his sentence" (Nika is mostly a woman's name in US records, a man's in Georgia)
    let chosen: Entity | undefined;
    let chosenHere: Mention | undefined;
    // (a name a classifying noun heads as subject, "carmaker Orbis Motors": a subject, though the parse hangs it on the noun)
    let classifiedHere: Mention | undefined;
    let earlier = false;
    let stop = false;
    let vetoed = false;
    let byClauseSubject = false;
    for (const byGivenName of byName.size ? [true, false] : [false]) {
      const genderOf = (e: Entity): Gender => {
        const g = genders.get(e.id) ?? (byGivenName ? byName.get(e.id) : undefined) ?? 'x';
        if (g !== 'x' && g !== p.gender && !genders.has(e.id)) vetoed = true;
        return g;
      };
      // an interview turn's label ("Shimon Peres: …") names who speaks, not whom "he" in the turn means
      const usable = (x: Indexed) => {
        if (!labelRule.enabled || spanAt(labels, x.m.start) < 0) return true;
        labelRule.fired(x.m.start, x.m.end);
        return false;
      };
      const compatible = (e: Entity) => {
        if (e === possessed) return false;
        if (e === bound) { boundSubjectRule.fired(toks[i].start, toks[i].end); return false; }
        if (e === relative) { relativeHeadRule.fired(toks[i].start, toks[i].end); return false; }
        let fits = wantPerson ? e.type === 'PERSON' && (genderOf(e) === 'x' || genderOf(e) === p.gender) : e.type === 'ORG' || e.type === 'GPE' || e.type === 'FAC' || itByKind(doc, e);
        // "Refugees" read as a person from a headline is no antecedent of "she"
        if (fits && wantPerson && commonNounNameRule.enabled && commonNounName(e) && !titledSurname(doc, e, i)) {
          commonNounNameRule.fired(toks[i].start, toks[i].end);
          fits = false;
        }
        if (fits && creditedOnly.has(e)) {
          creditRule.fired(toks[i].start, toks[i].end);
          return false;
        }
        return fits;
      };
      // the subject of a dependent clause is most often the subject of the clause it hangs on:
      // "Farahani was arrested at Imam Khomeini airport as he tried to board"
      const governing = governingSubject(doc, i);
      if (governing >= 0 && owners[governing] && toks[governing].end <= toks[i].start && compatible(owners[governing]!)) chosen = owners[governing];
      // (a title subject with the name apposed: "The company's chief, Ana Ruiz, said she …")
      if (!chosen && wantPerson && governing >= 0 && governing < i) {
        const apposed = apposedSubjectPerson(doc, owners, governing);
        if (apposed && compatible(apposed)) {
          chosen = apposed;
          apposedSubjectNameRule.fired(toks[i].start, toks[i].end);
        }
      }
      // "He favored reform and once told writer Yoji Gomi he did not believe …": a conjunct verb's subject is its first conjunct's
      if (!chosen && wantPerson) {
        const shared = sharedGoverningSubject(doc, i);
        if (shared >= 0 && owners[shared] && compatible(owners[shared]!)) {
          chosen = owners[shared];
          sharedSubjectGovernorRule.fired(toks[i].start, toks[i].end);
        }
      }
      // "Chomsky sat down with Dranove for an interview in his office": a possessive outside the subject
      // belongs to its own clause's subject before the nearer object of a preposition
      // (and "its": "The McCutchan Art Center at USI bases its exhibit …" is the center's, not USI's inside its subject)
      const possessiveOf = wantPerson ? clauseSubjectRule.enabled && w === (p.gender === 'f' ? 'her' : 'his') : itsClauseSubjectRule.enabled && w === 'its';
      // ("Ukraine thanked Turkey for its help": an organisation or place the governing verb takes as object is "its" —
      // coref.it-subject-only's object exception — before the subject)
      const objectOver = (x: Indexed) => x.m.end <= toks[i].start && x.m.kind !== 'pronoun' && compatible(x.e) && isObjectOverPronoun(doc, x.m, i);
      if (!chosen && possessiveOf && !inSubject(doc, i) && (wantPerson || !(index.bySentence.get(sent) ?? []).some(objectOver))) {
        const head = clauseSubject(doc, i);
        // ("Irish carmaker Orbis Motors raised its prices": a classifying noun before a name is the name)
        const named = !wantPerson && head >= 0 && !owners[head] && subjectClassifierRule.enabled ? classifiedName(doc, owners, head) : -1;
        const subj = named >= 0 ? named : head;
        if (subj >= 0 && owners[subj] && toks[subj].end <= toks[i].start && spanAt(labels, toks[subj].start) < 0 && compatible(owners[subj]!)) {
          chosen = owners[subj];
          // (for "its", the subject's own mention: the checks below ask that it be a subject)
          if (!wantPerson) chosenHere = owners[subj]!.mentions.find((m) => m.start <= toks[subj].start && m.end >= toks[subj].end);
          (wantPerson ? clauseSubjectRule : itsClauseSubjectRule).fired(toks[i].start, toks[i].end);
          if (named >= 0) {
            classifiedHere = chosenHere;
            subjectClassifierRule.fired(toks[i].start, toks[i].end);
          }
          byClauseSubject = !wantPerson;
        }
      }
      // "In her opening remarks, Waters pointed out …": a pronoun in a phrase fronted before the main subject
      // looks ahead to that subject
      if (!chosen && cataphoraRule.enabled && wantPerson) {
        const subj = frontedBeforeSubject(doc, i);
        // ("On her death, Barack Obama tweeted": the second pass sets the given names aside for a name before the
        // pronoun — "Nika Melia … his sentence" — not for one after it)
        const against = (e: Entity) => {
          const g = !byGivenName && cataphoraNameGenderRule.enabled && !genders.has(e.id) ? byName.get(e.id) : undefined;
          if (g && g !== p.gender) cataphoraNameGenderRule.fired(toks[i].start, toks[i].end);
          return g !== undefined && g !== p.gender;
        };
        if (subj >= 0 && owners[subj] && spanAt(labels, toks[subj].start) < 0 && compatible(owners[subj]!) && !against(owners[subj]!)) {
          chosen = owners[subj];
          cataphoraRule.fired(toks[i].start, toks[i].end);
        }
        // "Discussing his concern, Malaysia's Prime Minister, Najib Razak said": the name apposed to a title subject
        const apposed = subj >= 0 && !chosen ? apposedSubjectPerson(doc, owners, subj) : undefined;
        if (apposed && compatible(apposed) && !against(apposed)) {
          chosen = apposed;
          apposedSubjectNameRule.fired(toks[i].start, toks[i].end);
        }
      }
      // "His mother was Kim Jong Il's mistress Song Hye Rim and he was raised …": the sentence's own he before a nearer name
      if (!chosen && wantPerson) {
        const chained = pronounChainBefore(doc, owners, i, (x) => PRONOUNS.get(x)?.gender === p.gender && PRONOUNS.get(x)?.number === 's');
        if (chained && compatible(chained)) {
          chosen = chained;
          pronounChainRule.fired(toks[i].start, toks[i].end);
        }
      }
      // this sentence, nearest first
      const here = index.bySentence.get(sent) ?? [];
      const myQuote = quoted.length ? quoteOf(toks[i].start) : -1;
      // (a possessor gives way to the noun it qualifies: "the ELN, Colombia's largest group, admitted that
      // one of its units …" — its is the ELN's)
      for (const skipPossessors of [true, false]) {
        for (let k = here.length - 1; k >= 0 && !chosen; k--) {
          const x = here[k];
          if (skipPossessors && isPossessor(doc, x.m)) continue;
          if (x.m.end <= toks[i].start && x.m.kind !== 'pronoun' && usable(x) && compatible(x.e) && (myQuote >= 0 || !quoted.length || quoteOf(x.m.start) < 0)) {
            chosen = x.e;
            chosenHere = x.m;
          }
        }
      }
      // "it" and "its" are most often a thing no name stands for ("the show is in its fourteenth season"):
      // only the subject of its own sentence, an organisation or a place, is sure enough
      // ("Microsoft has launched its campaign"), or the object of the verb that governs the pronoun
      // ("Ukraine thanked Turkey for its help")
      if (!wantPerson && itRule.enabled) {
        // or, for "its" that opens its sentence's subject, the one organisation or place of the sentence
        // before ("The protest was organised by the Caesar Families Association. Its director, …")
        // (not when that sentence spoke of an "it" of its own: "It is registered as a World Heritage Site. Its splendour …")
        if (!chosen && sent > 0 && inSubject(doc, i) && !sentenceHasIt(doc, sent - 1)) {
          const before = new Set((index.bySentence.get(sent - 1) ?? []).filter((x) => x.m.kind === 'name' && usable(x) && compatible(x.e)).map((x) => x.e));
          if (before.size === 1) [chosen] = before;
          if (chosen) break;
        }
        // "KELT-9b is tidally locked to its star, with one side of the planet always exposed to its star": the nearest
        // mention need not be the subject when its entity is this sentence's subject before the pronoun
        // "KELT-9 is larger than the Sun and nearly twice its temperature": a name no entity stands for between the
        // antecedent and "its" may be what it means
        if (chosen && chosenHere && unnamedNameRule.enabled && unrecognisedNameBetween(doc, owners, doc.tokenAt(chosenHere.end), i)) {
          unnamedNameRule.fired(toks[i].start, toks[i].end);
          stop = true;
          chosen = undefined;
          break;
        }
        const subjectBefore = (e: Entity) => itSubjectRule.enabled && here.some((x) => x.e === e && x.m.end <= toks[i].start && x.m !== chosenHere && isSubject(doc, x.m));
        const subjectHere = (m: Mention) => isSubject(doc, m) || m === classifiedHere;
        if (chosen && chosenHere && !subjectHere(chosenHere) && !isObjectOverPronoun(doc, chosenHere, i) && subjectBefore(chosen)) itSubjectRule.fired(toks[i].start, toks[i].end);
        else if (!chosen || !chosenHere || !(subjectHere(chosenHere) || isObjectOverPronoun(doc, chosenHere, i))) {
          if (chosen || !unnamedOrganisationBefore(doc, owners, i)) itRule.fired(toks[i].start, toks[i].end);
          stop = true;
          chosen = undefined;
          break;
        }
      }
      // "The charity said it had suspended its operations": an organisation noun no entity stands for
      // earlier in the sentence is what "its" refers to; an organisation named sentences before is not
      if (!wantPerson && !chosen && unnamedOrganisationBefore(doc, owners, i)) { stop = true; break; }
      // likewise "The footballer had appealed for his father's release": an unnamed person as subject
      if (wantPerson && !chosen && unnamedPersonSubjectBefore(doc, owners, i)) { stop = true; break; }
      // earlier sentences, the most recent first, each read from its start (subjects come first);
      // a possessor is passed over for the noun it qualifies: "Dubois's wife, Claire, said … she"
      // (without the names' genders, only this sentence: "Nika Melia … his sentence"; a man named
      // sentences back is no better than no one for "her")
      let pairStop = false;
      for (let s = sent - 1; s >= Math.max(0, sent - 3) && !chosen && !pairStop && (byGivenName || !byName.size); s--) {
        const inSentence = index.bySentence.get(s) ?? [];
        // a person nothing gives a gender to (no gendered word, no pronoun yet, a given name the table does not
        // know: "Boxer", "the Tsar") is too weak an antecedent for he/she sentences away
        // (unless it is the main subject of the sentence just before: "A third hostage, the sailor Nguyen Van Hung,
        // is still held. His wife …")
        const far = (x: Indexed) => {
          if (pairStop || !compatible(x.e)) return false;
          // "adding to the board Stewart Brand, John Gilmore, and Steve Wozniak. He served …": a name in a list is none
          // of the next sentence's topic
          if (wantPerson && listRule.enabled && listedPerson(doc, owners, x)) {
            listRule.fired(toks[i].start, toks[i].end);
            return false;
          }
          // "two women, Aishah and Doan, walked up to Kim … she": either could be meant (and no one else in that sentence)
          if (wantPerson && ambiguousPair(doc, owners, x.m, x.e, compatible, i)) { pairStop = true; return false; }
          if (!wantPerson || !unknownGenderRule.enabled || genders.has(x.e.id) || (byGivenName && byName.has(x.e.id))) return true;
          if (s === sent - 1 && isMainSubject(doc, x.m)) return true;
          // (the story's subject, named far more often than anyone: "Kim Jong Nam … He died")
          if (x.e === dominant) { dominantPersonRule.fired(toks[i].start, toks[i].end); return true; }
          unknownGenderRule.fired(toks[i].start, toks[i].end);
          return false;
        };
        // the sentence's main subject before a person named in a phrase fronted before it ("After seeing the success of a
        // classmate, Kaho Tanabe, Higuchi decided to write. Her first efforts …")
        if (wantPerson && mainSubjectFirstRule.enabled) {
          for (const x of inSentence) {
            if (x.m.kind === 'pronoun' || !isMainSubject(doc, x.m)) continue;
            // (only over a person named before it, in a phrase fronted before the subject: otherwise the first mention is the subject's)
            // (a quotation before its attribution is no fronted phrase: '"Trump treats the law with contempt," said Becerra. "He …"')
            if (!inSentence.some((y) => y.m.start < x.m.start && y.e !== x.e && y.m.kind !== 'pronoun' && compatible(y.e) && !(quoted.length && quoteOf(y.m.start) >= 0)) || !usable(x) || !far(x)) break;
            mainSubjectFirstRule.fired(toks[i].start, toks[i].end);
            chosen = x.e;
            earlier = true;
            break;
          }
        }
        for (const x of inSentence) if (!chosen && !isPossessor(doc, x.m) && usable(x) && far(x)) { chosen = x.e; earlier = true; break; }
        for (const x of inSentence) if (!chosen && usable(x) && far(x)) { chosen = x.e; earlier = true; break; }
        // "The director of Operation Truth described the event …" between: the story has turned to a person no name stands for
        if (!chosen && wantPerson && unnamedPersonMainSubject(doc, owners, s)) { unnamedSubjectTurnRule.fired(toks[i].start, toks[i].end); break; }
      }
      if (chosen) {
        // a candidate was passed over for its given name alone
        if (byGivenName && vetoed) givenNameRule.fired(toks[i].start, toks[i].end);
        break;
      }
    }
    if (stop) continue;
    // an interview's he/she nothing in reach takes: the one person the talk has called so, when no one else named could be
    let sole = false;
    if (!chosen && interview && wantPerson && solePersonRule.enabled) {
      interviewPersons ??= personsByFirstMention(doc, (e, m) => e.type === 'PERSON' && !creditedOnly.has(e) && m.kind !== 'pronoun' && spanAt(labels, m.start) < 0);
      const g = p.gender as Gender;
      chosen = solePerson(interviewPersons, toks[i].start, (e) => genders.get(e.id) ?? byName.get(e.id) ?? 'x', (e) => genders.get(e.id) === g, g);
      if (chosen) {
        solePersonRule.fired(toks[i].start, toks[i].end);
        sole = true;
      }
    }
    if (chosen && interview && wantPerson && interviewRivalRule.enabled) {
      const g = p.gender as Gender;
      const alike = (e: Entity) => {
        const eg = genders.get(e.id) ?? byName.get(e.id) ?? 'x';
        return (eg === 'x' || eg === g) && !creditedOnly.has(e);
      };
      // a rival already called he/she: the person the talk was on before the nearer name came up
      const free = (x: Indexed) => x.m.kind === 'pronoun' && PRONOUNS.get(x.m.text.toLowerCase())?.gender === g && spanAt(labels, x.m.start) < 0;
      if (!sole && rivalInReach(doc, index.bySentence, i, chosen, alike, free)) {
        interviewRivalRule.fired(toks[i].start, toks[i].end);
        continue;
      }
    }
    if (chosen) {
      // the pronoun tells the person's gender: "He had been working …" then "she" is someone else
      if (wantPerson && !genders.has(chosen.id)) genders.set(chosen.id, p.gender as Gender);
      const basis = !wantPerson ? (byClauseSubject ? itsClauseSubjectRule.id : BASIS.it) : sole ? solePersonRule.id : earlier ? BASIS.heSheBefore : BASIS.heSheHere;
      if (!wantPerson && chosen.type !== 'ORG' && chosen.type !== 'GPE' && chosen.type !== 'FAC') kindPronounRule.fired(toks[i].start, toks[i].end);
      const m: Mention = { start: toks[i].start, end: toks[i].end, text: toks[i].text, kind: 'pronoun', type: chosen.type, entity: chosen.id, source: 'coref', ...linkFields(basis) };
      chosen.mentions.push(m);
      owners[i] = chosen;
      // later pronouns follow the chain: "he asked Macron …" then "His daughter" is his, not Macron's
      index.add(m, chosen, sent);
    }
  }
}

/** Link descriptions and pronouns by the rules, in the document itself: the kinds `own` gives them (all by default). */
export function applyRules(doc: Doc, own: (kind: LinkKind) => boolean = () => true): void {
  if (own('description')) ruleDescriptions(doc);
  if (own('description')) ruleGenderedPersons(doc);
  // "the band", "the planet": the entity the text gave that kind
  if (own('description')) linkKindDescriptions(doc, (e) => givenNameOf(e) !== null);
  if (own('he/she') || own('it')) rulePronouns(doc, knownGenders(doc), own);
}

/**
 * What the rules link each token to: token index → entity id, for every token of a pronoun or
 * description the rules would add. The document is left as it was.
 */
export function ruleLinks(doc: Doc): Map<number, string> {
  const copy = doc.copy();
  copy.entities = doc.entities.map((e) => ({ ...e, attributes: e.attributes ? { ...e.attributes } : undefined, mentions: e.mentions.map((m) => ({ ...m })) }));
  applyRules(copy);
  const out = new Map<number, string>();
  for (const e of copy.entities) {
    for (const m of e.mentions) {
      if (m.source !== 'coref' || (m.kind !== 'pronoun' && m.kind !== 'nominal')) continue;
      for (let i = doc.tokenAt(m.start); i < doc.tokens.length && doc.tokens[i].start < m.end; i++) if (!out.has(i)) out.set(i, e.id);
    }
  }
  return out;
}

export const genderedPersonRule = defineRule({
  id: 'coref.description-gendered-person',
  stage: 'coref',
  action: 'label',
  summary: '"the boy", "the young woman", "the actress": a person noun whose gender the lexicon fixes (coref-descriptions.tsv person rows, roles.tsv gendered non-kin roles), after up to two lower-case adjectives, is the one person of that gender mentioned in its sentence or the two before, when every person mentioned there has a known gender; not before "of" ("the woman of the hour")',
  fires: ['Maria Lopez and her husband Tom arrived on Monday. Tom Lopez spoke first. The woman said little.'],
  spares: ['Maria Lopez and Ana Ruiz arrived on Monday. The woman said little.', 'Maria Lopez arrived on Monday. The woman of the hour said little.'],
  source: 'src/extract/coref/rules.ts',
});

export const genderedQuoteRule = defineRule({
  id: 'coref.description-gendered-person-quote',
  stage: 'coref',
  action: 'veto',
  summary: 'coref.description-gendered-person inside a quotation counts only the people named inside it: "Our thoughts are with the man\'s family," Inspector Tom Hale said — the man is not the speaker named outside the quotation',
  fires: ['Tom Hale said, "Our thoughts are with the man and his family."'],
  spares: ['Tom Hale arrived on Monday. Ana Ruiz spoke first. The man said little.'],
  source: 'src/extract/coref/rules.ts',
});

/** "the boy", "the woman" (lexicon/en/coref-descriptions.tsv, class person) → their gender. */
let personNounGenders: Map<string, Gender> | null = null;

/** The gender a person noun of a description fixes: the description list, else a gendered role that is no kinship ("actress", "spokeswoman"). */
function describedPersonGender(noun: string): Gender | null {
  personNounGenders ??= new Map(entries('coref-descriptions', { class: 'person' }).map((e) => [e.word.toLowerCase(), e.attrs.gender as Gender]));
  const g = personNounGenders.get(noun);
  if (g) return g;
  if (KINSHIP.has(noun)) return null;
  const r = roleOf(noun);
  return r && !r.plural && (r.gender === 'm' || r.gender === 'f') ? r.gender : null;
}

/** coref.description-gendered-person: the one person of the noun's gender in reach, when every person there has a known gender. */
function ruleGenderedPersons(doc: Doc): void {
  if (!genderedPersonRule.enabled) return;
  const toks = doc.tokens;
  const low = doc.lowerTexts();
  const owners = tokenOwners(doc);
  const covered = new Uint8Array(toks.length);
  owners.forEach((o, i) => { if (o) covered[i] = 1; });
  let index: MentionIndex | null = null;
  let genders: Map<string, Gender> | null = null;
  let byName: Map<string, Gender> | null = null;
  let quoted: { start: number; end: number }[] | null = null;
  for (let i = 0; i + 1 < toks.length; i++) {
    if (low[i] !== 'the' || owners[i + 1] || covered[i + 1]) continue;
    let h = i + 1;
    // up to two lower-case adjectives: "the young woman", "the little boy"
    for (let a = 0; a < 2 && toks[h + 1] && toks[h].upos === 'ADJ' && /^\p{Ll}+$/u.test(toks[h].text) && toks[h + 1].sentence === toks[i].sentence; a++) h++;
    if (owners[h] || covered[h] || toks[h].sentence !== toks[i].sentence) continue;
    const gender = describedPersonGender(lw(toks[h]));
    if (!gender) continue;
    if (lw(toks[h + 1]) === 'of') continue;
    index ??= new MentionIndex(doc);
    genders ??= knownGenders(doc);
    byName ??= nameGenders(doc);
    const sent = toks[i].sentence;
    const persons = new Set<Entity>();
    // inside a quotation, only the people named inside it ("our condolences are with the man's family," the inspector said)
    quoted ??= findQuoteSpans(doc.text);
    const q = genderedQuoteRule.enabled ? spanAt(quoted, toks[i].start) : -1;
    for (let s = Math.max(0, sent - 2); s <= sent; s++) {
      for (const x of index.bySentence.get(s) ?? []) {
        if (x.e.type !== 'PERSON' || x.m.start >= toks[i].start) continue;
        if (q >= 0 && spanAt(quoted, x.m.start) !== q) { genderedQuoteRule.fired(toks[i].start, toks[h].end); continue; }
        persons.add(x.e);
      }
    }
    let match: Entity | undefined;
    let unknown = false;
    let several = false;
    for (const e of persons) {
      const g = genders.get(e.id) ?? byName.get(e.id);
      if (g !== 'm' && g !== 'f') { unknown = true; break; }
      if (g !== gender) continue;
      if (match) several = true;
      match = e;
    }
    if (unknown || several || !match) continue;
    addMention(doc, match, toks[i].start, toks[h].end, 'nominal', covered, genderedPersonRule.id);
    genderedPersonRule.fired(toks[i].start, toks[h].end);
  }
}
