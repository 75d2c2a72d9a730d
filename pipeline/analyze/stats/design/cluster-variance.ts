/**
 * The with-replacement variance estimator of a one-stage cluster sample, as
 * `survey:::svyrecvar` → `multistage` → `onestrat` computes it with no strata and no fpc:
 *
 *   V = K/(K − 1) · Σ_c (u_c − ū)(u_c − ū)ᵀ,
 *
 * where u_c is the total of the influence values (linearised estimating functions) in cluster c,
 * the sum runs over all K clusters of the design (zeros for clusters outside the domain) and ū is
 * the mean over those K. For the estimators here Σ_c u_c = 0 at the estimate, so centring only
 * removes rounding; it is kept to follow R step by step.
 */
import type { Matrix } from './matrix.ts';

/** Covariance matrix of estimates whose per-cluster influence totals are given, one array per estimate. */
export function clusterCovariance(influences: readonly Float64Array[]): Matrix {
  const p = influences.length;
  const k = influences[0]?.length ?? 0;
  if (k < 2) throw new Error(`cluster variance: needs at least 2 clusters (got ${k})`);
  const centred = influences.map((u) => {
    if (u.length !== k) throw new Error('cluster variance: every influence needs one entry per cluster');
    let mean = 0;
    for (const v of u) mean += v;
    mean /= k;
    return u.map((v) => v - mean);
  });
  const scale = k / (k - 1);
  return Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (_, j) => {
      const a = centred[i] as Float64Array;
      const b = centred[j] as Float64Array;
      let s = 0;
      for (let c = 0; c < k; c++) s += (a[c] as number) * (b[c] as number);
      return scale * s;
    }),
  );
}

/** Variance of one estimate from its per-cluster influence totals. */
export function clusterVariance(influence: Float64Array): number {
  return clusterCovariance([influence])[0]![0]!;
}
