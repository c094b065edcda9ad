/**
 * A bidirectional LSTM stack with hand-written forward and backward passes over Float32Arrays
 * (docs/nlp.md "Round twelve"). Sequences are row-major n × dim arrays. Gates per step: i, f, o, g.
 */
import { Param } from './param.js';
import { dot, axpy } from './blas.js';

/** Activations one direction keeps for its backward pass. */
interface Trace {
  n: number;
  x: Float32Array;
  /** n × 4H gate activations (i, f, o after the sigmoid; g after tanh) */
  gates: Float32Array;
  /** n × H cell states and their tanh */
  c: Float32Array;
  tc: Float32Array;
  /** n × H outputs */
  h: Float32Array;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** One direction of one layer. */
export class LstmDirection {
  readonly wx: Param;
  readonly wh: Param;
  readonly b: Param;

  constructor(name: string, readonly inDim: number, readonly hidden: number, readonly reverse: boolean, random: () => number) {
    const H = hidden;
    this.wx = Param.matrix(`${name}.wx`, 4 * H, inDim, random);
    this.wh = Param.matrix(`${name}.wh`, 4 * H, H, random);
    this.b = Param.zeros(`${name}.b`, 4 * H);
    this.b.w.fill(1, H, 2 * H); // forget-gate bias 1 (Jozefowicz et al. 2015)
  }

  params(): Param[] {
    return [this.wx, this.wh, this.b];
  }

  forward(x: Float32Array, n: number): Trace {
    const H = this.hidden, I = this.inDim, G = 4 * H;
    const wx = this.wx.w, wh = this.wh.w, b = this.b.w;
    const gates = new Float32Array(n * G);
    const c = new Float32Array(n * H);
    const tc = new Float32Array(n * H);
    const h = new Float32Array(n * H);
    // input projections of every step first (no recurrence), then the recurrence
    for (let t = 0; t < n; t++) for (let r = 0; r < G; r++) gates[t * G + r] = b[r] + dot(wx, r * I, x, t * I, I);
    for (let s = 0; s < n; s++) {
      const t = this.reverse ? n - 1 - s : s;
      const prev = s === 0 ? -1 : this.reverse ? t + 1 : t - 1;
      const go = t * G;
      for (let r = 0; r < G; r++) {
        const z = prev >= 0 ? gates[go + r] + dot(wh, r * H, h, prev * H, H) : gates[go + r];
        gates[go + r] = r < 3 * H ? sigmoid(z) : Math.tanh(z);
      }
      for (let k = 0; k < H; k++) {
        const cPrev = prev >= 0 ? c[prev * H + k] : 0;
        const cell = gates[go + H + k] * cPrev + gates[go + k] * gates[go + 3 * H + k];
        c[t * H + k] = cell;
        const th = Math.tanh(cell);
        tc[t * H + k] = th;
        h[t * H + k] = gates[go + 2 * H + k] * th;
      }
    }
    return { n, x, gates, c, tc, h };
  }

  /** Adds parameter gradients; returns dL/dx (n × inDim) given dL/dh (n × H). */
  backward(tr: Trace, dh: Float32Array): Float32Array {
    const H = this.hidden, I = this.inDim, G = 4 * H;
    const { n, x, gates, c, tc, h } = tr;
    const wx = this.wx.w, wh = this.wh.w;
    const gwx = this.wx.g, gwh = this.wh.g, gb = this.b.g;
    const dG = new Float32Array(n * G);
    const dhNext = new Float32Array(H);
    const dcNext = new Float64Array(H);
    for (let s = n - 1; s >= 0; s--) {
      const t = this.reverse ? n - 1 - s : s;
      const prev = s === 0 ? -1 : this.reverse ? t + 1 : t - 1;
      const go = t * G;
      for (let k = 0; k < H; k++) {
        const dhk = dh[t * H + k] + dhNext[k];
        const i = gates[go + k], f = gates[go + H + k], o = gates[go + 2 * H + k], g = gates[go + 3 * H + k];
        const th = tc[t * H + k];
        const dc = dhk * o * (1 - th * th) + dcNext[k];
        const cPrev = prev >= 0 ? c[prev * H + k] : 0;
        dG[go + k] = dc * g * i * (1 - i);
        dG[go + H + k] = dc * cPrev * f * (1 - f);
        dG[go + 2 * H + k] = dhk * th * o * (1 - o);
        dG[go + 3 * H + k] = dc * i * (1 - g * g);
        dcNext[k] = dc * f;
      }
      dhNext.fill(0);
      if (prev < 0) continue;
      for (let r = 0; r < G; r++) {
        const d = dG[go + r];
        if (d === 0) continue;
        axpy(d, h, prev * H, gwh, r * H, H);
        axpy(d, wh, r * H, dhNext, 0, H);
      }
    }
    // the input side, outside the recurrence
    const dx = new Float32Array(n * I);
    for (let t = 0; t < n; t++) {
      for (let r = 0; r < G; r++) {
        const d = dG[t * G + r];
        if (d === 0) continue;
        gb[r] += d;
        axpy(d, x, t * I, gwx, r * I, I);
        axpy(d, wx, r * I, dx, t * I, I);
      }
    }
    return dx;
  }
}

/** Activations of a whole stack for one sequence. */
export interface StackTrace {
  layers: Array<{ fw: Trace; bw: Trace; mask: Float32Array | null }>;
  out: Float32Array;
}

/** Layers of forward + backward directions, outputs concatenated (2H); dropout on each layer's input. */
export class BiLstm {
  readonly layers: Array<{ fw: LstmDirection; bw: LstmDirection }>;

  constructor(readonly inDim: number, readonly hidden: number, depth: number, random: () => number) {
    this.layers = [];
    for (let l = 0; l < depth; l++) {
      const d = l === 0 ? inDim : 2 * hidden;
      this.layers.push({ fw: new LstmDirection(`lstm${l}.fw`, d, hidden, false, random), bw: new LstmDirection(`lstm${l}.bw`, d, hidden, true, random) });
    }
  }

  get outDim(): number {
    return 2 * this.hidden;
  }

  params(): Param[] {
    return this.layers.flatMap((l) => [...l.fw.params(), ...l.bw.params()]);
  }

  /** `dropout` > 0 with `random`: inverted dropout on every layer's input after the first */
  forward(x: Float32Array, n: number, dropout = 0, random?: () => number): StackTrace {
    const H = this.hidden;
    const layers: StackTrace['layers'] = [];
    let input = x;
    for (let l = 0; l < this.layers.length; l++) {
      let mask: Float32Array | null = null;
      if (l > 0 && dropout > 0 && random) {
        mask = dropoutMask(input.length, dropout, random);
        input = input.map((v, k) => v * mask![k]);
      }
      const fw = this.layers[l].fw.forward(input, n);
      const bw = this.layers[l].bw.forward(input, n);
      layers.push({ fw, bw, mask });
      input = concat(fw.h, bw.h, n, H);
    }
    return { layers, out: input };
  }

  /** Adds parameter gradients; returns dL/dx of the stack's input. */
  backward(tr: StackTrace, dout: Float32Array): Float32Array {
    const H = this.hidden;
    let d = dout;
    for (let l = this.layers.length - 1; l >= 0; l--) {
      const { fw, bw, mask } = tr.layers[l];
      const n = fw.n;
      const dfw = new Float32Array(n * H), dbw = new Float32Array(n * H);
      for (let t = 0; t < n; t++) {
        for (let k = 0; k < H; k++) {
          dfw[t * H + k] = d[t * 2 * H + k];
          dbw[t * H + k] = d[t * 2 * H + H + k];
        }
      }
      const dx = this.layers[l].fw.backward(fw, dfw);
      const dxb = this.layers[l].bw.backward(bw, dbw);
      for (let k = 0; k < dx.length; k++) dx[k] += dxb[k];
      if (mask) for (let k = 0; k < dx.length; k++) dx[k] *= mask[k];
      d = dx;
    }
    return d;
  }
}

function concat(a: Float32Array, b: Float32Array, n: number, H: number): Float32Array {
  const out = new Float32Array(n * 2 * H);
  for (let t = 0; t < n; t++) {
    out.set(a.subarray(t * H, t * H + H), t * 2 * H);
    out.set(b.subarray(t * H, t * H + H), t * 2 * H + H);
  }
  return out;
}

/** inverted-dropout mask: 0 with probability p, else 1 / (1 − p) */
export function dropoutMask(size: number, p: number, random: () => number): Float32Array {
  const mask = new Float32Array(size);
  const keep = 1 / (1 - p);
  for (let k = 0; k < size; k++) mask[k] = random() < p ? 0 : keep;
  return mask;
}
