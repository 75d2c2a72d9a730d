/**
 * Holm's adjustment within a figure. One family per test method: the figure's Welch t-tests are
 * adjusted together, its Mann–Whitney tests together, and so on, so that each method gives a
 * complete picture of the figure without the same hypothesis counted once per method (Student's,
 * Welch's and Mann–Whitney's tests of one item are three views of one question, not three
 * questions). Levene's test is an assumption check, not a finding, and Games–Howell's p is
 * already adjusted for every pair of its item; neither is in a family.
 */
import { holm, type ResultRow } from './results.ts';

const NOT_ADJUSTED = new Set(['levene', 'games_howell']);

export function adjustWithinFigure(rows: ResultRow[]): void {
  const families = new Map<string, ResultRow[]>();
  for (const r of rows) {
    if (r.measure !== 'test' || r.p === null || !Number.isFinite(r.p) || NOT_ADJUSTED.has(r.test)) continue;
    families.set(r.test, [...(families.get(r.test) ?? []), r]);
  }
  for (const family of families.values()) {
    const adjusted = holm(family.map((r) => r.p as number));
    family.forEach((r, i) => (r.p_adj = adjusted[i] ?? null));
  }
}
