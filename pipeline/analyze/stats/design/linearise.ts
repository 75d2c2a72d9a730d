/**
 * Linearisation of a domain mean (a ratio of two domain totals), as svymean does it on a subset
 * design with equal weights: each domain member contributes (y_i − ȳ)/N_d to the influence, so the
 * per-cluster influence total is
 *
 *   u_c = (sum_c − ȳ · n_c) / N_d,
 *
 * zero for clusters without domain members.
 */
import type { DomainSums } from './domain-sums.ts';

export interface LinearisedMean {
  /** Domain size N_d (respondents). */
  n: number;
  mean: number;
  /** Influence total per cluster, in the design's cluster order. */
  influence: Float64Array;
}

export function lineariseMean(d: DomainSums): LinearisedMean {
  let n = 0;
  let sum = 0;
  for (let c = 0; c < d.n.length; c++) {
    n += d.n[c] as number;
    sum += d.sum[c] as number;
  }
  const mean = sum / n;
  const influence = d.n.map((nc, c) => ((d.sum[c] as number) - mean * nc) / n);
  return { n, mean, influence };
}
