/**
 * The alias layer (sixteenth session, names31): one module gives an organisation name's short forms (src/extract/
 * aliases.ts); the entities stage joins a short form's entity to its organisation (entities.short-form-join) and the
 * document's alias table records every link — short forms, acronyms, and coreference's "the" + tail — with the full
 * name's characters and the reason.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDoc } from '../src/extract.js';
import type { Doc } from '../src/doc.js';
import { withoutRules } from '../src/rules/registry.js';
import { acronymInitials, nameTails, shortFormSpan } from '../src/extract/aliases.js';

const doc = (text: string): Doc => extractDoc({ id: 't', text, published: '2025-03-01' });
/** The entities that have a name mention matching the pattern, by their names. */
const named = (d: Doc, re: RegExp): string[] => d.entities.filter((e) => e.mentions.some((m) => m.kind === 'name' && re.test(m.text))).map((e) => e.name);

test('names31: the short forms one organisation name gives', () => {
  const w = ['The', 'SoftBank', 'Group', 'Corp', '.'];
  assert.deepEqual(shortFormSpan(w, 0, w.length), [1, 2]);
  // no head word trails: no short form; a rest of four words or more: none
  assert.equal(shortFormSpan(['Mozilla', 'Developer', 'Network'], 0, 3), null);
  assert.equal(shortFormSpan(['A', 'B', 'C', 'D', 'Group'], 0, 5), null);
  assert.deepEqual(nameTails('the Brazilian Air Force', true), ['force', 'air force']);
  // a lower-case word after the first: the end is another thing's name
  assert.deepEqual(nameTails('Command Centre of the Coast Guard', true), []);
  assert.equal(acronymInitials('World Health Organization'), 'WHO');
  assert.equal(acronymInitials("Hay'at Tahrir al-Sham"), 'HTS');
  assert.equal(acronymInitials('Centre for peace'), '');
});

test('names31: an organisation named only by another\'s short form joins it, and the alias table says why', () => {
  const text = 'The Smithsonian Institution opened a new wing on Monday. A spokesman for the Smithsonian said the wing cost $20 million. The Smithsonian will open another next year.';
  const d = doc(text);
  assert.deepEqual(named(d, /Smithsonian/), ['Smithsonian Institution']);
  const links = d.aliases.filter((a) => a.reason === 'short-form');
  assert.equal(links.length, 2);
  const full = text.indexOf('Smithsonian Institution');
  for (const a of links) {
    assert.equal(a.text, 'Smithsonian');
    assert.equal(a.rule, 'entities.short-form-join');
    assert.deepEqual(a.full, { start: full, end: full + 'Smithsonian Institution'.length, text: 'Smithsonian Institution' });
    assert.equal(a.entity, d.entities.find((e) => e.name === 'Smithsonian Institution')!.id);
  }
  const restore = withoutRules(['entities.short-form-join']);
  try {
    const off = doc(text);
    assert.deepEqual(named(off, /Smithsonian/).sort(), ['Smithsonian', 'Smithsonian Institution']);
    assert.equal(off.aliases.filter((a) => a.reason === 'short-form').length, 0);
  } finally {
    restore();
  }
});

test('names31: a short form two organisations give joins neither', () => {
  const d = doc('The Mozilla Foundation and the Mozilla Corporation split the money. Mozilla said the talks went well.');
  assert.equal(named(d, /^Mozilla$/).length, 1);
  assert.ok(!named(d, /^Mozilla$/).includes('Mozilla Foundation') && !named(d, /^Mozilla$/).includes('Mozilla Corporation'));
});

test('names31: acronyms and "the" + a tail are in the same table', () => {
  const d = doc('The World Health Organization warned of a new strain. WHO officials said the risk was low. The Brazilian Air Force opened an inquiry. The Air Force said the pilots were at fault.');
  const who = d.aliases.find((a) => a.text === 'WHO');
  assert.ok(who, 'WHO is in the alias table');
  assert.equal(who!.full.text, 'World Health Organization');
  assert.ok(who!.reason === 'initials' || who!.reason === 'bracket');
  const tail = d.aliases.find((a) => a.reason === 'tail');
  assert.ok(tail, 'the Air Force is in the alias table');
  assert.equal(tail!.text, 'Air Force');
  assert.equal(tail!.full.text, 'Brazilian Air Force');
  assert.equal(tail!.rule, 'coref.reduced-org-name');
});
