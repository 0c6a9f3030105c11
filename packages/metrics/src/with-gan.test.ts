import { createGan, metricCallback } from '@ganforge/core';
import { testingPlugin } from '@ganforge/core/testing';
import { describe, expect, it } from 'vitest';
import { modeCoverageMetric } from './index.js';

describe('metrics inside a training run', () => {
  it('mode coverage computed by core’s metricCallback every 2 steps lands in StepLogs', async () => {
    const gan = await createGan(
      {
        seed: 2,
        backend: 'cpu',
        data: { kind: 'testing-mixture-1d', means: [-2, 2], std: 0.2 },
        generator: { kind: 'tiny-mlp', hidden: [8] },
        discriminator: { kind: 'tiny-mlp', hidden: [8] },
        loss: { kind: 'testing-non-saturating' },
        latentDim: 2,
        batchSize: 16,
        steps: 4,
      },
      { plugins: [testingPlugin()] },
    );
    const metric = modeCoverageMetric({ samples: 200, modes: [[-2], [2]], sigma: 0.2 });
    const history = await gan.fit({
      callbacks: [metricCallback({ metric, every: 2, context: gan.metricContext() })],
    });
    const logged = history.filter((l) => 'mode_coverage_modes' in l).map((l) => l.step);
    expect(logged).toEqual([2, 4]);
    const last = history[3] as unknown as Record<string, number>;
    expect(last.mode_coverage_high_quality).toBeGreaterThanOrEqual(0);
    expect(last.mode_coverage_high_quality).toBeLessThanOrEqual(1);
    expect([0, 1, 2]).toContain(last.mode_coverage_modes);
  });
});
