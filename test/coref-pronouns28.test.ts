/**
 * Third-person pronouns (issue 23, coref28): he/she inside a quotation whose first link went to the quote's own speaker,
 * he/she reaching past a long quotation, "they" carrying on a chain already linked to a body. Sentences of our own, each
 * checked with its rule switched off too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';

const QUOTED = 'coref-speech.quoted-he-she-other-person';
const REACH = 'coref.he-she-reach-past-quotes';
const CHAIN = 'coref.they-chain';

test('"he" in a tribute goes to the person the quotation names as its subject, not to the speaker', () => {
  const text = 'Mark Ruiz tweeted, "Pablo Serra was a true hero. He was a man of grace. I will miss him."';
  const d = doc(text);
  assert.equal(linkOf(d, 'He was'), 'Pablo Serra');
  assert.equal(linkOf(d, 'him."'), 'Pablo Serra');
  // without the rule the speaker's link is taken back and nothing replaces it
  assert.equal(linkWithout(QUOTED, text, 'He was'), '');
});

test('a quotation naming no one speaks of the story\'s dominant person', () => {
  const text = 'Tomas Berger died on Monday. Police named Tomas Berger. Tomas Berger was 70. Mark Ruiz said, "He was a kind man. We all loved him."';
  const d = doc(text);
  assert.equal(linkOf(d, 'He was'), 'Tomas Berger');
  assert.equal(linkOf(d, 'him."'), 'Tomas Berger');
  assert.equal(linkWithout(QUOTED, text, 'He was'), '');
});

test('a person the quotation names by a noun ("my father") keeps the pronoun from the dominant person', () => {
  const text = 'Tomas Berger died on Monday. Police named Tomas Berger. Tomas Berger was 70. Mark Ruiz said, "My father was ill. He was a kind man."';
  assert.equal(linkOf(doc(text), 'He was'), '');
});

test('a name in another role inside the quotation, the only one there, is the pronoun\'s ("the passing of my comrade, X. He …")', () => {
  const text = 'Mark Ruiz tweeted, "I announce the passing of my comrade, Pablo Serra. He leaves a rich legacy."';
  assert.equal(linkOf(doc(text), 'He leaves'), 'Pablo Serra');
  // two such names: no one is sure
  assert.equal(linkOf(doc('Mark Ruiz tweeted, "I announce the passing of my comrades, Pablo Serra and Luis Diaz. He leaves a rich legacy."'), 'He leaves'), '');
});

test('the quotation\'s own chain goes on past a name in another role ("… of Imam X. He spent his life …")', () => {
  const text = 'Tomas Berger died on Monday. Police named Tomas Berger. Tomas Berger was 70. Mark Ruiz said, "He was a student of Pablo Serra. He spent his life in Lyon."';
  const d = doc(text);
  assert.equal(linkOf(d, 'He was'), 'Tomas Berger');
  assert.equal(linkOf(d, 'He spent'), 'Tomas Berger');
  assert.equal(linkOf(d, 'his life'), 'Tomas Berger');
});

test('she reaches past a long quotation to the person who spoke it', () => {
  const text = 'Ana Ruiz won the prize in 1990. Ruiz said: "I was happy. We sang all night. I called my parents. It was a dream." She later taught in Lyon.';
  assert.equal(linkOf(doc(text), 'She later'), 'Ana Ruiz');
  assert.equal(linkWithout(REACH, text, 'She later'), '');
  // four sentences of narration between: out of reach, as before
  assert.equal(linkOf(doc('Ana Ruiz won the prize in 1990. The jury met in May. The hall was full. The press wrote about the prize. She later taught in Lyon.'), 'She later'), '');
});

test('the reach past quotations prefers the speaker over a person named after the quotation', () => {
  const text = 'Ana Ruiz won the prize in 1990. Ruiz said: "I was happy. We sang all night. I called my parents. It was a dream." On her death, Mark Lee wrote a poem.';
  assert.equal(linkOf(doc(text), 'her death'), 'Ana Ruiz');
  assert.equal(linkWithout(REACH, text, 'her death'), 'Mark Lee');
});

test('"they" carries on a chain already linked to a country while nothing else plural comes between', () => {
  const text = 'Portugal is at a stage where I think they have only spent a little of the money. There is no proof that they have a plan.';
  assert.equal(linkOf(doc(text), 'they have a plan'), 'Portugal');
  assert.equal(linkWithout(CHAIN, text, 'they have a plan'), '');
  // a plural noun between is the likelier antecedent; another country between breaks the chain
  assert.equal(linkOf(doc('Portugal is at a stage where I think they have only spent a little of the money. The inspectors say that they have a plan.'), 'they have a plan'), '');
  assert.equal(linkOf(doc('Portugal is at a stage where I think they have only spent a little of the money. Spain says they have a plan.'), 'they have a plan'), 'Spain');
});

test('a clause hanging on an open complement is governed by the complement\'s controller ("X will become a member if it wants to")', () => {
  const text = 'Portugal will become a member of the union if it wants to.';
  assert.equal(linkOf(doc(text), 'it wants'), 'Portugal');
  assert.equal(linkWithout('coref.governing-subject-through-xcomp', text, 'it wants'), '');
  // an object controls the complement instead: no link through it
  assert.equal(linkOf(doc('Spain asked Portugal to become a member of the union if it wants to.'), 'it wants'), '');
});

test('a clause reported by the second of two coordinated verbs is governed by their shared subject', () => {
  const text = 'The Kestrel Bank opposed the merger and said it was given assurances.';
  assert.equal(linkOf(doc(text), 'it was'), 'Kestrel Bank');
  assert.equal(linkWithout('coref.governing-subject-through-conjunct', text, 'it was'), '');
  // a subject of its own: the minister's clause
  assert.equal(linkOf(doc('The Kestrel Bank opposed the merger and the minister said it was given assurances.'), 'it was'), '');
});
