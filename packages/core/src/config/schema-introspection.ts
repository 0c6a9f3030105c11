// Best-effort reading of zod 4 schemas for messages ("did you mean", "an integer >= 1"). Duck
// typed on `_zod.def`, so a plugin's own copy of zod works too; undefined where unsure.

type SchemaDef = {
  type?: string;
  innerType?: unknown;
  element?: unknown;
  in?: unknown;
  shape?: unknown;
  format?: string;
  checks?: unknown[];
};

const INTEGER_FORMATS = new Set(['safeint', 'int32', 'uint32']);

/** The sub-schema at `path` (object keys and array indices), unwrapping optional/default/…. */
export function schemaAt(schema: unknown, path: readonly PropertyKey[]): unknown {
  let current = unwrap(schema);
  for (const segment of path) {
    if (current === undefined) return undefined;
    current = unwrap(
      typeof segment === 'number' ? defOf(current)?.element : shapeOf(current)?.[segment as string],
    );
  }
  return current;
}

/** The object keys the schema accepts at `path`, or undefined where it is not an object schema. */
export function knownKeysAt(schema: unknown, path: readonly PropertyKey[]): string[] | undefined {
  const shape = shapeOf(schemaAt(schema, path));
  return shape === undefined ? undefined : Object.keys(shape);
}

/**
 * What a number schema accepts, in words: `a number > 0`, `an integer >= 1`,
 * `a number >= 0 and < 1`. Undefined for a schema that is not a number schema.
 */
export function describeNumberSchema(schema: unknown): string | undefined {
  const def = defOf(schema);
  if (def?.type !== 'number') return undefined;
  let integer = def.format !== undefined && INTEGER_FORMATS.has(def.format);
  const bounds: string[] = [];
  for (const check of def.checks ?? []) {
    const c = defOf(check) as
      { check?: string; format?: string; value?: unknown; inclusive?: boolean } | undefined;
    if (c?.check === 'number_format' && c.format !== undefined && INTEGER_FORMATS.has(c.format))
      integer = true;
    if (c?.check === 'greater_than') bounds.push(`${c.inclusive ? '>=' : '>'} ${String(c.value)}`);
    if (c?.check === 'less_than') bounds.push(`${c.inclusive ? '<=' : '<'} ${String(c.value)}`);
  }
  const noun = integer ? 'an integer' : 'a number';
  return bounds.length === 0 ? noun : `${noun} ${bounds.join(' and ')}`;
}

function defOf(schema: unknown): SchemaDef | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  return (schema as { _zod?: { def?: SchemaDef } })._zod?.def;
}

function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  const def = defOf(schema);
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
