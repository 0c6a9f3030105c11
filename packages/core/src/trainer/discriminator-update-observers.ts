import type * as tf from '@tensorflow/tfjs';
import type { TrainerParts } from '../registry/component.js';
import { isStatefulComponent, type StatefulComponent } from '../types/stateful.js';

/** The run's components that implement `afterDiscriminatorUpdate`, in config order. */
export function discriminatorUpdateObservers(parts: TrainerParts): StatefulComponent[] {
  const candidates: unknown[] = [parts.loss, ...parts.regularizers, ...parts.hooks, parts.augment];
  return candidates.filter(
    (c): c is StatefulComponent => isStatefulComponent(c) && typeof c.afterDiscriminatorUpdate === 'function',
  );
}

/**
 * Tells each observer about a finished discriminator update, outside every tidy scope and tape,
 * then releases the scores (kept alive by the trainer for this call only).
 */
export function notifyDiscriminatorUpdate(
  observers: readonly StatefulComponent[],
  scores: { real: tf.Tensor; fake: tf.Tensor },
  step: number,
): void {
  try {
    for (const c of observers)
      c.afterDiscriminatorUpdate?.({ realScores: scores.real, fakeScores: scores.fake, step });
  } finally {
    scores.real.dispose();
    scores.fake.dispose();
  }
}
