/** Means per group with t-based intervals; Student's and Welch's t and Levene's test (F15, F04 …). */
import type { FigureDef } from '../../../schemas/figures.ts';
import type { Db } from '../../core/db.ts';
import { compareGroups } from '../compare.ts';
import { meanInterval } from '../stats/intervals.ts';
import { EMPTY_RESULT, type ResultRow } from '../results.ts';
import { testRow } from './test-row.ts';

export async function meansByGroup(db: Db, fig: Extract<FigureDef, { recipe: 'means_by_group' }>, wave: string): Promise<ResultRow[]> {
  const c = await compareGroups(db, { survey: fig.survey, wave, question: fig.variable, by: fig.by, groups: fig.groups });
  const base = { ...EMPTY_RESULT, figure_id: fig.id, survey: fig.survey, wave, variable: fig.variable, source_model: c.source_model };
  const rows: ResultRow[] = c.groups.flatMap((g) => {
    const ci = g.mean !== null && g.sd !== null ? meanInterval(g.mean, g.sd, g.n) : { low: null, high: null };
    const common = { ...base, group_code: g.group, group_label: g.label, n: g.n };
    return [
      { ...common, result_id: `${fig.id}/${wave}/${g.group}/mean`, measure: 'mean', value: g.mean, ci_low: ci.low, ci_high: ci.high, note: `«Vet ikke» (${g.n_dont_know}) holdt utenfor` },
      { ...common, result_id: `${fig.id}/${wave}/${g.group}/sd`, measure: 'sd', value: g.sd },
    ];
  });
  const tests = c.tests.filter((t) => t.name !== 'chisq');
  return [...rows, ...tests.map((t) => testRow(base, fig.id, wave, t, t.groups.join(' vs ')))];
}
