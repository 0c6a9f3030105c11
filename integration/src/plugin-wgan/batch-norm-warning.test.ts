import { describe, expect, it } from 'vitest';
import { createGan } from '@ganforge/core';
import { dataPlugin } from '@ganforge/data';
import { modelsPlugin } from '@ganforge/models';
import { wganPlugin } from '@ganforge/plugin-wgan';

// The gradient penalty with the models package's critics: a batch-norm MLP critic gets one
// warning through the plugin's `log`, a layer-norm one none; both train with finite logs.
describe('plugin-wgan × models: batch-norm critic warning', () => {
  for (const normalization of ['batch-norm', 'layer-norm'] as const) {
    it(`mlp critic with ${normalization}: ${normalization === 'batch-norm' ? 'one warning suggesting layer norm' : 'no warning'}`, async () => {
      const messages: string[] = [];
      const gan = await createGan(
        {
          seed: 1,
          backend: 'cpu',
          preset: 'wgan-gp',
          data: { kind: 'ring' },
          generator: { kind: 'mlp', hidden: [8], outputActivation: 'linear' },
          discriminator: { kind: 'mlp', hidden: [8, 8], normalization },
          latentDim: 2,
          batchSize: 16,
        },
        { plugins: [wganPlugin({ log: (m) => messages.push(m) }), modelsPlugin(), dataPlugin()] },
      );
      gan.step();
      const logs = gan.step();
      expect(
        Number.isFinite(logs.reg_gradient_penalty) && Number.isFinite(logs.gradient_penalty_grad_norm),
      ).toBe(true);
      if (normalization === 'batch-norm') {
        expect(messages).toHaveLength(1);
        expect(messages[0]).toMatch(/movingMean/);
        expect(messages[0]).toMatch(/layer norm/);
      } else {
        expect(messages).toEqual([]);
      }
      gan.dispose();
    });
  }
});
