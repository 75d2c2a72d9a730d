/**
 * Means per item and group with t-based 95 % intervals, and the mean tests of tests-for.ts
 * (F04, F08, F14, F15 …). "Vet ikke" and empty answers are outside the mean; routed items count
 * only those who were asked. Paired items (F08, F21) also get the mean difference within
 * respondents per group and pooled, with the paired t-test and the Wilcoxon signed-rank test.
 */
import type { FigureOf } from '../../../schemas/figures.ts';
import type { Db } from '../../core/db.ts';
import { compareGroups, substantive } from '../compare.ts';
import { variableInfo } from '../metadata.ts';
import { comparePaired } from '../paired.ts';
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
  for (const [first, second] of fig.paired) rows.push(...(await pairedRows(db, fig, wave, first, second)));
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
  for (const t of c.tests) rows.push(testRow({ ...base, group_code: t.group }, fig.id, wave, t, `${t.group} (parvis)`, { note: [t.note, note].filter(Boolean).join('; ') }));
  return rows;
}
