/**
 * Coreference (issue 23, coref13): "it" and "its" by coordination, a fronted phrase and the topic of the sentence
 * before; "they" by coordination. Sentences of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';

test('"it" as the subject of a conjunct keeps the first conjunct\'s named subject', () => {
  const text = 'The Kestrel Museum is small, but it draws a million visitors a year.';
  assert.equal(linkOf(doc(text), 'it draws'), 'Kestrel Museum');
  assert.equal(linkWithout('coref.it-conjunct-subject', text, 'it draws'), '');
  // a placeholder "it is clear that …" is no one's
  assert.equal(linkOf(doc('The Kestrel Museum is small, but it is clear that visitors like the place.'), 'it is'), '');
  // an object no name stands for, or another name as object, is the likelier "it"
  assert.equal(linkOf(doc('The Kestrel Museum bought a painting, and it was shown in May.'), 'it was'), '');
  assert.equal(linkOf(doc('Norvalia hosted the Winter Cup and it was boycotted by two teams.'), 'it was'), '');
});

test('"it"/"its" in a phrase fronted before a named organisation or place as main subject: that one', () => {
  const text = 'Despite its small size, Lisbon exports a lot of wine.';
  assert.equal(linkOf(doc(text), 'its small'), 'Lisbon');
  assert.equal(linkWithout('coref.it-fronted-cataphora', text, 'its small'), '');
  assert.equal(linkOf(doc('Although it is a small town, Lisbon attracts many visitors.'), 'it is'), 'Lisbon');
  // no name as the main subject, or a placeholder "it"
  assert.equal(linkOf(doc('Despite its small size, the town exports a lot of wine.'), 'its small'), '');
  assert.equal(linkOf(doc('Although it is clear that prices rose, Lisbon attracts many visitors.'), 'it is'), '');
  // after a sentence about an "it" no name stands for, a fronted "its" is that one's
  assert.equal(linkOf(doc('It sold a million copies. Shortly after its release, Lisbon banned the song.'), 'its release'), '');
  // another organisation named first in the sentence is nearer
  assert.equal(linkOf(doc('After Orbis Labs sold its rival, Tarrow Bank raised prices.'), 'its rival'), 'Orbis Labs');
});

test('"its" after a sentence whose main subject is a named place or organisation: the topic goes on', () => {
  const text = 'Kestrel Bank opened in 1990. It doubled its size in 2005.';
  assert.equal(linkOf(doc(text), 'its size'), 'Kestrel Bank');
  assert.equal(linkWithout('coref.its-topic-subject', text, 'its size'), '');
  // a noun subject of its own sentence before it, or a fronted phrase before another thing, is nearer
  assert.equal(linkOf(doc('Kestrel Bank opened in 1990. The new branch doubled its size.'), 'its size'), '');
  assert.equal(linkOf(doc('Kestrel Bank opened in 1990. At its peak, the branch held ten thousand accounts.'), 'its peak'), '');
  // "it" is not taken this way (as object or in a subordinate clause it was most often something else)
  assert.equal(linkOf(doc('Kestrel Bank opened in 1990. Customers say it is too small.'), 'it is'), '');
});

test('"they" as the subject of a conjunct keeps a plural group as the first conjunct\'s subject', () => {
  const text = 'The Kurds fought for weeks in the hills, and they took the town in May.';
  assert.equal(linkOf(doc(text), 'they took'), 'Kurds');
  // (plurals between keep coref.people-they from it)
  assert.equal(linkWithout('coref.they-conjunct-subject', text, 'they took'), '');
  // a plural object no name stands for is the likelier "they"
  assert.equal(linkOf(doc('The Kurds bought new rifles in the hills, and they took the town in May.'), 'they took'), '');
});

test('a link by these rules carries the precision its links had where they were judged (link-confidence.json "judged")', () => {
  const d = doc('The Kestrel Museum is small, but it draws a million visitors a year.');
  const m = d.entities.flatMap((e) => e.mentions).find((x) => x.corefBasis === 'coref.it-conjunct-subject');
  assert.ok(m, 'the conjunct rule linked "it"');
  // judged 9 of 11 right: (9 + 1) / (11 + 2), not the 0.5 an unknown basis gets
  assert.equal(m.corefScore, 0.769);
});

test('"its" outside its clause\'s subject goes to that subject before a nearer name inside the subject\'s phrase', () => {
  const text = 'The Kestrel Gallery at Orbis University bases its exhibit on a private collection.';
  assert.equal(linkOf(doc(text), 'its exhibit'), 'Kestrel Gallery');
  // switched off, the nearer name (no subject) is refused by coref.it-subject-only and nothing is linked
  assert.equal(linkWithout('coref.its-clause-subject', text, 'its exhibit'), '');
  // an organisation or place the governing verb takes as object is what "its" means
  assert.equal(linkOf(doc('Ukraine thanked Turkey for its help on Monday.'), 'its help'), 'Turkey');
  // a subject no name stands for: no link (the nearer names are no subjects)
  assert.equal(linkOf(doc('Visitors to the Kestrel Gallery at Orbis University praise its maps.'), 'its maps'), '');
  // a product no entity stands for between: the clause's subject
  assert.equal(linkOf(doc('On the software side, Verizon uses Orbis Audio for its music service.'), 'its music'), 'Verizon');
});

test('a placeholder "it" is no organisation\'s: "It was reported that …" after a named main subject', () => {
  const text = 'Greenpeace opened an office in Nairobi in May. It was reported that the office would close in June.';
  assert.equal(linkOf(doc(text), 'It was'), '');
  // nor, in a clause hanging on the organisation's, a placeholder passive (coref.group-pronoun-clause)
  assert.equal(linkOf(doc('Ryanair opened a new route to Leeds in May, though it was rumoured that flights were cancelled.'), 'it was'), '');
  assert.equal(linkOf(doc('Ryanair said it was rumoured that flights were cancelled.'), 'it was'), '');
  // a main-subject "it" with a predicate of its own still carries the topic on
  assert.equal(linkOf(doc('Greenpeace opened an office in Nairobi in May. It plans to hire forty people.'), 'It plans'), 'Greenpeace');
});

test('"it" as the subject of a relative clause on the object of a named organisation\'s clause is that organisation', () => {
  const text = 'The Kestrel Group sold the unit it bought in 2010.';
  assert.equal(linkOf(doc(text), 'it bought'), 'Kestrel Group');
  assert.equal(linkWithout('coref.it-relative-clause-subject', text, 'it bought'), '');
  // (an open clause's subject is its controller's: "failed to implement the plan it signed")
  assert.equal(linkOf(doc('Russia failed to implement the plan it signed in Minsk.'), 'it signed'), 'Russia');
  // another organisation named between is as likely
  assert.equal(linkOf(doc('The Kestrel Group sold Brightwater Bank the unit it bought in 2010.'), 'it bought'), '');
});
