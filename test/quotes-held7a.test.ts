/**
 * Speakers of the eighteenth round from held7 half A's constructions (issue 22), on sentences of our own: a name the
 * tagger broke with a verb, "they" after a conjoined clause, a participle the parse hung on a thing. Each with its rule off.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameOf, run } from './helpers.js';
import { withoutRules } from '../src/rules/registry.js';

function speakerOf(text: string, content: string): string | null {
  const r = run(text);
  const q = r.quotes.find((x) => x.text.includes(content));
  assert.ok(q, `no quote with "${content}"`);
  return nameOf(r, q.speaker) ?? (q.speaker_text ? `~${q.speaker_text}` : null);
}

function without<T>(ids: string[], f: () => T): T {
  const restore = withoutRules([...ids, 'quotes.speaker-fill']);
  try { return f(); } finally { restore(); }
}

test('a name broken by a verb tag ("Human Rights Watch have called for") is the subject of the cue, and "they" after it', () => {
  const text = 'The army said a jet had hit the camp by mistake.\n\nHuman Rights Watch have called for an inquiry into the strike. They say the army is to blame.';
  assert.equal(speakerOf(text, 'army is to blame'), 'Human Rights Watch');
  assert.equal(without(['quotes.split-name'], () => speakerOf(text, 'army is to blame')), null);
  // the cue itself is found only with the name mended (the broken word made it a passive)
  assert.ok(run(text).quotes.some((q) => q.cue?.text === 'called'));
  const restore = withoutRules(['quotes.split-name']);
  try { assert.ok(!run(text).quotes.some((q) => q.cue?.text === 'called')); } finally { restore(); }
});

test('"they" after a sentence ending on a conjoined clause with its own subject: that nearer subject', () => {
  const text = 'The strike hit a camp near the border. Some aid groups have suggested the strike was a crime, and the Harbour Rights Council is urging an independent probe. They say twenty tents were destroyed.';
  assert.equal(speakerOf(text, 'twenty tents'), 'Harbour Rights Council');
  assert.equal(without(['quotes.last-conjunct-subject'], () => speakerOf(text, 'twenty tents')), '~Some aid groups');
  // a conjoined clause whose subject cannot be "they" leaves the main subject
  const near = 'The strike hit a camp near the border. Some aid groups have suggested the strike was a crime, and the probe is expected to take a year. They say twenty tents were destroyed.';
  assert.equal(speakerOf(near, 'twenty tents'), '~Some aid groups');
});

test('a participle the parse hung on a thing inside a clause belongs to the clause above: its speaking subject', () => {
  const text = 'On Monday, Ana Ruiz stood by the claim that the trucks were mobile labs, saying "It is what we think it is".';
  assert.equal(speakerOf(text, 'what we think'), 'Ana Ruiz');
  assert.equal(without(['quotes.participle-on-thing'], () => speakerOf(text, 'what we think')), '~mobile labs');
  // a participle on people is theirs
  assert.equal(speakerOf('On Monday, Ana Ruiz met a group of protesters saying "It is what we think it is".', 'what we think'), '~protesters');
});
