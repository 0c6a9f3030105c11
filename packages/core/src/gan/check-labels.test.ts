import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { checkLabels } from './check-labels.js';

describe('checkLabels', () => {
  it('accepts integer class indices in range', () => {
    expect(() => checkLabels([0, 9, 3], 10)).not.toThrow();
  });
  it.each([
    [[0, 10], 'labels[1] is 10'],
    [[2.5], 'labels[0] is 2.5'],
    [[-1], 'labels[0] is -1'],
  ])('refuses %j with a ConfigError naming the entry', (labels, message) => {
    expect(() => checkLabels(labels, 10)).toThrow(ConfigError);
    expect(() => checkLabels(labels, 10)).toThrow(message);
  });
});
