/**
 * Mann–Whitney U / Wilcoxon rank-sum test by the normal approximation (R: wilcox.test(x, y,
 * exact = FALSE, correct = TRUE)): mid-ranks for ties, the tie-corrected variance and a continuity
 * correction of 0.5 toward zero. Ranks come straight from the two frequency tables, so the cost
 * depends on the number of distinct values, not on n. The statistic is R's W for group a (its rank
 * sum minus na(na+1)/2); the effect is the rank-biserial r = 2W/(na nb) − 1 = P(a > b) − P(a < b),
 * positive when a tends higher.
 */
import { pTwoSidedZ } from './distributions.ts';
import { total, type Freq } from './freq.ts';
import type { TestResult } from './test-result.ts';

export function mannWhitney(a: Freq, b: Freq, groups: [string, string]): TestResult {
  // Merge the two tables: value → [count in a, count in b].
  const merged = new Map<number, [number, number]>();
  const add = (f: Freq, side: 0 | 1): void =>
    f.values.forEach((v, i) => {
      const c = merged.get(v) ?? [0, 0];
      c[side] += f.counts[i] as number;
      merged.set(v, c);
    });
  add(a, 0);
  add(b, 1);
  let below = 0; // observations with a smaller value
  let rankSumA = 0;
  let ties = 0; // Σ (t³ − t) over tied groups
  for (const [, [ca, cb]] of [...merged].sort((x, y) => x[0] - y[0])) {
    const t = ca + cb;
    rankSumA += ca * (below + (t + 1) / 2);
    ties += t * t * t - t;
    below += t;
  }
  const na = total(a);
  const nb = total(b);
  const w = rankSumA - (na * (na + 1)) / 2;
  const n = na + nb;
  const sigma = Math.sqrt(((na * nb) / 12) * (n + 1 - ties / (n * (n - 1))));
  const centred = w - (na * nb) / 2;
  const z = (centred - Math.sign(centred) * 0.5) / sigma;
  return {
    name: 'mann_whitney',
    statistic: w,
    p: pTwoSidedZ(z),
    groups,
    effect: { name: 'rank_biserial', value: (2 * w) / (na * nb) - 1 },
    note: 'normaltilnærming med kontinuitetskorreksjon og korreksjon for like verdier',
  };
}
