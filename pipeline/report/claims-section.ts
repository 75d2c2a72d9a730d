/**
 * The claims section: every claim of spec/claims.md about the ordfører/rådmann survey with its
 * status on this wave and the value computed next to it, grouped by figure. Reads the `claims`
 * table only.
 */
import type { ClaimRow } from '../claims/table.ts';
import { fmtInt } from '../core/format.ts';
import { escapeHtml } from './escape.ts';

export const STATUS_LABEL: Record<string, string> = {
  holds: 'Holder',
  does_not_hold: 'Holder ikke',
  not_checkable: 'Kan ikke sjekkes',
  not_supported_at_threshold: 'Verbal påstand ikke støttet ved terskelen',
  side_by_side: 'Vist side om side (ikke testet)',
};

const KIND_LABEL: Record<string, string> = { interp: 'tolket terskel', repro: 'eksakt tall fra originaldata', noncomp: 'ikke sammenlignbart', conflict: 'i konflikt' };

/** Decimal points of computed values as nb-NO commas, leaving ids and dates alone. */
function nb(text: string): string {
  return text.replace(/(\d)\.(\d)/g, '$1,$2');
}

export function claimsSection(rows: ClaimRow[]): string {
  if (rows.length === 0) return '<p class="missing">Ingen påstander ble sjekket i denne kjøringen.</p>';
  const tally = new Map<string, number>();
  for (const r of rows) tally.set(r.status, (tally.get(r.status) ?? 0) + 1);
  const summary = Object.keys(STATUS_LABEL)
    .filter((s) => tally.has(s))
    .map((s) => `<li><span class="status status-${s}">${escapeHtml(STATUS_LABEL[s]!)}</span>: ${fmtInt(tally.get(s))}</li>`)
    .join('');
  const body = rows
    .map((r) => {
      const flags = r.flags ? r.flags.split(', ').filter(Boolean).map((f) => KIND_LABEL[f] ?? f).join(', ') : '';
      const meets = r.status === 'side_by_side' ? (r.meets === 'true' ? ' – samsvarer' : r.meets === 'false' ? ' – avviker' : '') : '';
      return `<tr><th scope="row">${escapeHtml(r.id)}</th><td>${escapeHtml(r.figures)}</td><td>${escapeHtml(r.quote)}<br><code>${escapeHtml(r.check_text)}</code></td><td>${escapeHtml(nb(r.computed))}</td><td><span class="status status-${escapeHtml(r.status)}">${escapeHtml(STATUS_LABEL[r.status] ?? r.status)}${meets}</span>${flags ? `<br><small>${escapeHtml(flags)}</small>` : ''}${r.note ? `<br><small>${escapeHtml(r.note)}</small>` : ''}</td></tr>`;
    })
    .join('\n');
  return `<p>Bølge ${escapeHtml(rows[0]!.wave)}: ${fmtInt(rows.length)} påstander.</p><ul class="claims-summary">${summary}</ul>
<div class="table-scroll" role="region" aria-label="Påstandene, tabell som kan rulles" tabindex="0"><table class="data claims"><caption>Påstandene i kapittel 7 sjekket mot dataene</caption><thead><tr><th scope="col">Id</th><th scope="col">Figur</th><th scope="col">Påstand og sjekk</th><th scope="col">Beregnet</th><th scope="col">Status</th></tr></thead><tbody>
${body}
</tbody></table></div>`;
}
