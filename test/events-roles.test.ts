/**
 * Participants from the predicate's arguments (src/extract/events/coder.ts, arguments.ts):
 * general cases, on sentences of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, runRules, eventsWith, namesOf, nameOf } from './helpers.js';

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
  assert.ok(!eventsWith(r, 'execute').some((e) => e.type === 'ASSAULT'), show(r));
  assert.ok(!runRules('The court ordered police to execute the warrant of the Supreme Court.').events.some((e) => e.type === 'ASSAULT'));
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

test('an event noun takes its agent from the support verb that governs it, and its target from the verb\'s phrase', () => {
  const r = run('Armenia launched an attack on Azerbaijan on Tuesday.');
  const attack = eventsWith(r, 'attack')[0];
  assert.ok(attack, show(r));
  assert.deepEqual(namesOf(r, attack.actor), ['Armenia']);
  assert.deepEqual(namesOf(r, attack.recipient), ['Azerbaijan']);
  const w = run('The Kingdom of Elbonia announced a complete withdrawal from the border zone.');
  const withdrawal = eventsWith(w, 'withdrawal')[0];
  assert.ok(withdrawal, show(w));
  assert.ok(namesOf(w, withdrawal.actor).some((n) => /Elbonia/.test(n)), show(w));
  // a verb that judges someone else's act names no agent of it
  const c = run('Armenia condemned the attack on the embassy.');
  for (const e of eventsWith(c, 'attack')) assert.deepEqual(namesOf(c, e.actor), [], show(c));
});

test('a participle on an event noun names its agent: "the attack, carried out by X", "an attack blamed on X"', () => {
  const r = run('The bombing, carried out by the Red Hand Brigade, destroyed the bridge.');
  const bombing = eventsWith(r, 'bombing')[0];
  assert.ok(bombing, show(r));
  assert.deepEqual(namesOf(r, bombing.actor), ['Red Hand Brigade']);
  const b = run('Officials said the attack was blamed on the Red Hand Brigade.');
  const attack = eventsWith(b, 'attack')[0];
  assert.ok(attack, show(b));
  assert.deepEqual(namesOf(b, attack.actor), ['Red Hand Brigade'], show(b));
  assert.deepEqual(namesOf(b, attack.recipient), [], show(b));
});

test('an event noun as the subject stands for whoever did that act: "the attack, claimed by X, killed twelve"', () => {
  const r = run('The attack, claimed by the Red Hand Brigade, killed twelve soldiers near Szohod.');
  const killed = eventsWith(r, 'killed')[0];
  assert.ok(killed, show(r));
  assert.deepEqual(namesOf(r, killed.actor), ['Red Hand Brigade']);
});

test('a non-finite clause after "in" or "by" shares its head\'s subject: "was quick in blaming X", "responded by shelling X"', () => {
  const r = run('The Georgian government was quick in blaming Armenia for the explosion.');
  const blaming = eventsWith(r, 'blaming')[0];
  assert.ok(blaming, show(r));
  assert.ok(namesOf(r, blaming.actor).some((n) => /Georgia/.test(n)), show(r));
  assert.deepEqual(namesOf(r, blaming.recipient), ['Armenia']);
});

test('a nationality or group name on a noun for armed men or members stands for the group: "Somali pirates seized", "members of the League condemned"', () => {
  const r = runRules('The decision was condemned by members of the Arab League.');
  const condemned = eventsWith(r, 'condemned')[0];
  assert.ok(condemned, show(r));
  assert.deepEqual(namesOf(r, condemned.actor), ['Arab League']);
});
