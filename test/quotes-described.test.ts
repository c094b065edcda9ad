/**
 * Speakers of the eighteenth round (issue 22): a he/she speaker whose antecedent is a person described with no
 * name, on sentences of our own (invented people and places), each checked with its rule off and with near misses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameOf, run } from './helpers.js';
import { withoutRules } from '../src/rules/registry.js';

const RULE = 'quotes.described-person-pronoun';

function speakerOf(text: string, content: string): string | null {
  const r = run(text);
  const q = r.quotes.find((x) => x.text.includes(content));
  assert.ok(q, `no quote with "${content}"`);
  return nameOf(r, q.speaker) ?? (q.speaker_text ? `~${q.speaker_text}` : null);
}

function without<T>(ids: string[], f: () => T): T {
  const restore = withoutRules(ids);
  try { return f(); } finally { restore(); }
}

test('"she" right after direct speech of a described woman is that woman, not a named person before', () => {
  const text = 'The regional bloc said its mediators would travel to the area. Its secretary-general, Lena Okafor, urged both sides to "step back".\n\nVillagers described a night of shelling. "We slept in the cellar," a woman in Tarvik told reporters. She said her brother had been wounded.';
  assert.equal(speakerOf(text, 'brother had been wounded'), '~a woman in Tarvik');
  assert.equal(without([RULE], () => speakerOf(text, 'brother had been wounded')), 'Lena Okafor');
});

test('"she" opening a sentence after one described person was the main subject is that person', () => {
  const text = 'Prosecutor Maria Vance said the two men had shown no remorse.\n\nOne of the victims agreed to let her name be printed. She said she wanted others to know "there is no shame in speaking".';
  assert.equal(speakerOf(text, 'no shame in speaking'), '~One of the victims');
  assert.notEqual(without([RULE], () => speakerOf(text, 'no shame in speaking')), '~One of the victims');
});

test('near misses: a description of the other gender, a group, or a named person in the sentence before', () => {
  // a man described, "she" after him: not him
  const man = 'The regional bloc said its mediators would travel to the area. Its secretary-general, Lena Okafor, urged both sides to "step back".\n\nVillagers described a night of shelling. "We slept in the cellar," a man in Tarvik told reporters. She said her brother had been wounded.';
  assert.notEqual(speakerOf(man, 'brother had been wounded'), '~a man in Tarvik');
  // a group is not "she"
  const group = 'Prosecutor Maria Vance said the two men had shown no remorse.\n\nThe victims agreed to let their names be printed. She said she wanted others to know "there is no shame in speaking".';
  assert.notEqual(speakerOf(group, 'no shame in speaking'), '~The victims');
  // a person named in the sentence before: coreference's answer stands
  const named = 'Prosecutor Maria Vance said the two men had shown no remorse.\n\nOne of the victims sat beside Maria Vance in court. She said she wanted others to know "there is no shame in speaking".';
  assert.notEqual(speakerOf(named, 'no shame in speaking'), '~One of the victims');
});
