import { CheckpointError } from '../errors.js';

/** Whether this platform stores typed arrays little-endian (every current JS engine's CPU does). */
function platformIsLittleEndian(): boolean {
  return new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
}

/** Writes float32 values little-endian into `out` at `byteOffset`. */
export function writeFloat32LE(values: ArrayLike<number>, out: Uint8Array, byteOffset: number): void {
  if (platformIsLittleEndian() && (out.byteOffset + byteOffset) % 4 === 0) {
    new Float32Array(out.buffer, out.byteOffset + byteOffset, values.length).set(values);
    return;
  }
  const view = new DataView(out.buffer, out.byteOffset + byteOffset, values.length * 4);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true);
}

/** Reads `count` little-endian float32 values starting at `byteOffset` into a fresh array. */
export function readFloat32LE(bytes: Uint8Array, byteOffset: number, count: number): Float32Array {
  if (platformIsLittleEndian()) {
    // slice() copies into a new, aligned buffer whatever the source alignment.
    return new Float32Array(bytes.slice(byteOffset, byteOffset + count * 4).buffer);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + byteOffset, count * 4);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/** SHA-256 of `bytes` as lowercase hex, with WebCrypto (`globalThis.crypto.subtle`: browsers, Node ≥ 19). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new CheckpointError(
      'checkpoints need WebCrypto (globalThis.crypto.subtle) for SHA-256; use Node ≥ 20 or a secure browser context',
    );
  }
  // digest() wants a BufferSource backed by an ArrayBuffer; copy views of other buffers.
  const input = bytes.buffer instanceof ArrayBuffer ? bytes : new Uint8Array(bytes);
  const digest = new Uint8Array(await subtle.digest('SHA-256', input as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}
