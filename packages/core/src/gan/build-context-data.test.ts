import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GAN_COMPONENT } from '../di/tokens.js';
import { defineComponent, type BuildContext } from '../registry/component.js';
import { testingPlugin } from '../testing/testing-plugin.js';
import { tinyMlpDiscriminator, tinyMlpGenerator } from '../testing/tiny-mlp.js';
import type { DataSource } from '../types/data.js';
import type { GanPlugin } from '../types/plugin.js';
import { createGan } from './create-gan.js';
import { testConfig } from './fixtures/test-config.js';

/** Records the BuildContext.data each network component was built with. */
function recordingPlugin(seen: Record<string, DataSource | undefined>): GanPlugin {
  const record = (name: string, ctx: BuildContext) => {
    seen[name] = ctx.data;
  };
  return {
    name: 'recording',
    register(container) {
      container.register(GAN_COMPONENT, {
        useValue: defineComponent({
          kind: 'generator',
          name: 'recording',
          description: 'tests only',
          options: z.strictObject({}),
          create: (_o, ctx) => {
            record('generator', ctx);
            return tinyMlpGenerator(ctx.latentDim, ctx.sampleShape, ctx.rng, { hidden: [4] });
          },
        }),
      });
      container.register(GAN_COMPONENT, {
        useValue: defineComponent({
          kind: 'discriminator',
          name: 'recording',
          description: 'tests only',
          options: z.strictObject({}),
          create: (_o, ctx) => {
            record('discriminator', ctx);
            return tinyMlpDiscriminator(ctx.sampleShape, ctx.rng, { hidden: [4] });
          },
        }),
      });
    },
  };
}

describe('BuildContext.data', () => {
  it('is the run’s data source when the networks are built (built from the config or given)', async () => {
    const seen: Record<string, DataSource | undefined> = {};
    const plugins = [testingPlugin(), recordingPlugin(seen)];
    const config = testConfig({
      generator: { kind: 'recording' } as never,
      discriminator: { kind: 'recording' } as never,
    });
    const built = await createGan(config, { plugins });
    expect(seen.generator).toBe(built.data);
    expect(seen.discriminator).toBe(built.data);
    built.dispose();
    const given = built.data;
    const again = await createGan(config, { plugins, data: given });
    expect(seen.generator).toBe(given);
    again.dispose();
  });
});
