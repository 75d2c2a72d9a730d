/** Missing-cell tokens (exports.md §2.3): empty, whitespace, `#NULL!` and `.` all mean "no value". */
import type { Db } from '../core/db.ts';
import { ident } from '../core/db.ts';

export function normalisedCell(column: string): string {
  const c = ident(column);
  return `CASE WHEN trim(${c}) IN ('', '#NULL!', '.') THEN NULL ELSE trim(${c}) END`;
}

/**
 * `norm` = the raw table with every cell trimmed and missing tokens turned into NULL. A view, not
 * a copy: each check reads only the cells it needs, and the typed table is made in one pass.
 */
export async function createNormalisedTable(db: Db, raw: string, norm: string, columns: string[]): Promise<void> {
  const cols = columns.map((c) => `${normalisedCell(c)} AS ${ident(c)}`);
  await db.run(`CREATE OR REPLACE TEMP VIEW ${ident(norm)} AS SELECT _row, _fields${cols.length ? ', ' : ''}${cols.join(', ')} FROM ${ident(raw)}`);
}
