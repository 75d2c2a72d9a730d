/**
 * Top-2 shares per item, group and wave (F01, F03, F10, F22, F41 …): microdata with Wilson
 * intervals (and, for the office survey, the design-based interval and design effect) next to
 * published baselines with their source flag; z-tests wave over wave within each group (never on
 * rows that are not comparable or whose n is unknown), and 2×2 tests between the groups of each
 * microdata wave, design-based ones beside them for the office survey.
 */
import type { FigureOf, Panel } from '../../../schemas/figures.ts';
import { groupForCode } from '../../../schemas/groups.ts';
import type { Db } from '../../core/db.ts';
import { compareGroups } from '../compare.ts';
import { wavesOf } from '../metadata.ts';
import { wilson } from '../stats/intervals.ts';
import { shareTests } from '../tests-for.ts';
import { trendByGroup, VALUE_SOURCE_LABELS } from '../trend.ts';
import type { ResultRow } from '../results.ts';
import { baseRow, panelComparison, panelGroup, panelsOf, pendingPanelRows, resultId } from './common.ts';
import { testRow } from './test-row.ts';

export async function shares(db: Db, fig: FigureOf<'shares'>): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  const latest = (await wavesOf(db, fig.survey)).at(-1) ?? '';
  for (const panel of panelsOf(fig)) {
    if ((await wavesOf(db, panel.survey)).length === 0) {
      rows.push(...pendingPanelRows(fig, panel, latest));
      continue;
    }
    for (const variable of fig.variables) rows.push(...(await panelShares(db, fig, panel, variable)));
  }
  return rows;
}

async function panelShares(db: Db, fig: FigureOf<'shares'>, panel: Panel, variable: string): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  const shown = new Set(panel.groups.map((code) => groupForCode(panel.survey, panel.by, code)?.code ?? String(code)));
  const name = (group: string, label: string) => panelGroup(panel, { group, label });
  // The design-based shares come from compareGroups below; the trend is only for the waves and baselines.
  const all = await trendByGroup(db, { survey: panel.survey, question: variable, by: panel.by, where: panel.where, design: 'srs' });
  const comparisons = new Map<string, Awaited<ReturnType<typeof compareGroups>>>();
  for (const wave of await wavesOf(db, panel.survey)) {
    if (!all.groups.some((p) => p.wave === wave && p.value_source === 'microdata')) continue;
    comparisons.set(wave, await compareGroups(db, { survey: panel.survey, wave, question: variable, by: panel.by, groups: panel.groups, where: panel.where, tests: [], shareTests: true }));
  }
  for (const p of all.groups.filter((x) => shown.has(x.group))) {
    const ci = p.value_source === 'microdata' && p.n ? wilson(Math.round((p.pct_top2 * p.n) / 100), p.n) : null;
    const d = p.value_source === 'microdata' ? comparisons.get(p.wave)?.groups.find((g) => g.group === p.group)?.design?.top2 : undefined;
    const named = name(p.group, p.label);
    rows.push({
      ...baseRow(fig, p.wave, variable, p.value_source === 'microdata' ? 'answer_counts' : 'stg_baselines__published', panel.survey),
      result_id: resultId(fig, p.wave, variable, named.code, 'pct_top2'),
      group_code: named.code,
      group_label: named.label,
      measure: 'pct_top2',
      value: p.pct_top2,
      n: p.n,
      ci_low: ci ? 100 * ci.low : null,
      ci_high: ci ? 100 * ci.high : null,
      value_source: p.value_source,
      baseline_id: p.baseline_id ?? '',
      labels: [VALUE_SOURCE_LABELS[p.value_source], p.n_kind === 'upper_bound' ? 'n er en øvre grense' : undefined].filter(Boolean).join('; '),
      note: p.note ?? '',
      ...(d ? { design_se: 100 * d.se, design_ci_low: 100 * d.ci_low, design_ci_high: 100 * d.ci_high, deff: d.deff } : {}),
    });
  }
  for (const t of all.tests.filter((x) => shown.has(x.group))) {
    const wave = t.groups[0]!;
    const g = name(t.group, t.group).code;
    rows.push(testRow({ ...baseRow(fig, wave, variable, all.source_model, panel.survey), group_code: g }, fig.id, wave, t, `${g} ${t.groups[1]} → ${t.groups[0]}`, { labels: t.labels.join('; ') }));
  }
  for (const nt of all.not_tested.filter((x) => shown.has(x.group))) {
    const g = name(nt.group, nt.group).code;
    rows.push({ ...baseRow(fig, nt.waves[1], variable, all.source_model, panel.survey), result_id: resultId(fig, nt.waves[1], variable, g, 'not_tested'), group_code: g, measure: 'not_tested', comparison: `${g} ${nt.waves[0]} → ${nt.waves[1]}`, note: nt.reason });
  }
  if (panel.groups.length < 2) return rows;
  for (const [wave, c] of comparisons) {
    const tested = c.groups.filter((g) => g.n > 0 && g.n_top2 !== null);
    if (tested.length < 2) continue;
    const table = tested.map((g): [number, number] => [g.n_top2!, g.n - g.n_top2!]);
    const tests = [...shareTests(table, tested.map((g) => g.group)).map((t) => ({ ...t, design: 'srs' as const })), ...(c.design_tests?.share ?? [])];
    for (const t of tests) rows.push(testRow(baseRow(fig, wave, variable, 'answer_counts', panel.survey), fig.id, wave, t, panelComparison(panel, t.groups), { note: [t.note, 'andel topp-2, 2×2'].filter(Boolean).join('; ') }));
  }
  return rows;
}
