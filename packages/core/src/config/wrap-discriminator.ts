import type { ComponentBlock } from './types.js';

/**
 * Whether `block`, or any block nested in its options (a wrapper's `inner` or `body`, at any
 * depth), names the component `kind`.
 */
export function containsComponentKind(block: unknown, kind: string): boolean {
  const seen = new Set<object>();
  const visit = (value: unknown): boolean => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return false;
    seen.add(value);
    if (!Array.isArray(value) && (value as { kind?: unknown }).kind === kind) return true;
    return Object.values(value).some(visit);
  };
  return visit(block);
}

/**
 * The discriminator block that a preset's `discriminatorWrapper` makes of the user's block:
 * `{ ...wrapper, inner: block }`, so the wrapper component (e.g. `spectral-norm`) builds the
 * user's network as its `inner`. A block that already holds a block of the wrapper's kind is
 * returned as it is (`wrapped: false`): a user who wrote the wrapper, with their own options or
 * around only part of the network, keeps it, and resolving an already resolved config again
 * does not wrap twice.
 */
export function wrapDiscriminator(
  block: ComponentBlock,
  wrapper: ComponentBlock,
): { block: ComponentBlock; wrapped: boolean } {
  if (containsComponentKind(block, wrapper.kind)) return { block, wrapped: false };
  return { block: { ...wrapper, inner: block }, wrapped: true };
}
