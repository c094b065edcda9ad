/**
 * The two vector kernels the neural parser spends its time in, unrolled by four (V8 keeps four
 * independent accumulators in registers). Float32Array only, so each call site stays monomorphic.
 */

/** Σ a[ao + k] · b[bo + k], k < n */
export function dot(a: Float32Array, ao: number, b: Float32Array, bo: number, n: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let k = 0;
  for (; k + 3 < n; k += 4) {
    s0 += a[ao + k] * b[bo + k];
    s1 += a[ao + k + 1] * b[bo + k + 1];
    s2 += a[ao + k + 2] * b[bo + k + 2];
    s3 += a[ao + k + 3] * b[bo + k + 3];
  }
  for (; k < n; k++) s0 += a[ao + k] * b[bo + k];
  return s0 + s1 + s2 + s3;
}

/** y[yo + k] += alpha · x[xo + k], k < n */
export function axpy(alpha: number, x: Float32Array, xo: number, y: Float32Array, yo: number, n: number): void {
  let k = 0;
  for (; k + 3 < n; k += 4) {
    y[yo + k] += alpha * x[xo + k];
    y[yo + k + 1] += alpha * x[xo + k + 1];
    y[yo + k + 2] += alpha * x[xo + k + 2];
    y[yo + k + 3] += alpha * x[xo + k + 3];
  }
  for (; k < n; k++) y[yo + k] += alpha * x[xo + k];
}
