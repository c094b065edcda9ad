/**
 * Finding time expressions in one sentence. Calendar dates, weekdays and clock times come from
 * chrono-node (a trimmed English configuration); what news text needs beyond that — bare years,
 * decades, centuries, seasons, "last week", "three days ago", durations, "recent months" — comes
 * from the patterns below. The output says only what the text states; anchoring to the
 * publication date and choosing missing years is done later (see resolve.ts).
 */
// English only: the package's index also loads every other locale (3× the start-up cost)
import * as chrono from 'chrono-node/en';
import type { ParsedComponents, ParsedResult } from 'chrono-node';
import { ablated, timesRule, type TimesRule } from './rules.js';
import { set } from '../../lexicon/index.js';

export type Unit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second' | 'decade' | 'century' | 'weekend';
export type Season = 'SP' | 'SU' | 'FA' | 'WI';

export interface RawTime {
  /** offsets into the sentence string given to findInSentence (made doc offsets by the caller) */
  start: number;
  end: number;
  /** calendar fields the text writes */
  year?: number;
  month?: number;
  day?: number;
  weekday?: number;
  hour?: number;
  minute?: number;
  season?: Season;
  /** a quarter of the year: "the third quarter of 2024", "Q1" */
  quarter?: number;
  /** a holiday whose date depends on the year (Easter, Thanksgiving); month/day are set for fixed ones */
  holiday?: string;
  /** "last Saturday" -1, "this Saturday" 0, "next Saturday" +1 */
  shift?: -1 | 0 | 1;
  /** "Tuesday last week" -1, "Monday of next week" +1: the weekday in that ISO week */
  weekShift?: number;
  /** a period counted from the anchor: "three days ago" {unit:'day', n:-3}, "last year" {unit:'year', n:-1} */
  rel?: { unit: Unit; n: number };
  /** counted from the date the narrative last gave: "that year" {unit:'year', n:0}, "two days later" {unit:'day', n:2} */
  narr?: { unit: 'year' | 'month' | 'week' | 'day'; n: number };
  /** counted from an event named after it: "two days after the attack" → the words that may name it */
  event?: string[];
  /** the other end of a range this expression starts ("from November 20 to December 11") */
  rangeWith?: RawTime;
  /** a recurring time: "every Wednesday", "on Sundays" (TIMEX3 set) */
  set?: boolean;
  /** part of the day: "tonight", "this morning", "Friday evening" (TIMEX3 TMO, TAF, TEV, TNI) */
  part?: string;
  /** a half of the year: "the first half of 2024" (TIMEX3 2024-H1) */
  half?: 1 | 2;
  /** a fiscal year: "fiscal 1998", "the fiscal year" (TIMEX3 FY1998) */
  fiscal?: boolean;
  /** a TIMEX3 mod the words around the expression give: APPROX, MORE_THAN, EQUAL_OR_MORE, BEFORE … */
  tmod?: string;
  /** counted from the narrative at the base's own precision ("the year-ago quarter" → 1997-Q3) */
  keepPrecision?: boolean;
  /** value fixed by the grammar alone: durations (P3M), decades (198X), vague spans (PXM) */
  fixed?: string;
  /** a modifier the span includes ("early", "late", "mid") */
  mod?: string;
  /** a time range's other end was in the same chrono match ("March to May 2020") */
  from: 'chrono' | 'pattern';
  /** short description of the grammar reading, for the evidence string */
  reading: string;
  /** the registered rules that made or widened this reading (reported by the stage as firings) */
  rules?: TimesRule[];
}

// ---------------------------------------------------------------- chrono, trimmed

/**
 * Parsers whose readings we replace with our own (relative and duration phrases, "now"). Kept in
 * code (count-wordlists counts it): the class names of chrono-node's parsers configure that library;
 * they are no words of the language.
 */
const DROPPED_PARSERS = new Set([
  'ENTimeUnitWithinFormatParser', 'ENTimeUnitAgoFormatParser', 'ENTimeUnitLaterFormatParser',
  'ENRelativeDateFormatParser', 'ENTimeUnitCasualRelativeFormatParser', 'ENCasualDateParser',
  'ENCasualTimeParser', 'ENEndOfCurrentMonthParser',
]);

let parser: chrono.Chrono | null = null;
function chronoParser(): chrono.Chrono {
  if (parser) return parser;
  const cfg = chrono.configuration.createCasualConfiguration();
  cfg.parsers = cfg.parsers.filter((p) => !DROPPED_PARSERS.has(p.constructor.name));
  parser = new chrono.Chrono(cfg);
  return parser;
}

// ---------------------------------------------------------------- word lists
// (without a prototype, so that `w in TABLE` and TABLE[w] never answer for "constructor" or "toString")

const MONTHS: Record<string, number> = Object.assign(Object.create(null), {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
});
const WEEKDAYS: Record<string, number> = Object.assign(Object.create(null), {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
});
const SEASONS: Record<string, Season> = Object.assign(Object.create(null), { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' });

const SMALL_NUMBERS: Record<string, number> = Object.assign(Object.create(null), {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
  dozen: 12, half: 0.5,
});
const ORDINALS: Record<string, number> = Object.assign(Object.create(null), {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, 'twenty-second': 22,
});

const NUM_WORD = '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|dozen|a hundred|hundred|half an|half a|a|an';
const NUM = `(?:\\d+(?:\\.\\d+)?|${NUM_WORD})`;
const VAGUE_NUM = '(?:a few|few|several|many|a couple of|couple of|dozens of|hundreds of|a number of)';
const UNIT_RE = '(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century|fortnights?)';

/** Parses a written count: "3", "three", "twenty-five", "a"; null for anything else. */
export function parseCount(s: string): number | null {
  const w = s.toLowerCase().trim();
  if (/^\d+(?:\.\d+)?$/.test(w)) return Number(w);
  if (w === 'half a' || w === 'half an') return 0.5;
  if (w === 'a dozen') return 12;
  if (w === 'a hundred') return 100;
  if (w in SMALL_NUMBERS) return SMALL_NUMBERS[w];
  const m = /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(\w+)$/.exec(w);
  if (m && m[2] in SMALL_NUMBERS) return SMALL_NUMBERS[m[1]] + SMALL_NUMBERS[m[2]];
  return null;
}

function unitOf(s: string): Unit | 'fortnight' {
  const w = s.toLowerCase();
  if (w.startsWith('centur')) return 'century';
  if (w.startsWith('fortnight')) return 'fortnight';
  return w.replace(/s$/, '') as Unit;
}

/** TIMEX3 duration value: P3M, P2Y, PT5H, P1.5Y, PXM for an unstated count. */
export function durationValue(n: number | 'X', unit: Unit | 'fortnight'): string {
  const count = n === 'X' ? 'X' : String(n);
  switch (unit) {
    case 'year': return `P${count}Y`;
    case 'month': return `P${count}M`;
    case 'week': return `P${count}W`;
    case 'fortnight': return n === 'X' ? 'PXW' : `P${n * 2}W`;
    case 'day': return `P${count}D`;
    case 'hour': return `PT${count}H`;
    case 'minute': return `PT${count}M`;
    case 'second': return `PT${count}S`;
    case 'decade': return `P${count}DE`;
    case 'century': return `P${count}CE`;
    default: return `P${count}D`;
  }
}

// ---------------------------------------------------------------- guards

/** prepositions that let a bare month name ("in May") or season count as a date */
const MONTH_PREPS = set('times-cues', { class: 'month-prep' });
/** prepositions that let a bare season name count as a time ("in summer", "during the winter") */
const SEASON_PREPS = set('times-cues', { class: 'season-prep' });
const NEWSPAPER_WORDS = /^(?:Times|Telegraph|Express|Mirror|Post|Herald|Mail|Star|Tribune|Independent|Sport|People|Age|Business|Prayers?|Service|School|Mass|Edition|Magazine|Review|World|Live)\b/;
/** words that make a weekday part of a name: "Good Friday", "Black Friday", "Man Friday" */
/** words before a bare number that make it a year: "in 1999", "fiscal 2020", "class of 1985" */
const YEAR_CUES = set('times-cues', { class: 'year-cue' });
const WEEKDAY_NAME_WORDS = set('times-cues', { class: 'weekday-name' });
/** "the 2020 elections": after these a year before a plural stays a year ("2000 people" is a count). */
const YEAR_BEFORE_PLURAL = set('times-cues', { class: 'year-before-plural' });

const TIME_WORDS = /\d\s*(?:a\.?m\b\.?|p\.?m\b\.?)|o'clock|o’clock|\bnoon\b|\bmidnight\b/i;
const CLOCK = /\d{1,2}[:.]\d{2}/;

/**
 * A clock time needs a clock-like form: "5 p.m.", "noon", or "at 22:30". A bare "7:14" is a
 * game clock or a ratio as often ("scored at 7:14 into the period", "scale 1:24", "$2.52").
 */
function isClockTime(sentence: string, start: number, text: string): boolean {
  if (TIME_WORDS.test(text)) return true;
  const m = CLOCK.exec(text);
  if (!m) return false;
  const at = start + m.index;
  const before = sentence.slice(Math.max(0, at - 12), at);
  const after = sentence.slice(at + m[0].length, at + m[0].length + 24);
  if (/[$£€¥]\s*$|\d[.,]?$/.test(before)) return false;
  if (/^\s*(?:GMT|UTC|BST|CET|EST|EDT|PST|PDT|hrs|hours|h\b|local time|[AP]M\b)/i.test(after)) return true;
  if (/^\s*(?:into|left|remaining|of|in the|to go)\b/i.test(after)) return false;
  return m[0].includes(':') && /\b(?:at|by|until|till|from|before|after|around|about|since|between|and|to)\s+$/i.test(before);
}

/**
 * A relative time word written as a name: in capitals inside a sentence that is not itself in
 * capitals ('USA TODAY'), or capitalised where no clause starts ('appeared on Today', 'Jennifer
 * Lopez News Today'). Weekdays and months are always capitalised, so this is for the others.
 */
export function writtenAsName(sentence: string, at: number, text: string): boolean {
  if (ablated('times.names') || !looksLikeName(sentence, at, text)) return false;
  timesRule('times.names').fired();
  return true;
}

function looksLikeName(sentence: string, at: number, text: string): boolean {
  const word = text.split(/\s+/)[0];
  if (!/^\p{Lu}/u.test(word)) return false;
  const letters = sentence.replace(/[^\p{L}]/gu, '');
  const capsShare = letters.replace(/[^\p{Lu}]/gu, '').length / Math.max(1, letters.length);
  if (capsShare >= 0.6) return false; // a headline or a shouted line
  if (word.length > 2 && word === word.toUpperCase()) return true;
  const before = sentence.slice(0, at).replace(/[ \t]+$/, '');
  const clauseStart = before === '' || /[.!?:;"“”‘'(\[—–\n-]$/.test(before);
  return !clauseStart;
}

function wordBefore(s: string, at: number): string {
  const m = /([\p{L}\p{N}’'-]+)[^\p{L}\p{N}]*$/u.exec(s.slice(Math.max(0, at - 40), at));
  return m ? m[1] : '';
}
function wordAfter(s: string, at: number): string {
  const m = /^[^\p{L}\p{N}]*?([\p{L}\p{N}’'-]+)/u.exec(s.slice(at, at + 40));
  return m ? m[1] : '';
}
function isCapitalised(w: string): boolean {
  return /^\p{Lu}/u.test(w);
}

// ---------------------------------------------------------------- chrono readings

interface ChronoPart {
  known: Record<string, number>;
  text: string;
  index: number;
}

function chronoReadings(sentence: string, ref: Date): RawTime[] {
  const out: RawTime[] = [];
  let results: ParsedResult[];
  try {
    results = chronoParser().parse(sentence, ref);
  } catch {
    return out;
  }
  for (const r of results) {
    if (r.end) {
      // a range: read each end on its own so that each gets its own span and value
      const text = r.text;
      const sep = /\s*(?:-|–|—|\bto\b|\bthrough\b|\buntil\b|\btill\b)\s*/.exec(text);
      const endKnown = knownOf(r.end);
      if (sep && sep.index > 0) {
        const left: ChronoPart = { known: knownOf(r.start), text: text.slice(0, sep.index), index: r.index };
        const rightStart = sep.index + sep[0].length;
        const right: ChronoPart = { known: endKnown, text: text.slice(rightStart), index: r.index + rightStart };
        // the year (and month) written once at the end apply to the start: "March to May 2020", "3-5 June"
        if (left.known.year === undefined && right.known.year !== undefined) {
          left.known.year = right.known.month !== undefined && left.known.month !== undefined && left.known.month > right.known.month
            ? right.known.year - 1 : right.known.year;
          left.known.yearFromRange = 1;
        }
        if (left.known.month === undefined && right.known.month !== undefined && left.known.day !== undefined) left.known.month = right.known.month;
        const l = fromChronoPart(sentence, left);
        const rt = fromChronoPart(sentence, right);
        if (l && rt) l.rangeWith = rt;
        if (l) out.push(l);
        if (rt) out.push(rt);
        continue;
      }
    }
    // "on Wednesday after 14 months": chrono reads the bare number after the weekday as an hour
    const known = knownOf(r.start);
    let text = r.text;
    const bareHour = /\s+(?:after|before|at|by|around|about|until|till)\s+\d{1,2}$/i.exec(text);
    if (bareHour && known.hour !== undefined && !/:|[ap]\.?m\b/i.test(text)) {
      text = text.slice(0, bareHour.index);
      delete known.hour;
      delete known.minute;
      delete known.meridiem;
    }
    const t = fromChronoPart(sentence, { known, text, index: r.index });
    if (t) out.push(t);
  }
  return out;
}

function knownOf(c: ParsedComponents): Record<string, number> {
  const k: Record<string, number> = {};
  for (const f of ['year', 'month', 'day', 'weekday', 'hour', 'minute'] as const) {
    if (c.isCertain(f)) {
      const v = c.get(f);
      if (v !== null && v !== undefined) k[f] = v;
    }
  }
  return k;
}

function fromChronoPart(sentence: string, p: ChronoPart): RawTime | null {
  let text = p.text;
  let start = p.index;
  const k = { ...p.known };
  // a clock time needs a clock-like form: "at 5" or "24/7" are not times
  if (k.hour !== undefined && !isClockTime(sentence, start, text)) {
    delete k.hour;
    delete k.minute;
    // cut a dangling ", 12" / " at 5" off the span
    const cut = /(?:,?\s*(?:at\s+)?\d{1,2})$/.exec(text);
    if (cut) text = text.slice(0, cut.index);
    const lead = /^(?:at\s+)?\d{1,2}\s*,?\s*(?:on\s+)?/i.exec(text);
    if (lead && lead[0].length > 0 && lead[0].length < text.length && !/\p{L}/u.test(lead[0].replace(/^at|on\s*$/gi, ''))) {
      start += lead[0].length;
      text = text.slice(lead[0].length);
    }
  }
  // trim prepositions and punctuation chrono keeps at the edges ("on Saturday", "October,")
  const leadPrep = /^(?:(?:on|at|in|from|by|since|of|the)\s+)+/i.exec(text);
  if (leadPrep) {
    start += leadPrep[0].length;
    text = text.slice(leadPrep[0].length);
  }
  text = text.replace(/[\s,;:]+$/, '').replace(/\.$/, (m) => (/\b(?:[A-Z][a-z]{1,3}|[ap]\.m)\.$/.test(text) ? m : ''));
  if (!text) return null;
  // chrono reads "end of January" as the 31st; the text gives a month with a modifier
  let endMod = false;
  if (/^end\s+of\s/i.test(text) && k.month !== undefined) {
    delete k.day;
    endMod = true;
  }
  const hasDate = k.year !== undefined || k.month !== undefined || k.day !== undefined || k.weekday !== undefined;
  const hasTime = k.hour !== undefined;
  if (!hasDate && !hasTime) return null;

  // slash dates without a year are fractions and scores far more often than dates in news ("3/4", "24/7")
  if (/^\d{1,2}\/\d{1,2}$/.test(text)) return null;
  // figures alone ("27 6 3" in a results table) are a date only in a standard numeric form
  if (!/\p{L}/u.test(text) && !/^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}[/.]\d{1,2}[/.]\d{1,2}|\d{1,2}:\d{2}(?::\d{2})?)$/.test(text.replace(/T.*$/, ''))) return null;
  const words = text.split(/[\s,]+/).filter(Boolean);
  const before = wordBefore(sentence, start);
  const after = wordAfter(sentence, start + text.length);

  const onlyWeekday = k.weekday !== undefined && k.month === undefined && k.day === undefined && k.year === undefined;
  const onlyMonth = k.month !== undefined && k.day === undefined && k.year === undefined && k.weekday === undefined;
  let shift: -1 | 0 | 1 | undefined;
  let weekShift: number | undefined;
  if (onlyWeekday || onlyMonth) {
    let shiftWord = /^(last|next|this|coming|this coming|past)\s+/i.exec(text);
    // chrono leaves "last" out of "last March": take it from just before the span
    const lead = !shiftWord && onlyMonth ? /\b(last|next|this)\s+$/i.exec(sentence.slice(Math.max(0, start - 6), start)) : null;
    if (lead) {
      start -= lead[0].length;
      text = sentence.slice(start, start + lead[0].length + text.length);
      shiftWord = lead;
    }
    if (shiftWord) {
      const s = shiftWord[1].toLowerCase();
      shift = s === 'last' || s === 'past' ? -1 : s === 'next' || s.includes('coming') ? 1 : 0;
    }
    // "Tuesday last week", "Monday of next week": chrono keeps the week in the span
    const ofWeek = onlyWeekday ? /\s+(?:of\s+)?(last|past|next|this)\s+week$/i.exec(text) : null;
    if (ofWeek) {
      const w = ofWeek[1].toLowerCase();
      weekShift = w === 'last' || w === 'past' ? -1 : w === 'next' ? 1 : 0;
      words.splice(words.length - (ofWeek[0].trim().split(/\s+/).length));
    }
    // the name is the weekday or month word, wherever the clock time sits: "Monday at 14:00", "14:00 on Monday"
    const names: Record<string, number> = onlyWeekday ? WEEKDAYS : MONTHS;
    const name = (words.find((w) => w.replace(/\.$/, '').toLowerCase() in names) ?? words[words.length - 1]).replace(/\.$/, '');
    // names must be written with a capital: "may" and "march" are verbs
    if (!isCapitalised(name)) return null;
    if (onlyWeekday) {
      const full = name.toLowerCase() in WEEKDAYS;
      if (!full) return null; // "Sun", "Sat", "Wed" alone: a newspaper or a word far more often than a date
      if (after && isCapitalised(after) && NEWSPAPER_WORDS.test(after)) return null; // "Sunday Times"
      // "Saturday Morning Breakfast Cereal": a part of the day followed by more capitalised words is a title
      if (/^(?:Morning|Night|Evening|Afternoon)$/.test(after) && /^\s*\S+\s+\p{Lu}/u.test(sentence.slice(start + text.length))) return null;
      if (shift === undefined && WEEKDAY_NAME_WORDS.has(before.toLowerCase()) && /^\s$/.test(sentence.slice(start - 1, start))) return null;
      // "Friday the 13th" is a film or a superstition, not a date
      if (/^\s+the\s+\d/.test(sentence.slice(start + text.length))) return null;
    }
    if (onlyMonth && shift === undefined) {
      // a bare month name is a date only after a preposition ("in May", "since March") or before a year/day
      const b = before.toLowerCase();
      if (!MONTH_PREPS.has(b) && !/^mid-?$/.test(b)) return null;
      if (after && isCapitalised(after) && !(after.toLowerCase() in MONTHS)) return null; // "March Madness"
      if (b === 'to' || b === 'and' || b === 'or') {
        // "to May" is a date only beside another month ("from March to May"): check two words back
        const prev = sentence.slice(Math.max(0, start - 40), start);
        if (!/(january|february|march|april|may|june|july|august|september|october|november|december|\d{4})\W+(?:\w+\W+)?$/i.test(prev)) return null;
      }
    }
  }
  // "early/mid/late November", "mid-October": the modifier belongs to the expression
  let mod: string | undefined;
  const modMatch = /(?:^|[\s(])((early|mid|late)(?:-|\s+))$/i.exec(sentence.slice(Math.max(0, start - 8), start));
  if (modMatch && (k.month !== undefined || k.year !== undefined) && k.day === undefined) {
    mod = modMatch[2].toLowerCase();
    start -= modMatch[1].length;
    text = sentence.slice(start, start + text.length + modMatch[1].length);
  }
  const end = start + text.length;
  const t: RawTime = { start, end, from: 'chrono', reading: 'calendar date' };
  if (k.year !== undefined) t.year = k.year;
  if (k.month !== undefined) t.month = k.month;
  if (k.day !== undefined) t.day = k.day;
  if (k.weekday !== undefined) t.weekday = k.weekday;
  if (k.hour !== undefined) {
    t.hour = k.hour;
    t.minute = k.minute ?? 0;
  }
  if (shift !== undefined) t.shift = shift;
  if (weekShift !== undefined) t.weekShift = weekShift;
  if (mod) t.mod = mod;
  if (endMod) t.mod = 'end';
  if (onlyWeekday && /^(?:every|each|a)$/i.test(before)) t.set = true;
  if (p.known.yearFromRange) t.reading = 'calendar date; year from the end of the range';
  return t;
}


// ---------------------------------------------------------------- own patterns

interface Pattern {
  /** the switch that turns the pattern off for an ablation (rules.ts) */
  rule?: TimesRule;
  /** a cheap test that the pattern can match at all: most sentences fail it, skipping `re` */
  hint: RegExp;
  re: RegExp;
  make(m: RegExpExecArray, sentence: string): RawTime | null;
}

const at = (m: RegExpExecArray, group: number): number => m.index + m[0].indexOf(m[group]);

const PATTERNS: Pattern[] = [
  // the present, the past and the future in general (TIMEX3 PRESENT_REF, PAST_REF, FUTURE_REF)
  {
    rule: 'times.refs',
    hint: /\b(?:now|current|present|recent|lately|past|future|these days)/i,
    re: /\b(?:(now|nowadays|currently|presently|at present|these days)|(recently|lately|the past)|(the(?:\s+(?:near|distant|foreseeable))?\s+future))\b/gi,
    make(m, s) {
      const after = s.slice(m.index + m[0].length, m.index + m[0].length + 12);
      const before = s.slice(Math.max(0, m.index - 12), m.index);
      const w = m[0].toLowerCase();
      // "now-defunct", "the past-due": part of a compound adjective
      if (/^-\p{L}/u.test(after)) return null;
      // "Future Shock", "the Past Masters": capitalised mid-sentence is a name
      if (/\p{Lu}/u.test(m[0].slice(1)) && !/^[A-Z]+$/.test(m[0])) return null;
      if (writtenAsName(s, m.index, m[0])) return null;
      if (w === 'the past') {
        // "the past" alone, not a determiner of a span ("the past few days", "the past 30 years": longer readings win)
        if (/^\s+(?:\d|few|several|couple|many|decade|year|month|week|day|hour|two|three|four|five|six|seven|eight|nine|ten|twelve)/i.test(after)) return null;
        if (!/\b(?:in|of|from|into|to|like|than|with|for)\s+$/i.test(before) && !/^\s*[,.;:)]/.test(after)) return null;
      }
      // "now that …", "just now" are still the present; "now" as a discourse marker opening a
      // quoted turn is not worth a guard
      const value = m[1] ? 'PRESENT_REF' : m[2] ? 'PAST_REF' : 'FUTURE_REF';
      return { start: m.index, end: m.index + m[0].length, fixed: value, from: 'pattern', reading: `${value === 'PRESENT_REF' ? 'the present' : value === 'PAST_REF' ? 'the past' : 'the future'} in general` };
    },
  },
  // frequencies: daily, every week, twice a year, per day (TIMEX3 SET)
  {
    rule: 'times.sets',
    hint: /\b(?:daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly|biannually|every|each|per|times|once|twice)\b/i,
    re: new RegExp(`\\b(?:(daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly)|(?:(once|twice|thrice|${NUM}\\s+times)\\s+(?:a|an|per|each|every)|(every|each|per))\\s+(?:(other)\\s+|(${NUM})\\s+)?(days?|weeks?|months?|years?|hours?|minutes?|decades?|quarters?|mornings?|evenings?|nights?|afternoons?|weekends?))\\b`, 'gi'),
    make(m, s) {
      const before = s.slice(Math.max(0, m.index - 12), m.index);
      const after = s.slice(m.index + m[0].length, m.index + m[0].length + 20);
      if (m[1]) {
        const w = m[1].toLowerCase();
        // "Daily Mail", "the New York Daily News": names; "the daily Kommersant": a newspaper
        if (/^\p{Lu}/u.test(m[1]) && !/(?:^|[.!?:"“]\s*)$/.test(s.slice(0, m.index))) return null;
        if (/\bthe\s+$/i.test(before) && /^\s+\p{Lu}/u.test(after)) return null;
        const values: Record<string, string> = { daily: 'P1D', weekly: 'P1W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y', hourly: 'PT1H', nightly: 'P1D', quarterly: 'P3M' };
        const t: RawTime = { start: m.index, end: m.index + m[0].length, fixed: values[w], set: true, from: 'pattern', reading: `frequency (${w})` };
        if (w === 'nightly') t.fixed = 'XXXX-XX-XXTNI';
        return t;
      }
      const unitWord = m[6].toLowerCase().replace(/s$/, '');
      // "each day of the trial", "every year since": still a frequency; "per" needs a count before it
      if (m[3] && m[3].toLowerCase() === 'per' && !/\d|\b(?:hours?|minutes?|times|once|twice|miles?|km|kilometres?|dollars?|cents?)\s*$/i.test(before)) return null;
      const n = m[4] ? 2 : m[5] ? parseCount(m[5]) : 1;
      if (n === null || n <= 0) return null;
      const parts: Record<string, string> = { morning: 'TMO', evening: 'TEV', night: 'TNI', afternoon: 'TAF' };
      let value: string;
      if (unitWord in parts) value = `XXXX-XX-XX${parts[unitWord]}`;
      else if (unitWord === 'weekend') value = 'XXXX-WXX-WE';
      else if (unitWord === 'quarter') value = `P${3 * n}M`;
      else value = durationValue(n, unitOf(unitWord));
      return { start: m.index, end: m.index + m[0].length, fixed: value, set: true, from: 'pattern', reading: `frequency (${m[0].toLowerCase()})` };
    },
  },
  // halves of the year: the first half of 2024, second-half profit
  {
    rule: 'times.periods',
    hint: /\bhalf\b/i,
    re: /\b(?:the\s+)?(first|second|1st|2nd)[\s-]half(?:\s+of\s+(?:(\d{4})|(this|last|next)\s+year|(the\s+year)))?\b/gi,
    make(m, s) {
      const h = /^(?:first|1st)$/i.test(m[1]) ? 1 : 2;
      const after = s.slice(m.index + m[0].length, m.index + m[0].length + 24);
      // a half of a match or a season is no calendar half: only with a year, or before a financial word
      const financial = /^[\s-]+(?:profits?|earnings|revenues?|sales|results|loss(?:es)?|net|income|growth|deficit|figures|output|GDP|operating|dividend)\b/i.test(after);
      if (!m[2] && !m[3] && !m[4] && !financial) return null;
      const t: RawTime = { start: m.index, end: m.index + m[0].length, half: h, from: 'pattern', reading: 'half year' };
      if (m[2]) t.year = Number(m[2]);
      else if (m[3]) t.rel = { unit: 'year', n: m[3].toLowerCase() === 'last' ? -1 : m[3].toLowerCase() === 'next' ? 1 : 0 };
      return t;
    },
  },
  // fiscal years: fiscal 1998, fiscal year 2019, the fiscal year, FY2020 (TIMEX3 FY1998)
  {
    rule: 'times.periods',
    hint: /\bfiscal\b|\bFY\s?\d/i,
    re: /\b(?:(?:(this|last|next|the\s+current|the\s+previous|the)\s+)?fiscal(?:\s+year)?(?:\s+(\d{4}|['’]\d{2}))?|FY\s?(\d{4}|\d{2}))\b/gi,
    make(m, s) {
      const yearText = m[2] ?? m[3];
      const t: RawTime = { start: m.index, end: m.index + m[0].length, fiscal: true, from: 'pattern', reading: 'fiscal year' };
      if (yearText) {
        const digits = yearText.replace(/^['’]/, '');
        t.year = digits.length === 2 ? (Number(digits) > 50 ? 1900 : 2000) + Number(digits) : Number(digits);
        return t;
      }
      // "fiscal" alone needs "year": "fiscal policy" is no time
      if (!/year$/i.test(m[0])) return null;
      // "fiscal year" inside "the fiscal year ending June 30" still names the year it is in
      const w = (m[1] ?? '').toLowerCase();
      if (!w && !/\b(?:in|for|during|of)\s+$/i.test(s.slice(Math.max(0, m.index - 8), m.index))) return null;
      t.rel = { unit: 'year', n: w === 'last' || w === 'the previous' ? -1 : w === 'next' ? 1 : 0 };
      return t;
    },
  },
  // the year-ago quarter, the year-earlier period: the quarter the text is about, a year before
  {
    rule: 'times.periods',
    hint: /year[\s-](?:ago|earlier)/i,
    re: /\b(?:the|a)\s+year[\s-](?:ago|earlier)\s+(quarter|period|half)\b/gi,
    make(m) {
      return { start: m.index, end: m.index + m[0].length, narr: { unit: 'year', n: -1 }, keepPrecision: true, from: 'pattern', reading: m[0].toLowerCase() };
    },
  },
  // three weeks from now, two years hence
  {
    hint: /\bfrom now\b|\bhence\b/i,
    re: new RegExp(`\\b(${NUM})[\\s-]+(${UNIT_RE})\\s+(?:from\\s+now|hence)\\b`, 'gi'),
    make(m) {
      const n = parseCount(m[1]);
      if (n === null || n <= 0 || n > 5000) return null;
      const unit = unitOf(m[2]);
      return { start: m.index, end: m.index + m[0].length, rel: unit === 'fortnight' ? { unit: 'week', n: 2 * n } : { unit, n }, from: 'pattern', reading: m[0].toLowerCase() };
    },
  },
  // today, tonight, yesterday, tomorrow, the day before yesterday
  {
    hint: /today|tonight|yesterday|tomorrow/i,
    re: /\b(?:the day (before yesterday|after tomorrow)|(today|tonight|yesterday|tomorrow)(?:\s+(morning|afternoon|evening|night))?)\b/gi,
    make(m, s) {
      // a masthead or a programme: "USA TODAY", "appeared on Today"
      if (writtenAsName(s, m.index, m[0])) return null;
      const w = (m[1] ?? m[2]).toLowerCase();
      const n = w === 'before yesterday' ? -2 : w === 'after tomorrow' ? 2 : w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
      return { start: m.index, end: m.index + m[0].length, rel: { unit: 'day', n }, from: 'pattern', reading: m[0].toLowerCase(), part: m[3] ?? (w === 'tonight' ? 'night' : undefined) };
    },
  },
  // this morning, last night, this afternoon
  {
    hint: /morning|afternoon|evening|night/i,
    re: /\b(this|last)\s+(morning|afternoon|evening|night)\b/gi,
    make(m) {
      const n = m[1].toLowerCase() === 'last' ? (m[2].toLowerCase() === 'night' ? -1 : 0) : 0;
      if (m[1].toLowerCase() === 'last' && m[2].toLowerCase() !== 'night') return null;
      return { start: m.index, end: m.index + m[0].length, rel: { unit: 'day', n }, part: m[2].toLowerCase(), from: 'pattern', reading: m[0].toLowerCase() };
    },
  },
  // this year, last month, next week, this weekend, last decade, this century
  {
    hint: /year|month|week|decade|century/i,
    re: /\b(this\s+past|this|last|next|the\s+coming|coming|the\s+previous|the\s+past|past)\s+(year|month|week|weekend|decade|century)\b/gi,
    make(m, s) {
      const w = m[1].toLowerCase().replace(/\s+/g, ' ');
      const unit = m[2].toLowerCase() as Unit;
      if (w === 'this past') return { start: m.index, end: m.index + m[0].length, rel: { unit, n: unit === 'weekend' ? 0 : -1 }, from: 'pattern', reading: m[0].toLowerCase() };
      // "the next year" counts from the narrative, not from publication (see the narrative patterns)
      if ((w === 'next' || w === 'last') && /\bthe\s+$/i.test(s.slice(Math.max(0, m.index - 4), m.index))) return null;
      // "the past year", "the previous year": a period ending now (duration) or relative to another date
      if (w === 'the past' || w === 'past') {
        return { start: m.index, end: m.index + m[0].length, fixed: durationValue(1, unit === 'weekend' ? 'week' : unit), from: 'pattern', reading: 'duration up to the present' };
      }
      if (w === 'the previous') return null;
      // "over the last year" is a duration too
      if (w === 'last' && /\b(?:over|in|during|for|within|throughout)\s+the\s+$/i.test(s.slice(Math.max(0, m.index - 20), m.index))) {
        const start = s.lastIndexOf('the', m.index);
        return { start, end: m.index + m[0].length, fixed: durationValue(1, unit === 'weekend' ? 'week' : unit), from: 'pattern', reading: 'duration up to the present' };
      }
      const n = w === 'this' ? 0 : w === 'last' ? -1 : 1;
      return { start: m.index, end: m.index + m[0].length, rel: { unit, n }, from: 'pattern', reading: m[0].toLowerCase() };
    },
  },
  // over the weekend, at the weekend
  {
    hint: /weekend/i,
    re: /\b(?:over|during|at|on|throughout|for)\s+(the\s+weekend)\b/gi,
    make(m) {
      const start = at(m, 1);
      return { start, end: start + m[1].length, rel: { unit: 'weekend', n: 0 }, from: 'pattern', reading: 'the weekend' };
    },
  },
  // on Sundays, every Wednesday: recurring
  {
    hint: /days\b/,
    re: /\b(?:on|every|each)\s+(Sundays|Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays)\b/g,
    make(m) {
      const start = at(m, 1);
      return { start, end: start + m[1].length, weekday: WEEKDAYS[m[1].slice(0, -1).toLowerCase()], set: true, from: 'pattern', reading: 'recurring weekday' };
    },
  },
  // holidays: Christmas, New Year's Day, Easter, Thanksgiving (optionally with a year)
  {
    hint: /christmas|new year|valentine|halloween|boxing day|easter|thanksgiving|bastille/i,
    re: /\b(Christmas Eve|Christmas Day|Christmas|New Year['’]s Eve|New Year['’]s Day|Valentine['’]s Day|Halloween|Boxing Day|Easter Sunday|Easter|Thanksgiving Day|Thanksgiving|Bastille Day)(?:[\s,]+(\d{4}))?\b/g,
    make(m, s) {
      const name = m[1].toLowerCase().replace(/['’]/g, "'");
      // "Christmas tree", "Easter egg", "Thanksgiving dinner" are still about the day; "Christmas Island" is not
      // a capitalised neighbour makes it a name: "Christmas Island", "The Christmas Cottage", "Johnnie Christmas"
      const next = wordAfter(s, m.index + m[0].length);
      if (!m[2] && next && isCapitalised(next) && /^\s+\S/.test(s.slice(m.index + m[0].length))) return null;
      const prev = wordBefore(s, m.index);
      if (prev && isCapitalised(prev) && !/^(?:On|At|By|Since|Until|Before|After|Over|During|This|Last|Next|Merry|Happy|Since|Around|Until|For|From|In)$/.test(prev)
        && /\S\s+$/.test(s.slice(0, m.index)) && !/[.!?:;"“]\s*$/.test(s.slice(Math.max(0, m.index - prev.length - 3), m.index - prev.length))) return null;
      const fixed: Record<string, [number, number]> = {
        'christmas eve': [12, 24], 'christmas day': [12, 25], christmas: [12, 25], "new year's eve": [12, 31],
        "new year's day": [1, 1], "valentine's day": [2, 14], halloween: [10, 31], 'boxing day': [12, 26], 'bastille day': [7, 14],
      };
      const t: RawTime = { start: m.index, end: m.index + m[0].length, from: 'pattern', reading: `holiday (${m[1]})` };
      if (name in fixed) [t.month, t.day] = fixed[name];
      else t.holiday = name.startsWith('easter') ? 'easter' : 'thanksgiving';
      if (m[2]) t.year = Number(m[2]);
      return t;
    },
  },
  // quarters: the third quarter of 2024, Q1 2025, the first quarter
  {
    hint: /quarter|\bQ[1-4]\b/i,
    re: /\b(?:(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+quarter(?:\s+of\s+(?:(\d{4})|(this|last|next)\s+year))?|Q([1-4])(?:\s+|\s*-\s*|\s*')?(\d{4}|\d{2})?)\b/gi,
    make(m) {
      const word = (m[1] ?? '').toLowerCase();
      const q = m[4] ? Number(m[4]) : ({ first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4, last: 4 } as Record<string, number>)[word];
      if (!q) return null;
      // "the last quarter" alone is relative ("in the last quarter, sales fell"): leave it
      if ((word === 'last' || word === 'final') && !m[2] && !m[3]) return null;
      // "Q1" needs a capital (not "q1" in a URL)
      if (m[4] && !m[0].startsWith('Q')) return null;
      const t: RawTime = { start: m.index, end: m.index + m[0].length, quarter: q, from: 'pattern', reading: 'quarter' };
      if (m[2]) t.year = Number(m[2]);
      else if (m[5]) t.year = m[5].length === 2 ? 2000 + Number(m[5]) : Number(m[5]);
      else if (m[3]) t.rel = { unit: 'year', n: m[3].toLowerCase() === 'last' ? -1 : m[3].toLowerCase() === 'next' ? 1 : 0 };
      return t;
    },
  },
  // 9/11: a date known by its numbers
  {
    hint: /9\/11/,
    re: /(?<![\d/])9\/11(?![\d/])/g,
    make(m) {
      return { start: m.index, end: m.index + m[0].length, year: 2001, month: 9, day: 11, from: 'pattern', reading: 'the September 11, 2001 attacks' };
    },
  },
  // that year, the same day, later that month: the narrative's own time
  {
    hint: /\b(?:that|same)\b/i,
    re: /\b(?:(?:later|earlier)\s+)?(?:that|the\s+same|that\s+same)\s+(year|month|week|day|night|morning|afternoon|evening|spring|summer|autumn|fall|winter)\b/gi,
    make(m, s) {
      const unit = m[1].toLowerCase();
      if (unit in SEASONS) {
        return { start: m.index, end: m.index + m[0].length, season: SEASONS[unit], narr: { unit: 'year', n: 0 }, from: 'pattern', reading: m[0].toLowerCase().replace(/\s+/g, ' ') };
      }
      if (/^\s*(?:of|when|in which|that)\b/i.test(s.slice(m.index + m[0].length)) && unit !== 'year') return null;
      const u = unit === 'year' || unit === 'month' || unit === 'week' ? unit : 'day';
      return { start: m.index, end: m.index + m[0].length, narr: { unit: u, n: 0 }, from: 'pattern', reading: m[0].toLowerCase().replace(/\s+/g, ' ') };
    },
  },
  // the following year, the next day, the previous week, the day before
  {
    hint: /following|next|previous|prior|before|after/i,
    re: /\bthe\s+(?:(following|next|previous|prior)\s+(year|month|week|day|morning|night|evening|afternoon)|(year|month|week|day)\s+(before|after)(?![\s-]+(?:yesterday|tomorrow|the|a|an|his|her|their|its|this|that|last|[A-Z0-9])))\b/gi,
    make(m, s) {
      const dir = (m[1] ?? m[4]).toLowerCase();
      const unitWord = (m[2] ?? m[3]).toLowerCase();
      const n = dir === 'following' || dir === 'next' || dir === 'after' ? 1 : -1;
      // "over the next year" is a span
      if (/\b(?:over|for|within|during|throughout|in)\s+$/i.test(s.slice(Math.max(0, m.index - 12), m.index)) && (m[1] ?? '').toLowerCase() === 'next') {
        return { start: m.index, end: m.index + m[0].length, fixed: durationValue(1, unitWord === 'year' || unitWord === 'month' || unitWord === 'week' ? unitWord : 'day'), from: 'pattern', reading: 'duration' };
      }
      // "the night before" → the day before
      const unit = unitWord === 'year' || unitWord === 'month' || unitWord === 'week' ? unitWord : 'day';
      const k = (unitWord === 'morning' || unitWord === 'afternoon' || unitWord === 'evening' || unitWord === 'night') && n === 1 && unitWord !== 'night' ? 1 : n;
      return { start: m.index, end: m.index + m[0].length, narr: { unit, n: k }, from: 'pattern', reading: m[0].toLowerCase().replace(/\s+/g, ' ') };
    },
  },
  // two years later, three days earlier, a week after
  {
    hint: /later|earlier|after|before/i,
    re: new RegExp(`\\b(?:(?:about|around|some|nearly|almost|only|just|more than)\\s+)?(${NUM})[\\s-]+(${UNIT_RE})\\s+(later|earlier|after|before)\\b`, 'gi'),
    make(m, s) {
      const n = parseCount(m[1]);
      if (n === null || n <= 0 || n > 5000) return null;
      const dir = m[3].toLowerCase();
      const u = unitOf(m[2]);
      if (u !== 'year' && u !== 'month' && u !== 'week' && u !== 'day' && u !== 'decade') return null;
      const unit = u === 'decade' ? 'year' : u;
      const k = u === 'decade' ? n * 10 : n;
      const t: RawTime = { start: m.index, end: m.index + m[0].length, narr: { unit, n: dir === 'later' || dir === 'after' ? k : -k }, from: 'pattern', reading: m[0].toLowerCase().replace(/\s+/g, ' ') };
      if ((dir === 'after' || dir === 'before') && !/^\s*(?:that|this|[,.;:)]|$)/i.test(s.slice(m.index + m[0].length))) {
        // "two days after the attack": counted from the event the noun phrase names, if the article dates it
        const np = /^\s+(?:the|his|her|their|its|our)\s+((?:[\p{L}\p{N}’'-]+\s+){0,2}?[\p{L}’'-]+)(?=\s*(?:[,.;:)]|\s+(?:of|in|on|at|by|for|with|and|was|were|had|has|that|which|who)\b|$))/iu.exec(s.slice(m.index + m[0].length, m.index + m[0].length + 60));
        if (!np) return null;
        t.event = np[1].toLowerCase().split(/\s+/).filter((w) => w.length >= 4).reverse();
        if (t.event.length === 0) return null;
        t.reading = `${t.reading} the ${np[1]}`;
      }
      return t;
    },
  },
  // this/last/next summer; summer 2022; in the summer
  {
    hint: /spring|summer|autumn|fall|winter/i,
    re: /\b(?:(this|last|next|early|late|mid)[\s-]+)?(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(\d{4}))?\b/gi,
    make(m, s) {
      const season = SEASONS[m[2].toLowerCase()];
      const mod = m[1]?.toLowerCase();
      const b = wordBefore(s, m.index).toLowerCase();
      const t: RawTime = { start: m.index, end: m.index + m[0].length, season, from: 'pattern', reading: 'season' };
      if (m[3]) {
        t.year = Number(m[3]);
        if (mod === 'early' || mod === 'late' || mod === 'mid') t.mod = mod;
        return t;
      }
      if (mod === 'this' || mod === 'last' || mod === 'next') {
        t.shift = mod === 'this' ? 0 : mod === 'last' ? -1 : 1;
        return t;
      }
      // a bare season is a date only after "in/during/since/until/the…": "the fall of Rome", "fall" the verb are not
      if (m[2].toLowerCase() === 'fall' && b !== 'the' && b !== 'in' && b !== 'during' && b !== 'this') return null;
      if (!SEASON_PREPS.has(b) || /^\s+of\s+(?!\d)/i.test(s.slice(m.index + m[0].length, m.index + m[0].length + 6))) return null;
      // "Summer Institute", "winter wheat": a name or a modifier, not a time
      const next = wordAfter(s, m.index + m[0].length);
      if (next && (isCapitalised(next) || /^(?:wheat|sports?|games|olympics|clothes|coats?|tyres|tires|storms?|weather|months|solstice|break|holidays?|vacation|season|school|camp|house|palace|garden)$/i.test(next))) return null;
      if (isCapitalised(m[2]) && b !== 'in' && b !== 'during' && b !== 'this' && b !== 'last' && b !== 'next') return null;
      if (mod) t.mod = mod;
      return t;
    },
  },
  // three days ago, a decade ago, 24 hours ago
  {
    hint: /\bago\b/i,
    re: new RegExp(`\\b(${NUM})[\\s-]+(${UNIT_RE})\\s+ago\\b`, 'gi'),
    make(m) {
      const n = parseCount(m[1]);
      if (n === null || n <= 0 || n > 5000) return null;
      const unit = unitOf(m[2]);
      return {
        start: m.index, end: m.index + m[0].length,
        rel: unit === 'fortnight' ? { unit: 'week', n: -2 * n } : { unit, n: -n },
        from: 'pattern', reading: m[0].toLowerCase(),
      };
    },
  },
  // several years ago, a few months back: a vague past (TIMEX3 PAST_REF)
  {
    hint: /\b(?:ago|back)\b/i,
    re: new RegExp(`\\b${VAGUE_NUM}\\s+(?:years|months|weeks|days|decades)\\s+(?:ago|back)\\b`, 'gi'),
    make(m) {
      return { start: m.index, end: m.index + m[0].length, fixed: 'PAST_REF', from: 'pattern', reading: 'vague past (count not stated)' };
    },
  },
  // recent months, the past few years, for years, in recent weeks: vague durations (TIMEX3 PXM, PXY…)
  {
    hint: /(?:year|month|week|day|decade|hour|centurie)s/i,
    re: new RegExp(`\\b(?:(recent|the\\s+past|past|the\\s+last|the\\s+coming|coming|the\\s+next)\\s+(?:${VAGUE_NUM}\\s+)?|(${VAGUE_NUM})\\s+)(years|months|weeks|days|decades|hours|centuries)\\b`, 'gi'),
    make(m, s) {
      const unit = unitOf(m[3]);
      // "several days after the attack": a date relative to an event, not a span
      if (/^\s+(?:ago|later|earlier|after|before|from now|old)\b/i.test(s.slice(m.index + m[0].length))) return null;
      if (!m[1] && !/\b(?:for|over|in|within|during|throughout|after|than|about|nearly|almost|spent|took|lasted|last)\s+$/i.test(s.slice(Math.max(0, m.index - 20), m.index))) return null;
      return { start: m.index, end: m.index + m[0].length, fixed: durationValue('X', unit), from: 'pattern', reading: 'vague duration (count not stated)' };
    },
  },
  // for years, for decades
  {
    hint: /(?:year|month|week|decade|day|hour|centurie)s/i,
    re: /\b(?:for|over|in|within|after|spanning|lasting|took|takes|take)\s+(years|months|weeks|decades|days|hours|centuries)\b(?!\s+(?:ago|later|earlier|after|before|old|of\b))/gi,
    make(m) {
      const unit = unitOf(m[1]);
      const start = at(m, 1);
      return { start, end: start + m[1].length, fixed: durationValue('X', unit), from: 'pattern', reading: 'vague duration (count not stated)' };
    },
  },
  // a year and a half, two and a half years
  {
    hint: /\band a half\b/i,
    re: new RegExp(`\\b(${NUM})\\s+(?:(${UNIT_RE})\\s+and\\s+a\\s+half|and\\s+a\\s+half\\s+(${UNIT_RE}))\\b`, 'gi'),
    make(m, s) {
      const n = parseCount(m[1]);
      if (n === null || n <= 0 || n > 1000) return null;
      const unit = unitOf(m[2] ?? m[3]);
      if (/^\s*(?:ago|old|later|earlier)\b/i.test(s.slice(m.index + m[0].length))) return null;
      return { start: m.index, end: m.index + m[0].length, fixed: durationValue(n + 0.5, unit), from: 'pattern', reading: 'duration' };
    },
  },
  // the end of the month, the start of the year
  {
    hint: /\b(?:end|beginning|start|middle)\s+of\b/i,
    re: /\b(?:the\s+)?(end|beginning|start|middle)\s+of\s+(the|this|next|last)\s+(week|month|year)\b/gi,
    make(m) {
      const w = m[2].toLowerCase();
      const n = w === 'next' ? 1 : w === 'last' ? -1 : 0;
      const mod = m[1].toLowerCase() === 'middle' ? 'mid' : m[1].toLowerCase() === 'end' ? 'end' : 'start';
      return { start: m.index, end: m.index + m[0].length, rel: { unit: m[3].toLowerCase() as Unit, n }, mod, from: 'pattern', reading: m[0].toLowerCase() };
    },
  },
  // durations: three months, 15 years, a three-year sentence, the past 30 days
  {
    hint: /year|month|week|day|hour|minute|second|decade|centur|fortnight/i,
    re: new RegExp(`\\b(?:(the\\s+(?:past|last|next|first|previous|coming)|past|last|next)\\s+)?(${NUM})([\\s-]+)(${UNIT_RE})\\b`, 'gi'),
    make(m, s) {
      const n = parseCount(m[2]);
      if (n === null || n <= 0 || n > 10000) return null;
      const unit = unitOf(m[4]);
      const rest = s.slice(m.index + m[0].length, m.index + m[0].length + 30);
      const before = s.slice(Math.max(0, m.index - 25), m.index);
      // ages, relative dates and rates are not durations
      if (/^\s*(?:-\s*)?(?:ago|old|of age|later|earlier|before|after|from now|hence|younger|older|apart|running|in a row)\b/i.test(rest)) return null;
      if (/^-old\b/i.test(rest) || /^\s*-\s*olds?\b/i.test(rest)) return null;
      if (/\b(?:aged|age|per|every|each)\s+$/i.test(before)) return null;
      // an article or "one" is a count only where a span is meant: "for a year", not "one day he" or "$5 a year"
      const word = m[2].toLowerCase();
      if ((word === 'a' || word === 'an' || word === 'one') && !m[1]
        && !/\b(?:for|within|over|during|in|after|than|about|nearly|almost|only|just|least|most|spent|took|lasted|last|half)\s+$/i.test(before)) return null;
      if ((word === 'a' || word === 'an') && unit === 'second') return null; // "a second interest"
      if (/^\d{4}$/.test(word) && n >= 1000 && n <= 2099) return null; // "the 2018 day five": a year
      if (word === 'one' && unit === 'day' && !m[1] && !/\b(?:for|within|in|after|than|just|only)\s+$/i.test(before)) return null;
      // "the first day of", "the next day" are dates relative to something else; "the first nine
      // months" (of a financial year) is a duration
      if (m[1] && (/previous/i.test(m[1]) || (/first/i.test(m[1]) && n <= 1))) return null;
      if (m[1] && /^(?:the\s+)?next$/i.test(m[1]) && word === 'a') return null;
      // the 24 in "24/7" or a score is not a count of units
      if (/\d[/:]$/.test(before)) return null;
      const start = m.index;
      return { start, end: m.index + m[0].length, fixed: durationValue(n, unit), from: 'pattern', reading: m[3].includes('-') ? 'duration (adjectival)' : 'duration' };
    },
  },
  // decades: the 1980s, '90s, early 2000s, the nineties
  {
    hint: /0['’]?s\b|ties\b/i,
    re: /(?:\b(early|mid|late)[\s-]+)?(?:\b((?:1[0-9]|20)\d)0['’]?s\b|['’](\d)0s\b|\b(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)/gi,
    make(m, s) {
      let decade: string | null = null;
      if (m[2]) {
        const y = Number(m[2] + '0');
        // "the 1900s" / "the 1600s": the century; "the 2000s": the decade
        decade = y % 100 === 0 && y !== 2000 ? `${String(y / 100)}XX` : `${m[2]}X`;
      } else if (m[3]) decade = `19${m[3]}X`;
      else if (m[4]) {
        const words: Record<string, string> = { twenties: '2', thirties: '3', forties: '4', fifties: '5', sixties: '6', seventies: '7', eighties: '8', nineties: '9' };
        // "in his forties" is an age
        if (!/\bthe\s+$/i.test(s.slice(Math.max(0, (m.index) - 5), m.index + (m[1] ? 0 : 0))) && !/\bthe\s+(?:early|mid|late)[\s-]+$/i.test(s.slice(Math.max(0, m.index - 16), m.index + (m[1]?.length ?? 0) + 1))) return null;
        decade = `19${words[m[4].toLowerCase()]}X`;
      }
      if (!decade) return null;
      const t: RawTime = { start: m.index, end: m.index + m[0].length, fixed: decade, from: 'pattern', reading: decade.endsWith('XX') ? 'century' : 'decade' };
      if (m[1]) t.mod = m[1].toLowerCase();
      return t;
    },
  },
  // centuries: the 19th century, the twenty-first century
  {
    hint: /century/i,
    re: /\b(?:(early|mid|late)[\s-]+)?(\d{1,2})(?:st|nd|rd|th)[\s-]+century\b|\b(?:(early|mid|late)[\s-]+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|twenty-second)[\s-]+century\b/gi,
    make(m, s) {
      const n = m[2] ? Number(m[2]) : ORDINALS[m[4].toLowerCase()];
      if (!n || n > 22) return null;
      // "BC" follows → outside our calendar forms
      if (/^\s*(?:BC|BCE|B\.C\.)/.test(s.slice(m.index + m[0].length))) return null;
      const t: RawTime = { start: m.index, end: m.index + m[0].length, fixed: `${String(n - 1).padStart(2, '0')}XX`, from: 'pattern', reading: 'century' };
      const mod = m[1] ?? m[3];
      if (mod) t.mod = mod.toLowerCase();
      return t;
    },
  },
  // bare years: in 2023, 1995, early 2024, (2011)
  {
    hint: /\d{4}/,
    re: /(?:\b(early|mid|late)[\s-]+)?(?<![\d$£€¥#.,/:])\b(1[0-9]\d\d|20\d\d)\b(?![.,:/]\d)(?!\s*(?:%|percent|per cent))/gi,
    make(m, s) {
      const year = Number(m[2]);
      const yStart = at(m, 2);
      // after a hyphen only as "mid-2024", "pre-2020", or the end of a range "2019-2020"
      if (s[yStart - 1] === '-' && !m[1] && !/\b(?:pre|post)-$/i.test(s.slice(Math.max(0, yStart - 5), yStart))
        && !/(?:1[0-9]|20)\d\d\s*-$/.test(s.slice(Math.max(0, yStart - 6), yStart))) return null;
      // a range of years runs forwards over a plausible span; "1380-2075" is a price range
      const rangeAfter = /^\s*[-–]\s*(\d{4})\b/.exec(s.slice(yStart + 4, yStart + 12));
      const rangeBefore = /(\d{4})\s*[-–]\s*$/.exec(s.slice(Math.max(0, yStart - 8), yStart));
      const plausible = (a: number, b: number) => b > a && b - a <= 150;
      if ((rangeAfter && !plausible(year, Number(rangeAfter[1]))) || (rangeBefore && !plausible(Number(rangeBefore[1]), year))) return null;
      if (/^\s*\+/.test(s.slice(yStart + 4, yStart + 7))) return null; // "the 1000+ admins"
      if (/^-\p{L}/u.test(s.slice(yStart + 4, yStart + 6))) return null; // a name or code: "2019-nCoV", "1000-Yard"
      const after = s.slice(yStart + 4, yStart + 40);
      const before = s.slice(Math.max(0, yStart - 25), yStart);
      const prevWord = wordBefore(s, yStart).toLowerCase();
      const nextWord = wordAfter(s, yStart + 4);
      // a count of things, not a year: "2000 people", "1500 troops", "$2019"
      if (/^\s+[a-z]+s\b/.test(after) && !/^\s+(?:as|is|was|has|this|plus|ends|sees|saw|marks|brings|gives|remains|onwards|afterwards)\b/.test(after)
        && !(year >= 1900 && year <= 2099 && (YEAR_BEFORE_PLURAL.has(prevWord) || /\d{4}\s*(?:,|and|or)\s*$/.test(before)))) return null;
      // "a 2000 year old tradition"
      if (/^\s*-?\s*years?\b/i.test(after)) return null;
      if (/^\s*(?:km|kg|m|mi|ft|miles|metres|meters|feet|tons|tonnes|acres|hectares|votes|seats|people|troops|men|women|children|cases|deaths|units|copies|euros|dollars|pounds|yuan|rupees)\b/i.test(after)) return null;
      if (/^\s*-\s*(?:\d|year|strong|page|member|seat|mile|metre|meter)/i.test(after) && !/^\s*[-–]\s*(?:\d{2}|\d{4})\b/.test(after)) return null;
      if (/(?:\b(?:no\.?|number|route|flight|room|code|model|page|pages|p\.|pp\.|article|section|rule|resolution)|#)\s*$/i.test(before)) return null;
      if (/^\s*(?:,\s*)?\d/.test(after) && !/^\s*(?:,|and|or)\s*(?:1[5-9]|20)\d\d\b/.test(after)) return null; // part of a longer figure
      // years far from the present need a cue that they are years
      const recent = year >= 1900 && year <= 2099;
      const yearCue = MONTH_PREPS.has(prevWord) || YEAR_CUES.has(prevWord)
        || /^[’']s\b/.test(after) || /^\s*\)/.test(after) || /\(\s*$/.test(before) || /^\s*,/.test(after) || /^\s*(?:BC|BCE|AD|CE)\b/.test(after)
        || /^\s*[-–]\s*\d{4}\b/.test(after) || /\d{4}\s*[-–]\s*$/.test(before) || (/,\s*$/.test(before) && /^\s*[.;]/.test(after));
      if (!recent && !yearCue) return null;
      if (/^\s*(?:BC|BCE|B\.C\.)/.test(after)) return null;
      if (nextWord && /^(?:hours|GMT|UTC|hrs)$/i.test(nextWord)) return null; // military time "1500 hours"
      // a model number: "RTX 2060", "GTX 1060", "Airbus A320"
      if (/\b[A-Z]{2,}[\s-]$/.test(before) && !/\b(?:AD|CE|BC|BCE|FY)[\s-]$/.test(before) && !recentCue(before)) return null;
      const t: RawTime = { start: m.index, end: yStart + 4, year, from: 'pattern', reading: 'year' };
      if (m[1]) t.mod = m[1].toLowerCase();
      return t;
    },
  },
];

/**
 * A month written without a year takes the year that directly follows it ("December of 384",
 * "May and June in 1981"); "of YYYY" joins the span, "in YYYY" stays a separate expression.
 */
function attachYears(sentence: string, found: RawTime[]): void {
  const months = found.filter((t) => t.from === 'chrono' && t.month !== undefined && t.year === undefined && t.weekday === undefined);
  if (months.length === 0) return;
  months.sort((a, b) => b.start - a.start); // right to left, so coordination passes the year leftwards
  for (const t of months) {
    const rest = sentence.slice(t.end, t.end + 16);
    // "30 September 420": an old year written straight after the day and month
    const bare = t.day !== undefined ? /^\s+(\d{3})\b(?![.,]\d|\s*[%a-z])/.exec(rest) : null;
    if (bare) {
      t.year = Number(bare[1]);
      t.end += bare[0].length;
      t.reading = 'calendar date';
      continue;
    }
    const of = /^,?\s+(of|in)\s+(\d{3,4})\b/.exec(rest);
    if (of) {
      t.year = Number(of[2]);
      if (of[1] === 'of') {
        const year = found.findIndex((y) => y.start === t.end + of[0].length - of[2].length && y.fixed === undefined && y.month === undefined);
        if (year >= 0) found.splice(year, 1);
        t.end += of[0].length;
      }
      t.reading = `calendar date; year from "${of[0].trim()}"`;
      continue;
    }
    const next = found.find((o) => o !== t && o.month !== undefined && o.year !== undefined && o.start > t.end
      && /^\s*(?:and|or|to|through|until|-|–)\s*$/.test(sentence.slice(t.end, o.start)));
    if (next) {
      t.year = next.month !== undefined && t.month! > next.month! ? next.year! - 1 : next.year;
      t.reading = 'calendar date; year from the coordinated date';
    }
  }
}

function recentCue(before: string): boolean {
  return /\b(?:in|since|of|from|by|until|before|after|during)\s+$/i.test(before);
}

/** words before a count or a clock time that TIMEX3 keeps in the expression as its `mod` */
const QUANTIFIERS: Array<[RegExp, string]> = [
  [/(?:^|\s)((?:about|around|approximately|roughly|some|circa|an estimated|almost|nearly)\s+)$/i, 'APPROX'],
  [/(?:^|\s)((?:at least|no less than|not less than)\s+)$/i, 'EQUAL_OR_MORE'],
  [/(?:^|\s)((?:more than|over|upwards of|in excess of|just over|well over)\s+)$/i, 'MORE_THAN'],
  [/(?:^|\s)((?:less than|under|fewer than|just under)\s+)$/i, 'LESS_THAN'],
  [/(?:^|\s)((?:at most|up to|no more than|not more than|a maximum of)\s+)$/i, 'EQUAL_OR_LESS'],
];

/**
 * The words TIMEX3 keeps with an expression that our readings leave outside it: the part of the
 * day after a day ("Friday morning", "the night of June 21"), "early/late today", and the
 * quantifier before a count or clock time ("about three years", "at least 23 hours", "around
 * 3:30am"), which becomes the `mod`.
 */
function widen(sentence: string, t: RawTime): void {
  const dayLike = t.weekday !== undefined && t.month === undefined || (t.day !== undefined && t.month !== undefined) || (t.rel?.unit === 'day' && !t.part);
  if (dayLike && t.hour === undefined && !t.set && !ablated('times.day-parts')) {
    const after = /^\s+(morning|afternoon|evening|night)\b/i.exec(sentence.slice(t.end, t.end + 12));
    // "Saturday Night Live", "Sunday Morning Breakfast": a capitalised part of the day opens a name
    if (after && !/^\p{Lu}/u.test(after[1])) {
      t.part = after[1].toLowerCase();
      t.end += after[0].length;
      (t.rules ??= []).push('times.day-parts');
    } else {
      const before = /\b(?:the\s+)?(morning|afternoon|evening|night)\s+of\s+$/i.exec(sentence.slice(Math.max(0, t.start - 24), t.start));
      if (before) {
        t.part = before[1].toLowerCase();
        t.start -= before[0].length;
        (t.rules ??= []).push('times.day-parts');
      }
    }
  }
  if (t.rel?.unit === 'day' && t.rel.n === 0 && !t.part) {
    const early = /\b(early|late)\s+$/i.exec(sentence.slice(Math.max(0, t.start - 7), t.start));
    if (early) {
      t.mod = early[1].toLowerCase();
      t.start -= early[0].length;
    }
  }
  const counted = (t.fixed !== undefined && /^P(?!AST)/.test(t.fixed) && /\d/.test(t.fixed)) || (t.hour !== undefined && /^\d/.test(sentence.slice(t.start, t.start + 1))) || (t.rel !== undefined && /\bago$/.test(t.reading));
  if (counted && !t.tmod && !ablated('times.quantifiers')) {
    const head = sentence.slice(Math.max(0, t.start - 24), t.start);
    for (const [re, mod] of QUANTIFIERS) {
      const q = re.exec(head);
      if (!q) continue;
      // "over three days" is as often "during" as "more than": only before a number
      if (/^over|^under/i.test(q[1]) && !/^\d/.test(sentence.slice(t.start, t.start + 1))) break;
      t.start -= q[1].length;
      // "more than a year ago" lies before the date it names; "less than …ago" after it
      t.tmod = t.rel ? (mod === 'MORE_THAN' || mod === 'EQUAL_OR_MORE' ? 'BEFORE' : mod === 'APPROX' ? 'APPROX' : 'AFTER') : mod;
      (t.rules ??= []).push('times.quantifiers');
      break;
    }
  }
}

/** A cheap test that a sentence may hold a time expression, so chrono runs only where needed. */
const MAYBE_TIME = /\d|\b(?:now|current|present|lately|future|daily|weekly|monthly|annual|yearly|hourly|nightly|every|each|per|times|once|twice|fiscal|FY|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday|tomorrow|ago|last|next|this|past|recent|year|month|week|day|hour|minute|decade|centur|spring|summer|autumn|fall|winter|morning|afternoon|evening|night|noon|midnight|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|half|christmas|easter|thanksgiving|new year|valentine|halloween|boxing|bastille|quarter)/i;

/**
 * Every time expression the sentence writes, with sentence-relative offsets, overlaps resolved
 * (the longer reading wins; chrono's calendar reading wins a tie).
 */
export function findInSentence(sentence: string, ref: Date): RawTime[] {
  if (!MAYBE_TIME.test(sentence)) return [];
  const found: RawTime[] = [];
  for (const p of PATTERNS) {
    if (!p.hint.test(sentence) || (p.rule && ablated(p.rule))) continue;
    p.re.lastIndex = 0;
    for (let m = p.re.exec(sentence); m; m = p.re.exec(sentence)) {
      if (m[0].length === 0) { p.re.lastIndex++; continue; }
      const t = p.make(m, sentence);
      if (!t || t.end <= t.start) continue;
      if (p.rule) (t.rules ??= []).push(p.rule);
      found.push(t);
    }
  }
  if (/\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|noon|midnight)/i.test(sentence)) {
    found.push(...chronoReadings(sentence, ref));
  }
  attachYears(sentence, found);
  for (const t of found) widen(sentence, t);
  // keep the longest of overlapping readings
  found.sort((a, b) => (b.end - b.start) - (a.end - a.start) || (a.from === 'chrono' ? -1 : 1));
  const kept: RawTime[] = [];
  for (const t of found) {
    if (kept.some((k) => t.start < k.end && k.start < t.end)) continue;
    kept.push(t);
  }
  return kept.sort((a, b) => a.start - b.start);
}
