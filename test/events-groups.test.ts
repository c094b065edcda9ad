/**
 * Participants no entity stands for (rule events.group-actors) and control the parse shows as an
 * adverbial clause (rule events.clause-control): general cases on sentences of our own. Roles are
 * read with the rule coder deciding (runRules), so a retrain of the detector cannot hide them; the
 * detector's own output is checked where it reports the event.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, runRules, eventsWith, namesOf } from './helpers.js';
import { ResultSchema } from '../src/output/schema.js';
import { withoutRules } from '../src/rules/registry.js';
import { formatPlover } from '../src/output/plover.js';
import { CAMEO_COLUMNS, formatCameo } from '../src/output/cameo.js';

type R = ReturnType<typeof run>;
type Ev = R['events'][number];

/** The words of an event's participants in a role: entity names, then group words. */
function role(r: R, e: Ev, which: 'actor' | 'recipient'): string[] {
  return [...namesOf(r, e[which]), ...(e.groups ?? []).filter((g) => g.role === which).map((g) => g.text)];
}
const show = (r: R) => JSON.stringify(r.events.map((e) => [e.type, e.trigger.text, role(r, e, 'actor'), role(r, e, 'recipient')]));

function only(r: R, trigger: string): Ev {
  const es = eventsWith(r, trigger);
  assert.equal(es.length, 1, `one event "${trigger}": ${show(r)}`);
  return es[0];
}

test('a group named by a common noun acts and undergoes: active, passive, with its CAMEO agent code', () => {
  const r = runRules('Police arrested three protesters in the capital on Monday.');
  const arrest = only(r, 'arrested');
  assert.deepEqual(arrest.groups, [
    { role: 'actor', text: 'Police', start: 0, end: 6, code: 'COP' },
    { role: 'recipient', text: 'three protesters', start: 16, end: 32, code: 'OPP' },
  ]);
  assert.deepEqual([arrest.actor, arrest.recipient], [[], []], 'actor and recipient keep entity ids only');
  const p = runRules('The demonstrators were beaten by soldiers outside the parliament.');
  const beaten = only(p, 'beaten');
  assert.deepEqual([role(p, beaten, 'actor'), role(p, beaten, 'recipient')], [['soldiers'], ['demonstrators']], show(p));
  assert.equal(beaten.groups?.find((g) => g.role === 'actor')?.code, 'MIL');
  // the learned detector reports them too, and the result validates (schema 1.6)
  const d = run('Police arrested three protesters in the capital on Monday.');
  ResultSchema.parse(d);
  assert.deepEqual(role(d, only(d, 'arrested'), 'actor'), ['Police'], show(d));
});

test('a name or nationality on the noun makes it that entity, not a group; coordination mixes both', () => {
  const r = runRules('Hamas gunmen and soldiers attacked the convoy of Maria Lopez near Rafah.');
  const attack = only(r, 'attacked');
  assert.ok(role(r, attack, 'actor').includes('Hamas'), show(r));
  assert.ok(role(r, attack, 'actor').includes('soldiers'), show(r));
  assert.ok(!(attack.groups ?? []).some((g) => /gunmen/.test(g.text)), 'Hamas gunmen are Hamas');
  const n = runRules('Israeli troops arrested two Palestinian teenagers in Hebron.');
  const arrested = only(n, 'arrested');
  assert.ok(namesOf(n, arrested.actor).some((x) => /Israel/.test(x)), show(n));
  assert.ok(!(arrested.groups ?? []).some((g) => g.role === 'actor'), show(n));
});

test('shares and relative pronouns stand for their group; a pronoun is never a group', () => {
  const r = runRules('Dozens of protesters who stormed the ministry were detained by police.');
  const stormed = only(r, 'stormed');
  assert.ok(role(r, stormed, 'actor').some((x) => /protesters/.test(x)), show(r));
  const detained = only(r, 'detained');
  assert.ok(role(r, detained, 'recipient').some((x) => /protesters/.test(x)), show(r));
  assert.deepEqual(role(r, detained, 'actor'), ['police'], show(r));
  // a share noun with no of-phrase is a noun like any other, and collective nouns act
  const held = runRules('Three aid workers were abducted by an armed group in northern Mali.');
  assert.deepEqual(role(held, only(held, 'abducted'), 'actor'), ['armed group'], show(held));
  const powers = runRules('The minister said foreign powers attacked the port.');
  assert.deepEqual(role(powers, only(powers, 'attacked'), 'actor'), ['foreign powers'], show(powers));
  const they = runRules('They arrested the journalists on Friday.');
  for (const e of they.events) assert.ok(!(e.groups ?? []).some((g) => /^they$/i.test(g.text)), show(they));
});

test('control: the object of "urge", the addressee of "call on", the object of "accuse … of", else the subject', () => {
  const u = runRules('The United Nations urged the government to release the detained protesters.');
  const release = only(u, 'release');
  assert.deepEqual(role(u, release, 'actor'), ['government'], show(u));
  assert.ok(role(u, release, 'recipient').some((x) => /protesters/.test(x)), show(u));
  const c = runRules('The agency called on both sides to release the prisoners.');
  assert.deepEqual(role(c, only(c, 'release'), 'actor'), ['sides'], show(c));
  const a = runRules('The Church accused the Kremlin of attacking Ukraine.');
  const attacking = only(a, 'attacking');
  assert.deepEqual([role(a, attacking, 'actor'), role(a, attacking, 'recipient')], [['Kremlin'], ['Ukraine']], show(a));
  const p = runRules('The guard is accused of striking an inmate repeatedly.');
  assert.deepEqual(role(p, only(p, 'striking'), 'actor'), ['guard'], show(p));
  const t = runRules('Police tried to arrest the protesters outside the embassy.');
  const arrest = only(t, 'arrest');
  assert.deepEqual([role(t, arrest, 'actor'), role(t, arrest, 'recipient')], [['Police'], ['protesters']], show(t));
  assert.equal(arrest.factuality, 'attempted');
});

test('nominalisation: "the arrest of X by Y", also with the by-phrase hung on X', () => {
  const r = runRules('The arrest of the activist by police sparked protests in the city.');
  const arrest = only(r, 'arrest');
  assert.deepEqual([role(r, arrest, 'actor'), role(r, arrest, 'recipient')], [['police'], ['activist']], show(r));
});

test('switched off, groups fill no role and clause control falls back to no subject', () => {
  const restore = withoutRules(['events.group-actors', 'events.clause-control']);
  try {
    const r = runRules('Police arrested three protesters in the capital on Monday.');
    assert.ok(r.events.every((e) => !e.groups), show(r));
    const p = runRules('The guard is accused of striking an inmate repeatedly.');
    assert.ok(!eventsWith(p, 'striking').some((e) => e.actor.length > 0 || e.groups?.some((g) => g.role === 'actor')), show(p));
  } finally {
    restore();
  }
});

test('exports: a group is a PLOVER entity with its agent as the sector and no identifier, and one side of a CAMEO row', () => {
  const r = runRules('Police arrested three protesters in the capital on Monday.');
  const [rec] = formatPlover(r).trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(rec.actor, [{ code: null, sector: 'COP', entity_text: 'Police', identifier_id: null, type: 'GROUP' }]);
  assert.deepEqual(rec.recipient.map((x: { entity_text: string; sector: string }) => [x.entity_text, x.sector]), [['three protesters', 'OPP']]);
  const [row] = formatCameo(r).trim().split('\n').map((l) => l.split('\t'));
  const col = (name: string) => row[CAMEO_COLUMNS.indexOf(name as (typeof CAMEO_COLUMNS)[number])];
  assert.deepEqual([col('Actor1Code'), col('Actor1Name'), col('Actor1Type'), col('Actor2Code'), col('Actor2Name')], ['COP', 'Police', 'GROUP', 'OPP', 'three protesters']);
});

test('a killing an accident or disaster caused is no act of anyone (events.veto-accident); a killing by gunmen stays', () => {
  for (const text of ['A crane accident killed 107 people in Mecca.', 'At least 345 pilgrims were killed in a stampede near Mecca.']) {
    for (const r of [run(text), runRules(text)]) assert.ok(!r.events.some((e) => e.type === 'ASSAULT'), show(r));
  }
  const g = run('Gunmen killed 12 pilgrims near Mecca.');
  assert.deepEqual(role(g, only(g, 'killed'), 'actor'), ['Gunmen'], show(g));
});
