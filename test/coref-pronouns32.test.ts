/**
 * he and she where an interview leaves two people open (issue 23, coref32).
 * Sentences of our own, each checked with its rule switched off too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';

const interview = 'Reporter: There was a row over Tom Hale. They had copied one of his songs. I think it was Ben Cole. Then they passed it off as him and he sued them. Do you know that?\n\nAna Ruiz: Only if he won.\n\nReporter: Yes.\n\nAna Ruiz: Good.';

test('an interview\'s he after a third party named in no subject position, with another man already called he, stays unlinked', () => {
  assert.equal(linkOf(doc(interview), 'his songs'), 'Tom Hale');
  assert.equal(linkOf(doc(interview), 'him and'), '');
  assert.equal(linkOf(doc(interview), 'he sued'), '');
  assert.equal(linkOf(doc(interview), 'he won'), '');
  // without the rule the nearest name takes them all
  assert.equal(linkWithout('coref.he-she-interview-rival', interview, 'him and'), 'Ben Cole');
});

test('the rival rule keeps a subject antecedent, a rival of the other gender, and news outside interviews', () => {
  // a subject is what the sentence is about
  assert.equal(linkOf(doc(interview.replace('I think it was Ben Cole.', 'Ben Cole sold it.')), 'him and'), 'Ben Cole');
  // "her songs": no rival for "him"
  assert.equal(linkOf(doc(interview.replace('his songs', 'her songs').replace('Tom Hale', 'Ana Lopez')), 'him and'), 'Ben Cole');
  // the same sentences as a news story: no turns, no refusal
  const news = 'There was a row over Tom Hale. They had copied one of his songs. Critics think it was Ben Cole. Then they passed it off as him and he sued them.';
  assert.equal(linkOf(doc(news), 'him and'), 'Ben Cole');
});

const guide = 'Reporter: This is Ana Ruiz. Her guide is Tom Hale, and he won a medal.\n\nAna Ruiz: Yes, a bronze.\n\nReporter: The federation lists no guides on its website. Is that fair?\n\nAna Ruiz: No. It is plain and simple. I would not be racing without him.';

test('an interview\'s he out of reach is the one man the talk has called he, turns before', () => {
  assert.equal(linkOf(doc(guide), 'him.'), 'Tom Hale');
  assert.equal(linkWithout('coref.he-she-interview-sole-person', guide, 'him.'), '');
});

test('no sole person when another man could be meant, when his gender is only his name\'s, or outside interviews', () => {
  // a second man named, the text never calling him anything
  assert.equal(linkOf(doc(guide.replace('and he won a medal.', 'and he won a medal. Ben Cole trains them.')), 'him.'), '');
  // the guide never called "he": only the given name says so
  assert.equal(linkOf(doc(guide.replace(', and he won a medal', '. The medal was bronze')), 'him.'), '');
  // the same words as a story: no turns
  const story = guide.replace(/^(Reporter|Ana Ruiz): /gm, '');
  assert.equal(linkOf(doc(story), 'him.'), '');
});
