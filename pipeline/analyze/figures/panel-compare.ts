/**
 * Runs `compare` for every panel of a grouped figure, wave by wave and item by item, and names
 * its groups as the figure does. Panels whose survey is not loaded give placeholder rows; items a
 * survey did not ask are skipped for that survey.
 */
import type { FigureDef, Panel } from '../../../schemas/figures.ts';
import type { Db } from '../../core/db.ts';
import { PipelineError } from '../../core/errors.ts';
import { compareGroups, type Comparison, type TestKinds } from '../compare.ts';
import { variableInfo, wavesOf } from '../metadata.ts';
import type { ResultRow } from '../results.ts';
import { panelsOf, pendingPanelRows } from './common.ts';

type Grouped = Extract<FigureDef, { panels: Panel[] }>;

export interface PanelComparison {
  panel: Panel;
  /** 0 for the figure's own groups, then the further panels in order. */
  index: number;
  wave: string;
  variable: string;
  comparison: Comparison;
}

/** Whether the wave's codebook has the item (a dropped or new item is missing from some waves). */
export async function asked(db: Db, survey: string, wave: string, variable: string): Promise<boolean> {
  return variableInfo(db, survey, wave, variable).then(
    () => true,
    (e: unknown) => {
      if (e instanceof PipelineError) return false;
      throw e;
    },
  );
}

export async function comparePanels(db: Db, fig: Grouped, variables: readonly string[], tests: TestKinds): Promise<{ comparisons: PanelComparison[]; pending: ResultRow[] }> {
  const comparisons: PanelComparison[] = [];
  const pending: ResultRow[] = [];
  const latest = (await wavesOf(db, fig.survey)).at(-1) ?? '';
  for (const [index, panel] of panelsOf(fig).entries()) {
    const waves = await wavesOf(db, panel.survey);
    if (waves.length === 0) {
      pending.push(...pendingPanelRows(fig, panel, latest));
      continue;
    }
    for (const wave of waves) {
      for (const variable of variables) {
        if (!(await asked(db, panel.survey, wave, variable))) continue;
        const comparison = await compareGroups(db, { survey: panel.survey, wave, question: variable, by: panel.by, groups: panel.groups, where: panel.where, tests });
        comparisons.push({ panel, index, wave, variable, comparison });
      }
    }
  }
  return { comparisons, pending };
}
