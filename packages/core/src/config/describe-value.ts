const MAX_PREVIEW = 60;
const MAX_STRING = 32;
const MAX_ENTRIES = 4;

/**
 * Says what a config held, for the "found …" half of a message: its type and a truncated
 * preview (`number -0.1`, `string "ten"`, `array [1, 2]`, `NaN`, `nothing (missing)`). Never
 * throws, whatever the value (cycles, throwing getters, proxies).
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? `number ${value}` : String(value);
  if (typeof value === 'string') return `string ${quote(value)}`;
  if (typeof value === 'boolean') return `boolean ${value}`;
  if (typeof value === 'bigint') return `bigint ${value}n`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  const text = truncate(preview(value, 2));
  return Array.isArray(value) ? `array ${text}` : `object ${text}`;
}

function preview(value: unknown, depth: number): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'ƒ';
  if (typeof value === 'symbol') return 'symbol';
  if (typeof value !== 'object' || value === null) return String(value);
  try {
    if (Array.isArray(value)) {
      if (depth === 0) return value.length === 0 ? '[]' : '[…]';
      const items = value.slice(0, MAX_ENTRIES).map((item) => preview(item, depth - 1));
      if (value.length > MAX_ENTRIES) items.push('…');
      return `[${items.join(', ')}]`;
    }
    const keys = Object.keys(value);
    if (depth === 0) return keys.length === 0 ? '{}' : '{…}';
    const items = keys
      .slice(0, MAX_ENTRIES)
      .map((key) => `${key}: ${preview((value as Record<string, unknown>)[key], depth - 1)}`);
    if (keys.length > MAX_ENTRIES) items.push('…');
    return `{ ${items.join(', ')} }`.replace('{  }', '{}');
  } catch {
    return Array.isArray(value) ? '[?]' : '{?}';
  }
}

function quote(text: string): string {
  return JSON.stringify(text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…` : text);
}

function truncate(text: string): string {
  return text.length > MAX_PREVIEW ? `${text.slice(0, MAX_PREVIEW - 1)}…` : text;
}
