/**
 * The times rules added for TIMEX3 (issue 15), registered so that each can be switched off and its
 * gain measured (`npm run eval:times -- --set --without times.sets`, or `npm run ablate -- --task
 * times --stage times`); docs/times.md keeps their table. Each rule's code asks `ablated(id)` and,
 * where it changes a reading, records the firing (on the RawTime it widens or makes, which the
 * stage reports with document offsets, or directly).
 */
import { defineRule, type Rule } from '../../rules/registry.js';

const SOURCE = 'src/extract/times';

const rules = {
  'times.refs': defineRule({
    id: 'times.refs', stage: 'times', action: 'label', source: `${SOURCE}/grammar.ts`,
    summary: 'now, currently, recently, the past, the future: PRESENT_REF, PAST_REF, FUTURE_REF',
    fires: ['Prices are rising now, the finance minister warned.', 'In the past, the border crossing was open to traders.'],
    spares: ['The now-defunct party held its congress in Lyon.'],
  }),
  'times.sets': defineRule({
    id: 'times.sets', stage: 'times', action: 'label', source: `${SOURCE}/grammar.ts`,
    summary: 'daily, every day, twice a year, per day: a frequency (TIMEX3 SET)',
    fires: ['The ferry to the island runs twice a week.', 'Relatives gather every day outside the prison gates.'],
    spares: ['She read the letter in the Daily Mail on Monday.'],
  }),
  'times.periods': defineRule({
    id: 'times.periods', stage: 'times', action: 'label', source: `${SOURCE}/grammar.ts`,
    summary: 'halves of a year, fiscal years, the year-ago quarter',
    fires: ['Exports fell sharply in the first half of 2024.', 'The company expects a loss in fiscal 2026.'],
    spares: ['The visitors scored twice in the first half of the match.', 'The fiscal policy of the government was criticised.'],
  }),
  'times.day-parts': defineRule({
    id: 'times.day-parts', stage: 'times', action: 'extend', source: `${SOURCE}/grammar.ts, resolve.ts`,
    summary: 'a part of the day after its day joins it: Friday morning → …TMO',
    fires: ['The shelling began on Friday morning near the river.'],
    spares: ['The shelling began on Friday near the river.'],
  }),
  'times.quantifiers': defineRule({
    id: 'times.quantifiers', stage: 'times', action: 'extend', source: `${SOURCE}/grammar.ts`,
    summary: 'about / at least / more than before a count joins the expression as its mod',
    fires: ['The siege of the town lasted about three years.'],
    spares: ['The siege of the town lasted three years.'],
  }),
  'times.plans': defineRule({
    id: 'times.plans', stage: 'times', action: 'recode', source: `${SOURCE}/tense.ts`,
    summary: 'a date governed by scheduled, planned, postponed … points ahead, whatever the verb\'s tense',
    fires: ['The trial of the two officers has been scheduled for November.'],
    spares: ['The trial of the two officers was held in November.'],
  }),
  'times.quoted-days': defineRule({
    id: 'times.quoted-days', stage: 'times', action: 'recode', source: `${SOURCE}/resolve.ts`,
    summary: '"Today" in quoted speech is the day the narrative says it was spoken, not the publication day',
    fires: ['On February 10, 2025, the minister told parliament: "Today we are asking for a ceasefire."'],
    spares: ['The minister told parliament: "Today we are asking for a ceasefire."'],
  }),
  'times.names': defineRule({
    id: 'times.names', stage: 'times', action: 'veto', source: `${SOURCE}/grammar.ts, src/extract/times.ts`,
    summary: 'a time word written as a name or inside one is no time: USA TODAY, Fox News Sunday',
    fires: ['The governor told USA TODAY that the plan had failed.'],
    spares: ['The governor said today that the plan had failed.'],
  }),
  'times.modal-clause': defineRule({
    id: 'times.modal-clause', stage: 'times', action: 'recode', source: `${SOURCE}/tense.ts`,
    summary: 'the tense of a date\'s clause is read from its modal ("would field questions on Saturday") also when the tagger took the verb for a noun and the parse hung the modal on it',
    fires: ['Officials said the union would field questions on Saturday.'],
    spares: ['Officials said the union fielded questions on Saturday.', 'Officials said the union would meet on Saturday.'],
  }),
} as const satisfies Record<string, Rule>;

export type TimesRule = keyof typeof rules;
export const TIMES_RULES = Object.keys(rules) as TimesRule[];

/** The registered rule. */
export function timesRule(id: TimesRule): Rule {
  return rules[id];
}

/** Whether a rule is switched off for an ablation run. */
export function ablated(id: TimesRule): boolean {
  return !rules[id].enabled;
}
