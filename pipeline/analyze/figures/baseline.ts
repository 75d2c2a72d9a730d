/**
 * A figure that exists only as published numbers (F24 2011, F28 2015, F37 2010, F40 2007, F44):
 * every baseline row of the item (or of the items `prefix_*` names), with its source flag and
 * comparability note. Nothing is tested: there is no microdata.
 */
import type { FigureOf } from '../../../schemas/figures.ts';
import { GROUPS } from '../../../schemas/groups.ts';
import type { Db } from '../../core/db.ts';
import { all } from '../../core/db.ts';
import { VALUE_SOURCE_LABELS } from '../trend.ts';
import type { ResultRow } from '../results.ts';
import { baseRow, resultId } from './common.ts';

interface Published {
  baseline_id: string;
  wave: string;
  variable: string;
  category: string | null;
  group_code: string;
  value: number;
  n: number | null;
  value_source: string;
  comparability_note: string | null;
}

export async function baselineOnly(db: Db, fig: FigureOf<'baseline'>): Promise<ResultRow[]> {
  const rows = await all<Published>(
    db,
    `SELECT baseline_id, wave, variable, category, group_code, value, n, value_source, comparability_note FROM stg_baselines__published
     WHERE survey = $survey AND (variable = $variable OR (ends_with($variable, '*') AND starts_with(variable, rtrim($variable, '*')) AND variable <> $variable))
       AND measure = $measure ORDER BY wave, group_code, variable, category`,
    { survey: fig.survey, variable: fig.variable, measure: fig.measure },
  );
  return rows.map((b) => ({
    ...baseRow(fig, b.wave, b.variable, 'stg_baselines__published'),
    result_id: resultId(fig, b.wave, b.variable, b.group_code, `${fig.measure}${b.category ?? ''}`, b.value_source),
    group_code: b.group_code,
    group_label: GROUPS.find((g) => g.code === b.group_code)?.label ?? b.group_code,
    measure: fig.measure,
    category: b.category ?? '',
    value: b.value,
    n: b.n,
    value_source: b.value_source,
    baseline_id: b.baseline_id,
    labels: [VALUE_SOURCE_LABELS[b.value_source] ?? (b.value_source === 'stated' ? 'publisert tall' : '')].filter(Boolean).join('; '),
    note: b.comparability_note ?? '',
  }));
}
