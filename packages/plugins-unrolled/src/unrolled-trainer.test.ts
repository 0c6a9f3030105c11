import * as tf from '@tensorflow/tfjs';
import {
  AdversarialTrainer,
  ConfigError,
  installGradientFixes,
  type Batch,
  type GanLoss,
  type LossContext,
  type Optimizer,
  type PackedLogs,
  type StepLogs,
  type TrainerParts,
} from '@ganforge/core';
import {
  expectNoTensorLeak,
  relativeError,
  testingClipHook,
  testingL2Regularizer,
  testingNonSaturatingLoss,
} from '@ganforge/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  adam,
  pointSampler,
  readTrees,
  sgd,
  tinyParts,
  unrolledObjective,
  type TinyPartsOptions,
} from './test-helpers.js';
import { releaseUnrolled } from './unroll-discriminator.js';
import { UnrolledTrainer } from './unrolled-trainer.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

function dispose(parts: TrainerParts, ...trainers: { dispose(): void }[]): void {
  for (const t of trainers) t.dispose();
  parts.generator.dispose();
  parts.discriminator.dispose();
}

/** Everything a step leaves behind: both networks' variables and both optimizers' states. */
function snapshot(parts: TrainerParts, trainer: AdversarialTrainer): Record<string, number[]> {
  const { tensors } = trainer.getState();
  return readTrees({
    g: parts.generator.params,
    gState: parts.generator.state,
    d: parts.discriminator.params,
    dState: parts.discriminator.state,
    ...tensors,
  });
}

const withEverything = (): TinyPartsOptions => ({
  statefulD: true,
  dSteps: 2,
  regularizers: [testingL2Regularizer('discriminator', 1e-2), testingL2Regularizer('generator', 1e-3)],
  hooks: [testingClipHook('discriminatorUpdate', 0.6)],
  dOptimizer: adam({ lr: 2e-2, beta1: 0.5 }),
  gOptimizer: adam({ lr: 2e-2, beta1: 0.5 }),
});

describe('UnrolledTrainer', () => {
  it('with K = 0 reproduces the default trainer bit for bit after 10 seeded steps (same logs too)', () => {
    const run = (make: (parts: TrainerParts) => AdversarialTrainer) => {
      const parts = tinyParts(3, withEverything());
      const trainer = make(parts);
      const sampler = pointSampler(parts.streams.data);
      const logs: StepLogs[] = [];
      for (let i = 0; i < 10; i++) logs.push(trainer.step(sampler));
      const state = snapshot(parts, trainer);
      dispose(parts, trainer);
      return { state, logs };
    };
    const ours = run((parts) => new UnrolledTrainer(parts, { unrollSteps: 0, firstOrder: false }));
    const theirs = run((parts) => new AdversarialTrainer(parts));
    expect(Object.keys(ours.state).length).toBe(Object.keys(theirs.state).length);
    expect(Object.keys(ours.state)).toContain('dState/running/mean');
    expect(Object.keys(ours.state)).toContain('optimizer/discriminator/m/layers/0/kernel');
    for (const [key, values] of Object.entries(theirs.state)) expect(ours.state[key], key).toEqual(values);
    for (let i = 0; i < 10; i++) {
      const { step_time_ms: _a, unrolled_d_loss, ...a } = ours.logs[i];
      const { step_time_ms: _b, ...b } = theirs.logs[i];
      expect(a).toEqual(b);
      expect(Number.isFinite(unrolled_d_loss)).toBe(true);
    }
  });

  it("leaves D's params, state and optimizer state bit-identical across the unroll (K = 3, Adam, stateful D, clip hook)", () => {
    const seen: Record<string, number[]>[] = [];
    class Probe extends UnrolledTrainer {
      protected override generatorLossContext(
        batch: Batch,
        z: tf.Tensor,
        fake: tf.Tensor,
        step: number,
        logs: PackedLogs,
      ): LossContext {
        const d = this.parts.discriminator;
        seen.push(readTrees({ d: d.params, dState: d.state, opt: this.discriminatorOptimizerState }));
        return super.generatorLossContext(batch, z, fake, step, logs);
      }
    }
    const parts = tinyParts(4, withEverything());
    const trainer = new Probe(parts, { unrollSteps: 3, firstOrder: false });
    const sampler = pointSampler(parts.streams.data);
    for (let i = 0; i < 3; i++) {
      trainer.step(sampler);
      const d = parts.discriminator;
      const after = readTrees({
        d: d.params,
        dState: d.state,
        opt: trainer.getState().tensors['optimizer/discriminator'],
      });
      expect(Object.keys(after).length).toBe(4 + 1 + (2 * 4 + 2));
      expect(after).toEqual(seen[i]);
    }
    // …and the unroll did move the discriminator it trained G against.
    expect(seen[1]).not.toEqual(seen[0]);
    dispose(parts, trainer);
  });

  for (const firstOrder of [false, true]) {
    it(`leaks no tensor (K = 2, ${firstOrder ? 'first' : 'second'} order, stateful D, regularizers, hook, dSteps 2)`, async () => {
      const parts = tinyParts(5, withEverything());
      const trainer = new UnrolledTrainer(parts, { unrollSteps: 2, firstOrder });
      const sampler = pointSampler(parts.streams.data);
      const report = await expectNoTensorLeak(() => trainer.step(sampler));
      console.info(
        `tensors at steps 20/70/120 (${firstOrder ? 'first' : 'second'} order): ${Object.values(report.counts).join('/')}`,
      );
      dispose(parts, trainer);
    });
  }

  it('holds nothing between steps: after dispose() only the networks remain (first and second order)', () => {
    for (const firstOrder of [false, true]) {
      const parts = tinyParts(5, withEverything());
      const before = tf.memory().numTensors;
      const trainer = new UnrolledTrainer(parts, { unrollSteps: 3, firstOrder });
      const sampler = pointSampler(parts.streams.data);
      for (let i = 0; i < 3; i++) trainer.step(sampler);
      trainer.dispose();
      expect(tf.memory().numTensors).toBe(before);
      dispose(parts);
    }
  });

  it("applies g₂ (K = 2) to G: the trainer's gradient equals the unrolled objective's, and differs from g₁", () => {
    const grads = (firstOrder: boolean) => {
      const recorded: Record<string, Float32Array> = {};
      const recorder: Optimizer = {
        name: 'recorder',
        init: () => ({}),
        update: (g, _state, params) => {
          for (const [p, t] of Object.entries(g)) recorded[p] = t.dataSync().slice() as Float32Array;
          return {
            params: Object.fromEntries(Object.entries(params).map(([p, v]) => [p, tf.clone(v)])),
            state: {},
          };
        },
      };
      let captured: { z: tf.Tensor; x: tf.Tensor } | undefined;
      const base = testingNonSaturatingLoss();
      const loss: GanLoss = {
        ...base,
        generatorLoss: (ctx) => {
          if (captured) tf.dispose([captured.z, captured.x]);
          captured = { z: tf.keep(ctx.z.clone()), x: tf.keep(ctx.real.x.clone()) };
          return base.generatorLoss(ctx);
        },
      };
      const parts = tinyParts(6, { loss, gOptimizer: recorder, dOptimizer: adam({ lr: 0.05, beta1: 0.5 }) });
      const trainer = new UnrolledTrainer(parts, { unrollSteps: 2, firstOrder });
      const sampler = pointSampler(parts.streams.data);
      for (let i = 0; i < 12; i++) trainer.step(sampler);
      // After the step D is where the unroll started (the G update does not touch it).
      const dOpt = trainer.getState().tensors['optimizer/discriminator'];
      const { z, x } = captured as { z: tf.Tensor; x: tf.Tensor };
      const errors: number[] = [];
      const gaps: number[] = [];
      for (const path of Object.keys(parts.generator.params)) {
        const held: tf.Tensor[] = [];
        const w = parts.generator.params[path];
        const expected = tf.tidy(() =>
          tf.grad(unrolledObjective({ ...parts, loss: base }, { x }, z, path, dOpt, 2, firstOrder, held))(w),
        );
        const other = tf.tidy(() =>
          tf.grad(unrolledObjective({ ...parts, loss: base }, { x }, z, path, dOpt, 2, !firstOrder, held))(w),
        );
        releaseUnrolled(held);
        errors.push(relativeError(recorded[path], expected.dataSync()));
        gaps.push(relativeError(other.dataSync(), recorded[path]));
        tf.dispose([expected, other]);
      }
      tf.dispose([z, x]);
      dispose(parts, trainer);
      return { errors, gaps };
    };
    for (const firstOrder of [false, true]) {
      const { errors, gaps } = grads(firstOrder);
      console.info(
        `trainer vs objective (${firstOrder ? 'g₁' : 'g₂'}): max rel err ${Math.max(...errors).toExponential(2)}, gap to the other ${gaps.map((g) => g.toFixed(3)).join(', ')}`,
      );
      for (const e of errors) expect(e).toBeLessThan(1e-6);
      expect(Math.max(...gaps)).toBeGreaterThan(0.1);
    }
  });

  it('logs unrolled_d_loss: after K SGD steps on the same samples it is below the K = 0 value', () => {
    const first = (unrollSteps: number) => {
      const parts = tinyParts(8, { dOptimizer: sgd({ lr: 0.1 }) });
      const trainer = new UnrolledTrainer(parts, { unrollSteps, firstOrder: false });
      const logs = trainer.step(pointSampler(parts.streams.data));
      dispose(parts, trainer);
      return logs;
    };
    const [k0, k1, k5] = [first(0), first(1), first(5)];
    console.info(
      `unrolled_d_loss at step 1: K=0 ${k0.unrolled_d_loss.toFixed(4)}, K=1 ${k1.unrolled_d_loss.toFixed(4)}, K=5 ${k5.unrolled_d_loss.toFixed(4)} (d_loss ${k0.d_loss.toFixed(4)})`,
    );
    expect(k1.d_loss).toBe(k0.d_loss);
    expect(k5.d_loss).toBe(k0.d_loss);
    expect(k1.unrolled_d_loss).toBeLessThan(k0.unrolled_d_loss - 1e-3);
    expect(k5.unrolled_d_loss).toBeLessThan(k1.unrolled_d_loss - 1e-3);
  });

  it('trains conditional nets: cond reaches every unrolled D pass', () => {
    const parts = tinyParts(9, { classes: 3, statefulD: true });
    const trainer = new UnrolledTrainer(parts, { unrollSteps: 2, firstOrder: false });
    const sampler = pointSampler(parts.streams.data, 3);
    let logs: StepLogs = { step: 0 };
    for (let i = 0; i < 5; i++) logs = trainer.step(sampler);
    expect(logs.step).toBe(5);
    expect(Number.isFinite(logs.unrolled_d_loss) && Number.isFinite(logs.g_grad_norm)).toBe(true);
    dispose(parts, trainer);
  });

  it('refuses a discriminator whose supportsSubstituteParams is false, with a ConfigError that says why', () => {
    const parts = tinyParts(10);
    const d = parts.discriminator;
    const frozen = {
      ...parts,
      discriminator: { ...d, forward: d.forward.bind(d), supportsSubstituteParams: false },
    };
    let error: unknown;
    try {
      new UnrolledTrainer(frozen, { unrollSteps: 5, firstOrder: false });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(
      /unrolled trainer needs a discriminator that runs on substitute parameters/,
    );
    expect((error as ConfigError).message).toMatch(
      /supportsSubstituteParams: false \(e\.g\. a wrapped tf\.LayersModel\)/,
    );
    expect((error as ConfigError).issues[0].path).toBe('discriminator');
    dispose(parts);
  });
});
