/**
 * Fisher's exact test (R: fisher.test(table)), two-sided. Rows and columns that are empty in every
 * group are dropped first, as chisq.ts does. There is no test statistic, so `statistic` is NaN.
 * - 2×2: p sums the hypergeometric probabilities ≤ p_obs · (1 + 1e-7), as R does. The effect is the
 *   conditional maximum-likelihood odds ratio ψ with its 95 % interval: the roots of R's equations
 *   (mean of the noncentral hypergeometric = x; its upper/lower tail at x = 0.025), solved here by
 *   bisection on log ψ to a few ulps. fisher.test solves them with uniroot's default tol = 1.2e-4
 *   on ψ or 1/ψ in (0, 1), so its own estimate and interval are that coarse: for [[60, 2], [3, 55]]
 *   it reports an upper limit of 6484 where the root is 5597. The tests compare with the roots
 *   computed in R to tol = 1e-15, and with fisher.test's values within uniroot's tolerance.
 * - larger tables: the exact p by the fastest method that fits (fisher-two-rows.ts: 2×k and r×2
 *   by meeting in the middle, ~30 ms for 2×7 with n = 260, where R needs fisher.test(workspace =
 *   2e8); three or more rows of which all but two are small by filling the small ones first;
 *   fisher-network.ts otherwise), all counting the tables at least as extreme by R's FEXACT rule.
 *   A table none of them can enumerate within the work limit (three large groups with many
 *   answers) gets a seeded Monte Carlo p (fisher-monte-carlo.ts), labelled as such in its note.
 * Log factorials come from @stdlib/math-base-special-gammaln.
 */
import { exactRxC } from './fisher-network.ts';
import { MONTE_CARLO_REPLICATES, MONTE_CARLO_SEED, monteCarloP } from './fisher-monte-carlo.ts';
import { exactFewLargeRows, exactTwoRows } from './fisher-two-rows.ts';
import gammaln from '@stdlib/math-base-special-gammaln';
import { logFactorials } from './log-factorials.ts';
import type { EffectSize, TestResult } from './test-result.ts';

const MAX_NODES = 1_000_000;

/** `maxNodes` bounds the exact enumeration (default 1e6 units of work) before simulation takes over. */
export function fisherExact(table: number[][], groups: string[], maxNodes = MAX_NODES): TestResult {
  const rowsKept = table.map((r, i) => [r, i] as const).filter(([r]) => r.some((c) => c > 0));
  const cols = rowsKept[0]?.[0].length ?? 0;
  const colKeep = Array.from({ length: cols }, (_, j) => rowsKept.some(([r]) => (r[j] as number) > 0));
  const t = rowsKept.map(([r]) => r.filter((_, j) => colKeep[j]));
  const names = rowsKept.map(([, i]) => groups[i] as string);
  const base = { name: 'fisher_exact', statistic: Number.NaN, groups: names } as const;
  const nCols = t[0]?.length ?? 0;
  if (t.length < 2 || nCols < 2) return { ...base, p: Number.NaN, note: 'færre enn to ikke-tomme rader eller kolonner' };
  if (t.length === 2 && nCols === 2) {
    const [[a, b], [c, d]] = t as [[number, number], [number, number]];
    const h = new Hypergeometric(a + c, b + d, a + b);
    return { ...base, p: h.pTwoSided(a), effect: h.oddsRatio(a) };
  }
  const exact = exactP(t, maxNodes);
  if (!Number.isNaN(exact)) return { ...base, p: exact };
  return {
    ...base,
    p: monteCarloP(t),
    note: `tabellen er for stor for eksakt opptelling: Monte Carlo-p fra ${MONTE_CARLO_REPLICATES.toLocaleString('nb-NO')} tilfeldige tabeller med samme marginaler (frø ${MONTE_CARLO_SEED})`,
  };
}

/** The exact p by the fastest method that fits the table; NaN when none finishes within maxNodes. */
function exactP(t: number[][], maxNodes: number): number {
  if (t.length === 2) return exactTwoRows(t, maxNodes);
  const transposed = transpose(t);
  if (transposed.length === 2) return exactTwoRows(transposed, maxNodes);
  // Few large rows (or columns): fill the small ones, meet in the middle on the two largest.
  const smallMass = (x: number[][]) => x.map((r) => r.reduce((a, b) => a + b, 0)).sort((a, b) => b - a).slice(2).reduce((a, b) => a + b, 0);
  const oriented = smallMass(t) <= smallMass(transposed) ? t : transposed;
  const few = exactFewLargeRows(oriented, 20 * maxNodes);
  if (!Number.isNaN(few)) return few;
  // The network cannot finish a table with astronomically many completions within the work limit;
  // don't spend the limit finding that out (log10 of an upper bound on the number of tables).
  const rows = t.length;
  const colSums = (t[0] as number[]).map((_, j) => t.reduce((a, r) => a + (r[j] as number), 0));
  const log10Tables = colSums.reduce((a, c) => a + (gammaln(c + rows) - gammaln(c + 1) - gammaln(rows)) / Math.LN10, 0);
  return log10Tables > MAX_LOG10_TABLES ? Number.NaN : exactRxC(t, maxNodes);
}

/** Above about 10^15 tables with the observed margins the network does not finish in 1e6 units of work. */
const MAX_LOG10_TABLES = 15;


function transpose(t: number[][]): number[][] {
  return (t[0] as number[]).map((_, j) => t.map((r) => r[j] as number));
}


/** Root of an increasing function f(θ) = 0 by bisection, until θ is known to a few ulps (θ = log ψ, so ψ to ~1e-15 relative). */
function bisect(f: (theta: number) => number): number {
  let lo = -1;
  let hi = 1;
  while (f(lo) > 0) lo *= 2;
  while (f(hi) < 0) hi *= 2;
  for (;;) {
    const mid = (lo + hi) / 2;
    if (hi - lo <= 4 * Number.EPSILON * Math.max(1, Math.abs(mid))) return mid;
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
}

/**
 * X₁₁ of a 2×2 table given its margins: m and n the column sums, k the first row sum. With odds
 * ratio ψ its law is P(x) ∝ dhyper(x; m, n, k) ψˣ on lo..hi (R's dnhyper).
 */
class Hypergeometric {
  private readonly lo: number;
  private readonly hi: number;
  private readonly logd: Float64Array;

  constructor(m: number, n: number, k: number) {
    this.lo = Math.max(0, k - n);
    this.hi = Math.min(k, m);
    const lf = logFactorials(m + n);
    const lchoose = (a: number, b: number): number => (lf[a] as number) - (lf[b] as number) - (lf[a - b] as number);
    this.logd = new Float64Array(this.hi - this.lo + 1);
    for (let x = this.lo; x <= this.hi; x++) this.logd[x - this.lo] = lchoose(m, x) + lchoose(n, k - x) - lchoose(m + n, k);
  }

  /** Under log ψ = theta, in one pass: E[X], P(X ≤ x) and P(X ≥ x). */
  private moments(theta: number, x: number): { mean: number; below: number; above: number } {
    const { lo, logd } = this;
    let top = -Infinity;
    for (let i = 0; i < logd.length; i++) top = Math.max(top, (logd[i] as number) + theta * (lo + i));
    let sum = 0;
    let first = 0;
    let below = 0;
    let above = 0;
    for (let i = 0; i < logd.length; i++) {
      const w = Math.exp((logd[i] as number) + theta * (lo + i) - top);
      sum += w;
      first += w * (lo + i);
      if (lo + i <= x) below += w;
      if (lo + i >= x) above += w;
    }
    return { mean: first / sum, below: below / sum, above: above / sum };
  }

  /** R's rule: the null probabilities ≤ p_obs · (1 + 1e-7), normalised as R's dnhyper does. */
  pTwoSided(x: number): number {
    const { lo, logd } = this;
    const top = logd.reduce((a, b) => Math.max(a, b), -Infinity);
    const limit = Math.exp((logd[x - lo] as number) - top) * (1 + 1e-7);
    let sum = 0;
    let p = 0;
    for (const l of logd) {
      const d = Math.exp(l - top);
      sum += d;
      if (d <= limit) p += d;
    }
    return p / sum;
  }

  oddsRatio(x: number, alpha = 0.025): EffectSize {
    const value = x === this.lo ? 0 : x === this.hi ? Infinity : Math.exp(bisect((th) => this.moments(th, x).mean - x));
    const ciLow = x === this.lo ? 0 : Math.exp(bisect((th) => this.moments(th, x).above - alpha));
    const ciHigh = x === this.hi ? Infinity : Math.exp(bisect((th) => alpha - this.moments(th, x).below));
    return { name: 'odds_ratio', value, ci_low: ciLow, ci_high: ciHigh };
  }
}
