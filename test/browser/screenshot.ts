/**
 * Opens a built report page in headless Chromium (pipeline/report/chromium.ts: Debian's
 * /usr/bin/chromium or $CHROMIUM), fails on any network request or page error, and saves a
 * full-page screenshot plus one per figure.
 * Usage: node --import tsx test/browser/screenshot.ts [out/report/index.html] [out/report-screenshot.png]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeProblems, launchChromium, openWatchedPage } from '../../pipeline/report/chromium.ts';

const page = resolve(process.argv[2] ?? 'out/report/index.html');
const png = resolve(process.argv[3] ?? 'out/report-screenshot.png');
const browser = await launchChromium();
try {
  const { page: p, problems: watched } = await openWatchedPage(browser);
  await p.goto(pathToFileURL(page).href);
  const figures = await p.$$eval('figure[data-figure]', (els) => els.map((e) => e.getAttribute('data-figure')));
  const banner = await p.$eval('.banner', (e) => e.textContent).catch(() => null);
  await p.screenshot({ path: png, fullPage: true });
  // One picture per figure as well, at reading size.
  for (const id of figures) {
    const el = await p.$(`figure[data-figure="${id}"]`);
    await el?.screenshot({ path: png.replace(/\.png$/, `-${id}.png`) });
  }
  const problems = describeProblems({ ...watched, consoleErrors: [] });
  console.log(JSON.stringify({ page, screenshot: png, figures, banner, problems }, null, 2));
  if (problems.length) process.exitCode = 1;
} finally {
  await browser.close();
}
