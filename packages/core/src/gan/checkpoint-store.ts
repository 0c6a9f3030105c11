/**
 * Where checkpoints are written: a folder of files (DESIGN.md's format). Node's store lives in
 * `@ganforge/core/node` (`nodeCheckpointStore`); a browser app can supply one over IndexedDB.
 */
export interface CheckpointStore {
  /** Writes `files` as the checkpoint folder `dir`, atomically (temporary name, then rename). */
  write(dir: string, files: Map<string, Uint8Array>): Promise<void>;
  /** A reader of the files of checkpoint folder `dir`. */
  reader(dir: string): Promise<(file: string) => Promise<Uint8Array>>;
}
