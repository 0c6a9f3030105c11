import * as tf from '@tensorflow/tfjs';
import {
  ConfigError,
  type Discriminator,
  type DiscriminatorOutput,
  type ForwardOptions,
  type Generator,
  type GeneratorOutput,
  type Network,
  type ParamTree,
  type Rng,
  type VariableTree,
} from '@ganforge/core';
import { resolveTree, toVariables } from '../networks/variables.js';
import { spectralNormalize } from './spectral-normalize.js';

/** Options of the spectral-norm wrappers. */
export interface SpectralNormOptions {
  /** Power iterations per training forward (default 1). */
  powerIterations?: number;
  /** ε of the vector norms (default 1e-12). */
  epsilon?: number;
}

/** Prefix of the u vectors in the wrapper's state: `spectral-norm/<kernel path>/u`. */
export const SPECTRAL_NORM_STATE_PREFIX = 'spectral-norm/';

/** The paths normalized: every parameter named `kernel` with rank ≥ 2 (dense and conv kernels). */
export function spectralNormKernelPaths(params: ParamTree): string[] {
  return Object.keys(params).filter((p) => (p === 'kernel' || p.endsWith('/kernel')) && params[p].rank >= 2);
}

/** Shared machinery of the generator and discriminator wrappers. */
class SpectralNormCore {
  readonly state: VariableTree;
  readonly kernelPaths: string[];

  constructor(
    readonly inner: Network,
    rng: Rng,
    readonly options: SpectralNormOptions,
  ) {
    if (!inner.supportsSubstituteParams) {
      throw new ConfigError(
        'spectral-norm wraps only networks that accept substitute params (not a wrapped tf.LayersModel)',
      );
    }
    this.kernelPaths = spectralNormKernelPaths(inner.params);
    if (this.kernelPaths.length === 0)
      throw new ConfigError('spectral-norm: the inner network has no kernel to normalize');
    const uInit: ParamTree = {};
    for (const path of this.kernelPaths) {
      const cols = inner.params[path].shape[inner.params[path].rank - 1];
      uInit[uKey(path)] = tf.tidy(() => {
        const u = rng.normalTensor([cols]);
        return tf.div(u, tf.norm(u));
      });
    }
    this.state = { ...inner.state, ...toVariables(uInit, false) };
  }

  /** Normalized params for the inner net, its state, and the u entries of the new state. */
  prepare(o: ForwardOptions): { params: ParamTree; innerState: ParamTree; u: ParamTree } {
    const params = resolveTree(this.inner.params, o.params, 'params');
    const state = resolveTree(this.state, o.state, 'state');
    const normalized: ParamTree = { ...params };
    const u: ParamTree = {};
    for (const path of this.kernelPaths) {
      const out = spectralNormalize(params[path], state[uKey(path)], {
        ...this.options,
        training: o.training,
      });
      normalized[path] = out.kernel;
      u[uKey(path)] = out.u;
      out.sigma.dispose();
    }
    const innerState: ParamTree = {};
    for (const key of Object.keys(this.inner.state)) innerState[key] = state[key];
    return { params: normalized, innerState, u };
  }

  dispose(): void {
    this.inner.dispose();
    for (const path of this.kernelPaths) this.state[uKey(path)].dispose();
  }
}

function uKey(kernelPath: string): string {
  return `${SPECTRAL_NORM_STATE_PREFIX}${kernelPath}/u`;
}

/**
 * A discriminator whose dense and conv kernels are spectrally normalized (Miyato et al. 2018,
 * arXiv:1802.05957): the inner net runs on W / σ(W). Params are the inner net's (same paths and
 * variables); state adds one u vector per kernel at `spectral-norm/<kernel path>/u`. A training
 * forward runs one power iteration and returns the updated u (not assigned); an inference
 * forward returns u unchanged.
 */
export class SpectralNormDiscriminator implements Discriminator {
  readonly supportsSubstituteParams = true;
  private readonly sn: SpectralNormCore;

  constructor(
    readonly inner: Discriminator,
    rng: Rng,
    options: SpectralNormOptions = {},
  ) {
    this.sn = new SpectralNormCore(inner, rng, options);
  }

  get params(): VariableTree {
    return this.inner.params;
  }
  get state(): VariableTree {
    return this.sn.state;
  }
  get inputShape(): readonly number[] {
    return this.inner.inputShape;
  }

  forward(x: tf.Tensor, options: ForwardOptions): DiscriminatorOutput {
    return tf.tidy(() => {
      const { params, innerState, u } = this.sn.prepare(options);
      const out = this.inner.forward(x, { ...options, params, state: innerState });
      return { score: out.score, features: out.features, state: { ...out.state, ...u } };
    });
  }

  dispose(): void {
    this.sn.dispose();
  }
}

/** A generator with spectrally normalized kernels (Miyato et al. 2018, arXiv:1802.05957; as in SAGAN's G). */
export class SpectralNormGenerator implements Generator {
  readonly supportsSubstituteParams = true;
  private readonly sn: SpectralNormCore;

  constructor(
    readonly inner: Generator,
    rng: Rng,
    options: SpectralNormOptions = {},
  ) {
    this.sn = new SpectralNormCore(inner, rng, options);
  }

  get params(): VariableTree {
    return this.inner.params;
  }
  get state(): VariableTree {
    return this.sn.state;
  }
  get latentDim(): number {
    return this.inner.latentDim;
  }
  get outputShape(): readonly number[] {
    return this.inner.outputShape;
  }

  generate(z: tf.Tensor, options: ForwardOptions): GeneratorOutput {
    return tf.tidy(() => {
      const { params, innerState, u } = this.sn.prepare(options);
      const out = this.inner.generate(z, { ...options, params, state: innerState });
      return { x: out.x, state: { ...out.state, ...u } };
    });
  }

  dispose(): void {
    this.sn.dispose();
  }
}
