import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '@ganforge/core';
import type { OutputSpan } from '@ganforge/data';
import { gumbelSoftmax } from './gumbel.js';

/** One span of the generator's output head, with where its Gumbel noise lives. */
export interface HeadSpan {
  readonly kind: 'tanh' | 'gumbel-softmax';
  /** First column of the span in the encoded row. */
  readonly start: number;
  readonly width: number;
  /** First column of the span's noise in the Gumbel noise `[n, noiseWidth]` (one-hot spans). */
  readonly noiseStart: number;
}

/** How a generator's raw output `[n, D]` is activated span by span. */
export interface HeadPlan {
  /** D, the width of an encoded row. */
  readonly width: number;
  readonly spans: readonly HeadSpan[];
  /** Σ widths of the one-hot spans: the Gumbel noise columns one pass needs. */
  readonly noiseWidth: number;
}

/**
 * The output head of a table's encoded rows (Xu et al. 2019, arXiv:1907.00503, §4.4): a
 * `continuous` span (a min-max scaled value or a mode offset α) gets tanh, a `one-hot` span (a
 * category, a mode indicator β, CTAB-GAN's mixed group of point masses, missing and modes) gets a
 * Gumbel-softmax. The spans must tile [0, D) in order, as a `TableLayout`'s do; anything else is
 * a ConfigError at `path`.
 */
export function headPlan(spans: readonly OutputSpan[], width: number, path = 'data'): HeadPlan {
  let at = 0;
  let noise = 0;
  const plan: HeadSpan[] = spans.map((span, i) => {
    if (span.start !== at || !(span.width >= 1))
      throw new ConfigError(
        `${path}: the table layout's span ${i} (column '${span.column}') starts at ${span.start} with width ${span.width}; expected spans that tile the encoded row in order (next start ${at})`,
        path,
      );
    at += span.width;
    if (span.kind === 'continuous') return { kind: 'tanh', start: span.start, width: 1, noiseStart: -1 };
    const head: HeadSpan = {
      kind: 'gumbel-softmax',
      start: span.start,
      width: span.width,
      noiseStart: noise,
    };
    noise += span.width;
    return head;
  });
  if (at !== width)
    throw new ConfigError(
      `${path}: the table layout's spans cover ${at} of the ${width} encoded columns`,
      path,
    );
  return { width, spans: plan, noiseWidth: noise };
}

/** Options of {@link activateSpans}. */
export interface SpanActivationOptions {
  /** Gumbel-softmax temperature τ (CTGAN: 0.2). */
  tau: number;
  /** One-hot outputs (argmax of l + g, sampling) instead of softmax((l + g)/τ) (training). */
  hard: boolean;
}

/**
 * Applies the head to raw generator outputs `logits` `[n, D]`:
 *
 *   y[span] = tanh(l[span])                          continuous spans
 *   y[span] = GumbelSoftmax_τ(l[span], g[span'])      one-hot spans (see {@link gumbelSoftmax})
 *
 * where g[span'] are the span's columns of `gumbel` `[n, noiseWidth]` (undefined: no noise).
 * Returns `[n, D]`, spans in layout order.
 */
export function activateSpans(
  logits: tf.Tensor,
  plan: HeadPlan,
  gumbel: tf.Tensor | undefined,
  options: SpanActivationOptions,
): tf.Tensor {
  return tf.tidy(() => {
    const n = logits.shape[0];
    const parts = plan.spans.map((span) => {
      const l = tf.slice(logits, [0, span.start], [n, span.width]);
      if (span.kind === 'tanh') return tf.tanh(l);
      const g = gumbel && tf.slice(gumbel, [0, span.noiseStart], [n, span.width]);
      return gumbelSoftmax(l, g, options.tau, options.hard);
    });
    return parts.length === 1 ? parts[0] : tf.concat(parts, 1);
  });
}
