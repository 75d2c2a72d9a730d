import { expect } from 'vitest';

/** Asserts |actual − expected| ≤ tol · max(|expected|, tiny): agreement with R to a relative 1e-8. */
export function expectClose(actual: number | null | undefined, expected: number, tol = 1e-8): void {
  expect(actual, `expected ${expected}`).toBeTypeOf('number');
  const scale = Math.max(Math.abs(expected), Number.MIN_VALUE);
  const rel = Math.abs((actual as number) - expected) / scale;
  expect(rel, `actual ${actual} vs R ${expected} (relative error ${rel})`).toBeLessThanOrEqual(tol);
}

/** R's svychisq as the reference JSONs write it (Rao–Scott F, its Pearson X², the first-order χ²). */
export interface RSvyChisq { f: number; ndf: number; ddf: number; p: number; pearson: number; chisq_df: number; chisq_p: number }

/** A Rao–Scott test (svy-chisq.ts) against R's svychisq, every number to 1e-8. */
export function expectSvyChisqLikeR(x: { statistic: number; df1?: number; df2?: number; p: number; pearson: number; first_order: { df: number; p: number } }, r: RSvyChisq): void {
  expectClose(x.statistic, r.f);
  expectClose(x.df1, r.ndf);
  expectClose(x.df2, r.ddf);
  expectClose(x.p, r.p);
  expectClose(x.pearson, r.pearson);
  expect(x.first_order.df).toBe(r.chisq_df);
  expectClose(x.first_order.p, r.chisq_p);
}

/** Regression coefficients (b, se, t, p) against R's, term by term. */
export function expectCoefficientsLikeR(coefficients: Array<{ b: number; se: number; t: number; p: number }>, r: { b: number[]; se: number[]; t: number[]; p: number[] }): void {
  coefficients.forEach((c, i) => {
    expectClose(c.b, r.b[i]!);
    expectClose(c.se, r.se[i]!);
    expectClose(c.t, r.t[i]!);
    expectClose(c.p, r.p[i]!);
  });
}

/** A test's difference with its 95 % interval, and its effect size with its interval, each like R's. */
export function expectDifferenceLikeR(
  t: { estimate?: number; ci_low?: number; ci_high?: number; effect?: { value: number; ci_low?: number; ci_high?: number } },
  r: { estimate: number; ci: number[]; effect: number[] },
): void {
  expectClose(t.estimate, r.estimate);
  expectClose(t.ci_low, r.ci[0]!);
  expectClose(t.ci_high, r.ci[1]!);
  expectClose(t.effect?.value, r.effect[0]!);
  expectClose(t.effect?.ci_low, r.effect[1]!);
  expectClose(t.effect?.ci_high, r.effect[2]!);
}
