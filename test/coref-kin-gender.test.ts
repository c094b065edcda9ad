/**
 * A kinship noun apposed with "of" ("Arif Nadeem, brother of Zarteel Haidar,") gives the person's gender before
 * coreference links any he/she (issue 23, coref2): the sister's given name the table does not know (it reads the
 * ending as a man's), so without it the first "her" went to the brother and every later pronoun agreed with that
 * link. Sentences of our own, each checked with the rule switched off too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';

const ID = 'coref.kin-of-apposition-gender';
const SIBLINGS = 'Arif Nadeem, brother of activist Zarteel Haidar, was sentenced for her murder on Friday. Nadeem confessed to killing his sister.';

test('"NAME, brother of …": "her" is not the brother, and "his sister" stays his', () => {
  const d = doc(SIBLINGS);
  assert.equal(linkOf(d, 'her murder'), 'Zarteel Haidar');
  assert.equal(linkOf(d, 'his sister'), 'Arif Nadeem');
  // without the apposition's gender the first wrong link confirms itself
  assert.equal(linkWithout(ID, SIBLINGS, 'her murder'), 'Arif Nadeem');
  assert.equal(linkWithout(ID, SIBLINGS, 'his sister'), 'Zarteel Haidar');
});

test('"NAME, sister of …" makes her no antecedent of "he"', () => {
  const text = 'Zarteel Haidar, sister of Arif Nadeem, said he had been sentenced.';
  assert.equal(linkOf(doc(text), 'he had'), 'Arif Nadeem');
  assert.equal(linkWithout(ID, text, 'he had'), 'Zarteel Haidar');
});

test('a name that is itself the object of "of" gives the kinship noun no owner ("the mother of X, sister of …")', () => {
  // the sister may be the mother's, not Zarteel Haidar's: the rule sets no gender there
  const fired = (text: string) => doc(text).firings.some((f) => f.rule === ID);
  assert.equal(fired('The mother of Zarteel Haidar, sister of the mayor, said he had been sentenced.'), false);
  assert.equal(fired('Zarteel Haidar, sister of the mayor, said he had been sentenced.'), true);
  // nor a kinship noun of either gender ("cousin")
  assert.equal(fired('Zarteel Haidar, cousin of the mayor, said he had been sentenced.'), false);
});
