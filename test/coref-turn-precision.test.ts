/**
 * Coreference (issue 23, coref24): first and second person in interviews, precision first — links the turns do not
 * support stay unmade, on transcripts of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';

const wikinews = 'Grace Mwangi runs a clinic in Kisumu.\n\nWikinews: For our readers who do not know it, what does the clinic do? Can you tell us?\n\n'
  + 'Grace Mwangi: It treats malaria. I opened it in 2015.\n\nWikinews: I read that you were born there. Why Kisumu?\n\nGrace Mwangi: My family lives there.';

test('the interviewer\'s "we/us/our" is no organisation\'s, though "Wikinews:" labels the turn (coref-speech.interviewer-we)', () => {
  const d = doc(wikinews);
  // unlinked: the interviewer's "our" and "us"; kept: the interviewee's "I", "you" in the questions, the reporter's "I"
  const expected: [string, string][] = [['our readers', ''], ['us?', ''], ['I opened', 'Grace Mwangi'], ['you were', 'Grace Mwangi'], ['My family', 'Grace Mwangi'], ['I read', 'Wikinews']];
  for (const [words, entity] of expected) assert.equal(linkOf(d, words), entity, words);
  // without the rule the label's organisation took them
  assert.equal(linkWithout('coref-speech.interviewer-we', wikinews, 'our readers'), 'Wikinews');
});

const talkedAbout = 'NS: Which writers did you read when you were young?\n\nNM: Mostly Naguib Mahfouz. I read everything he wrote.\n\nNS: Did you meet him?\n\nNM: Once, in Cairo. I was too shy to speak.';

test('initials spell a person the turns only talk about: the label is a speaker of its own (coref-speech.initials-introduced)', () => {
  const d = doc(talkedAbout);
  for (const words of ['you read', 'I read', 'you meet', 'I was']) assert.equal(linkOf(d, words), 'NM', words);
  assert.equal(linkWithout('coref-speech.initials-introduced', talkedAbout, 'I read'), 'Naguib Mahfouz');
  // introduced before the first turn, the person the initials spell is the speaker
  const introduced = doc('Nadia Mansour writes novels in Cairo.\n\n' + talkedAbout);
  assert.equal(linkOf(introduced, 'I read'), 'Nadia Mansour');
  assert.equal(linkOf(introduced, 'you meet'), 'Nadia Mansour');
});

const fans = 'Reporter: Do fans write to you?\n\nGrace Mwangi: All the time. They come up and say, \'You saved my life.\' I tell them, \'My door is open.\'\n\n'
  + 'Reporter: Why Kisumu?\n\nGrace Mwangi: My family lives there.';
const letters = 'DS: Do readers write to you?\n\nFM: Often. I read one note: \'Frank, I have never bothered you, but I wanted to say thanks.\' I was moved.\n\n'
  + 'DS: Do you answer them?\n\nFM: Always. Frank Messina answers every letter, I tell them.';
const stall = 'Jenn Okafor runs a stall at the fair. "People come to you and say \'I want you to work,\' and I love that," Okafor said.';

test('quoted words in an answer or a quote are someone else\'s unless the speaker says they are their own', () => {
  // (coref-speech.quoted-other: single quotation marks no "I" introduces; addressed-not-speaker: words addressed to the
  // speaker, known by the name the initials spell)
  const cases: [string, string, string][] = [
    [fans, 'my life', ''], [fans, 'My door', 'Grace Mwangi'], [fans, 'My family', 'Grace Mwangi'],
    [letters, 'I have never', ''], [letters, 'I was moved', 'FM'], [letters, 'I tell', 'FM'],
    [stall, 'I want', ''], [stall, 'I love', 'Jenn Okafor'],
  ];
  for (const [text, words, entity] of cases) assert.equal(linkOf(doc(text), words), entity, words);
  assert.equal(linkWithout('coref-speech.quoted-other', fans, 'my life'), 'Grace Mwangi');
});

test('a quotation inside an answer given to the answer\'s own speaker is theirs only when an "I" introduces it (coref-speech.answer-quotes-other)', () => {
  const turns = (who: string) => `Reporter: Was your husband strict?\n\nGrace Mwangi: Very. In the end ${who} would say, "Well, I will not hire them." That was that.\n\nReporter: Why Kisumu?\n\nGrace Mwangi: My family lives there.`;
  assert.notEqual(linkOf(doc(turns('he')), 'I will'), 'Grace Mwangi');
  assert.equal(linkOf(doc(turns('I')), 'I will'), 'Grace Mwangi');
  assert.equal(linkOf(doc(turns('he')), 'My family'), 'Grace Mwangi');
  // without the rule (and without quotes.labelled-answers, whose answers coreference's quote-first-person reads no
  // cue-less quotation inside of), the quotes stage's speaker (the answer's own) took the husband's "I"
  assert.equal(linkWithout(['coref-speech.answer-quotes-other', 'quotes.labelled-answers'], turns('he'), 'I will'), 'Grace Mwangi');
  assert.equal(linkWithout('coref-speech.answer-quotes-other', turns('he'), 'I will'), '');
});

test('"you know" set off as a filler addresses no one (coref-speech.you-know-marker)', () => {
  const text = (q: string) => `Reporter: ${q}\n\nGrace Mwangi: It was. We had two nurses.\n\nReporter: Why Kisumu?\n\nGrace Mwangi: My family lives there.`;
  const filler = text('Was the clinic ready, you know, when the rains came?');
  assert.equal(linkOf(doc(filler), 'you know'), '');
  assert.equal(linkWithout('coref-speech.you-know-marker', filler, 'you know'), 'Grace Mwangi');
  assert.equal(linkOf(doc(text('Was the clinic ready? Do you know when the rains came?')), 'you know'), 'Grace Mwangi');
});

test('an organisation\'s "our nation" and "all of us" are everyone\'s, not the organisation\'s (coref-speech.our-everyone)', () => {
  const said = (words: string) => `"This attack will not weaken ${words}," said Ivan Petrov, a spokesman for the Foreign Ministry.`;
  assert.equal(linkOf(doc(said('our nation')), 'our'), '');
  assert.equal(linkOf(doc(said('our young democracy')), 'our'), '');
  assert.equal(linkOf(doc(said('our staff')), 'our'), 'Foreign Ministry');
  assert.equal(linkWithout('coref-speech.our-everyone', said('our nation'), 'our'), 'Foreign Ministry');
});

test('a question put back to the interviewer ends the answer; one the answer goes on from is rhetorical (coref-speech.asked-back-ends-turn)', () => {
  const answer = (a: string) => `Tom Baker: Did the mayor sign it?\n\nGrace Mwangi: ${a}\n\nTom Baker: Perhaps. And the nurses?\n\nGrace Mwangi: They signed.`;
  const rhetorical = answer('Who would? How could you sign such a thing? Nobody signed it.');
  assert.equal(linkOf(doc(rhetorical), 'you sign'), '');
  assert.equal(linkWithout('coref-speech.asked-back-ends-turn', rhetorical, 'you sign'), 'Tom Baker');
  assert.equal(linkOf(doc(answer('Nobody signed it. Let me ask you this: would you sign it?')), 'you sign'), 'Tom Baker');
});

test('initials the conversation uses as a word are no entity of that word: the label is a speaker of its own (coref-speech.label-word-not-speaker)', () => {
  const text = 'DS: You grew up near the coast. What was that like?\n\nAD: It was quiet. The town was founded in 1200 AD by monks.\n\nDS: Did you ever want to leave?\n\nAD: Of course. I left at seventeen, and we never went back.';
  const d = doc(text);
  const cases: [string, string][] = [['You grew', 'AD'], ['you ever', 'AD'], ['I left', 'AD'], ['we never', '']];
  for (const [words, entity] of cases) assert.equal(linkOf(d, words), entity, words);
  assert.ok(d.entities.some((e) => e.name === 'AD' && e.type === 'PERSON'));
  assert.notEqual(linkWithout('coref-speech.label-word-not-speaker', text, 'you ever'), 'AD');
});

test('a surname label is the person bearing it only when the introduction names them (coref-speech.surname-introduced)', () => {
  const turns = (said: string) => `DS: You grew up near the coast. What was that like?\n\nOtieno: It was quiet. ${said}\n\nDS: Did you ever want to leave?\n\nOtieno: Of course. I left at seventeen.`;
  const d = doc(turns('My wife Ann Otieno grew up there too.'));
  for (const words of ['You grew', 'you ever', 'I left']) assert.equal(linkOf(d, words), 'Otieno', words);
  assert.equal(linkWithout('coref-speech.surname-introduced', turns('My wife Ann Otieno grew up there too.'), 'I left'), 'Ann Otieno');
  assert.equal(linkOf(doc('Peter Otieno spoke about his youth.\n\n' + turns('I fished every day.')), 'I left'), 'Peter Otieno');
});
