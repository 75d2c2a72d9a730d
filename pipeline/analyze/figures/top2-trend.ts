/**
 * Top-2 shares per group and wave (F22, F41 …): microdata with Wilson intervals, published
 * baselines with their source flag; z-tests wave over wave within each group, and a 2×2
 * chi-square between the groups of each microdata wave.
 */
import type { FigureDef } from '../../../schemas/figures.ts';
import { groupForCode } from '../../../schemas/groups.ts';
import type { Db } from '../../core/db.ts';
import { compareGroups } from '../compare.ts';
import { wavesOf } from '../metadata.ts';
import { chisq } from '../stats/chisq.ts';
import { wilson } from '../stats/intervals.ts';
import { trendByGroup, VALUE_SOURCE_LABELS } from '../trend.ts';
import { EMPTY_RESULT, type ResultRow } from '../results.ts';
import { testRow } from './test-row.ts';

export async function top2Trend(db: Db, fig: Extract<FigureDef, { recipe: 'top2_trend' }>): Promise<ResultRow[]> {
  const all = await trendByGroup(db, { survey: fig.survey, question: fig.variable, by: fig.by });
  // The figure shows its own groups only (ordfører and rådmann, not the 4 «annet»).
  const shown = new Set(fig.groups.map((code) => groupForCode(fig.survey, fig.by, code)?.code ?? String(code)));
  const trend = { ...all, groups: all.groups.filter((p) => shown.has(p.group)), tests: all.tests.filter((t) => shown.has(t.group)), not_tested: all.not_tested.filter((t) => shown.has(t.group)) };
  const base = { ...EMPTY_RESULT, figure_id: fig.id, survey: fig.survey, variable: fig.variable, source_model: trend.source_model };
  const rows: ResultRow[] = [];
  for (const p of trend.groups) {
    const ci = p.value_source === 'microdata' && p.n ? wilson(Math.round((p.pct_top2 * p.n) / 100), p.n) : null;
    rows.push({
      ...base,
      wave: p.wave,
      result_id: `${fig.id}/${p.wave}/${p.group}/pct_top2`,
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
      source_model: p.value_source === 'microdata' ? 'answer_counts' : 'stg_baselines__published',
      note: p.note ?? '',
    });
  }
  for (const t of trend.tests) {
    rows.push(testRow({ ...base, wave: t.groups[0]!, group_code: t.group }, fig.id, t.groups[0]!, t, `${t.group} ${t.groups[1]} → ${t.groups[0]}`, { labels: t.labels.join('; ') }));
  }
  for (const nt of trend.not_tested) {
    rows.push({ ...base, wave: nt.waves[1], result_id: `${fig.id}/${nt.waves[1]}/${nt.group}/not_tested`, group_code: nt.group, measure: 'not_tested', comparison: `${nt.group} ${nt.waves[0]} → ${nt.waves[1]}`, note: nt.reason });
  }
  for (const wave of await wavesOf(db, fig.survey)) {
    const c = await compareGroups(db, { survey: fig.survey, wave, question: fig.variable, by: fig.by, groups: fig.groups });
    const tested = c.groups.filter((g) => g.n > 0 && g.n_top2 !== null);
    if (tested.length < 2) continue;
    const t = chisq(tested.map((g) => [g.n_top2!, g.n - g.n_top2!]), tested.map((g) => g.group));
    const { min_expected: _m, ...test } = t;
    rows.push(testRow({ ...base, wave, source_model: 'answer_counts' }, fig.id, wave, test, tested.map((g) => g.group).join(' vs '), { note: 'andel topp-2, 2×2 uten kontinuitetskorreksjon' }));
  }
  return rows;
}
