/**
 * Design-based linear regression, as R's
 *   m <- svyglm(y ~ x1 + x2, subset(des, <domain> & complete cases))     (gaussian)
 *   summary(m)$coefficients; regTermTest(m, ~x1 + x2)
 *
 * With equal weights svyglm's point estimate is OLS, β = (ΣX'X)⁻¹ ΣX'y, and `survey:::svy.varcoef`
 * gives the sandwich A⁻¹ G A⁻¹ with A = ΣX'X and G the cluster covariance (cluster-variance.ts) of
 * the per-cluster scores s_c = X'y_c − X'X_c β, over all K clusters. t-tests and the Wald F of all
 * slopes (regTermTest's default method "Wald", F = β_sᵀV_s⁻¹β_s / q) use df.residual =
 * degf(subset design) + 1 − p = K_d − p, K_d the clusters holding a complete case.
 */
import { pTwoSidedT, pUpperF } from '../distributions.ts';
import type { TestResult } from '../test-result.ts';
import { clusterCovariance } from './cluster-variance.ts';
import { domainDf } from './degf.ts';
import { inverse, inverseQuadraticForm, multiply, pick, solve } from './matrix.ts';

/**
 * Per cluster of the whole design (same order, zeros where the cluster has no complete case of the
 * domain): X'X (p×p, row-major), X'y (p) and the count n. Column 0 of X is the intercept (1s).
 */
export interface ClusterCrossProducts {
  n: Float64Array;
  xtx: readonly Float64Array[];
  xty: readonly Float64Array[];
}

export interface SvyCoefficient {
  term: string;
  b: number;
  se: number;
  t: number;
  p: number;
}

export interface SvyOlsResult {
  n: number;
  df_residual: number;
  coefficients: SvyCoefficient[];
  /** Wald F that all slopes are zero. */
  f: TestResult;
}

/** `terms` names the predictors after the intercept, in the column order of X. */
export function svyOls(cp: ClusterCrossProducts, terms: string[]): SvyOlsResult {
  const p = terms.length + 1;
  const k = cp.n.length;
  if (k < 2 || cp.xtx.length !== k || cp.xty.length !== k) throw new Error(`svyOls: n, xtx and xty need one entry per cluster (${k}, at least 2)`);
  if (cp.xtx.some((m) => m.length !== p * p) || cp.xty.some((v) => v.length !== p)) throw new Error(`svyOls: each cluster needs a ${p}×${p} X'X and a ${p}-vector X'y`);
  const a = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => cp.xtx.reduce((s, m) => s + (m[i * p + j] as number), 0)));
  const xty = Array.from({ length: p }, (_, i) => [cp.xty.reduce((s, v) => s + (v[i] as number), 0)]);
  const beta = solve(a, xty).map((row) => row[0] as number);
  const scores = Array.from({ length: p }, (_, i) =>
    Float64Array.from(cp.xtx, (m, c) => beta.reduce((s, b, j) => s - (m[i * p + j] as number) * b, cp.xty[c]![i]!)),
  );
  const aInverse = inverse(a);
  const covariance = multiply(multiply(aInverse, clusterCovariance(scores)), aInverse);
  const df = domainDf(cp.n) + 1 - p;
  const coefficients = ['(Intercept)', ...terms].map((term, i) => {
    const b = beta[i] as number;
    const se = Math.sqrt(covariance[i]![i]!);
    return { term, b, se, t: b / se, p: pTwoSidedT(b / se, df) };
  });
  const slopes = terms.map((_, j) => j + 1);
  const f = inverseQuadraticForm(pick(covariance, slopes), slopes.map((i) => beta[i] as number)) / terms.length;
  return {
    n: cp.n.reduce((s, v) => s + v, 0),
    df_residual: df,
    coefficients,
    f: { name: 'svy_ols_f', statistic: f, df1: terms.length, df2: df, p: pUpperF(f, terms.length, df), groups: terms, design: 'cluster' },
  };
}
