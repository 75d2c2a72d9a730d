/**
 * E_ID_DUPLICATE (exports.md §2.3): identical copies of a row → the later copies are quarantined;
 * copies that differ → every copy is quarantined, since nobody can tell which one is right.
 * Runs across all response files of a wave, as resp_id must be unique across them.
 */
import type { Db } from '../core/db.ts';
import { all, ident } from '../core/db.ts';

export interface DuplicateFinding {
  table: string;
  row: number;
  id: string;
  identical: boolean;
}

export async function findDuplicateIds(db: Db, tables: Array<{ norm: string; columns: string[] }>, idColumn = 'resp_id'): Promise<DuplicateFinding[]> {
  if (tables.length === 0) return [];
  const ids = tables.map(({ norm }) => `SELECT ${ident(idColumn)} AS id FROM ${ident(norm)} WHERE ${ident(idColumn)} IS NOT NULL`).join(' UNION ALL ');
  // Row contents are hashed only for the ids that occur more than once (few, or none).
  const parts = tables.map(({ norm, columns }) => {
    const cells = columns.filter((c) => c !== idColumn).map((c) => `coalesce(${ident(c)}, '')`);
    const hash = cells.length ? `md5(concat_ws(chr(31), ${cells.join(', ')}))` : `''`;
    return `SELECT '${norm}' AS tbl, _row, ${ident(idColumn)} AS id, ${hash} AS h FROM ${ident(norm)} WHERE ${ident(idColumn)} IN (SELECT id FROM repeated)`;
  });
  const sql = `
    WITH repeated AS (SELECT id FROM (${ids}) GROUP BY id HAVING count(*) > 1),
    ids AS (${parts.join(' UNION ALL ')}),
    ranked AS (
      SELECT *, count(*) OVER (PARTITION BY id) AS n_copies,
             count(DISTINCT h) OVER (PARTITION BY id) AS n_versions,
             row_number() OVER (PARTITION BY id ORDER BY tbl, _row) AS copy_no
      FROM ids
    )
    SELECT tbl AS "table", _row AS row, id, n_versions = 1 AS identical FROM ranked
    WHERE n_copies > 1 AND (n_versions > 1 OR copy_no > 1)
    ORDER BY tbl, _row`;
  return all<DuplicateFinding>(db, sql);
}
