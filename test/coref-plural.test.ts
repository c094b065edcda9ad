/**
 * Coreference (issue 23, coref15): "their" in a coordinated verb phrase shares its first conjunct's named subject;
 * a subject headed by a plural noun that is a mention of a named place or organisation is a plural antecedent.
 * Sentences of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';

test('"their" in a verb phrase coordinated with one whose subject is a named group: that group', () => {
  const text = 'Portugal won the first game on Monday and lost their second match on Sunday.';
  assert.equal(linkOf(doc(text), 'their second'), 'Portugal');
  assert.equal(linkWithout('coref.their-shared-subject', text, 'their second'), '');
  assert.equal(linkOf(doc('Greenpeace bought a ship in May and sent their crew to Norway.'), 'their crew'), 'Greenpeace');
  // "they" in a clause the second verb phrase reports
  assert.equal(linkOf(doc('Greenpeace bought a ship in May and said they would sail to Norway.'), 'they would'), 'Greenpeace');
  // a conjunct with a subject of its own is another clause
  assert.equal(linkOf(doc('Portugal won the first game on Monday, and the fans lost their voices.'), 'their voices'), '');
  // an unnamed plural between is the likelier antecedent
  assert.equal(linkOf(doc('Portugal beat the Dutch players on Monday and praised their coach.'), 'their coach'), '');
});

test('a plural subject that is a mention of a named place is an antecedent of "their"', () => {
  const text = 'The Kestrel Islands lie far to the east. The islands are in their own time zone.';
  assert.equal(linkOf(doc(text), 'their own'), 'Kestrel Islands');
  assert.equal(linkWithout('coref.they-plural-mention', text, 'their own'), '');
  // a singular subject, a part of the group ("some islands"), or a plural between: no link
  assert.equal(linkOf(doc('The Kestrel Islands lie far to the east. The island is in their own time zone.'), 'their own'), '');
  assert.equal(linkOf(doc('The Kestrel Islands lie far to the east. Some islands are in their own time zone.'), 'their own'), '');
  assert.equal(linkOf(doc('The Kestrel Islands lie far to the east. The islands welcome tourists to their beaches.'), 'their beaches'), '');
});

test('"they" as main subject after a sentence whose main subject is a plural mention of a named place', () => {
  const text = 'The Kestrel Islands lie far to the east. The islands are volcanic. They have a mild climate.';
  assert.equal(linkOf(doc(text), 'They have'), 'Kestrel Islands');
  assert.equal(linkWithout('coref.they-plural-mention', text, 'They have'), '');
  // an unnamed plural between is nearer
  assert.equal(linkOf(doc('The Kestrel Islands lie far to the east. The islands have many farmers. They grow wheat.'), 'They grow'), '');
});

test('"their" in a relative clause on a named group whose own subject is one person: the group', () => {
  const text = 'Anna Berg worked at Kestrel Sports, where she wrote for their website.';
  assert.equal(linkOf(doc(text), 'their website'), 'Kestrel Sports');
  assert.equal(linkWithout('coref.their-relative-group', text, 'their website'), '');
  // a plural subject of the clause, or an unnamed plural between, is the likelier antecedent
  assert.equal(linkOf(doc('Anna Berg worked at Kestrel Sports, where the volunteers wrote for their website.'), 'their website'), '');
  assert.equal(linkOf(doc('Anna Berg worked at Kestrel Sports, where she wrote about the players and their families.'), 'their families'), '');
  // two people as the clause's subject are "their" themselves
  assert.equal(linkOf(doc('Anna Berg worked at Kestrel Sports, where she and Tom Hale wrote for their website.'), 'their website'), '');
});
