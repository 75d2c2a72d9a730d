/**
 * The design-based columns of a table (office survey): the 95 % interval of the cluster design and
 * the design effect, shown only when some row of the figure has them.
 */
import type { ResultRow } from '../../analyze/results.ts';
import { fmtNumber } from '../../core/format.ts';

export const DESIGN_HEADER = ['Designjustert 95 % KI', 'Designeffekt'];

export function hasDesign(rows: ResultRow[]): boolean {
  return rows.some((r) => r.deff !== null);
}

export function designCells(r: ResultRow, digits: number): string[] {
  if (r.deff === null) return ['–', '–'];
  return [r.design_ci_low === null ? '–' : `${fmtNumber(r.design_ci_low, digits)}–${fmtNumber(r.design_ci_high, digits)}`, fmtNumber(r.deff, 2)];
}

export const DESIGN_NOTE =
  'Kontorundersøkelsen: respondentene er gruppert i kontorer. Designjusterte intervaller og tester bruker kontoret som klynge (som R: svydesign(ids = ~kontor_id)); designeffekten er hvor mye større variansen er enn ved uavhengige trekk. Figuren tegner de designjusterte intervallene der de finnes.';
