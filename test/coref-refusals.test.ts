/**
 * Descriptions linked only where the noun fits the entity (issue 23, coref25): "the president" is no vice president; "the region" is no town; "the man" in a quotation is no one
 * named outside it; "they" for a body that is the topic. coref27: "the president of Turkey" says whose president it is;
 * "the general public" is no general; "the party controlling the Senate" is picked by its modifier; "the party" after two
 * parties in one sentence is the one that is an argument there, or none. Sentences of our own: for each rule, cases of [text, words,
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
  // coref27: a role with an "of" complement, a role word read as an adjective, a restrictive modifier, a rival in the sentence before
  'coref.description-role-of-complement': [
    ['President Ana Ruiz visited Ankara on Monday. The president of Turkey met her at the airport.', 'The president', '', 'Ana Ruiz'],
    // "of" that opens a clause is the verb's, not the noun's
    ['President Ana Ruiz spoke on Monday. Critics were angry, accusing the president of "ignoring the farmers".', 'the president', 'Ana Ruiz', 'Ana Ruiz'],
  ],
  'coref.description-role-noun-head': [
    ['General Tom Berg spoke on Friday. He said the general public should stay calm.', 'the general', '', 'Tom Berg'],
    ['General Tom Berg spoke on Friday. Reporters said the general should stay calm.', 'the general', 'Tom Berg', 'Tom Berg'],
  ],
  'coref.description-restrictive-modifier': [
    ['The Labour Party won seats on Monday. Voters said the party controlling the council should resign.', 'the party', '', 'Labour Party'],
    ['The Labour Party won seats on Monday. The party, which had campaigned hard, celebrated.', 'The party', 'Labour Party', 'Labour Party'],
    // a participle with an object is the clause's own verb, misread as a modifier
    ['The Labour Party met in Leeds on Monday. In May the party nominated Ana Ruiz for mayor.', 'the party', 'Labour Party', 'Labour Party'],
  ],
  'coref.description-name-head-rival': [
    // the sentence before names two parties: the one that is an object there, not the nearer one in a phrase
    ['Ana Ruiz founded the Unity Party in 2004 with supporters of the Labour Party\'s candidate. The party wants term limits.', 'The party', 'Unity Party', 'Labour Party'],
    // neither is an argument: none
    ['Ana Ruiz spoke at a rally of the Unity Party in 2004, beside members of the Labour Party. The party wants term limits.', 'The party', '', 'Labour Party'],
    // one party in the sentence before: the nearest, as before
    ['Ana Ruiz founded the Unity Party in 2004. The party wants term limits.', 'The party', 'Unity Party', 'Unity Party'],
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
