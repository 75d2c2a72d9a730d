/**
 * What every non-CSV reader (xlsx.ts, sav.ts) hands to ingest: the header and the data rows as
 * text cells, exactly as a CSV of the same data would give them, so that validation is one and
 * the same for every format (exports.md §2.5).
 *
 * Cell text rules shared by the readers:
 * - missing (empty cell, SPSS system-missing) → '' ;
 * - integer-valued numbers → their digits without decimals (`3`, not `3.0`); other numbers with
 *   `.` as decimal separator and no grouping (`2.5`, `-0.125`), never in exponent notation for
 *   values a survey holds;
 * - date/datetime values → ISO 8601 local time Europe/Oslo, `YYYY-MM-DDTHH:MM:SS`;
 * - booleans → `1` / `0`;
 * - text as stored (no trimming: validation trims).
 */
export interface SheetRow {
  /** 1-based row of the file, header = 1 (for .sav: the case number + 1). */
  row: number;
  cells: string[];
}

/** A finding a reader makes about one cell (e.g. an xlsx error cell, read as missing). */
export interface ReaderFinding {
  severity: 'error' | 'warning';
  code: string;
  row: number;
  column: string;
  expected: string;
  found: string;
  message: string;
}

export interface SheetRead {
  header: string[];
  /** Data rows; completely empty rows are left out and counted in `emptyRowsSkipped`. */
  rows: SheetRow[];
  emptyRowsSkipped: number;
  /** Text encoding of the file where it has one (.sav: `utf-8` or `windows-1252` …), else null. */
  encoding: string | null;
  /** The worksheet read (.xlsx), else null. */
  sheet: string | null;
  findings: ReaderFinding[];
  /** .sav: value labels per variable (header name as in the file). */
  valueLabels: Map<string, Array<{ code: number; label: string }>>;
  /** .sav: variable labels (question texts) per variable, for the load log. */
  variableLabels: Map<string, string>;
}

/** A file error: nothing from the file is loaded. */
export interface ReadFailure {
  code: 'E_FILE_UNREADABLE' | 'E_XLSX_MERGED' | 'E_ENCODING';
  expected: string;
  found: string;
  message: string;
}

/** A number as cell text (the rule above): decimal notation, never an exponent (`1e-7` → `0.0000001`); `-0` → `0`. */
export function numberText(n: number): string {
  const text = String(n === 0 ? 0 : n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign, lead, fraction = '', exponent] = m;
  const digits = `${lead}${fraction}`;
  const point = 1 + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * A wall-clock reading (milliseconds on a zoneless clock, as Excel serials and SPSS seconds are)
 * as `YYYY-MM-DDTHH:MM:SS`, rounded to the second; null outside the years 1–9999.
 */
export function wallClockText(ms: number): string | null {
  const rounded = Math.round(ms / 1000) * 1000;
  if (!(rounded >= -62_135_596_800_000 && rounded < 253_402_300_800_000)) return null;
  return new Date(rounded).toISOString().slice(0, 19);
}
