import { z } from 'zod';

/** The version of the checkpoint layout written by this library; readers refuse others. */
export const CHECKPOINT_FORMAT_VERSION = 1;

/** The value of the manifest's `format` field, so a stray `manifest.json` is not taken for ours. */
export const CHECKPOINT_FORMAT_NAME = 'ganforge-checkpoint';

/** Name of the manifest file inside a checkpoint. */
export const MANIFEST_FILE = 'manifest.json';

/** Data types a checkpoint records; every value is stored as float32 whatever the dtype. */
export type CheckpointDtype = 'float32' | 'int32' | 'bool';

/** A file name a checkpoint may contain: no path separators, no leading dot, no `..`. */
export const CHECKPOINT_FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/** Schema of `manifest.json` (format version 1). */
export const checkpointManifestSchema = z.object({
  format: z.literal(CHECKPOINT_FORMAT_NAME),
  formatVersion: z.literal(CHECKPOINT_FORMAT_VERSION),
  step: z.number().int().min(0),
  config: z.unknown(),
  rng: z.unknown(),
  sampler: z.unknown(),
  extra: z.record(z.string(), z.unknown()),
  files: z.record(
    z.string().regex(CHECKPOINT_FILE_NAME),
    z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().min(0) }),
  ),
  tensors: z.array(
    z.object({
      group: z.string().min(1),
      path: z.string().min(1),
      shape: z.array(z.number().int().min(0)),
      dtype: z.enum(['float32', 'int32', 'bool']),
      file: z.string().regex(CHECKPOINT_FILE_NAME),
      offset: z.number().int().min(0),
    }),
  ),
});

/**
 * The manifest of a checkpoint: what the run needs besides raw tensors (step, config, RNG and
 * sampler state, `extra`), every other file with its SHA-256 and length, and where each tensor
 * lies (`file` at byte `offset`, `size(shape)` little-endian float32 values).
 */
export type CheckpointManifest = z.infer<typeof checkpointManifestSchema>;

/** One tensor entry of a {@link CheckpointManifest}. */
export type CheckpointTensorEntry = CheckpointManifest['tensors'][number];
