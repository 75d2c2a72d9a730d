/** Renders an Observable Plot figure in Node (linkedom) to a standalone, inline-able SVG string. */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

export type PlotOptions = Parameters<typeof Plot.plot>[0];

export function renderPlot(options: PlotOptions, title: string): string {
  const el = Plot.plot({ ...options, document } as PlotOptions) as unknown as { outerHTML: string };
  let svg = el.outerHTML;
  // Plot omits the namespace; add it, plus an accessible name for screen readers.
  svg = svg.replace(/^<svg/, `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${title.replaceAll('"', '&quot;')}"`);
  return svg;
}

/** Room for the longest label at Plot's 10 px system-ui: about 6 px a character. */
export function marginFor(labels: string[], min = 40): number {
  return Math.max(min, Math.ceil(Math.max(0, ...labels.map((l) => l.length)) * 6.2) + 12);
}

/** Okabe–Ito colours: safe for colour-blind readers; the two used here also differ in grey. */
export const COLORS = { early: '#E69F00', late: '#0072B2', neutral: '#555555' } as const;

export { Plot };
