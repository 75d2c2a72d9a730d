/**
 * Top-2 shares per item, group and wave (F01, F10, F22, F41 …): microdata with Wilson intervals
 * next to published baselines with their source flag; z-tests wave over wave within each group
 * (never on rows that are not comparable or whose n is unknown), and a 2×2 test between the
 * groups of each microdata wave.
 */
import type { FigureOf } from '../../../schemas/figures.ts';
import { groupForCode } from '../../../schemas/groups.ts';
import type { Db } from '../../core/db.ts';
import { compareGroups } from '../compare.ts';
import { wavesOf } from '../metadata.ts';
import { wilson } from '../stats/intervals.ts';
import { shareTests } from '../tests-for.ts';
import { trendByGroup, VALUE_SOURCE_LABELS } from '../trend.ts';
import type { ResultRow } from '../results.ts';
import { baseRow, resultId } from './common.ts';
import { testRow } from './test-row.ts';

export async function shares(db: Db, fig: FigureOf<'shares'>): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  const shown = new Set(fig.groups.map((code) => groupForCode(fig.survey, fig.by, code)?.code ?? String(code)));
  for (const variable of fig.variables) {
    const all = await trendByGroup(db, { survey: fig.survey, question: variable, by: fig.by });
    for (const p of all.groups.filter((x) => shown.has(x.group))) {
      const ci = p.value_source === 'microdata' && p.n ? wilson(Math.round((p.pct_top2 * p.n) / 100), p.n) : null;
      rows.push({
        ...baseRow(fig, p.wave, variable, p.value_source === 'microdata' ? 'answer_counts' : 'stg_baselines__published'),
        result_id: resultId(fig, p.wave, variable, p.group, 'pct_top2'),
        group_code: p.group,
        group_label: p.label,
        measure: 'pct_top2',
        value: p.pct_top2,
        n: p.n,
        ci_low: ci ? 100 * ci.low : null,
        ci_high: ci ? 100 * ci.high : null,
        value_source: p.value_source,
        baseline_id: p.baseline_id ?? '',
        labels: [VALUE_SOURCE_LABELS[p.value_source], p.n_kind === 'upper_bound' ? 'n er en øvre grense' : undefined].filter(Boolean).join('; '),
        note: p.note ?? '',
      });
    }
    for (const t of all.tests.filter((x) => shown.has(x.group))) {
      const wave = t.groups[0]!;
      rows.push(testRow({ ...baseRow(fig, wave, variable, all.source_model), group_code: t.group }, fig.id, wave, t, `${t.group} ${t.groups[1]} → ${t.groups[0]}`, { labels: t.labels.join('; ') }));
    }
    for (const nt of all.not_tested.filter((x) => shown.has(x.group))) {
      rows.push({ ...baseRow(fig, nt.waves[1], variable, all.source_model), result_id: resultId(fig, nt.waves[1], variable, nt.group, 'not_tested'), group_code: nt.group, measure: 'not_tested', comparison: `${nt.group} ${nt.waves[0]} → ${nt.waves[1]}`, note: nt.reason });
    }
    if (fig.groups.length < 2) continue;
    for (const wave of await wavesOf(db, fig.survey)) {
      const c = await compareGroups(db, { survey: fig.survey, wave, question: variable, by: fig.by, groups: fig.groups });
      const tested = c.groups.filter((g) => g.n > 0 && g.n_top2 !== null);
      if (tested.length < 2) continue;
      const table = tested.map((g): [number, number] => [g.n_top2!, g.n - g.n_top2!]);
      for (const t of shareTests(table, tested.map((g) => g.group))) {
        rows.push(testRow(baseRow(fig, wave, variable, 'answer_counts'), fig.id, wave, t, t.groups.join(' vs '), { note: [t.note, 'andel topp-2, 2×2'].filter(Boolean).join('; ') }));
      }
    }
  }
  return rows;
}
