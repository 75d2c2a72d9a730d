/** A test as a `results` row. */
import type { TestResult } from '../stats/test-result.ts';
import type { ResultRow } from '../results.ts';

export function testRow(base: Omit<ResultRow, 'result_id' | 'measure'>, figureId: string, wave: string, t: TestResult, comparison: string, extra: Partial<ResultRow> = {}): ResultRow {
  const variable = base.variable ? `${base.variable}/` : '';
  return {
    ...base,
    result_id: `${figureId}/${wave}/test/${variable}${t.name}/${comparison.replaceAll(' ', '_')}${t.design === 'cluster' ? '/cluster' : ''}`,
    measure: 'test',
    test: t.name,
    statistic: t.statistic,
    df1: t.df ?? t.df1 ?? null,
    df2: t.df2 ?? null,
    p: t.p,
    value: t.estimate ?? null,
    ci_low: t.ci_low ?? null,
    ci_high: t.ci_high ?? null,
    effect_name: t.effect?.name ?? '',
    effect: t.effect?.value ?? null,
    effect_ci_low: t.effect?.ci_low ?? null,
    effect_ci_high: t.effect?.ci_high ?? null,
    comparison,
    note: t.note ?? '',
    design: t.design ?? 'srs',
    ...extra,
  };
}
