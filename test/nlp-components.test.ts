import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trainLemmatizer } from '../src/nlp/lemmatizer.js';
import { argmax, FrozenPerceptron, TrainablePerceptron } from '../src/nlp/perceptron.js';
import { decodeModel, encodeModel, getPerceptron, putPerceptron, type TypedArrayAny } from '../src/nlp/model-io.js';
import { f1, f2, lexeme, normaliseForm, wordKey } from '../src/nlp/features.js';
import { decodeModelRaw, encodeModelRaw } from '../src/nlp/model-io.js';
import { BrownClusters } from '../src/nlp/representations.js';
import { WordClusters } from '../src/nlp/clusters.js';
import { Tagger, trainTagger } from '../src/nlp/tagger.js';
import { Parser, templatesOn, trainParser } from '../src/nlp/parser.js';
import type { Scorer } from '../src/nlp/perceptron.js';
import { decodeNlpModel, encodeNlpModel, NlpModel, nlpModelFromReady, partsOf, readyNlpFile } from '../src/nlp/nlp-model.js';

test('lemmatizer generalises suffix rules to unseen words and keeps learnt exceptions', () => {
  const ex = [
    ['walked', 'VBD', 'walk'], ['talked', 'VBD', 'talk'], ['jumped', 'VBD', 'jump'], ['played', 'VBD', 'play'],
    ['tried', 'VBD', 'try'], ['cried', 'VBD', 'cry'], ['dried', 'VBD', 'dry'],
    ['went', 'VBD', 'go'], ['was', 'VBD', 'be'],
    ['cats', 'NNS', 'cat'], ['dogs', 'NNS', 'dog'], ['hostages', 'NNS', 'hostage'], ['cities', 'NNS', 'city'], ['parties', 'NNS', 'party'],
    ['children', 'NNS', 'child'], ['Smith', 'NNP', 'Smith'], ['Jones', 'NNP', 'Jones'], ['The', 'DT', 'the'], ['the', 'DT', 'the'],
  ].map(([form, xpos, lemma]) => ({ form, xpos, lemma }));
  const lem = trainLemmatizer(ex, 2);
  assert.equal(lem.lemma('kicked', 'VBD'), 'kick');
  assert.equal(lem.lemma('spied', 'VBD'), 'spy');
  assert.equal(lem.lemma('rebels', 'NNS'), 'rebel');
  assert.equal(lem.lemma('authorities', 'NNS'), 'authority');
  assert.equal(lem.lemma('went', 'VBD'), 'go');
  assert.equal(lem.lemma('children', 'NNS'), 'child');
  assert.equal(lem.lemma('Children', 'NNS'), 'child');
  assert.equal(lem.lemma('Viktorov', 'NNP'), 'Viktorov');
  assert.equal(lem.lemma('THE', 'DT'), 'the');
  assert.equal(lem.lemma('', 'NN'), '');
});

/** A perceptron trained on a separable problem: class = which of three "words" appears, plus a noise feature shared by all. */
function trainSeparable(): TrainablePerceptron {
  const p = new TrainablePerceptron(3);
  const feats = new Uint32Array(2);
  const scores = new Float64Array(3);
  for (let it = 0; it < 5; it++) {
    for (let i = 0; i < 300; i++) {
      const gold = i % 3;
      feats[0] = f1(1, 100 + gold);
      feats[1] = f2(2, i % 7, 0);
      p.score(feats, 2, scores);
      p.update(gold, argmax(scores, 3), feats, 2);
      p.tick();
    }
  }
  return p;
}

test('averaged perceptron learns a separable problem and survives freezing and the model file', () => {
  const p = trainSeparable();
  const feats = new Uint32Array(2);
  const scores = new Float64Array(3);
  const frozen = p.freeze();
  const arrays: Record<string, TypedArrayAny> = {};
  putPerceptron(arrays, 'm', frozen);
  const file = decodeModel(encodeModel({ header: { hello: 'world' }, arrays }));
  assert.equal(file.header.hello, 'world');
  const loaded = getPerceptron(file, 'm', 3);
  for (let gold = 0; gold < 3; gold++) {
    feats[0] = f1(1, 100 + gold);
    feats[1] = f2(2, 5, 0);
    for (const model of [p, frozen, loaded]) {
      model.score(feats, 2, scores);
      assert.equal(argmax(scores, 3), gold);
    }
  }
  // unseen features score zero
  feats[0] = f1(9, 12345);
  loaded.score(feats, 1, scores);
  assert.deepEqual(Array.from(scores), [0, 0, 0]);
});

test('the mean of perceptrons scores as the mean of their scores, over the features either has', () => {
  const a = new TrainablePerceptron(5);
  const b = new TrainablePerceptron(5);
  const feats = new Uint32Array(3);
  // a knows features 1 and 2, b features 2 and 3: the mean keeps all three (5 classes: int16 weights, not the 3-class 7-bit codes)
  feats[0] = f1(1, 1);
  feats[1] = f1(2, 2);
  a.update(0, 1, feats, 2);
  a.update(0, 2, feats, 1);
  feats[0] = f1(3, 3);
  b.update(2, 0, feats, 2);
  for (let t = 0; t < 3; t++) {
    a.tick();
    b.tick();
  }
  const [fa, fb] = [a.freeze(), b.freeze()];
  const mean = FrozenPerceptron.mean([fa, fb]);
  assert.equal(mean.keys.length, 3);
  const sa = new Float64Array(5), sb = new Float64Array(5), sm = new Float64Array(5);
  for (const probe of [[f1(1, 1)], [f1(2, 2)], [f1(3, 3)], [f1(1, 1), f1(3, 3)], [f1(1, 1), f1(2, 2), f1(3, 3)]]) {
    const x = Uint32Array.from(probe);
    fa.score(x, x.length, sa);
    fb.score(x, x.length, sb);
    mean.score(x, x.length, sm);
    for (let c = 0; c < 5; c++) assert.ok(Math.abs(sm[c] - (sa[c] + sb[c]) / 2) < 1e-3, `class ${c}: ${sm[c]} vs ${(sa[c] + sb[c]) / 2}`);
  }
  // a model averaged with itself is itself
  const self = FrozenPerceptron.mean([fa, fa]);
  assert.deepEqual(Array.from(self.vals), Array.from(fa.vals));
});

test('pruning drops the small weights and keeps the decisions they did not make', () => {
  const p = trainSeparable();
  const feats = new Uint32Array(2);
  const scores = new Float64Array(3);
  const frozen = p.freeze();
  const pruned = frozen.pruned(0.3);
  assert.ok(pruned.vals.length < frozen.vals.length, `${pruned.vals.length} of ${frozen.vals.length} weights kept`);
  let maxAbs = 0;
  for (const v of frozen.vals) maxAbs = Math.max(maxAbs, Math.abs(v));
  for (const v of pruned.vals) assert.ok(Math.abs(v) >= 0.3 * maxAbs);
  for (let gold = 0; gold < 3; gold++) {
    feats[0] = f1(1, 100 + gold);
    feats[1] = f2(2, 5, 0);
    pruned.score(feats, 2, scores);
    assert.equal(argmax(scores, 3), gold);
  }
});

test('typographic quotes and dashes look like the ASCII spellings EWT uses', () => {
  assert.equal(normaliseForm('’s'), "'s");
  assert.equal(normaliseForm('“'), '"');
  assert.equal(normaliseForm('—'), '--');
  assert.equal(lexeme('don’t').word, lexeme("don't").word);
  assert.equal(wordKey('1,200'), '!DIGITS');
  assert.equal(wordKey('2025'), '!YEAR');
  assert.equal(wordKey('Hostages'), 'hostages');
});

test('word clusters, the second tagger pass and label sets: learnt, carried inside the model file, read back the same', () => {
  // a toy language where only the clusters tell nouns from verbs: same shape, unrelated suffixes
  const nouns = ['blor', 'quim', 'snet', 'vrak', 'plim'];
  const verbs = ['drat', 'frim', 'glop', 'krun', 'stam'];
  const brown = new BrownClusters([
    ...nouns.map((w) => ['0101', w] as const), ['0101', 'zorb'],
    ...verbs.map((w) => ['1101', w] as const), ['1101', 'trax'],
    ['00', 'the'], ['111', '.'],
  ]);
  const clusters = new WordClusters(brown);
  const sents: Array<{ forms: string[]; xpos: string[]; upos: string[]; heads: number[]; labels: string[] }> = [];
  for (let k = 0; k < 40; k++) {
    const n = nouns[k % 5];
    const v = verbs[(k * 3) % 5];
    sents.push({ forms: ['the', n, v, '.'], xpos: ['DT', 'NN', 'VBZ', '.'], upos: ['DET', 'NOUN', 'VERB', 'PUNCT'], heads: [1, 2, 4, 2], labels: ['det', 'nsubj', 'root', 'punct'] });
    sents.push({ forms: [n, '.'], xpos: ['NN', '.'], upos: ['NOUN', 'PUNCT'], heads: [2, 0], labels: ['root', 'punct'] });
    sents.push({ forms: [v, '.'], xpos: ['VB', '.'], upos: ['VERB', 'PUNCT'], heads: [2, 0], labels: ['root', 'punct'] });
  }
  const first = trainTagger(sents, { iterations: 4, seed: 1, clusters });
  const firstModel = new Tagger(first.data, first.xpos, first.upos);
  const firstPass = sents.map((s) => firstModel.firstPassIds(s.forms.map(lexeme)));
  const second = trainTagger(sents, { iterations: 4, seed: 1, clusters, firstPass });
  const labels = ['det', 'nsubj', 'punct', 'root'];
  const xIndex = new Map(first.data.xposTags.map((t, i) => [t, i]));
  const uIndex = new Map(first.data.uposTags.map((t, i) => [t, i]));
  const examples = sents.map((s) => ({
    lex: s.forms.map(lexeme),
    xpos: Int32Array.from(s.xpos, (t) => xIndex.get(t)!),
    upos: Int32Array.from(s.upos, (t) => uIndex.get(t)!),
    heads: Int32Array.from(s.heads, (h) => h), // the toy trees give the root (n) directly
    labels: Int32Array.from(s.labels, (l) => labels.indexOf(l)),
  }));
  const parser = trainParser(examples, { labels, nXpos: first.data.xposTags.length, clusters, labelSets: true }, { iterations: 4, seed: 1 });
  const model = new NlpModel(
    new Tagger(first.data, first.xpos, second.upos, second.xpos),
    trainLemmatizer([{ form: 'blor', xpos: 'NN', lemma: 'blor' }]),
    new Parser({ labels, nXpos: first.data.xposTags.length, clusters, labelSets: true }, parser.moves, parser.labeler),
  );
  // unseen words take their cluster's tag
  assert.deepEqual(model.analyse(['zorb', '.']).xpos, ['NN', '.']);
  assert.deepEqual(model.analyse(['trax', '.']).xpos, ['VB', '.']);
  const bytes = encodeNlpModel(partsOf(model));
  const decoded = decodeNlpModel(bytes);
  const ready = nlpModelFromReady(decodeModelRaw(encodeModelRaw(readyNlpFile(decoded))), 'test');
  assert.ok(decoded.tagger.secondModel && decoded.tagger.data.clusters && decoded.parser.data.labelSets);
  for (const forms of [['the', 'zorb', 'trax', '.'], ['trax', '.'], ['the', 'blor', 'glop', '.']]) {
    const want = model.analyse(forms);
    for (const m of [decoded, ready]) assert.deepEqual(m.analyse(forms), want);
  }
  assert.deepEqual(model.analyse(['the', 'zorb', 'trax', '.']).deprel, ['det', 'nsubj', 'root', 'punct']);
  // two models asked about the same words in turn each keep their own answers on the shared lexemes
  // (Lexeme.memo): another lemmatizer, and a tag dictionary that fixes "glop" as a noun
  const forms = ['the', 'blor', 'glop', '.'];
  const own = model.analyse(forms);
  const nounTag = first.data.xposTags.indexOf('NN');
  const other = new NlpModel(
    new Tagger({ ...first.data, tagdict: new Map([['glop', nounTag]]) }, first.xpos, second.upos, second.xpos),
    trainLemmatizer([{ form: 'blor', xpos: 'NN', lemma: 'blorish' }]),
    model.parser,
  );
  const theirs = other.analyse(forms);
  assert.equal(own.xpos[1], 'NN');
  assert.deepEqual([own.lemma[1], theirs.lemma[1]], ['blor', 'blorish']);
  assert.deepEqual([own.xpos[2], theirs.xpos[2]], ['VBZ', 'NN']);
  assert.deepEqual(model.analyse(forms), own);
  assert.deepEqual(other.analyse(forms), theirs);
});

test('the second tagger pass re-scores only the words the first decided by less than secondMargin, and the margin travels in the model file', () => {
  // toy data: nouns and verbs told apart by the word before them, one word ("stam") both
  const sents: Array<{ forms: string[]; xpos: string[]; upos: string[] }> = [];
  const nouns = ['blor', 'quim', 'snet', 'stam'];
  const verbs = ['drat', 'frim', 'glop', 'stam'];
  for (let k = 0; k < 40; k++) {
    sents.push({ forms: ['the', nouns[k % 4], verbs[(k + 1) % 4], '.'], xpos: ['DT', 'NN', 'VBZ', '.'], upos: ['DET', 'NOUN', 'VERB', 'PUNCT'] });
    sents.push({ forms: ['we', verbs[k % 4], 'the', nouns[(k + 2) % 4], '.'], xpos: ['PRP', 'VBP', 'DT', 'NN', '.'], upos: ['PRON', 'VERB', 'DET', 'NOUN', 'PUNCT'] });
  }
  const first = trainTagger(sents, { iterations: 4, seed: 1 });
  const firstModel = new Tagger(first.data, first.xpos, first.upos);
  const firstPass = sents.map((s) => firstModel.firstPassIds(s.forms.map(lexeme)));
  const second = trainTagger(sents, { iterations: 4, seed: 1, firstPass });
  let scored = 0;
  const counting = { nClasses: second.xpos.nClasses, score: (f: Uint32Array, n: number, out: Float64Array) => { scored++; second.xpos.score(f, n, out); } };
  const forms = ['we', 'stam', 'the', 'stam', '.', 'the', 'glop', 'blor', '.'].map(lexeme);
  const scoredWith = (secondMargin: number | undefined) => {
    scored = 0;
    const tags = new Tagger({ ...first.data, secondMargin }, first.xpos, second.upos, counting).xposIds(forms);
    return { scored, tags: Array.from(tags) };
  };
  const all = scoredWith(undefined);
  const none = scoredWith(0);
  assert.ok(all.scored > 0 && all.scored <= forms.length);
  // margin 0: every word keeps its first-pass tag and the second model is never asked
  assert.equal(none.scored, 0);
  assert.deepEqual(none.tags, Array.from(firstModel.firstPassIds(forms)));
  // a wider margin re-scores more words, and a margin no score reaches re-scores all of them
  const counts = [0.5, 4, 16, 24, 32, 1e12].map((m) => scoredWith(m).scored);
  for (let k = 1; k < counts.length; k++) assert.ok(counts[k] >= counts[k - 1], `re-scored words by margin: ${counts}`);
  assert.ok(counts.some((c) => c > 0 && c < all.scored), `some margin re-scores only some words: ${counts}`);
  assert.deepEqual(scoredWith(1e12), all);
  // the margin is part of the model: written, decoded and made load-ready with it
  const model = new NlpModel(
    new Tagger({ ...first.data, secondMargin: 2 }, first.xpos, second.upos, second.xpos),
    trainLemmatizer([{ form: 'blor', xpos: 'NN', lemma: 'blor' }]),
    new Parser({ labels: ['root'], nXpos: first.data.xposTags.length }, new TrainablePerceptron(3).freeze(), new TrainablePerceptron(1).freeze()),
  );
  const decoded = decodeNlpModel(encodeNlpModel(partsOf(model)));
  const ready = nlpModelFromReady(decodeModelRaw(encodeModelRaw(readyNlpFile(decoded))), 'test');
  for (const m of [decoded, ready]) {
    assert.equal(m.tagger.data.secondMargin, 2);
    assert.deepEqual(m.analyse(['we', 'stam', 'the', 'stam', '.']).xpos, model.analyse(['we', 'stam', 'the', 'stam', '.']).xpos);
  }
});

test('parser feature templates left out (ParserData.without): fewer look-ups, the list travels in the model and load-ready files, unknown ids refused', () => {
  const nouns = ['blor', 'quim', 'snet', 'vrak'];
  const verbs = ['drat', 'frim', 'glop', 'krun'];
  const sents: Array<{ forms: string[]; xpos: string[]; upos: string[]; heads: number[]; labels: string[] }> = [];
  for (let k = 0; k < 40; k++) {
    sents.push({ forms: ['the', nouns[k % 4], verbs[(k * 3) % 4], 'the', nouns[(k + 1) % 4], '.'], xpos: ['DT', 'NN', 'VBZ', 'DT', 'NN', '.'],
      upos: ['DET', 'NOUN', 'VERB', 'DET', 'NOUN', 'PUNCT'], heads: [1, 2, 6, 4, 2, 2], labels: ['det', 'nsubj', 'root', 'det', 'obj', 'punct'] });
  }
  const tagger = trainTagger(sents, { iterations: 4, seed: 1 });
  const labels = ['det', 'nsubj', 'obj', 'punct', 'root'];
  const xIndex = new Map(tagger.data.xposTags.map((t, i) => [t, i]));
  const uIndex = new Map(tagger.data.uposTags.map((t, i) => [t, i]));
  const examples = sents.map((s) => ({
    lex: s.forms.map(lexeme), xpos: Int32Array.from(s.xpos, (t) => xIndex.get(t)!), upos: Int32Array.from(s.upos, (t) => uIndex.get(t)!),
    heads: Int32Array.from(s.heads), labels: Int32Array.from(s.labels, (l) => labels.indexOf(l)),
  }));
  // every word template of s0 and b0 alone and in pairs, and two label templates
  const without = [1, 3, 4, 6, 20, 21, 22, 25, 201, 209];
  const data = { labels, nXpos: tagger.data.xposTags.length, without };
  const lean = trainParser(examples, data, { iterations: 4, seed: 1 });
  const full = trainParser(examples, { ...data, without: undefined }, { iterations: 4, seed: 1 });
  /** look-ups (features scored) of a parser over one sentence */
  const lookups = (p: { moves: Scorer; labeler: Scorer }, w: number[] | undefined, ex: (typeof examples)[number]) => {
    let n = 0;
    const count = (s: Scorer): Scorer => ({ nClasses: s.nClasses, score: (f, k, out) => { n += k; s.score(f, k, out); } });
    new Parser({ ...data, without: w }, count(p.moves), count(p.labeler)).parse(ex.lex, ex.xpos, ex.upos);
    return n;
  };
  const leanLookups = lookups(lean, without, examples[0]);
  const fullLookups = lookups(full, undefined, examples[0]);
  assert.ok(leanLookups < fullLookups, `${leanLookups} look-ups without the templates, ${fullLookups} with them`);
  const model = new NlpModel(new Tagger(tagger.data, tagger.xpos, tagger.upos), trainLemmatizer([{ form: 'blor', xpos: 'NN', lemma: 'blor' }]), new Parser(data, lean.moves, lean.labeler));
  const decoded = decodeNlpModel(encodeNlpModel(partsOf(model)));
  const ready = nlpModelFromReady(decodeModelRaw(encodeModelRaw(readyNlpFile(decoded))), 'test');
  for (const m of [decoded, ready]) {
    assert.deepEqual(m.parser.data.without, without);
    assert.deepEqual(m.analyse(['the', 'vrak', 'glop', 'the', 'quim', '.']), model.analyse(['the', 'vrak', 'glop', 'the', 'quim', '.']));
  }
  assert.deepEqual(model.analyse(['the', 'vrak', 'glop', 'the', 'quim', '.']).deprel, ['det', 'nsubj', 'root', 'det', 'obj', 'punct']);
  // a model written without the list reads all templates
  assert.equal(decodeNlpModel(encodeNlpModel({ ...partsOf(model), parser: { ...partsOf(model).parser, without: undefined } })).parser.data.without, undefined);
  assert.throws(() => templatesOn([300]), /template 300 does not exist/);
});
