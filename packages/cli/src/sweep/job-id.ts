import { createHash } from 'node:crypto';
import type { FieldValue } from './sweep-schema.js';

/** JSON with object keys sorted, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

function short(value: FieldValue): string {
  if (Array.isArray(value)) return value.map((v) => short(v)).join('x');
  const text = typeof value === 'number' ? String(Number(value.toPrecision(6))) : String(value);
  return text.replace(/[^A-Za-z0-9._+-]/g, '_');
}

/** The shortest tail of each dotted path that tells it from the others (`generator.lr`, `discriminator.lr`). */
export function shortNames(paths: string[]): string[] {
  const tail = (p: string, k: number) => p.split('.').slice(-k).join('.');
  return paths.map((p) => {
    for (let k = 1; ; k++) {
      const name = tail(p, k);
      if (name === p || paths.every((q) => q === p || tail(q, k) !== name)) return name;
    }
  });
}

/**
 * The id of a sweep job, which is also its run folder's name: `<hash>-<field>=<value>…-seed=<n>`.
 * The hash (12 hex digits of SHA-256) covers the whole job config, so it is the same every time
 * the same sweep is expanded (re-running a sweep finds its jobs again) and differs between jobs
 * whose readable part collides (a value cut short, or a path shortened to its last part: `lr`).
 */
export function jobId(config: unknown, fields: Record<string, FieldValue>, seed: number): string {
  const hash = createHash('sha256').update(canonicalJson(config)).digest('hex').slice(0, 12);
  const names = shortNames(Object.keys(fields));
  const parts = Object.entries(fields).map(([, v], i) => `${names[i]}=${short(v)}`);
  const readable = [...parts, `seed=${seed}`].join('-');
  return `${hash}-${readable.length > 80 ? readable.slice(0, 80) : readable}`;
}
