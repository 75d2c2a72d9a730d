/**
 * Headless Chromium for the built report: the PDF (`pdf` command), the browser tests and the
 * screenshot tool launch it here, so that all three load pages the same way: from file: URLs only,
 * with any other request blocked and recorded, and page errors recorded.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { PipelineError } from '../core/errors.ts';

/** Debian's package (`apt-get install chromium`); the CHROMIUM environment variable overrides it. */
export function chromiumPath(): string {
  return process.env.CHROMIUM || '/usr/bin/chromium';
}

// Nothing in the background may reach the network or change between runs (updates, sync, QUIC probes).
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Launches headless Chromium; a missing browser is a PipelineError that says how to install it. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new PipelineError(`Chromium not found at ${executablePath}: install it (apt-get install chromium) or set CHROMIUM to its path`, 1);
  }
  // Loaded here, not at the top: playwright-core takes 0.3 s to import, which every CLI command would pay.
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, args: ARGS });
}

/** What went wrong while a page was open: requests that would leave the machine, page errors, console errors. */
export interface PageProblems {
  requests: string[];
  pageErrors: string[];
  consoleErrors: string[];
}

/** All problems of a page as lines, for an error message or a test failure. */
export function describeProblems(p: PageProblems): string[] {
  return [...p.requests.map((u) => `network request: ${u}`), ...p.pageErrors.map((m) => `page error: ${m}`), ...p.consoleErrors.map((m) => `console error: ${m}`)];
}

const isLocal = (url: string) => url.startsWith('file:') || url.startsWith('data:');

/**
 * Opens a new page that records every problem from now on. Requests other than file: and data:
 * are recorded and aborted, so a report that tries to load something from the web fails the same
 * way with or without a network.
 */
export async function openWatchedPage(browser: Browser, options: { width?: number; height?: number } = {}): Promise<{ page: Page; problems: PageProblems }> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 1000, height: options.height ?? 900 } });
  const problems: PageProblems = { requests: [], pageErrors: [], consoleErrors: [] };
  page.on('request', (r) => {
    if (!isLocal(r.url())) problems.requests.push(r.url());
  });
  page.on('pageerror', (e) => problems.pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.consoleErrors.push(m.text());
  });
  await page.route((url) => !isLocal(url.href), (route) => route.abort('blockedbyclient'));
  return { page, problems };
}
