import * as tf from '@tensorflow/tfjs';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { DataError, defineComponent } from '@ganforge/core';
import { z } from 'zod';
import { inMemorySource, type InMemoryDataset, type InMemorySource } from '../images/labelled-images.js';
import { readDataFile } from './read-file.js';

/** Options of {@link readImageFolder}. */
export interface ImageFolderOptions {
  /** Resize every image to [height, width] (bilinear); without it all images must share one size. */
  size?: [number, number];
  /** 1 = greyscale (ITU-R 601 luma), 3 = RGB (default 1). Alpha is dropped. */
  channels?: 1 | 3;
}

/** A folder of images as a data set, with class names when it has class subfolders. */
export interface ImageFolderDataset extends InMemoryDataset {
  /** The files read, in sample order. */
  files: string[];
  /** Class names (subfolder names, sorted), when labelled. */
  classNames?: string[];
}

function listPngs(dir: string): { pngs: string[]; dirs: string[] } {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new DataError(
      `cannot read image folder '${dir}': ${code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'not a folder' : (cause as Error).message}`,
    );
  }
  const pngs: string[] = [];
  const dirs: string[] = [];
  for (const name of entries) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) dirs.push(name);
    else if (name.toLowerCase().endsWith('.png')) pngs.push(path);
    else
      throw new DataError(
        `'${path}': not a PNG file (image folders hold .png files or class subfolders of them)`,
      );
  }
  return { pngs, dirs };
}

function decodePng(path: string): PNG {
  try {
    return PNG.sync.read(readDataFile(path));
  } catch (cause) {
    if (cause instanceof DataError) throw cause;
    throw new DataError(`'${path}': cannot decode PNG: ${(cause as Error).message}`);
  }
}

/**
 * Reads the PNG images of a folder, scaled from [0, 255] to [−1, 1], as samples [h, w, channels].
 * A folder of subfolders is a labelled data set: each subfolder is a class (torchvision's
 * ImageFolder layout). An empty or missing folder, a non-PNG file, an undecodable PNG, or (without
 * `size`) an image whose size differs from the first one is a DataError naming the file.
 */
export function readImageFolder(dir: string, options: ImageFolderOptions = {}): ImageFolderDataset {
  const channels = options.channels ?? 1;
  const top = listPngs(dir);
  if (top.pngs.length > 0 && top.dirs.length > 0) {
    throw new DataError(
      `'${dir}': holds both images and subfolders (${top.dirs.join(', ')}): use one or the other`,
    );
  }
  const classNames = top.dirs.length > 0 ? top.dirs : undefined;
  const files: string[] = [];
  const labels: number[] = [];
  if (classNames === undefined) files.push(...top.pngs);
  else {
    classNames.forEach((name, c) => {
      const inner = listPngs(join(dir, name));
      if (inner.dirs.length > 0)
        throw new DataError(
          `'${join(dir, name)}': class folders may not hold subfolders (${inner.dirs.join(', ')})`,
        );
      if (inner.pngs.length === 0)
        throw new DataError(`'${join(dir, name)}': class folder holds no PNG images`);
      files.push(...inner.pngs);
      labels.push(...inner.pngs.map(() => c));
    });
  }
  if (files.length === 0) throw new DataError(`'${dir}': the image folder is empty (no .png files)`);
  const first = decodePng(files[0]);
  const [height, width] = options.size ?? [first.height, first.width];
  const sampleSize = height * width * channels;
  const values = new Float32Array(files.length * sampleSize);
  files.forEach((file, i) => {
    const png = i === 0 ? first : decodePng(file);
    if (options.size === undefined && (png.width !== width || png.height !== height)) {
      throw new DataError(
        `'${file}': image is ${png.width}×${png.height}, the others ${width}×${height} (mixed image sizes: set \`size\` to resize)`,
      );
    }
    const pixels = new Float32Array(png.width * png.height * channels);
    for (let p = 0; p < png.width * png.height; p++) {
      const [r, g, b] = [png.data[4 * p], png.data[4 * p + 1], png.data[4 * p + 2]];
      if (channels === 1) pixels[p] = 0.299 * r + 0.587 * g + 0.114 * b;
      else pixels.set([r, g, b], 3 * p);
    }
    const scaled = tf.tidy(() => {
      let img = tf.tensor3d(pixels, [png.height, png.width, channels]);
      if (png.height !== height || png.width !== width)
        img = tf.image.resizeBilinear(img, [height, width], true);
      return img.div(127.5).sub(1);
    });
    values.set(scaled.dataSync(), i * sampleSize);
    scaled.dispose();
  });
  return {
    values,
    sampleShape: [height, width, channels],
    labels: classNames !== undefined ? Int32Array.from(labels) : undefined,
    numClasses: classNames?.length,
    files,
    classNames,
  };
}

/** zod schema of the `image-folder` data options. */
export const imageFolderOptionsSchema = z.strictObject({
  path: z.string().min(1).describe('folder of .png files, or of class subfolders of them'),
  size: z
    .tuple([z.number().int().positive(), z.number().int().positive()])
    .optional()
    .describe('resize to [height, width] (default: keep; sizes must agree)'),
  channels: z
    .union([z.literal(1), z.literal(3)])
    .default(1)
    .describe('1 = greyscale, 3 = RGB (default 1)'),
});

/** Options of the `image-folder` data source. */
export type ImageFolderSourceOptions = z.input<typeof imageFolderOptionsSchema>;

/** A folder of PNG images as a data source in [−1, 1] (see {@link readImageFolder}). Node only. */
export function imageFolder(
  options: ImageFolderSourceOptions,
): InMemorySource & { classNames?: string[]; files: string[] } {
  const o = imageFolderOptionsSchema.parse(options);
  const dataset = readImageFolder(o.path, { size: o.size, channels: o.channels });
  return { ...inMemorySource(dataset, `'${o.path}'`), classNames: dataset.classNames, files: dataset.files };
}

/** The registered `image-folder` data component. */
export const imageFolderComponent = defineComponent({
  kind: 'data',
  name: 'image-folder',
  description: 'PNG images of a folder (class subfolders = labels) in [-1, 1], optionally resized.',
  options: imageFolderOptionsSchema,
  create: (options) => imageFolder(options),
});
