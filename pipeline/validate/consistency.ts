/** Response file ↔ sample file (exports.md §3.2): W_NOT_IN_SAMPLE, W_DISPOSITION_NO_RESPONSE, W_ROLE_MISMATCH. */
import { ROLE_MATCH } from '../../schemas/disposition.ts';
import type { Db } from '../core/db.ts';
import { ident, literal } from '../core/db.ts';
import { insertFindings } from './issues-table.ts';

/**
 * `responsesTable` holds the loaded rows; `allResponseIds` is SQL listing the id of every response
 * row read (quarantined ones too), so a quarantined answer is not reported as a missing one.
 */
export async function checkConsistency(db: Db, t: { responsesTable: string; allResponseIds: string; sampleTable: string; sampleFile: string; survey: string }): Promise<void> {
  const r = ident(t.responsesTable);
  const s = ident(t.sampleTable);
  const files = await db.runAndReadAll(`SELECT DISTINCT _file FROM ${r}`);
  for (const [file] of files.getRows() as string[][]) {
    await insertFindings(
      db,
      file as string,
      `SELECT _row, 'resp_id' AS column_name, 'W_NOT_IN_SAMPLE' AS code, 'warning' AS severity, 'en id som finnes i utvalgsfilen' AS expected, resp_id AS found,
         'Svaret har ingen rad i utvalgsfilen (åpen lenke?); det lastes likevel.' AS message
       FROM ${r} WHERE _file = ${literal(file as string)} AND resp_id NOT IN (SELECT resp_id FROM ${s} WHERE resp_id IS NOT NULL)`,
    );
  }
  await insertFindings(
    db,
    t.sampleFile,
    `SELECT _row, 'status' AS column_name, 'W_DISPOSITION_NO_RESPONSE' AS code, 'warning' AS severity, 'en svarrad med samme id' AS expected, status AS found,
       'Utvalgsfilen sier at personen svarte, men svarfilen har ingen rad med denne id-en.' AS message
     FROM ${s} WHERE status IN ('answered', 'partial') AND resp_id NOT IN (${t.allResponseIds})`,
  );
  const match = ROLE_MATCH[t.survey];
  if (!match) return;
  const arms = Object.entries(match.groups)
    .map(([g, codes]) => `WHEN s.gruppe = ${literal(g)} THEN r.${ident(match.variable)} IN (${codes.map(literal).join(', ')})`)
    .join(' ');
  for (const [file] of files.getRows() as string[][]) {
    await insertFindings(
      db,
      file as string,
      `SELECT r._row, ${literal(match.variable)} AS column_name, 'W_ROLE_MISMATCH' AS code, 'warning' AS severity, 'rolle som passer til invitert gruppe «' || s.gruppe || '»' AS expected,
         CAST(r.${ident(match.variable)} AS VARCHAR) AS found, 'Oppgitt rolle avviker fra gruppen personen ble invitert som; analysene bruker oppgitt rolle, svarprosenten invitert gruppe.' AS message
       FROM ${r} r JOIN ${s} s USING (resp_id)
       WHERE r._file = ${literal(file as string)} AND r.${ident(match.variable)} IS NOT NULL AND NOT coalesce(CASE ${arms} END, false)`,
    );
  }
}
