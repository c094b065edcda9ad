import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeModelRaw } from '../src/nlp/model-io.js';
import { getNerModel, defaultModelDir } from '../src/extract/ner.js';
import { docCaps, INFO_WIDTH, putInfo, sentenceView, WordCache, type WordInfo } from '../src/extract/ner-features.js';
import { buildWordTable, wordTableOf, wordTableStamp } from '../src/extract/ner-words.js';
import type { NerWeights } from '../src/extract/ner-model.js';

const SENTENCES = [
  'the club said .',
  'the club said . Orbis Labs hired Dana Whitlow in Kherson .',
  'Orbis Labs hired Dana Whitlow , a former Tarrow Bank analyst , in Kherson last May .',
  'She worked for WeWork and later for SoftBank in Tokyo .',
  'Fans of Real Madrid gathered outside the stadium , the club said .',
].map((t) => t.split(' '));

function fieldsOf(w: WordInfo): number[] {
  const out = new Array<number>(INFO_WIDTH).fill(NaN);
  putInfo(w, out, 0);
  return out;
}

/** The table's bytes as a worker gets them (a fresh 8-aligned buffer). */
function bytesOf(file: ReturnType<typeof buildWordTable>): Uint8Array {
  const raw = encodeModelRaw(file);
  const bytes = new Uint8Array(raw.byteLength);
  bytes.set(raw);
  return bytes;
}

test('a word cache that takes known words from a precomputed table gives the emissions of one that computes every word', () => {
  const model = getNerModel()!;
  assert.ok(model.org, 'the shipped recogniser has its organisation companion (slot 1)');
  const stamp = wordTableStamp(defaultModelDir(), model);
  // some of the sentences' words, not all: the rest are computed as before, side by side with table rows
  const known = ['the', 'club', 'said', '.', 'hired', 'in', 'Kherson', 'Bank', 'May', 'She', 'for', 'Tokyo', 'Real', 'stadium', ','];
  const words = wordTableOf(bytesOf(buildWordTable(model, stamp, known)), model, stamp);
  assert.ok(words, 'the table is accepted under its own stamp');
  assert.ok(words.find('Kherson') >= 0 && words.find('Whitlow') < 0);
  const ctx = { gazetteer: model.gazetteer, lexicon: model.lexicon, brown: model.brown, vectors: model.vectors, types: model.types };
  const caps = docCaps(SENTENCES);
  // a roomy cache and one of four words, cleared several times within each sentence
  for (const limit of [50_000, 4]) {
    const withTable = new WordCache(ctx, limit);
    withTable.words = words;
    const computed = new WordCache(ctx, limit);
    for (const s of SENTENCES) {
      const a = sentenceView(s, withTable, ctx, caps);
      const b = sentenceView(s, computed, ctx, caps);
      for (let i = 0; i < s.length; i++) {
        assert.deepEqual(fieldsOf(a.infos[i]), fieldsOf(b.infos[i]), s[i]);
        assert.ok(fieldsOf(b.infos[i]).some((v) => v !== 0));
        assert.equal(a.infos[i].lower, b.infos[i].lower);
        assert.equal(a.infos[i].plainLower, b.infos[i].plainLower);
        assert.equal(a.infos[i].row >= 0, known.includes(s[i]), `${s[i]} from the table only when in it`);
      }
      const both: NerWeights[] = [model.weights, model.org!.weights];
      for (const weights of both) {
        const expected: Float32Array = weights.emissionsFor(b, computed, true);
        assert.deepEqual(weights.emissionsFor(a, withTable, true), expected, s.join(' '));
        assert.deepEqual(weights.emissionsFor(a, withTable, true), expected, `${s.join(' ')} (rows now in the pool)`);
      }
    }
  }
});

test('a precomputed word table is refused when built for other models or code, or when a row differs from what the code computes', () => {
  const model = getNerModel()!;
  const stamp = wordTableStamp(defaultModelDir(), model);
  const known = Array.from({ length: 40 }, (_, i) => `w${i}`).concat(['the', 'Kherson', 'said']);
  const file = buildWordTable(model, stamp, known);
  assert.ok(wordTableOf(bytesOf(file), model, stamp));
  assert.equal(wordTableOf(bytesOf(file), model, `${stamp}|other`), null, 'another stamp');
  // one sampled row's score changed by one float32 step: refused
  const vecs = file.arrays.vecs1 as Float32Array;
  const bits = new Uint32Array(vecs.buffer, vecs.byteOffset, vecs.length);
  bits[0] += 1;
  assert.equal(wordTableOf(bytesOf(file), model, stamp), null, 'a score differs');
  bits[0] -= 1;
  // the capitalisation bucket (putInfo's fifth number) of the first row
  (file.arrays.fields as Int32Array)[4] += 1;
  assert.equal(wordTableOf(bytesOf(file), model, stamp), null, 'a field differs');
});
