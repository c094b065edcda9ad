/**
 * Calendar arithmetic on plain UTC day numbers and TIMEX3 value formatting. Dates are kept as
 * {year, month, day} triples; no time zones are involved because news dates are calendar days.
 */
import { list } from '../../lexicon/index.js';

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a calendar date (UTC, proleptic Gregorian). */
export function dayNumber(d: Ymd): number {
  return Math.floor(Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY);
}

export function fromDayNumber(n: number): Ymd {
  const dt = new Date(n * MS_PER_DAY);
  return { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday (as Date.getUTCDay). */
export function weekdayOf(d: Ymd): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

export function addDays(d: Ymd, n: number): Ymd {
  return fromDayNumber(dayNumber(d) + n);
}

/** Adds months, clamping the day to the target month's length. */
export function addMonths(d: Ymd, n: number): Ymd {
  const total = d.year * 12 + (d.month - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12 + 12) % 12 + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** ISO 8601 week: the week (Monday–Sunday) holding the date, numbered within its ISO year. */
export function isoWeek(d: Ymd): { year: number; week: number } {
  const n = dayNumber(d);
  const wd = (weekdayOf(d) + 6) % 7; // Monday = 0
  const thursday = fromDayNumber(n - wd + 3);
  const jan1 = dayNumber({ year: thursday.year, month: 1, day: 1 });
  return { year: thursday.year, week: Math.floor((dayNumber(thursday) - jan1) / 7) + 1 };
}

const pad = (n: number, w = 2): string => String(Math.abs(n)).padStart(w, '0');

export function fmtYear(y: number): string {
  return y < 0 ? `-${pad(y, 4)}` : pad(y, 4);
}
export function fmtMonth(y: number, m: number): string {
  return `${fmtYear(y)}-${pad(m)}`;
}
export function fmtDay(d: Ymd): string {
  return `${fmtYear(d.year)}-${pad(d.month)}-${pad(d.day)}`;
}
export function fmtWeek(d: Ymd): string {
  const w = isoWeek(d);
  return `${fmtYear(w.year)}-W${pad(w.week)}`;
}

/** Parses YYYY-MM-DD (the `published` field); null when absent or malformed. */
export function parseIsoDay(s: string | null | undefined): Ymd | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return null;
  const d = { year: +m[1], month: +m[2], day: +m[3] };
  return isValidDate(d.year, d.month, d.day) ? d : null;
}

/** Months between two dates (fractional, absolute). */
export function monthsApart(a: Ymd, b: Ymd): number {
  return Math.abs(dayNumber(a) - dayNumber(b)) / 30.44;
}

/** Weekday names by JavaScript's day number (Sunday 0) and month names by month number less one. */
export const WEEKDAY_NAMES: readonly string[] = list('calendar', { class: 'weekday' });
export const MONTH_NAMES: readonly string[] = list('calendar', { class: 'month' });
