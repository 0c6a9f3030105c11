import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ConfigError,
  DataError,
  installGradientFixes,
  Rng,
  type Discriminator,
  type ForwardOptions,
} from '@ganforge/core';
import { checkGradient, tensorDelta } from '@ganforge/core/testing';
import { conditionalDiscriminatorComponent, conditionalDiscriminatorOptionsSchema } from '../components.js';
import { oneHotLabels } from '../conditioning/one-hot-labels.js';
import { tinyContext, values } from '../test-helpers.js';
import { ConditionalDiscriminator, innerInputShape } from './conditional-discriminator.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

type Mode = 'concat' | 'embedding' | 'projection';

function build(
  mode: Mode,
  sampleShape: number[],
  extra: Record<string, unknown> = {},
): ConditionalDiscriminator {
  const options = conditionalDiscriminatorOptionsSchema.parse({ inner: { kind: 'tiny' }, mode, ...extra });
  return conditionalDiscriminatorComponent.create(
    options,
    tinyContext(2, sampleShape, 3),
  ) as ConditionalDiscriminator;
}

/** Records the input the inner discriminator receives. */
function recordInput(d: ConditionalDiscriminator): { last?: number[]; shape?: number[] } {
  const seen: { last?: number[]; shape?: number[] } = {};
  const inner = d.inner as Discriminator & { forward: Discriminator['forward'] };
  const forward = inner.forward.bind(inner);
  inner.forward = (x: tf.Tensor, o: ForwardOptions) => {
    seen.last = values(x);
    seen.shape = x.shape;
    return forward(x, o);
  };
  return seen;
}

describe('conditional discriminator', () => {
  it('concat, flat: the inner D scores [flatten(x) ; y]', () => {
    const d = build('concat', [2, 2]);
    expect(d.inner.inputShape).toEqual([7]);
    expect(d.inputShape).toEqual([2, 2]);
    const seen = recordInput(d);
    const x = tf.tensor([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2]);
    const out = d.forward(x, { training: true, cond: oneHotLabels([2, 0], 3) });
    expect(out.score.shape).toEqual([2, 1]);
    expect(out.features.shape).toEqual([2, 8]);
    expect(seen.last).toEqual([1, 2, 3, 4, 0, 0, 1, 5, 6, 7, 8, 1, 0, 0]);
    d.dispose();
  });

  it('concat, channels (auto for [H, W, C]): the one-hot label is repeated at every position as K extra channels', () => {
    const d = build('concat', [2, 2, 1]);
    expect(d.settings.layout).toBe('channels');
    expect(d.inner.inputShape).toEqual([2, 2, 4]);
    const seen = recordInput(d);
    const x = tf.tensor([1, 2, 3, 4], [1, 2, 2, 1]);
    d.forward(x, { training: true, cond: oneHotLabels([1], 3) });
    expect(seen.shape).toEqual([1, 2, 2, 4]);
    expect(seen.last).toEqual([1, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 4, 0, 1, 0]);
    expect(build('concat', [2, 2, 1], { layout: 'flat' }).inner.inputShape).toEqual([7]);
    d.dispose();
  });

  it('embedding: a learned [K, d] table; its row joins x (flat) or fills d extra channels (conv)', () => {
    const flat = build('embedding', [3], { embeddingDim: 2 });
    expect(flat.params['embedding/table'].shape).toEqual([3, 2]);
    expect(flat.inner.inputShape).toEqual([5]);
    const seen = recordInput(flat);
    flat.forward(tf.tensor([[1, 2, 3]]), { training: true, cond: oneHotLabels([2], 3) });
    const row = values(flat.params['embedding/table']).slice(4, 6);
    expect(seen.last).toEqual([1, 2, 3, ...row]);
    const conv = build('embedding', [2, 2, 1], { embeddingDim: 2 });
    expect(conv.inner.inputShape).toEqual([2, 2, 3]);
    flat.dispose();
    conv.dispose();
  });

  it('projection (Miyato & Koyama 2018): score = ψ(φ(x)) + ⟨yᵀV, φ(x)⟩, gradients match finite differences', () => {
    const d = build('projection', [3]);
    expect(d.inner.inputShape).toEqual([3]);
    expect(d.params['projection/kernel'].shape).toEqual([3, 8]);
    const x = new Rng(7).normalTensor([4, 3]);
    const labels = [0, 2, 1, 2];
    const y = oneHotLabels(labels, 3);
    const out = d.forward(x, { training: true, cond: y });
    const inner = d.inner.forward(x, { training: true });
    const phi = inner.features.arraySync() as number[][];
    const psi = values(inner.score);
    const v = d.params['projection/kernel'].arraySync() as number[][];
    const expected = labels.map((c, i) => psi[i] + phi[i].reduce((s, f, j) => s + f * v[c][j], 0));
    const got = values(out.score);
    expected.forEach((e, i) => expect(got[i]).toBeCloseTo(e, 5));
    expect(values(out.features)).toEqual(values(inner.features));
    // ∂/∂V and ∂/∂x of Σ score (tanh inner: no kinks)
    const sumScore = (params: Record<string, tf.Tensor>, input: tf.Tensor) =>
      tf.sum(d.forward(input, { training: true, cond: y, params }).score) as tf.Scalar;
    const dv = checkGradient(
      (vk) => sumScore({ ...d.params, 'projection/kernel': vk }, x),
      d.params['projection/kernel'],
    );
    const dx = checkGradient((xi) => sumScore({ ...d.params }, xi), x);
    console.log(
      `projection D vs finite differences: ∂V ${dv.relativeError.toExponential(2)}, ∂x ${dx.relativeError.toExponential(2)}`,
    );
    expect(dv.relativeError).toBeLessThan(5e-3);
    expect(dx.relativeError).toBeLessThan(5e-3);
    d.dispose();
  });

  it('second order (R1/GP): ∂/∂θ of E‖∇ₓD(x, y)‖² matches finite differences in every mode', () => {
    const x = new Rng(9).normalTensor([3, 2, 2, 1]);
    const y = oneHotLabels([0, 2, 1], 3);
    for (const mode of ['concat', 'embedding', 'projection'] as const) {
      const d = build(mode, [2, 2, 1], mode === 'embedding' ? { embeddingDim: 2 } : {});
      const path =
        mode === 'concat'
          ? 'inner/layers/0/kernel'
          : mode === 'embedding'
            ? 'embedding/table'
            : 'projection/kernel';
      const penalty = (p: tf.Tensor) => {
        const params = { ...d.params, [path]: p };
        const gx = tf.grad((u: tf.Tensor) => tf.sum(d.forward(u, { training: true, cond: y, params }).score))(
          x,
        );
        return tf.mean(tf.sum(tf.square(gx), [1, 2, 3])) as tf.Scalar;
      };
      const { relativeError: err } = checkGradient(penalty, d.params[path]);
      console.log(`${mode}: ∂/∂${path} of E‖∇ₓD‖² vs finite differences: ${err.toExponential(2)}`);
      expect(err).toBeLessThan(1e-2);
      d.dispose();
    }
  });

  it('errors: missing labels in every mode, wrong class count, channels layout on flat samples, mismatched inner net', () => {
    for (const mode of ['concat', 'embedding', 'projection'] as const) {
      const d = build(mode, [3]);
      expect(() => d.forward(tf.ones([2, 3]), { training: true })).toThrow(DataError);
      expect(() => d.forward(tf.ones([2, 3]), { training: false })).toThrow(/no class labels/);
      expect(() => d.forward(tf.ones([2, 3]), { training: true, cond: tf.ones([2, 5]) })).toThrow(
        /5 classes, but the network was built for 3/,
      );
      d.dispose();
    }
    expect(() => innerInputShape([4], { mode: 'concat', numClasses: 3, layout: 'channels' })).toThrow(
      /layout "channels" needs \[height, width, channels\] samples, got \[4\]/,
    );
    const d = build('concat', [3]);
    expect(
      () =>
        new ConditionalDiscriminator(
          d.inner,
          [4],
          { mode: 'concat', numClasses: 3, layout: 'flat' },
          new Rng(1),
        ),
    ).toThrow(ConfigError);
    d.dispose();
  });

  it('substitute params reach the inner net, and a forward pass leaves no tensor behind', async () => {
    const d = build('projection', [3]);
    const x = new Rng(8).normalTensor([2, 3]);
    const y = oneHotLabels([1, 0], 3);
    const zeroed = Object.fromEntries(Object.entries(d.params).map(([k, v]) => [k, tf.zerosLike(v)]));
    expect(values(d.forward(x, { training: true, cond: y, params: zeroed }).score)).toEqual([0, 0]);
    d.forward(x, { training: true, cond: y }).score.dispose();
    expect(
      await tensorDelta(() =>
        tf.dispose(
          Object.values(d.forward(x, { training: true, cond: y })).filter((t) => t instanceof tf.Tensor),
        ),
      ),
    ).toBe(0);
    d.dispose();
  });
});
