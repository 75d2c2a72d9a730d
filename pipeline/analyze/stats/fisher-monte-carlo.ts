/**
 * Fisher's exact test by simulation, for tables too large to enumerate (R: fisher.test(table,
 * simulate.p.value = TRUE, B)): B random tables with the observed margins, drawn from their exact
 * (multiple hypergeometric) law, and p = (1 + #{tables at least as extreme}) / (B + 1) with R's
 * rule S_sim ≥ S_obs / (1 + 64 ε). Seeded, so the same table always gives the same p; its Monte
 * Carlo standard error is sqrt(p(1 − p)/B), about 0.0015 at p = 0.05 with B = 20 000.
 *
 * A table is drawn cell by cell: row i takes its r_i items from what is left of the columns, and
 * how many of them fall in column j is hypergeometric given the items left in columns j, j+1, …
 * Each such draw is an inversion that starts at the mode and walks outwards, so a table costs
 * about (rows − 1)(columns − 1) short walks instead of a shuffle of all n items.
 */
import { createRng, type Rng } from '../../core/rng.ts';
import { logFactorials } from './log-factorials.ts';

export const MONTE_CARLO_REPLICATES = 20_000;
export const MONTE_CARLO_SEED = 20190101;

/**
 * One draw of X ~ Hypergeometric(population `total`, `good` successes in it, `draws` drawn) by
 * inversion over the support enumerated mode, mode + 1, mode − 1, mode + 2, … (any fixed order
 * of the support gives the exact law).
 */
export function drawHypergeometric(total: number, good: number, draws: number, lf: Float64Array, rng: Rng): number {
  const lo = Math.max(0, draws - (total - good));
  const hi = Math.min(good, draws);
  if (lo === hi) return lo;
  const bad = total - good;
  const mode = Math.min(hi, Math.max(lo, Math.floor(((draws + 1) * (good + 1)) / (total + 2))));
  // (No closure here: this runs millions of times per test.)
  const pMode = Math.exp(lf[good]! - lf[mode]! - lf[good - mode]! + lf[bad]! - lf[draws - mode]! - lf[bad - draws + mode]! - (lf[total]! - lf[draws]! - lf[total - draws]!));
  const u = rng.next();
  let cum = pMode;
  if (u <= cum) return mode;
  // p(x + 1) / p(x) = (good − x)(draws − x) / ((x + 1)(bad − draws + x + 1))
  let up = mode;
  let pUp = pMode;
  let down = mode;
  let pDown = pMode;
  let last = mode;
  while (up < hi || down > lo) {
    if (up < hi) {
      pUp *= ((good - up) * (draws - up)) / ((up + 1) * (bad - draws + up + 1));
      last = ++up;
      cum += pUp;
      if (u <= cum) return up;
    }
    if (down > lo) {
      pDown *= (down * (bad - draws + down)) / ((good - down + 1) * (draws - down + 1));
      last = --down;
      cum += pDown;
      if (u <= cum) return down;
    }
  }
  // Rounding left the enumerated mass a hair under u: the last value reached.
  return last;
}

export function monteCarloP(t: number[][], replicates = MONTE_CARLO_REPLICATES, seed = MONTE_CARLO_SEED): number {
  const rows = t.length;
  const cols = (t[0] as number[]).length;
  const rowSums = t.map((r) => r.reduce((a, b) => a + b, 0));
  const colSums = Array.from({ length: cols }, (_, j) => t.reduce((a, r) => a + (r[j] as number), 0));
  const n = rowSums.reduce((a, b) => a + b, 0);
  const lf = logFactorials(n);
  const observed = t.reduce((a, r) => a + r.reduce((b, x) => b + (lf[x] as number), 0), 0);
  const rng = createRng(seed);
  const colLeft = new Int32Array(cols);
  const almostOne = 1 + 64 * Number.EPSILON;
  let extreme = 0;
  for (let b = 0; b < replicates; b++) {
    for (let j = 0; j < cols; j++) colLeft[j] = colSums[j] as number;
    let poolLeft = n;
    let s = 0;
    for (let i = 0; i < rows - 1; i++) {
      let need = rowSums[i] as number;
      let pool = poolLeft;
      for (let j = 0; j < cols - 1 && need > 0; j++) {
        const inColumn = colLeft[j] as number;
        const x = drawHypergeometric(pool, inColumn, need, lf, rng);
        s += lf[x] as number;
        colLeft[j] = inColumn - x;
        need -= x;
        pool -= inColumn;
      }
      if (need > 0) {
        s += lf[need] as number;
        colLeft[cols - 1]! -= need;
      }
      poolLeft -= rowSums[i] as number;
    }
    for (let j = 0; j < cols; j++) s += lf[colLeft[j] as number] as number;
    // R compares −S: a simulated table counts when −S_sim ≤ −S_obs / almost.1.
    if (-s <= -observed / almostOne) extreme++;
  }
  return (1 + extreme) / (replicates + 1);
}
