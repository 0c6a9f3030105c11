import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { installGradientFixes } from './install-gradient-fixes.js';
import { normals, relativeError, useBackend } from './test-helpers.js';
import { installWasmMatMulFix } from './wasm-matmul.js';

const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
const COMBOS: Array<[boolean, boolean]> = [
  [false, false],
  [false, true],
  [true, false],
  [true, true],
];

interface MatMulCase {
  name: string;
  a: number[];
  b: number[];
  transposeA: boolean;
  transposeB: boolean;
  fused?: { activation: tf.fused.Activation; bias: number[] };
}

/** Logical shapes [.., m, k] × [.., k, n], stored transposed where a flag is set. */
function shapes(
  batchA: number[],
  batchB: number[],
  m: number,
  k: number,
  n: number,
  tA: boolean,
  tB: boolean,
) {
  return { a: [...batchA, ...(tA ? [k, m] : [m, k])], b: [...batchB, ...(tB ? [n, k] : [k, n])] };
}

const CASES: MatMulCase[] = [
  ...COMBOS.map(([tA, tB]) => ({
    name: `batched 3×5×7·7×6 tA=${tA} tB=${tB}`,
    ...shapes([3], [3], 5, 7, 6, tA, tB),
    transposeA: tA,
    transposeB: tB,
  })),
  ...COMBOS.map(([tA, tB]) => ({
    name: `rank-4 2×3×4×5·2×3×5×6 tA=${tA} tB=${tB}`,
    ...shapes([2, 3], [2, 3], 4, 5, 6, tA, tB),
    transposeA: tA,
    transposeB: tB,
  })),
  ...COMBOS.map(([tA, tB]) => ({
    name: `2-D 16×33·33×9 tA=${tA} tB=${tB}`,
    ...shapes([], [], 16, 33, 9, tA, tB),
    transposeA: tA,
    transposeB: tB,
  })),
  ...COMBOS.map(([tA, tB]) => ({
    name: `_FusedMatMul bias+relu tA=${tA} tB=${tB}`,
    ...shapes([], [], 8, 12, 5, tA, tB),
    transposeA: tA,
    transposeB: tB,
    fused: { activation: 'relu' as const, bias: [5] },
  })),
  ...COMBOS.map(([tA, tB]) => ({
    name: `_FusedMatMul bias+leakyrelu tA=${tA} tB=${tB}`,
    ...shapes([2], [2], 6, 4, 3, tA, tB),
    transposeA: tA,
    transposeB: tB,
    fused: { activation: 'leakyrelu' as const, bias: [3] },
  })),
];

function compute(c: MatMulCase) {
  const a = tf.tensor(normals(size(c.a), 71), c.a);
  const b = tf.tensor(normals(size(c.b), 72), c.b);
  const bias = c.fused ? tf.tensor(normals(size(c.fused.bias), 73), c.fused.bias) : undefined;
  const f = (ai: tf.Tensor, bi: tf.Tensor) =>
    c.fused
      ? tf.fused.matMul({
          a: ai,
          b: bi,
          transposeA: c.transposeA,
          transposeB: c.transposeB,
          bias,
          activation: c.fused.activation,
          leakyreluAlpha: 0.2,
        })
      : tf.matMul(ai, bi, c.transposeA, c.transposeB);
  const y = f(a, b);
  const weights = tf.tensor(normals(y.size, 74), y.shape);
  // The fused op's gradient supports the linear activation only; differentiate the plain path.
  const [da, db] = tf.grads((ai: tf.Tensor, bi: tf.Tensor) =>
    tf.sum(tf.mul(tf.matMul(ai, bi, c.transposeA, c.transposeB), weights)),
  )([a, b]);
  const r = { y: y.dataSync().slice(), da: da.dataSync().slice(), db: db.dataSync().slice(), shape: y.shape };
  tf.dispose([a, b, y, weights, da, db]);
  if (bias) bias.dispose();
  return r;
}

describe('wasm matmul wrapper (explicit transposes)', () => {
  const references = new Map<string, ReturnType<typeof compute>>();

  beforeAll(async () => {
    await useBackend('cpu');
    for (const c of CASES) references.set(c.name, compute(c));
    await useBackend('wasm');
    installGradientFixes();
  });

  it('is installed on wasm and installing again keeps the same kernels', () => {
    const before = tf.getKernel('BatchMatMul', 'wasm').kernelFunc;
    const fusedBefore = tf.getKernel('_FusedMatMul', 'wasm').kernelFunc;
    expect(installWasmMatMulFix()).toBe(true);
    installGradientFixes();
    expect(tf.getKernel('BatchMatMul', 'wasm').kernelFunc).toBe(before);
    expect(tf.getKernel('_FusedMatMul', 'wasm').kernelFunc).toBe(fusedBefore);
  });

  it.each(CASES)('$name: values and gradients equal cpu (rel < 1e-5)', (c) => {
    const ref = references.get(c.name)!;
    const before = tf.memory().numTensors;
    const got = compute(c);
    expect(tf.memory().numTensors).toBe(before);
    expect(got.shape).toEqual(ref.shape);
    const errors = [
      relativeError(got.y, ref.y),
      relativeError(got.da, ref.da),
      relativeError(got.db, ref.db),
    ];
    for (const e of errors) expect(e).toBeLessThan(1e-5);
  });

  it('does not leak backend buffers', () => {
    const a = tf.tensor(normals(64 * 32, 81), [64, 32]);
    const b = tf.tensor(normals(48 * 32, 82), [48, 32]);
    const c = tf.tensor(normals(48 * 64, 84), [48, 64]);
    const bias = tf.tensor(normals(48, 83));
    const run = () => {
      tf.dispose(tf.matMul(a, b, false, true));
      tf.dispose(tf.matMul(a, a, true, false));
      tf.dispose(tf.matMul(a, c, true, true));
      tf.dispose(tf.fused.matMul({ a, b, transposeB: true, bias, activation: 'relu' }));
    };
    run();
    // The wrapper's transposed copies live only in the backend (the engine never sees them).
    const ids = tf.backend().numDataIds();
    const tensors = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) run();
    expect(tf.backend().numDataIds()).toBe(ids);
    expect(tf.memory().numTensors).toBe(tensors);
    tf.dispose([a, b, c, bias]);
  });
});
