/**
 * The sixteenth session's second round (quotes29, issue 22): a reporting clause set off by commas inside what it reports
 * ("The fire, officials said, spread …"), on sentences of our own, each with its near miss.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotesOf, without } from './support/quote-lines.js';

const RULE = 'quotes.parenthetical-cue';

test('a cue with its subject between two commas reports the sentence around it (quotes.parenthetical-cue)', () => {
  const cases: [string, string][] = [
    ['The fire, officials said, spread quickly through the warehouse on Tuesday.', 'The fire, officials said, spread quickly through the warehouse on Tuesday'],
    ['Rents will rise, the housing minister warned, unless more homes are built.', 'Rents will rise, the housing minister warned, unless more homes are built'],
    ['The ferry left on time; about 40 tonnes of grain, the port authority said, were lost overboard.', 'about 40 tonnes of grain, the port authority said, were lost overboard'],
  ];
  for (const [text, want] of cases) {
    const on = quotesOf(text);
    assert.ok(on.some((q) => q.text === want), JSON.stringify(on));
    const off = without([RULE], () => quotesOf(text));
    assert.ok(!off.some((q) => q.text === want), JSON.stringify(off));
  }
});

test('near misses: a relative clause, a cue with its own clause, a trailing cue, a new clause after ", and", a quotation', () => {
  const same = (text: string) => assert.deepEqual(quotesOf(text), without([RULE], () => quotesOf(text)), text);
  same('The minister, who said the plan would fail, resigned on Tuesday.');
  same('In Lagos, officials said the fire spread quickly through the warehouse.');
  same('The fire destroyed the old warehouse, officials said, with four workers injured.');
  same('The plant will stay open for years, the director said, and the loan will be repaid by 2030.');
  same('The fire, officials said, was "under control" by the evening.');
});
