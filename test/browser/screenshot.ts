/**
 * Opens a built report in headless Chromium (Debian's /usr/bin/chromium, `apt-get install
 * chromium`), fails on any network request or page error, and saves a full-page screenshot.
 * Usage: node --import tsx test/browser/screenshot.ts [out/report/index.html] [out/report-screenshot.png]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const page = resolve(process.argv[2] ?? 'out/report/index.html');
const png = resolve(process.argv[3] ?? 'out/report-screenshot.png');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const p = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const problems: string[] = [];
  p.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push(`network request: ${r.url()}`); });
  p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await p.goto(pathToFileURL(page).href);
  const figures = await p.$$eval('figure[data-figure]', (els) => els.map((e) => e.getAttribute('data-figure')));
  const banner = await p.$eval('.banner', (e) => e.textContent).catch(() => null);
  await p.screenshot({ path: png, fullPage: true });
  // One picture per figure as well, at reading size.
  for (const id of figures) {
    const el = await p.$(`figure[data-figure="${id}"]`);
    await el?.screenshot({ path: png.replace(/\.png$/, `-${id}.png`) });
  }
  console.log(JSON.stringify({ page, screenshot: png, figures, banner, problems }, null, 2));
  if (problems.length) process.exitCode = 1;
} finally {
  await browser.close();
}
