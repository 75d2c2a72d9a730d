/**
 * Validation of a file whose columns the export format fixes (sample/disposition file, office
 * frame): required columns, every cell finding, duplicate ids; the typed rows go to `<table>_typed`
 * and the clean ones (no error) to `clean`.
 */
import type { Db } from '../core/db.ts';
import { ident } from '../core/db.ts';
import type { IngestedFile } from '../ingest/index.ts';
import { fixedCheckParts, fixedCheckTableSelect, fixedTypedSelect, type FixedColumn } from './fixed-columns.ts';
import { findDuplicateIds } from './duplicates.ts';
import { insertCheckFindings, insertFindings, insertIssue, withoutErrors } from './issues-table.ts';
import { createNormalisedTable } from './normalise.ts';
import { keepOnlyQuarantinedRaw } from './release.ts';

export interface FixedFileSpec {
  /** «Utvalgsfilen», «Kontorrammen»: how messages name the file. */
  what: string;
  columns: FixedColumn[];
  required: readonly string[];
  idColumn: string;
  /** Extra row findings over the normalised table (SQL in the insertFindings shape), e.g. references to other files. */
  extraChecks?: (norm: string, typed: string) => string | null;
}

/** Returns the clean table's name, or null when the file failed. */
export async function validateFixedFile(db: Db, f: IngestedFile, spec: FixedFileSpec, clean: string): Promise<string | null> {
  if (f.failed) return null;
  const present = new Set(f.columns);
  const missing = spec.required.filter((c) => !present.has(c));
  if (missing.length) {
    await insertIssue(db, { severity: 'error', code: 'E_HEADER_MISSING_REQUIRED', file: f.file, row: null, column: missing.join(', '), expected: `kolonnene ${spec.required.join(', ')}`, found: f.columns.join(', ').slice(0, 80), message: `${spec.what} mangler påkrevde kolonner: ${missing.join(', ')}.` });
    f.failed = true;
    return null;
  }
  const norm = `${f.table}_norm`;
  await createNormalisedTable(db, f.table, norm, f.columns);
  const checkTable = `${f.table}_check`;
  await db.run(`CREATE OR REPLACE TEMP TABLE ${ident(checkTable)} AS SELECT ${fixedCheckTableSelect(spec.columns, present)} FROM ${ident(norm)}`);
  await insertCheckFindings(db, f.file, ident(checkTable), fixedCheckParts(spec.columns, present, checkTable));
  const typed = `${f.table}_typed`;
  await db.run(`CREATE OR REPLACE TEMP TABLE ${ident(typed)} AS SELECT $file AS _file, _row, ${fixedTypedSelect(spec.columns)} FROM ${ident(checkTable)}`, { file: f.file });
  await db.run(`DROP TABLE ${ident(checkTable)}`);
  const extra = spec.extraChecks?.(norm, typed);
  if (extra) await insertFindings(db, f.file, extra);
  for (const d of await findDuplicateIds(db, [{ norm, columns: f.columns }], spec.idColumn)) {
    await insertIssue(db, {
      severity: 'error',
      code: 'E_ID_DUPLICATE',
      file: f.file,
      row: d.row,
      column: spec.idColumn,
      expected: `unik ${spec.idColumn}`,
      found: d.id,
      message: d.identical ? 'Identisk kopi av en tidligere rad.' : 'Samme id forekommer på rader med ulikt innhold; alle kopiene settes i karantene.',
    });
  }
  await db.run(`CREATE OR REPLACE TEMP TABLE ${ident(clean)} AS SELECT * FROM ${ident(typed)} t WHERE ${withoutErrors('t', f.file)}`);
  await db.run(`DROP TABLE ${ident(typed)}`);
  await keepOnlyQuarantinedRaw(db, f, [norm]);
  return clean;
}
