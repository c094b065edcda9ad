/**
 * Speakers of the eighteenth round (issue 22): a name after an inverted cue behind role words, and a person named
 * behind a title inside a prepositional phrase of the source — on sentences of our own, each with its rule off.
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

test('"…," said ROLE WORDS NAME of ORG: the name, not the role words the parse made the subject or object', () => {
  const lipo = 'Researchers mapped the wells of the island. "The statues stand where the water is," said study co-author Professor Tom Hale of Brookfield University.';
  assert.equal(speakerOf(lipo, 'statues stand'), 'Tom Hale');
  assert.equal(without(['quotes.inverted-name'], () => speakerOf(lipo, 'statues stand')), '~study co-author');
  const ruiz = 'Astronomers found water on the planet. "This is the best candidate," said lead author Professor Ana Ruiz of the University of Leeds.';
  assert.equal(speakerOf(ruiz, 'best candidate'), 'Ana Ruiz');
  assert.equal(without(['quotes.inverted-name'], () => speakerOf(ruiz, 'best candidate')), null);
});

test('near misses after an inverted cue: a possessor and a name behind a preposition are not the speaker', () => {
  assert.equal(speakerOf('The talks ended. "This is over," said Ana Ruiz\'s spokesman Tom Berg.', 'This is over'), 'Tom Berg');
  assert.notEqual(speakerOf('The talks ended. "This is over," said a lawyer for Ana Ruiz of the Harbour Union.', 'This is over'), 'Ana Ruiz');
});

test('a person named behind a title inside the source\'s prepositional phrase is not the speaker', () => {
  const text = 'The union called a strike on Monday. A spokesman for President Ana Ruiz said the talks were over.';
  assert.equal(speakerOf(text, 'talks were over'), '~A spokesman for President Ana Ruiz');
  assert.equal(without(['quotes.title-after-preposition'], () => speakerOf(text, 'talks were over')), 'Ana Ruiz');
  // a title with "of" in it is one title: the person is the speaker
  assert.match(speakerOf('The union called a strike on Monday. Secretary of State Ana Ruiz said the talks were over.', 'talks were over') ?? '', /^(?!~).*Ana Ruiz$/);
});
