/**
 * The times stage: finds every temporal expression and gives it a TIMEX3 value anchored on the
 * publication date, as a news reader would read it (see docs/times.md).
 *
 *   grammar.ts  what the text writes (chrono-node for calendar dates plus our own patterns)
 *   tense.ts    the tense of the clause around an expression
 *   resolve.ts  anchoring, weekday direction, year choice from the article's evidence
 */
import type { Doc, Mention, Token, TimeExpression } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { fmtDay, parseIsoDay, isValidDate } from './times/calendar.js';
import { findInSentence } from './times/grammar.js';
import { resolveTimes, type Anchor, type Located } from './times/resolve.js';
import { untrustedBecause } from '../ingest/published.js';
import { ablated, timesRule } from './times/rules.js';
import { countWhile } from '../sorted.js';
import { set } from '../lexicon/index.js';

/** Sentences searched for a dateline ("Friday, July 21, 2017") when no publication date is given. */
const DATELINE_SENTENCES = 3;

interface SentenceView {
  start: number;
  end: number;
  tokens: readonly Token[];
}

/** Finds and normalises the time expressions of a document. Never throws. */
export function findTimes(doc: Doc): TimeExpression[] {
  return readTimes(doc).times;
}

/** The time expressions and the anchor they were counted from (the publication date or the text's dateline). */
function readTimes(doc: Doc): { times: TimeExpression[]; anchor: Anchor | null } {
  if (!doc.text) return { times: [], anchor: null };
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
      if (untrustedBecause(fmtDay({ year: f.raw.year, month: f.raw.month, day: f.raw.day })) !== null) return false;
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
  const names = nameSpans(doc);
  const kept = found.filter((f) => !partOfName(doc, names, f.raw.start, f.raw.end));
  for (const f of kept) for (const id of f.raw.rules ?? []) timesRule(id).fired(f.raw.start, f.raw.end);
  return { times: resolveTimes(doc, kept, anchor), anchor };
}

/** Words that introduce a title or a name ("the show Good Morning America", "a charity called Tuesday's Child"; lexicon/en/times-cues.tsv naming-word), as the last word before a time word. */
const NAMING_WORDS = new RegExp(`\\b(?:${[...set('times-cues', { class: 'naming-word' })].join('|')})\\s+$`, 'i');

/**
 * A time word inside a name: a mention the recognisers found runs on from it in capitalised words
 * ("Fox News Sunday", "USA TODAY"), or a naming word stands before it ("the film Tuesday's
 * Child"). Lower-case words inside a mention ("USA TODAY on Monday") mean the mention overran,
 * not that the date is a name.
 */
function partOfName(doc: Doc, names: NameSpans, start: number, end: number): boolean {
  if (ablated('times.names') || !insideName(doc, names, start, end)) return false;
  timesRule('times.names').fired(start, end);
  return true;
}

/**
 * The name mentions a time may sit in or follow (not persons or places), by start, with the greatest
 * end so far: a search goes back from the time only while some earlier mention still reaches it, so
 * a document's times cost a few mentions each, not all of them (quadratic on a long text).
 */
interface NameSpans { mentions: Mention[]; reach: Int32Array }

function nameSpans(doc: Doc): NameSpans {
  const mentions = doc.mentions
    .filter((m) => !(m.kind !== 'name' || m.type === 'PERSON' || m.type === 'GPE' || m.type === 'LOC' || m.type === 'NORP'))
    .sort((a, b) => a.start - b.start);
  const reach = new Int32Array(mentions.length);
  let far = -1;
  for (let k = 0; k < mentions.length; k++) reach[k] = far = Math.max(far, mentions[k].end);
  return { mentions, reach };
}

function insideName(doc: Doc, names: NameSpans, start: number, end: number): boolean {
  if (!/^\p{Lu}/u.test(doc.text.slice(start, start + 1))) return false;
  if (NAMING_WORDS.test(doc.text.slice(Math.max(0, start - 16), start))) return true;
  const capitalisedNeighbour = (from: number, to: number) => {
    const gap = doc.text.slice(from, to);
    return /^[\s'’s]*$/u.test(gap.replace(/[\p{Lu}][\p{L}.&-]*/gu, '')) && /\p{Lu}/u.test(gap);
  };
  const { mentions, reach } = names;
  // the last mention starting at or before the time; none after it can hold the time or end before it
  const lo = countWhile(mentions.length, (k) => mentions[k].start <= start);
  for (let k = lo - 1; k >= 0 && reach[k] >= start - 1; k--) {
    const m = mentions[k];
    // the mention holds the time and more, and what it adds next to the time is capitalised
    if (m.start <= start && m.end >= end && (m.start < start || m.end > end)) {
      const left = m.start < start ? doc.text.slice(m.start, start) : '';
      const right = m.end > end ? doc.text.slice(end, m.end) : '';
      const leftOk = !left || /\p{Lu}[\p{L}.&'’-]*\s*$/u.test(left) && !/\b\p{Ll}+\s*$/u.test(left);
      const rightOk = !right || /^(?:['’]s)?\s*\p{Lu}/u.test(right);
      if (leftOk && rightOk) return true;
    }
    // a name that ends right before a one-word time that ends the capitalised run: "Fox News
    // Sunday." (a full date after a headline, "… Magicians Wednesday, October 9, 2013", is a dateline)
    if (m.end <= start && start - m.end === 1 && /^\S+$/.test(doc.text.slice(start, end)) && capitalisedNeighbour(m.end, start + 1)
      && !/^\s*(?:\p{Ll}|,|\d)/u.test(doc.text.slice(end, end + 3))) return true;
  }
  return false;
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
      // a publication date that cannot be true (a placeholder 0001-01-01, a day before 1900 or
      // after now) anchors nothing: relative dates then count from the dateline, or stay X
      const why = doc.published ? untrustedBecause(doc.published.slice(0, 10)) : null;
      if (why) {
        doc.notes.set('times.published', `publication date ${doc.published} set aside: ${why}`);
        doc.published = null;
        doc.publishedSource = null;
      }
      const { times, anchor } = readTimes(doc);
      doc.times = times;
      if (!doc.published && anchor && anchor.start !== undefined) {
        doc.published = fmtDay(anchor.date);
        doc.publishedSource = 'dateline';
      }
    } catch (err) {
      // a time layer is never worth losing the document over: record why and go on
      doc.times = [];
      doc.notes.set('times.error', err instanceof Error ? err.message : String(err));
    }
  },
};
