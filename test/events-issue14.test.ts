/**
 * Issue 14's listed failures on real pages, each as a general case on sentences of our own (the
 * others are in events-roles, events-factuality, events-groups and boilerplate tests): figurative
 * verbs are no violence, "video footage shows" is no concession, the imposer of a measure is its
 * actor, and headline acts (shot down, strikes down, sue) are found.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, eventsWith, namesOf } from './helpers.js';
import type { Result } from '../src/output/schema.js';

const show = (r: Result): string => JSON.stringify(r.events.map((e) => [e.trigger.text, e.type, e.actor, e.recipient, e.groups?.map((g) => g.text), e.factuality]));

test('figurative attacks are no violence: "assailed X over the budget", "nurses surrounded the Capitol"', () => {
  const a = run('Senator Maria Lopez assailed Governor Tom Reed over the budget on Tuesday.');
  assert.ok(!a.events.some((e) => e.type === 'ASSAULT'), show(a));
  const s = run('Hundreds of nurses surrounded the State Capitol in Denver on Monday to demand higher pay.');
  assert.ok(!s.events.some((e) => e.type === 'ASSAULT'), show(s));
});

test('"verified video footage shows …" is no concession; the act it shows is the event', () => {
  const r = run('Verified video footage shows soldiers firing on the crowd in Khartoum.');
  assert.ok(!r.events.some((e) => e.type === 'CONCEDE'), show(r));
  assert.ok(eventsWith(r, 'shows').length === 0, show(r));
});

test('the imposer of a measure is its actor, not its recipient', () => {
  const r = run('The Commerce Department imposed tariffs on Chinese steel on Friday.');
  const imposed = eventsWith(r, 'imposed')[0];
  assert.ok(imposed, show(r));
  assert.ok(namesOf(r, imposed.actor).some((n) => /Commerce Department/.test(n)), show(r));
  assert.ok(!namesOf(r, imposed.recipient).some((n) => /Commerce Department/.test(n)), show(r));
});

test('headline acts are found: "shoot down", "strikes down", "sue"', () => {
  const down = run('Rebels shoot down army helicopter in northern Mali');
  assert.ok(down.events.some((e) => e.type === 'ASSAULT' && /shoot/.test(e.trigger.text)), show(down));
  const law = run('Federal judge strikes down Texas voting law');
  assert.ok(law.events.some((e) => /strikes/.test(e.trigger.text)), show(law));
  const sue = run('Environmental groups sue the Interior Department over drilling permits');
  const e = eventsWith(sue, 'sue')[0];
  assert.ok(e, show(sue));
  assert.ok(namesOf(sue, e.recipient).some((n) => /Interior Department/.test(n)), show(sue));
});
