/**
 * Anchoring: turns what the text writes (RawTime) into TIMEX3 values the way a news reader
 * does. Relative expressions count from the anchor (the publication date, or the article's
 * dateline when none is given); a weekday takes the tense of its clause (past → the one just
 * gone, future → the one to come); a date without a year gets the year best supported by the
 * article's own evidence — tense, ordering words (after, before, since, later), the usual order
 * of events in a story (kidnapped → released, arrested → sentenced), the year the narrative is
 * in — with the reasons written into `evidence`.
 */
import type { Doc, TimeAnchor, TimeExpression, Token } from '../../doc.js';
import {
  addDays, addMonths, dayNumber, daysInMonth, fmtDay, fmtMonth, fmtWeek, fmtYear, fromDayNumber, isValidDate,
  MONTH_NAMES, monthsApart, WEEKDAY_NAMES, weekdayOf, type Ymd,
} from './calendar.js';
import type { RawTime } from './grammar.js';
import { tenseAt, type TenseReading } from './tense.js';
import { ablated, timesRule } from './rules.js';
import { entries, set } from '../../lexicon/index.js';

export interface Anchor {
  date: Ymd;
  /** how the anchor was found, for evidence strings */
  basis: string;
  /** where the dateline is, when the anchor was read from the text */
  start?: number;
}

/** A found expression with its place in the document. */
export interface Located {
  raw: RawTime;
  sentence: number;
  /** the sentence's tokens and the expression's local token range in them */
  tokens: readonly Token[];
  tokFrom: number;
  tokTo: number;
}

interface Item extends Located {
  /** position in the document's list of expressions (text order) */
  index: number;
  value?: string;
  evidence?: string;
  /** calendar span of the value, in day numbers, for ordering constraints */
  span?: [number, number];
  tense?: TenseReading;
  /** what the value was counted from, when it was counted */
  anchorUsed?: TimeAnchor;
  /** memoised: story verbs near the expression, and the sentence's participants */
  steps?: StoryStep[];
  who?: Set<string>;
}

// ---------------------------------------------------------------- value spans

const SEASON_MONTHS: Record<string, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 14] };
const SEASON_WORDS: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };

/** The days a value covers, or null for durations and underspecified values. */
export function spanOfValue(value: string): [number, number] | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) {
    const n = dayNumber({ year: +m[1], month: +m[2], day: +m[3] });
    return [n, n];
  }
  m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value);
  if (m) {
    const jan4 = { year: +m[1], month: 1, day: 4 };
    const monday = dayNumber(jan4) - ((weekdayOf(jan4) + 6) % 7) + (+m[2] - 1) * 7;
    return m[3] ? [monday + 5, monday + 6] : [monday, monday + 6];
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const y = +m[1], mo = +m[2];
    return [dayNumber({ year: y, month: mo, day: 1 }), dayNumber({ year: y, month: mo, day: daysInMonth(y, mo) })];
  }
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const y = +m[1], q = +m[2];
    return [dayNumber({ year: y, month: q * 3 - 2, day: 1 }), dayNumber({ year: y, month: q * 3, day: daysInMonth(y, q * 3) })];
  }
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m) {
    const y = +m[1], h = +m[2];
    return [dayNumber({ year: y, month: h * 6 - 5, day: 1 }), dayNumber({ year: y, month: h * 6, day: daysInMonth(y, h * 6) })];
  }
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) {
    const y = +m[1];
    const [a, b] = SEASON_MONTHS[m[2]];
    const endYear = b > 12 ? y + 1 : y;
    const endMonth = b > 12 ? b - 12 : b;
    return [dayNumber({ year: y, month: a, day: 1 }), dayNumber({ year: endYear, month: endMonth, day: daysInMonth(endYear, endMonth) })];
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return [dayNumber({ year: +m[1], month: 1, day: 1 }), dayNumber({ year: +m[1], month: 12, day: 31 })];
  m = /^(\d{3})X$/.exec(value);
  if (m) return [dayNumber({ year: +m[1] * 10, month: 1, day: 1 }), dayNumber({ year: +m[1] * 10 + 9, month: 12, day: 31 })];
  m = /^(\d{2})XX$/.exec(value);
  if (m) return [dayNumber({ year: +m[1] * 100, month: 1, day: 1 }), dayNumber({ year: +m[1] * 100 + 99, month: 12, day: 31 })];
  return null;
}

function timeSuffix(raw: RawTime): string {
  if (raw.hour === undefined) return '';
  return `T${String(raw.hour).padStart(2, '0')}:${String(raw.minute ?? 0).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- event order knowledge

/**
 * The usual order of events in common news stories (lexicon/en/story-stages.tsv). A date whose
 * clause reports an earlier stage precedes a dated later stage of the same story when the two
 * sentences share a participant: the kidnapping precedes the release, the arrest the sentence,
 * the birth the death.
 */
interface StageCue { story: number; stage: number; next: { exact: Set<string>; prefixes: string[] } | null }

interface StoryStages {
  stories: string[];
  /** a word ("born") or a prefix written with its star ("kidnap*") → the stages it opens, stories in order */
  cues: Map<string, StageCue[]>;
  /** lengths of the shortest and the longest prefix */
  shortest: number;
  longest: number;
}

let storyStages: StoryStages | null = null;

function loadStoryStages(): StoryStages {
  const stories: string[] = [];
  const cues = new Map<string, StageCue[]>();
  let shortest = Infinity;
  let longest = 0;
  for (const e of entries('story-stages')) {
    const list: StageCue[] = [];
    for (const item of (e.attrs.stages ?? '').split(',')) {
      const [where, follow] = item.split('>');
      const [story, stage] = where.split(':');
      if (!stories.includes(story)) stories.push(story);
      const words = follow ? follow.split('|') : [];
      list.push({
        story: stories.indexOf(story), stage: Number(stage),
        next: follow ? { exact: new Set(words.filter((w) => !w.endsWith('*'))), prefixes: words.filter((w) => w.endsWith('*')).map((w) => w.slice(0, -1)) } : null,
      });
    }
    const key = e.word.toLowerCase();
    cues.set(key, list.sort((x, y) => x.story - y.story || x.stage - y.stage));
    if (key.endsWith('*')) {
      shortest = Math.min(shortest, key.length - 1);
      longest = Math.max(longest, key.length - 1);
    }
  }
  return { stories, cues, shortest, longest };
}

/** The stages word w opens (the word itself, then its prefixes), given the word after it. */
function stagesOf(table: StoryStages, w: string, next: string): readonly StageCue[] {
  let found: StageCue[] | null = null;
  const take = (list: StageCue[] | undefined): void => {
    if (list) for (const c of list) if (!c.next || c.next.exact.has(next) || c.next.prefixes.some((p) => next.startsWith(p))) (found ??= []).push(c);
  };
  take(table.cues.get(w));
  // only the prefix lengths between the shortest and the longest cue
  for (let k = table.shortest; k <= Math.min(w.length, table.longest); k++) take(table.cues.get(`${w.slice(0, k)}*`));
  if (!found) return NO_STAGES;
  const list: StageCue[] = found;
  // stories in order, a story's earliest stage first (as the nearest cue per story is kept below)
  return list.length > 1 ? list.sort((x, y) => x.story - y.story || x.stage - y.stage) : list;
}

const NO_STAGES: readonly StageCue[] = [];

interface StoryStep { story: string; stage: number; verb: string }

function storySteps(tokens: readonly Token[], from: number, to: number): StoryStep[] {
  const table = (storyStages ??= loadStoryStages());
  // the nearest story verb to the expression, per story
  const best = new Map<string, StoryStep & { dist: number }>();
  for (let i = 0; i < tokens.length; i++) {
    if (i >= from && i < to) continue;
    const w = tokens[i].text.toLowerCase();
    if (w.length < 3) continue;
    const next = tokens[i + 1]?.text.toLowerCase() ?? '';
    for (const c of stagesOf(table, w, next)) {
      const story = table.stories[c.story];
      const dist = i < from ? from - i : i - to + 1;
      const prev = best.get(story);
      if (!prev || dist < prev.dist) best.set(story, { story, stage: c.stage, verb: tokens[i].text, dist });
    }
  }
  return [...best.values()];
}

const KIN = set('times-cues', { class: 'participant' });
/** "today's generation": the present age, not the day (lexicon/en/times-cues.tsv). */
const TODAY_GENERIC_NOUNS = set('times-cues', { class: 'today-generic-noun' });
/** "the 2020 election": a lone year after these modifies a noun. */
const YEAR_ATTRIBUTIVE = set('times-cues', { class: 'year-attributive' });
const NOT_PARTICIPANT = new Set([
  ...MONTH_NAMES.map((m) => m.toLowerCase()), ...WEEKDAY_NAMES.map((d) => d.toLowerCase()), ...set('times-cues', { class: 'not-participant' }),
]);

function participants(tokens: readonly Token[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].text;
    const w = t.toLowerCase();
    if (KIN.has(w)) out.add(w.replace(/s$/, ''));
    else if (t.length >= 3 && /^\p{Lu}\p{Ll}/u.test(t) && !NOT_PARTICIPANT.has(w)) out.add(w);
  }
  return out;
}

// ---------------------------------------------------------------- ordering words

const AFTER_WORDS = set('times-cues', { class: 'after-word' });
const BEFORE_WORDS = set('times-cues', { class: 'before-word' });

/** The ordering word that governs an expression: within five tokens before it, no clause break between. */
function governingOrder(it: Located): 'after' | 'before' | null {
  for (let i = it.tokFrom - 1, n = 0; i >= 0 && n < 6; i--, n++) {
    const w = it.tokens[i].text.toLowerCase();
    if (/^[,;:—–()"“”]$/.test(w)) return null;
    if (AFTER_WORDS.has(w)) return 'after';
    if (BEFORE_WORDS.has(w)) return 'before';
  }
  return null;
}

const LATER_OPENERS = /^\s*(?:later|then|afterwards|afterward|subsequently|since then|after that|the next day|the following (?:day|week|month|year)|(?:\w+\s+)?(?:days|weeks|months|years) later)\b/i;
const EARLIER_OPENERS = /^\s*(?:previously|before that|prior to that|(?:\w+\s+)?(?:days|weeks|months|years) earlier)\b/i;

// ---------------------------------------------------------------- resolution

export function resolveTimes(doc: Doc, found: Located[], anchor: Anchor | null): TimeExpression[] {
  const items: Item[] = found.map((f, index) => ({ ...f, index }));
  const tenseOf = (it: Item): TenseReading => (it.tense ??= tenseAt(it.tokens, it.tokFrom, it.tokTo));

  // pass A: values the text and the anchor fix on their own
  for (const it of items) resolveDirect(it, anchor, tenseOf);
  spokenDays(doc, items, anchor);
  // pass B: in text order, each seeing the ones already valued: dates without a year, and
  // expressions counted from the narrative's last date ("that year", "two days later")
  for (const it of items) {
    if (it.value !== undefined) continue;
    if (it.raw.narr) resolveNarrative(doc, it, items, (p) => { if (p.value === undefined && isYearless(p.raw)) resolveYearless(doc, p, items, anchor, tenseOf); });
    else if (isYearless(it.raw)) {
      // a range start takes its year from the range end, which carries the clause's tense:
      // "is to run from January 23 through March 9" (published January 28) → both this year
      const endRaw = it.raw.rangeWith;
      const end = endRaw ? items.slice(it.index + 1, it.index + 3).find((o) => o.raw === endRaw) : undefined;
      if (end && end.value === undefined && isYearless(end.raw)) resolveYearless(doc, end, items, anchor, tenseOf);
      if (end && end.value && /^\d{4}/.test(end.value) && it.raw.month !== undefined && end.raw.month !== undefined) {
        const endYear = Number(end.value.slice(0, 4));
        const year = it.raw.month > end.raw.month ? endYear - 1 : endYear;
        const cand = candidateValue(it.raw, year);
        if (cand) {
          setValue(it, cand.value, `year not written; taken from the end of the range, ${describe(doc, end)}`);
          continue;
        }
      }
      resolveYearless(doc, it, items, anchor, tenseOf);
    }
  }
  // pass C: bare clock times take the day of a date nearby
  for (const it of items) if (it.value === undefined && it.raw.hour !== undefined) resolveClock(doc, it, items, anchor);

  const out: TimeExpression[] = [];
  for (const it of items) {
    if (it.value === undefined) continue;
    const r = it.raw;
    // a part of the day written with its day: "Friday morning" → 2000-01-28TMO
    if (r.part && r.hour === undefined && /^(?:[0-9X]{4}-[0-9X]{2}-[0-9X]{2}|XXXX-WXX-[1-7])$/.test(it.value) && !ablated('times.day-parts')) it.value += `T${PART_CODES[r.part] ?? 'DT'}`;
    const text = doc.text.slice(r.start, r.end);
    const t: TimeExpression = { start: r.start, end: r.end, text, value: it.value, type: timexType(r, it.value), evidence: it.evidence };
    const mod = r.tmod ?? (r.mod ? MODS[r.mod] : undefined);
    if (mod) t.mod = mod;
    if (it.anchorUsed) t.anchor = it.anchorUsed;
    out.push(t);
  }
  return out;
}

const PART_CODES: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI' };
/** our modifier words as TIMEX3 mods */
const MODS: Record<string, string> = { early: 'START', start: 'START', mid: 'MID', late: 'END', end: 'END' };

/** TIMEX3 type of a value: SET for frequencies, DURATION for spans, TIME with a clock or part of the day. */
export function timexType(r: RawTime, value: string): 'DATE' | 'TIME' | 'DURATION' | 'SET' {
  if (r.set) return 'SET';
  if (/^P/.test(value) && !value.endsWith('_REF')) return 'DURATION';
  if (/T(?:\d|MO|AF|EV|NI|DT)/.test(value)) return 'TIME';
  return 'DATE';
}

/** The anchor a value was counted from, as the output records it. */
function anchorOf(anchor: Anchor): TimeAnchor {
  const a: TimeAnchor = { kind: anchor.start !== undefined ? 'dateline' : 'publication', value: fmtDay(anchor.date) };
  if (anchor.start !== undefined) a.start = anchor.start;
  return a;
}

function textAnchor(p: Item): TimeAnchor {
  return { kind: 'text', value: p.value ?? '', start: p.raw.start, end: p.raw.end };
}

/** The part of a year-less value after the year: "10", "SU", "Q3", "H1". */
function unknownYearPart(r: RawTime): string {
  if (r.month !== undefined) return String(r.month).padStart(2, '0');
  if (r.season !== undefined) return r.season;
  if (r.quarter !== undefined) return `Q${r.quarter}`;
  if (r.half !== undefined) return `H${r.half}`;
  return 'XX';
}

function isYearless(r: RawTime): boolean {
  return r.year === undefined && r.fixed === undefined && r.rel === undefined && r.narr === undefined && !r.set
    && (r.month !== undefined || r.season !== undefined || r.quarter !== undefined || r.half !== undefined || r.holiday !== undefined) && r.shift === undefined;
}

function setValue(it: Item, value: string, evidence: string): void {
  it.value = value;
  it.evidence = evidence;
  it.span = spanOfValue(value) ?? undefined;
}

function resolveDirect(it: Item, anchor: Anchor | null, tenseOf: (it: Item) => TenseReading): void {
  const r = it.raw;
  const modNote = r.mod ? `; "${r.mod}" kept as a modifier, value at the written precision` : '';
  if (r.fixed !== undefined) {
    setValue(it, r.fixed, `${r.reading}${modNote}`);
    return;
  }
  if (r.year !== undefined) {
    if (r.month !== undefined && r.day !== undefined) {
      if (!isValidDate(r.year, r.month, r.day)) return;
      const d = { year: r.year, month: r.month, day: r.day };
      let ev = 'date written in full';
      if (r.reading !== 'calendar date') ev = r.reading;
      if (r.weekday !== undefined && weekdayOf(d) !== r.weekday) ev += `; note: ${fmtDay(d)} is a ${WEEKDAY_NAMES[weekdayOf(d)]}, not a ${WEEKDAY_NAMES[r.weekday]}`;
      setValue(it, fmtDay(d) + timeSuffix(r), ev);
    } else if (r.month !== undefined) {
      setValue(it, fmtMonth(r.year, r.month), `month and year written${modNote}`);
    } else if (r.season !== undefined) {
      setValue(it, `${fmtYear(r.year)}-${r.season}`, `season and year written${modNote}`);
    } else if (r.quarter !== undefined) {
      setValue(it, `${fmtYear(r.year)}-Q${r.quarter}`, 'quarter and year written');
    } else if (r.half !== undefined) {
      setValue(it, `${fmtYear(r.year)}-H${r.half}`, 'half year and year written');
    } else if (r.fiscal) {
      setValue(it, `FY${fmtYear(r.year)}`, 'fiscal year written');
    } else if (r.holiday !== undefined) {
      setValue(it, fmtDay(holidayDate(r.holiday, r.year)), `${r.reading}, year written`);
    } else {
      setValue(it, fmtYear(r.year), `year written${modNote}`);
    }
    return;
  }
  if (r.set && r.weekday !== undefined) {
    setValue(it, `XXXX-WXX-${r.weekday === 0 ? 7 : r.weekday}`, `recurring ${WEEKDAY_NAMES[r.weekday]} (TIMEX3 set)`);
    return;
  }
  if (r.rel) {
    resolveRelative(it, anchor, tenseOf);
    return;
  }
  if (r.weekday !== undefined && r.month === undefined && r.day === undefined) {
    resolveWeekday(it, anchor, tenseOf);
    return;
  }
  if (r.season !== undefined && r.shift !== undefined) {
    if (!anchor) { setValue(it, `XXXX-${r.season}`, 'no publication date or dateline to count from'); return; }
    // "last summer": the most recent summer that has ended before the anchor; "next summer": the
    // first that has not begun; "this summer": the anchor's. A winter (YYYY-WI) runs December YYYY
    // to February YYYY+1, so in January "this winter" is last year's.
    const a = anchor.date;
    it.anchorUsed = anchorOf(anchor);
    const [startMonth, endMonth] = SEASON_MONTHS[r.season];
    let year: number;
    if (r.season === 'WI') {
      const current = a.month <= 2 ? a.year - 1 : a.year; // the winter the anchor is in, or the coming one
      year = r.shift === -1 ? (a.month === 12 || a.month <= 2 ? current - 1 : a.year - 1) : r.shift === 1 ? current + (a.month === 12 || a.month <= 2 ? 1 : 0) : current;
    } else if (r.shift === -1) year = a.month > endMonth ? a.year : a.year - 1;
    else if (r.shift === 1) year = startMonth > a.month ? a.year : a.year + 1;
    else year = a.year;
    const word = r.shift === -1 ? 'last' : r.shift === 1 ? 'next' : 'this';
    setValue(it, `${fmtYear(year)}-${r.season}`, `"${word} ${SEASON_WORDS[r.season]}" counted from ${anchor.basis}`);
    return;
  }
  if (r.month !== undefined && r.shift !== undefined && r.day === undefined) {
    if (!anchor) { setValue(it, `XXXX-${String(r.month).padStart(2, '0')}`, 'no publication date or dateline to count from'); return; }
    const a = anchor.date;
    it.anchorUsed = anchorOf(anchor);
    let year = a.year;
    if (r.shift === -1) year = r.month < a.month ? a.year : a.year - 1;
    else if (r.shift === 1) year = r.month > a.month ? a.year : a.year + 1;
    setValue(it, fmtMonth(year, r.month), `"${r.shift === -1 ? 'last' : r.shift === 1 ? 'next' : 'this'}" ${MONTH_NAMES[r.month - 1]} counted from ${anchor.basis}`);
  }
}


function resolveRelative(it: Item, anchor: Anchor | null, tenseOf: (it: Item) => TenseReading): void {
  const r = it.raw;
  const rel = r.rel!;
  if (!anchor && rel.unit === 'day' && rel.n === 0 && !r.part) {
    setValue(it, 'PRESENT_REF', 'no publication date or dateline: "today" read as the present');
    return;
  }
  if (!anchor) {
    const under: Record<string, string> = { day: 'XXXX-XX-XX', hour: 'XXXX-XX-XX', minute: 'XXXX-XX-XX', second: 'XXXX-XX-XX', week: 'XXXX-WXX', weekend: 'XXXX-WXX-WE', month: 'XXXX-XX', year: 'XXXX', decade: 'XXXX', century: 'XXXX' };
    setValue(it, under[rel.unit] ?? 'XXXX', 'no publication date or dateline to count from');
    return;
  }
  const a = anchor.date;
  it.anchorUsed = anchorOf(anchor);
  const from = `counted from ${anchor.basis}`;
  const what = `"${r.reading}"`;
  switch (rel.unit) {
    case 'day':
      if (rel.n === 0 && !r.part && genericToday(it, tenseOf)) {
        setValue(it, 'PRESENT_REF', `"${r.reading}" in a present-tense statement about the present in general`);
        return;
      }
      setValue(it, fmtDay(addDays(a, rel.n)), `${what}: ${rel.n === 0 ? 'the day' : `${Math.abs(rel.n)} day${Math.abs(rel.n) > 1 ? 's' : ''} ${rel.n < 0 ? 'before' : 'after'}`} ${from}`);
      return;
    case 'hour': case 'minute': case 'second': {
      // "24 hours ago": at day precision (the clock time of publication is rarely known)
      const hours = rel.unit === 'hour' ? rel.n : rel.unit === 'minute' ? rel.n / 60 : rel.n / 3600;
      setValue(it, fmtDay(addDays(a, Math.trunc(hours / 24))), `${what} ${from}, at day precision`);
      return;
    }
    case 'week':
      setValue(it, fmtWeek(addDays(a, 7 * rel.n)), `${what}: ISO week ${from}`);
      return;
    case 'weekend': {
      let base = addDays(a, 7 * rel.n);
      // "this weekend" in a past-tense clause early in the week is the weekend just gone
      if (rel.n === 0 && tenseOf(it).tense === 'past' && weekdayOf(a) >= 1 && weekdayOf(a) <= 5) base = addDays(a, -7);
      setValue(it, `${fmtWeek(base)}-WE`, `${what}: the weekend of the ISO week ${from}${rel.n === 0 ? `; tense ${tenseOf(it).tense}` : ''}`);
      return;
    }
    case 'month':
      setValue(it, fmtMonth(addMonths(a, rel.n).year, addMonths(a, rel.n).month), `${what} ${from}`);
      return;
    case 'year':
      setValue(it, (r.fiscal ? 'FY' : '') + fmtYear(a.year + rel.n) + (r.quarter ? `-Q${r.quarter}` : r.half ? `-H${r.half}` : ''), `${what} ${from}`);
      return;
    case 'decade':
      if (r.reading.endsWith('ago')) setValue(it, fmtYear(a.year + 10 * rel.n), `${what} ${from}, at year precision`);
      else setValue(it, `${String(Math.floor(a.year / 10) + rel.n)}X`, `${what} ${from}`);
      return;
    case 'century':
      if (r.reading.endsWith('ago')) setValue(it, fmtYear(a.year + 100 * rel.n), `${what} ${from}, at year precision`);
      else setValue(it, `${String(Math.floor(a.year / 100) + rel.n).padStart(2, '0')}XX`, `${what} ${from}`);
      return;
  }
}

/**
 * Quoted speech keeps the day it was spoken: in "On Monday, Sanders said: "Today, I am asking …""
 * published on Wednesday, "Today" is the Monday. A "today/yesterday/tomorrow" inside quotation
 * marks counts from the latest full date the narrative gave before the quote (not after the
 * publication date), when there is one; else from the publication date as usual.
 */
function spokenDays(doc: Doc, items: Item[], anchor: Anchor | null): void {
  if (!anchor || ablated('times.quoted-days')) return;
  const pub = dayNumber(anchor.date);
  for (const it of items) {
    const rel = it.raw.rel;
    if (!rel || rel.unit !== 'day' || it.value === undefined || it.value === 'PRESENT_REF' || !insideQuote(doc, it.raw.start)) continue;
    let base: Item | undefined;
    for (let i = it.index - 1; i >= 0; i--) {
      const p = items[i];
      if (p.value && /^\d{4}-\d{2}-\d{2}/.test(p.value) && !insideQuote(doc, p.raw.start)) {
        // the dateline (a printed publication date) is not a day the narrative tells of
        if (anchor.start !== undefined && p.raw.start === anchor.start) continue;
        base = p;
        break;
      }
    }
    if (!base || !base.value) continue;
    const day = dayNumber({ year: +base.value.slice(0, 4), month: +base.value.slice(5, 7), day: +base.value.slice(8, 10) });
    if (day >= pub || pub - day > 14) continue;
    setValue(it, fmtDay(fromDayNumber(day + rel.n)), `"${it.raw.reading}" in quoted speech: counted from the day the narrative gives before the quote, ${describe(doc, base)}`);
    timesRule('times.quoted-days').fired(it.raw.start, it.raw.end);
    it.anchorUsed = textAnchor(base);
  }
}

/** Whether a position lies inside quotation marks opened in its paragraph. */
function insideQuote(doc: Doc, pos: number): boolean {
  const para = Math.max(doc.text.lastIndexOf('\n', pos - 1), 0);
  const before = doc.text.slice(para, pos);
  const open = before.lastIndexOf('“');
  if (open >= 0 && before.lastIndexOf('”') < open) return true;
  return ((before.match(/"/g) ?? []).length % 2) === 1;
}

/**
 * "still used today", "known today as", "today's generation", "Today, the quarter has…": the
 * present in general (TIMEX3 PRESENT_REF), not the day of publication.
 */
function genericToday(it: Item, tenseOf: (it: Item) => TenseReading): boolean {
  if (it.raw.reading !== 'today') return false;
  const t = tenseOf(it);
  if (t.tense === 'past' || t.tense === 'future') return false;
  const words = it.tokens.map((x) => x.text.toLowerCase());
  const before = words.slice(Math.max(0, it.tokFrom - 3), it.tokFrom);
  const after = words.slice(it.tokTo, it.tokTo + 2);
  if (words.includes('still') || words.includes('continues') || before.includes('known') || before.includes('of') || before.includes('is') || before.includes('what')) return true;
  if ((after[0] === "'s" || after[0] === '’s') && TODAY_GENERIC_NOUNS.has(after[1] ?? '')) return true;
  // a present-tense sentence that opens with "Today," contrasts with the past
  return it.tokFrom === 0 && after[0] === ',' && t.tense === 'present';
}

function resolveWeekday(it: Item, anchor: Anchor | null, tenseOf: (it: Item) => TenseReading): void {
  const r = it.raw;
  const wd = r.weekday!;
  const name = WEEKDAY_NAMES[wd];
  if (!anchor) {
    setValue(it, `XXXX-WXX-${wd === 0 ? 7 : wd}${timeSuffix(r)}`, 'no publication date or dateline to count from');
    return;
  }
  const a = anchor.date;
  it.anchorUsed = anchorOf(anchor);
  const back = (weekdayOf(a) - wd + 7) % 7; // days back to the same weekday (0 = the anchor itself)
  const fwd = (wd - weekdayOf(a) + 7) % 7;
  let offset: number;
  let why: string;
  if (r.weekShift !== undefined) {
    // the weekday inside the ISO week before / of / after the anchor's
    const mondayOffset = -((weekdayOf(a) + 6) % 7) + 7 * r.weekShift;
    offset = mondayOffset + ((wd + 6) % 7);
    why = `${name} of the week ${r.weekShift < 0 ? 'before' : r.weekShift > 0 ? 'after' : 'of'} ${anchor.basis}`;
  } else if (r.shift === -1) {
    offset = -(back === 0 ? 7 : back);
    why = `"last ${name}": the one before ${anchor.basis}`;
  } else if (r.shift === 1) {
    offset = fwd === 0 ? 7 : fwd;
    why = `"next ${name}": the one after ${anchor.basis}`;
  } else {
    const t = tenseOf(it);
    const cue = t.cue ? ` ("${t.cue}")` : '';
    if (t.tense === 'future' || t.tense === 'present') {
      offset = fwd;
      why = `${t.tense} tense${cue} → the ${name} on or after ${anchor.basis}`;
    } else {
      offset = -back;
      why = t.tense === 'past'
        ? `past tense${cue} → the ${name} on or before ${anchor.basis}`
        : `tense not marked → as news reports do, the ${name} on or before ${anchor.basis}`;
    }
  }
  setValue(it, fmtDay(addDays(a, offset)) + timeSuffix(r), why);
}

// ---------------------------------------------------------------- year choice

/** how far (in sentences) a dated partner may be from a year-less date it constrains */
const PARTNER_WINDOW = 60;
/** how many expressions back to look for the narrative's last date */
const LOOK_BACK = 400;
const MAX_STORY_PARTNERS = 3;

interface Constraint {
  partner: Item;
  /** this expression comes before / after the partner */
  order: 'before' | 'after';
  weight: number;
  why: string;
}

function describe(doc: Doc, p: Item): string {
  return `"${doc.text.slice(p.raw.start, p.raw.end)}" (${p.value}, sentence ${p.sentence + 1})`;
}

function constraintsFor(doc: Doc, it: Item, items: Item[]): Constraint[] {
  const out: Constraint[] = [];
  // partners within a window of sentences: an article's own dates, not a whole archive's
  const valued: Item[] = [];
  const usable = (p: Item) => p.span !== undefined && p.value !== undefined && !p.value.startsWith('P');
  for (let i = it.index - 1; i >= 0 && it.sentence - items[i].sentence <= PARTNER_WINDOW; i--) if (usable(items[i])) valued.unshift(items[i]);
  for (let i = it.index + 1; i < items.length && items[i].sentence - it.sentence <= PARTNER_WINDOW; i++) if (usable(items[i])) valued.push(items[i]);
  // 1. ordering words in the same sentence: "…in March, after his arrest in November 2023"
  const mine = governingOrder(it);
  for (const p of valued) {
    if (p.sentence !== it.sentence) continue;
    const theirs = governingOrder(p);
    if (theirs && !mine) out.push({ partner: p, order: theirs === 'after' ? 'after' : 'before', weight: 6, why: `"${theirs}" governs the other date` });
    else if (mine && !theirs) out.push({ partner: p, order: mine === 'after' ? 'before' : 'after', weight: 6, why: `"${mine}" governs this date` });
  }
  // 2. sentence openers: "Later, …", "Days later, …", "Previously, …"
  const sent = doc.sentences[it.sentence];
  if (sent) {
    const head = doc.text.slice(sent.start, Math.min(sent.end, sent.start + 40));
    let opener: 'after' | 'before' | null = LATER_OPENERS.test(head) ? 'after' : EARLIER_OPENERS.test(head) ? 'before' : null;
    // inside the clause too: "He was later seen in a video published in April"
    if (!opener && it.tokens.some((t, k) => (k < it.tokFrom || k >= it.tokTo) && t.upos === 'ADV' && /^(?:later|subsequently|afterwards|afterward)$/i.test(t.text) && !/^than$/i.test(it.tokens[k + 1]?.text ?? ''))) opener = 'after';
    if (opener) {
      const prev = valued.filter((p) => p.sentence < it.sentence).pop();
      if (prev) out.push({ partner: prev, order: opener, weight: 5, why: `the sentence opens with "${head.trim().split(/[\s,]+/).slice(0, 2).join(' ')}"` });
    }
  }
  // 3. story order between clauses that share a participant
  const stepsHere = (it.steps ??= storySteps(it.tokens, it.tokFrom, it.tokTo));
  if (stepsHere.length) {
    const who = (it.who ??= participants(it.tokens));
    let storyPartners = 0;
    // nearest first, and only a few: one dated later stage is enough evidence
    const byDistance = [...valued].sort((a, b) => Math.abs(a.sentence - it.sentence) - Math.abs(b.sentence - it.sentence));
    for (const p of byDistance) {
      if (storyPartners >= MAX_STORY_PARTNERS) break;
      // in one sentence an ordering word already spoke for the pair, if there was one
      if (p.sentence === it.sentence && out.some((c) => c.partner === p)) continue;
      const stepsThere = (p.steps ??= storySteps(p.tokens, p.tokFrom, p.tokTo));
      for (const a of stepsHere) {
        const b = stepsThere.find((s) => s.story === a.story);
        if (!b || a.stage === b.stage) continue;
        const theirWho = (p.who ??= participants(p.tokens));
        let shared = p.sentence === it.sentence ? ['the same sentence'] : [...who].filter((w) => theirWho.has(w));
        // "He was sentenced…" right after "Karimi was arrested…": the pronoun continues the subject
        if (shared.length === 0 && Math.abs(p.sentence - it.sentence) === 1) {
          const later = p.sentence > it.sentence ? p : it;
          if (/^(?:he|she|they|his|her|their)$/i.test(later.tokens[0]?.text ?? '')) shared = [`"${later.tokens[0].text}" continuing the previous sentence`];
        }
        if (shared.length === 0) continue;
        storyPartners++;
        out.push({
          partner: p,
          order: a.stage < b.stage ? 'before' : 'after',
          weight: 5,
          why: `"${a.verb}" here ${a.stage < b.stage ? 'precedes' : 'follows'} "${b.verb}" there in a ${a.story} story (shared: ${shared.slice(0, 3).join(', ')})`,
        });
        break;
      }
    }
  }
  return out;
}

/** Movable holidays: Western Easter (Anonymous Gregorian computus), US Thanksgiving (4th Thursday of November). */
export function holidayDate(name: string, year: number): Ymd {
  if (name === 'easter') {
    const a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
    const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
    const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
    const month = Math.floor((h + l - 7 * m + 114) / 31);
    return { year, month, day: ((h + l - 7 * m + 114) % 31) + 1 };
  }
  const nov1 = weekdayOf({ year, month: 11, day: 1 });
  return { year, month: 11, day: 1 + ((4 - nov1 + 7) % 7) + 21 };
}

function candidateValue(r: RawTime, year: number): { value: string; span: [number, number] } | null {
  let value: string;
  if (r.month !== undefined && r.day !== undefined) {
    if (!isValidDate(year, r.month, r.day)) return null;
    value = fmtDay({ year, month: r.month, day: r.day }) + timeSuffix(r);
  } else if (r.month !== undefined) value = fmtMonth(year, r.month);
  else if (r.season !== undefined) value = `${fmtYear(year)}-${r.season}`;
  else if (r.quarter !== undefined) value = `${fmtYear(year)}-Q${r.quarter}`;
  else if (r.half !== undefined) value = `${fmtYear(year)}-H${r.half}`;
  else if (r.holiday !== undefined) value = fmtDay(holidayDate(r.holiday, year));
  else return null;
  const span = spanOfValue(value);
  return span ? { value, span } : null;
}

/**
 * A bare year naming an event in a noun phrase ("during the 2019 protests", "the 2022 election"):
 * in a dated news story it dates that event, not the narrative around it.
 */
function attributiveYear(p: Item): boolean {
  if (p.raw.month !== undefined || p.raw.day !== undefined || p.tokTo - p.tokFrom !== 1) return false;
  const before = p.tokens[p.tokFrom - 1];
  const after = p.tokens[p.tokTo];
  if (!before || !after) return false;
  const det = YEAR_ATTRIBUTIVE.has(before.text.toLowerCase()) || /^['’]s$/.test(before.text);
  return det && (after.upos === 'NOUN' || after.upos === 'ADJ' || (after.upos === undefined && /^\p{Ll}+$/u.test(after.text)));
}

/** The most recent year written out before this expression (the year the narrative is in). */
function narrativeYear(doc: Doc, it: Item, items: Item[], anchor: Anchor | null): { year: number; paragraph: boolean; near: boolean; span: [number, number] | null; at: Item } | null {
  let best: Item | null = null;
  for (let i = it.index - 1; i >= Math.max(0, it.index - LOOK_BACK); i--) {
    const p = items[i];
    // the dateline is the anchor, not a year the story is set in
    if (anchor?.start !== undefined && p.raw.start === anchor.start) continue;
    if (anchor && p.sentence < 3 && p.value === fmtDay(anchor.date)) continue; // a printed publication date
    if (p.raw.year !== undefined && p.value && /^\d{4}/.test(p.value)) { best = p; break; }
  }
  if (!best) return null;
  const para = (i: Item) => doc.sentences[i.sentence]?.paragraph ?? -1;
  // a year naming an event ("the 2019 protests") may set the scene but does not pull other dates to it
  const near = para(it) - para(best) <= 1 && !(anchor && attributiveYear(best));
  return { year: best.raw.year!, paragraph: para(best) === para(it), near, span: spanOfValue(fmtYear(best.raw.year!)), at: best };
}

function resolveYearless(doc: Doc, it: Item, items: Item[], anchor: Anchor | null, tenseOf: (it: Item) => TenseReading): void {
  const r = it.raw;
  const constraints = constraintsFor(doc, it, items);
  const narrative = narrativeYear(doc, it, items, anchor);
  const tense = tenseOf(it);
  const years = new Set<number>();
  const base = anchor?.date.year ?? narrative?.year;
  if (base === undefined && constraints.length === 0) {
    const mm = unknownYearPart(r);
    setValue(it, r.day !== undefined ? `XXXX-${mm}-${String(r.day).padStart(2, '0')}${timeSuffix(r)}` : `XXXX-${mm}`, 'year not written; no publication date, dateline or dated event to take it from');
    return;
  }
  // with no publication date, only a past-tense report belongs to the narrative's years; anything
  // else is a time of year in general: "in January it is about 24°C", "rains occur from July"
  if (!anchor && tense.tense !== 'past' && constraints.length === 0 && !(narrative && narrative.paragraph)) {
    const mm = unknownYearPart(r);
    setValue(it, r.day !== undefined ? `XXXX-${mm}-${String(r.day).padStart(2, '0')}${timeSuffix(r)}` : `XXXX-${mm}`, `year not written; ${tense.tense === 'unknown' ? 'no tense' : `${tense.tense} tense ("${tense.cue}")`} and no publication date: a recurring time of year`);
    return;
  }
  if (base !== undefined) for (const d of [-1, 0, 1]) years.add(base + d);
  if (narrative) years.add(narrative.year);
  for (const c of constraints) {
    const y = fromDayNumber(c.partner.span![0]).year;
    for (const d of [-1, 0, 1]) years.add(y + d);
  }
  const reference = anchor?.date ?? (narrative ? { year: narrative.year, month: 6, day: 30 } : fromDayNumber(constraints[0].partner.span![0]));
  const refDay = dayNumber(reference);

  interface Scored { year: number; value: string; score: number; plus: string[]; minus: string[] }
  const scored: Scored[] = [];
  for (const year of years) {
    const cand = candidateValue(r, year);
    if (!cand) continue;
    const s: Scored = { year, value: cand.value, score: 0, plus: [], minus: [] };
    const [lo, hi] = cand.span;
    // closeness to the anchor: a date a year away costs 2
    let dist = lo > refDay ? lo - refDay : hi < refDay ? refDay - hi : 0;
    // a narrative set in another period (a biography, a history) pulls toward its own year
    if (narrative && narrative.near && narrative.span) {
      const [nlo, nhi] = narrative.span;
      const nd = lo > nhi ? lo - nhi : hi < nlo ? nlo - hi : 0;
      dist = Math.min(dist, nd);
    }
    s.score -= (dist / 30.44) / 6;
    if (anchor) {
      if (tense.tense === 'past' && lo > refDay) { s.score -= 6; s.minus.push(`past tense ("${tense.cue}") but after ${anchor.basis}`); }
      if (tense.tense === 'past' && lo <= refDay) s.plus.push(`past tense ("${tense.cue}"): not after ${anchor.basis}`);
      if (tense.tense === 'future' && hi < refDay) { s.score -= 6; s.minus.push(`future tense ("${tense.cue}") but before ${anchor.basis}`); }
      if (tense.tense === 'future' && hi >= refDay) s.plus.push(`future tense ("${tense.cue}"): not before ${anchor.basis}`);
      if (tense.tense === 'present' && hi < refDay) s.score -= 0.5;
    }
    if (r.weekday !== undefined && r.day !== undefined && r.month !== undefined) {
      if (weekdayOf({ year, month: r.month, day: r.day }) === r.weekday) { s.score += 8; s.plus.push(`${MONTH_NAMES[r.month - 1]} ${r.day} is a ${WEEKDAY_NAMES[r.weekday]} in ${year}`); }
      else { s.score -= 3; s.minus.push(`${MONTH_NAMES[r.month - 1]} ${r.day} is not a ${WEEKDAY_NAMES[r.weekday]} in ${year}`); }
    }
    // the same day and month written with its year earlier in the article is the same date told
    // again: "… captured on October 7, 2023 … killed in the October 7 attack"
    if (r.day !== undefined && r.month !== undefined && restated(items, it, r) === year) {
      s.score += 4;
      s.plus.push(`${MONTH_NAMES[r.month - 1]} ${r.day} was written with ${year} earlier in the article`);
    }
    // news tells of the last weeks without a year: a past date within a month before publication
    // (a future one within a month after) outweighs an older narrative year further back
    if (anchor && r.day !== undefined && !(narrative && narrative.paragraph)) {
      const recent = (tense.tense === 'past' && hi <= refDay && refDay - lo <= 31) || (tense.tense === 'future' && lo >= refDay && lo - refDay <= 31);
      if (recent) { s.score += 1; s.plus.push(`within a month ${tense.tense === 'past' ? 'before' : 'after'} ${anchor.basis}`); }
    }
    if (narrative && narrative.year === year) {
      s.score += narrative.paragraph ? 1.5 : 0.75;
      s.plus.push(`the narrative is in ${year} (${describe(doc, narrative.at)}${narrative.paragraph ? ', same paragraph' : ''})`);
    }
    for (const c of constraints) {
      const [plo, phi] = c.partner.span!;
      const ok = c.order === 'before' ? lo <= phi : hi >= plo;
      if (ok) s.plus.push(`${c.why} → ${c.order} ${describe(doc, c.partner)}`);
      else { s.score -= c.weight; s.minus.push(`would not be ${c.order} ${describe(doc, c.partner)}`); }
    }
    scored.push(s);
  }
  if (scored.length === 0) return;
  scored.sort((a, b) => b.score - a.score || Math.abs(a.year - reference.year) - Math.abs(b.year - reference.year));
  const win = scored[0];
  const nearest = [...scored].sort((a, b) => {
    const da = monthsApart(reference, fromDayNumber(spanOfValue(a.value)![0]));
    const db = monthsApart(reference, fromDayNumber(spanOfValue(b.value)![0]));
    return da - db;
  })[0];
  const parts: string[] = [`year not written; chose ${win.year}`];
  if (win.plus.length) parts[0] += ` because ${win.plus.join('; ')}`;
  else parts[0] += ` as the nearest to ${anchor ? anchor.basis : 'the dated events around it'}`;
  const rivals = scored.slice(1).filter((s) => s.minus.length).slice(0, 2);
  for (const rv of rivals) parts.push(`${rv.year} rejected: ${rv.minus.join('; ')}`);
  if (nearest && nearest.year !== win.year && !rivals.includes(nearest)) parts.push(`${nearest.year} is nearer but scores lower`);
  setValue(it, win.value, parts.join('; '));
  if (anchor) it.anchorUsed = anchorOf(anchor);
  else if (narrative) it.anchorUsed = textAnchor(narrative.at);
}

/** Indices of the items that write a year, by month and day, in text order: built once per list. */
const withYearByDay = new WeakMap<Item[], Map<string, number[]>>();

/** The year an earlier expression wrote out with the same month and day, if one did. */
function restated(items: Item[], it: Item, r: RawTime): number | undefined {
  // (looked up, not scanned back: a scan per yearless date made the times stage quadratic)
  let index = withYearByDay.get(items);
  if (!index) {
    index = new Map();
    for (let i = 0; i < items.length; i++) {
      const p = items[i].raw;
      if (p.year === undefined) continue;
      const key = `${p.month}/${p.day}`;
      const list = index.get(key);
      if (list) list.push(i);
      else index.set(key, [i]);
    }
    withYearByDay.set(items, index);
  }
  const list = index.get(`${r.month}/${r.day}`);
  if (!list) return undefined;
  // the last one before this expression
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < it.index) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? items[list[lo - 1]].raw.year : undefined;
}

/** "that year", "the next day", "two years later": counted from the latest date written before. */
function resolveNarrative(doc: Doc, it: Item, items: Item[], valueFirst: (p: Item) => void): void {
  const { unit, n } = it.raw.narr!;
  const needs = it.raw.keepPrecision ? /^(?:\d{4}-[QH]\d|FY\d{4})$/ : unit === 'year' ? /^\d{4}/ : unit === 'month' ? /^\d{4}-\d{2}/ : unit === 'week' ? /^\d{4}-(?:\d{2}-\d{2}|W\d{2})/ : /^\d{4}-\d{2}-\d{2}/;
  let base: Item | null = null;
  let how = 'the last date written before it';
  if (it.raw.event) {
    // the nearest earlier (or same) sentence that names the event and dates it
    const found = eventDate(it, items, needs, valueFirst);
    if (!found) return;
    base = found.item;
    how = `the date of the sentence that names the ${found.word}`;
  } else {
    for (let i = it.index - 1; i >= Math.max(0, it.index - LOOK_BACK); i--) {
      const p = items[i];
      if (p.value && needs.test(p.value) && !p.raw.narr) { base = p; break; }
    }
  }
  if (!base || !base.value) return; // nothing to count from: leave it out rather than guess
  const v = base.value;
  it.anchorUsed = textAnchor(base);
  if (it.raw.keepPrecision) {
    const fy = /^FY(\d{4})$/.exec(v);
    const shifted = fy ? `FY${fmtYear(Number(fy[1]) + n)}` : `${fmtYear(Number(v.slice(0, 4)) + n)}${v.slice(4)}`;
    setValue(it, shifted, `"${it.raw.reading}": the period of ${describe(doc, base)}, ${Math.abs(n)} year${Math.abs(n) > 1 ? 's' : ''} ${n < 0 ? 'before' : 'after'}`);
    return;
  }
  const y = Number(v.slice(0, 4));
  let value: string;
  if (unit === 'year') value = it.raw.season ? `${fmtYear(y + n)}-${it.raw.season}` : fmtYear(y + n);
  else if (unit === 'month') {
    const d = addMonths({ year: y, month: Number(v.slice(5, 7)), day: 1 }, n);
    value = fmtMonth(d.year, d.month);
  } else {
    const span = spanOfValue(v);
    if (!span) return;
    const d = fromDayNumber(span[0] + (unit === 'week' ? 7 * n : n));
    value = unit === 'week' ? fmtWeek(d) : fmtDay(d);
  }
  const step = n === 0 ? 'the same ' + unit : `${Math.abs(n)} ${unit}${Math.abs(n) > 1 ? 's' : ''} ${n > 0 ? 'after' : 'before'}`;
  setValue(it, value, `"${it.raw.reading}": ${step} as ${describe(doc, base)}, ${how}`);
}

/** For "two days after the attack": a dated expression in the nearest sentence (this one or up to 40 back) naming the event. */
function eventDate(it: Item, items: Item[], needs: RegExp, valueFirst: (p: Item) => void): { item: Item; word: string } | null {
  for (const word of it.raw.event!) {
    const stem = word.slice(0, Math.max(4, Math.min(word.length, 6)));
    // this sentence's later expressions first (the event's own noun phrase), then back
    const order: number[] = [];
    for (let i = it.index + 1; i < items.length && items[i].sentence === it.sentence; i++) order.push(i);
    for (let i = it.index - 1; i >= Math.max(0, it.index - LOOK_BACK); i--) order.push(i);
    for (const i of order) {
      const p = items[i];
      if (it.sentence - p.sentence > 40) break;
      if (p.sentence === it.sentence && i > it.index) valueFirst(p); // "a week after the October 7 attack"
      if (p === it || !p.value || !needs.test(p.value) || p.raw.narr) continue;
      const hasStem = (from: number, to: number) => p.tokens.some((t) => t.start >= from && t.end <= to && t.text.toLowerCase().startsWith(stem));
      // another sentence that names the event; or, in this sentence, a date inside the event's own
      // noun phrase ("after the October 7 attack", "after the ceasefire that began on 19 January")
      const named = p.sentence !== it.sentence
        ? hasStem(0, Number.MAX_SAFE_INTEGER)
        : p.raw.start >= it.raw.end && p.raw.start <= it.raw.end + 60 && hasStem(it.raw.end, p.raw.end + 15);
      if (named) return { item: p, word };
    }
  }
  return null;
}

function resolveClock(doc: Doc, it: Item, items: Item[], anchor: Anchor | null): void {
  const para = doc.sentences[it.sentence]?.paragraph ?? -1;
  const isDay = (p: Item) => p !== it && p.value !== undefined && /^\d{4}-\d{2}-\d{2}/.test(p.value);
  let host: Item | undefined;
  // a live-blog stamp opening its paragraph ("16:02 GMT - Hamas said it would free four more on
  // Saturday") times the entry, not the day its sentence goes on to name
  const lineStart = doc.text.lastIndexOf('\n', it.raw.start - 1) + 1;
  const stamp = doc.text.slice(lineStart, it.raw.start).trim() === '' && /^\s*[-–—:|]/.test(doc.text.slice(it.raw.end, it.raw.end + 4));
  // a day in the same sentence, else the latest one earlier in the paragraph
  for (let i = it.index + 1; !stamp && i < items.length && items[i].sentence === it.sentence && !host; i++) if (isDay(items[i])) host = items[i];
  for (let i = it.index - 1; i >= 0 && !host; i--) {
    const p = items[i];
    if (p.sentence === it.sentence) { if (isDay(p)) host = p; continue; }
    if ((doc.sentences[p.sentence]?.paragraph ?? -2) !== para) break;
    if (isDay(p)) host = p;
  }
  const hhmm = timeSuffix(it.raw);
  if (host) {
    setValue(it, host.value!.slice(0, 10) + hhmm, `clock time on the day of ${describe(doc, host)}`);
    it.anchorUsed = textAnchor(host);
    return;
  }
  if (anchor) {
    it.anchorUsed = anchorOf(anchor);
    setValue(it, fmtDay(anchor.date) + hhmm, `clock time with no day written nearby: taken as the day of ${anchor.basis}`);
    return;
  }
  setValue(it, `XXXX-XX-XX${hhmm}`, 'clock time with no day to attach it to');
}
