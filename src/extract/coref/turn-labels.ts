/**
 * How an interview transcript labels its turns (stage `coref-speech`, issue 23 item 2): which lines open a
 * turn, and which labels name a side (interviewer, interviewee) rather than a person.
 *
 * A transcript prints the speaker before each turn: a name or initials and a colon ("Shimon Peres: …",
 * "DS: …"), the same in double parentheses ("((WN)) Did you …", Wikinews' plain-text transcripts; read with the
 * colon labels), the same with a dash ("JS – I think …"), or a side ("Q: …", "A: …", "Q. …"). A document's scheme
 * is the separator whose labels make an interview (two labels or more, each opening two lines or more); the
 * colon is tried first. A side label resolves to that side's speaker (src/extract/coref/speech.ts
 * `labelSpeakers`).
 */
import { defineRule } from '../../rules/registry.js';
import { mapOf } from '../../lexicon/index.js';

const source = 'src/extract/coref/turn-labels.ts';

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

/** One to four capitalised words ("Shimon Peres", "Dr. Mwangi", "DS", "Q") at a line's start, then a colon. */
const COLON = /^[ \t]*(\p{Lu}[\p{L}'’-]*\.?(?:[ \t]+\p{Lu}[\p{L}'’-]*){0,3})[ \t]*:[ \t]+(?=\S)/gmu;
/** The same words in double parentheses, then the turn (an optional colon: "((WN)) : Why …"). */
const PAREN = /^[ \t]*\(\((\p{Lu}[\p{L}'’-]*\.?(?:[ \t]+\p{Lu}[\p{L}'’-]*){0,3})\)\)[ \t]*:?[ \t]*(?=\S)/gmu;
/** The same words, then a dash with a blank either side ("JS – I …"; "Jean-Paul" is no label). */
const DASH = /^[ \t]*(\p{Lu}[\p{L}'’-]*\.?(?:[ \t]+\p{Lu}[\p{L}'’-]*){0,3})[ \t]+[-–—][ \t]+(?=\S)/gmu;
/** A side label of one letter and a full stop ("Q. Why …", "A. I …"). */
const LETTER = /^[ \t]*(\p{Lu})\.[ \t]+(?=\S)/gmu;

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
  const colon = matchLines(text, COLON);
  if (!labelParenthesised.enabled) return colon;
  const paren = matchLines(text, PAREN);
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

/** One word with a capital after a small letter inside it ("WilliamSSaturn", "JohnLayman"): an account name or a name run together. */
export const USER_NAME = /^\p{L}*\p{Ll}\p{Lu}\p{L}*$/u;

/** A label of initials: two to four capitals ("GM", "NTSB"). */
export const INITIALS = /^\p{Lu}{2,4}$/u;

/**
 * A part of a split interview where a side opens one turn only: two labels or more, one opening two lines or more, every
 * label a speaker's (initials, an account name, a side, or a name `named` says an entity bears), and some turn asks.
 */
function fewTurns(text: string, lines: readonly LabelLine[], named: (label: string) => boolean): boolean {
  const count = labelCounts(lines);
  if (count.size < 2 || ![...count.values()].some((n) => n >= 2)) return false;
  const speaker = (l: string) => INITIALS.test(l) || USER_NAME.test(l) || sideOf(l) !== undefined || named(l);
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
    const dashed = [...matchLines(text, DASH), ...matchLines(text, LETTER, (l) => sideOf(l) !== undefined)].sort((a, b) => a.labelStart - b.labelStart);
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

let sides: ReadonlyMap<string, string> | undefined;

/** The side a label names (lexicon/en/turn-labels.tsv: "Q" the interviewer, "A" the interviewee), or undefined for a name. */
export function sideOf(label: string): 'interviewer' | 'interviewee' | undefined {
  sides ??= mapOf('turn-labels', 'side');
  const side = sides.get(label.toLowerCase());
  return side === 'interviewer' || side === 'interviewee' ? side : undefined;
}
