/** Significance marks on the chart: the test that speaks for the measure, Holm-adjusted, marks on the groups it compares. */
import { describe, expect, it } from 'vitest';
import { EMPTY_RESULT, type ResultRow } from '../../pipeline/analyze/results.ts';
import { significanceKey, significanceOf } from '../../pipeline/report/significance.ts';
import { FIGURES } from '../../schemas/figures.ts';

const fig = (id: string) => FIGURES.find((f) => f.id === id)!;
function row(over: Partial<ResultRow> & Pick<ResultRow, 'result_id' | 'measure'>): ResultRow {
  return { ...EMPTY_RESULT, figure_id: 'F35', survey: 'kontor', wave: '2019', variable: 'v', source_model: 'm', ...over };
}
const labels = new Map([['ordforer', 'ordfører'], ['radmann', 'rådmann'], ['a', 'a'], ['b', 'b'], ['c', 'c']]);
const value = (group_code: string, wave = '2019') => row({ result_id: `${group_code}/${wave}`, measure: 'mean', group_code, wave });

describe('significanceOf', () => {
  it('prefers the design-based test over the SRS test and marks every group of a significant comparison', () => {
    const s = significanceOf(fig('F35'), [
      row({ result_id: 't1', measure: 'test', test: 'welch_t', comparison: 'a vs b', p: 0.01, p_adj: 0.02 }),
      row({ result_id: 't2', measure: 'test', test: 'svy_t', comparison: 'a vs b', p: 0.2, p_adj: 0.2 }),
      row({ result_id: 't3', measure: 'test', test: 'welch_anova', comparison: 'ordforer vs radmann vs c', p: 0.001, p_adj: 0.003 }),
    ], labels);
    expect(s.markOf(value('a'))).toBe('');
    expect(['ordforer', 'radmann', 'c'].map((g) => s.markOf(value(g)))).toEqual(['†', '†', '†']);
    expect(s.key[0]).toBe('† Signifikant forskjell mellom ordfører og rådmann og c (minst to av gruppene) (Welchs ANOVA, Holm-justert p < 0,05)');
  });

  it('judges by the Holm-adjusted p, not the raw one', () => {
    const s = significanceOf(fig('F35'), [row({ result_id: 't', measure: 'test', test: 'welch_t', comparison: 'ordforer vs radmann', p: 0.03, p_adj: 0.09 })], labels);
    expect(s.markOf(value('ordforer'))).toBe('');
    expect(significanceKey(s)).toEqual(['Ingen merker: ingen av sammenligningene innen en undersøkelse er signifikante (Holm-justert p ≥ 0,05); alle tester står under figuren.']);
  });

  it('marks a change since the last wave on the later wave only, and says when the earlier value is illustrative', () => {
    const s = significanceOf(fig('F01'), [row({ result_id: 'z', measure: 'test', test: 'z_2prop', comparison: 'ordforer 2011 → 2019', p: 0.004, p_adj: 0.02, labels: 'Illustrativ verdi – tallet finnes ikke i kilden' })], labels);
    expect(s.markOf(value('ordforer', '2019'))).toBe('*');
    expect(s.markOf(value('ordforer', '2011'))).toBe('');
    expect(s.key[0]).toContain('Der forrige bølge er en illustrativ verdi, er merket ikke et funn');
  });

  it('reads Fisher where the chi-square warns of small expected counts, and leaves cross-survey tests to the list', () => {
    const s = significanceOf(fig('F06'), [
      row({ result_id: 'c', measure: 'test', test: 'chisq', comparison: 'ordforer vs radmann', p: 0.01, p_adj: 0.01, note: 'minste forventede antall under 5' }),
      row({ result_id: 'f', measure: 'test', test: 'fisher_exact', comparison: 'ordforer vs radmann', p: 0.2, p_adj: 0.2 }),
    ], labels);
    expect(s.markOf(value('ordforer'))).toBe('');
    const across = significanceOf(fig('F35'), [row({ result_id: 'x', measure: 'test', test: 'welch_anova', comparison: 'ordforer vs radmann vs a', p: 0.001, p_adj: 0.001, note: 'på tvers av undersøkelsene' })], labels);
    expect(across.tested).toBe(false);
    expect(across.across).toBe(true);
    expect(significanceKey(across)).toEqual([]);
  });
});
