/** The figure's CSV: every value row shown, then its tests, one row each, with the result id. */
import type { ResultRow } from '../../analyze/results.ts';

export interface Csv {
  header: string[];
  rows: unknown[][];
}

const HEADER = ['result_id', 'variabel', 'sporsmal', 'gruppe', 'aar', 'maal', 'kategori', 'verdi', 'ki_nedre', 'ki_ovre', 'n', 'design_ki_nedre', 'design_ki_ovre', 'designeffekt', 'kilde', 'design', 'test', 'sammenligning', 'statistikk', 'df1', 'df2', 'p', 'p_holm', 'effektmaal', 'effekt', 'effekt_ki_nedre', 'effekt_ki_ovre', 'merknad'];

export function figureCsv(shown: ResultRow[], all: ResultRow[], labels: Map<string, string>): Csv {
  const tests = all.filter((r) => r.measure === 'test' || r.measure === 'not_tested' || r.measure === 'pending');
  const rows = [...shown, ...tests.filter((t) => !shown.includes(t))].map((r) => [
    r.result_id,
    r.variable,
    labels.get(r.variable) ?? '',
    r.group_label || r.group_code,
    r.wave,
    r.measure,
    r.category,
    r.value,
    r.ci_low,
    r.ci_high,
    r.n,
    r.design_ci_low,
    r.design_ci_high,
    r.deff,
    r.value_source,
    r.design,
    r.test,
    r.comparison,
    r.statistic,
    r.df1,
    r.df2,
    r.p,
    r.p_adj,
    r.effect_name,
    r.effect,
    r.effect_ci_low,
    r.effect_ci_high,
    [r.labels, r.note].filter(Boolean).join('; '),
  ]);
  return { header: HEADER, rows };
}
