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

// coref22: labels run together, labels the recogniser read as an organisation, the side that only seems to ask
const fenwick = 'The writer Harold Fenwick has published twelve novels.\n\n'
  + 'JohnMarsh: When did you start the book?\n\nHaroldFenwick: I started it in 2019, in a cabin. My wife hated the cabin.\n\n'
  + 'JohnMarsh: Why a cabin?\n\nHaroldFenwick: I needed quiet. You cannot write with a phone ringing.';

test('a label that runs a name together is the person the text names in words', () => {
  const d = doc(fenwick);
  assert.equal(linkOf(d, 'I started'), 'Harold Fenwick');
  assert.equal(linkOf(d, 'My wife'), 'Harold Fenwick');
  assert.equal(linkOf(d, 'you start'), 'Harold Fenwick');
  // the interviewer, named nowhere else, is a speaker of its own, named at each of its labels
  const marsh = d.entities.find((e) => e.name === 'JohnMarsh');
  assert.ok(marsh && marsh.type === 'PERSON');
  assert.equal(marsh.mentions.filter((m) => m.kind === 'name').length, 2);
  // without the rule the label is a speaker of its own, apart from the Harold Fenwick of the text
  assert.equal(linkWithout('coref-speech.turn-label-joined-name', fenwick, 'I started'), 'HaroldFenwick');
  // a run-together label no name of the text spells stays its own speaker
  assert.equal(linkOf(doc(fenwick.replace(/HaroldFenwick/g, 'HaroldFenner')), 'I started'), 'HaroldFenner');
});

const strike = 'TB: Tell me about the strike in 1984.\n\n'
  + 'GM: What can I say? It broke the town. Who would have guessed that? My brother lost his job, and we never spoke about it.\n\n'
  + 'TB: Your brother was a miner.\n\nGM: He was. Why do you think I write about mines? Every book comes back to them.\n\n'
  + 'TB: I read your second novel last week.\n\nGM: Good. Did you expect a happy ending? Nobody gets one in a pit town.';

test('initials are a person: "we" in their turns is no organisation, and an interviewee who asks is no interviewer', () => {
  const d = doc(strike);
  assert.equal(d.entities.find((e) => e.name === 'GM')?.type, 'PERSON');
  // GM's turns hold questions but run longer and end in none: GM is not asking TB, so "you" there stays unlinked
  const expected: Array<[string, string]> = [['I say', 'GM'], ['we never', ''], ['you think', ''], ['you expect', '']];
  assert.deepEqual(expected.map(([words]) => [words, linkOf(d, words)]), expected);
  assert.equal(linkWithout('coref-speech.interviewer-brief', strike, 'you think'), 'TB');
});

test('a short part where the interviewer asks once is still turns', () => {
  const part = 'GM: I opened the clinic in 2015, with two nurses. It was hard.\n\nWikinews: Why did you choose Kisumu?\n\nGM: My family lives there, and I was born there.';
  const short = doc(part);
  assert.deepEqual(['I opened', 'you choose', 'My family'].map((w) => linkOf(short, w)), ['GM', 'GM', 'GM']);
  assert.equal(linkWithout('coref-speech.turn-label-few-turns', part, 'I opened'), '');
  // the interviewee of a short part may answer once: initials opening one turn are a speaker too
  const once = doc('Wikinews: When did you open the clinic?\n\nGM: I opened it in 2015, with two nurses.\n\nWikinews: Why Kisumu, then?');
  assert.equal(linkOf(once, 'I opened'), 'GM');
  // labels that are no speakers make no interview
  const notes = doc('Update: I opened the clinic in 2015. Why Kisumu?\n\nNote: My family lives there.\n\nNote: I was born there.');
  assert.equal(linkOf(notes, 'I opened'), '');
});
