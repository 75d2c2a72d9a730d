/**
 * Quarantine rows as read, with their reasons (exports.md §5): `row, resp_id, codes, messages`,
 * then the cells. Cells that may hold personal data — free text, columns not in the codebook,
 * and the sample file's personal-data columns — are shown as `[fjernet]`.
 */
import type { Codebook } from '../../schemas/codebook.ts';
import type { Db } from '../core/db.ts';
import { all, ident } from '../core/db.ts';
import { REDACTED } from '../core/issues.ts';
import { redactSql } from '../../schemas/kinds/text.ts';
import type { IngestedFile } from '../ingest/index.ts';

export interface QuarantineFile {
  file: string;
  header: string[];
  rows: unknown[][];
}

function safeColumns(f: IngestedFile, codebook: Codebook | null): Set<string> {
  if (f.role !== 'responses' || !codebook) return new Set(f.columns);
  return new Set(codebook.variables.filter((v) => v.pii === 'none').map((v) => v.name));
}

export async function quarantineRows(db: Db, f: IngestedFile, codebook: Codebook | null): Promise<QuarantineFile | null> {
  if (f.rowsRead === 0) return null;
  const safe = safeColumns(f, codebook);
  const cells = f.columns.map((c, i) => {
    const cell = `r.${ident(c)}`;
    // Cells of any column may hold what a person typed by mistake: e-mails and id numbers go.
    return safe.has(c) ? `${redactSql(cell)} AS c${i}` : `CASE WHEN trim(coalesce(${cell}, '')) <> '' THEN '${REDACTED}' END AS c${i}`;
  });
  const dropped = f.droppedColumns.map((_c, i) => `'${REDACTED}' AS d${i}`);
  const idColumn = f.columns.includes('resp_id') ? 'r.resp_id' : f.columns.includes('baseline_id') ? 'r.baseline_id' : 'NULL';
  const reasons = f.failed
    ? `SELECT r._row AS "row", string_agg(DISTINCT i.code, ';' ORDER BY i.code) AS codes, string_agg(i.message, ' | ') AS messages FROM ${ident(f.table)} r, issues i WHERE i.file = $file AND i.severity = 'error' GROUP BY r._row`
    : `SELECT "row", string_agg(DISTINCT code, ';' ORDER BY code) AS codes,
         string_agg(coalesce(column_name || ': ', '') || message || ' Forventet ' || expected || '; fant «' || coalesce(found, '') || '».', ' | ' ORDER BY column_name, code) AS messages
       FROM issues WHERE file = $file AND severity = 'error' AND "row" IS NOT NULL GROUP BY "row"`;
  const rows = await all<Record<string, unknown>>(
    db,
    `WITH reasons AS (${reasons})
     SELECT r._row AS "row", ${redactSql(idColumn)} AS resp_id, q.codes, q.messages${cells.length ? ', ' + cells.join(', ') : ''}${dropped.length ? ', ' + dropped.join(', ') : ''}
     FROM ${ident(f.table)} r JOIN reasons q ON q."row" = r._row ORDER BY r._row`,
    { file: f.file },
  );
  if (rows.length === 0) return null;
  const header = ['row', 'resp_id', 'codes', 'messages', ...f.columns, ...f.droppedColumns];
  return { file: f.file, header, rows: rows.map((r) => Object.values(r)) };
}
