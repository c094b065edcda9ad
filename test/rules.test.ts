/**
 * Every registered rule's examples, table-driven: the whole default pipeline runs on each
 * sentence, and the rule must appear in the document's firings (or must not, for the sentences
 * it spares). A rule switched off must not fire at all. An example on given model output runs on
 * the names it was written against, whatever today's weights decode; where it says the names the
 * ner stage ends with, the rule must make them, and without the rule they must differ.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipeline } from '../src/extract.js';
import {
  ablationFromArgs, defineRule, disabledRules, registeredRules, ruleById, RULE_ACTIONS, tracing, unknownRuleIds, withoutRules,
  type RuleExample, type RuleText,
} from '../src/rules/registry.js';
import { Doc } from '../src/doc.js';
import { tokenizeStage } from '../src/nlp/sentences.js';
import { nerStage, withDecodedNames } from '../src/extract/ner.js';

const pipeline = createPipeline();
const stages = new Set(pipeline.names());
const run = (text: string) => pipeline.process({ text, published: '2025-02-16' });
/** The example through the whole pipeline: as it is, or on the model output it was written against. */
const runExample = (ex: RuleText) => (typeof ex === 'string' ? run(ex) : withDecodedNames(ex, () => run(ex.text)));
const textOf = (ex: RuleText) => (typeof ex === 'string' ? ex : ex.text);
const firedIn = (ex: RuleText, id: string) => {
  const doc = runExample(ex);
  assert.equal(doc.notes.get('ner.error'), undefined, `${textOf(ex)}: ${String(doc.notes.get('ner.error'))}`);
  return doc.firings.some((f) => f.rule === id);
};
/** The ner stage's names on an example's given model output, "phrase/TYPE" in text order. */
const nerNames = (ex: RuleExample): string[] => withDecodedNames(ex, () => {
  const doc = new Doc({ text: ex.text });
  tokenizeStage.run(doc);
  nerStage.run(doc);
  assert.equal(doc.notes.get('ner.error'), undefined, String(doc.notes.get('ner.error')));
  return doc.mentions.map((m) => `${m.text}/${m.type}`);
});

test('rules are registered with a known stage, an action and examples', () => {
  const rules = registeredRules();
  assert.ok(rules.length >= 9, `${rules.length} rules registered`);
  for (const r of rules) {
    assert.ok(stages.has(r.stage), `${r.id}: stage '${r.stage}' is not in the default pipeline`);
    assert.ok(RULE_ACTIONS.includes(r.action));
    assert.ok(r.summary.length > 10, `${r.id}: say what it does`);
    assert.ok(r.id.startsWith(`${r.stage}.`), `${r.id}: ids start with their stage`);
  }
});

for (const rule of registeredRules()) {
  test(`rule ${rule.id}: fires on its examples and spares its near misses`, () => {
    const said = rule.fires.filter((ex): ex is RuleExample => typeof ex !== 'string' && ex.names !== undefined);
    for (const ex of rule.fires) assert.ok(firedIn(ex, rule.id), `${rule.id} should fire on: ${textOf(ex)}`);
    for (const ex of rule.spares) assert.ok(!firedIn(ex, rule.id), `${rule.id} should not fire on: ${textOf(ex)}`);
    for (const ex of said) assert.deepEqual(nerNames(ex), ex.names, `${rule.id} on the given names of: ${ex.text}`);
    const restore = withoutRules([rule.id]);
    try {
      assert.equal(rule.enabled, false);
      for (const ex of rule.fires) assert.ok(!firedIn(ex, rule.id), `${rule.id} fired while switched off`);
      // the rule is what makes those names: without it the same given names end otherwise
      for (const ex of said) assert.notDeepEqual(nerNames(ex), ex.names, `${rule.id} switched off changes nothing on: ${ex.text}`);
    } finally {
      restore();
    }
    assert.equal(rule.enabled, true);
  });
}

test('registry: ids are checked, unique, and firings go only to the document being traced', () => {
  assert.throws(() => defineRule({ id: 'NoStage', stage: 'x', action: 'label', summary: 'bad id', fires: ['x'], spares: [] }), /stage\.short-name/);
  const first = registeredRules()[0];
  assert.throws(() => defineRule({ ...first }), /registered twice/);
  assert.throws(() => defineRule({ id: 'test.no-examples', stage: 'test', action: 'label', summary: 'none', fires: [], spares: [] }), /at least one example/);
  const rule = defineRule({ id: 'test.trace-probe', stage: 'test', action: 'veto', summary: 'a probe for the trace', fires: ['x'], spares: [] });
  rule.fired(1, 2); // outside any traced document: nowhere to go, no error
  const a = { firings: [] as { rule: string; start?: number; end?: number }[] };
  const b = { firings: [] as { rule: string }[] };
  tracing(a, () => {
    rule.fired(3, 5);
    tracing(b, () => rule.fired());
    rule.fired(7);
  });
  assert.deepEqual(a.firings, [{ rule: 'test.trace-probe', start: 3, end: 5 }, { rule: 'test.trace-probe', start: 7, end: 7 }]);
  assert.deepEqual(b.firings, [{ rule: 'test.trace-probe' }]);
  assert.equal(ruleById('test.trace-probe'), rule);
});

test('ablation: --without on a command line switches rules off and leaves the other arguments', () => {
  const { args, without, restore } = ablationFromArgs(['--json', '--without', 'relations.membership-joined,relations.held-by-active', '--show', '3', '--without=x.y']);
  try {
    assert.deepEqual(args, ['--json', '--show', '3']);
    assert.deepEqual(without, ['relations.membership-joined', 'relations.held-by-active', 'x.y']);
    assert.equal(ruleById('relations.membership-joined')?.enabled, false);
    assert.equal(ruleById('relations.held-by-active')?.enabled, false);
    assert.deepEqual(unknownRuleIds(disabledRules()), ['x.y']);
  } finally {
    restore();
  }
  assert.equal(ruleById('relations.membership-joined')?.enabled, true);
  assert.deepEqual(disabledRules(), []);
});
