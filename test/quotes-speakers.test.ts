/**
 * Speakers of pronouns and descriptions (issue 22, fourth round): what a pronoun speaker may stand
 * for when coreference leaves it alone. Sentences of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameOf, run } from './helpers.js';

test('a "they" speaker with no agreeing subject in its sentence or the one before stays empty, not the body named further back', () => {
  const r = run('The Red Cross said the convoy was attacked on Monday. The drivers had left the depot at dawn. The road was closed for hours. They said two drivers were hurt.');
  const first = r.quotes.find((x) => x.text.includes('convoy was attacked'));
  assert.ok(first);
  assert.equal(nameOf(r, first.speaker), 'Red Cross');
  const q = r.quotes.find((x) => x.text.includes('two drivers were hurt'));
  assert.ok(q);
  assert.equal(q.speaker, null);
  assert.equal(q.speaker_text, undefined);
});

test('a "they" speaker still takes the agreeing subject of the sentence before', () => {
  const r = run('The Red Cross said the convoy was attacked on Monday. Aid agencies reported the road closed. They said two drivers were hurt.');
  const q = r.quotes.find((x) => x.text.includes('two drivers were hurt'));
  assert.ok(q);
  assert.equal(q.speaker_text, 'Aid agencies');
});

test('he and she speakers still fall back to the latest person who agrees', () => {
  const r = run('Jordan Lee met Mrs Clara Dunn at the station on Monday. She said the trains would run again by Friday.');
  const q = r.quotes.find((x) => x.text.includes('trains would run'));
  assert.ok(q);
  assert.equal(nameOf(r, q.speaker), 'Clara Dunn');
});
