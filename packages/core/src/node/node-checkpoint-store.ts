import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeCheckpointDir } from '../checkpoint/node.js';
import { CheckpointError } from '../errors.js';
import type { CheckpointStore } from '../gan/checkpoint-store.js';

/** Checkpoint folders on the local disk, written under a temporary name and renamed. */
export const nodeCheckpointStore: CheckpointStore = {
  async write(dir, files) {
    await writeCheckpointDir(dirname(dir), basename(dir), files);
  },
  async reader(dir) {
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory()) throw new CheckpointError(`checkpoint folder ${dir} does not exist`, dir);
    return async (file: string) => {
      try {
        return new Uint8Array(await readFile(join(dir, file)));
      } catch {
        throw new CheckpointError(
          `checkpoint ${dir}: file ${file} is missing or unreadable`,
          join(dir, file),
        );
      }
    };
  },
};
