/**
 * Coreference (issue 23, turns17): interview turns labelled by side ("Q:", "A:", "Q.", "Interviewer:") or with a
 * dash ("JS – …"), on transcripts of our own; and that full-name and initials labels keep their speakers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';
import { labelLines, sideOf } from '../src/extract/transcript.js';

const intro = 'Grace Mwangi runs a clinic in Kisumu. Tom Baker of the Daily Star spoke to her.\n\n';
const qa = (q: string, a: string, sep = ':') =>
  `${q}${sep} When did you open the clinic?\n\n${a}${sep} I opened it in 2015 with my two nurses.\n\n${q}${sep} Why Kisumu? I was born there.\n\n${a}${sep} My family lives there.`;

test('"A:" is the interviewee the introduction names; "you" in "Q:" turns is the same person', () => {
  const d = doc(intro + qa('Q', 'A'));
  assert.equal(linkOf(d, 'I opened'), 'Grace Mwangi');
  assert.equal(linkOf(d, 'my two'), 'Grace Mwangi');
  assert.equal(linkOf(d, 'My family'), 'Grace Mwangi');
  assert.equal(linkOf(d, 'you open'), 'Grace Mwangi');
  // the interviewer's own "I" is not the interviewee
  assert.notEqual(linkOf(d, 'I was born'), 'Grace Mwangi');
});

test('"Question:"/"Answer:" are sides too', () => {
  assert.equal(linkOf(doc(intro + qa('Question', 'Answer')), 'I opened'), 'Grace Mwangi');
});

test('with nobody named (a later part of an interview), "A" is a speaker known by the label; "Q" stays no one', () => {
  const d = doc(qa('Q', 'A'));
  // (coref22: coref-speech.turn-label-unnamed-answerer; before, a side was no person and the answers' "I" stayed unlinked)
  assert.equal(linkOf(d, 'I opened'), 'A');
  assert.equal(linkOf(d, 'My family'), 'A');
  assert.equal(linkOf(d, 'you open'), 'A');
  assert.equal(linkOf(d, 'I was born'), '');
  assert.ok(!d.entities.some((e) => e.type === 'PERSON' && e.name === 'Q'));
  assert.equal(linkWithout('coref-speech.turn-label-unnamed-answerer', qa('Q', 'A'), 'I opened'), '');
  // the answers name someone: the quotes stage's guess at the speaker is not the one who answers
  const naming = 'Q: When did you open the clinic?\n\nA: Dr. Peter Otieno and I opened it in 2015.\n\nQ: Why Kisumu?\n\nA: My family lives there, and Otieno agreed.';
  assert.equal(linkOf(doc(naming), 'I opened'), 'A');
  assert.equal(linkOf(doc(naming), 'My family'), 'A');
  // an answer the quotes stage gives no speaker stays unlinked: no guess from the introduction (the lead removed
  // coref-speech.turn-label-answer, which added 4 links on fresh16, all wrong)
  assert.equal(linkOf(doc(intro + qa('Interviewer', 'Interviewee')), 'I opened'), '');
  // "Q:" is the interviewer even when the answers ask too
  const asking = intro + 'Q: Do you fear the vote?\n\nA: Why should I? Who would stop me?\n\nQ: Will you run again?\n\nA: Who knows? Ask me in May.';
  assert.equal(linkOf(doc(asking), 'you fear'), 'Grace Mwangi');
  // one answer is no interview
  assert.equal(linkOf(doc('Q: When did you open the clinic?\n\nA: I opened it in 2015.\n\nThe clinic has two nurses.'), 'I opened'), '');
});

test('turns labelled with a dash or "Q." are turns; a dateline dash is not', () => {
  const dashed = intro + 'TB – When did you open the clinic?\n\nGM – I opened it in 2015.\n\nTB – Why Kisumu?\n\nGM – My family lives there.';
  assert.equal(linkOf(doc(dashed), 'I opened'), 'Grace Mwangi');
  assert.equal(linkOf(doc(dashed), 'you open'), 'Grace Mwangi');
  // (off with the quotes stage's transcript reader, which makes the answer a quote of the label's person)
  assert.equal(linkWithout(['coref-speech.turn-label-dash', 'quotes.labelled-answers'], dashed, 'I opened'), '');
  const dotted = intro + qa('Q.', 'A.', '');
  assert.equal(linkOf(doc(dotted), 'I opened'), 'Grace Mwangi');
  // a dateline, a hyphenated name and a numbered list are no turns
  assert.deepEqual(labelLines('KISUMU – Grace Mwangi opened a clinic.\n\nJean-Paul Sartre – no.\n\nA. Smith wrote it.'), []);
});

test('full-name and initials labels keep their speakers beside the side labels', () => {
  const named = intro + qa('Tom Baker', 'Grace Mwangi');
  assert.equal(linkOf(doc(named), 'I opened'), 'Grace Mwangi');
  assert.equal(linkOf(doc(named), 'I was born'), 'Tom Baker');
  const initials = intro + qa('TB', 'GM');
  assert.equal(linkOf(doc(initials), 'I opened'), 'Grace Mwangi');
  assert.equal(linkOf(doc(initials), 'you open'), 'Grace Mwangi');
});

test('side words are data: lexicon/en/turn-labels.tsv', () => {
  assert.equal(sideOf('Q'), 'interviewer');
  assert.equal(sideOf('Answer'), 'interviewee');
  assert.equal(sideOf('Grace Mwangi'), undefined);
});

test('a label that opens one turn only ("Ed.: …") is no second interviewee', () => {
  const noted = intro + 'Q: When did you open the clinic?\n\nA: I opened it in 2015.\n\nEd.: The clinic has since moved.\n\nQ: Why Kisumu?\n\nA: My family lives there.';
  assert.equal(linkOf(doc(noted), 'you open'), 'Grace Mwangi');
  assert.equal(linkWithout('coref-speech.interviewee-repeats', noted, 'you open'), '');
});

test('an answer quoting words addressed to its own speaker is someone else\'s words', () => {
  const quoted = intro + 'Q: Do patients write to you?\n\nA: One nurse wrote to me, \'Grace, I owe you my job.\' That was nice.\n\nQ: Why Kisumu?\n\nA: My family lives there.';
  const d = doc(quoted);
  assert.equal(linkOf(d, 'me,'), 'Grace Mwangi');
  assert.notEqual(linkOf(d, 'I owe'), 'Grace Mwangi');
  // (the letter is in single quotation marks no "I" introduces: coref-speech.quoted-other refuses it too)
  assert.equal(linkWithout(['coref-speech.addressed-not-speaker', 'coref-speech.quoted-other'], quoted, 'I owe'), 'Grace Mwangi');
});
