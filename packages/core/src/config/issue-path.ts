/** One step of a path into a config: an object key or an array index. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * A dotted path as users read it: `regularizers[0].weight`, `optimizers.generator.lr`; keys that
 * are not identifiers are quoted (`data["my key"]`); the root is the empty string.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment))
      out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/** Joins a base path and a relative one: `joinPath('regularizers[0]', 'weight')`. */
export function joinPath(base: string, relative: string): string {
  if (base === '') return relative;
  if (relative === '') return base;
  return relative.startsWith('[') ? `${base}${relative}` : `${base}.${relative}`;
}

/** The value at `path` inside `root`, or undefined where the path leaves the data. Never throws. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    try {
      current = Object.hasOwn(current, segment)
        ? (current as Record<PropertyKey, unknown>)[segment]
        : undefined;
    } catch {
      return undefined;
    }
  }
  return current;
}
