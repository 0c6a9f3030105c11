import { describe, expect, it } from 'vitest';
import { createRngStreams, restoreRngStreams, rngStreamsState, STREAM_NAMES } from './streams.js';

describe('the run streams', () => {
  it('adding the augment stream left every earlier stream’s draws as they were (seed 42)', () => {
    // First two words of each stream, recorded with the five streams before `augment` existed.
    const before = {
      init: [3837789070, 3959011256],
      data: [3675533049, 3493876854],
      noise: [145618075, 3388480543],
      dropout: [586707115, 2749554074],
      metrics: [3652465914, 4051255731],
    };
    const streams = createRngStreams(42);
    for (const [name, words] of Object.entries(before)) {
      const s = streams[name as keyof typeof before];
      expect([s.nextUint32(), s.nextUint32()]).toEqual(words);
    }
    expect(STREAM_NAMES).toContain('augment');
    expect(streams.augment.nextUint32()).not.toBe(streams.noise.nextUint32());
  });

  it('checkpoints the augment stream, and leaves it alone for a state written without it', () => {
    const a = createRngStreams(7);
    a.augment.next();
    a.noise.next();
    const state = rngStreamsState(a);
    const b = createRngStreams(7);
    restoreRngStreams(b, state);
    expect(b.augment.state()).toEqual(a.augment.state());
    const c = createRngStreams(7);
    const { augment: _dropped, ...older } = state;
    restoreRngStreams(c, older);
    expect(c.noise.state()).toEqual(a.noise.state());
    expect(c.augment.state()).toEqual(createRngStreams(7).augment.state());
  });
});
