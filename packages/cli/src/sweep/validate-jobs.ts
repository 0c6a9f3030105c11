import { ConfigError, createGanContainer, getRegistry, resolveConfig } from '@ganforge/core';
import { loadPlugins } from '../plugins/load-plugins.js';
import type { SweepPlan } from './expand-sweep.js';

/**
 * Validates every job's config with the plugins it names before anything is written, as
 * `ganforge train` does. An invalid job is a ConfigError that names the job and its swept values
 * and keeps the config field's path (`optimizers.generator.lr: …`).
 */
export async function validateJobs(plan: SweepPlan, baseDir: string): Promise<void> {
  for (const job of plan.jobs) {
    try {
      const plugins = await loadPlugins(job.config.plugins, baseDir);
      resolveConfig(job.config, getRegistry(createGanContainer(plugins)));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      const values = Object.entries(job.fields).map(([k, v]) => `${k}=${String(v)}`);
      const what = `sweep job ${job.id}${values.length ? ` (${values.join(', ')})` : ''}`;
      throw new ConfigError(
        `${what}: ${error.message}`,
        error.issues[0]?.path ?? '',
        error.issues.map((i) => ({ ...i, message: `${what}: ${i.message}` })),
      );
    }
  }
}
