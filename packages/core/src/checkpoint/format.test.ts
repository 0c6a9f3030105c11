import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CheckpointError } from '../errors.js';
import { Rng } from '../rng/rng.js';
import {
  CHECKPOINT_FORMAT_VERSION,
  decodeCheckpoint,
  encodeCheckpoint,
  type CheckpointContents,
} from './format.js';
import { tensorsFromGroup } from './to-tensors.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Contents with several groups, awkward values (NaN, −0, denormals, ±Inf) and a scalar. */
function contents(): CheckpointContents {
  const rng = new Rng(1, 'ckpt');
  const odd = new Float32Array([NaN, -0, 1e-45, Infinity, -Infinity, 3.4028234663852886e38, 0.1]);
  return {
    step: 120,
    config: { seed: 1, optimizers: { generator: { kind: 'adam', lr: 2e-4 } } },
    rng: { init: { s: [1, 2, 3, 4], spare: null } },
    sampler: { cursor: 17 },
    extra: { note: 'x' },
    tensors: {
      'generator/params': { 'layers/0/kernel': rng.normalTensor([3, 4]), 'layers/0/bias': tf.tensor(odd) },
      'discriminator/state': { 'layers/1/u': rng.normalTensor([1, 5]) },
      'optimizer/generator': {
        beta1_power: tf.scalar(0.9 ** 7),
        'm/layers/0/kernel': rng.normalTensor([3, 4]),
      },
      'fixed-noise': { z: rng.normalTensor([2, 8]) },
      counters: { seen: tf.tensor([7, -3, 16777216], [3], 'int32') },
    },
  };
}

function reader(files: Map<string, Uint8Array>) {
  return async (file: string): Promise<Uint8Array> => {
    const b = files.get(file);
    if (!b) throw new CheckpointError(`ENOENT ${file}`);
    return b;
  };
}

async function expectCheckpointError(
  files: Map<string, Uint8Array>,
  message: RegExp,
  file: string,
): Promise<void> {
  const err = await decodeCheckpoint(reader(files), 'runs/a/checkpoints/step-000120').catch(
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CheckpointError);
  expect((err as CheckpointError).message).toMatch(message);
  expect((err as CheckpointError).message).toContain(file);
  expect((err as CheckpointError).file).toBe(`runs/a/checkpoints/step-000120/${file}`);
}

function editManifest(
  files: Map<string, Uint8Array>,
  edit: (m: Record<string, unknown>) => void,
): Map<string, Uint8Array> {
  const m = JSON.parse(new TextDecoder().decode(files.get('manifest.json')));
  edit(m);
  const out = new Map(files);
  out.set('manifest.json', new TextEncoder().encode(JSON.stringify(m)));
  return out;
}

describe('encodeCheckpoint / decodeCheckpoint', () => {
  it('round-trips several groups with exact float32 bits, dtypes and JSON state', async () => {
    const c = contents();
    const files = await encodeCheckpoint(c);
    expect([...files.keys()].sort()).toEqual([
      'counters.f32',
      'discriminator-state.f32',
      'fixed-noise.f32',
      'generator-params.f32',
      'manifest.json',
      'optimizer-generator.f32',
    ]);
    const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json')));
    expect(manifest.formatVersion).toBe(CHECKPOINT_FORMAT_VERSION);
    expect(manifest.files['generator-params.f32'].bytes).toBe((12 + 7) * 4);
    expect(manifest.files['generator-params.f32'].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.tensors[1]).toEqual({
      group: 'generator/params',
      path: 'layers/0/bias',
      shape: [7],
      dtype: 'float32',
      file: 'generator-params.f32',
      offset: 48,
    });

    const d = await decodeCheckpoint(reader(files), 'mem');
    expect(d.step).toBe(120);
    expect(d.config).toEqual(c.config);
    expect(d.rng).toEqual(c.rng);
    expect(d.sampler).toEqual({ cursor: 17 });
    expect(d.extra).toEqual({ note: 'x' });
    for (const [group, tree] of Object.entries(c.tensors)) {
      for (const [path, t] of Object.entries(tree)) {
        const got = d.tensors[group][path];
        expect(got.shape).toEqual(t.shape);
        expect(got.dtype).toBe(t.dtype);
        const want = Float32Array.from(await t.data());
        expect(Array.from(new Uint32Array(got.values.buffer))).toEqual(
          Array.from(new Uint32Array(want.buffer)),
        );
      }
    }
    const ints = tensorsFromGroup(d.tensors.counters);
    expect(ints.seen.dtype).toBe('int32');
    expect(Array.from(await ints.seen.data())).toEqual([7, -3, 16777216]);
    tf.dispose([ints, Object.values(c.tensors).map((g) => Object.values(g))]);
  });

  it('sanitizes group names into distinct file names', async () => {
    const files = await encodeCheckpoint({
      step: 0,
      config: null,
      rng: null,
      sampler: null,
      tensors: {
        'a/b': { x: tf.scalar(1) },
        a_b: { x: tf.scalar(2) },
        'A/B': { x: tf.scalar(3) },
        '../manifest.json': { x: tf.scalar(4) },
      },
    });
    expect([...files.keys()]).toEqual([
      'a-b.f32',
      'a_b.f32',
      'a-b-2.f32',
      'manifest-json.f32',
      'manifest.json',
    ]);
    const d = await decodeCheckpoint(reader(files), 'mem');
    expect(d.tensors['A/B'].x.values[0]).toBe(3);
    expect(d.tensors['../manifest.json'].x.values[0]).toBe(4);
  });

  it('refuses an int32 value float32 cannot hold exactly', async () => {
    const t = tf.tensor([16777217], [1], 'int32');
    await expect(
      encodeCheckpoint({ step: 1, config: {}, rng: {}, sampler: {}, tensors: { c: { t } } }),
    ).rejects.toThrow(/beyond float32's exact range/);
    t.dispose();
  });

  describe('throws CheckpointError naming the file', () => {
    let files: Map<string, Uint8Array>;
    beforeAll(async () => {
      const c = contents();
      files = await encodeCheckpoint(c);
      tf.dispose(Object.values(c.tensors).map((g) => Object.values(g)));
    });

    it('for a missing manifest', async () => {
      const f = new Map(files);
      f.delete('manifest.json');
      await expectCheckpointError(f, /manifest .* is missing/, 'manifest.json');
    });

    it('for an unparsable manifest', async () => {
      const f = new Map(files);
      f.set('manifest.json', new TextEncoder().encode('{"formatVersion": 1,'));
      await expectCheckpointError(f, /is not valid JSON/, 'manifest.json');
    });

    it('for another format version (found vs expected)', async () => {
      const f = editManifest(files, (m) => (m.formatVersion = 2));
      await expectCheckpointError(
        f,
        /has format version 2, expected 1 \(written by a newer GANForge/,
        'manifest.json',
      );
    });

    it('for a malformed manifest', async () => {
      const f = editManifest(files, (m) => (m.step = -1));
      await expectCheckpointError(f, /is malformed: step:/, 'manifest.json');
    });

    it('for a manifest naming a file outside the checkpoint', async () => {
      const f = editManifest(files, (m) => {
        (m.files as Record<string, unknown>)['../secret'] = { sha256: '0'.repeat(64), bytes: 0 };
      });
      await expectCheckpointError(f, /is malformed: files/, 'manifest.json');
    });

    it('for a missing data file', async () => {
      const f = new Map(files);
      f.delete('fixed-noise.f32');
      await expectCheckpointError(f, /fixed-noise\.f32 is missing/, 'fixed-noise.f32');
    });

    it('for a truncated file', async () => {
      const f = new Map(files);
      f.set('generator-params.f32', files.get('generator-params.f32')!.slice(0, 40));
      await expectCheckpointError(
        f,
        /generator-params\.f32 is truncated: 40 bytes, the manifest says 76/,
        'generator-params.f32',
      );
    });

    it('for a checksum mismatch (one flipped bit)', async () => {
      const f = new Map(files);
      const b = files.get('discriminator-state.f32')!.slice();
      b[3] ^= 1;
      f.set('discriminator-state.f32', b);
      await expectCheckpointError(
        f,
        /discriminator-state\.f32 is corrupt: SHA-256 [0-9a-f]{64} does not match/,
        'discriminator-state.f32',
      );
    });

    it('for a tensor whose byte range is outside its file', async () => {
      const f = editManifest(files, (m) => {
        const t = (m.tensors as { group: string; offset: number }[]).find((e) => e.group === 'fixed-noise')!;
        t.offset = 8;
      });
      await expectCheckpointError(
        f,
        /fixed-noise:z \(bytes 8–72\) lies outside .*fixed-noise\.f32 \(64 bytes\)/,
        'fixed-noise.f32',
      );
    });
  });
});
