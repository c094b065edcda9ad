import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Doc, EventRecord } from '../src/doc.js';
import { createEventsStage, eventsStage } from '../src/extract/events.js';
import { withoutRules } from '../src/rules/registry.js';
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

test('no entities: groups named by a common noun are participants, pronouns never', () => {
  // with no entity layer, the rule coder's participants are the groups no entity stands for
  // ("Gunmen" → UAF); a pronoun ("her driver" is the driver, "they") is never one
  const doc = docFromConllu(fixture('events-story.conllu'), { published: '2024-03-10' });
  createEventsStage({ detector: null }).run(doc);
  assert.ok(doc.events.length > 0);
  const abduction = doc.events.find((e) => e.trigger.text === 'abducted');
  assert.deepEqual(abduction?.groups?.find((g) => g.role === 'actor'), { role: 'actor', text: 'Gunmen', start: 0, end: 6, code: 'UAF' });
  const killing = doc.events.find((e) => e.trigger.text === 'killed');
  assert.equal(killing?.groups?.find((g) => g.role === 'actor')?.text, 'gunmen', 'the passive\'s by-phrase is the actor');
  const pronoun = /^(?:he|she|it|they|him|her|them|his|its|their|we|i|you)$/i;
  for (const d of [doc, (() => { const x = docFromConllu(fixture('events-story.conllu'), { published: '2024-03-10' }); eventsStage.run(x); return x; })()]) {
    for (const e of d.events) {
      assert.deepEqual([e.actor, e.recipient], [[], []], JSON.stringify(e));
      for (const g of e.groups ?? []) assert.ok(!pronoun.test(g.text) && d.text.slice(g.start, g.end) === g.text, JSON.stringify(g));
    }
  }
  // switched off (CHRONICLE_WITHOUT=events.group-actors), the rule coder needs an entity: no events
  const restore = withoutRules(['events.group-actors']);
  try {
    const off = docFromConllu(fixture('events-story.conllu'), { published: '2024-03-10' });
    createEventsStage({ detector: null }).run(off);
    assert.deepEqual(off.events, []);
  } finally {
    restore();
  }
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
  // roles and dates on gold trees: the rule coder decides which candidates are events. (The learned
  // detector's P(event) for this "met with" moves with every retrain — 0.16, then 0.015 after the
  // group-actor retrain, against a rule floor of 0.05; detection is measured by cross-validation.)
  createEventsStage({ detector: null }).run(doc);
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

/** A second story whose gold trees carry the attachments our parser often makes. */
function story2(): Doc {
  const doc = docFromConllu(fixture('events-story2.conllu'), { published: '2024-05-10' });
  addEntity(doc, 'soldiers', 'ORG', [{ text: 'Soldiers', kind: 'nominal' }]);
  addEntity(doc, 'haddad', 'PERSON', ['Omar Haddad', 'Haddad', { text: 'His', kind: 'pronoun' }]);
  addEntity(doc, 'sami', 'PERSON', ['Sami']);
  addEntity(doc, 'guards', 'ORG', [{ text: 'guards', kind: 'nominal' }]);
  addEntity(doc, 'hebron', 'GPE', ['Hebron']);
  addEntity(doc, 'ministry', 'ORG', [{ text: 'The ministry', kind: 'nominal' }]);
  addEntity(doc, 'army', 'ORG', [{ text: 'army', kind: 'nominal' }]);
  addEntity(doc, 'israel', 'GPE', ['Israel']);
  addEntity(doc, 'group', 'ORG', [{ text: 'the group', kind: 'nominal' }]);
  addEntity(doc, 'abbas', 'PERSON', ['Abbas']);
  addEntity(doc, 'hospital', 'FAC', ['Mukassed Hospital']);
  addTime(doc, 'May 2', '2024-05-02');
  eventsStage.run(doc);
  return doc;
}

test('"during the arrest" hung on the agent still dates the beating by the arrest told before', () => {
  const e = bySentence(story2(), 1, 'beaten');
  assert.equal(e.type, 'ASSAULT');
  assert.equal(e.mode, 'beat');
  assert.deepEqual(e.recipient, ['sami']);
  assert.deepEqual(e.actor, ['guards']);
  assert.deepEqual(e.date, { value: '2024-05-02', text: 'May 2', basis: 'antecedent' });
});

test('"failed to mention that the army had released Haddad": no event for failing or mentioning; the release is historical, not negated', () => {
  const doc = story2();
  assert.deepEqual(doc.events.filter((e) => e.sentence === 2).map((e) => e.trigger.text), ['released']);
  const e = bySentence(doc, 2, 'released');
  assert.equal(e.negated, false);
  assert.equal(e.modality, 'historical');
  assert.deepEqual(e.actor, ['army']);
  assert.deepEqual(e.recipient, ['haddad']);
});

test('a movement verb without a pattern is no consultation: "The army left the city"', () => {
  assert.deepEqual(story2().events.filter((e) => e.sentence === 3), []);
});

test('a pattern phrase the parse hung elsewhere still codes the verb: "does not classify the group – which held Haddad – as a terrorist organization"', () => {
  const e = bySentence(story2(), 4, 'classify');
  assert.equal(e.type, 'ACCUSE');
  assert.equal(e.negated, true);
  assert.deepEqual(e.actor, ['israel']);
  assert.deepEqual(e.recipient, ['group']);
});

test('a nominal event takes the place attached to the noun that governs it', () => {
  const e = bySentence(story2(), 5, 'meeting');
  assert.equal(e.type, 'CONSULT');
  assert.deepEqual(e.actor, ['haddad']);
  assert.deepEqual(e.recipient, ['abbas']);
  assert.equal(e.location, 'hospital');
});

test('a malformed, cyclic parse does not hang the coder', () => {
  const doc = docFromConllu(fixture('events-story.conllu'));
  for (const t of doc.tokens) if (t.head === -1) t.head = t.i + 1 < doc.sentences[t.sentence].tokenEnd ? t.i + 1 : t.i - 1;
  addEntity(doc, 'rebels', 'ORG', ['Gunmen', 'gunmen', 'rebels']);
  eventsStage.run(doc);
  assert.ok(Array.isArray(doc.events));
});

test('event nouns take their modality from their modifiers: "the planned release", "a possible attack"', () => {
  const doc = docFromConllu(`# text = Kenya welcomed the planned release of the driver but feared a possible attack by rebels.
1	Kenya	Kenya	PROPN	NNP	_	2	nsubj	_	_
2	welcomed	welcome	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	5	det	_	_
4	planned	planned	ADJ	JJ	_	5	amod	_	_
5	release	release	NOUN	NN	_	2	obj	_	_
6	of	of	ADP	IN	_	8	case	_	_
7	the	the	DET	DT	_	8	det	_	_
8	driver	driver	NOUN	NN	_	5	nmod	_	_
9	but	but	CCONJ	CC	_	10	cc	_	_
10	feared	fear	VERB	VBD	_	2	conj	_	_
11	a	a	DET	DT	_	13	det	_	_
12	possible	possible	ADJ	JJ	_	13	amod	_	_
13	attack	attack	NOUN	NN	_	10	obj	_	_
14	by	by	ADP	IN	_	15	case	_	_
15	rebels	rebel	NOUN	NNS	_	13	nmod	_	SpaceAfter=No
16	.	.	PUNCT	.	_	2	punct	_	_`);
  addEntity(doc, 'kenya', 'GPE', ['Kenya']);
  addEntity(doc, 'driver', 'PERSON', [{ text: 'driver', kind: 'nominal' }]);
  addEntity(doc, 'rebels', 'ORG', [{ text: 'rebels', kind: 'nominal' }]);
  eventsStage.run(doc);
  const release = bySentence(doc, 0, 'release');
  // PLOVER's reduction: a release to come is CONCEDE (the annotated set's plover_type)
  assert.equal(release.type, 'CONCEDE');
  assert.deepEqual(release.recipient, ['driver']);
  assert.equal(release.modality, 'future');
  const attack = bySentence(doc, 0, 'attack');
  assert.equal(attack.type, 'ASSAULT');
  assert.deepEqual(attack.actor, ['rebels']);
  assert.equal(attack.modality, 'hypothetical');
});

test('"agreed to free the hostages": the commitment is AGREE, the release it promises is future', () => {
  const doc = docFromConllu(`# text = Hamas agreed to free the hostages.
1	Hamas	Hamas	PROPN	NNP	_	2	nsubj	_	_
2	agreed	agree	VERB	VBD	_	0	root	_	_
3	to	to	PART	TO	_	4	mark	_	_
4	free	free	VERB	VB	_	2	xcomp	_	_
5	the	the	DET	DT	_	6	det	_	_
6	hostages	hostage	NOUN	NNS	_	4	obj	_	SpaceAfter=No
7	.	.	PUNCT	.	_	2	punct	_	_`, { published: '2024-01-05' });
  addEntity(doc, 'hamas', 'ORG', ['Hamas']);
  addEntity(doc, 'hostages', 'PERSON', [{ text: 'the hostages', kind: 'nominal' }]);
  eventsStage.run(doc);
  const agreed = bySentence(doc, 0, 'agreed');
  assert.equal(agreed.type, 'AGREE');
  assert.deepEqual(agreed.actor, ['hamas']);
  const free = bySentence(doc, 0, 'free');
  assert.equal(free.type, 'CONCEDE'); // a promised release: PLOVER reduces future RETREAT to CONCEDE
  assert.equal(free.mode, 'release');
  assert.deepEqual(free.actor, ['hamas'], 'the controller of "to free" is its actor');
  assert.deepEqual(free.recipient, ['hostages']);
  assert.equal(free.modality, 'future');
  assert.equal(free.date, null, 'a promised release has not happened: no publication date');
});
