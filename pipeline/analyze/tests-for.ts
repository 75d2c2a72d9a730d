/**
 * Which tests a careful analyst runs for each measure (figures.md §1.4), in one place so that
 * `compare`, the figures and the claims all state the same tests, each with its effect size:
 * - means of two groups: Student's and Welch's t (Cohen's d) with Levene's test, and Mann–Whitney U
 *   (rank-biserial r) as the ordinal check; three or more groups: one-way ANOVA (η²), Welch's
 *   ANOVA, Kruskal–Wallis (η²_H), Games–Howell pairs (Cohen's d) and Levene's test;
 * - a groups × categories table: Pearson's chi-square (Cramér's V, or φ for 2×2), and Fisher's
 *   exact test when an expected count is below 5;
 * - a share between two groups (2×2): the same plus the two-proportion z-test with Newcombe's
 *   interval for the difference (Cohen's h);
 * - two items answered by the same respondents: the paired t-test (d_z) and the Wilcoxon
 *   signed-rank test.
 */
import { anovaF } from './stats/anova.ts';
import { chisq } from './stats/chisq.ts';
import { cohenD, cramersV, etaSquared } from './stats/effect-sizes.ts';
import { fisherExact } from './stats/fisher.ts';
import { total, type Freq } from './stats/freq.ts';
import { gamesHowell } from './stats/games-howell.ts';
import { kruskalWallis } from './stats/kruskal-wallis.ts';
import { levene } from './stats/levene.ts';
import { mannWhitney } from './stats/mann-whitney.ts';
import { pairedT } from './stats/t-paired.ts';
import { studentT } from './stats/t-student.ts';
import type { TestResult } from './stats/test-result.ts';
import { welchT } from './stats/t-welch.ts';
import { welchAnova } from './stats/welch-anova.ts';
import { wilcoxonSignedRank } from './stats/wilcoxon-signed-rank.ts';
import { z2prop } from './stats/z-2prop.ts';

/** Expected counts below this make Fisher's exact test the one to read. */
export const SMALL_EXPECTED = 5;

export function meanTests(groups: Freq[], names: string[]): TestResult[] {
  if (groups.length < 2 || groups.some((g) => total(g) < 2)) return [];
  if (groups.length === 2) {
    const [a, b] = groups as [Freq, Freq];
    const pair: [string, string] = [names[0]!, names[1]!];
    const d = cohenD(a, b);
    return [{ ...studentT(a, b, pair), effect: d }, { ...welchT(a, b, pair), effect: d }, levene(groups, names), mannWhitney(a, b, pair)];
  }
  return [
    { ...anovaF(groups, names), effect: etaSquared(groups) },
    welchAnova(groups, names),
    kruskalWallis(groups, names),
    ...gamesHowell(groups, names),
    levene(groups, names),
  ];
}

/** Tests of independence for a groups × categories table of counts. */
export function tableTests(table: number[][], names: string[]): TestResult[] {
  if (table.length < 2) return [];
  const { min_expected: minExpected, ...test } = chisq(table, names);
  const tests: TestResult[] = [{ ...test, effect: cramersV(table) }];
  if (minExpected < SMALL_EXPECTED) tests.push(fisherExact(table, names));
  return tests;
}

/** A share (ticked, top-2) between groups: `rows` are [count with, count without] per group. */
export function shareTests(rows: Array<[number, number]>, names: string[]): TestResult[] {
  const tests = tableTests(rows, names);
  if (rows.length === 2) {
    const [[x1, y1], [x2, y2]] = rows as [[number, number], [number, number]];
    if (x1 + y1 > 0 && x2 + y2 > 0) tests.push(z2prop(x1, x1 + y1, x2, x2 + y2, [names[0]!, names[1]!]));
  }
  return tests;
}

/** Two items of the same respondents, from the frequency table of their differences (first − second). */
export function pairedTests(differences: Freq, items: [string, string]): TestResult[] {
  if (total(differences) < 2) return [];
  return [pairedT(differences, items), wilcoxonSignedRank(differences, items)];
}
