import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { imageGridPng, imageGridSize } from './image-grid.js';

describe('imageGridPng', () => {
  it('tiles greyscale images row by row, scaled, with padding, mapping [-1, 1] to 0…255', () => {
    // 3 images 2×2: image i has value -1 (black), 0 (grey), 1 (white).
    const values = [...Array(4).fill(-1), ...Array(4).fill(0), ...Array(4).fill(1)];
    const png = PNG.sync.read(imageGridPng(values, [3, 2, 2, 1], { columns: 2, scale: 3, padding: 1 }));
    expect([png.width, png.height]).toEqual([2 * (6 + 1) + 1, 2 * (6 + 1) + 1]);
    expect(imageGridSize(3, 2, 2, { columns: 2, scale: 3, padding: 1 })).toMatchObject({
      width: 15,
      height: 15,
      rows: 2,
    });
    const pixel = (x: number, y: number) =>
      Array.from(png.data.subarray(4 * (y * png.width + x), 4 * (y * png.width + x) + 4));
    expect(pixel(1, 1)).toEqual([0, 0, 0, 255]);
    expect(pixel(8, 6)).toEqual([128, 128, 128, 255]);
    expect(pixel(1, 8)).toEqual([255, 255, 255, 255]);
    expect(pixel(0, 0)).toEqual([128, 128, 128, 255]); // padding
  });

  it('clips values outside the range and keeps RGB channels', () => {
    const png = PNG.sync.read(imageGridPng([5, -5, 0], [1, 1, 1, 3], { scale: 1, padding: 0 }));
    expect(Array.from(png.data)).toEqual([255, 0, 128, 255]);
  });

  it('refuses non-image shapes', () => {
    expect(() => imageGridPng([1, 2], [2, 1], {})).toThrow(/\[n, height, width, 1\|3\|4\], got \[2,1\]/);
  });
});
