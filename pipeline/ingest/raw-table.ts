/**
 * The hand-over from ingest to validate: one DuckDB table per input file holding every data row
 * as text cells, with `_row` (1-based row of the file, header = 1) and `_fields` (cells in the row).
 */
import type { Db } from '../core/db.ts';
import { ident } from '../core/db.ts';

export async function createRawTable(db: Db, table: string, columns: string[]): Promise<void> {
  const cols = ['"_row" INTEGER', '"_fields" INTEGER', ...columns.map((c) => `${ident(c)} VARCHAR`)];
  await db.run(`CREATE OR REPLACE TABLE ${ident(table)} (${cols.join(', ')})`);
}

/** Appends rows; `keep` lists, per table column, the index of the source cell (or -1 for none). */
export async function appendRows(db: Db, table: string, rows: Iterable<{ row: number; cells: string[] }>, keep: number[]): Promise<void> {
  const appender = await db.createAppender(table);
  try {
    for (const { row, cells } of rows) {
      appender.appendInteger(row);
      appender.appendInteger(cells.length);
      for (const index of keep) {
        const cell = index < 0 ? undefined : cells[index];
        if (cell === undefined) appender.appendNull();
        else appender.appendVarchar(cell);
      }
      appender.endRow();
    }
  } finally {
    appender.closeSync();
  }
}
