import * as tf from '@tensorflow/tfjs';

/*
 * Helpers for this folder's tests only (not exported from the package): central finite
 * differences and whole-tensor relative error, as TRAPS.md "How acceptance numbers are meant"
 * defines them.
 */

/** Backends every gradient test runs on. */
export const TEST_BACKENDS = ['cpu', 'wasm'] as const;

/** Pins `name` as the tfjs backend (importing the wasm backend first when asked for). */
export async function useBackend(name: string): Promise<void> {
  if (name === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  await tf.setBackend(name);
  await tf.ready();
}

/** ‖a − b‖₂ / ‖b‖₂ over all entries, accumulated in float64. */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < b.length; i++) {
    num += (a[i] - b[i]) ** 2;
    den += b[i] ** 2;
  }
  return Math.sqrt(num) / Math.sqrt(den);
}

/**
 * Central finite differences (f(w + h·eᵢ) − f(w − h·eᵢ)) / 2h of a scalar function over every
 * entry of `w`, in float32 as tfjs computes it.
 */
export function finiteDifferenceGradient(
  f: (w: tf.Tensor) => tf.Scalar,
  w: tf.Tensor,
  h = 1e-3,
): Float64Array {
  const base = w.dataSync() as Float32Array;
  const out = new Float64Array(base.length);
  const evalAt = (i: number, delta: number): number => {
    const values = Float32Array.from(base);
    values[i] += delta;
    return tf.tidy(() => f(tf.tensor(values, w.shape)).dataSync()[0]);
  };
  for (let i = 0; i < base.length; i++) out[i] = (evalAt(i, h) - evalAt(i, -h)) / (2 * h);
  return out;
}

/** Deterministic normal draws (Box–Muller over a small LCG) so tests do not depend on tf seeds. */
export function normals(n: number, seed: number, scale = 1): Float32Array {
  let s = seed >>> 0 || 1;
  const uniform = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 1) / 4294967297;
  };
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = scale * Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  }
  return out;
}

/** Smallest |value| of a tensor: the distance of pre-activations from a kink at 0. */
export function minAbs(t: tf.Tensor): number {
  return tf.tidy(() => tf.min(tf.abs(t)).dataSync()[0]);
}
