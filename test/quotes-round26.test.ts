/**
 * The fifteenth session's round (quotes26, issue 22): a quotation that took the first of a speaker's two cues, on sentences
 * of our own (invented people), each with its near miss.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotesOf, without } from './support/quote-lines.js';

const adding = 'Governor Ana Ruiz claimed she made the decision alone, adding, "Nobody in the capital ever pressured me."';

test('the same speaker\'s participle nearer the quotation takes it; the first cue reports its own clause (quotes.nearer-cue)', () => {
  const on = quotesOf(adding);
  assert.ok(on.some((q) => q.text === 'she made the decision alone' && q.cue === 'claimed' && q.speaker === 'Ana Ruiz'), JSON.stringify(on));
  assert.ok(on.some((q) => q.text === 'Nobody in the capital ever pressured me.' && q.cue === 'adding' && q.speaker === 'Ana Ruiz'), JSON.stringify(on));
  // without it the parse hangs the quotation on "claimed", and the claim itself goes unreported
  const off = without(['quotes.nearer-cue'], () => quotesOf(adding));
  assert.ok(!off.some((q) => q.text === 'she made the decision alone'), JSON.stringify(off));
  assert.equal(off.find((q) => /Nobody in the capital/.test(q.text))?.cue, 'claimed');
});

const insisting = 'Governor Ana Ruiz claimed she made the decision alone, insisting she was "never pressured by anyone in the capital".';

test('a quotation inside the participle\'s clause, hung by the parse on the first cue, goes to the participle (quotes.nearer-cue)', () => {
  const on = quotesOf(insisting);
  assert.ok(on.some((q) => q.text === 'she made the decision alone' && q.cue === 'claimed'), JSON.stringify(on));
  assert.equal(on.find((q) => q.text === 'never pressured by anyone in the capital')?.cue, 'insisting', JSON.stringify(on));
  const off = without(['quotes.nearer-cue'], () => quotesOf(insisting));
  assert.equal(off.find((q) => /never pressured/.test(q.text))?.cue, 'claimed', JSON.stringify(off));
  assert.ok(!off.some((q) => q.text === 'she made the decision alone'), JSON.stringify(off));
});

test('near misses: a participle that is no cue, a participle of another speaker', () => {
  const leaving = quotesOf('Governor Ana Ruiz said the union had walked out of the talks, leaving the capital "without any hope of a deal this year".');
  assert.equal(leaving.find((q) => q.text === 'without any hope of a deal this year')?.cue, 'said', JSON.stringify(leaving));
  const other = quotesOf('Governor Ana Ruiz said that Mayor Tom Berg had walked out of the talks, accusing the ministry of "bad faith in every single meeting".');
  assert.ok(other.some((q) => q.text === 'Mayor Tom Berg had walked out of the talks' && q.speaker === 'Ana Ruiz'), JSON.stringify(other));
  assert.equal(other.find((q) => q.text === 'bad faith in every single meeting')?.speaker, 'Tom Berg');
});

const citing = 'A group of MPs condemned the order of the FCC, citing the move as a "serious abuse of regulatory power" and "contrary to law".';

test('a second quotation after the participle that reports the first goes to that participle too (quotes.nearer-cue)', () => {
  const on = quotesOf(citing);
  assert.equal(on.find((q) => q.text === 'contrary to law')?.cue, 'citing', JSON.stringify(on));
  assert.ok(on.some((q) => q.text === 'the order of the FCC' && q.cue === 'condemned'), JSON.stringify(on));
  const off = without(['quotes.nearer-cue'], () => quotesOf(citing));
  assert.equal(off.find((q) => q.text === 'contrary to law')?.cue, 'condemned', JSON.stringify(off));
  assert.ok(!off.some((q) => q.text === 'the order of the FCC'), JSON.stringify(off));
});

const responded = 'Mayor Ana Ruiz responded to the verdict on Facebook, attacking the court as a tool of the opposition: "This ruling will not stand, and we will appeal it next week."';

test('a participle with its own content before the colon leaves the quotation to the same speaker\'s quotation-only cue (quotes.nearer-cue)', () => {
  const on = quotesOf(responded);
  assert.ok(on.some((q) => q.text === 'the court as a tool of the opposition' && q.cue === 'attacking' && q.speaker === 'Ana Ruiz'), JSON.stringify(on));
  assert.equal(on.find((q) => /ruling will not stand/.test(q.text))?.cue, 'responded');
  const off = without(['quotes.nearer-cue'], () => quotesOf(responded));
  assert.ok(!off.some((q) => q.text === 'the court as a tool of the opposition'), JSON.stringify(off));
  // near miss: no cue before the participle, which keeps the quotation
  const left = quotesOf('Mayor Ana Ruiz left the courthouse on Monday, attacking the court as a tool of the opposition: "This ruling will not stand, and we will appeal it next week."');
  assert.equal(left.find((q) => /ruling will not stand/.test(q.text))?.cue, 'attacking', JSON.stringify(left));
});

test('"chanting" hands over a quotation, so the cue before it keeps its own content (lexicon row chant: quote)', () => {
  const on = quotesOf('Some 5,000 farmers, who are complaining of falling prices, filled the square in Lyon today, chanting "We will stay until the minister resigns."');
  assert.ok(on.some((q) => q.text === 'We will stay until the minister resigns.' && q.cue === 'chanting' && /farmers/.test(q.speaker ?? '')), JSON.stringify(on));
  assert.ok(on.some((q) => /falling prices/.test(q.text) && q.cue === 'complaining' && !/We will stay/.test(q.text)), JSON.stringify(on));
  // a chant with no quotation is no attribution
  const bare = quotesOf('Some 5,000 farmers filled the square in Lyon today, chanting slogans against the minister.');
  assert.ok(!bare.some((q) => q.cue === 'chanting'), JSON.stringify(bare));
});

const asserted = "The mayor's response is a drastic departure in tone from his previous rhetoric and demeanor regarding the issue, in which he asserted he had won the election despite several key districts certifying their results in favor of Ruiz.";

test('a bare clause right after a cue, hung by the parse as a relative clause on a word before it, is the cue\'s (quotes.clause-hung-before)', () => {
  const on = quotesOf(asserted);
  assert.ok(on.some((q) => q.cue === 'asserted' && /^he had won the election/.test(q.text)), JSON.stringify(on));
  const off = without(['quotes.clause-hung-before'], () => quotesOf(asserted));
  assert.ok(!off.some((q) => q.cue === 'asserted'), JSON.stringify(off));
  // near miss: "that" opens the clause, which the parse hangs on the cue itself
  const that = quotesOf(asserted.replace('asserted he', 'asserted that he'));
  assert.ok(that.some((q) => q.cue === 'asserted' && /^he had won the election/.test(q.text)), JSON.stringify(that));
});

const declaration = 'The ministers at the meeting in Lima approved a declaration in which Peru apologized for the raid. It also mentioned a pledge to fight threats posed by "irregular or criminal groups."';

test('"it" after a sentence whose main verb put out a document speaks for whoever put it out (quotes.it-issued-document)', () => {
  const on = quotesOf(declaration);
  assert.equal(on.find((q) => q.cue === 'mentioned')?.speaker, '~The ministers at the meeting in Lima', JSON.stringify(on));
  const off = without(['quotes.it-issued-document'], () => quotesOf(declaration));
  assert.equal(off.find((q) => q.cue === 'mentioned')?.speaker, 'Peru', JSON.stringify(off));
  // near miss: a verb that puts nothing out ("discussed a declaration")
  const discussed = quotesOf(declaration.replace('approved', 'discussed'));
  assert.notEqual(discussed.find((q) => q.cue === 'mentioned')?.speaker, '~The ministers at the meeting in Lima', JSON.stringify(discussed));
});
