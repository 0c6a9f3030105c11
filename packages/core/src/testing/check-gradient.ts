import * as tf from '@tensorflow/tfjs';

/** Result of {@link checkGradient}. */
export interface GradientCheck {
  /** Whole-tensor relative error ‖analytic − numeric‖₂ / ‖numeric‖₂ (TRAPS.md). */
  relativeError: number;
  analytic: Float32Array;
  numeric: Float32Array;
}

/** Options of {@link checkGradient}. */
export interface GradientCheckOptions {
  /** Finite-difference step (default 1e-3, the float32 sweet spot measured in TRAPS.md). */
  h?: number;
}

/**
 * Compares `tf.grad(f)(x)` with central finite differences (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h over
 * every entry of `x`, and returns the whole-tensor relative error. `f` must return a scalar.
 * Keep `x` small: this costs 2·size(x) evaluations of `f`.
 */
export function checkGradient(
  f: (x: tf.Tensor) => tf.Scalar,
  x: tf.Tensor,
  options: GradientCheckOptions = {},
): GradientCheck {
  const h = options.h ?? 1e-3;
  const analyticT = tf.tidy(() => tf.grad(f)(x));
  const analytic = analyticT.dataSync() as Float32Array;
  analyticT.dispose();
  const base = x.dataSync().slice() as Float32Array;
  const numeric = new Float32Array(base.length);
  const evalAt = (values: Float32Array): number => {
    const y = tf.tidy(() => f(tf.tensor(values, x.shape, 'float32')));
    const v = y.dataSync()[0];
    y.dispose();
    return v;
  };
  for (let i = 0; i < base.length; i++) {
    const plus = base.slice();
    plus[i] += h;
    const minus = base.slice();
    minus[i] -= h;
    numeric[i] = (evalAt(plus) - evalAt(minus)) / (2 * h);
  }
  return { relativeError: relativeError(analytic, numeric), analytic, numeric };
}

/** ‖a − b‖₂ / ‖b‖₂ over all entries (0 when both are zero). */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let norm = 0;
  for (let i = 0; i < b.length; i++) {
    diff += (a[i] - b[i]) ** 2;
    norm += b[i] ** 2;
  }
  if (norm === 0) return diff === 0 ? 0 : Infinity;
  return Math.sqrt(diff / norm);
}
