import * as tf from '@tensorflow/tfjs';
import { Rng } from '@ganforge/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifierTwoSampleTest } from './c2st/classifier-two-sample-test.js';
import { manifoldStatisticsBatched } from './knn/manifold-statistics.js';
import { mmdPermutationTest } from './mmd/mmd.js';
import { mmdMultiScalePermutationTest } from './mmd/multi-scale.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** One point uniform on the band [−w, 1 + w]² minus [0, 1]² (rejection sampling). */
function bandPoint(rng: Rng, w: number): [number, number] {
  for (;;) {
    const a = -w + (1 + 2 * w) * rng.next();
    const b = -w + (1 + 2 * w) * rng.next();
    if (a < 0 || a > 1 || b < 0 || b > 1) return [a, b];
  }
}

const n = 300;

describe('issue #38’s motivating case: samples that leave a sharp-edged support', () => {
  it('20 % of samples just outside the unit square: median-bandwidth MMD stays in its noise, precision and density drop', () => {
    const rng = new Rng(38, 'sharp-edge');
    const real = rng.uniformArray(2 * n);
    const twin = rng.uniformArray(2 * n); // a fresh real draw: the real-vs-real row
    const fake = rng.uniformArray(2 * n);
    // every 5th generated point (20 %) moves into the band of width 0.1 around the square
    for (let i = 0; i < n; i += 5) [fake[2 * i], fake[2 * i + 1]] = bandPoint(rng, 0.1);
    const [x, y, t] = [real, fake, twin].map((v) => tf.tensor2d(v, [n, 2]));
    const before = tf.memory().numTensors;
    const mmd = mmdPermutationTest(y, x, { permutations: 200, rng });
    const mmdTwin = mmdPermutationTest(t, x, { permutations: 200, rng });
    const multi = mmdMultiScalePermutationTest(y, x, { permutations: 200, rng });
    const s = manifoldStatisticsBatched({ values: real, dim: 2 }, { values: fake, dim: 2 });
    const sTwin = manifoldStatisticsBatched({ values: real, dim: 2 }, { values: twin, dim: 2 });
    const c2st = classifierTwoSampleTest({ values: real, dim: 2 }, { values: fake, dim: 2 }, { rng });
    const c2stTwin = classifierTwoSampleTest({ values: real, dim: 2 }, { values: twin, dim: 2 }, { rng });
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y, t]);
    const z = (r: { mmd2: number; permutationStd: number }): string => (r.mmd2 / r.permutationStd).toFixed(2);
    console.log(
      [
        `median MMD² ${mmd.mmd2.toExponential(2)} (h ${mmd.bandwidth.toFixed(3)}, z ${z(mmd)}, p ${mmd.pValue.toFixed(3)}); real vs real ${mmdTwin.mmd2.toExponential(2)} (z ${z(mmdTwin)}, p ${mmdTwin.pValue.toFixed(3)})`,
        `multi-scale MMD² ${multi.mmd2.toExponential(2)} (z ${z(multi)}, p ${multi.pValue.toFixed(3)})`,
        `precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} density ${s.density.toFixed(3)} coverage ${s.coverage.toFixed(3)}`,
        `real vs real: precision ${sTwin.precision.toFixed(3)} recall ${sTwin.recall.toFixed(3)} density ${sTwin.density.toFixed(3)} coverage ${sTwin.coverage.toFixed(3)}`,
        `C2ST accuracy ${c2st.accuracy.toFixed(3)} (p ${c2st.pValue.toFixed(3)}); real vs real ${c2stTwin.accuracy.toFixed(3)} (p ${c2stTwin.pValue.toFixed(3)})`,
      ].join('\n'),
    );

    // Measured (seed 38, cpu): median MMD² 3.4e-4, z 0.19, p 0.32, beside real vs real −2.1e-3,
    // p 0.93. The permutation p-value depends only on the JS-seeded relabellings and float32
    // distances, so the margins below (p > 0.1, |z| < 2: "not flagged" at any usual level) hold
    // with room to spare. Larger or wider defects are flagged: at n = 500 with a band of 0.3 the
    // same test gave z 5–7 (p 0.005), so the blindness is one of scale, not absolute.
    expect(mmd.pValue).toBeGreaterThan(0.1);
    expect(Math.abs(mmd.mmd2 / mmd.permutationStd)).toBeLessThan(2);
    expect(Math.abs(mmd.mmd2)).toBeLessThan(1e-3);
    // Multi-scale measured z 0.77, p 0.19, and the C2ST's MLP 0.503 (p 0.48): neither rescues this
    // case at n = 300; the k-NN statistics below do.
    expect(multi.pValue).toBeGreaterThan(0.05);

    // k-NN statistics are float64 JS on seeded data: identical on every backend, so the measured
    // values are asserted to one point (1/n) of slack. 22 of the 60 moved points leave every
    // real 5-NN ball (radius ≈ √(5/(πn)) ≈ 0.07, so band points within ~0.07 of the edge still
    // count as real): precision 0.927 vs 1.000 for a real draw; density 0.835 vs 1.007.
    expect(s.precision).toBeCloseTo(0.9267, 2);
    expect(sTwin.precision).toBeGreaterThanOrEqual(0.99);
    expect(sTwin.precision - s.precision).toBeGreaterThan(0.05);
    expect(s.density).toBeCloseTo(0.8353, 2);
    expect(sTwin.density - s.density).toBeGreaterThan(0.1);
    // Diversity is intact: every real point is still reached (recall 1), coverage ≈ real vs real.
    expect(s.recall).toBeGreaterThanOrEqual(0.99);
    expect(Math.abs(s.coverage - sTwin.coverage)).toBeLessThan(0.05);
  });
});
