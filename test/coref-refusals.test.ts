/**
 * Descriptions linked only where the noun fits the entity (issue 23, coref25): "the government" alone → the one
 * country in reach; "the president" is no vice president; "the region" is no town; "they" for a body that is the topic. Sentences of our own: each case
 * names the rule, the text, the words, the link with every rule on and the link with that rule switched off.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';

const CASES: { rule: string; text: string; words: string; on: string; off: string }[] = [
  // "the government" alone: the one country named in the last five sentences
  { rule: 'coref.description-state-sole-country', text: 'Floods hit Bangladesh on Monday. The government asked for help.', words: 'The government', on: 'Bangladesh', off: '' },
  // two countries in reach: unsure, unlinked
  { rule: 'coref.description-state-sole-country', text: 'Floods hit Bangladesh and Nepal on Monday. The government asked for help.', words: 'The government', on: '', off: '' },
  // "the side" alone is most often a team
  { rule: 'coref.description-state-sole-country', text: 'Floods hit Bangladesh on Monday. The side lost the match.', words: 'The side', on: '', off: '' },
  // "the president" passes over a vice president to the president
  { rule: 'coref.description-role-other-office', text: 'President Ana Ruiz met Vice President Tom Berg on Friday. Berg spoke first. The president left early.', words: 'The president', on: 'Ana Ruiz', off: 'Tom Berg' },
  // an attorney general is no general, and no one else is one
  { rule: 'coref.description-role-other-office', text: 'Attorney General Tom Berg spoke on Friday. Critics were angry. The general said nothing.', words: 'The general', on: '', off: 'Tom Berg' },
  // the office itself: linked either way
  { rule: 'coref.description-role-other-office', text: 'President Ana Ruiz spoke on Friday. Critics were angry. The president said nothing.', words: 'The president', on: 'Ana Ruiz', off: 'Ana Ruiz' },
  // "the region" is no town; a region is
  { rule: 'coref.place-description-region-not-town', text: 'The summit was held in Tehran on Monday. Leaders promised security in the region.', words: 'the region', on: '', off: 'Tehran' },
  { rule: 'coref.place-description-region-not-town', text: 'The summit was held in Lombardy on Monday. Leaders promised security in the region.', words: 'the region', on: 'Lombardy', off: 'Lombardy' },
  // "they" for a country or organisation that is the main subject before it, with nothing plural or personal between
  { rule: 'coref.they-topic-subject', text: 'Portugal is at a stage where I think they have only spent a little of the money.', words: 'they', on: 'Portugal', off: '' },
  { rule: 'coref.they-topic-subject', text: 'Portugal is at a stage where the inspectors think they have only spent a little of the money.', words: 'they', on: '', off: '' },
  { rule: 'coref.they-topic-subject', text: 'The Senate met on Monday and acquitted both of them.', words: 'them', on: '', off: '' },
  // inside a quotation, "the man" is no one named outside it (the speaker)
  { rule: 'coref.description-gendered-person-quote', text: 'Tom Hale said, "Our thoughts are with the man and his family."', words: 'the man', on: '', off: 'Tom Hale' },
];

for (const c of CASES) {
  test(`${c.rule}: "${c.words}" in "${c.text}"`, () => {
    assert.equal(linkOf(doc(c.text), c.words), c.on);
    assert.equal(linkWithout(c.rule, c.text, c.words), c.off);
  });
}
