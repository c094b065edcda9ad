/**
 * Speakers of the twelfth round (issue 22): constructions found among the errors of held3 half A,
 * each checked on sentences of our own (invented people and bodies), with its near miss.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameOf, run } from './helpers.js';
import { withoutRules } from '../src/rules/registry.js';

function speakerOf(text: string, content: string): { name: string | null; text: string | null | undefined } {
  const r = run(text);
  const q = r.quotes.find((x) => x.text.includes(content));
  assert.ok(q, `no quote with "${content}"`);
  return { name: nameOf(r, q.speaker), text: q.speaker_text };
}

test('a pronoun speaker is nobody named in its own clause: "He added that Kowal …" is not Kowal', () => {
  const text = 'President Jan Kowal arrived in London on Monday. His spokesman Tom Berg spoke to reporters. He added that Kowal did not "appreciate the questions".';
  assert.equal(speakerOf(text, 'Kowal did not').name, 'Tom Berg');
  const restore = withoutRules(['quotes.pronoun-not-in-clause']);
  try { assert.equal(speakerOf(text, 'Kowal did not').name, 'Jan Kowal'); } finally { restore(); }
});

test('a participle cue after "CUE ," shares the cue\'s subject, not the subject of the clause it was hung on', () => {
  const text = '"The port will reopen," Ana Ruiz said, adding that she hopes her plan will serve as a model for other towns.';
  assert.equal(speakerOf(text, 'she hopes').name, 'Ana Ruiz');
});

test('a participle cue opening the sentence shares the main clause\'s subject', () => {
  const text = 'Announcing that the rebel leader had been killed by special forces during a raid near the capital, President Ana Ruiz said it was "a good day for the country."';
  assert.equal(speakerOf(text, 'rebel leader had been killed').name, 'Ana Ruiz');
});

test('a conjoined cue hung inside the quotation of the first cue shares its subject; a parallel conjunct inside keeps its own', () => {
  const text = 'Tom Berg spoke on Monday. He added that the mayor did not "enjoy reading things which are unfair to his staff" and claimed that it was obvious that the report was wrong.';
  const r = run(text);
  const claimed = r.quotes.filter((x) => x.cue?.text === 'claimed');
  assert.ok(claimed.length);
  for (const q of claimed) assert.equal(nameOf(r, q.speaker), 'Tom Berg');
  const restore = withoutRules(['quotes.conjunct-in-report']);
  try { assert.ok(run(text).quotes.filter((x) => x.cue?.text === 'claimed').every((q) => q.speaker === null)); } finally { restore(); }
});

test('a statement right after a verb of issuing is its subject\'s, however the parse hung it', () => {
  const text = 'Flights were cancelled on Monday. Coastal Airways issued a statement saying "The usual route was earlier declared safe by the aviation authority."';
  const sp = speakerOf(text, 'usual route');
  assert.ok(sp.name === 'Coastal Airways' || sp.text === 'Coastal Airways', JSON.stringify(sp));
});

test('a thing sent or expressed by someone is that someone\'s word; seen by someone it is not', () => {
  assert.equal(speakerOf('The singer died on Friday, according to e-mails sent by her family.', 'singer died').text, 'her family');
  assert.equal(speakerOf('The singer died on Friday, according to e-mails seen by reporters.', 'singer died').text, 'e-mails');
});

test('a relative cue hung on a participle belongs to the noun the participle modifies, not to its time adjunct', () => {
  const text = 'Overshadowing the talks was a Harbour Gazette report released on Wednesday that claimed that the cranes had been sold.';
  const sp = speakerOf(text, 'cranes had been sold');
  assert.ok(sp.name === 'Harbour Gazette' || sp.text === 'Harbour Gazette', JSON.stringify(sp));
});
