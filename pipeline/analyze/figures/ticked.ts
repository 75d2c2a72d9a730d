/**
 * Multi-select questions (F13): per option and group the share who ticked it, among those shown
 * the question who answered it (an option is empty only when the whole question is). One 2×2
 * test per option between the groups (chi-square; Fisher's exact test when an expected count is
 * small); Holm's adjustment over the options is applied with the rest of the figure.
 */
import type { FigureOf } from '../../../schemas/figures.ts';
import { groupForCode } from '../../../schemas/groups.ts';
import type { Db } from '../../core/db.ts';
import { answerCounts } from '../compare.ts';
import { variableInfo } from '../metadata.ts';
import { countIn, total } from '../stats/freq.ts';
import { wilson } from '../stats/intervals.ts';
import { shareTests } from '../tests-for.ts';
import type { ResultRow } from '../results.ts';
import { baseRow, resultId } from './common.ts';
import { testRow } from './test-row.ts';

export async function ticked(db: Db, fig: FigureOf<'ticked'>, wave: string): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const variable of fig.variables) {
    const info = await variableInfo(db, fig.survey, wave, variable);
    const counts = await answerCounts(db, info, fig.by);
    const base = baseRow(fig, wave, variable, 'answer_counts');
    const groups = fig.groups
      .map((code) => ({ code, def: groupForCode(fig.survey, fig.by, code), f: counts.get(code) }))
      .filter((g) => g.f && total(g.f) > 0)
      .map((g) => ({ group: g.def?.code ?? String(g.code), label: g.def?.label ?? String(g.code), n: total(g.f!), k: countIn(g.f!, [1]) }));
    for (const g of groups) {
      const ci = wilson(g.k, g.n);
      rows.push({ ...base, result_id: resultId(fig, wave, variable, g.group, 'pct_ticked'), group_code: g.group, group_label: g.label, measure: 'pct_ticked', value: (100 * g.k) / g.n, n: g.n, ci_low: 100 * ci.low, ci_high: 100 * ci.high, note: info.label });
    }
    if (groups.length < 2) continue;
    const table = groups.map((g): [number, number] => [g.k, g.n - g.k]);
    for (const t of shareTests(table, groups.map((g) => g.group))) rows.push(testRow(base, fig.id, wave, t, t.groups.join(' vs '), { note: [t.note, 'krysset av, 2×2'].filter(Boolean).join('; ') }));
  }
  return rows;
}
