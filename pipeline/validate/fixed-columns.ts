/**
 * Files whose columns are fixed by the export format rather than by a codebook (the sample/
 * disposition file, the office frame): each column declared once with its typed SQL and the
 * finding a cell that does not parse raises.
 */
import { ident, literal } from '../core/db.ts';
import { cellColumn, typedColumn } from './row-checks.ts';

export interface FixedColumn {
  name: string;
  sqlType: 'VARCHAR' | 'INTEGER' | 'DATE';
  typed: (cell: string) => string;
  check?: { code: `E_${string}`; expected: string; message: string };
  /** An empty cell is itself the finding (ids). */
  requiredCell?: boolean;
}

const cellOf = (name: string) => ident(cellColumn(name));
const typedOf = (name: string) => ident(typedColumn(name));

/** The check table of a fixed file: each normalised cell beside its typed value, made in one pass. */
export function fixedCheckTableSelect(columns: FixedColumn[], present: Set<string>): string {
  return [
    '_row',
    ...columns.filter((col) => present.has(col.name)).map((col) => `${ident(col.name)} AS ${cellOf(col.name)}`),
    ...columns.map((col) => `CAST(${present.has(col.name) ? col.typed(ident(col.name)) : 'NULL'} AS ${col.sqlType}) AS ${typedOf(col.name)}`),
  ].join(', ');
}

/** The typed rows, from the check table. */
export function fixedTypedSelect(columns: FixedColumn[]): string {
  return columns.map((col) => `${typedOf(col.name)} AS ${ident(col.name)}`).join(', ');
}

/** Every cell finding of the file over its check table, each as its condition and its query. */
export function fixedCheckParts(columns: FixedColumn[], present: Set<string>, table: string): Array<{ when: string; sql: string }> {
  return columns
    .filter((col) => col.check && present.has(col.name))
    .map((col) => {
      const cell = cellOf(col.name);
      const check = col.check!;
      const when = col.requiredCell ? `${cell} IS NULL OR ${typedOf(col.name)} IS NULL` : `${cell} IS NOT NULL AND ${typedOf(col.name)} IS NULL`;
      return { when, sql: `SELECT _row, ${literal(col.name)} AS column_name, ${literal(check.code)} AS code, 'error' AS severity, ${literal(check.expected)} AS expected, ${cell} AS found, ${literal(check.message)} AS message FROM ${ident(table)} WHERE ${when}` };
    });
}

/** 0/1, `1.0` or `1,0`; empty is missing. */
export const flagSql = (c: string): string => `CASE WHEN regexp_full_match(${c}, '[01]([.,]0+)?') THEN CAST(left(${c}, 1) AS INTEGER) END`;
