/**
 * Speakers of the thirteenth session's round (quotes24, issue 22: "document as source"), on sentences of our own: a definite
 * document noun names the author of its earlier mention; a name opening on a word the tagger took for a verb is one name.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotesOf, without } from './support/quote-lines.js';

const released = 'Harbour Lines released a statement on Friday saying the ferry had been repaired. A spokesperson told reporters the route would reopen. "No passengers were hurt," read the statement.';

test('"the statement read" is the author of the statement released before (quotes.document-antecedent)', () => {
  const read = quotesOf(released).find((q) => q.cue === 'read');
  assert.match(read?.speaker ?? '', /Harbour Lines/, JSON.stringify(quotesOf(released)));
  // without the rule, the statement is the last speaker's
  const off = without(['quotes.document-antecedent'], () => quotesOf(released)).find((q) => q.cue === 'read');
  assert.doesNotMatch(off?.speaker ?? '', /Harbour Lines/);
  // a statement spoken "in" by its author: "X said in a letter … The letter stressed"
  const letter = 'Mitchell Stoltz, a lawyer at the Freedom Foundation, said in a letter to the company that the tool was lawful. Ana Ruiz, an engineer at the company, said the tool was unlawful. The letter stressed that the tool decrypts nothing.';
  const medium = quotesOf(letter);
  assert.equal(medium.find((q) => q.cue === 'stressed')?.speaker, 'Mitchell Stoltz', JSON.stringify(medium));
  assert.notEqual(without(['quotes.document-antecedent'], () => quotesOf(letter)).find((q) => q.cue === 'stressed')?.speaker, 'Mitchell Stoltz');
});

test('near misses: no earlier mention, an indefinite or described document, another noun', () => {
  // nothing before: the last speaker, as before
  const none = quotesOf('A spokesperson told reporters the route would reopen. "No passengers were hurt," read the statement.');
  assert.doesNotMatch(none.find((q) => q.cue === 'read')?.speaker ?? '', /Harbour Lines/);
  // an earlier statement of another noun ("a report") names no author for "the statement"
  const other = quotesOf('Harbour Lines released a report on Friday. Engineers said the ferry had been repaired. The statement said no passengers were hurt.');
  assert.doesNotMatch(other.find((q) => q.cue === 'said' && /passengers/.test(q.text))?.speaker ?? '', /Harbour Lines/);
  // a statement described as another's keeps its own author
  const own = quotesOf('Harbour Lines released a statement on Friday. The union\'s statement said no passengers were hurt.');
  assert.doesNotMatch(own.find((q) => /passengers/.test(q.text))?.speaker ?? '', /Harbour Lines/);
});

test('"the Combined Joint Task Force released": a name opening on a verb-tagged word is the subject (quotes.verb-tagged-name-start)', () => {
  const text = 'On Friday, the Combined Joint Task Force Operation Inherent Resolve released a statement saying an attack that day on an air base produced no casualties.';
  const saying = quotesOf(text).find((q) => q.cue === 'saying');
  assert.match(saying?.speaker ?? '', /Combined Joint Task Force/, JSON.stringify(quotesOf(text)));
  const off = without(['quotes.verb-tagged-name-start'], () => quotesOf(text)).find((q) => q.cue === 'saying');
  assert.doesNotMatch(off?.speaker ?? '', /Combined Joint Task Force/);
});

test('verb-tagged name near miss: a real verb after "the task force" keeps its subject', () => {
  const text = 'On Friday, the task force combined its units and released a statement saying the attack caused no casualties.';
  const saying = quotesOf(text).find((q) => q.cue === 'saying');
  assert.doesNotMatch(saying?.speaker ?? '', /Combined|combined its units/);
});

test('"The proclamation said" after "X declared a national emergency": the act\'s subject (quotes.document-act)', () => {
  const text = 'On Friday, President Ana Ruiz declared a national emergency over the floods. Aid agencies welcomed the move. The proclamation said the emergency began on March 1.';
  const said = quotesOf(text).find((q) => /began on March 1/.test(q.text));
  assert.equal(said?.speaker, 'Ana Ruiz', JSON.stringify(quotesOf(text)));
  const off = without(['quotes.document-act'], () => quotesOf(text)).find((q) => /began on March 1/.test(q.text));
  assert.notEqual(off?.speaker, 'Ana Ruiz');
});

test('document-act near misses: a declaration of a claim, an act in a subordinate clause, an earlier mention of the noun', () => {
  // "declared X to be Y" reports a claim: no act the proclamation records
  const claim = quotesOf('The flooding worsened two days after the Red Cross declared the outbreak to be an epidemic. The proclamation said the emergency began on March 1.');
  assert.notEqual(claim.find((q) => /began on March 1/.test(q.text))?.speaker, 'Red Cross');
  const background = quotesOf('Aid arrived two days after President Ana Ruiz declared a national emergency. The proclamation said the emergency began on March 1.');
  assert.notEqual(background.find((q) => /began on March 1/.test(q.text))?.speaker, 'Ana Ruiz');
  // the noun written before the act's report is its own record: "a proclamation" with no author names no one
  const mentioned = quotesOf('A proclamation was read in the square. President Ana Ruiz declared a national emergency. The proclamation said the emergency began on March 1.');
  assert.notEqual(mentioned.find((q) => /began on March 1/.test(q.text))?.speaker, 'Ana Ruiz');
});

test('a cue with a time adjunct reports the clause after it, however the parse hung it (quotes.time-adjunct-clause)', () => {
  const text = 'Following that reasoning, the Court of Session in Scotland ruled on September 11 the prorogation was unlawful.';
  const ruled = quotesOf(text).find((q) => q.cue === 'ruled');
  assert.equal(ruled?.text, 'the prorogation was unlawful', JSON.stringify(quotesOf(text)));
  assert.equal(ruled?.speaker, 'Court of Session');
  const off = without(['quotes.time-adjunct-clause'], () => quotesOf(text)).find((q) => q.cue === 'ruled');
  assert.equal(off, undefined);
  // (a comma and the clause after it: the same)
  const comma = quotesOf('The harbour authority reported on Monday, the ferry had been repaired.').find((q) => q.cue === 'reported');
  assert.equal(comma?.text, 'the ferry had been repaired');
});

test('time-adjunct-clause near misses: a conjunct with "and", an adjunct that is no time', () => {
  const and = quotesOf('Following that reasoning, the Court of Session in Scotland ruled on September 11, and the prorogation was unlawful.');
  assert.equal(and.some((q) => q.cue === 'ruled' && /prorogation was unlawful/.test(q.text)), false, JSON.stringify(and));
  const place = quotesOf('The harbour authority reported in Dover, the ferry had been repaired.');
  assert.equal(place.some((q) => q.cue === 'reported' && q.text === 'the ferry had been repaired'), false, JSON.stringify(place));
});

test('"told X, an apposition, that …": the clause after "that" (quotes.that-after-apposition)', () => {
  const text = 'A hospital official told Anadolu Agency, a local news outlet, that one of the deceased was Jalal Saifur Rahman, a director of the commission.';
  const told = quotesOf(text).find((q) => q.cue === 'told');
  assert.ok(told && /^one of the deceased was Jalal Saifur Rahman/.test(told.text), JSON.stringify(quotesOf(text)));
  const off = without(['quotes.that-after-apposition'], () => quotesOf(text)).find((q) => q.cue === 'told');
  assert.ok(!off || !/^one of the deceased/.test(off.text));
});

test('that-after-apposition near miss: a sentence ends before "That"', () => {
  const ended = quotesOf('A hospital official told Anadolu Agency, a local news outlet. That one of the deceased was Jalal Saifur Rahman was confirmed later.');
  assert.equal(ended.some((q) => q.cue === 'told' && /^one of the deceased/.test(q.text)), false, JSON.stringify(ended));
});
