/**
 * Attributions of the twenty-first round (issue 22, indirect recall), on sentences of our own: a cue heading a relative
 * clause whose object is the noun it modifies ("…, a charge the mayor denied") attributes that noun phrase, not the
 * clause before it; checked with its rule off and with near misses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotesOf, without } from './support/quote-lines.js';

test('a cue in a relative clause with the noun as its object attributes the noun phrase', () => {
  const text = 'Residents accused the council of hiding the report, a charge the council denied.';
  const denied = quotesOf(text).find((q) => q.cue === 'denied');
  assert.equal(denied?.text, 'a charge');
  assert.equal(denied?.speaker, '~the council');
  // with "that" opening the relative clause
  const that = quotesOf('Critics said the port had been sold too cheaply, an accusation that the minister denied last week.').find((q) => q.cue === 'denied');
  assert.equal(that?.text, 'an accusation');
  // without the rule, the clause before the noun was read as the denial's content
  const before = without(['quotes.relative-gap-object'], () => quotesOf(text).find((q) => q.cue === 'denied'));
  assert.notEqual(before?.text, 'a charge');
});

test('near misses: a relative pronoun subject, or a relative clause with an object of its own, has no gap', () => {
  // the firm is the one who denied: its object is "any wrongdoing"
  const firm = quotesOf('Residents accused the council of hiding the report, and named a firm which denied any wrongdoing.').find((q) => q.cue === 'denied');
  assert.notEqual(firm?.text, 'a firm');
  // the relative clause reports a clause of its own
  const clause = quotesOf('She cited a study the ministry announced that prices would fall.').find((q) => q.cue === 'announced');
  assert.notEqual(clause?.text, 'a study');
  // a cue that takes no object ("said") leaves the noun alone
  assert.equal(quotesOf('It was a plan the mayor said on Monday.').some((q) => q.text === 'a plan'), false);
});

test('"charge X of Y" is an accusation; a price or an indictment is none', () => {
  const q = quotesOf('The opposition charged the minister of lying to parliament.').find((x) => x.cue === 'charged');
  assert.equal(q?.text, 'the minister of lying to parliament');
  assert.equal(q?.speaker, '~The opposition');
  assert.equal(quotesOf('The shop charged customers five dollars for a bag.').length, 0);
  assert.equal(quotesOf('The man was charged with murder on Friday.').length, 0);
});
