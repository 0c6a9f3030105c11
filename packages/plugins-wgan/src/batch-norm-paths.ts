/** State paths that batch norm keeps (models' `movingMean`/`movingVariance`; Keras and PyTorch names). */
const BATCH_NORM_STATE = /(moving|running)[_-]?(mean|var)|batch[_-]?norm/i;

/** The critic state paths that belong to batch-norm layers (empty when there are none). */
export function batchNormStatePaths(statePaths: readonly string[]): string[] {
  return statePaths.filter((path) => BATCH_NORM_STATE.test(path));
}

/**
 * The warning shown once when a gradient-penalty critic has batch norm. Batch norm makes each
 * score depend on the whole batch, so ∇ₓ̂ᵢ of the summed scores is no longer the per-sample
 * gradient the penalty constrains (Gulrajani et al. 2017, arXiv:1704.00028, §4).
 */
export function batchNormWarning(paths: readonly string[]): string {
  const shown = paths.slice(0, 3).join(', ') + (paths.length > 3 ? `, … (${paths.length} in all)` : '');
  return (
    `gradient-penalty: the critic has batch-norm state (${shown}). Batch norm couples the samples ` +
    'of a batch, so the penalty no longer constrains per-sample gradients (Gulrajani et al. 2017, §4). ' +
    "Use layer norm instead (mlp: normalization: 'layer-norm') or no normalization."
  );
}
