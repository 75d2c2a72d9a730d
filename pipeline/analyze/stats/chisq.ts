/**
 * Pearson's chi-square test of independence without continuity correction (R: chisq.test(correct
 * = FALSE)). Rows or columns that are empty in every group are dropped first, as they carry no
 * information and would make an expected count zero.
 */
import { pUpperChisq } from './distributions.ts';
import type { TestResult } from './test-result.ts';

export function chisq(table: number[][], groups: string[]): TestResult & { min_expected: number } {
  const rowsKept = table.map((r, i) => [r, i] as const).filter(([r]) => r.some((c) => c > 0));
  const cols = (rowsKept[0]?.[0].length ?? 0);
  const colKeep = Array.from({ length: cols }, (_, j) => rowsKept.some(([r]) => (r[j] as number) > 0));
  const t = rowsKept.map(([r]) => r.filter((_, j) => colKeep[j]));
  const rowSums = t.map((r) => r.reduce((a, b) => a + b, 0));
  const colSums = (t[0] ?? []).map((_, j) => t.reduce((a, r) => a + (r[j] as number), 0));
  const n = rowSums.reduce((a, b) => a + b, 0);
  let x2 = 0;
  let minExpected = Number.POSITIVE_INFINITY;
  t.forEach((r, i) =>
    r.forEach((o, j) => {
      const e = ((rowSums[i] as number) * (colSums[j] as number)) / n;
      minExpected = Math.min(minExpected, e);
      x2 += (o - e) ** 2 / e;
    }),
  );
  const df = (t.length - 1) * (colSums.length - 1);
  return {
    name: 'chisq',
    statistic: x2,
    df,
    p: df > 0 ? pUpperChisq(x2, df) : Number.NaN,
    groups: rowsKept.map(([, i]) => groups[i] as string),
    min_expected: minExpected,
    ...(minExpected < 5 ? { note: 'minste forventede antall under 5: tolk med forsiktighet' } : {}),
  };
}
