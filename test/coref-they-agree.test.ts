/**
 * Coreference (issue 23, corefthey): number and animacy for "they" past a place that is no body, and a fronted "its"
 * whose main subject is a classifying noun before a name. Sentences of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';

test('"they" after a body\'s sentence passes over a town named between: the body', () => {
  const text = 'The Kestrel Weather Service said a storm struck Lisbon on Friday. After reviewing the damage, they classified it as a tornado.';
  assert.equal(linkOf(doc(text), 'they classified'), 'Kestrel Weather Service');
  assert.equal(linkWithout('coref.they-topic-past-place', text, 'they classified'), '');
  // a building named between is no body either
  assert.equal(linkOf(doc('The Kestrel Weather Service said a storm damaged the Brightwater Arena on Friday. After reviewing the damage, they classified it as a tornado.'), 'they classified'), 'Kestrel Weather Service');
});

test('"they" past a country or another organisation named between stays unlinked', () => {
  // a country can be "they" itself: it competes
  assert.equal(linkOf(doc('The Kestrel Weather Service said a storm struck Portugal on Friday. After reviewing the damage, they classified it as a tornado.'), 'they classified'), '');
  assert.equal(linkOf(doc('The Kestrel Weather Service said a storm struck the offices of Brightwater Bank on Friday. After reviewing the damage, they classified it as a tornado.'), 'they classified'), '');
  // a plural no name stands for between is still the likelier "they"
  assert.equal(linkOf(doc('The Kestrel Weather Service said the storms struck Lisbon on Friday. After reviewing the damage, they classified it as a tornado.'), 'they classified'), '');
});

test('a fronted "its" before a classifying noun and a name: the name', () => {
  const text = 'In its Sunday edition, British newspaper The Kestrel Observer had a story about the tribe.';
  assert.equal(linkOf(doc(text), 'its Sunday'), 'Kestrel Observer');
  assert.equal(linkWithout('coref.it-fronted-classifier-name', text, 'its Sunday'), '');
  const maker = 'In its annual report, Irish carmaker Orbis Motors said sales fell.';
  assert.equal(linkOf(doc(maker), 'its annual'), 'Orbis Motors');
  assert.equal(linkWithout('coref.it-fronted-classifier-name', maker, 'its annual'), '');
});

test('a fronted "its" before a subject noun with no name right after it stays unlinked', () => {
  assert.equal(linkOf(doc('In its Sunday edition, the newspaper printed a letter from The Kestrel Herald.'), 'its Sunday'), '');
  // a person's name after the noun is no body
  assert.equal(linkOf(doc('In its Sunday edition, columnist Maria Okafor printed the letter.'), 'its Sunday'), '');
});

test('a people after "of" on a share or collection noun is no "they": the share is', () => {
  const text = 'The envoy met a bunch of Palestinians on Monday, but in the end they walked out.';
  assert.equal(linkOf(doc(text), 'they walked'), '');
  assert.equal(linkWithout('coref.people-they-share', text, 'they walked'), 'Palestinians');
  assert.equal(linkOf(doc('The envoy met thousands of Palestinians on Monday, but in the end they walked out.'), 'they walked'), '');
  // the people as a whole still is
  assert.equal(linkOf(doc('The envoy met the Palestinians on Monday, but in the end they walked out.'), 'they walked'), 'Palestinians');
});

test('a clause subject that is a classifying noun before a name: "its" and "they" go to the name', () => {
  const its = 'Violence continued and the news network Kestrel TV withdrew its reporters from the field.';
  assert.equal(linkOf(doc(its), 'its reporters'), 'Kestrel TV');
  assert.equal(linkWithout('coref.subject-classifier-name', its, 'its reporters'), '');
  const they = 'Japanese carmaker Orbis Motors said they would close two plants.';
  assert.equal(linkOf(doc(they), 'they would'), 'Orbis Motors');
  assert.equal(linkWithout('coref.subject-classifier-name', they, 'they would'), '');
  // no name right after the noun: nothing to read through to
  assert.equal(linkOf(doc('Violence continued and the news network withdrew its reporters from Kestrel TV.'), 'its reporters'), '');
  assert.equal(linkOf(doc('The carmaker said it would close two plants of Orbis Motors.'), 'it would'), '');
});
