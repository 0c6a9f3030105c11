/**
 * The augmentations a policy can list, applied in the listed order: DiffAugment's `color`
 * (brightness, saturation, contrast, in that order), `translation` and `cutout` (Zhao et al.
 * 2020, arXiv:2006.10738), and a horizontal `flip`.
 */
export const AUGMENT_POLICIES = ['color', 'translation', 'cutout', 'flip'] as const;

/** One of {@link AUGMENT_POLICIES}. */
export type AugmentPolicy = (typeof AUGMENT_POLICIES)[number];

/** Which augmentations run, and their sizes. */
export interface AugmentSettings {
  /** The augmentations, applied in this order. */
  policy: readonly AugmentPolicy[];
  /** Largest translation as a fraction of the image side: s = ⌊ratio·side + 0.5⌋ pixels (DiffAugment: 0.125). */
  translationRatio: number;
  /** Side of the cut-out rectangle as a fraction of the image side: ⌊ratio·side + 0.5⌋ (DiffAugment: 0.5). */
  cutoutRatio: number;
}

/** DiffAugment's policy for unconditional generation, `color,translation,cutout`, and its ratios. */
export const DIFF_AUGMENT_DEFAULTS: AugmentSettings = {
  policy: ['color', 'translation', 'cutout'],
  translationRatio: 0.125,
  cutoutRatio: 0.5,
};

/** Pixels for a fraction of a side, as the reference code rounds: ⌊ratio·side + 0.5⌋. */
export function pixelsOf(ratio: number, side: number): number {
  return Math.floor(ratio * side + 0.5);
}
