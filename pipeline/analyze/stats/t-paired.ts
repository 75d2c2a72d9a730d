/**
 * Paired t-test on within-respondent differences (R: t.test(x, y, paired = TRUE)), from the
 * frequency table of the differences d = x − y. The effect is Cohen's d_z = mean(d) / sd(d) with
 * the normal-approximation interval d_z ± z·sqrt(1/n + d_z²/(2n)).
 */
import { pTwoSidedT, qnorm, qt } from './distributions.ts';
import { summarize, type Freq } from './freq.ts';
import type { TestResult } from './test-result.ts';

export function pairedT(differences: Freq, items: [string, string]): TestResult {
  const s = summarize(differences);
  const df = s.n - 1;
  const se = s.sd / Math.sqrt(s.n);
  const t = s.mean / se;
  const half = qt(0.975, df) * se;
  const dz = s.mean / s.sd;
  const dzHalf = qnorm(0.975) * Math.sqrt(1 / s.n + (dz * dz) / (2 * s.n));
  return {
    name: 't_paired',
    statistic: t,
    df,
    p: pTwoSidedT(t, df),
    groups: items,
    estimate: s.mean,
    ci_low: s.mean - half,
    ci_high: s.mean + half,
    effect: { name: 'cohen_dz', value: dz, ci_low: dz - dzHalf, ci_high: dz + dzHalf },
  };
}
