/**
 * he and she where several people share a story (issue 23, coref17; the mechanisms fresh16's half A showed failing).
 * Sentences of our own, each checked with its rule switched off too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';
import { withoutRules } from '../src/rules/registry.js';

const entityOf = (text: string, name: string) => doc(text).entities.find((e) => e.mentions.some((m) => m.kind === 'name' && m.text === name));

test('a clause on a verb coordinated with one that has the subject hangs on that subject: "and once told writer X he …"', () => {
  const text = 'Victor Hale favored reform and once told the writer Omar Diaz he did not believe the plan.';
  assert.equal(linkOf(doc(text), 'he did'), 'Victor Hale');
  assert.equal(linkWithout('coref.he-she-shared-subject', text, 'he did'), 'Omar Diaz');
  // the second verb with a subject of its own: its subject, as before
  assert.equal(linkOf(doc('Victor Hale favored reform. Omar Diaz once told the writer he did not believe the plan.'), 'he did'), 'Omar Diaz');
});

test('an honorific before a name the recogniser read without it gives the person a gender', () => {
  const text = 'There were many lawyers, but Mr. Pellatrino was the best choice for the case. His record was strong.';
  assert.equal(linkOf(doc(text), 'His record'), 'Pellatrino');
  assert.equal(linkWithout('coref.honorific-gender', text, 'His record'), '');
  // "Mrs." says she, so "his" finds no one
  assert.equal(linkOf(doc('There were many lawyers, but Mrs. Pellatrino was the best choice for the case. His record was strong.'), 'His record'), '');
  // never against a given name: Jenna and her dog "Mr. Marbles" read as one entity stay a woman
  const marbles = 'Jenna Marbles posted a video with her dog. Mr. Marbles barked at the camera. Later she posted another video.';
  assert.equal(linkOf(doc(marbles), 'she posted'), 'Jenna Marbles');
});

test('a sentence about a person no name stands for turns the story: a quote\'s "he" does not reach back past it', () => {
  const text = 'Pentagon spokesman Mark Olsen defended the event. The director of a veterans group described it as a stunt. "He should talk to the soldiers," Paul Ruiz said.';
  assert.equal(linkOf(doc(text), 'He should'), '');
  assert.equal(linkWithout('coref.he-she-unnamed-subject-turn', text, 'He should'), 'Mark Olsen');
  // no person between: the spokesman stays in reach
  assert.equal(linkOf(doc('Pentagon spokesman Mark Olsen defended the event. A veterans group described it as a stunt. "He should talk to the soldiers," Paul Ruiz said.'), 'He should'), 'Mark Olsen');
});

test('a he/she after a same-gender pronoun of its sentence is that pronoun\'s person, before a nearer name that is no subject', () => {
  const text = 'Tomas Ruiz was born in 1970. His mother was the mistress of Carlos Vega and he was raised in Lyon.';
  assert.equal(linkOf(doc(text), 'he was raised'), 'Tomas Ruiz');
  assert.equal(linkWithout('coref.he-she-pronoun-chain', text, 'he was raised'), 'Carlos Vega');
  // a person between as a subject, or as the object of a verb the pronoun's phrase hangs on, is nearer
  assert.equal(linkOf(doc('Tomas Ruiz was born in 1970. His mother said Carlos Vega was raised in Lyon and he was rich.'), 'he was rich'), 'Carlos Vega');
  assert.equal(linkOf(doc('Tomas Ruiz wrote on his blog to help Carlos Vega with his legal costs.'), 'his legal'), 'Carlos Vega');
});

test('a lone word that is only a middle word of a fuller name given later is someone else ("Song" before "Jang Song Thaek")', () => {
  const text = 'Her mother was the dancer Song and she was raised in Seoul. Later her uncle Jang Song Thaek was executed.';
  const jang = entityOf(text, 'Jang Song Thaek')!;
  assert.ok(jang);
  assert.ok(!jang.mentions.some((m) => m.text === 'Song'), 'Song is not Jang Song Thaek');
  const restore = withoutRules(['entities.lone-middle-word-apart']);
  try {
    assert.ok(entityOf(text, 'Jang Song Thaek')!.mentions.some((m) => m.text === 'Song'), 'without the rule the middle word merges');
  } finally {
    restore();
  }
  // after the full name, or as its surname, the one word is still the person
  assert.ok(entityOf('Her uncle Jang Song Thaek was executed. Song had been powerful.', 'Jang Song Thaek')!.mentions.some((m) => m.text === 'Song'));
});

test('the person the article names far more often than anyone passes the unknown-gender guard', () => {
  const text = 'Police arrested Ri Chol on Friday over the murder of Tran Van Duc, a banker from Hanoi. He died on Monday. Tran Van Duc had lived abroad. Tran Van Duc was rich.';
  assert.equal(linkOf(doc(text), 'He died'), 'Tran Van Duc');
  assert.equal(linkWithout('coref.he-she-dominant-person', text, 'He died'), '');
  // named once: nothing gives a gender, no link
  assert.equal(linkOf(doc('Police arrested Ri Chol on Friday over the murder of Tran Van Duc, a banker from Hanoi. He died on Monday.'), 'He died'), '');
});

test('a multi-word name typed a place and apposed to a bare role noun is a person', () => {
  const text = 'Felizeberto Nice, director general of the electoral commission, said the vote was ready. "We are ready," Nice said. He said the count would be fair.';
  assert.equal(entityOf(text, 'Felizeberto Nice')?.type, 'PERSON');
  const restore = withoutRules(['entities.apposed-role-person']);
  try {
    assert.equal(entityOf(text, 'Felizeberto Nice')?.type, 'GPE', 'the recogniser reads the city in it');
  } finally {
    restore();
  }
  // a determiner before the noun is a description of a place, not an office
  assert.ok(!doc('Port Vila, the capital of the islands, flooded on Monday.').firings.some((f) => f.rule === 'entities.apposed-role-person'));
});

test('he/she sentences after: the main subject before a person named in a phrase fronted before it; a quotation before its attribution is no such phrase', () => {
  const text = 'When the singer Maria Lopez won the prize in 1992, Ana Ruiz decided to write songs. Her first album failed.';
  assert.equal(linkOf(doc(text), 'Her first'), 'Ana Ruiz');
  assert.equal(linkWithout('coref.he-she-earlier-main-subject', text, 'Her first'), 'Maria Lopez');
  // the subject named first: nothing to pass over
  assert.equal(linkOf(doc('The singer Maria Lopez met Ana Ruiz in 1992. Her first album failed.'), 'Her first'), 'Maria Lopez');
  // '"…," said Ana Ruiz. "She …"': the quoted person, not the speaker, is whom "She" means
  assert.equal(linkOf(doc('"Maria Lopez sings with contempt for the rules," said Ana Ruiz. "She knows it."'), 'She knows'), 'Maria Lopez');
});
