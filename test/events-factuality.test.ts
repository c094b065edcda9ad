/**
 * Factuality of events (src/extract/events/factuality.ts): each case is a general construction,
 * written on sentences of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, eventsWith } from './helpers.js';
import { FACTUALITY_VALUES, ResultSchema } from '../src/output/schema.js';
import { formatPlover } from '../src/output/plover.js';
import { cameoHeader, formatCameo } from '../src/output/cameo.js';

function factualityOf(text: string, trigger: string): string {
  const r = run(text);
  const evs = eventsWith(r, trigger);
  assert.ok(evs.length, `an event for "${trigger}" in: ${text}\n  got ${JSON.stringify(r.events.map((e) => [e.trigger.text, e.factuality]))}`);
  return evs[0].factuality;
}

test('the nearest cue wins: continuing efforts to free someone are an attempt, not a negated release', () => {
  assert.equal(factualityOf('Norwegian mediators did not halt their campaign to rescue Lena Berg.', 'rescue'), 'attempted');
  assert.equal(factualityOf('The envoys never abandoned their efforts to free Tomas Lind.', 'free'), 'attempted');
  assert.equal(factualityOf('The army tried to arrest Omar Nasser.', 'arrest'), 'attempted');
});

test('a plan or attempt that was thwarted did not happen', () => {
  assert.equal(factualityOf('Police foiled a plot to assassinate President Lula.', 'assassinate'), 'negated');
});

test('threats: "threatened to kidnap and execute X" threatens both acts', () => {
  const r = run('The Zeta militia threatened to abduct and execute Mayor Paulo Reis.');
  const execute = eventsWith(r, 'execute')[0];
  assert.ok(execute, JSON.stringify(r.events.map((e) => e.trigger.text)));
  assert.equal(execute.factuality, 'threatened');
  assert.equal(execute.negated, false);
  assert.equal(execute.modality, 'hypothetical', 'modality stays consistent with factuality');
});

test('allegations, accusations and theories are not facts', () => {
  assert.equal(factualityOf('Ivan Sokol was accused of abducting Maria Lenz.', 'abducting'), 'alleged');
  assert.equal(factualityOf('Police allegedly beat Omar Nasser.', 'beat'), 'alleged');
  assert.equal(factualityOf('Online theories suggesting that Karl Ode had been murdered spread quickly.', 'murdered'), 'alleged');
});

test('a claim of responsibility asserts the act claimed', () => {
  assert.equal(factualityOf('Al-Shabaab claimed responsibility for the attack on Kenya.', 'attack'), 'asserted');
});

test('denials: what a denial denies is denied (and negated for schema 1.0 readers)', () => {
  const r = run('The Ruritanian army denied shelling the town of Tarn.');
  const e = eventsWith(r, 'shelling')[0];
  assert.ok(e);
  assert.equal(e.factuality, 'denied');
  assert.equal(e.negated, true);
});

test('negation of the predicate, and of a to-clause\'s governor', () => {
  assert.equal(factualityOf('Hamas did not release Noa Levi.', 'release'), 'negated');
  assert.equal(factualityOf('Hamas refused to free Noa Levi.', 'free'), 'negated');
});

test('what is said keeps its own factuality: "failed to mention that X had freed Y" asserts the freeing', () => {
  assert.equal(factualityOf('The ministry failed to mention that the army had released Samir Haddad.', 'released'), 'asserted');
});

test('future: "will", "plans to", "the planned release"; "said it would" is reported future', () => {
  assert.equal(factualityOf('Hamas will free Noa Levi on Monday.', 'free'), 'future');
  assert.equal(factualityOf('Hamas plans to release Noa Levi.', 'release'), 'future');
  assert.equal(factualityOf('The planned release of Noa Levi was delayed.', 'release'), 'future');
  assert.equal(factualityOf('Iran said it would retaliate against Israel.', 'retaliate'), 'future');
});

test('hypothetical: modals, conditions, calls for an act', () => {
  assert.equal(factualityOf('Russia could attack Ukraine.', 'attack'), 'hypothetical');
  assert.equal(factualityOf('If Russia attacks Ukraine, NATO will respond.', 'attacks'), 'hypothetical');
  assert.equal(factualityOf('Qatar called for the release of Noa Levi.', 'release'), 'hypothetical');
});

test('asserted: a release secured, and an act inside a relative clause of a deal', () => {
  assert.equal(factualityOf('Qatar secured the release of Noa Levi.', 'release'), 'asserted');
  assert.equal(factualityOf('Cohen was released in a deal that saw Israel free 50 prisoners.', 'released'), 'asserted');
});

test('the result schema, PLOVER records and CAMEO rows carry factuality', () => {
  const r = run('The Zeta militia threatened to abduct and execute Mayor Paulo Reis. Hamas released Noa Levi on Sunday.');
  ResultSchema.parse(r);
  for (const e of r.events) assert.ok((FACTUALITY_VALUES as readonly string[]).includes(e.factuality));
  const records = formatPlover(r).trim().split('\n').map((l) => JSON.parse(l) as { event_text: string[]; factuality: string; context: string[] });
  const execute = records.find((x) => x.event_text[0] === 'execute');
  assert.equal(execute?.factuality, 'threatened');
  assert.ok(execute?.context.includes('threatened'));
  const header = cameoHeader().trim().split('\t');
  const col = header.indexOf('Factuality');
  assert.ok(col > 0);
  const rows = formatCameo(r).trim().split('\n').map((l) => l.split('\t'));
  assert.ok(rows.some((row) => row[header.indexOf('Trigger')] === 'released' && row[col] === 'asserted'));
});
