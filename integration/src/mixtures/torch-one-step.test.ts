// One generator step of the non-saturating GAN and of WGAN-GP against the same-net PyTorch twin
// (bench/mixtures/torch_mixtures.py --fixture), on the same weights, batches, noise and
// interpolation ε: losses, both nets' gradients and the parameters after one Adam step.
// Regenerate the fixture with:
//   /usr/bin/python3 bench/mixtures/torch_mixtures.py --fixture integration/src/mixtures/fixtures/torch-one-step.json
import * as tf from '@tensorflow/tfjs';
import { adam, installGradientFixes, Rng, type Discriminator, type ParamTree } from '@ganforge/core';
import { relativeError } from '@ganforge/core/testing';
import {
  bceDiscriminatorLoss,
  nonSaturatingGeneratorLoss,
  wassersteinCriticLoss,
  wassersteinGeneratorLoss,
} from '@ganforge/losses';
import { mlpDiscriminator, mlpGenerator } from '@ganforge/models';
import { gradientPenalty } from '@ganforge/plugin-wgan';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';

type Nested = number | Nested[];
interface Case {
  g_init: Record<string, Nested>;
  d_init: Record<string, Nested>;
  real: number[][];
  z_d: number[][];
  eps: number[][];
  z_g: number[][];
  d_loss: number;
  d_grads: Record<string, Nested>;
  d_after: Record<string, Nested>;
  g_loss: number;
  g_grads: Record<string, Nested>;
  g_after: Record<string, Nested>;
}
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/torch-one-step.json', import.meta.url), 'utf8'),
) as {
  hidden: number[];
  adam: { lr: number; beta1: number; beta2: number; epsilon: number };
  cases: Record<string, Case>;
};

/** PyTorch `N.weight` [out, in] / `N.bias` → GANForge `layers/N/kernel` [in, out] / `layers/N/bias`. */
function fromTorch(named: Record<string, Nested>): Record<string, Float32Array> {
  const out: Record<string, Float32Array> = {};
  for (const [name, value] of Object.entries(named)) {
    const [index, kind] = name.split('.');
    if (kind === 'bias') out[`layers/${index}/bias`] = Float32Array.from(value as number[]);
    else {
      const w = value as number[][];
      const t = Float32Array.from(
        { length: w.length * w[0].length },
        (_, k) => w[k % w.length][Math.floor(k / w.length)],
      );
      out[`layers/${index}/kernel`] = t;
    }
  }
  return out;
}

function expectClose(ours: ParamTree, theirs: Record<string, Nested>, tolerance: number, what: string): void {
  const expected = fromTorch(theirs);
  expect(Object.keys(ours).sort()).toEqual(Object.keys(expected).sort());
  for (const [path, t] of Object.entries(ours)) {
    const err = relativeError(t.dataSync() as Float32Array, expected[path]);
    expect(err, `${what} ${path}: relative error ${err}`).toBeLessThan(tolerance);
  }
}

function assign(net: { params: Record<string, tf.Variable> }, named: Record<string, Nested>): void {
  for (const [path, values] of Object.entries(fromTorch(named))) {
    const v = net.params[path];
    v.assign(tf.tensor(values, v.shape));
  }
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

describe('one step against the same-net PyTorch twin (G 2→8→8→2, D 2→8→8→1 ReLU, batch 16)', () => {
  for (const variant of ['non-saturating', 'wgan-gp'] as const) {
    it(`${variant}: D loss, D gradients and Adam step, then G loss, G gradients and Adam step`, () => {
      const c = fixture.cases[variant];
      const build = { rng: new Rng(0, 'init'), latentDim: 2, sampleShape: [2] };
      const net = { hidden: fixture.hidden, activation: 'relu' as const };
      const g = mlpGenerator({ ...net, outputActivation: 'linear' }, build);
      const d: Discriminator = mlpDiscriminator(net, build);
      assign(g, c.g_init);
      assign(d, c.d_init);
      const before = tf.memory().numTensors;
      tf.tidy(() => {
        const real = tf.tensor2d(c.real);
        const fake = g.generate(tf.tensor2d(c.z_d), { training: true }).x;
        const eps = tf.tensor2d(c.eps);
        const dLoss = (p: ParamTree): tf.Scalar => {
          const r = d.forward(real, { training: true, params: p }).score;
          const f = d.forward(fake, { training: true, params: p }).score;
          if (variant === 'non-saturating') {
            const parts = bceDiscriminatorLoss(r, f);
            return tf.add(parts.real, parts.fake) as tf.Scalar;
          }
          const parts = wassersteinCriticLoss(r, f);
          const gp = gradientPenalty(d, real, fake, eps, { params: p }).penalty;
          return tf.add(tf.add(parts.real, parts.fake), tf.mul(gp, 0.1)) as tf.Scalar;
        };
        const dPaths = Object.keys(d.params);
        const dValue = tf.valueAndGrads((...ts: tf.Tensor[]) =>
          dLoss(Object.fromEntries(dPaths.map((k, i) => [k, ts[i]]))),
        )(dPaths.map((k) => d.params[k]));
        expect(dValue.value.dataSync()[0]).toBeCloseTo(c.d_loss, 5);
        const dGrads = Object.fromEntries(dPaths.map((k, i) => [k, dValue.grads[i]]));
        expectClose(dGrads, c.d_grads, 1e-5, 'D gradient');
        const opt = adam(fixture.adam);
        const dStep = opt.update(dGrads, opt.init({ ...d.params }), { ...d.params });
        expectClose(dStep.params, c.d_after, 1e-6, 'D after Adam');

        const gPaths = Object.keys(g.params);
        const z = tf.tensor2d(c.z_g);
        const gValue = tf.valueAndGrads((...ts: tf.Tensor[]) => {
          const x = g.generate(z, {
            training: true,
            params: Object.fromEntries(gPaths.map((k, i) => [k, ts[i]])),
          }).x;
          const s = d.forward(x, { training: true, params: dStep.params }).score;
          return variant === 'non-saturating' ? nonSaturatingGeneratorLoss(s) : wassersteinGeneratorLoss(s);
        })(gPaths.map((k) => g.params[k]));
        expect(gValue.value.dataSync()[0]).toBeCloseTo(c.g_loss, 5);
        const gGrads = Object.fromEntries(gPaths.map((k, i) => [k, gValue.grads[i]]));
        expectClose(gGrads, c.g_grads, 1e-5, 'G gradient');
        const gStep = opt.update(gGrads, opt.init({ ...g.params }), { ...g.params });
        expectClose(gStep.params, c.g_after, 1e-6, 'G after Adam');
      });
      expect(tf.memory().numTensors).toBe(before);
      g.dispose();
      d.dispose();
    });
  }
});
