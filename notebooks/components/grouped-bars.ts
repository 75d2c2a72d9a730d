/**
 * Grouped horizontal bars: one band per row (item or option), one bar per sub-row (a group, a
 * wave, or both) in its colour, the 95 % interval as a line and the value printed after the bar.
 * Values that are not microdata (published, approximate or illustrative) are pale and dashed.
 */
import { fmtNumber } from '../../pipeline/core/format.ts';
import { facetRows } from './facet-rows.ts';
import { Plot, marginFor, renderPlot } from './plot.ts';

export interface Bar {
  row: string;
  sub: string;
  value: number | null;
  low: number | null;
  high: number | null;
  color: string;
  /** Not microdata: drawn pale with a dashed outline. */
  marked: boolean;
  /** Printed after the bar, e.g. «72 % (illustrativ)». */
  label: string;
}

export function groupedBars(bars: Bar[], options: { width: number; title: string; xLabel: string }): string {
  const rows = [...new Set(bars.map((b) => b.row))];
  const subs = [...new Set(bars.map((b) => b.sub))];
  const marginLeft = marginFor(subs, 50);
  const facets = facetRows(rows, { width: options.width, marginLeft });
  const drawn = bars.filter((b) => b.value !== null);
  const common = { fy: 'row', y: 'sub' } as const;
  return renderPlot(
    {
      width: options.width,
      height: facets.height(subs.length, 24, 50),
      marginLeft,
      marginRight: marginFor(bars.map((b) => b.label), 40),
      marginTop: 8,
      marginBottom: 42,
      x: { domain: [0, 100], label: options.xLabel, labelAnchor: 'center', labelArrow: 'none', labelOffset: 34, grid: true, tickFormat: (d: number) => fmtNumber(d, 0) },
      y: { domain: subs, label: null, insetTop: facets.yInsetTop, padding: 0.22 },
      fy: facets.fy,
      color: { type: 'identity' },
      marks: [
        ...facets.marks,
        Plot.barX(drawn.filter((b) => !b.marked), { ...common, x: 'value', fill: 'color' }),
        Plot.barX(drawn.filter((b) => b.marked), { ...common, x: 'value', fill: 'color', fillOpacity: 0.3, stroke: 'color', strokeWidth: 1.5, strokeDasharray: '4 3', inset: 1 }),
        Plot.ruleY(drawn.filter((b) => b.low !== null && b.high !== null), { ...common, x1: 'low', x2: 'high', stroke: '#000000', strokeWidth: 1.2 }),
        Plot.text(bars, { ...common, x: (b: Bar) => Math.max(b.value ?? 0, b.high ?? 0), text: 'label', textAnchor: 'start', dx: 5, fill: '#1a1a1a' }),
        Plot.ruleX([0]),
      ],
    },
    options.title,
  );
}
