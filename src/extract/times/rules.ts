/**
 * Switches for the times rules added for TIMEX3 (issue 15), so that each can be ablated and its
 * gain measured: CHRONICLE_ABLATE=times.sets,times.refs npm run eval:times -- --set. When the
 * shared rule registry lands these names move there (docs/times.md keeps the table).
 */
export const TIMES_RULES = [
  'times.refs', // now, currently, recently, the past, the future → PRESENT_REF / PAST_REF / FUTURE_REF
  'times.sets', // daily, every day, twice a year, per day → SET
  'times.periods', // halves, fiscal years, the year-ago quarter, adjectival quarters
  'times.day-parts', // Friday morning → …TMO
  'times.quantifiers', // about / at least / more than … → mod, inside the extent
  'times.plans', // "has been scheduled for November" points ahead
  'times.quoted-days', // "Today" in quoted speech is the day it was spoken
  'times.names', // USA TODAY, Fox News Sunday, the charity Tuesday's Child
] as const;
export type TimesRule = (typeof TIMES_RULES)[number];

let off: Set<string> | null = null;

/** Whether a rule is switched off for an ablation run. */
export function ablated(rule: TimesRule): boolean {
  off ??= new Set((process.env.CHRONICLE_ABLATE ?? '').split(',').map((s) => s.trim()).filter(Boolean));
  return off.has(rule);
}
