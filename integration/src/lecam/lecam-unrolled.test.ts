// LeCam's anchors under the unrolled trainer (@ganforge/plugin-unrolled): its K inner
// discriminator steps evaluate the penalty inside the generator's tape but must not move the
// anchors; only the real discriminator updates do, once each.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createGan,
  defineComponent,
  GAN_COMPONENT,
  installGradientFixes,
  type GanConfig,
  type GanPlugin,
} from '@ganforge/core';
import { expectNoTensorLeak } from '@ganforge/core/testing';
import { dataPlugin } from '@ganforge/data';
import { LecamRegularizer, lecamOptionsSchema, lossesPlugin, type LecamOptions } from '@ganforge/losses';
import { modelsPlugin } from '@ganforge/models';
import { unrolledPlugin } from '@ganforge/plugin-unrolled';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

/** The config entry of the probe (a name the config types do not know). */
const probeBlocks = (options: LecamOptions) =>
  [{ kind: 'lecam-probe', ...options }] as unknown as GanConfig['regularizers'];

/** Registers `lecam-probe`, the lecam regularizer kept for inspection. */
function probePlugin(built: LecamRegularizer[]): GanPlugin {
  return {
    name: 'lecam-probe',
    register(container) {
      container.register(GAN_COMPONENT, {
        useValue: defineComponent({
          kind: 'regularizer',
          name: 'lecam-probe',
          description: 'the lecam regularizer, kept for inspection (tests only)',
          options: lecamOptionsSchema,
          create: (options) => {
            const reg = new LecamRegularizer(options);
            built.push(reg);
            return reg;
          },
        }),
      });
    },
  };
}

describe('lecam × unrolled trainer', () => {
  it('K = 3 inner steps: the anchors move once per real D update (dSteps 2), finite, no leak', async () => {
    const built: LecamRegularizer[] = [];
    const gan = await createGan(
      {
        seed: 2,
        backend: 'cpu',
        data: { kind: 'ring' },
        generator: { kind: 'mlp', hidden: [8], outputActivation: 'linear' },
        discriminator: { kind: 'mlp', hidden: [8], activation: 'tanh' },
        loss: { kind: 'hinge' },
        regularizers: probeBlocks({ decay: 0.9 }),
        trainer: { kind: 'unrolled', unrollSteps: 3, dSteps: 2 },
        latentDim: 2,
        batchSize: 16,
      },
      {
        plugins: [lossesPlugin(), modelsPlugin(), dataPlugin(), unrolledPlugin(), probePlugin(built)],
        selectBackend: false,
      },
    );
    const [reg] = built;
    for (let step = 1; step <= 3; step++) {
      const logs = gan.step();
      expect(reg.getState().updates.dataSync()[0]).toBe(2 * step);
      expect(logs.lecam_anchor_real).toBe(reg.getState()['anchor/real'].dataSync()[0]);
      expect(Number.isFinite(logs.reg_lecam) && Number.isFinite(logs.g_loss)).toBe(true);
    }
    await expectNoTensorLeak(() => gan.step());
    expect(reg.getState().updates.dataSync()[0]).toBe(2 * 123);
    gan.dispose();
  }, 120_000);
});
