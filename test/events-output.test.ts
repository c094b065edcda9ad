import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { eventsStage } from '../src/extract/events.js';
import { toResult } from '../src/output/result.js';
import { ResultSchema } from '../src/output/schema.js';
import { CAMEO_COLUMNS, formatCameo } from '../src/output/cameo.js';
import { formatPlover } from '../src/output/plover.js';
import { formatPreamble, formatResult, parseOutputFormat } from '../src/output/formats.js';
import { addEntity, addTime, docFromConllu } from './helpers/conllu-doc.js';

function result() {
  const doc = docFromConllu(readFileSync(new URL('../../test/fixtures/events-story.conllu', import.meta.url), 'utf8'), { id: 'story-1', published: '2024-03-10' });
  addEntity(doc, 'rebels', 'ORG', ['Gunmen', 'gunmen', 'rebels'], ['CODREB']);
  addEntity(doc, 'lopez', 'PERSON', ['Maria Lopez', 'Lopez']);
  addEntity(doc, 'driver', 'PERSON', [{ text: 'driver', kind: 'nominal' }]);
  addEntity(doc, 'goma', 'GPE', ['Goma'], ['COD']);
  addTime(doc, 'March 3', '2024-03-03');
  eventsStage.run(doc);
  return toResult(doc);
}

test('events in the JSON result validate against the versioned schema', () => {
  const r = result();
  assert.ok(r.events.length >= 2);
  ResultSchema.parse(r);
});

test('PLOVER records: one per event, entity objects with code and sector, auxiliary modes in context', () => {
  const r = result();
  const lines = formatPlover(r).trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, r.events.length);
  const abduct = lines.find((x) => x.event_text[0] === 'abducted');
  assert.deepEqual(abduct.event, ['ASSAULT']);
  assert.deepEqual(abduct.mode, ['abduct']);
  assert.equal(abduct.date, '2024-03-03');
  assert.deepEqual(abduct.actor[0], { code: 'COD', sector: 'REB', entity_text: 'Gunmen', identifier_id: 'rebels', type: 'ORG' });
  assert.deepEqual(abduct.recipient.map((x: { entity_text: string }) => x.entity_text), ['Maria Lopez', 'driver']);
  assert.equal(abduct.event_loc.name, 'Goma');
  assert.equal(abduct.quad_code, 4);
  assert.equal(abduct.text.startsWith('Gunmen abducted'), true);
  const negated = lines.find((x) => x.negated);
  assert.ok(negated.context.includes('negation'));
});

test('CAMEO TSV: one row per actor-recipient pair with date, codes, root and quad class', () => {
  const r = result();
  const rows = formatCameo(r).split('\n').filter(Boolean).map((l) => l.split('\t'));
  for (const row of rows) assert.equal(row.length, CAMEO_COLUMNS.length);
  const col = (name: (typeof CAMEO_COLUMNS)[number]) => CAMEO_COLUMNS.indexOf(name);
  const abducts = rows.filter((row) => row[col('Trigger')] === 'abducted');
  assert.equal(abducts.length, 2, 'two recipients → two dyads');
  assert.equal(abducts[0][col('SQLDATE')], '20240303');
  assert.equal(abducts[0][col('Actor1Code')], 'CODREB');
  assert.equal(abducts[0][col('EventCode')], '181');
  assert.equal(abducts[0][col('EventRootCode')], '18');
  assert.equal(abducts[0][col('QuadClass')], '4');
  assert.equal(abducts[0][col('SourceDoc')], 'story-1');
  assert.equal(formatPreamble('cameo').split('\t')[0], 'EventID');
});

test('--format names: json, plover, cameo; anything else is an error naming the choices', () => {
  assert.equal(parseOutputFormat(undefined), 'json');
  assert.equal(parseOutputFormat('PLOVER'), 'plover');
  assert.throws(() => parseOutputFormat('gdelt'), /json, plover, cameo/);
  assert.equal(formatResult(result(), 'json').split('\n').length, 2);
});
