import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMPACT_MAX_CLASSES, FrozenPerceptron } from '../src/nlp/perceptron.js';

/** The compact layout's weight as the class comment defines it: the 10-bit cube-root code, decoded. */
function companded(v: number, maxAbs: number): number {
  const signed = Math.round(Math.sign(v) * Math.cbrt(Math.abs(v) / maxAbs) * 511);
  return Math.sign(signed) * Math.abs(signed / 511) ** 3 * maxAbs;
}

/** Rows of 1 to C entries over C classes, with weights of both signs. */
function model(C: number, rows: number) {
  const keys: number[] = [];
  const starts: number[] = [0];
  const cls: number[] = [];
  const vals: number[] = [];
  let seed = 11;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (let r = 0; r < rows; r++) {
    keys.push((Math.imul(r + 1, 0x9e3779b1) >>> 0) || 1);
    // a third of the rows one entry, a third two, a third long (up to every class)
    const len = r % 3 === 0 ? 1 : r % 3 === 1 ? 2 : 3 + Math.floor(rand() * (C - 2));
    const first = Math.floor(rand() * (C - len + 1));
    for (let j = 0; j < len; j++) {
      cls.push(first + j);
      vals.push((rand() - 0.5) * 8);
    }
    starts.push(cls.length);
  }
  return { keys: Uint32Array.from(keys), starts: Uint32Array.from(starts), cls: Uint8Array.from(cls), vals: Float32Array.from(vals) };
}

test('the compact layout keeps 6-byte slots and scores each row as its companded weights, added in order', () => {
  const C = COMPACT_MAX_CLASSES;
  const m = model(C, 3000);
  const p = new FrozenPerceptron(C, m.keys, m.starts, m.cls, m.vals, { compact: true });
  const t = p.tables();
  assert.equal(t.layout, 'compact');
  assert.equal(t.slots16.byteLength, t.cap * 6);
  assert.equal(t.slots32.length, 0);
  let maxAbs = 0;
  for (const v of m.vals) maxAbs = Math.max(maxAbs, Math.abs(v));
  const out = new Float64Array(C);
  let long = 0;
  for (let r = 0; r < m.keys.length; r++) {
    // the row's own key, twice: each entry is added twice, in order
    p.score(Uint32Array.of(m.keys[r], m.keys[r]), 2, out);
    const want = new Float64Array(C);
    for (let k = 0; k < 2; k++) for (let j = m.starts[r]; j < m.starts[r + 1]; j++) want[m.cls[j]] += companded(m.vals[j], maxAbs);
    for (let c = 0; c < C; c++) assert.ok(Object.is(out[c], want[c]), `row ${r}, class ${c}: ${out[c]} vs ${want[c]}`);
    if (m.starts[r + 1] - m.starts[r] > 2) long++;
  }
  assert.ok(long > 900, 'long rows (in entries16) are exercised');
});

test('a model of more classes than the compact slot can mark is kept sparse', () => {
  const m = model(COMPACT_MAX_CLASSES + 1, 50);
  const p = new FrozenPerceptron(COMPACT_MAX_CLASSES + 1, m.keys, m.starts, m.cls, m.vals, { compact: true });
  assert.equal(p.tables().layout, 'sparse');
  assert.equal(p.canResume, false);
});
