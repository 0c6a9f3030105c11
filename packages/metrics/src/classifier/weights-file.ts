import * as tf from '@tensorflow/tfjs';
import { DataError } from '@ganforge/core';

const MAGIC = 0x4c434647; // 'GFCL' little-endian

/**
 * Encodes named float32 tensors as one small binary file: 'GFCL', a uint32 header length, a JSON
 * header `{ format: 1, tensors: [{ path, shape }] }` padded to 4 bytes, then the values
 * (little-endian float32) in header order.
 */
export function encodeWeights(params: Record<string, tf.Tensor>): Uint8Array {
  const entries = Object.entries(params);
  const header = new TextEncoder().encode(
    JSON.stringify({ format: 1, tensors: entries.map(([path, t]) => ({ path, shape: t.shape })) }),
  );
  const headerLength = Math.ceil(header.length / 4) * 4;
  const total = entries.reduce((a, [, t]) => a + t.size, 0);
  const out = new Uint8Array(8 + headerLength + 4 * total);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, headerLength, true);
  out.fill(0x20, 8, 8 + headerLength);
  out.set(header, 8);
  let at = 8 + headerLength;
  for (const [, t] of entries) {
    for (const v of t.dataSync()) {
      view.setFloat32(at, v, true);
      at += 4;
    }
  }
  return out;
}

/** Decodes {@link encodeWeights}'s format into tensors; a malformed file is a DataError naming `source`. */
export function decodeWeights(bytes: Uint8Array, source: string): Record<string, tf.Tensor> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 8 || view.getUint32(0, true) !== MAGIC)
    throw new DataError(`${source}: not a GANForge weights file (bad magic number)`);
  const headerLength = view.getUint32(4, true);
  let header: { format: number; tensors: { path: string; shape: number[] }[] };
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
  } catch {
    throw new DataError(`${source}: unreadable weights header`);
  }
  const total = header.tensors.reduce((a, t) => a + t.shape.reduce((x, y) => x * y, 1), 0);
  if (header.format !== 1 || bytes.length !== 8 + headerLength + 4 * total) {
    throw new DataError(
      `${source}: weights file of ${bytes.length} bytes does not match its header (format ${header.format}, ${total} values)`,
    );
  }
  const out: Record<string, tf.Tensor> = {};
  let at = 8 + headerLength;
  for (const { path, shape } of header.tensors) {
    const size = shape.reduce((x, y) => x * y, 1);
    const values = new Float32Array(size);
    for (let i = 0; i < size; i++) values[i] = view.getFloat32(at + 4 * i, true);
    at += 4 * size;
    out[path] = tf.tensor(values, shape, 'float32');
  }
  return out;
}
