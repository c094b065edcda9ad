import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Doc, EventRecord } from '../src/doc.js';
import { eventsStage } from '../src/extract/events.js';
import { addEntity, addQuote, addTime, docFromConllu } from './helpers/conllu-doc.js';

/**
 * A short story in gold CoNLL-U (our own sentences, annotated by hand in UD style), so the
 * coder is tested apart from the parser. Entities, times and quotes are given as the
 * entity, time and quote stages would give them.
 */
const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url), 'utf8');

function story(): Doc {
  const doc = docFromConllu(fixture('events-story.conllu'), { published: '2024-03-10' });
  addEntity(doc, 'rebels', 'ORG', ['Gunmen', 'gunmen', 'rebels']);
  addEntity(doc, 'lopez', 'PERSON', ['Maria Lopez', 'Lopez', { text: 'Her', kind: 'pronoun' }, { text: 'her', kind: 'pronoun' }]);
  addEntity(doc, 'driver', 'PERSON', [{ text: 'driver', kind: 'nominal' }]);
  addEntity(doc, 'mbeki', 'PERSON', ['Jean Mbeki']);
  addEntity(doc, 'goma', 'GPE', ['Goma']);
  addEntity(doc, 'kenya', 'GPE', ['Kenya']);
  addTime(doc, 'March 3', '2024-03-03');
  addTime(doc, 'Friday', '2024-03-08');
  addTime(doc, 'Sunday', '2024-03-10');
  addQuote(doc, '“We will free the driver,”', 'rebels');
  eventsStage.run(doc);
  return doc;
}

const bySentence = (doc: Doc, s: number, trigger: string): EventRecord => {
  const e = doc.events.find((x) => x.sentence === s && x.trigger.text === trigger);
  assert.ok(e, `no event "${trigger}" in sentence ${s}: ${JSON.stringify(doc.events.map((x) => [x.sentence, x.trigger.text]))}`);
  return e;
};

test('active verb with coordinated objects: every conjunct is a recipient; place and date from the clause', () => {
  const e = bySentence(story(), 0, 'abducted');
  assert.equal(e.type, 'ASSAULT');
  assert.equal(e.mode, 'abduct');
  assert.equal(e.cameo, '181');
  assert.deepEqual(e.actor, ['rebels']);
  assert.deepEqual(e.recipient, ['lopez', 'driver']);
  assert.equal(e.location, 'goma');
  assert.deepEqual(e.date, { value: '2024-03-03', text: 'March 3', basis: 'clause' });
  assert.equal(e.negated, false);
});

test('passive voice: the by-phrase is the actor, the subject (through its apposition) the recipient', () => {
  const e = bySentence(story(), 1, 'killed');
  assert.equal(e.type, 'ASSAULT');
  assert.equal(e.mode, 'kill');
  assert.deepEqual(e.actor, ['rebels']);
  assert.deepEqual(e.recipient, ['mbeki']);
});

test('"during the attack" takes the date of the attack told in an earlier sentence', () => {
  const e = bySentence(story(), 1, 'killed');
  assert.deepEqual(e.date, { value: '2024-03-03', text: 'March 3', basis: 'antecedent' });
  assert.equal(e.modality, null, 'eight days before publication is not background');
});

test('negation: "did not release" is kept and flagged', () => {
  const e = bySentence(story(), 2, 'release');
  assert.equal(e.type, 'RETREAT');
  assert.equal(e.mode, 'release');
  assert.equal(e.negated, true);
  assert.deepEqual(e.actor, ['rebels']);
  assert.deepEqual(e.recipient, ['lopez']);
});

test('nominal events: "the release of the driver", "her release", "an agreement between Kenya and the rebels"', () => {
  const doc = story();
  const ofPhrase = bySentence(doc, 3, 'release');
  assert.equal(ofPhrase.type, 'RETREAT');
  assert.deepEqual(ofPhrase.recipient, ['driver']);
  const possessive = bySentence(doc, 5, 'release');
  assert.deepEqual(possessive.recipient, ['lopez']);
  assert.equal(possessive.date, null, 'a negated release is no antecedent for a date');
  const agreement = bySentence(doc, 5, 'agreement');
  assert.equal(agreement.type, 'AGREE');
  assert.deepEqual(agreement.actor, ['kenya', 'rebels']);
});

test('modality and attribution: "could free" under "said" is hypothetical and reported by the sayer', () => {
  const e = bySentence(story(), 4, 'free');
  assert.equal(e.type, 'RETREAT');
  assert.equal(e.modality, 'hypothetical');
  assert.equal(e.reported_by, 'lopez');
  assert.deepEqual(e.actor, ['rebels']);
  assert.equal(e.date, null, 'a hypothetical event takes no date from earlier events');
});

test('inside a quote: first person is the speaker, "will free" is future, the speaker reports it', () => {
  const e = bySentence(story(), 6, 'free');
  assert.deepEqual(e.actor, ['rebels']);
  assert.deepEqual(e.recipient, ['driver']);
  assert.equal(e.modality, 'future');
  assert.equal(e.reported_by, 'rebels');
});

test('no entities, no events: pronouns and bare nouns are never participants', () => {
  const doc = docFromConllu(fixture('events-story.conllu'), { published: '2024-03-10' });
  eventsStage.run(doc);
  assert.deepEqual(doc.events, []);
});

test('gold EWT sentences: passive "was arrested by Thai authorities", "met with … in January 2000"', () => {
  const doc = docFromConllu(fixture('events-ewt.conllu'));
  addEntity(doc, 'tamil', 'PERSON', [{ text: 'Tamil', kind: 'nominal' }]);
  addEntity(doc, 'thai', 'ORG', ['Thai authorities']);
  addEntity(doc, 'sufaat', 'PERSON', ['Yazid Sufaat']);
  addEntity(doc, 'plotters', 'ORG', ['9/11 plotters']);
  addEntity(doc, 'hijackers', 'ORG', ['two hijackers']);
  addTime(doc, 'January 2000', '2000-01');
  addTime(doc, '2000', '2000');
  eventsStage.run(doc);
  const arrest = bySentence(doc, 0, 'arrested');
  assert.equal(arrest.type, 'COERCE');
  assert.equal(arrest.mode, 'arrest');
  assert.deepEqual(arrest.actor, ['thai']);
  assert.deepEqual(arrest.recipient, ['tamil']);
  const met = bySentence(doc, 1, 'met with');
  assert.equal(met.type, 'CONSULT');
  assert.deepEqual(met.actor, ['sufaat']);
  assert.deepEqual(met.recipient, ['plotters', 'hijackers']);
  assert.equal(met.date?.value, '2000-01');
});
