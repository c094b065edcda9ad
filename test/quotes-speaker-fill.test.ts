/**
 * Fill mode (sixteenth round, issue 22): the cascade's answers stand; the learned ranker names a
 * speaker only where the cascade found nothing, with the fill's calibrated confidence; a speaker
 * the cascade deliberately left empty (a veto) stays empty. Sentences of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDoc } from '../src/extract.js';
import { withSpeakerMode } from './helpers.js';
import type { Doc, Quote } from '../src/doc.js';
import { fillConfidence, foundNothing, speakerMode, speakerRanker } from '../src/extract/quotes/speaker-ranker.js';

const withMode = withSpeakerMode;

const extract = (text: string, mode: string): Doc => withMode(mode, () => extractDoc({ id: 'fill-test', text, published: '2025-02-16' }));
const quoteOf = (doc: Doc, words: string): Quote => {
  const q = doc.quotes.find((x) => x.text.includes(words));
  assert.ok(q, `no quote with "${words}"`);
  return q;
};
const nameOf = (doc: Doc, q: Quote) => (q.speaker ? doc.entityById(q.speaker)?.name ?? null : null);

test('a quotation the cascade found no source for is filled by the ranker, less sure than a named speaker', () => {
  const fill = speakerRanker()?.fillPrecision;
  assert.ok(fill !== undefined && fill > 0 && fill < 1, `the shipped model records its fill precision: ${fill}`);
  assert.equal(fillConfidence(speakerRanker()), fill);
  for (const [text, words, speaker] of [
    ['Harbour master Tomas Berg walked along the broken pier on Monday. "Nobody expected the water to rise so fast."', 'water to rise', 'Tomas Berg'],
    ['Mayor Ana Ruiz visited the harbour on Monday, where the storm had wrecked the piers. "We will rebuild every pier before the winter."', 'rebuild every pier', 'Ana Ruiz'],
  ] as const) {
    const cascade = quoteOf(extract(text, 'rules'), words);
    assert.equal(cascade.speaker, null, text);
    assert.equal(cascade.source, undefined, 'the cascade read no source phrase');
    const doc = extract(text, 'fill');
    const q = quoteOf(doc, words);
    assert.equal(nameOf(doc, q), speaker, text);
    // the fill carries the calibrated figure (times the link it rests on, here a name: 1)
    assert.equal(q.confidence, fill);
  }
});

test('a pronoun source the cascade refused (out of reach) is a veto, not filled; the ranker alone would fill it', () => {
  const text = 'Mrs Clara Dunn opened the bakery on Mill Street in 1990. The shop was sold last year. The new owners have kept its name. A woman who has lived on the street for forty years was waiting outside on Monday. She said the bread was not what it used to be.';
  for (const mode of ['rules', 'fill']) {
    const q = quoteOf(extract(text, mode), 'the bread was not');
    assert.equal(q.speaker, null, mode);
    assert.equal(q.source?.text, 'She');
    assert.equal(q.confidence, undefined);
  }
  assert.notEqual(quoteOf(extract(text, 'ranker'), 'the bread was not').speaker, null);
});

test('in fill mode every answer the cascade gave stands (speakers, words, confidences); only found-nothing quotations change', () => {
  const text = 'Mayor Ana Ruiz said on Monday that the bridge would close. "We have no choice," she told reporters.\n\nEngineers from the firm Calverton said the repairs would take a year. The council met on Tuesday. "The money is there."\n\nHarbour master Tomas Berg walked along the broken pier. "Nobody expected the water to rise so fast."';
  const rules = extract(text, 'rules');
  const fill = extract(text, 'fill');
  assert.equal(fill.quotes.length, rules.quotes.length);
  let filled = 0;
  rules.quotes.forEach((r, i) => {
    const f = fill.quotes[i];
    if (r.speaker || r.speaker_text || r.source) assert.deepEqual(f, r);
    else if (f.speaker) { filled++; assert.ok((f.confidence ?? 1) < 0.5, JSON.stringify(f)); }
  });
  assert.ok(filled >= 1);
});

test('found nothing: no speaker, no words, no source phrase, no veto marked by the stage', () => {
  const q: Quote = { start: 0, end: 5, text: 'Never', speaker: null, kind: 'direct' };
  assert.equal(foundNothing(q, new Set()), true);
  assert.equal(foundNothing(q, new Set([q])), false);
  assert.equal(foundNothing({ ...q, source: { start: 6, end: 8, text: 'he' } }, new Set()), false);
  assert.equal(foundNothing({ ...q, speaker_text: 'officials' }, new Set()), false);
  assert.equal(foundNothing({ ...q, speaker: 'e1' }, new Set()), false);
});

test('CHRONICLE_QUOTES_SPEAKER accepts rules, ranker or fill, and rejects anything else by name', () => {
  assert.equal(withMode('rules', speakerMode), 'rules');
  assert.equal(withMode('ranker', speakerMode), 'ranker');
  assert.equal(withMode('fill', speakerMode), 'fill');
  for (const bad of ['Fill', 'model', 'rules,fill', ' fill']) assert.throws(() => withMode(bad, speakerMode), new RegExp(`CHRONICLE_QUOTES_SPEAKER=${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: expected one of "rules", "ranker", "fill"`));
  // an unknown value stops the extraction, it does not fall back silently
  assert.throws(() => extract('"We will win," Ana Ruiz said.', 'model'), /CHRONICLE_QUOTES_SPEAKER=model/);
});
