/**
 * Coreference (issue 23, coref11): interview turns labelled by initials, a title and surname, or
 * initials alone, on sentences of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';

const intro = 'Grace Mwangi opened the clinic in Kisumu. Tom Baker asked her about it.\n\n';
const turns = 'TB: When did you open it?\n\nGM: I opened it in 2015.\n\nTB: Why Kisumu?\n\nGM: My family lives there.';

test('a turn labelled by initials is the one person named in full with those initials', () => {
  assert.equal(linkOf(doc(intro + turns), 'I opened'), 'Grace Mwangi');
  assert.equal(linkOf(doc(intro + turns), 'My family'), 'Grace Mwangi');
  assert.equal(linkOf(doc(intro + turns), 'you open'), 'Grace Mwangi');
  // a title and a surname
  const titled = intro + 'Mr. Baker: When did you open it?\n\nDr. Mwangi: I opened it in 2015.\n\nMr. Baker: Why Kisumu?\n\nDr. Mwangi: My family lives there.';
  assert.equal(linkOf(doc(titled), 'I opened'), 'Grace Mwangi');
  // two persons share the initials: neither, and no speaker of its own
  const two = 'Grace Mwangi and Gary Moss opened the clinic in Kisumu.\n\n' + turns;
  assert.equal(linkOf(doc(two), 'I opened'), '');
});

test('a label of initials no entity bears is a speaker of its own', () => {
  assert.equal(linkOf(doc(turns), 'I opened'), 'GM');
  assert.equal(linkOf(doc(turns), 'you open'), 'GM');
  assert.equal(linkWithout('coref-speech.turn-label-own-speaker', turns, 'I opened'), '');
  // one turn is no interview
  assert.equal(linkOf(doc('GM: I opened it in 2015.\n\nThe clinic has two nurses.'), 'I opened'), '');
});
