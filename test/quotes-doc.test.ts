/**
 * Documents as sources (issue 22, eighteenth session): a cue the tagger took for a noun between a
 * document and its quotation, on sentences of our own (invented bodies and people), each checked
 * with its rule off and with its near miss.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameOf, run } from './helpers.js';
import { withoutRules } from '../src/rules/registry.js';

function speakerOf(text: string, content: string): { name: string | null; text: string | null | undefined; cue: string | undefined } {
  const r = run(text);
  const q = r.quotes.find((x) => x.text.includes(content));
  assert.ok(q, `no quote with "${content}"`);
  return { name: nameOf(r, q.speaker), text: q.speaker_text, cue: q.cue?.text };
}

/** The cascade without `ids` (and without the ranker's fill of what it then finds nothing for). */
function without<T>(ids: string[], f: () => T): T {
  const restore = withoutRules([...ids, 'quotes.speaker-fill']);
  try { return f(); } finally { restore(); }
}

test('"The survey reports "…"": a cue form tagged as a noun before a quotation is the cue, and the survey speaks for its publisher', () => {
  const text = 'The Ostrava Institute for Transport published a survey of 4,000 households on Monday. Its director, Pavel Novak, presented the figures in Prague. The survey reports "nine in ten households in the region now own at least one car", up from seven in ten a decade ago.';
  const on = speakerOf(text, 'nine in ten');
  assert.equal(on.name, 'Ostrava Institute for Transport');
  assert.equal(on.cue, 'reports');
  // without the rule the quotation has no cue and the cascade finds nobody (the ranker's fill then guesses the person
  // named just before it)
  const off = without(['quotes.cue-before-quotation'], () => speakerOf(text, 'nine in ten'));
  assert.equal(off.cue, undefined);
  assert.equal(off.name, null);
});

test('"The study states "…"" with no publisher named: the document keeps its words', () => {
  const text = 'Harbour traffic in Kestrel Bay fell sharply last year. The study states "container volumes dropped by a third between March and October", and the port authority did not comment.';
  const sp = speakerOf(text, 'container volumes');
  assert.equal(sp.cue, 'states');
  assert.equal(sp.name, null);
  assert.equal(sp.text, 'The study');
});

test('near miss: a plural noun with its own number before a quotation is no cue', () => {
  const text = 'Mayor Ana Ruiz spoke to the council on Monday. The two reports "on the state of the harbour" were never published, the council heard.';
  const r = run(text);
  assert.ok(!r.quotes.some((q) => q.cue?.text === 'reports'));
});

test('"The study itself outlined …: "…"": the reflexive intensifies the study, and a colon hands the study\'s words to it', () => {
  const text = 'Researchers in Lund published a study on Monday. The study itself outlined the link between the two: "Sharks were only seen when the orcas were absent."';
  const on = speakerOf(text, 'Sharks were only seen');
  assert.equal(on.cue, 'outlined');
  assert.equal(on.text, 'Researchers in Lund');
  // either rule off: the quotation has nobody ("itself" the subject, or a document subject no person or body by name)
  for (const id of ['quotes.intensive-reflexive', 'quotes.document-colon']) {
    const off = without([id], () => speakerOf(text, 'Sharks were only seen'));
    assert.equal(off.name, null, id);
    assert.equal(off.text ?? null, null, id);
  }
});

test('a document with no author named before a colon keeps its words, not a place or person nearby', () => {
  const text = 'Marine biologist Tom Berg spoke at the launch in Lund on Monday. The report itself outlined the link between the two: "Sharks were only seen when the orcas were absent."';
  const sp = without([], () => speakerOf(text, 'Sharks were only seen'));
  assert.equal(sp.name, null);
  assert.equal(sp.text, 'The report itself');
  // without the reflexive read as the report's, "itself" took the place named before
  assert.equal(without(['quotes.intensive-reflexive'], () => speakerOf(text, 'Sharks were only seen').name), 'Lund');
});

test('near misses: a colon after a clause whose subject is no document, and "the minister himself said", are as before', () => {
  const sign = 'The council voted to close the library on Monday. The old library had a sign on its door: "Closed for good."';
  const r = run(sign);
  const q = r.quotes.find((x) => x.text.includes('Closed for good'));
  assert.ok(!q || (!q.speaker && !q.speaker_text));
  const himself = 'The minister himself said on Monday that the plan would fail.';
  assert.equal(speakerOf(himself, 'the plan would fail').text, 'The minister himself');
});

test('"reports from locals suggest …": a preposition parsed as a subordinator opens the phrase of the noun before it, the subject', () => {
  // (the parse's slip depends on the words: this sentence is one the model misreads, "from" a mark and "locals" the subject)
  const text = 'The number of wounded is 39; reports from locals suggest 33 people remain missing.';
  assert.equal(speakerOf(text, '33 people remain missing').text, 'reports from locals');
  // without the rule the noun inside the phrase speaks
  assert.equal(without(['quotes.preposition-subject'], () => speakerOf(text, '33 people remain missing').text), 'locals');
});

test('near miss: a parse that already reads the phrase as the subject is left as it is', () => {
  const text = 'The toll is currently 12 injured; reports from residents suggest 20 people remain missing at the site in the valley.';
  assert.equal(speakerOf(text, '20 people remain missing').text, 'reports from residents');
  assert.equal(without(['quotes.preposition-subject'], () => speakerOf(text, '20 people remain missing').text), 'reports from residents');
});
