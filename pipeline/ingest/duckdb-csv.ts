/**
 * The fast reader: DuckDB's read_csv writes the file straight into a table of text cells, and the
 * raw table (`_row`, `_fields`, the kept columns) is made from it in SQL, so no row ever becomes a
 * JavaScript object. It gives the same table as the papaparse reader (csv-file.ts):
 * - every column is read as text with a NULL marker no cell can hold, so an empty cell is '' and
 *   only the cells a short row lacks are NULL, which makes `_fields` the row's number of cells;
 * - DuckDB skips blank lines; a byte scan finds them so that `_row` still counts them as the file
 *   does (header = 1) and they are counted as skipped empty rows;
 * - personal data columns are checked in SQL (empty, malformed, duplicate e-mail addresses) and
 *   never copied into the raw table.
 * Where the two readers could disagree (a row with more cells than the header allows for, a blank
 * first line, a record count that does not match the scan, a read error), it returns null and the
 * caller reads the file with papaparse instead.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../core/db.ts';
import { ident, literal } from '../core/db.ts';
import { BLANK_CHARS, type InspectedCsv } from './csv-file.ts';
import type { PiiChecks } from './pii.ts';

/** Columns beyond the header's that a row may fill before the file goes to the reference reader. */
const EXTRA_COLUMNS = 4;
/** A NULL marker that no export contains. */
const NULL_MARKER = '\u0001\u0002NULL\u0002\u0001';

export interface DuckDbCsvResult {
  rowsRead: number;
  emptyRowsSkipped: number;
  piiChecks: PiiChecks | null;
}

export interface RecordScan {
  /** Records that are not blank lines, the header included. */
  records: number;
  /** For each blank line: how many non-blank records come before it. */
  blanksAfter: number[];
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** True when the bytes may hold a blank line (two line ends in a row); false means there is none. */
export function mayHaveBlankLines(bytes: Buffer): boolean {
  return bytes[0] === LF || bytes[0] === CR || bytes.includes('\n\n') || bytes.includes('\n\r\n') || bytes.includes('\r\r');
}

/** Record boundaries as RFC 4180 draws them: a quote toggles, CR LF, LF or CR end a record outside quotes. */
export function scanRecords(bytes: Uint8Array): RecordScan {
  let inQuotes = false;
  let atStart = true;
  let records = 0;
  const blanksAfter: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === QUOTE) {
      inQuotes = !inQuotes;
      atStart = false;
    } else if (!inQuotes && (b === LF || b === CR)) {
      if (b === CR && bytes[i + 1] === LF) i++;
      if (atStart) blanksAfter.push(records);
      else records++;
      atStart = true;
    } else {
      atStart = false;
    }
  }
  if (!atStart) records++;
  return { records, blanksAfter };
}

/**
 * A row is empty when every cell it has is empty or blanks. Almost every row has a first cell (the
 * id), so the CASE decides on it and looks at the other cells only when it is blank (a plain
 * AND over all cells costs half a second on 200 000 rows).
 */
function nonEmptyRowSql(width: number): string {
  const blank = (i: number) => `coalesce(trim(c${i}, ${literal(BLANK_CHARS)}), '') = ''`;
  const rest = Array.from({ length: width - 1 }, (_, i) => blank(i + 1)).join(' AND ');
  return `CASE WHEN NOT ${blank(0)} THEN true ELSE NOT (${rest || 'true'}) END`;
}

/** The number of cells of a row; a row with as many as the header is decided on two cells. */
function fieldsSql(width: number, declared: number): string {
  const sum = Array.from({ length: declared }, (_, i) => `(c${i} IS NOT NULL)::INTEGER`).join(' + ');
  return `CASE WHEN c${width - 1} IS NOT NULL AND c${width} IS NULL THEN ${width} ELSE ${sum} END`;
}

/** E-mail checks of pii.ts, in SQL over the column as read (trim and lower-case first). */
async function emailChecks(db: Db, csv: string, column: number, nonEmpty: string): Promise<PiiChecks> {
  const reader = await db.runAndReadAll(
    `WITH v AS (SELECT lower(trim(coalesce(c${column}, ''), ${literal(BLANK_CHARS)})) AS v FROM ${ident(csv)} WHERE rowid > 0 AND ${nonEmpty}),
     checked AS (SELECT v, v <> '' AND regexp_full_match(v, '[^\\s@]+@[^\\s@]+\\.[^\\s@]+') AS valid FROM v)
     SELECT count(*) FILTER (WHERE v = '') AS epost_empty,
            count(*) FILTER (WHERE v <> '' AND NOT valid) AS epost_malformed,
            count(*) FILTER (WHERE valid) - count(DISTINCT v) FILTER (WHERE valid) AS epost_duplicate
     FROM checked`,
  );
  const [e, m, d] = (reader.getRows()[0] ?? []).map(Number);
  return { epost_empty: e ?? 0, epost_malformed: m ?? 0, epost_duplicate: d ?? 0 };
}

/**
 * Reads `inspected` into `table` (`_row`, `_fields`, then `keep[i].name` from cell `keep[i].source`);
 * null when the papaparse reader must read this file instead.
 */
export async function readCsvWithDuckDb(
  db: Db,
  inspected: InspectedCsv,
  path: string,
  table: string,
  keep: Array<{ source: number; name: string }>,
  epostColumn: number | null,
): Promise<DuckDbCsvResult | null> {
  const width = inspected.header.length;
  if (width === 0) return null;
  const bytes = inspected.utf8;
  const scan = mayHaveBlankLines(bytes) ? scanRecords(bytes) : null;
  if (scan && scan.blanksAfter[0] === 0) return null;
  const declared = width + EXTRA_COLUMNS;
  const csv = `${table}_csv`;
  // DuckDB reads a file from disk: the file itself when it is UTF-8, else a UTF-8 copy.
  const source = inspected.isOwnBytes ? path : join(tmpdir(), `survey-ingest-${process.pid}-${table}.csv`);
  if (!inspected.isOwnBytes) writeFileSync(source, bytes);
  try {
    const columns = `{${Array.from({ length: declared }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ')}}`;
    await db.run(
      `CREATE OR REPLACE TEMP TABLE ${ident(csv)} AS SELECT * FROM read_csv(${literal(source)}, delim = ${literal(inspected.delimiter)}, quote = '"', escape = '"',
         header = false, auto_detect = false, columns = ${columns}, null_padding = true, nullstr = ${literal(NULL_MARKER)}, strict_mode = false, skip = 0, encoding = 'utf-8')`,
    );
  } catch {
    return null;
  } finally {
    if (!inspected.isOwnBytes) rmSync(source, { force: true });
  }
  try {
    const counts = (await db.runAndReadAll(`SELECT count(*), count(c${declared - 1}) FROM ${ident(csv)}`)).getRows()[0]!.map(Number);
    const [records, overflow] = counts as [number, number];
    if (overflow > 0 || (scan !== null && scan.records !== records)) return null;
    const nonEmpty = nonEmptyRowSql(declared);
    const fields = fieldsSql(width, declared);
    // _row: the record's place in the file, blank lines included (header = 1).
    const blanks = scan?.blanksAfter ?? [];
    const row = blanks.length === 0 ? 'rowid + 1' : `rowid + 1 + (SELECT count(*) FROM (SELECT unnest(${literal(`[${blanks.join(',')}]`)}::INTEGER[]) AS b) WHERE b <= rowid)`;
    const kept = keep.map((k) => `c${k.source} AS ${ident(k.name)}`);
    await db.run(
      `CREATE OR REPLACE TEMP TABLE ${ident(table)} AS SELECT CAST(${row} AS INTEGER) AS _row, CAST(${fields} AS INTEGER) AS _fields${kept.length ? ', ' : ''}${kept.join(', ')}
       FROM ${ident(csv)} WHERE rowid > 0 AND ${nonEmpty}`,
    );
    const rowsRead = Number((await db.runAndReadAll(`SELECT count(*) FROM ${ident(table)}`)).getRows()[0]![0]);
    const piiChecks = epostColumn === null ? null : await emailChecks(db, csv, epostColumn, nonEmpty);
    return { rowsRead, emptyRowsSkipped: records - 1 - rowsRead + blanks.length, piiChecks };
  } finally {
    await db.run(`DROP TABLE IF EXISTS ${ident(csv)}`);
  }
}
