/**
 * Wilcoxon signed-rank test on within-respondent differences by the normal approximation (R:
 * wilcox.test(x, y, paired = TRUE, exact = FALSE, correct = TRUE)): zero differences dropped,
 * mid-ranks of |d| for ties, the tie-corrected variance and a continuity correction of 0.5 toward
 * zero. The statistic is R's V, the rank sum of the positive differences; the effect is the
 * matched-pairs rank-biserial r = (V − (S − V)) / S with S = n(n + 1)/2.
 */
import { pTwoSidedZ } from './distributions.ts';
import type { Freq } from './freq.ts';
import type { TestResult } from './test-result.ts';

export function wilcoxonSignedRank(differences: Freq, items: [string, string]): TestResult {
  // |d| → [count of positive, count of negative], zeros left out.
  const byAbs = new Map<number, [number, number]>();
  differences.values.forEach((d, i) => {
    if (d === 0) return;
    const c = byAbs.get(Math.abs(d)) ?? [0, 0];
    c[d > 0 ? 0 : 1] += differences.counts[i] as number;
    byAbs.set(Math.abs(d), c);
  });
  let below = 0;
  let v = 0;
  let ties = 0;
  for (const [, [pos, neg]] of [...byAbs].sort((a, b) => a[0] - b[0])) {
    const t = pos + neg;
    v += pos * (below + (t + 1) / 2);
    ties += t * t * t - t;
    below += t;
  }
  const n = below;
  const s = (n * (n + 1)) / 2;
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - ties / 48);
  const centred = v - s / 2;
  const z = (centred - Math.sign(centred) * 0.5) / sigma;
  return {
    name: 'wilcoxon_signed_rank',
    statistic: v,
    p: n > 0 ? pTwoSidedZ(z) : Number.NaN,
    groups: items,
    effect: { name: 'rank_biserial', value: n > 0 ? (2 * v - s) / s : Number.NaN },
    note: `normaltilnærming med kontinuitetskorreksjon; ${n} par med ulik verdi (like par holdt utenfor)`,
  };
}
