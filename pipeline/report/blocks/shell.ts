/**
 * The frame every figure shares: number and caption, the chart (or the table that is the
 * figure), a visible place for office-survey groups not loaded yet, the n of every group, notes,
 * the tests, the numbers as a table and a link to the CSV.
 */
import type { FigureDef } from '../../../schemas/figures.ts';
import { SOURCE_LONG, isMarked, isSuppressed, suppressionRule } from '../../../notebooks/components/value-source.ts';
import type { ResultRow } from '../../analyze/results.ts';
import { escapeHtml } from '../escape.ts';
import { htmlTable } from './data-table.ts';
import { pendingRows, pendingText } from './groups.ts';
import { testsSection } from './tests-list.ts';
import type { BlockBody } from './types.ts';

function pendingBox(pending: ResultRow[]): string {
  if (pending.length === 0) return '';
  return `<div class="pending" role="note">${pending
    .map((p) => {
      const t = pendingText(p);
      return `<p><strong>${escapeHtml(t.group)}:</strong> ${escapeHtml(t.status)}.</p>`;
    })
    .join('')}</div>`;
}

function suppressedLine(rows: ResultRow[]): string {
  const hidden = rows.find(isSuppressed);
  if (!hidden) return '';
  const rule = suppressionRule(hidden.labels) ?? 'Skjult';
  return `<p class="note">${escapeHtml(rule)}: verdier og tester bygget på så få svar vises ikke (–), slik offisiell statistikk gjør; n står likevel.</p>`;
}

function markedLine(shown: ResultRow[]): string {
  const sources = [...new Set(shown.map((r) => r.value_source).filter(isMarked))];
  if (sources.length === 0) return '';
  return `<p class="marked">${sources.map((s) => `<span class="badge">${escapeHtml(SOURCE_LONG[s] ?? s)}</span>`).join(' ')} Verdier merket slik er tall fra tidligere rapporter (for ordførere og rådmenn Aars 2011), ikke mikrodata; illustrative verdier er plassholdere og må ikke siteres.</p>`;
}

export function figureShell(fig: FigureDef, rows: ResultRow[], body: BlockBody, labels: Map<string, string>, context: { groupLabels: Map<string, string>; significanceKey: string[] }): string {
  const { groupLabels } = context;
  const key = context.significanceKey.length ? `<ul class="sig-key" aria-label="Signifikansmerker i figuren">${context.significanceKey.map((k) => `<li>${escapeHtml(k)}</li>`).join('')}</ul>` : '';
  const pending = pendingRows(rows);
  const table = 'html' in body.table ? body.table.html : htmlTable(body.table, { pending });
  const waves = [...new Set(rows.map((r) => r.wave))].sort().join(', ');
  const id = escapeHtml(fig.id);
  return `<figure class="figure" id="${id}" data-figure="${id}" data-recipe="${escapeHtml(fig.recipe)}">
<figcaption><strong>${escapeHtml(fig.number)}.</strong> ${escapeHtml(fig.caption)}</figcaption>
${body.chart ? `<div class="chart">${body.chart}</div>` : `<div class="table-figure">${table}</div>`}
${key}
${pendingBox(pending)}
<p class="n">${escapeHtml(body.nLine)}. ${escapeHtml(body.denominator)}</p>
${body.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('\n')}
${markedLine(body.shown)}
${suppressedLine(rows)}
${testsSection(rows, labels, groupLabels)}
${body.chart ? `<details class="numbers"><summary>Tallene bak figuren</summary>${table}</details>` : ''}
<p class="download"><a href="data/${id}.csv" download>Last ned tallene (CSV)</a> · Bølger: ${escapeHtml(waves)}</p>
</figure>`;
}
