/**
 * Files whose columns are fixed by the export format rather than by a codebook (the sample/
 * disposition file, the office frame): each column declared once with its typed SQL and the
 * finding a cell that does not parse raises.
 */
import { ident, literal } from '../core/db.ts';

export interface FixedColumn {
  name: string;
  sqlType: 'VARCHAR' | 'INTEGER' | 'DATE';
  typed: (cell: string) => string;
  check?: { code: `E_${string}`; expected: string; message: string };
  /** An empty cell is itself the finding (ids). */
  requiredCell?: boolean;
}

export function fixedTypedSelect(columns: FixedColumn[], present: Set<string>): string {
  return columns.map((col) => `CAST(${present.has(col.name) ? col.typed(ident(col.name)) : 'NULL'} AS ${col.sqlType}) AS ${ident(col.name)}`).join(', ');
}

/** One query listing every cell finding of the file (row, column, code, expected, found, message). */
export function fixedChecksSql(columns: FixedColumn[], present: Set<string>, norm: string): string | null {
  const parts = columns
    .filter((col) => col.check && present.has(col.name))
    .map((col) => {
      const cell = ident(col.name);
      const check = col.check!;
      const when = col.requiredCell ? `${cell} IS NULL OR ${col.typed(cell)} IS NULL` : `${cell} IS NOT NULL AND ${col.typed(cell)} IS NULL`;
      return `SELECT _row, ${literal(col.name)} AS column_name, ${literal(check.code)} AS code, 'error' AS severity, ${literal(check.expected)} AS expected, ${cell} AS found, ${literal(check.message)} AS message FROM ${ident(norm)} WHERE ${when}`;
    });
  return parts.length ? parts.join('\nUNION ALL\n') : null;
}

/** 0/1, `1.0` or `1,0`; empty is missing. */
export const flagSql = (c: string): string => `CASE WHEN regexp_full_match(${c}, '[01]([.,]0+)?') THEN CAST(left(${c}, 1) AS INTEGER) END`;
