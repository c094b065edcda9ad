import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../src/extract.js';
import { Doc } from '../src/doc.js';
import { tokenizeStage } from '../src/nlp/sentences.js';
import { ParseView } from '../src/extract/events/syntax.js';
import { inOtherRelative } from '../src/extract/events/dates.js';

const nameOf = (r: ReturnType<typeof extract>, id: string) => r.entities.find((e) => e.id === id)?.name;

test('through the whole pipeline: a gerund after a name takes it as actor; "hours after his release" takes the sentence date', () => {
  const r = extract({
    id: 'p',
    published: '2024-05-20',
    text: 'The ministry posted photos of Foreign Minister Anna Berg meeting with Jonas Lind at Karolinska Hospital.\n\nLind had been held for a year. Berg met Lind just hours after his release, handing him a new passport on Saturday.',
  });
  const meeting = r.events.find((e) => e.type === 'CONSULT' && /meeting/.test(e.trigger.text));
  assert.ok(meeting, 'a CONSULT event for "meeting"');
  assert.deepEqual(meeting.actor.map((id) => nameOf(r, id)), ['Anna Berg']);
  assert.ok(meeting.recipient.map((id) => nameOf(r, id)).includes('Jonas Lind'));
  const release = r.events.find((e) => e.type === 'RETREAT' && e.trigger.text === 'release');
  assert.ok(release, 'a RETREAT event for "his release"');
  assert.equal(release.date?.value, '2024-05-18');
});

test('a headline drops the auxiliary: "X freed by Y" is a passive, "Residents fled" is not', () => {
  const r = extract({
    id: 'h',
    published: '2024-05-20',
    text: 'Journalist Tomas Lind freed after 300 days in captivity\n\nThe Arakan Army released Lind on Sunday.',
  });
  const freed = r.events.find((e) => e.trigger.text === 'freed');
  assert.ok(freed, JSON.stringify(r.events.map((e) => e.trigger.text)));
  assert.deepEqual(freed.recipient.map((id) => nameOf(r, id)), ['Tomas Lind']);
  assert.ok(!freed.actor.some((id) => nameOf(r, id) === 'Tomas Lind'), 'the freed man is not the one who frees');
});

test('the words of a date are no pattern nouns: "held since March" is no march; "held in prison" is a detention', () => {
  const r = extract({ id: 'm', published: '2025-04-02', text: 'Rami Saleh has been held by the army since March. Nadia Haddad has been held in Tora prison since 2023.' });
  assert.ok(!r.events.some((e) => e.type === 'PROTEST'), JSON.stringify(r.events.map((e) => [e.type, e.cameo, e.trigger.text])));
  const held = r.events.find((e) => e.trigger.text === 'held' && e.recipient.some((id) => nameOf(r, id) === 'Nadia Haddad'));
  assert.equal(held?.cameo, '173', JSON.stringify(r.events.map((e) => [e.type, e.cameo, e.trigger.text])));
});

test('an apposition with a nationality and a reduced relative: "X, the Dutch journalist kidnapped in Niger in February,"', () => {
  const r = extract({ id: 'a', published: '2024-06-03', text: 'A video shows Jan Visser, the Dutch journalist kidnapped in Niger in February, asking for help.' });
  const jan = r.entities.find((e) => e.name === 'Jan Visser');
  assert.ok(jan?.mentions.some((m) => m.kind === 'nominal' && m.text === 'journalist'), JSON.stringify(r.entities.map((e) => [e.name, e.mentions.map((m) => m.text)])));
  const kidnap = r.events.find((e) => e.trigger.text === 'kidnapped');
  assert.ok(kidnap, JSON.stringify(r.events.map((e) => e.trigger.text)));
  assert.deepEqual(kidnap.recipient.map((id) => nameOf(r, id)), ['Jan Visser']);
  assert.equal(kidnap.date?.value, '2024-02');
});

test('a time inside a relative clause dates that clause, not the main verb', () => {
  // a hand-set parse, so the test checks the rule and not the parser
  const doc = new Doc({ id: 'rel', text: 'Berg, who was kidnapped in February, appealed for help.', published: '2024-06-03' });
  tokenizeStage.run(doc);
  const heads: [number, string][] = [[8, 'nsubj'], [0, 'punct'], [4, 'nsubj:pass'], [4, 'aux:pass'], [0, 'acl:relcl'], [6, 'case'], [4, 'obl'], [0, 'punct'], [-1, 'root'], [10, 'case'], [8, 'obl'], [8, 'punct']];
  assert.equal(doc.tokens.length, heads.length, doc.tokens.map((t) => t.text).join('|'));
  doc.tokens.forEach((t, k) => { t.head = heads[k][0]; t.deprel = heads[k][1]; t.upos = k === 4 || k === 8 ? 'VERB' : 'X'; });
  const feb = doc.text.indexOf('February');
  doc.times.push({ start: feb, end: feb + 8, text: 'February', value: '2024-02' });
  const view = new ParseView(doc);
  assert.equal(inOtherRelative(view, doc.times[0], 8), true, '"appealed" is not dated by the relative clause');
  assert.equal(inOtherRelative(view, doc.times[0], 4), false, '"kidnapped" is');
});

test('what a denial denies is negated: "denied that it had struck", "denied attacking"', () => {
  const r = extract({ id: 'deny', published: '2025-03-12', text: 'The Ruritanian army denied on Tuesday that it had struck the Red Cross convoy. Hamas denied attacking the Erez crossing.' });
  const struck = r.events.find((e) => e.trigger.text === 'struck');
  assert.ok(struck, JSON.stringify(r.events.map((e) => e.trigger.text)));
  assert.equal(struck.negated, true);
  const attack = r.events.find((e) => e.trigger.text === 'attacking');
  assert.ok(attack, JSON.stringify(r.events.map((e) => e.trigger.text)));
  assert.equal(attack.negated, true);
});

test('"urged" is a request (CAMEO 2.0 has no URGE)', () => {
  const r = extract({ id: 'urge', published: '2025-03-12', text: 'Qatar urged Israel to return to the negotiating table.' });
  const urge = r.events.find((e) => e.trigger.text === 'urged');
  assert.equal(urge?.type, 'REQUEST', JSON.stringify(r.events));
  assert.deepEqual(urge?.recipient.map((id) => nameOf(r, id)), ['Israel']);
});
