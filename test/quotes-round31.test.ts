/**
 * The seventeenth session (quotes31, issue 22): the speaker of a participle cue set off by a comma — a free adjunct of its
 * clause — where the parse hung it too low, on sentences of our own, each with its near miss.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotesOf, without } from './support/quote-lines.js';

const RULE = 'quotes.free-adjunct';

const speakerOf = (qs: ReturnType<typeof quotesOf>, cue: string): string | null | undefined => qs.find((q) => q.cue === cue)?.speaker;

test('a participle after a comma, hung on a reported clause whose subject cannot speak, is the reporter\'s (quotes.free-adjunct)', () => {
  const cases: [string, string, string][] = [
    ['Mayor John Carter said the inquiry would not be fair, saying he expected "a political outcome".', 'saying', 'John Carter'],
    ['Coach Maria Santos said the loss was painful, adding that her team would recover.', 'adding', 'Maria Santos'],
  ];
  for (const [text, cue, want] of cases) {
    assert.equal(speakerOf(quotesOf(text), cue), want, JSON.stringify(quotesOf(text)));
    assert.notEqual(speakerOf(without([RULE], () => quotesOf(text)), cue), want, text);
  }
});

test('near misses: a reported clause whose subject may speak, no comma, a statement noun, a person object', () => {
  const same = (text: string) => assert.deepEqual(quotesOf(text), without([RULE], () => quotesOf(text)), text);
  same('Mayor John Carter said the inquiry would not be fair and expected "a political outcome".');
  same('Prosecutors said Daniel Moss lied to the court, claiming he had been at home all night.');
  same('The ministry released a statement on the crash, saying "We mourn the dead."');
  same('Police arrested the man, claiming he had stolen a car.');
  same('Dr Lena Park presented the results at a conference in Oslo, saying "This changes how we see the disease."');
});

test('a medium or document with a possessive pronoun is the pronoun\'s entity (quotes.possessive-medium)', () => {
  const cases: [string, string][] = [
    ['The Harbour Safety Agency was closed during the strike. However, its website notes that its hotline is still open.', 'Harbour Safety Agency'],
    ['Mayor Ana Ruiz met the unions on Monday. Her statement said the talks had failed.', 'Ana Ruiz'],
  ];
  for (const [text, want] of cases) {
    assert.equal(quotesOf(text)[0]?.speaker, want, JSON.stringify(quotesOf(text)));
    assert.notEqual(without(['quotes.possessive-medium'], () => quotesOf(text))[0]?.speaker, want, text);
  }
});

test('near misses: no possessive, a first-person possessive, a possessor named after the pronoun', () => {
  const same = (text: string) => assert.deepEqual(quotesOf(text), without(['quotes.possessive-medium'], () => quotesOf(text)), text);
  same('The Harbour Safety Agency was closed during the strike. However, the website notes that the hotline is still open.');
  same('We met the unions on Monday. Our statement said the talks had failed.');
  same('Mayor Ana Ruiz met the unions on Monday. Her party\'s statement said the talks had failed.');
});
