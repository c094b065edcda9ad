/**
 * Coreference (issue 23, coref23): interview turns labelled in double parentheses ("((WN)) Did you …?",
 * "((Grace Mwangi)) I …", Wikinews' plain-text transcripts) read as "Label:" turns; and label lines where no turn asks
 * (a fact sheet's "GDP: …") make no interview. Transcripts of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';
import { labelLines } from '../src/extract/transcript.js';

const intro = 'Grace Mwangi runs a clinic in Kisumu. Wikinews spoke to her about its first years.\n\n';
const turns = (q: string, a: string, open: (l: string) => string) =>
  `${open(q)} When did you open the clinic?\n\n${open(a)} I opened it in 2015 with my two nurses.\n\n${open(q)} Why Kisumu?\n\n${open(a)} My family lives there.`;
const parens = (l: string) => `((${l}))`;
const colon = (l: string) => `${l}:`;

test('"((Label))" turns are read as "Label:" turns: "I" is the label\'s person, "you" in the questions the interviewee', () => {
  const text = intro + turns('WN', 'Grace Mwangi', parens);
  const d = doc(text);
  assert.equal(linkOf(d, 'I opened'), 'Grace Mwangi');
  assert.equal(linkOf(d, 'my two'), 'Grace Mwangi');
  assert.equal(linkOf(d, 'My family'), 'Grace Mwangi');
  assert.equal(linkOf(d, 'you open'), 'Grace Mwangi');
  // the same links as the colon form
  const same = doc(intro + turns('WN', 'Grace Mwangi', colon));
  for (const at of ['I opened', 'my two', 'My family', 'you open']) assert.equal(linkOf(d, at), linkOf(same, at), at);
  // the label is the words inside the parentheses
  assert.deepEqual(labelLines(text).map((l) => l.label), ['WN', 'Grace Mwangi', 'WN', 'Grace Mwangi']);
  assert.equal(text.slice(labelLines(text)[1].labelStart, labelLines(text)[1].start), 'Grace Mwangi)) ');
  // switched off, no turns (and with the quotes stage's transcript reader off: it makes the answer a quote of the
  // label's person, whose "I" coreference then links as a quote's, coref-speech.quote-first-person)
  assert.equal(linkWithout(['coref-speech.turn-label-parenthesised', 'quotes.labelled-answers'], text, 'I opened'), '');
});

test('"((WN)) : …" with a colon, and "((Wikinews))" beside answers labelled "GM:", are turns of one interview', () => {
  const mixed = intro + '((Wikinews)) When did you open the clinic?\n\nGM: I opened it in 2015 with my two nurses.\n\n((WN)) : Why Kisumu?\n\nGM: My family lives there.\n\n((WN)) : Do you plan more clinics?\n\nGM: I hope to open two more.';
  const d = doc(mixed);
  for (const at of ['I opened', 'I hope', 'you plan']) assert.equal(linkOf(d, at), 'Grace Mwangi', at);
  assert.deepEqual(labelLines(mixed).map((l) => l.label), ['Wikinews', 'GM', 'WN', 'GM', 'WN', 'GM']);
});

test('parentheses inside a paragraph, a single parenthesis and one label alone make no turns', () => {
  assert.deepEqual(labelLines('The clinic opened in 2015 ((see map)).\n\n(Grace Mwangi) said so.\n\n(Grace Mwangi) said more.'), []);
  // only the questions labelled (answers unlabelled): one label is no interview
  const oneSide = intro + '((WN)) When did you open the clinic?\n\nI opened it in 2015.\n\n((WN)) Why Kisumu?\n\nMy family lives there.';
  assert.deepEqual(labelLines(oneSide), []);
  assert.equal(linkOf(doc(oneSide), 'you open'), '');
});

test('label lines where no turn asks are no interview (coref-speech.turn-asks); one question makes them one', () => {
  const sheet = 'Kenya is a country in East Africa.\n\nGDP: 110 billion dollars (2023). I estimate growth at 5 percent.\n\nElectricity: 12 billion kWh.\n\nGDP: growth 5 percent.\n\nElectricity: imports of 3 percent.';
  assert.deepEqual(labelLines(sheet), []);
  assert.equal(linkOf(doc(sheet), 'I estimate'), '');
  assert.equal(labelLines(sheet.replace('imports of 3 percent.', 'imports? 3 percent.')).length, 4);
  // switched off, the lines are read as turns again
  assert.notEqual(linkWithout('coref-speech.turn-asks', intro + turns('Tom Baker', 'Grace Mwangi', colon).replace(/\?/g, '.'), 'I opened'), '');
});
