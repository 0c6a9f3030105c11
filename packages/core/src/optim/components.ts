import { z } from 'zod';
import { defineComponent, type AnyComponentDefinition } from '../registry/component.js';
import { adam } from './adam.js';
import { rmsprop } from './rmsprop.js';
import { sgd } from './sgd.js';

/*
 * The options blocks are resolved OptimizerSettings minus `kind`, which carry every field of every
 * kind (lr, beta1, beta2, epsilon, momentum, rho): each schema reads its own fields and strips the
 * rest. Fields are optional without schema defaults; the factories hold the defaults (DESIGN.md:
 * defaults resolve user > preset > component > core).
 */

const lr = z.number().positive().finite().describe('learning rate');
const unitInterval = z.number().min(0).lt(1);

/** Options schema of the `adam` optimizer component. */
export const adamOptionsSchema = z.object({
  lr,
  beta1: unitInterval.optional().describe('first-moment decay β₁ (default 0.9)'),
  beta2: unitInterval.optional().describe('second-moment decay β₂ (default 0.999)'),
  epsilon: z.number().min(0).finite().optional().describe('ε added to √v̂ (default 1e-8)'),
});

/** Options schema of the `sgd` optimizer component. */
export const sgdOptionsSchema = z.object({
  lr,
  momentum: unitInterval.optional().describe('momentum μ (default 0)'),
  nesterov: z.boolean().optional().describe('Nesterov momentum (default false)'),
});

/** Options schema of the `rmsprop` optimizer component. */
export const rmspropOptionsSchema = z.object({
  lr,
  rho: unitInterval.optional().describe('mean-square decay ρ (default 0.9)'),
  momentum: unitInterval.optional().describe('momentum μ (default 0)'),
  epsilon: z.number().min(0).finite().optional().describe('ε inside the square root (default 1e-8)'),
  centered: z.boolean().optional().describe('centered RMSprop (default false)'),
});

/**
 * Core's optimizer components for the registry: `adam` (Kingma & Ba 2014), `sgd` (with optional
 * momentum/Nesterov) and `rmsprop` (Tieleman & Hinton 2012), each a pure update rule.
 */
export function optimizerComponents(): AnyComponentDefinition[] {
  return [
    defineComponent({
      kind: 'optimizer',
      name: 'adam',
      description: 'Adam with bias correction (Kingma & Ba 2014, arXiv:1412.6980); ε = 1e-8 by default',
      options: adamOptionsSchema,
      create: (o) => adam(o),
    }),
    defineComponent({
      kind: 'optimizer',
      name: 'sgd',
      description: 'stochastic gradient descent, optionally with (Nesterov) momentum',
      options: sgdOptionsSchema,
      create: (o) => sgd(o),
    }),
    defineComponent({
      kind: 'optimizer',
      name: 'rmsprop',
      description:
        'RMSprop in TensorFlow form, ε inside the root (Tieleman & Hinton 2012; centered: Graves 2013)',
      options: rmspropOptionsSchema,
      create: (o) => rmsprop(o),
    }),
  ];
}
