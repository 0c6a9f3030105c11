import type * as tf from '@tensorflow/tfjs';
import type { Callback } from '../types/trainer.js';

/** Options of {@link sampleCallback}. */
export interface SampleCallbackOptions {
  /** Cadence in steps. */
  every: number;
  /** Receives samples of the fixed noise batch; the tensor is disposed after it resolves. */
  onSamples(samples: tf.Tensor, step: number): void | Promise<void>;
}

/**
 * Calls `onSamples` every `every` steps (and at the end) with samples of the run's fixed noise
 * batch, so pictures over time show the same latent vectors. Draws from no training stream.
 */
export function sampleCallback(options: SampleCallbackOptions): Callback {
  let last = -1;
  const emit = async (sample: () => tf.Tensor, step: number) => {
    if (step === last) return;
    last = step;
    const x = sample();
    try {
      await options.onSamples(x, step);
    } finally {
      x.dispose();
    }
  };
  return {
    name: 'samples',
    async onStepEnd(logs, ctx) {
      if (logs.step % options.every === 0) await emit(ctx.sampleFixed, logs.step);
    },
    async onTrainEnd(_history, ctx) {
      await emit(ctx.sampleFixed, ctx.step);
    },
  };
}
