// Writes accounts.csv, a generated table whose dependencies are known exactly (SOURCE.md lists
// them): npx tsx --conditions=@ganforge/source examples/configs/data/tables/generate-accounts.ts
// integration/src/cli/configs-table.test.ts regenerates it and compares the bytes.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Rng } from '@ganforge/core';

/** Rows in accounts.csv and the seed that made them. */
export const ACCOUNTS_ROWS = 1500;
export const ACCOUNTS_SEED = 20190701;

const REGIONS = ['north', 'south', 'east', 'west'] as const;
const REGION_P = [0.4, 0.3, 0.2, 0.1];
const DAY = 86_400_000;

const clip = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * The generating process (one draw per row from `new Rng(seed, 'accounts')`, in this order):
 * region ~ Cat(north .4, south .3, east .2, west .1);
 * age = clip(round(40 + 8·[south] − 6·[west] + 12 ε₁), 18, 80) (masses at both bounds);
 * income = round(exp(3.5 + 0.012 (age − 40) + 0.15·[north] + 0.4 ε₂), 1) (k$, log-normal);
 * has_card ~ Bernoulli(σ(−1 + 0.05 (income − 35)));
 * debt = 0 with probability 0.7 without a card, 0.35 with one (zero-inflated), else
 *   round(income · U(0.05, 0.6), 1);
 * opened = 2020-01-01 + ⌊U(0, 1096)⌋ days;
 * score = clip(round(620 + 2 (age − 40) − 150 debt/income + 40·[has_card] + 45 ε₃), 300, 850),
 *   missing (NA) with probability 0.3 when age < 25, else 0.04.
 * ε are standard normal, U uniform draws.
 */
export function generateAccounts(rows = ACCOUNTS_ROWS, seed = ACCOUNTS_SEED): string {
  const rng = new Rng(seed, 'accounts');
  const lines = ['region,age,income,has_card,debt,opened,score'];
  for (let i = 0; i < rows; i++) {
    let u = rng.next();
    let r = 0;
    while (u >= REGION_P[r] && r < REGIONS.length - 1) u -= REGION_P[r++];
    const region = REGIONS[r];
    const age = clip(
      Math.round(40 + (region === 'south' ? 8 : 0) - (region === 'west' ? 6 : 0) + 12 * rng.normal()),
      18,
      80,
    );
    const income =
      Math.round(
        10 * Math.exp(3.5 + 0.012 * (age - 40) + (region === 'north' ? 0.15 : 0) + 0.4 * rng.normal()),
      ) / 10;
    const hasCard = rng.next() < sigmoid(-1 + 0.05 * (income - 35));
    const zero = rng.next() < (hasCard ? 0.35 : 0.7);
    const share = 0.05 + 0.55 * rng.next();
    const debt = zero ? 0 : Math.round(10 * income * share) / 10;
    const opened = new Date(Date.UTC(2020, 0, 1) + Math.floor(rng.next() * 1096) * DAY)
      .toISOString()
      .slice(0, 10);
    const raw = 620 + 2 * (age - 40) - (150 * debt) / income + (hasCard ? 40 : 0) + 45 * rng.normal();
    const missing = rng.next() < (age < 25 ? 0.3 : 0.04);
    const score = missing ? 'NA' : String(clip(Math.round(raw), 300, 850));
    lines.push([region, age, income.toFixed(1), hasCard, debt.toFixed(1), opened, score].join(','));
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  writeFileSync(new URL('./accounts.csv', import.meta.url), generateAccounts());
