/** CSV writing (quarantine files, chart downloads, simulated exports): RFC 4180, LF, no BOM. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;

/**
 * A text cell a spreadsheet will not run as a formula: text starting with = + - @ tab or CR gets a
 * leading apostrophe (OWASP's CSV-injection advice); numbers such as -1,5 or -3 stay as they are.
 * For every CSV a person opens (report downloads, quarantine, validation findings), never for the
 * raw exports the simulator writes.
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !NUMBER.test(value) ? `'${value}` : value;
}

/** The same rule in DuckDB SQL, for files DuckDB writes itself (COPY). */
export function spreadsheetSafeSql(column: string): string {
  return `CASE WHEN regexp_matches(${column}, '^[=+\\-@\\t\\r]') AND NOT regexp_matches(${column}, '${NUMBER.source}') THEN '''' || ${column} ELSE ${column} END`;
}

/** `toCsv` with every text cell made spreadsheet-safe. */
export function toSpreadsheetCsv(header: string[], rows: unknown[][]): string {
  return toCsv(header, rows.map((r) => r.map((c) => (typeof c === 'string' ? spreadsheetSafe(c) : c))));
}
