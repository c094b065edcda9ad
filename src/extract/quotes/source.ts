/**
 * Who is the source of an attribution: found from the structure of the clause around the cue,
 * not from the nearest name.
 *
 *  - the subject of the cue verb, before it ("Hill said") or after it ("said Hill");
 *  - a long apposition or relative clause between subject and cue does not break the link
 *    ("Jessica Caldwell, Edmunds' executive director of industry analysis, said");
 *  - the antecedent of a relative pronoun ("Senator Brandt, who told reporters …");
 *  - the agent of a passive cue ("he was told by Emergencies Minister Zinichev of …");
 *  - the controller of a participle or infinitive ("Pompeo posted a message …, saying …",
 *    "went on to say"), and the subject shared by conjoined verbs ("… and urged");
 *  - never an object or an indirect object ("told AFP", "told reporters"), never a place in
 *    "in an interview with Dawn".
 *
 * The parse is used where it is sure of itself; a surface reading of the words before the cue
 * (noun phrase, apposition skipped between commas, adverbs and auxiliaries skipped) corrects it
 * where the parse hangs a long apposition wrongly.
 *
 * Then the speaker of that phrase: the entity named by its head (a name, or a title and a name:
 * "US Ambassador to the UN Nikki Haley"); the name in apposition to a role noun; the entity
 * coreference gives the phrase; for a statement ("the summary of the decision read"), its author.
 * Pronouns and descriptions coreference left unresolved are resolved here, with gender and
 * number agreement, and the link is recorded on the quote only: coreference's mentions are
 * read, never edited.
 */
import type { Dependents, Doc, Entity, Mention, MentionKind, Token } from '../../doc.js';
import { PRONOUNS, STATEMENT_NOUNS } from '../gazetteer-lists.js';
import { isTitle, lookup, mapOf, possessives, roleOf, set } from '../../lexicon/index.js';
import * as rule from './rules.js';
import { cueOf, type Frame } from './cues.js';
import { countWhile } from '../../sorted.js';
import { groupDescribed, groupNamed, groupNoun } from './groups.js';
import { nationalityCode } from '../roles/describe.js';
import { countryEntity } from '../relations.js';
import { nameByHeadWord } from '../coref/name-heads.js';

/** What the quotes stage knows about the document, built once per run. */
export interface QuoteContext {
  doc: Doc;
  /** entity id per token (a name outranks a nominal or pronoun over the same token) */
  owners: (string | undefined)[];
  /** the kind of the mention that gave the owner */
  ownerKind: (MentionKind | undefined)[];
  /** token inside a direct quotation */
  inside: (i: number) => boolean;
  /** dependents of each token, in order (from the parse) */
  children: Dependents;
  /** gender each person entity is known by (from coreference's pronouns and role nouns) */
  gender: Map<string, 'm' | 'f'>;
  /** pronouns (by offset) this stage gave another speaker than coreference did: no evidence of gender */
  reassigned: Set<number>;
}

export interface SourcePhrase {
  /** token range of the phrase as written, inclusive */
  from: number;
  to: number;
  head: number;
  how: 'subject' | 'inverted' | 'agent' | 'relative' | 'controller' | 'surface' | 'according';
}

export interface Speaker {
  entity: string | null;
  /** the words of a source no entity stands for ("Wall Street analysts", "a senior official") */
  text?: string;
  /** the source phrase as written */
  span?: { start: number; end: number; text: string };
  /** the source is a statement standing for its author, who is not named in it */
  statement?: boolean;
  /** how the entity was reached when not by a name in the phrase */
  via?: 'coreference' | 'agreement' | 'role' | 'author';
  /** the source phrase stands for several: a plural noun ("Residents of the village") or names joined by "and" ("Ana Silva and Tom Berg") */
  group?: boolean;
}

/** Record that a rule decided this answer (at the source phrase's position when it has one) and pass the answer on. */
function fired<T extends { span?: { start: number; end: number } } | { from: number; to: number } | null>(r: { fired(start?: number, end?: number): void }, x: T): T {
  if (x) r.fired();
  return x;
}

export function lw(t: Token | undefined): string {
  return t ? t.text.toLowerCase().replace(/’/g, "'") : '';
}

const RELATIVE = set('function-words', { uses: 'quotes-relative' });
/** Prepositions that take a gerund clause with a subject of its own ("with local media reporting", "despite Znak.com claiming"). */
const ABSOLUTE_PREPS = set('function-words', { uses: 'quotes-absolute' });
const PERSONAL = set('function-words', { uses: 'quotes-pronoun' });
const POSSESSIVE_DET = possessives();
/** Words that may stand between a subject and its verb without ending the subject ("X also said", "X has repeatedly argued"). */
const BETWEEN = /^(?:also|further|later|then|again|repeatedly|publicly|reportedly|previously|earlier|recently|subsequently|already|still|consistently|even|only|privately|separately|has|have|had|will|would|could|did|does|do|was|were|is|are|had|since|both|just|initially|eventually|first)$/;
const PREPOSITIONS = set('function-words', { uses: 'quotes-prep' });

function deprel(t: Token | undefined): string {
  return t?.deprel ?? '';
}

function child(ctx: QuoteContext, i: number, re: RegExp): number {
  for (const c of ctx.children[i]) if (re.test(deprel(ctx.doc.tokens[c])) && !ctx.inside(c)) return c;
  return -1;
}

function isNounish(t: Token): boolean {
  return /^(?:NOUN|PROPN|PRON|NUM)$/.test(t.upos ?? '') || /^(?:NN|PRP|CD)/.test(t.xpos ?? '');
}

function finite(t: Token): boolean {
  return /^(?:VBD|VBZ|VBP|MD)$/.test(t.xpos ?? '');
}

/**
 * The noun phrase a head token heads, as written: the head with its determiners, modifiers,
 * compounds, possessors and a prepositional phrase after it ("a spokesman for the rebel
 * alliance"), never a relative clause or an apposition. Contiguous, inside one sentence.
 */
export function nounPhrase(ctx: QuoteContext, head: number): { from: number; to: number } {
  const toks = ctx.doc.tokens;
  const sent = ctx.doc.sentences[toks[head].sentence];
  let from = head;
  let to = head;
  const inPhrase = (i: number, depth: number): void => {
    for (const c of ctx.children[i]) {
      const d = deprel(toks[c]);
      if (/^(?:det|amod|compound|flat|nmod:poss|nummod|case|nmod:desc|nmod|fixed|goeswith|cc|conj|advmod)/.test(d) && !ctx.inside(c)) {
        if (d.startsWith('conj') && !isNounish(toks[c])) continue;
        // the head's own preposition or conjunction is not part of the phrase ("to police", "and posts")
        if (depth === 0 && /^(?:case|cc)$/.test(d)) continue;
        if (d === 'advmod' && c > head) continue;
        if (d === 'nmod' && c < head) continue;
        if (c < from) from = c;
        if (c > to) to = c;
        if (depth < 6) inPhrase(c, depth + 1);
      }
    }
  };
  inPhrase(head, 0);
  // keep it contiguous and within the sentence: stop at a comma, a quote mark or a verb
  let a = head;
  while (a > from && a - 1 >= sent.tokenStart && !/^[,;:“”"()—–]$/.test(toks[a - 1].text) && toks[a - 1].upos !== 'VERB' && !ctx.inside(a - 1)) a--;
  let b = head;
  for (;;) {
    while (b < to && b + 1 < sent.tokenEnd && !/^[,;:“”"()—–]$/.test(toks[b + 1].text) && toks[b + 1].upos !== 'VERB' && !ctx.inside(b + 1) && !RELATIVE.has(lw(toks[b + 1])) && !(b + 1 > head && timeFollows(ctx, b + 1))) b++;
    // a bracketed abbreviation inside the phrase: "Member of Parliament (MP) Yvette Cooper"
    // (the name after it hangs on the title as an apposition: the phrase runs over it)
    const close = toks[b + 1]?.text === '(' && b + 1 < sent.tokenEnd ? toks.slice(b + 2, Math.min(sent.tokenEnd, b + 5)).findIndex((t) => t.text === ')') : -1;
    if (close < 1 || toks.slice(b + 2, b + 2 + close).some((t) => !/^(?:PROPN|NOUN)$/.test(t.upos ?? ''))) break;
    const after = b + 3 + close;
    if (after >= sent.tokenEnd || toks[after].upos !== 'PROPN' || ctx.inside(after)) break;
    b = after;
    while (b + 1 < sent.tokenEnd && toks[b + 1].upos === 'PROPN' && !ctx.inside(b + 1)) b++;
    to = Math.max(to, b);
  }
  return { from: a, to: b };
}

/**
 * A time expression opens at token i, alone or after its preposition ("on Tuesday", "as of Wednesday"):
 * an adjunct of the clause the parse hung on a noun ("The government of Burundi on Tuesday announced"),
 * no part of a source phrase (quotes.time-adjunct).
 */
function timeFollows(ctx: QuoteContext, i: number): boolean {
  if (!rule.timeAdjunct.enabled) return false;
  const toks = ctx.doc.tokens;
  let k = i;
  while (k < i + 2 && toks[k]?.upos === 'ADP') k++;
  const at = toks[k];
  if (!at || !timeStarts(ctx).has(at.start)) return false;
  rule.timeAdjunct.fired(toks[i].start, at.end);
  return true;
}

const timeStartCache = new WeakMap<QuoteContext, Set<number>>();
function timeStarts(ctx: QuoteContext): Set<number> {
  let set = timeStartCache.get(ctx);
  if (!set) timeStartCache.set(ctx, (set = new Set((ctx.doc.times ?? []).filter((x) => x.type === 'DATE' || x.type === 'TIME').map((x) => x.start))));
  return set;
}

/**
 * The subject read off the words before the cue: skip adverbs and auxiliaries, then an
 * apposition or relative clause set off by commas, then take the noun phrase that ends there.
 */
function surfaceSubject(ctx: QuoteContext, cue: number): (SourcePhrase & { skipped: [number, number] | null; afterAdjunct?: boolean }) | null {
  const toks = ctx.doc.tokens;
  const sent = ctx.doc.sentences[toks[cue].sentence];
  let k = cue - 1;
  // (for a conjoined cue, whose subject the parse may share wrongly, any adverb or auxiliary of the cue itself, not
  // only the listed ones: "… but the Office has now confirmed"; never a word of a name)
  let unlisted = false;
  const between = (j: number): boolean => BETWEEN.test(lw(toks[j])) || (rule.adverbBeforeCue.enabled && deprel(toks[cue]) === 'conj' && /^(?:ADV|AUX)$/.test(toks[j].upos ?? '') && /^(?:advmod|aux)/.test(toks[j].deprel ?? '') && toks[j].head === cue && ctx.ownerKind[j] !== 'name' && !/^W/.test(toks[j].xpos ?? '') && (unlisted = true));
  while (k >= sent.tokenStart && between(k) && !ctx.inside(k)) k--;
  if (unlisted) rule.adverbBeforeCue.fired(toks[k + 1].start, toks[cue].end);
  let skipped: [number, number] | null = null;
  if (k > sent.tokenStart && toks[k].text === ',' && !ctx.inside(k)) {
    // ", APPOSITION ," — find the opening comma; the segment holds no finite verb of its own
    // unless it is a relative clause ("who told reporters …") or a participle ("speaking to BBC")
    for (let j = k - 1; j > Math.max(sent.tokenStart, k - 30); j--) {
      if (ctx.inside(j) && !ctx.inside(k - 1)) break;
      if (toks[j].text === ',' && !ctx.inside(j)) {
        const seg = toks.slice(j + 1, k);
        const relative = seg.length > 0 && (RELATIVE.has(lw(seg[0])) || lw(seg[0]) === 'whose');
        const participle = seg.length > 0 && /^VB[GN]$/.test(seg[0].xpos ?? '');
        const verbless = !seg.some((t) => finite(t) && !ctx.inside(t.i));
        if (relative || participle || verbless) { skipped = [j, k]; k = j - 1; }
        break;
      }
      if (/^[;:.!?]$/.test(toks[j].text)) break;
    }
    if (!skipped) return null;
  }
  // "the Syrian Democratic Forces (SDF) announced": the bracket belongs to the phrase
  if (k > sent.tokenStart && toks[k].text === ')' && !ctx.inside(k)) {
    let j = k - 1;
    while (j > Math.max(sent.tokenStart, k - 8) && toks[j].text !== '(') j--;
    if (toks[j].text === '(') k = j - 1;
  }
  const nameApposition = skipped && nameSegment(ctx, skipped[0] + 1, skipped[1] - 1) ? { from: skipped[0] + 1, to: skipped[1] - 1 } : null;
  // (a word of a name the tagger took for an adverb or a verb is still a name: "Huang | went on to call")
  const mistaggedName = (j: number): boolean => rule.mistaggedNameSubject.enabled && j >= sent.tokenStart && ctx.ownerKind[j] === 'name' && !isNounish(toks[j]) && /^\p{Lu}/u.test(toks[j].text);
  if (k >= sent.tokenStart && mistaggedName(k) && !ctx.inside(k)) rule.mistaggedNameSubject.fired(toks[k].start, toks[k].end);
  if (k < sent.tokenStart || ctx.inside(k) || (!isNounish(toks[k]) && !mistaggedName(k)) || /^[“”"]$/.test(toks[k].text)) {
    return nameApposition ? { ...nameApposition, head: phraseHead(ctx, nameApposition.from, nameApposition.to), how: 'surface', skipped: null } : null;
  }
  const end = k;
  // walk left over the noun phrase: nouns, names, adjectives, determiners, possessives, and a
  // prepositional phrase inside a title ("Former US Ambassador to the United Nations Nikki Haley")
  let from = end;
  for (let j = end - 1; j >= sent.tokenStart && end - j < 14; j--) {
    const t = toks[j];
    if (ctx.inside(j)) break;
    const u = t.upos ?? '';
    if (/^(?:NOUN|PROPN|ADJ|DET|NUM)$/.test(u) || mistaggedName(j) || POSSESSIVE_DET.has(lw(t)) || /^['’]s?$/.test(t.text) || t.text === '-' || t.text === '.' || (t.deprel === 'amod' && t.xpos === 'VBN')) { from = j; continue; }
    if (u === 'ADP' && PREPOSITIONS.has(lw(t)) && j > sent.tokenStart && /^(?:NOUN|PROPN)$/.test(toks[j - 1].upos ?? '')) { from = j; continue; }
    if (u === 'CCONJ' && lw(t) === 'and' && j > sent.tokenStart && toks[j - 1].upos === 'PROPN' && toks[j + 1]?.upos === 'PROPN') { from = j; continue; }
    break;
  }
  // a phrase cannot start with a preposition or a conjunction
  while (from < end && /^(?:ADP|CCONJ)$/.test(toks[from].upos ?? '')) from++;
  // a phrase right after a verb or preposition is its object, not a subject ("the judge presiding over the case, X, said")
  const prev = toks[from - 1];
  // (after a cue that takes a clause, a phrase before a finite cue is the subject of the reported clause:
  // "Znak.com reported its source said that …")
  const embedded = rule.embeddedSubject.enabled && prev !== undefined && !!cueOf(prev)?.frames.has('clause') && finite(toks[cue]);
  const objectLike = prev !== undefined && from > sent.tokenStart && (/^(?:VERB|ADP)$/.test(prev.upos ?? '') || /^VB/.test(prev.xpos ?? '')) && !embedded;
  if (embedded && (/^(?:VERB)$/.test(prev.upos ?? '') || /^VB/.test(prev.xpos ?? ''))) rule.embeddedSubject.fired(toks[from].start, toks[end].end);
  // "X, NAME, said": the name in apposition names the speaker when X names nobody
  if (skipped && nameSegment(ctx, skipped[0] + 1, skipped[1] - 1) && !namedPhrase(ctx, from, end)) {
    const a = skipped[0] + 1;
    const b = skipped[1] - 1;
    return { from: a, to: b, head: phraseHead(ctx, a, b), how: 'surface', skipped: null };
  }
  if (objectLike) {
    // a fronted phrase with no comma before a name: "At a press conference Health Minister Ana Ruiz later
    // said" — the name (with the title words right before it) is the subject, the phrase before it an adjunct
    // (only a name right before the cue, after a prepositional phrase opening its clause: not a name
    // before an apposition, "… Minister under Jean Chrétien, Stéphane Dion, said")
    let open = from;
    while (open > sent.tokenStart && !/^[,;:“”"()—–]$/.test(toks[open - 1].text)) open--;
    const named = rule.nameAfterAdjunct.enabled && !skipped && toks[open].upos === 'ADP' ? nameAfterAdjunct(ctx, from, end) : -1;
    if (named < 0) return null;
    return { from: named, to: end, head: phraseHead(ctx, named, end), how: 'surface', skipped, afterAdjunct: true };
  }
  return { from, to: end, head: phraseHead(ctx, from, end), how: 'surface', skipped };
}

/**
 * Where the subject starts when a phrase read off the words ends on a person's or organisation's name
 * but opens on an adjunct ("At a press conference Health Minister Ana Ruiz"): the name's first word, or
 * the title and role words written right before it. -1 when the phrase does not end on such a name.
 */
function nameAfterAdjunct(ctx: QuoteContext, from: number, end: number): number {
  const toks = ctx.doc.tokens;
  const o = ctx.owners[end];
  if (!o || ctx.ownerKind[end] !== 'name') return -1;
  const type = ctx.doc.entityById(o)?.type;
  if (type !== 'PERSON' && type !== 'ORG') return -1;
  let a = end;
  while (a - 1 > from && ctx.owners[a - 1] === o && ctx.ownerKind[a - 1] === 'name') a--;
  if (a <= from) return -1;
  while (a - 1 > from && (roleOf(lw(toks[a - 1])) || isTitle(toks[a - 1].text)) && ctx.owners[a - 1] === undefined) a--;
  // (and the capitalised words of the title: "Health Minister")
  while (a - 1 > from && toks[a - 1].upos === 'PROPN' && ctx.owners[a - 1] === undefined && (roleOf(lw(toks[a])) || isTitle(toks[a].text))) a--;
  return a;
}

/** Tokens a..b are one name (of a person or organisation) and nothing else. */
function nameSegment(ctx: QuoteContext, a: number, b: number): boolean {
  if (b < a) return false;
  const o = ctx.owners[a];
  if (!o || ctx.ownerKind[a] !== 'name' || speakerRank(ctx.doc, o) < 2) return false;
  for (let j = a; j <= b; j++) if (ctx.owners[j] !== o && !/^[(),]$/.test(ctx.doc.tokens[j].text) && !(ctx.doc.tokens[j].upos === 'DET')) return false;
  return true;
}

/** A phrase of proper nouns only, capitalised, that the name finder did not take ("Airfleets"). */
function properRun(ctx: QuoteContext, a: number, b: number): boolean {
  for (let j = a; j <= b; j++) if (ctx.doc.tokens[j].upos !== 'PROPN' || !/^\p{Lu}/u.test(ctx.doc.tokens[j].text) || ctx.owners[j]) return false;
  return b >= a;
}

/** Some token of the phrase belongs to a named person or organisation (not as a possessor). */
function namedPhrase(ctx: QuoteContext, a: number, b: number): boolean {
  for (let j = a; j <= b; j++) {
    const o = ctx.owners[j];
    if (o && ctx.ownerKind[j] === 'name' && speakerRank(ctx.doc, o) >= 2 && !isPossessor(ctx, j)) return true;
  }
  return false;
}

/**
 * The head of a phrase read off the words: a person named at its end ("… Ambassador to the United
 * Nations Nikki Haley"); else the noun before its first preposition ("a report from ABC
 * Australia", "Doug Collins of Georgia"); else the last word.
 */
function phraseHead(ctx: QuoteContext, from: number, to: number): number {
  const toks = ctx.doc.tokens;
  const last = ctx.owners[to];
  if (last && ctx.doc.entityById(last)?.type === 'PERSON' && ctx.ownerKind[to] === 'name') return to;
  for (let j = from + 1; j < to; j++) if (toks[j].upos === 'ADP' && PREPOSITIONS.has(lw(toks[j]))) return j - 1;
  return to;
}

/** A passive cue that still attributes something: its subject was spoken to, or a clause or complement follows it. */
function passiveAttributes(ctx: QuoteContext, cue: number): boolean {
  const frames = cueOf(ctx.doc.tokens[cue])?.frames;
  if (frames && ['addressee', 'as', 'of', 'to', 'name'].some((f) => frames.has(f as Frame))) return true;
  // "Her death was announced by the Brady Campaign": what it is said of is its subject (quotes.passive-content)
  if (frames?.has('object') && rule.passiveContent.enabled && ctx.children[cue].some((c) => deprel(ctx.doc.tokens[c]) === 'nsubj:pass' && c < cue && ctx.doc.tokens[c].upos !== 'PRON')) return true;
  return ctx.children[cue].some((c) => /^(?:ccomp|xcomp)$/.test(deprel(ctx.doc.tokens[c])) || (deprel(ctx.doc.tokens[c]) === 'advcl' && ctx.children[c].some((x) => lw(ctx.doc.tokens[x]) === 'that')));
}

/**
 * "The paper quoted Ana Ruiz, a veteran of the port, as saying …", "It cited the Air Force as stating …":
 * a gerund cue marked by "as" is a secondary predicate of the object, so the object is its speaker. The
 * parse hangs the participle on the verb (the object is then the verb's obj) or on the object itself or
 * an apposition to it (the speaker is then the nominal the apposition describes). The object's index, or -1.
 */
function objectOfAsParticiple(ctx: QuoteContext, cue: number): number {
  const toks = ctx.doc.tokens;
  const t = toks[cue];
  if (t.xpos !== 'VBG' || !/^(?:advcl|acl|xcomp)$/.test(deprel(t)) || t.head === undefined || t.head < 0) return -1;
  const as = child(ctx, cue, /^mark$/);
  if (as < 0 || lw(toks[as]) !== 'as' || as > cue) return -1;
  let h = t.head;
  if (toks[h].upos === 'VERB') {
    const obj = ctx.children[h].find((c) => deprel(toks[c]) === 'obj' && c < as && isNounish(toks[c]));
    return obj === undefined ? -1 : obj;
  }
  if (!isNounish(toks[h])) return -1;
  // the participle hung on the object, or on an apposition describing it
  if (deprel(toks[h]) === 'appos' && (toks[h].head ?? -1) >= 0) h = toks[h].head!;
  return deprel(toks[h]) === 'obj' && (toks[h].head ?? -1) >= 0 && toks[toks[h].head!].upos === 'VERB' ? h : -1;
}

/**
 * "no deaths were reported, with local media reporting no-one was in the houses": a gerund cue after "with"
 * (or "despite", "amid", "without": quotes.preposition-absolute) and a noun phrase of its own is said by that phrase, not by the controller (the parse may hang the
 * phrase on the gerund as a compound or subject, or on "with"). The phrase, or null.
 */
function withSubject(ctx: QuoteContext, cue: number): SourcePhrase | null {
  const toks = ctx.doc.tokens;
  const sentStart = ctx.doc.sentences[toks[cue].sentence].tokenStart;
  let w = cue - 1;
  while (w > sentStart && w > cue - 7 && !ABSOLUTE_PREPS.has(lw(toks[w])) && !/^[,;:.!?"“”()]$/.test(toks[w].text)) w--;
  if (!ABSOLUTE_PREPS.has(lw(toks[w])) || w + 1 >= cue) return null;
  // "with" is quotes.with-absolute's; the other prepositions ("despite Znak.com claiming") quotes.preposition-absolute's
  if (!(lw(toks[w]) === 'with' ? rule.withAbsolute : rule.prepositionAbsolute).enabled) return null;
  const from = w + 1;
  const to = cue - 1;
  const nouns = toks.slice(from, cue).filter((x) => isNounish(x));
  if (!nouns.length || toks.slice(from, cue).some((x) => finite(x) || x.upos === 'ADP')) return null;
  return { from, to, head: phraseHead(ctx, from, to), how: 'subject' };
}

/**
 * A cue conjoined to a clause that cannot lend it a subject belongs to that clause's governor: a reported
 * clause with a subject of its own, active or passive ("warned that camps were full and said …", "upon
 * hearing her son had been convicted and said …"), or an existential clause, whose subject is no actor
 * ("did not mention if there were casualties, but said …").
 */
function reportedClauseConjunct(ctx: QuoteContext, h: number): boolean {
  const d = deprel(ctx.doc.tokens[h]);
  if (d === 'ccomp' && child(ctx, h, /^nsubj(?::pass)?$/) >= 0) return true;
  return /^(?:ccomp|advcl)$/.test(d) && child(ctx, h, /^expl$/) >= 0;
}

/**
 * "between Giuliani, claiming to represent the State Department, and Andriy Yermak": a gerund cue right after a comma
 * that follows a person's or body's name, whose words close on a comma followed by "and"/"or" and a noun phrase, is an
 * aside on that name inside a list of noun phrases. The name's head token, or -1.
 */
function parentheticalOnName(ctx: QuoteContext, cue: number): number {
  const toks = ctx.doc.tokens;
  const sent = toks[cue].sentence;
  const before = cue - 2;
  if (before < 0 || toks[cue - 1].text !== ',' || toks[before].sentence !== sent || ctx.inside(cue)) return -1;
  const o = ctx.owners[before];
  if (!o || ctx.ownerKind[before] !== 'name' || !/^(?:PERSON|ORG)$/.test(ctx.doc.entityById(o)?.type ?? '')) return -1;
  // the name is no subject of a verb: it stands in a list or a prepositional phrase
  let head = before;
  while (head > 0 && ctx.owners[head - 1] === o) head--;
  for (let k = head; k <= before; k++) if (/^nsubj/.test(deprel(toks[k]))) return -1;
  // the aside's closing comma (no quotation marks, no other comma, no finite verb inside), then "and"/"or" and a noun phrase
  let e = cue + 1;
  while (e < toks.length && e < cue + 20 && toks[e].sentence === sent && toks[e].text !== ',' && !/^[“”"()—–;:]$/.test(toks[e].text) && !finite(toks[e])) e++;
  if (toks[e]?.text !== ',' || toks[e].sentence !== sent) return -1;
  const conj = toks[e + 1];
  const next = toks[e + 2];
  if (!conj || !next || conj.sentence !== sent || !/^(?:and|or)$/.test(lw(conj)) || !/^(?:DET|PROPN|NOUN|ADJ|NUM)$/.test(next.upos ?? '')) return -1;
  // (the name's own head in the parse, so that its phrase takes in all of it)
  for (let k = head; k <= before; k++) { const h = toks[k].head ?? -1; if (h < head || h > before) return k; }
  return before;
}

/** A past participle with no auxiliary of its own ("a manifesto written by …"): the noun it modifies is its object. */
function passiveParticiple(ctx: QuoteContext, cue: number): boolean {
  return ctx.doc.tokens[cue].xpos === 'VBN' && child(ctx, cue, /^aux/) < 0;
}

/** The source phrase of a cue verb (token index), or null. */
export function sourceOfCue(ctx: QuoteContext, cue: number, depth = 0): SourcePhrase | null {
  const toks = ctx.doc.tokens;
  const t = toks[cue];
  if (t.deprel === undefined) return surfaceSubject(ctx, cue) ?? invertedSurface(ctx, cue);
  const phrase = (head: number, how: SourcePhrase['how']): SourcePhrase => ({ ...nounPhrase(ctx, head), head, how });
  // a passive cue names its source in the by-phrase: "he was told by Emergencies Minister Zinichev"
  // (only where the passive still attributes: its subject was spoken to, or a clause or complement
  // follows — "was told by X that …", "was described by X as …"; "a manifesto written by the
  // suspect" names an author, not a speaker)
  const attributes = rule.passiveAgent.enabled && passiveAttributes(ctx, cue);
  const agent = attributes ? child(ctx, cue, /^obl:agent$/) : -1;
  if (agent >= 0) return fired(rule.passiveAgent, phrase(agent, 'agent'));
  if (attributes && child(ctx, cue, /^aux:pass$/) >= 0) {
    for (const c of ctx.children[cue]) {
      if (deprel(toks[c]) === 'obl' && ctx.children[c].some((x) => lw(toks[x]) === 'by')) return fired(rule.passiveAgent, phrase(c, 'agent'));
    }
  }
  // (a date the parse took for a second subject is an adjunct: "The port authority on Tuesday said")
  // (a name the tagger took for a gerund, "Boeing did not release", is a nominal subject however it was parsed)
  // (a passive verb controlling a participle cue controls it through its passive subject: "she was captured
  // on video saying", "He was heard shouting" — not for the cue itself, whose passive subject was spoken to)
  const passiveController = depth > 0 && rule.passiveController.enabled && child(ctx, cue, /^obl:agent$/) < 0;
  const nominal = (c: number): boolean => deprel(toks[c]) === 'nsubj' || (passiveController && deprel(toks[c]) === 'nsubj:pass' && canSpeak(ctx, c)) || (rule.oneSubject.enabled && deprel(toks[c]) === 'csubj' && ctx.ownerKind[c] === 'name' && !ctx.children[c].length);
  const subjects = ctx.children[cue].filter((c) => nominal(c) && !ctx.inside(c) && !(c > 0 && timeFollows(ctx, c) && ctx.children[cue].some((o) => o < c && deprel(toks[o]) === 'nsubj')));
  if (passiveController && subjects.some((c) => deprel(toks[c]) === 'nsubj:pass')) rule.passiveController.fired(t.start, t.end);
  const read = surfaceSubject(ctx, cue);
  // (a name read after a fronted adjunct serves only a cue the parse gave no subject and no controller)
  const surface = read?.afterAdjunct && (subjects.length || (t.head !== undefined && t.head >= 0)) ? null : read?.afterAdjunct ? fired(rule.nameAfterAdjunct, read) : read;
  if (subjects.length) {
    const subj = subjects[0];
    // "with a spokesperson for them saying": the parse made "for them" the participle's own subject ("for X to …"); the role
    // noun before "for" speaks, with its phrase
    const role = subj - 2;
    if (rule.participleOnRolePhrase.enabled && t.xpos === 'VBG' && role >= 0 && lw(toks[subj - 1]) === 'for' && toks[subj - 1].head === cue && toks[role].upos === 'NOUN' && roleOf(lw(toks[role])) && !ctx.inside(role)) {
      return fired(rule.participleOnRolePhrase, { ...nounPhrase(ctx, role), to: subj, head: role, how: 'controller' });
    }
    if (rule.relativeClauseCue.enabled && RELATIVE.has(lw(toks[subj])) && subj < cue) {
      if (/^acl/.test(deprel(t)) && t.head !== undefined && t.head >= 0 && t.head < subj) return fired(rule.relativeClauseCue, phrase(t.head, 'relative'));
      // a relative clause the parse hung on a participle that modifies a noun belongs to that noun, not to
      // the adjunct closing the participle ("a BBC report released on Wednesday that claimed …": not Wednesday)
      const p = t.head ?? -1;
      if (rule.relativeOnParticiple.enabled && /^(?:acl:relcl|advcl:relcl|ccomp)$/.test(deprel(t)) && p >= 0 && p < subj && toks[p].xpos === 'VBN' && deprel(toks[p]) === 'acl') {
        const n = toks[p].head ?? -1;
        if (n >= 0 && n < p && isNounish(toks[n]) && !toks.slice(p, subj).some((x) => x.text === ',' || finite(x))) return fired(rule.relativeOnParticiple, phrase(n, 'relative'));
      }
      // the parse did not hang the clause on its antecedent: the noun phrase before ", who"
      const ante = antecedentBefore(ctx, subj);
      if (ante) return fired(rule.relativeClauseCue, ante);
    }
    // a subject the parse found in a fronted clause ("While in New York City …, President Zelensky told")
    if (surface && !surface.skipped && subj < surface.from && toks.slice(subj, surface.from).some((x) => x.text === ',') && namedPhrase(ctx, surface.from, surface.to)) return surface;
    // "Airfleets, a database detailing …, states", '"…," Jessica Caldwell, Edmunds' executive director …, said': the parse
    // took a noun of the apposition for the subject; the name before it, read off the words, is the subject (the
    // apposition naming no one itself, a possessor aside)
    // (the name opens its clause: the sentence, a quotation or a comma before it, not "researchers from GT and | University …")
    const opens = (j: number): boolean => j < 0 || toks[j].sentence !== toks[cue].sentence || /^[,“”"—–(]$/.test(toks[j].text);
    if (rule.nameBeforeApposition.enabled && surface && surface.how === 'surface' && surface.skipped && !surface.afterAdjunct && opens(surface.from - 1) && subj > surface.skipped[0] && subj < surface.skipped[1] && (namedPhrase(ctx, surface.from, surface.to) || properRun(ctx, surface.from, surface.to)) && !namedPhrase(ctx, surface.skipped[0] + 1, surface.skipped[1] - 1)) {
      return fired(rule.nameBeforeApposition, surface);
    }
    // one phrase split into two subjects ("Mexico's Foreign Secretary Marcelo Ebrard said",
    // "Conservative MP Philip Hammond commented"): one phrase, its head read off the words
    const before = subjects.filter((c) => c < cue);
    if (before.length > 1) {
      const a = Math.min(...before.map((c) => nounPhrase(ctx, c).from));
      const b = Math.max(...before.map((c) => nounPhrase(ctx, c).to));
      // not two clauses: "The initial reports were of drone attacks, but the Saudi government said"
      const split = toks.slice(a, b + 1).some((x, k) => finite(x) || (x.text === ',' && toks[a + k + 1]?.upos === 'CCONJ'));
      if (!split) return { from: a, to: b, head: phraseHead(ctx, a, b), how: 'subject' };
      const last = Math.max(...before);
      return phrase(last, 'subject');
    }
    // '"…," said study co-author Professor Carl Lipo of …' — the parse made a word before the name the subject
    if (subj > cue) {
      const name = invertedName(ctx, cue);
      if (name && ctx.owners[subj] !== ctx.owners[name.head]) return fired(rule.invertedName, name);
    }
    // a date the parse made the subject's head, the speaking noun phrase hung on it ("Several hundred business leaders
    // | Tuesday announced": "leaders" nmod:desc of "Tuesday"): the noun phrase is the subject, the date an adjunct
    if (subj < cue && rule.timeAdjunct.enabled && timeStarts(ctx).has(toks[subj].start)) {
      // (or hung on the cue as an adjunct with no preposition of its own: "Dozens of doctors | Wednesday warned")
      const nominalBefore = (c: number): boolean => c < subj && /^(?:NOUN|PROPN)$/.test(toks[c].upos ?? '') && !ctx.children[c].some((x) => deprel(toks[x]) === 'case');
      const n = ctx.children[subj].filter((c) => nominalBefore(c) && /^(?:nmod:desc|compound|nmod|nsubj|appos)$/.test(deprel(toks[c]))).pop()
        ?? ctx.children[cue].filter((c) => nominalBefore(c) && /^(?:obl|obl:unmarked|nmod|dep|obj)$/.test(deprel(toks[c])) && nounPhrase(ctx, c).to === subj - 1).pop();
      if (n !== undefined && nounPhrase(ctx, n).to < subj) {
        rule.timeAdjunct.fired(toks[subj].start, toks[subj].end);
        return phrase(n, 'subject');
      }
    }
    return phrase(subj, subj > cue ? 'inverted' : 'subject');
  }
  if (surface?.how === 'surface' && !surface.skipped && nameSegment(ctx, surface.from, surface.to)) return surface;
  // a subject written right before the cue outranks one shared through a conjunction the parse
  // may have drawn wrongly ("…," Rosa Lindgren, Marketview's director …, said": "said" hung on the quote)
  if (surface && deprel(t) === 'conj') return surface;
  // a participle set off by commas inside a coordination of noun phrases is said by the name before it: "a meeting
  // between Giuliani, claiming to represent the State Department, and Andriy Yermak" (not "Police arrested Tom Blake,
  // claiming he had stolen a car, and took him away": a verb after "and" closes a clause, not a noun phrase)
  if (rule.parentheticalParticiple.enabled && t.xpos === 'VBG' && !finite(t)) {
    const named = parentheticalOnName(ctx, cue);
    if (named >= 0) return fired(rule.parentheticalParticiple, phrase(named, 'controller'));
  }
  // a participle cue right after a comma that closes a cue's clause shares that cue's subject, however
  // the parse hung it ("…," Nasheed said, adding that he hopes his plan …: "adding" hung on "serve");
  // a participle opening the sentence shares the main clause's ("Announcing that …, Obama said")
  if (rule.participleAfterCue.enabled && depth < 4 && t.xpos === 'VBG' && !finite(t)) {
    const shared = participleController(ctx, cue);
    if (shared >= 0) return fired(rule.participleAfterCue, sourceOfCue(ctx, shared, depth + 1));
  }
  // a conjoined cue the parse hung inside the clause (or quotation) an earlier cue reports shares that
  // cue's subject ("He added that Zuma did not "appreciate … culture" and claimed that …")
  if (rule.conjunctInReport.enabled && depth < 4 && deprel(t) === 'conj' && (t.head ?? -1) >= 0) {
    const over = reportingCueOver(ctx, t.head!, cue);
    if (over >= 0) return fired(rule.conjunctInReport, sourceOfCue(ctx, over, depth + 1));
  }
  if (rule.controllerSubject.enabled && depth < 4 && t.head !== undefined && t.head >= 0 && !ctx.inside(t.head)) {
    const d = deprel(t);
    let h = t.head;
    // conjoined verbs share the subject: "… and urged vigilant locals …"; the parse may hang the
    // conjunct on an adverb ("however, and vowed") or on the reported clause of the first cue
    // ("warned that camps were full and said …"): the subject is then the first cue's
    if (d === 'conj') {
      if (deprel(toks[h]) === 'advmod' && !/^(?:VERB|AUX)$/.test(toks[h].upos ?? '')) h = toks[h].head ?? -1;
      if (h >= 0 && (toks[h].head ?? -1) >= 0 && reportedClauseConjunct(ctx, h)) return fired(rule.controllerSubject, sourceOfCue(ctx, toks[h].head!, depth + 1));
      if (h >= 0) return fired(rule.controllerSubject, sourceOfCue(ctx, h, depth + 1));
    }
    const head = toks[t.head];
    // "…, with local media reporting …": an absolute construction names its own subject after "with"
    if ((rule.withAbsolute.enabled || rule.prepositionAbsolute.enabled) && t.xpos === 'VBG') {
      const own = withSubject(ctx, cue);
      if (own) { (lw(toks[own.from - 1]) === 'with' ? rule.withAbsolute : rule.prepositionAbsolute).fired(toks[own.from].start, t.end); return own; }
    }
    // "quoted X as saying", "cited X as stating": the participle after "as" is said by the object
    const asObject = rule.quotedAsSaying.enabled ? objectOfAsParticiple(ctx, cue) : -1;
    if (asObject >= 0) { rule.quotedAsSaying.fired(toks[asObject].start, t.end); return phrase(asObject, 'controller'); }
    // a participle set off by a comma is a free adjunct of its clause: hung on a noun inside a prepositional phrase,
    // on a thing, or on the predicate of a thing's clause that a cue reports, it is said by the subject further up
    // ("gave the address on the opening night, urging …", "said the trial would not be fair, saying …")
    // (on a noun, after quotes.participle-on-thing below)
    const freeAdjunct = (): SourcePhrase | null => {
      if (!rule.freeAdjunct.enabled || t.xpos !== 'VBG') return null;
      const up = freeAdjunctController(ctx, cue);
      const src = up >= 0 ? sourceOfCue(ctx, up, depth + 1) : null;
      return src && subjectMaySpeak(ctx, src.head) ? fired(rule.freeAdjunct, src) : null;
    };
    const onPredicate = isNounish(head) ? null : freeAdjunct();
    if (onPredicate) return onPredicate;
    // a participle or infinitive takes its controller's subject: "…, saying", "went on to say"
    if (/^(?:advcl|xcomp|dep)$/.test(d) && !finite(t) && /^(?:VERB|AUX)$/.test(head.upos ?? '')) return fired(rule.controllerSubject, sourceOfCue(ctx, t.head, depth + 1));
    // a perfect split over a parenthesis: the cue hung on "have" as an open complement takes its subject
    // ("Analysts have, however, suggested …", the cue tagged a past form)
    if (d === 'xcomp' && finite(t) && rule.xcompController.enabled && /^(?:VERB|AUX)$/.test(head.upos ?? '') && /^(?:have|has|had)$/.test(lw(head))) {
      const src = sourceOfCue(ctx, t.head, depth + 1);
      if (src) { rule.xcompController.fired(t.start, t.end); return src; }
    }
    // … and so does a gerund the parse took for the verb's clausal complement ("she said no, explaining that …")
    if (d === 'ccomp' && t.xpos === 'VBG' && /^(?:VERB|AUX)$/.test(head.upos ?? '')) return fired(rule.controllerSubject, sourceOfCue(ctx, t.head, depth + 1));
    // … and so does one on an adjective predicate: "The United States was quick to blame Iran",
    // "was more forceful in blaming"
    if (rule.adjectiveController.enabled && /^(?:advcl|xcomp)$/.test(d) && !finite(t) && head.upos === 'ADJ' && child(ctx, t.head, /^cop$/) >= 0 && child(ctx, t.head, /^nsubj$/) >= 0) return fired(rule.adjectiveController, sourceOfCue(ctx, t.head, depth + 1));
    // … or on an adverb of the verb: "One of them even went as far as to say"
    const verbOver = head.head ?? -1;
    if (rule.adjectiveController.enabled && /^(?:advcl|xcomp)$/.test(d) && !finite(t) && head.upos === 'ADV' && deprel(head) === 'advmod' && verbOver >= 0 && toks[verbOver].upos === 'VERB') return fired(rule.adjectiveController, sourceOfCue(ctx, verbOver, depth + 1));
    // a participle on a noun: "a motion claiming …", "a protester using the pseudonym Katya"
    // (not a passive participle: "the manifesto, if written by the suspect" is what was written, not who wrote)
    // (hung on a noun inside a statement's prepositional phrase, it is the statement's: "signed a letter to
    // the Cardinal and the Campaign for Human Development expressing …" — the letter expresses, not the Campaign)
    if (/^acl$/.test(d) && isNounish(head) && !passiveParticiple(ctx, cue) && rule.statementParticiple.enabled) {
      const doc = statementOver(ctx, t.head);
      if (doc >= 0) return fired(rule.statementParticiple, phrase(doc, 'controller'));
    }
    // (a participle the parse hung on a thing, inside what the clause is about, is the clause's: "X stood by the
    // claim that the trucks were mobile labs, saying …" — the labs say nothing; X does)
    if (/^acl$/.test(d) && isNounish(head) && !passiveParticiple(ctx, cue) && t.xpos === 'VBG' && rule.participleOnThing.enabled && !maySpeak(ctx, t.head)) {
      const over = speakingController(ctx, t.head);
      if (over >= 0) return fired(rule.participleOnThing, phrase(over, 'controller'));
    }
    const onNoun = isNounish(head) ? freeAdjunct() : null;
    if (onNoun) return onNoun;
    if (/^acl$/.test(d) && isNounish(head) && !passiveParticiple(ctx, cue)) return fired(rule.controllerSubject, phrase(t.head, 'controller'));
    if (/^(?:advcl|xcomp)$/.test(d) && !finite(t) && isNounish(head)) return fired(rule.controllerSubject, phrase(t.head, 'controller'));
  }
  return surface ?? invertedSurface(ctx, cue) ?? fired(rule.invertedName, invertedName(ctx, cue));
}

/**
 * '"…," said lead author Professor Ana Ruiz of the University of Leeds': after a cue set right after a quotation
 * or its comma, a person's name opening the words after the cue — behind role words and titles only, no preposition,
 * verb or punctuation before it, and not a possessor ("said Ruiz's spokesman …") — is the inverted subject, whatever
 * the parse made of the role words (an object, a subject of their own) and however long the adjunct after it runs.
 */
function invertedName(ctx: QuoteContext, cue: number): SourcePhrase | null {
  if (!rule.invertedName.enabled || !rule.invertedSubject.enabled) return null;
  const toks = ctx.doc.tokens;
  const sent = ctx.doc.sentences[toks[cue].sentence];
  const before = toks[cue - 1];
  if (!before || !/^[,”"]$/.test(before.text) || toks[cue].xpos === 'VBG' || ctx.inside(cue)) return null;
  for (let k = cue + 1; k < sent.tokenEnd && k - cue <= 6; k++) {
    const t = toks[k];
    if (ctx.inside(k) || /^[,;:.!?“”"()—–]$/.test(t.text) || PREPOSITIONS.has(lw(t)) || /^(?:VERB|AUX|PRON|ADP|CCONJ|SCONJ|PART)$/.test(t.upos ?? '')) return null;
    const o = ctx.owners[k];
    if (!o || ctx.ownerKind[k] !== 'name' || ctx.doc.entityById(o)?.type !== 'PERSON') continue;
    let end = k;
    while (end + 1 < sent.tokenEnd && ctx.owners[end + 1] === o && !ctx.inside(end + 1)) end++;
    if (/^['’]s?$/.test(toks[end + 1]?.text ?? '')) return null;
    return { from: cue + 1, to: end, head: end, how: 'inverted' };
  }
  return null;
}

/**
 * The verb whose subject a participle cue right after a comma shares when the parse hung it too low: on a noun inside a
 * prepositional phrase ("… fewer delegates than Governor Dent, saying"), on a noun that cannot speak ("on the opening
 * night, urging"), or on the predicate of a clause whose subject cannot speak ("said the trial would not be fair,
 * saying"). Climbs the heads in the sentence, outside quotation marks, to the first predicate whose subject may speak,
 * passing only out of reported, adverbial or conjoined clauses. Not for a statement or document noun on the way (its
 * participle is the statement's: quotes.statement-participle), nor a noun that may speak and is no object of a
 * preposition ("arrested the man, claiming" stays the parse's). The verb's index, or -1.
 */
function freeAdjunctController(ctx: QuoteContext, cue: number): number {
  const toks = ctx.doc.tokens;
  const t = toks[cue];
  const head = t.head ?? -1;
  if (head < 0 || head > cue || cue === 0 || toks[cue - 1].text !== ',' || ctx.inside(cue - 1) || finite(t)) return -1;
  const noun = isNounish(toks[head]);
  if (noun && maySpeak(ctx, head) && !inPrepositionalPhrase(ctx, head)) return -1;
  let k = head;
  for (let n = 0; n < 10; n++) {
    if (k < 0 || toks[k].sentence !== t.sentence || ctx.inside(k)) return -1;
    const x = toks[k];
    if (isNounish(x) && (STATEMENT_NOUNS.has(lw(x)) || DOCUMENT_NOUNS.has(lw(x)))) return -1;
    // (a predicate: a verb, or an adjective with a copula or subject of its own — not "fewer" in "fewer votes than")
    if (/^(?:VERB|AUX)$/.test(x.upos ?? '') || (x.upos === 'ADJ' && child(ctx, k, /^(?:cop|nsubj)$/) >= 0)) {
      const subj = ctx.children[k].find((c) => /^nsubj/.test(deprel(toks[c])) && !ctx.inside(c));
      if (subj !== undefined) {
        if (subjectMaySpeak(ctx, subj)) return k === head ? -1 : k;
        if (!/^(?:ccomp|advcl|conj|xcomp)$/.test(deprel(x))) return -1;
      } else if (k !== head && !/^(?:advcl|xcomp|conj|ccomp|acl)$/.test(deprel(x))) return -1;
    }
    k = x.head ?? -1;
  }
  return -1;
}

/** A subject that may speak, itself or through a name in apposition or joined to its head ("Former First Lady | Michelle Obama"). */
function subjectMaySpeak(ctx: QuoteContext, subj: number): boolean {
  return maySpeak(ctx, subj) || ctx.children[subj].some((c) => /^(?:appos|flat)$/.test(deprel(ctx.doc.tokens[c])) && !ctx.inside(c) && maySpeak(ctx, c));
}

/** A noun that is, or hangs through names and compounds on, the object of a preposition ("than | former Governor Paul Dent"). */
function inPrepositionalPhrase(ctx: QuoteContext, noun: number): boolean {
  const toks = ctx.doc.tokens;
  let k = noun;
  for (let n = 0; n < 5 && k >= 0; n++) {
    if (ctx.children[k].some((c) => deprel(toks[c]) === 'case')) return true;
    if (/^(?:obl|nmod)(?::|$)/.test(deprel(toks[k])) && deprel(toks[k]) !== 'nmod:poss' && deprel(toks[k]) !== 'nmod:desc') return true;
    if (!/^(?:conj|flat|fixed|appos|compound|nmod:desc)$/.test(deprel(toks[k]))) return false;
    k = toks[k].head ?? -1;
  }
  return false;
}

/**
 * A word that may stand for a speaker: a person, body or place by its entity, a personal pronoun, a role or person
 * noun, a noun for people or a body, a statement or document. A thing ("labs", "trucks", "the claim's evidence") may not.
 */
function maySpeak(ctx: QuoteContext, i: number): boolean {
  const t = ctx.doc.tokens[i];
  const o = ctx.owners[i];
  const type = o ? ctx.doc.entityById(o)?.type : undefined;
  if (type === 'PERSON' || type === 'ORG' || type === 'GPE' || type === 'NORP') return true;
  const w = lw(t);
  const lemma = (t.lemma ?? w).toLowerCase();
  return PERSONAL.has(w) || !!roleOf(w) || PERSON_NOUNS.has(lemma) || !!lookup('event-participant-nouns', lemma) || !!lookup('org-nouns', lemma) || STATEMENT_NOUNS.has(lemma) || DOCUMENT_NOUNS.has(lemma) || t.upos === 'PROPN';
}

/**
 * Climbing from a noun that cannot speak through the heads above it in its sentence (outside quotation marks): the
 * subject of the first verb that has one who may speak, or the noun a participle verb on the way hangs on when that
 * noun may speak. The token index, or -1.
 */
function speakingController(ctx: QuoteContext, noun: number): number {
  const toks = ctx.doc.tokens;
  const sentence = toks[noun].sentence;
  // (only out of a clause of its own: the noun is a predicate or in a clause with a subordinator — "a sign saying"
  // held up by someone is the sign's, whatever its holder)
  const clause = (i: number): boolean => ctx.children[i].some((c) => /^(?:mark|cop)$/.test(deprel(toks[c]))) || /^(?:ccomp|acl:relcl|advcl)$/.test(deprel(toks[i]));
  let crossed = clause(noun);
  let k = noun;
  for (let n = 0; n < 8; n++) {
    const h = toks[k].head ?? -1;
    if (h < 0 || toks[h].sentence !== sentence || ctx.inside(h)) return -1;
    if (!crossed) { crossed = clause(h); k = h; continue; }
    if (/^(?:VERB|AUX|ADJ)$/.test(toks[h].upos ?? '')) {
      const subj = ctx.children[h].find((c) => /^nsubj/.test(deprel(toks[c])) && !ctx.inside(c));
      if (subj !== undefined) return maySpeak(ctx, subj) ? subj : -1;
      const up = toks[h].head ?? -1;
      if (deprel(toks[h]) === 'acl' && up >= 0 && isNounish(toks[up]) && maySpeak(ctx, up)) return up;
    }
    k = h;
  }
  return -1;
}

/**
 * The cue whose subject a participle cue shares when the parse hung it where no controller is: after
 * "CUE ," ("Nasheed said, adding that …") with its head to its right, inside what it reports — the cue
 * that heads the clause the comma closes; or opening its sentence ("Announcing that …, Obama said"),
 * the first finite verb whose subject follows a comma after it. The cue's index, or -1.
 */
function participleController(ctx: QuoteContext, cue: number): number {
  const toks = ctx.doc.tokens;
  const t = toks[cue];
  const sent = ctx.doc.sentences[t.sentence];
  const head = t.head ?? -1;
  if (cue === sent.tokenStart) {
    if (head >= 0 && head < cue) return -1;
    for (let j = cue + 1; j < sent.tokenEnd - 1; j++) {
      if (toks[j].text !== ',' || ctx.inside(j)) continue;
      // the subject after this comma, and its finite verb
      for (let k = j + 1; k < sent.tokenEnd && k < j + 12; k++) {
        if (ctx.inside(k) || /^[,;:]$/.test(toks[k].text)) break;
        if (!/^nsubj$/.test(deprel(toks[k]))) continue;
        const v = toks[k].head ?? -1;
        if (v > k && finite(toks[v]) && cueOf(toks[v]) && !ctx.inside(v)) return v;
        break;
      }
    }
    return -1;
  }
  if (head >= 0 && head < cue) return -1;
  const comma = cue - 1;
  if (comma <= sent.tokenStart || toks[comma].text !== ',' || ctx.inside(comma)) return -1;
  // the verb closing the clause before the comma, climbed to the cue that reports it
  let v = comma - 1;
  while (v > sent.tokenStart && BETWEEN.test(lw(toks[v]))) v--;
  if (toks[v].upos !== 'VERB' || ctx.inside(v) || !finite(toks[v])) return -1;
  for (let n = 0; n < 6 && v >= 0; n++) {
    if (cueOf(toks[v]) && child(ctx, v, /^nsubj/) >= 0) return v;
    if (!/^(?:ccomp|conj)$/.test(deprel(toks[v]))) break;
    v = toks[v].head ?? -1;
  }
  return -1;
}

/**
 * The speaker of the sentence just before a he/she subject, when that speaker was the sentence's main
 * subject (its source phrase holds the subject of the sentence's root) and agrees — a person of the
 * pronoun's gender or of none known, or a description whose role noun does not say otherwise — and no
 * person is named outside quotation marks before the pronoun in its own sentence. Null otherwise.
 */
function previousSubjectSpeaker(ctx: QuoteContext, pronoun: number, w: 'he' | 'she', not: Set<string> | null): Speaker | null {
  const doc = ctx.doc;
  const toks = doc.tokens;
  const sentence = toks[pronoun].sentence;
  if (sentence === 0 || !/^nsubj/.test(deprel(toks[pronoun]))) return null;
  const start = doc.sentences[sentence].tokenStart;
  for (let j = start; j < pronoun; j++) {
    const o = ctx.owners[j];
    if (o && ctx.ownerKind[j] === 'name' && !ctx.inside(j) && doc.entityById(o)?.type === 'PERSON') return null;
  }
  // the sentence before: rooted on a cue, outside quotation marks, whose source is its subject
  const prev = doc.sentences[sentence - 1];
  let root = -1;
  for (let j = prev.tokenStart; j < prev.tokenEnd; j++) if (deprel(toks[j]) === 'root') { root = j; break; }
  if (root >= 0 && !ctx.inside(root) && !cueOf(toks[root])) return describedSubjectBefore(ctx, pronoun, root, w);
  if (root < 0 || ctx.inside(root) || !cueOf(toks[root])) return null;
  let src = sourceOfCue(ctx, root);
  if (!src || (src.how !== 'subject' && src.how !== 'surface' && src.how !== 'inverted') || PERSONAL.has(lw(toks[src.head])) || RELATIVE.has(lw(toks[src.head]))) return null;
  let r = phraseSpeaker(ctx, src, []);
  if (r.group || r.statement || (!r.entity && !r.text)) return null;
  // a body reporting what someone said ("Reuters reported that an unnamed U.S. official … said …"): the one it reports, the
  // subject of the cue heading the reported clause, when that is a person or a person described
  const body = !!r.entity && doc.entityById(r.entity)?.type !== 'PERSON';
  if (body && rule.reportedSpeakerPronoun.enabled) {
    const inner = ctx.children[root].find((c) => c > root && deprel(toks[c]) === 'ccomp' && cueOf(toks[c]) && !ctx.inside(c));
    const isrc = inner === undefined ? null : sourceOfCue(ctx, inner);
    if (!isrc || isrc.how !== 'subject' || PERSONAL.has(lw(toks[isrc.head])) || RELATIVE.has(lw(toks[isrc.head]))) return null;
    const ir = phraseSpeaker(ctx, isrc, []);
    const role = roleOf(lw(toks[isrc.head]));
    const person = ir.entity ? doc.entityById(ir.entity)?.type === 'PERSON' : !!ir.text && !!role && !role.plural;
    if (ir.group || ir.statement || !person) return null;
    rule.reportedSpeakerPronoun.fired(toks[pronoun].start, toks[pronoun].end);
    src = isrc;
    r = ir;
  }
  if (r.entity) {
    if (doc.entityById(r.entity)?.type !== 'PERSON' || not?.has(r.entity) || !agrees(ctx, w, r.entity, toks[pronoun].start)) return null;
    return r;
  }
  const role = roleOf(lw(toks[src.head]));
  if (!role || role.plural || (role.gender && role.gender !== (w === 'he' ? 'm' : 'f'))) {
    // a person described with no name: "a woman in the village", "One of them, a retired teacher,"
    if (!rule.describedPersonPronoun.enabled || !describedPersonAgrees(ctx, src, w)) return null;
    rule.describedPersonPronoun.fired(toks[pronoun].start, toks[pronoun].end);
  }
  return r;
}

/**
 * A he/she subject opening its sentence right after a narrated sentence whose main subject is one person described
 * with no name ("One of the victims decided to allow her name to be published. She said …"): that description, when it
 * agrees and the sentence before names no person outside quotation marks (then coreference's answer stands). Null otherwise.
 */
function describedSubjectBefore(ctx: QuoteContext, pronoun: number, root: number, w: 'he' | 'she'): Speaker | null {
  if (!rule.describedPersonPronoun.enabled) return null;
  const doc = ctx.doc;
  const toks = doc.tokens;
  const subj = ctx.children[root].find((c) => /^nsubj/.test(deprel(toks[c])) && !ctx.inside(c));
  if (subj === undefined || PERSONAL.has(lw(toks[subj])) || RELATIVE.has(lw(toks[subj]))) return null;
  const prev = doc.sentences[toks[pronoun].sentence - 1];
  for (let j = prev.tokenStart; j < prev.tokenEnd; j++) {
    const o = ctx.owners[j];
    if (o && ctx.ownerKind[j] === 'name' && !ctx.inside(j) && doc.entityById(o)?.type === 'PERSON') return null;
  }
  const np = nounPhrase(ctx, subj);
  if (!describedPersonAgrees(ctx, { ...np, head: subj }, w)) return null;
  rule.describedPersonPronoun.fired(toks[pronoun].start, toks[pronoun].end);
  return { entity: null, text: phraseText(ctx, np.from, np.to) };
}

/**
 * The statement noun a noun hangs under through prepositional phrases or conjunctions with no comma
 * between ("a letter | to the Cardinal and the Campaign for Human Development"), or -1.
 */
function statementOver(ctx: QuoteContext, noun: number): number {
  const toks = ctx.doc.tokens;
  let k = noun;
  for (let n = 0; n < 4; n++) {
    if (!/^(?:nmod|conj)$/.test(deprel(toks[k]))) return -1;
    const up = toks[k].head ?? -1;
    if (up < 0 || up > k || !isNounish(toks[up]) || toks.slice(up, noun).some((x) => x.text === ',' || ctx.inside(x.i))) return -1;
    if (STATEMENT_NOUNS.has(lw(toks[up])) && toks[up].upos === 'NOUN') return up;
    k = up;
  }
  return -1;
}

/**
 * The earlier cue a conjoined cue belongs to when the parse hung the conjunct inside what that cue
 * reports: climbing from the conjunct's head (not itself a cue) through clauses and quotation to a cue
 * before it, over a clausal complement on the way. Its index, or -1.
 */
function reportingCueOver(ctx: QuoteContext, h: number, cue: number): number {
  const toks = ctx.doc.tokens;
  if (cueOf(toks[h]) && !ctx.inside(h)) return -1;
  // conjuncts share their form: a head of the cue's own form is its true first conjunct ("Montalvo
  // "walked into …", and told the police" — walked, told), one of another form is not ("… patronising …" and claimed)
  if (toks[h].xpos === toks[cue].xpos) return -1;
  let k = h;
  let viaReport = false;
  for (let n = 0; n < 8; n++) {
    const d = deprel(toks[k]);
    if (/^(?:ccomp|csubj)/.test(d)) viaReport = true;
    else if (!/^(?:advcl|xcomp|conj|obj|obl|acl)/.test(d) && !ctx.inside(k)) return -1;
    const up = toks[k].head ?? -1;
    if (up < 0) return -1;
    k = up;
    if (viaReport && k < cue && cueOf(toks[k]) && !ctx.inside(k) && toks[k].xpos === toks[cue].xpos && child(ctx, k, /^nsubj/) >= 0) return k;
  }
  return -1;
}

/**
 * The antecedent of a "they" or "it" speaker coreference did not resolve, by subject preference:
 * the nearest subject before the pronoun in its sentence, else the main subject of the sentence
 * before, when it agrees — they: a plural noun or a body; it: a body or a statement. Its phrase, or null.
 */
function subjectAntecedent(ctx: QuoteContext, pronoun: number, w: string): SourcePhrase | null {
  if (!rule.subjectAntecedent.enabled || (w !== 'they' && w !== 'it') || !/^nsubj/.test(deprel(ctx.doc.tokens[pronoun]))) return null;
  const doc = ctx.doc;
  const toks = doc.tokens;
  const agreeing = (j: number): boolean => {
    const t = toks[j];
    if (!/^nsubj/.test(deprel(t)) || ctx.inside(j) || !isNounish(t) || t.upos === 'PRON' || t.upos === 'NUM') return false;
    const o = ctx.owners[j];
    const type = o ? doc.entityById(o)?.type : undefined;
    const plural = /^NNP?S$/.test(t.xpos ?? '');
    // (a plural noun only when it names people or a body: "officials", "residents", not "results")
    const lemma = (t.lemma ?? lw(t)).toLowerCase();
    const speaking = !!o || !!roleOf(lw(t)) || !!lookup('event-participant-nouns', lemma) || !!lookup('org-nouns', lemma);
    if (w === 'they') return plural ? (type !== 'PERSON' || ctx.ownerKind[j] !== 'name') && speaking : type === 'ORG' || (rule.groupThey.enabled && !!o && (coordinatedName(ctx, j) || !!groupNamed(ctx, j)));
    return !plural && (type === 'ORG' || type === 'GPE' || STATEMENT_NOUNS.has(lw(t)) || DOCUMENT_NOUNS.has(lw(t)));
  };
  const sIdx = toks[pronoun].sentence;
  const sent = doc.sentences[sIdx];
  let found = -1;
  for (let j = pronoun - 1; j >= sent.tokenStart && found < 0; j--) if (agreeing(j)) found = j;
  // the main subject of the sentence before; for "they", of the sentences before that too, as far as
  // a group speaker reaches ("The founders …, Leila Haddad and Tom Reyes, said … The two started the
  // company … "…," they said")
  // (further back only a subject that names a group: names joined by "and", or a plural description of them)
  const reach = w === 'they' && rule.groupThey.enabled ? REACH_SENTENCES : 1;
  const group = (j: number): boolean => (!!ctx.owners[j] && (coordinatedName(ctx, j) || !!groupNamed(ctx, j))) || (rule.groupDescription.enabled && (!!groupNoun(ctx, j) || !!groupDescribed(ctx, nounPhrase(ctx, j).from, j)));
  for (let back = 1; back <= reach && found < 0 && sIdx - back >= 0; back++) {
    const prev = doc.sentences[sIdx - back];
    for (let j = prev.tokenStart; j < prev.tokenEnd && found < 0; j++) {
      const h = toks[j].head ?? -1;
      if (h >= 0 && toks[h].deprel === 'root' && agreeing(j) && (back === 1 || group(j))) found = j;
    }
    // the sentence before ends on a clause conjoined to its main one with a subject of its own that agrees: the
    // nearer subject ("Some groups have suggested …, and Human Rights Watch is urging a probe. They say …")
    if (found >= 0 && back === 1 && rule.lastConjunctSubject.enabled) {
      for (let j = prev.tokenEnd - 1; j > found; j--) {
        const h = toks[j].head ?? -1;
        if (h < 0 || toks[h].deprel !== 'conj' || !/^nsubj/.test(deprel(toks[j])) || !agreeing(j)) continue;
        const r = toks[h].head ?? -1;
        if (r >= 0 && toks[r].deprel === 'root' && h > found) { rule.lastConjunctSubject.fired(toks[j].start, toks[j].end); found = j; }
        break;
      }
    }
    if (found >= 0 && back > 1) rule.groupThey.fired(toks[found].start, toks[found].end);
  }
  if (found < 0) return null;
  if (w === 'they' && !/^NNP?S$/.test(toks[found].xpos ?? '') && doc.entityById(ctx.owners[found] ?? '')?.type !== 'ORG') rule.groupThey.fired(toks[found].start, toks[found].end);
  return { ...nounPhrase(ctx, found), head: found, how: 'subject' };
}

/**
 * "State prosecutors charged the suspect with murder, they said": a pronoun source of a trailing
 * attribution stands for the subject of the clause it closes, when that subject agrees with it
 * (they: a plural noun or a body; he/she: a person known to be of that gender; it: a body). The subject's
 * phrase, or null.
 */
export function clauseSubjectForPronoun(ctx: QuoteContext, pronoun: number, span: { from: number; to: number }): SourcePhrase | null {
  if (!rule.trailingPronounSubject.enabled) return null;
  const toks = ctx.doc.tokens;
  const w = lw(toks[pronoun]);
  if (!PERSONAL.has(w) || w === 'i' || w === 'we') return null;
  for (let j = span.from; j <= span.to; j++) {
    const t = toks[j];
    if (!/^nsubj/.test(deprel(t)) || ctx.inside(j) || t.head === undefined || t.head < span.from || t.head > span.to) continue;
    // the subject of the clause's own verb, not of a clause inside it
    const h = toks[t.head];
    if (h.head !== undefined && h.head >= span.from && h.head <= span.to && !/^(?:conj|parataxis)$/.test(deprel(h))) continue;
    if (PERSONAL.has(lw(t)) || RELATIVE.has(lw(t))) return null;
    const owner = ctx.owners[j];
    const type = owner ? ctx.doc.entityById(owner)?.type : undefined;
    const plural = /^NNP?S$/.test(t.xpos ?? '');
    const ok = w === 'they' ? plural || type === 'ORG' || type === 'GPE' : w === 'it' ? !plural && (type === 'ORG' || type === 'GPE') : type === 'PERSON' && !!owner && entityGender(ctx, owner, toks[pronoun].start) === (w === 'she' || w === 'her' ? 'f' : 'm');
    if (!ok) return null;
    const np = nounPhrase(ctx, j);
    return fired(rule.trailingPronounSubject, { from: np.from, to: np.to, head: j, how: 'subject' });
  }
  return null;
}

/** The antecedent of a relative pronoun read off the words: the noun phrase ending right before it (a comma between). */
function antecedentBefore(ctx: QuoteContext, rel: number): SourcePhrase | null {
  const toks = ctx.doc.tokens;
  const sent = ctx.doc.sentences[toks[rel].sentence];
  let k = rel - 1;
  if (k >= sent.tokenStart && toks[k].text === ',') k--;
  if (k < sent.tokenStart || ctx.inside(k) || !isNounish(toks[k]) || toks[k].upos === 'PRON') return null;
  const np = nounPhrase(ctx, k);
  return { from: np.from, to: k, head: phraseHead(ctx, np.from, k), how: 'relative' };
}

/** "…," said Hill / "…, said a senior official." — the phrase right after the cue. */
function invertedSurface(ctx: QuoteContext, cue: number): SourcePhrase | null {
  if (!rule.invertedSubject.enabled) return null;
  const toks = ctx.doc.tokens;
  const sent = ctx.doc.sentences[toks[cue].sentence];
  const before = toks[cue - 1];
  if (!before || !/^[,”"]$/.test(before.text)) return null;
  // a gerund has no inverted subject: in "…", recalling their first meeting the phrase is its object
  if (toks[cue].xpos === 'VBG') return null;
  let k = cue + 1;
  const from = k;
  while (k < sent.tokenEnd && !ctx.inside(k) && !/^[,;:.!?“”"()]$/.test(toks[k].text) && k - from < 8) k++;
  if (k === from) return null;
  // a time after the cue is an adjunct, never its subject ("…, Stéphane Dion, said today.")
  if (timeFollows(ctx, from)) return null;
  // a name after the cue, then an adjunct of the clause: '"…," commented Bush after leaving for …'
  const named = nameBeforeAdjunct(ctx, from, k);
  if (named) return fired(rule.invertedSubject, named);
  // the inverted subject closes the clause ("…," said Hill. / "…," said Hill, who …); "urged both sides to …" has an object
  if (k < sent.tokenEnd && !/^[,;:.!?“”"]$/.test(toks[k].text)) return null;
  if (toks.slice(from, k).some((t) => lw(t) === 'to' || finite(t))) return null;
  const to = k - 1;
  if (!toks.slice(from, to + 1).some((t) => isNounish(t))) return null;
  return fired(rule.invertedSubject, { from, to, head: phraseHead(ctx, from, to), how: 'inverted' });
}

/**
 * Title or role words and a name right after an inverted cue, closed by a preposition or subordinator
 * that opens an adjunct ("commented Bush after leaving for …", "said Mayor Ana Ruiz during a visit"): that phrase, or null.
 */
function nameBeforeAdjunct(ctx: QuoteContext, from: number, end: number): SourcePhrase | null {
  const toks = ctx.doc.tokens;
  let j = from;
  while (j < end && !ctx.owners[j] && (isTitle(toks[j].text) || !!roleOf(lw(toks[j])))) j++;
  const o = ctx.owners[j];
  if (!o || ctx.ownerKind[j] !== 'name' || j >= end) return null;
  let e = j;
  while (e + 1 < end && ctx.owners[e + 1] === o) e++;
  const next = toks[e + 1];
  if (e + 1 >= end || !next || !/^(?:ADP|SCONJ)$/.test(next.upos ?? '') || lw(next) === 'of') return null;
  return { from, to: e, head: e, how: 'inverted' };
}

// ---- the speaker a source phrase names ------------------------------------------------------

export function speakerRank(doc: Doc, id: string): number {
  const type = doc.entityById(id)?.type;
  return type === 'PERSON' ? 3 : type === 'ORG' ? 2 : type === 'NORP' ? 0 : 1;
}

/** The token owns a noun it modifies: "his lawyer", "Leila's father", "Tesco's CEO". */
function isPossessor(ctx: QuoteContext, k: number): boolean {
  const toks = ctx.doc.tokens;
  if (POSSESSIVE_DET.has(lw(toks[k]))) return true;
  if (deprel(toks[k]) === 'nmod:poss') return true;
  let j = k;
  while (j + 1 < toks.length && ctx.owners[j + 1] !== undefined && ctx.owners[j + 1] === ctx.owners[k]) j++;
  const next = toks[j + 1];
  return next !== undefined && next.start === toks[j].end && /^['’]s?$/.test(next.text);
}

/**
 * The gender an entity is known by: its role nouns ("spokeswoman", "his brother") count double,
 * its pronouns once, leaving out the pronoun being resolved (coreference's own guess proves nothing).
 */
function entityGender(ctx: QuoteContext, id: string, exceptAt?: number): 'm' | 'f' | undefined {
  if (exceptAt === undefined) return ctx.gender.get(id);
  const c = genderCounts(ctx).get(id);
  if (!c) return undefined;
  const x = c.byStart.get(exceptAt);
  const m = c.m - (x?.m ?? 0);
  const f = c.f - (x?.f ?? 0);
  return m > f ? 'm' : f > m ? 'f' : undefined;
}

interface GenderCount { m: number; f: number; byStart: Map<number, { m: number; f: number }> }

/** Each person's gender evidence, counted once per document with each mention's share (so one can be left out). */
function genderCounts(ctx: QuoteContext): Map<string, GenderCount> {
  const cached = genderCache.get(ctx);
  if (cached) return cached;
  const out = new Map<string, GenderCount>();
  for (const e of ctx.doc.entities) {
    if (e.type !== 'PERSON') continue;
    const c: GenderCount = { m: 0, f: 0, byStart: new Map() };
    for (const x of e.mentions) {
      const g = mentionGender(ctx.doc, x);
      if (!g.m && !g.f) continue;
      c.m += g.m;
      c.f += g.f;
      const prev = c.byStart.get(x.start);
      c.byStart.set(x.start, prev ? { m: prev.m + g.m, f: prev.f + g.f } : g);
    }
    out.set(e.id, c);
  }
  genderCache.set(ctx, out);
  return out;
}
const genderCache = new WeakMap<QuoteContext, Map<string, GenderCount>>();

/** This stage gave the pronoun at `at` another speaker than coreference did: it is no evidence of its entity's gender any more. */
function reassign(ctx: QuoteContext, at: number): void {
  ctx.reassigned.add(at);
  for (const c of genderCounts(ctx).values()) {
    const x = c.byStart.get(at);
    if (!x) continue;
    c.m -= x.m;
    c.f -= x.f;
    c.byStart.delete(at);
  }
}

/** What one mention says of its entity's gender: a gendered title or role before a name or on it counts 2, a pronoun 1. */
function mentionGender(doc: Doc | undefined, x: Mention): { m: number; f: number } {
  let m = 0;
  let f = 0;
  // a gendered title or role written right before a name: "spokeswoman Helen Ward", "Mrs Ward"
  if (doc && x.kind === 'name') {
    const before = doc.text.slice(Math.max(0, x.start - 24), x.start).toLowerCase().match(/([a-z-]+)\.?\s+$/)?.[1];
    const g = before ? (honorificGender(before) ?? roleOf(before)?.gender) : undefined;
    if (g === 'm') m += 2;
    else if (g === 'f') f += 2;
  }
  const g = x.kind === 'pronoun' ? PRONOUNS.get(x.text.toLowerCase())?.gender : undefined;
  if (g === 'm') m++;
  else if (g === 'f') f++;
  for (const r of x.roles ?? []) {
    const rg = roleOf(r)?.gender;
    if (rg === 'm') m += 2;
    else if (rg === 'f') f += 2;
  }
  return { m, f };
}

function genderOf(e: Entity, doc?: Doc): 'm' | 'f' | undefined {
  let m = 0;
  let f = 0;
  for (const x of e.mentions) {
    const g = mentionGender(doc, x);
    m += g.m;
    f += g.f;
  }
  return m > f ? 'm' : f > m ? 'f' : undefined;
}

/**
 * A "person" only the recogniser says is one, written as no person is: every name of it one word
 * after an article ("the Volvo") or a plural noun ("High Commissioner for Refugees"). No he or she
 * stands for it.
 */
function unlikePerson(ctx: QuoteContext, e: Entity): boolean {
  if (!rule.unlikePerson.enabled) return false;
  const cached = unlikeCache.get(ctx)?.get(e.id);
  if (cached !== undefined) return cached;
  const toks = ctx.doc.tokens;
  const names = e.mentions.filter((m) => m.kind === 'name');
  let verdict = names.length > 0 && !e.mentions.some((m) => m.kind === 'nominal' || (m.roles ?? []).length > 0);
  for (const m of names) {
    if (!verdict) break;
    const i = ctx.doc.tokenAt(m.start);
    const single = i < toks.length && toks[i].end >= m.end;
    verdict = single && (/^(?:the|a|an)$/.test(lw(toks[i - 1])) || /^NNP?S$/.test(toks[i].xpos ?? ''));
  }
  let m = unlikeCache.get(ctx);
  if (!m) unlikeCache.set(ctx, (m = new Map()));
  m.set(e.id, verdict);
  if (verdict) rule.unlikePerson.fired(names[0].start, names[0].end);
  return verdict;
}
const unlikeCache = new WeakMap<QuoteContext, Map<string, boolean>>();

/** Does a pronoun agree with an entity: he/she a person of that gender (or unknown), they/it a body. */
export function agrees(ctx: QuoteContext, pronoun: string, id: string, at?: number): boolean {
  const e = ctx.doc.entityById(id);
  if (!e) return false;
  const p = PRONOUNS.get(pronoun);
  if (!p) return true;
  if (p.gender === 'm' || p.gender === 'f') {
    if (e.type !== 'PERSON' || unlikePerson(ctx, e)) return false;
    const g = entityGender(ctx, id, at);
    return g === undefined || g === p.gender;
  }
  if (pronoun === 'it' || pronoun === 'its') return e.type === 'ORG' || e.type === 'GPE';
  // they: a body or a group, or several people
  return e.type !== 'PERSON';
}

/** The words of a phrase as written, for speaker_text: at most ten words, no trailing punctuation. */
function phraseText(ctx: QuoteContext, from: number, to: number): string {
  const toks = ctx.doc.tokens;
  let b = to;
  while (b > from && /^[,.;:]$/.test(toks[b].text)) b--;
  if (b - from > 9) b = from + 9;
  return ctx.doc.text.slice(toks[from].start, toks[b].end);
}

/** The entity a role description stands for: "the foreign minister" → the person written with those role words before. */
function personByRole(ctx: QuoteContext, from: number, head: number): string | null {
  const toks = ctx.doc.tokens;
  const headWord = lw(toks[head]);
  const role = roleOf(headWord);
  if (!role || role.plural) return null;
  // a definite description only: "the commissioner", "Chelyabinsk's governor", not "a senior official"
  if (!/^(?:the|this|that)$/.test(lw(toks[from])) && !toks.slice(from, head).some((t) => /^['’]s$/.test(t.text))) return leadDescription(ctx, from, head);
  // a possessor is someone else: "the mayor's spokesman" is not the mayor, so "mayor" is no role word of the one described
  let own = from;
  if (rule.possessorNotRole.enabled) for (let k = head - 1; k > from; k--) if (/^['’]s?$/.test(toks[k].text) && toks[k].upos === 'PART') { own = k + 1; break; }
  const words = new Set(toks.slice(own, head + 1).map(lw).filter((w) => /^\p{L}/u.test(w) && !/^(?:the|this|that|a|an)$/.test(w)));
  if (own > from && toks.slice(from, own).some((t) => roleOf(lw(t)))) rule.possessorNotRole.fired(toks[from].start, toks[head].end);
  const pos = toks[from].start;
  // a role of several words written before the head ("the director general of …" is a "director general")
  let c = head;
  while (c - 1 > own && toks[c - 1].upos === 'NOUN' && deprel(toks[c - 1]) === 'compound') c--;
  const headPhrase = c < head && rule.compoundRole.enabled ? toks.slice(c, head + 1).map(lw).join(' ') : null;
  let best: { id: string; score: number; rank: number; byAppos: boolean } | null = null;
  for (const { id, roles, appos, starts, ends } of rolePersons(ctx)) {
    // a deputy or a former holder is not "the governor"
    if ([...RANK_WORDS].some((r) => roles.has(r) && !words.has(r))) continue;
    const byPhrase = !!headPhrase && roles.has(headPhrase) && !roles.has(headWord);
    if (byPhrase) rule.compoundRole.fired(toks[c].start, toks[head].end);
    let score = roles.has(headWord) || byPhrase ? 2 : 0;
    for (const w of words) if (w !== headWord && roles.has(w)) score++;
    if (score < 1 || (!roles.has(headWord) && !byPhrase && role.cls !== 'position')) continue;
    // the latest mention before the phrase; a person named only after it ranks below everyone before
    let latest = -1;
    for (let k = 0; k < ends.length; k++) if (ends[k] <= pos && starts[k] > latest) latest = starts[k];
    const rank = latest >= 0 ? latest : -1 - starts[0];
    if (!best || score > best.score || (score === best.score && rank > best.rank)) best = { id, score, rank, byAppos: [...words].some((w) => appos.has(w)) };
  }
  if (best?.byAppos) rule.appositionRole.fired(toks[from].start, toks[head].end);
  return best?.id ?? null;
}

/**
 * A news lead introduces its actor by description and names them after: "A federal judge in Texas
 * ruled …" in the first paragraph, "U.S. District Judge Gray Miller" below. An indefinite role
 * description in the first paragraph is the one person the document later names with that role
 * word, when there is exactly one and none was named before.
 */
function leadDescription(ctx: QuoteContext, from: number, head: number): string | null {
  const toks = ctx.doc.tokens;
  if (!rule.leadDescription.enabled || !/^(?:a|an)$/.test(lw(toks[from]))) return null;
  if (ctx.doc.sentences[toks[from].sentence].paragraph !== ctx.doc.sentences[0].paragraph) return null;
  const headWord = lw(toks[head]);
  const pos = toks[from].start;
  const holders = rolePersons(ctx).filter((p) => p.roles.has(headWord));
  if (holders.length !== 1 || holders[0].starts[0] < pos) return null;
  // "a hospital spokesperson" is not the "police spokesperson" named later: a noun modifier must be among their role words
  const mods = new Set(toks.slice(from + 1, head).filter((t) => /^(?:NOUN|PROPN)$/.test(t.upos ?? '')).map(lw));
  const theirs = [...holders[0].roles].filter((r) => r !== headWord);
  if (mods.size && !theirs.some((r) => mods.has(r))) return null;
  rule.leadDescription.fired(toks[from].start, toks[head].end);
  return holders[0].id;
}

/**
 * The role words of an apposition after a name, from the parse: "Gáspár Maróth, the Hungarian
 * Government commissioner responsible for defence" → commissioner, government, hungarian. Only a
 * role noun heads it (roles.tsv); its own modifiers come along, for "the government commissioner".
 */
function appositionRoles(ctx: QuoteContext, m: Mention): string[] {
  if (!rule.appositionRole.enabled) return [];
  const toks = ctx.doc.tokens;
  const out: string[] = [];
  let last = ctx.doc.tokenAt(m.start);
  for (let i = last; i < toks.length && toks[i].start < m.end; i++) {
    last = i;
    for (const c of ctx.children[i]) {
      if (deprel(toks[c]) !== 'appos' || !roleNoun(toks[c]) || !roleOf(lw(toks[c]))) continue;
      if (toks[c].upos === 'PROPN') rule.compoundRole.fired(toks[c].start, toks[c].end);
      out.push(lw(toks[c]));
      for (const x of ctx.children[c]) if (x < c && /^(?:amod|compound)$/.test(deprel(toks[x]))) out.push(lw(toks[x]));
    }
  }
  // the parse may not mark it: ", (the|a) [modifiers] ROLE" right after the name, read off the words
  if (!out.length && toks[last + 1]?.text === ',') {
    let k = last + 2;
    if (toks[k]?.upos === 'DET') k++;
    const words: number[] = [];
    while (k < toks.length && words.length < 6 && /^(?:ADJ|NOUN|PROPN)$/.test(toks[k].upos ?? '') && !ctx.inside(k)) words.push(k++);
    // the head is the last noun of the run ("commissioner" in "the Hungarian Government commissioner responsible for …")
    let h = words.length - 1;
    while (h >= 0 && !roleNoun(toks[words[h]])) h--;
    if (h >= 0 && roleOf(lw(toks[words[h]]))) {
      if (toks[words[h]].upos === 'PROPN') rule.compoundRole.fired(toks[words[0]].start, toks[words[h]].end);
      const run = words.slice(0, h + 1).map((w) => lw(toks[w]));
      out.push(...run);
      // (the role of several words as one: "Director General" is a "director general")
      const joined = run.join(' ');
      if (h > 0 && rule.compoundRole.enabled && roleOf(joined)) out.push(joined);
    }
  }
  return out;
}

/** A noun, or a capitalised title written as a proper noun ("Jacques Diouf, Director General of …") when quotes.compound-role is on. */
function roleNoun(t: Token): boolean {
  return t.upos === 'NOUN' || (t.upos === 'PROPN' && rule.compoundRole.enabled && !!roleOf(lw(t)));
}

/** Persons with role words on their mentions, read once per document (the few a role description can name). */
function rolePersons(ctx: QuoteContext): RolePerson[] {
  let list = rolePersonCache.get(ctx);
  if (list) return list;
  list = [];
  for (const e of ctx.doc.entities) {
    if (e.type !== 'PERSON') continue;
    const roles = new Set(e.mentions.flatMap((m) => (m.roles ?? []).map((r) => r.toLowerCase())));
    const appos = new Set<string>();
    for (const m of e.mentions) if (m.kind === 'name') for (const r of appositionRoles(ctx, m)) if (!roles.has(r)) appos.add(r);
    for (const r of appos) roles.add(r);
    if (!roles.size) continue;
    const ms = [...e.mentions].sort((a, b) => a.start - b.start);
    list.push({ id: e.id, roles, appos, starts: ms.map((m) => m.start), ends: ms.map((m) => m.end) });
  }
  rolePersonCache.set(ctx, list);
  return list;
}
const rolePersonCache = new WeakMap<QuoteContext, RolePerson[]>();

interface RolePerson {
  id: string;
  roles: Set<string>;
  /** the role words only an apposition after a name gave (rule quotes.apposition-role) */
  appos: Set<string>;
  starts: number[];
  ends: number[];
}

/** Every mention of every entity in text order, read once per document, for looking back from a position. */
function mentionIndex(ctx: QuoteContext): Mention[] {
  let list = mentionCache.get(ctx);
  if (list) return list;
  list = ctx.doc.entities.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start);
  mentionCache.set(ctx, list);
  return list;
}
const mentionCache = new WeakMap<QuoteContext, Mention[]>();

/** How many mentions of the index start before pos. */
function mentionsBefore(list: readonly Mention[], pos: number): number {
  return countWhile(list.length, (k) => list[k].start < pos);
}

/** The gender an honorific gives ("Mrs" → f), from the lexicon's titles. */
function honorificGender(word: string): 'm' | 'f' | undefined {
  const e = lookup('titles', word);
  const g = e?.attrs.class === 'honorific' ? e.attrs.gender : undefined;
  return g === 'm' || g === 'f' ? g : undefined;
}

/** Words that make a title another office than the bare role ("deputy foreign minister"). */
const RANK_WORDS = set('title-modifiers', { uses: 'office' });

/**
 * The speaker a source phrase names. `recent` lists the speakers of earlier attributions, latest
 * last, for pronouns coreference left alone.
 */
export function speakerOf(ctx: QuoteContext, src: SourcePhrase, recent: readonly Speaker[], exclude?: ReadonlySet<string>): Speaker {
  const sp = phraseSpeaker(ctx, src, recent, exclude);
  if (rule.groupThey.enabled && (sp.entity || sp.text) && !sp.statement && groupPhrase(ctx, src)) sp.group = true;
  return sp;
}

/**
 * The source phrase stands for several speakers: its head is a plural noun that names people or a
 * body ("Residents of the village", "Local officials"), or a name joined by "and" to another
 * ("Ana Silva and Tom Berg", "Woolworths and Coles").
 */
function groupPhrase(ctx: QuoteContext, src: SourcePhrase): boolean {
  const t = ctx.doc.tokens[src.head];
  if (PERSONAL.has(lw(t))) return lw(t) === 'they';
  if (/^NNP?S$/.test(t.xpos ?? '') && t.upos !== 'PROPN') return true;
  return !!ctx.owners[src.head] && (coordinatedName(ctx, src.head) || !!groupNamed(ctx, src.head));
}

/**
 * A name joined by "and" to another name or noun in the parse: "Ana Silva and Tom Berg", "The Investigative
 * Committee and the FSB", "Ana Silva and her lawyer" — several, whatever they are (a group of names alone is
 * what a plural description can name: quotes/groups.ts).
 */
function coordinatedName(ctx: QuoteContext, i: number): boolean {
  const toks = ctx.doc.tokens;
  const own = ctx.owners[i];
  const joined = (c: number): boolean => deprel(toks[c]) === 'conj' && isNounish(toks[c]) && toks[c].upos !== 'PRON' && ctx.owners[c] !== own && !ctx.inside(c) && ctx.children[c].some((x) => lw(toks[x]) === 'and');
  // the conjunct may hang on any word of the name ("Ana Silva | and Tom Berg")
  for (let k = i; k >= 0 && k > i - 6 && (k === i || ctx.owners[k] === own); k--) if (ctx.children[k].some(joined)) return true;
  for (let k = i + 1; k < toks.length && k < i + 6 && own && ctx.owners[k] === own; k++) if (ctx.children[k].some(joined)) return true;
  return false;
}

/** `exclude`: people a pronoun source cannot stand for (those the quotation itself names). */
function phraseSpeaker(ctx: QuoteContext, src: SourcePhrase, recent: readonly Speaker[], exclude?: ReadonlySet<string>): Speaker {
  const doc = ctx.doc;
  const toks = doc.tokens;
  const { from, to } = src;
  let head = src.head;
  const span = { start: toks[from].start, end: toks[to].end, text: doc.text.slice(toks[from].start, toks[to].end) };
  const named = (id: string | undefined): boolean => !!id && speakerRank(doc, id) > 0;
  // 0. a phrase closing on a role noun with a person named in apposition after it, whatever the parse
  //    made its head ("The Institute of Allergy's director, Dr. Anthony Fauci, said": "Institute" the subject)
  const apposed = rule.roleApposition.enabled ? personAfterRole(ctx, to) : null;
  if (apposed && apposed !== ctx.owners[head]) return fired(rule.roleApposition, { entity: apposed, span });
  // 1. the head names an entity: "Hill", "the Russian Embassy", "Defence Secretary Lorenzana"
  let own = ctx.owners[head];
  if (own && ctx.ownerKind[head] === 'name' && !isPossessor(ctx, head)) {
    // a title phrase holding a person: "Hamas official Osama Hamdan", "US Ambassador … Nikki Haley",
    // "Member of Parliament (MP) Yvette Cooper of the Labour Party"
    if (doc.entityById(own)?.type !== 'PERSON' && rule.personInTitle.enabled) {
      const person = personInPhrase(ctx, from, to);
      if (person) return fired(rule.personInTitle, { entity: person, span });
    }
    if (named(own)) return { entity: own, span };
  }
  // 2. a person named in the phrase or in apposition to its role noun: "spokesman Mariusz Ciarka",
  //    "the interior minister, Karim Haddad," — never a possessor, a place it is in, or a nationality
  const w = lw(toks[head]);
  // a statement or document names its author, not the people in its prepositional phrases ("a ruling against President Trump")
  // (not a document noun modifying the noun after it, which the parse took for the head: "study co-author Ted Scambos")
  const modifier = head < to && /^(?:NOUN|PROPN)$/.test(toks[head + 1].upos ?? '') && toks[head + 1].start <= toks[head].end + 1;
  // (a plural one too, by its lemma: "tweets calling the attack "monstrous"")
  const docWord = documentWord(toks[head], w);
  const documentHead = (STATEMENT_NOUNS.has(docWord) || DOCUMENT_NOUNS.has(docWord)) && rule.statementAuthor.enabled && !modifier;
  if (rule.personInTitle.enabled && !documentHead) {
    // (two appositions in a row may be parsed as a list or the second hung on the first: "GMT -
    // Hamas spokesman Abu Obeida said", "X, a spokesman, Abu Obeida": a chain of them reads as the list)
    const appositions = ctx.children[head].filter((c) => /^(?:appos|flat)/.test(deprel(toks[c])));
    for (let k = 0; k < appositions.length && k < 8; k++) {
      const c = appositions[k];
      if (named(ctx.owners[c]) && ctx.ownerKind[c] === 'name' && !isPossessor(ctx, c)) return fired(rule.personInTitle, { entity: ctx.owners[c]!, span });
      if (deprel(toks[c]) === 'appos' && !ctx.owners[c]) appositions.push(...ctx.children[c].filter((x) => /^(?:appos|flat)/.test(deprel(toks[x]))));
    }
    // a person named in apposition right after the phrase of a role noun, however the parse hung it
    // ("The head teacher of Brookfield Academy, Samuel Adeyemi, warned": the name hangs on "Academy")
    if (rule.roleApposition.enabled && roleOf(w) && toks[to + 1]?.text === ',') {
      const c = to + 2;
      const o = ctx.owners[c];
      if (o && ctx.ownerKind[c] === 'name' && doc.entityById(o)?.type === 'PERSON' && /^(?:appos|conj|flat)$/.test(deprel(toks[c])) && (toks[c].head ?? -1) >= from && (toks[c].head ?? -1) <= to && !ctx.inside(c)) {
        return fired(rule.roleApposition, { entity: o, span });
      }
    }
    for (let j = head + 1; j <= to; j++) {
      if (PREPOSITIONS.has(lw(toks[j]))) break;
      const o = ctx.owners[j];
      if (o && ctx.ownerKind[j] === 'name' && doc.entityById(o)?.type === 'PERSON' && !isPossessor(ctx, j) && !nameAsModifier(ctx, j)) return fired(rule.personInTitle, { entity: o, span });
    }
    // a person named anywhere in the phrase, outside a prepositional phrase: "Senate Minority Whip
    // Dick Durbin and incoming chair … Adam Schiff" parsed with "chair" as the subject
    if (!PERSONAL.has(w) && !RELATIVE.has(w)) {
      const person = personInPhrase(ctx, from, to);
      if (person) return fired(rule.personInTitle, { entity: person, span });
    }
  }
  // 3. a pronoun: coreference's answer when it agrees, else the latest speaker or person that does
  if (PERSONAL.has(w)) {
    const at = toks[head].start;
    // a pronoun subject is none of its own verb's other arguments: "In an interview with Dawn, she said"
    const coArgs = rule.pronounNotCoArgument.enabled ? coArguments(ctx, head) : null;
    // nor anyone named in the rest of its own clause ("He also added that Zuma did not …": he is not Zuma)
    const inClause = rule.pronounNotInClause.enabled ? namedInOwnClause(ctx, head) : null;
    if (inClause?.size && own && inClause.has(own)) {
      rule.pronounNotInClause.fired(at, toks[head].end);
      own = undefined;
    }
    if (exclude?.size && own && exclude.has(own)) own = undefined;
    const notThese = inClause?.size || exclude?.size ? new Set([...(coArgs ?? []), ...(inClause ?? []), ...(exclude ?? [])]) : coArgs;
    const setAside = coArgs && own && coArgs.has(own) ? own : undefined;
    if (setAside) {
      rule.pronounNotCoArgument.fired(at, toks[head].end);
      own = undefined;
    } else if (own && rule.pronounNotCoArgument.enabled) {
      // the pronouns coreference chained to the co-argument just after it ("She said …" in the next
      // sentences) follow the speaker found instead
      const moved = setAsideCache.get(ctx)?.get(own);
      if (moved && toks[head].sentence - moved.sentence <= 2 && agrees(ctx, w, moved.to, at)) {
        rule.pronounNotCoArgument.fired(at, toks[head].end);
        return { entity: moved.to, span, via: 'agreement' };
      }
    }
    const note = (sp: Speaker): Speaker => {
      if (setAside && sp.entity) {
        let m = setAsideCache.get(ctx);
        if (!m) setAsideCache.set(ctx, (m = new Map()));
        m.set(setAside, { to: sp.entity, sentence: toks[head].sentence });
      }
      return sp;
    };
    if (!rule.pronounAgreement.enabled) {
      if (own && ctx.ownerKind[head] !== undefined) return { entity: own, span, via: 'coreference' };
      return { entity: null, span };
    }
    // he/she opening its clause right after a sentence whose main subject spoke: that speaker, over a
    // person coreference found elsewhere ("Rasmussen … vowed … "…," he said" — not bin Laden, named in
    // Rasmussen's sentence; "The programme manager stated that … He also referred to …")
    if ((w === 'he' || w === 'she') && rule.previousSubjectSpeaker.enabled) {
      const prev = previousSubjectSpeaker(ctx, head, w, notThese);
      if (prev) {
        rule.previousSubjectSpeaker.fired(at, toks[head].end);
        return { entity: prev.entity, ...(prev.entity ? {} : { text: prev.text }), span, via: 'agreement' };
      }
    }
    // he/she opening a sentence right after direct speech (narrated sentences counted only): the speaker
    // of that speech, over coreference's pick ('"…," he said. "…" He admitted …' after another man was named)
    if ((w === 'he' || w === 'she') && rule.afterDirectSpeech.enabled) {
      const after = speakerOfDirectSpeechBefore(ctx, head, w, recent, notThese);
      if (after && after.entity !== own) {
        rule.afterDirectSpeech.fired(at, toks[head].end);
        return { entity: after.entity, ...(after.entity ? {} : { text: after.text }), span, via: 'agreement' };
      }
    }
    // he/she: a person whose gender is known to agree outranks coreference's guess of a person whose gender is not
    if ((w === 'he' || w === 'she') && own && ctx.ownerKind[head] !== undefined && agrees(ctx, w, own, at) && entityGender(ctx, own, at) === undefined) {
      const sure = knownAgreeingNearby(ctx, w, at, own);
      if (sure) { reassign(ctx, at); return fired(rule.pronounAgreement, { entity: sure, span, via: 'agreement' }); }
    }
    // "The leaders approved a declaration … It also mentioned …": "it" opening the sentence after one whose main verb put out a
    // document is that document, and speaks for whoever put it out
    if (w === 'it' && rule.itIssuedDocument.enabled) {
      const issuer = issuedDocumentBefore(ctx, head);
      if (issuer?.entity) return fired(rule.itIssuedDocument, { entity: issuer.entity, span, via: 'author' });
      if (issuer?.text) return fired(rule.itIssuedDocument, { entity: null, text: issuer.text, span, via: 'author' });
    }
    if (own && ctx.ownerKind[head] !== undefined && agrees(ctx, w, own, at)) return { entity: own, span, via: 'coreference' };
    // they/it coreference left alone: the nearest agreeing subject before it ("officials went …, where they claimed")
    const subj = subjectAntecedent(ctx, head, w);
    if (subj) {
      const sp = speakerOf(ctx, subj, recent);
      if (sp.entity || sp.text) {
        rule.subjectAntecedent.fired(at, toks[head].end);
        return { entity: sp.entity, ...(sp.entity ? {} : { text: sp.text }), span, via: 'agreement' };
      }
    }
    // they: coreference or a subject agreeing in its sentence or the one before; an earlier speaker
    // or body named further back is only a guess (any organisation agrees with "they"), and a wrong
    // speaker is worse than none
    // they: the latest speaker that stood for several ("Residents said …", "Ana Silva and Tom Berg said …"),
    // written in the sentences just before
    if (w === 'they' && rule.groupThey.enabled) {
      const sentence = toks[head].sentence;
      for (let k = recent.length - 1; k >= 0; k--) {
        const r = recent[k];
        if (!r.span || sentence - doc.sentenceAt(r.span.start) > REACH_SENTENCES) continue;
        if (r.group && !(r.entity && notThese?.has(r.entity))) return fired(rule.groupThey, { entity: r.entity, ...(r.entity ? {} : { text: r.text }), span, via: 'agreement', group: true });
      }
    }
    if (w === 'they' && rule.theyNeedsAntecedent.enabled) {
      if (recent.some((r) => r.entity && agrees(ctx, w, r.entity, at)) || latestAgreeing(ctx, w, at, notThese)) rule.theyNeedsAntecedent.fired(at, toks[head].end);
      return { entity: null, span };
    }
    // the latest speaker or person that agrees only when it was written in the last few sentences:
    // a person last named further back is a guess, and a wrong speaker is worse than none
    const sentence = toks[head].sentence;
    const outOfReach = (pos: number): boolean => rule.antecedentInReach.enabled && (pos < 0 || narrativeDistance(ctx, doc.sentenceAt(pos), sentence) > REACH_SENTENCES);
    for (let k = recent.length - 1; k >= 0 && k >= recent.length - 4; k--) {
      const r = recent[k];
      const agreeing = !!r.entity && agrees(ctx, w, r.entity, at) && !notThese?.has(r.entity);
      if (r.span && outOfReach(r.span.start)) {
        if (agreeing) rule.antecedentInReach.fired(at, toks[head].end);
        continue;
      }
      if (agreeing && r.entity) return note(fired(rule.pronounAgreement, { entity: r.entity, span, via: 'agreement' }));
      // ("it" is never several: "Farmers said … The ministry promised help. It said …" is not the farmers)
      if (!r.entity && r.text && w === 'it' && r.group && rule.itNotGroup.enabled) { rule.itNotGroup.fired(at, toks[head].end); continue; }
      if (!r.entity && r.text && (w === 'they' || w === 'it') && !r.statement) return fired(rule.pronounAgreement, { entity: null, text: r.text, span, via: 'agreement' });
    }
    let near = latestAgreeing(ctx, w, at, notThese);
    if (near && outOfReach(lastMentionBefore(ctx, near, at))) {
      rule.antecedentInReach.fired(at, toks[head].end);
      near = null;
    }
    return near ? note(fired(rule.pronounAgreement, { entity: near, span, via: 'agreement' })) : { entity: null, span };
  }
  if (RELATIVE.has(w)) return { entity: null, span };
  // a thing said or written by someone: "e-mails sent by her family" → her family
  const agent = rule.documentAgentRule.enabled ? documentAgent(ctx, head) : null;
  if (agent) {
    const sp = phraseSpeaker(ctx, agent, recent);
    if (sp.entity || sp.text) { rule.documentAgentRule.fired(span.start, span.end); return { ...sp, span, via: sp.entity ? 'author' : sp.via }; }
  }
  // a medium or document with a possessive pronoun for its determiner is the pronoun's: "its website notes", "Their statement read"
  if (rule.possessiveMedium.enabled) {
    const medium = possessiveMediumOwner(ctx, from, head, docWord);
    if (medium) return fired(rule.possessiveMedium, { entity: medium, span, via: 'author' });
  }
  // 4. a statement stands for its author: "Judge Miller's statement", "a statement by Erdogan's
  //    office", "the Home Office letter"; unnamed, for the last speaker
  // "Part of the judge's statement", "an excerpt from the ruling": the statement the part is of
  if (rule.describedPossessor.enabled && !STATEMENT_NOUNS.has(w) && !DOCUMENT_NOUNS.has(w) && toks[head].upos === 'NOUN' && !roleOf(w) && !own && /^(?:of|from)$/.test(lw(toks[head + 1]))) {
    for (const c of ctx.children[head]) {
      const cw = lw(toks[c]);
      if (c > head && c <= to && deprel(toks[c]).startsWith('nmod') && (STATEMENT_NOUNS.has(cw) || DOCUMENT_NOUNS.has(cw))) {
        const author = authorOf(ctx, head + 2, to, c);
        if (author?.entity) return fired(rule.describedPossessor, { entity: author.entity, span, via: 'author' });
      }
    }
  }
  if (STATEMENT_NOUNS.has(docWord) || DOCUMENT_NOUNS.has(docWord)) {
    const author = rule.statementAuthor.enabled ? authorOf(ctx, from, to, head) : null;
    if (author?.entity) return fired(rule.statementAuthor, { entity: author.entity, span, via: 'author' });
    if (author?.text) return fired(rule.statementAuthor, { entity: null, text: author.text, span, via: 'author' });
    // "the statement said" after "X said in a statement": the last speaker, found by the caller
    // (a statement described as someone's — "The Turkish statement", "The chain's press release" — is not the last speaker's)
    const described = toks.slice(from + 1, head).some((x) => x.upos === 'PROPN' || /^NNP/.test(x.xpos ?? '') || /^['’]s?$/.test(x.text) || ctx.owners[x.i] !== undefined);
    // (the statement's own determiner, not the phrase's first word: "the police and a statement by …" is no "the statement")
    const det = ctx.children[head].find((c) => c < head && /^(?:det|nmod:poss)$/.test(deprel(toks[c])));
    const definite = det !== undefined ? /^(?:the|this|that|its|his|her|their)$/.test(lw(toks[det])) : /^(?:the|this|that|its|his|her|their)$/.test(lw(toks[from]));
    // "the statement read" after "X released a statement saying …": the author of that earlier mention, before the last speaker
    if (rule.documentAntecedent.enabled && definite && !described && det !== undefined && lw(toks[det]) === 'the') {
      const earlier = earlierDocumentAuthor(ctx, from, head);
      if (earlier?.entity) return fired(rule.documentAntecedent, { entity: earlier.entity, span, via: 'author' });
      if (earlier?.text) return fired(rule.documentAntecedent, { entity: null, text: earlier.text, span, via: 'author' });
    }
    if (rule.documentAct.enabled && definite && !described && det !== undefined && lw(toks[det]) === 'the') {
      const actor = actAuthor(ctx, from, head);
      if (actor?.entity) return fired(rule.documentAct, { entity: actor.entity, span, via: 'author' });
      if (actor?.text) return fired(rule.documentAct, { entity: null, text: actor.text, span, via: 'author' });
    }
    return { entity: null, text: phraseText(ctx, from, to), span, statement: definite && STATEMENT_NOUNS.has(w) && !described };
  }
  // a state's own voice named by its nationality or its name: "the Russian government", "Iran's administration" → the state (before
  // coreference, which links the same phrase to the same state: coref.description-national-government)
  if (rule.stateVoice.enabled && STATE_VOICE.has(w) && toks[head].upos === 'NOUN') {
    const state = stateNamed(ctx, from, head) ?? stateAfterOf(ctx, head, to);
    if (state) return fired(rule.stateVoice, { entity: state, span, via: 'role' });
  }
  // 5. coreference made the phrase a mention of an entity ("the embassy added")
  if (own && named(own)) return { entity: own, span, via: 'coreference' };
  // an organisation named as a modifier of the head: "the M5S party", "NATO guidelines"
  for (let j = head - 1; j >= from; j--) {
    const o = ctx.owners[j];
    if (o && ctx.ownerKind[j] === 'name' && doc.entityById(o)?.type === 'ORG' && !isPossessor(ctx, j)) return { entity: o, span };
  }
  // "The Aviation Herald reported … The industry publication stated …": a definite description of a body
  // with no name in it continues the organisation that spoke in the attribution just before
  const continued = rule.describedBody.enabled && !own ? bodyJustSpeaking(ctx, from, head, to, recent) : null;
  if (continued) { rule.describedBody.fired(span.start, span.end); return { entity: continued, span, via: 'role' }; }
  // … or the latest body that spoke, past the unnamed sources it quoted, also a name no entity stands for ("Znak.com
  // reported its source said … The website further reported")
  const reached = rule.describedBodyReach.enabled && !own && rule.describedBody.enabled ? latestBodySpeaker(ctx, from, head, to, recent) : null;
  if (reached) {
    rule.describedBodyReach.fired(span.start, span.end);
    return reached.entity ? { entity: reached.entity, span, via: 'role' } : { entity: null, text: reached.text, span, via: 'role' };
  }
  // "the Lagos Chamber of Commerce … The chamber said": a definite description whose head noun is the head word of exactly one
  // name written before it that no entity stands for is that name (for an organisation entity, coreference links it: `own`)
  const headed = rule.descriptionNameHead.enabled && !own ? nameByDescriptionHead(ctx, from, head, to) : null;
  if (headed) return fired(rule.descriptionNameHead, { entity: null, text: headed, span, via: 'role' });
  // a plural description of people named together before: "Both officers", "the ministers", "The two"
  const group = rule.groupDescription.enabled && !own ? groupDescribed(ctx, from, head) : null;
  if (group) return fired(rule.groupDescription, { entity: group.members[0], text: phraseText(ctx, from, to), span, via: 'role', group: true });
  // a description whose own clause gives the name: "A spokesman for the rebel alliance, who gave his name only as Farid Osman,"
  const namedHere = rule.descriptionNamedInClause.enabled && !own ? nameInOwnClause(ctx, head, to) : null;
  if (namedHere) return fired(rule.descriptionNamedInClause, { entity: namedHere.entity ?? null, ...(namedHere.entity ? {} : { text: namedHere.text }), span, via: 'role' });
  // 6. a definite role description: "the foreign minister" → the person written with that role
  const byRole = rule.roleDescription.enabled ? personByRole(ctx, from, head) : null;
  const text = phraseText(ctx, from, to);
  if (byRole) return fired(rule.roleDescription, { entity: byRole, text, span, via: 'role' });
  if (!isNounish(toks[head])) head = to;
  const given = rule.descriptionName.enabled ? nameGiven(ctx, from, head, to) : null;
  if (given) return fired(rule.descriptionName, { entity: null, text: given, span });
  return { entity: null, text, span };
}

/**
 * The name a description gives its referent in apposition when no entity stands for it ("One news
 * site, Zentranet, claims" → "Zentranet"), or null. (The same for a participle on the head, "a
 * protester using the pseudonym Katya", was measured and dropped: it lost one held-out speaker.)
 */
function nameGiven(ctx: QuoteContext, from: number, head: number, to: number): string | null {
  const toks = ctx.doc.tokens;
  for (const c of ctx.children[head]) {
    if (c <= to || ctx.inside(c)) continue;
    const d = deprel(toks[c]);
    if (d !== 'appos' || ctx.owners[c] !== undefined) continue;
    // a name: capitalised words, one of them a proper noun ("Znak.com", "Calverton Terminals")
    const name = (k: number): boolean => /^\p{Lu}/u.test(toks[k].text) && /^(?:PROPN|NOUN)$/.test(toks[k].upos ?? '') && !ctx.inside(k);
    if (!name(c)) continue;
    let a = c;
    let b = c;
    while (a - 1 > head && name(a - 1) && toks[a - 1].head === c) a--;
    while (b + 1 < toks.length && name(b + 1) && toks[b + 1].head === c) b++;
    if (!toks.slice(a, b + 1).some((x) => x.upos === 'PROPN')) continue;
    return ctx.doc.text.slice(toks[a].start, toks[b].end);
  }
  return null;
}

const STATE_VOICE = set('event-participant-nouns', { class: 'state-voice' });

/**
 * The state a description of its government names before the head word: a nationality ("the
 * Russian government") or the state's name, possessor or modifier ("Iran's government", "the US
 * administration"), when the document names that state (its GPE entity); null for anything else
 * in the phrase ("the Saudi-backed government": not a state of its own).
 */
function stateNamed(ctx: QuoteContext, from: number, head: number): string | null {
  const doc = ctx.doc;
  const toks = doc.tokens;
  let found: string | null = null;
  for (let j = from; j < head; j++) {
    const t = toks[j];
    if (j === from && /^(?:the|its)$/.test(lw(t))) continue;
    if (/^['’]s?$/.test(t.text)) continue;
    const o = ctx.owners[j];
    const e = o ? doc.entityById(o) : undefined;
    let state: string | null = null;
    if (e?.type === 'GPE') state = e.id;
    else if (/^\p{Lu}/u.test(t.text) && (!e || e.type === 'NORP')) {
      const code = nationalityCode(t.text);
      const c = code ? countryEntity(doc, code) : null;
      if (c?.type === 'GPE') state = c.id;
    }
    // every word before the head names the one state (a word of its name, or the possessive)
    if (!state || (found && found !== state)) return null;
    found = state;
  }
  return found;
}

const SPEAKING_BODIES = set('org-nouns', { uses: 'speaker' });

/**
 * A description "the [modifiers] NOUN" whose head is a body noun (`org-nouns`, use `speaker`) and which names
 * nothing (no name, nationality or possessor in it, nothing after the head) stands for the organisation
 * that was the speaker of the attribution just before, in its sentence or the one before. Its id, or null.
 */
function bodyJustSpeaking(ctx: QuoteContext, from: number, head: number, to: number, recent: readonly Speaker[]): string | null {
  if (!bodyDescription(ctx, from, head, to)) return null;
  const doc = ctx.doc;
  const t = doc.tokens[head];
  const last = recent[recent.length - 1];
  if (!last?.entity || !last.span || last.group || doc.entityById(last.entity)?.type !== 'ORG') return null;
  return t.sentence - doc.sentenceAt(last.span.start) <= 1 && last.span.start < t.start ? last.entity : null;
}

/** "the industry publication", "The website": "the", adjectives and nouns naming nothing, and a singular body noun (org-nouns tagged `speaker`). */
function bodyDescription(ctx: QuoteContext, from: number, head: number, to: number): boolean {
  const toks = ctx.doc.tokens;
  const t = toks[head];
  if (lw(toks[from]) !== 'the' || to !== head || t.upos !== 'NOUN' || /^NNS/.test(t.xpos ?? '') || !SPEAKING_BODIES.has(lw(t))) return false;
  for (let j = from + 1; j < head; j++) {
    const x = toks[j];
    if (ctx.owners[j] !== undefined || x.upos === 'PROPN' || /^\p{Lu}/u.test(x.text) || /^['’]s?$/.test(x.text) || !/^(?:ADJ|NOUN)$/.test(x.upos ?? '')) return false;
  }
  return true;
}

/**
 * The name a definite description names by its head word when no entity stands for that name: "the", adjectives and a
 * singular common noun, no name in the phrase, and that noun the head word of exactly one name written before it, a run of
 * capitalised words no entity covers ("Business groups, including the Lagos Chamber of Commerce … The chamber said": the
 * recogniser found "Lagos" alone). The name's words, or null. The index is coreference's (src/extract/coref/name-heads.ts);
 * when an organisation entity stands for the name, coreference links the description itself and the caller reads that link.
 */
function nameByDescriptionHead(ctx: QuoteContext, from: number, head: number, to: number): string | null {
  const doc = ctx.doc;
  const toks = doc.tokens;
  const t = toks[head];
  if (lw(toks[from]) !== 'the' || to !== head || t.upos !== 'NOUN' || /^NNS/.test(t.xpos ?? '')) return null;
  for (let j = from + 1; j < head; j++) {
    const x = toks[j];
    if (ctx.owners[j] !== undefined || x.upos === 'PROPN' || /^\p{Lu}/u.test(x.text) || !/^(?:ADJ|NOUN)$/.test(x.upos ?? '')) return null;
  }
  return nameByHeadWord(doc, lw(t), toks[from].start)?.text ?? null;
}

const NAMING = mapOf('naming-verbs', 'after');

/**
 * The name a description's own clause gives it (a relative clause or participle on its head, ending within a few words of
 * the phrase): "who gave his name only as Farid Osman", "identified as Lena Hart", "named Carla Dominguez". A person's
 * entity, or a run of capitalised words no entity stands for; null when the clause names nobody that way.
 */
function nameInOwnClause(ctx: QuoteContext, head: number, to: number): { entity?: string; text?: string } | null {
  const doc = ctx.doc;
  const toks = doc.tokens;
  const sent = doc.sentences[toks[head].sentence];
  for (const c of ctx.children[head]) {
    if (c <= head || !/^acl/.test(deprel(toks[c]))) continue;
    // the clause's words: tokens after the head whose heads lead to c (a few steps), up to the sentence's end
    const under = (j: number): boolean => {
      let x = j;
      for (let n = 0; n < 8 && x >= 0; n++) {
        if (x === c) return true;
        x = toks[x].head ?? -1;
      }
      return false;
    };
    for (let v = head + 1; v < sent.tokenEnd && v - to <= 12; v++) {
      if (!under(v) || ctx.inside(v)) continue;
      const how = NAMING.get((toks[v].lemma ?? lw(toks[v])).toLowerCase());
      if (!how || !/^(?:VERB|AUX)$/.test(toks[v].upos ?? '')) continue;
      for (let j = v + 1; j < sent.tokenEnd && j - v <= 8; j++) {
        const afterAs = lw(toks[j - 1]) === 'as' && how.includes('as');
        const asObject = j === v + 1 && how.includes('object');
        if (!afterAs && !asObject) continue;
        const o = ctx.owners[j];
        if (o && ctx.ownerKind[j] === 'name') return doc.entityById(o)?.type === 'PERSON' ? { entity: o } : null;
        if (toks[j].upos !== 'PROPN') return null;
        let k = j;
        while (k + 1 < sent.tokenEnd && toks[k + 1].upos === 'PROPN' && k - j < 4) k++;
        return { text: doc.text.slice(toks[j].start, toks[k].end) };
      }
    }
  }
  return null;
}

/**
 * The latest body that spoke before a body description, in its sentence or the one before: an organisation, or a name
 * no entity stands for, kept as its words ("Znak.com"). Attributions of unnamed sources after it are passed over ("Znak.com
 * reported its source said …"); a person, a group or a description of a body between stops the search. An entity id, the
 * words of the name, or null.
 */
function latestBodySpeaker(ctx: QuoteContext, from: number, head: number, to: number, recent: readonly Speaker[]): { entity?: string; text?: string } | null {
  if (!bodyDescription(ctx, from, head, to)) return null;
  const doc = ctx.doc;
  const t = doc.tokens[head];
  for (let k = recent.length - 1; k >= 0; k--) {
    const r = recent[k];
    if (!r.span || r.span.start >= t.start || r.group || r.statement) return null;
    if (t.sentence - doc.sentenceAt(r.span.start) > 1) return null;
    if (r.entity) return doc.entityById(r.entity)?.type === 'ORG' ? { entity: r.entity } : null;
    if (!r.text) return null;
    if (namedWords(r.text) && r.span.text === r.text) return { text: r.text };
    // an unnamed source ("its source", "an anonymous official") is passed over; a body described is not ("the agency")
    const w = r.text.toLowerCase().split(/\s+/);
    if (w.some((x) => SPEAKING_BODIES.has(x) || !!lookup('org-nouns', x))) return null;
  }
  return null;
}

/** Words written as a name: capitalised (a digit, a dotted domain), with at most short function words between ("Who Gives a Crap"), not opening on an article. */
function namedWords(text: string): boolean {
  const w = text.split(/\s+/);
  if (!w.length || w.length > 6 || /^(?:the|a|an|this|that|these|those)$/i.test(w[0]) || !/^[\p{Lu}\d]/u.test(w[0]) || PERSONAL.has(w[0].toLowerCase())) return false;
  return w.every((x) => /^[\p{Lu}\d]/u.test(x) || (x.length <= 3 && /^\p{Ll}+$/u.test(x)));
}

/** "the government of Burundi": the state named, all of it, by the "of" phrase closing the description; or null. */
function stateAfterOf(ctx: QuoteContext, head: number, to: number): string | null {
  const toks = ctx.doc.tokens;
  if (lw(toks[head + 1]) !== 'of' || head + 2 > to) return null;
  const o = ctx.owners[head + 2];
  if (!o || ctx.doc.entityById(o)?.type !== 'GPE') return null;
  for (let j = head + 2; j <= to; j++) if (ctx.owners[j] !== o) return null;
  return o;
}

const ISSUING = set('issuing-verbs');

/**
 * "according to e-mails sent by her family", "the private fears expressed by a senior official": a thing
 * said or written (a common noun naming nobody) that a past participle of issuing hands to a by-agent is
 * that agent's word. The agent's phrase, or null.
 */
function documentAgent(ctx: QuoteContext, head: number): SourcePhrase | null {
  const toks = ctx.doc.tokens;
  // (a statement or document noun is its author's through authorOf, which knows possessors and issuers)
  const w = lw(toks[head]);
  if (toks[head].upos !== 'NOUN' || ctx.owners[head] || roleOf(w) || STATEMENT_NOUNS.has(w) || DOCUMENT_NOUNS.has(w)) return null;
  for (const c of ctx.children[head]) {
    if (c < head || deprel(toks[c]) !== 'acl' || toks[c].xpos !== 'VBN' || ctx.inside(c) || !ISSUING.has((toks[c].lemma ?? '').toLowerCase())) continue;
    for (const a of ctx.children[c]) {
      if (!/^obl/.test(deprel(toks[a])) || !ctx.children[a].some((x) => lw(toks[x]) === 'by') || !isNounish(toks[a])) continue;
      return { ...nounPhrase(ctx, a), head: a, how: 'agent' };
    }
  }
  return null;
}

const DOCUMENT_NOUNS = set('document-nouns');

/**
 * quotes.possessive-medium: a source phrase whose determiner is a possessive pronoun that coreference linked to a person,
 * body or place ("its website", "Their statement", "her memoirs") and whose head is a statement or document noun or an
 * organisation noun of the speaking kind (a website, a newspaper: org-nouns tagged `speaker`): that entity, or null.
 */
function possessiveMediumOwner(ctx: QuoteContext, from: number, head: number, docWord: string): string | null {
  const toks = ctx.doc.tokens;
  const medium = STATEMENT_NOUNS.has(docWord) || DOCUMENT_NOUNS.has(docWord) || /\bspeaker\b/.test(lookup('org-nouns', (toks[head].lemma ?? lw(toks[head])).toLowerCase())?.attrs.uses ?? '');
  if (!medium || toks[head].upos !== 'NOUN') return null;
  const det = ctx.children[head].find((c) => c >= from && c < head && deprel(toks[c]) === 'nmod:poss' && POSSESSIVE_DET.has(lw(toks[c])) && PERSONAL_POSSESSIVE.test(lw(toks[c])));
  if (det === undefined) return null;
  // (nothing else naming an author between: "its own ministry's statement" is the ministry's)
  if (toks.slice(det + 1, head).some((x) => ctx.owners[x.i] !== undefined || /^['’]s?$/.test(x.text))) return null;
  const o = ctx.owners[det];
  if (!o || ctx.ownerKind[det] !== 'pronoun') return null;
  const type = ctx.doc.entityById(o)?.type;
  return type === 'PERSON' || type === 'ORG' || type === 'GPE' ? o : null;
}
/** The possessive pronouns of a third person: a first or second person one ("our statement") speaks for the writer. */
const PERSONAL_POSSESSIVE = /^(?:its|his|her|their)$/;

/**
 * Who wrote a statement: its possessor ("Judge Miller's statement", "Erdogan's office"), a name
 * inside it ("the Home Office letter"), a by-phrase ("a statement released by the ministry"), or
 * the subject of the verb that issued it ("Facebook released a statement which read").
 */
function authorOf(ctx: QuoteContext, from: number, to: number, head: number): { entity?: string; text?: string } | null {
  const toks = ctx.doc.tokens;
  const named = (j: number) => { const o = ctx.owners[j]; return o && ctx.ownerKind[j] === 'name' && speakerRank(ctx.doc, o) > 0 ? o : null; };
  // before the head: possessors and compounds
  for (let j = head - 1; j >= from; j--) { const o = named(j); if (o) return { entity: o }; }
  // a possessor that is a role description: "the judge's statement" → the person written as the judge
  if (rule.describedPossessor.enabled) {
    for (let j = from + 1; j < head; j++) {
      if (!/^['’]s?$/.test(toks[j].text) || toks[j].start !== toks[j - 1].end) continue;
      const who = personByRole(ctx, from, j - 1);
      if (who) { rule.describedPossessor.fired(); return { entity: who }; }
    }
  }
  // after it: only a by-phrase naming a body ("a statement by …", "a poll published by NBC News")
  for (let j = head + 1; j < to; j++) {
    if (/^(?:by|from)$/.test(lw(toks[j]))) for (let k = j + 1; k <= to; k++) { const o = named(k); if (o) return { entity: o }; }
  }
  // a participle after it: "a statement released by Erdogan's office", "a report issued by the ministry"
  if (rule.statementAuthor.enabled) {
    for (const c of ctx.children[head]) {
      if (c < head || deprel(toks[c]) !== 'acl' || toks[c].xpos !== 'VBN' || ctx.inside(c)) continue;
      for (const a of ctx.children[c]) {
        if (!/^obl/.test(deprel(toks[a])) || !ctx.children[a].some((x) => lw(toks[x]) === 'by')) continue;
        const np = nounPhrase(ctx, a);
        for (let j = np.from; j <= np.to; j++) { const o = named(j); if (o) return { entity: o }; }
      }
    }
  }
  // the verb whose object the statement is: "X released a statement which read …", "experts signed an open letter urging …"
  // (or that is written right before it, where the parse gave the statement another role: "Malaysia Airlines
  // issued a statement saying "…"" with "statement" the subject of the quoted clause)
  const before = toks[from - 1];
  const issuedRightBefore = rule.issuedStatement.enabled && deprel(toks[head]) !== 'obj' && from > 0 && before.upos === 'VERB' && !ctx.inside(from - 1) && ISSUING.has((before.lemma ?? '').toLowerCase()) && child(ctx, from - 1, /^nsubj$/) >= 0;
  if (issuedRightBefore) rule.issuedStatement.fired(before.start, toks[head].end);
  if ((deprel(toks[head]) === 'obj' && (toks[head].head ?? -1) >= 0) || issuedRightBefore) {
    const v = issuedRightBefore ? from - 1 : toks[head].head!;
    if (ISSUING.has((toks[v].lemma ?? '').toLowerCase())) return subjectIssuer(ctx, v);
  }
  // the means a cue's subject answered with: "Others responded with tweets calling …", "the ministry replied with a statement saying …"
  if (rule.statementWith.enabled && /^obl/.test(deprel(toks[head])) && ctx.children[head].some((c) => lw(toks[c]) === 'with' && deprel(toks[c]) === 'case')) {
    const v = toks[head].head ?? -1;
    if (v >= 0 && toks[v].upos === 'VERB' && cueOf(toks[v]) && !ctx.inside(v)) {
      const issuer = subjectIssuer(ctx, v);
      if (issuer) { rule.statementWith.fired(toks[v].start, toks[head].end); return issuer; }
    }
  }
  return null;
}

/**
 * quotes.it-issued-document: an "it" subject opening its sentence (an adverb at most before it), in the paragraph of a sentence
 * whose main verb (or a verb conjoined to it) is an issuing verb with a statement or document noun for its object ("The leaders
 * at the summit approved a declaration in which …"): the one who issued it (`subjectIssuer`), or null.
 */
function issuedDocumentBefore(ctx: QuoteContext, pronoun: number): { entity?: string; text?: string } | null {
  const { doc } = ctx;
  const toks = doc.tokens;
  const sIdx = toks[pronoun].sentence;
  const sent = doc.sentences[sIdx];
  if (sIdx === 0 || !/^nsubj/.test(deprel(toks[pronoun])) || pronoun - sent.tokenStart > 1) return null;
  const prev = doc.sentences[sIdx - 1];
  if (prev.paragraph !== sent.paragraph) return null;
  let root = -1;
  for (let j = prev.tokenStart; j < prev.tokenEnd && root < 0; j++) if (toks[j].deprel === 'root') root = j;
  if (root < 0 || toks[root].upos !== 'VERB') return null;
  const verbs = [root, ...ctx.children[root].filter((c) => deprel(toks[c]) === 'conj' && toks[c].upos === 'VERB')];
  let found: { v: number; noun: number } | null = null;
  for (const v of verbs) {
    if (ctx.inside(v) || !ISSUING.has((toks[v].lemma ?? '').toLowerCase())) continue;
    for (const c of ctx.children[v]) {
      const cw = lw(toks[c]);
      if (deprel(toks[c]) === 'obj' && !ctx.inside(c) && !/^NNP?S$/.test(toks[c].xpos ?? '') && (STATEMENT_NOUNS.has(cw) || DOCUMENT_NOUNS.has(cw))) found = { v, noun: c };
    }
  }
  if (!found) return null;
  return subjectIssuer(ctx, found.v);
}

/** The word a statement or document noun is looked up by: as written, or a plural's lemma when quotes.statement-with is on. */
function documentWord(t: Token, w: string): string {
  if (!rule.statementWith.enabled || !/^NNS$/.test(t.xpos ?? '') || STATEMENT_NOUNS.has(w) || DOCUMENT_NOUNS.has(w)) return w;
  return (t.lemma ?? w).toLowerCase();
}

/** The one a verb's subject names: a person heading it, else a name in it (not a possessor's, not in its prepositional phrase), else its words. */
function subjectIssuer(ctx: QuoteContext, v: number): { entity?: string; text?: string } | null {
  const toks = ctx.doc.tokens;
  const named = (j: number) => { const o = ctx.owners[j]; return o && ctx.ownerKind[j] === 'name' && speakerRank(ctx.doc, o) > 0 ? o : null; };
  const subj = child(ctx, v, /^nsubj$/);
  if (subj < 0) return null;
  const np = nounPhrase(ctx, subj);
  // a name heading the subject, not one inside its prepositional phrase ("owners from the border state of Texas")
  const person = personInPhrase(ctx, np.from, np.to);
  if (person) return { entity: person };
  let end = np.to;
  for (let j = subj + 1; j <= np.to; j++) if (PREPOSITIONS.has(lw(toks[j]))) { end = j - 1; break; }
  for (let j = end; j >= np.from; j--) { const o = named(j); if (o && !isPossessor(ctx, j)) return { entity: o }; }
  if (!PERSONAL.has(lw(toks[subj])) && !RELATIVE.has(lw(toks[subj]))) return { text: phraseText(ctx, np.from, np.to) };
  return null;
}

/** Per document and per index: the tokens outside quotations that `keep` picks, by lower-case lemma, in text order. */
const lemmaIndexCache = new WeakMap<QuoteContext, Map<string, Map<string, number[]>>>();

function tokensByLemma(ctx: QuoteContext, name: string, keep: (t: Token, lemma: string) => boolean): Map<string, number[]> {
  let all = lemmaIndexCache.get(ctx);
  if (!all) lemmaIndexCache.set(ctx, (all = new Map()));
  let out = all.get(name);
  if (out) return out;
  out = new Map();
  for (const t of ctx.doc.tokens) {
    const l = (t.lemma ?? t.text).toLowerCase();
    if (ctx.inside(t.i) || !keep(t, l)) continue;
    const list = out.get(l) ?? [];
    list.push(t.i);
    out.set(l, list);
  }
  all.set(name, out);
  return out;
}

/** The statement and document nouns of the document, by lemma (quotes.document-antecedent). */
function documentMentions(ctx: QuoteContext): Map<string, number[]> {
  return tokensByLemma(ctx, 'documents', (t, l) => t.upos === 'NOUN' && (STATEMENT_NOUNS.has(l) || DOCUMENT_NOUNS.has(l)));
}

/**
 * quotes.document-antecedent: the author of the nearest earlier mention of the same statement or document noun that names
 * one — its possessor, a name in it, its by-phrase, the subject of the verb that issued it ("X released a statement saying
 * …"), or the subject of a speech verb it is the medium of ("Ford said in a filing"). At most four mentions back (linear).
 */
function earlierDocumentAuthor(ctx: QuoteContext, from: number, head: number): { entity?: string; text?: string } | null {
  const toks = ctx.doc.tokens;
  const list = documentMentions(ctx).get((toks[head].lemma ?? toks[head].text).toLowerCase());
  if (!list) return null;
  let k = countWhile(list.length, (j) => list[j] < from) - 1;
  for (let n = 0; k >= 0 && n < 4; k--, n++) {
    const i = list[k];
    const np = nounPhrase(ctx, i);
    const author = authorOf(ctx, np.from, np.to, i) ?? mediumOf(ctx, i);
    if (author) return author;
  }
  return null;
}

const DOCUMENT_ACTS = mapOf('document-nouns', 'acts');

const ACT_VERBS = new Set([...DOCUMENT_ACTS.values()].flatMap((v) => v.split(',')));

/** The verbs whose act a document noun records, by lemma (quotes.document-act). */
function actVerbs(ctx: QuoteContext): Map<string, number[]> {
  return tokensByLemma(ctx, 'acts', (t, l) => t.upos === 'VERB' && ACT_VERBS.has(l));
}

/**
 * quotes.document-act: "Trump declared a national emergency … The proclamation said": a document noun that has no earlier
 * mention of its own is the record of the nearest act before it that it names (`acts` in lexicon/en/document-nouns.tsv), and
 * speaks for that verb's subject. Never a passive, a participle on a noun, or a verb with no subject of its own.
 */
function actAuthor(ctx: QuoteContext, from: number, head: number): { entity?: string; text?: string } | null {
  const toks = ctx.doc.tokens;
  const acts = DOCUMENT_ACTS.get((toks[head].lemma ?? toks[head].text).toLowerCase());
  if (!acts) return null;
  // an earlier mention of the noun (authorless, or it would have answered) is the record: no act before it is
  if ((documentMentions(ctx).get((toks[head].lemma ?? toks[head].text).toLowerCase()) ?? []).some((i) => i < from)) return null;
  // the main verb of its sentence (or one conjoined to it), active, with no clause of its own: a verb reporting a claim is
  // speech, not the act, and one in a subordinate clause is background ("two days after the WHO declared the outbreak …")
  const main = (v: number) => deprel(toks[v]) === 'root' || (deprel(toks[v]) === 'conj' && deprel(toks[toks[v].head ?? v]) === 'root');
  const act = (v: number) => main(v) && toks[v].xpos !== 'VBN' && !ctx.children[v].some((c) => /^(?:aux:pass|nsubj:pass|ccomp|xcomp)$/.test(deprel(toks[c])));
  const verbs = actVerbs(ctx);
  let best = -1;
  for (const a of acts.split(',')) {
    const list = verbs.get(a);
    if (!list) continue;
    let k = countWhile(list.length, (j) => list[j] < from) - 1;
    while (k >= 0 && !act(list[k])) k--;
    if (k >= 0 && list[k] > best) best = list[k];
  }
  return best < 0 ? null : subjectIssuer(ctx, best);
}

/** "Ford said in a financial filing": the subject of the speech verb a statement noun is the medium of ("in a statement"). */
function mediumOf(ctx: QuoteContext, noun: number): { entity?: string; text?: string } | null {
  const toks = ctx.doc.tokens;
  const v = toks[noun].head ?? -1;
  if (v < 0 || !/^obl/.test(deprel(toks[noun])) || !ctx.children[noun].some((c) => lw(toks[c]) === 'in') || !cueOf(toks[v])) return null;
  return subjectIssuer(ctx, v);
}

/** Per document: an entity set aside as a pronoun's co-argument → the speaker found instead, and where. */
const setAsideCache = new WeakMap<QuoteContext, Map<string, { to: string; sentence: number }>>();

/**
 * The entities named among the other arguments of a pronoun subject's verb — its objects and
 * obliques and the nouns inside them ("told Reuters", "in an interview with Dawn"): a pronoun
 * cannot stand for its own verb's co-argument. Null when the pronoun is no subject.
 */
function coArguments(ctx: QuoteContext, pronoun: number): Set<string> | null {
  const toks = ctx.doc.tokens;
  const v = toks[pronoun].head ?? -1;
  if (v < 0 || !/^nsubj/.test(deprel(toks[pronoun]))) return null;
  const out = new Set<string>();
  const walk = (i: number, depth: number): void => {
    const o = ctx.owners[i];
    if (o && ctx.ownerKind[i] === 'name') out.add(o);
    if (depth < 3) for (const c of ctx.children[i]) if (!ctx.inside(c) && /^(?:nmod|compound|flat|appos)/.test(deprel(toks[c]))) walk(c, depth + 1);
  };
  for (const c of ctx.children[v]) if (c !== pronoun && !ctx.inside(c) && /^(?:obj|iobj|obl)/.test(deprel(toks[c]))) walk(c, 0);
  return out;
}

/**
 * The entities named, outside quotation marks, in the clause a pronoun subject opens — its verb's
 * complements and adjuncts written after it, with everything inside them ("He also added that Zuma
 * did not …"). A pronoun cannot stand for a name its own clause holds (the name would be written as a
 * pronoun there); a conjoined or paratactic clause is another clause. Null when the pronoun is no subject.
 */
function namedInOwnClause(ctx: QuoteContext, pronoun: number): Set<string> | null {
  const toks = ctx.doc.tokens;
  const v = toks[pronoun].head ?? -1;
  if (v < 0 || !/^nsubj/.test(deprel(toks[pronoun]))) return null;
  const out = new Set<string>();
  const walk = (i: number): void => {
    const o = ctx.owners[i];
    if (o && ctx.ownerKind[i] === 'name' && !ctx.inside(i)) out.add(o);
    for (const c of ctx.children[i]) walk(c);
  };
  for (const c of ctx.children[v]) if (c > pronoun && !/^(?:conj|parataxis|punct|cc)(?::|$)/.test(deprel(toks[c]))) walk(c);
  return out;
}

/**
 * A name written as a modifier of a common noun after it ("Trump loyalist Stephen Schwarzman", "the Biden
 * campaign"): the words of the name (j's run of one entity) hang, as a whole, as a compound on a later noun.
 */
function nameAsModifier(ctx: QuoteContext, j: number): boolean {
  const toks = ctx.doc.tokens;
  const o = ctx.owners[j];
  let a = j;
  let b = j;
  while (a > 0 && ctx.owners[a - 1] === o) a--;
  while (b + 1 < toks.length && ctx.owners[b + 1] === o) b++;
  for (let k = a; k <= b; k++) {
    const h = toks[k].head ?? -1;
    if (h >= a && h <= b) continue;
    return deprel(toks[k]) === 'compound' && h > b && toks[h].upos === 'NOUN';
  }
  return false;
}

/**
 * "…'s director, Dr. Anthony Fauci, said": the person named (after any title words) in commas right after
 * a phrase that closes on a role noun, or null.
 */
function personAfterRole(ctx: QuoteContext, to: number): string | null {
  const toks = ctx.doc.tokens;
  if (!roleOf(lw(toks[to])) || toks[to + 1]?.text !== ',') return null;
  let c = to + 2;
  while (c < toks.length && c < to + 5 && !ctx.owners[c] && isTitle(toks[c].text)) c++;
  const o = ctx.owners[c];
  if (!o || ctx.ownerKind[c] !== 'name' || ctx.doc.entityById(o)?.type !== 'PERSON' || ctx.inside(c)) return null;
  let e = c;
  while (e + 1 < toks.length && ctx.owners[e + 1] === o) e++;
  return toks[e + 1]?.text === ',' && toks[e + 1].sentence === toks[to].sentence ? o : null;
}

/** A person named in a phrase, not inside a prepositional phrase and not as a possessor. */
function personInPhrase(ctx: QuoteContext, from: number, to: number): string | null {
  const toks = ctx.doc.tokens;
  for (let j = from; j <= to; j++) {
    const o = ctx.owners[j];
    if (!o || ctx.ownerKind[j] !== 'name' || ctx.doc.entityById(o)?.type !== 'PERSON' || isPossessor(ctx, j) || nameAsModifier(ctx, j)) continue;
    let a = j;
    while (a > from && ctx.owners[a - 1] === o) a--;
    // (over the titles and role words written before the name: "a spokesman for President Ana Ruiz" is not Ruiz)
    if (rule.titleAfterPreposition.enabled) {
      let b = a;
      while (b > from && ctx.owners[b - 1] === undefined && !ctx.inside(b - 1) && (isTitle(toks[b - 1].text) || !!roleOf(lw(toks[b - 1])))) b--;
      // ("Secretary of State Mike Pompeo": a capitalised title before "of" makes one title of it)
      const ofTitle = lw(toks[b - 1]) === 'of' && b - 2 >= from && /^\p{Lu}/u.test(toks[b - 2].text);
      if (b < a && b > from && PREPOSITIONS.has(lw(toks[b - 1])) && !ofTitle) { rule.titleAfterPreposition.fired(toks[b - 1].start, toks[j].end); continue; }
    }
    if (a > from && PREPOSITIONS.has(lw(toks[a - 1]))) continue;
    return o;
  }
  return null;
}

/** A person named in this sentence or the one before, other than `not`, whose known gender is the pronoun's. */
function knownAgreeingNearby(ctx: QuoteContext, pronoun: 'he' | 'she', pos: number, not: string): string | null {
  const sIdx = ctx.doc.sentenceAt(pos);
  // the sentence before, or the last narrated one before quoted sentences (quotes.reach-over-quotation)
  let before = Math.max(0, sIdx - 1);
  while (rule.reachOverQuotation.enabled && before > 0 && whollyQuoted(ctx, before)) before--;
  if (before < sIdx - 1) rule.reachOverQuotation.fired(ctx.doc.sentences[before].start, pos);
  const from = ctx.doc.sentences[before].start;
  const want = pronoun === 'he' ? 'm' : 'f';
  const list = mentionIndex(ctx);
  for (let k = mentionsBefore(list, pos) - 1; k >= 0 && list[k].start >= from; k--) {
    const m = list[k];
    if (m.kind !== 'name' || m.end > pos || !m.entity || m.entity === not) continue;
    if (ctx.doc.entityById(m.entity)?.type === 'PERSON' && entityGender(ctx, m.entity, pos) === want) return m.entity;
  }
  return null;
}

/** How many sentences back a pronoun speaker's fallback antecedent may last have been written. */
const REACH_SENTENCES = 3;

/**
 * The speaker of the direct speech just before a he/she subject opening its sentence: the latest speaker
 * on the trail, when its cue stands in the last narrated sentence before the pronoun (sentences wholly
 * quoted skipped), that sentence holds a quotation, no person is named between it and the pronoun
 * outside quotation marks, and the speaker is a person who agrees. Null otherwise.
 */
function speakerOfDirectSpeechBefore(ctx: QuoteContext, pronoun: number, w: 'he' | 'she', recent: readonly Speaker[], not: Set<string> | null | undefined): Speaker | null {
  const doc = ctx.doc;
  const toks = doc.tokens;
  const sIdx = toks[pronoun].sentence;
  const sent = doc.sentences[sIdx];
  if (sIdx === 0 || !/^nsubj/.test(deprel(toks[pronoun]))) return null;
  for (let j = sent.tokenStart; j < pronoun; j++) if (!ctx.inside(j) && /^(?:PROPN|NOUN|PRON)$/.test(toks[j].upos ?? '')) return null;
  const r = recent[recent.length - 1];
  if (!r?.span) return null;
  // a person described with no name ("a woman in the village told Reuters") agrees when its noun does not say otherwise
  const described = !r.entity && !!r.text && !r.group && !r.statement && rule.describedPersonPronoun.enabled && describedPersonAgrees(ctx, spanPhrase(ctx, r.span), w);
  if (!described && (!r.entity || not?.has(r.entity) || doc.entityById(r.entity)?.type !== 'PERSON' || !agrees(ctx, w, r.entity, toks[pronoun].start))) return null;
  const rs = doc.sentenceAt(r.span.start);
  if (rs >= sIdx) return null;
  // the sentences between are wholly quoted, and the speaker's sentence holds a quotation
  for (let k = rs + 1; k < sIdx; k++) if (!whollyQuoted(ctx, k)) return null;
  let holds = false;
  for (let i = doc.sentences[rs].tokenStart; i < doc.sentences[rs].tokenEnd && !holds; i++) if (ctx.inside(i)) holds = true;
  if (!holds) return null;
  // no other person named outside quotation marks after the speaker's source in that sentence
  for (let i = doc.tokenAt(r.span.end); i < doc.sentences[rs].tokenEnd; i++) {
    const o = ctx.owners[i];
    if (o && o !== r.entity && !ctx.inside(i) && ctx.ownerKind[i] === 'name' && doc.entityById(o)?.type === 'PERSON') return null;
  }
  if (described) rule.describedPersonPronoun.fired(toks[pronoun].start, toks[pronoun].end);
  return r.entity ? { entity: r.entity } : { entity: null, text: r.text };
}

/** The token range and head of a source phrase written at `span` (its head: the word whose parse head lies outside it). */
function spanPhrase(ctx: QuoteContext, span: { start: number; end: number }): { from: number; to: number; head: number } {
  const doc = ctx.doc;
  const from = doc.tokenAt(span.start);
  let to = from;
  while (to + 1 < doc.tokens.length && doc.tokens[to + 1].end <= span.end) to++;
  let head = to;
  for (let k = from; k <= to; k++) {
    const h = doc.tokens[k].head ?? -1;
    if (h < from || h > to) { head = k; break; }
  }
  return { from, to, head };
}

const PERSON_NOUN_GENDER = mapOf('person-nouns', 'gender');
const PERSON_NOUNS = set('person-nouns');

/**
 * The gender a noun for one person fixes — 'x' when it fixes none ("the witness", "a teacher") — or null when the
 * noun is no single person (a plural, a body, a thing): roles (lexicon/en/roles.tsv) and lexicon/en/person-nouns.tsv.
 */
function personNounGender(t: Token): 'm' | 'f' | 'x' | null {
  if (/^NNPS?$|^NNS$/.test(t.xpos ?? '') || t.upos !== 'NOUN') return null;
  const w = lw(t);
  const role = roleOf(w);
  if (role) return role.plural ? null : (role.gender ?? 'x');
  const lemma = (t.lemma ?? w).toLowerCase();
  if (!PERSON_NOUNS.has(w) && !PERSON_NOUNS.has(lemma)) return null;
  return (PERSON_NOUN_GENDER.get(w) ?? PERSON_NOUN_GENDER.get(lemma) ?? 'x') as 'm' | 'f' | 'x';
}

/**
 * One person described with no name — "a woman in the village", "the witness", "One of the victims", "One of them, a
 * retired teacher" — whose nouns do not say another gender than the pronoun's. A name in the phrase's head, a plural or
 * a body is no such description.
 */
function describedPersonAgrees(ctx: QuoteContext, p: { from: number; to: number; head: number }, w: 'he' | 'she'): boolean {
  const toks = ctx.doc.tokens;
  const h = toks[p.head];
  if (ctx.owners[p.head] && ctx.ownerKind[p.head] === 'name') return false;
  const genders: ('m' | 'f' | 'x')[] = [];
  if (lw(h) === 'one') {
    // "one of them", "one of the victims": one person of a group of people
    const of = ctx.children[p.head].find((c) => c > p.head && c <= p.to && /^(?:nmod|obl)/.test(deprel(toks[c])) && ctx.children[c].some((x) => lw(toks[x]) === 'of'));
    if (of === undefined) return false;
    const ow = lw(toks[of]);
    const people = /^(?:them|us|those|these)$/.test(ow) || (toks[of].xpos === 'NNS' && (!!roleOf(ow) || PERSON_NOUNS.has((toks[of].lemma ?? ow).toLowerCase())));
    if (!people) return false;
    genders.push('x');
  } else {
    const g = personNounGender(h);
    if (!g) return false;
    genders.push(g);
  }
  // an apposed noun may say more: "One of them, a retired teacher," / "a local man"
  for (const c of ctx.children[p.head]) {
    if (c <= p.to && deprel(toks[c]) === 'appos') { const g = personNounGender(toks[c]); if (g) genders.push(g); }
  }
  const want = w === 'he' ? 'm' : 'f';
  return genders.every((g) => g === 'x' || g === want);
}

/** A person or a body, by its entity, or a personal pronoun: who can be the source of speech. */
function canSpeak(ctx: QuoteContext, i: number): boolean {
  const o = ctx.owners[i];
  const type = o ? ctx.doc.entityById(o)?.type : undefined;
  return type === 'PERSON' || type === 'ORG' || (PERSONAL.has(lw(ctx.doc.tokens[i])) && lw(ctx.doc.tokens[i]) !== 'it');
}

/** Every word of the sentence lies inside quotation marks. */
function whollyQuoted(ctx: QuoteContext, s: number): boolean {
  const sent = ctx.doc.sentences[s];
  for (let i = sent.tokenStart; i < sent.tokenEnd; i++) if (!ctx.inside(i) && /[\p{L}\p{N}]/u.test(ctx.doc.tokens[i].text)) return false;
  return true;
}

/**
 * Sentences from `from` to `to` (the later one counted, the earlier not), leaving out those wholly inside
 * quotation marks when quotes.reach-over-quotation is on: a speaker's own quoted sentences name no new
 * referent for a pronoun after them ('Ms Maliwal demanded … "I will … [five quoted sentences]" She also demanded').
 */
function narrativeDistance(ctx: QuoteContext, from: number, to: number): number {
  if (!rule.reachOverQuotation.enabled || to - from <= REACH_SENTENCES) return to - from;
  const doc = ctx.doc;
  let n = 0;
  let skipped = false;
  // (counted back from the pronoun, stopping once out of reach: a far antecedent costs no more than a near one)
  for (let s = to; s > from && n <= REACH_SENTENCES; s--) {
    if (whollyQuoted(ctx, s)) skipped = true;
    else n++;
  }
  if (skipped && n <= REACH_SENTENCES) rule.reachOverQuotation.fired(doc.sentences[from].start, doc.sentences[to].end);
  return n;
}

/** Where an entity was last mentioned before `pos` (-1: never). */
function lastMentionBefore(ctx: QuoteContext, id: string, pos: number): number {
  const list = mentionIndex(ctx);
  const n = mentionsBefore(list, pos);
  for (let k = n - 1; k >= 0 && k >= n - AGREEMENT_WINDOW; k--) if (list[k].entity === id && list[k].end <= pos) return list[k].start;
  return -1;
}

/** How many mentions back a pronoun looks for the latest agreeing person or body (a bound, so a long document stays linear). */
const AGREEMENT_WINDOW = 400;

/** The latest person (he/she) or body (they/it) named before `pos` that agrees with the pronoun. */
function latestAgreeing(ctx: QuoteContext, pronoun: string, pos: number, not?: Set<string> | null): string | null {
  const list = mentionIndex(ctx);
  const verdict = new Map<string, boolean>();
  for (let k = mentionsBefore(list, pos) - 1, n = 0; k >= 0 && n < AGREEMENT_WINDOW; k--, n++) {
    const m = list[k];
    if (m.kind === 'pronoun' || m.end > pos || !m.entity || not?.has(m.entity)) continue;
    let ok = verdict.get(m.entity);
    if (ok === undefined) verdict.set(m.entity, (ok = agrees(ctx, pronoun, m.entity, pos) && speakerRank(ctx.doc, m.entity) > 0));
    if (ok) return m.entity;
  }
  return null;
}

/** Genders of person entities, from the pronouns and role nouns coreference gave them. */
export function knownGenders(doc: Doc): Map<string, 'm' | 'f'> {
  const out = new Map<string, 'm' | 'f'>();
  for (const e of doc.entities) {
    if (e.type !== 'PERSON') continue;
    const g = genderOf(e, doc);
    if (g) out.set(e.id, g);
  }
  return out;
}
