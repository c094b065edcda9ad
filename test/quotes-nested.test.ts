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
