/**
 * Pieces every figure recipe shares: the base row, result ids, the panels (sets of groups) a
 * figure shows and how their groups are named, and the placeholder rows of a panel whose survey
 * is not in the warehouse.
 */
import type { FigureDef, Panel } from '../../../schemas/figures.ts';
import { GROUPS } from '../../../schemas/groups.ts';
import type { GroupSummary } from '../compare.ts';
import { groupForCode } from '../../../schemas/groups.ts';
import { EMPTY_RESULT, type ResultRow } from '../results.ts';

export type BaseRow = Omit<ResultRow, 'result_id' | 'measure'>;

export function baseRow(fig: FigureDef, wave: string, variable: string, sourceModel: string, survey: string = fig.survey): BaseRow {
  return { ...EMPTY_RESULT, figure_id: fig.id, survey, wave, variable, source_model: sourceModel };
}

export function resultId(fig: FigureDef, wave: string, ...parts: string[]): string {
  return [fig.id, wave, ...parts].join('/');
}

type Grouped = Extract<FigureDef, { panels: Panel[] }>;

/** The figure's own groups first, then its further panels. */
export function panelsOf(fig: Grouped): Panel[] {
  return [{ survey: fig.survey, by: fig.by, groups: fig.groups, where: fig.where, prefix: fig.prefix }, ...fig.panels];
}

/** A group of a panel as the figure names it: `enhetsleder.statlig`, «Enhetsleder, statlig ansatt». */
export function panelGroup(panel: Panel, g: Pick<GroupSummary, 'group' | 'label'>): { code: string; label: string } {
  if (!panel.prefix) return { code: g.group, label: g.label };
  const prefixLabel = GROUPS.find((x) => x.code === panel.prefix)?.label ?? labelOfPrefix(panel.prefix);
  return { code: `${panel.prefix}.${g.group}`, label: `${prefixLabel}, ${g.label.charAt(0).toLowerCase()}${g.label.slice(1)}` };
}

const PREFIX_LABELS: Record<string, string> = { oppfolging: 'Oppfølgingskontorene', portefolje: 'Kontorets tjenesteportefølje', ledere: 'Ledere' };
function labelOfPrefix(prefix: string): string {
  return PREFIX_LABELS[prefix] ?? prefix;
}

/** The group codes a test row's comparison names (`a vs b`, `g 2019 → 2023`): the inverse of panelComparison and the trends' wording. */
export function comparedGroups(comparison: string): string[] {
  return comparison.split(/\s+/).filter((t) => t !== 'vs' && t !== '→' && !/^\d{4}[a-z]?$/.test(t));
}

/** Names of the groups a test compares, with the panel's prefix: `enhetsleder.statlig vs enhetsleder.kommunal`. */
export function panelComparison(panel: Panel, names: string[]): string {
  return names.map((n) => (panel.prefix ? `${panel.prefix}.${n}` : n)).join(' vs ');
}



/**
 * A panel whose survey is not loaded: one `pending` row per group, so the report keeps the groups'
 * place visible (e.g. the office survey's unit leaders when only the ordfører/rådmann data are in).
 */
export function pendingPanelRows(fig: FigureDef, panel: Panel, wave: string): ResultRow[] {
  return panel.groups.map((code) => {
    const g = groupForCode(panel.survey, panel.by, code);
    const named = panelGroup(panel, { group: g?.code ?? `${panel.by}_${code}`, label: g?.label ?? `${panel.by} = ${code}` });
    return {
      ...baseRow(fig, wave, '', '', panel.survey),
      result_id: resultId(fig, wave, named.code, 'pending'),
      group_code: named.code,
      group_label: named.label,
      measure: 'pending',
      note: 'kontorundersøkelsen er ikke lastet',
    };
  });
}

/** The microdata items a figure counts answers to (published-only and method figures: none). */
export function figureItems(fig: FigureDef): string[] {
  switch (fig.recipe) {
    case 'means':
    case 'shares':
      return fig.variables;
    case 'ticked':
      return [...fig.variables, ...(fig.summary ? [fig.summary] : [])];
    case 'distribution':
      return [fig.variable];
    default:
      return [];
  }
}
