/**
 * Multi-class averaged perceptron over hashed integer features (Collins 2002; the plain,
 * fast variant Honnibal describes). Training keeps dense per-feature rows in typed arrays;
 * freezing averages the weights, drops near-zero ones and stores rows sparsely (CSR), which
 * makes the shipped model small and scoring cost proportional to the non-zero weights.
 */

/** Knuth's multiplicative hashing constant (2^32 / golden ratio, odd) and its inverse mod 2^32. */
export const PHI = 0x9e3779b1;
export const PHI_INVERSE = 0x0e8b2f51;

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

  /** Adds `amount` to class `cls` of each feature's row (one side of a structured update: beam.ts). */
  add(cls: number, feats: Uint32Array, n: number, amount: number): void {
    const C = this.nClasses;
    const c = this.counter;
    for (let k = 0; k < n; k++) {
      const at = this.row(feats[k]) * C + cls;
      this.w[at] += amount;
      this.u[at] += c * amount;
    }
  }

  tick(): void {
    this.counter++;
  }

  get rows(): number {
    return this.nRows;
  }

  /**
   * Averages the weights and stores non-negligible ones sparsely: weights below `threshold`
   * or below `relative` × the largest |weight| are dropped (see FrozenPerceptron.pruned).
   */
  freeze(threshold = 1e-3, relative = 0): FrozenPerceptron {
    const C = this.nClasses;
    if (relative > 0) {
      let maxAbs = 0;
      for (let r = 0; r < this.nRows; r++) {
        for (let c = 0; c < C; c++) maxAbs = Math.max(maxAbs, Math.abs(this.w[r * C + c] - this.u[r * C + c] / this.counter));
      }
      threshold = Math.max(threshold, relative * maxAbs);
    }
    const keys: number[] = [];
    const starts: number[] = [0];
    const cls: number[] = [];
    const vals: number[] = [];
    const tk = this.table.keys;
    const tr = this.table.rows;
    for (let i = 0; i < tk.length; i++) {
      if (tk[i] === 0) continue;
      if (pushAveragedRow(this.w, this.u, this.counter, tr[i] * C, C, threshold, cls, vals)) {
        keys.push(tk[i]);
        starts.push(cls.length);
      }
    }
    return new FrozenPerceptron(C, Uint32Array.from(keys), Uint32Array.from(starts), Uint8Array.from(cls), Float32Array.from(vals));
  }
}

/**
 * Bumped whenever FrozenPerceptron's lookup tables change (layout, companding, hashing, load
 * factors): load-ready model files built by another version are rebuilt, never misread.
 */
export const TABLE_LAYOUT = 2;

/** FrozenPerceptron's lookup tables, as scoring reads them (see the class comment). */
export interface FrozenTables {
  nClasses: number;
  rows: number;
  cap: number;
  layout: 'packed' | 'compact' | 'sparse';
  scale: number;
  slots: Int32Array;
  decode: Float64Array;
  slots32: Uint32Array;
  entries: Int32Array;
  /** compact layout: three 16-bit words per slot (see FrozenPerceptron.slots16) */
  slots16: Uint16Array;
  entries16: Uint16Array;
  decode10: Float64Array;
}

/** The largest number of classes of the compact layout: class 63 marks a slot's long row or its missing second entry. */
export const COMPACT_MAX_CLASSES = 63;
/** A compact slot's second or third word at or above this holds no entry (class 63). */
const NO_ENTRY = 0xfc00;

/**
 * Averaged, sparse, read-only weights: what ships in models/. Scoring is bound by memory
 * latency (hundreds of lookups per word into tables of megabytes), so the in-memory layout
 * is made small and each lookup touches as few cache lines as possible; rows live in
 * open-addressing tables addressed by the high bits of key × φ (Knuth's multiplicative
 * hashing), each slot holding a fingerprint of the key instead of the key.
 *  - Models with ≤ 3 classes (the parser's transitions: 2 million rows, most of the lookups)
 *    pack a row into one 32-bit slot: three 7-bit weights and an 11-bit fingerprint, at
 *    load factor 0.6. The weights are square-root companded (code = round(63 · sign(w) ·
 *    √(|w| / max |w|)), decoded through a 128-entry table), so the many small weights keep
 *    their precision; a false fingerprint match adds a stray row about once in 10⁴ lookups.
 *    Half the memory of 16-bit fingerprints and weights, ~10% faster tag+parse, and EWT dev
 *    UAS/LAS unchanged (84.67/81.50 → 84.71/81.53).
 *  - Other models keep [16-bit fingerprint, row length, offset] in an 8-byte slot at load
 *    factor 0.7 and (class, int16 weight) pairs packed in 32 bits, one scale per model, or,
 *    with `compact`, 16-bit entries and short rows inside a 6-byte slot (see below).
 */
export class FrozenPerceptron implements Scorer {
  private readonly cap: number;
  /**
   * cap / 2^24, so a home slot is one multiplication: (k24 · cap) / 2^24 and k24 · (cap / 2^24) are
   * the same double (k24 · cap < 2^46 is exact, and scaling by a power of two is exact), so the
   * same slot as home() gives
   */
  private readonly homeScale: number;
  private readonly packed: boolean;
  /** packed layout: w2 << 25 | w1 << 18 | w0 << 11 | fp11 per slot (7-bit weight codes) */
  private readonly slots: Int32Array;
  /** weight code → weight */
  private readonly decode: Float64Array;
  /** sparse layout: [fp << 16 | length, offset] per slot; entries: class << 16 | (int16 weight) */
  private readonly slots32: Uint32Array;
  private readonly entries: Int32Array;
  private readonly scale: number;
  /**
   * compact sparse layout (opt-in, ≤ 63 classes): 16-bit entries class << 10 | 10-bit weight
   * code, cube-root companded (code = round(511 · sign(w) · ∛(|w| / max |w|))) so small weights
   * keep their precision; rows of ≤ 2 entries (85–90% of the tagger's and labeler's rows) sit
   * in the slot, longer ones at an offset into entries16, so most lookups touch one cache line,
   * not two: tag+parse ~10% faster, EWT dev within ±0.02 of int16 weights.
   */
  private readonly compact: boolean;
  /**
   * compact layout: [16-bit fingerprint, a, b] per slot (6 bytes; 8 before docs/speed.md's twentieth
   * round, a quarter more memory for the same answers). a, b: the row's two entries, or one and
   * b ≥ NO_ENTRY; a long row has a ≥ NO_ENTRY (class 63, which no class is): a = NO_ENTRY | length << 4 |
   * offset >>> 16, b = offset & 0xffff (offset into entries16, < 2^20)
   */
  private readonly slots16: Uint16Array;
  private readonly entries16: Uint16Array;
  private readonly decode10: Float64Array;
  /** feature rows (keys.length, unless built from load-ready tables, which carry no keys) */
  readonly rows: number;

  constructor(
    readonly nClasses: number,
    readonly keys: Uint32Array,
    readonly starts: Uint32Array,
    readonly cls: Uint8Array,
    readonly vals: Float32Array,
    options: { compact?: boolean } = {},
    /** the lookup tables as `tables()` gave them (a load-ready model file): no rows are rebuilt */
    tables?: FrozenTables,
  ) {
    if (nClasses > 256) throw new Error('FrozenPerceptron supports at most 256 classes');
    if (tables) {
      if (tables.nClasses !== nClasses) throw new Error(`load-ready tables have ${tables.nClasses} classes, the model ${nClasses}`);
      this.rows = tables.rows;
      this.cap = tables.cap;
      this.homeScale = tables.cap / 16777216;
      this.packed = tables.layout === 'packed';
      this.compact = tables.layout === 'compact';
      this.scale = tables.scale;
      this.slots = tables.slots;
      this.decode = tables.decode;
      this.slots32 = tables.slots32;
      this.entries = tables.entries;
      this.slots16 = tables.slots16;
      this.entries16 = tables.entries16;
      this.decode10 = tables.decode10;
      return;
    }
    const rows = keys.length;
    this.rows = rows;
    const packed = nClasses <= 3;
    const compact = !packed && options.compact === true && nClasses <= COMPACT_MAX_CLASSES;
    this.compact = compact;
    const cap = Math.max(16, Math.ceil(rows / (packed ? 0.6 : 0.7)));
    let maxAbs = 0;
    for (let j = 0; j < vals.length; j++) maxAbs = Math.max(maxAbs, Math.abs(vals[j]));
    if (maxAbs === 0) maxAbs = 1;
    this.cap = cap;
    this.homeScale = cap / 16777216;
    this.packed = packed;
    this.scale = maxAbs / 32767;
    this.slots = new Int32Array(packed ? cap : 0);
    this.decode = new Float64Array(packed ? 128 : 0);
    this.slots32 = new Uint32Array(packed || compact ? 0 : cap * 2);
    this.slots16 = new Uint16Array(compact ? cap * 3 : 0);
    this.entries = new Int32Array(packed || compact ? 0 : vals.length);
    let longEntries = 0;
    if (compact) for (let r = 0; r < rows; r++) if (starts[r + 1] - starts[r] > 2) longEntries += starts[r + 1] - starts[r];
    this.entries16 = new Uint16Array(longEntries);
    this.decode10 = new Float64Array(compact ? 1024 : 0);
    if (packed) {
      const slots = this.slots;
      const code = (v: number) => Math.round(Math.sign(v) * Math.sqrt(Math.abs(v) / maxAbs) * 63) & 0x7f;
      for (let c = 0; c < 128; c++) {
        const signed = c >= 64 ? c - 128 : c;
        this.decode[c] = Math.sign(signed) * (signed / 63) ** 2 * maxAbs;
      }
      const w = [0, 0, 0];
      for (let r = 0; r < rows; r++) {
        const key = keys[r];
        let i = home(key, cap);
        while (slots[i] !== 0) if (++i === cap) i = 0;
        w[0] = w[1] = w[2] = 0;
        for (let j = starts[r]; j < starts[r + 1]; j++) w[cls[j]] = code(vals[j]);
        slots[i] = (w[2] << 25) | (w[1] << 18) | (w[0] << 11) | fingerprint11(key);
      }
    } else if (compact) {
      const code = (v: number) => Math.round(Math.sign(v) * Math.cbrt(Math.abs(v) / maxAbs) * 511) & 0x3ff;
      for (let c = 0; c < 1024; c++) {
        const signed = c >= 512 ? c - 1024 : c;
        this.decode10[c] = Math.sign(signed) * Math.abs(signed / 511) ** 3 * maxAbs;
      }
      const { slots16, entries16 } = this;
      let at = 0;
      for (let r = 0; r < rows; r++) {
        const key = keys[r];
        let i = home(key, cap);
        while (slots16[i * 3] !== 0) if (++i === cap) i = 0;
        const a = starts[r];
        const len = starts[r + 1] - a;
        if (len === 0) throw new Error('FrozenPerceptron: an empty row');
        slots16[i * 3] = fingerprint(key);
        if (len <= 2) {
          slots16[i * 3 + 1] = (cls[a] << 10) | code(vals[a]);
          slots16[i * 3 + 2] = len === 2 ? (cls[a + 1] << 10) | code(vals[a + 1]) : NO_ENTRY;
        } else {
          if (at >= 1 << 20) throw new Error('FrozenPerceptron: the compact layout holds at most 2^20 long-row entries');
          slots16[i * 3 + 1] = NO_ENTRY | (len << 4) | (at >>> 16);
          slots16[i * 3 + 2] = at & 0xffff;
          for (let j = 0; j < len; j++) entries16[at++] = (cls[a + j] << 10) | code(vals[a + j]);
        }
      }
    } else {
      const q = (v: number) => Math.round(v / this.scale) & 0xffff;
      const { slots32, entries } = this;
      for (let j = 0; j < vals.length; j++) entries[j] = (cls[j] << 16) | q(vals[j]);
      for (let r = 0; r < rows; r++) {
        const key = keys[r];
        let i = home(key, cap);
        while (slots32[i * 2] !== 0) if (++i === cap) i = 0;
        slots32[i * 2] = ((fingerprint(key) << 16) | (starts[r + 1] - starts[r])) >>> 0;
        slots32[i * 2 + 1] = starts[r];
      }
    }
  }

  /**
   * A copy without the weights below `relative` × the largest |weight|, and without rows left
   * empty. Many-class models (tagger, labeler) carry long tails of tiny weights on their
   * frequent features; every lookup of such a row walks all of them, so dropping them makes
   * scoring about twice as fast, and at 0.03 costs nothing measurable on EWT dev.
   */
  pruned(relative: number): FrozenPerceptron {
    const threshold = relative * this.maxAbs('pruned');
    return this.rewritten((v) => (Math.abs(v) >= threshold ? v : 0), 0);
  }

  /**
   * A copy of a packed (≤ 3-class) model with each weight snapped to the value of its 7-bit
   * square-root-companded code (code = round(√(|w| / max|w|) · 63), as the packed table holds it,
   * so scoring is unchanged by the snap itself and the file's weights compress far better), without
   * the weights whose |code| < `minEntry`, and without the rows whose largest |code| < `minRow`.
   * Shrinks the beam model's transition table 6× for −0.12 EWT dev LAS at (minRow 8, minEntry 6)
   * (docs/nlp.md "Round ten"). Idempotent.
   */
  coded(minRow: number, minEntry: number): FrozenPerceptron {
    if (this.nClasses > 3) throw new Error('FrozenPerceptron.coded: only the packed (≤ 3-class) layout holds companded codes');
    const maxAbs = this.maxAbs('coded');
    const snap = (c: number) => (c / 63) ** 2 * maxAbs;
    return this.rewritten((v) => {
      const c = Math.round(Math.sqrt(Math.abs(v) / maxAbs) * 63);
      return c < minEntry ? 0 : Math.sign(v) * snap(c);
    }, snap(minRow));
  }

  /** the largest |weight| (the rows must be here) */
  private maxAbs(what: string): number {
    this.requireRows(what);
    let maxAbs = 0;
    for (let j = 0; j < this.vals.length; j++) maxAbs = Math.max(maxAbs, Math.abs(this.vals[j]));
    return maxAbs;
  }

  /** A copy with each weight replaced by `entry(weight)` (0: dropped), without rows whose largest |weight| is under `rowFloor` or that are left empty. */
  private rewritten(entry: (v: number) => number, rowFloor: number): FrozenPerceptron {
    const keys: number[] = [];
    const starts: number[] = [0];
    const cls: number[] = [];
    const vals: number[] = [];
    for (let r = 0; r < this.keys.length; r++) {
      const before = cls.length;
      let rowMax = 0;
      for (let j = this.starts[r]; j < this.starts[r + 1]; j++) {
        const v = entry(this.vals[j]);
        if (v === 0) continue;
        rowMax = Math.max(rowMax, Math.abs(v));
        cls.push(this.cls[j]);
        vals.push(v);
      }
      if (cls.length === before || rowMax < rowFloor) {
        cls.length = before;
        vals.length = before;
        continue;
      }
      keys.push(this.keys[r]);
      starts.push(cls.length);
    }
    return new FrozenPerceptron(this.nClasses, Uint32Array.from(keys), Uint32Array.from(starts), Uint8Array.from(cls), Float32Array.from(vals));
  }

  /**
   * The mean of models over the same features and classes (parsers trained with different seeds):
   * for a linear model, scoring with the mean weights is scoring with the ensemble, at the cost of
   * one model's lookups (only the tables grow, by the rows the models do not share).
   */
  static mean(models: readonly FrozenPerceptron[]): FrozenPerceptron {
    if (models.length === 0) throw new Error('FrozenPerceptron.mean: no models');
    const C = models[0].nClasses;
    const table = new FeatureTable(1 << 20);
    let rows = 0;
    let acc = new Float64Array(C << 20);
    const share = 1 / models.length;
    for (const m of models) {
      m.requireRows('FrozenPerceptron.mean');
      if (m.nClasses !== C) throw new Error(`FrozenPerceptron.mean: ${m.nClasses} classes, not ${C}`);
      for (let r = 0; r < m.keys.length; r++) {
        const row = table.getOrAdd(m.keys[r], rows);
        if (row === rows && ++rows * C > acc.length) {
          const grown = new Float64Array(acc.length * 2);
          grown.set(acc);
          acc = grown;
        }
        for (let j = m.starts[r]; j < m.starts[r + 1]; j++) acc[row * C + m.cls[j]] += m.vals[j] * share;
      }
    }
    const keys = new Uint32Array(rows);
    for (let i = 0; i < table.keys.length; i++) if (table.keys[i] !== 0) keys[table.rows[i]] = table.keys[i];
    const starts = new Uint32Array(rows + 1);
    const cls: number[] = [];
    const vals: number[] = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < C; c++) {
        if (acc[r * C + c] !== 0) {
          cls.push(c);
          vals.push(acc[r * C + c]);
        }
      }
      starts[r + 1] = cls.length;
    }
    return new FrozenPerceptron(C, keys, starts, Uint8Array.from(cls), Float32Array.from(vals));
  }

  /** The lookup tables exactly as scoring reads them, for a load-ready model file (model-io.ts). */
  tables(): FrozenTables {
    return {
      nClasses: this.nClasses, rows: this.rows, cap: this.cap,
      layout: this.packed ? 'packed' : this.compact ? 'compact' : 'sparse', scale: this.scale,
      slots: this.slots, decode: this.decode, slots32: this.slots32, entries: this.entries, slots16: this.slots16, entries16: this.entries16, decode10: this.decode10,
    };
  }

  /** Whether the sparse rows (keys, starts, cls, vals) are here, as they are unless built from tables. */
  get hasRows(): boolean {
    return this.keys.length === this.rows;
  }

  /** @throws when the rows are not here (a model built from load-ready tables cannot be re-encoded or pruned) */
  requireRows(what: string): void {
    if (!this.hasRows) throw new Error(`${what}: this perceptron was loaded from its lookup tables and has no rows; decode the compressed model file instead`);
  }

  private homes = new Int32Array(256);
  private fps = new Int32Array(256);
  private firsts = new Uint32Array(256);

  /**
   * Three passes so the table reads of all features are independent of each other and the
   * CPU can overlap their cache misses: hash everything, read every home slot, then add.
   */
  score(feats: Uint32Array, n: number, out: Float64Array): void {
    if (n > this.homes.length) {
      this.homes = new Int32Array(n * 2);
      this.fps = new Int32Array(n * 2);
      this.firsts = new Uint32Array(n * 2);
    }
    if (this.packed) this.scorePacked(feats, n, out);
    else if (this.compact) {
      for (let c = 0; c < this.nClasses; c++) out[c] = 0;
      this.scoreCompact(feats, 0, n, out);
    } else this.scoreSparse(feats, n, out);
  }

  /**
   * Whether scoreFrom() works: the compact layout only (the taggers' and the labeler's); the packed one
   * keeps three running sums in registers and the sparse one scales its integer sums at the end.
   */
  get canResume(): boolean {
    return this.compact;
  }

  /**
   * Adds the scores of features `from` … `n` − 1 onto `out`, in the order score() adds them: with
   * `out` holding what score() left for the first `from` features, the sums are score()'s of all
   * `n`, bit for bit (the same additions in the same order).
   */
  scoreFrom(feats: Uint32Array, from: number, n: number, out: Float64Array): void {
    if (!this.compact) throw new Error('FrozenPerceptron.scoreFrom: only the compact layout resumes a sum');
    if (n > this.homes.length) {
      this.homes = new Int32Array(n * 2);
      this.fps = new Int32Array(n * 2);
      this.firsts = new Uint32Array(n * 2);
    }
    this.scoreCompact(feats, from, n, out);
  }

  private scorePacked(feats: Uint32Array, n: number, out: Float64Array): void {
    const { homes, fps, firsts, slots, decode } = this;
    const cap = this.cap;
    const homeScale = this.homeScale;
    for (let k = 0; k < n; k++) {
      const key = feats[k];
      fps[k] = fingerprint11(key);
      homes[k] = scaledHome(key, homeScale);
    }
    for (let k = 0; k < n; k++) firsts[k] = slots[homes[k]];
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    for (let k = 0; k < n; k++) {
      const fp = fps[k];
      let v = firsts[k] | 0;
      let i = homes[k];
      while ((v & 0x7ff) !== fp && v !== 0) {
        if (++i === cap) i = 0;
        v = slots[i];
      }
      if (v === 0) continue;
      a0 += decode[(v >>> 11) & 0x7f];
      a1 += decode[(v >>> 18) & 0x7f];
      a2 += decode[v >>> 25];
    }
    out[0] = a0;
    if (this.nClasses > 1) out[1] = a1;
    if (this.nClasses > 2) out[2] = a2;
  }

  /** Adds the rows of features `from` … `n` − 1 onto `out` (score() zeroes it first). */
  private scoreCompact(feats: Uint32Array, from: number, n: number, out: Float64Array): void {
    const { homes, fps, firsts, slots16: slots, entries16, decode10 } = this;
    const cap = this.cap;
    const homeScale = this.homeScale;
    for (let k = from; k < n; k++) {
      const key = feats[k];
      fps[k] = fingerprint(key);
      homes[k] = scaledHome(key, homeScale);
    }
    for (let k = from; k < n; k++) firsts[k] = slots[homes[k] * 3];
    for (let k = from; k < n; k++) {
      const fp = fps[k];
      let f = firsts[k];
      let i = homes[k];
      while (f !== fp && f !== 0) {
        if (++i === cap) i = 0;
        f = slots[i * 3];
      }
      if (f === 0) continue;
      const e0 = slots[i * 3 + 1];
      if (e0 < NO_ENTRY) {
        out[e0 >>> 10] += decode10[e0 & 0x3ff];
        const e1 = slots[i * 3 + 2];
        if (e1 < NO_ENTRY) out[e1 >>> 10] += decode10[e1 & 0x3ff];
      } else {
        const len = (e0 >>> 4) & 0x3f;
        const word = ((e0 & 0xf) << 16) | slots[i * 3 + 2];
        for (let j = word; j < word + len; j++) {
          const e = entries16[j];
          out[e >>> 10] += decode10[e & 0x3ff];
        }
      }
    }
  }

  private scoreSparse(feats: Uint32Array, n: number, out: Float64Array): void {
    const { homes, fps, firsts, slots32: slots, entries } = this;
    const C = this.nClasses;
    const cap = this.cap;
    const homeScale = this.homeScale;
    for (let c = 0; c < C; c++) out[c] = 0;
    for (let k = 0; k < n; k++) {
      const key = feats[k];
      fps[k] = fingerprint(key);
      homes[k] = scaledHome(key, homeScale);
    }
    for (let k = 0; k < n; k++) firsts[k] = slots[homes[k] * 2];
    for (let k = 0; k < n; k++) {
      const fp = fps[k];
      let a = firsts[k];
      let i = homes[k];
      while (a >>> 16 !== fp && a !== 0) {
        if (++i === cap) i = 0;
        a = slots[i * 2];
      }
      if (a === 0) continue;
      const from = slots[i * 2 + 1];
      const to = from + (a & 0xffff);
      for (let j = from; j < to; j++) {
        const e = entries[j];
        out[e >>> 16] += (e << 16) >> 16;
      }
    }
    const scale = this.scale;
    for (let c = 0; c < C; c++) out[c] *= scale;
  }
}

/** Home slot: high bits of key × φ scaled to the capacity. */
function home(key: number, cap: number): number {
  return (((Math.imul(key, PHI) >>> 8) * cap) / 16777216) | 0;
}

/** home(key, cap) with the capacity's scale cap / 2^24 precomputed: one multiplication, the same slot. */
function scaledHome(key: number, scale: number): number {
  return ((Math.imul(key, PHI) >>> 8) * scale) | 0;
}

/** 11-bit fingerprint (packed layout) from an independent multiplier; never 0 (0 marks an empty slot). */
function fingerprint11(key: number): number {
  return (Math.imul(key ^ (key >>> 15), 0x85ebca6b) >>> 21) || 1;
}

/** 16-bit fingerprint from an independent multiplier; never 0 (0 marks an empty slot). */
function fingerprint(key: number): number {
  return (Math.imul(key ^ (key >>> 15), 0x85ebca6b) >>> 16) || 1;
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

/**
 * Append one row's averaged weights (w − u / counter) of magnitude ≥ threshold to a sparse
 * freeze's class and value lists; true when any was kept. Shared by the perceptrons' freezes.
 */
export function pushAveragedRow(w: Float32Array | Float64Array, u: Float32Array | Float64Array, counter: number, base: number, C: number, threshold: number, cls: number[], vals: number[]): boolean {
  const before = cls.length;
  for (let c = 0; c < C; c++) {
    const v = w[base + c] - u[base + c] / counter;
    if (Math.abs(v) >= threshold) {
      cls.push(c);
      vals.push(v);
    }
  }
  return cls.length > before;
}
