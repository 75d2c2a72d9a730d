/**
 * Load: clean typed rows → the DuckDB warehouse (`stg_<survey>__responses`, `__sample`,
 * `__offices` (the office frame), `stg_baselines__published`, dimensions, `validation_issues`, `load_audit`), with provenance
 * columns `_file` and `_row` on every row. Personal data never gets here.
 */
import type { Db } from '../core/db.ts';
import { ident, insertRows, literal } from '../core/db.ts';
import type { Validated } from '../validate/index.ts';
import { CROSSWALK_COLUMNS } from '../validate/crosswalks.ts';
import { auditFile, type FileAudit } from './audit.ts';
import { createDimensionTables, insertCodebook } from './dimensions.ts';
import { quarantineRows, type QuarantineFile } from './quarantine.ts';

export interface Loaded {
  warehouse: string;
  audit: FileAudit[];
  quarantine: QuarantineFile[];
  waves: Array<{ survey: string; wave: string; instrument: string; simulatedMarkers: string[] }>;
}

const WH = 'wh';

async function loadBaselines(db: Db, validated: Validated): Promise<void> {
  await db.run(`CREATE TABLE ${WH}.stg_baselines__published (baseline_id VARCHAR, survey VARCHAR, wave VARCHAR, source VARCHAR, reported_in VARCHAR, figure VARCHAR,
    variable VARCHAR, group_code VARCHAR, measure VARCHAR, category VARCHAR, value DOUBLE, value_low DOUBLE, value_high DOUBLE, qualifier VARCHAR, value_source VARCHAR,
    n INTEGER, n_kind VARCHAR, scale_points INTEGER, scale_labels VARCHAR, base VARCHAR, comparability VARCHAR, comparability_note VARCHAR, quote VARCHAR, claims VARCHAR,
    _file VARCHAR, _row INTEGER)`);
  await insertRows(db, `${WH}.stg_baselines__published`, (validated.baselines?.rows ?? []).map((r) => [
    r.baseline_id, r.survey, r.wave, r.source, r.reported_in, r.figure, r.variable, r.group, r.measure, r.category, r.value, r.value_low, r.value_high,
    r.qualifier, r.value_source, r.n, r.n_kind, r.scale_points, r.scale_labels, r.base, r.comparability, r.comparability_note, r.quote, r.claims,
    validated.baselines!.file.file, r._row,
  ]));
}

export async function loadWave(input: Validated, effects: { db: Db; warehousePath: string }): Promise<Loaded> {
  const { db } = effects;
  await db.run(`ATTACH ${literal(effects.warehousePath)} AS ${WH}`);
  try {
    await createDimensionTables(db, WH);
    const bySurvey = new Map<string, Validated['waves']>();
    for (const w of input.waves) bySurvey.set(w.survey, [...(bySurvey.get(w.survey) ?? []), w]);
    for (const [survey, waves] of bySurvey) {
      const responses = waves.map((w) => `SELECT ${literal(survey)} AS survey, ${literal(w.wave)} AS wave, * FROM ${ident(w.responsesTable)}`);
      // The clean tables are in wave, file and row order already (DuckDB keeps insertion order).
      await db.run(`CREATE TABLE ${WH}.${ident(`stg_${survey}__responses`)} AS ${responses.join(' UNION ALL BY NAME ')}`);
      const samples = waves.filter((w) => w.sampleTable).map((w) => `SELECT ${literal(w.wave)} AS sample_wave, * FROM ${ident(w.sampleTable!)}`);
      if (samples.length) await db.run(`CREATE TABLE ${WH}.${ident(`stg_${survey}__sample`)} AS ${samples.join(' UNION ALL BY NAME ')}`);
      const offices = waves.filter((w) => w.officesTable).map((w) => `SELECT ${literal(w.wave)} AS frame_wave, * FROM ${ident(w.officesTable!)}`);
      if (offices.length) await db.run(`CREATE TABLE ${WH}.${ident(`stg_${survey}__offices`)} AS ${offices.join(' UNION ALL BY NAME ')}`);
      for (const w of waves) {
        await insertCodebook(db, WH, w.codebook, w.wave);
        await db.run(`INSERT INTO ${WH}.dim_waves VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [survey, w.wave, w.codebook.instrument.replace(/\d{4}[a-z]?$/, w.wave), w.codebookId, w.simulatedMarkers.length > 0, w.simulatedMarkers.join('; '), w.codebook.source, w.manifest.count_partial, w.codebook.previous ?? null] as never);
      }
    }
    await loadBaselines(db, input);
    for (const kind of ['kommuner', 'kontor'] as const) {
      const mine = input.crosswalks.filter((c) => c.kind === kind && c.table);
      const columns = CROSSWALK_COLUMNS[kind].map((c) => `${ident(c.name)} ${c.sqlType}`).join(', ');
      await db.run(`CREATE TABLE ${WH}.${ident(`stg_crosswalk__${kind}`)} (_file VARCHAR, _row INTEGER, ${columns})`);
      for (const c of mine) await db.run(`INSERT INTO ${WH}.${ident(`stg_crosswalk__${kind}`)} BY NAME SELECT * FROM ${ident(c.table!)}`);
    }
    await db.run(`CREATE TABLE ${WH}.validation_issues AS SELECT * FROM issues ORDER BY file, "row" NULLS FIRST, column_name, code`);
    const audit: FileAudit[] = [];
    const quarantine: QuarantineFile[] = [];
    for (const w of input.waves) {
      for (const f of w.files) {
        const loadedTable = f.role === 'responses' ? w.responsesTable : f.role === 'offices' ? w.officesTable : w.sampleTable;
        audit.push(await auditFile(db, f, loadedTable));
        const q = await quarantineRows(db, f, f.role === 'responses' ? w.codebook : null);
        if (q) quarantine.push(q);
      }
    }
    for (const c of input.crosswalks) {
      audit.push(await auditFile(db, c.file, c.table));
      const q = await quarantineRows(db, c.file, null);
      if (q) quarantine.push(q);
    }
    if (input.baselines) {
      audit.push(await auditFile(db, input.baselines.file, null, input.baselines.rows.length));
      const q = await quarantineRows(db, input.baselines.file, null);
      if (q) quarantine.push(q);
    }
    await db.run(`CREATE TABLE ${WH}.load_audit (file VARCHAR, role VARCHAR, rows_read INTEGER, rows_loaded INTEGER, rows_quarantined INTEGER, empty_rows_skipped INTEGER, encoding VARCHAR, delimiter VARCHAR, failed BOOLEAN)`);
    await insertRows(db, `${WH}.load_audit`, audit.map((a) => [a.file, a.role, a.rows_read, a.rows_loaded, a.rows_quarantined, a.empty_rows_skipped, a.encoding, a.delimiter, a.failed]));
    return {
      warehouse: effects.warehousePath,
      audit,
      quarantine,
      waves: input.waves.map((w) => ({ survey: w.survey, wave: w.wave, instrument: w.codebook.instrument.replace(/\d{4}[a-z]?$/, w.wave), simulatedMarkers: w.simulatedMarkers })),
    };
  } finally {
    await db.run(`DETACH ${WH}`);
  }
}
