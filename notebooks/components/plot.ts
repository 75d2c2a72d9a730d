/** Renders an Observable Plot figure in Node (linkedom) to a standalone, inline-able SVG string. */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

export type PlotOptions = Parameters<typeof Plot.plot>[0];

/** Text size of every chart, in px; `marginFor` and `wrapText` measure with it. */
export const FONT_SIZE = 12;
/** Average advance of a character at FONT_SIZE in system-ui, generous so that nothing is clipped. */
const CHAR_PX = FONT_SIZE * 0.62;

/**
 * An x-axis title wider than the plot frame would run off the chart when centred: anchor it at the
 * frame's right edge instead, so that it grows into the empty room under the y labels.
 */
function fitXLabel(options: PlotOptions): PlotOptions {
  const x = options?.x;
  if (!x || typeof x.label !== 'string' || x.labelAnchor !== 'center') return options;
  const frame = (options.width ?? 640) - (options.marginLeft ?? 0) - (options.marginRight ?? 0);
  return x.label.length * CHAR_PX <= frame ? options : { ...options, x: { ...x, labelAnchor: 'right' } };
}

export function renderPlot(options: PlotOptions, title: string): string {
  const el = Plot.plot({ ...fitXLabel(options), style: { fontSize: `${FONT_SIZE}px`, overflow: 'visible' }, document } as PlotOptions) as unknown as Element;
  // Plot names each mark's <g> (aria-label="bar"), which ARIA forbids on an element without a role;
  // the chart is one image named by its caption and the table beside it carries the numbers.
  for (const g of el.querySelectorAll('g[aria-label]')) {
    g.removeAttribute('aria-label');
    g.setAttribute('aria-hidden', 'true');
  }
  // Plot omits the namespace; add it, plus an accessible name for screen readers.
  return el.outerHTML.replace(/^<svg/, `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${title.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;')}"`);
}

/** Room for the longest line of the labels (lines split on «\n»), in px. */
export function marginFor(labels: string[], min = 40): number {
  const longest = Math.max(0, ...labels.flatMap((l) => l.split('\n')).map((l) => l.length));
  return Math.max(min, Math.ceil(longest * CHAR_PX) + 14);
}

/** Characters that fit in `px` at the chart's text size. */
export function charsIn(px: number): number {
  return Math.max(10, Math.floor(px / CHAR_PX));
}

/** Breaks text into lines of at most `max` characters at spaces (a longer word gets its own line). */
export function wrapText(text: string, max: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

export function lineCount(text: string): number {
  return text.split('\n').length;
}

/**
 * Okabe–Ito colours: distinguishable for colour-blind readers. Groups keep one colour across the
 * report (ordfører orange, rådmann blue); categories take the palette in order.
 */
export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'] as const;
/**
 * The same colours in the order answer categories take them: neighbouring segments of a stacked
 * bar differ in lightness (CIE L* 46, 71, 58, 89, 54, 70, 61) so that they stay apart in grey print.
 */
export const CATEGORY_COLORS = ['#0072B2', '#E69F00', '#009E73', '#F0E442', '#D55E00', '#56B4E9', '#CC79A7'] as const;
export const COLORS = { early: '#E69F00', late: '#0072B2', neutral: '#555555', dontKnow: '#B3B3B3' } as const;

const GROUP_COLORS: Record<string, string> = {
  ordforer: '#E69F00',
  radmann: '#0072B2',
  or_alle: '#009E73',
  annet: '#000000',
  enhetsleder: '#D55E00',
  ledere: '#D55E00',
  mellomleder: '#CC79A7',
  veileder: '#56B4E9',
  kontor_alle: '#009E73',
  statlig: '#009E73',
  kommunal: '#666666',
};

/** A group's colour; a group within a domain (`enhetsleder.statlig`) takes its own part's colour. */
export function groupColor(code: string, index: number): string {
  return GROUP_COLORS[code] ?? GROUP_COLORS[code.split('.').at(-1)!] ?? OKABE_ITO[index % OKABE_ITO.length]!;
}

/** Black or white text, whichever reads better on `hex` (WCAG relative luminance). */
export function textColorOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

export { Plot };
