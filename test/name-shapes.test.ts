import { test } from 'node:test';
import assert from 'node:assert/strict';
import { camelCaseOrgs, isCamelCaseName, type CamelCaseJudges } from '../src/extract/name-shapes.js';
import { Doc } from '../src/doc.js';
import { tokenizeStage } from '../src/nlp/sentences.js';
import { nerStage } from '../src/extract/ner.js';
import { withoutRules } from '../src/rules/registry.js';

type Span = { start: number; end: number; type: 'PERSON' | 'ORG' | 'GPE' | 'PRODUCT' };

/** The spans camelCaseOrgs leaves (sentences split at spaces), given [sentence, start, end, type] spans and judges. */
function camel(doc: string[], given: [number, number, number, Span['type']][], judges: Partial<CamelCaseJudges> = {}): string[] {
  const sentences = doc.map((s) => s.split(' '));
  const out: Span[][] = sentences.map(() => []);
  for (const [k, start, end, type] of given) out[k].push({ start, end, type });
  camelCaseOrgs(sentences, out, {
    plain: () => true,
    corpus: () => undefined,
    lowerWord: (w) => ['The', 'But', 'His'].includes(w),
    fired: () => {},
    ...judges,
  });
  return out.flatMap((spans, k) => spans.map((s) => `${sentences[k].slice(s.start, s.end).join(' ')}/${s.type}`));
}

test('CamelCase spelling: companies yes, surnames with a prefix and ordinary words no', () => {
  for (const w of ['SoftBank', 'WeWork', 'ArmorGroup', 'LibriVox', 'RealClearPolitics', 'InfoNation']) assert.ok(isCamelCaseName(w), w);
  for (const w of ['McDonald', 'MacArthur', 'DeSantis', 'LaGuardia', 'VanDyke', 'Softbank', 'SOFTBANK', 'CentOS', 'PhD', 'SpaceX', 'iPhone', 'Jean-Luc'])
    assert.ok(!isCamelCaseName(w), w);
});

test('a CamelCase word both models leave, spoken of as an organisation somewhere, is one in every mention', () => {
  assert.deepEqual(camel(['He said his Tallgroup colleagues had tried to kill him .'], []), []);
  assert.deepEqual(camel(['TallGroup employees said they had tried .'], []), ['TallGroup/ORG']);
  assert.deepEqual(camel(['The chart came from ZentClear on Tuesday .', 'ZentClear said it was right .'], []), ['ZentClear/ORG', 'ZentClear/ORG']);
  // with no organisation or agent context anywhere in the article the spelling alone is not enough (software, projects)
  assert.deepEqual(camel(['The chart came from ZentClear on Tuesday .', 'They use ZentClear daily .'], []), []);
  // a sentence-opening capital of a lower-case word is the sentence's
  assert.deepEqual(camel(['But ZentClear said no .'], []), ['ZentClear/ORG']);
  // a span the models made is left as it is
  assert.deepEqual(camel(['ZentClear said no .'], [[0, 0, 1, 'ORG']]), ['ZentClear/ORG']);
});

test('surnames, longer runs, versions, other types and things are spared', () => {
  assert.deepEqual(camel(['McTallert said so on Monday .'], []), []);
  // inside a longer capitalised run: the run is another name
  assert.deepEqual(camel(['The ZentBank Vision Fund grew .', 'ZentBank said so .'], []), ['ZentBank/ORG']);
  assert.deepEqual(camel(['He joined New ZentBank last year .', 'ZentBank said so .'], []), ['ZentBank/ORG']);
  // a numbered thing is a product's version
  assert.deepEqual(camel(['They run ZentStack 5 now .', 'ZentStack said so .'], []), ['ZentStack/ORG']);
  // a word the article names with another type elsewhere
  assert.deepEqual(camel(['ZentClear spoke .', 'We met Anna ZentClear .'], [[1, 2, 4, 'PERSON']]), ['Anna ZentClear/PERSON']);
  // a gazetteer place or person (the plain-run judge), and a thing by its contexts
  assert.deepEqual(camel(['ZentCity said so .'], [], { plain: () => false }), []);
  assert.deepEqual(camel(['They write ZentScript code .', 'ZentScript users like it .'], []), []);
  assert.deepEqual(camel(['They write ZentScript every day .'], [], { corpus: (k) => (k === 'zentscript' ? { agent: 0, thing: 12 } : undefined) }), []);
});

test('through the ner stage: the rule adds what the models leave, and only it', () => {
  const names = (text: string): string[] => {
    const doc = new Doc({ text });
    tokenizeStage.run(doc);
    nerStage.run(doc);
    return doc.mentions.filter((m) => m.kind === 'name').map((m) => `${m.text}/${m.type}`);
  };
  const text = 'The chart was published by RealClearPolitics on Tuesday, and RealClearPolitics said it would update it.';
  assert.deepEqual(names(text), ['RealClearPolitics/ORG', 'RealClearPolitics/ORG']);
  const restore = withoutRules(['ner.camel-case-orgs']);
  try {
    assert.deepEqual(names(text), []);
  } finally {
    restore();
  }
});
