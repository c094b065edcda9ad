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
  assert.equal(linkOf(d, 'our readers'), '');
  assert.equal(linkOf(d, 'us?'), '');
  // the rest of the interview keeps its links: the interviewee's "I", "you" in the questions, the reporter's "I"
  assert.equal(linkOf(d, 'I opened'), 'Grace Mwangi');
  assert.equal(linkOf(d, 'you were'), 'Grace Mwangi');
  assert.equal(linkOf(d, 'My family'), 'Grace Mwangi');
  assert.equal(linkOf(d, 'I read'), 'Wikinews');
  // without the rule the label's organisation took them
  assert.equal(linkWithout('coref-speech.interviewer-we', wikinews, 'our readers'), 'Wikinews');
});
