/**
 * Direct personal data in sample files (names, e-mail, fieldwork notes) is checked here and then
 * dropped: it never reaches DuckDB. Only counts leave this module.
 */
export interface PiiChecks {
  epost_empty: number;
  epost_malformed: number;
  epost_duplicate: number;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmails(values: Array<string | undefined>): PiiChecks {
  const seen = new Set<string>();
  const checks: PiiChecks = { epost_empty: 0, epost_malformed: 0, epost_duplicate: 0 };
  for (const raw of values) {
    // Trimmed of the same blanks the DuckDB reader trims (duckdb-csv.ts), so both count alike.
    const v = (raw ?? '').replace(/^[ \t\n\r\f]+|[ \t\n\r\f]+$/g, '').toLowerCase();
    if (v === '') checks.epost_empty++;
    else if (!EMAIL.test(v)) checks.epost_malformed++;
    else if (seen.has(v)) checks.epost_duplicate++;
    seen.add(v);
  }
  return checks;
}
