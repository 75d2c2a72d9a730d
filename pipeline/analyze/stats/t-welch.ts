/** Welch's two-sample t-test (unequal variances, Welch–Satterthwaite df), as R's t.test default. */
import { pTwoSidedT, qt } from './distributions.ts';
import { summarize, type Freq } from './freq.ts';
import type { TestResult } from './test-result.ts';

export function welchT(a: Freq, b: Freq, groups: [string, string]): TestResult {
  const x = summarize(a);
  const y = summarize(b);
  const vx = x.variance / x.n;
  const vy = y.variance / y.n;
  const se = Math.sqrt(vx + vy);
  const df = (vx + vy) ** 2 / (vx ** 2 / (x.n - 1) + vy ** 2 / (y.n - 1));
  const estimate = x.mean - y.mean;
  const t = estimate / se;
  const half = qt(0.975, df) * se;
  return { name: 'welch_t', statistic: t, df, p: pTwoSidedT(t, df), groups, estimate, ci_low: estimate - half, ci_high: estimate + half };
}
