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
  const restore = withoutRules(['quotes.pronoun-not-in-clause', 'quotes.previous-subject-speaker']);
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
  // (the cascade without the rule: no fill of what it then finds nothing for)
  const restore = withoutRules(['quotes.conjunct-in-report', 'quotes.speaker-fill']);
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

test('a participle cue hung on a noun inside a statement\'s prepositional phrase is the statement\'s', () => {
  const text = 'Eight councillors signed a letter to the mayor and the Harbour Board expressing their concern that the port would close.';
  assert.equal(speakerOf(text, 'port would close').text, 'Eight councillors');
  const restore = withoutRules(['quotes.statement-participle']);
  try { assert.notEqual(speakerOf(text, 'port would close').text, 'Eight councillors'); } finally { restore(); }
});

test('"expressed concern that …" reports the clause; "expressed its disgust at …" reports nothing', () => {
  assert.ok(run('The union expressed concern that the port would close.').quotes.some((q) => q.text.includes('port would close')));
  assert.equal(run('The union expressed its disgust at the reports.').quotes.length, 0);
});

test('"requested" a bare object and "indicated" support are claims', () => {
  assert.ok(run('Ana Ruiz, the harbour master, requested a ten-year tax exemption for the port.').quotes.some((q) => q.text.includes('tax exemption')));
  assert.ok(run('The Harbour Workers Union indicated support for the new contract.').quotes.some((q) => q.text.includes('support for the new contract')));
});

test('a passive cue with a by-agent attributes its subject to the agent; a passive of writing does not', () => {
  const r = run('Her death was announced by the Harbour Workers Union.');
  const q = r.quotes.find((x) => x.text === 'Her death');
  assert.ok(q);
  assert.equal(nameOf(r, q.speaker), 'Harbour Workers Union');
  assert.equal(run('The letter was written by a local teacher.').quotes.length, 0);
});

test('a he/she speaker right after a sentence whose main subject spoke is that speaker, not a person named elsewhere', () => {
  const text = 'Jan Kowal was arrested on Monday. He denied the charges. Tom Berg, the head of the union, vowed the strike would go on despite the arrest of Kowal. "We will not stop," he said in a statement.';
  assert.equal(speakerOf(text, 'We will not stop').name, 'Tom Berg');
  const described = 'Ana Ruiz thanked the crew. The programme manager stated that "this is a moment of joy". He also referred to the slogan, saying that "we heard you loud and clear".';
  assert.equal(speakerOf(described, 'loud and clear').text, 'The programme manager');
  // a spokeswoman is no "he"
  const other = 'Tom Berg thanked the crew. The spokeswoman stated that "this is a moment of joy". He also said that "we heard you loud and clear".';
  assert.notEqual(speakerOf(other, 'loud and clear').text, 'The spokeswoman');
});

test('"…, which according to X had …" attributes the rest of the relative clause to X, not the main clause', () => {
  const r = run('The first tremor struck at 00:37 local time, which according to the Harbour Seismic Service had a magnitude of 4.7.');
  const q = r.quotes.find((x) => x.cue?.text === 'according to');
  assert.ok(q);
  assert.equal(q.text, 'had a magnitude of 4.7');
  assert.equal(nameOf(r, q.speaker), 'Harbour Seismic Service');
});

test('a phrasal cue the lexicon lists takes its own frames: "ruled out" a bare object, "pointed out that"', () => {
  const r = run('The Harbour Tsunami Service ruled out the possibility of a tsunami.');
  assert.ok(r.quotes.some((q) => q.text === 'the possibility of a tsunami'));
  const restore = withoutRules(['quotes.phrasal-cue']);
  try { assert.ok(!run('The Harbour Tsunami Service ruled out the possibility of a tsunami.').quotes.some((q) => q.text === 'the possibility of a tsunami')); } finally { restore(); }
  assert.ok(run('Ana Ruiz pointed out that the port was closed.').quotes.some((q) => q.text === 'the port was closed'));
  assert.equal(run('Ana Ruiz pointed to strong orders.').quotes.length, 0);
});
