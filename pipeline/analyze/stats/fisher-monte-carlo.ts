/**
 * Fisher's exact test by simulation, for tables too large to enumerate (R: fisher.test(table,
 * simulate.p.value = TRUE, B)): B random tables with the observed margins, drawn from their exact
 * (multiple hypergeometric) law by shuffling the n column labels and cutting them into the rows,
 * and p = (1 + #{tables at least as extreme}) / (B + 1) with R's rule S_sim ≥ S_obs / (1 + 64 ε).
 * Seeded, so the same table always gives the same p; its Monte Carlo standard error is
 * sqrt(p(1 − p)/B), about 0.0015 at p = 0.05 with B = 20 000.
 */
import { createRng } from '../../core/rng.ts';
import { logFactorials } from './log-factorials.ts';

export const MONTE_CARLO_REPLICATES = 20_000;
export const MONTE_CARLO_SEED = 20190101;

export function monteCarloP(t: number[][], replicates = MONTE_CARLO_REPLICATES, seed = MONTE_CARLO_SEED): number {
  const rowSums = t.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = (t[0] as number[]).length;
  const n = rowSums.reduce((a, b) => a + b, 0);
  const lf = logFactorials(n);
  const observed = t.reduce((a, r) => a + r.reduce((b, x) => b + (lf[x] as number), 0), 0);
  const labels = new Int32Array(n);
  let at = 0;
  for (let j = 0; j < cols; j++) for (let i = 0; i < t.length; i++) for (let c = 0; c < (t[i]![j] as number); c++) labels[at++] = j;
  const rng = createRng(seed);
  const cell = new Int32Array(cols);
  const almostOne = 1 + 64 * Number.EPSILON;
  let extreme = 0;
  for (let b = 0; b < replicates; b++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      const x = labels[i] as number;
      labels[i] = labels[j] as number;
      labels[j] = x;
    }
    let s = 0;
    let start = 0;
    for (const r of rowSums) {
      cell.fill(0);
      for (let i = start; i < start + r; i++) cell[labels[i] as number]! += 1;
      for (let j = 0; j < cols; j++) s += lf[cell[j] as number] as number;
      start += r;
    }
    // R compares −S: a simulated table counts when −S_sim ≤ −S_obs / almost.1.
    if (-s <= -observed / almostOne) extreme++;
  }
  return (1 + extreme) / (replicates + 1);
}
