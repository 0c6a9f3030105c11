import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { runCli } from '@ganforge/cli';
import { createGan, type GanConfig } from '@ganforge/core';
import { expectNoTensorLeak } from '@ganforge/core/testing';
import { dataPlugin } from '@ganforge/data/node';
import { lossesPlugin } from '@ganforge/losses';
import { metricsPlugin } from '@ganforge/metrics';
import { modelsPlugin, RecurrentGenerator } from '@ganforge/models';
import { describe, expect, it } from 'vitest';
import { pngSize, smokeTrain } from './smoke-helpers.js';

describe('examples/configs/time-series.yaml (a few steps)', () => {
  it('trains on 24-hour windows of the CSV and samples them back in the data units', async () => {
    const { run } = await smokeTrain('time-series.yaml', 4);
    const [w, h] = pngSize(join(run, 'plots/windows.png'));
    expect(w).toBeGreaterThan(1000);
    expect(h).toBeGreaterThan(400);
    const csv = join(run, 'days.csv');
    expect(await runCli(['sample', run, '-n', '3', '--out', csv])).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('sample,step,temperature,load');
    expect(lines).toHaveLength(1 + 3 * 24);
    expect(lines[24 + 1].startsWith('1,0,')).toBe(true);
    // De-normalized: the values lie near the data's range (°C about 0…25, load about 30…90), not in [−1, 1].
    const loads = lines.slice(1).map((l) => Number(l.split(',')[3]));
    expect(Math.min(...loads)).toBeGreaterThan(10);
    expect(Math.max(...loads)).toBeLessThan(120);
  });
});

describe('examples/configs/time-series-gru.yaml: rnn (GRU) networks on the same windows', () => {
  let run = '';

  it('trains through the CLI and samples 24-hour windows in the data units', async () => {
    ({ run } = await smokeTrain('time-series-gru.yaml', 2));
    const csv = join(run, 'days.csv');
    expect(await runCli(['sample', run, '-n', '2', '--out', csv])).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('sample,step,temperature,load');
    expect(lines).toHaveLength(1 + 2 * 24);
    const loads = lines.slice(1).map((l) => Number(l.split(',')[3]));
    expect(Math.min(...loads)).toBeGreaterThan(10);
    expect(Math.max(...loads)).toBeLessThan(120);
  });

  it('its resolved config trains 20 steps on wasm without a tensor leak (steps 10, 15, 20)', async () => {
    expect(run).not.toBe('');
    // every resolved value of the run, less the record of where each came from
    const { sources: _sources, ...config } = JSON.parse(
      readFileSync(join(run, 'resolved-config.json'), 'utf8'),
    ) as GanConfig & { sources: unknown };
    expect(config.generator).toMatchObject({ kind: 'rnn', cell: 'gru', hidden: [32, 32] });
    expect(config.discriminator).toMatchObject({ kind: 'rnn', cell: 'gru', hidden: [32] });
    const gan = await createGan(config, {
      plugins: [dataPlugin(), lossesPlugin(), modelsPlugin(), metricsPlugin()],
    });
    expect(tf.getBackend()).toBe('wasm');
    expect(gan.generator).toBeInstanceOf(RecurrentGenerator);
    expect(gan.generator.latentDim).toBe(96);
    const ms: number[] = [];
    const { counts } = await expectNoTensorLeak(
      () => {
        const started = performance.now();
        const logs = gan.step();
        ms.push(performance.now() - started);
        expect(Number.isFinite(logs.d_loss) && Number.isFinite(logs.g_loss)).toBe(true);
      },
      { checkpoints: [10, 15, 20] },
    );
    const median = [...ms.slice(1)].sort((a, b) => a - b)[Math.floor((ms.length - 1) / 2)];
    console.log(
      `time-series-gru.yaml on wasm: median ${median.toFixed(0)} ms per training step (batch 64, steps 2–20); tensors ${JSON.stringify(counts)}`,
    );
    gan.dispose();
  });
});
