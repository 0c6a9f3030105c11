import * as tf from '@tensorflow/tfjs';
import type { Generator, ParamTree, VariableTree } from '../types/network.js';
import { emaUpdate, type EmaSettings } from './ema-update.js';

/** The checkpoint group that holds the averaged generator parameters. */
export const EMA_CHECKPOINT_GROUP = 'generator-ema/params';

/**
 * The exponential moving average of a generator's parameters (see {@link emaUpdate} for the
 * formula and the paper). It holds one tensor per path of the generator's `params`, starting as a
 * copy of the initial weights; {@link GeneratorEma.update} runs after each step's generator
 * update, i.e. after every `Trainer.step`, whichever trainer the run uses.
 *
 * Non-trainable state (batch-norm running statistics, spectral-norm vectors) is copied, not
 * averaged, as StudioGAN and StyleGAN2-ADA do: the copy would always equal the generator's own
 * committed state, so it is not stored twice — a forward pass on {@link GeneratorEma.params}
 * uses the generator's state variables. With `standingBatches` K > 0 the batch-norm statistics
 * are instead recomputed for θ_ema ({@link GeneratorEma.standingState}, `standingStatistics`),
 * once per update, and never checkpointed: they are a function of θ_ema and the run's seed.
 */
export class GeneratorEma {
  private average: ParamTree;
  private standing?: ParamTree;

  constructor(
    /** The decay and start step. */
    readonly settings: EmaSettings,
    params: VariableTree,
  ) {
    this.average = copyTree(params);
  }

  /** The averaged parameters by path (owned by this object: do not dispose; replaced on update). */
  get params(): ParamTree {
    return this.average;
  }

  /** Applies the update of step `step` (1-based: the trainer's step count after the step). */
  update(params: VariableTree, step: number): void {
    const next = emaUpdate(this.average, { ...params }, this.settings, step);
    this.dispose();
    this.average = next;
  }

  /**
   * The generator state to evaluate {@link GeneratorEma.params} with: `undefined` (the
   * generator's own state) when `standingBatches` is 0 or G keeps no state, else the standing
   * statistics `compute` returns, computed once per averaged-weights version and cached (owned
   * by this object: do not dispose).
   */
  standingState(generator: Generator, compute: () => ParamTree): ParamTree | undefined {
    if (!this.settings.standingBatches || Object.keys(generator.state).length === 0) return undefined;
    // Kept: a caller may be inside tf.tidy (a metric's generate), which must not free the cache.
    this.standing ??= Object.fromEntries(Object.entries(compute()).map(([k, t]) => [k, tf.keep(t)]));
    return this.standing;
  }

  /** Replaces the average with copies of `tree`'s tensors (checkpoint restore). */
  restore(tree: ParamTree): void {
    const next = copyTree(tree);
    this.dispose();
    this.average = next;
  }

  /** Releases the averaged tensors. */
  dispose(): void {
    for (const t of Object.values(this.average)) if (!t.isDisposed) t.dispose();
    this.average = {};
    for (const t of Object.values(this.standing ?? {})) if (!t.isDisposed) t.dispose();
    this.standing = undefined;
  }
}

function copyTree(tree: ParamTree): ParamTree {
  return tf.tidy(() => Object.fromEntries(Object.entries(tree).map(([k, t]) => [k, t.clone()])));
}
