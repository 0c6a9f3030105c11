import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ConfigError,
  Rng,
  type Discriminator,
  type DiscriminatorOutput,
  type ForwardOptions,
  type ParamTree,
  type VariableTree,
} from '@ganforge/core';
import { checkGradient, tinyMlpDiscriminator } from '@ganforge/core/testing';
import { packSamples } from './pack-samples.js';
import { PackedDiscriminator } from './packed-discriminator.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A body that records the shape of every input it scores. */
function recording(body: Discriminator): { body: Discriminator; seen: number[][] } {
  const seen: number[][] = [];
  const wrapper: Discriminator = {
    params: body.params,
    state: body.state,
    supportsSubstituteParams: true,
    inputShape: body.inputShape,
    forward: (x, o) => {
      seen.push(x.shape);
      return body.forward(x, o);
    },
    dispose: () => body.dispose(),
  };
  return { body: wrapper, seen };
}

/** A body with state: score = x·W; a counter in its state that each training pass increments. */
class CountingBody implements Discriminator {
  readonly params: VariableTree = { 'score/kernel': tf.variable(tf.tensor2d([1, -1, 2, 0.5], [4, 1])) };
  readonly state: VariableTree = { count: tf.variable(tf.scalar(0), false) };
  readonly supportsSubstituteParams = true;
  readonly inputShape = [4];
  forward(x: tf.Tensor, o: ForwardOptions): DiscriminatorOutput {
    const p = o.params ?? this.params;
    const s = o.state ?? this.state;
    const score = tf.matMul(x, p['score/kernel']);
    return { score, features: x, state: { count: o.training ? tf.add(s.count, 1) : s.count } };
  }
  dispose(): void {
    tf.dispose([...Object.values(this.params), ...Object.values(this.state)]);
  }
}

const tanhBody = (inputSize: number, seed = 1) =>
  tinyMlpDiscriminator([inputSize], new Rng(seed, 'init'), { hidden: [6], activation: 'tanh' });

describe('PackedDiscriminator', () => {
  it('batch 8 of 2-D samples, m = 4: the body sees [2, 8] and the score is [2, 1]', () => {
    const { body, seen } = recording(tanhBody(8));
    const d = new PackedDiscriminator(body, [2], 4);
    const x = new Rng(3, 'x').normalTensor([8, 2]);
    const out = d.forward(x, { training: true });
    expect(seen).toEqual([[2, 8]]);
    expect(out.score.shape).toEqual([2, 1]);
    expect(out.features.shape).toEqual([2, 6]);
    // Exactly the body's output on the packed batch.
    const direct = body.forward(packSamples(x, 4), { training: true });
    expect(Array.from(out.score.dataSync())).toEqual(Array.from(direct.score.dataSync()));
    expect(Array.from(out.features.dataSync())).toEqual(Array.from(direct.features.dataSync()));
    d.dispose();
  });

  it('flattens images: [4, 2, 2, 1] with m = 2 → the body sees [2, 8], score [2, 1]', () => {
    const { body, seen } = recording(tanhBody(8));
    const d = new PackedDiscriminator(body, [2, 2, 1], 2);
    expect(d.inputShape).toEqual([2, 2, 1]);
    const out = d.forward(tf.ones([4, 2, 2, 1]), { training: false });
    expect(seen).toEqual([[2, 8]]);
    expect(out.score.shape).toEqual([2, 1]);
    d.dispose();
  });

  it("exposes the body's params and state under body/ and adds none", () => {
    const d = new PackedDiscriminator(tanhBody(8), [2], 4);
    expect(Object.keys(d.params).sort()).toEqual([
      'body/layers/0/bias',
      'body/layers/0/kernel',
      'body/layers/1/bias',
      'body/layers/1/kernel',
    ]);
    expect(d.params['body/layers/0/kernel']).toBe(d.body.params['layers/0/kernel']);
    expect(d.packing).toBe(4);
    d.dispose();
  });

  it('refuses a body of the wrong width and a packing below 2, as ConfigErrors', () => {
    const body = tanhBody(6);
    expect(() => new PackedDiscriminator(body, [2], 4)).toThrow(ConfigError);
    expect(() => new PackedDiscriminator(body, [2], 4)).toThrow(
      'pacgan: the body discriminator takes [6], expected [8] (4 packed samples of 2 values)',
    );
    expect(() => new PackedDiscriminator(body, [6], 1)).toThrow(/packing must be an integer ≥ 2/);
    body.dispose();
  });

  it('a batch that is not a multiple of m fails at forward time with a ConfigError naming the path', () => {
    const d = new PackedDiscriminator(tanhBody(8), [2], 4);
    const x = tf.zeros([10, 2]);
    expect(() => d.forward(x, { training: true })).toThrow(ConfigError);
    expect(() => d.forward(x, { training: true })).toThrow(
      /a batch of 10 samples cannot be packed in groups of discriminator\.packing = 4/,
    );
    x.dispose();
    d.dispose();
  });

  it('passes substitute params and state through to the body, returns its new state under body/, drops cond', () => {
    const d = new PackedDiscriminator(new CountingBody(), [2], 2);
    expect(Object.keys(d.state)).toEqual(['body/count']);
    const x = tf.tensor2d([1, 2, 0, -1, 3, 1, 2, 2], [4, 2]);
    const cond = tf.oneHot(tf.tensor1d([0, 1, 0, 1], 'int32'), 2);
    const own = d.forward(x, { training: true, cond });
    // Packs [1, 2, 0, −1] and [3, 1, 2, 2] times W = [1, −1, 2, 0.5]: −1.5 and 7.
    expect(Array.from(own.score.dataSync())).toEqual([-1.5, 7]);
    expect(own.state['body/count'].dataSync()[0]).toBe(1);
    expect(d.state['body/count'].dataSync()[0]).toBe(0); // returned, never assigned
    const doubled: ParamTree = { 'body/score/kernel': tf.mul(d.params['body/score/kernel'], 2) };
    const sub = d.forward(x, { training: false, params: doubled, state: { 'body/count': tf.scalar(7) } });
    expect(Array.from(sub.score.dataSync())).toEqual([-3, 14]);
    expect(sub.state['body/count'].dataSync()[0]).toBe(7);
    expect(() => d.forward(x, { training: false, params: {} })).toThrow(
      'pacgan: substitute params lack 1 path(s) of the discriminator: body/score/kernel',
    );
    tf.dispose([x, cond]);
    d.dispose();
  });

  it('gradients of the score w.r.t. every body param and w.r.t. the input match central finite differences', () => {
    const d = new PackedDiscriminator(tanhBody(8, 5), [2], 4);
    const x = new Rng(9, 'x').normalTensor([8, 2]);
    const w = tf.tensor2d([0.7, -1.3], [2, 1]); // weights the two packs' scores differently
    const paths = Object.keys(d.params);
    const scoreOf = (input: tf.Tensor, params?: ParamTree) =>
      tf.sum(tf.mul(d.forward(input, { training: true, params }).score, w)) as tf.Scalar;
    const errors: Record<string, number> = {};
    for (const path of paths) {
      const check = checkGradient((v) => scoreOf(x, { ...d.params, [path]: v }), d.params[path]);
      errors[path] = check.relativeError;
      expect(check.relativeError, path).toBeLessThan(1e-2);
      // The wrapper's gradient is the body's on the packed batch, bit for bit.
      const direct = tf.tidy(() =>
        tf.grad((v: tf.Tensor) => {
          const bodyParams = { ...d.body.params, [path.slice('body/'.length)]: v };
          return tf.sum(
            tf.mul(d.body.forward(packSamples(x, 4), { training: true, params: bodyParams }).score, w),
          );
        })(d.body.params[path.slice('body/'.length)]),
      );
      expect(Array.from(check.analytic)).toEqual(Array.from(direct.dataSync()));
      direct.dispose();
    }
    const input = checkGradient((v) => scoreOf(v), x);
    errors.input = input.relativeError;
    expect(input.relativeError).toBeLessThan(1e-2);
    // Every sample gets a gradient (each lies in exactly one pack).
    for (let j = 0; j < 8; j++)
      expect(Math.hypot(input.analytic[2 * j], input.analytic[2 * j + 1])).toBeGreaterThan(0);
    console.log(
      `pacgan gradients vs FD (h 1e-3): ${Object.entries(errors)
        .map(([k, e]) => `${k} ${e.toExponential(2)}`)
        .join(', ')}`,
    );
    tf.dispose([x, w]);
    d.dispose();
  });
});
