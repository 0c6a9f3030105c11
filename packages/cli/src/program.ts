import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { EXIT_CODE_HELP } from './exit-codes.js';
import type { ReportMode, Reporter } from './progress/reporter.js';

// Only commander and node built-ins load here: `ganforge --help` must not import tfjs, vega or
// resvg. Each command imports its module (and with it the heavy dependencies) when it runs.

/** What a command action hands back to `runCli`. */
export type CommandResult = { exitCode: number };

function integer(name: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new InvalidArgumentError(`${name} must be an integer ≥ ${min}`);
    return n;
  };
}

function share(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!(n > 0 && n < 1))
      throw new InvalidArgumentError(`${name} must be a share between 0 and 1 (e.g. 0.2)`);
    return n;
  };
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function version(): string {
  try {
    return (
      JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
    ).version;
  } catch {
    return 'unknown';
  }
}

async function reporterFor(json: boolean | undefined): Promise<Reporter> {
  const { createReporter } = await import('./progress/reporter.js');
  return createReporter(json ? 'json' : (undefined as ReportMode | undefined));
}

/**
 * The `ganforge` command line. Actions store their exit code in `result` (commander's own
 * errors, e.g. an unknown option, throw a CommanderError: see `runCli`).
 */
export function createProgram(result: CommandResult = { exitCode: 0 }): Command {
  const program = new Command('ganforge')
    .description('Train generative adversarial networks on TensorFlow.js from a YAML config.')
    .version(version())
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `\nExamples:\n  ganforge train examples/configs/ring.yaml --out runs/ring\n  ganforge resume runs/ring\n  ganforge sample runs/ring -n 1000 --out ring.csv\n  ganforge report runs/penguins\n  ganforge eval runs/ring --json\n  ganforge monitor runs/ring runs/grid\n  ganforge plugins\n\n${EXIT_CODE_HELP}`,
    )
    .exitOverride();
  const json = () => new Option('--json', 'machine-readable output: one JSON object per line on stdout');
  const rawWeights = () =>
    new Option(
      '--raw-weights',
      "use the generator's raw weights instead of its EMA average (runs with an `ema` block)",
    );
  const sampleEvery = () =>
    new Option('--sample-every <n>', 'steps between sample pictures (default: about ten a run)').argParser(
      integer('--sample-every', 1),
    );

  program
    .command('train')
    .description(
      'train a GAN from a config and write a run folder (config, metrics.jsonl, checkpoints, samples, plots, summary)',
    )
    .argument('<config>', 'YAML or JSON run config (see examples/configs/)')
    .option('--out <dir>', 'run folder (default: runs/<config name>-<date>-<time>)')
    .option('--steps <n>', 'total generator steps (overrides the config)', integer('--steps', 1))
    .option('--seed <n>', 'seed of every random stream (overrides the config)', integer('--seed', 0))
    .addOption(
      new Option('--backend <name>', 'tfjs backend (overrides the config)').choices([
        'auto',
        'cpu',
        'wasm',
        'wasm-native',
        'tensorflow',
        'webgl',
        'webgpu',
      ]),
    )
    .option('--force', 'replace a run already in --out')
    .option('--monitor', 'also serve the live dashboard of this run (see ganforge monitor)')
    .addOption(sampleEvery())
    .addOption(json())
    .addHelpText(
      'after',
      '\nCtrl-C stops after the current step, writes a checkpoint and tells how to resume (exit code 130).',
    )
    .action(
      async (
        config: string,
        o: {
          out?: string;
          steps?: number;
          seed?: number;
          backend?: string;
          force?: boolean;
          monitor?: boolean;
          sampleEvery?: number;
          json?: boolean;
        },
      ) => {
        const { trainCommand } = await import('./commands/train.js');
        result.exitCode = await trainCommand(config, o, await reporterFor(o.json));
      },
    );

  program
    .command('resume')
    .description("continue a run from its last good checkpoint to its config's steps (or --steps)")
    .argument('<run-dir>', 'run folder written by ganforge train')
    .option('--steps <n>', 'new total step count (extends a finished run)', integer('--steps', 1))
    .addOption(sampleEvery())
    .addOption(json())
    .action(async (dir: string, o: { steps?: number; sampleEvery?: number; json?: boolean }) => {
      const { resumeCommand } = await import('./commands/resume.js');
      result.exitCode = await resumeCommand(dir, o, await reporterFor(o.json));
    });

  program
    .command('sample')
    .description(
      "write generated samples in the data's own units: .png (grid for images, plot otherwise) or .csv",
    )
    .argument('<run-dir>', 'run folder')
    .option('-n, --n <count>', 'number of samples (table runs: default the training rows)', integer('-n', 1))
    .requiredOption('--out <file>', 'output file, .png or .csv')
    .option(
      '--labels <classes>',
      'conditional runs: one class ("3") or a list cycled over the samples ("0,1,2")',
    )
    .option(
      '--where <column=value>',
      'table runs: keep rows with this value (repeatable; VALUE empty = missing)',
      collect,
    )
    .option('--checkpoint <step-or-dir>', 'checkpoint step or folder (default: the last good one)')
    .option('--seed <n>', "seed of the latent noise (default: the run's)", integer('--seed', 0))
    .addOption(rawWeights())
    .addOption(json())
    .addHelpText(
      'after',
      "\nTable runs write the file's columns and formats: integers, seen categories, its boolean tokens,\n" +
        'ISO datetimes, empty cells for missing. --where draws rows until N match (rejection sampling;\n' +
        'it stops with an error when under 1 % of generated rows match: train longer or use a conditional\n' +
        'generator such as CTGAN, whose conditional vector is used when it has one).',
    )
    .action(
      async (
        dir: string,
        o: {
          n?: number;
          out: string;
          labels?: string;
          where?: string[];
          checkpoint?: string;
          seed?: number;
          rawWeights?: boolean;
          json?: boolean;
        },
      ) => {
        const { sampleCommand } = await import('./commands/sample.js');
        result.exitCode = await sampleCommand(dir, o, await reporterFor(o.json));
      },
    );

  program
    .command('report')
    .description(
      "a table run's quality and privacy report: column shapes, pair trends, ML efficacy, DCR (report.json, .png, .html)",
    )
    .argument('<run-dir>', 'run folder of a table run')
    .option('--real <file>', "the training rows as CSV (default: the run's own file and split)")
    .option(
      '--holdout <file>',
      "real rows the run never saw, as CSV (default with no --real: the run's heldOut rows)",
    )
    .option('-n, --n <count>', 'synthetic rows to sample (default: the rows of --real)', integer('-n', 1))
    .option('--target <column>', 'column ML efficacy predicts (default: the last categorical column)')
    .option(
      '--out <dir>',
      'folder for report.json, report.png, report.html, synthetic.csv (default: RUN/report)',
    )
    .option('--checkpoint <step-or-dir>', 'checkpoint step or folder (default: the last good one)')
    .option('--seed <n>', "seed of the latent noise (default: the run's)", integer('--seed', 0))
    .addOption(rawWeights())
    .addOption(json())
    .addHelpText(
      'after',
      '\nDefinitions (SDMetrics QualityReport, TSTR vs TRTR, distance to closest record): docs/guides/tables.md.',
    )
    .action(
      async (
        dir: string,
        o: {
          real?: string;
          holdout?: string;
          n?: number;
          target?: string;
          out?: string;
          checkpoint?: string;
          seed?: number;
          rawWeights?: boolean;
          json?: boolean;
        },
      ) => {
        const { reportCommand } = await import('./commands/report.js');
        result.exitCode = await reportCommand(dir, o, await reporterFor(o.json));
      },
    );

  program
    .command('split')
    .description('split a CSV file into train.csv and holdout.csv by a seeded permutation of its rows')
    .argument('<file>', 'CSV file with a header row')
    .requiredOption('--holdout <share>', 'share of rows held out, in (0, 1)', share('--holdout'))
    .option('--seed <n>', 'seed of the permutation (default 0)', integer('--seed', 0))
    .requiredOption('--out <dir>', 'folder for train.csv and holdout.csv')
    .option('--delimiter <char>', "field delimiter (default ',')")
    .addOption(json())
    .addHelpText(
      'after',
      '\nThe rows held out are those a table run holds out with data: { heldOut: SHARE, seed: SEED }.',
    )
    .action(
      async (
        file: string,
        o: { holdout: number; seed?: number; out: string; delimiter?: string; json?: boolean },
      ) => {
        const { splitCommand } = await import('./commands/split.js');
        result.exitCode = await splitCommand(file, o, await reporterFor(o.json));
      },
    );

  program
    .command('eval')
    .description("compute the config's metrics on a checkpoint and print a table")
    .argument('<run-dir>', 'run folder')
    .option('--checkpoint <step-or-dir>', 'checkpoint step or folder (default: the last good one)')
    .option('--metric <kind...>', "metric kinds to compute instead of the config's (e.g. mode-coverage mmd)")
    .addOption(rawWeights())
    .addOption(json())
    .action(
      async (
        dir: string,
        o: { checkpoint?: string; metric?: string[]; rawWeights?: boolean; json?: boolean },
      ) => {
        const { evalCommand } = await import('./commands/eval.js');
        result.exitCode = await evalCommand(dir, o, await reporterFor(o.json));
      },
    );

  program
    .command('monitor')
    .description(
      'serve a live dashboard of run folders: losses, D accuracy, metrics, steps/s, samples, diagnostics, config',
    )
    .argument('<run-dir...>', 'run folders written by ganforge train (shown side by side)')
    .option('--host <host>', 'interface to bind (default 127.0.0.1; others are reachable from the network)')
    .option('--port <n>', 'port (default: any free one)', integer('--port', 0))
    .action(async (dirs: string[], o: { host?: string; port?: number }) => {
      const { monitorCommand } = await import('./commands/monitor.js');
      result.exitCode = await monitorCommand(dirs, o, await reporterFor(false));
    });

  program
    .command('playground')
    .description('serve a page that trains a 2-D GAN in the browser with the installed plugins')
    .option('--host <host>', 'interface to bind (default 127.0.0.1)')
    .option('--port <n>', 'port (default: any free one)', integer('--port', 0))
    .option('--plugin <package...>', 'more plugin packages to offer (installed @ganforge/plugin-* are found)')
    .action(async (o: { host?: string; port?: number; plugin?: string[] }) => {
      const { playgroundCommand } = await import('./commands/playground.js');
      result.exitCode = await playgroundCommand(o, await reporterFor(false));
    });

  program
    .command('plugins')
    .description('list installed plugins, the components each registers and their option schemas')
    .argument('[plugins...]', 'more plugin packages or local plugin files to load')
    .option('--config <file>', 'also load the plugins this config names')
    .addOption(json())
    .action(async (specs: string[], o: { config?: string; json?: boolean }) => {
      const { pluginsCommand } = await import('./commands/plugins.js');
      result.exitCode = await pluginsCommand(specs, o, await reporterFor(o.json));
    });

  // sweep / worker (issue #16): many runs from one sweep file, on a local pool or a Redis queue.
  const sweep = program
    .command('sweep')
    .description(
      'run a sweep file (a base config with a grid or random search over fields and seeds): one run folder per job',
    )
    .argument('<sweep-file>', 'YAML sweep file (see examples/sweeps/)')
    .option('--out <dir>', 'sweep folder (default: sweeps/<sweep name>)')
    .option(
      '--concurrency <n>',
      'jobs at once on the embedded pool (default: the number of cores)',
      integer('--concurrency', 1),
    )
    .option(
      '--queue <redis-url>',
      'enqueue the jobs in BullMQ on this Redis (redis://HOST:PORT) for `ganforge worker`',
    )
    .option('--queue-name <name>', 'BullMQ queue name (default: ganforge-sweeps)')
    .option(
      '--attempts <n>',
      'tries per job on the queue before it fails (default 2)',
      integer('--attempts', 1),
    )
    .option('--no-wait', 'with --queue: return once the jobs are queued')
    .option('--dry-run', 'list the jobs and write nothing')
    .addOption(json())
    .addHelpText(
      'after',
      '\nA job whose run folder has summary.json is never rerun; one with a checkpoint resumes from it.\nThen: ganforge sweep report DIR',
    )
    .action(
      async (
        file: string,
        o: {
          out?: string;
          concurrency?: number;
          queue?: string;
          queueName?: string;
          attempts?: number;
          wait?: boolean;
          dryRun?: boolean;
          json?: boolean;
        },
      ) => {
        const { sweepCommand } = await import('./commands/sweep.js');
        result.exitCode = await sweepCommand(file, o, await reporterFor(o.json));
      },
    );
  sweep
    .command('report')
    .description(
      'aggregate a sweep folder: table (report.csv, report.json) with mean ± sd over seeds, and report.png',
    )
    .argument('<dir>', 'sweep folder written by ganforge sweep')
    .option(
      '--metric <name...>',
      'columns to compare in the plot (default: the final metrics, else g_loss and d_loss)',
    )
    .addOption(json())
    .action(async (dir: string, o: { metric?: string[]; json?: boolean }) => {
      const { sweepReportCommand } = await import('./commands/sweep.js');
      result.exitCode = await sweepReportCommand(dir, o, await reporterFor(o.json));
    });

  program
    .command('worker')
    .description('run sweep jobs from a Redis queue (any number of machines sharing the output folder)')
    .requiredOption('--queue <redis-url>', 'Redis of the queue: redis://HOST:PORT')
    .option('--queue-name <name>', 'BullMQ queue name (default: ganforge-sweeps)')
    .option('--concurrency <n>', 'jobs at once in this worker (default 1)', integer('--concurrency', 1))
    .option(
      '--lock-duration <ms>',
      "job lock in ms (default 30000): a dead worker's job moves to another worker this long after",
      integer('--lock-duration', 100),
    )
    .option(
      '--stalled-interval <ms>',
      'ms between checks for stalled jobs (default: the lock duration)',
      integer('--stalled-interval', 100),
    )
    .option(
      '--max-stalled <n>',
      'times a job may lose its worker before it fails (default 5)',
      integer('--max-stalled', 0),
    )
    .addOption(json())
    .action(
      async (o: {
        queue: string;
        queueName?: string;
        concurrency?: number;
        lockDuration?: number;
        stalledInterval?: number;
        maxStalled?: number;
        json?: boolean;
      }) => {
        const { workerCommand } = await import('./commands/worker.js');
        result.exitCode = await workerCommand(o, await reporterFor(o.json));
      },
    );

  return program;
}
