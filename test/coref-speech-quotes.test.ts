/**
 * Coreference (issue 23, coref19): first person inside quotes — "we" of a person who runs an organisation, a quotation
 * mark that closes one quote is no vocative opening the next, "according to" a surname. Sentences of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';
import { withoutRules } from '../src/rules/registry.js';

test('"we" in a quote of the secretary or director of an organisation is that organisation', () => {
  const text = 'Ana Souto, director general of the technical secretariat of Mozambique\'s National Electoral Commission, spoke on Monday. "Right now we are finishing our preparation," Souto said.';
  const d = doc(text);
  assert.equal(linkOf(d, 'we are'), 'National Electoral Commission');
  assert.equal(linkOf(d, 'our preparation'), 'National Electoral Commission');
  assert.equal(linkWithout('coref-speech.position-we', text, 'we are'), '');
  const deputy = '"We hope the vote is fair," said Joao Tembe, the SADC deputy executive secretary.';
  assert.equal(linkOf(doc(deputy), 'We hope'), 'SADC');
});

test('a professor\'s "we" is the team, not the university; a partitive "many of us" is people at large', () => {
  const prof = 'Lena Ortiz, a professor of astronomy at Ohio State University, led the study. "It took us years to convince ourselves," Ortiz said.';
  assert.equal(linkOf(doc(prof), 'us years'), '');
  const many = 'Mark Hale, chairman of Redwood Holdings, spoke at the opening. "This is a place many of us love," Hale said.';
  assert.equal(linkOf(doc(many), 'us love'), '');
});

test('a quotation mark closing one quote opens no vocative: the next paragraph\'s speaker keeps his "I"', () => {
  const text = '"We will observe every province," said Tomas Ruiz.\n\nFelix Naranjo, director of the Lusaka Institute, said the count was fair. "I think the count was fair," Naranjo said.';
  assert.equal(linkOf(doc(text), 'I think'), 'Felix Naranjo');
});

test('"according to" a surname cites the person, not a city of that name', () => {
  const text = 'Felizeberto Nice, director general of the Electoral Commission, spoke on Monday. According to Nice, the electoral body has worked with observers.';
  const cityNamed = (d: ReturnType<typeof doc>) => d.entities.some((e) => e.type === 'GPE' && e.name === 'Nice');
  assert.ok(!cityNamed(doc(text)), 'no city "Nice"');
  // the recogniser alone reads the surname as the city
  const restore = withoutRules(['entities.surname-not-place']);
  try {
    assert.ok(cityNamed(doc(text)), 'the recogniser\'s city');
  } finally {
    restore();
  }
});

test('the last part of a split interview: one turn per label, the interviewer a user name', () => {
  const text = 'Mark Dolan runs for mayor of Kisumu.\n\nTomBakerKE: I have one final question. How would you fix the roads?\n\nDolan: Well, the best thing is not to panic. I think we can fix them in two years.\n\nI don\'t think it would cost much either.';
  const d = doc(text);
  assert.equal(linkOf(d, 'I think'), 'Mark Dolan');
  assert.equal(linkOf(d, 'I don\'t'), 'Mark Dolan');
  assert.equal(linkOf(d, 'I have'), 'TomBakerKE');
  assert.equal(linkOf(d, 'you fix'), 'Mark Dolan');
  assert.equal(linkWithout('coref-speech.turn-label-single-turns', text, 'I think'), '');
  // no turn that asks, or no label a person bears: no interview
  assert.equal(linkOf(doc('Mark Dolan runs for mayor of Kisumu.\n\nUpdate: The vote is on Monday.\n\nNote: I think the roads will be fixed.'), 'I think'), '');
});

test('"you" in a question the interviewee asks back is the interviewer; an answer\'s other "you" stays unlinked', () => {
  const text = 'Tom Baker: Did the mayor order the closure?\n\nMark Dolan: Let me ask you this: did he have the facts?\n\nTom Baker: I believe he did.\n\nMark Dolan: When you run a city, you need the facts.';
  const d = doc(text);
  assert.equal(linkOf(d, 'you this'), 'Tom Baker');
  assert.equal(linkOf(d, 'you run'), '');
  assert.equal(linkWithout('coref-speech.answer-question-you', text, 'you this'), '');
});

test('a vocative with a title addresses the person the article names without it', () => {
  const text = 'Kennedy and Smith stood by the screen. "Let\'s walk through this," Barber said. "Captain Kennedy, you answer the first question."';
  assert.equal(linkOf(doc(text), 'you answer'), 'Kennedy');
  assert.equal(linkWithout('coref-speech.vocative-title', text, 'you answer'), '');
  // two people bear the name: neither
  assert.equal(linkOf(doc(text.replace('Kennedy and Smith', 'Ann Kennedy and Bob Kennedy')), 'you answer'), '');
});

test('a place the recogniser read as a person is no speaker of an "I"', () => {
  const text = 'Voters in Brampton worry. Jobs remain in Brampton. "I am shocked by the traffic," Brampton said.';
  assert.equal(linkOf(doc(text), 'I am'), '');
  assert.equal(linkWithout('coref-speech.speaker-place-like', text, 'I am'), 'Brampton');
  // a person, no place of that name: the quote's "I" is theirs
  assert.equal(linkOf(doc('Voters in Brampton worry. Jobs remain in Brampton. "I am shocked by the traffic," said Grace Okafor.'), 'I am'), 'Grace Okafor');
});
