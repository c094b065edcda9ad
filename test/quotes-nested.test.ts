/**
 * Speakers of nested and described attributions (issue 22, tenth round). Sentences of our own; each
 * mechanism is also checked with its rule switched off, so the test cannot pass without it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, nameOf } from './helpers.js';
import { withoutRules } from '../src/rules/registry.js';

/** The speaker's name (or words) of the first quote opening on `words`. */
function speakerOf(r: ReturnType<typeof run>, words: string): string | null | undefined {
  const q = r.quotes.find((x) => x.text.startsWith(words));
  if (!q) return undefined;
  return q.speaker ? nameOf(r, q.speaker) : q.speaker_text ?? '';
}

function without<T>(rule: string, f: () => T): T {
  const restore = withoutRules([rule]);
  try { return f(); } finally { restore(); }
}

test('"quoted X as saying", "cited X as stating": the object says it, not the subject', () => {
  const direct = 'The Daily Courier quoted Ana Ruiz as saying "the cranes will not move until Monday."';
  assert.equal(speakerOf(run(direct), 'the cranes will not move'), 'Ana Ruiz');
  assert.equal(without('quotes.quoted-as-saying', () => speakerOf(run(direct), 'the cranes will not move')), 'Daily Courier');
  const indirect = 'Radio Sur cited the port authority as stating that the cranes would not move until Monday.';
  assert.equal(speakerOf(run(indirect), 'the cranes would not move'), 'the port authority');
  assert.equal(without('quotes.quoted-as-saying', () => speakerOf(run(indirect), 'the cranes would not move')), 'Radio Sur');
  // an apposition on the object: the name it describes
  assert.equal(speakerOf(run('Local radio quoted Tomas Berg, a former mayor of the town, as saying "nobody warned us."'), 'nobody warned us'), 'Tomas Berg');
  // no "as": the participle is the subject's ("…, saying")
  assert.equal(speakerOf(run('The Daily Courier interviewed Ana Ruiz, the harbour master, saying "the cranes will not move until Monday."'), 'the cranes will not move'), 'Daily Courier');
});

test('a gerund after a quotation has no inverted subject: "…", recalling their first meeting', () => {
  const r = run('Director Lena Hall wrote of the actor, "I knew then that he was special", recalling their first rehearsal. "He was patient. Generous. Always learning."');
  assert.equal(speakerOf(r, 'I knew then'), 'Lena Hall');
  // the quotation after it runs on with the same speaker
  assert.equal(speakerOf(r, 'He was patient'), 'Lena Hall');
});

test('a document noun modifying a role noun is not the head: "study co-author Ted Berg"', () => {
  const r = run('"The ice is thinning from below," said study co-author Tomas Berg of the Polar Institute. "In a few decades it will be gone."');
  assert.equal(speakerOf(r, 'The ice is thinning'), 'Tomas Berg');
  assert.equal(speakerOf(r, 'In a few decades'), 'Tomas Berg');
});

test('a quotation with no cue continues a described speaker as its words', () => {
  const r = run('"The water is rising fast," a senior official in the ministry said. "We expect the worst by Monday."');
  assert.equal(speakerOf(r, 'We expect the worst'), 'a senior official in the ministry');
  assert.equal(without('quotes.continues-speaker', () => speakerOf(run('"The water is rising fast," a senior official in the ministry said. "We expect the worst by Monday."'), 'We expect the worst')), '');
});

test('"X issued a statement: "…"": the quotation is said by the subject of the verb the statement noun hangs on', () => {
  const text = 'Mayor Ana Ruiz spoke to reporters on Monday. Later, harbour master Tomas Berg issued a statement: "The cranes will not move until the strike is over."';
  assert.equal(speakerOf(run(text), 'The cranes will not move'), 'Tomas Berg');
  assert.notEqual(without('quotes.statement-colon', () => speakerOf(run(text), 'The cranes will not move')), 'Tomas Berg');
  // no statement noun before the colon: no speaker from it
  assert.notEqual(speakerOf(run('Mayor Ana Ruiz spoke to reporters on Monday. Later, harbour master Tomas Berg issued new rules: "The cranes will not move until the strike is over."'), 'The cranes will not move'), 'Tomas Berg');
});

test('"…, with local radio reporting …": the absolute construction names its own speaker', () => {
  const text = 'Two bridges were closed on Monday, with local radio reporting that the river was still rising.';
  assert.equal(speakerOf(run(text), 'the river was still rising'), 'local radio');
  assert.equal(without('quotes.with-absolute', () => speakerOf(run(text), 'the river was still rising')), 'Two bridges');
});

test('a date after the source is an adjunct, not part of its words; "the government of X" speaks for X', () => {
  const text = 'The port authority on Tuesday said the cranes would not move.';
  assert.equal(speakerOf(run(text), 'the cranes would not move'), 'The port authority');
  assert.equal(without('quotes.time-adjunct', () => speakerOf(run(text), 'the cranes would not move')), 'The port authority on Tuesday');
  const state = 'Malawi held elections in May. The government of Malawi on Tuesday announced that the vote would be repeated.';
  assert.equal(speakerOf(run(state), 'the vote would be repeated'), 'Malawi');
  assert.equal(without('quotes.state-voice', () => speakerOf(run(state), 'the vote would be repeated')), 'The government of Malawi');
});

test('"…\'s director, Dr. Ana Ruiz, said": the person named in apposition after a role noun, however the parse hung it', () => {
  const text = 'The European Agency for Safety and Health at Work\'s director, Dr. Ana Ruiz, said of the report, "it is going to get worse."';
  assert.equal(speakerOf(run(text), 'it is going to get worse'), 'Ana Ruiz');
  assert.notEqual(without('quotes.role-apposition', () => speakerOf(run(text), 'it is going to get worse')), 'Ana Ruiz');
});
