/**
 * p-values and quantiles from @stdlib's maintained special functions. Upper tails use the
 * regularised incomplete beta/gamma functions directly, so tiny p-values keep their relative
 * accuracy (1 − cdf would cancel to 0 below ~1e-16).
 */
import betainc from '@stdlib/math-base-special-betainc';
import gammainc from '@stdlib/math-base-special-gammainc';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** Two-sided p for a t statistic. */
export function pTwoSidedT(t: number, df: number): number {
  if (!Number.isFinite(t) || !(df > 0)) return Number.NaN;
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}

/** P(F > f) with (d1, d2) degrees of freedom: I_{d2/(d2+d1 f)}(d2/2, d1/2). */
export function pUpperF(f: number, d1: number, d2: number): number {
  if (!Number.isFinite(f) || !(d1 > 0) || !(d2 > 0)) return Number.NaN;
  if (f <= 0) return 1;
  return betainc(d2 / (d2 + d1 * f), d2 / 2, d1 / 2, true, false);
}

/** P(X² > x) with k degrees of freedom: the upper regularised gamma Q(k/2, x/2). */
export function pUpperChisq(x: number, k: number): number {
  if (!Number.isFinite(x) || !(k > 0)) return Number.NaN;
  if (x <= 0) return 1;
  return gammainc(x / 2, k / 2, true, true);
}

/** Two-sided p for a standard normal statistic. */
export function pTwoSidedZ(z: number): number {
  if (!Number.isFinite(z)) return Number.NaN;
  return 2 * normalCdf(-Math.abs(z), 0, 1);
}

export function qt(p: number, df: number): number {
  return tQuantile(p, df);
}

export function qnorm(p: number): number {
  return normalQuantile(p, 0, 1);
}

/** P(X ≤ k) for X ~ Binomial(n, p): I_{1−p}(n − k, k + 1). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return betainc(1 - p, n - k, k + 1, true, false);
}
