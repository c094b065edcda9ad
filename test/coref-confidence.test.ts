/**
 * Issue 23 item 4: every coreference link carries a confidence (its rule's calibrated precision,
 * models/coref/link-confidence.json), the JSON result shows it on the mention, and events, quotes
 * and relations that reach a participant or a speaker through the link carry it into their own
 * confidence. Sentences of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractDoc } from '../src/extract.js';
import type { Doc, Mention } from '../src/doc.js';
import { toResult } from '../src/output/result.js';
import { ResultSchema } from '../src/output/schema.js';
import { eventsStage } from '../src/extract/events.js';
import { CALIBRATION_FILE, linkConfidence, type LinkCalibration } from '../src/extract/coref/confidence.js';
import { corefModelDir } from '../src/extract/coref/files.js';

const doc = (text: string) => extractDoc({ id: 't', text, published: '2025-03-01' });

/** The mention of some entity starting at the n-th occurrence of `words`. */
function mentionAt(d: Doc, words: string, nth = 0): Mention {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = d.text.indexOf(words, at + 1);
  assert.ok(at >= 0, `"${words}" not in the text`);
  const m = d.entities.flatMap((e) => e.mentions).find((x) => x.start === at);
  assert.ok(m, `no mention at "${words}"`);
  return m;
}

const ARREST = 'Marco Vella, a lawyer from Malta, arrived in Tunis on Monday. He was arrested by police on Tuesday.\n\n"I have done nothing wrong," he told reporters.';

test('the calibration file names its source and gives each rule a confidence below 1', () => {
  const file = JSON.parse(readFileSync(`${corefModelDir()}/${CALIBRATION_FILE}`, 'utf8')) as LinkCalibration;
  assert.match(file.source, /GUM training split/);
  assert.ok(Object.keys(file.bases).length >= 8);
  for (const [basis, c] of Object.entries(file.bases)) {
    assert.ok(c.right <= c.links, basis);
    assert.ok(c.confidence > 0 && c.confidence < 1, `${basis}: a smoothed precision is never 0 or 1`);
    assert.equal(c.confidence, Math.round(((c.right + 1) / (c.links + 2)) * 1000) / 1000, basis);
  }
  // a rule the file does not know is an even chance, not a certainty
  assert.equal(linkConfidence('coref.no-such-rule'), 0.5);
});

test('a pronoun\'s link carries its rule\'s confidence; the JSON result shows it on the mention, not on names', () => {
  const d = doc(ARREST);
  const he = mentionAt(d, 'He was');
  assert.equal(d.entityById(he.entity!)?.name, 'Marco Vella');
  assert.equal(he.corefBasis, 'coref.he-she-earlier-sentence');
  assert.equal(he.corefScore, linkConfidence('coref.he-she-earlier-sentence'));
  const result = ResultSchema.parse(toResult(d));
  const vella = result.entities.find((e) => e.name === 'Marco Vella')!;
  const names = vella.mentions.filter((m) => m.kind === 'name');
  assert.ok(names.length > 0 && names.every((m) => m.confidence === undefined));
  const pronouns = vella.mentions.filter((m) => m.kind === 'pronoun');
  assert.ok(pronouns.length >= 2);
  for (const m of pronouns) assert.ok(m.confidence !== undefined && m.confidence > 0 && m.confidence < 1, `${m.text} has a confidence`);
});

test('a quote whose speaker is "he" takes the link\'s confidence, and the "I" inside it both links\'', () => {
  const d = doc(ARREST);
  const q = d.quotes.find((x) => x.text.startsWith('I have done'));
  assert.ok(q && q.speaker, 'the quote has a speaker');
  assert.equal(d.entityById(q.speaker)?.name, 'Marco Vella');
  const he = mentionAt(d, 'he told');
  assert.equal(q.confidence, he.corefScore);
  const i = mentionAt(d, 'I have');
  assert.equal(i.corefScore, Math.round(linkConfidence('coref-speech.quote-first-person') * he.corefScore! * 1000) / 1000);
  // a speaker named in the attribution is sure: no confidence
  const named = doc('"I have done nothing wrong," Marco Vella told reporters in Tunis.');
  const nq = named.quotes.find((x) => x.text.startsWith('I have done'));
  assert.ok(nq?.speaker);
  assert.equal(nq.confidence, undefined);
  assert.ok(ResultSchema.safeParse(toResult(d)).success);
});

test('an event whose recipient is "he" is multiplied by the link\'s confidence', () => {
  const d = doc(ARREST);
  const he = mentionAt(d, 'He was');
  const arrest = d.events.find((e) => e.trigger.text === 'arrested');
  assert.ok(arrest && arrest.recipient.includes(he.entity!), 'the arrest\'s recipient is Vella through "He"');
  assert.ok(arrest.confidence !== null);
  const link = he.corefScore!;
  assert.ok(link < 1);
  // the same document with every link made certain: the event's own confidence
  for (const e of d.entities) for (const m of e.mentions) if (m.corefScore !== undefined) m.corefScore = 1;
  eventsStage.run(d);
  const sure = d.events.find((e) => e.trigger.text === 'arrested')!;
  assert.ok(sure.confidence! > arrest.confidence!);
  assert.equal(arrest.confidence, Math.round(sure.confidence! * link * 1000) / 1000);
});

test('a relation reached through "his" carries the link\'s confidence; between two names it has none', () => {
  const d = doc('Marco Vella was freed on Friday after two years in captivity. His mother, Elena Vella, said the family was relieved.');
  const his = mentionAt(d, 'His mother');
  const family = d.relations.find((r) => r.type === 'family');
  assert.ok(family, 'a family relation');
  assert.equal(d.entityById(family.object)?.name, 'Marco Vella');
  assert.equal(family.confidence, his.corefScore);
  const named = doc('Elena Vella, the mother of Marco Vella, said the family was relieved.');
  const rel = named.relations.find((r) => r.type === 'family');
  assert.ok(rel, 'a family relation between two names');
  assert.equal(rel.confidence, undefined);
  assert.ok(ResultSchema.safeParse(toResult(d)).success);
});
