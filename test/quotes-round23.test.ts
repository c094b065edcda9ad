/**
 * Speakers of the twelfth session's round (quotes23, issue 22: the right speaker), on sentences of our own: a published
 * figure (projections, estimates, a tally, a forecast) speaks for its author, like a statement or a ruling.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotesOf, without } from './support/quote-lines.js';

test('a published figure speaks for its possessor or its by-phrase author', () => {
  const projections = quotesOf('Senator Ana Ruiz won three of the five states, according to Reuters\' projections.');
  assert.equal(projections.find((q) => q.cue === 'according to')?.speaker, 'Reuters');
  const tally = quotesOf('At least 300 people died in the floods, according to a tally by the Associated Press.');
  assert.equal(tally.find((q) => q.cue === 'according to')?.speaker, 'Associated Press');
  // (without the statement-author rule the figure keeps its words)
  const off = without(['quotes.statement-author'], () => quotesOf('Senator Ana Ruiz won three of the five states, according to Reuters\' projections.'));
  assert.notEqual(off.find((q) => q.cue === 'according to')?.speaker, 'Reuters');
});

test('near misses: a figure with no author keeps its words; a person in its prepositional phrase is no author', () => {
  const bare = quotesOf('Unemployment will rise to nine percent next year, according to projections.');
  assert.equal(bare.find((q) => q.cue === 'according to')?.speaker, '~projections');
  const about = quotesOf('Turnout fell sharply, according to estimates about Senator Ana Ruiz\'s district.');
  assert.notEqual(about.find((q) => q.cue === 'according to')?.speaker, 'Ana Ruiz');
});

test('a dash line signs the block quotation above it (quotes.byline-block)', () => {
  const unmarked = 'The court set out its reasoning in a long ruling:\n\nBy today\'s judgment, the Court answers that the directive does not preclude such an order.\n\nBecause this Court finds the claim unfounded, it dismisses the suit.\n\n– European Court of Justice\n\nThe ruling cannot be appealed.';
  const q = quotesOf(unmarked);
  const block = q.filter((x) => x.speaker === 'European Court of Justice');
  assert.equal(block.length, 2, JSON.stringify(q));
  assert.ok(/^By today's judgment/.test(block[0].text));
  // the words inside the block are quoted, not narrated: "this Court finds" is no attribution of its own
  assert.equal(q.some((x) => x.cue === 'finds'), false, JSON.stringify(q));
  const marked = '"The directive stands, and we will comply with every order that follows from it."\n\n– Mark Zuckerberg\n\nThe company later declined to comment.';
  assert.equal(quotesOf(marked)[0]?.speaker, 'Mark Zuckerberg');
  const off = without(['quotes.byline-block'], () => quotesOf(unmarked));
  assert.equal(off.some((x) => x.speaker === 'European Court of Justice'), false);
});

test('byline near misses: a dash line that is no name, prose above a byline, a block with no introducing colon', () => {
  // a list line opening on a dash is no byline
  const list = 'Rescue work went on through the night:\n\nCrews searched the river banks for survivors until dawn.\n\n—Emergency crews calling a halt to work at dawn';
  assert.equal(quotesOf(list).length, 0);
  // a byline under narration that quotes someone else keeps that quotation's own speaker
  const prose = 'According to eyewitness Vinnie DeVita, "it exploded within seconds, just a ball of flames." Rescuers arrived later.\n\n—Troy Roberts';
  assert.notEqual(quotesOf(prose).find((x) => /exploded/.test(x.text))?.speaker, 'Troy Roberts');
  // no colon closes a paragraph above: the prose is not taken for a quotation
  const noIntro = 'The ministry published its figures on Monday.\n\nUnemployment rose to nine percent in the third quarter.\n\n– Ana Ruiz';
  assert.equal(quotesOf(noIntro).length, 0);
});

test('a date as the object is when the cue spoke; the clause after it is what was said (quotes.time-object)', () => {
  const text = 'Port officials stated Wednesday, some of the containers found in the harbour will be shipped back to Rotterdam.';
  const stated = quotesOf(text).find((q) => q.cue === 'stated');
  assert.ok(stated && /^some of the containers found in the harbour will be shipped back/.test(stated.text), JSON.stringify(stated));
  assert.equal(stated?.speaker, '~Port officials');
  const off = without(['quotes.time-object'], () => quotesOf(text)).find((q) => q.cue === 'stated');
  assert.equal(off?.text, 'Wednesday');
});

test('time-object near misses: an object that is more than a date stays the content', () => {
  const position = quotesOf('Port officials stated their position on Wednesday, and some of the containers were shipped back.').find((q) => q.cue === 'stated');
  assert.ok(position && /their position/.test(position.text), JSON.stringify(position));
  const denied = quotesOf('The minister denied the Wednesday meeting had taken place.').find((q) => q.cue === 'denied');
  assert.ok(denied && /meeting had taken place/.test(denied.text), JSON.stringify(denied));
});

test('a name before an apposition the parse took the subject from is the subject (quotes.name-before-apposition)', () => {
  const quoted = '"The end of the calendar year is always strong," Jessica Caldwell, Edmunds\' executive director of industry analysis, said in a statement.';
  const q = quotesOf(quoted);
  assert.equal(q.find((x) => x.text.startsWith('The end of the calendar year'))?.speaker, 'Jessica Caldwell', JSON.stringify(q));
  // (the description was the parse's subject, and the quotation plus the name were read as a paraphrase of it)
  assert.equal(q.some((x) => /Jessica Caldwell/.test(x.text)), false, JSON.stringify(q));
  const off = without(['quotes.name-before-apposition'], () => quotesOf(quoted));
  assert.notEqual(off.find((x) => x.text.startsWith('The end of the calendar year'))?.speaker, 'Jessica Caldwell');
  const unnamed = quotesOf('Airfleets, a database detailing the aircraft operated by commercial carriers, states the aircraft uses the A300.');
  assert.equal(unnamed.find((x) => x.cue === 'states')?.speaker, '~Airfleets', JSON.stringify(unnamed));
});

test('name-before-apposition near misses: a name after a conjunction, an apposition that names someone', () => {
  const joined = 'In findings published on Wednesday, researchers from the Georgia Institute of Technology and Clemson University, both in the United States, reported that warming seas weaken corals.';
  assert.notEqual(quotesOf(joined).find((x) => x.cue === 'reported')?.speaker, 'Clemson University');
  const named = 'Ana Ruiz, a colleague of Tom Berg, said the plan would fail.';
  assert.equal(quotesOf(named).find((x) => x.cue === 'said')?.speaker, 'Ana Ruiz');
});

test('"with a spokesperson for them saying": the role speaks, not the object of "for" (quotes.participle-on-role-phrase)', () => {
  const text = 'The Foreign Office confirmed he died on Wednesday, with a spokesperson for them saying: "We are aware of the death of a British national."';
  const said = quotesOf(text).find((q) => q.text.startsWith('We are aware'));
  assert.equal(said?.speaker, '~a spokesperson for them', JSON.stringify(said));
  const off = without(['quotes.participle-on-role-phrase'], () => quotesOf(text)).find((q) => q.text.startsWith('We are aware'));
  assert.notEqual(off?.speaker, '~a spokesperson for them');
  // near miss: no role noun before "for" — the parse's reading stands
  const plain = quotesOf('The Foreign Office confirmed he died on Wednesday, with officials saying: "We are aware of the death of a British national."');
  assert.notEqual(plain.find((q) => q.text.startsWith('We are aware'))?.speaker, '~a spokesperson for them');
});
