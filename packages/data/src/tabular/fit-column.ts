import { ConfigError, Rng } from '@ganforge/core';
import type { TypedColumn } from './column-types.js';
import type { ColumnTransform } from './transforms/column-transform.js';
import type { TransformKind } from './transforms/layout.js';
import { fitMinMax } from './transforms/min-max.js';
import { fitMixed } from './transforms/mixed.js';
import type { ModeOptions } from './transforms/mode-codec.js';
import { fitModeSpecific } from './transforms/mode-specific.js';
import { numericDomain } from './transforms/numeric-domain.js';
import { fitOneHot } from './transforms/one-hot.js';
import { findPointMasses, type PointMassOptions } from './transforms/point-masses.js';

/** What the config may say about one column's transform. */
export interface ColumnTransformOverride {
  /** `auto` (default), or a transform that fits the column's type. */
  transform?: 'auto' | TransformKind;
  /** The point masses of a `mixed` column, instead of the detected ones (implies `mixed`). */
  masses?: readonly number[];
}

/** How the columns of a table are transformed. */
export interface TableTransformOptions extends PointMassOptions {
  /**
   * The transform of numeric columns without an override (default `auto`: `mixed` where the
   * column has point masses or missing values, else `mode-specific`).
   */
  continuous?: 'auto' | 'mode-specific' | 'min-max' | 'mixed';
  /** Per-column overrides, by name. */
  columns?: Readonly<Record<string, ColumnTransformOverride>>;
  /** Modes of the variational mixture at most (default 10) and the weight threshold (default 0.005). */
  maxModes?: number;
  weightThreshold?: number;
  /** Seed of the mixture fits (each column has its own stream). */
  seed?: number;
  /** The config path in errors (default `data`). */
  configPath?: string;
}

/** The typed column's values as a transform takes them: numbers (NaN = missing) or categories. */
export type TransformInput = Float64Array | readonly (string | null)[];

/** The values of `rows` of a column, in the form its transform takes. */
export function transformInput(column: TypedColumn, rows?: ArrayLike<number>): TransformInput {
  const pick = <T>(all: ArrayLike<T>): T[] =>
    rows === undefined ? Array.from(all) : Array.from(rows, (r) => all[r]);
  if (column.type === 'categorical') return pick(column.values);
  if (column.type === 'boolean') return pick(column.values).map((v) => (v === null ? null : String(v)));
  return Float64Array.from(pick(column.values));
}

/**
 * Chooses and fits the transform of one column on `rows` (default: all): one-hot for categorical
 * and boolean columns; for numeric ones the override, else `options.continuous`, where `auto`
 * picks CTAB-GAN's `mixed` encoding when the column has point masses ({@link findPointMasses}) or
 * missing values and CTGAN's `mode-specific` normalization otherwise. Whether there is a missing
 * slot, the categories and the domain (range, integer, decimals) come from the whole column; the
 * mixture and the masses from `rows`. A transform that does not fit the column is a ConfigError
 * at `data.columns.NAME.transform`.
 */
export function fitColumnTransform(
  column: TypedColumn,
  options: TableTransformOptions = {},
  rows?: ArrayLike<number>,
): ColumnTransform<number> | ColumnTransform<string | null> {
  const path = `${options.configPath ?? 'data'}.columns.${column.name}`;
  const override = options.columns?.[column.name] ?? {};
  const asked = override.masses !== undefined ? 'mixed' : (override.transform ?? 'auto');
  if (override.masses !== undefined && override.transform !== undefined && override.transform !== 'mixed')
    throw new ConfigError(
      `${path}.masses: point masses need transform 'mixed', not '${override.transform}'`,
      `${path}.masses`,
    );
  const hasMissing = column.missing > 0;
  if (column.type === 'categorical' || column.type === 'boolean') {
    if (asked !== 'auto' && asked !== 'one-hot')
      throw new ConfigError(
        `${path}.transform: '${asked}' encodes numbers and column '${column.name}' is ${column.type}; use 'one-hot' (or leave it out)`,
        `${path}.transform`,
      );
    const categories = column.type === 'boolean' ? ['false', 'true'] : column.categories;
    return fitOneHot(column.name, categories, hasMissing);
  }
  if (asked === 'one-hot')
    throw new ConfigError(
      `${path}.transform: 'one-hot' needs categories; column '${column.name}' is ${column.type}: set type: categorical to one-hot encode its values`,
      `${path}.transform`,
    );
  const values = transformInput(column, rows) as Float64Array;
  const domain = numericDomain(column.values, column.type !== 'continuous', column.decimals);
  const modeOptions: ModeOptions = {
    maxComponents: options.maxModes,
    weightThreshold: options.weightThreshold,
  };
  const rng = new Rng(options.seed ?? 0, `table-vgm:${column.name}`);
  const fitted = Float64Array.from(values.filter((v) => !Number.isNaN(v)));
  const masses = override.masses ?? findPointMasses(fitted, column.type === 'integer', options);
  const kind = asked === 'auto' ? (options.continuous ?? 'auto') : asked;
  const chosen = kind === 'auto' ? (masses.length > 0 || hasMissing ? 'mixed' : 'mode-specific') : kind;
  if (hasMissing && chosen !== 'mixed')
    throw new ConfigError(
      `${path}.transform: column '${column.name}' has ${column.missing} missing cells and '${chosen}' has no slot for them; use 'mixed' (missing becomes a category of its own)`,
      `${path}.transform`,
    );
  if (chosen === 'min-max') return fitMinMax(column.name, fitted, domain);
  if (chosen === 'mode-specific') return fitModeSpecific(column.name, fitted, domain, rng, modeOptions);
  return fitMixed(column.name, fitted, masses, hasMissing, domain, rng, modeOptions);
}
