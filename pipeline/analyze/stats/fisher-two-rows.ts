/**
 * Fisher's exact test for tables with two rows (or two columns), and for tables whose other rows
 * are small (three groups of which one has a handful of answers), by meeting in the middle.
 *
 * A 2-row table is its first row x (Σ x = r₁), and S = Σ log x_j! + log (c_j − x_j)!. The columns
 * are split in two halves A and B; every partial first row of each half is listed once with its
 * sum a and its S; B's lists are sorted by S per a, with suffix sums of exp(−S). Each partial row
 * of A then finds, by binary search in the list of a_B = r₁ − a_A, the B rows that complete a table
 * at least as extreme (S ≥ S_obs − tol, R's FEXACT rule) and adds their probability at once.
 * With more rows, every way to fill the small rows is enumerated and the two largest rows are
 * then solved as above on the columns' remaining sums.
 */
import { FEXACT_TOL, logFactorials } from './log-factorials.ts';

interface Listing {
  a: Int32Array;
  s: Float64Array;
}

/** Every partial first row of these columns with a ≤ r₁: its sum a and its S. */
function listHalf(cols: number[], r1: number, lf: Float64Array): Listing {
  const as: number[] = [];
  const ss: number[] = [];
  const walk = (j: number, a: number, sum: number): void => {
    if (j === cols.length) {
      as.push(a);
      ss.push(sum);
      return;
    }
    const c = cols[j] as number;
    for (let x = 0; x <= Math.min(c, r1 - a); x++) walk(j + 1, a + x, sum + (lf[x] as number) + (lf[c - x] as number));
  };
  walk(0, 0, 0);
  return { a: Int32Array.from(as), s: Float64Array.from(ss) };
}

/** Larger columns first, each to the half whose listing is smaller so far; the listing sizes. */
function splitColumns(colSums: number[]): { halves: [number[], number[]]; sizes: [number, number] } {
  const halves: [number[], number[]] = [[], []];
  const sizes: [number, number] = [1, 1];
  for (const c of [...colSums].sort((a, b) => b - a)) {
    const h = sizes[0] <= sizes[1] ? 0 : 1;
    halves[h].push(c);
    sizes[h] *= c + 1;
  }
  return { halves, sizes };
}

/** The cost in listed partial rows of one two-row sum over these column sums. */
function twoRowCost(colSums: number[]): number {
  const { sizes } = splitColumns(colSums);
  return sizes[0] + sizes[1];
}

/**
 * Σ exp(k − offset − S_x) over the first rows x (Σ x = r₁, 0 ≤ x_j ≤ c_j) with offset + S_x ≥
 * threshold: the probability of the at-least-as-extreme tables that share the fixed part whose
 * Σ log x! is `offset`.
 */
function twoRowSum(colSums: number[], r1: number, lf: Float64Array, k: number, offset: number, threshold: number): number {
  const { halves } = splitColumns(colSums);
  const A = listHalf(halves[0], r1, lf);
  const B = listHalf(halves[1], r1, lf);
  // B by a: S ascending, and suffix sums of exp(min S − S) (each term ≤ 1, so nothing overflows).
  const grouped = new Map<number, number[]>();
  for (let i = 0; i < B.a.length; i++) {
    const g = grouped.get(B.a[i]!);
    if (g) g.push(B.s[i]!);
    else grouped.set(B.a[i]!, [B.s[i]!]);
  }
  const byA = new Map<number, { s: Float64Array; suffix: Float64Array }>();
  for (const [a, values] of grouped) {
    const sorted = Float64Array.from(values).sort();
    const suffix = new Float64Array(sorted.length + 1);
    for (let i = sorted.length - 1; i >= 0; i--) suffix[i] = (suffix[i + 1] as number) + Math.exp((sorted[0] as number) - (sorted[i] as number));
    byA.set(a, { s: sorted, suffix });
  }
  let p = 0;
  for (let i = 0; i < A.a.length; i++) {
    const g = byA.get(r1 - A.a[i]!);
    if (!g) continue;
    const need = threshold - offset - A.s[i]!;
    let lo = 0;
    let hi = g.s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((g.s[mid] as number) < need) lo = mid + 1;
      else hi = mid;
    }
    if (lo < g.s.length) p += Math.exp(k - offset - A.s[i]! - (g.s[0] as number)) * (g.suffix[lo] as number);
  }
  return p;
}

function sums(t: number[][]): { rows: number[]; cols: number[]; n: number } {
  const rows = t.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = (t[0] as number[]).map((_, j) => t.reduce((a, r) => a + (r[j] as number), 0));
  return { rows, cols, n: rows.reduce((a, b) => a + b, 0) };
}

/** log of the probability's constant: Σ log r_i! + Σ log c_j! − log n!. */
function logConstant(rows: number[], cols: number[], n: number, lf: Float64Array): number {
  return rows.reduce((a, r) => a + (lf[r] as number), 0) + cols.reduce((a, c) => a + (lf[c] as number), 0) - (lf[n] as number);
}

/** Two-sided exact p of a 2×k table; NaN when a half would list more than maxWork partial rows. */
export function exactTwoRows(t: number[][], maxWork: number): number {
  const { rows, cols, n } = sums(t);
  if (twoRowCost(cols) > maxWork) return Number.NaN;
  const lf = logFactorials(n);
  const threshold = t.reduce((a, r) => a + r.reduce((b, x) => b + (lf[x] as number), 0), 0) - FEXACT_TOL;
  return Math.min(1, twoRowSum(cols, rows[0] as number, lf, logConstant(rows, cols, n, lf), 0, threshold));
}

/**
 * Two-sided exact p of an r×c table (r ≥ 3) whose rows beyond the two largest are small: every
 * filling of the small rows, then the two largest rows by twoRowSum. NaN when the work (fillings
 * times partial rows listed) would pass maxWork; the caller then tries another method.
 */
export function exactFewLargeRows(t: number[][], maxWork: number): number {
  const { rows, cols, n } = sums(t);
  const order = rows.map((r, i) => [r, i] as const).sort((a, b) => b[0] - a[0]);
  const big1 = order[0]![1];
  const small = order.slice(2).map(([r]) => r);
  const perFill = twoRowCost(cols);
  // Count the fillings first, stopping as soon as the budget is gone.
  let fillings = 0;
  const count = (i: number, j: number, left: number, room: number[]): boolean => {
    if (fillings * perFill > maxWork) return false;
    if (i === small.length) {
      fillings++;
      return true;
    }
    if (j === cols.length) return left === 0 ? count(i + 1, 0, small[i + 1] ?? 0, room) : true;
    const roomAfter = room.slice(j + 1).reduce((a, b) => a + b, 0);
    for (let x = Math.max(0, left - roomAfter); x <= Math.min(room[j] as number, left); x++) {
      room[j] = (room[j] as number) - x;
      const ok = count(i, j + 1, left - x, room);
      room[j] = (room[j] as number) + x;
      if (!ok) return false;
    }
    return true;
  };
  if (!count(0, 0, small[0] ?? 0, [...cols]) || fillings * perFill > maxWork) return Number.NaN;

  const lf = logFactorials(n);
  const k = logConstant(rows, cols, n, lf);
  const threshold = t.reduce((a, r) => a + r.reduce((b, x) => b + (lf[x] as number), 0), 0) - FEXACT_TOL;
  let p = 0;
  const fill = (i: number, j: number, left: number, room: number[], offset: number): void => {
    if (i === small.length) {
      // The largest row takes x, the second largest what the small rows leave.
      p += twoRowSum(room, rows[big1] as number, lf, k, offset, threshold);
      return;
    }
    if (j === cols.length) {
      if (left === 0) fill(i + 1, 0, small[i + 1] ?? 0, room, offset);
      return;
    }
    const roomAfter = room.slice(j + 1).reduce((a, b) => a + b, 0);
    for (let x = Math.max(0, left - roomAfter); x <= Math.min(room[j] as number, left); x++) {
      room[j] = (room[j] as number) - x;
      fill(i, j + 1, left - x, room, offset + (lf[x] as number));
      room[j] = (room[j] as number) + x;
    }
  };
  fill(0, 0, small[0] ?? 0, [...cols], 0);
  return Math.min(1, p);
}
