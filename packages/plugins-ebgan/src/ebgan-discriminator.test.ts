import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, installGradientFixes, Rng, type ParamTree } from '@ganforge/core';
import { checkGradient } from '@ganforge/core/testing';
import { ebganDiscriminator, ebganDiscriminatorOptionsSchema } from './ebgan-discriminator.js';
import { reconstructionEnergy } from './energy.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

const shapes = (tree: ParamTree) => Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, v.shape]));

describe('reconstructionEnergy', () => {
  it('is the per-sample mean over features of the squared reconstruction error, [batch, 1]', () => {
    const x = tf.tensor3d([
      [
        [1, -1],
        [0.5, 0],
      ],
      [
        [0, 0],
        [0, 0],
      ],
    ]);
    const r = tf.tensor3d([
      [
        [0, -1],
        [0.5, 2],
      ],
      [
        [1, 1],
        [-1, 1],
      ],
    ]);
    const e = reconstructionEnergy(x, r);
    expect(e.shape).toEqual([2, 1]);
    // sample 0: (1 + 0 + 0 + 4)/4 = 1.25; sample 1: 4/4 = 1
    expect(Array.from(e.dataSync())).toEqual([1.25, 1]);
    tf.dispose([x, r, e]);
  });
});

describe('ebgan discriminator', () => {
  it('mlp body: encoder → code → mirrored decoder, score = energy [n, 1], features = code [n, codeDim]', () => {
    const d = ebganDiscriminator({ hidden: [8, 6], codeDim: 3 }, { rng: new Rng(1), sampleShape: [2] });
    expect(shapes(d.params)).toEqual({
      'encoder/layers/0/kernel': [2, 8],
      'encoder/layers/0/bias': [8],
      'encoder/layers/2/kernel': [8, 6],
      'encoder/layers/2/bias': [6],
      'encoder/layers/4/kernel': [6, 3],
      'encoder/layers/4/bias': [3],
      'decoder/layers/0/kernel': [3, 6],
      'decoder/layers/0/bias': [6],
      'decoder/layers/2/kernel': [6, 8],
      'decoder/layers/2/bias': [8],
      'decoder/layers/4/kernel': [8, 2],
      'decoder/layers/4/bias': [2],
    });
    const x = new Rng(2).normalTensor([5, 2]);
    const out = d.forward(x, { training: true });
    expect(out.score.shape).toEqual([5, 1]);
    expect(out.features.shape).toEqual([5, 3]);
    const ae = d.autoencode(x, { training: true });
    const byHand = tf.tidy(() => tf.mean(tf.square(tf.sub(ae.reconstruction, x)), 1, true));
    expect(Array.from(out.score.dataSync())).toEqual(Array.from(byHand.dataSync()));
    expect(Array.from(out.features.dataSync())).toEqual(Array.from(ae.code.dataSync()));
    expect(Math.min(...out.score.dataSync())).toBeGreaterThan(0);
    tf.dispose([x, out.score, out.features, ae.code, ae.reconstruction, byHand]);
    d.dispose();
  });

  it('honours substitute params: zero weights reconstruct 0, so the energy is mean(x²)', () => {
    const d = ebganDiscriminator({ hidden: [4], codeDim: 2 }, { rng: new Rng(1), sampleShape: [3] });
    const zeros = tf.tidy(() =>
      Object.fromEntries(Object.entries(d.params).map(([k, v]) => [k, tf.zerosLike(v)])),
    );
    const x = tf.tensor2d([
      [1, -1, 0.5],
      [0, 0.3, 0],
    ]);
    const out = d.forward(x, { training: false, params: zeros });
    const e = out.score.dataSync();
    expect(e[0]).toBeCloseTo(2.25 / 3, 6);
    expect(e[1]).toBeCloseTo(0.09 / 3, 6);
    const partial = { ...zeros };
    delete partial['decoder/layers/2/kernel'];
    expect(() => d.forward(x, { training: false, params: partial })).toThrow(ConfigError);
    expect(() => d.forward(x, { training: false, params: partial })).toThrow(
      'substitute params of the ebgan discriminator lack 1 path(s): decoder/layers/2/kernel',
    );
    tf.dispose([x, out.score, out.features, ...Object.values(zeros)]);
    d.dispose();
  });

  it('mlp body on images flattens and reshapes back; conv body maps [16, 16, 1] through 2 stages', () => {
    const mlp = ebganDiscriminator({ hidden: [8], codeDim: 4 }, { rng: new Rng(1), sampleShape: [4, 4, 1] });
    const x = new Rng(3).uniformTensor([2, 4, 4, 1], -1, 1);
    const ae = mlp.autoencode(x, { training: true });
    expect(ae.reconstruction.shape).toEqual([2, 4, 4, 1]);
    expect(ae.code.shape).toEqual([2, 4]);
    tf.dispose([x, ae.code, ae.reconstruction]);
    mlp.dispose();

    const conv = ebganDiscriminator(
      { body: 'conv', width: 2, codeDim: 5 },
      { rng: new Rng(1), sampleShape: [16, 16, 1] },
    );
    expect(shapes(conv.params)).toEqual({
      'encoder/layers/0/kernel': [4, 4, 1, 2],
      'encoder/layers/0/bias': [2],
      'encoder/layers/2/kernel': [4, 4, 2, 4],
      'encoder/layers/2/bias': [4],
      'encoder/layers/5/kernel': [64, 5],
      'encoder/layers/5/bias': [5],
      'decoder/layers/0/kernel': [5, 64],
      'decoder/layers/0/bias': [64],
      'decoder/layers/3/kernel': [4, 4, 2, 4],
      'decoder/layers/3/bias': [2],
      'decoder/layers/5/kernel': [4, 4, 1, 2],
      'decoder/layers/5/bias': [1],
    });
    const img = new Rng(4).uniformTensor([3, 16, 16, 1], -1, 1);
    const out = conv.autoencode(img, { training: true });
    expect(out.reconstruction.shape).toEqual([3, 16, 16, 1]);
    expect(out.code.shape).toEqual([3, 5]);
    const score = conv.forward(img, { training: true });
    expect(score.score.shape).toEqual([3, 1]);
    tf.dispose([img, out.code, out.reconstruction, score.score, score.features]);
    conv.dispose();
  });

  it('init: mlp defaults to fan-in-uniform (weights and biases U(±1/√fan_in)), conv to dcgan-normal', () => {
    const absMax = (t: tf.Tensor) => Math.max(...Array.from(t.dataSync()).map(Math.abs));
    const mlp = ebganDiscriminator({ hidden: [128], codeDim: 8 }, { rng: new Rng(4), sampleShape: [2] });
    // fan_in 2 for the first encoder layer, 128 for the code layer, 8 for the first decoder layer
    for (const [key, fanIn] of [
      ['encoder/layers/0', 2],
      ['encoder/layers/2', 128],
      ['decoder/layers/0', 8],
    ] as const) {
      const bound = 1 / Math.sqrt(fanIn);
      for (const part of ['kernel', 'bias']) {
        const v = absMax(mlp.params[`${key}/${part}`]!);
        expect(v).toBeLessThanOrEqual(bound);
        // 8 or more uniform draws reach past 0.6 of the bound with probability ≥ 1 − 0.6⁸ ≈ 98 %
        expect(v).toBeGreaterThan(0.6 * bound);
      }
    }
    // the default is exactly init 'fan-in-uniform' (same draws from the same stream)
    const explicit = ebganDiscriminator(
      { hidden: [128], codeDim: 8, init: 'fan-in-uniform' },
      { rng: new Rng(4), sampleShape: [2] },
    );
    for (const key of Object.keys(mlp.params))
      expect(Array.from(mlp.params[key]!.dataSync())).toEqual(Array.from(explicit.params[key]!.dataSync()));
    mlp.dispose();
    explicit.dispose();
    const glorot = ebganDiscriminator(
      { hidden: [128], codeDim: 8, init: 'glorot-uniform' },
      { rng: new Rng(4), sampleShape: [2] },
    );
    expect(absMax(glorot.params['encoder/layers/0/bias']!)).toBe(0);
    glorot.dispose();
    const conv = ebganDiscriminator(
      { body: 'conv', width: 2, codeDim: 5 },
      { rng: new Rng(1), sampleShape: [16, 16, 1] },
    );
    expect(absMax(conv.params['encoder/layers/0/bias']!)).toBe(0);
    const k = Array.from(conv.params['encoder/layers/5/kernel']!.dataSync());
    const std = Math.sqrt(k.reduce((s, v) => s + v * v, 0) / k.length);
    expect(std).toBeGreaterThan(0.015);
    expect(std).toBeLessThan(0.025);
    conv.dispose();
  });

  it('the energy gradient matches finite differences (input and a kernel; tanh body)', () => {
    const d = ebganDiscriminator(
      { hidden: [6], codeDim: 3, activation: 'tanh' },
      { rng: new Rng(5), sampleShape: [3] },
    );
    const x = new Rng(6).normalTensor([4, 3]);
    const dx = checkGradient((v) => tf.sum(d.forward(v, { training: true }).score) as tf.Scalar, x);
    expect(dx.relativeError).toBeLessThan(1e-2);
    const key = 'encoder/layers/0/kernel';
    const kernel = d.params[key];
    const dk = checkGradient(
      (k) => tf.sum(d.forward(x, { training: true, params: { ...d.params, [key]: k } }).score) as tf.Scalar,
      kernel,
    );
    expect(dk.relativeError).toBeLessThan(1e-2);
    expect(Math.max(...Array.from(dk.numeric).map(Math.abs))).toBeGreaterThan(1e-3);
    x.dispose();
    d.dispose();
  });

  it('validates options: defaults, fields of the other body, vector data for conv', () => {
    expect(ebganDiscriminatorOptionsSchema.parse({})).toEqual({
      body: 'mlp',
      codeDim: 64,
      activation: 'leaky-relu',
      leakyReluAlpha: 0.2,
      codeActivation: 'linear',
      outputActivation: 'linear',
    });
    const wrong = ebganDiscriminatorOptionsSchema.safeParse({ width: 8 });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]).toMatchObject({
      path: ['width'],
      message: "'width' applies only to body 'conv'",
    });
    const wrongConv = ebganDiscriminatorOptionsSchema.safeParse({ body: 'conv', hidden: [8] });
    expect(wrongConv.error?.issues[0]).toMatchObject({
      path: ['hidden'],
      message: "'hidden' applies only to body 'mlp'",
    });
    expect(ebganDiscriminatorOptionsSchema.safeParse({ margin: 1 }).success).toBe(false);
    expect(() => ebganDiscriminator({ body: 'conv' }, { rng: new Rng(1), sampleShape: [2] })).toThrow(
      "ebgan discriminator with body 'conv' needs image samples [height, width, channels], got [2]; use body 'mlp' for vectors",
    );
    expect(() =>
      ebganDiscriminator({ body: 'conv', stages: 3 }, { rng: new Rng(1), sampleShape: [12, 12, 1] }),
    ).toThrow("ebgan discriminator: 12×12 is not divisible by 2^3; choose 'stages' so that it is");
  });
});
