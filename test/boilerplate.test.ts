/**
 * Boilerplate marking (src/ingest/boilerplate.ts) and the stages that respect it. Texts of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findBoilerplate, boilerplateOf, boilerplateSentences } from '../src/ingest/boilerplate.js';
import { extractDoc } from '../src/extract.js';
import { run, nameOf } from './helpers.js';

const PAGE = `Appeals Court Blocks Port Closure Ordered by Governor

By Maria Gonzalez and Tom Reed, Staff Writers

HALDEN — An appeals court on Tuesday blocked the closure of the Halden port that Governor Ivan Petrov ordered last month.

Photo: Dock workers outside the courthouse in Halden. (Jane Doe/Getty Images)

The ruling is a setback for the governor, who had argued that the closure protected public safety. His office said it would appeal.

READ MORE: Petrov Attacks Judges Over Port Ruling

Unions Demand Answers On Port Jobs

Dock workers said they would return to work on Thursday, when the first ships are expected.

Related
Halden Welcomes Ruling On Port
Shipping Firms Weigh Their Options

Contributing: Kristine Phillips
Subscribe to our daily newsletter for more stories like this.`;

test('credits, bylines, captions, related lists, pop-up headlines and calls to action are marked, each with its kind', () => {
  const spans = findBoilerplate(PAGE);
  const kindOf = (needle: string) => spans.find((s) => PAGE.slice(s.start, s.end).includes(needle))?.kind ?? null;
  assert.equal(kindOf('By Maria Gonzalez'), 'byline');
  assert.equal(kindOf('Dock workers outside the courthouse'), 'caption');
  assert.equal(kindOf('READ MORE'), 'related');
  assert.equal(kindOf('Unions Demand Answers'), 'headline');
  assert.equal(kindOf('Halden Welcomes Ruling'), 'related');
  assert.equal(kindOf('Shipping Firms Weigh'), 'related');
  assert.equal(kindOf('Contributing: Kristine Phillips'), 'credit');
  assert.equal(kindOf('Subscribe to our daily'), 'call-to-action');
});

test('prose, the document\'s own headline and pull-quote attributions are not boilerplate', () => {
  const spans = findBoilerplate(PAGE);
  const marked = (needle: string) => spans.some((s) => PAGE.slice(s.start, s.end).includes(needle));
  assert.ok(!marked('Appeals Court Blocks Port Closure'), 'the first line is the document\'s own headline');
  assert.ok(!marked('An appeals court on Tuesday'));
  assert.ok(!marked('Dock workers said they would return'));
  const prose = 'By Tuesday evening, the army had withdrawn from the town of Halden and its port.\nPhoto evidence shows the convoy leaving before dawn.\n—Jane Doe, a spokesperson for the union\nCivilians were evacuated from the port on Wednesday.';
  assert.deepEqual(findBoilerplate(prose), []);
});

test('the layer is computed once per document and flags whole sentences', () => {
  const doc = extractDoc({ id: 'bp', text: PAGE, published: '2025-03-11' });
  const spans = boilerplateOf(doc);
  assert.equal(boilerplateOf(doc), spans, 'the stage left the layer on the Doc');
  const flags = boilerplateSentences(doc);
  const flagged = doc.sentences.filter((_, s) => flags[s]).map((s) => doc.text.slice(s.start, s.end));
  assert.ok(flagged.some((t) => t.startsWith('Contributing')), JSON.stringify(flagged));
  assert.ok(!flagged.some((t) => t.startsWith('An appeals court')), JSON.stringify(flagged));
});

test('boilerplate never reaches the coder: a credit line is no aid, a related headline no attack', () => {
  const r = run(PAGE, '2025-03-11');
  const inFurniture = r.events.filter((e) => /Kristine|READ MORE|Petrov Attacks|Halden Welcomes|Weigh Their/.test(r.text.slice(r.sentences[e.sentence].start, r.sentences[e.sentence].end)));
  assert.deepEqual(inFurniture.map((e) => [e.type, e.trigger.text]), []);
  assert.ok(!r.events.some((e) => e.type === 'AID'), JSON.stringify(r.events.map((e) => [e.type, e.trigger.text])));
});

test('the byline\'s author is never a participant, even through a pronoun coreference linked to her', () => {
  const r = run('Militia Leader Threatens Mayor\n\nBy Sarah Kline\n\nMilitia fighters gathered outside the town hall in Tarn on Monday. She threatened to kidnap Mayor Paulo Reis, witnesses said.', '2025-03-11');
  const participants = r.events.flatMap((e) => [...e.actor, ...e.recipient]).map((id) => nameOf(r, id));
  assert.ok(r.events.length > 0, 'the threat is still coded');
  assert.ok(!participants.includes('Sarah Kline'), JSON.stringify(r.events.map((e) => [e.trigger.text, e.actor.map((id) => nameOf(r, id))])));
});
