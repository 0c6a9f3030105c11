// The baseline of bench/mlp-gan: the benchmark GAN written directly against tfjs, computing the
// same StepLogs quantities as GANForge's trainer (losses, accuracies, gradient norms) with one
// packed read per step.
import * as tf from '@tensorflow/tfjs';

interface Dense {
  w: tf.Variable;
  b: tf.Variable;
}

function dense(nIn: number, nOut: number): Dense {
  const limit = Math.sqrt(6 / (nIn + nOut));
  return { w: tf.variable(tf.randomUniform([nIn, nOut], -limit, limit)), b: tf.variable(tf.zeros([nOut])) };
}

function mlp(sizes: number[]): Dense[] {
  return sizes.slice(1).map((n, i) => dense(sizes[i], n));
}

function apply(layers: Dense[], x: tf.Tensor, out: (t: tf.Tensor) => tf.Tensor): tf.Tensor {
  let h = x;
  layers.forEach((l, i) => {
    const y = tf.add(tf.matMul(h, l.w), l.b);
    h = i < layers.length - 1 ? tf.leakyRelu(y, 0.2) : out(y);
  });
  return h;
}

const vars = (layers: Dense[]) => layers.flatMap((l) => [l.w, l.b]);
const norm = (grads: Record<string, tf.Tensor>) =>
  tf.sqrt(tf.addN(Object.values(grads).map((g) => tf.sum(tf.square(g)))));

/** Builds the hand-written loop; `step()` runs one D and one G update and reads logs once. */
export function handLoop(batch = 64, latent = 64) {
  const g = mlp([latent, 256, 256, 784]);
  const d = mlp([784, 256, 256, 1]);
  const real = tf.randomUniform([batch, 784], -1, 1);
  const optG = tf.train.adam(2e-4, 0.5, 0.999, 1e-8);
  const optD = tf.train.adam(2e-4, 0.5, 0.999, 1e-8);
  return {
    step(): number[] {
      const kept: tf.Tensor[] = [];
      const keep = <T extends tf.Tensor>(t: T): T => {
        kept.push(tf.keep(t));
        return t;
      };
      const packed = tf.tidy(() => {
        const z = tf.randomNormal([batch, latent]);
        const fake = apply(g, z, tf.tanh);
        let dReal!: tf.Scalar, dFake!: tf.Scalar, accReal!: tf.Scalar, accFake!: tf.Scalar;
        const dg = tf.variableGrads(() => {
          const sr = apply(d, real, (t) => t);
          const sf = apply(d, fake, (t) => t);
          dReal = keep(tf.mean(tf.softplus(tf.neg(sr))));
          dFake = keep(tf.mean(tf.softplus(sf)));
          accReal = keep(tf.mean(tf.cast(tf.greater(sr, 0), 'float32')));
          accFake = keep(tf.mean(tf.cast(tf.lessEqual(sf, 0), 'float32')));
          return tf.add(dReal, dFake) as tf.Scalar;
        }, vars(d));
        const dNorm = norm(dg.grads);
        optD.applyGradients(dg.grads as Record<string, tf.Variable>);
        const z2 = tf.randomNormal([batch, latent]);
        const gg = tf.variableGrads(() => {
          const sf = apply(d, apply(g, z2, tf.tanh), (t) => t);
          return tf.mean(tf.softplus(tf.neg(sf))) as tf.Scalar;
        }, vars(g));
        const gNorm = norm(gg.grads);
        optG.applyGradients(gg.grads as Record<string, tf.Variable>);
        return tf.stack([gg.value, dg.value, dReal, dFake, accReal, accFake, dNorm, gNorm]);
      });
      const values = Array.from(packed.dataSync());
      packed.dispose();
      kept.forEach((t) => t.dispose());
      if (!values.every(Number.isFinite)) throw new Error('hand loop diverged');
      return values;
    },
    dispose() {
      [...vars(g), ...vars(d)].forEach((v) => v.dispose());
      real.dispose();
      optG.dispose();
      optD.dispose();
    },
  };
}
