/**
 * Small multiples stacked vertically: one band per row (an item or an option) with its full text
 * as a header above the band, wrapped to the chart's width, so no label is ever cut. The bars or
 * dots of the row's groups sit under the header on the y axis.
 */
import { FONT_SIZE, Plot, charsIn, lineCount, wrapText } from './plot.ts';

const LINE_PX = Math.round(FONT_SIZE * 1.25);

export interface FacetRows {
  /** Plot options for `fy` and the inset of `y` that leaves room for the header. */
  fy: Record<string, unknown>;
  yInsetTop: number;
  /** The header text mark (empty when there is a single row: the caption names it). */
  marks: ReturnType<typeof Plot.text>[];
  /** Height of the plot for `subCount` bands of `subPx` each. */
  height(subCount: number, subPx: number, marginY: number): number;
}

export function facetRows(rows: string[], options: { width: number; marginLeft: number }): FacetRows {
  const headed = rows.length > 1;
  const wrapped = new Map(rows.map((r) => [r, wrapText(r, charsIn(options.width - 12))]));
  const lines = headed ? Math.max(1, ...[...wrapped.values()].map(lineCount)) : 0;
  const yInsetTop = headed ? lines * LINE_PX + 8 : 0;
  const padding = headed ? 0.08 : 0;
  return {
    fy: { domain: rows, axis: null, label: null, padding },
    yInsetTop,
    marks: headed
      ? [Plot.text(rows, { fy: (d: string) => d, text: (d: string) => wrapped.get(d) ?? d, frameAnchor: 'top-left', textAnchor: 'start', lineAnchor: 'top', dx: 6 - options.marginLeft, dy: 2, fontWeight: 600, fill: '#1a1a1a' })]
      : [],
    height: (subCount, subPx, marginY) => Math.round(marginY + rows.length * (yInsetTop + subCount * subPx) * (1 + padding)),
  };
}
