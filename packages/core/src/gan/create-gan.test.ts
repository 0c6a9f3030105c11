import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CheckpointError, ConfigError, TrainingError } from '../errors.js';
import { checkpointCallback, createGan, metricsJsonlWriter } from '../node.js';
import { testingPlugin } from '../testing/testing-plugin.js';
import { sampleCallback } from '../callbacks/sample-callback.js';
import { testConfig } from './fixtures/test-config.js';

const plugins = [testingPlugin()];

function weights(gan: Awaited<ReturnType<typeof createGan>>): number[] {
  return [...Object.values(gan.generator.params), ...Object.values(gan.discriminator.params)].flatMap((v) =>
    Array.from(v.dataSync()),
  );
}

describe('createGan', () => {
  it('validates the config before building anything', async () => {
    const before = tf.memory().numTensors;
    await expect(createGan({ ...testConfig(), batchSize: -1 }, { plugins })).rejects.toThrow(ConfigError);
    await expect(
      createGan({ ...testConfig(), loss: { kind: 'hinge' } as never }, { plugins }),
    ).rejects.toThrow(/@ganforge\/losses/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('trains, samples, and writes metrics.jsonl and sample callbacks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gf-gan-'));
    const gan = await createGan(testConfig(), { plugins });
    expect(gan.backend).toBe('cpu');
    const sampled: number[] = [];
    const history = await gan.fit({
      steps: 30,
      callbacks: [
        sampleCallback({ every: 10, onSamples: (x, step) => void sampled.push(step, x.shape[0]) }),
        metricsJsonlWriter(join(dir, 'metrics.jsonl'), { every: 10 }),
      ],
    });
    expect(history).toHaveLength(30);
    expect(gan.stepCount).toBe(30);
    expect(sampled).toEqual([10, 64, 20, 64, 30, 64]);
    const rows = readFileSync(join(dir, 'metrics.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.step)).toEqual([10, 20, 30]);
    for (const key of [
      'time',
      'g_loss',
      'd_loss',
      'd_loss_real',
      'd_loss_fake',
      'd_acc_real',
      'd_acc_fake',
      'g_grad_norm',
      'd_grad_norm',
      'step_time_ms',
    ]) {
      expect(typeof rows[2][key]).toBe('number');
    }
    const x = gan.sample({ n: 5 });
    expect(x.shape).toEqual([5, 1]);
    x.dispose();
    expect(() => gan.sample({ n: 0 })).toThrow(ConfigError);
    gan.dispose();
  });

  it('records how the backend was chosen', async () => {
    const gan = await createGan(testConfig(), { plugins });
    expect(gan.backendChoice?.name).toBe('cpu');
    expect(gan.backendChoice?.requested).toBe('cpu');
    gan.dispose();
  });

  it('lets a callback stop training, and yields to the event loop between steps', async () => {
    const gan = await createGan(testConfig(), { plugins });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const history = await gan.fit({
      steps: 50,
      callbacks: [{ name: 'stopper', onStepEnd: (logs) => (logs.step === 12 ? 'stop' : undefined) }],
    });
    clearInterval(timer);
    expect(history).toHaveLength(12);
    expect(gan.stepCount).toBe(12);
    expect(ticks).toBeGreaterThan(0);
    const aborted = new AbortController();
    aborted.abort();
    expect(await gan.fit({ steps: 5, signal: aborted.signal })).toHaveLength(0);
    gan.dispose();
  });

  it('gives identical weights and losses for one seed and different ones for another', async () => {
    const run = async (seed: number) => {
      const gan = await createGan(testConfig({ seed }), { plugins });
      const losses = (await gan.fit({ steps: 15 })).map((l) => l.g_loss);
      const w = weights(gan);
      gan.dispose();
      return { losses, w };
    };
    const a = await run(11);
    const b = await run(11);
    const c = await run(12);
    expect(b.losses).toEqual(a.losses);
    expect(b.w).toEqual(a.w);
    expect(c.w).not.toEqual(a.w);
  });

  it('stops on NaN with a TrainingError naming the step and quantity, leaving the last checkpoint intact', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gf-nan-'));
    const gan = await createGan(testConfig(), { plugins });
    const poison = {
      name: 'poison',
      onStepEnd: (logs: { step: number }) => {
        if (logs.step === 12) {
          const k = gan.discriminator.params['layers/0/kernel'];
          k.assign(tf.fill(k.shape, NaN));
        }
      },
    };
    const err = await gan
      .fit({ steps: 30, callbacks: [poison, checkpointCallback(gan, { root, every: 5, keep: 2 })] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrainingError);
    expect((err as TrainingError).step).toBe(13);
    expect((err as TrainingError).message).toMatch(/step 13: \w+ is NaN/);
    expect(readdirSync(root).sort()).toEqual(['step-000005', 'step-000010']);
    const fresh = await createGan(testConfig(), { plugins });
    await fresh.loadCheckpoint(join(root, 'step-000010'));
    expect(fresh.stepCount).toBe(10);
    expect(weights(fresh).every(Number.isFinite)).toBe(true);
    gan.dispose();
    fresh.dispose();
  });

  it('refuses a corrupt checkpoint without changing the GAN', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'gf-bad-')), 'ckpt');
    const gan = await createGan(testConfig(), { plugins });
    await gan.fit({ steps: 3 });
    await gan.saveCheckpoint(dir);
    const files = readdirSync(dir).filter((f) => f !== 'manifest.json');
    const target = join(dir, files[0]);
    const bytes = readFileSync(target);
    bytes[0] ^= 0xff;
    writeFileSync(target, bytes);
    const other = await createGan(testConfig({ seed: 99 }), { plugins });
    const before = weights(other);
    const err = await other.loadCheckpoint(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CheckpointError);
    expect((err as Error).message).toContain(files[0]);
    expect(weights(other)).toEqual(before);
    expect(other.stepCount).toBe(0);
    gan.dispose();
    other.dispose();
  });
});
