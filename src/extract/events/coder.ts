/**
 * The event coder: from each sentence's parse, the events it reports. A predicate is a verb
 * the CAMEO dictionary codes (through its most specific pattern) or a noun naming an event;
 * its participants come from the parse (subjects, objects, passive agents, prepositional
 * targets, possessors and of-phrases) resolved to entities; then negation, modality, who
 * reports it, date and place.
 */
import type { Doc, EventGroup, EventRecord, TimeExpression } from '../../doc.js';
import { EntityIndex, GROUP_NOUNS } from './arguments.js';
import { historicalByWords, reporterOf, REPORTING_VERBS } from './context.js';
import { factualityOf, irrealis, modalFactuality, modalityOfFactuality, negatedOf } from './factuality.js';
import { indexTimes, inOtherRelative, locationOf, nearestInSentence, PLACE_NOUNS, timeInWindow, type TimeIndex } from './dates.js';
import type { EventLexicon } from './lexicon.js';
import { codeVerb } from './match.js';
import { nominalEvent, type NominalEvent } from './nominals.js';
import { reducedPloverType, toPlover } from './plover.js';
import { LEMMA_MODES } from './supplement.js';
import { ParseView } from './syntax.js';
import { boilerplateSentences } from '../../ingest/boilerplate.js';
import { list, lookup, set } from '../../lexicon/index.js';
import { CLAUSE_CONTROL, GROUP_ACTORS, MEDICAL_TRANSPORT, SKIP_BOILERPLATE, VETO } from './rules.js';

export interface CoderOptions {
  /** keep only events with both an actor and a recipient (PETRARCH's require_dyad) */
  requireDyad?: boolean;
  /** keep events whose code has no PLOVER type (typed `CAMEO:<root>`); for evaluating with non-CAMEO dictionaries */
  keepUnmapped?: boolean;
  /** code verbs of saying that introduce a complement (PETRARCH does; PLOVER drops statements) */
  codeStatements?: boolean;
  /** code event nouns ("his release", "the attack"); on by default, PETRARCH codes verbs only */
  nominalEvents?: boolean;
}

export interface Predicate {
  i: number;
  kind: 'verb' | 'noun';
  /** CAMEO code the dictionaries give (null: none) */
  code: string | null;
  /** the rule that drops it in the rule coder, null when none does */
  veto: string | null;
  /** a rule that recoded the dictionary's code from who acts ('captor': seized by an armed group → abduct, by a state's forces → arrest) */
  recode?: string;
  /** a noun a coded verb's pattern used ("launched an attack"): the verb codes the event too */
  inPattern?: boolean;
  /** the dictionary block that coded it, and how many words its pattern matched */
  block: string | null;
  patternWords: number;
  lemma: string;
  tokens: number[];
  actorTokens: number[];
  recipientTokens: number[];
  nominal?: NominalEvent;
  window: number[];
  /** the word it depends on, when the parse could not give it: an infinitive the tagger read as an adjective ("efforts to free/ADJ X") */
  governor?: { head: number; rel: string };
  /** the modal it follows when the parse did not make it the verb's auxiliary */
  modal?: number;
}

/** Objects-by-preposition that name a verb's target, in order of preference. */
/** Prepositions of a verb's target, tried in this order (the lexicon keeps the rows in it). */
const TARGET_PREPS = list('event-words', { uses: 'events-target-preps' });
const COMPANION_PREPS = set('event-words', { uses: 'events-companion-preps' });
const DURING_PREPS = set('event-words', { uses: 'events-during-preps' });
const EPISODE_NOUNS = set('event-cue-words', { class: 'episode' });
const PEOPLE_NOUNS = set('event-participant-nouns', { class: 'people' });
const SUBJ = ['nsubj', 'nsubj:pass', 'csubj', 'nsubj:outer'];
const CONTROL_OBJECT_HEADS = set('event-cue-words', { class: 'control-object' });

function subjects(view: ParseView, i: number, depth = 0): number[] {
  // "Fatima, whose son Omar was arrested, said …": the first verb after "whose N" has N as its
  // subject, however the parse hung the clause (it often makes the antecedent the subject)
  if (depth === 0) {
    const possessed = whoseSubject(view, i);
    if (possessed >= 0) return [possessed];
  }
  const direct = view.kids(i, SUBJ);
  if (depth === 0) {
    // a clause-initial name the parse left outside the clause ("Holmqvist, 41, a reporter, was
    // arrested", with the name read as an interjection): the subject of a verb that has none, or
    // whose subject is a common noun set off after it by commas (its description: "a reporter")
    const orphan = direct.length === 0 || (direct.length === 1 && describesOrphan(view, direct[0])) ? orphanSubject(view, i) : -1;
    if (orphan >= 0) return [orphan];
  }
  if (direct.length || depth > 4) return direct;
  const r = view.rel(i);
  const h = view.head(i);
  if (h < 0) return [];
  if (r === 'xcomp') {
    // object control: "urged Gondor to restore ties"
    const objs = view.kids(h, ['obj', 'iobj']);
    if (objs.length && CONTROL_OBJECT_HEADS.has(view.lemma(h))) return objs;
    return subjects(view, h, depth + 1);
  }
  if (r === 'conj') return subjects(view, h, depth + 1);
  if (r === 'advcl' && view.kids(i, ['mark']).length === 0) return subjects(view, h, depth + 1);
  // control the parse shows as an adverbial clause (rule events.clause-control): "urged the
  // government to release …", "called on both sides to respect …" (an object-control verb's object
  // or on/to-phrase acts); "accused Anonymous of plotting", "charged X with beating", "blamed X for
  // attacking" (a gerund after of/with/for: the object acts); else the head's own subject ("police
  // fired tear gas to disperse them", "the guard is accused of striking")
  if (r === 'advcl' && CLAUSE_CONTROL.enabled) {
    const marks = view.kids(i, ['mark']);
    const mark = marks.length === 1 ? view.lemma(marks[0]).toLowerCase() : '';
    const xpos = view.tokens[i].xpos ?? '';
    const infinitive = mark === 'to' && xpos === 'VB';
    const gerund = GERUND_CONTROL_MARKS.has(mark) && xpos === 'VBG';
    if (infinitive || gerund) {
      const objs = view.kids(h, ['obj', 'iobj']).filter((o) => o < i);
      if (infinitive && CONTROL_OBJECT_HEADS.has(view.lemma(h))) {
        if (objs.length) { CLAUSE_CONTROL.fired(view.tokens[i].start, view.tokens[i].end); return objs; }
        const addressee = view.kids(h, ['obl', 'obl:arg'], true).filter((o) => o < i && CONTROL_ADDRESSEE_PREPS.has(view.caseOf(o)));
        if (addressee.length) { CLAUSE_CONTROL.fired(view.tokens[i].start, view.tokens[i].end); return addressee; }
      }
      if (gerund && objs.length) { CLAUSE_CONTROL.fired(view.tokens[i].start, view.tokens[i].end); return objs; }
      const own = subjects(view, h, depth + 1);
      if (own.length) CLAUSE_CONTROL.fired(view.tokens[i].start, view.tokens[i].end);
      return own;
    }
  }
  // a non-finite clause after "before/after/while …" shares its head's subject: "were held for nine
  // months before being handed over", "was shot while trying to flee"
  if (r === 'advcl' && ['VBG', 'VBN'].includes(view.tokens[i].xpos ?? '') && view.kids(i, ['mark']).every((m) => NONFINITE_MARKS.has(view.lemma(m))) && !view.kids(i, ['aux']).some((a) => !['VBG', 'VBN', 'TO'].includes(view.tokens[a].xpos ?? ''))) return subjects(view, h, depth + 1);
  if (r === 'acl' || r === 'amod') return [h];
  return [];
}

/** The noun after "whose" when verb i is the first verb of that relative clause; else -1. */
function whoseSubject(view: ParseView, i: number): number {
  const sent = view.doc.sentences[view.tokens[i].sentence];
  for (let w = i - 1; w >= sent.tokenStart; w--) {
    const t = view.tokens[w];
    if (view.isVerb(w) && w !== i) return -1;
    if (t.text === ',' || t.text === ';') return -1; // the relative clause closed before this verb
    if (t.text.toLowerCase() !== 'whose') continue;
    // the possessed noun: the last noun of the phrase right after "whose", or the name in apposition to it
    let n = -1;
    for (let k = w + 1; k < i; k++) {
      const u = view.tokens[k].upos ?? '';
      if (u === 'NOUN' || u === 'PROPN') n = k;
      else if (u !== 'ADJ' && u !== 'NUM' && u !== 'DET') break;
    }
    return n;
  }
  return -1;
}

/** Verbs whose object "freedom" has been obtained: "secured the freedom of X", "won his freedom". */
const FREEDOM_GAINED = set('event-cue-words', { class: 'freedom-gained' });

// ("was forceful in blaming Iran", "responded by shelling the town": the same subject acts)
const NONFINITE_MARKS = set('event-words', { uses: 'events-nonfinite-marks' });

const CLAUSE_EXTERNAL = new Set(['discourse', 'dep', 'list', 'vocative', 'parataxis', 'dislocated', 'orphan']);

/** A common-noun subject with a comma before its phrase: "Holmqvist, 41, a freelance reporter …, was arrested". */
function describesOrphan(view: ParseView, d: number): boolean {
  if (view.tokens[d].upos !== 'NOUN') return false;
  // (the parse may hang the comma itself on the description)
  const first = view.subtree(d).find((k) => view.tokens[k].upos !== 'PUNCT') ?? d;
  return first > 0 && view.tokens[first - 1].text === ',';
}

/** A name opening the sentence that the parse attached to verb i outside any argument slot; else -1. */
function orphanSubject(view: ParseView, i: number): number {
  const sent = view.doc.sentences[view.tokens[i].sentence];
  const k = sent.tokenStart;
  if (k >= i || view.head(k) !== i || !CLAUSE_EXTERNAL.has(view.rel(k))) return -1;
  const text = view.tokens[k].text;
  // a dateline ("TEHRAN, June 12 -") is no subject
  if (!/^\p{Lu}/u.test(text) || text === text.toUpperCase() || view.tokens[k].upos === 'PRON') return -1;
  return k;
}

/** The noun after "was/were" when participle i is fronted ("Also freed was X", "Released on Monday were X and Y"), else -1. */
function invertedPatient(view: ParseView, i: number): number {
  const t = view.tokens[i];
  if (t.xpos !== 'VBN' && t.xpos !== 'VBD') return -1;
  const sent = t.sentence;
  // only adverbs before it in its sentence ("Also freed", "Later released")
  for (let k = i - 1; k >= 0 && view.tokens[k].sentence === sent; k--) if (view.tokens[k].upos !== 'ADV') return -1;
  for (let k = i + 1; k < view.tokens.length && k <= i + 8 && view.tokens[k].sentence === sent; k++) {
    if (view.lemma(k) === 'be' && ['AUX', 'VERB'].includes(view.tokens[k].upos ?? '')) {
      const h = view.head(k);
      if (h > k && NOMINAL_TAGS.has(view.tokens[h].upos ?? '')) return h;
      return -1;
    }
    // the participle's own phrases ("freed on Monday from Evin prison") may stand between
    if (view.tokens[k].upos === 'VERB' || view.tokens[k].text === ';') return -1;
  }
  return -1;
}
const NOMINAL_TAGS = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
/** Marks of a gerund clause whose subject is its head's object: "accused X of …", "charged X with …", "blamed X for …". */
const GERUND_CONTROL_MARKS = set('event-words', { uses: 'events-gerund-control-marks' });
/** Prepositions of the addressee an object-control verb's infinitive is done by: "called on X to …", "appealed to X to …". */
const CONTROL_ADDRESSEE_PREPS = set('event-words', { uses: 'events-control-addressee-preps' });

function verbRoles(view: ParseView, ents: EntityIndex, i: number, targetPrep: string | undefined, attack = false): { actor: number[]; recipient: number[] } {
  // a place named in a phrase of place is where the act happened, never its target ("imposed its
  // will in the South China Sea", "struck a market in the city of El Fasher"); only an act done to
  // the place itself makes it the recipient ("shelled Kharkiv", "an attack on Kyiv")
  const placeOnly = (k: number, id: string) => placeInPhrase(view, ents, k, id);
  const notPlace = (k: number) => { const id = ents.at(k); return !id || !placeInPhrase(view, ents, k, id); };
  const passive = view.isPassive(i);
  const subj = subjects(view, i);
  const obls = view.kids(i, ['obl', 'obl:agent', 'obl:arg', 'nmod'], true);
  const companions = obls.filter((o) => COMPANION_PREPS.has(view.caseOf(o)) || (passive && view.caseOf(o) === 'with'));
  // an entity, or a group no entity stands for ("arrested three protesters", "clashed with police")
  const resolves = (k: number) => ents.resolve(k).length > 0 || ents.groupsOf(k).length > 0;
  // "Also freed was the filmmaker Toru Kubota": a participle fronted before "was" is a passive
  // whose patient follows (the parse makes the participle the root and the noun its complement)
  const inverted = invertedPatient(view, i);
  if (inverted >= 0 && !subj.length) return { actor: obls.filter((o) => view.caseOf(o) === 'by'), recipient: [inverted] };
  if (passive) {
    const agents = obls.filter((o) => view.rel(o) === 'obl:agent' || view.caseOf(o) === 'by');
    // a reduced relative ("hostages kidnapped by Hamas") or participle: the modified noun is the patient
    return { actor: agents, recipient: [...subj, ...companions] };
  }
  let recipient: number[] = [];
  if (targetPrep) recipient = obls.filter((o) => view.caseOf(o) === targetPrep);
  if (!recipient.length) recipient = view.kids(i, ['obj']).filter((k) => resolves(k) && notPlace(k));
  if (!recipient.length) recipient = view.kids(i, ['iobj']).filter((k) => resolves(k) && notPlace(k));
  if (!recipient.length) {
    for (const p of TARGET_PREPS) {
      const hit = obls.filter((o) => view.caseOf(o) === p && resolves(o));
      if (hit.length) { recipient = hit; break; }
    }
  }
  if (!recipient.length) {
    // the target named inside the object: "restore ties with Gondor", "welcomed the release of our compatriot"
    for (const o of view.kids(i, ['obj'])) {
      const inner = objectTarget(view, ents, o, 0, attack);
      if (inner.length) { recipient = inner; break; }
    }
  }
  if (!recipient.length) {
    // last resort, as PETRARCH does: the first participant named after the verb in its clause
    // ("criticized the closure of guest houses in Bree"), unless it is the event's place
    const actorIds = new Set([...subj, ...companions].flatMap((k) => ents.resolve(k)));
    // a war or a law is no participant: "the largest swap since the Cold War"
    const notParticipant = (id: string) => NON_PARTICIPANT_TYPES.has(ents.types.get(id) ?? '');
    for (const k of view.window(i)) {
      if (k <= i || view.tokens[k].upos === 'PUNCT') continue;
      const id = ents.at(k);
      if (!id || actorIds.has(id) || notParticipant(id)) continue;
      if (placeOnly(k, id) || modifiesThing(view, ents, k)) continue;
      recipient = [k];
      break;
    }
    if (!recipient.length) {
      // the parse may have split the clause ("rescheduled his trip/VERB in the White Downs"):
      // read on until a clause with a subject of its own begins
      const sent = view.tokens[i].sentence;
      for (let k = i + 1; k < view.tokens.length && view.tokens[k].sentence === sent; k++) {
        const t = view.tokens[k];
        if (t.text === ';' || t.upos === 'SCONJ' || (view.isVerb(k) && view.kids(k, SUBJ).length > 0)) break;
        if (t.upos === 'PRON' && SUBJ.includes(view.rel(k)) && view.head(k) !== i) break; // "…, he was taken": the next clause
        // a relative clause ("a video in which Dubois appealed") or a second predicate of the same
        // subject ("met a delegation and promised to raise it with Damascus") has participants of its own
        if (t.xpos === 'WDT' || t.xpos === 'WP' || t.xpos === 'WP$') break;
        // inside another predicate with a subject of its own (", Foreign Minister X insisted"): its words, not ours
        if (inOtherClause(view, k, i)) break;
        if (view.isVerb(k) && view.rel(k) === 'conj' && view.head(k) === i && unnamedPeopleObject(view, i)) break;
        // a participle with its own agent ("a deal mediated by the UAE") acts with it, not on ours
        // (one describing the object itself keeps it: "welcomed memos sent by Bree" is toward Bree)
        if (k !== i && view.isVerb(k) && view.tokens[k].xpos === 'VBN' && view.lemma(k + 1) === 'by' && !(view.rel(view.head(k)) === 'obj' && view.head(view.head(k)) === i)) break;
        const id = ents.at(k);
        if (!id || actorIds.has(id) || notParticipant(id)) continue;
        if (placeOnly(k, id) || modifiesThing(view, ents, k)) continue;
        recipient = [k];
        break;
      }
    }
  }
  return { actor: [...subj, ...companions], recipient };
}

const PLACE_PREPS = set('event-words', { uses: 'events-coder-place-preps' });

const WHERE_PREPS = set('event-words', { uses: 'events-where-preps' });

/**
 * Token k names something only as a modifier of a thing: a place that says where the thing is
 * ("the Brooklyn detention center"), or any name inside a phrase of place or destination
 * ("taking his family to the U.N. headquarters"): it says where, not to whom. A group noun is the
 * group it names ("handed over to Israeli troops").
 */
function modifiesThing(view: ParseView, ents: EntityIndex, k: number): boolean {
  const id = ents.at(k);
  let last = k;
  while (last + 1 < view.tokens.length && ents.at(last + 1) === id) last++;
  const h = view.head(last);
  const r = view.rel(last);
  if (h <= last || (r !== 'compound' && r !== 'amod')) return false;
  if (ents.at(h) !== undefined || view.tokens[h].upos !== 'NOUN') return false;
  if (GROUP_NOUNS.has(view.lemma(h)) || PEOPLE_NOUNS.has(view.lemma(h).replace(/s$/, ''))) return false;
  // a place naming where a thing is ("inspected the Brooklyn detention center", "hit a Kyiv power plant")
  const t = id ? ents.types.get(id) : undefined;
  if (r === 'compound' && (t === 'GPE' || t === 'LOC' || t === 'FAC')) return true;
  return view.kids(h, ['case']).some((c) => WHERE_PREPS.has(view.lemma(c)));
}

/** Token k of place entity `id` stands in a phrase of place ("in the Chernihiv region"): the act's place, not its target. */
function placeInPhrase(view: ParseView, ents: EntityIndex, k: number, id: string): boolean {
  const t = ents.types.get(id);
  if (t !== 'GPE' && t !== 'LOC' && t !== 'FAC') return false;
  // the preposition hangs on the name's head word (the one whose head lies outside the name), or
  // stands before the phrase's determiner
  let first = k;
  let last = k;
  while (first > 0 && ents.at(first - 1) === id) first--;
  while (last + 1 < view.tokens.length && ents.at(last + 1) === id) last++;
  let hk = k;
  for (let j = first; j <= last; j++) if (view.head(j) < first || view.head(j) > last) { hk = j; break; }
  if (view.kids(hk, ['case']).some((x) => PLACE_PREPS.has(view.lemma(x)))) return true;
  // "in the city of El Fasher": the preposition is the place noun's
  const h = view.head(hk);
  if (view.caseOf(hk) === 'of' && h >= 0 && PLACE_NOUNS.has(view.lemma(h)) && view.kids(h, ['case']).some((x) => PLACE_PREPS.has(view.lemma(x)))) return true;
  let b = first - 1;
  while (b >= 0 && ['DET', 'ADJ'].includes(view.tokens[b].upos ?? '')) b--;
  return b >= 0 && PLACE_PREPS.has(view.lemma(b));
}

/**
 * Token k hangs, through its heads, on an attribution with a subject of its own (", Foreign
 * Minister X insisted", ", a senior official said"): the speaker is no participant. Other clauses
 * stay open to the search, which exists for clauses the parse split ("believes Dagolath can cope").
 */
function inOtherClause(view: ParseView, k: number, i: number): boolean {
  for (let h = view.head(k), n = 0; h >= 0 && h !== i && n < 12; h = view.head(h), n++) {
    if (!view.isVerb(h) || view.kids(h, SUBJ).length === 0) continue;
    if (STATEMENT_VERBS.has(view.lemma(h)) || REPORTING_VERBS.has(view.lemma(h))) return true;
  }
  return false;
}


/** Token i is an adjective-tagged word after infinitival "to" that opens a noun phrase: "to free him", "to free 33 hostages". */
function infinitiveAdjective(view: ParseView, i: number): boolean {
  const t = view.tokens[i];
  const next = view.tokens[i + 1];
  if (t.upos !== 'ADJ' || i < 1 || !next || next.sentence !== t.sentence) return false;
  if (view.tokens[i - 1].text.toLowerCase() !== 'to' && modalBefore(view, i) < 0) return false;
  return ['PRON', 'DET', 'NUM', 'PROPN', 'NOUN'].includes(next.upos ?? '') && !/^(?:of|from|to)$/i.test(next.text);
}

/** The modal right before an adjective-tagged verb ("will free/ADJ Noa Levi", "would not free"), else -1. */
function modalBefore(view: ParseView, i: number): number {
  const sent = view.tokens[i].sentence;
  let m = i - 1;
  if (m >= 0 && /^(?:not|n't|never)$/i.test(view.tokens[m].text)) m--;
  return m >= 0 && view.tokens[m].sentence === sent && view.tokens[m].xpos === 'MD' ? m : -1;
}

/** The verb an infinitive at i depends on: the nearest content verb before its "to". */
function governingVerb(view: ParseView, i: number): number {
  const sent = view.tokens[i].sentence;
  for (let k = i - 2; k >= 0 && view.tokens[k].sentence === sent && k >= i - 8; k--) if (view.isVerb(k)) return k;
  return -1;
}

/** Participants of such an infinitive: the controller (an object of "urge", "ask"; else the subject; after a modal, the name before it) acts on the phrase after it. */
function infinitiveRoles(view: ParseView, ents: EntityIndex, i: number, gov: number, modal = -1): { actor: number[]; recipient: number[] } {
  // (the addressee of "urge", "ask", "tell" is iobj beside an xcomp in EWT's own trees)
  const objs = gov >= 0 ? view.kids(gov, ['obj', 'iobj']).filter((o) => o < i) : [];
  const actor = gov < 0 ? (modal > 0 && ents.at(modal - 1) ? [modal - 1] : []) : objs.length && CONTROL_OBJECT_HEADS.has(view.lemma(gov)) ? objs : subjects(view, gov);
  let recipient: number[] = [];
  const next = i + 1;
  if (['PRON', 'PROPN'].includes(view.tokens[next].upos ?? '')) recipient = [next, ...view.kids(next, ['conj'])];
  else if (view.rel(i) === 'amod' && view.head(i) > i) recipient = [view.head(i)];
  else for (let k = next; k < Math.min(view.tokens.length, next + 5) && !recipient.length; k++) if (['NOUN', 'PROPN'].includes(view.tokens[k].upos ?? '')) recipient = [k];
  return { actor, recipient: recipient.filter((k) => !actor.includes(k)) };
}

const GERUND_DETERMINERS = set('function-words', { uses: 'events-gerund-det' });
/** A gerund used as a noun: it has a determiner or possessive of its own ("the kidnapping", "his abducting"). */
function gerundNoun(view: ParseView, i: number): boolean {
  return view.kids(i, ['det', 'nmod:poss']).some((d) => d < i && GERUND_DETERMINERS.has(view.tokens[d].text.toLowerCase()));
}

/** The verb's object is people left unnamed ("met a delegation of the families"): the one acted on, though no entity. */
function unnamedPeopleObject(view: ParseView, i: number): boolean {
  return view.kids(i, ['obj']).some((o) => PEOPLE_NOUNS.has(view.lemma(o).replace(/s$/, '')) || GROUP_OBJECTS.has(view.lemma(o)));
}
const GROUP_OBJECTS = set('event-participant-nouns', { class: 'group-object' });

/**
 * Entities that are no participants of an act: wars, laws, works and the like name a time or a topic.
 * Kept in code (count-wordlists counts it): entity type labels of src/doc.ts, not words of the language.
 */
const NON_PARTICIPANT_TYPES = new Set(['EVENT', 'LAW', 'WORK_OF_ART', 'PRODUCT', 'DATE', 'TIME', 'MONEY', 'QUANTITY', 'PERCENT', 'CARDINAL', 'ORDINAL', 'LANGUAGE']);
const INNER_PREPS = set('event-words', { uses: 'events-inner-preps' });

/** Prepositional modifiers inside an object noun phrase that name the target, nearest first. */
function objectTarget(view: ParseView, ents: EntityIndex, o: number, depth: number, attack = false): number[] {
  if (depth > 2) return [];
  for (const n of view.kids(o, ['nmod'], true)) {
    if (view.rel(n) === 'nmod:poss') continue;
    if (!INNER_PREPS.has(view.caseOf(n))) continue;
    // a place the object is in is where it happened, not the target: "struck a market in the city of El Fasher"
    const id = ents.at(n);
    if (id && !attack && placeInPhrase(view, ents, n, id)) continue;
    if (ents.resolve(n).length || ents.groupsOf(n).length) return [n];
    const deeper = objectTarget(view, ents, n, depth + 1, attack);
    if (deeper.length) return deeper;
  }
  return [];
}

function nounRoles(view: ParseView, i: number, nom: NominalEvent): { actor: number[]; recipient: number[] } {
  const actor: number[] = [];
  const recipient: number[] = [];
  const put = (role: 'actor' | 'recipient', k: number) => (role === 'actor' ? actor : recipient).push(k);
  for (const c of view.kids(i, ['nmod:poss'])) put(nom.poss, c);
  for (const c of view.kids(i, ['compound', 'amod'])) if (view.tokens[c].upos === 'PROPN' || view.tokens[c].upos === 'ADJ') put(nom.poss, c);
  for (const c of view.kids(i, ['nmod', 'acl'], true)) {
    if (view.rel(c) === 'acl' || view.rel(c) === 'acl:relcl') continue;
    const p = view.caseOf(c);
    if (p === 'of') {
      put(nom.of, c);
      // "the arrest of the activist by police", with the by-phrase hung on the of-phrase's noun
      if (nom.of === 'recipient') for (const b of view.kids(c, ['nmod'])) if (view.caseOf(b) === 'by') put('actor', b);
    } else if (p === 'by') put('actor', c);
    else if (p === 'between' || p === 'among') put('actor', c);
    else if (p === 'with') put('recipient', c); // "an agreement with Hamas", "talks with Moscow"
    else if (NOMINAL_RECIPIENT_PREPS.has(p)) put('recipient', c);
  }
  // a gerund right after a name has that name as its subject, however the parse hung it:
  // "images of Viktorov meeting with Trufanov"
  if (!actor.length && /ing$/i.test(view.tokens[i].text) && i > 0 && view.tokens[i - 1].upos === 'PROPN') put('actor', i - 1);
  return { actor, recipient };
}

/**
 * Roles of an event noun: its own dependents ("Russia's attack on Kyiv"), else the verb that
 * governs it ("Russia launched an offensive against Ukraine": the support verb's subject acts and
 * its target phrase undergoes; "an attack was carried out by X": its agent) or a participle on it
 * ("the attack, conducted by the Taliban", "an attack blamed on Hamas").
 */
function nominalRoles(view: ParseView, ents: EntityIndex, i: number, nom: NominalEvent): { actor: number[]; recipient: number[] } {
  const own = nounRoles(view, i, nom);
  // an adjective names a participant only as an entity ("an Israeli strike"), not "a complete withdrawal"
  own.actor = own.actor.filter((k) => view.tokens[k].upos !== 'ADJ' || ents.resolve(k).length > 0);
  own.recipient = own.recipient.filter((k) => view.tokens[k].upos !== 'ADJ' || ents.resolve(k).length > 0);
  if (own.actor.length && own.recipient.length) return own;
  const actor: number[] = [];
  const recipient: number[] = [];
  const v = view.head(i);
  const r = view.rel(i);
  const support = v >= 0 && view.isVerb(v) && (r === 'obj' || r === 'nsubj:pass') ? lookup('event-support-verbs', view.lemma(v)) : undefined;
  if (support) {
    // "launched an attack": the subject; "an attack was carried out by X" / "was blamed on X": the agent phrase
    const agentPrep = support.attrs.agent ?? 'by';
    const isAgent = (o: number) => view.caseOf(o) === agentPrep || (agentPrep === 'by' && view.rel(o) === 'obl:agent');
    const obls = view.kids(v, ['obl', 'obl:agent', 'obl:arg'], true);
    if (r === 'obj' && !view.isPassive(v)) actor.push(...subjects(view, v));
    else actor.push(...obls.filter(isAgent));
    recipient.push(...obls.filter((o) => !isAgent(o) && NOUN_TARGET_PREPS.has(view.caseOf(o))));
  }
  for (const c of view.kids(i, ['acl'])) {
    if (view.tokens[c].xpos !== 'VBN') continue;
    const row = lookup('event-support-verbs', view.lemma(c));
    if (!row) continue;
    const prep = row.attrs.agent ?? 'by';
    actor.push(...view.kids(c, ['obl:agent', 'obl'], true).filter((o) => view.caseOf(o) === prep || (prep === 'by' && view.rel(o) === 'obl:agent')));
  }
  return { actor: own.actor.length ? own.actor : actor, recipient: own.recipient.length ? own.recipient : recipient };
}

/** Prepositions of a support verb's phrase that name the event noun's target: "launched an offensive against Ukraine". */
const NOUN_TARGET_PREPS = set('event-words', { uses: 'events-noun-target-preps' });
/** Prepositions of a modifier that names an event noun's recipient ("the attack on X"; "with" is read apart). */
const NOMINAL_RECIPIENT_PREPS = set('event-words', { uses: 'events-nominal-recipient-preps' });

/**
 * An event noun as a verb's subject stands for whoever did that act: "the attack, claimed by
 * Hamas, killed 12" — Hamas killed. Other subjects stay.
 */
function actsThroughNouns(view: ParseView, ents: EntityIndex, actor: number[], extraNouns?: ReadonlySet<string>): number[] {
  return actor.flatMap((k) => {
    if (view.tokens[k].upos !== 'NOUN' || ents.resolve(k).length) return [k];
    const nom = nominalEvent(view.lemma(k)) ?? (extraNouns?.has(view.lemma(k)) ? UNKNOWN_NOUN : undefined);
    if (!nom || nom.poss !== 'actor') return [k];
    const agents = nominalRoles(view, ents, k, nom).actor;
    return agents.length ? agents : [k];
  });
}

/** Verbs of setting free: a yield (080) done to people by one of these is a release (0841); "allowed him to see" is not. */
const RELEASE_LEMMAS = set('event-cue-words', { class: 'release' });

export function refineCode(code: string, view: ParseView, ents: EntityIndex, recipientTokens: number[], recipients: string[], lemma: string): string {
  // CAMEO 084 "return, release": 0841 when people are released, 0842 for property
  if (code === '084' || (code === '080' && RELEASE_LEMMAS.has(lemma))) {
    const people = recipients.some((id) => ents.types.get(id) === 'PERSON') ||
      recipientTokens.some((k) => PEOPLE_NOUNS.has(view.lemma(k).replace(/s$/, '')));
    if (people) return '0841';
  }
  return code;
}

/**
 * Every candidate predicate of the document with what the dictionaries and the parse say about
 * it: its CAMEO code (null when the dictionaries have none), its participants' tokens, and the
 * rule that would drop it (`veto`). The rule coder keeps the candidates no rule drops; the
 * learned detector (detector.ts) reads them all, the vetoes as features.
 */
export function candidatePredicates(doc: Doc, view: ParseView, ents: EntityIndex, lex: EventLexicon, options: CoderOptions = {}, all = false, extraNouns?: ReadonlySet<string>): Predicate[][] {
  const bySentence: Predicate[][] = [];
  // credits, bylines, captions and related links are not prose: "Contributing: X" is no aid
  const furniture = boilerplateSentences(doc);
  for (let s = 0; s < doc.sentences.length; s++) {
    const preds: Predicate[] = [];
    bySentence.push(preds);
    if (furniture[s] && SKIP_BOILERPLATE.enabled) {
      SKIP_BOILERPLATE.fired(doc.sentences[s].start, doc.sentences[s].end);
      continue;
    }
    const sent = doc.sentences[s];
    const used = new Set<number>();
    for (let i = sent.tokenStart; i < sent.tokenEnd; i++) {
      const t = doc.tokens[i];
      const r = t.deprel ?? '';
      // "urged Caracas to free him", "is expected to free 33 hostages": the tagger often reads the
      // infinitive "free" as an adjective; a coded verb right after infinitival "to" is one
      const infinitive = infinitiveAdjective(view, i) ? codeVerb(lex, view, i) : null;
      if (infinitive?.code) {
        const modal = modalBefore(view, i);
        if (modal >= 0) {
          const roles = infinitiveRoles(view, ents, i, -1, modal);
          preds.push({ i, kind: 'verb', code: infinitive.code, lemma: view.lemma(i), tokens: [i], actorTokens: roles.actor, recipientTokens: roles.recipient, window: [i, ...roles.recipient], modal, veto: null, block: infinitive.block, patternWords: infinitive.used.length });
          continue;
        }
        const gov = governingVerb(view, i);
        if (gov >= 0) {
          const roles = infinitiveRoles(view, ents, i, gov);
          // it depends on the noun right before its "to" ("efforts to free X"), else on that verb
          const noun = view.tokens[i - 2]?.upos === 'NOUN' && view.tokens[i - 2].sentence === t.sentence ? i - 2 : -1;
          preds.push({
            i, kind: 'verb', code: infinitive.code, lemma: view.lemma(i), tokens: [i], actorTokens: roles.actor, recipientTokens: roles.recipient, window: [i, ...roles.recipient],
            governor: noun >= 0 ? { head: noun, rel: 'acl' } : { head: gov, rel: 'xcomp' }, veto: null, block: infinitive.block, patternWords: infinitive.used.length,
          });
          continue;
        }
      }
      const verbal = view.isVerb(i) || (r === 'amod' && t.xpos === 'VBN');
      // auxiliaries and copulas are no events; a content verb the parse mislabelled "aux" ("will abandon") still is
      if (!verbal || ((r === 'aux' || r === 'aux:pass' || r === 'cop') && (t.upos === 'AUX' || AUX_LEMMAS.has(view.lemma(i))))) continue;
      if (inName(ents, doc, i)) continue; // "United" in "United States"
      // a present participle before its noun is an adjective: "the surrounding area", "the remaining hostages"
      if (r === 'amod' && t.xpos === 'VBG' && view.head(i) > i) continue;
      // a gerund with a determiner is a noun ("called the kidnapping a mistake"): the nominal pass reads it
      if (t.xpos === 'VBG' && gerundNoun(view, i)) continue;
      if (view.lemma(i) === 'accord' && view.lemma(i + 1) === 'to') continue; // "according to X" attributes
      // "failed to mention", "neglected to say": the complement carries the event (negated)
      if (ASPECTUAL_NEGATORS.has(view.lemma(i)) && view.kids(i, ['xcomp']).length > 0) continue;
      let veto: string | null = null;
      const drop = (why: string) => {
        const rule = VETO[why];
        if (!rule.enabled) return;
        veto ??= why;
        rule.fired(t.start, t.end);
      };
      // verbs of saying that introduce what was said are statements (CAMEO 01, not a PLOVER event)
      if (!options.codeStatements && VETO.statement.enabled && STATEMENT_VERBS.has(view.lemma(i)) && (view.kids(i, ['ccomp', 'parataxis']).length > 0 || quoteCue(doc, i))) {
        if (!all) { VETO.statement.fired(t.start, t.end); continue; }
        drop('statement');
      }
      const coding = codeVerb(lex, view, i);
      // returning or handing people over is freeing them ("servicemen had been returned from
      // territory held by Kyiv"), not CAMEO's "return from" a visit
      if (coding && RETURNING_BLOCKS.has(coding.block) && view.kids(i, view.isPassive(i) ? ['nsubj:pass'] : ['obj']).some((k) => isPeople(view, ents, k))) coding.code = '0841';
      if (!coding || !coding.code) {
        if (!all) continue;
        const roles = verbRoles(view, ents, i, undefined, false);
        roles.actor = actsThroughNouns(view, ents, roles.actor, extraNouns);
        preds.push({ i, kind: 'verb', code: null, lemma: view.lemma(i), tokens: [i], actorTokens: roles.actor, recipientTokens: roles.recipient, window: view.window(i), veto: veto ?? (coding ? 'null-pattern' : 'no-code'), block: coding?.block ?? null, patternWords: 0 });
        continue;
      }
      // a dictionary default (no pattern) for meeting-type verbs needs someone met: "left the ship" is no consultation
      const consultDefault = coding.used.length === 0 && coding.code.startsWith('04');
      // movement verbs ("left the church", "went home") are consultations only through a pattern ("arrived for talks")
      if (consultDefault && MOVEMENT_BLOCKS.has(coding.block)) drop('movement');
      // light verbs code an event only through a pattern ("took hostages", "issued a warning"), never by default
      // (but "Hersh was taken by Hamas militants": a person taken by armed men or police is seized)
      if (coding.used.length === 0 && LIGHT_VERBS.has(view.lemma(i)) && !(SEIZING_CODES.has(coding.code) && personTakenBy(view, ents, i))) drop('light');
      // a light verb with the noun of an idiom says nothing of its own: "took place", "took effect", "make sure"
      if (LIGHT_VERBS.has(view.lemma(i)) && view.kids(i, ['obj']).some((o) => IDIOM_OBJECTS.has(view.lemma(o)) && view.kids(o, ['det', 'amod', 'nmod:poss']).length === 0)) drop('idiom');
      // being flown, sent or brought somewhere is no visit or meeting of the one carried ("He was flown
      // to Valledupar"); a meeting told in the passive has its agent ("was met by the ambassador")
      if (/^0[34]/.test(coding.code) && view.isPassive(i) && !MEET_BLOCKS.has(coding.block) &&
        !view.kids(i, ['obl:agent', 'obl'], true).some((o) => (view.rel(o) === 'obl:agent' || view.caseOf(o) === 'by') && (ents.resolve(o).length > 0 || isPeople(view, ents, o)))) drop('carried');
      // "called the verdict a setback": naming, not a call for something (CAMEO's "call … (for)")
      if (NAMING_VERBS.has(view.lemma(i)) && view.kids(i, ['xcomp']).some((k) => ['NOUN', 'ADJ', 'PROPN'].includes(view.tokens[k].upos ?? ''))) drop('naming');
      // "is expected to free", "was set to meet": the complement is the event, the raising verb none
      if (RAISING_VERBS.has(view.lemma(i)) && view.isPassive(i) && (view.kids(i, ['xcomp']).length > 0 || view.lemma(i + 1) === 'to')) drop('raising');
      // a meeting told as done is a consultation: CAMEO's "meet … at/for talks" patterns code an
      // intent to meet (036), which fits "will meet at the summit", not "met Krasin at the airport"
      if (coding.code === '036' && MEET_BLOCKS.has(coding.block) && view.rel(i) !== 'xcomp' && !['future', 'hypothetical'].includes(factualityOf(view, i, false).factuality)) coding.code = '040';
      if (veto === null) for (const k of coding.used) used.add(k);
      // "defeated in this constituency", "beat his rival by 10,694 votes": contests, not assaults
      if (CONTEST_VERBS.has(view.lemma(i)) && coding.code.startsWith('19') && sentenceHas(view, sent.tokenStart, sent.tokenEnd, ELECTORAL_WORDS)) drop('contest');
      // "agreed to release", "pledged to help": a commitment to act is PLOVER's AGREE (CAMEO 03)
      if (coding.used.length === 0 && INTENT_VERBS.has(view.lemma(i)) && view.kids(i, ['xcomp']).length > 0) coding.code = '030';
      const roles = verbRoles(view, ents, i, coding.targetPrep, /^(?:18|19|20)/.test(coding.code));
      roles.actor = actsThroughNouns(view, ents, roles.actor, extraNouns);
      let recode: string | undefined;
      // seizing a person is no seizure of property: armed groups abduct (181), forces of a state arrest (173)
      // (a verb of seizing the dictionary already codes as an arrest or abduction gets the same test)
      if ((SEIZING_CODES.has(coding.code) || (/^(?:173|181)/.test(coding.code) && THING_ACTS.has(view.lemma(i)))) && roles.recipient.some((k) => isPerson(ents, k))) {
        const captor = capturerKind(view, ents, roles.actor);
        if (captor) { coding.code = captor === 'armed group' ? '181' : '173'; recode = 'captor'; }
      }
      // expelling and deporting happen to people: "remove a video" is not CAMEO 174
      if (coding.code.startsWith('174') && coding.used.length === 0 && !view.kids(i, ['obj', 'nsubj:pass']).some((k) => isPeople(view, ents, k))) drop('expel-thing');
      // killing, abducting and arresting are done to people: "execute the sentence", "killed the
      // bill", "arrested the decline" name a thing as the patient
      if (PEOPLE_ACTS.test(coding.code) && coding.used.length === 0 && !THING_ACTS.has(view.lemma(i)) && thingPatient(view, ents, i)) drop('thing-patient');
      // an accident or disaster killed or injured them: no act of anyone ("killed in a stampede", "a crane accident killed")
      if (PEOPLE_ACTS.test(coding.code) && accidentCue(view, i, view.kids(i, SUBJ)[0] ?? -1)) drop('accident');
      // (a mediator alone is news: "the deal was brokered by Qatar")
      if (consultDefault && !MEDIATION_CODES.has(coding.code) && !roles.recipient.some((k) => ents.resolve(k).length > 0 || isPeople(view, ents, k) || GROUP_NOUNS.has(view.lemma(k))) && roles.actor.flatMap((k) => ents.resolve(k)).length < 2) drop('nobody-met');
      if (veto !== null && !all) continue;
      preds.push({ i, kind: 'verb', code: coding.code, lemma: view.lemma(i), tokens: [i, ...coding.particles], actorTokens: roles.actor, recipientTokens: roles.recipient, window: view.window(i), veto, block: coding.block, patternWords: coding.used.length, ...(recode ? { recode } : {}) });
    }
    for (let i = sent.tokenStart; i < sent.tokenEnd && options.nominalEvents !== false; i++) {
      const t = doc.tokens[i];
      // a noun a verb's pattern used ("launched an attack") is the rule coder's through the verb; the
      // detector reads it too, since the annotation puts the event on the noun of a light verb
      if ((t.upos !== 'NOUN' && !(t.xpos === 'VBG' && gerundNoun(view, i))) || (used.has(i) && !all)) continue;
      const lemma = view.lemma(i);
      const nom = nominalEvent(lemma);
      if (!nom && !extraNouns?.has(lemma)) continue;
      let veto: string | null = nom ? null : 'no-code';
      // a noun modifying another names a kind of thing, not an event: "detention center", "release date"
      if (view.rel(i) === 'compound' && view.head(i) > i && VETO.modifier.enabled) { veto ??= 'modifier'; VETO.modifier.fired(t.start, t.end); }
      // "secured the freedom of X" is a release; "demanded/campaigned for his freedom" is not
      if (nom?.people && !FREEDOM_GAINED.has(view.lemma(view.head(i))) && VETO.freedom.enabled) { veto ??= 'freedom'; VETO.freedom.fired(t.start, t.end); }
      if (veto !== null && !all) continue;
      const roles = nominalRoles(view, ents, i, nom ?? UNKNOWN_NOUN);
      preds.push({ i, kind: 'noun', code: nom?.code ?? null, lemma, tokens: [i], actorTokens: roles.actor, recipientTokens: roles.recipient, ...(nom ? { nominal: nom } : {}), window: view.subtree(i), veto, block: null, patternWords: 0, ...(used.has(i) ? { inPattern: true } : {}) });
    }
    preds.sort((a, b) => a.i - b.i);
  }
  return bySentence;
}

/** Roles of an event noun no table knows: its possessor acts, its of-phrase undergoes ("the regime's crackdown on protesters"). */
const UNKNOWN_NOUN: NominalEvent = { code: '', poss: 'actor', of: 'recipient' };

/** What the decision step makes of one candidate: its PLOVER type, CAMEO code, mode and confidence; null drops it. */
export interface Verdict {
  type: string;
  code: string;
  mode: string | null;
  /** calibrated probability that the event is real and of this type; null when no model scored it */
  confidence: number | null;
}

/** A decision over candidates: the rule coder's (rules.ts) or the learned detector's. */
export interface Decider {
  decide(p: Predicate, ctx: DecisionContext): Verdict | null;
  /** nouns it reads as candidates besides the event nouns of nominals.ts */
  readonly nouns?: ReadonlySet<string>;
}

export interface DecisionContext {
  doc: Doc;
  view: ParseView;
  ents: EntityIndex;
  lex: EventLexicon;
  actor: string[];
  recipient: string[];
  /** participants no entity stands for ("police", "protesters"), each with its role */
  groups: EventGroup[];
  sentence: number;
  factuality: EventRecord['factuality'];
}

/** How many actors and recipients a candidate has: entities and groups no entity stands for. */
export function roleCounts(ctx: Pick<DecisionContext, 'actor' | 'recipient' | 'groups'>): { actors: number; recipients: number } {
  let actors = ctx.actor.length;
  let recipients = ctx.recipient.length;
  for (const g of ctx.groups) if (g.role === 'actor') actors++; else recipients++;
  return { actors, recipients };
}

/** Actor and recipient groups of a candidate's argument tokens: those no entity fills (rule events.group-actors). */
function groupsOfRoles(ents: EntityIndex, p: Predicate): EventGroup[] {
  const out: EventGroup[] = [];
  for (const [role, tokens] of [['actor', p.actorTokens], ['recipient', p.recipientTokens]] as const) {
    for (const k of tokens) {
      for (const g of ents.groupsOf(k)) {
        if (out.some((x) => x.start === g.start)) continue;
        out.push({ role, text: g.text, start: g.start, end: g.end, code: g.code });
      }
    }
  }
  return out;
}

/** The rule coder: a candidate no rule vetoes, with a dictionary code PLOVER maps and a participant. */
export function ruleVerdict(p: Predicate, ctx: DecisionContext, options: CoderOptions = {}): Verdict | null {
  if (p.veto !== null || p.code === null) return null;
  const { recipient, ents, view, lex } = ctx;
  if (p.nominal?.people && !(recipient.length && recipient.every((id) => ents.types.get(id) === 'PERSON'))) return null;
  // a dyad: an actor and a recipient, or several actors acting together ("A and B agree")
  const { actors, recipients } = roleCounts(ctx);
  if (options.requireDyad ? !((actors && recipients) || actors > 1) : !(actors || recipients)) return null;
  const code = refineCode(p.code, view, ents, p.recipientTokens, recipient, p.lemma);
  const plover = toPlover(lex.plover, code) ?? (options.keepUnmapped ? { type: `CAMEO:${code.slice(0, 2)}`, mode: null, context: null } : null);
  if (!plover) return null;
  return { type: plover.type, code, mode: plover.mode ?? LEMMA_MODES[plover.type]?.[p.lemma] ?? null, confidence: null };
}

/** A candidate with everything the decision reads: its participants' entities, its factuality, its trigger's characters. */
export interface DescribedCandidate {
  p: Predicate;
  ctx: DecisionContext;
  start: number;
  end: number;
  reported: string | null;
}

/** Every candidate of a parsed document with its decision context (`all`: also those a rule vetoes). */
export function describeCandidates(doc: Doc, lex: EventLexicon, options: CoderOptions = {}, all = false, nouns?: ReadonlySet<string>): { view: ParseView; ents: EntityIndex; candidates: DescribedCandidate[] } {
  const view = new ParseView(doc);
  const ents = new EntityIndex(doc, view);
  const out: DescribedCandidate[] = [];
  const bySentence = candidatePredicates(doc, view, ents, lex, options, all, nouns);
  for (let s = 0; s < bySentence.length; s++) {
    for (const p of bySentence[s]) {
      const actor = dedupe(p.actorTokens.flatMap((k) => ents.resolve(k)));
      const recipient = dedupe(p.recipientTokens.flatMap((k) => ents.resolve(k))).filter((id) => !actor.includes(id));
      const reported = reporterOf(view, ents, p.i);
      const { factuality } = p.modal !== undefined ? modalFactuality(view, p.modal, reported !== null) : factualityOf(view, p.i, reported !== null, undefined, p.governor);
      const start = Math.min(...p.tokens.map((k) => doc.tokens[k].start));
      const end = Math.max(...p.tokens.map((k) => doc.tokens[k].end));
      const groups = groupsOfRoles(ents, p);
      out.push({ p, ctx: { doc, view, ents, lex, actor, recipient, groups, sentence: s, factuality }, start, end, reported });
    }
  }
  return { view, ents, candidates: out };
}

export function codeDocument(doc: Doc, lex: EventLexicon, options: CoderOptions = {}, decider?: Decider): EventRecord[] {
  if (!ParseView.parsed(doc)) return [];
  const times = indexTimes(doc);
  const out: EventRecord[] = [];
  const lemmaOf = new Map<EventRecord, string>();
  const { view, ents, candidates } = describeCandidates(doc, lex, options, decider !== undefined, decider?.nouns);
  for (const { p, ctx, start, end, reported } of candidates) {
    // "was taken to hospital": care, no event, whoever is carried (the detector reads a described
    // subject, "the boy", as a patient); decided here, so the candidates the detector learns from stay as they were
    if (MEDICAL_TRANSPORT.enabled && p.kind === 'verb' && medicalTransport(view, p.i)) {
      MEDICAL_TRANSPORT.fired(start, end);
      continue;
    }
    const verdict = decider ? decider.decide(p, ctx) : ruleVerdict(p, ctx, options);
    if (!verdict) continue;
    const { factuality, actor, recipient, sentence: s } = ctx;
    const ev: EventRecord = {
      id: '',
      type: reducedPloverType(verdict.type, factuality), // PLOVER reports a promised meeting as AGREE, any threat as THREATEN
      mode: verdict.mode,
      cameo: verdict.code,
      trigger: { start, end, text: doc.text.slice(start, end) },
      actor,
      recipient,
      date: null,
      location: p.kind === 'verb' ? locationOf(view, ents, p.i, p.window) : locationOf(view, ents, p.i, []),
      factuality,
      // an actor or recipient reached through a pronoun or description is only as sure as that link
      confidence: verdict.confidence === null ? null : participantsSure(ents, p, verdict.confidence),
      negated: negatedOf(factuality),
      modality: modalityOfFactuality(factuality) ?? (!p.governor && historicalByWords(view, p.i, p.kind) ? 'historical' : null),
      reported_by: reported,
      sentence: s,
    };
    if (ctx.groups.length) {
      ev.groups = ctx.groups.map((g) => ({ ...g }));
      for (const g of ctx.groups) GROUP_ACTORS.fired(g.start, g.end);
    }
    ev.date = dateOf(doc, view, ents, times, lex, { ...p, code: verdict.code }, out, irrealis(factuality), lemmaOf);
    lemmaOf.set(ev, p.lemma);
    if (!ev.modality && !irrealis(factuality) && ev.date?.value && doc.published && ev.date.basis !== 'publication' && monthsBefore(ev.date.value, doc.published) >= 2) {
      ev.modality = 'historical';
    }
    out.push(ev);
  }
  out.forEach((e, k) => { e.id = `ev${k + 1}`; });
  return out;
}

/** The event's confidence times the least sure coreference link among its actor and recipient tokens. */
function participantsSure(ents: EntityIndex, p: Predicate, confidence: number): number {
  const link = ents.linkConfidence([...p.actorTokens, ...p.recipientTokens]);
  return link < 1 ? Math.round(confidence * link * 1000) / 1000 : confidence;
}

const MOVEMENT_BLOCKS = new Set(['GO_SOMEWHERE', 'ARRIVE', 'ASSEMBLE', 'CONSIDER']);
const MEET_BLOCKS = new Set(['MEET_PEOPLE', 'MEET2']);
/** CAMEO 171 seize possession, 192 occupy: said of people they are abductions or arrests. */
const SEIZING_CODES = new Set(['171', '192']);
const ARMED_GROUP_NOUNS = set('event-participant-nouns', { class: 'armed' });
const STATE_FORCE_NOUNS = set('event-participant-nouns', { class: 'state-force' });

/** CAMEO codes of acts done to people: abduct (181), physical assault, torture, kill (182x), assassinate (186), arrest (173). */
const PEOPLE_ACTS = /^(?:181|182|186|173)/;
/** Verbs of those codes whose patient may well be a thing: "hijacked a plane". */
const THING_ACTS = set('event-cue-words', { class: 'thing-act' });
const SHARE_NOUNS = set('event-participant-nouns', { class: 'share' });

/** The verb's patient (its object, or its subject in the passive) is a thing: no person, group, pronoun or number. */
function thingPatient(view: ParseView, ents: EntityIndex, i: number): boolean {
  const patients = view.kids(i, view.isPassive(i) ? ['nsubj:pass', 'nsubj'] : ['obj']);
  if (!patients.length) return false;
  return patients.every((k) => {
    const t = view.tokens[k];
    if (t.upos !== 'NOUN' || ents.resolve(k).length || isPeople(view, ents, k)) return false;
    if (GROUP_NOUNS.has(view.lemma(k)) || GROUP_NOUNS.has(t.text.toLowerCase())) return false;
    // "dozens of protesters", "a group of journalists": the share stands for people
    return !(SHARE_NOUNS.has(view.lemma(k)) && view.kids(k, ['nmod']).some((c) => isPeople(view, ents, c) || GROUP_NOUNS.has(view.lemma(c))));
  });
}

function isPerson(ents: EntityIndex, k: number): boolean {
  return ents.resolve(k).some((id) => ents.types.get(id) === 'PERSON');
}

/** A passive whose subject is a person and whose agent is an armed group or a state's forces. */
function personTakenBy(view: ParseView, ents: EntityIndex, i: number): boolean {
  if (!view.isPassive(i)) return false;
  const agents = view.kids(i, ['obl:agent', 'obl'], true).filter((o) => view.rel(o) === 'obl:agent' || view.caseOf(o) === 'by');
  return subjects(view, i).some((k) => isPerson(ents, k)) && capturerKind(view, ents, agents) !== null;
}

/** Who seized someone: an armed group (gunmen, a rebel organisation) or a state's forces (police, troops); null when unsaid. */
function capturerKind(view: ParseView, ents: EntityIndex, actorTokens: number[]): 'armed group' | 'state' | null {
  for (const k of actorTokens) {
    const w = view.tokens[k].text.toLowerCase();
    if (ARMED_GROUP_NOUNS.has(w)) return 'armed group';
    if (STATE_FORCE_NOUNS.has(w)) return 'state';
    for (const id of ents.resolve(k)) {
      const codes = ents.doc.entityById(id)?.codes ?? [];
      if (codes.some((c) => /(?:REB|INS|SEP|UAF|RAD)/.test(c.code))) return 'armed group';
      if (codes.some((c) => /(?:COP|MIL|GOV|SPY|JUD)/.test(c.code))) return 'state';
    }
  }
  return null;
}
const RETURNING_BLOCKS = new Set(['RETURN']);
/** Verbs that name their object as something ("called it a setback", "termed the deal a betrayal"). */
const NAMING_VERBS = set('event-cue-words', { class: 'naming' });
const MEDICAL_TRANSPORT_VERBS = set('event-cue-words', { class: 'medical-transport' });
const MEDICAL_FACILITIES = set('event-cue-words', { class: 'medical-facility' });

/** Verb i carries someone to a hospital or clinic ("was taken to hospital", "rushed to a clinic"). */
function medicalTransport(view: ParseView, i: number): boolean {
  return MEDICAL_TRANSPORT_VERBS.has(view.lemma(i)) && view.kids(i, ['obl']).some((o) => view.caseOf(o) === 'to' && MEDICAL_FACILITIES.has(view.lemma(o)));
}
/** CAMEO 045 mediate, 046 negotiate: one named party (the mediator) makes the event. */
const MEDIATION_CODES = new Set(['045', '046']);
/** Objects that make a light verb an idiom with no participant: "take place", "take effect", "make sure". */
const IDIOM_OBJECTS = set('event-cue-words', { class: 'idiom-object' });
/** Verbs whose passive raises the subject of their complement: "Hamas is expected to free …". */
const RAISING_VERBS = set('event-cue-words', { class: 'raising' });
const INTENT_VERBS = set('event-cue-words', { class: 'intent' });
const CONTEST_VERBS = set('event-cue-words', { class: 'contest' });
const ELECTORAL_WORDS = set('event-cue-words', { class: 'electoral' });

function sentenceHas(view: ParseView, from: number, to: number, words: ReadonlySet<string>): boolean {
  for (let k = from; k < to; k++) if (words.has(view.tokens[k].text.toLowerCase())) return true;
  return false;
}

const ACCIDENT_NOUNS = set('event-cue-words', { class: 'accident' });
const CAUSE_PREPS = set('event-words', { uses: 'events-cause-preps' });

/** An accident noun among a token's words: itself or its compounds ("crane accident"). */
function accidentWord(view: ParseView, k: number): boolean {
  return ACCIDENT_NOUNS.has(view.lemma(k)) || view.kids(k, ['compound']).some((c) => ACCIDENT_NOUNS.has(view.lemma(c)));
}

/** An accident or disaster is the predicate's subject or cause, or the subject of the clause it depends on. */
export function accidentCue(view: ParseView, i: number, subj: number): boolean {
  if (subj >= 0 && accidentWord(view, subj)) return true;
  for (const o of view.kids(i, ['obl', 'obl:agent', 'nmod'], true)) if (CAUSE_PREPS.has(view.caseOf(o)) && accidentWord(view, o)) return true;
  // up through the clauses it depends on: "a storm caused a crane to fall …, killing 107"
  for (let k = i, n = 0; n < 3 && ['advcl', 'conj', 'xcomp'].includes(view.rel(k)); n++) {
    k = view.head(k);
    if (k < 0) break;
    for (const a of view.kids(k, [...SUBJ, 'obj', 'iobj'])) if (accidentWord(view, a)) return true;
  }
  return false;
}

/** A person or group of people: a PERSON/NORP entity or a people noun ("prisoners", "migrants"). */
function isPeople(view: ParseView, ents: EntityIndex, k: number): boolean {
  if (ents.resolve(k).some((id) => ents.types.get(id) === 'PERSON' || ents.types.get(id) === 'NORP')) return true;
  return PEOPLE_NOUNS.has(view.lemma(k).replace(/s$/, '')) || view.tokens[k].upos === 'PRON';
}

const AUX_LEMMAS = set('event-cue-words', { class: 'aux' });
const LIGHT_VERBS = set('event-cue-words', { class: 'light' });
const ASPECTUAL_NEGATORS = set('event-cue-words', { class: 'aspectual-negator' });
const STATEMENT_VERBS = set('speech-verbs', { uses: 'events-coder' });

/** Token i lies inside a name mention (part of a name, not a predicate). */
function inName(ents: EntityIndex, doc: Doc, i: number): boolean {
  const id = ents.at(i);
  if (!id) return false;
  return tokenMarks(doc).names[i]?.includes(id) ?? false;
}

/** Token i is the cue verb of a quote ("…," the embassy wrote). */
function quoteCue(doc: Doc, i: number): boolean {
  return tokenMarks(doc).cues[i] === 1;
}

/**
 * Per token, the entities with a name mention holding it and whether a quote cue holds it:
 * marked once per document (asked per verb, a scan of every mention or quote each time made
 * the pass quadratic in a long document).
 */
const marks = new WeakMap<Doc, { names: (string[] | undefined)[]; cues: Uint8Array }>();
function tokenMarks(doc: Doc): { names: (string[] | undefined)[]; cues: Uint8Array } {
  let m = marks.get(doc);
  if (m) return m;
  const toks = doc.tokens;
  const names: (string[] | undefined)[] = new Array(toks.length);
  const cues = new Uint8Array(toks.length);
  const each = (start: number, end: number, mark: (k: number) => void) => {
    for (let k = doc.tokenAt(start); k < toks.length && toks[k].start < end; k++) if (toks[k].start >= start && toks[k].end <= end) mark(k);
  };
  for (const e of doc.entities) {
    for (const x of e.mentions) {
      if (x.kind === 'name') each(x.start, x.end, (k) => { const list = (names[k] ??= []); if (!list.includes(e.id)) list.push(e.id); });
    }
  }
  for (const q of doc.quotes) if (q.cue) each(q.cue.start, q.cue.end, (k) => (cues[k] = 1));
  m = { names, cues };
  marks.set(doc, m);
  return m;
}

function dedupe(ids: string[]): string[] {
  return [...new Set(ids)];
}

/** Whole months from date value a (YYYY[-MM[-DD]]) to date b; 0 when a is not clearly earlier. */
function monthsBefore(a: string, b: string): number {
  const ma = /^(\d{4})(?:-(\d{2}))?/.exec(a);
  const mb = /^(\d{4})(?:-(\d{2}))?/.exec(b);
  if (!ma || !mb) return 0;
  const ya = Number(ma[1]), yb = Number(mb[1]);
  const mo = ma[2] ? Number(ma[2]) : 12; // a bare year counts from its end
  return (yb - ya) * 12 + (Number(mb[2] ?? 1) - mo);
}

function fromTime(t: TimeExpression, basis: string): EventRecord['date'] {
  return { value: t.value, text: t.text, basis };
}

function dateOf(doc: Doc, view: ParseView, ents: EntityIndex, times: TimeIndex, lex: EventLexicon, p: Predicate, allEarlier: EventRecord[], notHappened: boolean, lemmaOf: Map<EventRecord, string>): EventRecord['date'] {
  const own = timeInWindow(times, p.window, p.i);
  if (own) return fromTime(own, 'clause');
  // only events that happened date later mentions of them (among the last ANTECEDENT_WINDOW events:
  // filtering every earlier event for every event made the pass quadratic in a long document)
  const earlier = allEarlier.slice(-ANTECEDENT_WINDOW).filter((e) => !irrealis(e.factuality));
  if (p.kind === 'verb') {
    // the clause this one depends on ("freed on Friday, returning home")
    for (let k = p.i, depth = 0; depth < 4; depth++) {
      const r = view.rel(k);
      const h = view.head(k);
      if (h < 0 || !['xcomp', 'conj', 'advcl', 'acl'].includes(r.split(':')[0])) break;
      const t = timeInWindow(times, view.window(h), h);
      if (t) return fromTime(t, 'governing');
      k = h;
    }
  } else if (closeInTime(view, p.i)) {
    // "just hours after his release": the governing event's date
    const h = view.head(p.i);
    const t = timeInWindow(times, view.window(h), h) ?? nearestInSentence(doc, times, h);
    if (t) return fromTime(t, 'governing');
  }
  if (notHappened) return null;
  // "during the attack", "during his abduction": the date of the event referred back to
  // anywhere in the clause: the parse may hang "during the attack" on the agent ("by terrorists during the attack")
  const refs = p.window.filter((k) => k !== p.i && ['obl', 'nmod'].includes(view.rel(k).split(':')[0]));
  for (const o of refs) {
    if (!DURING_PREPS.has(view.caseOf(o))) continue;
    const nom = nominalEvent(view.lemma(o));
    if (!nom && !EPISODE_NOUNS.has(view.lemma(o))) continue;
    const type = nom ? toPlover(lex.plover, nom.code)?.type : 'ASSAULT';
    const who = view.kids(o, ['nmod:poss', 'nmod'], true).flatMap((k) => ents.resolve(k));
    const ante = antecedent(earlier, (e) => e.type === type, who);
    if (ante?.date?.value) return { value: ante.date.value, ...(ante.date.text ? { text: ante.date.text } : {}), basis: 'antecedent' };
  }
  const inSentence = p.kind === 'verb' ? nearestInSentence(doc, times, p.i, (t) => !inOtherRelative(view, t, p.i)) : null;
  if (inSentence) return fromTime(inSentence, 'sentence');
  // the same event told again: same type, a shared participant, dated earlier in the story
  const type = earlier.length ? toPlover(lex.plover, p.code)?.type : undefined;
  if (type) {
    const mine = [...p.actorTokens, ...p.recipientTokens].flatMap((k) => ents.resolve(k));
    const definite = p.kind === 'noun' && (view.kids(p.i, ['nmod:poss']).length > 0 || view.kids(p.i, ['det']).some((d) => ['the', 'this', 'that'].includes(view.lemma(d))));
    // told again with the same word ("met" … "meeting", "release" … "released"), or a definite event noun ("the attack")
    const sameWord = (e: EventRecord) => (lemmaOf.get(e) ?? '').slice(0, 4) === p.lemma.slice(0, 4);
    const ante = antecedent(earlier, (e) => e.type === type && (definite || (sameWord(e) && [...e.actor, ...e.recipient].some((id) => mine.includes(id)))), mine);
    if (ante?.date?.value) return { value: ante.date.value, ...(ante.date.text ? { text: ante.date.text } : {}), basis: 'antecedent' };
  }
  if (p.kind === 'verb' && doc.published && presentTense(view, p.i)) return { value: doc.published, basis: 'publication' };
  return null;
}

/** How many earlier events a later mention of one may refer back to (a news story has far fewer). */
const ANTECEDENT_WINDOW = 250;

const NEAR_WORDS = set('event-words', { uses: 'events-near-words' });
const TEMPORAL_PREPS = set('event-words', { uses: 'events-temporal-preps' });

/** A nominal event placed right next to its governing clause in time: "(just) hours after his release". */
/** The same reading from the words alone, when the parse hung the phrase elsewhere: "just hours after his release". */
function closeInTimeByWords(view: ParseView, i: number): boolean {
  let c = i - 1;
  while (c >= 0 && c >= i - 3 && ['PRON', 'DET', 'ADJ'].includes(view.tokens[c].upos ?? '')) c--;
  if (c < 0 || !TEMPORAL_PREPS.has(view.tokens[c].text.toLowerCase())) return false;
  for (let k = Math.max(0, c - 3); k < c; k++) if (NEAR_WORDS.has(view.tokens[k].text.toLowerCase())) return true;
  return false;
}

function closeInTime(view: ParseView, i: number): boolean {
  if (view.rel(i).split(':')[0] !== 'obl' && view.rel(i).split(':')[0] !== 'nmod') return closeInTimeByWords(view, i);
  const cs = view.kids(i, ['case']).filter((c) => TEMPORAL_PREPS.has(view.lemma(c)));
  if (!cs.length) return closeInTimeByWords(view, i);
  const c = cs[0];
  if (view.lemma(c) === 'upon') return true;
  for (let k = Math.max(0, c - 3); k < c; k++) if (NEAR_WORDS.has(view.tokens[k].text.toLowerCase())) return true;
  return false;
}

/** The most recent earlier dated event passing `fits`, preferring one that shares a participant. */
function antecedent(earlier: EventRecord[], fits: (e: EventRecord) => boolean, who: string[]): EventRecord | null {
  let fallback: EventRecord | null = null;
  for (let k = earlier.length - 1; k >= 0; k--) {
    const e = earlier[k];
    if (!e.date?.value || !fits(e)) continue;
    if (who.length === 0 || [...e.actor, ...e.recipient].some((id) => who.includes(id))) return e;
    fallback ??= e;
  }
  return fallback;
}

const NON_PRESENT_AUX = set('function-words', { uses: 'events-nonpresent-aux' });
const PRESENT_AUX = set('function-words', { uses: 'events-present-aux' });
/** Present or present perfect: "frees", "has freed", "are holding". */
function presentTense(view: ParseView, i: number): boolean {
  const x = view.tokens[i].xpos ?? '';
  const auxes = view.kids(i, ['aux', 'aux:pass']).map((c) => view.tokens[c].text.toLowerCase());
  if (auxes.some((a) => NON_PRESENT_AUX.has(a))) return false;
  if (x === 'VBZ' || x === 'VBP') return true;
  return auxes.some((a) => PRESENT_AUX.has(a));
}
