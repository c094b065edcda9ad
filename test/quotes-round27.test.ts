/**
 * The fifteenth session's second round (quotes27, issue 22): a description named by the head word of an organisation's name,
 * on sentences of our own (invented bodies), each with its near miss.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotesOf, without } from './support/quote-lines.js';

const guild = 'Several unions, among them the Harbour Guild of Pilots, backed the strike on Monday. The guild said that ships were already waiting outside the port.';

test('a definite description whose head noun is the head word of one name before it is that body (quotes.description-name-head)', () => {
  const on = quotesOf(guild);
  const q = on.find((x) => x.text === 'ships were already waiting outside the port');
  assert.ok(q && /Harbour Guild of Pilots/.test(q.speaker ?? ''), JSON.stringify(on));
  const off = without(['quotes.description-name-head'], () => quotesOf(guild));
  assert.equal(off.find((x) => x.text === 'ships were already waiting outside the port')?.speaker, '~The guild', JSON.stringify(off));
});

test('near misses: two names with that head word, a name written after the description, a plural description', () => {
  // (two: the rule leaves the choice to the rest of the stage — coreference picks here — and changes nothing)
  const both = 'The Harbour Guild of Pilots and the River Guild of Boatmen backed the strike on Monday. The guild said that ships were already waiting outside the port.';
  const two = quotesOf(both);
  assert.deepEqual(two, without(['quotes.description-name-head'], () => quotesOf(both)));
  assert.ok(!/Harbour Guild/.test(two.find((x) => x.text === 'ships were already waiting outside the port')?.speaker ?? ''), JSON.stringify(two));
  const after = quotesOf('The guild said that ships were already waiting outside the port. The strike was backed by the Harbour Guild of Pilots on Monday.');
  assert.equal(after.find((x) => x.text === 'ships were already waiting outside the port')?.speaker, '~The guild', JSON.stringify(after));
  const plural = quotesOf('Several unions, among them the Harbour Guild of Pilots, backed the strike on Monday. The guilds said that ships were already waiting outside the port.');
  assert.ok(!/Harbour Guild/.test(plural.find((x) => x.text === 'ships were already waiting outside the port')?.speaker ?? ''), JSON.stringify(plural));
});
