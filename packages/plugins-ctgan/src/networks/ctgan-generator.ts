import * as tf from '@tensorflow/tfjs';
import {
  ConfigError,
  type ForwardOptions,
  type Generator,
  type GeneratorOutput,
  type ParamTree,
  type Rng,
  type VariableTree,
} from '@ganforge/core';
import { dense, SequentialGenerator, type Layer } from '@ganforge/models';
import type { ConditionSlots } from '../condition/condition-slots.js';
import { conditionVector } from '../condition/condition-vector.js';
import { gumbelFromNormal } from '../head/gumbel.js';
import { activateSpans, type HeadPlan } from '../head/span-activations.js';
import { conditionCdf, drawConditionFromNormal } from './draw-condition.js';
import { residualBlock } from './residual.js';

/** What a {@link CtganGenerator} is built from. */
export interface CtganGeneratorSettings {
  /** E, the embedding (noise) dimension CTGAN calls `embedding_dim` (the config's `latentDim`). */
  embeddingDim: number;
  /** Widths of the residual blocks (CTGAN: [256, 256]). */
  hidden: readonly number[];
  /** Gumbel-softmax temperature τ (CTGAN: 0.2). */
  tau: number;
  /** The output head over the table's encoded row. */
  plan: HeadPlan;
  /** The conditional vector's slots and the training rows per slot; absent without conditions. */
  conditions?: ConditionSlots & { readonly counts: readonly (readonly number[])[] };
}

/** core's `GeneratorOutput` plus the raw outputs l the head activated (owned by the caller too). */
export interface CtganGeneratorOutput extends GeneratorOutput {
  /** The raw outputs l `[n, D]` before tanh and the Gumbel-softmax. */
  logits: tf.Tensor;
}

/**
 * CTGAN's generator (Xu, Skoularidou, Cuesta-Infante & Veeramachaneni 2019, arXiv:1907.00503,
 * §4.4), functional:
 *
 *   h₀ = z_E ⊕ cond,   h_j = ReLU(BN(W_j·h_{j−1} + b_j)) ⊕ h_{j−1}   (residual blocks, 256, 256)
 *   l = W·h + b,       x = head(l)
 *
 * where the head applies tanh to every continuous span of the table's encoded row and a
 * Gumbel-softmax (τ = 0.2) to every one-hot span: soft in training (what the critic sees),
 * one-hot at inference (a category drawn from softmax(l), decoded by the table's codec).
 *
 * All randomness is in z: `latentDim` = E + W (+ 1 with conditions), z = [z_E | z_G | z_C], with
 * W = the one-hot spans' total width. The Gumbel noise is −log(−log Φ(z_G)) and, when no `cond`
 * is given (sampling without a condition), the condition is drawn from Φ(z_C) with each slot's
 * empirical share (a column uniformly, then its category's frequency). So G(z) is a function of z
 * alone: the trainer draws z from the run's seeded noise stream, fixed noise gives fixed rows,
 * and resume is bit-identical.
 *
 * Params and state are the body's (`layers/0/fc/kernel`, `layers/0/bn/movingMean`, …,
 * `layers/2/kernel`); substitute params and state are honoured and the new state is returned,
 * never assigned.
 */
export class CtganGenerator implements Generator {
  readonly body: SequentialGenerator;
  readonly params: VariableTree;
  readonly state: VariableTree;
  readonly supportsSubstituteParams = true;
  readonly latentDim: number;
  readonly outputShape: readonly number[];
  private readonly conditionWidth: number;
  private readonly cdf: Float32Array | undefined;
  private readonly logitsByOutput = new WeakMap<tf.Tensor, tf.Tensor>();

  constructor(
    readonly settings: CtganGeneratorSettings,
    rng: Rng,
  ) {
    const { embeddingDim: e, hidden, plan, conditions } = settings;
    this.conditionWidth = conditions?.width ?? 0;
    this.cdf = conditions && this.conditionWidth > 0 ? conditionCdf(conditions.counts) : undefined;
    const layers: Layer[] = [];
    let width = e + this.conditionWidth;
    for (const units of hidden) {
      layers.push(residualBlock(width, units));
      width += units;
    }
    layers.push(dense(width, plan.width, { init: 'fan-in-uniform' }));
    this.body = new SequentialGenerator(layers, e + this.conditionWidth, [plan.width], rng);
    this.params = this.body.params;
    this.state = this.body.state;
    this.latentDim = e + plan.noiseWidth + (this.cdf ? 1 : 0);
    this.outputShape = [plan.width];
  }

  /** The conditional vector's slots, when the generator is conditional. */
  get conditions(): ConditionSlots | undefined {
    return this.settings.conditions;
  }

  /**
   * The `cond` input `[n, C]` asking for rows where `column` = `value` (a slot label: a category,
   * `true`/`false`, `<missing>`): n copies of {@link conditionVector}; undefined when the
   * generator does not condition on `column`. An unknown value is a ConfigError at
   * `condition.<column>`. The caller owns the tensor. This is the hook `ganforge sample --where`
   * looks for.
   */
  conditionFor(column: string, value: string, n: number): tf.Tensor | undefined {
    const slots = this.settings.conditions;
    if (slots === undefined || !slots.spans.some((s) => s.column === column)) return undefined;
    const v = conditionVector(slots, column, value);
    return tf.tidy(() => tf.tile(tf.tensor2d(v, [1, v.length]), [n, 1]));
  }

  /**
   * The raw outputs l `[n, D]` (before the head) for noise `z` and `options.cond`, and the body's
   * new state. Without `cond`, the condition is drawn from z's last column.
   */
  logits(z: tf.Tensor, options: ForwardOptions): { logits: tf.Tensor; state: ParamTree } {
    return tf.tidy(() => {
      this.checkNoise(z);
      const n = z.shape[0];
      const e = this.settings.embeddingDim;
      const zE = tf.slice(z, [0, 0], [n, e]);
      const cond = this.condition(z, options.cond);
      const input = cond ? tf.concat([zE, cond], 1) : zE;
      const out = this.body.generate(input, { ...options, cond: undefined });
      return { logits: out.x, state: out.state };
    });
  }

  generate(z: tf.Tensor, options: ForwardOptions): CtganGeneratorOutput {
    const out = tf.tidy(() => {
      const { logits, state } = this.logits(z, options);
      const { plan, tau, embeddingDim: e } = this.settings;
      const zG = plan.noiseWidth > 0 ? tf.slice(z, [0, e], [z.shape[0], plan.noiseWidth]) : undefined;
      const gumbel = zG && gumbelFromNormal(zG);
      const x = activateSpans(logits, plan, gumbel, { tau, hard: !options.training });
      return { x, state, logits };
    });
    this.logitsByOutput.set(out.x, out.logits);
    return out;
  }

  /**
   * The raw outputs that produced `x`, if `x` came from this generator's `generate` and they are
   * still alive (inside the same `tf.tidy`, e.g. the trainer's generator update): the condition
   * loss reads them instead of running the body again.
   */
  logitsOf(x: tf.Tensor): tf.Tensor | undefined {
    const logits = this.logitsByOutput.get(x);
    return logits && !logits.isDisposed ? logits : undefined;
  }

  dispose(): void {
    this.body.dispose();
  }

  private condition(z: tf.Tensor, cond: tf.Tensor | undefined): tf.Tensor | undefined {
    const c = this.conditionWidth;
    if (cond !== undefined) {
      if (cond.shape.length !== 2 || cond.shape[0] !== z.shape[0] || cond.shape[1] !== c)
        throw new ConfigError(
          c === 0
            ? `ctgan generator: a condition [${cond.shape}] was given, but the table has no conditioned column (use data kind training-by-sampling)`
            : `ctgan generator: the condition must be [${z.shape[0]}, ${c}] (one-hot over the conditional vector's slots), got [${cond.shape}]`,
          'cond',
        );
      return cond;
    }
    if (!this.cdf) return undefined;
    return drawConditionFromNormal(tf.slice(z, [0, this.latentDim - 1], [z.shape[0], 1]), this.cdf);
  }

  private checkNoise(z: tf.Tensor): void {
    if (z.shape.length === 2 && z.shape[1] === this.latentDim) return;
    const { embeddingDim: e, plan } = this.settings;
    throw new ConfigError(
      `ctgan generator: z must be [n, ${this.latentDim}] (${e} embedding + ${plan.noiseWidth} Gumbel${this.cdf ? ' + 1 condition draw' : ''}), got [${z.shape}]`,
      'noise',
    );
  }
}
