/**
 * The sixteenth session's quotes round (quotes28, issue 22): interview transcripts read by their label structure, on
 * transcripts of our own (invented people), each rule on and off, with near misses; and (quotes30, seventeenth session)
 * coreference's he/she veto and first person on the answers (the answers' own veto removed at the lead's gate).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotesOf, without } from './support/quote-lines.js';
import { doc, linkOf } from './helpers/coref-links.js';

const interview = [
  'Grace Mwangi, a nurse, opened a clinic in Kisumu in 2015. Wikinews spoke to Mwangi about the clinic.',
  '((Wikinews)) Thank you for speaking with us. When did you open the clinic?',
  'Grace Mwangi We opened it in 2015, with two nurses. It was hard at first.',
  '((WN)) You said that the nurses stayed for years. Why do you think they stayed?',
  'GM They believed in the work, and the town believed in them.',
  'Many of our patients walk for a day to reach us.',
  '((WN)) What comes next?',
  'GM A second clinic, if the funding holds.',
].join('\n\n');

test('a transcript\'s answers are direct quotes of the label\'s speaker: a name label and an initials label (quotes.labelled-answers)', () => {
  const on = quotesOf(interview);
  for (const text of ['We opened it in 2015, with two nurses. It was hard at first.', 'They believed in the work, and the town believed in them.', 'A second clinic, if the funding holds.']) {
    const q = on.find((x) => x.text === text);
    assert.ok(q && q.speaker === 'Grace Mwangi' && q.cue === undefined, `${text}: ${JSON.stringify(on)}`);
  }
  // (an unlabelled paragraph after an answer, before the next question, is more of it)
  assert.equal(on.find((x) => x.text === 'Many of our patients walk for a day to reach us.')?.speaker, 'Grace Mwangi', JSON.stringify(on));
  const off = without(['quotes.labelled-answers'], () => quotesOf(interview));
  assert.ok(!off.some((x) => x.text === 'A second clinic, if the funding holds.'), JSON.stringify(off));
});

test('"you" in a question is the speaker of the answer; a question sentence attributes nothing (quotes.question-you, quotes.question-asks)', () => {
  const on = quotesOf(interview);
  assert.equal(on.find((x) => x.text === 'the nurses stayed for years')?.speaker, 'Grace Mwangi', JSON.stringify(on));
  assert.ok(!on.some((x) => x.cue === 'think'), JSON.stringify(on));
  const noYou = without(['quotes.question-you'], () => quotesOf(interview));
  assert.notEqual(noYou.find((x) => x.text === 'the nurses stayed for years')?.speaker, 'Grace Mwangi', JSON.stringify(noYou));
  const noAsk = without(['quotes.question-asks'], () => quotesOf(interview));
  assert.ok(noAsk.some((x) => x.cue === 'think'), JSON.stringify(noAsk));
});

test('near misses: one question and answer is no transcript; prose after a name; the last answer does not run on into narration', () => {
  const single = 'Grace Mwangi opened a clinic in Kisumu.\n\n((WN)) When did you open it?\n\nGM We opened it in 2015.\n\nThe clinic now has four nurses.';
  assert.deepEqual(quotesOf(single), without(['quotes.labelled-answers'], () => quotesOf(single)));
  // (a name opening a paragraph before a verb is a subject, not a label)
  const prose = 'Grace Mwangi opened a clinic in Kisumu.\n\nGrace Mwangi said the clinic would grow.\n\nGrace Mwangi Hospital is another one.';
  assert.deepEqual(quotesOf(prose), without(['quotes.labelled-answers'], () => quotesOf(prose)));
  const tail = `${interview}\n\nThe clinic's second site is due to open next year, officials said.`;
  const q = quotesOf(tail).find((x) => /second site/.test(x.text));
  assert.ok(!q || q.speaker !== 'Grace Mwangi' || q.cue === 'said', JSON.stringify(q));
});

// ---- seventeenth session (quotes30): the answers and coreference's he/she veto ----

const family = [
  'Grace Mwangi, a nurse, opened a clinic in Kisumu in 2015. Wikinews spoke to Mwangi about the clinic.',
  '((WN)) Who taught you the work?',
  '((Grace Mwangi)) My mother was a nurse too. She taught me everything, and she still helps.',
  '((WN)) What did your family say?',
  '((Grace Mwangi)) My father said, "She has to finish school first." He was right, and I did.',
  'Mwangi later trained in Nairobi, where she met her husband.',
  '((WN)) What comes next?',
  '((Grace Mwangi)) A second clinic, if the funding holds.',
].join('\n\n');

test('someone else\'s words quoted in an answer may speak of the interviewee: no veto there; narration naming the speaker is no answer', () => {
  const d = doc(family);
  // "My father said, 'She has to finish school first'": she is Grace Mwangi
  assert.equal(linkOf(d, 'She has'), 'Grace Mwangi');
  // the paragraph between turns that names her is narration: not more of her answer, and its "she" stays hers
  const quotes = quotesOf(family);
  assert.ok(!quotes.some((q) => /later trained/.test(q.text)), JSON.stringify(quotes));
  assert.equal(linkOf(d, 'she met'), 'Grace Mwangi');
  // a paragraph naming the speaker beside an "I" of theirs is still the answer ("… represented me, Grace Mwangi")
  const own = family.replace('Mwangi later trained in Nairobi, where she met her husband.', 'I called the clinic after my mother, not after me, Grace Mwangi.');
  assert.equal(quotesOf(own).find((q) => /called the clinic/.test(q.text))?.speaker, 'Grace Mwangi');
});
