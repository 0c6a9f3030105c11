import * as tf from '@tensorflow/tfjs';
import type { ParamTree, VariableTree } from '../types/network.js';
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
 * uses the generator's state variables.
 */
export class GeneratorEma {
  private average: ParamTree;

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
  }
}

function copyTree(tree: ParamTree): ParamTree {
  return tf.tidy(() => Object.fromEntries(Object.entries(tree).map(([k, t]) => [k, t.clone()])));
}
