/**
 * Parameters of the small neural parser (docs/nlp.md "Round twelve"): a weight array with its gradient
 * and Adam's moments, Glorot initialisation, Adam with global gradient-norm clipping.
 */

export class Param {
  readonly g: Float32Array;
  readonly m: Float32Array;
  readonly v: Float32Array;
  /** rows touched since the last step (embedding tables: only those rows are stepped); null = dense */
  readonly touched: Uint8Array | null;

  constructor(readonly name: string, readonly w: Float32Array, readonly rowSize = 0) {
    this.g = new Float32Array(w.length);
    this.m = new Float32Array(w.length);
    this.v = new Float32Array(w.length);
    this.touched = rowSize > 0 ? new Uint8Array(w.length / rowSize) : null;
  }

  /** Glorot-uniform rows × cols matrix (row-major: out × in) */
  static matrix(name: string, rows: number, cols: number, random: () => number): Param {
    const w = new Float32Array(rows * cols);
    const a = Math.sqrt(6 / (rows + cols));
    for (let i = 0; i < w.length; i++) w[i] = (2 * random() - 1) * a;
    return new Param(name, w);
  }

  static zeros(name: string, size: number): Param {
    return new Param(name, new Float32Array(size));
  }

  /** an embedding table (rows × dim), small uniform init, stepped sparsely */
  static embedding(name: string, rows: number, dim: number, random: () => number, scale = 0.1): Param {
    const w = new Float32Array(rows * dim);
    for (let i = 0; i < w.length; i++) w[i] = (2 * random() - 1) * scale;
    return new Param(name, w, dim);
  }

  /** marks an embedding row as touched (its gradient is nonzero) */
  touch(row: number): void {
    if (this.touched) this.touched[row] = 1;
  }
}

export interface AdamOptions {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  /** gradients are scaled down to this global L2 norm when larger (0: no clipping) */
  clip: number;
}

/**
 * Adam (Kingma & Ba 2015) over a list of parameters; gradients are divided by `scale` (the batch's
 * token count) and zeroed after the step. Embedding tables are stepped on their touched rows only
 * (lazy Adam: a row's moments age only when it is used), which keeps a step proportional to the batch.
 */
export class Adam {
  private t = 0;

  constructor(readonly params: Param[], readonly opts: AdamOptions) {}

  step(scale: number): number {
    this.t++;
    const { lr, beta1, beta2, eps, clip } = this.opts;
    let norm2 = 0;
    for (const p of this.params) forRows(p, (from, to) => {
      for (let i = from; i < to; i++) norm2 += (p.g[i] / scale) ** 2;
    });
    const norm = Math.sqrt(norm2);
    const k = (clip > 0 && norm > clip ? clip / norm : 1) / scale;
    const c1 = 1 - beta1 ** this.t;
    const c2 = 1 - beta2 ** this.t;
    const rate = (lr * Math.sqrt(c2)) / c1;
    for (const p of this.params) {
      const { w, g, m, v } = p;
      forRows(p, (from, to) => {
        for (let i = from; i < to; i++) {
          const gi = g[i] * k;
          m[i] = beta1 * m[i] + (1 - beta1) * gi;
          v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
          w[i] -= (rate * m[i]) / (Math.sqrt(v[i]) + eps);
          g[i] = 0;
        }
      });
      p.touched?.fill(0);
    }
    return norm;
  }
}

/** calls f over the index ranges of p that hold gradient: all of it, or an embedding table's touched rows */
function forRows(p: Param, f: (from: number, to: number) => void): void {
  if (!p.touched) return f(0, p.w.length);
  const d = p.rowSize;
  for (let r = 0; r < p.touched.length; r++) if (p.touched[r]) f(r * d, r * d + d);
}
