/**
 * The eighteenth session (quotescue, issue 22): speakers from the structure of attribution — the subject of a gerund
 * cue after "despite"/"amid"/"without", and a reported clause the parse hung above its cue — on sentences of our own,
 * each checked with its rule off, with near misses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotesOf, without } from './support/quote-lines.js';

type Q = ReturnType<typeof quotesOf>[number];
const byCue = (qs: Q[], cue: string): Q | undefined => qs.find((q) => q.cue === cue);

test('a gerund cue after "despite", "amid" or "without" and a noun phrase is said by that phrase (quotes.preposition-absolute)', () => {
  const cases: [string, string, string][] = [
    ['The port authority says it found no fault in the cranes despite the dockers union claiming that two of them had failed.', 'claiming', '~the dockers union'],
    ['The ministry denied any wrongdoing despite Harbour News reporting that officials had taken bribes.', 'reporting', 'Harbour News'],
  ];
  for (const [text, cue, want] of cases) {
    assert.equal(byCue(quotesOf(text), cue)?.speaker, want, JSON.stringify(quotesOf(text)));
    assert.notEqual(byCue(without(['quotes.preposition-absolute'], () => quotesOf(text)), cue)?.speaker, want, text);
  }
});

test('near misses: the gerund with no subject of its own keeps the clause\'s subject; "with" stays quotes.with-absolute\'s', () => {
  const same = (text: string) => assert.deepEqual(quotesOf(text), without(['quotes.preposition-absolute'], () => quotesOf(text)), text);
  same('The port authority says it found no fault in the cranes despite claiming earlier that two of them had failed.');
  same('Two bridges were closed on Monday, with local radio reporting that the river was still rising.');
  same('The council approved the budget on Monday amid local traders warning that the market would close.');
  const text = 'The port authority says it found no fault in the cranes despite claiming earlier that two of them had failed.';
  assert.notEqual(byCue(quotesOf(text), 'claiming')?.speaker, null, JSON.stringify(quotesOf(text)));
});

test('a bare reported clause the parse hung above its cue is the cue\'s content (quotes.object-clause-hung-above)', () => {
  const text = 'The port authority says it found no fault in the cranes despite the dockers union claiming a crane operator reported two failures last week.';
  const want = 'a crane operator reported two failures last week';
  assert.equal(byCue(quotesOf(text), 'claiming')?.text, want, JSON.stringify(quotesOf(text)));
  assert.notEqual(byCue(without(['quotes.object-clause-hung-above'], () => quotesOf(text)), 'claiming')?.text, want, text);
});

test('near misses: a comma and a conjunction before the verb, a clause hung on the cue itself', () => {
  const same = (text: string) => assert.deepEqual(quotesOf(text), without(['quotes.object-clause-hung-above'], () => quotesOf(text)), text);
  same('The port authority says it found no fault in the cranes despite the dockers union claiming a crane operator, and reported two failures last week.');
  same('The union warned the delayed transition process could be a threat to jobs.');
});

test('a gerund aside on a name inside a list of noun phrases is said by the name (quotes.parenthetical-participle)', () => {
  const text = 'In July, the envoy arranged a meeting between Tom Blake, claiming to speak for the ministry, and a group of farmers.';
  assert.equal(byCue(quotesOf(text), 'claiming')?.speaker, 'Tom Blake', JSON.stringify(quotesOf(text)));
  assert.notEqual(byCue(without(['quotes.parenthetical-participle'], () => quotesOf(text)), 'claiming')?.speaker, 'Tom Blake', text);
});

test('near misses: a verb after ", and" closes a clause; no closing comma; the name is the subject', () => {
  const same = (text: string) => assert.deepEqual(quotesOf(text), without(['quotes.parenthetical-participle'], () => quotesOf(text)), text);
  same('Police arrested Tom Blake, claiming he had stolen a car, and took him to the station.');
  same('Police arrested Tom Blake on Monday, saying he had stolen a car.');
  same('Tom Blake, claiming to speak for the ministry, and a group of farmers met the envoy.');
  assert.equal(byCue(quotesOf('Police arrested Tom Blake, claiming he had stolen a car, and took him to the station.'), 'claiming')?.speaker, '~Police');
});

test('two cues joined by ", and" share the clause after the second one\'s comma (quotes.shared-complement)', () => {
  const text = 'The harbour master said on Monday, and a union spokesman confirmed, that the cranes would stay idle until March.';
  const want = 'the cranes would stay idle until March';
  const qs = quotesOf(text);
  assert.equal(byCue(qs, 'said')?.text, want, JSON.stringify(qs));
  assert.equal(byCue(qs, 'said')?.speaker, '~The harbour master', JSON.stringify(qs));
  assert.equal(byCue(qs, 'confirmed')?.text, want, JSON.stringify(qs));
  assert.notEqual(byCue(without(['quotes.shared-complement'], () => quotesOf(text)), 'said')?.text, want, text);
});

test('near misses: the first cue has a clause of its own; no comma before "that"', () => {
  const same = (text: string) => assert.deepEqual(quotesOf(text), without(['quotes.shared-complement'], () => quotesOf(text)), text);
  same('The harbour master said on Monday that the cranes would stay idle, and a union spokesman confirmed the date.');
  same('The harbour master said on Monday, and a union spokesman confirmed that the cranes would stay idle until March.');
});
