/**
 * Report: `results` + notebooks → a static, self-contained HTML report (inline CSS and SVG, no
 * scripts, no network): a front page, one page per notebook, the data provenance, the whole report
 * on one page for print and PDF, and one CSV per figure. Reads only the warehouse, never `raw/`.
 */
import { fileURLToPath } from 'node:url';
import { FIGURES, FigureDef } from '../../schemas/figures.ts';
import { ResultRow } from '../analyze/results.ts';
import { toSpreadsheetCsv } from '../core/csv.ts';
import type { Db } from '../core/db.ts';
import { all, tableExists } from '../core/db.ts';
import { fmtInt, fmtNumber, fmtPercent } from '../core/format.ts';
import type { Writer } from '../core/writer.ts';
import { escapeHtml } from './escape.ts';
import type { ClaimRow } from '../claims/table.ts';
import type { ClaimChange } from '../claims/changes.ts';
import { changesSection, overlapSection } from './changes-section.ts';
import { claimsSection } from './claims-section.ts';
import { figureBlock } from './figure-block.ts';
import { readNotebooks, renderNotebook } from './notebook.ts';
import { PROVENANCE_TITLE, writePages } from './pages.ts';
import { DEFAULT_MIN_CELL, suppressSmallCells, suppressedLabel } from './suppress.ts';

export const SIMULATED_BANNER = 'Simulerte data – ikke resultater fra undersøkelsen';
const NOTEBOOK_DIR = fileURLToPath(new URL('../../notebooks/', import.meta.url));

export interface Rendered {
  pages: string[];
  figures: string[];
  missingInserts: string[];
  /** Result ids hidden as small cells (fewer than `minCell` respondents). */
  hidden: string[];
  minCell: number;
}

const COUNTS = new Set(['n', 'invited', 'bounced', 'absent', 'answered']);

/** A number in prose: shares and rates as whole percents, counts as integers, the rest with 2 decimals. */
function formatValue(r: ResultRow): string {
  if (r.measure.startsWith('pct') || r.measure.endsWith('rate') || r.measure.startsWith('aapor')) return fmtPercent(r.value, 0);
  if (COUNTS.has(r.measure) || r.measure.startsWith('n_')) return fmtInt(r.value);
  return fmtNumber(r.value, 2);
}

export async function renderReport(options: { outDir: string; notebookDir?: string; minCell?: number }, effects: { db: Db; writer: Writer }): Promise<Rendered> {
  const minCell = options.minCell ?? DEFAULT_MIN_CELL;
  const { rows, hidden } = suppressSmallCells((await all<Record<string, unknown>>(effects.db, `SELECT * FROM results ORDER BY figure_id, result_id`)).map((r) => ResultRow.parse(r)), minCell);
  const waves = await all<{ survey: string; wave: string; is_simulated: boolean }>(effects.db, `SELECT survey, wave, is_simulated FROM dim_waves ORDER BY survey, wave`);
  const labels = new Map((await all<{ variable: string; label: string }>(effects.db, `SELECT variable, label FROM dim_variables ORDER BY variable, survey, wave`)).map((v) => [v.variable, v.label]));
  const codeLabels = new Map(
    (await all<{ key: string; label: string }>(
      effects.db,
      `SELECT DISTINCT ON (v.survey, v.variable, c.code) v.variable || '|' || c.code AS key, c.label FROM dim_variables v JOIN dim_codes c USING (survey, wave, value_set) ORDER BY v.survey, v.variable, c.code, v.wave DESC`,
    )).map((r) => [r.key, r.label]),
  );
  const audit = await all<{ file: string; rows_read: number; rows_loaded: number; rows_quarantined: number }>(effects.db, `SELECT file, rows_read, rows_loaded, rows_quarantined FROM load_audit ORDER BY file`);
  const claims = (await tableExists(effects.db, 'claims')) ? await all<ClaimRow>(effects.db, `SELECT * FROM claims ORDER BY id`) : [];
  const changes = (await tableExists(effects.db, 'claim_changes')) ? await all<ClaimChange>(effects.db, `SELECT * FROM claim_changes ORDER BY id`) : [];
  const generated = (await tableExists(effects.db, 'generated_figures')) ? (await all<{ definition: string }>(effects.db, `SELECT definition FROM generated_figures ORDER BY id`)).map((r) => FigureDef.parse(JSON.parse(r.definition))) : [];
  const figureDefs = [...FIGURES, ...generated];
  const byId = new Map(rows.map((r) => [r.result_id, r]));
  const missing: string[] = [];
  const shown: string[] = [];
  const simulated = waves.some((w) => w.is_simulated);

  const inserts = {
    figure: (id: string) => {
      const fig = figureDefs.find((f) => f.id === id);
      const figRows = rows.filter((r) => r.figure_id === id);
      if (!fig || figRows.length === 0) {
        missing.push(id);
        return `<p class="missing">${escapeHtml(id)}: ingen data i denne kjøringen.</p>`;
      }
      const block = figureBlock(fig, figRows, labels, codeLabels);
      effects.writer.write(`${options.outDir}/data/${id}.csv`, toSpreadsheetCsv(block.csv.header, block.csv.rows));
      shown.push(id);
      return block.html;
    },
    value: (id: string) => {
      const r = byId.get(id);
      if (!r) missing.push(id);
      if (r && hidden.has(id)) return `(${escapeHtml(suppressedLabel(minCell).toLowerCase())})`;
      return r ? escapeHtml(formatValue(r)) : '(ingen data)';
    },
    claims: () => claimsSection(claims),
    changes: () => changesSection(changes),
    overlap: () => overlapSection(rows),
    newItems: () => (generated.length ? generated.map((f) => inserts.figure(f.id)).join('\n') : '<p class="missing">Ingen spørsmål er nye i den nyeste bølgen.</p>'),
    n: (id: string) => {
      const r = byId.get(id);
      if (!r) missing.push(id);
      return r ? escapeHtml(fmtInt(r.n)) : '(ingen data)';
    },
  };
  const notebooks = readNotebooks(options.notebookDir ?? NOTEBOOK_DIR);
  const sections = notebooks.map((nb) => {
    const id = nb.file.replace(/\.md$/, '');
    const html = `<section id="${escapeHtml(id)}" aria-labelledby="${escapeHtml(id)}-h">\n<h2 id="${escapeHtml(id)}-h">${escapeHtml(nb.front.title)}</h2>\n${renderNotebook(nb, inserts)}\n</section>`;
    return { id, title: nb.front.title, figures: /^\{\{new_items\}\}$/m.test(nb.body) ? generated.map((f) => f.id) : nb.front.figures, html };
  });
  const provenance = `<section id="datagrunnlag" aria-labelledby="datagrunnlag-h"><h2 id="datagrunnlag-h">${PROVENANCE_TITLE}</h2>
<p class="meta">Bølger: ${waves.map((w) => `${escapeHtml(w.survey)} ${escapeHtml(w.wave)}${w.is_simulated ? ' (simulert)' : ''}`).join(', ')}. Hvert tall i rapporten ligger i tabellen <code>results</code> i <code>survey.duckdb</code> med figur, gruppe, n og SQL-modellen det kommer fra. Tall fra færre enn ${fmtInt(minCell)} svar vises ikke i rapporten (${hidden.size === 0 ? 'ingen i denne kjøringen' : `${fmtInt(hidden.size)} tall og tester skjult i denne kjøringen`}); publiserte sammenligningstall og utvalgstallene i vedlegg D er unntatt.</p>
<table class="data"><caption>Rader lest, lastet og satt i karantene per inndatafil</caption><thead><tr><th scope="col">Fil</th><th scope="col">Rader lest</th><th scope="col">Lastet</th><th scope="col">Karantene</th></tr></thead><tbody>
${audit.map((a) => `<tr><th scope="row">${escapeHtml(a.file)}</th><td>${fmtInt(a.rows_read)}</td><td>${fmtInt(a.rows_loaded)}</td><td>${fmtInt(a.rows_quarantined)}</td></tr>`).join('\n')}
</tbody></table></section>`;
  const written = writePages({ sections, provenance, banner: simulated ? SIMULATED_BANNER : null, captions: new Map(figureDefs.map((f) => [f.id, `${f.number}. ${f.caption}`])), shown: new Set(shown) }, (file, html) => effects.writer.write(`${options.outDir}/${file}`, html));
  return { pages: written.map((f) => `${options.outDir}/${f}`), figures: shown, missingInserts: missing, hidden: [...hidden].sort(), minCell };
}
