/**
 * Validate: text cells → typed rows, or quarantine with every reason. The rules come from the
 * codebook (through the kinds) and from the export format; findings go to the `issues` table.
 * Per wave: the office frame and the sample file first (they are what responses are checked
 * against), then every response file, then the rules across files.
 */
import type { Codebook } from '../../schemas/codebook.ts';
import type { WaveManifest } from '../../schemas/wave-manifest.ts';
import type { Db } from '../core/db.ts';
import { all, ident } from '../core/db.ts';
import type { Ingested, IngestedFile, IngestedWave } from '../ingest/index.ts';
import { validateBaselines, type BaselinesResult } from './baselines.ts';
import { validateCrosswalk, type ValidatedCrosswalk } from './crosswalks.ts';
import { checkConsistency } from './consistency.ts';
import { findDuplicateIds } from './duplicates.ts';
import { validateFixedFile } from './fixed-file.ts';
import { createIssuesTable, insertIssue, withoutErrors } from './issues-table.ts';
import { createKommuneFrame } from './kommune-frame.ts';
import { fillFlags, linkTypedRows } from './office-links.ts';
import { OFFICE_COLUMNS, OFFICE_REQUIRED } from './offices.ts';
import { validateResponseFile, type ValidatedResponseFile } from './responses.ts';
import { kindContext, typedSelect } from './row-checks.ts';
import { keepOnlyQuarantinedRaw } from './release.ts';
import { sampleColumns } from './sample.ts';

export interface ValidatedWave {
  survey: string;
  wave: string;
  codebook: Codebook;
  codebookId: string;
  manifest: WaveManifest;
  /** Which markers said the data are simulated (`wave.json`, `SIM-` ids); empty = real data. */
  simulatedMarkers: string[];
  /** Temp table of typed, clean response rows (`_file`, `_row` + one column per variable). */
  responsesTable: string;
  /** Temp table of typed, clean sample rows, or null without a sample file. */
  sampleTable: string | null;
  /** Temp table of typed, clean office-frame rows, or null without `offices.csv`. */
  officesTable: string | null;
  files: IngestedFile[];
}

export interface Validated {
  waves: ValidatedWave[];
  baselines: BaselinesResult | null;
  crosswalks: ValidatedCrosswalk[];
  /** Every input file, for row accounting (baselines and crosswalks included). */
  files: IngestedFile[];
}

const SAMPLE_REQUIRED = ['resp_id', 'gruppe', 'kommunenr', 'status'];

async function validateFrames(db: Db, wave: IngestedWave, w: number): Promise<{ sample: string | null; offices: string | null }> {
  const officesFile = wave.files.find((f) => f.role === 'offices');
  const offices = officesFile ? await validateFixedFile(db, officesFile, { what: 'Kontorrammen', columns: OFFICE_COLUMNS, required: OFFICE_REQUIRED, idColumn: 'kontor_id' }, `offices_clean_${w}`) : null;
  const sampleFile = wave.files.find((f) => f.role === 'sample');
  const unknownOffice = (norm: string, typed: string) =>
    offices
      ? `SELECT t._row, 'kontor_id' AS column_name, 'E_KONTOR_UNKNOWN' AS code, 'error' AS severity, 'et kontor-id som finnes i kontorrammen (offices.csv)' AS expected, t.kontor_id AS found,
           'Personens kontor finnes ikke i kontorrammen.' AS message
         FROM ${ident(typed)} t WHERE t.kontor_id IS NOT NULL AND t.kontor_id NOT IN (SELECT kontor_id FROM ${ident(offices)})`
      : null;
  const sample = sampleFile
    ? await validateFixedFile(db, sampleFile, { what: 'Utvalgsfilen', columns: sampleColumns(wave.survey), required: SAMPLE_REQUIRED, idColumn: 'resp_id', extraChecks: (_norm, typed) => unknownOffice(_norm, typed) }, `sample_clean_${w}`)
    : null;
  return { sample, offices };
}

export async function validateWave(input: Ingested, effects: { db: Db }): Promise<Validated> {
  const { db } = effects;
  await createIssuesTable(db);
  for (const i of input.issues) await insertIssue(db, i);
  const waves: ValidatedWave[] = [];
  for (const [w, wave] of input.waves.entries()) {
    const { codebook } = wave;
    const { sample, offices } = await validateFrames(db, wave, w);
    const kommune = await createKommuneFrame(db, `frame_${w}`, [sample, offices], Number(wave.manifest.kommune_classification_year ?? wave.wave.slice(0, 4)));
    const files: ValidatedResponseFile[] = [];
    for (const f of wave.files.filter((x) => x.role === 'responses')) {
      const r = await validateResponseFile(db, codebook, wave.manifest, f, { kommune, kontor: offices }, { hasSample: sample !== null, hasOffices: offices !== null });
      if (r) files.push(r);
    }
    for (const d of await findDuplicateIds(db, files.map(({ norm, f }) => ({ norm, columns: f.columns.filter((c) => codebook.variables.some((v) => v.name === c)) })))) {
      const f = files.find((n) => n.norm === d.table)!.f;
      await insertIssue(db, { severity: 'error', code: 'E_ID_DUPLICATE', file: f.file, row: d.row, column: 'resp_id', expected: 'unik respondent-id i bølgen', found: d.id, message: d.identical ? 'Identisk kopi av en tidligere rad; kopien settes i karantene.' : 'Samme id forekommer på rader med ulikt innhold; alle kopiene settes i karantene.' });
    }
    const hasColumn = (c: string) => codebook.variables.some((v) => v.name === c);
    await linkTypedRows(db, files, sample, offices, hasColumn);
    const responsesTable = `responses_clean_${w}`;
    const selects = files.map(({ f, typed }) => `SELECT * FROM ${ident(typed)} t WHERE ${withoutErrors('t', f.file)}`);
    const empty = `SELECT NULL::VARCHAR AS _file, NULL::INTEGER AS _row, ${typedSelect(codebook, kindContext(codebook, new Set(), null))} WHERE false`;
    await db.run(`CREATE OR REPLACE TEMP TABLE ${responsesTable} AS ${selects.length ? selects.join(' UNION ALL BY NAME ') : empty}`);
    for (const { typed } of files) await db.run(`DROP TABLE ${ident(typed)}`);
    await fillFlags(db, responsesTable, sample, offices, hasColumn);
    const sampleFile = wave.files.find((f) => f.role === 'sample');
    if (sample && sampleFile) {
      const allResponseIds = files.length ? files.map(({ norm }) => `SELECT resp_id FROM ${ident(norm)} WHERE resp_id IS NOT NULL`).join(' UNION ALL ') : 'SELECT NULL::VARCHAR WHERE false';
      await checkConsistency(db, { responsesTable, allResponseIds, sampleTable: sample, sampleFile: sampleFile.file, survey: wave.survey });
    }
    for (const { f, norm } of files) await keepOnlyQuarantinedRaw(db, f, [norm]);
    const simIds = await all<{ n: number }>(db, `SELECT count(*) AS n FROM ${responsesTable} WHERE starts_with(resp_id, 'SIM-')`);
    const simulatedMarkers = [...(wave.manifest.simulated ? ['wave.json: "simulated": true'] : []), ...((simIds[0]?.n ?? 0) > 0 ? ['resp_id med prefikset SIM-'] : [])];
    waves.push({ survey: wave.survey, wave: wave.wave, codebook, codebookId: wave.codebookId, manifest: wave.manifest, simulatedMarkers, responsesTable, sampleTable: sample, officesTable: offices, files: wave.files });
  }
  const baselines = input.baselines ? await validateBaselines(db, input.baselines) : null;
  const crosswalks: ValidatedCrosswalk[] = [];
  for (const [i, f] of input.crosswalks.entries()) {
    const c = await validateCrosswalk(db, f, i);
    if (c) crosswalks.push(c);
    else {
      await insertIssue(db, { severity: 'error', code: 'E_FILE_UNREADABLE', file: f.file, row: null, column: null, expected: 'kommuner-<fra>-<til>.csv eller kontor-<fra>-<til>.csv', found: f.file, message: 'Filnavnet sier ikke om koblingstabellen gjelder kommuner eller kontorer.' });
      f.failed = true;
    }
  }
  return { waves, baselines, crosswalks, files: [...input.waves.flatMap((w) => w.files), ...(input.baselines ? [input.baselines] : []), ...input.crosswalks] };
}
