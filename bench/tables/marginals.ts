// The "independent marginals" row of bench/tables: the weakest baseline a synthesizer must beat
// on pair trends and TSTR. Not a package component: nothing trains, so it needs no GAN.
import type { Rng } from '@ganforge/core';
import type { TableCell, TableRecord } from '@ganforge/metrics';

/** The fitted model: every column's training cells, in row order (missing cells as null). */
export interface IndependentMarginals {
  readonly columns: readonly string[];
  /** `cells[c][i]`: column c of training row i. */
  readonly cells: readonly (readonly TableCell[])[];
}

/**
 * Fits the independent-marginals baseline: the empirical distribution of each column of the
 * training rows, kept as the column's cells. It keeps every column's distribution exactly
 * (missing share included) and no dependence between columns, so its column shapes are the
 * sampling noise of a perfect marginal fit, its pair trends what "no relation at all" scores and
 * its TSTR what a model learns from the target's class frequencies alone.
 */
export function fitIndependentMarginals(
  rows: readonly TableRecord[],
  columns: readonly string[],
): IndependentMarginals {
  return { columns, cells: columns.map((c) => rows.map((r) => r[c] ?? null)) };
}

/**
 * Draws `n` rows from {@link fitIndependentMarginals}'s model: cell (i, c) is column c of training
 * row u_ic, u_ic ~ U{0, …, N − 1} independently for every cell (row by row, columns in order, from
 * `rng`), i.e. x_ic ~ P̂_c, the column's empirical distribution, and P̂(x_i) = Π_c P̂_c(x_ic).
 */
export function sampleIndependentMarginals(model: IndependentMarginals, n: number, rng: Rng): TableRecord[] {
  const rows: TableRecord[] = [];
  for (let i = 0; i < n; i++) {
    const row: Record<string, TableCell> = {};
    model.columns.forEach((c, j) => {
      const cells = model.cells[j];
      row[c] = cells[rng.int(cells.length)];
    });
    rows.push(row);
  }
  return rows;
}
