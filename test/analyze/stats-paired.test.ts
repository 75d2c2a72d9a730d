/**
 * Kruskal–Wallis, the paired t-test, Wilcoxon's signed-rank test, Fisher's exact test on 2×k
 * tables and the two-proportion z-test with Newcombe's interval, against R
 * (test/reference/stats-paired-reference.R, whose output is committed) to a relative 1e-8.
 */
import { describe, expect, it } from 'vitest';
import ref from '../reference/stats-paired-reference.json' with { type: 'json' };
import { chisq } from '../../pipeline/analyze/stats/chisq.ts';
import { fisherExact } from '../../pipeline/analyze/stats/fisher.ts';
import { drawHypergeometric, MONTE_CARLO_REPLICATES, monteCarloP } from '../../pipeline/analyze/stats/fisher-monte-carlo.ts';
import { logFactorials } from '../../pipeline/analyze/stats/log-factorials.ts';
import { createRng } from '../../pipeline/core/rng.ts';
import { freqFromPairs, type Freq } from '../../pipeline/analyze/stats/freq.ts';
import { kruskalWallis } from '../../pipeline/analyze/stats/kruskal-wallis.ts';
import { pairedT } from '../../pipeline/analyze/stats/t-paired.ts';
import { wilcoxonSignedRank } from '../../pipeline/analyze/stats/wilcoxon-signed-rank.ts';
import { z2prop } from '../../pipeline/analyze/stats/z-2prop.ts';
import { pairedTests, shareTests, tableTests } from '../../pipeline/analyze/tests-for.ts';
import { expectClose, expectDifferenceLikeR } from '../helpers/relative.ts';

const fromCounts = (counts: number[]): Freq => freqFromPairs(counts.map((c, i) => [i + 1, c]));
const names = (k: number): string[] => Array.from({ length: k }, (_, i) => `g${i}`);

describe('Kruskal–Wallis equals kruskal.test', () => {
  ref.kruskal_wallis.forEach((r) => {
    it(`${r.counts.length} groups (p = ${r.p.toExponential(2)})`, () => {
      const t = kruskalWallis(r.counts.map(fromCounts), names(r.counts.length));
      expectClose(t.statistic, r.h);
      expect(t.df).toBe(r.df);
      expectClose(t.p, r.p);
      expectClose(t.effect?.value, r.eta2h);
    });
  });
  it('covers a far tail', () => expect(Math.min(...ref.kruskal_wallis.map((r) => r.p))).toBeLessThan(1e-60));
});

describe('paired tests equal t.test(paired = TRUE) and wilcox.test(paired = TRUE, exact = FALSE)', () => {
  ref.paired.forEach((r, n) => {
    const d = freqFromPairs(r.values.map((v, i) => [v, r.counts[i]!]));
    it(`case ${n + 1}: paired t with d_z`, () => {
      const t = pairedT(d, ['x', 'y']);
      expectClose(t.statistic, r.t);
      expectClose(t.df, r.df);
      expectClose(t.p, r.p);
      expectDifferenceLikeR(t, { estimate: r.estimate, ci: r.ci, effect: r.dz });
    });
    it(`case ${n + 1}: signed-rank V, p and rank-biserial r`, () => {
      const w = wilcoxonSignedRank(d, ['x', 'y']);
      expectClose(w.statistic, r.v);
      expectClose(w.p, r.w_p);
      expectClose(w.effect?.value, r.r);
    });
  });
  it('covers a far tail', () => expect(Math.min(...ref.paired.map((r) => r.p))).toBeLessThan(1e-40));
  it('needs two pairs', () => expect(pairedTests(freqFromPairs([[1, 1]]), ['x', 'y'])).toEqual([]));
});

describe("Fisher's exact test on larger tables equals fisher.test(workspace = 2e8)", () => {
  ref.fisher.forEach((r) => {
    it(`${JSON.stringify(r.table)} (p = ${r.p.toExponential(2)})`, () => expectClose(fisherExact(r.table, names(r.table.length)).p, r.p));
  });
  it('simulates, seeded and labelled, a table too large to enumerate', () => {
    const table = [[200, 210, 190, 205, 195], [180, 220, 200, 190, 210], [150, 160, 170, 180, 190]];
    const t = fisherExact(table, ['a', 'b', 'c']);
    expect(t.note).toMatch(/Monte Carlo/);
    expect(fisherExact(table, ['a', 'b', 'c']).p).toBe(t.p);
    // With this many answers the chi-square p is close to the exact one.
    expect(Math.abs(t.p - chisq(table, ['a', 'b', 'c']).p)).toBeLessThan(0.03);
  });
  it('draws hypergeometric counts with their exact law', () => {
    for (const [total, good, draws] of [[1700, 310, 850], [40, 12, 9], [30, 25, 28], [5, 5, 3]] as const) {
      const lf = logFactorials(total);
      const rng = createRng(7);
      const reps = 100_000;
      const seen = new Map<number, number>();
      for (let i = 0; i < reps; i++) {
        const x = drawHypergeometric(total, good, draws, lf, rng);
        seen.set(x, (seen.get(x) ?? 0) + 1);
      }
      const lo = Math.max(0, draws - (total - good));
      const hi = Math.min(good, draws);
      for (let x = lo; x <= hi; x++) {
        const p = Math.exp(lf[good]! - lf[x]! - lf[good - x]! + lf[total - good]! - lf[draws - x]! - lf[total - good - draws + x]! - lf[total]! + lf[draws]! + lf[total - draws]!);
        const se = Math.sqrt((p * (1 - p)) / reps);
        expect(Math.abs((seen.get(x) ?? 0) / reps - p), `x = ${x} of H(${total}, ${good}, ${draws})`).toBeLessThan(5 * se + 3 / reps);
      }
      expect([...seen.keys()].every((x) => x >= lo && x <= hi)).toBe(true);
    }
  });
  it('simulates within Monte Carlo error of the exact p (R)', () => {
    for (const r of ref.fisher.filter((x) => x.p > 1e-4)) {
      const p = monteCarloP(r.table);
      const se = Math.sqrt((r.p * (1 - r.p)) / MONTE_CARLO_REPLICATES);
      expect(Math.abs(p - r.p), JSON.stringify(r.table)).toBeLessThan(4 * se + 1 / MONTE_CARLO_REPLICATES);
    }
  });
});

describe('two-proportion z-test with Newcombe interval and Cohen h', () => {
  ref.z_2prop.forEach((r) => {
    it(`${r.x1}/${r.n1} vs ${r.x2}/${r.n2}`, () => {
      const t = z2prop(r.x1, r.n1, r.x2, r.n2, ['a', 'b']);
      expectClose(t.statistic, r.z);
      expectClose(t.p, r.p);
      expectClose(t.estimate, r.d);
      expectClose(t.ci_low, r.ci[0]!);
      expectClose(t.ci_high, r.ci[1]!);
      expectClose(t.effect?.value, r.h);
    });
  });
});

describe('tests-for: which tests a measure gets', () => {
  it('adds Fisher only when an expected count is below 5', () => {
    expect(tableTests([[30, 40], [35, 45]], ['a', 'b']).map((t) => t.name)).toEqual(['chisq']);
    expect(tableTests([[3, 40], [0, 45]], ['a', 'b']).map((t) => t.name)).toEqual(['chisq', 'fisher_exact']);
  });
  it('gives a 2×2 share the z-test, with the same p as the chi-square', () => {
    const [chi, z] = shareTests([[30, 40], [45, 35]], ['a', 'b']);
    expect(z?.name).toBe('z_2prop');
    expectClose(z!.p, chi!.p, 1e-12);
    expect(chi?.effect?.name).toBe('phi');
  });
});
