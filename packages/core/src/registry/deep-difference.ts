/**
 * The first difference between two values as `path: a vs b`, or undefined when they are deeply
 * equal. Plain objects and arrays compare by content; functions, class instances and other
 * objects by identity. Cycles are tolerated.
 */
export function deepDifference(a: unknown, b: unknown, path = ''): string | undefined {
  return diff(a, b, path, new Set());
}

function diff(a: unknown, b: unknown, path: string, seen: Set<unknown>): string | undefined {
  if (Object.is(a, b)) return undefined;
  const here = path === '' ? 'value' : path;
  if (!isPlain(a) || !isPlain(b) || Array.isArray(a) !== Array.isArray(b)) {
    return `${here}: ${preview(a)} vs ${preview(b)}`;
  }
  if (seen.has(a)) return undefined;
  seen.add(a);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const child = Array.isArray(a) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
    const found = diff((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], child, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

function isPlain(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return Array.isArray(value) || proto === Object.prototype || proto === null;
}

function preview(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return `function ${value.name || '(anonymous)'}`;
  if (typeof value === 'bigint') return `${value}n`;
  try {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}
