import { expect } from 'vitest';

/** Asserts |actual − expected| ≤ tol · max(|expected|, tiny): agreement with R to a relative 1e-8. */
export function expectClose(actual: number | null | undefined, expected: number, tol = 1e-8): void {
  expect(actual, `expected ${expected}`).toBeTypeOf('number');
  const scale = Math.max(Math.abs(expected), Number.MIN_VALUE);
  const rel = Math.abs((actual as number) - expected) / scale;
  expect(rel, `actual ${actual} vs R ${expected} (relative error ${rel})`).toBeLessThanOrEqual(tol);
}
