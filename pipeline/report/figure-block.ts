/**
 * One figure as the reader sees it: number and caption, the chart, the n of every group, the
 * tests, the numbers as a table and as a CSV download. Everything comes from `results` rows.
 */
import type { FigureDef } from '../../schemas/figures.ts';
import { meansChart } from '../../notebooks/components/means-chart.ts';
import { regressionTable } from '../../notebooks/components/regression-table.ts';
import { top2TrendChart } from '../../notebooks/components/top2-trend-chart.ts';
import type { ResultRow } from '../analyze/results.ts';
import { fmtInt, fmtNumber, fmtPercent } from '../core/format.ts';
import { escapeHtml } from './escape.ts';
import { testLine } from './tests-text.ts';

export interface FigureBlock {
  html: string;
  csv: { header: string[]; rows: unknown[][] };
}

const SOURCE_LABEL: Record<string, string> = { microdata: 'mikrodata', stated: 'publisert tall', approximate: 'omtrentlig sammenligningsverdi', illustrative: 'Illustrativ verdi – tallet finnes ikke i kilden' };

function table(header: string[], rows: string[][]): string {
  return `<table class="data"><thead><tr>${header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function body(fig: FigureDef, rows: ResultRow[], labels: Map<string, string>): { chart: string; nLine: string; table: string; csv: FigureBlock['csv'] } {
  const title = `${fig.number}: ${fig.caption}`;
  if (fig.recipe === 'shares') {
    const points = rows.filter((r) => r.measure === 'pct_top2').sort((a, b) => a.group_label.localeCompare(b.group_label, 'nb') || a.wave.localeCompare(b.wave));
    return {
      chart: top2TrendChart(rows, { width: 720, title }),
      nLine: points.map((r) => `${r.group_label} ${r.wave}: n = ${fmtInt(r.n)}${r.value_source !== 'microdata' ? ` (${r.value_source === 'stated' ? 'publisert' : SOURCE_LABEL[r.value_source]})` : ''}`).join(' · '),
      table: table(['Gruppe', 'År', 'Andel topp 2', '95 % KI', 'n', 'Kilde'], points.map((r) => [r.group_label, r.wave, fmtPercent(r.value, 1), r.ci_low === null ? '–' : `${fmtNumber(r.ci_low, 1)}–${fmtNumber(r.ci_high, 1)}`, fmtInt(r.n), SOURCE_LABEL[r.value_source] ?? r.value_source])),
      csv: { header: ['gruppe', 'aar', 'andel_topp2_prosent', 'ki_nedre', 'ki_ovre', 'n', 'kilde'], rows: points.map((r) => [r.group_label, r.wave, r.value, r.ci_low, r.ci_high, r.n, r.value_source]) },
    };
  }
  if (fig.recipe === 'means') {
    const means = rows.filter((r) => r.measure === 'mean');
    const sd = (g: string) => rows.find((r) => r.measure === 'sd' && r.group_code === g)?.value ?? null;
    return {
      chart: meansChart(rows, { width: 720, title, scale: [1, 5] }),
      nLine: means.map((r) => `${r.group_label}: n = ${fmtInt(r.n)}`).join(' · '),
      table: table(['Gruppe', 'Gjennomsnitt', 'Standardavvik', '95 % KI', 'n'], means.map((r) => [r.group_label, fmtNumber(r.value, 2), fmtNumber(sd(r.group_code), 2), `${fmtNumber(r.ci_low, 2)}–${fmtNumber(r.ci_high, 2)}`, fmtInt(r.n)])),
      csv: { header: ['gruppe', 'aar', 'gjennomsnitt', 'standardavvik', 'ki_nedre', 'ki_ovre', 'n'], rows: means.map((r) => [r.group_label, r.wave, r.value, sd(r.group_code), r.ci_low, r.ci_high, r.n]) },
    };
  }
  const t = regressionTable(rows, labels);
  const f = rows.find((r) => r.test === 'ols_f');
  return { chart: '', nLine: `n = ${fmtInt(f?.n)} med svar på begge spørsmålene («Vet ikke» holdt utenfor)`, table: t.html, csv: { header: (t.csv[0] as string[]) ?? [], rows: t.csv.slice(1) } };
}

export function figureBlock(fig: FigureDef, rows: ResultRow[], variableLabels: Map<string, string>): FigureBlock {
  const groupLabels = new Map(rows.filter((r) => r.group_code && r.group_label).map((r) => [r.group_code, r.group_label.toLowerCase()]));
  const b = body(fig, rows, variableLabels);
  const tests = rows.filter((r) => r.measure === 'test' && r.test !== 'ols_f').sort((a, b2) => a.wave.localeCompare(b2.wave) || a.test.localeCompare(b2.test));
  const notTested = rows.filter((r) => r.measure === 'not_tested');
  const marked = rows.filter((r) => r.value_source === 'illustrative' || r.value_source === 'approximate');
  const waves = [...new Set(rows.map((r) => r.wave))].sort().join(', ');
  const html = `<figure class="figure" id="${escapeHtml(fig.id)}" data-figure="${escapeHtml(fig.id)}">
<figcaption><strong>${escapeHtml(fig.number)}.</strong> ${escapeHtml(fig.caption)}</figcaption>
${b.chart ? `<div class="chart">${b.chart}</div>` : `<div class="table-figure">${b.table}</div>`}
<p class="n">${escapeHtml(b.nLine)}. «Vet ikke» og ubesvart er holdt utenfor nevneren.</p>
${marked.length ? `<p class="marked">${[...new Set(marked.map((r) => SOURCE_LABEL[r.value_source]))].map((l) => `<span class="badge">${escapeHtml(l)}</span>`).join(' ')} Lysere søyler er sammenligningsverdier fra tidligere rapporter, ikke mikrodata.</p>` : ''}
${tests.length || notTested.length ? `<div class="tests"><p>Tester (tosidige, α = 0,05; p-verdier justert med Holms metode innen figuren):</p><ul>${tests.map((r) => testLine(r, groupLabels)).join('')}${notTested.map((r) => `<li>${escapeHtml(r.comparison.replace(/[a-z_]+/g, (w) => groupLabels.get(w) ?? w))}: ikke testet (${escapeHtml(r.note)}).</li>`).join('')}</ul></div>` : ''}
${b.chart ? `<details><summary>Tallene bak figuren</summary>${b.table}</details>` : ''}
<p class="download"><a href="data/${escapeHtml(fig.id)}.csv" download>Last ned tallene (CSV)</a> · Bølger: ${escapeHtml(waves)}</p>
</figure>`;
  return { html, csv: b.csv };
}
