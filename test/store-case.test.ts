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
    negated: 0, modality: null, entity_role: 'recipient', location: null, ...src, sentence: 'He was abducted.', ...over,
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
