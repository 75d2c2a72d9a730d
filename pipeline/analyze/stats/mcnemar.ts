/**
 * McNemar's exact test for a paired 0/1 outcome (the same units in two waves): the discordant
 * pairs b (1 → 0) and c (0 → 1) against Binomial(b + c, ½), two-sided as R's
 * `binom.test(b, b + c)` (= `mcnemar.test`'s exact version). The estimate is the change in the
 * share among the pairs, (c − b) / pairs (later minus earlier).
 */
import { binomialCdf } from './distributions.ts';
import type { TestResult } from './test-result.ts';

export interface PairedTable {
  /** Pairs 1 → 1, 1 → 0, 0 → 1, 0 → 0 (earlier → later). */
  both: number;
  lost: number;
  gained: number;
  neither: number;
}

export function mcnemarExact(t: PairedTable, groups: [string, string]): TestResult {
  const n = t.lost + t.gained;
  const pairs = t.both + t.lost + t.gained + t.neither;
  const k = Math.min(t.lost, t.gained);
  const p = n === 0 ? 1 : Math.min(1, 2 * binomialCdf(k, n, 0.5));
  return {
    name: 'mcnemar_exact',
    statistic: t.lost,
    p,
    groups,
    estimate: pairs > 0 ? (t.gained - t.lost) / pairs : undefined,
    effect: pairs > 0 ? { name: 'risk_difference', value: (t.gained - t.lost) / pairs } : undefined,
    note: `parret: ${pairs} enheter med svar i begge bølgene; ${t.lost} fra topp 2 til ikke, ${t.gained} motsatt`,
  };
}
