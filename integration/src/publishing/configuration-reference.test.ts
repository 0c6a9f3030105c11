import { readFileSync } from 'node:fs';
import { ganConfigSchema, optimizerComponents } from '@ganforge/core';
import { describe, expect, it } from 'vitest';
import {
  CONFIGURATION_MD,
  OPTIMIZER_FIELDS,
  TOP_LEVEL_FIELDS,
  configurationReference,
} from '../../../docs/scripts/configuration-reference.js';

// docs/configuration.md is generated from the zod schemas; this fails when it drifts.

describe('docs/configuration.md', () => {
  it('is what docs/scripts/configuration-reference.ts generates (run it, or `npm run docs`, to update)', async () => {
    expect(readFileSync(CONFIGURATION_MD, 'utf8')).toBe(await configurationReference());
  }, 60_000);

  it('describes every top-level field and every optimizer setting of the schema', () => {
    expect(Object.keys(TOP_LEVEL_FIELDS).sort()).toEqual(Object.keys(ganConfigSchema.shape).sort());
    const optimizerShape = ganConfigSchema.shape.optimizers.unwrap().shape.generator.unwrap().shape;
    expect(Object.keys(OPTIMIZER_FIELDS).sort()).toEqual(Object.keys(optimizerShape).sort());
  });

  it('lists every component of every published package with its options and defaults', () => {
    const md = readFileSync(CONFIGURATION_MD, 'utf8');
    for (const heading of [
      '### `wasserstein`',
      '### `gradient-penalty`',
      '### `wgan-gp`',
      '### `unrolled`',
      '### `mnist`',
    ])
      expect(md).toContain(heading);
    for (const optimizer of optimizerComponents()) expect(md).toContain(`### \`${optimizer.name}\``);
    expect(md).toMatch(/\| `lambda`\s+\| number[^|]*\|\s+`10`\s+\|/);
  });
});
