import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '@ganforge/core';
import { fromLayersModel } from './layers-model.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('fromLayersModel', () => {
  it('wraps a generator: latent size, output shape, weights by structural path', () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [3], units: 4, activation: 'relu' }),
        tf.layers.dense({ units: 6, activation: 'tanh' }),
        tf.layers.reshape({ targetShape: [2, 3] }),
      ],
    });
    const g = fromLayersModel(model, 'generator');
    expect(g.latentDim).toBe(3);
    expect(g.outputShape).toEqual([2, 3]);
    expect(g.supportsSubstituteParams).toBe(false);
    expect(Object.keys(g.params).sort()).toEqual([
      'layers/0/bias',
      'layers/0/kernel',
      'layers/1/bias',
      'layers/1/kernel',
    ]);
    expect(g.params['layers/0/kernel'].shape).toEqual([3, 4]);
    expect(g.generate(tf.ones([5, 3]), { training: false }).x.shape).toEqual([5, 2, 3]);
    g.dispose();
  });

  it('wraps a discriminator with penultimate features and BN state; refuses substitute params with a clear error', () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [2], units: 5 }),
        tf.layers.batchNormalization(),
        tf.layers.dense({ units: 1 }),
      ],
    });
    const d = fromLayersModel(model, 'discriminator');
    expect(d.inputShape).toEqual([2]);
    expect(Object.keys(d.state).sort()).toEqual(['layers/1/moving_mean', 'layers/1/moving_variance']);
    const x = tf.ones([4, 2]);
    const out = d.forward(x, { training: false });
    expect(out.score.shape).toEqual([4, 1]);
    expect(out.features.shape).toEqual([4, 5]);
    // the model's own variables are accepted as "substitutes"
    expect(d.forward(x, { training: false, params: { ...d.params } }).score.shape).toEqual([4, 1]);
    const other = Object.fromEntries(Object.entries(d.params).map(([k, v]) => [k, tf.mul(v, 2)]));
    expect(() => d.forward(x, { training: false, params: other })).toThrow(ConfigError);
    expect(() => d.forward(x, { training: false, params: other })).toThrow(
      /supportsSubstituteParams is false/,
    );
    d.dispose();
  });
});
