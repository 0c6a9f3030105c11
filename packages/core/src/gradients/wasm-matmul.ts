import * as tf from '@tensorflow/tfjs';

type KernelArgs = Parameters<tf.KernelFunc>[0];

/** What the wrapper needs of the wasm backend object the kernel receives. */
interface DisposingBackend {
  disposeData(dataId: tf.DataId): void;
}

/** Kernel functions this module installed, so that installing twice wraps once. */
const installed = new WeakSet<tf.KernelFunc>();

/** Transposes the last two axes of `t` with the backend's own Transpose kernel, at rank 3. */
function transposeLastTwo(
  t: tf.TensorInfo,
  transposeKernel: tf.KernelFunc,
  backend: KernelArgs['backend'],
): tf.TensorInfo {
  const shape = t.shape;
  const rows = shape[shape.length - 2];
  const cols = shape[shape.length - 1];
  const batch = shape.slice(0, -2);
  const batchSize = batch.reduce((a, b) => a * b, 1);
  // A rank-3 view of the same buffer: rank ≥ 5 transposes take a slow per-element path on wasm.
  const view: tf.TensorInfo = { dataId: t.dataId, shape: [batchSize, rows, cols], dtype: t.dtype };
  const out = transposeKernel({ inputs: { x: view }, backend, attrs: { perm: [0, 2, 1] } }) as tf.TensorInfo;
  return { dataId: out.dataId, shape: [...batch, cols, rows], dtype: out.dtype };
}

/**
 * The activation of a tfjs fused op (`_FusedMatMul`, `FusedConv2D`: `activation` and
 * `leakyreluAlpha` attributes, default α 0.2) applied as plain, differentiable tfjs ops; for
 * kernels that compute the fused op as a composite.
 */
export function applyFusedActivation(
  y: tf.Tensor,
  activation: unknown,
  leakyreluAlpha = 0.2,
  prelu?: tf.Tensor,
): tf.Tensor {
  switch (activation) {
    case 'relu':
      return tf.relu(y);
    case 'relu6':
      return tf.relu6(y);
    case 'elu':
      return tf.elu(y);
    case 'sigmoid':
      return tf.sigmoid(y);
    case 'leakyrelu':
      return tf.leakyRelu(y, leakyreluAlpha);
    case 'prelu':
      return tf.prelu(y, prelu as tf.Tensor);
    default:
      return y;
  }
}

/**
 * wasm's _FusedMatMul adds a rank-1 bias to the first matrix of a batch only (35 % error at
 * batch 2, tfjs 4.22): for batched products with a bias, compute matMul + bias + activation as
 * separate ops instead. Returns undefined where the fused kernel is right (no bias, or one matrix).
 */
function batchedWithBias(args: KernelArgs): tf.Tensor | undefined {
  const { a, b, bias, preluActivationWeights } = args.inputs;
  if (bias === undefined || bias === null || a === undefined || b === undefined) return undefined;
  const batchOf = (t: tf.TensorInfo) => t.shape.slice(0, -2).reduce((x, y) => x * y, 1);
  if (Math.max(batchOf(a), batchOf(b)) === 1) return undefined;
  if (!(a instanceof tf.Tensor && b instanceof tf.Tensor && bias instanceof tf.Tensor)) return undefined;
  const attrs = (args.attrs ?? {}) as Record<string, unknown>;
  return tf.tidy(() => {
    const y = tf.add(tf.matMul(a, b, attrs.transposeA as boolean, attrs.transposeB as boolean), bias);
    return applyFusedActivation(
      y,
      attrs.activation,
      attrs.leakyreluAlpha as number | undefined,
      preluActivationWeights as tf.Tensor | undefined,
    );
  });
}

function wrap(original: tf.KernelFunc, fused: boolean): tf.KernelFunc {
  const wrapped: tf.KernelFunc = (args) => {
    const { inputs, backend, attrs } = args;
    const { transposeA, transposeB } = (attrs ?? {}) as { transposeA?: boolean; transposeB?: boolean };
    const composite = fused ? batchedWithBias(args) : undefined;
    if (composite !== undefined) return composite;
    if (!transposeA && !transposeB) return original(args);
    const transposeKernel = tf.getKernel('Transpose', 'wasm').kernelFunc;
    const temporaries: tf.TensorInfo[] = [];
    const plain = (t: tf.TensorInfo | undefined, flag: boolean | undefined) => {
      if (!flag || t === undefined) return t;
      const r = transposeLastTwo(t, transposeKernel, backend);
      temporaries.push(r);
      return r;
    };
    try {
      return original({
        inputs: { ...inputs, a: plain(inputs.a, transposeA), b: plain(inputs.b, transposeB) },
        backend,
        attrs: { ...attrs, transposeA: false, transposeB: false },
      });
    } finally {
      for (const t of temporaries) (backend as DisposingBackend).disposeData(t.dataId);
    }
  };
  installed.add(wrapped);
  return wrapped;
}

/**
 * Wraps the wasm backend's `BatchMatMul` and `_FusedMatMul` kernels so that a matmul with
 * transposeA/transposeB first transposes explicitly (wasm's Transpose kernel) and then runs the
 * plain kernel: A·Bᵀ = A·(transpose B).
 *
 * Why: on wasm the flagged matmul is 8–30× slower than transpose + plain matmul (64×784×256:
 * 14.8 ms vs 1.2 ms), and tfjs' matmul gradient sets the flags on every backward pass; wrapping
 * took an MLP GAN from 7–8 to 27–31 steps/s (TRAPS.md). Results are identical up to float32
 * summation order. The _FusedMatMul wrapper also corrects wasm's batched matmul + bias (see
 * `batchedWithBias`).
 *
 * Idempotent. Wasm registers its kernels when `@tensorflow/tfjs-backend-wasm` is imported, so
 * this does nothing (and returns false) before that import; {@link installGradientFixes} calls
 * it on every call, and backend selection calls `installGradientFixes()` (or this) after it has
 * imported and set the wasm backend. Returns whether the wasm kernels are (now) wrapped.
 */
export function installWasmMatMulFix(): boolean {
  let found = false;
  for (const name of ['BatchMatMul', '_FusedMatMul']) {
    const config = tf.getKernel(name, 'wasm');
    if (config === undefined) continue;
    found = true;
    if (installed.has(config.kernelFunc)) continue;
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel({ ...config, kernelFunc: wrap(config.kernelFunc, name === '_FusedMatMul') });
  }
  return found;
}
