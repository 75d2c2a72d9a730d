/**
 * Rao–Scott test of independence in an r×c table within a domain, as R's
 *   svychisq(~g + y, subdes)                        (statistic = "F", the default)
 *   svychisq(~g + y, subdes, statistic = "Chisq")   (first order)
 * following `survey:::svychisq.survey.design`:
 *
 * - p̂ = cell proportions with their design covariance V (linearised means of the cell indicators
 *   over all K clusters); X² = Pearson's statistic of the table of counts.
 * - C spans the interaction contrasts: R takes the residuals of the interaction columns of
 *   `~rows * cols` on `~rows + cols` over the r·c cells; on a full grid that residual is the
 *   double-centred dummy, C[(i,j),(a,b)] = (δ_ia − 1/r)(δ_jb − 1/c), a, b ≥ 2.
 * - Δ = (Cᵀ D⁻¹ C / N)⁻¹ (Cᵀ D⁻¹ V D⁻¹ C), D = diag(p̂) (1/0 read as 0), the generalised design
 *   effects; only traces are needed, no eigenvalues.
 * - F (second order): F = X² / tr(Δ) on d₀ = tr(Δ)² / tr(Δ²) and d₀ · nu df, nu = degf of the
 *   subset design = K_d − 1 (clusters holding a counted respondent).
 * - Chisq (first order): X² / δ̄ on χ² with (r − 1)(c − 1) df, δ̄ = tr(Δ)/((r − 1)(c − 1)). R prints
 *   the unadjusted X² as its statistic but takes the p-value of X²/δ̄; both are returned here.
 *
 * Rows and columns with no respondent are dropped first: R builds the table from the levels
 * present in the subset.
 */
import { pUpperChisq, pUpperF } from '../distributions.ts';
import type { TestResult } from '../test-result.ts';
import { clusterCovariance } from './cluster-variance.ts';
import { domainDf } from './degf.ts';
import { multiply, solve, trace, transpose, type Matrix } from './matrix.ts';

/** Per cluster of the whole design (same order, zeros where empty), the rows×cols counts, row-major. */
export interface ClusterTable {
  rows: number;
  cols: number;
  cells: readonly Float64Array[];
}

export interface SvyChisq extends TestResult {
  /** Pearson's X² of the table of counts (R's "X-squared" for statistic = "Chisq"). */
  pearson: number;
  /** First-order Rao–Scott: X²/δ̄ against χ² on (r − 1)(c − 1) df. */
  first_order: { statistic: number; df: number; p: number };
}

/** Columns spanning the interaction contrasts of an r×c grid of cells (row-major), as R's Cmat. */
function interactionContrasts(r: number, c: number): Matrix {
  return Array.from({ length: r * c }, (_, m) => {
    const i = Math.floor(m / c);
    const j = m % c;
    const row: number[] = [];
    for (let a = 1; a < r; a++) for (let b = 1; b < c; b++) row.push(((i === a ? 1 : 0) - 1 / r) * ((j === b ? 1 : 0) - 1 / c));
    return row;
  });
}

/** tr(Δ) and tr(Δ²) of the generalised design effects Δ = (CᵀD⁻¹C/N)⁻¹ (CᵀD⁻¹VD⁻¹C). */
function designEffectTraces(share: number[], covariance: Matrix, contrasts: Matrix, n: number): [number, number] {
  const scaled = contrasts.map((row, m) => {
    const p = share[m] as number;
    return row.map((x) => (p === 0 ? 0 : x / p));
  });
  const denominator = multiply(transpose(contrasts), scaled).map((row) => row.map((x) => x / n));
  const numerator = multiply(multiply(transpose(scaled), covariance), scaled);
  const delta = solve(denominator, numerator);
  return [trace(delta), trace(multiply(delta, delta))];
}

/** Pearson's X² of a table of counts (no empty row or column). */
function pearsonX2(table: number[][]): number {
  const rowSums = table.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = (table[0] ?? []).map((_, j) => table.reduce((s, row) => s + (row[j] as number), 0));
  const n = rowSums.reduce((a, b) => a + b, 0);
  return table.reduce((s, row, i) => s + row.reduce((t, o, j) => {
    const expected = ((rowSums[i] as number) * (colSums[j] as number)) / n;
    return t + (o - expected) ** 2 / expected;
  }, 0), 0);
}

export function svyChisq(table: ClusterTable, groups: string[]): SvyChisq {
  const { rows, cols, cells } = table;
  if (cells.length < 2) throw new Error(`svyChisq: a cluster design needs at least 2 clusters (got ${cells.length})`);
  if (cells.some((t) => t.length !== rows * cols)) throw new Error(`svyChisq: every cluster needs ${rows}×${cols} = ${rows * cols} cells`);
  if (groups.length !== rows) throw new Error(`svyChisq: ${rows} rows but ${groups.length} group names`);
  const count = (i: number, j: number) => cells.reduce((s, t) => s + (t[i * cols + j] as number), 0);
  const full = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => count(i, j)));
  const keptRows = [...full.keys()].filter((i) => full[i]!.some((v) => v > 0));
  const keptCols = [...Array(cols).keys()].filter((j) => full.some((row) => (row[j] as number) > 0));
  const counts = keptRows.map((i) => keptCols.map((j) => full[i]![j]!));
  const r = keptRows.length;
  const c = keptCols.length;
  const df = (r - 1) * (c - 1);
  const base = { name: 'svy_chisq', groups: keptRows.map((i) => groups[i] as string), design: 'cluster' } as const;
  if (df < 1) {
    const none = { statistic: Number.NaN, df: 0, p: Number.NaN };
    return { ...base, statistic: Number.NaN, p: Number.NaN, pearson: Number.NaN, first_order: none, note: 'tabellen har færre enn to rader eller kolonner med svar' };
  }

  // Cell indicators as domain means: influence (n_q,c − p̂_q · n_c)/N per cluster, cells row-major.
  const kept = keptRows.flatMap((i) => keptCols.map((j) => i * cols + j));
  const clusterSizes = Float64Array.from(cells, (t) => t.reduce((a, b) => a + b, 0));
  const n = counts.flat().reduce((a, b) => a + b, 0);
  const share = counts.flat().map((v) => v / n);
  const influences = kept.map((q, m) => Float64Array.from(cells, (t, k) => ((t[q] as number) - (share[m] as number) * (clusterSizes[k] as number)) / n));
  const [trace1, trace2] = designEffectTraces(share, clusterCovariance(influences), interactionContrasts(r, c), n);

  const pearson = pearsonX2(counts);
  const f = pearson / trace1;
  const d0 = (trace1 * trace1) / trace2;
  const nu = domainDf(clusterSizes);
  const firstOrder = pearson / (trace1 / df);
  return {
    ...base,
    statistic: f,
    df1: d0,
    df2: d0 * nu,
    p: pUpperF(f, d0, d0 * nu),
    pearson,
    first_order: { statistic: firstOrder, df, p: pUpperChisq(firstOrder, df) },
  };
}
