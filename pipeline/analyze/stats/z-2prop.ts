/**
 * Two-proportion z-test with pooled variance (R: prop.test(correct = FALSE), whose X² = z²). Used
 * between groups on a 2×2 share and wave over wave against aggregate-only baselines, where the
 * count is reconstructed as round(percent × n / 100) (figures.md §1.4). The difference p1 − p2
 * carries Newcombe's hybrid score interval (from the two Wilson intervals; it stays inside
 * [−1, 1] and keeps its coverage near 0 and 1, where prop.test's Wald interval does not); the
 * effect size is Cohen's h = 2·asin√p1 − 2·asin√p2.
 */
import { newcombe } from './effect-sizes.ts';
import { pTwoSidedZ } from './distributions.ts';
import type { TestResult } from './test-result.ts';

export function z2prop(x1: number, n1: number, x2: number, n2: number, groups: [string, string]): TestResult {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const d = newcombe(x1, n1, x2, n2);
  return {
    name: 'z_2prop',
    statistic: z,
    p: pTwoSidedZ(z),
    groups,
    estimate: d.value,
    ci_low: d.ci_low,
    ci_high: d.ci_high,
    effect: { name: 'cohen_h', value: 2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2)) },
    note: 'differansen med Newcombes intervall (Wilson-basert)',
  };
}

/** The count behind a published percentage. */
export function countFromPercent(pct: number, n: number): number {
  return Math.round((pct * n) / 100);
}
