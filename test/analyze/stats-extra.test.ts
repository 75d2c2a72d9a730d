import { describe, expect, it } from 'vitest';
import gammaln from '@stdlib/math-base-special-gammaln';
import jStat from 'jstat';
import ref from '../reference/stats-extra-reference.json' with { type: 'json' };
import { cohenD, cramersV, etaSquared, newcombe } from '../../pipeline/analyze/stats/effect-sizes.ts';
import { fisherExact } from '../../pipeline/analyze/stats/fisher.ts';
import { freqFromPairs, type Freq } from '../../pipeline/analyze/stats/freq.ts';
import { gamesHowell } from '../../pipeline/analyze/stats/games-howell.ts';
import { mannWhitney } from '../../pipeline/analyze/stats/mann-whitney.ts';
import { pUpperTukey, qtukey } from '../../pipeline/analyze/stats/studentized-range.ts';
import { welchAnova } from '../../pipeline/analyze/stats/welch-anova.ts';
import { expectClose, expectDifferenceLikeR } from '../helpers/relative.ts';

const fromCounts = (counts: number[]): Freq => freqFromPairs(counts.map((c, i) => [i + 1, c]));
const names = (k: number): string[] => Array.from({ length: k }, (_, i) => `g${i}`);

describe('Welch ANOVA equals oneway.test(var.equal = FALSE); eta² the classic ANOVA', () => {
  ref.welch_anova.forEach((r) => {
    it(`${r.counts.length} groups (p = ${r.p.toExponential(2)})`, () => {
      const groups = r.counts.map(fromCounts);
      const t = welchAnova(groups, names(groups.length));
      expectClose(t.statistic, r.f);
      expect(t.df1).toBe(r.df1);
      expectClose(t.df2, r.df2);
      expectClose(t.p, r.p);
      expectClose(etaSquared(groups).value, r.eta2);
    });
  });
  it('covers a far tail', () => expect(Math.min(...ref.welch_anova.map((r) => r.p))).toBeLessThan(1e-20));
  it('is NaN when a group has no variance', () => {
    const t = welchAnova([fromCounts([0, 0, 5, 0, 0]), fromCounts([1, 2, 3, 2, 1])], ['a', 'b']);
    expect(t.p).toBeNaN();
    expect(t.note).toBeTruthy();
  });
});

describe('studentized range (jstat) equals ptukey/qtukey', () => {
  const r = ref.tukey;
  it('upper tail and 95 % quantile over q, k and df', () => {
    r.q.forEach((q, i) => {
      expectClose(pUpperTukey(q, r.k[i]!, r.df[i]!), r.p[i]!);
      expectClose(qtukey(0.95, r.k[i]!, r.df[i]!), r.q95[i]!);
    });
  });
  it("leaves jStat's own gammaln in place", () => {
    const own = jStat.gammaln;
    pUpperTukey(3, 3, 40);
    expect(jStat.gammaln).toBe(own);
    expect(jStat.gammaln).not.toBe(gammaln);
  });
});

describe('Games–Howell equals its formula with ptukey/qtukey', () => {
  ref.games_howell.forEach((set) => {
    it(`${set.counts.length} groups`, () => {
      const groups = set.counts.map(fromCounts);
      const results = gamesHowell(groups, names(groups.length));
      expect(results).toHaveLength(set.pairs.length);
      set.pairs.forEach((pr, n) => {
        const t = results[n]!;
        expect(t.groups).toEqual([`g${pr.i}`, `g${pr.j}`]);
        expectClose(t.statistic, pr.t);
        expectClose(t.df, pr.df);
        expectDifferenceLikeR(t, { estimate: pr.estimate, ci: pr.ci, effect: pr.d });
        // ptukey's upper tail is 1 − cdf in R too: below ~1e-5 both carry ~1e-13 absolute noise.
        if (pr.p >= 1e-5) expectClose(t.p, pr.p);
        else expect(Math.abs(t.p - pr.p)).toBeLessThan(1e-12);
      });
    });
  });
});

describe('Mann–Whitney equals wilcox.test(exact = FALSE, correct = TRUE)', () => {
  ref.mann_whitney.forEach((r, n) => {
    it(`case ${n + 1} (p = ${r.p.toExponential(2)})`, () => {
      const t = mannWhitney({ values: r.x_values, counts: r.x_counts }, { values: r.y_values, counts: r.y_counts }, ['x', 'y']);
      expectClose(t.statistic, r.w);
      expectClose(t.p, r.p);
      expectClose(t.effect?.value, r.r);
    });
  });
  it('covers a far tail', () => expect(Math.min(...ref.mann_whitney.map((r) => r.p))).toBeLessThan(1e-20));
  it('works from counts: a million times every count scales W by 1e12 and keeps r', () => {
    const r = ref.mann_whitney[0]!;
    const big = mannWhitney({ values: r.x_values, counts: r.x_counts.map((c) => c * 1e6) }, { values: r.y_values, counts: r.y_counts.map((c) => c * 1e6) }, ['x', 'y']);
    expectClose(big.statistic, r.w * 1e12);
    expectClose(big.effect?.value, r.r);
  });
});

describe("Fisher's exact test equals fisher.test", () => {
  const cases = ref.fisher as Array<{ table: number[][]; p: number; or?: number; or_ci?: number[]; or_tight?: number[] }>;
  cases.forEach((r) => {
    it(`${JSON.stringify(r.table)} (p = ${r.p.toExponential(2)})`, () => {
      const t = fisherExact(r.table, names(r.table.length));
      expectClose(t.p, r.p);
      if (!r.or_tight) return;
      // The exact roots of fisher.test's equations (R: uniroot with tol = 1e-15) ...
      expectClose(t.effect?.value, r.or_tight[0]!);
      expectClose(t.effect?.ci_low, r.or_tight[1]!);
      expectClose(t.effect?.ci_high, r.or_tight[2]!);
      // ... and fisher.test's own values within uniroot's default tol, on the scale it solves (ψ or 1/ψ).
      const scale = (v: number): number => (v > 1 ? 1 / v : v);
      const ours = [t.effect!.value, t.effect!.ci_low!, t.effect!.ci_high!];
      [r.or!, ...r.or_ci!].forEach((v, i) => expect(Math.abs(scale(ours[i]!) - scale(v))).toBeLessThan(1.22e-4));
    });
  });
  it('covers a far tail', () => expect(Math.min(...cases.map((r) => r.p))).toBeLessThan(1e-15));
  it('a zero cell gives an odds ratio of 0 or Infinity, mirrored by swapping the rows', () => {
    const zero = fisherExact([[0, 7], [5, 4]], ['a', 'b']).effect!;
    const inf = fisherExact([[5, 4], [0, 7]], ['b', 'a']).effect!;
    expect([zero.value, zero.ci_low, inf.value, inf.ci_high]).toEqual([0, 0, Infinity, Infinity]);
    expectClose(inf.ci_low, 1 / zero.ci_high!);
  });
  it('drops empty rows and columns and keeps the group names in step', () => {
    const t = fisherExact([[3, 0, 2, 5], [0, 0, 0, 0], [1, 0, 6, 2]], ['a', 'empty', 'b']);
    expect(t.groups).toEqual(['a', 'b']);
    expectClose(t.p, cases.find((r) => JSON.stringify(r.table) === '[[3,0,2,5],[1,0,6,2]]')!.p);
  });
  it('stops enumerating at the work bound and simulates instead of hanging', () => {
    const t = fisherExact([[3, 10, 25, 40, 22], [8, 20, 30, 30, 12], [1, 4, 10, 20, 15]], ['a', 'b', 'c'], 5000);
    expect(t.note).toMatch(/Monte Carlo/);
    expect(t.p).toBeGreaterThan(0);
  });
});

describe('effect sizes', () => {
  it("Cohen's d with the Hedges–Olkin interval", () => {
    const cases: Array<[number[], number[], number[]]> = [
      [[3, 10, 25, 40, 22], [8, 20, 30, 30, 12], ref.cohen_d.d],
      [[1, 2, 10, 80, 107], [90, 70, 25, 10, 5], ref.cohen_d.d_far],
    ];
    for (const [x, y, r] of cases) {
      const d = cohenD(fromCounts(x), fromCounts(y));
      expectClose(d.value, r[0]!);
      expectClose(d.ci_low, r[1]!);
      expectClose(d.ci_high, r[2]!);
    }
  });
  it("Cramér's V (phi for 2×2)", () => {
    ref.cramers_v.forEach((r) => {
      const v = cramersV(r.table);
      expectClose(v.value, r.v);
      expect(v.name).toBe(r.table.length === 2 && r.table[0]!.length === 2 ? 'phi' : 'cramers_v');
    });
  });
  it("Newcombe's hybrid score interval, also near 0 and 1", () => {
    ref.newcombe.forEach((r) => {
      const e = newcombe(r.x1, r.n1, r.x2, r.n2);
      expectClose(e.value, r.d);
      expectClose(e.ci_low, r.ci[0]!);
      expectClose(e.ci_high, r.ci[1]!);
    });
  });
});
