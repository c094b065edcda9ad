/** A dense layer with leaky ReLU over n rows (the parser's arc and label MLPs; docs/nlp.md "Round twelve"). */
import { Param } from './param.js';
import { dot, axpy } from './blas.js';

const LEAK = 0.1;

export class Dense {
  readonly w: Param;
  readonly b: Param;

  constructor(name: string, readonly inDim: number, readonly outDim: number, random: () => number) {
    this.w = Param.matrix(`${name}.w`, outDim, inDim, random);
    this.b = Param.zeros(`${name}.b`, outDim);
  }

  params(): Param[] {
    return [this.w, this.b];
  }

  /** leaky-ReLU(W x + b) for each of the n rows of x */
  forward(x: Float32Array, n: number): Float32Array {
    const I = this.inDim, O = this.outDim, w = this.w.w, b = this.b.w;
    const y = new Float32Array(n * O);
    for (let t = 0; t < n; t++) {
      const xo = t * I;
      for (let r = 0; r < O; r++) {
        const z = b[r] + dot(w, r * I, x, xo, I);
        y[t * O + r] = z > 0 ? z : LEAK * z;
      }
    }
    return y;
  }

  /** adds parameter gradients and dL/dx into dx, given the layer's input x, output y and dL/dy */
  backward(x: Float32Array, y: Float32Array, dy: Float32Array, n: number, dx: Float32Array): void {
    const I = this.inDim, O = this.outDim, w = this.w.w, gw = this.w.g, gb = this.b.g;
    for (let t = 0; t < n; t++) {
      const xo = t * I;
      for (let r = 0; r < O; r++) {
        const d = dy[t * O + r] * (y[t * O + r] > 0 ? 1 : LEAK);
        if (d === 0) continue;
        gb[r] += d;
        axpy(d, x, xo, gw, r * I, I);
        axpy(d, w, r * I, dx, xo, I);
      }
    }
  }
}
