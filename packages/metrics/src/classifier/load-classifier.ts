import * as tf from '@tensorflow/tfjs';
import { DataError } from '@ganforge/core';
import { mnistClassifierUrl } from '../mnist-classifier-url.js';
import {
  MNIST_CLASSIFIER_SHAPES,
  mnistClassifierForward,
  type ClassifierOutput,
  type ClassifierParams,
} from './mnist-classifier.js';
import { decodeWeights } from './weights-file.js';

/** The shipped MNIST classifier with its weights loaded. */
export interface MnistClassifier {
  readonly params: ClassifierParams;
  /** Logits and penultimate features of digits in [−1, 1] (`[n, 28, 28, 1]` or `[n, 784]`). */
  apply(x: tf.Tensor): ClassifierOutput;
  /** Class probabilities p(y|x) `[n × 10]` and features `[n × 64]`, computed in batches of 500, read once each. */
  evaluate(x: tf.Tensor): { probabilities: Float32Array; features: Float32Array; n: number };
  /** Releases the weights. */
  dispose(): void;
}

/** Reads a URL's bytes: the file system for `file:` URLs (Node), `fetch` otherwise (browsers). */
async function readBytes(url: URL): Promise<Uint8Array> {
  if (url.protocol === 'file:') {
    // A computed specifier keeps bundlers from pulling a Node module into browser builds.
    const fsModule = 'node:fs/promises';
    const fs = (await import(/* @vite-ignore */ fsModule)) as { readFile(u: URL): Promise<Uint8Array> };
    try {
      return new Uint8Array(await fs.readFile(url));
    } catch (cause) {
      throw new DataError(
        `cannot read the MNIST classifier weights at ${url.href}: ${(cause as Error).message}`,
      );
    }
  }
  const response = await fetch(url);
  if (!response.ok)
    throw new DataError(`cannot fetch the MNIST classifier weights at ${url.href}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Wraps loaded parameters as a {@link MnistClassifier}, checking their shapes. */
export function mnistClassifierFromParams(params: ClassifierParams, source = 'parameters'): MnistClassifier {
  for (const [path, shape] of Object.entries(MNIST_CLASSIFIER_SHAPES)) {
    if (params[path]?.shape.join() !== shape.join()) {
      throw new DataError(
        `${source}: '${path}' has shape [${params[path]?.shape ?? 'missing'}], expected [${shape}]`,
      );
    }
  }
  return {
    params,
    apply: (x) => mnistClassifierForward(params, x),
    evaluate(x) {
      const n = x.size / 784;
      const probabilities = new Float32Array(n * 10);
      const features = new Float32Array(n * 64);
      const flat = x.reshape([n, 784]);
      for (let start = 0; start < n; start += 500) {
        const size = Math.min(500, n - start);
        const [p, f] = tf.tidy(() => {
          const out = mnistClassifierForward(params, flat.slice([start, 0], [size, 784]));
          return [tf.softmax(out.logits), out.features];
        });
        probabilities.set(p.dataSync(), start * 10);
        features.set(f.dataSync(), start * 64);
        tf.dispose([p, f]);
      }
      flat.dispose();
      return { probabilities, features, n };
    },
    dispose: () => tf.dispose(Object.values(params)),
  };
}

/**
 * Loads the MNIST classifier shipped with @ganforge/metrics (trained by
 * `scripts/train-mnist-classifier.ts` on the 8,000-digit training split of @ganforge/data's MNIST;
 * its held-out accuracy and NLL are asserted by the package's tests). `url` defaults to the
 * weights inside the package.
 */
export async function loadMnistClassifier(url: URL = mnistClassifierUrl()): Promise<MnistClassifier> {
  const bytes = await readBytes(url);
  return mnistClassifierFromParams(decodeWeights(bytes, url.href), url.href);
}
