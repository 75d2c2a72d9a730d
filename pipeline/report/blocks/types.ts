/** What each recipe's block hands to the shell. */
import type { FigureDef } from '../../../schemas/figures.ts';
import type { ResultRow } from '../../analyze/results.ts';
import type { Table } from './data-table.ts';

export interface BlockInput {
  fig: FigureDef;
  rows: ResultRow[];
  /** Item texts by variable (dim_variables). */
  labels: Map<string, string>;
  width: number;
  /** Significance marks after a value (`*`, `†` …; '' when none), see significance.ts. */
  mark: (r: ResultRow) => string;
  /** Answer labels by `variable|code` from the newest codebook (for figures of published values only). */
  codeLabels: Map<string, string>;
}

export interface BlockBody {
  /** SVG (and its key) as HTML; empty when the table is the figure (Tabell 1 and 2). */
  chart: string;
  /** The numbers: a table the shell renders (with pending groups), or finished HTML. */
  table: Table | { html: string };
  /** The n of every group, printed under the chart. */
  nLine: string;
  /** What the numbers are shares or means of. */
  denominator: string;
  /** Further notes that must be visible (comparability, values not drawn). */
  notes: string[];
  /** The value rows shown in the table; with the tests they make the figure's CSV. */
  shown: ResultRow[];
}

export type Block = (input: BlockInput) => BlockBody;
