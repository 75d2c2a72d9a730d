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
 * - r×c: the tables with the observed margins are enumerated column by column, counting those whose
 *   log probability is ≤ log p_obs + 3.45254e-7 (the tolerance of R's FEXACT). Subtrees that
 *   certainly all count are summed in closed form, and those that certainly none count are cut.
 *   Past 1e6 units of work the enumeration stops and p is NaN with a note, instead of hanging
 *   (e.g. 2×5 with n = 1000 or 3×5 with n = 250; 3×5 with n = 78 and 4×5 with n = 49 finish).
 * Log factorials come from @stdlib/math-base-special-gammaln.
 */
import gammaln from '@stdlib/math-base-special-gammaln';
import type { EffectSize, TestResult } from './test-result.ts';

const MAX_NODES = 1_000_000;
const FEXACT_TOL = 3.45254e-7;

/** `maxNodes` bounds the r×c enumeration (default 1e6 units of work). */
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
  const p = exactRxC(t, maxNodes);
  return Number.isNaN(p)
    ? { ...base, p, note: `tabellen er for stor for eksakt opptelling (over ${maxNodes.toLocaleString('nb-NO')} noder): les kjikvadrattesten` }
    : { ...base, p };
}

/** log(n!) for n = 0..max. */
function logFactorials(max: number): Float64Array {
  const lf = new Float64Array(max + 1);
  for (let i = 2; i <= max; i++) lf[i] = gammaln(i + 1);
  return lf;
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

/**
 * Two-sided exact p of an r×c table: the sum of P(table) = exp(K − S), S = Σ log x_ij!, over the
 * tables with these margins and S ≥ S_obs − tol. Columns are filled one at a time (a network, as
 * in FEXACT): a node is the rows' remaining room after some columns, sorted, since rows with equal
 * room are interchangeable; the paths into a node are kept as their partial sums S with
 * multiplicities. NaN when the work (paths looked at, tables of one column tried) passes maxNodes.
 */
function exactRxC(input: number[][], maxNodes: number): number {
  // Fewer rows than columns keeps the per-column branching small; p is the same for the transpose.
  const t = input.length <= (input[0] as number[]).length ? input : (input[0] as number[]).map((_, j) => input.map((r) => r[j] as number));
  const rowSums = t.map((r) => r.reduce((a, b) => a + b, 0));
  const colSums = (t[0] as number[]).map((_, j) => t.reduce((a, r) => a + (r[j] as number), 0)).sort((a, b) => b - a);
  const n = rowSums.reduce((a, b) => a + b, 0);
  const lf = logFactorials(n);
  const sumLf = (xs: readonly number[]): number => xs.reduce((s, x) => s + (lf[x] as number), 0);
  const k = sumLf(rowSums) + sumLf(colSums) - (lf[n] as number);
  const threshold = t.reduce((s, r) => s + sumLf(r), 0) - FEXACT_TOL;
  const nCols = colSums.length;
  const restLf = colSums.map((_, j) => sumLf(colSums.slice(j)));
  const restN = colSums.map((_, j) => colSums.slice(j).reduce((a, b) => a + b, 0));

  // Bounds on the S of columns col.. given the rows' room: each column alone, spread as evenly as
  // the room allows (smallest S) or piled into the roomiest rows (largest S).
  const bounds = (col: number, room: number[]): [number, number] => {
    const up = [...room].sort((a, b) => a - b);
    const down = [...up].reverse();
    let min = 0;
    let max = 0;
    for (let j = col; j < nCols; j++) {
      let rest = colSums[j] as number;
      for (let i = 0; i < up.length; i++) {
        const left = up.length - i;
        const share = Math.floor(rest / left);
        if ((up[i] as number) <= share) {
          min += lf[up[i] as number] as number;
          rest -= up[i] as number;
        } else {
          const extra = rest - share * left;
          min += (left - extra) * (lf[share] as number) + extra * (lf[share + 1] as number);
          break;
        }
      }
      rest = colSums[j] as number;
      for (const cap of down) {
        const x = Math.min(cap, rest);
        max += lf[x] as number;
        rest -= x;
      }
    }
    return [min, max];
  };

  let work = 0;

  /** Calls back with every way to put column col's total into the rows' room, and its Σ log x!. */
  const eachColumn = (col: number, room: number[], visit: (next: number[], s: number) => void): void => {
    const next = [...room];
    const fill = (i: number, rest: number, s: number): void => {
      if (work > maxNodes) return;
      if (i === room.length - 1) {
        if (rest > (room[i] as number)) return;
        next[i] = (room[i] as number) - rest;
        visit([...next].sort((a, b) => a - b), s + (lf[rest] as number));
        return;
      }
      const roomAfter = room.slice(i + 1).reduce((a, b) => a + b, 0);
      for (let x = Math.max(0, rest - roomAfter); x <= Math.min(room[i] as number, rest); x++) {
        next[i] = (room[i] as number) - x;
        fill(i + 1, rest - x, s + (lf[x] as number));
      }
    };
    fill(0, colSums[col] as number, 0);
  };

  interface Node {
    room: number[];
    /** Partial sums S of the paths into the node (merged when equal to ~1e-11) → [S, multiplicity]. */
    paths: Map<number, [number, number]>;
  }
  const addPaths = (stage: Map<string, Node>, room: number[], paths: Array<[number, number]>, sCol: number): void => {
    const key = room.join(',');
    const node = stage.get(key) ?? { room, paths: new Map<number, [number, number]>() };
    stage.set(key, node);
    for (const [s0, w] of paths) {
      const s = s0 + sCol;
      const sKey = Math.round(s * 1e11);
      const path = node.paths.get(sKey);
      if (path) path[1] += w;
      else node.paths.set(sKey, [s, w]);
    }
  };

  let p = 0;
  let stage = new Map<string, Node>();
  addPaths(stage, [...rowSums].sort((a, b) => a - b), [[0, 1]], 0);
  for (let col = 0; col < nCols; col++) {
    const next = new Map<string, Node>();
    for (const node of stage.values()) {
      const [min, max] = bounds(col, node.room);
      // Σ Π 1/x_ij! over all completions is n'! / (Π r'_i! Π c'_j!).
      const all = (lf[restN[col] as number] as number) - sumLf(node.room) - (restLf[col] as number);
      const open: Array<[number, number]> = [];
      for (const [s, w] of node.paths.values()) {
        if (s + min >= threshold) p += w * Math.exp(k - s + all); // every completion counts
        else if (s + max >= threshold) open.push([s, w]); // else none does
      }
      work += node.paths.size;
      if (open.length === 0) continue;
      eachColumn(col, node.room, (room, sCol) => {
        work += open.length;
        addPaths(next, room, open, sCol);
      });
      if (work > maxNodes) return Number.NaN;
    }
    stage = next;
  }
  for (const node of stage.values()) for (const [s, w] of node.paths.values()) if (s >= threshold) p += w * Math.exp(k - s);
  return p;
}
