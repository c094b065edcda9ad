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
