/**
 * Descriptions named by an organisation's own words (issue 23, sixteenth session, coref38): an organisation noun whose
 * adjectives are words of one organisation's name (coref.description-modifier-name-word), a noun of the sort the
 * name's head word says (coref.description-org-sort); and a title that is a kind of the description's noun
 * (coref.description-role-kind-of: "Foreign Minister X … the minister"). Sentences of our own: the link with every rule on, and none with
 * the rule switched off. And the names-by-head-word index the quotes stage reads (src/extract/coref/name-heads.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';
import { nameByHeadWord } from '../src/extract/coref/name-heads.js';

/** Per rule: each text, the description's words, and the organisation it names with every rule on ('' for none). */
const CASES: Record<string, string[][]> = {
  'coref.description-modifier-name-word': [
    ['Officials of the National Electoral Commission met observers on Monday. Lena Hart said the electoral body was ready.', 'the electoral body', 'National Electoral Commission'],
    // two organisations whose names hold the adjective; an adjective the name does not hold: no link
    ['Officials of the National Electoral Commission met the Electoral Institute on Monday. Lena Hart said the electoral body was ready.', 'the electoral body', ''],
    ['Officials of the National Electoral Commission met observers on Monday. Lena Hart said the regional body was ready.', 'the regional body', ''],
  ],
  'coref.description-org-sort': [
    ['Gunmen seized an Afriqiyah Airways jet on Friday. The airline said all passengers were safe.', 'The airline', 'Afriqiyah Airways'],
    ['The minister spoke to the Jakarta Herald on Monday. The newspaper said the search would go on.', 'The newspaper', 'Jakarta Herald'],
    // two of the sort in reach; a network is no channel; a plural names more than one
    ['Gunmen seized an Afriqiyah Airways jet beside a Buraq Airlines plane on Friday. The airline said all passengers were safe.', 'The airline', ''],
    ['Officials closed the Metro News Channel on Monday. The network said it would appeal.', 'The network', ''],
    ['Gunmen seized an Afriqiyah Airways jet on Friday. The airlines said all passengers were safe.', 'The airlines', ''],
  ],
  // a foreign minister is "the minister"; a prime minister, a vice president are other offices
  'coref.description-role-kind-of': [
    ['Foreign Minister Sergei Lavrov met reporters on Monday. The minister said talks would go on.', 'The minister', 'Sergei Lavrov'],
    ['Major General Tom Berg inspected the troops on Monday. The general said the army was ready.', 'The general', 'Tom Berg'],
    ['Prime Minister Tom Berg met reporters on Monday. The minister said talks would go on.', 'The minister', ''],
    ['Vice President Tom Berg met reporters on Monday. The president said talks would go on.', 'The president', ''],
  ],
};

for (const [rule, cases] of Object.entries(CASES)) {
  for (const [text, words, entity] of cases) {
    test(`coref38: "${words}" in "${text.slice(0, 44)}…" is ${entity || 'no link'}; never without ${rule}`, () => {
      assert.equal(linkOf(doc(text), words), entity);
      assert.equal(linkWithout(rule, text, words), '');
    });
  }
}

test('coref38: the names-by-head-word index gives the one name before the description, its words when no entity stands for it', () => {
  const d = doc('Business groups, including the Lagos Chamber of Commerce, urged both sides to settle. The chamber said that exporters were missing shipments.');
  const at = d.text.indexOf('The chamber');
  const found = nameByHeadWord(d, 'chamber', at);
  assert.ok(found);
  assert.equal(found.entity?.name ?? found.text, 'Lagos Chamber of Commerce');
  // nothing before the name itself
  assert.equal(nameByHeadWord(d, 'chamber', d.text.indexOf('Lagos')), null);
  // two names with the head word: none
  const two = doc('The Lagos Chamber of Commerce and the Kano Chamber of Commerce urged both sides to settle. The chamber said that exporters were missing shipments.');
  assert.equal(nameByHeadWord(two, 'chamber', two.text.indexOf('The chamber')), null);
});
