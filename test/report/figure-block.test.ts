/** Blocks on hand-made rows: any test name renders, new tests read in Norwegian, the CSV is what is shown. */
import { toSpreadsheetCsv } from '../../pipeline/core/csv.ts';
import { describe, expect, it } from 'vitest';
import { FIGURES, type FigureDef } from '../../schemas/figures.ts';
import { EMPTY_RESULT, type ResultRow } from '../../pipeline/analyze/results.ts';
import { figureBlock } from '../../pipeline/report/figure-block.ts';

const fig = (id: string): FigureDef => FIGURES.find((f) => f.id === id)!;

function row(fields: Partial<ResultRow> & Pick<ResultRow, 'result_id' | 'measure'>): ResultRow {
  return { ...EMPTY_RESULT, figure_id: 'F15', survey: 'ordforer_radmann', wave: '2019', variable: 'pm_fungerer', source_model: 'answer_counts', ...fields };
}

const mean = (group: string, label: string, value: number) =>
  row({ result_id: `F15/2019/pm_fungerer/${group}/mean`, measure: 'mean', group_code: group, group_label: label, value, ci_low: value - 0.2, ci_high: value + 0.2, n: 80 });

const rows: ResultRow[] = [
  mean('ordforer', 'Ordfører', 3.27),
  mean('radmann', '=Rådmann<b>', 3.77),
  row({ result_id: 'F15/2019/test/pm_fungerer/mann_whitney/x', measure: 'test', test: 'mann_whitney', statistic: 4100, p: 0.0004, p_adj: 0.0012, value: -0.5, ci_low: -0.75, ci_high: -0.25, effect_name: 'rank_biserial', effect: -0.3, effect_ci_low: -0.45, effect_ci_high: -0.14, comparison: 'ordforer vs radmann' }),
  row({ result_id: 'F15/2019/test/pm_fungerer/brunner_munzel/x', measure: 'test', test: 'brunner_munzel', statistic: 2.5, df1: 150.4, p: 0.013, p_adj: 0.026, comparison: 'ordforer vs radmann' }),
  row({ result_id: 'F15/2019/test/pm_fungerer/chisq/x', measure: 'test', test: 'chisq', statistic: 9.1, df1: 4, p: 0.06, p_adj: 0.12, comparison: 'ordforer vs radmann', note: 'minste forventede antall under 5: tolk med forsiktighet' }),
  row({ result_id: 'F15/2019/test/pm_fungerer/fisher_exact/x', measure: 'test', test: 'fisher_exact', p: 0.08, p_adj: 0.12, effect_name: 'cramers_v', effect: 0.21, comparison: 'ordforer vs radmann' }),
  row({ result_id: 'F15/2019/enhetsleder/pending', measure: 'pending', variable: '', group_code: 'enhetsleder', group_label: 'Enhetsleder', note: 'kontorundersøkelsen er ikke lastet ennå' }),
];

describe('figure block', () => {
  const block = figureBlock(fig('F15'), rows, new Map([['pm_fungerer', 'Hvor godt fungerer møtene?']]));

  it('renders new and unknown tests with p, Holm p, difference and effect size with intervals', () => {
    expect(block.html).toContain('Mann-Whitney U, ordfører vs =rådmann&lt;b&gt;: U = 4');
    expect(block.html).toContain('rang-biseriell r = −0,30 (95 % KI −0,45 til −0,14)');
    expect(block.html).toContain('p &lt; 0,001, Holm-justert p = 0,001');
    expect(block.html).toContain('brunner_munzel, ordfører vs =rådmann&lt;b&gt;: statistikk = 2,50, df = 150,4');
    expect(block.html).toContain('Fishers eksakte test, ordfører');
    expect(block.html).toContain('Cramérs V = 0,21');
  });

  it('points a chi-square with small expected counts to Fisher’s exact test', () => {
    expect(block.html).toContain('Små forventede antall: les Fishers eksakte test.');
  });

  it('escapes labels in the chart and the tables', () => {
    expect(block.html).not.toContain('<b>');
  });

  it('keeps a visible place for a group that is not loaded', () => {
    expect(block.html).toContain('Enhetsledere (kontorundersøkelsen):</strong> kommer når kontorundersøkelsen er lastet');
  });

  it('writes a CSV of the rows shown and the tests, formulas defused', () => {
    expect(block.csv.rows.map((r) => r[0])).toEqual(rows.map((r) => r.result_id));
    expect(block.csv.rows[1]![3]).toBe('=Rådmann<b>');
    expect(toSpreadsheetCsv(block.csv.header, block.csv.rows).split('\n')[2]).toContain(",'=Rådmann<b>,");
  });

  it('renders every recipe without data for the office groups only', () => {
    const pendingOnly = figureBlock(fig('F04'), [row({ result_id: 'F04/2019/enhetsleder/pending', figure_id: 'F04', measure: 'pending', group_code: 'enhetsleder', group_label: 'Enhetsleder' })], new Map());
    expect(pendingOnly.html).toContain('data-figure="F04"');
    expect(pendingOnly.html).toContain('kommer når kontorundersøkelsen er lastet');
  });
});
