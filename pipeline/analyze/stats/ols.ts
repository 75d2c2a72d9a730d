/**
 * Ordinary least squares from weighted rows (each distinct combination of y and x with its count),
 * as R's lm() on the expanded data: coefficients, SE, t, p, standardised Beta, R², adjusted R², F.
 */
import { NotEstimable } from '../../core/errors.ts';
import { pTwoSidedT, pUpperF } from './distributions.ts';
import type { TestResult } from './test-result.ts';

export interface WeightedRow {
  y: number;
  x: number[];
  w: number;
}

export interface Coefficient {
  term: string;
  b: number;
  se: number;
  /** Standardised coefficient (b · sd(x) / sd(y)); null for the intercept. */
  beta: number | null;
  t: number;
  p: number;
}

export interface OlsResult {
  n: number;
  coefficients: Coefficient[];
  r2: number;
  adj_r2: number;
  f: TestResult;
  sigma: number;
}

/** Inverse of a small symmetric positive-definite matrix by Gauss–Jordan with partial pivoting. */
function invert(m: number[][]): number[][] {
  const k = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < k; c++) {
    let pivot = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    if (Math.abs(a[pivot]![c]!) < 1e-12) throw new NotEstimable('OLS: the predictors are collinear (singular X\'X)');
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    const div = a[c]![c]!;
    for (let j = 0; j < 2 * k; j++) a[c]![j]! /= div;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const factor = a[r]![c]!;
      for (let j = 0; j < 2 * k; j++) a[r]![j]! -= factor * a[c]![j]!;
    }
  }
  return a.map((row) => row.slice(k));
}

export function ols(rows: WeightedRow[], terms: string[]): OlsResult {
  const p = terms.length + 1;
  const n = rows.reduce((s, r) => s + r.w, 0);
  // Centre on the weighted means first: it keeps X'X well conditioned.
  const my = rows.reduce((s, r) => s + r.w * r.y, 0) / n;
  const mx = terms.map((_, j) => rows.reduce((s, r) => s + r.w * (r.x[j] as number), 0) / n);
  const xtx = Array.from({ length: p - 1 }, () => Array<number>(p - 1).fill(0));
  const xty = Array<number>(p - 1).fill(0);
  let tss = 0;
  for (const r of rows) {
    const dy = r.y - my;
    tss += r.w * dy * dy;
    for (let i = 0; i < p - 1; i++) {
      const di = (r.x[i] as number) - (mx[i] as number);
      xty[i]! += r.w * di * dy;
      for (let j = 0; j < p - 1; j++) xtx[i]![j]! += r.w * di * ((r.x[j] as number) - (mx[j] as number));
    }
  }
  const inv = invert(xtx);
  const slopes = inv.map((row) => row.reduce((s, v, j) => s + v * (xty[j] as number), 0));
  const intercept = my - slopes.reduce((s, b, j) => s + b * (mx[j] as number), 0);
  let rss = 0;
  for (const r of rows) {
    const fitted = intercept + slopes.reduce((s, b, j) => s + b * (r.x[j] as number), 0);
    rss += r.w * (r.y - fitted) ** 2;
  }
  const dfResid = n - p;
  const sigma2 = rss / dfResid;
  // Var(intercept) = σ²(1/n + m' (X_c'X_c)⁻¹ m); Var(slopes) = σ² (X_c'X_c)⁻¹.
  const quad = mx.reduce((s, mi, i) => s + mi * inv[i]!.reduce((t, v, j) => t + v * (mx[j] as number), 0), 0);
  const seIntercept = Math.sqrt(sigma2 * (1 / n + quad));
  const sdY = Math.sqrt(tss / (n - 1));
  const coefficients: Coefficient[] = [
    { term: '(Intercept)', b: intercept, se: seIntercept, beta: null, t: intercept / seIntercept, p: pTwoSidedT(intercept / seIntercept, dfResid) },
    ...terms.map((term, j) => {
      const se = Math.sqrt(sigma2 * inv[j]![j]!);
      const sdX = Math.sqrt(xtx[j]![j]! / (n - 1));
      const b = slopes[j] as number;
      return { term, b, se, beta: (b * sdX) / sdY, t: b / se, p: pTwoSidedT(b / se, dfResid) };
    }),
  ];
  const r2 = 1 - rss / tss;
  const df1 = p - 1;
  const f = (r2 / df1) / ((1 - r2) / dfResid);
  return {
    n,
    coefficients,
    r2,
    adj_r2: 1 - (1 - r2) * ((n - 1) / dfResid),
    sigma: Math.sqrt(sigma2),
    f: { name: 'ols_f', statistic: f, df1, df2: dfResid, p: pUpperF(f, df1, dfResid), groups: terms },
  };
}
