/**
 * The full distribution of one item per group (F06, F11, F23, F27, F31 …): the percent of every
 * answer code among all who answered, "Vet ikke" shown as its own category (figures.md §1.3), with
 * published baseline distributions where they exist. The groups × categories table is tested with
 * Pearson's chi-square (Fisher's exact test when an expected count is small) and, for the office
 * survey, the Rao–Scott chi-square of the cluster design. With `code_means`, the codes are also
 * treated as a score ("Vet ikke" removed) and compared with the mean tests, as the report's
 * footnote 7 does for Figur 11.
 */
import type { FigureOf } from '../../../schemas/figures.ts';
import { GROUPS } from '../../../schemas/groups.ts';
import type { Db } from '../../core/db.ts';
import { all } from '../../core/db.ts';
import { variableInfo } from '../metadata.ts';
import { countIn } from '../stats/freq.ts';
import { wilson } from '../stats/intervals.ts';
import { VALUE_SOURCE_LABELS } from '../trend.ts';
import type { ResultRow } from '../results.ts';
import { baseRow, panelComparison, panelGroup, resultId } from './common.ts';
import { comparePanels } from './panel-compare.ts';
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

const TABLE_TESTS = new Set(['chisq', 'fisher_exact', 'svy_chisq']);
const SCORE_TESTS = new Set(['student_t', 'welch_t', 'levene', 'mann_whitney', 'anova_f', 'welch_anova', 'kruskal_wallis', 'games_howell', 'svy_t', 'svy_wald_f']);

export async function distribution(db: Db, fig: FigureOf<'distribution'>): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  const { comparisons, pending } = await comparePanels(db, fig, [fig.variable], fig.code_means ? ['mean', 'table'] : ['table']);
  for (const { panel, wave, comparison: c } of comparisons) {
    const info = await variableInfo(db, panel.survey, wave, fig.variable);
    const base = baseRow(fig, wave, fig.variable, c.source_model, panel.survey);
    c.groups.forEach((g, i) => {
      const f = c.counts[i]!;
      const named = panelGroup(panel, g);
      const answered = g.n + g.n_dont_know;
      rows.push({ ...base, result_id: resultId(fig, wave, fig.variable, named.code, 'n'), group_code: named.code, group_label: named.label, measure: 'n', value: answered, n: answered });
      for (const code of info.codes) {
        const k = countIn(f, [code.code]);
        const ci = answered > 0 ? wilson(k, answered) : null;
        rows.push({
          ...base,
          result_id: resultId(fig, wave, fig.variable, named.code, `pct_cat${code.code}`),
          group_code: named.code,
          group_label: named.label,
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
    for (const t of c.tests.filter((x) => TABLE_TESTS.has(x.name))) {
      rows.push(testRow(base, fig.id, wave, t, panelComparison(panel, t.groups), { note: [t.note, '«Vet ikke» er egen kategori'].filter(Boolean).join('; ') }));
    }
    if (fig.code_means && info.ordinal) {
      for (const t of c.tests.filter((x) => SCORE_TESTS.has(x.name))) {
        rows.push(testRow({ ...base, category: 'kodene som skala' }, fig.id, wave, t, `${panelComparison(panel, t.groups)} (koder som skala)`, { note: [t.note, 'kodene brukt som intervallskala, «Vet ikke» holdt utenfor (som rapportens fotnote 7)'].filter(Boolean).join('; ') }));
      }
    }
  }
  return [...rows, ...pending];
}

/** Published distributions of the item (pct_cat rows of the baseline file), per group shown. */
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
