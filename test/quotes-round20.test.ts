/**
 * Attributions of the twentieth round (issue 22), on sentences of our own: a present cue form the tagger took for a plural
 * noun ("The military | claims | it is …"), and a cue the parse hung as an adverbial clause on the clause it reports
 * ("One of them, a local teacher, said | her son had been held …"), each checked with its rule off and with near misses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameOf, run } from './helpers.js';
import { withoutRules } from '../src/rules/registry.js';

function quoteOf(text: string, content: string): { speaker: string | null; cue?: string } | null {
  const r = run(text);
  const q = r.quotes.find((x) => x.text.includes(content));
  if (!q) return null;
  return { speaker: nameOf(r, q.speaker) ?? (q.speaker_text ? `~${q.speaker_text}` : null), cue: q.cue?.text };
}

function without<T>(ids: string[], f: () => T): T {
  const restore = withoutRules([...ids, 'quotes.speaker-fill']);
  try { return f(); } finally { restore(); }
}

test('a present cue form tagged as a plural noun between a subject and a clause is the cue', () => {
  const text = 'The military claims it is in a final push against the rebels.';
  assert.deepEqual(quoteOf(text, 'it is in a final push'), { speaker: '~The military', cue: 'claims' });
  assert.equal(without(['quotes.noun-tagged-cue'], () => quoteOf(text, 'it is in a final push')), null);
  const named = 'President Ana Ruiz claims she would be glad if the talks went on for years.';
  assert.equal(quoteOf(named, 'she would be glad')?.cue, 'claims');
});

test('near misses: a noun reading of the same form stays a noun', () => {
  // a verb right after it: "reports" is the subject of "show"
  assert.equal(run('Police reports show the man was armed when he entered the bank.').quotes.some((q) => q.cue?.text === 'reports'), false);
  // a determiner or possessive before it
  assert.equal(run('The claims the company made were false, the court found.').quotes.some((q) => q.cue?.text === 'claims'), false);
});

test('a cue hung as an adverbial clause on the clause it reports heads that clause', () => {
  const text = 'One of them, a local teacher, said her son had been held for fourteen months.';
  assert.deepEqual(quoteOf(text, 'her son had been held'), { speaker: '~One of them', cue: 'said' });
  assert.equal(without(['quotes.inverted-clause'], () => quoteOf(text, 'her son had been held')), null);
});

test('near miss: a real adverbial clause with its subordinator reports nothing', () => {
  assert.equal(run('As the register states, the vessel carries grain and timber.').quotes.length, 0);
});

test('a bare weekday the parse made the subject is an adjunct: the noun phrase before it speaks, and "they" after it follows', () => {
  const text = 'Several hundred shop owners Tuesday announced that sales had fallen by a third. Exports had been hit hard. Hotel bookings had fallen too. They said 4,000 jobs could be lost.';
  assert.equal(quoteOf(text, 'sales had fallen')?.speaker, '~Several hundred shop owners');
  assert.equal(quoteOf(text, '4,000 jobs')?.speaker, '~Several hundred shop owners');
  assert.equal(without(['quotes.time-adjunct'], () => quoteOf(text, 'sales had fallen')?.speaker), '~Several hundred shop owners Tuesday');
  // hung on the cue as an adjunct with no preposition
  assert.equal(quoteOf('Dozens of doctors Wednesday warned that the hospitals were full.', 'hospitals were full')?.speaker, '~Dozens of doctors');
  // near miss: a weekday after its preposition was never the subject
  assert.equal(quoteOf('The port authority said on Tuesday that the ferry had sunk.', 'ferry had sunk')?.speaker, '~The port authority');
});

test('"CLAUSE, according to X, who said …" attributes the clause to X as well as the relative clause', () => {
  const text = 'The fire began at 10:39 a.m. local time, according to police, who said firefighters arrived six minutes later.';
  assert.equal(quoteOf(text, 'The fire began')?.cue, 'according to');
  assert.equal(quoteOf(text, 'The fire began')?.speaker, '~police');
  assert.equal(without(['quotes.according-before-clause'], () => quoteOf(text, 'The fire began')), null);
  const but = 'Ruiz has admitted to ordering the payments, according to prosecutors, but the ministry maintains a policy of not charging ministers.';
  assert.equal(quoteOf(but, 'Ruiz has admitted')?.speaker, '~prosecutors');
  // near misses: no clause before the phrase, or the phrase closing the sentence (the older frame)
  assert.equal(run('In 2019, according to police, who said nothing more, the fire began.').quotes.some((q) => q.text.startsWith('In 2019')), false);
});

test('a time right after an inverted cue is no subject: "…, Luc Besson, said today." is never said by "today"', () => {
  const text = '"We should have had a plan," Opposition Leader and former Finance Minister under Jean Moreau, Luc Besson, said today.';
  assert.notEqual(quoteOf(text, 'We should have had a plan')?.speaker, '~today');
  assert.equal(without(['quotes.time-adjunct'], () => quoteOf(text, 'We should have had a plan')?.speaker), '~today');
});

test('"he" after a sentence in which a body reports what a person said is that person, not a person named as a possessor', () => {
  const text = 'Reuters reported that an unnamed police official confirmed the arrest and said the suspect had been armed at the time of Mayor Tomas Berg\'s visit. "He had two knives," he said.';
  assert.equal(quoteOf(text, 'He had two knives')?.speaker, '~an unnamed police official');
  assert.notEqual(without(['quotes.reported-speaker-pronoun'], () => quoteOf(text, 'He had two knives')?.speaker), '~an unnamed police official');
  // near miss: the body reports no person's words: coreference's answer stands
  const spare = 'Reuters reported that the police had confirmed the arrest at the time of Mayor Ana Ruiz\'s visit. "He had two knives," she said.';
  assert.equal(quoteOf(spare, 'He had two knives')?.speaker, 'Ana Ruiz');
});

test('a noun phrase the parse took for an open complement of the cue, a finite predicate after it, is the reported clause', () => {
  const text = 'Officials claim all the dead in Tarvik have been buried, and two more died in hospital.';
  assert.equal(quoteOf(text, 'all the dead in Tarvik have been buried')?.speaker, '~Officials');
  assert.equal(without(['quotes.bare-clause'], () => quoteOf(text, 'all the dead in Tarvik have been buried')), null);
});
