import * as tf from '@tensorflow/tfjs';
import { ConfigError, type Rng } from '@ganforge/core';
import { checkSameDimension, toFeatureMatrix, type FeatureInput } from '../features/feature-matrix.js';
import { binomialUpperTail } from './binomial-tail.js';

/** Options of {@link classifierTwoSampleTest}. */
export interface C2stOptions {
  /** Random stream of the split and the initial weights (the run's `metrics` stream in a metric). */
  rng: Rng;
  /** Hidden ReLU units of the MLP (default 16); 0 = logistic regression. */
  hidden?: number;
  /** Full-batch Adam steps (default 200). */
  steps?: number;
  /** Adam's learning rate (default 0.01; β₁ 0.9, β₂ 0.999, ε 1e-8). */
  learningRate?: number;
  /** Share of the pooled samples held out for testing (default 0.5). */
  testFraction?: number;
}

/** What {@link classifierTwoSampleTest} reports. */
export interface C2stResult {
  /** Held-out accuracy: 0.5 = indistinguishable, 1 = perfectly separable. */
  accuracy: number;
  /** Exact one-sided binomial p-value P(Binomial(nTest, ½) ≥ correct) under H₀: accuracy = ½. */
  pValue: number;
  /** Held-out samples, nTest. */
  testSize: number;
  /** Correctly classified held-out samples. */
  correct: number;
  /** Accuracy on the training split (far above `accuracy` = the classifier overfits). */
  trainAccuracy: number;
}

type Params = tf.Tensor[];

function forward(params: Params, x: tf.Tensor2D): tf.Tensor1D {
  if (params.length === 2) return tf.add(tf.matMul(x, params[0]), params[1]).reshape([-1]) as tf.Tensor1D;
  const h = tf.relu(tf.add(tf.matMul(x, params[0]), params[1]));
  return tf.add(tf.matMul(h, params[2]), params[3]).reshape([-1]) as tf.Tensor1D;
}

/** PyTorch nn.Linear's draw: weights and biases from U(±1/√fan_in), here from `rng`. */
function linear(rng: Rng, fanIn: number, fanOut: number): Params {
  const bound = 1 / Math.sqrt(fanIn);
  return [
    tf.tensor2d(rng.uniformArray(fanIn * fanOut, -bound, bound), [fanIn, fanOut]),
    tf.tensor1d(rng.uniformArray(fanOut, -bound, bound)),
  ];
}

function correctCount(params: Params, x: tf.Tensor2D, labels: Float32Array): number {
  const logits = tf.tidy(() => forward(params, x));
  const z = logits.dataSync();
  logits.dispose();
  let correct = 0;
  for (let i = 0; i < z.length; i++) if (z[i] > 0 === (labels[i] === 1)) correct++;
  return correct;
}

/**
 * The classifier two-sample test (C2ST, Lopez-Paz & Oquab 2017, arXiv:1610.06545). Real rows
 * (label 1) and generated rows (label 0) are pooled and shuffled with `rng`; a share
 * `testFraction` is held out. The rest, standardised by its own mean and standard deviation, trains
 * a 1-hidden-layer ReLU MLP (or logistic regression, `hidden: 0`) initialised from `rng` (PyTorch's
 * U(±1/√fan_in)) by `steps` full-batch Adam steps on the mean logistic loss
 * L = (1/N) Σ softplus(f(xᵢ)) − yᵢ f(xᵢ), all in plain tfjs ops. On the held-out set, accuracy
 * t = (1/nTest) Σ 1[(f(xᵢ) > 0) = yᵢ], and under H₀ (same distribution) nTest·t ~ Binomial(nTest, ½),
 * so the p-value is the exact upper tail P(Binomial(nTest, ½) ≥ nTest·t), not the paper's normal
 * approximation N(½, 1/(4nTest)) (the two agree for large nTest; the exact tail is right for small
 * ones too). Deterministic for a given `rng` state on one backend. An accuracy near 0.5 is weak
 * evidence: a small classifier misses what it cannot represent (TRAPS.md: an MLP misses variance
 * changes in 2-D), so report it beside precision/recall and MMD.
 */
export function classifierTwoSampleTest(
  real: FeatureInput,
  fake: FeatureInput,
  options: C2stOptions,
): C2stResult {
  const hidden = options.hidden ?? 16;
  const steps = options.steps ?? 200;
  const lr = options.learningRate ?? 0.01;
  const testFraction = options.testFraction ?? 0.5;
  if (!(Number.isInteger(hidden) && hidden >= 0))
    throw new ConfigError(`hidden must be a non-negative integer, got ${hidden}`, 'hidden');
  if (!(Number.isInteger(steps) && steps >= 0))
    throw new ConfigError(`steps must be a non-negative integer, got ${steps}`, 'steps');
  if (!(lr > 0)) throw new ConfigError(`learningRate must be > 0, got ${lr}`, 'learningRate');
  if (!(testFraction > 0 && testFraction < 1))
    throw new ConfigError(
      `testFraction must lie strictly between 0 and 1, got ${testFraction}`,
      'testFraction',
    );
  const x = toFeatureMatrix(real, 'real samples');
  const y = toFeatureMatrix(fake, 'generated samples');
  checkSameDimension(x, y);
  const total = x.rows + y.rows;
  const d = x.dim;
  const nTest = Math.round(total * testFraction);
  if (nTest < 1 || total - nTest < 2)
    throw new ConfigError(
      `${total} pooled samples leave ${nTest} held out and ${total - nTest} for training: use more samples or another testFraction`,
      'testFraction',
    );
  const order = options.rng.permutation(total);
  const row = (p: number): [Float64Array, number] =>
    p < x.rows
      ? [x.values.subarray(p * d, (p + 1) * d), 1]
      : [y.values.subarray((p - x.rows) * d, (p - x.rows + 1) * d), 0];
  const nTrain = total - nTest;
  const mean = new Float64Array(d);
  const sd = new Float64Array(d);
  for (let i = nTest; i < total; i++) {
    const [v] = row(order[i]);
    for (let t = 0; t < d; t++) mean[t] += v[t] / nTrain;
  }
  for (let i = nTest; i < total; i++) {
    const [v] = row(order[i]);
    for (let t = 0; t < d; t++) sd[t] += (v[t] - mean[t]) ** 2 / nTrain;
  }
  for (let t = 0; t < d; t++) sd[t] = Math.sqrt(sd[t]) < 1e-12 ? 1 : Math.sqrt(sd[t]);
  const split = (from: number, to: number): { values: Float32Array; labels: Float32Array } => {
    const values = new Float32Array((to - from) * d);
    const labels = new Float32Array(to - from);
    for (let i = from; i < to; i++) {
      const [v, label] = row(order[i]);
      for (let t = 0; t < d; t++) values[(i - from) * d + t] = (v[t] - mean[t]) / sd[t];
      labels[i - from] = label;
    }
    return { values, labels };
  };
  const test = split(0, nTest);
  const train = split(nTest, total);

  const xTrain = tf.tensor2d(train.values, [nTrain, d]);
  const yTrain = tf.tensor1d(train.labels);
  const xTest = tf.tensor2d(test.values, [nTest, d]);
  let params: Params =
    hidden === 0
      ? linear(options.rng, d, 1)
      : [...linear(options.rng, d, hidden), ...linear(options.rng, hidden, 1)];
  let m = params.map((p) => tf.zerosLike(p));
  let v = params.map((p) => tf.zerosLike(p));
  try {
    const gradients = tf.grads((...ps: tf.Tensor[]) => {
      const z = forward(ps, xTrain);
      return tf.mean(tf.sub(tf.softplus(z), tf.mul(yTrain, z)));
    });
    const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
    for (let step = 1; step <= steps; step++) {
      const c1 = 1 - beta1 ** step;
      const c2 = 1 - beta2 ** step;
      const next = tf.tidy(() => {
        const g = gradients(params);
        const m1 = g.map((gi, i) => tf.add(tf.mul(m[i], beta1), tf.mul(gi, 1 - beta1)));
        const v1 = g.map((gi, i) => tf.add(tf.mul(v[i], beta2), tf.mul(tf.square(gi), 1 - beta2)));
        const p1 = params.map((p, i) =>
          tf.sub(p, tf.mul(lr, tf.div(tf.div(m1[i], c1), tf.add(tf.sqrt(tf.div(v1[i], c2)), eps)))),
        );
        return [...p1, ...m1, ...v1];
      });
      tf.dispose([...params, ...m, ...v]);
      const k = params.length;
      params = next.slice(0, k);
      m = next.slice(k, 2 * k);
      v = next.slice(2 * k);
    }
    const correct = correctCount(params, xTest, test.labels);
    return {
      accuracy: correct / nTest,
      pValue: binomialUpperTail(correct, nTest, 0.5),
      testSize: nTest,
      correct,
      trainAccuracy: correctCount(params, xTrain, train.labels) / nTrain,
    };
  } finally {
    tf.dispose([xTrain, yTrain, xTest, ...params, ...m, ...v]);
  }
}
