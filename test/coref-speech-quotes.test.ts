/**
 * Coreference (issue 23, coref19): first person inside quotes — "we" of a person who runs an organisation, a quotation
 * mark that closes one quote is no vocative opening the next, "according to" a surname. Sentences of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';
import { withoutRules } from '../src/rules/registry.js';

test('"we" in a quote of the secretary or director of an organisation is that organisation', () => {
  const text = 'Ana Souto, director general of the technical secretariat of Mozambique\'s National Electoral Commission, spoke on Monday. "Right now we are finishing our preparation," Souto said.';
  const d = doc(text);
  assert.equal(linkOf(d, 'we are'), 'National Electoral Commission');
  assert.equal(linkOf(d, 'our preparation'), 'National Electoral Commission');
  assert.equal(linkWithout('coref-speech.position-we', text, 'we are'), '');
  const deputy = '"We hope the vote is fair," said Joao Tembe, the SADC deputy executive secretary.';
  assert.equal(linkOf(doc(deputy), 'We hope'), 'SADC');
});

test('a professor\'s "we" is the team, not the university; a partitive "many of us" is people at large', () => {
  const prof = 'Lena Ortiz, a professor of astronomy at Ohio State University, led the study. "It took us years to convince ourselves," Ortiz said.';
  assert.equal(linkOf(doc(prof), 'us years'), '');
  const many = 'Mark Hale, chairman of Redwood Holdings, spoke at the opening. "This is a place many of us love," Hale said.';
  assert.equal(linkOf(doc(many), 'us love'), '');
});

test('a quotation mark closing one quote opens no vocative: the next paragraph\'s speaker keeps his "I"', () => {
  const text = '"We will observe every province," said Tomas Ruiz.\n\nFelix Naranjo, director of the Lusaka Institute, said the count was fair. "I think the count was fair," Naranjo said.';
  assert.equal(linkOf(doc(text), 'I think'), 'Felix Naranjo');
});

test('"according to" a surname cites the person, not a city of that name', () => {
  const text = 'Felizeberto Nice, director general of the Electoral Commission, spoke on Monday. According to Nice, the electoral body has worked with observers.';
  const cityNamed = (d: ReturnType<typeof doc>) => d.entities.some((e) => e.type === 'GPE' && e.name === 'Nice');
  assert.ok(!cityNamed(doc(text)), 'no city "Nice"');
  // the recogniser alone reads the surname as the city
  const restore = withoutRules(['entities.surname-not-place']);
  try {
    assert.ok(cityNamed(doc(text)), 'the recogniser\'s city');
  } finally {
    restore();
  }
});
