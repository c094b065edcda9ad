/**
 * Speakers from the structure of attribution (issue 22, third round): pronoun antecedents by
 * subject preference and agreement, the cue a quotation belongs to, and source phrases the parse
 * splits. Sentences of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameOf, run } from './helpers.js';

test('"they" in a subordinate clause stands for the plural subject before it, kept as words', () => {
  const r = run('Union officials went to the Harbour Road police station, where they claimed the files had been stolen.');
  const q = r.quotes.find((x) => x.text.includes('files had been stolen'));
  assert.ok(q);
  assert.equal(q.speaker, null);
  assert.equal(q.speaker_text, 'Union officials');
});

test('"It" opening a sentence stands for the body that was the subject of the sentence before', () => {
  const r = run('The Farmers Alliance has launched a campaign against the new land tax. It is also urging members to withhold their payments.');
  const q = r.quotes.find((x) => x.cue?.text === 'urging');
  assert.ok(q);
  assert.equal(nameOf(r, q.speaker), 'Farmers Alliance');
});

test('a pronoun speaker agrees in gender with a given name', () => {
  const r = run('David Rios met Anna Weber at the station on Monday. She said the trains would run again by Friday.');
  const q = r.quotes.find((x) => x.text.includes('trains would run'));
  assert.ok(q);
  assert.equal(nameOf(r, q.speaker), 'Anna Weber');
});

test('a document names its author, not a person in its prepositional phrase', () => {
  const r = run('The hearing ended early. Judge Peter Holm issued a ruling against Senator Anna Berg finding that the contract was void.');
  const q = r.quotes.find((x) => x.text.includes('contract was void'));
  assert.ok(q);
  assert.equal(nameOf(r, q.speaker), 'Peter Holm');
});

test('a cue whose object is a relative pronoun leaves the quotation to the cue before it', () => {
  const r = run('Speaker Ana Holm commented on the vote — which the Herald noted as a rare move — "This house will not be silenced."');
  const q = r.quotes.find((x) => x.kind === 'direct');
  assert.ok(q);
  assert.equal(q.cue?.text, 'commented');
  assert.equal(nameOf(r, q.speaker), 'Ana Holm');
});

test('a quotation hanging on a passive agent goes to that cue, not to a cue after it in another clause', () => {
  const r = run('The mayor was told by Fire Chief Ivan Petrov of "at least 30 people under the debris", while Deputy Governor Oleg Sarin indicated 60 were missing.');
  const q = r.quotes.find((x) => x.kind === 'direct');
  assert.ok(q);
  assert.equal(nameOf(r, q.speaker), 'Ivan Petrov');
  const other = r.quotes.find((x) => x.text === '60 were missing');
  assert.ok(other);
  assert.equal(nameOf(r, other.speaker), 'Oleg Sarin');
});

test('a title with a bracketed abbreviation before the name: the person is the speaker', () => {
  const r = run('Member of Parliament (MP) Clara Voss of the Green Party added, "The bill is a disgrace to this chamber."');
  const q = r.quotes.find((x) => x.kind === 'direct');
  assert.ok(q);
  assert.equal(nameOf(r, q.speaker), 'Clara Voss');
});

test('a car the recogniser took for a person is no antecedent of "she"', () => {
  const r = run('Witnesses said the Volvo had come from the base, and officers spoke with Anne Mercer. She told police she had diplomatic immunity.');
  const q = r.quotes.find((x) => x.cue?.text === 'told');
  assert.ok(q);
  assert.equal(nameOf(r, q.speaker), 'Anne Mercer');
});

test('two clauses joined by ", but" are not one subject phrase', () => {
  const r = run('The first reports spoke of drone attacks, but the Saudi government said the attack included cruise missiles.');
  const q = r.quotes.find((x) => x.text.includes('cruise missiles'));
  assert.ok(q);
  assert.equal(q.speaker_text, 'the Saudi government');
});

test('a participial adjective and a bracketed abbreviation stay in the subject read off the words', () => {
  const r = run('Late on Friday, the Kurdish-led Northern Unity Front (NUF) announced it had signed a truce with the army.');
  const q = r.quotes.find((x) => x.text.includes('signed a truce'));
  assert.ok(q);
  assert.ok(q.speaker !== null || q.speaker_text, 'a speaker is found');
  assert.match(q.source?.text ?? '', /Northern Unity Front/);
});

test('a statement described by its origin is not the last speaker\'s', () => {
  const r = run('According to the BBC, the border was closed on Monday. The Greek statement called for talks to resume.');
  const q = r.quotes.find((x) => x.cue?.text === 'called');
  assert.ok(q);
  assert.equal(q.speaker, null);
  assert.equal(q.speaker_text, 'The Greek statement');
});

test('the issuer of a document is the head of the subject, not a place in its prepositional phrase', () => {
  const r = run('Farmers and landowners from the border state of Arizona filed a motion claiming the order was unlawful.');
  const q = r.quotes.find((x) => x.cue?.text === 'claiming');
  assert.ok(q);
  assert.equal(q.speaker, null);
  const p = run('US Secretary of State Mike Pompeo posted a message on Twitter blaming Iran for the attacks.');
  const b = p.quotes.find((x) => x.cue?.text === 'blaming');
  assert.ok(b);
  assert.equal(nameOf(p, b.speaker), 'Mike Pompeo');
});
