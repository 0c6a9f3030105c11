import * as tf from '@tensorflow/tfjs';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { DataError, Rng } from '@ganforge/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPngs } from './export-samples.js';
import { imageFolder, readImageFolder } from './image-folder.js';

const root = mkdtempSync(join(tmpdir(), 'ganforge-images-'));

/** Writes a w×h PNG filled with one RGB colour. */
function png(path: string, w: number, h: number, rgb: [number, number, number]): void {
  const image = new PNG({ width: w, height: h });
  for (let p = 0; p < w * h; p++) image.data.set([...rgb, 255], 4 * p);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, PNG.sync.write(image));
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('image folders', () => {
  it('reads PNGs as [h, w, c] in [−1, 1]; class subfolders become labels', () => {
    const dir = join(root, 'classes');
    png(join(dir, 'black', 'a.png'), 4, 3, [0, 0, 0]);
    png(join(dir, 'white', 'b.png'), 4, 3, [255, 255, 255]);
    png(join(dir, 'white', 'c.png'), 4, 3, [255, 0, 0]);
    const rgb = imageFolder({ path: dir, channels: 3 });
    expect(rgb.sampleShape).toEqual([3, 4, 3]);
    expect(rgb.classNames).toEqual(['black', 'white']);
    expect(Array.from(rgb.labels!)).toEqual([0, 1, 1]);
    expect(Array.from(rgb.values.slice(0, 3))).toEqual([-1, -1, -1]);
    expect(Array.from(rgb.values.slice(2 * 36, 2 * 36 + 3))).toEqual([1, -1, -1]);
    // greyscale: luma of pure red = 0.299 · 255 → 0.299 · 2 − 1
    const grey = readImageFolder(dir);
    expect(grey.values[2 * 12]).toBeCloseTo(0.299 * 2 - 1, 5);
    const batch = rgb.sampler(new Rng(1)).next(3);
    expect(batch.labels!.shape).toEqual([3, 2]);
    tf.dispose([batch.x, batch.labels!]);
  });

  it('resizes to a configured size; mixed sizes without one name the odd file', () => {
    const dir = join(root, 'mixed');
    png(join(dir, '1.png'), 4, 4, [255, 255, 255]);
    png(join(dir, '2.png'), 8, 6, [255, 255, 255]);
    expect(() => readImageFolder(dir)).toThrow(DataError);
    expect(() => readImageFolder(dir)).toThrow(/2\.png': image is 8×6, the others 4×4 \(mixed image sizes/);
    const resized = readImageFolder(dir, { size: [2, 2] });
    expect(resized.sampleShape).toEqual([2, 2, 1]);
    for (const v of resized.values) expect(v).toBeCloseTo(1, 5);
  });

  it('bad input: missing folder, empty folder, non-PNG file, corrupt PNG', () => {
    expect(() => readImageFolder(join(root, 'nope'))).toThrow(
      /cannot read image folder '.*nope': no such folder/,
    );
    mkdirSync(join(root, 'empty'));
    expect(() => readImageFolder(join(root, 'empty'))).toThrow(/empty': the image folder is empty/);
    writeFileSync(join(root, 'notes.txt'), 'x');
    mkdirSync(join(root, 'other'));
    writeFileSync(join(root, 'other', 'notes.txt'), 'x');
    expect(() => readImageFolder(join(root, 'other'))).toThrow(/notes\.txt': not a PNG file/);
    mkdirSync(join(root, 'corrupt'));
    writeFileSync(join(root, 'corrupt', 'x.png'), 'not a png');
    expect(() => readImageFolder(join(root, 'corrupt'))).toThrow(/x\.png': cannot decode PNG/);
  });

  it('exports PNGs that read back as the same images (round trip through the folder source)', () => {
    const images = tf.tensor4d([-1, 0, 1, 0.5, 1, -1, 1, -0.5], [2, 2, 2, 1]);
    const dir = join(root, 'export');
    const paths = exportPngs(dir, images);
    expect(paths.map((p) => p.slice(dir.length + 1))).toEqual(['sample-00000.png', 'sample-00001.png']);
    const decoded = PNG.sync.read(readFileSync(paths[0]));
    expect(Array.from(decoded.data.filter((_, i) => i % 4 === 0))).toEqual([0, 128, 255, 191]);
    const back = readImageFolder(dir);
    const expected = images.dataSync();
    back.values.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThan(1 / 127.5 + 1e-6));
    expect(() => exportPngs(dir, tf.zeros([2, 4]))).toThrow(/PNG export takes images/);
    images.dispose();
  });
});
