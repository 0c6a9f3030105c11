import * as tf from '@tensorflow/tfjs';

/**
 * `x` with no gradient path back to what it was computed from: the same values (the same data
 * buffer, no copy), but a new tensor that no gradient tape links to `x`'s producers, so
 * ∂(·)/∂(anything upstream of x) through it is 0.
 *
 * tfjs has no stop-gradient op. A `tf.customGrad` identity with a zero gradient gives the same
 * value but stays on the tape, so the backward pass still walks everything upstream of it with
 * zeros; this cut instead drops that subgraph from the tape's x → y filter entirely. That is
 * what makes the first-order unrolled step cheaper than the second-order one, not only different.
 * It does what the backends' `Identity` kernel does (one more reference to the data buffer, a
 * new tensor over it) without recording the op; disposing either tensor leaves the other valid.
 */
export function stopGradient<T extends tf.Tensor>(x: T): T {
  const engine = tf.engine();
  engine.backend.incRef(x.dataId);
  return engine.makeTensorFromDataId(x.dataId, x.shape, x.dtype) as T;
}
