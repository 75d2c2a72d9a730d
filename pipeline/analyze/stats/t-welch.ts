/** Welch's two-sample t-test (unequal variances, Welch–Satterthwaite df), as R's t.test default. */
import { pTwoSidedT, qt } from './distributions.ts';
import { summarize, type Freq, type Summary } from './freq.ts';
import type { TestResult } from './test-result.ts';

/** The difference of two means with its unpooled SE and Welch–Satterthwaite df (also Games–Howell's). */
export function welchDifference(x: Summary, y: Summary): { estimate: number; se: number; df: number; t: number } {
  const vx = x.variance / x.n;
  const vy = y.variance / y.n;
  const se = Math.sqrt(vx + vy);
  const df = (vx + vy) ** 2 / (vx ** 2 / (x.n - 1) + vy ** 2 / (y.n - 1));
  const estimate = x.mean - y.mean;
  return { estimate, se, df, t: estimate / se };
}

export function welchT(a: Freq, b: Freq, groups: [string, string]): TestResult {
  const { estimate, se, df, t } = welchDifference(summarize(a), summarize(b));
  const half = qt(0.975, df) * se;
  return { name: 'welch_t', statistic: t, df, p: pTwoSidedT(t, df), groups, estimate, ci_low: estimate - half, ci_high: estimate + half };
}
