/**
 * Speakers of the fourteenth session's round (quotes25, issue 22: descriptions and pronouns reached through the trail of
 * attributions), on sentences of our own (invented bodies and people), each with its near miss.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotesOf, without } from './support/quote-lines.js';

const reach = 'Newsline.com reported its source said the bridge had been mined. The website further reported the army had closed the road.';

test('a body description continues the latest body that spoke, past its unnamed source (quotes.described-body-reach)', () => {
  const q = quotesOf(reach).find((x) => /closed the road/.test(x.text));
  assert.equal(q?.speaker, '~Newsline.com', JSON.stringify(quotesOf(reach)));
  const off = without(['quotes.described-body-reach'], () => quotesOf(reach)).find((x) => /closed the road/.test(x.text));
  assert.equal(off?.speaker, '~The website');
});

test('near misses: a person speaking between, a body too far back', () => {
  const person = quotesOf('Newsline.com reported its source said the bridge had been mined. Colonel Ana Ruiz said the road was open. The website further reported the army had closed the road.');
  assert.equal(person.find((x) => /closed the road/.test(x.text))?.speaker, '~The website');
  const far = quotesOf('Newsline.com reported the bridge had been mined. Rain fell all day. The river rose by a metre. The website further reported the army had closed the road.');
  assert.equal(far.find((x) => /closed the road/.test(x.text))?.speaker, '~The website');
});
