/** One-way ANOVA F on weighted values; also the engine of Levene's test. */
import { pUpperF } from './distributions.ts';
import { summarize, type Freq } from './freq.ts';
import type { TestResult } from './test-result.ts';

export interface AnovaParts {
  f: number;
  df1: number;
  df2: number;
  ssBetween: number;
  ssWithin: number;
}

export function anovaParts(groups: Freq[]): AnovaParts {
  const summaries = groups.map(summarize);
  const n = summaries.reduce((a, s) => a + s.n, 0);
  const grand = summaries.reduce((a, s) => a + s.n * s.mean, 0) / n;
  const ssBetween = summaries.reduce((a, s) => a + s.n * (s.mean - grand) ** 2, 0);
  let ssWithin = 0;
  groups.forEach((g, i) => {
    const m = (summaries[i] as { mean: number }).mean;
    g.values.forEach((v, j) => (ssWithin += (g.counts[j] as number) * (v - m) ** 2));
  });
  const df1 = groups.length - 1;
  const df2 = n - groups.length;
  return { f: ssBetween / df1 / (ssWithin / df2), df1, df2, ssBetween, ssWithin };
}

export function anovaF(groups: Freq[], names: string[]): TestResult {
  const a = anovaParts(groups);
  return { name: 'anova_f', statistic: a.f, df1: a.df1, df2: a.df2, p: pUpperF(a.f, a.df1, a.df2), groups: names };
}
