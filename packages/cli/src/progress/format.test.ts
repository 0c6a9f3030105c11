import { describe, expect, it } from 'vitest';
import { formatDuration, formatProgressBar, formatProgressFields, plainLineEvery } from './format.js';

const state = {
  step: 1200,
  total: 3000,
  rate: 31.24,
  etaSeconds: 57.6,
  logs: { step: 1200, g_loss: 0.71234, d_loss: 1.3861, d_acc_real: 0.5, d_acc_fake: 0.4921 },
};

describe('progress formatting', () => {
  it('formats durations as m:ss and h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(83)).toBe('1:23');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(Infinity)).toBe('--:--');
  });

  it('shows step, steps/s, ETA, G and D loss and D accuracy real/fake', () => {
    expect(formatProgressFields(state)).toBe(
      'step 1200/3000  31.2 steps/s  ETA 0:58  G 0.712  D 1.386  D acc real/fake 0.50/0.49',
    );
  });

  it('leaves accuracy out when the loss defines none (WGAN)', () => {
    expect(
      formatProgressFields({ ...state, logs: { step: 1200, g_loss: -0.5, d_loss: 0.25 } }),
    ).not.toContain('acc');
  });

  it('draws a bar that fits the terminal', () => {
    const line = formatProgressBar(state, 140);
    expect(line.startsWith('[############------------------]  40%  step 1200/3000')).toBe(true);
    expect(line.length).toBeLessThan(140);
    expect(formatProgressBar(state, 60).length).toBeLessThan(60);
  });

  it('prints about 20 plain lines a run on multiples of the log cadence', () => {
    expect(plainLineEvery(3000, 10)).toBe(200);
    expect(plainLineEvery(200, 10)).toBe(10);
    expect(plainLineEvery(1000, 1)).toBe(50);
    expect(plainLineEvery(5, 1)).toBe(1);
  });
});
