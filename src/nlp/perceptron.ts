/**
 * Multi-class averaged perceptron over hashed integer features (Collins 2002; the plain,
 * fast variant Honnibal describes). Training keeps dense per-feature rows in typed arrays;
 * freezing averages the weights, drops near-zero ones and stores rows sparsely (CSR), which
 * makes the shipped model small and scoring cost proportional to the non-zero weights.
 */

/** Open-addressing hash table from nonzero 32-bit feature keys to row numbers. */
export class FeatureTable {
  keys: Uint32Array;
  rows: Int32Array;
  size = 0;
  private mask: number;

  constructor(capacity = 1 << 16) {
    let cap = 1;
    while (cap < capacity * 2) cap <<= 1;
    this.keys = new Uint32Array(cap);
    this.rows = new Int32Array(cap);
    this.mask = cap - 1;
  }

  get(key: number): number {
    const keys = this.keys;
    const mask = this.mask;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    for (;;) {
      const k = keys[i];
      if (k === key) return this.rows[i];
      if (k === 0) return -1;
      i = (i + 1) & mask;
    }
  }

  /** Row for `key`, inserting `nextRow` when absent. */
  getOrAdd(key: number, nextRow: number): number {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const keys = this.keys;
    const mask = this.mask;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    for (;;) {
      const k = keys[i];
      if (k === key) return this.rows[i];
      if (k === 0) {
        keys[i] = key;
        this.rows[i] = nextRow;
        this.size++;
        return nextRow;
      }
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldRows = this.rows;
    this.keys = new Uint32Array(oldKeys.length * 2);
    this.rows = new Int32Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== 0) this.getOrAdd(oldKeys[i], oldRows[i]);
  }
}

/** The scoring interface shared by training and frozen models. */
export interface Scorer {
  readonly nClasses: number;
  /** Writes class scores for the `n` features in `feats` into `out` (length ≥ nClasses). */
  score(feats: Uint32Array, n: number, out: Float64Array): void;
}

export class TrainablePerceptron implements Scorer {
  readonly table = new FeatureTable(1 << 18);
  private w: Float32Array;
  /** Σ (instance counter × update): the averaged weight is w − u / counter (Daumé's trick). */
  private u: Float32Array;
  private nRows = 0;
  private capRows: number;
  /** training instances seen (starts at 1) */
  counter = 1;

  constructor(readonly nClasses: number) {
    this.capRows = 1 << 16;
    this.w = new Float32Array(this.capRows * nClasses);
    this.u = new Float32Array(this.capRows * nClasses);
  }

  score(feats: Uint32Array, n: number, out: Float64Array): void {
    const C = this.nClasses;
    const w = this.w;
    out.fill(0, 0, C);
    for (let k = 0; k < n; k++) {
      const r = this.table.get(feats[k]);
      if (r < 0) continue;
      const base = r * C;
      for (let c = 0; c < C; c++) out[c] += w[base + c];
    }
  }

  private row(key: number): number {
    const r = this.table.getOrAdd(key, this.nRows);
    if (r === this.nRows) {
      this.nRows++;
      if (this.nRows > this.capRows) {
        this.capRows *= 2;
        const w = new Float32Array(this.capRows * this.nClasses);
        w.set(this.w);
        this.w = w;
        const u = new Float32Array(this.capRows * this.nClasses);
        u.set(this.u);
        this.u = u;
      }
    }
    return r;
  }

  /** Perceptron update towards `truth` and away from `guess`; call tick() once per instance. */
  update(truth: number, guess: number, feats: Uint32Array, n: number, amount = 1): void {
    if (truth === guess) return;
    const C = this.nClasses;
    const c = this.counter;
    for (let k = 0; k < n; k++) {
      const base = this.row(feats[k]) * C;
      this.w[base + truth] += amount;
      this.u[base + truth] += c * amount;
      this.w[base + guess] -= amount;
      this.u[base + guess] -= c * amount;
    }
  }

  tick(): void {
    this.counter++;
  }

  get rows(): number {
    return this.nRows;
  }

  /** Averages the weights and stores non-negligible ones sparsely. */
  freeze(threshold = 1e-3): FrozenPerceptron {
    const C = this.nClasses;
    const keys: number[] = [];
    const starts: number[] = [0];
    const cls: number[] = [];
    const vals: number[] = [];
    const tk = this.table.keys;
    const tr = this.table.rows;
    for (let i = 0; i < tk.length; i++) {
      if (tk[i] === 0) continue;
      const base = tr[i] * C;
      const before = cls.length;
      for (let c = 0; c < C; c++) {
        const v = this.w[base + c] - this.u[base + c] / this.counter;
        if (Math.abs(v) >= threshold) {
          cls.push(c);
          vals.push(v);
        }
      }
      if (cls.length > before) {
        keys.push(tk[i]);
        starts.push(cls.length);
      }
    }
    return new FrozenPerceptron(C, Uint32Array.from(keys), Uint32Array.from(starts), Uint8Array.from(cls), Float32Array.from(vals));
  }
}

/** Averaged, sparse, read-only weights: what ships in models/. */
export class FrozenPerceptron implements Scorer {
  private readonly table: FeatureTable;

  constructor(
    readonly nClasses: number,
    readonly keys: Uint32Array,
    readonly starts: Uint32Array,
    readonly cls: Uint8Array,
    readonly vals: Float32Array,
  ) {
    if (nClasses > 256) throw new Error('FrozenPerceptron supports at most 256 classes');
    this.table = new FeatureTable(keys.length);
    for (let r = 0; r < keys.length; r++) this.table.getOrAdd(keys[r], r);
  }

  score(feats: Uint32Array, n: number, out: Float64Array): void {
    out.fill(0, 0, this.nClasses);
    const { starts, cls, vals, table } = this;
    for (let k = 0; k < n; k++) {
      const r = table.get(feats[k]);
      if (r < 0) continue;
      const end = starts[r + 1];
      for (let j = starts[r]; j < end; j++) out[cls[j]] += vals[j];
    }
  }
}

/** Index of the highest score among the first `n` entries, restricted by `allowed` when given. */
export function argmax(scores: Float64Array, n: number): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let c = 0; c < n; c++) {
    if (scores[c] > bestScore) {
      bestScore = scores[c];
      best = c;
    }
  }
  return best;
}
