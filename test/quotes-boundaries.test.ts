/**
 * Clause boundaries a speaker never crosses (issue 22, eighteenth session, quotes2), on sentences of our own (invented
 * places and people), each checked with its rule off and with a near miss.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameOf, run } from './helpers.js';
import { withoutRules } from '../src/rules/registry.js';

function attributions(text: string): { cue: string | undefined; speaker: string | null; words: string | null | undefined; content: string }[] {
  const r = run(text);
  return r.quotes.map((q) => ({ cue: q.cue?.text, speaker: nameOf(r, q.speaker), words: q.speaker_text, content: q.text }));
}

function without<T>(ids: string[], f: () => T): T {
  const restore = withoutRules(ids);
  try { return f(); } finally { restore(); }
}

test('quotes.semicolon-subject: the subject of a clause closed by a semicolon is not the speaker of the cue after it', () => {
  const text = 'The flood hit the town of Varna on Sunday. The number of injured is now 12; reports from residents suggest that more people are trapped in the old quarter.';
  const on = attributions(text).find((a) => a.cue === 'suggest');
  assert.ok(on, 'the attribution of "suggest" is found');
  assert.equal(on.speaker, null);
  assert.equal(on.words, 'reports from residents');
  const off = without(['quotes.semicolon-subject'], () => attributions(text).find((a) => a.cue === 'suggest'));
  assert.ok(off);
  assert.notEqual(off.words, 'reports from residents', 'without the rule the subject reaches across the semicolon');
});

test('quotes.semicolon-subject near miss: subjects listed with semicolons keep their verb', () => {
  const text = 'Ana Ruiz, of Lyon; and Tom Blake, of Leeds, said the talks had failed.';
  const on = attributions(text);
  const off = without(['quotes.semicolon-subject'], () => attributions(text));
  assert.deepEqual(on, off);
  assert.equal(on.find((a) => a.cue === 'said')?.speaker, 'Tom Blake');
});

test('quotes.addressee-to: "speaking to state television" is the one spoken to, and "state" no cue', () => {
  const text = 'According to Defence Minister Ali Reza, speaking to state television, the army will withdraw from the border by Friday.';
  const on = attributions(text);
  assert.deepEqual(on.map((a) => a.cue), ['According to']);
  assert.equal(on[0].speaker, 'Ali Reza');
  const off = without(['quotes.addressee-to'], () => attributions(text));
  assert.ok(off.some((a) => a.cue === 'state'), 'without the rule the tagger\'s infinitive is a cue');
});

test('quotes.addressee-to near miss: a purpose infinitive with its own object phrase keeps its cue', () => {
  const text = 'The minister spoke to state his case before the vote.';
  const on = attributions(text);
  assert.ok(on.some((a) => a.cue === 'state' && a.content === 'his case'));
  assert.deepEqual(on, without(['quotes.addressee-to'], () => attributions(text)));
});
