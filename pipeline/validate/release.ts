/**
 * Once a file's findings are final, its raw table is only needed for the quarantine file: it is
 * cut down to the rows with an error, so that a large wave does not hold every row twice (as text
 * and typed) while the rest of the wave is validated and loaded.
 */
import type { Db } from '../core/db.ts';
import { ident } from '../core/db.ts';
import type { IngestedFile } from '../ingest/index.ts';
import { ISSUES_TABLE } from './issues-table.ts';

export async function keepOnlyQuarantinedRaw(db: Db, f: IngestedFile, views: string[]): Promise<void> {
  if (f.failed) return;
  const raw = ident(f.table);
  const kept = ident(`${f.table}_quarantine`);
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${kept} AS SELECT r.* FROM ${raw} r
     WHERE EXISTS (SELECT 1 FROM ${ISSUES_TABLE} i WHERE i.file = $file AND i.severity = 'error' AND i."row" = r._row)`,
    { file: f.file },
  );
  for (const v of views) await db.run(`DROP VIEW IF EXISTS ${ident(v)}`);
  await db.run(`DROP TABLE ${raw}`);
  await db.run(`ALTER TABLE ${kept} RENAME TO ${raw}`);
}
