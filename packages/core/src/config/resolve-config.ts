import { GanForgeError, type ConfigIssue } from '../errors.js';
import type { ComponentKind, PresetConfig } from '../registry/component.js';
import type { ComponentRegistry } from '../registry/component-registry.js';
import { BlockChecker } from './block-checker.js';
import { checkResolvedValues } from './check-resolved-values.js';
import { CORE_DEFAULTS, CORE_EMA_DEFAULTS, CORE_OPTIMIZER_DEFAULTS } from './core-defaults.js';
import { describeValue } from './describe-value.js';
import { configErrorFromIssues, formatZodIssues } from './format-issues.js';
import { resolvePreset } from './resolve-preset.js';
import { isPlainObject, safeParseWith } from './safe-parse.js';
import { ganConfigSchema, type GanConfigInput } from './schema.js';
import type { OptimizerSettings, ResolvedConfig, ValueSource } from './types.js';
import { ValueLayers, type ComponentDefaultsLayer } from './value-layers.js';
import { wrapDiscriminator } from './wrap-discriminator.js';

const NETWORKS = ['generator', 'discriminator'] as const;
const OPTIMIZER_FIELDS = ['kind', 'lr', 'beta1', 'beta2', 'epsilon', 'momentum', 'rho'] as const;

/**
 * Validates a run config and resolves every defaultable value, before any tensor is made.
 *
 * The top level is checked by `ganConfigSchema` (unknown keys are errors), then every component
 * block by its component's own `options` schema (the block minus `kind`); every problem is
 * collected and thrown as one `ConfigError` whose message lists `<path>: expected …, found …` and
 * whose `issues` hold them. No input makes it throw anything else.
 *
 * Defaultable values resolve user > preset (the preset's `create` result) > component defaults
 * (the loss's `defaults` first, then trainer, regularizers, hooks, generator, discriminator) >
 * `CORE_DEFAULTS`; `sources` records each one's origin by dotted path (`trainer.dSteps`,
 * `optimizers.generator.lr`, `loss`, `batchSize`, …) as `user`, `preset:<name>`,
 * `component:<kind>:<name>` or `core`. Component blocks hold their schema's parsed output
 * (with the schema's defaults) plus `kind`. A preset's `discriminatorWrapper` is put around the
 * user's discriminator block (see `wrapDiscriminator`); `sources.discriminator` then names the
 * preset, and the wrapped component's defaults still apply after the wrapper's. Its
 * `dataWrapper` is put around the user's data block the same way (`sources.data`). A preset may also
 * supply the `generator` and `discriminator` blocks, used where the user's config has none
 * (`sources.generator`/`sources.discriminator` name the preset), and `steps`.
 */
export function resolveConfig(input: unknown, registry: ComponentRegistry): ResolvedConfig {
  try {
    return resolve(input, registry);
  } catch (error) {
    if (error instanceof GanForgeError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw configErrorFromIssues([
      { path: '', message: `expected a config that can be read, but reading it failed (${reason})` },
    ]);
  }
}

function resolve(input: unknown, registry: ComponentRegistry): ResolvedConfig {
  if (!isPlainObject(input)) {
    throw configErrorFromIssues([
      { path: '', message: `expected a config object, found ${describeValue(input)}` },
    ]);
  }
  const issues: ConfigIssue[] = [];
  const top = safeParseWith(ganConfigSchema, input);
  if (top.status === 'invalid')
    issues.push(...formatZodIssues(top.issues, { input, schema: ganConfigSchema }));
  if (top.status === 'failed')
    issues.push({
      path: '',
      message: `expected a config that can be read, but reading it failed (${top.reason})`,
    });

  const presetName = typeof input.preset === 'string' && input.preset !== '' ? input.preset : undefined;
  let preset: PresetConfig | undefined;
  if (presetName !== undefined) {
    const latentDim = typeof input.latentDim === 'number' ? input.latentDim : CORE_DEFAULTS.latentDim;
    const result = resolvePreset(registry, presetName, latentDim);
    if (result.success) preset = result.preset;
    else issues.push(...result.issues);
  }
  const presetSource: ValueSource = `preset:${presetName}`;
  const fromPreset = `(from preset "${presetName}")`;
  const blocks = new BlockChecker(registry, issues);

  const userData = blocks.user('data', input.data, 'data');
  // A preset's data wrapper goes around the user's data block, as its discriminator wrapper does.
  const wrappedData =
    preset?.dataWrapper !== undefined && userData !== undefined
      ? wrapDiscriminator(userData.block, preset.dataWrapper)
      : undefined;
  const data = wrappedData?.wrapped
    ? blocks.check('data', wrappedData.block, 'data', `(wrapper from preset "${presetName}")`)
    : userData;
  // The networks: the user's blocks, else the preset's (a synthesizer preset such as
  // `gaussian-copula` names both); with neither, the field is missing. An unresolved preset
  // reported its own issue, and whether it would have supplied them is unknown.
  const network = <K extends 'generator' | 'discriminator'>(field: K) => {
    if (input[field] !== undefined) return blocks.user(field, input[field], field);
    const supplied = preset?.[field];
    if (supplied !== undefined) return blocks.check(field, supplied, field, fromPreset);
    if (presetName === undefined || preset !== undefined)
      issues.push({
        path: field,
        message: `expected an object, found nothing (the field is missing${presetName !== undefined ? `, and preset "${presetName}" supplies none` : ''})`,
      });
    return undefined;
  };
  const generator = network('generator');
  const userDiscriminator = network('discriminator');
  const wrapper = preset?.discriminatorWrapper;
  const wrappedDiscriminator =
    wrapper !== undefined && userDiscriminator !== undefined
      ? wrapDiscriminator(userDiscriminator.block, wrapper)
      : undefined;
  const discriminator = wrappedDiscriminator?.wrapped
    ? blocks.check(
        'discriminator',
        wrappedDiscriminator.block,
        'discriminator',
        `(wrapper from preset "${presetName}")`,
      )
    : userDiscriminator;

  const lossPick = layered<unknown>(
    ['user', input.loss],
    [presetSource, preset?.loss],
    ['core', CORE_DEFAULTS.loss],
  );
  const loss = blocks.check(
    'loss',
    lossPick.value,
    'loss',
    lossPick.source === 'user' ? undefined : noteFor(lossPick.source, fromPreset),
  );
  const lists = (['regularizers', 'hooks'] as const).map((field) => {
    const pick = layered<unknown>(
      ['user', input[field]],
      [presetSource, preset?.[field]],
      ['core', CORE_DEFAULTS[field]],
    );
    const kind: ComponentKind = field === 'regularizers' ? 'regularizer' : 'hook';
    const items = Array.isArray(pick.value) ? pick.value : [];
    const note = pick.source === 'user' ? undefined : noteFor(pick.source, fromPreset);
    return {
      source: pick.source,
      parsed: items.map((item, i) => blocks.check(kind, item, `${field}[${i}]`, note)),
    };
  });
  const [regularizers, hooks] = lists;

  const userTrainer = isPlainObject(input.trainer) ? input.trainer : undefined;
  const trainerKindOk =
    userTrainer === undefined || userTrainer.kind === undefined || typeof userTrainer.kind === 'string';
  const trainerKind = layered<string>(
    ['user', typeof userTrainer?.kind === 'string' ? userTrainer.kind : undefined],
    [presetSource, preset?.trainer?.kind],
    ['core', CORE_DEFAULTS.trainer.kind],
  );
  const presetTrainerApplies = (preset?.trainer?.kind ?? CORE_DEFAULTS.trainer.kind) === trainerKind.value;
  const trainerBlock = {
    ...(presetTrainerApplies ? preset?.trainer : {}),
    ...userTrainer,
    kind: trainerKind.value,
  };
  const trainerNote =
    trainerKind.source === 'user'
      ? undefined
      : `(trainer "${trainerKind.value}" ${trainerKind.source === 'core' ? "is core's default" : `comes from preset "${presetName}"`})`;
  const trainer =
    trainerKindOk && (input.trainer === undefined || userTrainer !== undefined)
      ? blocks.check('trainer', trainerBlock, 'trainer', trainerNote, ['dSteps'])
      : undefined;

  const augment = blocks.user('augment', input.augment, 'augment');

  const userMetrics = Array.isArray(input.metrics) ? input.metrics : [];
  const metrics = userMetrics.map((block, i) => blocks.user('metric', block, `metrics[${i}]`, ['every']));

  if (issues.length > 0 || top.status !== 'valid') throw configErrorFromIssues(issues);
  const config = top.data as GanConfigInput;

  const componentLayers: ComponentDefaultsLayer[] = [];
  const wrappedUserDiscriminator = wrappedDiscriminator?.wrapped ? [userDiscriminator] : [];
  for (const parsed of [
    loss,
    trainer,
    ...regularizers.parsed,
    ...hooks.parsed,
    generator,
    discriminator,
    ...wrappedUserDiscriminator,
  ]) {
    if (parsed?.definition.defaults !== undefined) {
      componentLayers.push({
        source: `component:${parsed.definition.kind}:${parsed.definition.name}`,
        defaults: parsed.definition.defaults,
      });
    }
  }
  const layers = new ValueLayers(componentLayers);
  const scalar = <T>(key: 'seed' | 'backend' | 'latentDim' | 'logEvery'): T =>
    layers.pick<T>(key, ['user', config[key] as T | undefined], ['core', CORE_DEFAULTS[key] as T]);

  const optimizers = {} as ResolvedConfig['optimizers'];
  for (const net of NETWORKS) {
    const settings = {} as Record<keyof OptimizerSettings, unknown>;
    for (const field of OPTIMIZER_FIELDS) {
      settings[field] = layers.pick<unknown>(
        `optimizers.${net}.${field}`,
        ['user', config.optimizers?.[net]?.[field]],
        [presetSource, preset?.optimizers?.[net]?.[field]],
        layers.fromComponents((d) => d.optimizers?.[net]?.[field]),
        ['core', CORE_OPTIMIZER_DEFAULTS[field]],
      );
    }
    optimizers[net] = settings as unknown as OptimizerSettings;
  }

  layers.sources.data = wrappedData?.wrapped ? presetSource : 'user';
  layers.sources.generator = input.generator !== undefined ? 'user' : presetSource;
  layers.sources.discriminator =
    wrappedDiscriminator?.wrapped || input.discriminator === undefined ? presetSource : 'user';
  layers.sources.loss = lossPick.source;
  layers.sources.regularizers = regularizers.source;
  layers.sources.hooks = hooks.source;
  layers.sources['trainer.kind'] = trainerKind.source;
  const resolved: ResolvedConfig = {
    seed: scalar<number>('seed'),
    backend: scalar<string>('backend'),
    data: data!.block,
    ...(presetName !== undefined ? { preset: presetName } : {}),
    generator: generator!.block,
    discriminator: discriminator!.block,
    loss: loss!.block,
    regularizers: regularizers.parsed.map((p) => p!.block),
    hooks: hooks.parsed.map((p) => p!.block),
    trainer: {
      ...trainer!.block,
      dSteps: layers.pick<number>(
        'trainer.dSteps',
        ['user', config.trainer?.dSteps],
        [presetSource, preset?.trainer?.dSteps],
        layers.fromComponents((d) => d.dSteps),
        ['core', CORE_DEFAULTS.trainer.dSteps],
      ),
    },
    optimizers,
    latentDim: scalar<number>('latentDim'),
    steps: layers.pick<number>(
      'steps',
      ['user', config.steps],
      [presetSource, preset?.steps],
      ['core', CORE_DEFAULTS.steps],
    ),
    batchSize: layers.pick<number>(
      'batchSize',
      ['user', config.batchSize],
      [presetSource, preset?.batchSize],
      ['core', CORE_DEFAULTS.batchSize],
    ),
    checkpoint: {
      every: layers.pick<number>(
        'checkpoint.every',
        ['user', config.checkpoint?.every],
        ['core', CORE_DEFAULTS.checkpoint.every],
      ),
      keep: layers.pick<number>(
        'checkpoint.keep',
        ['user', config.checkpoint?.keep],
        ['core', CORE_DEFAULTS.checkpoint.keep],
      ),
    },
    logEvery: scalar<number>('logEvery'),
    metrics: metrics.map((parsed, i) => ({
      ...parsed!.block,
      every: layers.pick<number>(
        `metrics[${i}].every`,
        ['user', config.metrics?.[i]?.every],
        ['core', CORE_DEFAULTS.metricEvery],
      ),
    })),
    ...(config.ema !== undefined
      ? {
          ema: {
            decay: layers.pick<number>(
              'ema.decay',
              ['user', config.ema.decay],
              ['core', CORE_EMA_DEFAULTS.decay],
            ),
            startStep: layers.pick<number>(
              'ema.startStep',
              ['user', config.ema.startStep],
              ['core', CORE_EMA_DEFAULTS.startStep],
            ),
            standingBatches: layers.pick<number>(
              'ema.standingBatches',
              ['user', config.ema.standingBatches],
              ['core', CORE_EMA_DEFAULTS.standingBatches],
            ),
          },
        }
      : {}),
    ...(augment !== undefined ? { augment: augment.block } : {}),
    plugins: [
      ...layers.pick<readonly string[]>('plugins', ['user', config.plugins], ['core', CORE_DEFAULTS.plugins]),
    ],
    sources: layers.sources,
  };
  checkResolvedValues(resolved, registry);
  return resolved;
}

function layered<T>(...candidates: readonly (readonly [ValueSource, T | undefined])[]): {
  source: ValueSource;
  value: T;
} {
  for (const [source, value] of candidates) if (value !== undefined) return { source, value };
  return { source: 'core', value: undefined as T };
}

function noteFor(source: ValueSource, fromPreset: string): string | undefined {
  return source.startsWith('preset:') ? fromPreset : source === 'core' ? '(core default)' : undefined;
}
