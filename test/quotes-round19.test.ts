/**
 * Attributions of the nineteenth round (issue 22), on sentences of our own: "X to do Y" cues whose infinitive the parse
 * hung on the object or on the cue as an adverbial clause, and the reporting verbs the lexicon gained; each checked with
 * its rule off and with near misses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameOf, run } from './helpers.js';
import { withoutRules } from '../src/rules/registry.js';

const RULE = 'quotes.object-infinitive';

function attribution(text: string, words: string): { content: string; speaker: string | null; kind: string } | null {
  const r = run(text);
  const q = r.quotes.find((x) => x.text.includes(words));
  return q ? { content: q.text, speaker: nameOf(r, q.speaker) ?? (q.speaker_text ? `~${q.speaker_text}` : null), kind: q.kind } : null;
}

function without<T>(ids: string[], f: () => T): T {
  const restore = withoutRules([...ids, 'quotes.speaker-fill']);
  try { return f(); } finally { restore(); }
}

test('"asked X to Y" with the infinitive hung on the object attributes the object and the infinitive', () => {
  const text = 'Governor Lena Okafor asked the Harbour Council to help the flooded families.';
  const a = attribution(text, 'to help the flooded families');
  assert.ok(a, 'found');
  assert.match(a.content, /^the Harbour Council to help the flooded families/);
  assert.equal(a.speaker, 'Lena Okafor');
  assert.equal(a.kind, 'indirect');
  assert.equal(without([RULE], () => attribution(text, 'to help the flooded families')), null);
});

test('"urged X to Y" with the infinitive hung on the cue, and "warned X to Y" with an addressee, attribute the infinitive too', () => {
  const urged = attribution('The union urged its members to return to work.', 'to return to work');
  assert.ok(urged, 'urged: found with the infinitive');
  assert.match(urged.content, /its members to return to work/);
  const warned = attribution('Police in Tarvik warned the driver to stop.', 'to stop');
  assert.ok(warned, 'warned: found');
  assert.match(warned.content, /the driver to stop/);
  // without the rule "urged" keeps only its bare object
  const off = without([RULE], () => attribution('The union urged its members to return to work.', 'its members'));
  assert.ok(off && !off.content.includes('to return'));
});

test('near misses: a verb that takes no "X to Y", a noun with an infinitive, an addressee with a clause', () => {
  assert.equal(attribution('Governor Lena Okafor thanked the Harbour Council to help the flooded families.', 'flooded families'), null);
  assert.equal(attribution('The mayor has a plan to help the flooded families.', 'flooded families'), null);
  const clause = attribution('Police warned residents that the coast road was closed.', 'coast road');
  assert.ok(clause);
  assert.equal(clause.content, 'the coast road was closed');
});

test('reporting verbs the lexicon gained: a bare object of "promise", "apologized for", "forecast" with a clause', () => {
  const promised = attribution('The Harbour Council promised a new bridge by the spring.', 'new bridge');
  assert.match(promised?.content ?? '', /^a new bridge/);
  assert.match(promised?.speaker ?? '', /Harbour Council/);
  assert.match(attribution('Minister Tomas Berg apologized for the delays at the border.', 'the delays')?.content ?? '', /^for the delays/);
  assert.equal(attribution('Economists at the central bank forecast that growth would slow next year.', 'growth would slow')?.kind, 'indirect');
  // a promise no one spoke: "promise" as a noun attributes nothing
  assert.equal(attribution('The promise of a new bridge pleased the town.', 'new bridge'), null);
});
