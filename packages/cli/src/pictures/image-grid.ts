import { PNG } from 'pngjs';
import { ConfigError } from '@ganforge/core';

/** Options of {@link imageGridPng}. */
export interface ImageGridOptions {
  /** Images per row (default: ⌈√n⌉). */
  columns?: number;
  /** The value range mapped to 0…255, clipped outside (default [−1, 1], a tanh generator's). */
  range?: [number, number];
  /** Each image pixel becomes `scale × scale` grid pixels (default 2). */
  scale?: number;
  /** Grid pixels between images and around the grid (default 2). */
  padding?: number;
}

/** The pixel size of a grid of `n` images `h × w` (see {@link imageGridPng}). */
export function imageGridSize(
  n: number,
  h: number,
  w: number,
  options: ImageGridOptions = {},
): { width: number; height: number; columns: number; rows: number } {
  const columns = options.columns ?? Math.ceil(Math.sqrt(n));
  const rows = Math.ceil(n / columns);
  const scale = options.scale ?? 2;
  const pad = options.padding ?? 2;
  return { width: columns * (w * scale + pad) + pad, height: rows * (h * scale + pad) + pad, columns, rows };
}

/**
 * Tiles images `[n, h, w, c]` (c = 1 greyscale, 3 RGB, 4 RGBA; row-major values) into one PNG,
 * row by row on a mid-grey background, and returns the encoded bytes.
 */
export function imageGridPng(
  values: ArrayLike<number>,
  shape: readonly number[],
  options: ImageGridOptions = {},
): Buffer {
  if (shape.length !== 4 || ![1, 3, 4].includes(shape[3])) {
    throw new ConfigError(`an image grid takes images [n, height, width, 1|3|4], got [${shape}]`, 'samples');
  }
  const [n, h, w, c] = shape;
  const { width, height, columns } = imageGridSize(n, h, w, options);
  const [lo, hi] = options.range ?? [-1, 1];
  const scale = options.scale ?? 2;
  const pad = options.padding ?? 2;
  const png = new PNG({ width, height });
  for (let p = 0; p < width * height; p++) png.data.set([128, 128, 128, 255], 4 * p);
  const byte = (v: number) => Math.round(Math.min(1, Math.max(0, (v - lo) / (hi - lo))) * 255);
  for (let i = 0; i < n; i++) {
    const left = pad + (i % columns) * (w * scale + pad);
    const top = pad + Math.floor(i / columns) * (h * scale + pad);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const at = ((i * h + y) * w + x) * c;
        const rgba =
          c === 1
            ? [byte(values[at]), byte(values[at]), byte(values[at]), 255]
            : [
                byte(values[at]),
                byte(values[at + 1]),
                byte(values[at + 2]),
                c === 4 ? byte(values[at + 3]) : 255,
              ];
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++)
            png.data.set(rgba, 4 * ((top + y * scale + dy) * width + left + x * scale + dx));
        }
      }
    }
  }
  return PNG.sync.write(png);
}
