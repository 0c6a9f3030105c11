export {
  writeCheckpointDir,
  readCheckpointDir,
  listCheckpoints,
  latestCheckpoint,
  pruneCheckpoints,
  checkpointName,
  type CheckpointEntry,
} from './node-store.js';
