/**
 * Welch's one-way ANOVA for unequal variances (R: oneway.test(y ~ g, var.equal = FALSE)). Every
 * group needs n ≥ 2 and a nonzero variance (its weight is n / s²); otherwise F and p are NaN.
 */
import { pUpperF } from './distributions.ts';
import { summarize, type Freq } from './freq.ts';
import type { TestResult } from './test-result.ts';

export function welchAnova(groups: Freq[], names: string[]): TestResult {
  const s = groups.map(summarize);
  const k = s.length;
  if (k < 2 || s.some((g) => !(g.n >= 2 && g.variance > 0))) {
    return { name: 'welch_anova', statistic: Number.NaN, df1: k - 1, df2: Number.NaN, p: Number.NaN, groups: names, note: 'hver gruppe trenger minst to svar og varians over null' };
  }
  const w = s.map((g) => g.n / g.variance);
  const sumW = w.reduce((a, b) => a + b, 0);
  const grand = s.reduce((a, g, i) => a + (w[i] as number) * g.mean, 0) / sumW;
  const tmp = s.reduce((a, g, i) => a + (1 - (w[i] as number) / sumW) ** 2 / (g.n - 1), 0) / (k * k - 1);
  const between = s.reduce((a, g, i) => a + (w[i] as number) * (g.mean - grand) ** 2, 0);
  const f = between / ((k - 1) * (1 + 2 * (k - 2) * tmp));
  const df1 = k - 1;
  const df2 = 1 / (3 * tmp);
  return { name: 'welch_anova', statistic: f, df1, df2, p: pUpperF(f, df1, df2), groups: names };
}
