import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrozenPerceptron, type Scorer } from '../src/nlp/perceptron.js';
import { lexeme } from '../src/nlp/features.js';
import { Tagger, trainTagger, WORD_FEATURES } from '../src/nlp/tagger.js';

/** Toy tagging data: nouns after "a", verbs after "they"; "pell" is both. */
function toyTagger() {
  const nouns = ['vask', 'trell', 'pell', 'domin', 'kura'];
  const verbs = ['pell', 'zang', 'morl', 'hist'];
  const sents = nouns.flatMap((noun, a) => verbs.map((verb, b) => (a + b) % 2 === 0
    ? { forms: ['a', noun, verb, 'now', '.'], xpos: ['DT', 'NN', 'VBZ', 'RB', '.'], upos: ['DET', 'NOUN', 'VERB', 'ADV', 'PUNCT'] }
    : { forms: ['they', verb, 'a', noun, '.'], xpos: ['PRP', 'VBP', 'DT', 'NN', '.'], upos: ['PRON', 'VERB', 'DET', 'NOUN', 'PUNCT'] }));
  return trainTagger([...sents, ...sents], { iterations: 4, seed: 1 });
}

/** A compact-layout model (as the shipped taggers are) that counts the features it is asked to score. */
class CountingCompact extends FrozenPerceptron {
  looked = 0;
  constructor(m: FrozenPerceptron) {
    super(m.nClasses, m.keys, m.starts, m.cls, m.vals, { compact: true });
  }
  override score(feats: Uint32Array, n: number, out: Float64Array): void {
    this.looked += n;
    super.score(feats, n, out);
  }
  override scoreFrom(feats: Uint32Array, from: number, n: number, out: Float64Array): void {
    this.looked += n - from;
    super.scoreFrom(feats, from, n, out);
  }
}

test('scoreFrom resumes a compact model\'s sums: the same scores bit for bit as scoring all features, and other layouts refuse', () => {
  const { xpos } = toyTagger();
  const compact = new FrozenPerceptron(xpos.nClasses, xpos.keys, xpos.starts, xpos.cls, xpos.vals, { compact: true });
  assert.ok(compact.canResume);
  assert.ok(!xpos.canResume);
  // feature vectors mixing the model's own keys (hits, long and short rows) with keys it lacks
  let seed = 7;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const C = compact.nClasses;
  for (let trial = 0; trial < 200; trial++) {
    const n = 1 + Math.floor(rand() * 40);
    const feats = new Uint32Array(n);
    for (let k = 0; k < n; k++) feats[k] = rand() < 0.8 ? xpos.keys[Math.floor(rand() * xpos.keys.length)] : 1 + Math.floor(rand() * 0xfffffffe);
    const whole = new Float64Array(C);
    compact.score(feats, n, whole);
    const from = Math.floor(rand() * (n + 1));
    const resumed = new Float64Array(C);
    compact.score(feats, from, resumed);
    compact.scoreFrom(feats, from, n, resumed);
    for (let c = 0; c < C; c++) assert.ok(Object.is(resumed[c], whole[c]), `trial ${trial}, class ${c}: ${resumed[c]} vs ${whole[c]}`);
    assert.ok(whole.some((v) => v !== 0) || n < 3);
  }
  assert.throws(() => xpos.scoreFrom(new Uint32Array(2), 1, 2, new Float64Array(C)), /compact layout/);
});

test('the tagger keeps a word\'s prefix scores: the same tags as scoring every feature, and fewer look-ups for words met again', () => {
  const t = toyTagger();
  const counting = new CountingCompact(t.xpos);
  // a plain Scorer (no scoreFrom) takes the path that scores every feature
  const plainModel = new FrozenPerceptron(t.xpos.nClasses, t.xpos.keys, t.xpos.starts, t.xpos.cls, t.xpos.vals, { compact: true });
  const plain: Scorer = { nClasses: plainModel.nClasses, score: (f, n, out) => plainModel.score(f, n, out) };
  const data = { ...t.data, tagdict: new Map<string, number>() }; // every word scored
  const withPool = new Tagger(data, counting, t.upos);
  const without = new Tagger(data, plain, t.upos);
  const sentences = [
    ['they', 'pell', 'a', 'pell', '.'],
    ['a', 'zang', 'vask', 'morl', '.'],
    ['a', 'trell', 'hist', 'a', 'kura', '.'],
    ['pell', 'they', 'pell', 'a', 'domin', 'now', '.'],
  ];
  for (const forms of sentences) {
    const lex = forms.map(lexeme);
    assert.deepEqual(Array.from(withPool.xposIds(lex)), Array.from(without.xposIds(lex)), forms.join(' '));
  }
  // met again, each word but the first of its sentence skips its WORD_FEATURES word-only features
  const lex = sentences[2].map(lexeme);
  counting.looked = 0;
  const again = Array.from(withPool.xposIds(lex));
  const resumed = counting.looked;
  const all = new CountingCompact(t.xpos);
  assert.deepEqual(Array.from(new Tagger(data, all, t.upos).xposIds(lex)), again);
  assert.equal(resumed, all.looked - WORD_FEATURES * (lex.length - 1));
});
