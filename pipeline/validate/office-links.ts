/**
 * Office survey links between its files (exports.md §2.1, §3.4): response rows get `kontor_id`
 * (and `kommunenr`) from the sample file when the export lacks them, and `kommunenr` from the
 * office frame; their office-level sample flags come from the frame and their invitation route
 * `utvalg_alle_el` from the sample file. A flag the export carries that disagrees is an error
 * (E_FLAG_CONFLICT: the row is quarantined); flags it lacks are filled in.
 */
import type { Db } from '../core/db.ts';
import { ident, literal } from '../core/db.ts';
import { OFFICE_FLAGS } from './offices.ts';
import { insertFindings } from './issues-table.ts';
import type { ValidatedResponseFile } from './responses.ts';

/** Before the clean table: fill joinable columns in each file's typed rows and check the flags. */
export async function linkTypedRows(db: Db, files: ValidatedResponseFile[], sample: string | null, offices: string | null, hasColumn: (c: string) => boolean): Promise<void> {
  const frame = hasColumn('kontor_id') ? offices : null; // only an office survey links to the frame
  for (const { f, typed, present } of files) {
    const t = ident(typed);
    if (sample && hasColumn('kontor_id') && !present.has('kontor_id')) await db.run(`UPDATE ${t} AS r SET kontor_id = s.kontor_id FROM ${ident(sample)} AS s WHERE r.kontor_id IS NULL AND s.resp_id = r.resp_id`);
    if (sample && !present.has('kommunenr')) await db.run(`UPDATE ${t} AS r SET kommunenr = s.kommunenr FROM ${ident(sample)} AS s WHERE r.kommunenr IS NULL AND s.resp_id = r.resp_id`);
    if (frame && !present.has('kommunenr')) await db.run(`UPDATE ${t} AS r SET kommunenr = o.kommunenr FROM ${ident(frame)} AS o WHERE r.kommunenr IS NULL AND o.kontor_id = r.kontor_id`);
    if (!present.has('kommunenr')) await db.run(`UPDATE ${t} SET fylkesnr = left(kommunenr, 2) WHERE fylkesnr IS NULL AND kommunenr IS NOT NULL`);
    const conflicts = [
      ...(frame ? OFFICE_FLAGS.filter((c) => present.has(c)).map((c) => ({ column: c, source: ident(frame), key: 'kontor_id', what: 'kontorrammen' })) : []),
      ...(sample && present.has('utvalg_alle_el') ? [{ column: 'utvalg_alle_el', source: ident(sample), key: 'resp_id', what: 'utvalgsfilen' }] : []),
    ];
    for (const c of conflicts) {
      await insertFindings(
        db,
        f.file,
        `SELECT r._row, ${literal(c.column)} AS column_name, 'E_FLAG_CONFLICT' AS code, 'error' AS severity, CAST(x.${ident(c.column)} AS VARCHAR) || ' som i ${c.what}' AS expected,
           CAST(r.${ident(c.column)} AS VARCHAR) AS found, ${literal(`Utvalgsflagget i svarfilen avviker fra ${c.what}.`)} AS message
         FROM ${ident(typed)} r JOIN ${c.source} x ON x.${c.key} = r.${c.key}
         WHERE r.${ident(c.column)} IS NOT NULL AND x.${ident(c.column)} IS NOT NULL AND r.${ident(c.column)} <> x.${ident(c.column)}`,
      );
    }
  }
}

/** After the clean table: flags the export lacked, from the frame (office) and the sample (person). */
export async function fillFlags(db: Db, clean: string, sample: string | null, offices: string | null, hasColumn: (c: string) => boolean): Promise<void> {
  const t = ident(clean);
  if (offices) {
    for (const c of OFFICE_FLAGS.filter(hasColumn)) await db.run(`UPDATE ${t} AS r SET ${ident(c)} = o.${ident(c)} FROM ${ident(offices)} AS o WHERE r.${ident(c)} IS NULL AND o.kontor_id = r.kontor_id`);
  }
  if (sample && hasColumn('utvalg_alle_el')) await db.run(`UPDATE ${t} AS r SET utvalg_alle_el = s.utvalg_alle_el FROM ${ident(sample)} AS s WHERE r.utvalg_alle_el IS NULL AND s.resp_id = r.resp_id`);
}
