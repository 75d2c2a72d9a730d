/**
 * The numbers behind a figure as an accessible HTML table: column headers, a row header per row,
 * optional section rows, and one visible row per office-survey group that is not loaded yet.
 */
import type { ResultRow } from '../../analyze/results.ts';
import { escapeHtml } from '../escape.ts';
import { pendingText } from './groups.ts';

export type TableRow = string[] | { section: string };

export interface Table {
  header: string[];
  body: TableRow[];
}

export function htmlTable(table: Table, options: { pending?: ResultRow[]; className?: string } = {}): string {
  const width = table.header.length;
  const body = table.body.map((r) =>
    Array.isArray(r)
      ? `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join('')}</tr>`
      : `<tr class="section"><th scope="colgroup" colspan="${width}">${escapeHtml(r.section)}</th></tr>`,
  );
  const pending = (options.pending ?? []).map((p) => {
    const t = pendingText(p);
    return `<tr class="pending"><th scope="row">${escapeHtml(t.group)}</th><td colspan="${Math.max(1, width - 1)}">${escapeHtml(t.status)}</td></tr>`;
  });
  return `<table class="${escapeHtml(options.className ?? 'data')}"><thead><tr>${table.header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${[...body, ...pending].join('')}</tbody></table>`;
}
