/**
 * The bundled demo data satisfy the numeric 2019 claims (claims.md) behind this figures:
 * F15 (C087–C089), F22 (C131–C136), F41 (C255–C261) and Tabell 1 (C169). Repro claims (exact
 * n, F, B of the original microdata) are not asserted, except the n's the simulator is built on.
 * The warehouse holds the 2019 waves only (raw/ also bundles a simulated 2023 wave, whose claims
 * are not the source's).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareGroups } from '../../pipeline/analyze/compare.ts';
import { regress } from '../../pipeline/analyze/regress.ts';
import { trendByGroup } from '../../pipeline/analyze/trend.ts';
import type { Db } from '../../pipeline/core/db.ts';
import { openDemoWarehouse } from '../helpers/demo-warehouse.ts';

let db: Db;
let close: () => void;
const survey = 'ordforer_radmann';

beforeAll(async () => {
  ({ db, close } = await openDemoWarehouse('claims-2019', { waves: ['2019'] }));
});
afterAll(() => close?.());

const compare = (question: string) => compareGroups(db, { survey, wave: '2019', question, by: 'rolle', groups: [1, 2] });
const group = (c: Awaited<ReturnType<typeof compare>>, g: string) => c.groups.find((x) => x.group === g)!;

describe('F15 pm_fungerer', () => {
  it('C087 rådmenn rate the meetings higher than ordførere, Welch p < .05', async () => {
    const c = await compare('pm_fungerer');
    expect(group(c, 'radmann').mean!).toBeGreaterThan(group(c, 'ordforer').mean!);
    expect(c.tests.find((t) => t.name === 'welch_t')!.p).toBeLessThan(0.05);
  });
  it('C088 rådmann mean in [3.0, 4.0); C089 pooled mean > 3.0', async () => {
    const c = await compare('pm_fungerer');
    const r = group(c, 'radmann');
    expect(r.mean!).toBeGreaterThanOrEqual(3);
    expect(r.mean!).toBeLessThan(4);
    const pooled = c.groups.reduce((s, g) => s + g.mean! * g.n, 0) / c.groups.reduce((s, g) => s + g.n, 0);
    expect(pooled).toBeGreaterThan(3);
  });
});

describe('F22 samarbeid_fungerer', () => {
  it('C131 ordfører top-2 in [55, 60); C132 rådmann in (75, 80]; C133 ordfører < rådmann', async () => {
    const c = await compare('samarbeid_fungerer');
    const [o, r] = [group(c, 'ordforer').pct_top2!, group(c, 'radmann').pct_top2!];
    expect(o).toBeGreaterThanOrEqual(55);
    expect(o).toBeLessThan(60);
    expect(r).toBeGreaterThan(75);
    expect(r).toBeLessThanOrEqual(80);
    expect(o).toBeLessThan(r);
  });
  it('C134 within 5 points of 2011 in each group; C135 rådmann higher than in 2011', async () => {
    const t = await trendByGroup(db, { survey, question: 'samarbeid_fungerer', by: 'rolle' });
    for (const g of ['ordforer', 'radmann']) {
      const [y11, y19] = ['2011', '2019'].map((w) => t.groups.find((p) => p.group === g && p.wave === w)!.pct_top2);
      expect(Math.abs(y19! - y11!)).toBeLessThanOrEqual(5);
      if (g === 'radmann') expect(y19!).toBeGreaterThan(y11!);
    }
  });
});

describe('F41 mal_flere_i_arbeid', () => {
  it('C255/C256 74 % and 79 % (plain percentages); C259 n = 101 and 157; C257 no significant difference', async () => {
    const c = await compare('mal_flere_i_arbeid');
    const [o, r] = [group(c, 'ordforer'), group(c, 'radmann')];
    expect([o.n, r.n]).toEqual([101, 157]);
    expect(o.pct_top2!).toBeGreaterThanOrEqual(73.5);
    expect(o.pct_top2!).toBeLessThan(74.5);
    expect(r.pct_top2!).toBeGreaterThanOrEqual(78.5);
    expect(r.pct_top2!).toBeLessThan(79.5);
    const top2 = [o, r].map((g) => [g.n_top2!, g.n - g.n_top2!]);
    const n = o.n + r.n;
    const x2 = top2.flatMap((row, i) => row.map((obs, j) => {
      const e = ((row[0]! + row[1]!) * (top2[0]![j]! + top2[1]![j]!)) / n;
      return (obs - e) ** 2 / e;
    })).reduce((a, b) => a + b, 0);
    expect(x2).toBeLessThan(3.841); // χ²(1) critical value at .05
  });
  it('C258 both groups higher than in 2011 (z-test shown)', async () => {
    const t = await trendByGroup(db, { survey, question: 'mal_flere_i_arbeid', by: 'rolle' });
    for (const g of ['ordforer', 'radmann']) expect(t.tests.find((x) => x.group === g)!.statistic).toBeGreaterThan(0);
  });
});

describe('Tabell 1', () => {
  it('C169 B > 0 with F-test p < .001', async () => {
    const r = await regress(db, { survey, wave: '2019', y: 'samarbeid_fungerer', x: ['partnerskap_likeverdige'] });
    expect(r.coefficients[1]!.b).toBeGreaterThan(0);
    expect(r.f.p).toBeLessThan(0.001);
  });
});
