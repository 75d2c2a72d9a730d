/**
 * The built report in a real browser (headless Chromium, pipeline/report/chromium.ts), every
 * *.html page of the report folder: nothing leaves the machine, no page or console errors, no
 * serious or critical WCAG 2.1 A/AA violation (axe-core), every figure with results drawn, every
 * link between pages lands on a file and an id that exist. A full-page screenshot of each page goes
 * to out/test-screenshots/ to look at. Also: the PDF prints, and the report is byte-identical when
 * built in another time zone and locale.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AxeResults, ImpactValue, RunOptions } from 'axe-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { all, ident, openDb } from '../../pipeline/core/db.ts';
import { PipelineError } from '../../pipeline/core/errors.ts';
import { describeProblems, launchChromium, openWatchedPage, type PageProblems } from '../../pipeline/report/chromium.ts';
import { printPdf } from '../../pipeline/report/pdf.ts';
import { openDemoWarehouse } from '../helpers/demo-warehouse.ts';
import { filesUnder } from '../helpers/files.ts';
import { OVERLAP_FIGURE } from '../../pipeline/analyze/overlap.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCREENSHOTS = join(ROOT, 'out', 'test-screenshots');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_OPTIONS: RunOptions = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] };
const BLOCKING: ImpactValue[] = ['serious', 'critical'];

interface Violation {
  id: string;
  impact: ImpactValue | undefined;
  help: string;
  targets: string[];
}

/** What one page showed the browser. */
interface PageFacts {
  name: string;
  problems: PageProblems;
  violations: Violation[];
  figures: Array<{ id: string; svgArea: number; tableRows: number; clipped: string[] }>;
  ids: string[];
  links: string[];
  screenshot: string;
}

let reportDir: string;
let tmp: string;
let withRows: string[];
let pages: PageFacts[];
let browser: Browser | undefined;
let secondBuild: Promise<{ code: number | null; stderr: string; outDir: string }>;

/** The whole pipeline in a child process, in another time zone and locale than the test's. */
function buildElsewhere(outDir: string): Promise<{ code: number | null; stderr: string; outDir: string }> {
  const env = { ...process.env, TZ: 'America/Los_Angeles', LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' };
  const child = spawn(process.execPath, ['bin/survey.mjs', 'pipeline', '--out', outDir], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((done) => child.on('close', (code) => done({ code, stderr, outDir })));
}

async function visit(name: string): Promise<PageFacts> {
  const { page, problems } = await openWatchedPage(browser!);
  try {
    await page.goto(pathToFileURL(join(reportDir, name)).href, { waitUntil: 'load' });
    const facts = await page.evaluate(() => ({
      figures: [...document.querySelectorAll('figure[data-figure]')].map((f) => ({
        id: f.getAttribute('data-figure') ?? '',
        svgArea: Math.max(0, ...[...f.querySelectorAll('.chart svg')].map((s) => s.getBoundingClientRect().width * s.getBoundingClientRect().height)),
        tableRows: f.querySelectorAll('.table-figure table tbody tr').length,
        // Text drawn outside its chart's box is cut off in print and on narrow screens.
        clipped: [...f.querySelectorAll('.chart svg')].flatMap((svg) => {
          const box = svg.getBoundingClientRect();
          return [...svg.querySelectorAll('text')]
            .filter((t) => {
              const r = t.getBoundingClientRect();
              return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1);
            })
            .map((t) => t.textContent ?? '');
        }),
      })),
      ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
      links: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
    }));
    await page.addScriptTag({ content: AXE_SOURCE });
    const axe = await page.evaluate((options) => (globalThis as unknown as { axe: { run: (c: Document, o: RunOptions) => Promise<AxeResults> } }).axe.run(document, options), AXE_OPTIONS);
    const violations = axe.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
    const screenshot = join(SCREENSHOTS, name.replace(/\.html$/, '.png'));
    await page.screenshot({ path: screenshot, fullPage: true });
    return { name, problems, violations, ...facts, screenshot };
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'survey-browser-'));
  secondBuild = buildElsewhere(join(tmp, 'elsewhere'));
  const opened = await openDemoWarehouse('browser');
  try {
    withRows = (await all<{ figure_id: string }>(opened.db, `SELECT DISTINCT figure_id FROM results WHERE figure_id <> '${OVERLAP_FIGURE}' ORDER BY figure_id`)).map((r) => r.figure_id);
  } finally {
    opened.close();
  }
  reportDir = join(opened.outDir, 'report');
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
  // Two pages at a time: the biggest (utskrift.html) takes as long as several others together.
  const queue = readdirSync(reportDir).filter((f) => f.endsWith('.html')).sort();
  const visited: PageFacts[] = [];
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) visited.push(await visit(name));
  };
  await Promise.all([worker(), worker()]);
  pages = visited.sort((a, b) => (a.name < b.name ? -1 : 1));
});

afterAll(async () => {
  await browser?.close();
});

describe('every page of the report in Chromium', () => {
  it('the report has a front page and a print page', () => {
    expect(pages.map((p) => p.name)).toEqual(expect.arrayContaining(['index.html', 'utskrift.html']));
  });

  it('loads nothing but local files, with no page or console errors', () => {
    expect(pages.flatMap((p) => describeProblems(p.problems).map((line) => `${p.name}: ${line}`))).toEqual([]);
  });

  it('has no serious or critical WCAG 2.1 A/AA violation (axe-core)', () => {
    const found = pages.flatMap((p) =>
      p.violations
        .filter((v) => BLOCKING.includes(v.impact ?? null))
        .map((v) => `${p.name}: ${v.id} (${v.impact}) ${v.help}\n    ${v.targets.slice(0, 4).join('\n    ')}${v.targets.length > 4 ? `\n    … and ${v.targets.length - 4} more` : ''}`),
    );
    expect(found.join('\n'), `${found.length} serious/critical axe violations`).toBe('');
  });

  it('saves a full-page screenshot of each page to out/test-screenshots/', () => {
    for (const p of pages) expect(readFileSync(p.screenshot).subarray(1, 4).toString(), p.screenshot).toBe('PNG');
  });
});

describe('across the pages', () => {
  it('every figure with results appears on some page', () => {
    const shown = new Set(pages.flatMap((p) => p.figures.map((f) => f.id)));
    expect(withRows.length).toBeGreaterThan(0);
    expect(withRows.filter((id) => !shown.has(id))).toEqual([]);
  });

  it('every figure is drawn: an SVG with a non-empty box or a table with rows', () => {
    const blank = pages.flatMap((p) => p.figures.filter((f) => f.svgArea <= 0 && f.tableRows === 0).map((f) => `${p.name}: ${f.id}`));
    expect(blank).toEqual([]);
  });

  it('no chart text (labels, values, axis titles) runs outside its chart', () => {
    const clipped = pages.flatMap((p) => p.figures.flatMap((f) => f.clipped.map((t) => `${p.name} ${f.id}: «${t}»`)));
    expect(clipped).toEqual([]);
  });

  it('every link into the report lands on a file that exists, and on an id that exists there', () => {
    const idsOf = new Map(pages.map((p) => [resolve(reportDir, p.name), new Set(p.ids)]));
    const broken: string[] = [];
    for (const p of pages) {
      for (const href of p.links) {
        const url = new URL(href);
        if (url.protocol !== 'file:') continue;
        const target = fileURLToPath(new URL(url.pathname, url));
        const rel = relative(reportDir, target);
        if (rel.startsWith('..')) broken.push(`${p.name}: ${href} (outside the report folder)`);
        else if (!existsSync(target)) broken.push(`${p.name}: ${rel} (no such file)`);
        else if (url.hash && target.endsWith('.html') && !idsOf.get(target)?.has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${p.name}: ${rel}${url.hash} (no such id)`);
      }
    }
    expect(pages.some((p) => p.links.length > 0)).toBe(true);
    expect(broken).toEqual([]);
  });
});

describe('the PDF', () => {
  it('prints utskrift.html to a PDF of several pages', async () => {
    const outFile = join(tmp, 'pdf', 'rapport.pdf');
    const printed = await printPdf({ reportDir, outFile });
    expect(printed.outFile).toBe(outFile);
    expect(readFileSync(outFile).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(printed.pages).toBeGreaterThan(5);
  });

  it('fails on a request that would leave the machine and on a page error', async () => {
    const dir = join(tmp, 'leaky');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'utskrift.html'), '<!doctype html><title>x</title><img src="https://example.invalid/x.png" alt=""><script>throw new Error("boom")</script>');
    const failure = await printPdf({ reportDir: dir }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PipelineError);
    expect((failure as Error).message).toMatch(/network request: https:\/\/example\.invalid\/x\.png[\s\S]*page error: boom/);
    expect(existsSync(join(dir, 'rapport.pdf'))).toBe(false);
  });

  it('says how to install Chromium when it is missing', async () => {
    const before = process.env.CHROMIUM;
    process.env.CHROMIUM = join(tmp, 'no-chromium-here');
    try {
      await expect(printPdf({ reportDir })).rejects.toThrow(/apt-get install chromium/);
    } finally {
      if (before === undefined) delete process.env.CHROMIUM;
      else process.env.CHROMIUM = before;
    }
  });
});


/** Every table of a warehouse, each as its sorted rows. */
async function tablesOf(path: string): Promise<Map<string, string>> {
  const { db, close } = await openDb(path, { readOnly: true });
  try {
    const names = await all<{ t: string }>(db, `SELECT table_name AS t FROM information_schema.tables ORDER BY 1`);
    const out = new Map<string, string>();
    for (const { t } of names) out.set(t, JSON.stringify(await all(db, `SELECT * FROM ${ident(t)} ORDER BY ALL`), (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
    return out;
  } finally {
    close();
  }
}

describe('determinism', () => {
  it('every other output (manifest, findings, quarantine) is byte-identical, and the warehouse holds the same tables and rows', async () => {
    const { outDir } = await secondBuild;
    const first = dirname(reportDir);
    const others = filesUnder(first).filter((f) => !f.startsWith('report') && f !== 'survey.duckdb');
    expect(others).toContain('manifest.json');
    expect(filesUnder(outDir).filter((f) => !f.startsWith('report') && f !== 'survey.duckdb')).toEqual(others);
    expect(others.filter((f) => !readFileSync(join(first, f)).equals(readFileSync(join(outDir, f))))).toEqual([]);
    // DuckDB's file layout is not byte-stable between runs; its content is.
    const [a, b] = [await tablesOf(join(first, 'survey.duckdb')), await tablesOf(join(outDir, 'survey.duckdb'))];
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect([...a.keys()].filter((t) => a.get(t) !== b.get(t))).toEqual([]);
  });



  it('the report is byte-identical when built in another time zone and locale', async () => {
    const { code, stderr, outDir } = await secondBuild;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const other = join(outDir, 'report');
    const files = filesUnder(reportDir);
    expect(files.some((f) => f.endsWith('.csv'))).toBe(true);
    expect(filesUnder(other)).toEqual(files);
    const differing = files.filter((f) => !readFileSync(join(reportDir, f)).equals(readFileSync(join(other, f))));
    const first = differing[0];
    let where = '';
    if (first) {
      const [a, b] = [readFileSync(join(reportDir, first), 'utf8'), readFileSync(join(other, first), 'utf8')];
      let i = 0;
      while (a[i] === b[i]) i++;
      where = `${first} at ${i}: Oslo/C «${a.slice(Math.max(0, i - 60), i + 60)}» vs Los Angeles/en_US «${b.slice(Math.max(0, i - 60), i + 60)}»`;
    }
    expect(differing, where).toEqual([]);
  });
});
