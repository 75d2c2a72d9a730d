/**
 * What a question kind declares: how a raw text cell becomes a typed value (as SQL over the
 * normalised cell, NULL for missing), which findings a cell can raise, its column type and its
 * default measure. Stages look kinds up by name and never branch on the kind themselves.
 */
import type { Codebook, Variable } from '../codebook.ts';

export interface KindContext {
  codebook: Codebook;
  /** SQL for the normalised cell of a variable (`NULL` when its column is absent from the file). */
  cell(name: string): string;
  /** SQL for the typed value of a variable (`NULL` when absent). */
  typed(name: string): string;
  /** Table with a `kommunenr` column listing the valid municipalities of the wave, if any. */
  kommuneFrame: string | null;
  /** Table with a `kontor_id` column listing the offices of the wave's frame (offices.csv), if any. */
  kontorFrame: string | null;
}

export interface CellCheck {
  code: `E_${string}` | `W_${string}`;
  severity: 'error' | 'warning';
  /** SQL condition that is true when the finding applies. */
  when: string;
  expected: string;
  message: string;
  /** SQL for what is shown as "found" (defaults to the cell); personal data must not pass here. */
  found?: string;
}

export type Measure = 'mean' | 'pct_top2' | 'pct_dist' | 'pct_ticked' | 'none';

export interface Kind {
  sqlType: 'INTEGER' | 'VARCHAR' | 'TIMESTAMP';
  typed(v: Variable, ctx: KindContext): string;
  checks(v: Variable, ctx: KindContext): CellCheck[];
  defaultMeasure: Measure;
}
