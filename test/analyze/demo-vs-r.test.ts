/**
 * `compare`, `trend` and `regress` on the bundled demo data agree with R (test/reference/
 * demo-reference.R, whose output is committed) to a relative 1e-8.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ref from '../reference/demo-reference.json' with { type: 'json' };
import { compareGroups } from '../../pipeline/analyze/compare.ts';
import { kommunePairs, serviceQuestion } from '../../pipeline/analyze/kommune-pairs.ts';
import { comparePaired } from '../../pipeline/analyze/paired.ts';
import { regress } from '../../pipeline/analyze/regress.ts';
import { trendByGroup } from '../../pipeline/analyze/trend.ts';
import { all, type Db } from '../../pipeline/core/db.ts';
import { openDemoWarehouse } from '../helpers/demo-warehouse.ts';
import { expectClose, expectCoefficientsLikeR } from '../helpers/relative.ts';

let db: Db;
let close: () => void;

beforeAll(async () => {
  ({ db, close } = await openDemoWarehouse('demo', { waves: ['2019'] }));
});
afterAll(() => close?.());

describe.each(ref.compare)('compare $item by rolle $codes', (r) => {
  it('groups and tests', async () => {
    const c = await compareGroups(db, { survey: 'ordforer_radmann', wave: '2019', question: r.item, by: 'rolle', groups: r.codes as number[] });
    expect(c.groups.map((g) => g.group)).toEqual(r.groups.map((g) => g.group));
    c.groups.forEach((g, i) => {
      const e = r.groups[i]!;
      expect(g.n).toBe(e.n);
      expect(g.n_dont_know).toBe(e.n_dont_know);
      expectClose(g.mean, e.mean);
      expectClose(g.sd, e.sd);
      expectClose(g.pct_top2, e.pct_top2);
    });
    const expected = r.tests as unknown as Array<Record<string, number | string | number[] | string[]>>;
    for (const e of expected) {
      const t = c.tests.find((x) => x.name === e.name && (e.groups === undefined || x.groups.join() === (e.groups as string[]).join()));
      expect(t, String(e.name)).toBeDefined();
      if (e.statistic !== undefined) expectClose(t!.statistic, e.statistic as number);
      expectClose(t!.p, e.p as number);
      if (e.df !== undefined) expectClose(t!.df, e.df as number);
      if (e.df1 !== undefined) {
        expect(t!.df1).toBe(e.df1);
        expectClose(t!.df2, e.df2 as number);
      }
      if (e.ci !== undefined) {
        expectClose(t!.ci_low, (e.ci as number[])[0]!);
        expectClose(t!.ci_high, (e.ci as number[])[1]!);
      }
      if (e.effect !== undefined) {
        const [value, low, high] = [e.effect].flat() as number[];
        expectClose(t!.effect?.value, value!);
        if (low !== undefined) expectClose(t!.effect?.ci_low, low);
        if (high !== undefined) expectClose(t!.effect?.ci_high, high);
      }
    }
    // Every test computed here is checked against R (Levene's has no effect, the rest do).
    expect(c.tests.map((t) => t.name).sort()).toEqual(expected.map((e) => e.name as string).sort());
  });
});

describe.each(ref.paired)('paired $first − $second', (r) => {
  it('per rolle and pooled: pairs, mean difference, t_paired and Wilcoxon', async () => {
    const c = await comparePaired(db, { survey: 'ordforer_radmann', wave: '2019', question: r.first, pairedWith: r.second, by: 'rolle', groups: [1, 2] });
    expect(c.groups.map((g) => g.group)).toEqual(r.groups.map((g) => g.group));
    for (const e of r.groups) {
      const g = c.groups.find((x) => x.group === e.group)!;
      expect(g.n_pairs).toBe(e.n);
      expectClose(g.mean_difference, e.mean_difference);
      const t = c.tests.find((x) => x.group === e.group && x.name === 't_paired')!;
      expectClose(t.statistic, e.t);
      expect(t.df).toBe(e.df);
      expectClose(t.p, e.p);
      expectClose(t.ci_low, e.ci[0]!);
      expectClose(t.ci_high, e.ci[1]!);
      const w = c.tests.find((x) => x.group === e.group && x.name === 'wilcoxon_signed_rank')!;
      expectClose(w.statistic, e.v);
      expectClose(w.p, e.w_p);
    }
  });
});

describe('kommune pairs', () => {
  it('ordfører − rådmann on tjenester_antall within kommuner: t.test and wilcox.test (paired)', async () => {
    const r = ref.kommune_pairs;
    const services = await serviceQuestion(db, 'ordforer_radmann', '2019', 'tjenester_');
    const k = await kommunePairs(db, { survey: 'ordforer_radmann', wave: '2019', roles: [1, 2], services });
    expect([k.n_pairs, k.n_counted]).toEqual([r.n_pairs, r.n_counted]);
    expectClose(k.mean_difference, r.mean_difference);
    const t = k.tests.find((x) => x.name === 't_paired')!;
    expectClose(t.statistic, r.t);
    expect(t.df).toBe(r.df);
    expectClose(t.p, r.p);
    const w = k.tests.find((x) => x.name === 'wilcoxon_signed_rank')!;
    expectClose(w.statistic, r.v);
    expectClose(w.p, r.w_p);
  });
});

describe.each(ref.trend)('trend $item', (r) => {
  it('2019 against 2011 per group', async () => {
    const t = await trendByGroup(db, { survey: 'ordforer_radmann', question: r.item, by: 'rolle' });
    for (const e of r.groups as unknown as Array<Record<string, unknown>>) {
      const p = t.groups.find((x) => x.group === e.group && x.wave === '2019')!;
      expect(p.n).toBe(e.n);
      expectClose(p.pct_top2, e.pct_top2 as number);
      const test = t.tests.find((x) => x.group === e.group && x.groups.join() === '2019,2011');
      if (e.tested) {
        expectClose(test!.statistic, e.z as number);
        expectClose(test!.p, e.p as number);
      } else {
        expect(test).toBeUndefined();
      }
    }
  });
});

describe('regress', () => {
  it('matches lm()', async () => {
    const r = ref.regress;
    const result = await regress(db, { survey: 'ordforer_radmann', wave: '2019', y: r.y, x: [r.x] });
    expect(result.n).toBe(r.n);
    expectCoefficientsLikeR(result.coefficients, r);
    expectClose(result.coefficients[1]!.beta, r.beta);
    expectClose(result.r2, r.r2);
    expectClose(result.adj_r2, r.adj_r2);
    expectClose(result.f.statistic, r.f);
    expect([result.f.df1, result.f.df2]).toEqual([r.df1, r.df2]);
    expectClose(result.f.p, r.f_p);
  });
});

describe.each(ref.figures)('figure $figure $variable: the stored chi-square', (r) => {
  it('matches chisq.test(correct = FALSE) on the same rows', async () => {
    const rows = await all<{ statistic: number; df1: number; p: number }>(
      db,
      `SELECT statistic, df1, p FROM results WHERE figure_id = $f AND variable = $v AND test = 'chisq' AND wave = '2019' AND comparison = 'ordforer vs radmann'`,
      { f: r.figure, v: r.variable },
    );
    expect(rows).toHaveLength(1);
    expectClose(rows[0]!.statistic, r.statistic);
    expect(rows[0]!.df1).toBe(r.df);
    expectClose(rows[0]!.p, r.p);
  });
});
