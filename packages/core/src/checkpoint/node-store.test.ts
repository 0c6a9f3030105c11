import * as tf from '@tensorflow/tfjs';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CheckpointError, ConfigError } from '../errors.js';
import { encodeCheckpoint } from './format.js';
import {
  checkpointName,
  latestCheckpoint,
  listCheckpoints,
  pruneCheckpoints,
  readCheckpointDir,
  writeCheckpointDir,
} from './node-store.js';

let root: string;

beforeAll(async () => {
  await tf.setBackend('cpu');
});
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'ganforge-ckpt-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function filesFor(step: number, value = step): Promise<Map<string, Uint8Array>> {
  const g = {
    'layers/0/kernel': tf.tensor([
      [value, -value],
      [0.5, Math.PI],
    ]),
  };
  const files = await encodeCheckpoint({
    step,
    config: { steps: 10 },
    rng: {},
    sampler: {},
    tensors: { 'generator/params': g },
  });
  tf.dispose(g);
  return files;
}

async function save(step: number, value = step): Promise<string> {
  return writeCheckpointDir(root, checkpointName(step), await filesFor(step, value));
}

describe('node checkpoint store', () => {
  it('writes atomically, leaves no temporary folder and reads back exact values', async () => {
    const dir = await save(120);
    expect(dir).toBe(path.join(root, 'step-000120'));
    expect(await fs.readdir(root)).toEqual(['step-000120']);
    expect((await fs.readdir(dir)).sort()).toEqual(['generator-params.f32', 'manifest.json']);
    const d = await readCheckpointDir(dir);
    expect(d.step).toBe(120);
    expect(d.config).toEqual({ steps: 10 });
    expect(Array.from(d.tensors['generator/params']['layers/0/kernel'].values)).toEqual(
      Array.from(new Float32Array([120, -120, 0.5, Math.PI])),
    );
  });

  it('replaces an existing checkpoint of the same name and cleans up', async () => {
    await save(5, 1);
    await save(5, 2);
    expect(await fs.readdir(root)).toEqual(['step-000005']);
    const d = await readCheckpointDir(path.join(root, 'step-000005'));
    expect(d.tensors['generator/params']['layers/0/kernel'].values[0]).toBe(2);
  });

  it('reports a corrupt file on disk by its path', async () => {
    const dir = await save(3);
    const file = path.join(dir, 'generator-params.f32');
    const bytes = await fs.readFile(file);
    bytes[0] ^= 0x80;
    await fs.writeFile(file, bytes);
    const err = await readCheckpointDir(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CheckpointError);
    expect((err as CheckpointError).message).toContain(`${dir}/generator-params.f32 is corrupt`);
    await fs.truncate(file, 8);
    await expect(readCheckpointDir(dir)).rejects.toThrow(
      /generator-params\.f32 is truncated: 8 bytes, the manifest says 16/,
    );
    await fs.rm(file);
    await expect(readCheckpointDir(dir)).rejects.toThrow(/generator-params\.f32 is missing/);
    await fs.rm(path.join(dir, 'manifest.json'));
    await expect(readCheckpointDir(dir)).rejects.toThrow(/manifest\.json is missing/);
  });

  it('throws CheckpointError for a missing folder', async () => {
    const missing = path.join(root, 'step-000999');
    const err = await readCheckpointDir(missing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CheckpointError);
    expect((err as CheckpointError).message).toBe(`checkpoint folder ${missing} does not exist`);
  });

  it('lists by step, ignores leftovers of a crashed write, and finds the latest', async () => {
    await save(120);
    await save(20);
    await save(1_000_000);
    // A crash mid-write: a temporary folder with a complete-looking manifest, and a stray folder.
    const crashed = path.join(root, '.tmp-step-002000-abcdef');
    await fs.mkdir(crashed);
    await fs.writeFile(path.join(crashed, 'manifest.json'), '{}');
    await fs.mkdir(path.join(root, 'step-003000'));
    await fs.writeFile(path.join(root, 'notes.txt'), 'x');
    const list = await listCheckpoints(root);
    expect(list.map((e) => e.name)).toEqual(['step-000020', 'step-000120', 'step-1000000']);
    expect(list.map((e) => e.step)).toEqual([20, 120, 1_000_000]);
    expect((await latestCheckpoint(root))?.step).toBe(1_000_000);
    expect(await listCheckpoints(path.join(root, 'nope'))).toEqual([]);
    expect(await latestCheckpoint(path.join(root, 'nope'))).toBeUndefined();
  });

  it('prunes to the newest K', async () => {
    for (const step of [10, 40, 20, 30, 50]) await save(step);
    const removed = await pruneCheckpoints(root, 2);
    expect(removed.map((e) => e.step)).toEqual([10, 20, 30]);
    expect((await fs.readdir(root)).sort()).toEqual(['step-000040', 'step-000050']);
    expect(await pruneCheckpoints(root, 5)).toEqual([]);
    await expect(pruneCheckpoints(root, 0)).rejects.toThrow(ConfigError);
  });

  it('removes its temporary folder when a write fails', async () => {
    const files = await filesFor(1);
    files.set('../escape', new Uint8Array(1));
    await expect(writeCheckpointDir(root, 'step-000001', files)).rejects.toThrow(
      /invalid checkpoint file name '..\/escape'/,
    );
    expect(await fs.readdir(root)).toEqual([]);
    // A failure after some files were written: the second file's data is not bytes.
    const broken = await filesFor(2);
    broken.set('zz.f32', undefined as unknown as Uint8Array);
    await expect(writeCheckpointDir(root, 'step-000002', broken)).rejects.toThrow(CheckpointError);
    expect(await fs.readdir(root)).toEqual([]);
    // The previous checkpoint of that name survives a failed overwrite.
    await save(2);
    await expect(writeCheckpointDir(root, 'step-000002', broken)).rejects.toThrow(
      /could not write checkpoint/,
    );
    expect(await fs.readdir(root)).toEqual(['step-000002']);
    expect((await readCheckpointDir(path.join(root, 'step-000002'))).step).toBe(2);
  });

  it('names checkpoints with six-digit steps', () => {
    expect(checkpointName(120)).toBe('step-000120');
    expect(checkpointName(1234567)).toBe('step-1234567');
    expect(() => checkpointName(-1)).toThrow(ConfigError);
  });
});
