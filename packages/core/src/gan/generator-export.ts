import * as tf from '@tensorflow/tfjs';
import { decodeCheckpoint, encodeCheckpoint } from '../checkpoint/index.js';
import type { ComponentBlock } from '../config/types.js';
import { createGanContainer, getRegistry } from '../di/create-gan-container.js';
import { CheckpointError, ConfigError } from '../errors.js';
import { checkLabels } from './check-labels.js';
import { Rng } from '../rng/rng.js';
import { createRngStreams } from '../rng/streams.js';
import type { Generator } from '../types/network.js';
import type { GanPlugin } from '../types/plugin.js';
import { buildComponent, buildContext } from './build-parts.js';
import type { EmaSettings } from '../ema/ema-update.js';
import type { Gan, GeneratorWeights } from './gan.js';

/** What an exported generator records besides its weights. */
export interface GeneratorSpec {
  generator: ComponentBlock;
  latentDim: number;
  sampleShape: number[];
  numClasses?: number;
  /** Plugin package names of the run, so a loader knows what to register. */
  plugins: string[];
  /**
   * Which weights were exported: `ema` (the run's averaged generator) or `raw`. Absent in files
   * written before EMA existed (raw weights).
   */
  weights?: GeneratorWeights;
  /** The run's EMA settings, when it had an `ema` block. */
  ema?: EmaSettings;
}

/** Options of {@link exportGeneratorFiles}. */
export interface ExportGeneratorOptions {
  /** Which weights to export (default: `ema` when the run has an `ema` block, else `raw`). */
  weights?: GeneratorWeights;
}

/** A generator loaded without any training code (see {@link loadGenerator}). */
export interface LoadedGenerator {
  readonly generator: Generator;
  readonly spec: GeneratorSpec;
  /** Samples `n` outputs in inference mode from fresh noise (seeded) or the given noise. */
  sample(options: { n: number; labels?: number[]; noise?: tf.Tensor; seed?: number }): tf.Tensor;
  dispose(): void;
}

/**
 * Encodes a trained generator alone — its config block, latent size, sample shape and weights —
 * as checkpoint-format files (`manifest.json` + Float32 files with SHA-256 checksums). With EMA
 * on, the exported parameters are the average (θ_ema) unless `weights: 'raw'`; the non-trainable
 * state is the generator's own either way, and the spec records which weights were written.
 */
export async function exportGeneratorFiles(
  gan: Gan,
  options: ExportGeneratorOptions = {},
): Promise<Map<string, Uint8Array>> {
  if (options.weights === 'ema' && !gan.ema)
    throw new ConfigError(
      "weights: 'ema' asks for the averaged generator, but the run has no `ema` block",
      'weights',
    );
  const weights: GeneratorWeights = options.weights ?? (gan.ema ? 'ema' : 'raw');
  const spec: GeneratorSpec = {
    generator: gan.config.generator,
    latentDim: gan.generator.latentDim,
    sampleShape: [...gan.data.sampleShape],
    numClasses: gan.data.numClasses,
    plugins: gan.config.plugins,
    weights,
    ...(gan.config.ema ? { ema: gan.config.ema } : {}),
  };
  return encodeCheckpoint({
    step: gan.stepCount,
    config: spec,
    rng: null,
    sampler: null,
    extra: { artifact: 'generator' },
    tensors: {
      'generator/params': weights === 'ema' && gan.ema ? gan.ema.params : { ...gan.generator.params },
      'generator/state': (weights === 'ema' ? gan.emaState() : undefined) ?? { ...gan.generator.state },
    },
  });
}

/**
 * Rebuilds a generator from files written by {@link exportGeneratorFiles}, through the component
 * registry of `plugins` (which must provide the generator's kind). Every checksum and shape is
 * checked before weights are assigned.
 */
export async function loadGenerator(
  read: (file: string) => Promise<Uint8Array>,
  where: string,
  plugins: GanPlugin[],
): Promise<LoadedGenerator> {
  const decoded = await decodeCheckpoint(read, where);
  if (decoded.extra.artifact !== 'generator')
    throw new CheckpointError(
      `${where} is not an exported generator (a training checkpoint?)`,
      'manifest.json',
    );
  const spec = decoded.config as GeneratorSpec;
  const registry = getRegistry(createGanContainer(plugins));
  const ctx = buildContext(registry, createRngStreams(0), spec.latentDim, spec);
  const generator = buildComponent(registry, 'generator', spec.generator, 'generator', ctx);
  for (const group of ['generator/params', 'generator/state'] as const) {
    const vars = group === 'generator/params' ? generator.params : generator.state;
    const saved = decoded.tensors[group] ?? {};
    for (const [path, v] of Object.entries(vars)) {
      const t = saved[path];
      if (!t || t.shape.join() !== v.shape.join()) {
        generator.dispose();
        throw new CheckpointError(
          `${where}: ${group}/${path} is missing or has another shape than the network's [${v.shape}]`,
          'manifest.json',
        );
      }
    }
    for (const [path, v] of Object.entries(vars))
      tf.tidy(() => v.assign(tf.tensor(saved[path].values, saved[path].shape, 'float32')));
  }
  return {
    generator,
    spec,
    sample({ n, labels, noise, seed }) {
      if (!Number.isInteger(n) || n <= 0)
        throw new ConfigError(`sample: n must be a positive integer, got ${n}`, 'n');
      if (labels && !spec.numClasses)
        throw new ConfigError('sample: labels given, but the generator is not conditional', 'labels');
      if (labels && spec.numClasses) checkLabels(labels, spec.numClasses);
      return tf.tidy(() => {
        const z = noise ?? new Rng(seed ?? 0, 'sample').normalTensor([n, spec.latentDim]);
        const cond =
          labels && spec.numClasses
            ? tf.oneHot(tf.tensor1d(labels, 'int32'), spec.numClasses).toFloat()
            : undefined;
        return generator.generate(z, { training: false, cond }).x;
      });
    },
    dispose: () => generator.dispose(),
  };
}

/** Loads an exported generator served at `baseUrl` (a folder URL) with `fetch`, e.g. in a browser. */
export function loadGeneratorFromUrl(baseUrl: string, plugins: GanPlugin[]): Promise<LoadedGenerator> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return loadGenerator(
    async (file) => {
      const res = await fetch(new URL(file, base));
      if (!res.ok) throw new CheckpointError(`${base}${file}: HTTP ${res.status}`, file);
      return new Uint8Array(await res.arrayBuffer());
    },
    base,
    plugins,
  );
}
