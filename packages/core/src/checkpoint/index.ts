export {
  CHECKPOINT_FORMAT_VERSION,
  encodeCheckpoint,
  decodeCheckpoint,
  type CheckpointContents,
  type DecodedCheckpoint,
  type DecodedTensor,
} from './format.js';
export {
  CHECKPOINT_FORMAT_NAME,
  MANIFEST_FILE,
  checkpointManifestSchema,
  type CheckpointDtype,
  type CheckpointManifest,
  type CheckpointTensorEntry,
} from './manifest.js';
export { tensorsFromGroup } from './to-tensors.js';
