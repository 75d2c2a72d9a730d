/**
 * Ingest: raw files → DuckDB tables of text cells with provenance. Decides encoding and delimiter,
 * normalises headers, skips completely empty rows (counted), and drops direct personal data.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import Papa from 'papaparse';
import { SAMPLE_PII_COLUMNS } from '../../schemas/disposition.ts';
import type { Db } from '../core/db.ts';
import type { Issue } from '../core/issues.ts';
import { truncateFound } from '../core/issues.ts';
import { inspectCsv, parseInspected } from './csv-file.ts';
import { readCsvWithDuckDb } from './duckdb-csv.ts';
import { discoverWaves, type WaveFolder } from './discover.ts';
import { type HeaderPlan, planHeader } from './header.ts';
import { checkEmails, type PiiChecks } from './pii.ts';
import { appendRows, createRawTable } from './raw-table.ts';
import { readSav } from './sav.ts';
import type { SheetRead } from './sheet.ts';
import { readXlsx } from './xlsx.ts';

export type FileRole = 'responses' | 'sample' | 'offices' | 'baselines' | 'crosswalk';

export interface IngestedFile {
  file: string;
  role: FileRole;
  table: string;
  columns: string[];
  rowsRead: number;
  emptyRowsSkipped: number;
  encoding: string | null;
  delimiter: string | null;
  renamedColumns: Array<{ from: string; to: string }>;
  trailingEmptyColumns: number;
  /** Columns read for validation only and never stored (personal data). */
  droppedColumns: string[];
  piiChecks: PiiChecks | null;
  /** A file error: nothing from this file is loaded. */
  failed: boolean;
  /** Coded columns the export wrote as answer labels (validate/labels.ts), for the load log. */
  labelColumns: string[];
  /** `csv`, `xlsx` or `sav`. */
  format: FileFormat;
  /** The worksheet read (.xlsx). */
  sheet: string | null;
  /** .sav: value labels and variable labels as the file declares them (W_SAV_LABEL, load log). */
  valueLabels: Map<string, Array<{ code: number; label: string }>>;
  variableLabels: Map<string, string>;
  /** Question texts of the file (.sav variable labels) that differ from the codebook's (information only). */
  questionTextsDiffering: Array<{ variable: string; file: string; codebook: string }>;
}

export type FileFormat = 'csv' | 'xlsx' | 'sav';

export function formatOf(file: string): FileFormat {
  const ext = extname(file).toLowerCase();
  return ext === '.xlsx' ? 'xlsx' : ext === '.sav' || ext === '.zsav' ? 'sav' : 'csv';
}

export interface IngestedWave extends WaveFolder {
  files: IngestedFile[];
}

export interface Ingested {
  rawDir: string;
  waves: IngestedWave[];
  baselines: IngestedFile | null;
  /** Crosswalks between waves (`crosswalks/*.csv`). */
  crosswalks: IngestedFile[];
  issues: Issue[];
}

function readColumnMap(rawDir: string, file: string | null): Map<string, string> {
  const map = new Map<string, string>();
  if (!file) return map;
  const parsed = Papa.parse<Record<string, string>>(readFileSync(join(rawDir, file), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  for (const row of parsed.data) {
    if (row.vendor_column && row.variable) map.set(row.vendor_column.trim().toLowerCase(), row.variable.trim());
  }
  return map;
}

let tableCounter = 0;

/** Which header columns are kept (and from which cell), and which personal data are read only to be checked. */
interface ColumnPlan {
  plan: HeaderPlan;
  pii: string[];
  keptColumns: string[];
  keep: number[];
  /** The cell index of a sample file's e-mail address, checked and dropped. */
  epost: number | null;
}

/** The column plan every format shares; duplicate names are a file error. */
function planColumns(header: string[], role: FileRole, columnMap: Map<string, string>): ColumnPlan | { duplicates: string[] } {
  const plan = planHeader(header, columnMap);
  if (plan.duplicates.length > 0) return { duplicates: plan.duplicates };
  const pii = role === 'sample' ? plan.columns.filter((c) => (SAMPLE_PII_COLUMNS as readonly string[]).includes(c)) : [];
  const keptColumns = plan.columns.filter((c) => !pii.includes(c));
  const keep = keptColumns.map((c) => plan.sourceIndex[plan.columns.indexOf(c)] as number);
  const epost = pii.includes('epost') ? (plan.sourceIndex[plan.columns.indexOf('epost')] as number) : null;
  return { plan, pii, keptColumns, keep, epost };
}

const duplicateHeader = (duplicates: string[]) =>
  ['E_HEADER_DUPLICATE', 'unike kolonnenavn', duplicates.join(', '), `To kolonner får samme navn etter normalisering: ${duplicates.join(', ')}.`] as const;

async function ingestFile(db: Db, rawDir: string, file: string, role: FileRole, wave: WaveFolder | null, issues: Issue[], reader: CsvReader, minBytes: number): Promise<IngestedFile> {
  const table = `raw_${++tableCounter}`;
  const base: IngestedFile = { file, role, table, columns: [], rowsRead: 0, emptyRowsSkipped: 0, encoding: null, delimiter: null, renamedColumns: [], trailingEmptyColumns: 0, droppedColumns: [], piiChecks: null, failed: true, labelColumns: [], format: formatOf(file), sheet: null, valueLabels: new Map(), variableLabels: new Map(), questionTextsDiffering: [] };
  const fail = (code: Issue['code'], expected: string, found: string, message: string): IngestedFile => {
    issues.push({ severity: 'error', code, file, row: null, column: null, expected, found: truncateFound(found), message });
    return base;
  };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(join(rawDir, file));
  } catch (e) {
    return fail('E_FILE_UNREADABLE', 'en lesbar fil', String((e as Error).message), 'Filen kan ikke leses.');
  }
  const columnMap = role === 'responses' ? readColumnMap(rawDir, wave?.columnMapFile ?? null) : new Map<string, string>();
  if (base.format !== 'csv') {
    const read = base.format === 'xlsx' ? await readXlsx(bytes, file, { sheet: wave?.manifest.sheet }) : await readSav(bytes, file);
    if ('code' in read) return fail(read.code, read.expected, read.found, read.message);
    for (const f of read.findings) issues.push({ severity: f.severity, code: f.code, file, row: f.row, column: f.column, expected: f.expected, found: truncateFound(f.found), message: f.message });
    const columns = planColumns(read.header, role, columnMap);
    if ('duplicates' in columns) return fail(...duplicateHeader(columns.duplicates));
    return ingestSheet(db, base, read, columns);
  }
  const inspected = inspectCsv(bytes, { encoding: wave?.manifest.encoding, delimiter: wave?.manifest.delimiter });
  if ('code' in inspected) return fail(inspected.code, inspected.expected, inspected.found, inspected.message);
  if (inspected.mixedEncoding) {
    issues.push({ severity: 'warning', code: 'W_ENCODING_MIXED', file, row: null, column: null, expected: 'UTF-8 etter byte-rekkefølgemerket', found: 'Windows-1252-tekst', message: 'Filen har UTF-8-merke, men innholdet er Windows-1252; det er lest som Windows-1252.' });
  }
  const columns = planColumns(inspected.header, role, columnMap);
  if ('duplicates' in columns) return fail(...duplicateHeader(columns.duplicates));
  const { plan, pii, keptColumns, keep, epost } = columns;
  const fast = reader === 'duckdb' && bytes.byteLength >= minBytes ? await readCsvWithDuckDb(db, inspected, join(rawDir, file), table, keptColumns.map((name, i) => ({ name, source: keep[i]! })), epost) : null;
  let counts: { rowsRead: number; emptyRowsSkipped: number; piiChecks: PiiChecks | null };
  if (fast) {
    counts = fast;
  } else {
    const parsed = parseInspected(inspected);
    if ('code' in parsed) return fail(parsed.code, parsed.expected, parsed.found, parsed.message);
    await createRawTable(db, table, keptColumns);
    await appendRows(db, table, parsed.rows, keep);
    counts = { rowsRead: parsed.rows.length, emptyRowsSkipped: parsed.emptyRowsSkipped, piiChecks: epost === null ? null : checkEmails(parsed.rows.map((r) => r.cells[epost])) };
  }
  return {
    ...base,
    columns: keptColumns,
    rowsRead: counts.rowsRead,
    emptyRowsSkipped: counts.emptyRowsSkipped,
    encoding: inspected.encoding,
    delimiter: inspected.delimiter === '\t' ? 'tab' : inspected.delimiter,
    renamedColumns: plan.renamed,
    trailingEmptyColumns: plan.trailingEmpty,
    droppedColumns: pii,
    piiChecks: counts.piiChecks,
    failed: false,
  };
}

/** An .xlsx or .sav file read into the same raw table a CSV of the same data gives. */
async function ingestSheet(db: Db, base: IngestedFile, read: SheetRead, columns: ColumnPlan): Promise<IngestedFile> {
  const { plan, pii, keptColumns, keep, epost } = columns;
  await createRawTable(db, base.table, keptColumns);
  await appendRows(db, base.table, read.rows, keep);
  // Names as the codebook spells them (SPSS names are case-insensitive), for W_SAV_LABEL.
  const renamed = (name: string) => plan.columns[read.header.indexOf(name)] ?? name.toLowerCase();
  return {
    ...base,
    columns: keptColumns,
    rowsRead: read.rows.length,
    emptyRowsSkipped: read.emptyRowsSkipped,
    encoding: read.encoding,
    delimiter: null,
    renamedColumns: plan.renamed,
    trailingEmptyColumns: plan.trailingEmpty,
    droppedColumns: pii,
    piiChecks: epost === null ? null : checkEmails(read.rows.map((r) => r.cells[epost])),
    failed: false,
    sheet: read.sheet,
    valueLabels: new Map([...read.valueLabels].map(([k, v]) => [renamed(k), v])),
    variableLabels: new Map([...read.variableLabels].map(([k, v]) => [renamed(k), v])),
  };
}

/**
 * `duckdb` (default): read_csv straight into DuckDB, papaparse only where the two could disagree;
 * `papaparse`: every file through papaparse (the reference the tests compare with).
 */
export type CsvReader = 'duckdb' | 'papaparse';

/**
 * Files below this size go through papaparse even with the DuckDB reader: a read_csv costs
 * ~20 ms however small the file, papaparse reads a 300-row file in 2 ms (measured on the demo).
 */
const DUCKDB_MIN_BYTES = 1 << 20;

export async function ingestWave(input: { rawDir: string; reader?: CsvReader; duckdbMinBytes?: number }, effects: { db: Db }): Promise<Ingested> {
  const reader = input.reader ?? 'duckdb';
  const minBytes = input.duckdbMinBytes ?? DUCKDB_MIN_BYTES;
  const issues: Issue[] = [];
  const waves: IngestedWave[] = [];
  for (const wave of discoverWaves(input.rawDir)) {
    const files: IngestedFile[] = [];
    for (const f of wave.responseFiles) files.push(await ingestFile(effects.db, input.rawDir, f, 'responses', wave, issues, reader, minBytes));
    if (wave.sampleFile) files.push(await ingestFile(effects.db, input.rawDir, wave.sampleFile, 'sample', wave, issues, reader, minBytes));
    if (wave.officesFile) files.push(await ingestFile(effects.db, input.rawDir, wave.officesFile, 'offices', wave, issues, reader, minBytes));
    waves.push({ ...wave, files });
  }
  const baselinePath = 'baselines/published_baselines.csv';
  const baselines = existsSync(join(input.rawDir, baselinePath)) ? await ingestFile(effects.db, input.rawDir, baselinePath, 'baselines', null, issues, reader, minBytes) : null;
  const crosswalkDir = join(input.rawDir, 'crosswalks');
  const crosswalks: IngestedFile[] = [];
  if (existsSync(crosswalkDir)) {
    for (const name of readdirSync(crosswalkDir).filter((n) => n.toLowerCase().endsWith('.csv')).sort()) crosswalks.push(await ingestFile(effects.db, input.rawDir, `crosswalks/${name}`, 'crosswalk', null, issues, reader, minBytes));
  }
  return { rawDir: input.rawDir, waves, baselines, crosswalks, issues };
}
