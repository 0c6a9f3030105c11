export {
  COMPONENT_KINDS,
  defineComponent,
  type AnyComponentDefinition,
  type BuildContext,
  type ComponentContextMap,
  type ComponentDefinition,
  type ComponentInstanceMap,
  type ComponentKind,
  type Metric,
  type MetricContext,
  type PresetConfig,
  type TrainerParts,
} from './component.js';
export { ComponentRegistry, type RegisteredComponent } from './component-registry.js';
export { KNOWN_COMPONENTS, knownPackageOf, pluginFactoryName } from './known-components.js';
export { describeUnknownComponent } from './unknown-component.js';
export { COMPONENT_NAME_PATTERN, assertComponentDefinition } from './validate-definition.js';
export { flattenPlugins } from './flatten-plugins.js';
export { CORE_PLUGIN_NAME, corePlugin } from './core-plugin.js';
export { createGanContainer, getRegistry } from '../di/create-gan-container.js';
