/**
 * «Hva er endret siden forrige rapport»: the claims of chapter 7 on the newest wave next to their
 * status on the wave before, counted and listed by change (claims/changes.ts), items that are not
 * comparable between the waves named with why. Reads the `claim_changes` table only.
 */
import { OVERLAP_FIGURE } from '../analyze/overlap.ts';
import type { ResultRow } from '../analyze/results.ts';
import { SURVEY_LABELS } from '../../schemas/groups.ts';
import { CHANGE_LABEL, CHANGE_ORDER, type Change, type ClaimChange } from '../claims/changes.ts';
import { fmtInt } from '../core/format.ts';
import { STATUS_LABEL } from './claims-section.ts';
import { escapeHtml } from './escape.ts';

export function changesSection(rows: ClaimChange[]): string {
  if (rows.length === 0) return '<p class="missing">Bare én bølge av hver undersøkelse er lastet, så det er ingenting å sammenligne med ennå. Når neste bølge legges i <code>raw/</code>, viser denne siden hvilke påstander som fortsatt holder.</p>';
  const waves = [...new Set(rows.map((r) => `${r.previous_wave} → ${r.newest_wave}`))].join(', ');
  const present = CHANGE_ORDER.filter((c) => rows.some((r) => r.change === c));
  const summary = `<table class="data"><caption>Påstandene i kapittel 7, status i forrige og nyeste bølge (${escapeHtml(waves)})</caption><thead><tr><th scope="col">Endring</th><th scope="col">Påstander</th></tr></thead><tbody>${present
    .map((c) => `<tr><th scope="row"><a href="#endring-${c}">${escapeHtml(CHANGE_LABEL[c])}</a></th><td>${fmtInt(rows.filter((r) => r.change === c).length)}</td></tr>`)
    .join('')}</tbody></table>`;
  const lists = present.map((c: Change) => {
    const mine = rows.filter((r) => r.change === c);
    const items = mine
      .map((r) => `<tr><th scope="row">${escapeHtml(r.id)}</th><td>${escapeHtml(r.figures)}</td><td>${escapeHtml(r.quote)}${r.note ? `<br><small>${escapeHtml(r.note)}</small>` : ''}</td><td>${escapeHtml(r.previous_wave)}: ${escapeHtml(STATUS_LABEL[r.previous_status] ?? r.previous_status)}<br>${escapeHtml(r.newest_wave)}: ${escapeHtml(STATUS_LABEL[r.newest_status] ?? r.newest_status)}</td></tr>`)
      .join('\n');
    return `<h3 id="endring-${c}">${escapeHtml(CHANGE_LABEL[c])} (${fmtInt(mine.length)})</h3>
<div class="table-scroll" role="region" aria-label="${escapeHtml(CHANGE_LABEL[c])}, tabell som kan rulles" tabindex="0"><table class="data claims"><thead><tr><th scope="col">Id</th><th scope="col">Figur</th><th scope="col">Påstand</th><th scope="col">Status</th></tr></thead><tbody>
${items}
</tbody></table></div>`;
  });
  return `${summary}\n${lists.join('\n')}`;
}

/** The units that answered in both waves (analyze/overlap.ts), as one small table per survey. */
export function overlapSection(rows: ResultRow[]): string {
  const p1 = rows.filter((r) => r.figure_id === OVERLAP_FIGURE);
  if (p1.length === 0) return '';
  const surveys = [...new Set(p1.map((r) => r.survey))];
  return surveys
    .map((survey) => {
      const mine = p1.filter((r) => r.survey === survey);
      const groups = [...new Set(mine.map((r) => r.group_code))];
      const value = (g: string, m: string) => fmtInt(mine.find((r) => r.group_code === g && r.measure === m)?.value);
      const [earlier, later] = mine[0]!.comparison.split(' → ');
      return `<table class="data"><caption>${escapeHtml(SURVEY_LABELS[survey] ?? survey)}: enheter som svarte i ${escapeHtml(earlier)}, i ${escapeHtml(later)} og i begge (${escapeHtml(mine[0]!.note)})</caption>
<thead><tr><th scope="col">Enhet</th><th scope="col">${escapeHtml(earlier)}</th><th scope="col">${escapeHtml(later)}</th><th scope="col">Begge</th></tr></thead><tbody>
${groups.map((g) => `<tr><th scope="row">${escapeHtml(mine.find((r) => r.group_code === g)!.group_label)}</th><td>${value(g, 'units_previous')}</td><td>${value(g, 'units_newest')}</td><td>${value(g, 'units_both')}</td></tr>`).join('\n')}
</tbody></table>`;
    })
    .join('\n');
}
