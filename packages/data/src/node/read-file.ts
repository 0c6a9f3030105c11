import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { DataError } from '@ganforge/core';

/** Reads a whole file, turning a missing or unreadable file into a DataError naming it. */
export function readDataFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : String((cause as Error).message);
    throw new DataError(`cannot read data file '${path}': ${why}`);
  }
}

/** Reads a file and gunzips it when it starts with the gzip magic bytes 1f 8b (whatever its name). */
export function readMaybeGzipped(path: string): Uint8Array {
  const raw = readDataFile(path);
  if (raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      return new Uint8Array(gunzipSync(raw));
    } catch (cause) {
      throw new DataError(`'${path}' looks gzipped but cannot be decompressed: ${(cause as Error).message}`);
    }
  }
  return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
}
