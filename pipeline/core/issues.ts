/**
 * Validation findings (exports.md §5): one record per problem, shaped like a zod issue plus
 * provenance. Errors send their row to quarantine; file errors stop the file.
 */
import { z } from 'zod';

export const Severity = z.enum(['error', 'warning']);

export const Issue = z.object({
  severity: Severity,
  /** `E_…`/`W_…` code from exports.md §5. */
  code: z.string().regex(/^[EW]_[A-Z0-9_]+$/),
  /** Path relative to the raw folder. */
  file: z.string(),
  /** 1-based row of the input file, header = row 1; null for file-level findings. */
  row: z.number().int().positive().nullable(),
  column: z.string().nullable(),
  expected: z.string(),
  /** The cell as read, truncated to 80 characters; personal data shown as `[fjernet]`. */
  found: z.string(),
  message: z.string(),
});
export type Issue = z.infer<typeof Issue>;

export const REDACTED = '[fjernet]';

/** Cells are shown truncated so that a huge cell cannot flood a log or a quarantine file. */
export function truncateFound(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return value.length > 80 ? `${value.slice(0, 79)}…` : value;
}

/** Collects findings of one run; nothing is printed here, the CLI decides what to show. */
export class IssueLog {
  readonly items: Issue[] = [];
  add(issue: Omit<Issue, 'found'> & { found?: string | null }): void {
    this.items.push(Issue.parse({ ...issue, found: truncateFound(issue.found) }));
  }
  addAll(issues: Issue[]): void {
    for (const i of issues) this.items.push(i);
  }
  count(severity?: Issue['severity']): number {
    return severity ? this.items.filter((i) => i.severity === severity).length : this.items.length;
  }
  countsByCode(file?: string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const i of this.items) if (!file || i.file === file) out[i.code] = (out[i.code] ?? 0) + 1;
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
  }
}

/** One human-readable line: file, row, column, what was expected, what was found. */
export function formatIssue(i: Issue): string {
  const where = [i.file, i.row === null ? null : `rad ${i.row}`, i.column === null ? null : `kolonne ${i.column}`]
    .filter(Boolean)
    .join(', ');
  return `${i.severity === 'error' ? 'FEIL' : 'ADVARSEL'} ${i.code} (${where}): ${i.message} Forventet ${i.expected}; fant «${i.found}».`;
}
