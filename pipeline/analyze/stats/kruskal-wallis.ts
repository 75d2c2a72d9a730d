/**
 * Kruskal–Wallis rank-sum test over three or more groups (R: kruskal.test): mid-ranks for ties,
 * H divided by the tie correction 1 − Σ(t³ − t)/(N³ − N), referred to χ² with k − 1 df. The
 * ordinal check beside the one-way ANOVA, as Mann–Whitney U is beside the t-tests. The effect is
 * η²_H = (H − k + 1)/(N − k) (Tomczak & Tomczak 2014), the share of rank variance between groups.
 */
import { pUpperChisq } from './distributions.ts';
import { total, type Freq } from './freq.ts';
import type { TestResult } from './test-result.ts';

export function kruskalWallis(groups: Freq[], names: string[]): TestResult {
  // value → count per group, so ranks come from the frequency tables, not from n observations.
  const merged = new Map<number, number[]>();
  groups.forEach((f, g) =>
    f.values.forEach((v, i) => {
      const c = merged.get(v) ?? Array<number>(groups.length).fill(0);
      c[g] = (c[g] as number) + (f.counts[i] as number);
      merged.set(v, c);
    }),
  );
  const rankSums = Array<number>(groups.length).fill(0);
  let below = 0;
  let ties = 0;
  for (const [, counts] of [...merged].sort((a, b) => a[0] - b[0])) {
    const t = counts.reduce((a, b) => a + b, 0);
    const midRank = below + (t + 1) / 2;
    counts.forEach((c, g) => (rankSums[g] = (rankSums[g] as number) + c * midRank));
    ties += t * t * t - t;
    below += t;
  }
  const ns = groups.map(total);
  const n = below;
  const k = groups.length;
  const h0 = (12 / (n * (n + 1))) * rankSums.reduce((a, r, g) => a + (r * r) / (ns[g] as number), 0) - 3 * (n + 1);
  const h = h0 / (1 - ties / (n * n * n - n));
  const df = k - 1;
  return {
    name: 'kruskal_wallis',
    statistic: h,
    df,
    p: pUpperChisq(h, df),
    groups: names,
    effect: { name: 'eta_squared_h', value: (h - k + 1) / (n - k) },
    note: 'rangbasert, korrigert for like verdier',
  };
}
