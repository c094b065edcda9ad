/**
 * First and second person only where the word can be a pronoun (src/extract/coref/person-words.ts): "the mine",
 * "World War I", "Elizabeth I" are no speaker. Sentences of our own (invented people).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';
import { speechPersonReader } from '../src/extract/coref/person-words.js';

/** What the reader says of the token starting at the n-th occurrence of `word` (as a whole token). */
function personOf(text: string, word: string, nth = 0): string | null {
  const d = doc(text);
  const at = d.tokens.filter((t) => t.text === word)[nth];
  assert.ok(at, `no token "${word}"`);
  return speechPersonReader(d)(d.tokens.indexOf(at));
}

test('"the mine", "a gold mine" are the noun; "was mine" is the speaker\'s (coref-speech.homograph-noun)', () => {
  const text = '"We will reopen the mine next year, and the decision was mine," Daniel Okoro said.';
  const d = doc(text);
  assert.equal(linkOf(d, 'mine next'), '');
  assert.equal(linkOf(d, 'mine,"'), 'Daniel Okoro');
  assert.equal(linkWithout('coref-speech.homograph-noun', text, 'mine next'), 'Daniel Okoro');
  assert.equal(personOf('"They dug a gold mine here," Daniel Okoro said.', 'mine'), null);
  assert.equal(personOf('"He is a friend of mine," Daniel Okoro said.', 'mine'), 'I');
});

test('"I" after a name is the Roman numeral: "World War I", "Queen Elizabeth I" (coref-speech.roman-numeral)', () => {
  const war = '"My grandfather fought in World War I and he never spoke of it. I never met him," Daniel Okoro said.';
  const d = doc(war);
  assert.equal(linkOf(d, 'I and'), '');
  assert.equal(linkOf(d, 'I never'), 'Daniel Okoro');
  assert.equal(linkOf(d, 'My grandfather'), 'Daniel Okoro');
  assert.equal(linkWithout('coref-speech.roman-numeral', war, 'I and'), 'Daniel Okoro');
  const queen = '"Queen Elizabeth I ruled England for decades, and I admire her," Daniel Okoro said.';
  assert.equal(linkOf(doc(queen), 'I ruled'), '');
  assert.equal(linkOf(doc(queen), 'I admire'), 'Daniel Okoro');
  // "I" inside a name, or one before "and" after a name
  assert.equal(personOf('"We wrote the language Simula I and later Simula 67," Daniel Okoro said.', 'I'), null);
  // a capitalised word inside the sentence, and no verb after: "the Phase I trials"
  assert.equal(personOf('"The company finished the Phase I trials in May," Daniel Okoro said.', 'I'), null);
});

test('"I" that is a subject stays the speaker after a capitalised word: a clause on a name, a sentence\'s first word', () => {
  assert.equal(linkOf(doc('"In the novel Dark Matters I think what interested me was time," Aner Shalev said.'), 'I think'), 'Aner Shalev');
  assert.equal(personOf('"It was Overtures I called it," Aner Shalev said.', 'I'), 'I');
  assert.equal(personOf('"Today I opened the clinic," Grace Mwangi said.', 'I'), 'I');
  assert.equal(personOf('"Yes I did," Grace Mwangi said.', 'I'), 'I');
  // after a name the clause before has its own use for: an object, a relative clause on it
  assert.equal(personOf('"I am proud to tell Nairobi I am a nurse," Grace Mwangi said.', 'I', 1), 'I');
  assert.equal(personOf('"It was not the Kisumu I knew as a child," Grace Mwangi said.', 'I'), 'I');
});
