import { describe, expect, it } from 'vitest';
import { canonicalJson, jobId, shortNames } from './job-id.js';

describe('sweep job ids', () => {
  it('are the same for equal configs whatever the key order, and name the fields and the seed', () => {
    const a = jobId(
      { seed: 1, optimizers: { generator: { lr: 0.001 }, discriminator: { lr: 0.002 } } },
      { 'optimizers.generator.lr': 0.001 },
      1,
    );
    const b = jobId(
      { optimizers: { discriminator: { lr: 0.002 }, generator: { lr: 0.001 } }, seed: 1 },
      { 'optimizers.generator.lr': 0.001 },
      1,
    );
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{12}-lr=0\.001-seed=1$/);
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });

  it('differ when the config differs, even where the readable part collides', () => {
    const g = jobId({ g: 0.1, d: 0.2 }, { 'g.lr': 0.1 }, 1);
    const d = jobId({ g: 0.2, d: 0.1 }, { 'd.lr': 0.1 }, 1);
    expect(g.slice(13)).toBe(d.slice(13));
    expect(g).not.toBe(d);
    expect(jobId({ seed: 2 }, {}, 2)).not.toBe(jobId({ seed: 3 }, {}, 3));
  });

  it('shorten each field path to the shortest tail that tells the fields apart', () => {
    expect(
      shortNames(['optimizers.generator.lr', 'optimizers.discriminator.lr', 'loss.kind', 'x.kind.y']),
    ).toEqual(['generator.lr', 'discriminator.lr', 'kind', 'y']);
    expect(shortNames(['a.b', 'b'])).toEqual(['a.b', 'b']);
    expect(jobId({}, { 'optimizers.generator.lr': 0.001, 'optimizers.discriminator.lr': 0.002 }, 1)).toMatch(
      /-generator\.lr=0\.001-discriminator\.lr=0\.002-seed=1$/,
    );
  });

  it('make safe, bounded folder names', () => {
    expect(jobId({}, { 'generator.hidden': [32, 64] }, 0)).toMatch(/^[0-9a-f]{12}-hidden=32x64-seed=0$/);
    const id = jobId({}, { 'loss.kind': 'a/b c', x: 1 / 3, y: 'z'.repeat(200) }, 0);
    expect(id).toMatch(/^[0-9a-f]{12}-kind=a_b_c-x=0\.333333-y=z+$/);
    expect(id.length).toBe(13 + 80);
  });
});
