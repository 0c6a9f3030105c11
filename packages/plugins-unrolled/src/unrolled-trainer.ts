import * as tf from '@tensorflow/tfjs';
import {
  AdversarialTrainer,
  ConfigError,
  type Batch,
  type BatchSampler,
  type DiscriminatorScores,
  type LossContext,
  type PackedLogs,
  type Rng,
  type StepLogs,
  type TrainerParts,
} from '@ganforge/core';
import { releaseUnrolled, unrollDiscriminator } from './unroll-discriminator.js';

/** Options of {@link UnrolledTrainer} (the `unrolled` trainer block minus core's `dSteps`). */
export interface UnrolledTrainerSettings {
  /** K, discriminator updates unrolled inside the generator's objective. */
  unrollSteps: number;
  /** Stop gradients through the unrolled updates (cheaper, drops the second-order term). */
  firstOrder: boolean;
}

/**
 * The unrolled GAN trainer (Metz, Poole, Pfau & Sohl-Dickstein 2016, arXiv:1611.02163).
 *
 * Each step: the default trainer's `dSteps` discriminator updates on D's variables (the same
 * code, batches, noise and logs); then the generator update against a discriminator unrolled K
 * steps ahead, f_K(θ_G, θ_D) = f(θ_G, θ_D^K(θ_G, θ_D)):
 *
 *   θ_D⁰ = θ_D,   θ_D^(k+1) = θ_D^k + update(∇_θ L_D(θ_G, θ_D^k))      (D's own update rule)
 *   θ_G ← θ_G − update(df_K/dθ_G)
 *
 * The K updates are {@link unrollDiscriminator}, run inside the generator's gradient tape, so
 * df_K/dθ_G includes the term through θ_D^K (second order) unless `firstOrder`. The unrolled
 * parameters, state and optimizer state are tensors discarded after the step: D's variables,
 * state and optimizer state are never touched. With K = 0 the step is the default trainer's,
 * bit for bit. Logs `unrolled_d_loss`, the adversarial loss L_D^real + L_D^fake of the unrolled
 * discriminator θ_D^K on the generator update's real batch and samples (computed without
 * advancing the run's random streams).
 *
 * With an `augment` block the generator update draws one transform T and unrolls D∘T: every
 * inner update and the outer loss see the same augmented batches. Stateful components'
 * `afterDiscriminatorUpdate` runs only after the real D updates, never after inner ones.
 *
 * Checkpoints hold the same tensors as the default trainer's (`optimizer/generator`,
 * `optimizer/discriminator`): the unrolled state is rebuilt every step.
 */
export class UnrolledTrainer extends AdversarialTrainer {
  override readonly name: string = 'unrolled';
  private held: tf.Tensor[] = [];

  constructor(
    parts: TrainerParts,
    private readonly settings: UnrolledTrainerSettings,
  ) {
    super(requireSubstitutableDiscriminator(parts));
    if (!Number.isInteger(settings.unrollSteps) || settings.unrollSteps < 0) {
      throw new ConfigError(
        `unrolled trainer: unrollSteps must be an integer ≥ 0, got ${settings.unrollSteps}`,
        'trainer.unrollSteps',
      );
    }
  }

  /** K, the number of unrolled discriminator updates. */
  get unrollSteps(): number {
    return this.settings.unrollSteps;
  }

  /** Whether gradients through the unrolled updates are stopped. */
  get firstOrder(): boolean {
    return this.settings.firstOrder;
  }

  override step(sampler: BatchSampler): StepLogs {
    try {
      return super.step(sampler);
    } finally {
      this.release();
    }
  }

  protected override generatorLossContext(
    batch: Batch,
    z: tf.Tensor,
    fake: tf.Tensor,
    step: number,
    logs: PackedLogs,
  ): LossContext {
    const { loss, regularizers, hooks, discriminatorOptimizer, streams } = this.parts;
    const rng = streams.dropout;
    // With an `augment` block: one draw T for this generator update, so the K inner updates and
    // the outer loss all train and score D∘T on the same augmented real and generated batches.
    const d = this.augmentedDiscriminator(fake.shape[0]);
    const unrolled = unrollDiscriminator({
      discriminator: d,
      loss,
      regularizers,
      hooks,
      optimizer: discriminatorOptimizer,
      params: { ...d.params },
      state: { ...d.state },
      optimizerState: this.discriminatorOptimizerState,
      real: batch,
      fake,
      context: (trees, realOut, fakeOut) => this.context(batch, z, fake, realOut, fakeOut, step, trees, d),
      unrollSteps: this.settings.unrollSteps,
      firstOrder: this.settings.firstOrder,
      step,
      rng,
    });
    this.held.push(...unrolled.held);
    const trees = { params: unrolled.params, state: unrolled.state };
    const options = { training: true, cond: batch.labels, rng, ...trees };
    const fakeOut = d.forward(fake, options);
    const realOut = (): DiscriminatorScores => d.forward(batch.x, options);
    const ctx = this.context(batch, z, fake, realOut, fakeOut, step, trees, d);
    // The log's own real pass and loss must not move the streams: with K = 0 the run stays the
    // default trainer's, and a lazily read ctx.realOut still draws what it would have drawn.
    const dLoss = observing([streams.dropout, streams.noise], () => {
      const logCtx = this.context(batch, z, fake, () => d.forward(batch.x, options), fakeOut, step, trees, d);
      const parts = loss.discriminatorLoss(logCtx);
      return tf.add(parts.real, parts.fake);
    });
    logs.addAll('unrolled', { d_loss: dLoss as tf.Scalar });
    return ctx;
  }

  override dispose(): void {
    this.release();
    super.dispose();
  }

  private release(): void {
    releaseUnrolled(this.held);
    this.held = [];
  }
}

/** Runs `f` and puts the streams back where they were (for values that are only logged). */
function observing<T>(streams: Rng[], f: () => T): T {
  const saved = streams.map((s) => s.state());
  try {
    return f();
  } finally {
    streams.forEach((s, i) => s.restore(saved[i]));
  }
}

/**
 * The parts, after checking that D honours substitute parameters: the unrolled objective
 * evaluates D on θ_D^k, tensors computed from G's parameters, which a wrapped `tf.LayersModel`
 * cannot do (it always runs on its own weights, so the unroll would silently be a no-op).
 */
export function requireSubstitutableDiscriminator(parts: TrainerParts): TrainerParts {
  if (!parts.discriminator.supportsSubstituteParams) {
    throw new ConfigError(
      'the unrolled trainer needs a discriminator that runs on substitute parameters ' +
        '(supportsSubstituteParams: true): it evaluates D on unrolled weights that are functions of ' +
        "G's parameters. This discriminator reports supportsSubstituteParams: false (e.g. a wrapped " +
        'tf.LayersModel); use a functional discriminator such as @ganforge/models\' "mlp" or "dcgan", ' +
        'or trainer "default".',
      'discriminator',
    );
  }
  return parts;
}
