/**
 * The object keys a zod schema accepts at `path` (for "did you mean" on unknown keys), found by
 * walking `shape`, array elements and wrappers (optional, nullable, default, …). Best effort:
 * undefined where the schema is not a plain object schema there.
 */
export function knownKeysAt(schema: unknown, path: readonly PropertyKey[]): string[] | undefined {
  let current = unwrap(schema);
  for (const segment of path) {
    if (current === undefined) return undefined;
    const def = defOf(current);
    if (typeof segment === 'number') current = unwrap(def?.element);
    else current = unwrap(shapeOf(current)?.[segment as string]);
  }
  const shape = shapeOf(current);
  return shape === undefined ? undefined : Object.keys(shape);
}

type SchemaDef = { type?: string; innerType?: unknown; element?: unknown; in?: unknown };

function defOf(schema: unknown): SchemaDef | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const internals = (schema as { _zod?: { def?: SchemaDef } })._zod;
  return internals?.def;
}

function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  const def = defOf(schema) as (SchemaDef & { shape?: unknown }) | undefined;
  const shape = def?.type === 'object' ? def.shape : undefined;
  return typeof shape === 'object' && shape !== null ? (shape as Record<string, unknown>) : undefined;
}

function unwrap(schema: unknown): unknown {
  let current = schema;
  for (let i = 0; i < 16; i++) {
    const def = defOf(current);
    if (def?.innerType !== undefined) current = def.innerType;
    else if (def?.type === 'pipe' && def.in !== undefined) current = def.in;
    else break;
  }
  return current;
}
