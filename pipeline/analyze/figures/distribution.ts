/**
 * The full distribution of one item per group (F06, F11, F23 …): the percent of every answer
 * code among all who answered, "Vet ikke" shown as its own category (figures.md §1.3), with
 * published baseline distributions where they exist. The groups × categories table is tested
 * with Pearson's chi-square (Fisher's exact test when an expected count is small). With
 * `code_means`, the codes are also treated as a score ("Vet ikke" removed) and compared with the
 * mean tests, as the report's footnote 7 does for Figur 11.
 */
import type { FigureOf } from '../../../schemas/figures.ts';
import { GROUPS } from '../../../schemas/groups.ts';
import type { Db } from '../../core/db.ts';
import { all } from '../../core/db.ts';
import { compareGroups, substantive } from '../compare.ts';
import { variableInfo } from '../metadata.ts';
import { countIn } from '../stats/freq.ts';
import { wilson } from '../stats/intervals.ts';
import { meanTests, tableTests } from '../tests-for.ts';
import { VALUE_SOURCE_LABELS } from '../trend.ts';
import type { ResultRow } from '../results.ts';
import { baseRow, resultId } from './common.ts';
import { testRow } from './test-row.ts';

interface BaselineCategory {
  baseline_id: string;
  wave: string;
  group_code: string;
  category: string;
  value: number;
  n: number | null;
  value_source: string;
  comparability_note: string | null;
}

export async function distribution(db: Db, fig: FigureOf<'distribution'>, wave: string): Promise<ResultRow[]> {
  const info = await variableInfo(db, fig.survey, wave, fig.variable);
  const c = await compareGroups(db, { survey: fig.survey, wave, question: fig.variable, by: fig.by, groups: fig.groups });
  const base = baseRow(fig, wave, fig.variable, c.source_model);
  const rows: ResultRow[] = [];
  c.groups.forEach((g, i) => {
    const f = c.counts[i]!;
    const answered = g.n + g.n_dont_know;
    rows.push({ ...base, result_id: resultId(fig, wave, fig.variable, g.group, 'n'), group_code: g.group, group_label: g.label, measure: 'n', value: answered, n: answered });
    for (const code of info.codes) {
      const k = countIn(f, [code.code]);
      const ci = answered > 0 ? wilson(k, answered) : null;
      rows.push({
        ...base,
        result_id: resultId(fig, wave, fig.variable, g.group, `pct_cat${code.code}`),
        group_code: g.group,
        group_label: g.label,
        measure: 'pct_cat',
        category: String(code.code),
        value: answered > 0 ? (100 * k) / answered : null,
        n: answered,
        ci_low: ci ? 100 * ci.low : null,
        ci_high: ci ? 100 * ci.high : null,
        note: code.label,
      });
    }
  });
  const tested = c.groups.map((g, i) => ({ g, f: c.counts[i]! })).filter(({ g }) => g.n + g.n_dont_know > 0);
  const table = tested.map(({ f }) => info.codes.map((code) => countIn(f, [code.code])));
  const names = tested.map(({ g }) => g.group);
  for (const t of tableTests(table, names)) rows.push(testRow(base, fig.id, wave, t, t.groups.join(' vs '), { note: [t.note, '«Vet ikke» er egen kategori'].filter(Boolean).join('; ') }));
  if (fig.code_means) {
    const subs = tested.map(({ f }) => substantive(f, info));
    for (const t of meanTests(subs, names)) rows.push(testRow({ ...base, category: 'kodene som skala' }, fig.id, wave, t, `${t.groups.join(' vs ')} (koder som skala)`, { note: 'kodene brukt som intervallskala, «Vet ikke» holdt utenfor (som rapportens fotnote 7)' }));
  }
  return rows;
}

/** Published distributions of the item (pct_cat rows of the baseline file), per group. */
export async function baselineDistribution(db: Db, fig: FigureOf<'distribution'>): Promise<ResultRow[]> {
  const shown = new Set(fig.groups.map((code) => GROUPS.find((g) => g.survey === fig.survey && g.variable === fig.by && g.codes[0] === code)?.code));
  const rows = await all<BaselineCategory>(
    db,
    `SELECT baseline_id, wave, group_code, category, value, n, value_source, comparability_note FROM stg_baselines__published
     WHERE survey = $survey AND variable = $variable AND measure = 'pct_cat' ORDER BY wave, group_code, category`,
    { survey: fig.survey, variable: fig.variable },
  );
  return rows
    .filter((b) => shown.has(b.group_code))
    .map((b) => ({
      ...baseRow(fig, b.wave, fig.variable, 'stg_baselines__published'),
      result_id: resultId(fig, b.wave, fig.variable, b.group_code, `pct_cat${b.category}`, b.value_source),
      group_code: b.group_code,
      group_label: GROUPS.find((g) => g.code === b.group_code)?.label ?? b.group_code,
      measure: 'pct_cat',
      category: b.category,
      value: b.value,
      n: b.n,
      value_source: b.value_source,
      baseline_id: b.baseline_id,
      labels: VALUE_SOURCE_LABELS[b.value_source] ?? '',
      note: b.comparability_note ?? '',
    }));
}
