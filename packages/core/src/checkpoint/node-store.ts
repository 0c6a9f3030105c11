import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CheckpointError, ConfigError } from '../errors.js';
import { decodeCheckpoint, type DecodedCheckpoint } from './format.js';
import { CHECKPOINT_FILE_NAME, MANIFEST_FILE } from './manifest.js';

/** A checkpoint folder found under a run's checkpoint root. */
export interface CheckpointEntry {
  /** Folder name, `step-000120`. */
  name: string;
  /** The step in the name. */
  step: number;
  /** Full path of the folder. */
  dir: string;
}

const CHECKPOINT_DIR = /^step-(\d+)$/;

/** The folder name of the checkpoint after `step`: `step-000120` (six digits, more if needed). */
export function checkpointName(step: number): string {
  if (!Number.isInteger(step) || step < 0)
    throw new ConfigError(`checkpoint step must be a non-negative integer, got ${step}`, 'step');
  return `step-${String(step).padStart(6, '0')}`;
}

function randomSuffix(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** fsyncs a folder so a rename inside it is durable; platforms that cannot (Windows) skip it. */
async function syncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF' && code !== 'EACCES')
      throw e;
  } finally {
    await handle?.close();
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.stat(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a checkpoint's files (from `encodeCheckpoint`) to `<root>/<name>` atomically: into
 * `<root>/.tmp-<name>-<random>` first, each file fsynced, then renamed into place; an existing
 * `<root>/<name>` is moved aside (`.old-<name>-<random>`) and removed only after the new folder is
 * in place. A crash leaves at most a dot-folder, which {@link listCheckpoints} ignores. Returns
 * the final folder.
 */
export async function writeCheckpointDir(
  root: string,
  name: string,
  files: Map<string, Uint8Array>,
): Promise<string> {
  if (!CHECKPOINT_FILE_NAME.test(name))
    throw new CheckpointError(`invalid checkpoint folder name '${name}'`, path.join(root, name));
  for (const file of files.keys()) {
    if (!CHECKPOINT_FILE_NAME.test(file))
      throw new CheckpointError(`invalid checkpoint file name '${file}'`, path.join(root, name, file));
  }
  await fs.mkdir(root, { recursive: true });
  const target = path.join(root, name);
  const tmp = path.join(root, `.tmp-${name}-${randomSuffix()}`);
  await fs.mkdir(tmp);
  let old: string | undefined;
  try {
    for (const [file, bytes] of files) {
      const handle = await fs.open(path.join(tmp, file), 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    await syncDir(tmp);
    old = (await exists(target)) ? path.join(root, `.old-${name}-${randomSuffix()}`) : undefined;
    if (old) await fs.rename(target, old);
    try {
      await fs.rename(tmp, target);
    } catch (e) {
      if (old) await fs.rename(old, target);
      throw e;
    }
  } catch (e) {
    await fs.rm(tmp, { recursive: true, force: true });
    if (e instanceof CheckpointError) throw e;
    throw new CheckpointError(`could not write checkpoint ${target}: ${(e as Error).message}`, target);
  }
  // The new checkpoint is in place; what follows only makes that durable and tidies up.
  await syncDir(root);
  if (old) await fs.rm(old, { recursive: true, force: true });
  return target;
}

/** Reads and verifies the checkpoint in `dir` (see `decodeCheckpoint`). */
export async function readCheckpointDir(dir: string): Promise<DecodedCheckpoint> {
  let stat;
  try {
    stat = await fs.stat(dir);
  } catch {
    throw new CheckpointError(`checkpoint folder ${dir} does not exist`, dir);
  }
  if (!stat.isDirectory()) throw new CheckpointError(`checkpoint ${dir} is not a folder`, dir);
  return decodeCheckpoint(async (file) => {
    const buffer = await fs.readFile(path.join(dir, file));
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }, dir);
}

/**
 * The checkpoints under `root`, oldest first: folders named `step-<digits>` that hold a
 * `manifest.json` (temporary `.tmp-…` folders of an interrupted write never count). The step
 * comes from the folder name; a missing root gives an empty list.
 */
export async function listCheckpoints(root: string): Promise<CheckpointEntry[]> {
  let names: string[];
  try {
    names = (await fs.readdir(root, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new CheckpointError(`cannot list checkpoints in ${root}: ${(e as Error).message}`, root);
  }
  const found: CheckpointEntry[] = [];
  for (const name of names) {
    const m = CHECKPOINT_DIR.exec(name);
    if (!m) continue;
    const dir = path.join(root, name);
    if (await exists(path.join(dir, MANIFEST_FILE))) found.push({ name, step: Number(m[1]), dir });
  }
  return found.sort((a, b) => a.step - b.step || a.name.localeCompare(b.name));
}

/** The newest checkpoint under `root` (highest step), or undefined when there is none. */
export async function latestCheckpoint(root: string): Promise<CheckpointEntry | undefined> {
  const all = await listCheckpoints(root);
  return all[all.length - 1];
}

/** Removes all but the newest `keep` checkpoints under `root`; returns the removed ones. */
export async function pruneCheckpoints(root: string, keep: number): Promise<CheckpointEntry[]> {
  if (!Number.isInteger(keep) || keep < 1)
    throw new ConfigError(`checkpoint.keep must be an integer ≥ 1, got ${keep}`, 'checkpoint.keep');
  const all = await listCheckpoints(root);
  const removed = all.slice(0, Math.max(0, all.length - keep));
  for (const entry of removed) await fs.rm(entry.dir, { recursive: true, force: true });
  return removed;
}
