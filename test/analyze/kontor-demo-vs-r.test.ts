/**
 * End to end: the office survey's design-based (cluster) comparisons on the bundled demo data
 * (raw/kontor/2019) agree with R's survey package to a relative 1e-8. R computes everything
 * straight from the two raw response files (test/reference/kontor-demo-reference.R, whose JSON
 * output is committed); here the whole pipeline runs on raw/ and `compareGroups` (design
 * `cluster`, the office survey's default) is checked per group — n, naive mean/sd/top-2, design
 * mean and top-2 share with SE, interval, df and deff — and per test: svy_t / svy_wald_f on the
 * means, svy_t and svy_chisq on the share, svy_chisq on the distribution, and the naive Student/
 * Welch t, ANOVA/Welch ANOVA and Pearson chi-square of the same groups.
 *
 * A multi-select option (savner_helse) has no top-2: its ticked share is estimated by calling
 * `designCompare` with shareCodes [1], as the ticked figures do (pipeline/analyze/figures/ticked.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import refJson from '../reference/kontor-demo-reference.json' with { type: 'json' };
import { compareGroups, type Comparison } from '../../pipeline/analyze/compare.ts';
import { regress } from '../../pipeline/analyze/regress.ts';
import { designCompare, type DesignComparison } from '../../pipeline/analyze/design-compare.ts';
import { variableInfo } from '../../pipeline/analyze/metadata.ts';
import type { SvyEstimate } from '../../pipeline/analyze/stats/design/svy-mean.ts';
import type { TestResult } from '../../pipeline/analyze/stats/test-result.ts';
import type { SvyChisq } from '../../pipeline/analyze/stats/design/svy-chisq.ts';
import { all, type Db } from '../../pipeline/core/db.ts';
import { openDemoWarehouse } from '../helpers/demo-warehouse.ts';
import { expectClose, expectCoefficientsLikeR, expectSvyChisqLikeR, type RSvyChisq } from '../helpers/relative.ts';

interface REstimate { estimate: number; se: number; df: number; ci: [number, number]; deff: number }
interface RShare extends REstimate { exact: number }
interface RGroup { code: number; n: number; n_dont_know: number; mean?: number; sd?: number; design_mean?: REstimate; pct_share?: number; design_share?: RShare }
interface RTTest { t: number; df: number; p: number; estimate?: number; ci: [number, number] }
interface RF { f: number; df1: number; df2: number; p: number }
type RChisq = RSvyChisq;
interface RCase {
  label: string;
  item: string;
  by: string;
  groups: number[];
  where: Record<string, number[]>;
  share_codes: number[];
  listed: number[];
  tested: number[];
  per_group: RGroup[];
  tests: {
    mean?: ({ name: 'svy_t' } & RTTest) | ({ name: 'svy_wald_f' } & RF);
    student_t?: RTTest;
    welch_t?: RTTest;
    anova_f?: RF;
    welch_anova?: RF;
    share_t?: RTTest;
    share_chisq?: RChisq;
    table_chisq?: RChisq;
    chisq?: { statistic: number; df: number; p: number };
  };
}
interface RRegress { y: string; x: string[]; n: number; b: number[]; se: number[]; t: number[]; p: number[]; df: number; f: number; df1: number; df2: number; f_p: number }
const ref = refJson as unknown as { wave: { rows: number; clusters: number; degf: number; no_answers: number }; cases: RCase[]; regress: RRegress };

let db: Db;
let close: () => void;

beforeAll(async () => {
  ({ db, close } = await openDemoWarehouse('kontor-demo', { waves: ['2019'] }));
}, 120_000);
afterAll(() => close?.());

function checkEstimate(actual: SvyEstimate | null | undefined, e: REstimate, n: number, estimate = e.estimate): void {
  expect(actual).toBeTruthy();
  const a = actual!;
  expect(a.n).toBe(n);
  expect(a.df).toBe(e.df);
  expectClose(a.estimate, estimate);
  expectClose(a.se, e.se);
  expectClose(a.ci_low, e.ci[0]);
  expectClose(a.ci_high, e.ci[1]);
  expectClose(a.deff, e.deff);
}

/** R's svyttest reports mean(second) − mean(first); a TestResult reports first − second. */
function checkSvyT(t: TestResult | undefined, e: RTTest): void {
  expect(t?.name).toBe('svy_t');
  expect(t!.design).toBe('cluster');
  expectClose(t!.statistic, -e.t);
  expect(t!.df).toBe(e.df);
  expectClose(t!.p, e.p);
  expectClose(t!.estimate, -e.estimate!);
  expectClose(t!.ci_low, -e.ci[1]);
  expectClose(t!.ci_high, -e.ci[0]);
}

function checkSvyChisq(t: TestResult | undefined, e: RChisq): void {
  expect(t?.name).toBe('svy_chisq');
  expect(t!.design).toBe('cluster');
  expectSvyChisqLikeR(t as SvyChisq, e);
}

function checkF(t: TestResult | undefined, e: RF, name: string): void {
  expect(t?.name).toBe(name);
  expectClose(t!.statistic, e.f);
  expectClose(t!.df1, e.df1);
  expectClose(t!.df2, e.df2);
  expectClose(t!.p, e.p);
}

const srs = (c: Comparison, name: string) => c.tests.find((t) => t.name === name && t.design === 'srs');
const whereLabel = (w: Record<string, number[]>) => (Object.keys(w).length ? ` where ${Object.entries(w).map(([k, v]) => `${k} ∈ {${v.join(',')}}`).join(', ')}` : '');

describe('the wave', () => {
  it('every row of both files is in the design (clusters = offices among them)', async () => {
    const c = await compareGroups(db, { survey: 'kontor', wave: '2019', question: 'teamarbeid_grad', by: 'ansettelse' });
    expect(c.design).toBe('cluster');
    expect(c.clusters).toBe(ref.wave.clusters);
    const [rows] = await all<{ n: number; k: number }>(db, `SELECT count(*)::INTEGER AS n, count(DISTINCT kontor_id)::INTEGER AS k FROM fct_kontor__responses WHERE wave = '2019'`, {});
    expect([rows!.n, rows!.k]).toEqual([ref.wave.rows, ref.wave.clusters]);
    // R's wave holds the 10 rows without a single answer too; the design counts them.
    expect(ref.wave.no_answers).toBe(10);
  });
});

describe.each(ref.cases)('$item by $by', (r) => {
  const isTicked = r.share_codes.length === 1 && r.share_codes[0] === 1;
  let c: Comparison;
  /** The share estimates and tests: compareGroups' own (top-2) or designCompare with shareCodes [1] (ticked). */
  let share: { groups: Map<number, { top2: SvyEstimate | null }>; tests: DesignComparison['tests'] } | undefined;

  beforeAll(async () => {
    c = await compareGroups(db, { survey: 'kontor', wave: '2019', question: r.item, by: r.by, groups: r.groups, where: Object.keys(r.where).length ? r.where : undefined });
    if (isTicked) {
      const info = await variableInfo(db, 'kontor', '2019', r.item);
      const tested = c.groups.filter((g) => g.n > 0);
      share = await designCompare(db, info, r.by, tested.map((g) => g.group_code), tested.map((g) => g.group), Object.keys(r.where).length ? r.where : undefined, 'kontor_id', [1]);
    } else {
      share = { groups: new Map(c.groups.map((g) => [g.group_code, { top2: g.design?.top2 ?? null }])), tests: c.design_tests! };
    }
  });

  it(`groups ${r.groups.join(', ')}${whereLabel(r.where)}: n, naive and design-based mean and share`, () => {
    expect(c.design).toBe('cluster');
    expect(c.clusters).toBe(ref.wave.clusters);
    expect(c.groups.map((g) => g.group_code)).toEqual(r.listed);
    for (const e of r.per_group) {
      const g = c.groups.find((x) => x.group_code === e.code)!;
      expect(g.n).toBe(e.n);
      expect(g.n_dont_know).toBe(e.n_dont_know);
      if (e.design_mean) {
        expectClose(g.mean, e.mean!);
        expectClose(g.sd, e.sd!);
        checkEstimate(g.design?.mean, e.design_mean, e.n);
      } else {
        expect(g.mean).toBeNull();
        expect(g.design?.mean ?? null).toBeNull();
      }
      if (e.design_share) {
        if (!isTicked) expectClose(g.pct_top2, e.pct_share!);
        // svyciprop's estimate comes from IRLS (~1e-12 off the exact share); the exact one is svymean's.
        expectClose(share!.groups.get(e.code)?.top2?.estimate, e.design_share.estimate);
        checkEstimate(share!.groups.get(e.code)?.top2, e.design_share, e.n, e.design_share.exact);
      } else {
        expect(g.pct_top2).toBeNull();
        expect(g.design?.top2 ?? null).toBeNull();
      }
    }
  });

  it('design-based tests: means, share and distribution', () => {
    const d = c.design_tests!;
    const t = r.tests;
    if (t.mean?.name === 'svy_t') {
      expect(d.mean).toHaveLength(1);
      checkSvyT(d.mean[0], t.mean);
    } else if (t.mean?.name === 'svy_wald_f') {
      expect(d.mean).toHaveLength(1);
      checkF(d.mean[0], t.mean, 'svy_wald_f');
      expect(d.mean[0]!.design).toBe('cluster');
    } else {
      expect(d.mean).toEqual([]);
    }
    const shareTests = share!.tests.share;
    expect(shareTests.map((x) => x.name)).toEqual([...(t.share_t ? ['svy_t'] : []), ...(t.share_chisq ? ['svy_chisq'] : [])]);
    if (t.share_t) checkSvyT(shareTests[0], t.share_t);
    if (t.share_chisq) checkSvyChisq(shareTests.at(-1), t.share_chisq);
    expect(d.table).toHaveLength(1);
    checkSvyChisq(d.table[0], t.table_chisq!);
    // compareGroups lists the design tests of the means and the distribution beside the naive ones.
    expect(c.tests.filter((x) => x.design === 'cluster')).toEqual([...d.mean, ...d.table]);
  });

  it('naive tests of the same groups: Student/Welch t or ANOVA/Welch ANOVA, Pearson chi-square', () => {
    const t = r.tests;
    for (const [name, e] of [['student_t', t.student_t], ['welch_t', t.welch_t]] as const) {
      if (!e) continue;
      const x = srs(c, name)!;
      expectClose(x.statistic, e.t);
      expectClose(x.df, e.df);
      expectClose(x.p, e.p);
      expectClose(x.ci_low, e.ci[0]);
      expectClose(x.ci_high, e.ci[1]);
    }
    if (t.anova_f) checkF(srs(c, 'anova_f'), t.anova_f, 'anova_f');
    if (t.welch_anova) checkF(srs(c, 'welch_anova'), t.welch_anova, 'welch_anova');
    if (!t.student_t && !t.anova_f) expect(c.tests.filter((x) => ['student_t', 'welch_t', 'anova_f', 'welch_anova'].includes(x.name))).toEqual([]);
    const x = srs(c, 'chisq')!;
    expectClose(x.statistic, t.chisq!.statistic);
    expect(x.df).toBe(t.chisq!.df);
    expectClose(x.p, t.chisq!.p);
  });
});

describe('regress --design cluster matches svyglm and regTermTest on the demo wave', () => {
  it('coefficients, cluster-robust SE, t, p, df and the Wald F of all slopes', async () => {
    const e = ref.regress;
    const r = await regress(db, { survey: 'kontor', wave: '2019', y: e.y, x: e.x, design: 'cluster' });
    const fit = r.design_fit!;
    expect(fit.n).toBe(e.n);
    expect(fit.df_residual).toBe(e.df);
    expectCoefficientsLikeR(fit.coefficients, e);
    const f = r.tests.find((t) => t.name === 'svy_ols_f')!;
    expect(f.design).toBe('cluster');
    expectClose(f.statistic, e.f);
    expect([f.df1, f.df2]).toEqual([e.df1, e.df2]);
    expectClose(f.p, e.f_p);
  });
});
