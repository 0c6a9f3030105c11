import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe } from 'vitest';
import { installGradientFixes } from '@ganforge/core';
import { penaltyGradientCases } from './gradient-penalty-cases.js';

describe('gradient penalty: second-order gradient vs finite differences on cpu', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    installGradientFixes();
  });
  penaltyGradientCases('cpu');
});
