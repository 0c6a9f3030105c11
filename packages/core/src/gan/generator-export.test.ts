import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CheckpointError } from '../errors.js';
import { createGan, loadGeneratorDir, saveGenerator } from '../node.js';
import { testingPlugin } from '../testing/testing-plugin.js';
import { testConfig } from './fixtures/test-config.js';

describe('saveGenerator / loadGenerator', () => {
  it('exports the generator alone and reloads it to give the same samples', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'gf-gen-')), 'generator');
    const gan = await createGan(testConfig(), { plugins: [testingPlugin()] });
    await gan.fit({ steps: 5 });
    await saveGenerator(gan, dir);
    const loaded = await loadGeneratorDir(dir, [testingPlugin()]);
    expect(loaded.spec.latentDim).toBe(4);
    expect(loaded.spec.sampleShape).toEqual([1]);
    const noise = tf.randomNormal([8, 4], 0, 1, 'float32', 1);
    const a = gan.sample({ n: 8, noise });
    const b = loaded.sample({ n: 8, noise });
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    const c = loaded.sample({ n: 3, seed: 2 });
    expect(c.shape).toEqual([3, 1]);
    tf.dispose([noise, a, b, c]);
    loaded.dispose();
    gan.dispose();
  });

  it('refuses a training checkpoint and a corrupt file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gf-gen-bad-'));
    const gan = await createGan(testConfig(), { plugins: [testingPlugin()] });
    await gan.saveCheckpoint(join(root, 'ckpt'));
    await expect(loadGeneratorDir(join(root, 'ckpt'), [testingPlugin()])).rejects.toThrow(
      /not an exported generator/,
    );
    await saveGenerator(gan, join(root, 'gen'));
    const file = join(root, 'gen', 'generator-params.f32');
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 4));
    const err = await loadGeneratorDir(join(root, 'gen'), [testingPlugin()]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CheckpointError);
    expect((err as Error).message).toContain('generator-params.f32');
    gan.dispose();
  });
});
