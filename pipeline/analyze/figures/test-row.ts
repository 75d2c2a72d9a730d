/** A test as a `results` row. */
import type { TestResult } from '../stats/test-result.ts';
import type { ResultRow } from '../results.ts';

export function testRow(base: Omit<ResultRow, 'result_id' | 'measure'>, figureId: string, wave: string, t: TestResult, comparison: string, extra: Partial<ResultRow> = {}): ResultRow {
  return {
    ...base,
    result_id: `${figureId}/${wave}/test/${t.name}/${comparison.replaceAll(' ', '_')}`,
    measure: 'test',
    test: t.name,
    statistic: t.statistic,
    df1: t.df ?? t.df1 ?? null,
    df2: t.df2 ?? null,
    p: t.p,
    value: t.estimate ?? null,
    ci_low: t.ci_low ?? null,
    ci_high: t.ci_high ?? null,
    comparison,
    note: t.note ?? '',
    ...extra,
  };
}
