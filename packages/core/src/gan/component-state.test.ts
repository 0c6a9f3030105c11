import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { GAN_COMPONENT } from '../di/tokens.js';
import { CheckpointError } from '../errors.js';
import { createGan } from './create-gan.js';
import { defineComponent } from '../registry/component.js';
import { testingPlugin } from '../testing/testing-plugin.js';
import type { Augment } from '../types/augment.js';
import type { ParamTree } from '../types/network.js';
import type { GanPlugin } from '../types/plugin.js';
import type { DiscriminatorUpdate, StatefulComponent } from '../types/stateful.js';
import { testConfig } from './fixtures/test-config.js';

declare module '../index.js' {
  interface AugmentOptionsMap {
    'testing-sum': { width?: number };
  }
}

/** An identity augmentation that keeps a running sum of D's mean real score (size `width`). */
function summingAugment(width: number): Augment & StatefulComponent {
  let state: ParamTree = { 'sum/real': tf.zeros([width]) };
  const replace = (next: ParamTree) => {
    for (const t of Object.values(state)) t.dispose();
    state = next;
  };
  return {
    name: 'testing-sum',
    draw: (n) => ({ batchSize: n, apply: (x) => x }),
    logs: () => ({ sum: tf.sum(state['sum/real']) }),
    getState: () => state,
    setState: (s) => replace(tf.tidy(() => ({ 'sum/real': s['sum/real'].clone() }))),
    afterDiscriminatorUpdate: (u: DiscriminatorUpdate) =>
      replace(tf.tidy(() => ({ 'sum/real': tf.add(state['sum/real'], tf.mean(u.realScores)) }))),
    dispose: () => replace({}),
  };
}

const augmentPlugin: GanPlugin = {
  name: 'testing-augment',
  register(container) {
    container.register(GAN_COMPONENT, {
      useValue: defineComponent({
        kind: 'augment',
        name: 'testing-sum',
        description: 'Identity augmentation with a running sum as state (tests only).',
        options: z.strictObject({ width: z.number().int().positive().default(1) }),
        create: (o) => summingAugment(o.width),
      }),
    });
  },
};

const plugins = [testingPlugin(), augmentPlugin];

async function filesOf(gan: Awaited<ReturnType<typeof createGan>>) {
  const files = await gan.checkpointFiles();
  return async (f: string) => files.get(f) as Uint8Array;
}

describe('stateful components in checkpoints', () => {
  it('writes component-state/augment, restores it exactly and logs augment_<name>', async () => {
    const a = await createGan(testConfig({ augment: { kind: 'testing-sum' } }), { plugins });
    const logs = await a.fit({ steps: 3 });
    const stateOf = (g: typeof a) => {
      const components = (g as unknown as { statefulComponents: Record<string, StatefulComponent> })
        .statefulComponents;
      return components.augment.getState()['sum/real'].dataSync()[0];
    };
    expect(logs[2].augment_sum).toBeCloseTo(stateOf(a), 6);
    const files = await a.checkpointFiles();
    const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json')));
    expect(manifest.tensors.map((t: { group: string }) => t.group)).toContain('component-state/augment');
    const b = await createGan(testConfig({ augment: { kind: 'testing-sum' } }), { plugins });
    await b.restoreCheckpointFiles(async (f) => files.get(f) as Uint8Array, 'ckpt');
    expect(stateOf(b)).toBe(stateOf(a));
    expect(stateOf(b)).not.toBe(0);
    a.dispose();
    b.dispose();
  });

  it('a checkpoint without the group, or with other shapes, is a CheckpointError naming the group', async () => {
    const plain = await createGan(testConfig(), { plugins });
    const wide = await createGan(testConfig({ augment: { kind: 'testing-sum', width: 2 } }), { plugins });
    const target = await createGan(testConfig({ augment: { kind: 'testing-sum' } }), { plugins });
    const before = target.trainer.getState().step;
    await expect(target.restoreCheckpointFiles(await filesOf(plain), 'ckpt')).rejects.toThrow(
      /the config's augment keeps state, but the checkpoint has no group "component-state\/augment"/,
    );
    const error = await target.restoreCheckpointFiles(await filesOf(wide), 'ckpt').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckpointError);
    expect((error as Error).message).toContain(
      'component-state/augment/sum/real has shape [2], this run expects [1]',
    );
    expect(target.trainer.getState().step).toBe(before);
    for (const g of [plain, wide, target]) g.dispose();
  });

  it('disposes the components’ state with the GAN', async () => {
    const before = tf.memory().numTensors;
    const gan = await createGan(testConfig({ augment: { kind: 'testing-sum', width: 3 } }), { plugins });
    await gan.fit({ steps: 2 });
    gan.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
