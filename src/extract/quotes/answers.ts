/**
 * Interview transcripts by their label structure (quotes.labelled-answers, quotes.question-you, quotes.question-asks).
 *
 * A transcript prints each turn after a speaker label opening its paragraph. The questions carry a marked label —
 * "((WN)) Why …?", "Reporter: Why …?", "JS – Why …?" — and the answers a label of their own, marked the same way or bare:
 * initials ("MS We did not …") or the interviewee's name ("Michael Siegel I am a professor …"), which prose never writes
 * before a capitalised word without punctuation. The paragraph right after a question turn that opens with a label is an
 * answer: a direct quotation (no quote marks) of the label's speaker, with the label as its source and no cue. A label once
 * seen answering opens an answer wherever it opens a paragraph; the paragraphs after an answer that open with no label,
 * before the next labelled turn, are more of it. Two question-and-answer pairs at least make a transcript.
 *
 * The label's speaker: the person whose name the label is (a name mention over the label's words, the same name, or the
 * surname of exactly one person), or whose name's initials the label is (exactly one person). Words otherwise.
 * Everything is one pass over the paragraphs and one over the persons' name mentions.
 */
import type { Doc } from '../../doc.js';
import { sideOf } from '../coref/turn-labels.js';
import { speechPerson } from '../coref/words.js';

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

const WORDS = String.raw`\p{Lu}[\p{L}'’-]*\.?(?:[ \t]+\p{Lu}[\p{L}'’-]*){0,3}`;
/** "((WN)) …", "((Gregory Kurtzer)) …" (an optional colon after) */
const PAREN = new RegExp(String.raw`^\(\((${WORDS})\)\)[ \t]*:?[ \t]*(?=\S)`, 'u');
/** "Reporter: …", "DS: …" */
const COLON = new RegExp(String.raw`^(${WORDS})[ \t]*:[ \t]+(?=\S)`, 'u');
/** "JS – …" (a blank either side of the dash) */
const DASH = new RegExp(String.raw`^(${WORDS})[ \t]+[-–—][ \t]+(?=\S)`, 'u');
/** bare initials before a capitalised word: "MS We did not …" */
const INITIALS = /^(\p{Lu}{2,4})[ \t]+(?=\p{Lu})/u;

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

/** The label opening a paragraph, marked (parentheses, colon, dash) or bare (initials, a person's name before a capital). */
function labelAt(doc: Doc, a: number, b: number, personAt: (i: number) => string | undefined): Label | null {
  const s = doc.text.slice(a, Math.min(b, a + 80));
  for (const re of [PAREN, COLON, DASH]) {
    const m = re.exec(s);
    if (m) {
      const at = a + m[0].indexOf(m[1]);
      return { start: at, end: at + m[1].length, text: m[1].replace(/\s+/g, ' '), body: a + m[0].length, marked: true };
    }
  }
  const m = INITIALS.exec(s);
  if (m) return { start: a, end: a + m[1].length, text: m[1], body: a + m[0].length, marked: false };
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

/** Initials of a name's capitalised words ("Michael Siegel" → "MS"). */
function initialsOf(name: string): string {
  return name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
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
  // the persons' names and initials, for labels no mention covers
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
        note(byInitials, initialsOf(name), e.id);
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
    return byName.get(l.text) ?? bySurname.get(l.text) ?? (/^\p{Lu}{2,4}$/u.test(l.text) ? byInitials.get(l.text) : undefined) ?? null;
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
