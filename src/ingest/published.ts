/**
 * The publication date of a page, chosen from every place that states one: JSON-LD, meta tags,
 * microdata, <time> elements, the URL path (/2019/11/19/) and the text's own dateline. Each
 * candidate is checked (a real calendar day, not before 1900, not after the time of ingest, not
 * a placeholder such as 0001-01-01 or 1970-01-01); where the survivors disagree, the day most
 * sources agree on wins, and between equals the source that speaks for the article itself
 * (JSON-LD and article meta tags) beats the page around it. The chosen source is recorded
 * (`published_source` in the result), so a reader can see why a document is dated as it is.
 */
// English only: the package's index also loads every other locale (3× the start-up cost)
import * as chrono from 'chrono-node/en';
import type { ParsedResult } from 'chrono-node';

export type PublishedSource = 'input' | 'json-ld' | 'meta' | 'microdata' | 'time' | 'url' | 'dateline' | 'feed';

export interface DateCandidate {
  /** YYYY-MM-DD */
  day: string;
  source: PublishedSource;
  /** the text the day was read from, for evidence */
  raw: string;
}

export interface PublishedChoice {
  published: string | null;
  source: PublishedSource | null;
  /** candidates set aside, with why */
  rejected: Array<{ raw: string; source: PublishedSource; why: string }>;
}

/** Days that content systems write when they have no date. */
const PLACEHOLDER_DAYS = new Set(['0001-01-01', '1970-01-01', '1900-01-01', '1899-12-30', '1899-12-31', '9999-12-31']);
const EARLIEST = '1900-01-01';
/** a page dated a little after ingest is a time-zone matter (a UTC+14 publisher), not a false date */
const CLOCK_SLACK_MS = 36 * 3600_000;

/** Null when `day` (YYYY-MM-DD) can be a publication date at `ingestTime`, else why not. */
export function untrustedBecause(day: string, ingestTime: number = Date.now()): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return 'not a YYYY-MM-DD date';
  if (PLACEHOLDER_DAYS.has(day)) return 'a placeholder date';
  if (day < EARLIEST) return 'before 1900';
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || mo > 12 || dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return 'not a calendar day';
  if (dt.getTime() > ingestTime + CLOCK_SLACK_MS) return 'after the time of ingest';
  return null;
}

/** The day if it can be a publication date at `ingestTime`, else null. */
export function trustedDay(day: string | null | undefined, ingestTime: number = Date.now()): string | null {
  if (!day) return null;
  const d = day.slice(0, 10);
  return untrustedBecause(d, ingestTime) === null ? d : null;
}

const MONTHS: Record<string, number> = Object.assign(Object.create(null), { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 });
const pad = (n: number) => String(n).padStart(2, '0');

/** A date in a URL path: /2019/11/19/, /2019-11-19-, /20191119/, /2019/nov/19/. */
export function urlDate(url: string | null | undefined): DateCandidate | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  const m = /(?:^|[/_-])((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[/_-](0?[1-9]|[12]\d|3[01])(?=$|[/_.-])/i.exec(path)
    ?? /(?:^|\/)((?:19|20)\d{2})(0[1-9]|1[0-2])([0-2]\d|3[01])(?=$|\/|[_.-])/.exec(path);
  if (!m) return null;
  const month = /^\d+$/.test(m[2]) ? Number(m[2]) : MONTHS[m[2].slice(0, 3).toLowerCase()];
  return { day: `${m[1]}-${pad(month)}-${pad(Number(m[3]))}`, source: 'url', raw: m[0].replace(/^[/_-]/, '') };
}

/**
 * The dateline the text opens with: a full date in its first lines ("Friday, July 21, 2017",
 * "LONDON, Feb. 16, 2025 (Reuters) —", "Published 19 November 2019"), on a line of its own or
 * opening the first paragraph. A full date deeper in the text (a birth date) is no dateline.
 */
export function datelineDate(text: string): DateCandidate | null {
  const head = text.slice(0, 400);
  const lines = head.split('\n').slice(0, 4);
  for (const line of lines) {
    const l = line.trim();
    if (!l) continue;
    let parsed: ParsedResult[];
    try {
      parsed = chrono.parse(l.slice(0, 120));
    } catch {
      continue;
    }
    const r = parsed[0];
    if (!r || !r.start.isCertain('year') || !r.start.isCertain('month') || !r.start.isCertain('day')) continue;
    // what the line says besides the date: a place, "Published", "Updated at 10:00 GMT"
    const rest = (l.slice(0, r.index) + ' ' + l.slice(r.index + r.text.length)).split(/[^\p{L}]+/u)
      .filter((w) => w && !/^(?:published|updated|posted|last|modified|on|at|am|pm|utc|gmt|[ecmp][sd]t|bst|by|first)$/i.test(w));
    const opensStory = r.index <= 40 && /^\s*(?:\([^)]{1,30}\)\s*)?[—–-]/.test(l.slice(r.index + r.text.length, r.index + r.text.length + 40));
    const ownLine = rest.length <= 3 && rest.join('').length <= 25;
    if (!ownLine && !opensStory) continue;
    const day = `${r.start.get('year')}-${pad(r.start.get('month') ?? 0)}-${pad(r.start.get('day') ?? 0)}`;
    return { day, source: 'dateline', raw: r.text };
  }
  return null;
}

/** How much a source speaks for the article's own publication (ties are broken by it). */
const WEIGHT: Record<PublishedSource, number> = { input: 5, 'json-ld': 3, meta: 3, feed: 3, microdata: 2.5, url: 2, dateline: 2, time: 1.5 };

/**
 * Chooses the publication date from the candidates: impossible ones are set aside; the day with
 * the most weight of agreeing sources wins (two sources that agree beat one that stands alone).
 */
export function choosePublished(candidates: readonly DateCandidate[], ingestTime: number = Date.now()): PublishedChoice {
  const rejected: PublishedChoice['rejected'] = [];
  const byDay = new Map<string, { weight: number; best: DateCandidate }>();
  for (const c of candidates) {
    const why = untrustedBecause(c.day, ingestTime);
    if (why) { rejected.push({ raw: c.raw, source: c.source, why }); continue; }
    const e = byDay.get(c.day);
    if (!e) byDay.set(c.day, { weight: WEIGHT[c.source], best: c });
    else {
      e.weight += WEIGHT[c.source];
      if (WEIGHT[c.source] > WEIGHT[e.best.source]) e.best = c;
    }
  }
  let win: { weight: number; best: DateCandidate } | null = null;
  for (const e of byDay.values()) {
    if (!win || e.weight > win.weight || (e.weight === win.weight && WEIGHT[e.best.source] > WEIGHT[win.best.source])) win = e;
  }
  if (!win) return { published: null, source: null, rejected };
  for (const [day, e] of byDay) if (e !== win) rejected.push({ raw: e.best.raw, source: e.best.source, why: `outweighed by ${win.best.source} ${win.best.day} (${day})` });
  return { published: win.best.day, source: win.best.source, rejected };
}
