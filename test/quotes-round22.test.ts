/**
 * Attributions of the twenty-second round (issue 22, indirect recall), on sentences of our own: verbs of judgement that take
 * a bare object or "of" (liken, discount, disapprove of, stress), with near misses that attribute nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameOf, run } from './helpers.js';

function quotesOf(text: string): { text: string; speaker: string | null; cue?: string }[] {
  const r = run(text);
  return r.quotes.map((q) => ({ text: q.text, speaker: nameOf(r, q.speaker) ?? (q.speaker_text ? `~${q.speaker_text}` : null), cue: q.cue?.text }));
}

test('liken, discount, disapprove of and stress attribute their object', () => {
  const liken = quotesOf('State television likened the new governor to a dictator.').find((q) => q.cue === 'likened');
  assert.ok(liken && /the new governor/.test(liken.text), JSON.stringify(liken));
  const discount = quotesOf('Port officials have discounted those reports.').find((q) => q.cue === 'discounted');
  assert.equal(discount?.text, 'those reports');
  assert.equal(discount?.speaker, '~Port officials');
  const of = quotesOf('Both ministers disapproved of the new tariff.').find((q) => q.cue === 'disapproved');
  assert.ok(of && /the new tariff/.test(of.text), JSON.stringify(of));
  const stress = quotesOf('She also stressed the importance of early treatment.').find((q) => q.cue === 'stressed');
  assert.ok(stress && /the importance of early treatment/.test(stress.text), JSON.stringify(stress));
});

test('near misses: "disapprove" with nothing after it, and a cue it is not', () => {
  // the frame is "of": with no object there is nothing to attribute
  assert.equal(quotesOf('Both ministers disapproved, and the vote was delayed.').some((q) => q.cue === 'disapproved'), false);
  // "approve" is no cue
  assert.equal(quotesOf('The committee approved the new tariff on Monday.').length, 0);
});
