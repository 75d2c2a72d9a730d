/**
 * The report as a PDF: the print page (`utskrift.html`, every section on one page) printed by
 * headless Chromium on A4, with the page size and margins the report's print CSS asks for.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PipelineError } from '../core/errors.ts';
import { describeProblems, launchChromium, openWatchedPage } from './chromium.ts';
import { PRINT_PAGE } from './pages.ts';


export interface PrintedPdf {
  outFile: string;
  pages: number;
}

/**
 * Prints `<reportDir>/utskrift.html` to `outFile` (default `<reportDir>/rapport.pdf`). Fails on a
 * request that is not file: or data:, on a page error and when Chromium is missing. What is
 * printed is what the print stylesheet shows: every figure's numbers, the further tests folded as
 * on screen.
 */
export async function printPdf(options: { reportDir: string; outFile?: string }): Promise<PrintedPdf> {
  const source = resolve(options.reportDir, PRINT_PAGE);
  if (!existsSync(source)) throw new PipelineError(`no ${PRINT_PAGE} in ${options.reportDir}: build the report first (npm run pipeline) or pass --report DIR`);
  const outFile = options.outFile ?? join(options.reportDir, 'rapport.pdf');
  const browser = await launchChromium();
  try {
    const { page, problems } = await openWatchedPage(browser);
    await page.goto(pathToFileURL(source).href, { waitUntil: 'load' });
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    // Console errors are left to the browser test: the PDF fails only on what changes its content.
    const found = describeProblems({ ...problems, consoleErrors: [] });
    if (found.length) throw new PipelineError(`printing ${source} failed:\n  ${found.join('\n  ')}`, 1);
    mkdirSync(dirname(resolve(outFile)), { recursive: true });
    writeFileSync(outFile, pdf);
    return { outFile, pages: countPdfPages(pdf) };
  } finally {
    await browser.close();
  }
}

/** Pages of a PDF as Chromium writes it (page objects in plain text, no object streams). */
export function countPdfPages(pdf: Uint8Array): number {
  return Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}
