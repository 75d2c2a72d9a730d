/**
 * Small cells: a value computed from fewer than `minCell` respondents is not shown (official
 * statistics' rule, default 5, `pipeline --min-cell N`). The warehouse keeps every number; only the
 * report (pages, charts, tables, CSV downloads, prose) hides them. Hidden are
 * - value rows from microdata whose n (the respondents behind the value: the group's answers to
 *   the item) is below the threshold; their interval and design columns go with them;
 * - every test whose comparison involves such a group (its statistic, p and effect would let a
 *   reader recover the hidden value).
 * Not hidden: published baselines (already public aggregates), counts of the sample and its
 * disposition in the method tables (Vedlegg D: invitations, bounces, offices by sampling method;
 * they say nothing about anyone's answers), and n itself.
 */
import { SUPPRESSED } from '../../notebooks/components/value-source.ts';
import { FIGURES } from '../../schemas/figures.ts';
import { comparedGroups } from '../analyze/figures/common.ts';
import type { ResultRow } from '../analyze/results.ts';

export const DEFAULT_MIN_CELL = 5;
/** The method tables (dispositions, samples): counts of the sample, not of anyone's answers. */
const EXEMPT_FIGURES = new Set(FIGURES.filter((f) => f.recipe === 'disposition' || f.recipe === 'samples').map((f) => f.id));
const TEST_MEASURES = new Set(['test', 'not_tested', 'pending']);

export function suppressedLabel(minCell: number): string {
  return `${SUPPRESSED} ${minCell} svar`;
}

const HIDDEN_VALUE = { value: null, ci_low: null, ci_high: null, design_se: null, design_ci_low: null, design_ci_high: null, deff: null };
const HIDDEN_TEST = { value: null, ci_low: null, ci_high: null, statistic: null, df1: null, df2: null, p: null, p_adj: null, effect: null, effect_ci_low: null, effect_ci_high: null };

/** The rows with small cells (and the tests that involve them) blanked and labelled. */
export function suppressSmallCells(rows: ResultRow[], minCell: number): { rows: ResultRow[]; hidden: Set<string> } {
  const label = suppressedLabel(minCell);
  const hidden = new Set<string>();
  const small = new Set<string>();
  const key = (r: ResultRow, group: string) => `${r.figure_id}|${r.variable}|${group}`;
  const out = rows.map((r) => {
    if (EXEMPT_FIGURES.has(r.figure_id) || TEST_MEASURES.has(r.measure) || r.measure === 'n' || r.value_source !== 'microdata' || r.n === null || r.n >= minCell) return r;
    hidden.add(r.result_id);
    small.add(key(r, r.group_code));
    return { ...r, ...HIDDEN_VALUE, labels: [r.labels, label].filter(Boolean).join('; ') };
  });
  if (small.size === 0) return { rows: out, hidden };
  return {
    rows: out.map((r) => {
      if (r.measure !== 'test' || !comparedGroups(r.comparison).some((g) => small.has(key(r, g)))) return r;
      hidden.add(r.result_id);
      return { ...r, ...HIDDEN_TEST, labels: [r.labels, `${label} i en av gruppene`].filter(Boolean).join('; ') };
    }),
    hidden,
  };
}
