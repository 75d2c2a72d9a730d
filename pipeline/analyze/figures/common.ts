/** Pieces every figure recipe shares: the base row, group rows, and the pending office groups. */
import type { FigureDef } from '../../../schemas/figures.ts';
import { GROUPS } from '../../../schemas/groups.ts';
import type { Comparison } from '../compare.ts';
import { EMPTY_RESULT, type ResultRow } from '../results.ts';

export type BaseRow = Omit<ResultRow, 'result_id' | 'measure'>;

export function baseRow(fig: FigureDef, wave: string, variable: string, sourceModel: string): BaseRow {
  return { ...EMPTY_RESULT, figure_id: fig.id, survey: fig.survey, wave, variable, source_model: sourceModel };
}

export function resultId(fig: FigureDef, wave: string, ...parts: string[]): string {
  return [fig.id, wave, ...parts].join('/');
}

/**
 * Groups of the office survey that the figure also shows: one `pending` row each, so the report
 * keeps their place visible until that survey is in the warehouse (issue 4).
 */
export function pendingRows(fig: FigureDef, wave: string, loaded: ReadonlySet<string>): ResultRow[] {
  return fig.pending_groups
    .filter((code) => !loaded.has(code))
    .map((code) => ({
      ...baseRow(fig, wave, '', ''),
      result_id: resultId(fig, wave, code, 'pending'),
      group_code: code,
      group_label: GROUPS.find((g) => g.code === code)?.label ?? code,
      measure: 'pending',
      note: 'kontorundersøkelsen er ikke lastet ennå',
    }));
}

/** Names of the groups compared, for a test row: `ordforer vs radmann`. */
export function comparisonOf(c: Comparison): string {
  return c.groups.filter((g) => g.n > 0).map((g) => g.group).join(' vs ');
}
