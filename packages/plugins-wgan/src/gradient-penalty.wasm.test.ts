import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { installGradientFixes } from '@ganforge/core';
import { penaltyGradientCases } from './gradient-penalty-cases.js';

describe('gradient penalty: second-order gradient vs finite differences on wasm', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
    installGradientFixes();
  });
  it('runs on wasm', () => expect(tf.getBackend()).toBe('wasm'));
  penaltyGradientCases('wasm');
});
