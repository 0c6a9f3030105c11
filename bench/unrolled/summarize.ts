// Summarizes the `"kind":"run"` JSON lines of one or more bench/unrolled logs into mean ± sd rows
// (for runs cut short: seeds are outermost, so every K has the same seeds up to the last one).
//   npx tsx bench/unrolled/summarize.ts run1.log [run2.log …]
import { readFileSync } from 'node:fs';

interface Run {
  kind: string;
  k: number;
  firstOrder: boolean;
  seed: number;
  modes: number;
  hq: number;
  rkl: number;
  msPerStep: number;
  steps: number;
  hidden: number;
  batchSize: number;
  backend: string;
}

const runs: Run[] = process.argv
  .slice(2)
  .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
  .filter((l) => l.startsWith('{"kind":"run"'))
  .map((l) => JSON.parse(l) as Run);
const meanSd = (v: number[]) => {
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const sd = v.length > 1 ? Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1)) : 0;
  return `${mean.toFixed(mean < 1 ? 3 : 1)} ± ${sd.toFixed(mean < 1 ? 3 : 1)}`;
};
const keys = [...new Set(runs.map((r) => `${r.k}|${r.firstOrder}`))];
console.log('| variant | seeds | modes (of 8) | HQ % | reverse KL | ms / step |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const key of keys) {
  const mine = runs.filter((r) => `${r.k}|${r.firstOrder}` === key);
  const { k, firstOrder } = mine[0];
  const row = {
    variant: `unrolled K=${k}${firstOrder ? ' first-order' : ''}`,
    seeds: mine.map((r) => r.seed).join(','),
    modes: meanSd(mine.map((r) => r.modes)),
    hq: meanSd(mine.map((r) => 100 * r.hq)),
    rkl: meanSd(mine.map((r) => r.rkl)),
    ms: meanSd(mine.map((r) => r.msPerStep)),
  };
  console.log(`| ${row.variant} | ${row.seeds} | ${row.modes} | ${row.hq} | ${row.rkl} | ${row.ms} |`);
}
