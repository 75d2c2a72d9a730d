import { describe, expect, it } from 'vitest';
import ref from '../reference/stats-reference.json' with { type: 'json' };
import { anovaF } from '../../pipeline/analyze/stats/anova.ts';
import { chisq } from '../../pipeline/analyze/stats/chisq.ts';
import { pTwoSidedT, pTwoSidedZ, pUpperChisq, pUpperF } from '../../pipeline/analyze/stats/distributions.ts';
import { freqFromPairs, type Freq } from '../../pipeline/analyze/stats/freq.ts';
import { meanInterval, wilson } from '../../pipeline/analyze/stats/intervals.ts';
import { levene } from '../../pipeline/analyze/stats/levene.ts';
import { ols } from '../../pipeline/analyze/stats/ols.ts';
import { studentT } from '../../pipeline/analyze/stats/t-student.ts';
import { welchT } from '../../pipeline/analyze/stats/t-welch.ts';
import { z2prop } from '../../pipeline/analyze/stats/z-2prop.ts';
import { holm } from '../../pipeline/analyze/results.ts';
import { summarize } from '../../pipeline/analyze/stats/freq.ts';
import { expectClose } from '../helpers/relative.ts';

const fromValues = (xs: number[]): Freq => {
  const m = new Map<number, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return freqFromPairs([...m]);
};
const fromCounts = (counts: number[]): Freq => freqFromPairs(counts.map((c, i) => [i + 1, c]));

describe('two-group tests agree with R t.test and Levene (mean-centred)', () => {
  const r = ref.two_groups;
  const [x, y] = [fromValues(r.x), fromValues(r.y)];
  it('Welch t', () => {
    const t = welchT(x, y, ['x', 'y']);
    expectClose(t.statistic, r.welch_t);
    expectClose(t.df, r.welch_df);
    expectClose(t.p, r.welch_p);
    expectClose(t.ci_low, r.welch_ci[0]!);
    expectClose(t.ci_high, r.welch_ci[1]!);
  });
  it("Student's t", () => {
    const t = studentT(x, y, ['x', 'y']);
    expectClose(t.statistic, r.student_t);
    expectClose(t.df, r.student_df);
    expectClose(t.p, r.student_p);
    expectClose(t.ci_low, r.student_ci[0]!);
  });
  it('Levene', () => {
    const t = levene([x, y], ['x', 'y']);
    expectClose(t.statistic, r.levene_f);
    expect(t.df1).toBe(r.levene_df1);
    expect(t.df2).toBe(r.levene_df2);
    expectClose(t.p, r.levene_p);
  });
});

describe('three groups from frequency tables', () => {
  const r = ref.three_groups;
  const groups = [fromCounts(r.a), fromCounts(r.b), fromCounts(r.c)];
  it('one-way ANOVA', () => {
    const t = anovaF(groups, ['a', 'b', 'c']);
    expectClose(t.statistic, r.anova_f);
    expect([t.df1, t.df2]).toEqual([r.anova_df1, r.anova_df2]);
    expectClose(t.p, r.anova_p);
  });
  it('Levene', () => {
    const t = levene(groups, ['a', 'b', 'c']);
    expectClose(t.statistic, r.levene_f);
    expectClose(t.p, r.levene_p);
  });
  it('Pearson chi-square without correction', () => {
    const t = chisq([r.a, r.b, r.c], ['a', 'b', 'c']);
    expectClose(t.statistic, r.chisq);
    expect(t.df).toBe(r.chisq_df);
    expectClose(t.p, r.chisq_p);
  });
  it('drops categories that are empty in every group (R would return NaN)', () => {
    const t = chisq([[5, 0, 3], [2, 0, 7]], ['a', 'b']);
    expect(t.df).toBe(1);
    expect(Number.isFinite(t.p)).toBe(true);
  });
});

describe('shares', () => {
  it('two-proportion z-test equals prop.test without correction', () => {
    const r = ref.two_prop;
    const t = z2prop(r.x1, r.n1, r.x2, r.n2, ['a', 'b']);
    expectClose(t.statistic, r.z);
    expectClose(t.p, r.p);
    // Its interval is Newcombe's, not prop.test's Wald interval: see stats-paired.test.ts.
    expect(t.ci_low).not.toBeCloseTo(r.ci[0]!, 3);
  });
  it('Wilson interval', () => {
    const ci = wilson(ref.wilson.x, ref.wilson.n);
    expectClose(ci.low, ref.wilson.ci[0]!);
    expectClose(ci.high, ref.wilson.ci[1]!);
  });
  it('t interval for a mean', () => {
    const s = summarize(fromCounts(ref.three_groups.a));
    const ci = meanInterval(s.mean, s.sd, s.n);
    expectClose(ci.low, ref.mean_ci.ci[0]!);
    expectClose(ci.high, ref.mean_ci.ci[1]!);
  });
});

describe('OLS from weighted rows equals lm() on the expanded data', () => {
  const r = ref.ols;
  const counts = new Map<string, number>();
  r.y.forEach((y, i) => {
    const key = `${y},${r.x1[i]},${r.x2[i]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  const rows = [...counts].map(([k, w]) => {
    const [y, x1, x2] = k.split(',').map(Number) as [number, number, number];
    return { y, x: [x1, x2], w };
  });
  const result = ols(rows, ['x1', 'x2']);
  it('coefficients, SE, t, p and Beta', () => {
    result.coefficients.forEach((c, i) => {
      expectClose(c.b, r.b[i]!);
      expectClose(c.se, r.se[i]!);
      expectClose(c.t, r.t[i]!);
      expectClose(c.p, r.p[i]!);
      if (i > 0) expectClose(c.beta, r.beta[i - 1]!);
    });
  });
  it('R², adjusted R² and F', () => {
    expectClose(result.r2, r.r2);
    expectClose(result.adj_r2, r.adj_r2);
    expectClose(result.f.statistic, r.f);
    expect([result.f.df1, result.f.df2]).toEqual([r.df1, r.df2]);
    expectClose(result.f.p, r.f_p);
  });
});

describe('p-values stay accurate in the far tails', () => {
  const r = ref.tails;
  it('t, F, chi-square and normal', () => {
    expectClose(pTwoSidedT(-40, 1000), r.t_p);
    expectClose(pUpperF(100, 10, 1000), r.f_p);
    expectClose(pUpperChisq(100, 1), r.chisq_p);
    expectClose(pTwoSidedZ(9), r.z_p);
    expectClose(pTwoSidedT(2.1, 17), r.t_small);
    expectClose(pUpperF(32.27, 1, 241), r.f_1_241);
  });
});

it('Holm adjustment equals p.adjust', () => {
  holm(ref.holm.p).forEach((p, i) => expectClose(p, ref.holm.adjusted[i]!));
});
