/**
 * The times stage: finds every temporal expression and gives it a TIMEX3 value anchored on the
 * publication date, as a news reader would read it (see docs/times.md).
 *
 *   grammar.ts  what the text writes (chrono-node for calendar dates plus our own patterns)
 *   tense.ts    the tense of the clause around an expression
 *   resolve.ts  anchoring, weekday direction, year choice from the article's evidence
 */
import type { Doc, Token, TimeExpression } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { fmtDay, parseIsoDay, isValidDate } from './times/calendar.js';
import { findInSentence } from './times/grammar.js';
import { resolveTimes, type Anchor, type Located } from './times/resolve.js';

/** Sentences searched for a dateline ("Friday, July 21, 2017") when no publication date is given. */
const DATELINE_SENTENCES = 3;

interface SentenceView {
  start: number;
  end: number;
  tokens: readonly Token[];
}

/** Finds and normalises the time expressions of a document. Never throws. */
export function findTimes(doc: Doc): TimeExpression[] {
  if (!doc.text) return [];
  const sentences = sentenceViews(doc);
  const published = parseIsoDay(doc.published);
  const ref = published ? new Date(Date.UTC(published.year, published.month - 1, published.day, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
  const found: Located[] = [];
  for (let s = 0; s < sentences.length; s++) {
    const sent = sentences[s];
    const text = doc.text.slice(sent.start, sent.end);
    for (const raw of findInSentence(text, ref)) {
      raw.start += sent.start;
      raw.end += sent.start;
      let tokFrom = 0;
      while (tokFrom < sent.tokens.length && sent.tokens[tokFrom].end <= raw.start) tokFrom++;
      let tokTo = tokFrom;
      while (tokTo < sent.tokens.length && sent.tokens[tokTo].start < raw.end) tokTo++;
      found.push({ raw, sentence: s, tokens: sent.tokens, tokFrom, tokTo });
    }
  }
  let anchor: Anchor | null = published ? { date: published, basis: `publication ${fmtDay(published)}` } : null;
  if (!anchor) {
    // Wire and wiki news print the date on a line of its own at the top ("Friday, July 21, 2017",
    // "LONDON, Feb. 16, 2025 —"); a full date inside a sentence (a birth date) is not a dateline
    const dateline = found.find((f) => {
      if (f.sentence >= DATELINE_SENTENCES || f.raw.year === undefined || f.raw.month === undefined || f.raw.day === undefined) return false;
      if (!isValidDate(f.raw.year, f.raw.month, f.raw.day)) return false;
      const sent = sentences[f.sentence];
      const rest = doc.text.slice(sent.start, f.raw.start) + doc.text.slice(f.raw.end, sent.end);
      if (rest.replace(/[^\p{L}]/gu, '').length <= 25) return true;
      // a wire dateline opening the story: "LONDON, Feb. 16, 2025 (Reuters) — Police said…"
      return f.raw.start - sent.start <= 40 && /^\s*(?:\([^)]{1,30}\)\s*)?[—–-]/.test(doc.text.slice(f.raw.end, f.raw.end + 40));
    });
    if (dateline) {
      const date = { year: dateline.raw.year!, month: dateline.raw.month!, day: dateline.raw.day! };
      anchor = { date, basis: `dateline ${fmtDay(date)}`, start: dateline.raw.start };
    }
  }
  return resolveTimes(doc, found, anchor);
}

/** The doc's sentences with their tokens; a rough split when the tokenizer has not run. */
function sentenceViews(doc: Doc): SentenceView[] {
  if (doc.sentences.length > 0) {
    return doc.sentences.map((s, i) => ({ start: s.start, end: s.end, tokens: doc.sentenceTokens(i) }));
  }
  const out: SentenceView[] = [];
  const re = /[^\n.!?]+(?:[.!?]+|\n|$)/g;
  let sentence = 0;
  for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    const tokens: Token[] = [];
    const tre = /[\p{L}\p{N}][\p{L}\p{N}’'.-]*|[^\s\p{L}\p{N}]/gu;
    for (let t = tre.exec(m[0]); t; t = tre.exec(m[0])) {
      const start = m.index + t.index;
      tokens.push({ i: tokens.length, start, end: start + t[0].length, text: t[0], sentence, spaceAfter: /\s/.test(doc.text[start + t[0].length] ?? '') });
    }
    out.push({ start: m.index, end: m.index + m[0].length, tokens });
    sentence++;
  }
  return out;
}

export const timesStage: Stage = {
  name: 'times',
  requires: ['tokens', 'sentences'], uses: ['tags', 'parse'], provides: ['times'],
  run(doc: Doc): void {
    try {
      doc.times = findTimes(doc);
    } catch (err) {
      // a time layer is never worth losing the document over: record why and go on
      doc.times = [];
      doc.notes.set('times.error', err instanceof Error ? err.message : String(err));
    }
  },
};
