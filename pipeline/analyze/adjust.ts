/**
 * Holm's adjustment within a figure. One family per test method: the figure's Welch t-tests are
 * adjusted together, its Mann–Whitney tests together, and so on, so that each method gives a
 * complete picture of the figure without the same hypothesis counted once per method (Student's,
 * Welch's and Mann–Whitney's tests of one item are three views of one question, not three
 * questions). Levene's test is an assumption check, not a finding, and Games–Howell's p is
 * already adjusted for every pair of its item; neither is in a family. Families are per wave too
 * (a test's wave: the wave it is within, or the later wave of a change), so that loading a newer
 * wave leaves the verdicts on the earlier waves as they were reported.
 */
import { holm, type ResultRow } from './results.ts';

const NOT_ADJUSTED = new Set(['levene', 'games_howell']);

export function adjustWithinFigure(rows: ResultRow[]): void {
  const families = new Map<string, ResultRow[]>();
  for (const r of rows) {
    if (r.measure !== 'test' || r.p === null || !Number.isFinite(r.p) || NOT_ADJUSTED.has(r.test)) continue;
    const key = `${r.test}|${r.wave}`;
    families.set(key, [...(families.get(key) ?? []), r]);
  }
  for (const family of families.values()) {
    const adjusted = holm(family.map((r) => r.p as number));
    family.forEach((r, i) => (r.p_adj = adjusted[i] ?? null));
  }
}
