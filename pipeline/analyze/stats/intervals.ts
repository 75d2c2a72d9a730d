/** 95 % confidence intervals: Wilson score for a share (R: prop.test(correct = FALSE)), t-based for a mean. */
import { qnorm, qt } from './distributions.ts';

export function wilson(x: number, n: number, level = 0.95): { low: number; high: number } {
  if (n === 0) return { low: Number.NaN, high: Number.NaN };
  const z = qnorm(1 - (1 - level) / 2);
  const p = x / n;
  const denom = 1 + (z * z) / n;
  const centre = p + (z * z) / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return { low: (centre - half) / denom, high: (centre + half) / denom };
}

export function meanInterval(mean: number, sd: number, n: number, level = 0.95): { low: number; high: number } {
  if (n < 2) return { low: Number.NaN, high: Number.NaN };
  const half = (qt(1 - (1 - level) / 2, n - 1) * sd) / Math.sqrt(n);
  return { low: mean - half, high: mean + half };
}
