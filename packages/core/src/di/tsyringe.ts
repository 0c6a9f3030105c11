// The only module that imports tsyringe. reflect-metadata must load first (tsyringe throws
// "tsyringe requires a reflect polyfill" otherwise); this file is listed in `sideEffects` so a
// bundler keeps the import.
import 'reflect-metadata';

export { container as rootContainer } from 'tsyringe';
export type { DependencyContainer, InjectionToken } from 'tsyringe';
