import { ConfigError, type ParamTree } from '@ganforge/core';

/** The entries of `tree` under `prefix`, with the prefix added: `layers/0/kernel` → `inner/layers/0/kernel`. */
export function withPrefix<T>(prefix: string, tree: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(tree).map(([k, v]) => [`${prefix}${k}`, v]));
}

/** The entries of `tree` under `prefix`, with the prefix removed (the inverse of {@link withPrefix}). */
export function underPrefix<T>(prefix: string, tree: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.entries(tree)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => [k.slice(prefix.length), v]),
  );
}

/** A substitute tree must hold every path of the network's own tree. */
export function checkSubstitute(
  own: Record<string, unknown>,
  substitute: ParamTree,
  what: 'params' | 'state',
  who: string,
): void {
  const missing = Object.keys(own).filter((key) => !(key in substitute));
  if (missing.length > 0) {
    throw new ConfigError(
      `${who}: substitute ${what} lack ${missing.length} path(s): ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`,
    );
  }
}
