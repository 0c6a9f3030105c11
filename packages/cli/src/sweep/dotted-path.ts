/**
 * A copy of `target` with the value at the dotted `path` (`optimizers.generator.lr`) replaced;
 * objects along the path are copied (missing ones created), never mutated.
 */
export function setDotted<T extends object>(target: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  const obj = target as Record<string, unknown>;
  if (rest.length === 0) return { ...obj, [head]: value } as T;
  const child = obj[head];
  const next = child !== null && typeof child === 'object' && !Array.isArray(child) ? child : {};
  return { ...obj, [head]: setDotted(next as object, rest.join('.'), value) } as T;
}
