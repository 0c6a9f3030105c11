import type * as tf from '@tensorflow/tfjs';
import { CheckpointError } from '../errors.js';
import { readFloat32LE, sha256Hex, writeFloat32LE } from './bytes.js';
import {
  CHECKPOINT_FORMAT_NAME,
  CHECKPOINT_FORMAT_VERSION,
  MANIFEST_FILE,
  checkpointManifestSchema,
  type CheckpointDtype,
  type CheckpointManifest,
  type CheckpointTensorEntry,
} from './manifest.js';

export { CHECKPOINT_FORMAT_VERSION } from './manifest.js';

/**
 * What a checkpoint holds. `tensors` is keyed by group (`generator/params`, `generator/state`,
 * `discriminator/params`, `discriminator/state`, `optimizer/generator`, `optimizer/discriminator`,
 * `fixed-noise`, …) and within a group by structural path (`layers/0/kernel`). Everything else
 * must be JSON-serializable.
 */
export interface CheckpointContents {
  /** The training step the checkpoint was taken after. */
  step: number;
  /** The resolved run config. */
  config: unknown;
  /** RNG stream states. */
  rng: unknown;
  /** Batch sampler state. */
  sampler: unknown;
  /** Anything else a component needs to resume (JSON). */
  extra?: Record<string, unknown>;
  tensors: Record<string, Record<string, tf.Tensor>>;
}

/** One decoded tensor: the caller makes the `tf.Tensor` (`tf.tensor(values, shape, dtype)`). */
export interface DecodedTensor {
  shape: number[];
  /** The dtype it was saved with; values are float32 in every case. */
  dtype: CheckpointDtype;
  values: Float32Array;
}

/** A checkpoint after every file was checked. */
export interface DecodedCheckpoint {
  formatVersion: number;
  step: number;
  config: unknown;
  rng: unknown;
  sampler: unknown;
  extra: Record<string, unknown>;
  /** group → path → tensor data. */
  tensors: Record<string, Record<string, DecodedTensor>>;
}

/** int32 values above 2^24 are not exact in float32. */
const FLOAT32_EXACT_INT = 2 ** 24;

function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** A file name for a group: lowercase (case-insensitive file systems), safe characters, unique. */
function fileNameFor(group: string, taken: Set<string>): string {
  const base =
    group
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^[-_]+|[-_]+$/g, '') || 'group';
  let name = `${base}.f32`;
  for (let i = 2; taken.has(name) || name === MANIFEST_FILE; i++) name = `${base}-${i}.f32`;
  taken.add(name);
  return name;
}

function toJson(what: string, value: unknown): unknown {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? null : JSON.parse(text);
  } catch (e) {
    throw new CheckpointError(`checkpoint ${what} is not JSON-serializable: ${(e as Error).message}`);
  }
}

/**
 * Encodes a checkpoint into files: `manifest.json` and one raw little-endian float32 file per
 * tensor group (`generator/params` → `generator-params.f32`). The manifest records the format
 * version, step, config, RNG state, sampler state, `extra`, each tensor's group, path, shape,
 * dtype, file and byte offset, and each data file's SHA-256 (WebCrypto) and byte length.
 *
 * Each tensor is read once with `await t.data()`; call this outside `tf.tidy`. int32 and bool
 * tensors are stored as float32 (exact up to 2^24) and keep their dtype in the manifest.
 */
export async function encodeCheckpoint(c: CheckpointContents): Promise<Map<string, Uint8Array>> {
  if (!Number.isInteger(c.step) || c.step < 0)
    throw new CheckpointError(`checkpoint step must be a non-negative integer, got ${c.step}`);
  const files = new Map<string, Uint8Array>();
  const entries: CheckpointTensorEntry[] = [];
  const fileInfo: CheckpointManifest['files'] = {};
  const taken = new Set<string>();
  for (const [group, tree] of Object.entries(c.tensors)) {
    if (group === '') throw new CheckpointError('checkpoint tensor group names must not be empty');
    const file = fileNameFor(group, taken);
    const paths = Object.keys(tree);
    let bytes = 0;
    for (const path of paths) {
      const t = tree[path];
      if (t.isDisposed) throw new CheckpointError(`checkpoint tensor ${group}:${path} is disposed`, file);
      if (t.dtype !== 'float32' && t.dtype !== 'int32' && t.dtype !== 'bool') {
        throw new CheckpointError(
          `checkpoint tensor ${group}:${path} has dtype ${t.dtype}; only float32, int32 and bool are stored`,
          file,
        );
      }
      entries.push({ group, path, shape: [...t.shape], dtype: t.dtype, file, offset: bytes });
      bytes += t.size * 4;
    }
    const data = new Uint8Array(bytes);
    for (const [i, path] of paths.entries()) {
      const t = tree[path];
      const values = await t.data();
      if (t.dtype === 'int32') {
        for (const v of values as Int32Array) {
          if (Math.abs(v) > FLOAT32_EXACT_INT) {
            throw new CheckpointError(
              `checkpoint tensor ${group}:${path} holds int32 value ${v}, beyond float32's exact range ±2^24`,
              file,
            );
          }
        }
      }
      writeFloat32LE(values as ArrayLike<number>, data, entries[entries.length - paths.length + i].offset);
    }
    files.set(file, data);
    fileInfo[file] = { sha256: await sha256Hex(data), bytes };
  }
  const manifest: CheckpointManifest = {
    format: CHECKPOINT_FORMAT_NAME,
    formatVersion: CHECKPOINT_FORMAT_VERSION,
    step: c.step,
    config: toJson('config', c.config),
    rng: toJson('rng state', c.rng),
    sampler: toJson('sampler state', c.sampler),
    extra: (toJson('extra', c.extra ?? {}) ?? {}) as Record<string, unknown>,
    files: fileInfo,
    tensors: entries,
  };
  files.set(MANIFEST_FILE, new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
  return files;
}

function locate(where: string, file: string): string {
  return where === '' ? file : `${where.replace(/[\\/]+$/, '')}/${file}`;
}

/** Parses and validates `manifest.json`: version first, so a newer layout gets the clear message. */
function parseManifest(bytes: Uint8Array, where: string): CheckpointManifest {
  const at = locate(where, MANIFEST_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new CheckpointError(`checkpoint manifest ${at} is not valid JSON: ${(e as Error).message}`, at);
  }
  if (
    typeof raw !== 'object' ||
    raw === null ||
    (raw as { format?: unknown }).format !== CHECKPOINT_FORMAT_NAME
  ) {
    throw new CheckpointError(
      `${at} is not a GANForge checkpoint manifest (no "format": "${CHECKPOINT_FORMAT_NAME}")`,
      at,
    );
  }
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (version !== CHECKPOINT_FORMAT_VERSION) {
    throw new CheckpointError(
      `checkpoint ${at} has format version ${JSON.stringify(version)}, expected ${CHECKPOINT_FORMAT_VERSION}` +
        (typeof version === 'number' && version > CHECKPOINT_FORMAT_VERSION
          ? ' (written by a newer GANForge: upgrade @ganforge/core)'
          : ''),
      at,
    );
  }
  const parsed = checkpointManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new CheckpointError(`checkpoint manifest ${at} is malformed: ${issues}`, at);
  }
  return parsed.data;
}

/**
 * Reads and verifies a checkpoint. `read(file)` returns a file's bytes (rejecting when it is
 * missing); `where` names the checkpoint (a folder or URL) in error messages. Before returning
 * anything it checks the manifest, the format version, every file's length and SHA-256, and that
 * every tensor lies inside its file; any failure is a {@link CheckpointError} naming the file.
 */
export async function decodeCheckpoint(
  read: (file: string) => Promise<Uint8Array>,
  where: string,
): Promise<DecodedCheckpoint> {
  const manifestAt = locate(where, MANIFEST_FILE);
  let manifestBytes: Uint8Array;
  try {
    manifestBytes = await read(MANIFEST_FILE);
  } catch (e) {
    throw new CheckpointError(
      `checkpoint manifest ${manifestAt} is missing or unreadable: ${(e as Error).message}`,
      manifestAt,
    );
  }
  const manifest = parseManifest(manifestBytes, where);

  const data = new Map<string, Uint8Array>();
  for (const [file, info] of Object.entries(manifest.files)) {
    const at = locate(where, file);
    let bytes: Uint8Array;
    try {
      bytes = await read(file);
    } catch (e) {
      throw new CheckpointError(
        `checkpoint file ${at} is missing or unreadable: ${(e as Error).message}`,
        at,
      );
    }
    if (bytes.length !== info.bytes) {
      const how = bytes.length < info.bytes ? 'truncated' : 'too long';
      throw new CheckpointError(
        `checkpoint file ${at} is ${how}: ${bytes.length} bytes, the manifest says ${info.bytes}`,
        at,
      );
    }
    const hash = await sha256Hex(bytes);
    if (hash !== info.sha256) {
      throw new CheckpointError(
        `checkpoint file ${at} is corrupt: SHA-256 ${hash} does not match the manifest's ${info.sha256}`,
        at,
      );
    }
    data.set(file, bytes);
  }

  const tensors: DecodedCheckpoint['tensors'] = {};
  const located: { entry: CheckpointTensorEntry; bytes: Uint8Array }[] = [];
  for (const entry of manifest.tensors) {
    const at = locate(where, entry.file);
    const bytes = data.get(entry.file);
    if (!bytes) {
      throw new CheckpointError(
        `checkpoint tensor ${entry.group}:${entry.path} lies in ${at}, which the manifest ${manifestAt} does not list`,
        manifestAt,
      );
    }
    const end = entry.offset + sizeOf(entry.shape) * 4;
    if (entry.offset % 4 !== 0 || end > bytes.length) {
      throw new CheckpointError(
        `checkpoint tensor ${entry.group}:${entry.path} (bytes ${entry.offset}–${end}) lies outside ${at} (${bytes.length} bytes)`,
        at,
      );
    }
    if (tensors[entry.group]?.[entry.path]) {
      throw new CheckpointError(
        `checkpoint manifest ${manifestAt} lists tensor ${entry.group}:${entry.path} twice`,
        manifestAt,
      );
    }
    (tensors[entry.group] ??= {})[entry.path] = {
      shape: entry.shape,
      dtype: entry.dtype,
      values: new Float32Array(0),
    };
    located.push({ entry, bytes });
  }
  for (const { entry, bytes } of located) {
    tensors[entry.group][entry.path].values = readFloat32LE(bytes, entry.offset, sizeOf(entry.shape));
  }
  return {
    formatVersion: manifest.formatVersion,
    step: manifest.step,
    config: manifest.config,
    rng: manifest.rng,
    sampler: manifest.sampler,
    extra: manifest.extra,
    tensors,
  };
}
