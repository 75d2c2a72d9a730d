/**
 * Validate: text cells → typed rows, or quarantine with every reason. The rules come from the
 * codebook (through the kinds) and from the export format; findings go to the `issues` table.
 */
import type { Codebook } from '../../schemas/codebook.ts';
import type { WaveManifest } from '../../schemas/wave-manifest.ts';
import type { Db } from '../core/db.ts';
import { all, ident, literal } from '../core/db.ts';
import type { Ingested, IngestedFile, IngestedWave } from '../ingest/index.ts';
import { validateBaselines, type BaselinesResult } from './baselines.ts';
import { checkConsistency } from './consistency.ts';
import { findDuplicateIds } from './duplicates.ts';
import { createKommuneFrame } from './kommune-frame.ts';
import { createIssuesTable, insertFindings, insertIssue } from './issues-table.ts';
import { createNormalisedTable } from './normalise.ts';
import { kindContext, rowChecksSql, typedSelect } from './row-checks.ts';
import { sampleChecksSql, sampleTypedSelect } from './sample.ts';

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
  files: IngestedFile[];
}

export interface Validated {
  waves: ValidatedWave[];
  baselines: BaselinesResult | null;
  /** Every input file, for row accounting (baselines included). */
  files: IngestedFile[];
}

async function fileIssue(db: Db, f: IngestedFile, severity: 'error' | 'warning', code: string, column: string | null, expected: string, found: string, message: string) {
  await insertIssue(db, { severity, code, file: f.file, row: null, column, expected, found, message });
}

async function validateSample(db: Db, wave: IngestedWave, f: IngestedFile): Promise<string | null> {
  if (f.failed) return null;
  const present = new Set(f.columns);
  const required = ['resp_id', 'gruppe', 'kommunenr', 'status'];
  const missing = required.filter((c) => !present.has(c));
  if (missing.length) {
    await fileIssue(db, f, 'error', 'E_HEADER_MISSING_REQUIRED', missing.join(', '), `kolonnene ${required.join(', ')}`, f.columns.join(', '), `Utvalgsfilen mangler påkrevde kolonner: ${missing.join(', ')}.`);
    f.failed = true;
    return null;
  }
  const norm = `${f.table}_norm`;
  await createNormalisedTable(db, f.table, norm, f.columns);
  const checks = sampleChecksSql(wave.survey, present, norm);
  if (checks) await insertFindings(db, f.file, checks);
  const typed = `${f.table}_typed`;
  await db.run(`CREATE OR REPLACE TEMP TABLE ${ident(typed)} AS SELECT $file AS _file, _row, ${sampleTypedSelect(wave.survey, present)} FROM ${ident(norm)}`, { file: f.file });
  for (const d of await findDuplicateIds(db, [{ norm, columns: f.columns }])) {
    await insertIssue(db, { severity: 'error', code: 'E_ID_DUPLICATE', file: f.file, row: d.row, column: 'resp_id', expected: 'unik id i utvalgsfilen', found: d.id, message: d.identical ? 'Identisk kopi av en tidligere rad.' : 'Samme id forekommer på rader med ulikt innhold; alle kopiene settes i karantene.' });
  }
  return typed;
}

async function validateResponses(db: Db, wave: IngestedWave, f: IngestedFile, frame: string | null, hasSample: boolean): Promise<{ norm: string; present: Set<string> } | null> {
  if (f.failed) return null;
  const codebook = wave.codebook;
  const known = new Set(codebook.variables.map((v) => v.name));
  const present = new Set(f.columns.filter((c) => known.has(c)));
  const required = codebook.variables.filter((v) => v.required || (v.kind === 'kommunenr' && !hasSample)).map((v) => v.name);
  const missing = required.filter((c) => !present.has(c));
  if (missing.length) {
    await fileIssue(db, f, 'error', 'E_HEADER_MISSING_REQUIRED', missing.join(', '), `kolonnene ${required.join(', ')}`, f.columns.slice(0, 12).join(', '), `Påkrevde kolonner mangler: ${missing.join(', ')}.`);
    f.failed = true;
    return null;
  }
  for (const c of f.columns.filter((c) => !known.has(c))) {
    await fileIssue(db, f, 'warning', 'W_UNKNOWN_COLUMN', c, 'en variabel i kodeboken', c, 'Kolonnen finnes ikke i kodeboken og lastes ikke.');
  }
  for (const v of codebook.variables.filter((v) => !present.has(v.name) && v.kind !== 'fylkesnr')) {
    await fileIssue(db, f, 'warning', 'W_COLUMN_ABSENT', v.name, 'kolonnen i eksporten', '(mangler)', 'Variabelen finnes ikke i filen og regnes som ikke spurt i denne bølgen.');
  }
  const norm = `${f.table}_norm`;
  await createNormalisedTable(db, f.table, norm, [...present]);
  const ctx = kindContext(codebook, present, frame);
  const checks = rowChecksSql(codebook, ctx, present, norm);
  if (checks) await insertFindings(db, f.file, checks);
  const width = f.columns.length;
  await insertFindings(
    db,
    f.file,
    `SELECT _row, NULL AS column_name, 'E_ROW_FIELDS' AS code, 'error' AS severity, '${width} celler' AS expected, CAST(_fields AS VARCHAR) || ' celler' AS found,
       'Raden har et annet antall celler enn overskriftsraden (forskjøvet eller avkuttet rad).' AS message
     FROM ${ident(norm)} WHERE _fields <> ${width}`,
  );
  return { norm, present };
}

export async function validateWave(input: Ingested, effects: { db: Db }): Promise<Validated> {
  const { db } = effects;
  await createIssuesTable(db);
  for (const i of input.issues) await insertIssue(db, i);
  const waves: ValidatedWave[] = [];
  for (const [w, wave] of input.waves.entries()) {
    const sampleFile = wave.files.find((f) => f.role === 'sample') ?? null;
    const sampleTyped = sampleFile ? await validateSample(db, wave, sampleFile) : null;
    const sampleTable = sampleTyped && sampleFile ? `sample_clean_${w}` : null;
    if (sampleTable && sampleFile) {
      await db.run(`CREATE OR REPLACE TEMP TABLE ${ident(sampleTable)} AS SELECT * FROM ${ident(sampleTyped!)} WHERE _row NOT IN (SELECT "row" FROM issues WHERE file = $file AND severity = 'error' AND "row" IS NOT NULL)`, { file: sampleFile.file });
    }
    const frame = await createKommuneFrame(db, `frame_${w}`, sampleTable, Number(wave.manifest.kommune_classification_year ?? wave.wave.slice(0, 4)));
    const responses = wave.files.filter((f) => f.role === 'responses');
    const normalised: Array<{ f: IngestedFile; norm: string; present: Set<string> }> = [];
    for (const f of responses) {
      const r = await validateResponses(db, wave, f, frame, sampleTable !== null);
      if (r) normalised.push({ f, ...r });
    }
    for (const d of await findDuplicateIds(db, normalised.map(({ norm, f }) => ({ norm, columns: f.columns.filter((c) => wave.codebook.variables.some((v) => v.name === c)) })))) {
      const f = normalised.find((n) => n.norm === d.table)!.f;
      await insertIssue(db, { severity: 'error', code: 'E_ID_DUPLICATE', file: f.file, row: d.row, column: 'resp_id', expected: 'unik respondent-id i bølgen', found: d.id, message: d.identical ? 'Identisk kopi av en tidligere rad; kopien settes i karantene.' : 'Samme id forekommer på rader med ulikt innhold; alle kopiene settes i karantene.' });
    }
    const responsesTable = `responses_clean_${w}`;
    const selects = normalised.map(({ f, norm, present }) => {
      const ctx = kindContext(wave.codebook, present, frame);
      return `SELECT ${literal(f.file)} AS _file, _row, ${typedSelect(wave.codebook, ctx)} FROM ${ident(norm)}
        WHERE _row NOT IN (SELECT "row" FROM issues WHERE file = ${literal(f.file)} AND severity = 'error' AND "row" IS NOT NULL)`;
    });
    const empty = `SELECT NULL::VARCHAR AS _file, NULL::INTEGER AS _row, ${typedSelect(wave.codebook, kindContext(wave.codebook, new Set(), null))} WHERE false`;
    await db.run(`CREATE OR REPLACE TEMP TABLE ${responsesTable} AS ${selects.length ? selects.join(' UNION ALL BY NAME ') : empty}`);
    if (sampleTable && normalised.some(({ present }) => !present.has('kommunenr'))) {
      // exports.md §2.1: a file without kommunenr gets it from the sample file by resp_id.
      await db.run(`UPDATE ${responsesTable} AS r SET kommunenr = s.kommunenr, fylkesnr = left(s.kommunenr, 2)
        FROM ${ident(sampleTable)} AS s WHERE r.kommunenr IS NULL AND s.resp_id = r.resp_id AND r._file IN (${normalised.filter(({ present }) => !present.has('kommunenr')).map(({ f }) => literal(f.file)).join(', ')})`);
    }
    if (sampleTable && sampleFile) {
      const allResponseIds = normalised.length ? normalised.map(({ norm }) => `SELECT resp_id FROM ${ident(norm)} WHERE resp_id IS NOT NULL`).join(' UNION ALL ') : 'SELECT NULL::VARCHAR WHERE false';
      await checkConsistency(db, { responsesTable, allResponseIds, sampleTable, sampleFile: sampleFile.file, survey: wave.survey });
    }
    const simIds = await all<{ n: number }>(db, `SELECT count(*) AS n FROM ${responsesTable} WHERE starts_with(resp_id, 'SIM-')`);
    const simulatedMarkers = [...(wave.manifest.simulated ? ['wave.json: "simulated": true'] : []), ...((simIds[0]?.n ?? 0) > 0 ? ['resp_id med prefikset SIM-'] : [])];
    waves.push({ survey: wave.survey, wave: wave.wave, codebook: wave.codebook, codebookId: wave.codebookId, manifest: wave.manifest, simulatedMarkers, responsesTable, sampleTable, files: wave.files });
  }
  const baselines = input.baselines ? await validateBaselines(db, input.baselines) : null;
  return { waves, baselines, files: [...input.waves.flatMap((w) => w.files), ...(input.baselines ? [input.baselines] : [])] };
}
