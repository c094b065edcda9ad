/**
 * Participants from the predicate's arguments (src/extract/events/coder.ts, arguments.ts):
 * general cases, on sentences of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, eventsWith, namesOf, nameOf } from './helpers.js';

const show = (r: ReturnType<typeof run>) => JSON.stringify(r.events.map((e) => [e.type, e.trigger.text, namesOf(r, e.actor), namesOf(r, e.recipient), nameOf(r, e.location)]));

test('a place in a phrase of place is where the act happened, never its recipient', () => {
  const r = run('Moscow hopes to impose its will in the Black Sea.');
  const impose = eventsWith(r, 'impose')[0];
  assert.ok(impose, show(r));
  assert.ok(!namesOf(r, impose.recipient).includes('Black Sea'), show(r));
  const s = run('Israeli soldiers stormed a clinic in the city of Nablus.');
  const stormed = eventsWith(s, 'stormed')[0];
  assert.ok(stormed, show(s));
  assert.ok(!namesOf(s, stormed.recipient).includes('Nablus'), show(s));
  assert.equal(nameOf(s, stormed.location), 'Nablus');
});

test('an act done to the place itself keeps it as the recipient', () => {
  const r = run('Militants shelled Kharkiv overnight.');
  const shelled = eventsWith(r, 'shelled')[0];
  assert.ok(shelled, show(r));
  assert.deepEqual(namesOf(r, shelled.recipient), ['Kharkiv']);
});

test('a name modifying a destination says where, not whom: taking someone to an organisation\'s headquarters seizes nothing', () => {
  const r = run('The diplomat was taking his wife to the NATO headquarters.');
  assert.ok(!r.events.some((e) => namesOf(r, e.recipient).includes('NATO')), show(r));
});

test('killing and arresting are done to people: executing a warrant or a ruling is no killing', () => {
  const r = run('The court ordered police to execute the warrant of the Supreme Court.');
  assert.ok(!r.events.some((e) => e.type === 'ASSAULT'), show(r));
  const k = run('Militants executed Ivan Petrov in Raqqa.');
  assert.ok(k.events.some((e) => e.type === 'ASSAULT' && e.mode === 'kill' && namesOf(k, e.recipient).includes('Ivan Petrov')), show(k));
});

test('a participle the parser read as a reduced relative but with an object of its own is active: its noun acts', () => {
  const r = run('Israeli troops struck a market in the city of Rafah.');
  const struck = eventsWith(r, 'struck')[0];
  assert.ok(struck, show(r));
  assert.ok(!namesOf(r, struck.recipient).some((n) => /Israel/.test(n)), show(r));
});

test('a place modifying a thing says where the thing is; an event noun modifying a noun ("detention center") is no event', () => {
  const r = run('Lawyers for Samir Haddad inspected the Brooklyn detention center on Monday.');
  assert.ok(!r.events.some((e) => e.trigger.text === 'detention'), show(r));
  assert.ok(!r.events.some((e) => namesOf(r, e.recipient).includes('Brooklyn')), show(r));
});
