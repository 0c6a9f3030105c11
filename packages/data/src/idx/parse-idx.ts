import { DataError } from '@ganforge/core';

/** Element types of the IDX format, by their type byte. */
const IDX_TYPES = {
  0x08: { name: 'ubyte', bytes: 1 },
  0x09: { name: 'byte', bytes: 1 },
  0x0b: { name: 'short', bytes: 2 },
  0x0c: { name: 'int', bytes: 4 },
  0x0d: { name: 'float', bytes: 4 },
  0x0e: { name: 'double', bytes: 8 },
} as const;

/** A decoded IDX array. */
export interface IdxArray {
  /** Dimensions, e.g. [60000, 28, 28]. */
  shape: number[];
  /** The element type's name. */
  type: 'ubyte' | 'byte' | 'short' | 'int' | 'float' | 'double';
  /** The values, row-major. */
  data: Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;
}

/**
 * Decodes an IDX file (LeCun et al.'s MNIST format, also Fashion-MNIST and EMNIST): a magic number
 * 0x0000TTDD (TT the element type, DD the number of dimensions), DD big-endian uint32 sizes, then
 * the big-endian values. Anything else (a wrong magic number, an unknown type, a truncated body,
 * trailing bytes) is a DataError naming `source`.
 */
export function parseIdx(bytes: Uint8Array, source = 'IDX data'): IdxArray {
  if (bytes.length < 4)
    throw new DataError(
      `${source}: not an IDX file (${bytes.length} bytes, shorter than the 4-byte magic number)`,
    );
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  const hex = `0x${magic.toString(16).padStart(8, '0')}`;
  const typeByte = bytes[2] as keyof typeof IDX_TYPES;
  const type = IDX_TYPES[typeByte];
  const dims = bytes[3];
  if (bytes[0] !== 0 || bytes[1] !== 0 || type === undefined || dims === 0) {
    throw new DataError(
      `${source}: wrong IDX magic number ${hex}: expected 0x0000TTDD with TT one of 08, 09, 0b, 0c, 0d, 0e and DD ≥ 1 dimensions (e.g. 0x00000803 for MNIST images, 0x00000801 for labels)`,
    );
  }
  const headerBytes = 4 + 4 * dims;
  if (bytes.length < headerBytes)
    throw new DataError(
      `${source}: truncated IDX header: ${dims} dimensions need ${headerBytes} bytes, the file has ${bytes.length}`,
    );
  const shape = Array.from({ length: dims }, (_, i) => view.getUint32(4 + 4 * i));
  const count = shape.reduce((a, b) => a * b, 1);
  const expected = headerBytes + count * type.bytes;
  if (bytes.length !== expected) {
    throw new DataError(
      `${source}: IDX body of ${bytes.length - headerBytes} bytes does not match shape [${shape}] of ${type.name} (${count * type.bytes} bytes expected)${bytes.length < expected ? ': the file is truncated' : ': trailing bytes'}`,
    );
  }
  const body = headerBytes;
  switch (type.name) {
    case 'ubyte':
      return { shape, type: type.name, data: bytes.slice(body, expected) };
    case 'byte':
      return { shape, type: type.name, data: new Int8Array(bytes.slice(body, expected).buffer) };
    case 'short':
      return {
        shape,
        type: type.name,
        data: Int16Array.from({ length: count }, (_, i) => view.getInt16(body + 2 * i)),
      };
    case 'int':
      return {
        shape,
        type: type.name,
        data: Int32Array.from({ length: count }, (_, i) => view.getInt32(body + 4 * i)),
      };
    case 'float':
      return {
        shape,
        type: type.name,
        data: Float32Array.from({ length: count }, (_, i) => view.getFloat32(body + 4 * i)),
      };
    case 'double':
      return {
        shape,
        type: type.name,
        data: Float64Array.from({ length: count }, (_, i) => view.getFloat64(body + 8 * i)),
      };
  }
}

/** Encodes an IDX array (for tests and for exporting data sets in the MNIST format). */
export function encodeIdx(array: IdxArray): Uint8Array {
  const code = Number(Object.entries(IDX_TYPES).find(([, t]) => t.name === array.type)![0]);
  const size = IDX_TYPES[code as keyof typeof IDX_TYPES].bytes;
  const header = 4 + 4 * array.shape.length;
  const out = new Uint8Array(header + array.data.length * size);
  const view = new DataView(out.buffer);
  view.setUint32(0, (code << 8) | array.shape.length);
  array.shape.forEach((d, i) => view.setUint32(4 + 4 * i, d));
  for (let i = 0; i < array.data.length; i++) {
    const v = Number(array.data[i]);
    const at = header + i * size;
    if (array.type === 'ubyte') view.setUint8(at, v);
    else if (array.type === 'byte') view.setInt8(at, v);
    else if (array.type === 'short') view.setInt16(at, v);
    else if (array.type === 'int') view.setInt32(at, v);
    else if (array.type === 'float') view.setFloat32(at, v);
    else view.setFloat64(at, v);
  }
  return out;
}
