// The finite-difference cases shared by the cpu and wasm gradient tests (not exported).
import { expect, it } from 'vitest';
import { convCritic, mlpCritic, penaltyGradientCheck, type TestActivation } from './test-utils.js';

/** Registers one FD test per critic (MLP leaky-relu/relu/tanh, conv leaky-relu) on `backend`. */
export function penaltyGradientCases(backend: string): void {
  const mlps: [TestActivation, number][] = [
    ['leaky-relu', 0.02],
    ['relu', 0.02],
    ['tanh', 0],
  ];
  for (const [activation, margin] of mlps) {
    it(`MLP critic 3→8→8→1 (${activation}): ∂GP/∂params matches FD < 1e-3 (${backend})`, () => {
      const critic = mlpCritic(3, 8, activation, 11);
      const two = penaltyGradientCheck(critic, [3], 4, { margin });
      const one = penaltyGradientCheck(critic, [3], 4, { margin, oneSided: true });
      console.log(
        `${backend} mlp ${activation}: ${two.entries} params, relative error ${two.relativeError.toExponential(2)} ` +
          `(one-sided ${one.relativeError.toExponential(2)}), seed ${two.seed}, kink margin ${two.margin.toFixed(3)}`,
      );
      expect(two.relativeError).toBeLessThan(1e-3);
      expect(one.relativeError).toBeLessThan(1e-3);
      critic.dispose();
    });
  }

  it(`conv critic 6×6×1 → 3×3×3 → 2×2×3 → 1 (leaky-relu): ∂GP/∂params matches FD < 1e-3 (${backend})`, () => {
    const critic = convCritic(6, 1, 3, 'leaky-relu', 5);
    const check = penaltyGradientCheck(critic, [6, 6, 1], 3, { margin: 0.01 });
    console.log(
      `${backend} conv leaky-relu: ${check.entries} params, relative error ${check.relativeError.toExponential(2)}, ` +
        `seed ${check.seed}, kink margin ${check.margin.toFixed(3)}`,
    );
    expect(check.relativeError).toBeLessThan(1e-3);
    critic.dispose();
  });
}
