/** Holm's adjustment within a figure: one family per test method and wave. */
import { describe, expect, it } from 'vitest';
import { adjustWithinFigure } from '../../pipeline/analyze/adjust.ts';
import { EMPTY_RESULT, type ResultRow } from '../../pipeline/analyze/results.ts';

const test = (id: string, wave: string, name: string, p: number): ResultRow => ({ ...EMPTY_RESULT, result_id: id, figure_id: 'F41', survey: 'ordforer_radmann', wave, variable: 'v', source_model: 'm', measure: 'test', test: name, p });

describe('adjustWithinFigure', () => {
  it('adjusts each method apart, and a newer wave leaves the earlier wave\'s adjusted p as it was', () => {
    const earlier = [test('a', '2019', 'z_2prop', 0.01), test('b', '2019', 'z_2prop', 0.04), test('c', '2019', 'chisq', 0.03), test('d', '2019', 'levene', 0.001)];
    adjustWithinFigure(earlier);
    expect(earlier.map((r) => r.p_adj)).toEqual([0.02, 0.04, 0.03, null]);
    const withNewer = [...earlier.map((r) => ({ ...r, p_adj: null })), test('e', '2023', 'z_2prop', 0.02), test('f', '2023', 'z_2prop', 0.5)];
    adjustWithinFigure(withNewer);
    expect(withNewer.map((r) => r.p_adj)).toEqual([0.02, 0.04, 0.03, null, 0.04, 0.5]);
  });
});
