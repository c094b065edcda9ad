/**
 * A country by a state noun written alone (issue 23, seventeenth session, coref40): "the nation", "the government",
 * "the regime", "the state" for the country the text makes salient — the subject just before, or the only country
 * named (coref.description-state-country). Sentences of our own: the link with every rule on, none with the rule
 * switched off, and the near misses (two countries, another state's government between, a US state, "of"). And "the
 * airline" past a body of another kind named between (coref.description-org-sort-other-kind-between).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';

const RULE = 'coref.description-state-country';

/** Each text, the description's words, and the country it names with every rule on ('' for none). */
const CASES: string[][] = [
  // the subject of the sentence before, the last country mentioned
  ['Gunmen flew a plane to Malta on Monday. Malta closed its airport. Libya suffered a power vacuum after the war. The nation is split among rival governments.', 'The nation', 'Libya'],
  // the subject earlier in the description's own sentence
  ['Officials met in Geneva on Monday. "Without reforms, Norway will weaken, and then the regime will fall," she said.', 'the regime', 'Norway'],
  ['Peru held talks with Chile on Monday. Peru has expanded its mines faster than at any time in the history of the state.', 'the state', 'Peru'],
  // the only country named, twice, mentioned in the last five sentences
  ['Heavy rain forced China to evacuate thousands. China said more rain would fall in Sichuan. Rivers rose in the south. The government has mobilized its forces.', 'The government', 'China'],
  // two countries and neither the subject: none
  ['Floods hit Libya on Monday. Libya asked Malta for help. The nation is split among rival governments.', 'The nation', ''],
  ['Heavy rain forced China to evacuate thousands. Officials in Japan said more rain would fall. Rivers rose in the south. The government has mobilized its forces.', 'The government', ''],
  // another state's government between: none
  ['Chile sent troops on Monday. Chile reached a deal with the Bolivian government. The government said the border was calm.', 'The government', ''],
  ['Chile sent troops on Monday. Chile reached a deal with the rebels. The government said the border was calm.', 'The government', 'Chile'],
  // "the state": a region between, or no subject shape
  ['Peru planned a curfew on Monday. The governor of Ohio said the state would extend its order.', 'the state', ''],
  ['Canada held an election on Monday. Canada counted the votes. Rivers rose in the south. The state is split.', 'The state', ''],
  // an "of" complement says which government
  ['Heavy rain forced China to evacuate thousands. China said more rain would fall in Sichuan. The government of Sichuan has mobilized its forces.', 'The government', ''],
];


const BETWEEN = 'coref.description-org-sort-other-kind-between';
const SORT_CASES: string[][] = [
  // a ministry (a government body) named between: no rival for "the airline"
  ['Gunmen seized an Afriqiyah Airways jet on Friday. Officials of the Ministry of Transport met the crew. The airline said all passengers were safe.', 'The airline', 'Afriqiyah Airways'],
  // a company between is of the airline's kind; a body whose name says no kind may be anything: no link
  ['Gunmen seized an Afriqiyah Airways jet on Friday. Officials of the Buraq Company met the crew. The airline said all passengers were safe.', 'The airline', ''],
  ['Gunmen seized an Afriqiyah Airways jet on Friday and told Reuters the passengers were safe. The airline said nothing.', 'The airline', ''],
];
for (const [rule, cases] of [[RULE, CASES], [BETWEEN, SORT_CASES]] as const) {
  for (const [text, words, entity] of cases) {
    test(`coref40: "${words}" in "${text.slice(0, 44)}…" is ${entity || 'no link'}; never without ${rule}`, () => {
      assert.equal(linkOf(doc(text), words), entity);
      assert.equal(linkWithout(rule, text, words), '');
    });
  }
}
