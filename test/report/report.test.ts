/**
 * The report on the bundled demo data: every figure with results renders a chart or a table and
 * writes its CSV, every figure of FIGURES sits on exactly one notebook page, and every named
 * insert of the pages exists in `results`.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPipeline } from '../../pipeline/run.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURES } from '../../schemas/figures.ts';
import { all, type Db } from '../../pipeline/core/db.ts';
import { memoryWriter } from '../../pipeline/core/writer.ts';
import { renderReport, type Rendered } from '../../pipeline/report/index.ts';
import { readNotebooks } from '../../pipeline/report/notebook.ts';
import { openDemoWarehouse } from '../helpers/demo-warehouse.ts';
import { OVERLAP_FIGURE } from '../../pipeline/analyze/overlap.ts';

const NOTEBOOKS = fileURLToPath(new URL('../../notebooks/', import.meta.url));
let rendered: Rendered;
let files: Map<string, string | Uint8Array>;
let withRows: string[];
let duplicateIds: string[];
let html: string;
let close: () => void;
let demoDb: Db;

/** The HTML of one <figure data-figure="ID"> … </figure>. */
function figureHtml(id: string): string {
  const start = html.indexOf(`data-figure="${id}"`);
  return start < 0 ? '' : html.slice(html.lastIndexOf('<figure', start), html.indexOf('</figure>', start));
}

beforeAll(async () => {
  const opened = await openDemoWarehouse('report');
  close = opened.close;
  demoDb = opened.db;
  withRows = (await all<{ figure_id: string }>(opened.db, `SELECT DISTINCT figure_id FROM results WHERE figure_id <> '${OVERLAP_FIGURE}' ORDER BY figure_id`)).map((r) => r.figure_id);
  duplicateIds = (await all<{ result_id: string }>(opened.db, `SELECT result_id FROM results GROUP BY result_id HAVING count(*) > 1`)).map((r) => r.result_id);
  const writer = memoryWriter();
  rendered = await renderReport({ outDir: 'report' }, { db: opened.db, writer });
  files = writer.files;
  html = String(files.get('report/utskrift.html'));
});

afterAll(() => close?.());

describe('figures', () => {
  it('every figure of FIGURES has result rows on the demo data', () => {
    expect(FIGURES.map((f) => f.id).filter((id) => !withRows.includes(id))).toEqual([]);
  });

  it('names every number by a result id of its own (inserts and CSVs refer to it)', () => {
    expect(duplicateIds).toEqual([]);
  });

  it('every figure with rows renders a <figure data-figure> with an SVG chart or a table', () => {
    for (const id of withRows) {
      const fig = figureHtml(id);
      expect(fig, id).not.toBe('');
      expect(fig, id).toMatch(/<svg|<table/);
    }
    expect(rendered.figures.sort()).toEqual([...withRows].sort());
  });

  it('writes a CSV per figure with a header and its numbers', () => {
    for (const id of withRows) {
      const csv = files.get(`report/data/${id}.csv`);
      expect(csv, id).toBeDefined();
      const lines = String(csv).trim().split('\n');
      expect(lines[0], id).toMatch(/^result_id,/);
      expect(lines.length, id).toBeGreaterThan(1);
    }
  });

  it('shows the office-survey groups of a mixed figure, with design-based columns', () => {
    const fig = figureHtml('F04');
    expect(fig).toContain('Enhetsleder, statlig ansatt');
    expect(fig).toContain('Designjustert 95 % KI');
    expect(fig).toContain('Designjustert t-test (klynger = kontor)');
    expect(fig).not.toContain('<div class="pending"');
  });

  it('keeps a visible place for the office-survey groups when that survey is not loaded', async () => {
    const outDir = join(mkdtempSync(join(tmpdir(), 'survey-or-only-')), 'out');
    await runPipeline({ rawDir: 'test/fixtures/or-tiny/raw', outDir });
    const orOnly = readFileSync(join(outDir, 'report/utskrift.html'), 'utf8');
    const start = orOnly.indexOf('data-figure="F04"');
    const fig = orOnly.slice(start, orOnly.indexOf('</figure>', start));
    expect(fig).toContain('<div class="pending"');
    expect(fig).toContain('Enhetsledere (kontorundersøkelsen):</strong> kommer når kontorundersøkelsen er lastet');
    expect(fig).toMatch(/<tr class="pending"><th scope="row">Enhetsledere \(kontorundersøkelsen\)<\/th>/);
  });

  it('marks 2011 baselines and shows the comparability note of F24', () => {
    expect(figureHtml('F22')).toContain('Illustrativ verdi – tallet finnes ikke i kilden');
    expect(figureHtml('F24')).toContain('Ikke samme spørsmål som i 2019');
  });

  it('draws a figure of published values only (F28, 2015) with the codebook\'s answer labels', () => {
    const f28 = figureHtml('F28');
    const chart = f28.slice(f28.indexOf('<svg'), f28.indexOf('</svg>'));
    expect((chart.match(/<rect/g) ?? []).length).toBeGreaterThanOrEqual(12);
    expect(f28).toContain('Kun på statlige tjenesteområder');
  });

  it('marks significant comparisons on the chart and says which test and adjustment', () => {
    const keys = withRows.map((id) => figureHtml(id)).filter((f) => f.includes('class="sig-key"'));
    expect(keys.length).toBeGreaterThan(20);
    expect(html).toMatch(/<li>† Signifikant forskjell mellom [^<]+ \((Welchs|Designjustert|z-test|Pearsons|Fishers)[^<]*Holm-justert p &lt; 0,05\)<\/li>/);
  });

  it('names every test in Norwegian, with raw and Holm-adjusted p', () => {
    const f15 = figureHtml('F15');
    expect(f15).toContain('Welchs t-test (ulik varians)');
    expect(f15).toMatch(/p (=|&lt;) \d,\d{3}, Holm-justert p (=|&lt;) \d,\d{3}/);
    expect(html).not.toMatch(/<li>(student_t|welch_t|chisq|z_2prop|levene)\b/);
  });
});

describe('small cells', () => {
  it('hides every value from fewer respondents than the threshold, in chart, table, CSV and prose', async () => {
    const writer = memoryWriter();
    const strict = await renderReport({ outDir: 'report', minCell: 120 }, { db: demoDb, writer });
    expect(strict.minCell).toBe(120);
    expect(strict.hidden).toContain('F04/2019/apningstid_medvirket/ordforer/mean');
    const page = String(writer.files.get('report/utskrift.html'));
    const start = page.indexOf('data-figure="F04"');
    const f04 = page.slice(start, page.indexOf('</figure>', start));
    expect(f04).toContain('skjult: færre enn 120 svar');
    expect(f04).toMatch(/Welchs t-test \(ulik varians\), ordfører vs rådmann: ikke vist/);
    const csv = String(writer.files.get('report/data/F04.csv')).split('\n').find((l) => l.startsWith('F04/2019/apningstid_medvirket/ordforer/mean,'))!;
    expect(csv.split(',')[7]).toBe('');
    expect(page).toContain('(skjult: færre enn 120 svar)');
    expect(rendered.hidden).toEqual([]);
  });
});

describe('pages', () => {
  const notebooks = readNotebooks(NOTEBOOKS);
  const page = (file: string) => String(files.get(`report/${file}`) ?? '');

  it('writes a front page, one page per further notebook, the provenance page and the print page', () => {
    const expected = ['index.html', ...notebooks.slice(1).map((nb) => nb.file.replace(/\.md$/, '.html')), 'datagrunnlag.html', 'utskrift.html'];
    expect(rendered.pages).toEqual(expected.map((f) => `report/${f}`));
    for (const f of expected) expect(page(f), f).toMatch(/^<!doctype html>/);
  });

  it('puts each figure on its notebook page and every figure on the print page, each once', () => {
    for (const nb of notebooks.slice(1)) {
      const html = page(nb.file.replace(/\.md$/, '.html'));
      for (const id of nb.front.figures) expect(html.split(`data-figure="${id}"`).length - 1, `${nb.file} ${id}`).toBe(1);
    }
    for (const id of withRows) expect(html.split(`data-figure="${id}"`).length - 1, id).toBe(1);
  });

  it('links every page from every page, and every figure from the contents', () => {
    const files_ = rendered.pages.map((p) => p.replace('report/', ''));
    for (const f of files_) for (const target of files_) expect(page(f), `${f} → ${target}`).toContain(`href="${target}"`);
    const index = page('index.html');
    for (const nb of notebooks.slice(1)) for (const id of nb.front.figures) expect(index, id).toContain(`href="${nb.file.replace(/\.md$/, '.html')}#${id}"`);
    for (const id of withRows) expect(html, id).toContain(`href="#${id}"`);
  });

  it('opens with what changed since the last wave: units in both waves and the claims compared', () => {
    const changed = page('1-hva-er-endret.html');
    expect(changed).toMatch(/Kommuner med minst ett svar<\/th><td>\d+<\/td><td>\d+<\/td><td>\d+<\/td>/);
    expect(changed).toContain('status i forrige og nyeste bølge (2019 → 2023)');
    expect(changed).toMatch(/id="endring-still_holds">Holder fortsatt \(\d+\)/);
    expect(changed).toMatch(/id="endring-not_comparable">Ikke sammenlignbar/);
  });

  it('shows the items new in the newest wave (the social-entrepreneur module) with generated figures', () => {
    const fresh = page('8-nye-sporsmal.html');
    expect(fresh).toContain('data-figure="N01"');
    expect(fresh).toMatch(/sosiale entreprenører/);
  });

  it('shows the simulated-data banner on every page', () => {
    for (const p of rendered.pages) expect(String(files.get(p)), p).toContain('<div class="banner" role="note">Simulerte data');
  });
});

describe('notebooks', () => {
  const notebooks = readNotebooks(NOTEBOOKS);

  it('every figure of FIGURES appears on exactly one page, as its front matter says', () => {
    for (const f of FIGURES) {
      const pages = notebooks.filter((nb) => new RegExp(`^\\{\\{figure ${f.id}\\}\\}$`, 'm').test(nb.body));
      expect(pages.map((p) => p.file), f.id).toHaveLength(1);
      expect(pages[0]!.front.figures, f.id).toContain(f.id);
    }
    const listed = notebooks.flatMap((nb) => nb.front.figures);
    expect(listed.sort()).toEqual(FIGURES.map((f) => f.id).sort());
  });

  it('has no insert without a result', () => {
    expect(rendered.missingInserts).toEqual([]);
  });

  it('types no numbers: digits in the prose are only years, chapter and figure numbers and AAPOR rate names', () => {
    for (const nb of notebooks) {
      const prose = nb.body.replace(/\{\{[^}]*\}\}/g, '').replace(/\b(19|20)\d\d\b/g, '').replace(/([Ff]igur|kapittel) \d+|\b(RR|COOP)\d\b/g, '');
      expect(prose.match(/\d/g), nb.file).toBeNull();
    }
  });
});
