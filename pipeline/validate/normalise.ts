/** Missing-cell tokens (exports.md §2.3): empty, whitespace, `#NULL!` and `.` all mean "no value". */
import type { Db } from '../core/db.ts';
import { ident, literal } from '../core/db.ts';
import { BLANK_CHARS } from '../ingest/csv-file.ts';

/** Blanks trimmed from a cell's ends (and a cell of only blanks is empty): the readers' blanks. */
const BLANKS = literal(BLANK_CHARS);

export function normalisedCell(column: string): string {
  const c = ident(column);
  const trimmed = `trim(${c}, ${BLANKS})`;
  return `CASE WHEN ${trimmed} IN ('', '#NULL!', '.') THEN NULL ELSE ${trimmed} END`;
}

/**
 * `norm` = the raw table with every cell trimmed and missing tokens turned into NULL. A view, not
 * a copy: each check reads only the cells it needs, and the typed table is made in one pass.
 * `overrides` replace a column's expression (recoded codes, labels read as codes: labels.ts).
 */
export async function createNormalisedTable(db: Db, raw: string, norm: string, columns: string[], overrides: Map<string, string> = new Map()): Promise<void> {
  const cols = columns.map((c) => `${overrides.get(c) ?? normalisedCell(c)} AS ${ident(c)}`);
  await db.run(`CREATE OR REPLACE TEMP VIEW ${ident(norm)} AS SELECT _row, _fields${cols.length ? ', ' : ''}${cols.join(', ')} FROM ${ident(raw)}`);
}
