/**
 * Means per item and group with t-based 95 % intervals, and the mean tests of tests-for.ts
 * (F04, F08, F14, F15 …). "Vet ikke" and empty answers are outside the mean; routed items count
 * only those who were asked.
 */
import type { FigureOf } from '../../../schemas/figures.ts';
import type { Db } from '../../core/db.ts';
import { compareGroups, substantive } from '../compare.ts';
import { variableInfo } from '../metadata.ts';
import { meanInterval } from '../stats/intervals.ts';
import type { ResultRow } from '../results.ts';
import { meanTests } from '../tests-for.ts';
import { baseRow, resultId } from './common.ts';
import { testRow } from './test-row.ts';

export async function means(db: Db, fig: FigureOf<'means'>, wave: string): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const variable of fig.variables) {
    const c = await compareGroups(db, { survey: fig.survey, wave, question: variable, by: fig.by, groups: fig.groups });
    const info = await variableInfo(db, fig.survey, wave, variable);
    const base = baseRow(fig, wave, variable, c.source_model);
    for (const g of c.groups) {
      const ci = g.mean !== null && g.sd !== null ? meanInterval(g.mean, g.sd, g.n) : { low: null, high: null };
      const common = { ...base, group_code: g.group, group_label: g.label, n: g.n };
      rows.push(
        { ...common, result_id: resultId(fig, wave, variable, g.group, 'mean'), measure: 'mean', value: g.mean, ci_low: ci.low, ci_high: ci.high, note: `«Vet ikke»: ${g.n_dont_know}` },
        { ...common, result_id: resultId(fig, wave, variable, g.group, 'sd'), measure: 'sd', value: g.sd },
        { ...common, result_id: resultId(fig, wave, variable, g.group, 'n_dont_know'), measure: 'n_dont_know', value: g.n_dont_know },
      );
    }
    const tested = c.groups.filter((g) => g.n > 0);
    const freqs = c.counts.filter((_, i) => (c.groups[i]?.n ?? 0) > 0).map((f) => substantive(f, info));
    const names = tested.map((g) => g.group);
    for (const t of meanTests(freqs, names)) rows.push(testRow(base, fig.id, wave, t, t.groups.join(' vs ')));
  }
  return rows;
}
