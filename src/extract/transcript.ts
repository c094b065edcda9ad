/**
 * The transcript reader: how an interview prints the speaker label that opens each turn ("Reporter: Why …?",
 * "((WN)) Did you …", "JS – I think …", "Q. …", "MS We did not …"), read once for the two stages that ask.
 *
 *  - The quotes stage (`readTranscript`, quotes.labelled-answers, quotes.question-you, quotes.question-asks) reads the
 *    labels at paragraph starts: an answer under a label is a direct quotation of the label's speaker.
 *  - Coreference (`labelLines`, stage `coref-speech`, issue 23 item 2) reads them at line starts: "I" in a turn is
 *    the turn's speaker, "you" in the interviewer's turns the interviewee (src/extract/coref/speech.ts).
 *
 * Both read one set of label shapes (lexicon/en/turn-label-shapes.tsv: the label's words, the parentheses, colon, dash
 * or full stop after them, bare initials) and one set of side words (lexicon/en/turn-labels.tsv: "Q", "A",
 * "Interviewer"), so a shape or a side word added is added for both. It lives in src/extract, not src/nlp, because a
 * bare label and a label's speaker are read off the entities (a person's name before a capitalised word, the person
 * whose initials the label is): it reads the recogniser's layer, which src/nlp comes before.
 *
 * Each reader keeps the unit it was measured on: answers are paragraphs (the sentence splitter's), turns run from a
 * label line to the next. Everything is one pass over the text's lines or paragraphs.
 */
import type { Doc } from '../doc.js';
import { defineRule } from '../rules/registry.js';
import { entries, mapOf } from '../lexicon/index.js';
import { acronymInitials } from './aliases.js';
import { speechPerson } from './coref/words.js';

const source = 'src/extract/transcript.ts';

// ---------------------------------------------------------------------------------------------------------------------
// Label shapes and side words (lexicon data)

/** A label shape of lexicon/en/turn-label-shapes.tsv, compiled for a paragraph's start (`at`) and for every line start (`lines`). */
interface Shape {
  name: string;
  marked: boolean;
  readers: readonly string[];
  /** anchored at the start of a string (a paragraph sliced from its first word) */
  at: RegExp;
  /** every line start of a text, after any blanks (global, multiline) */
  lines: RegExp;
}

let shapes: Shape[] | undefined;
let kinds: Map<string, RegExp> | undefined;

function loadShapes(): void {
  const rows = entries('turn-label-shapes');
  const pieces = new Map(rows.filter((r) => r.attrs.class === 'piece').map((r) => [r.word, r.attrs.pattern ?? '']));
  const expand = (p: string) => p.replace(/\{([a-z-]+)\}/g, (all, name: string) => pieces.get(name) ?? all);
  shapes = rows.filter((r) => r.attrs.class === 'label').map((r) => {
    const p = expand(r.attrs.pattern ?? '');
    return { name: r.word, marked: r.attrs.marked === 'marked', readers: (r.attrs.readers ?? '').split(','), at: new RegExp(`^${p}`, 'u'), lines: new RegExp(`^[ \\t]*${p}`, 'gmu') };
  });
  kinds = new Map(rows.filter((r) => r.attrs.class === 'kind').map((r) => [r.word, new RegExp(`^(?:${expand(r.attrs.pattern ?? '')})$`, 'u')]));
}

/** The label shapes a reader uses, in the list's order. */
function shapesFor(reader: 'answers' | 'turns'): Shape[] {
  if (!shapes) loadShapes();
  return shapes!.filter((s) => s.readers.includes(reader));
}

/** One label shape by its name in the list. */
function shape(name: string): Shape {
  if (!shapes) loadShapes();
  const s = shapes!.find((x) => x.name === name);
  if (!s) throw new Error(`lexicon/en/turn-label-shapes.tsv: no label shape '${name}'`);
  return s;
}

function kind(name: string): RegExp {
  if (!kinds) loadShapes();
  const k = kinds!.get(name);
  if (!k) throw new Error(`lexicon/en/turn-label-shapes.tsv: no label kind '${name}'`);
  return k;
}

/** A label of initials: two to four capitals ("GM", "NTSB"). */
export function isInitialsLabel(label: string): boolean {
  return kind('initials-label').test(label);
}

/** One word with a capital after a small letter inside it ("WilliamSSaturn", "JohnLayman"): an account name or a name run together. */
export function isUserNameLabel(label: string): boolean {
  return kind('user-name').test(label);
}

/**
 * Whether a label of initials spells a name ("GM" of "Grace Mwangi", "JPO" of "Jean-Paul Okello"): the name's initials as
 * the alias layer spells an acronym (src/extract/aliases.ts acronymInitials, which the store's initialsOf is built on).
 */
export function spellsName(label: string, name: string): boolean {
  return acronymInitials(name) === label;
}

let sides: ReadonlyMap<string, string> | undefined;

/** The side a label names (lexicon/en/turn-labels.tsv: "Q" the interviewer, "A" the interviewee), or undefined for a name. */
export function sideOf(label: string): 'interviewer' | 'interviewee' | undefined {
  sides ??= mapOf('turn-labels', 'side');
  const side = sides.get(label.toLowerCase());
  return side === 'interviewer' || side === 'interviewee' ? side : undefined;
}

// ---------------------------------------------------------------------------------------------------------------------
// Turn lines (coreference)

export const labelDash = defineRule({
  id: 'coref-speech.turn-label-dash',
  stage: 'coref-speech',
  action: 'label',
  summary: 'an interview whose turns are labelled with a dash ("JS – I think …", "Q – Why?") or "Q." / "A." is read as turns, when no colon labels make one',
  fires: ['Tom Baker – When did you open the clinic?\n\nGrace Mwangi – I opened it in 2015.\n\nTom Baker – Why Kisumu?\n\nGrace Mwangi – My family lives there.'],
  spares: ['KISUMU – Grace Mwangi opened the clinic in 2015.\n\nShe said her family lives there.'],
  source,
});

export const labelQuestion = defineRule({
  id: 'coref-speech.turn-label-question',
  stage: 'coref-speech',
  action: 'label',
  summary: 'a turn label that names the asking side ("Q:", "Question:", "Interviewer:", lexicon/en/turn-labels.tsv) is the interviewer whatever its turns hold, and the answering side ("A:") never is: "you" in its turns is the interviewee. A side is no person: no entity "Q"',
  fires: ['Grace Mwangi runs a clinic in Kisumu.\n\nQ: When did you open it?\n\nA: In 2015, with two nurses.\n\nQ: Why Kisumu?\n\nA: My family lives there.'],
  spares: ['Grace Mwangi runs a clinic in Kisumu.\n\nReporter: When did you open it?\n\nGrace Mwangi: In 2015.\n\nReporter: Why Kisumu?\n\nGrace Mwangi: My family lives there.'],
  source,
});

export const intervieweeRepeats = defineRule({
  id: 'coref-speech.interviewee-repeats',
  stage: 'coref-speech',
  action: 'label',
  summary: 'a label that opens one turn only and names nobody (an editor\'s note "Ed.: …", "Note: …") is no party to the interview: "you" in the questions is still the one interviewee who answers repeatedly',
  fires: ['Q: When did you open the clinic?\n\nGrace Mwangi: In 2015.\n\nEd.: The clinic has since moved.\n\nQ: Why Kisumu?\n\nGrace Mwangi: My family lives there.'],
  spares: ['Q: When did you open the clinic?\n\nGrace Mwangi: In 2015.\n\nQ: Why Kisumu?\n\nGrace Mwangi: My family lives there.'],
  source,
});

export const labelParenthesised = defineRule({
  id: 'coref-speech.turn-label-parenthesised',
  stage: 'coref-speech',
  action: 'label',
  summary: 'a label in double parentheses at a paragraph\'s start ("((WN)) Did you …?", "((Grace Mwangi)) I …", Wikinews\' plain-text transcripts) opens a turn as "Label:" does, read with the colon labels of the document',
  fires: ['((WN)) When did you open the clinic?\n\n((Grace Mwangi)) I opened it in 2015.\n\n((WN)) Why Kisumu?\n\n((Grace Mwangi)) My family lives there.'],
  spares: ['The clinic opened in 2015 ((see map)).\n\n(Grace Mwangi) said her family lives there.'],
  source,
});

export const turnAsks = defineRule({
  id: 'coref-speech.turn-asks',
  stage: 'coref-speech',
  action: 'veto',
  summary: 'label lines make an interview only when some turn asks (holds a "?"): a fact sheet of "GDP: …", "Electricity: …" lines, each label repeated, is no interview',
  fires: ['GDP: 4.1 billion dollars.\n\nElectricity: 1.2 billion kWh.\n\nGDP: growth 3 percent.\n\nElectricity: imports 10 percent.'],
  spares: ['Tom Baker: When did you open the clinic?\n\nGrace Mwangi: In 2015.\n\nTom Baker: Why Kisumu?\n\nGrace Mwangi: My family lives there.'],
  source,
});

export const labelSingleTurns = defineRule({
  id: 'coref-speech.turn-label-single-turns',
  stage: 'coref-speech',
  action: 'label',
  summary: 'the last part of a split interview ("Reporter: One final question … ?" then "Grace Mwangi: …" to the end) is read as turns when no scheme makes an interview: two labels or more at line starts, one of them a person the article names, none a side, and a turn that asks',
  fires: ['Tom Baker: One last question. Why Kisumu?\n\nGrace Mwangi: Well, I was born there.\n\nI still have family there.'],
  spares: ['Update: The clinic has moved.\n\nGrace Mwangi: I was born in Kisumu.'],
  source,
});

export const labelFewTurns = defineRule({
  id: 'coref-speech.turn-label-few-turns',
  stage: 'coref-speech',
  action: 'label',
  summary: 'a part of a split interview where one side opens a single turn ("GM: …", "Wikinews: … ?", "GM: …") is read as turns when no scheme makes an interview: a label opening two lines or more, every label a speaker (initials, an account name, a side, or a name an entity of the article bears), and a turn that asks; a label of initials opening one turn is then a speaker of its own',
  fires: ['GM: I opened the clinic in 2015, with two nurses. It was hard.\n\nWikinews: Why did you choose Kisumu?\n\nGM: My family lives there, and I was born there.'],
  spares: ['Update: The clinic opened in 2015. Why Kisumu?\n\nNote: The clinic has two nurses.\n\nNote: It was hard.'],
  source,
});

/** A label line: its label as written (runs of blanks as one space), where the label starts and where the turn's words start. */
export interface LabelLine {
  label: string;
  labelStart: number;
  start: number;
}

/** The lines of `text` a label shape opens (after any blanks), those whose label `keep` accepts. */
function matchLines(text: string, re: RegExp, keep: (label: string) => boolean = () => true): LabelLine[] {
  const out: LabelLine[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const label = m[1].replace(/\s+/g, ' ');
    // (the label's own words: inside the parentheses of "((WN))")
    if (keep(label)) out.push({ label, labelStart: m.index + m[0].indexOf(m[1]), start: m.index + m[0].length });
  }
  return out;
}

/** Colon labels, with double-parenthesised ones among them (coref-speech.turn-label-parenthesised), in text order. */
function colonLines(text: string): LabelLine[] {
  const colon = matchLines(text, shape('colon').lines);
  if (!labelParenthesised.enabled) return colon;
  const paren = matchLines(text, shape('paren').lines);
  if (!paren.length) return colon;
  for (const l of paren) labelParenthesised.fired(l.labelStart, l.start);
  return [...colon, ...paren].sort((a, b) => a.labelStart - b.labelStart);
}

/** Some turn holds a question (coref-speech.turn-asks, and the split-interview readers): a fact sheet's "GDP: …" lines ask nothing. */
function someTurnAsks(text: string, lines: readonly LabelLine[]): boolean {
  return lines.some((l, k) => text.slice(l.start, k + 1 < lines.length ? lines[k + 1].labelStart : text.length).includes('?'));
}

/** An interview by `makesInterview`, vetoed when no turn asks. */
function asksInterview(text: string, lines: readonly LabelLine[]): boolean {
  if (!makesInterview(lines)) return false;
  if (!turnAsks.enabled || someTurnAsks(text, lines)) return true;
  turnAsks.fired(lines[0].labelStart, lines[0].start);
  return false;
}

/** How often each label opens a line. */
export function labelCounts(lines: readonly LabelLine[]): Map<string, number> {
  const count = new Map<string, number>();
  for (const f of lines) count.set(f.label, (count.get(f.label) ?? 0) + 1);
  return count;
}

/** Lines that make an interview: at least two labels each open two lines or more (a caption "Image: …" or one "Update: …" makes none). */
export function makesInterview(lines: readonly LabelLine[]): boolean {
  return [...labelCounts(lines).values()].filter((n) => n >= 2).length >= 2;
}

/**
 * The last part of a split interview: each party may open one turn only. Colon labels make turns when there are two
 * or more, none a side, at least one names a person of the article (`person`), and some turn asks.
 */
function singleTurns(text: string, lines: readonly LabelLine[], person: (label: string) => boolean): boolean {
  const labels = [...labelCounts(lines).keys()];
  if (labels.length < 2 || labels.some((l) => sideOf(l) !== undefined) || !labels.some(person)) return false;
  return someTurnAsks(text, lines);
}

/**
 * A part of a split interview where a side opens one turn only: two labels or more, one opening two lines or more, every
 * label a speaker's (initials, an account name, a side, or a name `named` says an entity bears), and some turn asks.
 */
function fewTurns(text: string, lines: readonly LabelLine[], named: (label: string) => boolean): boolean {
  const count = labelCounts(lines);
  if (count.size < 2 || ![...count.values()].some((n) => n >= 2)) return false;
  const speaker = (l: string) => isInitialsLabel(l) || isUserNameLabel(l) || sideOf(l) !== undefined || named(l);
  if (![...count.keys()].every(speaker)) return false;
  return someTurnAsks(text, lines);
}

/**
 * The label lines of the document's scheme (colon first, then dash and "Q."), or none when no scheme makes an interview.
 * `person`: a person of the article bears the label as a name; `named`: any entity does.
 */
export function labelLines(text: string, person?: (label: string) => boolean, named?: (label: string) => boolean): LabelLine[] {
  const colon = colonLines(text);
  if (asksInterview(text, colon)) return colon;
  if (labelDash.enabled) {
    const dashed = [...matchLines(text, shape('dash').lines), ...matchLines(text, shape('letter').lines, (l) => sideOf(l) !== undefined)].sort((a, b) => a.labelStart - b.labelStart);
    if (asksInterview(text, dashed)) {
      for (const l of dashed) labelDash.fired(l.labelStart, l.start);
      return dashed;
    }
  }
  if (person && labelSingleTurns.enabled && singleTurns(text, colon, person)) {
    for (const l of colon) labelSingleTurns.fired(l.labelStart, l.start);
    return colon;
  }
  if (named && labelFewTurns.enabled && fewTurns(text, colon, named)) {
    for (const l of colon) labelFewTurns.fired(l.labelStart, l.start);
    return colon;
  }
  return [];
}

// ---------------------------------------------------------------------------------------------------------------------
// Answers (the quotes stage: quotes.labelled-answers, quotes.question-you, quotes.question-asks)
//
// A transcript prints each turn after a speaker label opening its paragraph. The questions carry a marked label —
// "((WN)) Why …?", "Reporter: Why …?", "JS – Why …?" — and the answers a label of their own, marked the same way or bare:
// initials ("MS We did not …") or the interviewee's name ("Michael Siegel I am a professor …"), which prose never writes
// before a capitalised word without punctuation. The paragraph right after a question turn that opens with a label is an
// answer: a direct quotation (no quote marks) of the label's speaker, with the label as its source and no cue. A label once
// seen answering opens an answer wherever it opens a paragraph; the paragraphs after an answer that open with no label,
// before the next labelled turn, are more of it. Two question-and-answer pairs at least make a transcript.
//
// The label's speaker: the person whose name the label is (a name mention over the label's words, the same name, or the
// surname of exactly one person), or whose name's initials the label is (exactly one person). Words otherwise.
// Everything is one pass over the paragraphs and one over the persons' name mentions.

/** One answer paragraph: the label, the answer's words, and whose they are. */
export interface AnswerTurn {
  /** the label as written (without its marks) */
  label: { start: number; end: number; text: string };
  /** the answer's words (after the label, trimmed) */
  start: number;
  end: number;
  /** the person the label names, or null */
  speaker: string | null;
  /** a paragraph after a labelled answer, before the next turn: more of it (no label of its own) */
  continued: boolean;
}

/** A question turn: its paragraph, and the answer right after it (when there is one). */
export interface QuestionTurn {
  start: number;
  end: number;
  answer?: AnswerTurn;
}

/**
 * The answers the quotes stage made direct quotes of (their spans as quoted), left in `doc.notes` under this key for
 * coreference: its he/she veto, built for quotes a cue attributes, reads neither them nor a cue-less quotation inside
 * one, and its quote-first-person reads no such quotation. `continued`: a paragraph with no label of its own after an answer.
 */
export const ANSWERS_NOTE = 'quotes.answers';
export interface AnswerQuote {
  start: number;
  end: number;
  continued: boolean;
}

export interface Transcript {
  questions: QuestionTurn[];
  answers: AnswerTurn[];
}

interface Label {
  start: number;
  end: number;
  text: string;
  /** where the turn's words start */
  body: number;
  marked: boolean;
}

/** The document's paragraphs (blank-line separated, as the sentence splitter numbers them): from the first sentence's start to the last one's end. */
function paragraphs(doc: Doc): [number, number][] {
  const out: [number, number][] = [];
  let at = -1;
  for (const s of doc.sentences) {
    if (s.paragraph === at) out[out.length - 1][1] = s.end;
    else out.push([s.start, s.end]);
    at = s.paragraph;
  }
  return out;
}

/** The label opening a paragraph: a shape of the list (marked, or bare initials), else a person's name before a capital. */
function labelAt(doc: Doc, a: number, b: number, personAt: (i: number) => string | undefined): Label | null {
  const s = doc.text.slice(a, Math.min(b, a + 80));
  for (const sh of shapesFor('answers')) {
    const m = sh.at.exec(s);
    if (!m) continue;
    const at = sh.marked ? a + m[0].indexOf(m[1]) : a;
    return { start: at, end: at + m[1].length, text: sh.marked ? m[1].replace(/\s+/g, ' ') : m[1], body: a + m[0].length, marked: sh.marked };
  }
  // a person's name opening the paragraph, then a capitalised word of no name, after a single blank
  const toks = doc.tokens;
  const first = doc.tokenAt(a);
  if (first >= toks.length || toks[first].start !== a) return null;
  const who = personAt(first);
  if (!who) return null;
  let k = first;
  while (k + 1 < toks.length && toks[k + 1].start < b && personAt(k + 1) === who && toks[k + 1].start === toks[k].end + 1) k++;
  const next = toks[k + 1];
  if (!next || next.start >= b || next.start !== toks[k].end + 1 || !/^\p{Lu}/u.test(next.text) || personAt(k + 1) !== undefined) return null;
  if (next.upos === 'PROPN') return null;
  return { start: a, end: toks[k].end, text: doc.text.slice(a, toks[k].end), body: next.start, marked: false };
}

/**
 * The transcript of a document, or null when it holds fewer than two question turns each followed by a labelled answer.
 * `owners`/`ownerKind`: the entity and mention kind over each token (the quotes stage's context).
 */
export function readTranscript(doc: Doc, owners: readonly (string | undefined)[], ownerKind: readonly (string | undefined)[]): Transcript | null {
  // (cheap gate: no marked label with a question anywhere, no transcript)
  if (!/(?:^|\n)[ \t]*(?:\(\(|\p{Lu}[^\n]{0,40}?(?::|[ \t][-–—][ \t]))[^\n]*\?/u.test(doc.text)) return null;
  const personAt = (i: number): string | undefined => {
    const o = owners[i];
    return o && ownerKind[i] === 'name' && doc.entityById(o)?.type === 'PERSON' ? o : undefined;
  };
  const paras = paragraphs(doc);
  const labels = paras.map(([a, b]) => labelAt(doc, a, b, personAt));
  // the askers: marked labels most of whose turns ask ("((WN)) … ?"); each of their turns is a question turn (a "((WN))
  // Thank you." as well), and an interviewee's answer that holds a "?" is still an answer
  const turns = new Map<string, { n: number; asks: number }>();
  paras.forEach(([a, b], k) => {
    const l = labels[k];
    if (!l?.marked) return;
    const t = turns.get(l.text) ?? { n: 0, asks: 0 };
    t.n++;
    if (doc.text.slice(a, b).includes('?')) t.asks++;
    turns.set(l.text, t);
  });
  const asker = (l: Label | null): boolean => { const t = l?.marked ? turns.get(l.text) : undefined; return !!t && t.asks * 2 > t.n; };
  const asks = labels.map(asker);
  const answerLabels = new Set<string>();
  for (let k = 0; k + 1 < paras.length; k++) {
    const l = labels[k + 1];
    // (a side label, "A:", is quotes.interview-answers' Q/A scheme)
    if (asks[k] && l && !asks[k + 1] && sideOf(l.text) === undefined) answerLabels.add(l.text);
  }
  const pairs = paras.reduce((n, _, k) => n + (k + 1 < paras.length && asks[k] && labels[k + 1] && answerLabels.has(labels[k + 1]!.text) ? 1 : 0), 0);
  if (pairs < 2) return null;
  // the persons' full names, surnames and initials (as the alias layer spells an acronym, src/extract/aliases.ts, which the
  // store's initialsOf reads too: "Jean-Paul Sartre" → JPS), for labels no mention covers
  const byName = new Map<string, string | null>();
  const bySurname = new Map<string, string | null>();
  const byInitials = new Map<string, string | null>();
  const note = (m: Map<string, string | null>, key: string, id: string) => m.set(key, m.has(key) && m.get(key) !== id ? null : id);
  for (const e of doc.entities) {
    if (e.type !== 'PERSON') continue;
    for (const name of new Set([e.name, ...e.mentions.filter((x) => x.kind === 'name').map((x) => x.text)])) {
      const words = name.split(/\s+/);
      note(byName, name, e.id);
      if (words.length >= 2) {
        note(bySurname, words[words.length - 1], e.id);
        const initials = acronymInitials(name);
        if (initials) note(byInitials, initials, e.id);
      }
    }
  }
  const speakerOf = (l: Label): string | null => {
    const t = doc.tokenAt(l.start);
    // (the entity whose name mention the label is: a person, or one the name finder typed a body — "Grace Mwangi" as ORG)
    for (let i = t; i < doc.tokens.length && doc.tokens[i].start < l.end; i++) {
      const o = owners[i];
      const type = o && ownerKind[i] === 'name' ? doc.entityById(o)?.type : undefined;
      if (type === 'PERSON' || type === 'ORG') return o!;
    }
    return byName.get(l.text) ?? bySurname.get(l.text) ?? (isInitialsLabel(l.text) ? byInitials.get(l.text) : undefined) ?? null;
  };
  const speakers = new Map<string, string | null>();
  // the paragraph a..b names the speaker and has no "I" of theirs ("… that represented me, Wayne Tseng" is their own;
  // each paragraph is read once)
  const names = (who: string | null, a: number, b: number): boolean => {
    if (!who) return false;
    let named = false;
    for (let i = doc.tokenAt(a); i < doc.tokens.length && doc.tokens[i].start < b; i++) {
      if (speechPerson(doc.tokens[i].text) === 'I') return false;
      if (owners[i] === who && ownerKind[i] === 'name') named = true;
    }
    return named;
  };
  const out: Transcript = { questions: [], answers: [] };
  let current: AnswerTurn | null = null;
  // the paragraph index of the last labelled turn (continuations run only up to a later one)
  let lastLabelled = -1;
  for (let k = labels.length - 1; k >= 0; k--) if (labels[k] && (asks[k] || answerLabels.has(labels[k]!.text))) { lastLabelled = k; break; }
  for (let k = 0; k < paras.length; k++) {
    const [a, b] = paras[k];
    const l = labels[k];
    if (asks[k]) {
      out.questions.push({ start: a, end: b });
      current = null;
      continue;
    }
    if (l && answerLabels.has(l.text)) {
      if (!speakers.has(l.text)) speakers.set(l.text, speakerOf(l));
      let end = b;
      while (end > l.body && /\s/.test(doc.text[end - 1])) end--;
      if (end <= l.body) continue;
      current = { label: { start: l.start, end: l.end, text: l.text }, start: l.body, end, speaker: speakers.get(l.text)!, continued: false };
      out.answers.push(current);
      const q = out.questions[out.questions.length - 1];
      if (q && k > 0 && asks[k - 1]) q.answer = current;
      continue;
    }
    // more of the answer: a paragraph of sentences with no label, before a later labelled turn (not a dash-signed line,
    // and not one that names the answer's speaker with no "I": narration between turns — "Having won multiple tournaments
    // as a kid, Derakhshani decided …" — for a speaker says I)
    const body = doc.text.slice(a, b);
    if (current && !l && k < lastLabelled && !/^[–—-]/.test(body) && /[.!?]["”’]?$/.test(body) && body.split(/\s+/).length >= 4 && !names(current.speaker, a, b)) {
      out.answers.push({ label: current.label, start: a, end: b, speaker: current.speaker, continued: true });
      continue;
    }
    current = null;
  }
  return out;
}
