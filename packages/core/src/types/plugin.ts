import type { DependencyContainer } from '../di/tsyringe.js';

/**
 * A GANForge plugin: a small object that registers components into a container (Rollup style).
 *
 * ```ts
 * const gan = createGan(config, { plugins: [lossesPlugin(), wganPlugin()] });
 * ```
 */
export interface GanPlugin {
  /** The npm package name, e.g. `@ganforge/plugin-wgan`. */
  readonly name: string;
  /** The package version; two registrations of one name must agree on it. */
  readonly version?: string;
  /** The options the plugin was created with (compared when a plugin is listed twice). */
  readonly options?: unknown;
  /** Plugins registered first, once each. */
  readonly dependencies?: readonly GanPlugin[];
  /** Registers components (as `useValue` of a component definition); touches nothing global. */
  register(container: DependencyContainer): void;
}
