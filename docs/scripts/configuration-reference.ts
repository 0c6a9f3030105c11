// Writes docs/configuration.md from the zod schemas (z.toJSONSchema), so the reference cannot
// drift from the code: `npx tsx --conditions=@ganforge/source docs/scripts/configuration-reference.ts`
// (also run by `npm run docs`). integration/src/publishing/configuration-reference.test.ts fails
// when the committed file differs from what this prints.
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  COMPONENT_KINDS,
  CORE_DEFAULTS,
  CORE_EMA_DEFAULTS,
  CORE_OPTIMIZER_DEFAULTS,
  createGanContainer,
  ganConfigSchema,
  getRegistry,
  type ComponentKind,
  type GanPlugin,
} from '@ganforge/core';
import { cganPlugin } from '@ganforge/plugin-cgan';
import { dataPlugin } from '@ganforge/data/node';
import { ebganPlugin } from '@ganforge/plugin-ebgan';
import { lossesPlugin } from '@ganforge/losses';
import { metricsPlugin } from '@ganforge/metrics';
import { minibatchPlugin } from '@ganforge/plugin-minibatch';
import { modelsPlugin } from '@ganforge/models';
import { pacganPlugin } from '@ganforge/plugin-pacgan';
import { augmentPlugin } from '@ganforge/plugin-augment';
import { ctganPlugin } from '@ganforge/plugin-ctgan';
import { unrolledPlugin } from '@ganforge/plugin-unrolled';
import { wganPlugin } from '@ganforge/plugin-wgan';
import { format, resolveConfig } from 'prettier';
import { z } from 'zod';

/** Where the reference is written. */
export const CONFIGURATION_MD = fileURLToPath(new URL('../configuration.md', import.meta.url));

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: unknown;
};

/** What each top-level field means (the schema says its type; a test checks every field is here). */
export const TOP_LEVEL_FIELDS: Readonly<Record<string, string>> = {
  seed: 'Seed of every random stream (initialization, noise, data order, interpolation); the same seed on the same backend gives the same run.',
  backend:
    '`auto` tries tfjs-node-gpu, tfjs-node, wasm-native (the OpenBLAS kernels of @ganforge/backend-native, where built), wasm, then cpu; the chosen one is logged and recorded.',
  data: 'The data source: `kind` and that source’s options (see *data* below).',
  preset:
    'A preset (e.g. `wgan-gp`, `sngan`) supplying loss, regularizers, hooks, trainer, optimizers, batch size and wrappers around your discriminator and your data (`ctgan`: training-by-sampling); a synthesizer preset (`gaussian-copula`, `ctgan`) also supplies the generator, the discriminator and (`gaussian-copula`) `steps`. Your own fields win.',
  generator:
    'The generator network: `kind` and its options (see *generator* below). Required unless the preset supplies one.',
  discriminator:
    'The discriminator (critic) network: `kind` and its options (see *discriminator* below); `none` for a generator fitted without training. Required unless the preset supplies one.',
  loss: 'The adversarial loss: `kind` and its options (see *loss* below).',
  regularizers:
    'Penalties added to a network’s loss (R1, LeCam, gradient penalty, pulling-away), each `kind` + options; logged as `reg_<name>`. A list here replaces the preset’s.',
  hooks:
    'Pure parameter transforms after an update (e.g. `weight-clipping`). A list here replaces the preset’s.',
  trainer:
    '`kind` (default `default`: Goodfellow et al.’s alternating updates) and `dSteps`, discriminator updates per generator update; other fields are the trainer’s options.',
  optimizers:
    'Per network (`generator`, `discriminator`): `kind` (`adam`, `sgd`, `rmsprop`), `lr`, `beta1`, `beta2`, `epsilon`, `momentum`, `rho` (see *Optimizer settings*).',
  latentDim: 'Size of the noise vector z.',
  steps: 'Generator updates in a run (`fit`); a preset may set it (`gaussian-copula`: 1).',
  batchSize: 'Samples per batch, real and fake.',
  checkpoint: '`every` (steps between checkpoints; 0 = only at the end) and `keep` (how many to keep).',
  logEvery: 'Steps between rows of metrics.jsonl and progress lines.',
  metrics: 'Metrics computed during the run, each `kind` + options + `every` (steps; 0 = only at the end).',
  ema: 'The generator’s exponential moving average: `decay`, `startStep` and `standingBatches` (see *Generator EMA*). Off when absent; `{}` turns it on with the defaults.',
  augment:
    'A differentiable augmentation of everything D sees in training, real and generated, in D’s and G’s updates: `kind` (`diff-augment`, `ada`) and its options (see *augment* below). Off when absent.',
  plugins:
    'Plugin packages (or local files) the command line loads; library users pass plugin objects to `createGan` instead.',
};

/** What each field of the `ema` block means. */
export const EMA_FIELDS: Readonly<Record<string, string>> = {
  decay: 'β in θ_ema ← β·θ_ema + (1 − β)·θ, after each generator update.',
  startStep:
    'The last step whose weights are copied (θ_ema ← θ while t ≤ startStep); averaging starts at step startStep + 1.',
  standingBatches:
    'Standing statistics: K noise batches (of the run’s batch size) through G(·; θ_ema) in training mode recompute its batch-norm statistics as their plain average (BigGAN; StudioGAN’s `standing_statistics`); 0 uses the raw generator’s running statistics.',
};

/** What each optimizer setting means. */
export const OPTIMIZER_FIELDS: Readonly<Record<string, string>> = {
  kind: '`adam`, `sgd` or `rmsprop` (or a plugin’s optimizer component).',
  lr: 'Learning rate.',
  beta1: 'Adam β₁ (first-moment decay).',
  beta2: 'Adam β₂ (second-moment decay).',
  epsilon: 'Adam and RMSprop ε.',
  momentum: 'SGD and RMSprop momentum.',
  rho: 'RMSprop decay ρ.',
};

/** Every plugin of the repository's published packages. */
export function allPlugins(): GanPlugin[] {
  return [
    lossesPlugin(),
    modelsPlugin(),
    dataPlugin(),
    metricsPlugin(),
    wganPlugin(),
    cganPlugin(),
    ebganPlugin(),
    unrolledPlugin(),
    minibatchPlugin(),
    pacganPlugin(),
    augmentPlugin(),
    ctganPlugin(),
  ];
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n+/g, ' ');
const code = (value: unknown): string => `\`${JSON.stringify(value)}\``;

function bounds(s: JsonSchema): string {
  const parts: string[] = [];
  // zod's .int() adds ±Number.MAX_SAFE_INTEGER bounds: not worth printing.
  const shown = (v: number | undefined): v is number =>
    v !== undefined && Math.abs(v) < Number.MAX_SAFE_INTEGER;
  if (shown(s.minimum)) parts.push(`≥ ${s.minimum}`);
  if (shown(s.exclusiveMinimum)) parts.push(`> ${s.exclusiveMinimum}`);
  if (shown(s.maximum)) parts.push(`≤ ${s.maximum}`);
  if (shown(s.exclusiveMaximum)) parts.push(`< ${s.exclusiveMaximum}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** A short type for a JSON Schema: `'a' | 'b'`, `number[]`, `integer (≥ 1)`, `object`. */
export function typeOf(s: JsonSchema | undefined): string {
  if (s === undefined) return 'any';
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  const union = s.anyOf ?? s.oneOf;
  if (union) return [...new Set(union.map(typeOf))].join(' | ');
  if (s.type === 'array') {
    const item = typeOf(s.items);
    const inner = item.includes(' ') ? `(${item})` : item;
    const length = s.minItems !== undefined && s.minItems === s.maxItems ? ` (length ${s.minItems})` : '';
    return `${inner}[]${length}`;
  }
  if (s.type === 'object') {
    const keys = Object.keys(s.properties ?? {});
    return keys.length > 0 ? `{ ${keys.join(', ')} }` : 'object';
  }
  if (Array.isArray(s.type)) return s.type.join(' | ');
  return `${s.type ?? 'any'}${bounds(s)}`;
}

function optionsTable(
  schema: JsonSchema,
  defaults: Record<string, unknown> = {},
  descriptions: Record<string, string> = {},
): string[] {
  const props = Object.entries(schema.properties ?? {});
  if (props.length === 0) return ['No options.', ''];
  const required = new Set(schema.required ?? []);
  const lines = ['| option | type | default | description |', '| --- | --- | --- | --- |'];
  for (const [name, prop] of props) {
    const fallback = name in defaults ? code(defaults[name]) : '';
    const dflt =
      prop.default !== undefined ? code(prop.default) : required.has(name) ? '**required**' : fallback || '–';
    const description = prop.description ?? descriptions[name] ?? '';
    lines.push(`| \`${name}\` | ${cell(typeOf(prop))} | ${cell(dflt)} | ${cell(description)} |`);
  }
  lines.push('');
  return lines;
}

function jsonSchema(schema: unknown): JsonSchema {
  return z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const KIND_TITLES: Record<ComponentKind, string> = {
  data: 'data: data sources',
  generator: 'generator: generator networks',
  discriminator: 'discriminator: discriminator (critic) networks',
  loss: 'loss: adversarial losses',
  regularizer: 'regularizer: penalties',
  hook: 'hook: parameter transforms',
  preset: 'preset: named bundles of settings',
  optimizer: 'optimizer: update rules',
  trainer: 'trainer: training steps',
  metric: 'metric: sample-quality metrics',
  callback: 'callback: run callbacks',
  augment: 'augment: differentiable augmentation before D',
} as Record<ComponentKind, string>;

/**
 * The whole reference, as Markdown formatted by the repository's prettier settings (so that
 * `npm run format` leaves the committed file as it is).
 */
export async function configurationReference(plugins: GanPlugin[] = allPlugins()): Promise<string> {
  const options = (await resolveConfig(CONFIGURATION_MD)) ?? {};
  return format(markdown(plugins), { ...options, parser: 'markdown' });
}

function markdown(plugins: GanPlugin[]): string {
  const registry = getRegistry(createGanContainer(plugins));
  const top = jsonSchema(ganConfigSchema);
  const out: string[] = [
    '---',
    'title: Configuration reference',
    '---',
    '',
    '# Configuration reference',
    '',
    '<!-- Generated by docs/scripts/configuration-reference.ts from the zod schemas: do not edit. -->',
    '',
    'A run is one JSON/YAML document (or the object passed to `createGan`). It is validated before',
    'any tensor exists; an error names the path of the bad field. A field left out resolves as',
    '**your value > preset > component defaults > core default**, and the resolved config records',
    'where each value came from. This page is generated from the schemas of every published',
    'package (`npm run docs` regenerates it; a test fails when it is out of date).',
    '',
    '## Top level',
    '',
    ...optionsTable(
      top,
      { ...CORE_DEFAULTS, optimizers: 'Adam, see below', ema: 'off', augment: 'off' },
      TOP_LEVEL_FIELDS,
    ),
    'Unknown top-level keys are errors. Component blocks (`data`, `generator`, `discriminator`,',
    '`loss`, `regularizers[]`, `hooks[]`, `trainer`, `metrics[]`, `augment`) name a component by `kind`; their',
    'other fields are that component’s options, listed below with the package that registers it.',
    '',
    '## Optimizer settings',
    '',
    '`optimizers.generator` and `optimizers.discriminator` each take these fields. Core’s defaults',
    'are Adam as in DCGAN with ε = 1e-8 as in PyTorch and the Adam paper (tfjs’ own default is 1e-7);',
    'a loss or preset may bring its own (e.g. `wgan-gp`: Adam 1e-4, β 0/0.9).',
    '',
    ...optionsTable(
      top.properties?.optimizers?.properties?.generator ?? {},
      { ...CORE_OPTIMIZER_DEFAULTS },
      OPTIMIZER_FIELDS,
    ),
    '## Generator EMA',
    '',
    'An `ema` block keeps an exponential moving average of the generator’s parameters (Yazıcı et',
    'al. 2019, arXiv:1806.04498; StudioGAN’s EMA with a start step). After the generator update of',
    'step t (1 for the first step), θ_ema ← θ if t ≤ `startStep`, else θ_ema ← β·θ_ema + (1 − β)·θ;',
    'non-trainable state (batch-norm statistics) is the generator’s own. Samples, sample pictures,',
    'metrics, `ganforge sample`, `ganforge eval` and exported generators then use θ_ema (`--raw-weights`',
    "or `weights: 'raw'` for the trained weights); the average is checkpointed. See",
    '[the EMA guide](guides/ema.md).',
    '',
    ...optionsTable(top.properties?.ema ?? {}, { ...CORE_EMA_DEFAULTS }, EMA_FIELDS),
  ];
  for (const kind of COMPONENT_KINDS) {
    const names = registry.list(kind);
    if (names.length === 0) continue;
    out.push(`## ${KIND_TITLES[kind] ?? kind}`, '');
    for (const name of names) {
      const found = registry.find(kind, name);
      if (found === undefined) continue;
      const { definition, plugin } = found;
      out.push(
        `### \`${name}\``,
        '',
        `${kind} · registered by \`${plugin}\``,
        '',
        definition.description,
        '',
      );
      const defaults = (definition as { defaults?: unknown }).defaults;
      if (
        defaults !== undefined &&
        defaults !== null &&
        typeof defaults === 'object' &&
        Object.keys(defaults).length > 0
      )
        out.push(`Brings defaults: ${code(defaults)}.`, '');
      out.push(...optionsTable(jsonSchema(definition.options)));
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(CONFIGURATION_MD, await configurationReference());
  console.log(`wrote ${CONFIGURATION_MD}`);
}
