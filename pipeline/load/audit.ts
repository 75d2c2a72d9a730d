/** Row accounting per input file: rows read = rows loaded + rows quarantined, or the run fails. */
import type { Db } from '../core/db.ts';
import { all, ident, literal } from '../core/db.ts';
import { PipelineError } from '../core/errors.ts';
import type { IngestedFile } from '../ingest/index.ts';

export interface FileAudit {
  file: string;
  role: string;
  rows_read: number;
  rows_loaded: number;
  rows_quarantined: number;
  empty_rows_skipped: number;
  format: string;
  sheet: string | null;
  encoding: string | null;
  delimiter: string | null;
  /** Coded columns written as answer labels (the rest are codes). */
  label_columns: string[];
  question_texts_differing: Array<{ variable: string; file: string; codebook: string }>;
  failed: boolean;
  renamed_columns: Array<{ from: string; to: string }>;
  dropped_personal_data_columns: string[];
  personal_data_checks: Record<string, number> | null;
  errors: Record<string, number>;
  warnings: Record<string, number>;
}

export async function auditFile(db: Db, f: IngestedFile, loadedTable: string | null, loadedCount?: number): Promise<FileAudit> {
  const counts = await all<{ code: string; severity: string; n: number }>(db, `SELECT code, severity, count(*) AS n FROM issues WHERE file = $file GROUP BY ALL ORDER BY code`, { file: f.file });
  const quarantined = await all<{ n: number }>(db, `SELECT count(DISTINCT "row") AS n FROM issues WHERE file = $file AND severity = 'error' AND "row" IS NOT NULL`, { file: f.file });
  let rowsLoaded = loadedCount ?? 0;
  if (loadedTable !== null) {
    rowsLoaded = (await all<{ n: number }>(db, `SELECT count(*) AS n FROM ${ident(loadedTable)} WHERE _file = ${literal(f.file)}`))[0]?.n ?? 0;
  }
  const rowsQuarantined = f.failed ? f.rowsRead : (quarantined[0]?.n ?? 0);
  const pick = (sev: string) => Object.fromEntries(counts.filter((c) => c.severity === sev).map((c) => [c.code, c.n]));
  const audit: FileAudit = {
    file: f.file,
    role: f.role,
    rows_read: f.rowsRead,
    rows_loaded: f.failed ? 0 : rowsLoaded,
    rows_quarantined: rowsQuarantined,
    empty_rows_skipped: f.emptyRowsSkipped,
    format: f.format,
    sheet: f.sheet,
    encoding: f.encoding,
    delimiter: f.delimiter,
    label_columns: f.labelColumns,
    question_texts_differing: f.questionTextsDiffering,
    failed: f.failed,
    renamed_columns: f.renamedColumns,
    dropped_personal_data_columns: f.droppedColumns,
    personal_data_checks: f.piiChecks ? { ...f.piiChecks } : null,
    errors: pick('error'),
    warnings: pick('warning'),
  };
  if (audit.rows_read !== audit.rows_loaded + audit.rows_quarantined) {
    throw new PipelineError(`${f.file}: row accounting does not add up: read ${audit.rows_read} ≠ loaded ${audit.rows_loaded} + quarantined ${audit.rows_quarantined}`, 3);
  }
  return audit;
}
