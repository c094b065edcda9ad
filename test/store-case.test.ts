import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCase, datesAgree, placesAgree } from '../src/store/case.js';
import type { EventRow } from '../src/store/store.js';
import type { RelationView } from '../src/store/types.js';

const entity = { id: 7, name: 'Keith Siegel', type: 'PERSON', aliases: [], document_count: 2, mention_count: 5 };
const src = { document_id: 1, title: 'a', source: 'A', published: '2025-02-02', url: null };
function row(over: Partial<EventRow>): EventRow {
  return {
    event_id: 1, type: 'ASSAULT', mode: 'abduct', cameo: '181', trigger_text: 'abducted', trigger_start: 0, trigger_end: 8, date_value: null, date_text: null, date_basis: null,
    negated: 0, modality: null, factuality: null, entity_role: 'recipient', location: null, ...src, sentence: 'He was abducted.', ...over,
  };
}

test('dates and places agree by precision and by contained words', () => {
  assert.ok(datesAgree('2023-11', '2023-11-29') && datesAgree('2023', '2023-10-07') && !datesAgree('2023-10-07', '2023-10-08'));
  assert.ok(placesAgree('Kibbutz Nahal Oz', 'Nahal Oz') && !placesAgree('Nahal Oz', 'Nir Oz'));
});

test('a captivity relation gives a held status when no abduction is dated', () => {
  const held: RelationView = { type: 'held_by', role: 'hostage', side: 'subject', other: { id: 3, name: 'Hamas', type: 'ORG' }, sources: [{ ...src, sentence: 'Siegel, held by Hamas, …', copies: [] }] };
  const release = row({ event_id: 2, type: 'RETREAT', mode: 'release', trigger_text: 'released', date_value: '2025-02-01' });
  const c = buildCase(entity, [release], [], [held]);
  assert.deepEqual(c.status.map((s) => [s.status, s.from, s.to]), [['held', null, '2025-02-01'], ['released', '2025-02-01', '2025-02-01']]);
});

test('released and killed with no later killing is a status conflict; a negated event is not a claim', () => {
  const release = row({ event_id: 2, type: 'RETREAT', mode: 'release', date_value: '2025-02-01' });
  const killed = row({ event_id: 3, mode: 'kill', trigger_text: 'killed', date_value: '2024-01-01', document_id: 2, source: 'B' });
  const c = buildCase(entity, [release, killed], [], []);
  assert.equal(c.conflicts.length, 1);
  assert.equal(c.conflicts[0].kind, 'status');
  const notKilled = row({ event_id: 4, mode: 'kill', trigger_text: 'killed', date_value: '2024-01-01', negated: 1, document_id: 2 });
  assert.equal(buildCase(entity, [release, notKilled], [], []).conflicts.length, 0);
});

test('a near-duplicate copy’s events fold into its first copy’s; what only the copy tells stays an event', () => {
  const root = { document_id: 1, story_id: 1, source: 'Wire', published: '2025-02-02' };
  const copy = { document_id: 5, story_id: 1, source: 'Aggregator', title: 'copy', published: '2025-02-09' };
  const other = { document_id: 3, story_id: 3, source: 'Daily', title: 'own report', published: '2025-02-03' };
  const release = row({ ...root, event_id: 10, type: 'RETREAT', mode: 'release', trigger_text: 'freed', date_value: '2025-02-01', sentence: 'Keith Siegel was freed on Saturday.' });
  // the copy, a week later, read "Saturday" as 8 February: same sentence, so the same event
  const copied = row({ ...copy, event_id: 50, type: 'RETREAT', mode: 'release', trigger_text: 'freed', date_value: '2025-02-08', sentence: 'Keith Siegel was freed on Saturday.' });
  // a paragraph only the copy has
  const extra = row({ ...copy, event_id: 51, type: 'CONSULT', mode: 'meet', trigger_text: 'met', date_value: '2025-02-08', sentence: 'He met his family on Saturday.' });
  // another outlet's own report of the release is a second source, not a copy
  const own = row({ ...other, event_id: 30, type: 'RETREAT', mode: 'release', trigger_text: 'released', date_value: '2025-02-01', sentence: 'Hamas released Siegel on 1 February.' });
  const c = buildCase(entity, [copied, extra, release, own], [], []);
  const releases = c.events.filter((e) => e.mode === 'release');
  assert.equal(releases.length, 1, JSON.stringify(c.events));
  assert.deepEqual(releases[0].sources.map((s) => [s.document_id, s.copies.map((x) => x.document_id)]), [[1, [5]], [3, []]]);
  assert.equal(c.conflicts.length, 0, 'the copy’s later date is no claim');
  assert.deepEqual(c.events.filter((e) => e.mode === 'meet').map((e) => e.sources.map((s) => s.document_id)), [[5]]);
  // without the link the copy is a source of its own, and its date a conflicting claim
  const unlinked = buildCase(entity, [{ ...copied, story_id: 5 }, release, own], [], []);
  assert.equal(unlinked.conflicts.filter((x) => x.kind === 'date').length, 1);
});

test('statuses only for a person or group of people, as the recipient of an asserted event coded for it', () => {
  const abducted = row({ event_id: 20, date_value: '2023-10-07' });
  assert.deepEqual(buildCase(entity, [abducted], [], []).status.map((s) => s.status), ['abducted', 'held']);
  // an institution or a country never takes one (a crane "killing" at Saudi Arabia, "execute the sentence")
  for (const type of ['ORG', 'GPE', 'FAC']) {
    const other = { ...entity, type };
    const killed = row({ event_id: 21, mode: 'kill', cameo: '1823', trigger_text: 'killing' });
    const c = buildCase(other, [abducted, killed], [], []);
    assert.deepEqual(c.status, [], type);
    assert.deepEqual(c.conflicts, [], type);
    assert.equal(c.events.length, 2, 'the events stay on the timeline');
  }
  // a group of people does
  assert.deepEqual(buildCase({ ...entity, type: 'NORP' }, [abducted], [], []).status.map((s) => s.status), ['abducted', 'held']);
  // the status comes from the event's code, not a word in it: COERCE/seize ("taking his family to the U.N.")
  const taking = row({ event_id: 22, type: 'COERCE', mode: 'seize', cameo: '171', trigger_text: 'taking' });
  assert.deepEqual(buildCase(entity, [taking], [], []).status, []);
  // only as the recipient, and only when the text asserts it
  assert.deepEqual(buildCase(entity, [row({ event_id: 23, entity_role: 'actor' })], [], []).status, []);
  for (const factuality of ['alleged', 'threatened', 'future', 'hypothetical', 'attempted', 'denied', 'negated']) {
    const c = buildCase(entity, [row({ event_id: 24, factuality })], [], []);
    assert.deepEqual(c.status, [], factuality);
    assert.equal(c.events[0].factuality, factuality);
    assert.equal(c.events[0].sources[0].factuality, factuality);
  }
  // and only from an event the detector is sure enough of (calibrated confidence ≥ 0.5); no confidence bars nothing
  const unsure = buildCase(entity, [row({ event_id: 27, confidence: 0.3 })], [], []);
  assert.deepEqual(unsure.status, []);
  assert.equal(unsure.events.length, 1, 'the unsure event stays on the timeline');
  assert.equal(unsure.events[0].confidence, 0.3, 'with its confidence, for the app to mark it unsure');
  assert.equal(unsure.events[0].sources[0].confidence, 0.3);
  // told by two sources, the item is as sure as its surest source; a source no model scored adds nothing
  const told = buildCase(entity, [row({ event_id: 27, confidence: 0.3 }), row({ event_id: 30, document_id: 2, story_id: 2, confidence: 0.7 }), row({ event_id: 31, document_id: 3, story_id: 3, confidence: null })], [], []);
  assert.equal(told.events.length, 1);
  assert.equal(told.events[0].sources.length, 3);
  assert.equal(told.events[0].confidence, 0.7);
  assert.equal(buildCase(entity, [row({ event_id: 29, confidence: '0.25' as unknown as number })], [], []).events[0].confidence, 0.25, 'a stored numeric string reads as a number');
  assert.equal(buildCase(entity, [row({ event_id: 29, confidence: null })], [], []).events[0].confidence, null);
  assert.deepEqual(buildCase(entity, [row({ event_id: 28, confidence: 0.8 })], [], []).status.map((s) => s.status), ['abducted', 'held']);
  assert.deepEqual(buildCase(entity, [row({ event_id: 29, confidence: null })], [], []).status.map((s) => s.status), ['abducted', 'held']);
  // rows stored before factuality was kept read it from negated/modality
  assert.equal(buildCase(entity, [row({ event_id: 25, negated: 1 })], [], []).events[0].factuality, 'negated');
  assert.equal(buildCase(entity, [row({ event_id: 26, modality: 'future' })], [], []).events[0].factuality, 'future');
  // a captivity relation gives no institution a held status either
  const held: RelationView = { type: 'held_by', role: 'hostage', side: 'subject', other: { id: 3, name: 'Hamas', type: 'ORG' }, sources: [{ ...src, sentence: '…', copies: [] }] };
  assert.deepEqual(buildCase({ ...entity, type: 'ORG' }, [], [], [held]).status, []);
});

test('an alleged event and an asserted one of the same kind are two timeline items', () => {
  const a = row({ event_id: 30, date_value: '2023-10-07' });
  const b = row({ event_id: 31, date_value: '2023-10-07', factuality: 'alleged', document_id: 2, source: 'B' });
  const c = buildCase(entity, [a, b], [], []);
  assert.deepEqual(c.events.map((e) => e.factuality).sort(), ['alleged', 'asserted']);
});

test('a coarse date that fits two disagreeing claims supports neither', () => {
  const a = row({ event_id: 40, date_value: '2024-03-03', document_id: 1, source: 'A' });
  const b = row({ event_id: 41, date_value: '2024-03-04', document_id: 2, source: 'B' });
  const coarse = row({ event_id: 42, date_value: '2024-03', document_id: 3, source: 'C' });
  const c = buildCase(entity, [coarse, a, b], [], []);
  const dates = c.conflicts.filter((x) => x.kind === 'date');
  assert.equal(dates.length, 1);
  assert.deepEqual(dates[0].claims.map((cl) => [cl.value, cl.sources.map((s) => s.source)]), [['2024-03-03', ['A']], ['2024-03-04', ['B']]]);
});

test('a captivity told vaguely beside one dated to the day is one captivity, not two', () => {
  const abducted = row({ event_id: 50, date_value: '2024-03-04', document_id: 1 });
  const heldSince = row({ event_id: 51, type: 'COERCE', mode: null, cameo: '173', trigger_text: 'held', date_value: '2024-03', document_id: 2, source: 'B' });
  const released = row({ event_id: 52, type: 'RETREAT', mode: 'release', cameo: '0841', trigger_text: 'released', date_value: '2024-06-14', document_id: 3, source: 'C' });
  const c = buildCase(entity, [abducted, heldSince, released], [], []);
  assert.deepEqual(c.status.map((s) => [s.status, s.from, s.to]), [['abducted', '2024-03-04', '2024-03-04'], ['held', '2024-03-04', '2024-06-14'], ['released', '2024-06-14', '2024-06-14']]);
});

test('a participant no entity stands for ("gunmen") joins the timeline item by its words, without an identity', () => {
  const groups = JSON.stringify([{ role: 'actor', text: 'gunmen', start: 20, end: 26, code: 'UAF' }, { role: 'recipient', text: 'two soldiers', start: 40, end: 52, code: 'MIL' }]);
  const abduction = row({ event_id: 9, date_value: '2025-01-20', groups });
  const c = buildCase(entity, [abduction], [{ event_id: 9, role: 'actor', entity_id: 3, name: 'Hamas' }], []);
  assert.deepEqual(c.events[0].participants, [
    { id: 3, name: 'Hamas', role: 'actor' },
    { id: null, name: 'gunmen', role: 'actor' },
    { id: null, name: 'two soldiers', role: 'recipient' },
  ]);
  // a malformed column (a store written by hand) gives no participants, not an error
  assert.deepEqual(buildCase(entity, [row({ event_id: 9, groups: '{' })], [], []).events[0].participants, []);
});
