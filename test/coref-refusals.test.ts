/**
 * Descriptions linked only where the noun fits the entity (issue 23, coref25): "the president" is no vice president; "the region" is no town; "the man" in a quotation is no one
 * named outside it; "they" for a body that is the topic. Sentences of our own: for each rule, cases of [text, words,
 * the link with every rule on, the link with that rule switched off].
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';

const CASES: Record<string, [string, string, string, string][]> = {
  // a vice president is passed over for the president; an attorney general is no general; the office itself: linked
  'coref.description-role-other-office': [
    ['President Ana Ruiz met Vice President Tom Berg on Friday. Berg spoke first. The president left early.', 'The president', 'Ana Ruiz', 'Tom Berg'],
    ['Attorney General Tom Berg spoke on Friday. Critics were angry. The general said nothing.', 'The general', '', 'Tom Berg'],
    ['President Ana Ruiz spoke on Friday. Critics were angry. The president said nothing.', 'The president', 'Ana Ruiz', 'Ana Ruiz'],
  ],
  'coref.place-description-region-not-town': [
    ['The summit was held in Tehran on Monday. Leaders promised security in the region.', 'the region', '', 'Tehran'],
    ['The summit was held in Lombardy on Monday. Leaders promised security in the region.', 'the region', 'Lombardy', 'Lombardy'],
  ],
  'coref.description-gendered-person-quote': [
    ['Tom Hale said, "Our thoughts are with the man and his family."', 'the man', '', 'Tom Hale'],
  ],
  // nothing plural or personal between the body and the pronoun; "them" is never its own clause's subject
  'coref.they-topic-subject': [
    ['Portugal is at a stage where I think they have only spent a little of the money.', 'they', 'Portugal', ''],
    ['Portugal is at a stage where the inspectors think they have only spent a little of the money.', 'they', '', ''],
    ['The Senate met on Monday and acquitted both of them.', 'them', '', ''],
  ],
};

for (const [rule, cases] of Object.entries(CASES)) {
  test(rule, () => {
    for (const [text, words, on, off] of cases) {
      assert.equal(linkOf(doc(text), words), on, text);
      assert.equal(linkWithout(rule, text, words), off, `${text} (without ${rule})`);
    }
  });
}
