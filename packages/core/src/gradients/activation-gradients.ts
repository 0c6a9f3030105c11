import * as tf from '@tensorflow/tfjs';

/** λ·α and λ of SELU (Klambauer et al., 2017, arXiv:1706.02515), as tfjs uses them. */
const SELU_SCALE = 1.0507009873554805;
const SELU_SCALE_ALPHA = 1.7580993408473766;

/*
 * Why these exist: tfjs 4.22's gradients of Exp, Sigmoid, Tanh, Elu and Softmax use the kernel's
 * saved OUTPUT y. The engine saves y by cloning it, and records that clone on the tape BEFORE the
 * node that produced y. Backprop walks the tape backwards, so a second-order gradient that reaches
 * the clone arrives after y's producer was already processed and is dropped: the result is silently
 * wrong (tanh critic gradient penalty 92 % off, TRAPS.md) or throws when y is the only path.
 * Saving the INPUT instead (inputsToSave) puts the clone after x's producer, and recomputing
 * y = f(x) inside the gradient records a proper, differentiable path.
 */

function unary(kernelName: string, derivative: (x: tf.Tensor, dy: tf.Tensor) => tf.Tensor): tf.GradConfig {
  return {
    kernelName,
    inputsToSave: ['x'],
    gradFunc: (dy, saved) => {
      const [x] = saved;
      return { x: () => derivative(x, dy as tf.Tensor) };
    },
  };
}

/**
 * Gradient configs that recompute from the input, twice differentiable:
 * - Exp: dy·eˣ
 * - Sigmoid: dy·σ(x)(1 − σ(x))
 * - Tanh: dy·(1 − tanh²x)
 * - Elu (α = 1): dy where x > 0, else dy·e^{min(x,0)} (the min keeps e^x finite in the branch
 *   that `where` discards, so 0·∞ cannot make the second derivative NaN)
 * - Selu: λ·dy where x > 0, else λα·dy·e^{min(x,0)}
 * - Softmax: y ⊙ (dy − Σ(dy ⊙ y)) with y = softmax(logits) recomputed
 * - LogSoftmax (the kernel; `tf.logSoftmax` itself is a customGrad, see {@link logSoftmax}):
 *   dy − Σdy · softmax(logits)
 *
 * Softplus (dy·σ(x), input saved) and sigmoid cross-entropy (relu, abs, exp, log1p) need no
 * config of their own: they become exact at second order once Exp and Sigmoid are fixed and the
 * comparison kernels have zero gradients.
 */
export function activationGradientConfigs(): tf.GradConfig[] {
  return [
    unary('Exp', (x, dy) => tf.mul(dy, tf.exp(x))),
    unary('Sigmoid', (x, dy) => {
      const s = tf.sigmoid(x);
      return tf.mul(dy, tf.mul(s, tf.sub(1, s)));
    }),
    unary('Tanh', (x, dy) => tf.mul(dy, tf.sub(1, tf.square(tf.tanh(x))))),
    unary('Elu', (x, dy) => tf.where(tf.greater(x, 0), dy, tf.mul(dy, tf.exp(tf.minimum(x, 0))))),
    unary('Selu', (x, dy) =>
      tf.where(
        tf.greater(x, 0),
        tf.mul(dy, SELU_SCALE),
        tf.mul(tf.mul(dy, SELU_SCALE_ALPHA), tf.exp(tf.minimum(x, 0))),
      ),
    ),
    {
      kernelName: 'Softmax',
      inputsToSave: ['logits'],
      gradFunc: (dy, saved, attrs) => {
        const [logits] = saved;
        const dim = attrs.dim as number;
        return {
          logits: () => {
            const y = tf.softmax(logits, dim);
            const dyTimesY = tf.mul(dy as tf.Tensor, y);
            return tf.sub(dyTimesY, tf.mul(tf.sum(dyTimesY, dim, true), y));
          },
        };
      },
    },
    {
      kernelName: 'LogSoftmax',
      inputsToSave: ['logits'],
      gradFunc: (dy, saved, attrs) => {
        const [logits] = saved;
        const axis = attrs.axis as number;
        return {
          logits: () =>
            tf.sub(dy as tf.Tensor, tf.mul(tf.sum(dy as tf.Tensor, axis, true), tf.softmax(logits, axis))),
        };
      },
    },
  ];
}

/** Registers {@link activationGradientConfigs} with `tf.registerGradient`, replacing tfjs' own. */
export function registerActivationGradients(): void {
  for (const config of activationGradientConfigs()) tf.registerGradient(config);
}
