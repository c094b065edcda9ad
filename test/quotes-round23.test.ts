/**
 * Speakers of the twelfth session's round (quotes23, issue 22: the right speaker), on sentences of our own: a published
 * figure (projections, estimates, a tally, a forecast) speaks for its author, like a statement or a ruling.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotesOf, without } from './support/quote-lines.js';

test('a published figure speaks for its possessor or its by-phrase author', () => {
  const projections = quotesOf('Senator Ana Ruiz won three of the five states, according to Reuters\' projections.');
  assert.equal(projections.find((q) => q.cue === 'according to')?.speaker, 'Reuters');
  const tally = quotesOf('At least 300 people died in the floods, according to a tally by the Associated Press.');
  assert.equal(tally.find((q) => q.cue === 'according to')?.speaker, 'Associated Press');
  // (without the statement-author rule the figure keeps its words)
  const off = without(['quotes.statement-author'], () => quotesOf('Senator Ana Ruiz won three of the five states, according to Reuters\' projections.'));
  assert.notEqual(off.find((q) => q.cue === 'according to')?.speaker, 'Reuters');
});

test('near misses: a figure with no author keeps its words; a person in its prepositional phrase is no author', () => {
  const bare = quotesOf('Unemployment will rise to nine percent next year, according to projections.');
  assert.equal(bare.find((q) => q.cue === 'according to')?.speaker, '~projections');
  const about = quotesOf('Turnout fell sharply, according to estimates about Senator Ana Ruiz\'s district.');
  assert.notEqual(about.find((q) => q.cue === 'according to')?.speaker, 'Ana Ruiz');
});
