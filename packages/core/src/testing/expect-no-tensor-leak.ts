import * as tf from '@tensorflow/tfjs';

/** Options of {@link expectNoTensorLeak}. */
export interface LeakCheckOptions {
  /** Steps at which `tf.memory().numTensors` is read; they must all be equal (TRAPS.md: 20, 70, 120). */
  checkpoints?: number[];
}

/** The tensor counts read by {@link expectNoTensorLeak}, by step. */
export interface LeakReport {
  counts: Record<number, number>;
}

/**
 * Runs `step` repeatedly and throws unless `tf.memory().numTensors` is equal at every checkpoint
 * step (default 20, 70 and 120). Optimizers and lazy layers allocate on the first steps by design,
 * so the first reading is taken after warm-up; a real leak shows at least one tensor per step.
 */
export async function expectNoTensorLeak(
  step: (i: number) => unknown | Promise<unknown>,
  options: LeakCheckOptions = {},
): Promise<LeakReport> {
  const checkpoints = options.checkpoints ?? [20, 70, 120];
  const last = Math.max(...checkpoints);
  const counts: Record<number, number> = {};
  for (let i = 1; i <= last; i++) {
    await step(i);
    if (checkpoints.includes(i)) counts[i] = tf.memory().numTensors;
  }
  const values = checkpoints.map((c) => counts[c]);
  if (values.some((v) => v !== values[0])) {
    const detail = checkpoints.map((c) => `step ${c}: ${counts[c]}`).join(', ');
    throw new Error(`tensor leak: tf.memory().numTensors changed between checkpoints (${detail})`);
  }
  return { counts };
}

/** Tensors created and not disposed by one call of `fn` (for functions that should allocate nothing). */
export async function tensorDelta(fn: () => unknown | Promise<unknown>): Promise<number> {
  const before = tf.memory().numTensors;
  await fn();
  return tf.memory().numTensors - before;
}
