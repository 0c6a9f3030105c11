// Writes digits in [-1, 1] as one grayscale PNG: `rows` × `cols` tiles of 28×28 (row r = digit r).
import { PNG } from 'pngjs';
import { writeFileSync } from 'node:fs';

export function writeDigitGrid(
  file: string,
  digits: ArrayLike<number>,
  rows: number,
  cols: number,
  side = 28,
): void {
  const png = new PNG({ width: cols * side, height: rows * side });
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const base = (r * cols + c) * side * side;
      for (let i = 0; i < side; i++) {
        for (let j = 0; j < side; j++) {
          const v = Math.round(Math.min(1, Math.max(0, (digits[base + i * side + j] + 1) / 2)) * 255);
          const p = ((r * side + i) * png.width + c * side + j) * 4;
          png.data[p] = png.data[p + 1] = png.data[p + 2] = v;
          png.data[p + 3] = 255;
        }
      }
    }
  }
  writeFileSync(file, PNG.sync.write(png));
}
