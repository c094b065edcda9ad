/**
 * Quotation marks around names, titles and terms are no direct quotes (issue 22, ninth round:
 * direct-quote precision). Sentences of our own; each vetoed quotation is checked with the rule
 * switched off too, so the test cannot pass without the mechanism, and the near misses (speech the
 * same words around a quotation report) keep their quote.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run } from './helpers.js';
import { withoutRules } from '../src/rules/registry.js';

const RULE = 'quotes.quoted-term';
const directTexts = (text: string): string[] => run(text).quotes.filter((q) => q.kind === 'direct').map((q) => q.text);

/** No direct quote of `words` with the rule on; one without it. */
function vetoed(text: string, words: string): void {
  assert.ok(!directTexts(text).some((t) => t.includes(words)), `with ${RULE}, "${words}" should be no quote: ${text}`);
  const restore = withoutRules([RULE]);
  try {
    assert.ok(directTexts(text).some((t) => t.includes(words)), `without ${RULE}, "${words}" was a quote: ${text}`);
  } finally {
    restore();
  }
}

function kept(text: string, words: string): void {
  assert.ok(directTexts(text).some((t) => t.includes(words)), `"${words}" should stay a quote: ${text}`);
}

test('a quotation after a naming word is a name: "known as", "so-called", a passive "called"', () => {
  vetoed('The agency said the reform, known as the "Clean Rivers Act", would take effect in May.', 'Clean Rivers Act');
  vetoed('The ministry runs a process called "fast-track review" for small firms, the report said.', 'fast-track review');
  vetoed('The festival\'s so-called "quiet zone" was closed by police, a spokesman said.', 'quiet zone');
  vetoed('According to the museum, the ship was known as "the Grey Widow" among sailors.', 'Grey Widow');
  for (const t of [
    'Officials launched a programme dubbed "Green Horizon 2030" last year.',
    'The students named their robot "Silver Spark" before the contest.',
    'The bridge, often referred to as "the Iron Lady", reopened on Monday.',
    'The singer, nicknamed "the Queen of Soul Fusion", performed in Lyon on Friday.',
  ]) assert.deepEqual(directTexts(t), [], t);
});

test('a gloss in brackets, a quoted modifier before its noun and a title after a common noun are names', () => {
  vetoed('Residents marched against the tax ("land levy") on Saturday, organisers said.', 'land levy');
  vetoed('The two towns were governed under the "one county, two councils" model until 1990.', 'one county, two councils');
  vetoed('The court ruled on the case "Harlow Holdings v. Brant Council" on Friday.', 'Harlow Holdings');
});

test('the same words reporting speech keep the quotation', () => {
  kept('Opposition leader Mara Fares called the plan "a disgrace to the nation".', 'a disgrace to the nation');
  kept('Ruiz dubbed the proposal "a tax on the poor", adding she would vote against it.', 'a tax on the poor');
  kept('Fares branded the decision "shameful".', 'shameful');
  kept('The union called the offer an "insult" to workers.', 'insult');
  kept('Mayor Ana Ruiz said the town had been an "iconic" place for artists.', 'iconic');
  kept('The minister described the attack as a "cowardly act".', 'cowardly act');
  kept('According to Fares, the reform was "dead on arrival".', 'dead on arrival');
  // a naming verb with its agent reports who calls it so
  kept('The region was once called the "bread basket of the north" by traders.', 'bread basket of the north');
});

test('a reported clause whose only quotation marks hold a name is indirect, not mixed', () => {
  const text = 'The agency said the reform, known as the "Clean Rivers Act", would take effect in May.';
  const kindOf = () => run(text).quotes.find((q) => q.text.includes('would take effect'))?.kind;
  assert.equal(kindOf(), 'indirect');
  const restore = withoutRules([RULE]);
  try {
    assert.equal(kindOf(), 'mixed');
  } finally {
    restore();
  }
  // a quotation of someone's words keeps the clause mixed
  assert.equal(run('The agency said the reform was "long overdue" and would take effect in May.').quotes.find((q) => q.text.includes('the reform was'))?.kind, 'mixed');
});
