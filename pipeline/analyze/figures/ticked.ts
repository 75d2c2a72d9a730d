/**
 * Multi-select questions (F13, F17, F39): per option and group the share who ticked it, among
 * those shown the question who answered it (an option is empty only when the whole question is),
 * with its Wilson interval and, for the office survey, the design-based interval and design
 * effect. One 2×2 test per option between the groups (chi-square, Fisher's exact test when an
 * expected count is small, the two-proportion z-test; for the office survey also the design-based
 * t-test of the share and the Rao–Scott chi-square); Holm's adjustment over the options is
 * applied with the rest of the figure. A `summary` item (F17's four levels of municipal services)
 * is shown as a distribution beside the options.
 */
import type { FigureOf } from '../../../schemas/figures.ts';
import { designOf } from '../../../schemas/designs.ts';
import { groupForCode } from '../../../schemas/groups.ts';
import type { Db } from '../../core/db.ts';
import { answerCounts } from '../compare.ts';
import { designCompare } from '../design-compare.ts';
import { variableInfo } from '../metadata.ts';
import { countIn, total } from '../stats/freq.ts';
import { wilson } from '../stats/intervals.ts';
import { shareTests } from '../tests-for.ts';
import type { ResultRow } from '../results.ts';
import { baseRow, panelComparison, panelGroup, panelsOf, pendingPanelRows, resultId } from './common.ts';
import { comparePanels } from './panel-compare.ts';
import { testRow } from './test-row.ts';
import { wavesOf } from '../metadata.ts';
import { asked } from './panel-compare.ts';

export async function ticked(db: Db, fig: FigureOf<'ticked'>): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  const latest = (await wavesOf(db, fig.survey)).at(-1) ?? '';
  for (const panel of panelsOf(fig)) {
    const waves = await wavesOf(db, panel.survey);
    if (waves.length === 0) rows.push(...pendingPanelRows(fig, panel, latest));
    const cluster = designOf(panel.survey).cluster;
    for (const wave of waves) {
      for (const variable of fig.variables) {
        if (!(await asked(db, panel.survey, wave, variable))) continue;
        const info = await variableInfo(db, panel.survey, wave, variable);
        const counts = await answerCounts(db, info, panel.by, panel.where);
        const base = baseRow(fig, wave, variable, 'answer_counts', panel.survey);
        const groups = panel.groups
          .map((code) => ({ code, def: groupForCode(panel.survey, panel.by, code), f: counts.get(code) }))
          .filter((g) => g.f && total(g.f) > 0)
          .map((g) => ({ code: g.code, group: g.def?.code ?? String(g.code), label: g.def?.label ?? String(g.code), n: total(g.f!), k: countIn(g.f!, [1]) }));
        const design = cluster ? await designCompare(db, info, panel.by, groups.map((g) => g.code), groups.map((g) => g.group), panel.where, cluster, [1], ['share']) : null;
        for (const g of groups) {
          const ci = wilson(g.k, g.n);
          const named = panelGroup(panel, g);
          const d = design?.groups.get(g.code)?.top2;
          rows.push({
            ...base, result_id: resultId(fig, wave, variable, named.code, 'pct_ticked'), group_code: named.code, group_label: named.label, measure: 'pct_ticked',
            value: (100 * g.k) / g.n, n: g.n, ci_low: 100 * ci.low, ci_high: 100 * ci.high, note: info.label,
            ...(d ? { design_se: 100 * d.se, design_ci_low: 100 * d.ci_low, design_ci_high: 100 * d.ci_high, deff: d.deff } : {}),
          });
        }
        if (groups.length < 2) continue;
        const table = groups.map((g): [number, number] => [g.k, g.n - g.k]);
        for (const t of [...shareTests(table, groups.map((g) => g.group)).map((x) => ({ ...x, design: 'srs' as const })), ...(design?.tests.share ?? [])]) {
          rows.push(testRow(base, fig.id, wave, t, panelComparison(panel, t.groups), { note: [t.note, 'krysset av, 2×2'].filter(Boolean).join('; ') }));
        }
      }
    }
  }
  if (fig.summary) rows.push(...(await summaryRows(db, fig, fig.summary)));
  return rows;
}

/** The summary item's distribution per group (pct_cat rows under the item's own name). */
async function summaryRows(db: Db, fig: FigureOf<'ticked'>, variable: string): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  const { comparisons } = await comparePanels(db, fig, [variable], []);
  for (const { panel, wave, comparison: c } of comparisons) {
    const base = { ...baseRow(fig, wave, variable, c.source_model, panel.survey), category: '' };
    c.groups.forEach((g, i) => {
      const named = panelGroup(panel, g);
      const answered = g.n + g.n_dont_know;
      for (const d of g.distribution) {
        const ci = answered > 0 ? wilson(countIn(c.counts[i]!, [d.code]), answered) : null;
        rows.push({ ...base, result_id: resultId(fig, wave, variable, named.code, `pct_cat${d.code}`), group_code: named.code, group_label: named.label, measure: 'pct_cat', category: String(d.code), value: answered > 0 ? d.pct : null, n: answered, ci_low: ci ? 100 * ci.low : null, ci_high: ci ? 100 * ci.high : null, note: d.label });
      }
    });
  }
  return rows;
}
