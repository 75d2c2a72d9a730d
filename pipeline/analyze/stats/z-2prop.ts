/**
 * Two-proportion z-test with pooled variance (R: prop.test(correct = FALSE), whose X² = z²). Used
 * wave over wave against aggregate-only baselines, where the count is reconstructed as
 * round(percent × n / 100) (figures.md §1.4).
 */
import { pTwoSidedZ, qnorm } from './distributions.ts';
import type { TestResult } from './test-result.ts';

export function z2prop(x1: number, n1: number, x2: number, n2: number, groups: [string, string]): TestResult {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  // Unpooled Wald interval for the difference, as prop.test reports it without correction.
  const half = qnorm(0.975) * Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  const estimate = p1 - p2;
  return { name: 'z_2prop', statistic: z, p: pTwoSidedZ(z), groups, estimate, ci_low: estimate - half, ci_high: estimate + half };
}

/** The count behind a published percentage. */
export function countFromPercent(pct: number, n: number): number {
  return Math.round((pct * n) / 100);
}
