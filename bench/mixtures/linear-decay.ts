// A bench-local plugin with one optimizer component, `adam-linear-decay`: Adam whose learning rate
// falls linearly over the run. Core has no learning-rate schedule (issue #31 item 4: EBGAN on the
// ring oscillates at a constant rate; docs/variants/ebgan.md). A plugin may register optimizers, so
// this one is written against the published API only.
import * as tf from '@tensorflow/tfjs';
import {
  adam,
  defineComponent,
  GAN_COMPONENT,
  type GanPlugin,
  type Optimizer,
  type ParamTree,
} from '@ganforge/core';
import { z } from 'zod';

/** State key of the update counter t (a float32 scalar, exact below 2²⁴ steps). */
export const DECAY_STEP = 'decay_step';

/**
 * Wraps an optimizer so that its t-th update (t = 1, 2, …) is scaled by
 *
 *   f(t) = 1 + (to − 1) · min(t, until) / until
 *
 * (×1 at the start, ×`to` from update `until` on). For Adam (and SGD) the step is linear in the
 * learning rate and the moments do not depend on it, so θ + f(t)·(θ′ − θ) is the update at rate
 * f(t)·lr, to float32 rounding. The counter lives in the state, so a checkpoint resumes it.
 */
export function linearDecay(inner: Optimizer, schedule: { until: number; to: number }): Optimizer {
  const { until, to } = schedule;
  return {
    name: `${inner.name}-linear-decay`,
    init: (params) => tf.tidy(() => ({ ...inner.init(params), [DECAY_STEP]: tf.scalar(0) })),
    update(grads: ParamTree, state: ParamTree, params: ParamTree) {
      return tf.tidy(() => {
        const { [DECAY_STEP]: step, ...innerState } = state;
        const t = tf.add(step!, 1);
        const f = tf.add(1, tf.mul(to - 1, tf.div(tf.minimum(t, until), until)));
        const next = inner.update(grads, innerState, params);
        const scaled: ParamTree = {};
        for (const [key, p] of Object.entries(next.params))
          scaled[key] = tf.add(params[key]!, tf.mul(tf.sub(p, params[key]!), f));
        return { params: scaled, state: { ...next.state, [DECAY_STEP]: t } };
      });
    },
  };
}

const adamSettings = z.object({
  lr: z.number().positive(),
  beta1: z.number().min(0).lt(1).optional(),
  beta2: z.number().min(0).lt(1).optional(),
  epsilon: z.number().min(0).optional(),
});

/**
 * Registers optimizer `adam-linear-decay`: Adam (lr, beta1, beta2, epsilon from the config's
 * optimizer block) with its rate scaled linearly from ×1 to ×`to` over the first `until` updates.
 */
export function linearDecayPlugin(schedule: { until: number; to: number }): GanPlugin {
  return {
    name: 'bench-linear-decay',
    version: '0.0.0',
    register(container) {
      container.register(GAN_COMPONENT, {
        useValue: defineComponent({
          kind: 'optimizer',
          name: 'adam-linear-decay',
          description: `Adam, lr ×1 → ×${schedule.to} linearly over ${schedule.until} updates`,
          options: adamSettings,
          create: (o) => linearDecay(adam(o), schedule),
        }),
      });
    },
  };
}
