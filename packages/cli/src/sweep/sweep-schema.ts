import { z } from 'zod';

const scalar = z.union([z.number(), z.string(), z.boolean(), z.null()]);
/** A value a swept config field may take: a scalar or a list of scalars (`generator.hidden: [64, 64]`). */
const fieldValue = z.union([scalar, z.array(scalar)]);

/** A field of a random search: a list to draw from, or a numeric range (log-uniform with `log`). */
const randomField = z.union([
  z.strictObject({ values: z.array(fieldValue).min(1) }),
  z
    .strictObject({
      min: z.number(),
      max: z.number(),
      log: z.boolean().optional(),
      integer: z.boolean().optional(),
    })
    .refine((r) => r.max >= r.min, { message: 'max must be ≥ min' })
    .refine((r) => !r.log || r.min > 0, { message: 'a log range needs min > 0' }),
]);

/**
 * The schema of a sweep file: a base config (a path relative to the sweep file, or an inline
 * config), fixed `set` overrides, a `grid` (every combination) or a `random` search (`samples`
 * draws from a seeded generator), the `seeds` each setting runs with, a `maxRuns` cap and the
 * sample-picture cadence of each run (`sampleEvery`, as `ganforge train --sample-every`).
 * Config fields are named by dotted paths (`optimizers.generator.lr`).
 */
export const sweepFileSchema = z
  .strictObject({
    name: z.string().min(1).optional(),
    base: z.union([z.string().min(1), z.record(z.string(), z.unknown())]),
    set: z.record(z.string().min(1), z.unknown()).optional(),
    grid: z.record(z.string().min(1), z.array(fieldValue).min(1)).optional(),
    random: z
      .strictObject({
        samples: z.number().int().min(1),
        seed: z.number().int().min(0).optional(),
        fields: z.record(z.string().min(1), randomField),
      })
      .optional(),
    seeds: z.array(z.number().int().min(0)).min(1).optional(),
    maxRuns: z.number().int().min(1).optional(),
    sampleEvery: z.number().int().min(1).optional(),
  })
  .refine((s) => !(s.grid && s.random), {
    message: 'give either grid or random, not both',
    path: ['random'],
  });

/** A sweep file as written (after validation). */
export type SweepFile = z.infer<typeof sweepFileSchema>;
/** A value a swept field takes. */
export type FieldValue = z.infer<typeof fieldValue>;
/** One field of a random search. */
export type RandomField = z.infer<typeof randomField>;
