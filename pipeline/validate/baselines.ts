/**
 * Published baselines are a small, hand-curated file: each row is checked against its zod schema
 * (quote required for stated values, value inside its interval); bad rows are quarantined.
 */
import { BaselineRow } from '../../schemas/baseline.ts';
import type { Db } from '../core/db.ts';
import { all, ident } from '../core/db.ts';
import type { IngestedFile } from '../ingest/index.ts';
import { insertIssue } from './issues-table.ts';

export interface BaselinesResult {
  file: IngestedFile;
  rows: Array<BaselineRow & { _row: number }>;
}

export async function validateBaselines(db: Db, file: IngestedFile): Promise<BaselinesResult> {
  if (file.failed) return { file, rows: [] };
  const raw = await all<Record<string, string | null>>(db, `SELECT * FROM ${ident(file.table)} ORDER BY _row`);
  const rows: BaselinesResult['rows'] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    const row = Number(r._row);
    const cells = Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('_')).map(([k, v]) => [k, (v ?? '').trim()]));
    const parsed = BaselineRow.safeParse(cells);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? '');
        await insertIssue(db, { severity: 'error', code: 'E_BASELINE_INVALID', file: file.file, row, column: column || null, expected: 'en gyldig verdi etter exports.md §4.1', found: String(cells[column] ?? '').slice(0, 80), message: issue.message });
      }
    } else if (seen.has(parsed.data.baseline_id)) {
      await insertIssue(db, { severity: 'error', code: 'E_ID_DUPLICATE', file: file.file, row, column: 'baseline_id', expected: 'unik baseline_id', found: parsed.data.baseline_id, message: 'baseline_id forekommer flere ganger.' });
    } else {
      seen.add(parsed.data.baseline_id);
      rows.push({ ...parsed.data, _row: row });
    }
  }
  return { file, rows };
}
