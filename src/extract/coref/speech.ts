/**
 * First and second person in speech (stage `coref-speech`, after quotes, issue 23 item 2):
 *  - in a direct quote whose speaker is known, "I", "me", "my", "myself" are the speaker when the
 *    speaker is a person; "we", "us", "our" are the speaker when the speaker is an organisation or
 *    a government ("We will not negotiate," the ministry said). A person's "we" (their side) stays
 *    unlinked;
 *  - in an interview written as labelled turns ("Shimon Peres: I think …", "Wikinews: Do you …",
 *    "Q:" / "A:"), "I" in a turn is the turn's speaker, and "you" in the interviewer's turns is
 *    the interviewee when there is one. "you" in an answer is most often anyone ("when you look at
 *    history") and stays unlinked.
 * Nothing outside a quote or a turn is touched, so a byline's author never gains the story's "I".
 */
import type { Doc, Entity, Mention, Quote } from '../../doc.js';
import type { Stage } from '../../pipeline.js';
import { defineRule } from '../../rules/registry.js';
import { linkFields } from './confidence.js';
import { findQuoteSpans } from '../quotes.js';
import { spanAt } from './rules.js';
import { speechPersonReader } from './person-words.js';
import { isTitle, roleOf, set } from '../../lexicon/index.js';
import { ANSWERS_NOTE, intervieweeRepeats, isInitialsLabel, isUserNameLabel, labelCounts, labelFewTurns, labelLines, labelQuestion, sideOf, spellsName, type AnswerQuote, type LabelLine } from '../transcript.js';

const source = 'src/extract/coref/speech.ts';

/** Whether capitals `label` shorten the one word `name`: its first letter, then each other letter of the label in order ("WN" of "Wikinews"). */
export function abbreviates(label: string, name: string): boolean {
  if (!/^\p{L}+$/u.test(name) || name.length <= label.length) return false;
  const n = name.toLowerCase();
  const l = label.toLowerCase();
  if (n[0] !== l[0]) return false;
  let at = 1;
  for (let i = 1; i < l.length; i++) {
    at = n.indexOf(l[i], at) + 1;
    if (at === 0) return false;
  }
  return true;
}
/** he and she in every case (lexicon/en/pronouns.tsv, gender m or f). */
const HE_SHE = set('pronouns', { gender: ['m', 'f'] });

export const quoteFirstPerson = defineRule({
  id: 'coref-speech.quote-first-person',
  stage: 'coref-speech',
  action: 'label',
  summary: 'in a direct quote with a known speaker, I/me/my is the speaker (a person) and we/us/our the speaker (an organisation or a government)',
  fires: ['"I will appeal the ruling," Daniel Okoro said on Friday.'],
  spares: ['"The ruling will be appealed," Daniel Okoro said on Friday.'],
  source,
});

export const turnFirstPerson = defineRule({
  id: 'coref-speech.turn-first-person',
  stage: 'coref-speech',
  action: 'label',
  summary: 'in an interview written as labelled turns ("Name: …"), I/me/my in a turn is the turn\'s speaker',
  fires: ['Reporter: When did the clinic open?\n\nGrace Mwangi: I opened it in 2015 with two nurses.\n\nReporter: Why Kisumu?\n\nGrace Mwangi: My family lives there.'],
  spares: ['Grace Mwangi opened the clinic in 2015.\n\nI visited it last week with two nurses.'],
  source,
});

export const questionYou = defineRule({
  id: 'coref-speech.question-you',
  stage: 'coref-speech',
  action: 'label',
  summary: 'in an interview written as labelled turns, you/your in the interviewer\'s turns (the label whose turns ask) is the one interviewee',
  fires: ['Reporter: When did you open the clinic?\n\nGrace Mwangi: In 2015, with two nurses.\n\nReporter: Why Kisumu?\n\nGrace Mwangi: Family.'],
  spares: ['Reporter: When did the clinic open?\n\nGrace Mwangi: In 2015. When you have two nurses, you can open.\n\nReporter: Why Kisumu?\n\nGrace Mwangi: Family.'],
  source,
});

export const labelInitials = defineRule({
  id: 'coref-speech.turn-label-initials',
  stage: 'coref-speech',
  action: 'label',
  summary: 'an interview turn labelled by initials ("GM:"), a title and surname ("Dr. Mwangi:") or a surname alone is the one person the document names in full whose initials or surname match (a unique match only)',
  fires: ['Grace Mwangi opened the clinic in Kisumu. Tom Baker asked her about it.\n\nTB: When did you open it?\n\nGM: I opened it in 2015.\n\nTB: Why Kisumu?\n\nGM: My family lives there.'],
  spares: ['Grace Mwangi and Gary Moss opened the clinic in Kisumu.\n\nTB: When did you open it?\n\nGM: I opened it in 2015.\n\nTB: Why Kisumu?\n\nGM: My family lives there.'],
  source,
});

export const labelOwnSpeaker = defineRule({
  id: 'coref-speech.turn-label-own-speaker',
  stage: 'coref-speech',
  action: 'label',
  summary: 'an interview turn label of initials ("GM:", two or three capitals opening a turn of an interview) that no entity of the document bears is a speaker of its own: a person known by the initials, so I/me/my in its turns and "you" in the other side\'s questions are that person',
  fires: ['TB: When did you open the clinic?\n\nGM: I opened it in 2015.\n\nTB: Why Kisumu?\n\nGM: My family lives there.'],
  spares: ['TB: When did you open the clinic?\n\nGM: I opened it in 2015.\n\nThe clinic has two nurses.'],
  source,
});

export const labelUserName = defineRule({
  id: 'coref-speech.turn-label-user-name',
  stage: 'coref-speech',
  action: 'label',
  summary: 'an interview turn label written as an account name ("WilliamSSaturn:", one word with a capital after a small letter inside it) that no entity bears is a speaker of its own: a person, so I/me/my in its turns are that person',
  fires: ['TomBakerKE: When did you open the clinic?\n\nGrace Mwangi: I opened it in 2015.\n\nTomBakerKE: I see. Why Kisumu?\n\nGrace Mwangi: My family lives there.'],
  spares: ['Reporter: When did you open the clinic?\n\nGrace Mwangi: I opened it in 2015.\n\nReporter: I see. Why Kisumu?\n\nGrace Mwangi: My family lives there.'],
  source,
});

export const labelAbbreviation = defineRule({
  id: 'coref-speech.turn-label-abbreviation',
  stage: 'coref-speech',
  action: 'label',
  summary: 'an interview turn label of capitals that no person\'s initials spell ("WN:") and that abbreviates the one-word name of the one organisation of the document that it can ("Wikinews": its first letter, then the others in order) is that organisation speaking, not a person known by the initials',
  fires: ['Grace Mwangi told Wikinews about the clinic she opened in Kisumu.\n\nWN: When did you open the clinic?\n\nGrace Mwangi: I opened it in 2015.\n\nWN: Why Kisumu?\n\nGrace Mwangi: My family lives there.'],
  spares: ['Grace Mwangi told the paper about the clinic she opened in Kisumu.\n\nWN: When did you open the clinic?\n\nGrace Mwangi: I opened it in 2015.\n\nWN: Why Kisumu?\n\nGrace Mwangi: My family lives there.'],
  source,
});

export const turnQuote = defineRule({
  id: 'coref-speech.turn-quote',
  stage: 'coref-speech',
  action: 'veto',
  summary: 'a direct quote the quotes stage read off an interview turn label ("A: I …") is no quote for first person: the turn\'s label says who speaks it, not the quotes stage\'s speaker (a name the answer gives)',
  fires: ['Q: When did you open the clinic?\n\nA: Dr. Peter Otieno and I opened it in 2015.\n\nQ: Why Kisumu?\n\nA: My family lives there.'],
  spares: ['Dr. Peter Otieno opened the clinic in Kisumu. "I opened it in 2015," Otieno said.'],
  source,
});

export const labelPerson = defineRule({
  id: 'coref-speech.turn-label-person',
  stage: 'coref-speech',
  action: 'label',
  summary: 'an interview turn label of initials or an account name ("GM:", "TomBakerKE:") that the recogniser read as an organisation or a place, named nowhere outside the labels, is a person: "we" in its turns is no organisation\'s, and "you" in the other side\'s questions is that person',
  fires: ['TB: Tell me about the strike.\n\nGM: What can I say? It broke the town. My brother lost his job, and we never spoke about it.\n\nTB: Why did you write about it?\n\nGM: Who else would? We all remember it.'],
  spares: ['The union GM represents the miners.\n\nTB: Tell me about the strike.\n\nGM: It broke the town. We never spoke about it.\n\nTB: Why did you write about it?\n\nGM: We all remember it.'],
  source,
});

export const labelJoinedName = defineRule({
  id: 'coref-speech.turn-label-joined-name',
  stage: 'coref-speech',
  action: 'label',
  summary: 'an interview turn label that runs a name together as an account name ("GraceMwangi:") is the one person the text names in words ("Grace Mwangi"), not a speaker of its own',
  fires: ['Grace Mwangi opened a clinic in Kisumu.\n\nTomBaker: When did you open it?\n\nGraceMwangi: I opened it in 2015.\n\nTomBaker: Why Kisumu?\n\nGraceMwangi: My family lives there.'],
  spares: ['Grace Mwangi opened a clinic in Kisumu.\n\nTomBaker: When did you open it?\n\nGraceMoss: I opened it in 2015.\n\nTomBaker: Why Kisumu?\n\nGraceMoss: My family lives there.'],
  source,
});

export const unnamedAnswerer = defineRule({
  id: 'coref-speech.turn-label-unnamed-answerer',
  stage: 'coref-speech',
  action: 'label',
  summary: 'an answering-side label ("A:") opening two turns or more is the one person the introduction before the first turn names; with no introduction (a later part of an interview) it is a person known by the label alone, not whoever the answer names',
  fires: ['Q: When did you open the clinic?\n\nA: I opened it in 2015. Dr. Peter Otieno helped me.\n\nQ: Why Kisumu?\n\nA: My family lives there.'],
  spares: ['Q: When did you open the clinic?\n\nA: I opened it in 2015. Dr. Peter Otieno helped me.\n\nThe clinic has two nurses.'],
  source,
});


export const speakerNotHe = defineRule({
  id: 'coref-speech.speaker-not-third-person',
  stage: 'coref-speech',
  action: 'veto',
  summary: 'inside a direct quote, he/him/his/she/her is never the quote\'s own speaker (a speaker says I): such a link made before the speaker was known is taken back',
  fires: ['Tomas Berger met the senator in May. "When he was winning, I offered help," Berger said.'],
  spares: ['Tomas Berger won the race in May. "I offered help to everyone," Berger said before he left.'],
  source,
});

export const vocativeYou = defineRule({
  id: 'coref-speech.vocative-you',
  stage: 'coref-speech',
  action: 'label',
  summary: 'a quotation that opens by addressing a person by name (\'"Frank, thank you …"\') speaks to that person: you/your in it is them, when one person of the article bears the name',
  fires: ['Maria Okafor runs the shelter. A boy wrote to her: "Maria, thank you for your kindness."'],
  spares: ['Maria Okafor runs the shelter. A boy wrote to her: "Thank you for your kindness."'],
  source,
});

export const addressedNotSpeaker = defineRule({
  id: 'coref-speech.addressed-not-speaker',
  stage: 'coref-speech',
  action: 'veto',
  summary: 'in an interview turn, a quotation that addresses the turn\'s own speaker by name ("Grace Mwangi: A nurse wrote, \'Grace, I owe you my job\'") is someone else\'s words: its I/me/my/we are not the speaker',
  fires: ['Reporter: Do patients write to you?\n\nGrace Mwangi: One nurse wrote, \'Grace, I owe you my job.\' That was nice.\n\nReporter: Why Kisumu?\n\nGrace Mwangi: My family lives there.'],
  spares: ['Reporter: Do patients write to you?\n\nGrace Mwangi: I wrote to one nurse, \'Peter, I owe you my job.\' That was nice.\n\nReporter: Why Kisumu?\n\nGrace Mwangi: My family lives there.'],
  source,
});

export const orgTurnI = defineRule({
  id: 'coref-speech.organisation-turn-first-person',
  stage: 'coref-speech',
  action: 'label',
  summary: 'in an interview whose turns an organisation labels ("Wikinews: …"), I/me/my in its turns is its reporter, linked to the organisation (the interviewer\'s side)',
  fires: ['Wikinews: I read that the clinic opened in 2015. Why Kisumu?\n\nGrace Mwangi: My family lives there.\n\nWikinews: Do you plan more?\n\nGrace Mwangi: Two more.'],
  spares: ['Wikinews: The clinic opened in 2015. Why Kisumu?\n\nGrace Mwangi: My family lives there.\n\nWikinews: Do you plan more?\n\nGrace Mwangi: Two more.'],
  source,
});

export const spokespersonWe = defineRule({
  id: 'coref-speech.spokesperson-we',
  stage: 'coref-speech',
  action: 'label',
  summary: 'in a direct quote or an interview turn of a person who speaks for an organisation or a state (a position whose role represents it, lexicon/en/roles.tsv: spokesperson, official, representative …), we/us/our is that organisation, when the person speaks for exactly one',
  fires: ['"We will not accept these claims," said Ivan Petrov, a spokesman for the Foreign Ministry.'],
  spares: ['"We will not accept these claims," said Ivan Petrov, a lawyer from Moscow.'],
  source,
});

export const positionWe = defineRule({
  id: 'coref-speech.position-we',
  stage: 'coref-speech',
  action: 'label',
  summary: 'in a direct quote of a person who holds a position at exactly one organisation (a role that runs it, lexicon/en/roles.tsv coref-we: "deputy executive secretary", "director general of …"; not staff such as a professor), we/us/our is that organisation; not a place the person serves (a country), not an interview turn, not a partitive "many of us"',
  fires: ['"We have trained our staff," said Ana Souto, director general of the National Electoral Commission.'],
  spares: ['"We have trained our staff," said Ana Souto, a teacher from Maputo.'],
  source,
});

export const speakerPlaceLike = defineRule({
  id: 'coref-speech.speaker-place-like',
  stage: 'coref-speech',
  action: 'veto',
  summary: 'a quote\'s "person" speaker known by one word that a place of the document bears as often or more, or whose every name stands after "the" or a place preposition ("the Brampton\'s growth", "in Brampton"), is a place the recogniser mistyped: the quote\'s "I" is not it',
  fires: ['Voters in Brampton worry. Jobs remain in Brampton. "I am shocked by the traffic," Brampton said.'],
  spares: ['Voters in Brampton worry. Jobs remain in Brampton. "I am shocked by the traffic," said Grace Okafor.'],
  source,
});

/** Words before a place's name and not a person's ("the", "in", "at" …: lexicon/en/function-words.tsv ner-place-prep and the article). */
const PLACE_BEFORE = set('function-words', { uses: 'ner-place-prep' });

/**
 * A PERSON entity known by one word only that is a place: a place of the document bears the same name as often or more
 * ("Brampton" read as a person twice, as the city three times), or every name mention follows "the" or a place preposition.
 */
function placeLike(doc: Doc, e: Entity): boolean {
  const names = e.mentions.filter((m) => m.kind === 'name');
  if (!names.length || names.some((m) => /\s/.test(m.text))) return false;
  // (asked once per quote and turn of the speaker: the scan over the document's places is done once per entity)
  let place = placeLikeSeen.get(e);
  if (place === undefined) placeLikeSeen.set(e, place = placeNamed(doc, names));
  if (place) speakerPlaceLike.fired(names[0].start, names[0].end);
  return place;
}

/** placeNamed of each speaker entity asked about, computed once (coref-speech adds no name mentions). */
const placeLikeSeen = new WeakMap<Entity, boolean>();

/** A place of the document bears the one-word name as often or more, or every name follows "the" or a place preposition. */
function placeNamed(doc: Doc, names: readonly Mention[]): boolean {
  const word = names[0].text;
  const sameNamedPlace = doc.entities.some((o) => (o.type === 'GPE' || o.type === 'LOC') && o.mentions.filter((m) => m.kind === 'name' && m.text === word).length >= names.length);
  return sameNamedPlace || (names.length >= 2 && names.every((m) => {
    const before = doc.tokens[doc.tokenAt(m.start) - 1]?.text.toLowerCase() ?? '';
    return before === 'the' || PLACE_BEFORE.has(before);
  }));
}

/** Roles that speak for their organisation (the actors stage's AFFILIATION). */
const REPRESENTS = set('roles', { represents: 'yes' });
/** Roles that run an organisation (lexicon/en/roles.tsv `coref-we`): secretary, director, chairman, coach … — not staff. */
const RUNS = set('roles', { uses: 'coref-we' });

/** The role noun a position's title heads: "director general of the technical secretariat" → director general, "deputy executive secretary" → secretary. */
function headRole(title: string): string | undefined {
  const words = title.toLowerCase().split(/\s+(?:of|for|at|in|to)\s+/)[0].split(/\s+/);
  for (let k = 0; k < words.length; k++) {
    const role = roleOf(words.slice(k).join(' '))?.role;
    if (role) return role;
  }
  return undefined;
}

/**
 * Each person → the one organisation or state they speak for (a relation whose role represents it); none when two.
 * With `anyRole`, a position that runs an organisation (not a place) counts: the people who lead or run an
 * organisation say "we" for it as its spokespeople do; staff (a professor at a university) say it for their team.
 */
function spokespeople(doc: Doc, anyRole = false): Map<string, Entity> {
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  const out = new Map<string, Entity | null>();
  for (const r of doc.relations ?? []) {
    if (r.type !== 'position' || !r.role) continue;
    const role = anyRole ? headRole(r.role) : roleOf(r.role)?.role;
    if (!role || !(anyRole ? RUNS : REPRESENTS).has(role)) continue;
    const org = byId.get(r.object);
    if (!org || (org.type !== 'ORG' && (anyRole || org.type !== 'GPE'))) continue;
    const had = out.get(r.subject);
    out.set(r.subject, had === undefined || had === org ? org : null);
  }
  const sure = new Map<string, Entity>();
  for (const [k, v] of out) if (v) sure.set(k, v);
  return sure;
}

/** Nouns that make "our" everyone's (lexicon/en/inclusive-we.tsv): "our nation", "our time". */
const EVERYONES = set('inclusive-we');

/** "our nation", "our young democracy", "all of us": the country's or people's at large, not an organisation's. */
function everyones(doc: Doc, i: number): boolean {
  // ("all of us"; not "one of our staff", the organisation's own)
  if (partitive(doc, i) && /^us$/i.test(doc.tokens[i].text)) return true;
  if (!/^(?:our|ours)$/i.test(doc.tokens[i].text)) return false;
  const next = doc.tokens[i + 1];
  if (!next) return false;
  if (EVERYONES.has(next.text.toLowerCase())) return true;
  const after = doc.tokens[i + 2];
  return next.upos === 'ADJ' && after !== undefined && EVERYONES.has(after.text.toLowerCase());
}

/** "many of us", "one of our …": a part of an inclusive "we" (people at large), not an organisation speaking. */
function partitive(doc: Doc, i: number): boolean {
  return i > 0 && doc.tokens[i - 1].text.toLowerCase() === 'of' && /^(us|our)$/i.test(doc.tokens[i].text);
}

/** The organisation a person's "we" stands for, and the rule that says so. */
interface WeSide { org: Entity; rule: typeof spokespersonWe }

/** Each person → the organisation their "we" is: the one they speak for (spokesperson-we), else the one organisation they hold a position at (position-we). */
function weSpeakers(doc: Doc): Map<string, WeSide> {
  const out = new Map<string, WeSide>();
  if (spokespersonWe.enabled) for (const [k, org] of spokespeople(doc)) out.set(k, { org, rule: spokespersonWe });
  if (positionWe.enabled) for (const [k, org] of spokespeople(doc, true)) if (!out.has(k)) out.set(k, { org, rule: positionWe });
  return out;
}

/** The one person whose name, or one word of it, is `name` ("Frank" → Frank Messina). */
function personNamed(doc: Doc, name: string): Entity | undefined {
  const lower = name.toLowerCase();
  const words = lower.split(/\s+/);
  let found: Entity | undefined;
  for (const e of doc.entities) {
    if (e.type !== 'PERSON') continue;
    const bears = e.mentions.some((m) => m.kind === 'name' && (m.text.toLowerCase() === lower || (words.length === 1 && m.text.toLowerCase().split(/\s+/).includes(lower))));
    if (!bears || e === found) continue;
    if (found) return undefined;
    found = e;
  }
  return found;
}

/**
 * A quotation opening with a name and a comma: the quote mark, the name, and where the quotation can run to. An opening
 * mark stands after a blank, a colon or a bracket and touches its first word: a closing mark before the next paragraph's
 * '\n\nFelizeberto Nice, director …' or before '" Joao Caholo, the …, said' opens nothing.
 */
const VOCATIVE = /(?<=^|[\s(\[:—–])[“"‘'](\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?),\s/gu;
const CLOSING = /[”"’']\s*(?:$|[^\p{L}])|\n/u;

export const vocativeTitle = defineRule({
  id: 'coref-speech.vocative-title',
  stage: 'coref-speech',
  action: 'label',
  summary: 'a quotation that opens by addressing a person by a title and the name the article gives them (\'"Captain Kennedy, you answer first"\') addresses that person: the title is no part of the name to match',
  fires: ['Kennedy and Smith stood by the screen. "Let\'s walk through this," Barber said. "Captain Kennedy, you answer the first question."'],
  spares: ['Ann Kennedy and Bob Kennedy stood by the screen. "Let\'s walk through this," Barber said. "Captain Kennedy, you answer the first question."'],
  source,
});

/** The person a titled vocative names, the rule's firing recorded. */
function titled(person: Entity | undefined, at: number): Entity | undefined {
  if (person) vocativeTitle.fired(at, at + 1);
  return person;
}

/** A quotation that opens by addressing a person by name: its words after the name, and that person. */
interface Addressed { start: number; end: number; person: Entity }

/** The quotations that open by addressing a person of the article by name ('"Frank, thank you …"'), in text order. */
function addressedQuotations(doc: Doc): Addressed[] {
  const out: Addressed[] = [];
  for (const m of doc.text.matchAll(VOCATIVE)) {
    // ("Captain Kennedy, you answer …": a title before the name the article gives the person by)
    const [title, ...name] = m[1].split(' ');
    const person = personNamed(doc, m[1]) ?? (vocativeTitle.enabled && name.length && isTitle(title.toLowerCase()) ? titled(personNamed(doc, name.join(' ')), m.index) : undefined);
    if (!person) continue;
    const from = m.index + m[0].length;
    const rest = doc.text.slice(from, from + 400);
    const close = rest.search(CLOSING);
    out.push({ start: from, end: from + (close < 0 ? rest.length : close), person });
  }
  return out;
}

/** you/your in a quotation that addresses a person by name → that person. */
function resolveVocatives(doc: Doc, addressed: readonly Addressed[], taken: Set<number>, link: (speaker: Entity, i: number, rule: typeof quoteFirstPerson, resting?: number) => void, personAt: (i: number) => 'I' | 'we' | 'you' | null): void {
  for (const { start: from, end: to, person } of addressed) {
    for (let i = doc.tokenAt(from); i < doc.tokens.length && doc.tokens[i].start < to; i++) {
      const t = doc.tokens[i];
      if (t.start < from || taken.has(t.start)) continue;
      if (personAt(i) !== 'you') continue;
      if (youKnowMarker.enabled && filler(doc, i)) youKnowMarker.fired(t.start, t.end);
      else link(person, i, vocativeYou);
    }
  }
}

export const answerQuestionYou = defineRule({
  id: 'coref-speech.answer-question-you',
  stage: 'coref-speech',
  action: 'label',
  summary: 'in an interview of labelled turns, you/your in a question the interviewee asks back ("Let me ask you this: …?", "You don\'t know that, do you?") is the one interviewer — an answer\'s "you" outside a question stays anyone\'s',
  fires: ['Tom Baker: Did the mayor sign it?\n\nGrace Mwangi: Let me ask you this: would you sign it?\n\nTom Baker: Perhaps. And the nurses?\n\nGrace Mwangi: They signed.'],
  spares: ['Tom Baker: Did the mayor sign it?\n\nGrace Mwangi: When you run a clinic, you sign everything.\n\nTom Baker: Perhaps. And the nurses?\n\nGrace Mwangi: They signed.'],
  source,
});

export const askerRule = defineRule({
  id: 'coref-speech.interviewer-asks-most',
  stage: 'coref-speech',
  action: 'label',
  summary: 'when every label of an interview mostly asks (the interviewee answers with questions of their own), the interviewer is the label whose turns ask most (on a tie, the one that speaks first); "you" in its turns is the other',
  fires: ['Reporter: Do you fear the vote?\n\nIrena Vasic: Why should I? Who would stop us?\n\nReporter: Will you run again?\n\nIrena Vasic: Who knows? Ask me in May.\n\nReporter: And your party?\n\nIrena Vasic: It will decide.'],
  spares: ['Reporter: Do you fear the vote?\n\nIrena Vasic: No. We have the numbers.\n\nReporter: Will you run again?\n\nIrena Vasic: Yes, in May.'],
  source,
});

export const interviewerBrief = defineRule({
  id: 'coref-speech.interviewer-brief',
  stage: 'coref-speech',
  action: 'veto',
  summary: 'the side taken as the interviewer (its turns hold questions) must speak in shorter turns on average than the interviewee it addresses, or end at least half its turns with a question; otherwise it is an interviewee answering with questions of their own, and "you" in its turns stays unlinked',
  fires: ['Tom Baker: Tell me about the strike.\n\nGrace Mwangi: What can I say? It broke the town, and who would have guessed that? My brother lost his job.\n\nTom Baker: Your brother was a miner.\n\nGrace Mwangi: He was. Why do you think I write about mines? Every book comes back to them.'],
  spares: ['Tom Baker: Why did you write about the strike?\n\nGrace Mwangi: It broke the town. My brother lost his job, and we never spoke about it again.\n\nTom Baker: Was your brother a miner?\n\nGrace Mwangi: He was. Every book I write comes back to the mines.'],
  source,
});

export const initialsIntroduced = defineRule({
  id: 'coref-speech.initials-introduced',
  stage: 'coref-speech',
  action: 'veto',
  summary: 'a turn label of initials ("NM:") stands for a person named in full only when that name stands before the first turn (the introduction): a person named only inside the turns is one the speakers talk about ("I read Norman Mailer …"), and the label is a speaker of its own',
  fires: ['NS: Which writers did you read when you were young?\n\nNM: Mostly Naguib Mahfouz. I read everything he wrote.\n\nNS: Did you meet him?\n\nNM: Once, in Cairo. I was too shy to speak.'],
  spares: ['Nadia Mansour writes novels in Cairo. Nils Sand spoke to her.\n\nNS: Which writers did you read when you were young?\n\nNM: Mostly Tayeb Salih. I read everything he wrote.\n\nNS: Did you meet him?\n\nNM: Once, in Cairo. I was too shy to speak.'],
  source,
});

export const quotedOther = defineRule({
  id: 'coref-speech.quoted-other',
  stage: 'coref-speech',
  action: 'veto',
  summary: 'words in single quotation marks inside an answer or a quote ("people say, \'Hey Frank, my name is John\'", "fans can say, \'I learned to play on your songs\'") are someone else\'s unless the speaker introduces them as their own ("I thought, \'I can do this\'", "I say, \'…\'"): their I/we/you are not the speaker\'s',
  fires: ['Reporter: Do fans write to you?\n\nGrace Mwangi: All the time. They come up and say, \'You saved my life.\' It is moving.\n\nReporter: Why Kisumu?\n\nGrace Mwangi: My family lives there.'],
  spares: ['Reporter: Do fans write to you?\n\nGrace Mwangi: All the time. I always say, \'My door is open.\' It is moving.\n\nReporter: Why Kisumu?\n\nGrace Mwangi: My family lives there.'],
  source,
});

export const answerQuotesOther = defineRule({
  id: 'coref-speech.answer-quotes-other',
  stage: 'coref-speech',
  action: 'veto',
  summary: 'a quotation inside an interview answer that the quotes stage gave the answer\'s own speaker is someone else\'s words unless an "I" among the six words before it introduces it ("Grace Mwangi: … he would say, \"Well, I won\'t hire them.\"" is his, not hers; "I told him, \"I quit\"" is hers)',
  fires: ['Reporter: Was your husband strict?\n\nGrace Mwangi: Very. In the end he would say, "Well, I will not hire them." That was that.\n\nReporter: Why Kisumu?\n\nGrace Mwangi: My family lives there.'],
  spares: ['Reporter: Was your husband strict?\n\nGrace Mwangi: Very. In the end I would say, "Well, I will not hire them." That was that.\n\nReporter: Why Kisumu?\n\nGrace Mwangi: My family lives there.'],
  source,
});

export const youKnowMarker = defineRule({
  id: 'coref-speech.you-know-marker',
  stage: 'coref-speech',
  action: 'veto',
  summary: '"you know" set off as a filler ("it was delayed, you know, and then …", "she you know, you can say …": "know" before a comma, a dash, an ellipsis or a full stop, no auxiliary before "you") addresses no one: its "you" is not linked',
  fires: ['Reporter: Was the clinic ready, you know, when the rains came?\n\nGrace Mwangi: It was. We had two nurses.\n\nReporter: Why Kisumu?\n\nGrace Mwangi: My family lives there.'],
  spares: ['Reporter: Was the clinic ready? Do you know when the rains came?\n\nGrace Mwangi: It was. We had two nurses.\n\nReporter: Why Kisumu?\n\nGrace Mwangi: My family lives there.'],
  source,
});

export const ourEveryone = defineRule({
  id: 'coref-speech.our-everyone',
  stage: 'coref-speech',
  action: 'veto',
  summary: 'an organisation\'s "our" before a noun that makes it everyone\'s ("our nation", "our democracy", "the issues of our time": lexicon/en/inclusive-we.tsv) and a partitive "all of us" speak for the country or people at large, not the organisation: no link to it (a country\'s own "our nation" is left alone)',
  fires: ['"This attack will not weaken our nation," said Ivan Petrov, a spokesman for the Foreign Ministry.'],
  spares: ['"This attack will not weaken our staff," said Ivan Petrov, a spokesman for the Foreign Ministry.'],
  source,
});

export const askedBackEnds = defineRule({
  id: 'coref-speech.asked-back-ends-turn',
  stage: 'coref-speech',
  action: 'veto',
  summary: 'a question the interviewee puts back to the interviewer ends the answer, alone or with more questions (it waits for a reply); a question the answer goes on from with a statement is rhetorical ("How could you talk about it? It is always shunned."), and its "you" (coref-speech.answer-question-you) stays unlinked',
  fires: ['Tom Baker: Did the mayor sign it?\n\nGrace Mwangi: Who would? How could you sign such a thing? Nobody signed it.\n\nTom Baker: Perhaps. And the nurses?\n\nGrace Mwangi: They signed.'],
  spares: ['Tom Baker: Did the mayor sign it?\n\nGrace Mwangi: Nobody signed it. Let me ask you this: would you sign it?\n\nTom Baker: Perhaps. And the nurses?\n\nGrace Mwangi: They signed.'],
  source,
});

export const labelWord = defineRule({
  id: 'coref-speech.label-word-not-speaker',
  stage: 'coref-speech',
  action: 'veto',
  summary: 'a turn label of initials or an account name ("AD:", "NS:") that the recogniser read as an organisation or a place it also finds inside the turns but not in the introduction ("founded in 1200 AD", "worked for NS") is not that word\'s entity: the label is a speaker of its own, a person, so its "I" is no organisation\'s and "you" in the questions reaches it',
  fires: ['DS: You grew up near the coast. What was that like?\n\nAD: It was quiet. The town was founded in 1200 AD by monks.\n\nDS: Did you ever want to leave?\n\nAD: Of course. I left at seventeen.'],
  spares: ['DS: You grew up near the coast. What was that like?\n\nAD: It was quiet. The town was founded by monks.\n\nDS: Did you ever want to leave?\n\nAD: Of course. I left at seventeen.'],
  source,
});

export const surnameIntroduced = defineRule({
  id: 'coref-speech.surname-introduced',
  stage: 'coref-speech',
  action: 'veto',
  summary: 'a turn label of one word of a name ("Talese:", "Dr. Layman:") stands for the person bearing it only when the introduction (the text before the first turn) names them; a person named only inside the turns ("my wife Nan Talese") is talked about, and the label is a speaker of its own',
  fires: ['DS: You grew up near the coast. What was that like?\n\nOtieno: It was quiet. My wife Ann Otieno grew up there too.\n\nDS: Did you ever want to leave?\n\nOtieno: Of course. I left at seventeen.'],
  spares: ['Peter Otieno spoke to us about his youth.\n\nDS: You grew up near the coast. What was that like?\n\nOtieno: It was quiet. I fished every day.\n\nDS: Did you ever want to leave?\n\nOtieno: Of course. I left at seventeen.'],
  source,
});

export const interviewerWe = defineRule({
  id: 'coref-speech.interviewer-we',
  stage: 'coref-speech',
  action: 'veto',
  summary: 'we/us/our in the interviewer\'s turns ("For our readers …", "Can you explain it for us?") is the one asking and the readers, not the organisation a label such as "Wikinews:" names: no link',
  fires: ['Wikinews: For our readers, what does the clinic do?\n\nGrace Mwangi: It treats malaria.\n\nWikinews: Can you tell us why Kisumu?\n\nGrace Mwangi: My family lives there.'],
  spares: ['Wikinews: What does the clinic do?\n\nGrace Mwangi: It treats malaria.\n\nWikinews: Why Kisumu?\n\nGrace Mwangi: My family lives there.'],
  source,
});

/** One labelled turn of an interview: its label, the text it speaks, and who speaks it. */
export interface Turn {
  label: string;
  labelStart: number;
  /** the spoken text: from after the label to the next turn's label (or the end) */
  start: number;
  end: number;
  speaker: Entity | undefined;
}

/**
 * The labelled turns of an interview, or none: the label lines of the document's scheme
 * (src/extract/transcript.ts: "Name:", "DS:", "Q:", or with a dash), each turn running to the next label.
 */
export function interviewTurns(doc: Doc): Turn[] {
  // (a label a person of the article bears: "Wolfe:" read as John Wolfe's name)
  const person = (label: string) => doc.entities.some((e) => e.type === 'PERSON' && e.mentions.some((m) => m.kind === 'name' && m.text === label));
  // (a label an entity of any kind bears: "Wikinews:" read as the organisation)
  const named = (label: string) => doc.entities.some((e) => e.mentions.some((m) => m.kind === 'name' && m.text === label));
  const found = labelLines(doc.text, person, named);
  if (!found.length) return [];
  const speakerOf = labelSpeakers(doc, found);
  return found.map((f, k) => ({ ...f, end: k + 1 < found.length ? found[k + 1].labelStart : doc.text.length, speaker: speakerOf(f.label, f.labelStart, f.start) }));
}

/** Who a label stands for: the entity named by the label itself, or by the same words elsewhere, or (A, Answer) the answer's quoted speaker. */
function labelSpeakers(doc: Doc, lines: readonly LabelLine[]): (label: string, from: number, to: number) => Entity | undefined {
  const count = labelCounts(lines);
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  // where the labels stand (in text order): a name mention there is the label itself, not a name the text gives
  const labelSpans = lines.map((l) => ({ start: l.labelStart, end: l.start }));
  const atLabel = (m: Mention) => spanAt(labelSpans, m.start) >= 0;
  // the introduction: the text before the first turn of a label that opens two or more (a title line "Frank Messina: An
  // interview …" is no turn), where a later part has none
  const introEnd = (lines.find((l) => (count.get(l.label) ?? 0) >= 2) ?? lines[0]).labelStart;
  // an entity the initials spell, named in full before the first turn; one named only inside the turns is talked about
  const introducedAs = (e: Entity, from: number, to: number) => {
    const ok = e.mentions.some((m) => m.kind === 'name' && m.start < introEnd);
    if (!ok) initialsIntroduced.fired(from, to);
    return ok;
  };
  // a label naming one word of a person's name ("Talese:", "Dr. Layman:") stands for the bearer only when the
  // introduction names them; one named only inside the turns is talked about, and the label is a speaker of its own
  const unintroduced = new Set<string>();
  const introducedBearer = (e: Entity | undefined, label: string, from: number, to: number) => {
    if (!e || !surnameIntroduced.enabled || e.mentions.some((m) => m.kind === 'name' && m.start < introEnd)) return e;
    unintroduced.add(label);
    surnameIntroduced.fired(from, to);
    return undefined;
  };
  // one answer per label: a transcript repeats a few labels many times
  const memo = new Map<string, Entity | undefined>();
  // initials two persons of the document share: neither, and no speaker of their own either
  const ambiguous = new Set<string>();
  const persons = doc.entities.filter((e) => e.type === 'PERSON');
  const bearing = (word: string) => {
    const lower = word.toLowerCase();
    const bearers = persons.filter((e) => e.mentions.some((m) => m.kind === 'name' && m.text.toLowerCase().split(/\s+/).includes(lower)));
    return bearers.length === 1 ? bearers[0] : undefined;
  };
  const named = (label: string, from: number, to: number): Entity | undefined => {
    const initialled = (e: Entity | undefined) => { if (e) labelInitials.fired(from, to); return e; };
    const lower = label.toLowerCase();
    const exact = doc.entities.filter((e) => e.mentions.some((m) => m.kind === 'name' && m.text.toLowerCase() === lower && !atLabel(m)));
    // a person of that name first ("Ines Koller:" read on its own as a place is still the Ines Koller named in the text)
    const exactPersons = exact.filter((e) => e.type === 'PERSON');
    const words = label.split(' ');
    // (one word of a name, "Talese:": the person the turns only talk about, "my wife Nan Talese", is not the speaker)
    const surname = words.length === 1 && !isInitialsLabel(label) && !isUserNameLabel(label);
    if (exactPersons.length === 1) return surname ? introducedBearer(exactPersons[0], label, from, to) : exactPersons[0];
    if (exact.length === 1) return exact[0];
    // a name run together as an account name ("JohnLayman:"): the one person named so in words ("John Layman")
    if (labelJoinedName.enabled && words.length === 1 && isUserNameLabel(label)) {
      const joined = persons.filter((e) => e.mentions.some((m) => m.kind === 'name' && /\s/.test(m.text) && !atLabel(m) && m.text.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase() === lower));
      if (joined.length === 1) {
        labelJoinedName.fired(from, to);
        return joined[0];
      }
    }
    // a surname or given name alone ("Peres:", "Bill:") that only one person in the article bears
    if (words.length === 1 && !isInitialsLabel(label)) return introducedBearer(bearing(label), label, from, to);
    if (!labelInitials.enabled) return undefined;
    // a title and a surname ("Dr. Mwangi:", "Mrs Koller:"): the one person bearing the surname
    if (words.length === 2 && isTitle(words[0].toLowerCase())) return initialled(introducedBearer(bearing(words[1]), label, from, to));
    // initials ("GM:", "JFK:"): the one person (else organisation) named in full whose name's capitalised words begin so
    if (words.length === 1 && isInitialsLabel(label)) {
      const spelled = (e: Entity) => e.mentions.some((m) => m.kind === 'name' && spellsName(label, m.text));
      // (a person the turns only talk about is no speaker: the one the label stands for is introduced before the turns)
      const fits = (e: Entity) => spelled(e) && (!initialsIntroduced.enabled || introducedAs(e, from, to));
      const people = persons.filter(fits);
      if (people.length > 1) ambiguous.add(label);
      if (people.length) return people.length === 1 ? initialled(people[0]) : undefined;
      const others = doc.entities.filter((e) => e.type === 'ORG' && fits(e));
      if (others.length || !labelAbbreviation.enabled) return others.length === 1 ? initialled(others[0]) : undefined;
      // an organisation's one-word name shortened ("WN" for "Wikinews"): its first letter, then the label's others in order
      const shortened = doc.entities.filter((e) => e.type === 'ORG' && e.mentions.some((m) => m.kind === 'name' && !atLabel(m) && abbreviates(label, m.text)));
      if (shortened.length !== 1) return undefined;
      labelAbbreviation.fired(from, to);
      return shortened[0];
    }
    return undefined;
  };
  // a label of initials no entity bears, opening a turn of an interview (two turns or more before
  // coref-speech.turn-label-few-turns: a short part's interviewee may answer once): a speaker known only by them; or a user name
  // ("WilliamSSaturn:", a capital inside a word after a small letter, or digits: a reporter's account name)
  const own = (label: string, from: number, to: number): Entity | undefined => {
    const initials = labelOwnSpeaker.enabled && /^\p{Lu}{2,3}$/u.test(label) && (count.get(label) ?? 0) >= (labelFewTurns.enabled ? 1 : 2) && !ambiguous.has(label);
    const user = labelUserName.enabled && isUserNameLabel(label) && sideOf(label) === undefined;
    if (!initials && !user) return undefined;
    (initials ? labelOwnSpeaker : labelUserName).fired(from, to);
    return speakerOfLabel(label);
  };
  // a speaker known by the label alone: a person named at every line the label opens (where no entity names it already)
  const speakerOfLabel = (label: string): Entity => {
    const e: Entity = { id: `e${doc.entities.length + 1}`, type: 'PERSON', name: label, mentions: [] };
    while (byId.has(e.id)) e.id = `${e.id}x`;
    byId.set(e.id, e);
    const named = new Set(doc.entities.flatMap((o) => o.mentions.filter((m) => m.kind === 'name' && atLabel(m)).map((m) => m.start)));
    doc.entities.push(e);
    for (const l of lines) if (l.label === label && !named.has(l.labelStart)) e.mentions.push({ start: l.labelStart, end: l.labelStart + label.length, text: doc.text.slice(l.labelStart, l.labelStart + label.length), kind: 'name', type: 'PERSON', entity: e.id, source: 'coref-speech' });
    return e;
  };
  // a person named before the first turn (in the introduction)
  const introduced = (e: Entity) => e.type === 'PERSON' && e.mentions.some((m) => m.kind === 'name' && m.start < introEnd);
  return (label, from, to) => {
    const side = sideOf(label);
    if (side === 'interviewee') {
      // the quotes stage's speaker of this answer, turn by turn (one speaker for every "A:" turn, from any answer or the
      // introduction, added 4 links on fresh16, all wrong: coref-speech.turn-label-answer, removed)
      const q = doc.quotes.find((x) => x.kind === 'direct' && x.start >= to && x.cue && x.cue.start >= from && x.cue.start < to);
      const answerer = q?.speaker ? byId.get(q.speaker) : undefined;
      // (a place the recogniser read as a person is no interviewee: "Brampton")
      const usable = answerer && !(answerer.type === 'PERSON' && speakerPlaceLike.enabled && placeLike(doc, answerer)) ? answerer : undefined;
      if (!unnamedAnswerer.enabled) return usable;
      // the answering side is a person the introduction names; in a later part with no introduction the quotes stage's
      // speaker of an answer is a guess (a name the answer itself gives), and the one who answers is known by the label
      if (usable && introduced(usable)) return usable;
      if ((count.get(label) ?? 0) < 2) return undefined;
      if (!memo.has(label)) {
        const people = introEnd > 0 ? persons.filter(introduced) : [];
        memo.set(label, people.length === 1 ? people[0] : people.length ? undefined : speakerOfLabel(label));
        unnamedAnswerer.fired(from, to);
      }
      return memo.get(label);
    }
    // the asking side speaks for no one named: its turns only tell who the interviewer is (resolveTurns)
    if (side === 'interviewer') return undefined;
    // the person the label names, else the entity the recogniser read the label's own words as
    if (!memo.has(label)) {
      memo.set(label, named(label, from, to));
    }
    if (unintroduced.has(label) && !memo.get(label)) {
      // (the label's own mentions leave the talked-about person the recogniser may have read them as)
      for (const e of doc.entities) e.mentions = e.mentions.filter((m) => !(m.kind === 'name' && atLabel(m) && m.text === label));
      memo.set(label, speakerOfLabel(label));
    }
    const found = memo.get(label) ?? doc.entities.find((e) => e.mentions.some((m) => m.kind === 'name' && m.start < to && m.end > from));
    // initials or an account name the recogniser read as an organisation or a place ("GT:", "NM:"), named nowhere but
    // in the labels: a person known by the label, who says "we" for no organisation
    if (found && found.type !== 'PERSON' && labelPerson.enabled && (count.get(label) ?? 0) >= 2 && (isInitialsLabel(label) || isUserNameLabel(label))
      && found.mentions.every((m) => m.kind !== 'name' || atLabel(m))) {
      found.type = 'PERSON';
      for (const m of found.mentions) m.type = 'PERSON';
      labelPerson.fired(from, to);
    }
    // initials or an account name the recogniser read as an organisation or a place that the conversation uses as a word,
    // never the introduction ("DS: … founded in 1200 AD" then "AD: …"): the word is not the speaker, and the label is a
    // speaker of its own (the label's mentions leave the word's entity for it)
    if (found && found.type !== 'PERSON' && labelWord.enabled && (isInitialsLabel(label) || isUserNameLabel(label))
      && found.mentions.some((m) => m.kind === 'name' && !atLabel(m)) && !found.mentions.some((m) => m.kind === 'name' && !atLabel(m) && m.start < introEnd)) {
      const labels = found.mentions.filter((m) => m.kind === 'name' && atLabel(m));
      found.mentions = found.mentions.filter((m) => !labels.includes(m));
      const made = own(label, from, to);
      if (made) {
        memo.set(label, made);
        labelWord.fired(from, to);
        return made;
      }
      found.mentions.push(...labels);
      found.mentions.sort((a, b) => a.start - b.start);
    }
    if (found) return found;
    const made = own(label, from, to);
    if (made) memo.set(label, made);
    return made;
  };
}

export function resolveSpeech(doc: Doc): number {
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  const taken = new Set<number>();
  for (const e of doc.entities) for (const m of e.mentions) taken.add(m.start);
  let added = 0;
  // (a first- or second-person word only where it can be a pronoun: not "the mine", "World War I", "the US")
  const personAt = speechPersonReader(doc);
  // (inside a quote whose speaker was itself reached through a pronoun or description, "I" is as sure as both links)
  const link = (speaker: Entity, i: number, rule: typeof quoteFirstPerson, resting = 1) => {
    const t = doc.tokens[i];
    const m: Mention = { start: t.start, end: t.end, text: t.text, kind: 'pronoun', type: speaker.type, entity: speaker.id, source: 'coref-speech', ...linkFields(rule.id, resting) };
    speaker.mentions.push(m);
    taken.add(t.start);
    rule.fired(t.start, t.end);
    added++;
  };
  let removed = 0;
  // the interview answers the quotes stage read off their labels (quotes.labelled-answers), by where they start
  const answerNotes = (doc.notes.get(ANSWERS_NOTE) as AnswerQuote[] | undefined) ?? [];
  const answerAt = new Map(answerNotes.map((a) => [a.start, a]));
  const answerSpans = [...answerNotes].sort((a, b) => a.start - b.start);
  const answerOf = (q: Quote): AnswerQuote | undefined => {
    const a = q.kind === 'direct' && !q.cue ? answerAt.get(q.start) : undefined;
    return a && a.end === q.end ? a : undefined;
  };
  // a he/she link to a quote's own speaker inside that speaker's quotes is taken back (speaker-not-third-person), in the
  // quotes a cue or quotation marks attribute: not the interview answers the quotes stage read off their labels, nor a
  // quotation inside one that took the answer's speaker for want of a cue of its own (someone else's words: "My father
  // said, 'She has to finish school'"), theirs only when an "I" introduces it. (A veto of its own for the answers,
  // coref-speech.answer-not-third-person, took back 12 wrong links on GUM and none right, but lowered he/she on an unseen
  // interview half at the lead's gate, seventeenth session: removed.)
  if (speakerNotHe.enabled) {
    // each speaker's direct quotes, then one pass over that speaker's mentions (not one per quote:
    // a transcript quoting one person hundreds of times would make it quadratic)
    const spansOf = new Map<Entity, Array<{ start: number; end: number }>>();
    for (const q of doc.quotes) {
      if (q.kind !== 'direct' || !q.speaker || answerOf(q)) continue;
      if (!q.cue && spanAt(answerSpans, q.start) >= 0 && !ownWords(doc, q.start)) continue;
      const speaker = byId.get(q.speaker);
      if (!speaker || speaker.type !== 'PERSON') continue;
      let spans = spansOf.get(speaker);
      if (!spans) spansOf.set(speaker, (spans = []));
      spans.push({ start: q.start, end: q.end });
    }
    for (const [speaker, spans] of spansOf) {
      // sorted and a nested quotation merged into the one holding it, so spanAt's search applies
      spans.sort((a, b) => a.start - b.start);
      const merged: Array<{ start: number; end: number }> = [];
      for (const x of spans) {
        const last = merged[merged.length - 1];
        if (last && x.start < last.end) last.end = Math.max(last.end, x.end);
        else merged.push({ ...x });
      }
      const inside = (m: Mention): boolean => {
        const k = spanAt(merged, m.start);
        return k >= 0 && m.end <= merged[k].end;
      };
      const before = speaker.mentions.length;
      speaker.mentions = speaker.mentions.filter((m) => {
        const third = m.kind === 'pronoun' && m.source === 'coref' && HE_SHE.has(m.text.toLowerCase()) && inside(m);
        if (third) speakerNotHe.fired(m.start, m.end);
        return !third;
      });
      removed += before - speaker.mentions.length;
    }
  }
  const speaksFor = weSpeakers(doc);
  const addressed = vocativeYou.enabled || addressedNotSpeaker.enabled ? addressedQuotations(doc) : [];
  const turns = turnFirstPerson.enabled || questionYou.enabled || speaksFor.size ? interviewTurns(doc) : [];
  // a quote the quotes stage read off a turn label ("A: I …", "GT: We …") is the turn's: the label says who speaks it
  const labelSpans = turns.map((t) => ({ start: t.labelStart, end: t.start }));
  // (and an answer the quotes stage read as a turn, quotes.labelled-answers: no cue, the label its source)
  const labelCued = (q: Quote) => turnQuote.enabled && (q.cue ?? q.source) !== undefined && spanAt(labelSpans, (q.cue ?? q.source)!.start) >= 0;
  const others = quotedOther.enabled ? singleQuoted(doc.text) : [];
  if (quoteFirstPerson.enabled || speaksFor.size) {
    for (const q of doc.quotes) {
      if (q.kind !== 'direct' || !q.speaker) continue;
      if (labelCued(q)) {
        turnQuote.fired((q.cue ?? q.source)!.start, (q.cue ?? q.source)!.end);
        continue;
      }
      const speaker = byId.get(q.speaker);
      if (!speaker) continue;
      const person = speaker.type === 'PERSON' && !(speakerPlaceLike.enabled && placeLike(doc, speaker));
      const body = speaker.type === 'ORG' || speaker.type === 'GPE';
      if (!person && !body) continue;
      // (a quotation inside an answer given to the answer's own speaker: theirs only when an "I" introduces it)
      // (the answer's speaker by the label too: a label a speaker of its own beside the person the text names so)
      if (answerQuotesOther.enabled && turns.some((t) => (t.speaker === speaker || labelNames(t.label, speaker)) && q.start >= t.start && q.start < t.end) && !ownWords(doc, q.start)) {
        answerQuotesOther.fired(q.start, q.end);
        continue;
      }
      // (and one the turns do not hold) a quotation with no cue inside an interview answer took the answer's speaker for want of its own: its "I" is not
      // read as theirs (the lead's gate, seventeenth session: reading it so added a wrong first-person link on an unseen
      // interview half)
      if (!answerOf(q) && !q.cue && spanAt(answerSpans, q.start) >= 0 && !ownWords(doc, q.start)) continue;
      const side = person ? speaksFor.get(speaker.id) : undefined;
      for (let i = doc.tokenAt(q.start); i < doc.tokens.length && doc.tokens[i].start < q.end; i++) {
        const t = doc.tokens[i];
        if (t.start < q.start || taken.has(t.start)) continue;
        const who = personAt(i);
        // an answer quoting words addressed to its own speaker ("A: The e-mail said, 'Frank, I have …'") is someone else's
        if (who && who !== 'you' && addressedNotSpeaker.enabled && addressed.some((a) => a.person === speaker && t.start >= a.start && t.start < a.end)) {
          addressedNotSpeaker.fired(t.start, t.end);
          continue;
        }
        if (who && quotedOther.enabled && inOthersWords(doc, others, t.start)) {
          quotedOther.fired(t.start, t.end);
          continue;
        }
        // (an organisation's "our nation", "all of us": the country's or everyone's)
        const org = who === 'we' ? (body ? speaker : side?.org) : undefined;
        if (org && org.type === 'ORG' && ourEveryone.enabled && everyones(doc, i)) {
          ourEveryone.fired(t.start, t.end);
          continue;
        }
        if (quoteFirstPerson.enabled && ((who === 'I' && person) || (who === 'we' && body))) link(speaker, i, quoteFirstPerson, q.confidence ?? 1);
        else if (who === 'we' && side && !(side.rule === positionWe && partitive(doc, i))) link(side.org, i, side.rule, q.confidence ?? 1);
      }
    }
  }
  if (vocativeYou.enabled) resolveVocatives(doc, addressed, taken, link, personAt);
  if (turns.length) resolveTurns(doc, turns, taken, link, speaksFor, addressedNotSpeaker.enabled ? addressed : [], personAt);
  if (added || removed) {
    for (const e of doc.entities) e.mentions.sort((a, b) => a.start - b.start);
    doc.mentions = doc.entities.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start);
  }
  return added;
}

/**
 * I/we in each turn → its speaker; you in the interviewer's turns → the one interviewee. The
 * interviewer is the label whose turns mostly ask (hold a "?"); with two interviewees or more, "you"
 * may be either or both, and stays unlinked.
 */
function resolveTurns(doc: Doc, turns: readonly Turn[], taken: Set<number>, link: (speaker: Entity, i: number, rule: typeof quoteFirstPerson, resting?: number) => void, speaksFor: ReadonlyMap<string, WeSide>, addressed: readonly Addressed[], personAt: (i: number) => 'I' | 'we' | 'you' | null): void {
  const asks = new Map<string, { turns: number; questions: number }>();
  for (const t of turns) {
    const a = asks.get(t.label) ?? { turns: 0, questions: 0 };
    a.turns++;
    if (doc.text.slice(t.start, t.end).includes('?')) a.questions++;
    asks.set(t.label, a);
  }
  const asking = (label: string) => { const a = asks.get(label)!; return a.questions * 2 >= a.turns; };
  // when every label mostly asks (an interviewee answering with questions of their own: "why should we even be
  // debating NATO?"), the interviewer is the one that asks most
  const share = (label: string) => { const a = asks.get(label)!; return a.questions / a.turns; };
  const everyoneAsks = [...asks.keys()].every(asking);
  const most = Math.max(...[...asks.keys()].map(share));
  // (a tie goes to the label that opens the interview: the interviewer speaks first)
  const top = [...asks.keys()].filter((l) => share(l) === most);
  const chief = top.length === 1 ? top[0] : (turns.find((t) => top.includes(t.label))?.label ?? '');
  // a side label says which side it is ("Q:", "A:"); otherwise the interviewer is the label whose turns ask
  const bySide = (label: string) => { const side = labelQuestion.enabled ? sideOf(label) : undefined; return side && (side === 'interviewer' ? true : false); };
  const interviewer = (label: string) => bySide(label) ?? (asking(label) && (!everyoneAsks || !askerRule.enabled || label === chief));
  // (a label that opens one turn only and names nobody, "Ed.: …" or a note, is no party beside those who answer repeatedly)
  const parties = turns.filter((t) => !interviewer(t.label));
  const party = (t: Turn) => !intervieweeRepeats.enabled || t.speaker !== undefined || (asks.get(t.label)?.turns ?? 0) >= 2;
  const repeated = parties.filter(party);
  const note = parties.find((t) => !party(t));
  if (note && repeated.length) intervieweeRepeats.fired(note.labelStart, note.start);
  const interviewees = new Set(repeated.map((t) => t.speaker ?? t.label));
  const [interviewee] = interviewees;
  const addressee = interviewees.size === 1 && typeof interviewee !== 'string' ? interviewee : undefined;
  // the one interviewer, when one label asks and it names someone: an interviewee's question back is put to them
  const askers = new Set(turns.filter((t) => interviewer(t.label)).map((t) => t.speaker ?? t.label));
  const [asker] = askers;
  // (a person, in a two-party interview: in a panel the interviewees ask each other, and an organisation's "you" is anyone's)
  const askedBack = answerQuestionYou.enabled && addressee && askers.size === 1 && typeof asker !== 'string' && asker.type === 'PERSON' ? asker : undefined;
  // an interviewer asks briefly and the interviewee answers at length: a side that "asks" in turns longer on average than
  // those of the one it would address is an interviewee asking questions of their own, and "you" there stays unlinked
  // (or its turns mostly end with a question: a prompt ends in "?", a rhetorical question sits inside an answer)
  const spoken = new Map<Entity | string, { turns: number; chars: number; endAsking: number }>();
  for (const t of turns) {
    const key = t.speaker ?? t.label;
    const c = spoken.get(key) ?? { turns: 0, chars: 0, endAsking: 0 };
    c.turns++;
    c.chars += t.end - t.start;
    if (/\?[\s"”’')\]]*$/.test(doc.text.slice(t.start, t.end))) c.endAsking++;
    spoken.set(key, c);
  }
  const meanLength = (key: Entity | string) => { const c = spoken.get(key); return c ? c.chars / c.turns : 0; };
  const endsAsking = (key: Entity | string) => { const c = spoken.get(key); return c ? c.endAsking * 2 >= c.turns : false; };
  const briefer = (turn: Turn, other: Entity) => {
    const key = turn.speaker ?? turn.label;
    return !interviewerBrief.enabled || bySide(turn.label) || meanLength(key) <= meanLength(other) || endsAsking(key);
  };
  const vetoLonger = (turn: Turn, other: Entity, from: number, to: number) => {
    const ok = briefer(turn, other);
    if (!ok) interviewerBrief.fired(from, to);
    return ok;
  };
  const isQuestion = (i: number) => {
    const sent = doc.sentences[doc.tokens[i].sentence];
    return sent !== undefined && /\?[\s"”’')\]]*$/.test(doc.text.slice(sent.start, sent.end));
  };
  // a quotation inside a turn is someone else's words ("he told me, 'I …'")
  const quoted = findQuoteSpans(doc.text);
  const others = singleQuoted(doc.text);
  for (const turn of turns) {
    const speaker = turn.speaker;
    const inQuestions = interviewer(turn.label);
    for (let i = doc.tokenAt(turn.start); i < doc.tokens.length && doc.tokens[i].start < turn.end; i++) {
      const t = doc.tokens[i];
      if (taken.has(t.start) || spanAt(quoted, t.start) >= 0) continue;
      const who = personAt(i);
      if (!who) continue;
      // "Frank Messina: … The e-mail said, 'Frank, I have never bothered you …'": words addressed to the speaker are someone else's
      // (the speaker by name: a label of initials a speaker of its own stands for the person the quotation calls so)
      if (who !== 'you' && speaker && addressed.some((a) => (a.person === speaker || spells(turn.label, a.person)) && t.start >= a.start && t.start < a.end)) {
        addressedNotSpeaker.fired(t.start, t.end);
        continue;
      }
      if (quotedOther.enabled && inOthersWords(doc, others, t.start)) {
        quotedOther.fired(t.start, t.end);
        continue;
      }
      if (who === 'you' && youKnowMarker.enabled && filler(doc, i)) {
        youKnowMarker.fired(t.start, t.end);
        continue;
      }
      // the asking side's "we" ("for our readers", "tell us") is the interviewer and the readers, not the label's organisation
      if (who === 'we' && inQuestions && interviewerWe.enabled && speaker && speaker.type !== 'PERSON') {
        interviewerWe.fired(t.start, t.end);
        continue;
      }
      if (turnFirstPerson.enabled && speaker && ((who === 'I' && speaker.type === 'PERSON') || (who === 'we' && (speaker.type === 'ORG' || speaker.type === 'GPE')))) {
        link(speaker, i, turnFirstPerson);
      } else if (orgTurnI.enabled && speaker && who === 'I' && speaker.type === 'ORG') {
        link(speaker, i, orgTurnI);
      } else if (who === 'we' && speaker?.type === 'PERSON' && speaksFor.get(speaker.id)?.rule === spokespersonWe) {
        // (only a spokesperson's: an interviewee who founded or runs an organisation says "we" for their team, their
        // family, their readers — GUM's interviews keep it the speaker's own group; position-we there: 1 right of 16)
        link(speaksFor.get(speaker.id)!.org, i, spokespersonWe);
      } else if (questionYou.enabled && who === 'you' && inQuestions && addressee && addressee !== speaker && addressee.type === 'PERSON' && vetoLonger(turn, addressee, t.start, t.end)) {
        link(addressee, i, questionYou);
        if (everyoneAsks) askerRule.fired(t.start, t.end);
        if (bySide(turn.label)) labelQuestion.fired(t.start, t.end);
      } else if (askedBack && who === 'you' && !inQuestions && speaker && askedBack !== speaker && isQuestion(i)) {
        // a question put back to the interviewer waits for the answer: it ends the turn; one the speaker goes on from is
        // rhetorical ("how could you talk about it? It is always shunned"), its "you" anyone
        if (!askedBackEnds.enabled || endsTurn(doc, i, turn)) link(askedBack, i, answerQuestionYou);
        else askedBackEnds.fired(t.start, t.end);
      }
    }
  }
}

/** The label is a word of the person's name ("Rebecca", "Talese") or spells its initials ("FM" for Frank Messina). */
function labelNames(label: string, e: Entity): boolean {
  const lower = label.toLowerCase();
  return spells(label, e) || e.mentions.some((m) => m.kind === 'name' && m.text.toLowerCase().split(/\s+/).includes(lower));
}

/** A label of initials that spells a name of the person ("FM" for Frank Messina). */
function spells(label: string, e: Entity): boolean {
  return isInitialsLabel(label) && e.mentions.some((m) => m.kind === 'name' && spellsName(label, m.text));
}

/**
 * Words in single quotation marks: an opening mark after a blank, a bracket, a colon or a comma and before a letter, a
 * closing one after a letter, a digit or a stop and before a blank or a stop, within a paragraph ("don't", "kids' toys"
 * and "'90s" open nothing).
 */
const SINGLE_QUOTED = /(?<=^|[\s(\[:,—–-])['‘](?=\p{L})[^\n]{2,400}?(?<=[\p{L}\p{N}.,!?…-])['’](?=[\s,.;:!?)\]—–-]|$)/gmu;

function singleQuoted(text: string): Array<{ start: number; end: number }> {
  return [...text.matchAll(SINGLE_QUOTED)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Inside single-quoted words that the speaker does not introduce as their own (`ownWords`). */
function inOthersWords(doc: Doc, spans: ReadonlyArray<{ start: number; end: number }>, at: number): boolean {
  const k = spanAt(spans, at);
  return k >= 0 && !ownWords(doc, spans[k].start);
}

/** Quoted words the speaker introduces as their own: an "I" among the six words before the opening mark, in its paragraph. */
function ownWords(doc: Doc, mark: number): boolean {
  const open = doc.tokenAt(mark);
  const paragraph = (i: number) => doc.sentences[doc.tokens[i].sentence]?.paragraph;
  const here = open < doc.tokens.length ? paragraph(open) : undefined;
  for (let i = open - 1, words = 0; i >= 0 && words < 6 && paragraph(i) === here; i--) {
    if (doc.tokens[i].text === 'I') return true;
    if (/[\p{L}\p{N}]/u.test(doc.tokens[i].text)) words++;
  }
  return false;
}

/** "you know" as a filler: "know" next, then a comma, a dash, an ellipsis or a full stop, and no auxiliary before "you" ("Do you know, …"). */
function filler(doc: Doc, i: number): boolean {
  const next = doc.tokens[i + 1];
  const after = doc.tokens[i + 2];
  if (!next || next.text.toLowerCase() !== 'know' || !after || !/^(?:[,.…]|[-–—]+|\.\.\.)$/.test(after.text)) return false;
  return doc.tokens[i - 1]?.upos !== 'AUX';
}

/** Token i's sentence ends its turn, or only questions follow it there ("Do you think it is a revival? Or is it nothing?"). */
function endsTurn(doc: Doc, i: number, turn: Turn): boolean {
  for (let k = doc.tokens[i].sentence + 1; k < doc.sentences.length && doc.sentences[k].start < turn.end; k++) {
    const sent = doc.sentences[k];
    const words = doc.text.slice(sent.start, Math.min(sent.end, turn.end));
    if (/[\p{L}\p{N}]/u.test(words) && !/\?[\s"”’')\]]*$/.test(words)) return false;
  }
  return true;
}

export const corefSpeechStage: Stage = {
  name: 'coref-speech',
  requires: ['tokens', 'quotes'], uses: ['entities', 'coref', 'relations'], provides: ['coref.speech'],
  run(doc: Doc) {
    resolveSpeech(doc);
  },
};
