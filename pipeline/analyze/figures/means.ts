/**
 * Means per item and group with t-based 95 % intervals (and, for the office survey, the
 * design-based interval and design effect), and the mean tests of tests-for.ts beside the
 * design-based ones (F04, F08, F14, F34 …). "Vet ikke" and empty answers are outside the mean;
 * routed items count only those who were asked. When a figure shows groups of both surveys, the
 * figure's own groups and its first panel of the other survey are also compared with each other
 * (independent samples; the naive tests only). Paired items (F08, F21) also get the mean
 * difference within respondents, with the paired t-test and the Wilcoxon signed-rank test.
 */
import type { FigureOf } from '../../../schemas/figures.ts';
import type { Db } from '../../core/db.ts';
import { substantive } from '../compare.ts';
import { variableInfo } from '../metadata.ts';
import { comparableBetween } from '../comparability.ts';
import { comparePaired } from '../paired.ts';
import type { Freq } from '../stats/freq.ts';
import { meanInterval } from '../stats/intervals.ts';
import type { ResultRow } from '../results.ts';
import { meanTests } from '../tests-for.ts';
import { baseRow, panelComparison, panelGroup, resultId } from './common.ts';
import { comparePanels, type PanelComparison } from './panel-compare.ts';
import { testRow } from './test-row.ts';

/** The tests of a mean (not of the distribution, which distribution figures show). */
const MEAN_TESTS = new Set(['student_t', 'welch_t', 'levene', 'mann_whitney', 'anova_f', 'welch_anova', 'kruskal_wallis', 'games_howell', 'svy_t', 'svy_wald_f']);

export async function means(db: Db, fig: FigureOf<'means'>): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  const { comparisons, pending } = await comparePanels(db, fig, fig.variables, ['mean']);
  for (const { panel, wave, variable, comparison: c } of comparisons) {
    const base = baseRow(fig, wave, variable, c.source_model, panel.survey);
    for (const g of c.groups) {
      const ci = g.mean !== null && g.sd !== null ? meanInterval(g.mean, g.sd, g.n) : { low: null, high: null };
      const named = panelGroup(panel, g);
      const d = g.design?.mean;
      const common = { ...base, group_code: named.code, group_label: named.label, n: g.n };
      rows.push(
        {
          ...common, result_id: resultId(fig, wave, variable, named.code, 'mean'), measure: 'mean', value: g.mean, ci_low: ci.low, ci_high: ci.high, note: `«Vet ikke»: ${g.n_dont_know}`,
          ...(d ? { design_se: d.se, design_ci_low: d.ci_low, design_ci_high: d.ci_high, deff: d.deff } : {}),
        },
        { ...common, result_id: resultId(fig, wave, variable, named.code, 'sd'), measure: 'sd', value: g.sd },
        { ...common, result_id: resultId(fig, wave, variable, named.code, 'n_dont_know'), measure: 'n_dont_know', value: g.n_dont_know },
      );
    }
    for (const t of c.tests.filter((x) => MEAN_TESTS.has(x.name))) rows.push(testRow(base, fig.id, wave, t, panelComparison(panel, t.groups)));
  }
  rows.push(...(await acrossSurveys(db, fig, comparisons)), ...(await acrossWaves(db, fig, comparisons)), ...pending);
  for (const [first, second] of fig.paired) {
    for (const wave of [...new Set(comparisons.filter((x) => x.index === 0).map((x) => x.wave))]) rows.push(...(await pairedRows(db, fig, wave, first, second)));
  }
  return rows;
}

/**
 * Each group's mean wave over wave (consecutive microdata waves): Welch's t-test as two
 * independent samples, where the codebook links say the item is comparable (comparability.ts);
 * otherwise a `not_tested` row with the reason.
 */
async function acrossWaves(db: Db, fig: FigureOf<'means'>, comparisons: PanelComparison[]): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const c of comparisons) {
    const previous = comparisons.filter((x) => x.index === c.index && x.variable === c.variable && x.wave < c.wave).sort((a, b) => a.wave.localeCompare(b.wave)).at(-1);
    if (!previous) continue;
    const gate = await comparableBetween(db, c.panel.survey, c.variable, previous.wave, c.wave);
    const [infoA, infoB] = [await variableInfo(db, c.panel.survey, previous.wave, c.variable), await variableInfo(db, c.panel.survey, c.wave, c.variable)];
    for (const [i, g] of c.comparison.groups.entries()) {
      const j = previous.comparison.groups.findIndex((x) => x.group === g.group);
      if (j < 0) continue;
      const named = panelGroup(c.panel, g).code;
      const comparison = `${named} ${previous.wave} → ${c.wave}`;
      const base = baseRow(fig, c.wave, c.variable, 'answer_counts', c.panel.survey);
      if (!gate.comparable) {
        rows.push({ ...base, result_id: resultId(fig, c.wave, c.variable, named, 'not_tested'), group_code: named, measure: 'not_tested', comparison, note: `ikke sammenlignbart: ${gate.reason}` });
        continue;
      }
      const welch = meanTests([substantive(c.comparison.counts[i]!, infoB), substantive(previous.comparison.counts[j]!, infoA)], [c.wave, previous.wave]).find((t) => t.name === 'welch_t');
      if (!welch) continue;
      const note = ['mikrodata mot mikrodata, testet som to uavhengige utvalg', gate.reason].filter(Boolean).join('; ');
      const row = testRow({ ...base, group_code: named }, fig.id, c.wave, { ...welch, design: 'srs' }, comparison, { note: [welch.note, note].filter(Boolean).join('; ') });
      rows.push(row);
    }
  }
  return rows;
}

/** The figure's own groups against its first panel of another survey, item by item and wave by wave. */
async function acrossSurveys(db: Db, fig: FigureOf<'means'>, comparisons: PanelComparison[]): Promise<ResultRow[]> {
  const other = comparisons.find((x) => x.index > 0 && x.panel.survey !== fig.survey)?.index;
  if (other === undefined) return [];
  const rows: ResultRow[] = [];
  for (const own of comparisons.filter((x) => x.index === 0)) {
    const theirs = comparisons.find((x) => x.index === other && x.wave === own.wave && x.variable === own.variable);
    if (!theirs) continue;
    const parts = [own, theirs];
    const freqs: Freq[] = [];
    const names: string[] = [];
    for (const p of parts) {
      const info = await variableInfo(db, p.panel.survey, p.wave, p.variable);
      p.comparison.groups.forEach((g, i) => {
        if (g.n === 0) return;
        freqs.push(substantive(p.comparison.counts[i]!, info));
        names.push(panelGroup(p.panel, g).code);
      });
    }
    const base = { ...baseRow(fig, own.wave, own.variable, 'answer_counts'), survey: `${fig.survey}+${theirs.panel.survey}` };
    for (const t of meanTests(freqs, names)) {
      // The pairs of one survey appear in its own test too; these ids say "across" to stay unique.
      const row = testRow(base, fig.id, own.wave, { ...t, design: 'srs' }, t.groups.join(' vs '), { note: [t.note, 'på tvers av undersøkelsene: uavhengige utvalg; designjustert test på tvers er ikke beregnet'].filter(Boolean).join('; ') });
      rows.push({ ...row, result_id: `${row.result_id}/across` });
    }
  }
  return rows;
}

async function pairedRows(db: Db, fig: FigureOf<'means'>, wave: string, first: string, second: string): Promise<ResultRow[]> {
  const c = await comparePaired(db, { survey: fig.survey, wave, question: first, pairedWith: second, by: fig.by, groups: fig.groups });
  const secondLabel = (await variableInfo(db, fig.survey, wave, second)).label;
  const base = { ...baseRow(fig, wave, first, c.source_model), category: `parvis mot «${secondLabel}»` };
  const rows: ResultRow[] = [];
  for (const g of c.groups) {
    const t = c.tests.find((x) => x.group === g.group && x.name === 't_paired');
    rows.push({
      ...base,
      result_id: resultId(fig, wave, first, 'vs', second, g.group, 'mean_difference'),
      group_code: g.group,
      group_label: g.label,
      measure: 'mean_difference',
      value: g.mean_difference,
      n: g.n_pairs,
      ci_low: t?.ci_low ?? null,
      ci_high: t?.ci_high ?? null,
      note: `${second}: ${g.n_different} av ${g.n_pairs} svarte ulikt på de to`,
    });
  }
  const note = 'parvis innen samme respondent: første minus andre påstand';
  for (const t of c.tests) rows.push(testRow({ ...base, group_code: t.group }, fig.id, wave, { ...t, design: 'srs' }, `${t.group} (parvis)`, { note: [t.note, note].filter(Boolean).join('; ') }));
  return rows;
}
