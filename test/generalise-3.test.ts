/**
 * Generalisation checks, round 2: found by reading the extraction of new stories in styles the
 * first round did not cover (test/fixtures/articles-3/: a live blog stamped "14:05 GMT - ", a Q:/A:
 * interview transcript, a wire story listing freed prisoners with ages). Each test is a sentence of
 * its own, from neither the seed nor those stories.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsWith, nameOf, namesOf, run } from './helpers.js';

// ---- events ----

test('events: a participle fronted before "was" is a passive whose patient follows ("Also freed was X")', () => {
  const r = run('Also freed was the French engineer Anneke Visser, who had been held since May.');
  const [e] = eventsWith(r, 'freed', true);
  assert.ok(e, JSON.stringify(r.events));
  assert.equal(e.type, 'RETREAT');
  assert.equal(e.mode, 'release');
  assert.deepEqual(namesOf(r, e.recipient), ['Anneke Visser']);
  // an ordinary active clause is untouched
  const s = run('Rebels freed Anneke Visser on Monday.');
  assert.deepEqual(namesOf(s, eventsWith(s, 'freed', true)[0]?.recipient ?? []), ['Anneke Visser']);
});

test('events: "those freed … included X and Y" makes X and Y the ones freed', () => {
  const r = run('Those freed from Evin prison on Sunday included Reza Tabrizi, 58, a retired teacher, and Leila Ahmadi, 33, a student.');
  const [e] = eventsWith(r, 'freed', true);
  assert.ok(e, JSON.stringify(r.events));
  assert.equal(e.type, 'RETREAT');
  assert.deepEqual(namesOf(r, e.recipient).sort(), ['Leila Ahmadi', 'Reza Tabrizi']);
});

test('events: "remains under house arrest" is a state, no event by the detainee', () => {
  const r = run('Maria Kolesnikova remains under house arrest in Minsk, according to a source close to her family.');
  assert.deepEqual(eventsWith(r, 'remains', true), [], JSON.stringify(r.events));
  const s = run('Ahmed Said remains behind bars in Cairo, according to a source close to his family.');
  assert.deepEqual(eventsWith(s, 'remains', true), [], JSON.stringify(s.events));
});

test('events: "the two", "all three" stand for the group of exactly that many people just named', () => {
  const r = run('Police identified the pair as Omar Haddad and Sami Khoury. The two were kidnapped near Tripoli in June.');
  const [e] = eventsWith(r, 'kidnapped', true);
  assert.ok(e, JSON.stringify(r.events));
  assert.deepEqual(namesOf(r, e.recipient).sort(), ['Omar Haddad', 'Sami Khoury']);
  // a count that matches no list names no one
  const s = run('Omar Haddad spoke to reporters. Three were kidnapped near Tripoli in June.');
  assert.ok(eventsWith(s, 'kidnapped', true).every((x) => x.recipient.length === 0), JSON.stringify(s.events));
});

test('events: a non-finite clause after "before/after/while" shares its head\'s subject ("held … before being handed over")', () => {
  const r = run('Ali Hassan was held for two years before being handed over to Turkish officials in Ankara.');
  const [e] = eventsWith(r, 'handed over', true);
  assert.ok(e, JSON.stringify(r.events));
  assert.equal(e.type, 'RETREAT');
  assert.deepEqual(namesOf(r, e.recipient), ['Ali Hassan']);
});

test('events: people released under an occupation noun ("two Dutch nurses") are a release of people (0841)', () => {
  const r = run('Two Dutch nurses were released on Monday.');
  const [e] = eventsWith(r, 'released', true);
  assert.ok(e, JSON.stringify(r.events));
  assert.equal(e.mode, 'release');
  assert.equal(e.cameo, '0841');
});

test('events: negotiating is consulting (CAMEO 046), and a negotiator alone makes the event', () => {
  const r = run('The deal was negotiated by Egypt.');
  const [e] = eventsWith(r, 'negotiated', true);
  assert.ok(e, JSON.stringify(r.events));
  assert.equal(e.type, 'CONSULT');
  assert.deepEqual(namesOf(r, e.actor), ['Egypt']);
});

test('events: the words of a trailing "according to X" are no pattern material', () => {
  const r = run('Israeli troops arrested Ahmed Said in Jenin, according to the Palestinian Prisoners\' Society.');
  const [e] = eventsWith(r, 'arrested', true);
  assert.ok(e, JSON.stringify(r.events));
  assert.equal(e.type, 'COERCE');
  assert.equal(e.mode, 'arrest');
  assert.deepEqual(namesOf(r, e.recipient), ['Ahmed Said']);
});

test('events: "A, 44, and B, 39, were seized" names both; a following "They" continues the pair', () => {
  const r = run('Marta Kowalska, 52, and Ivan Petrov, 47, were abducted near Goma in May. They were held for a year before being handed over to Red Cross officials.');
  const [a] = eventsWith(r, 'abducted', true);
  assert.ok(a, JSON.stringify(r.events));
  assert.deepEqual(namesOf(r, a.recipient).sort(), ['Ivan Petrov', 'Marta Kowalska']);
  const [h] = eventsWith(r, 'handed over', true);
  assert.ok(h, JSON.stringify(r.events));
  assert.deepEqual(namesOf(r, h.recipient).sort(), ['Ivan Petrov', 'Marta Kowalska']);
});

test('events: "secured/won the freedom of X" is a release of X; demanding or campaigning for it is not, nor "freedom of speech"', () => {
  const r = run('In March the bishop secured the freedom of the Kenyan nun Mary Wanjiru.');
  const [e] = eventsWith(r, 'freedom', true);
  assert.ok(e, JSON.stringify(r.events));
  assert.equal(e.type, 'RETREAT');
  assert.deepEqual(namesOf(r, e.recipient), ['Mary Wanjiru']);
  const s = run('Ana Ruiz campaigned for the freedom of Mary Wanjiru. Students demanded freedom of speech.');
  assert.deepEqual(eventsWith(s, 'freedom', true), [], JSON.stringify(s.events));
});

// ---- relations ----

test('relations: an organisation before a role employs also when the remit after "for" names no entity', () => {
  const r = run('Anna Berg, the UN High Commissioner for Human Rights, said the talks had failed.');
  const rel = r.relations.find((x) => x.type === 'position' && nameOf(r, x.subject) === 'Anna Berg');
  assert.ok(rel, JSON.stringify(r.relations));
  assert.equal(nameOf(r, rel.object), 'UN');
  assert.match(rel.role ?? '', /Commissioner/);
});

// ---- times ----

test('times: a live-blog stamp opening its entry times the entry, not the day the entry goes on to name', () => {
  const r = run('Live: border crossing\n\n09:15 GMT - The army said the crossing would reopen on Friday.', '2024-03-12');
  const stamp = r.times.find((t) => t.text.startsWith('09:15'));
  assert.equal(stamp?.value, '2024-03-12T09:15');
  assert.equal(r.times.find((t) => t.text === 'Friday')?.value, '2024-03-15');
  // a clock time inside a sentence still takes the day written with it
  const s = run('The convoy crossed at 09:15 GMT on Friday.', '2024-03-12');
  assert.equal(s.times.find((t) => t.text.includes('09:15'))?.value, '2024-03-08T09:15');
});

// ---- quotes ----

test('quotes: in a Q:/A: transcript each answer is the interviewee speaking; questions are not quotes', () => {
  const text = 'Aisha Bello has led the Chibok families group since 2014. She spoke to us in Abuja.\n\n' +
    'Q: What do the families want?\n\nA: They want their daughters back, and they want answers.\n\n' +
    'Q: Has the government listened?\n\nA: Not enough. We have written to three presidents.';
  const r = run(text);
  const answers = r.quotes.filter((q) => q.text.startsWith('They want') || q.text.startsWith('Not enough'));
  assert.equal(answers.length, 2, JSON.stringify(r.quotes));
  for (const q of answers) assert.equal(nameOf(r, q.speaker), 'Aisha Bello');
  assert.ok(!r.quotes.some((q) => q.text.includes('What do the families want')));
  // a lone "A:" line outside a transcript is no quote
  const s = run('Plan A: reopen the crossing.\n\nThe army agreed.');
  assert.equal(s.quotes.length, 0, JSON.stringify(s.quotes));
});
