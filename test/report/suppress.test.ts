/** Small cells: values from fewer than `minCell` respondents and the tests that involve them are hidden in the report only. */
import { describe, expect, it } from 'vitest';
import { EMPTY_RESULT, type ResultRow } from '../../pipeline/analyze/results.ts';
import { suppressSmallCells } from '../../pipeline/report/suppress.ts';

function row(over: Partial<ResultRow> & Pick<ResultRow, 'result_id' | 'measure'>): ResultRow {
  return { ...EMPTY_RESULT, figure_id: 'F04', survey: 'ordforer_radmann', wave: '2019', variable: 'v', source_model: 'm', ...over };
}

const ROWS: ResultRow[] = [
  row({ result_id: 'mean/a', measure: 'mean', group_code: 'a', value: 3.2, n: 4, ci_low: 2, ci_high: 4, design_se: 0.3 }),
  row({ result_id: 'n/a', measure: 'n', group_code: 'a', value: 4, n: 4 }),
  row({ result_id: 'mean/b', measure: 'mean', group_code: 'b', value: 3.9, n: 40, ci_low: 3.5, ci_high: 4.3 }),
  row({ result_id: 'mean/c', measure: 'mean', group_code: 'c', value: 3.1, n: 5 }),
  row({ result_id: 'test/a_vs_b', measure: 'test', test: 'welch_t', comparison: 'a vs b', statistic: 2, p: 0.04, p_adj: 0.08, value: 0.7, ci_low: 0.1, ci_high: 1.3, effect: 0.5 }),
  row({ result_id: 'test/b_vs_c', measure: 'test', test: 'welch_t', comparison: 'b vs c', statistic: 1, p: 0.3 }),
  row({ result_id: 'test/a_trend', measure: 'test', test: 'z_2prop', comparison: 'a 2011 → 2019', statistic: 1, p: 0.3 }),
  row({ result_id: 'base/a', measure: 'mean', group_code: 'a', value: 3, n: 3, value_source: 'stated', wave: '2011' }),
  row({ result_id: 'T3/units', figure_id: 'T3', measure: 'units_declined', value: 2, n: 2 }),
];

describe('suppressSmallCells', () => {
  const { rows, hidden } = suppressSmallCells(ROWS, 5);
  const byId = new Map(rows.map((r) => [r.result_id, r]));

  it('hides microdata values below the threshold with their intervals, and labels them', () => {
    expect(byId.get('mean/a')).toMatchObject({ value: null, ci_low: null, ci_high: null, design_se: null, n: 4, labels: 'Skjult: færre enn 5 svar' });
    expect(byId.get('mean/c')!.value).toBe(3.1);
    expect(byId.get('mean/b')!.value).toBe(3.9);
  });

  it('hides every test that involves a hidden group, including its difference and interval', () => {
    expect(byId.get('test/a_vs_b')).toMatchObject({ statistic: null, p: null, p_adj: null, value: null, ci_low: null, effect: null });
    expect(byId.get('test/a_trend')!.p).toBeNull();
    expect(byId.get('test/b_vs_c')!.p).toBe(0.3);
  });

  it('keeps n, published baselines and the method tables', () => {
    expect(byId.get('n/a')!.value).toBe(4);
    expect(byId.get('base/a')!.value).toBe(3);
    expect(byId.get('T3/units')!.value).toBe(2);
    expect([...hidden].sort()).toEqual(['mean/a', 'test/a_trend', 'test/a_vs_b']);
  });

  it('follows the configured threshold and leaves the input rows untouched', () => {
    expect(suppressSmallCells(ROWS, 41).hidden.size).toBe(6);
    expect(suppressSmallCells(ROWS, 1).hidden.size).toBe(0);
    expect(ROWS[0]!.value).toBe(3.2);
  });
});
