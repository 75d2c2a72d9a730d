/**
 * Levene's test for equal variances, mean-centred as SPSS computes it (R: car::leveneTest with
 * center = mean): an ANOVA on |x − group mean|.
 */
import { anovaParts } from './anova.ts';
import { pUpperF } from './distributions.ts';
import { summarize, type Freq } from './freq.ts';
import type { TestResult } from './test-result.ts';

export function levene(groups: Freq[], names: string[]): TestResult {
  const deviations = groups.map((g) => {
    const m = summarize(g).mean;
    const byDev = new Map<number, number>();
    g.values.forEach((v, i) => {
      const d = Math.abs(v - m);
      byDev.set(d, (byDev.get(d) ?? 0) + (g.counts[i] as number));
    });
    return { values: [...byDev.keys()], counts: [...byDev.values()] };
  });
  const a = anovaParts(deviations);
  return { name: 'levene', statistic: a.f, df1: a.df1, df2: a.df2, p: pUpperF(a.f, a.df1, a.df2), groups: names, note: 'sentrert om gruppegjennomsnittet (som SPSS)' };
}
