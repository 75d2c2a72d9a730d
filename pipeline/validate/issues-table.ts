/**
 * All findings of a run live in one DuckDB table (`issues`), so that a file with a million bad
 * cells costs SQL, not JavaScript objects; only counts and the first few findings cross into JS.
 */
import type { Db } from '../core/db.ts';
import { all, literal } from '../core/db.ts';
import type { Issue } from '../core/issues.ts';
import { redactSql, redactText } from '../../schemas/kinds/text.ts';

export const ISSUES_TABLE = 'issues';

export async function createIssuesTable(db: Db): Promise<void> {
  await db.run(`CREATE OR REPLACE TEMP TABLE ${ISSUES_TABLE} (
    file VARCHAR, "row" INTEGER, column_name VARCHAR, code VARCHAR, severity VARCHAR, expected VARCHAR, found VARCHAR, message VARCHAR)`);
}

/**
 * Inserts the result of a findings query (columns `_row, column_name, code, severity, expected,
 * found, message`). Whatever a cell held, e-mail addresses and national id numbers in `found`
 * become `[fjernet]`: a finding shows where the problem is, never the personal data in it.
 */
export async function insertFindings(db: Db, file: string, findingsSql: string): Promise<void> {
  await db.run(
    `INSERT INTO ${ISSUES_TABLE} SELECT $file, _row, column_name, code, severity, expected,
       CASE WHEN length(found) > 80 THEN left(found, 79) || '…' ELSE found END, message
     FROM (SELECT * EXCLUDE (found), ${redactSql('found')} AS found FROM (${findingsSql}))`,
    { file },
  );
}

/**
 * Inserts the findings of many checks over one table: first one pass counting each check's hits,
 * then the findings queries of only the checks that hit (a clean file costs one scan, and a
 * query of hundreds of UNION ALL branches is planned only for what it finds).
 */
export async function insertCheckFindings(db: Db, file: string, table: string, parts: Array<{ when: string; sql: string }>, counted?: number[]): Promise<void> {
  if (parts.length === 0) return;
  const hits = counted ?? (await countCheckHits(db, table, parts));
  const failing = parts.filter((_, i) => (hits[i] ?? 0) > 0);
  if (failing.length) await insertFindings(db, file, failing.map((p) => p.sql).join('\nUNION ALL\n'));
}

/** One scan: how many rows each check hits. */
export async function countCheckHits(db: Db, table: string, parts: Array<{ when: string }>): Promise<number[]> {
  if (parts.length === 0) return [];
  const counts = await db.runAndReadAll(`SELECT ${parts.map((p, i) => `count(*) FILTER (WHERE ${p.when}) AS c${i}`).join(', ')} FROM ${table}`);
  return (counts.getRows()[0] ?? []).map(Number);
}

export async function insertIssue(db: Db, i: Issue): Promise<void> {
  await db.run(`INSERT INTO ${ISSUES_TABLE} VALUES ($file, $row, $col, $code, $severity, $expected, $found, $message)`, {
    file: i.file,
    row: i.row,
    col: i.column,
    code: i.code,
    severity: i.severity,
    expected: i.expected,
    found: redactText(i.found),
    message: i.message,
  });
}

/**
 * SQL condition keeping the rows of `alias` (with `_row`) that carry no error in `file`: an anti
 * join (NOT EXISTS), which DuckDB runs far faster than `_row NOT IN (…)` on large files.
 */
export function withoutErrors(alias: string, file: string): string {
  return `NOT EXISTS (SELECT 1 FROM ${ISSUES_TABLE} i WHERE i.file = ${literal(file)} AND i.severity = 'error' AND i."row" = ${alias}._row)`;
}



export async function firstIssues(db: Db, limit: number): Promise<Issue[]> {
  const rows = await all<Record<string, unknown>>(
    db,
    `SELECT * FROM ${ISSUES_TABLE} ORDER BY severity, file, "row" NULLS FIRST, column_name LIMIT ${Math.trunc(limit)}`,
  );
  return rows.map((r) => ({
    severity: r.severity as Issue['severity'],
    code: String(r.code),
    file: String(r.file),
    row: (r.row as number | null) ?? null,
    column: (r.column_name as string | null) ?? null,
    expected: String(r.expected ?? ''),
    found: String(r.found ?? ''),
    message: String(r.message ?? ''),
  }));
}

