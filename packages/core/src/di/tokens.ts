import type { InjectionToken } from './tsyringe.js';
import type { AnyComponentDefinition } from '../registry/component.js';
import type { ComponentRegistry } from '../registry/component-registry.js';

/** Token under which plugins register component definitions (`useValue`). */
export const GAN_COMPONENT: InjectionToken<AnyComponentDefinition> = Symbol.for('@ganforge/core:component');

/** Token of the {@link ComponentRegistry} that `createGanContainer` registers. */
export const COMPONENT_REGISTRY: InjectionToken<ComponentRegistry> = Symbol.for('@ganforge/core:registry');
