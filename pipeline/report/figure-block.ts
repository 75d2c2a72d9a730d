/**
 * One figure as the reader sees it: each recipe's block (blocks/<recipe>.ts) draws the chart and
 * the table; the shell adds caption, pending groups, n, tests and the CSV link. Everything comes
 * from `results` rows.
 */
import type { FigureDef } from '../../schemas/figures.ts';
import { groupForCode } from '../../schemas/groups.ts';
import { panelGroup, panelsOf } from '../analyze/figures/common.ts';
import type { ResultRow } from '../analyze/results.ts';
import { baselineBlock } from './blocks/baseline.ts';
import { type Csv, figureCsv } from './blocks/csv.ts';
import { dispositionBlock } from './blocks/disposition.ts';
import { distributionBlock } from './blocks/distribution.ts';
import { meansBlock } from './blocks/means.ts';
import { olsBlock } from './blocks/ols.ts';
import { samplesBlock } from './blocks/samples.ts';
import { sharesBlock } from './blocks/shares.ts';
import { figureShell } from './blocks/shell.ts';
import { significanceKey, significanceOf } from './significance.ts';
import { tickedBlock } from './blocks/ticked.ts';
import type { Block } from './blocks/types.ts';

export interface FigureBlock {
  html: string;
  csv: Csv;
}

const BLOCKS: Record<FigureDef['recipe'], Block> = {
  means: meansBlock,
  shares: sharesBlock,
  distribution: distributionBlock,
  ticked: tickedBlock,
  baseline: baselineBlock,
  ols: olsBlock,
  disposition: dispositionBlock,
  samples: samplesBlock,
};

/** Chart width in px: the report column at reading size. */
const WIDTH = 720;

/** The figure's group codes in the order its panels list them. */
function groupOrder(fig: FigureDef): string[] {
  if (!('panels' in fig)) return [];
  return panelsOf(fig).flatMap((panel) => panel.groups.map((code) => panelGroup(panel, { group: groupForCode(panel.survey, panel.by, code)?.code ?? String(code), label: '' }).code));
}

/** Rows in the order of the figure's items and groups (`results` comes sorted by id, i.e. alphabetically). */
function inItemOrder(fig: FigureDef, rows: ResultRow[]): ResultRow[] {
  const items: readonly string[] = 'variables' in fig ? fig.variables : [];
  const rank = (v: string) => (items.includes(v) ? items.indexOf(v) : items.length);
  const groups = groupOrder(fig);
  const groupRank = (g: string) => (groups.includes(g) ? groups.indexOf(g) : groups.length);
  return [...rows].sort((a, b) => rank(a.variable) - rank(b.variable) || groupRank(a.group_code) - groupRank(b.group_code));
}

export function figureBlock(fig: FigureDef, figureRows: ResultRow[], labels: Map<string, string>, codeLabels: Map<string, string> = new Map()): FigureBlock {
  const rows = inItemOrder(fig, figureRows);
  const groupLabels = new Map(rows.filter((r) => r.group_code && r.group_label).map((r) => [r.group_code, r.group_label.toLowerCase()]));
  const significance = significanceOf(fig, rows, groupLabels);
  const body = BLOCKS[fig.recipe]({ fig, rows, labels, width: WIDTH, mark: significance.markOf, codeLabels });
  return { html: figureShell(fig, rows, body, labels, { groupLabels, significanceKey: body.chart ? significanceKey(significance) : [] }), csv: figureCsv(body.shown, rows, labels) };
}
