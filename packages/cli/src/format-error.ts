/**
 * The message `ganforge` prints for an error. Duck-typed on GanForgeError's `code` and
 * ConfigError's `issues`, so it imports nothing heavy.
 */
export function formatError(error: unknown, configFile?: string): string {
  const e = error as {
    code?: unknown;
    message?: unknown;
    issues?: { path: string; message: string }[];
    stack?: string;
  };
  const message = typeof e?.message === 'string' ? e.message : String(error);
  if (e?.code === 'CONFIG_INVALID') {
    const where = configFile ? ` in ${configFile}` : '';
    const body =
      Array.isArray(e.issues) && e.issues.length > 0 && !message.startsWith('Invalid GANForge config')
        ? e.issues
            .map(
              (i) =>
                `  - ${i.path === '' || i.message.startsWith(`${i.path}:`) ? '' : `${i.path}: `}${i.message}`,
            )
            .join('\n')
        : message.replace(/^Invalid GANForge config \([^)]*\):\n/, '');
    return `config error${where}:\n${withCliInstallHint(body.startsWith('  ') ? body : `  ${body}`)}`;
  }
  if (typeof e?.code === 'string') return `error (${e.code}): ${message}`;
  return `unexpected error: ${e?.stack ?? message}`;
}

/**
 * Core's unknown-kind message says "npm i PKG and add xPlugin() to plugins" (library users);
 * on the command line a plugin is added by naming its package in the config's `plugins:` list.
 */
export function withCliInstallHint(text: string): string {
  return text.replace(
    /It is provided by (\S+): npm i \S+ and add \w+\(\) to plugins\./g,
    (_, pkg: string) =>
      `It is provided by ${pkg}: npm i ${pkg} and add "${pkg}" to the config's plugins: list.`,
  );
}
