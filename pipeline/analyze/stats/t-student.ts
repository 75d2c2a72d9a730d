/** Student's two-sample t-test with pooled variance (the first row SPSS shows). */
import { pTwoSidedT, qt } from './distributions.ts';
import { summarize, type Freq } from './freq.ts';
import type { TestResult } from './test-result.ts';

export function studentT(a: Freq, b: Freq, groups: [string, string]): TestResult {
  const x = summarize(a);
  const y = summarize(b);
  const df = x.n + y.n - 2;
  const pooled = ((x.n - 1) * x.variance + (y.n - 1) * y.variance) / df;
  const se = Math.sqrt(pooled * (1 / x.n + 1 / y.n));
  const estimate = x.mean - y.mean;
  const t = estimate / se;
  const half = qt(0.975, df) * se;
  return { name: 'student_t', statistic: t, df, p: pTwoSidedT(t, df), groups, estimate, ci_low: estimate - half, ci_high: estimate + half };
}
