import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '../errors.js';

/** Serializable state of an {@link Rng}: four 32-bit words of xoshiro128**. */
export interface RngState {
  s: [number, number, number, number];
  /** A cached second Box–Muller normal, or null. */
  spare: number | null;
}

/**
 * A seeded random stream (xoshiro128**, Blackman & Vigna 2018) with serializable state.
 *
 * tfjs initializers ignore global seeds and `tf.randomNormal(shape, …, seed)` returns the same
 * values on every call with one seed (TRAPS.md), so every random tensor in GANForge is drawn here,
 * in JavaScript, and is therefore the same on every backend.
 */
export class Rng {
  private s: Uint32Array;
  private spare: number | null = null;

  /** Seeds the stream from a number and a stream name (independent names → independent streams). */
  constructor(seed: number, stream = '') {
    if (!Number.isFinite(seed)) throw new ConfigError(`seed must be a finite number, got ${seed}`, 'seed');
    this.s = new Uint32Array(4);
    let h = splitmix32((Math.floor(seed) ^ hashString(stream)) >>> 0);
    for (let i = 0; i < 4; i++) {
      h = splitmix32(h + 0x9e3779b9 + i);
      this.s[i] = h;
    }
    if ((this.s[0] | this.s[1] | this.s[2] | this.s[3]) === 0) this.s[0] = 1;
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** A uniform float in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A fresh seed for an API that takes one; never reuse a seed across calls (TRAPS.md). */
  seed(): number {
    return this.nextUint32();
  }

  /** A standard normal draw (Box–Muller). */
  normal(): number {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return v;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** `n` normal draws with mean and standard deviation. */
  normalArray(n: number, mean = 0, std = 1): Float32Array {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = mean + std * this.normal();
    return out;
  }

  /** `n` uniform draws in [lo, hi). */
  uniformArray(n: number, lo = 0, hi = 1): Float32Array {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = lo + (hi - lo) * this.next();
    return out;
  }

  /** A normal tensor of the given shape. */
  normalTensor(shape: number[], mean = 0, std = 1): tf.Tensor {
    return tf.tensor(this.normalArray(sizeOf(shape), mean, std), shape, 'float32');
  }

  /** A uniform tensor of the given shape in [lo, hi). */
  uniformTensor(shape: number[], lo = 0, hi = 1): tf.Tensor {
    return tf.tensor(this.uniformArray(sizeOf(shape), lo, hi), shape, 'float32');
  }

  /** A uniformly shuffled copy of [0, n) (Fisher–Yates). */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** The stream's position, JSON-serializable. */
  state(): RngState {
    return { s: [this.s[0], this.s[1], this.s[2], this.s[3]], spare: this.spare };
  }

  /** Restores a position from {@link Rng.state}. */
  restore(state: RngState): void {
    this.s = Uint32Array.from(state.s);
    this.spare = state.spare;
  }
}

function sizeOf(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

function splitmix32(a: number): number {
  a = (a + 0x9e3779b9) | 0;
  let z = a;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
