/**
 * he and she, precision (issue 23, coref34): binding past the subject's own mention, and no forward link against a given
 * name's gender. Sentences of our own, each checked with its rule switched off too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';

test('"him" as the object of a conjunct verb is not the subject the conjuncts share', () => {
  const text = 'Marek Novak trained with Pavel Horak for years. Later Pavel Horak won the cup and thanked him warmly.';
  assert.equal(linkOf(doc(text), 'him warmly'), 'Marek Novak');
  assert.equal(linkWithout('coref.pronoun-not-clause-subject', text, 'him warmly'), 'Pavel Horak');
  // a reflexive is the subject's
  assert.equal(linkOf(doc(text.replace('him warmly', 'himself warmly')), 'himself warmly'), 'Pavel Horak');
});

test('"him" in a relative clause is not the noun its "who" stands for; a preposition of place leaves the subject open', () => {
  const text = 'Marek Novak served the king for years. He was in favour with Pavel Horak, who confided to him the command of the army.';
  assert.equal(linkOf(doc(text), 'him the command'), 'Marek Novak');
  assert.equal(linkWithout('coref.pronoun-not-clause-subject', text, 'him the command'), 'Pavel Horak');
  // "left behind him": a preposition of place, the subject may be meant
  const behind = 'Marek Novak met Pavel Horak in 1990. In 2001 Pavel Horak died and left behind him a long diary.';
  assert.equal(linkOf(doc(behind), 'him a long'), 'Pavel Horak');
});

test('a pronoun fronted before the subject does not look ahead to a subject whose given name says the other gender', () => {
  const text = 'Ana Ruiz sang at the gala in 2009. Critics loved the show. The hall was full. Tickets sold out. Years passed. On her death, Robert Novak wrote a poem.';
  assert.equal(linkOf(doc(text), 'her death'), '');
  assert.equal(linkWithout('coref.cataphora-name-gender', text, 'her death'), 'Robert Novak');
  // a fitting gender still looks ahead
  assert.equal(linkOf(doc(text.replace('On her death', 'On his death')), 'his death'), 'Robert Novak');
});

test('he/she as the subject of a relative clause is not the noun the clause hangs on', () => {
  const text = 'Ana Ruiz studied in Lisbon. She admired Marta Gil, a painter whose portraits she had bought.';
  assert.equal(linkOf(doc(text), 'she had'), 'Ana Ruiz');
  assert.equal(linkWithout('coref.pronoun-not-relative-head', text, 'she had'), 'Marta Gil');
});
