/**
 * One response file: required and unknown columns, every cell finding the codebook's kinds
 * declare, and shifted or cut rows (E_ROW_FIELDS). The typed rows of the whole file go to
 * `<table>_typed`, so that findings across files (duplicate ids, flags against the office frame)
 * can still quarantine rows before the clean table is made.
 */
import type { Codebook } from '../../schemas/codebook.ts';
import type { WaveManifest } from '../../schemas/wave-manifest.ts';
import type { Db } from '../core/db.ts';
import { ident, literal } from '../core/db.ts';
import type { IngestedFile } from '../ingest/index.ts';
import { countCheckHits, insertCheckFindings, insertFindings, insertIssue } from './issues-table.ts';
import { codedColumns, decodeLabelColumns, questionTextsDiffering, recodeExpressions, savLabelFindings } from './labels.ts';
import { createNormalisedTable } from './normalise.ts';
import { checkTableContext, checkTableSelect, kindContext, rowCheckParts, typedFromCheckTable } from './row-checks.ts';

export interface ValidatedResponseFile {
  f: IngestedFile;
  norm: string;
  typed: string;
  present: Set<string>;
}

export interface Frames {
  kommune: string | null;
  kontor: string | null;
}

/** Columns the export may leave out because they can be joined from the sample or office frame. */
function joinable(codebook: Codebook, hasSample: boolean, hasOffices: boolean): Set<string> {
  return new Set(codebook.variables.filter((v) => (v.kind === 'kommunenr' && (hasSample || hasOffices)) || (v.kind === 'kontor_id' && hasSample)).map((v) => v.name));
}

export async function validateResponseFile(db: Db, codebook: Codebook, manifest: WaveManifest, f: IngestedFile, frames: Frames, links: { hasSample: boolean; hasOffices: boolean }): Promise<ValidatedResponseFile | null> {
  if (f.failed) return null;
  const issue = (severity: 'error' | 'warning', code: string, column: string, expected: string, found: string, message: string) =>
    insertIssue(db, { severity, code, file: f.file, row: null, column, expected, found, message });
  const known = new Set(codebook.variables.map((v) => v.name));
  const present = new Set(f.columns.filter((c) => known.has(c)));
  const optional = joinable(codebook, links.hasSample, links.hasOffices);
  const required = codebook.variables.filter((v) => (v.required || v.kind === 'kommunenr' || v.kind === 'kontor_id') && !optional.has(v.name)).map((v) => v.name);
  const missing = required.filter((c) => !present.has(c));
  if (missing.length) {
    await issue('error', 'E_HEADER_MISSING_REQUIRED', missing.join(', '), `kolonnene ${required.join(', ')}`, f.columns.slice(0, 12).join(', '), `Påkrevde kolonner mangler: ${missing.join(', ')}.`);
    f.failed = true;
    return null;
  }
  for (const c of f.columns.filter((c) => !known.has(c))) await issue('warning', 'W_UNKNOWN_COLUMN', c, 'en variabel i kodeboken', c, 'Kolonnen finnes ikke i kodeboken og lastes ikke.');
  for (const v of codebook.variables.filter((v) => !present.has(v.name) && v.kind !== 'fylkesnr')) {
    await issue('warning', 'W_COLUMN_ABSENT', v.name, 'kolonnen i eksporten', '(mangler)', optional.has(v.name) ? 'Variabelen finnes ikke i filen og hentes fra utvalgsfilen eller kontorrammen.' : 'Variabelen finnes ikke i filen og regnes som ikke spurt i denne bølgen.');
  }
  for (const i of savLabelFindings(codebook, f.file, f.valueLabels)) await insertIssue(db, i);
  f.questionTextsDiffering = questionTextsDiffering(codebook, f.variableLabels);
  const norm = `${f.table}_norm`;
  await createNormalisedTable(db, f.table, norm, [...present], recodeExpressions(codebook, manifest, present));
  // Typed values first, beside the cells; then the findings over both, then the typed rows.
  const checkTable = `${f.table}_check`;
  const ctx = kindContext(codebook, present, frames.kommune, frames.kontor);
  const makeCheckTable = () => db.run(`CREATE OR REPLACE TEMP TABLE ${ident(checkTable)} AS SELECT ${checkTableSelect(codebook, ctx, present)} FROM ${ident(norm)}`);
  await makeCheckTable();
  const parts = rowCheckParts(codebook, checkTableContext(codebook, present, frames.kommune, frames.kontor), present, ident(checkTable));
  let hits = await countCheckHits(db, ident(checkTable), parts);
  // A coded column whose cells did not type as codes may be a label export: decide, and type again.
  const failed = new Set(parts.filter((p, i) => (hits[i] ?? 0) > 0 && (p.code === 'E_CODE_INVALID' || p.code === 'E_MULTI_VALUE')).map((p) => p.variable));
  const suspects = codedColumns(codebook, present).filter((v) => failed.has(v.name));
  if (suspects.length) {
    const decoded = await decodeLabelColumns(db, { codebook, manifest, table: f.table, file: f.file, suspects });
    f.labelColumns = decoded.labelColumns;
    if (decoded.labelColumns.length) {
      await createNormalisedTable(db, f.table, norm, [...present], new Map([...recodeExpressions(codebook, manifest, present), ...decoded.expressions]));
      await makeCheckTable();
      hits = await countCheckHits(db, ident(checkTable), parts);
    }
  }
  await insertCheckFindings(db, f.file, ident(checkTable), parts, hits);
  const typed = `${f.table}_typed`;
  await db.run(`CREATE OR REPLACE TEMP TABLE ${ident(typed)} AS SELECT ${literal(f.file)} AS _file, _row, ${typedFromCheckTable(codebook)} FROM ${ident(checkTable)}`);
  const width = f.columns.length;
  await insertFindings(
    db,
    f.file,
    `SELECT _row, NULL AS column_name, 'E_ROW_FIELDS' AS code, 'error' AS severity, '${width} celler' AS expected, CAST(_fields AS VARCHAR) || ' celler' AS found,
       'Raden har et annet antall celler enn overskriftsraden (forskjøvet eller avkuttet rad).' AS message
     FROM ${ident(checkTable)} WHERE _fields <> ${width}`,
  );
  await db.run(`DROP TABLE ${ident(checkTable)}`);
  return { f, norm, typed, present };
}
