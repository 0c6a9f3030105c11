import { CommanderError } from 'commander';
import { EXIT_CODES, exitCodeOf } from './exit-codes.js';
import { formatError } from './format-error.js';
import { createProgram, type CommandResult } from './program.js';

/**
 * Runs `ganforge` with `argv` (without the node and script entries) and returns the exit code:
 * 0 done, 2 bad command line or config, 130 interrupted, … (see EXIT_CODES). Errors are printed
 * on stderr (with `--json`, also as an `{"event":"error"}` line on stdout).
 */
export async function runCli(argv: string[]): Promise<number> {
  const result: CommandResult = { exitCode: 0 };
  const program = createProgram(result);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return result.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ||
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version'
        ? 0
        : EXIT_CODES.config;
    }
    const code = exitCodeOf(error);
    const configFile = argv[0] === 'train' ? argv[1] : undefined;
    process.stderr.write(`ganforge: ${formatError(error, configFile)}\n`);
    if (argv.includes('--json')) {
      const e = error as { message?: string; code?: string; issues?: unknown };
      process.stdout.write(
        JSON.stringify({
          event: 'error',
          exitCode: code,
          code: e?.code,
          message: e?.message ?? String(error),
          issues: e?.issues,
        }) + '\n',
      );
    }
    return code;
  }
}
