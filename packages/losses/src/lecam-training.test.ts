import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  createGan,
  createGanContainer,
  defineComponent,
  GAN_COMPONENT,
  getRegistry,
  resolveConfig,
  type GanConfig,
  type GanPlugin,
} from '@ganforge/core';
import { expectNoTensorLeak, testingPlugin } from '@ganforge/core/testing';
import { LecamRegularizer, lecamOptionsSchema, type LecamOptions } from './lecam.js';
import { lossesPlugin } from './plugin.js';

// LeCam inside core's adversarial trainer, on core's tiny testing nets and 1-D mixture (this
// package's tests use only itself, core and @ganforge/core/testing).

/** The config entry of the probe (a name the config types do not know). */
const probeBlocks = (options: LecamOptions) =>
  [{ kind: 'lecam-probe', ...options }] as unknown as GanConfig['regularizers'];

/** Registers `lecam-probe`: a LeCam regularizer the test can inspect after training. */
function probePlugin(built: LecamRegularizer[]): GanPlugin {
  return {
    name: 'lecam-probe',
    register(container) {
      container.register(GAN_COMPONENT, {
        useValue: defineComponent({
          kind: 'regularizer',
          name: 'lecam-probe',
          description: 'the lecam regularizer (logged as lecam), kept for inspection (tests only)',
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

function config(overrides: Partial<GanConfig> = {}): GanConfig {
  return {
    seed: 5,
    backend: 'cpu',
    data: { kind: 'testing-mixture-1d', means: [-2, 2], std: 0.1 },
    generator: { kind: 'tiny-mlp', hidden: [8] },
    discriminator: { kind: 'tiny-mlp', hidden: [8] },
    loss: { kind: 'hinge' },
    regularizers: [{ kind: 'lecam' }],
    latentDim: 2,
    batchSize: 8,
    ...overrides,
  };
}

describe("lecam in core's adversarial trainer", () => {
  it('moves the anchors once per D update (dSteps 3), never in the G update; logs the committed anchors', async () => {
    const built: LecamRegularizer[] = [];
    const gan = await createGan(
      config({ regularizers: probeBlocks({ lambda: 0.3 }), trainer: { dSteps: 3 } }),
      { plugins: [lossesPlugin(), testingPlugin(), probePlugin(built)] },
    );
    const [reg] = built;
    for (let step = 1; step <= 4; step++) {
      const logs = gan.step();
      const state = reg.getState();
      expect(state.updates.dataSync()[0]).toBe(3 * step);
      // The logged anchors are those the last D update penalized with, which it then committed.
      expect(logs.lecam_anchor_real).toBe(state['anchor/real'].dataSync()[0]);
      expect(logs.lecam_anchor_fake).toBe(state['anchor/fake'].dataSync()[0]);
      expect(logs.d_loss).toBeCloseTo(logs.d_loss_real + logs.d_loss_fake + 0.3 * logs.reg_lecam, 5);
      expect(Number.isFinite(logs.reg_lecam)).toBe(true);
    }
    gan.dispose();
    expect(reg.getState()['anchor/real'].isDisposed).toBe(true);
  });

  it('logs reg_lecam, lecam_anchor_real and lecam_anchor_fake, and leaks no tensor over 200 steps', async () => {
    const gan = await createGan(config({ trainer: { dSteps: 2 } }), {
      plugins: [lossesPlugin(), testingPlugin()],
    });
    const logs = gan.step();
    expect(Object.keys(logs)).toEqual(
      expect.arrayContaining(['reg_lecam', 'lecam_anchor_real', 'lecam_anchor_fake']),
    );
    await expectNoTensorLeak(() => gan.step(), { checkpoints: [20, 110, 200] });
    gan.dispose();
  }, 60_000);

  it('reports a bad option at its config path, with what was expected', () => {
    const registry = getRegistry(createGanContainer([lossesPlugin(), testingPlugin()]));
    const issues = (regularizers: GanConfig['regularizers']) => {
      try {
        resolveConfig(config({ regularizers }), registry);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as ConfigError).issues;
      }
      throw new Error('expected a ConfigError');
    };
    const [decay] = issues([{ kind: 'lecam', decay: 1 }]);
    expect(decay.path).toBe('regularizers[0].decay');
    expect(decay.message).toBe('expected a number > 0 and < 1, found number 1');
    const [lambda] = issues([{ kind: 'lecam', lambda: 0 }]);
    expect(lambda.path).toBe('regularizers[0].lambda');
    expect(lambda.message).toBe('expected a number > 0, found number 0');
    const [typo] = issues([{ kind: 'lecam', decy: 0.9 } as never]);
    expect(typo.path).toBe('regularizers[0].decy');
    expect(typo.message).toContain('"decay"');
  });
});
