/** Dot plot: mean per group on the item's 1–5 scale with its 95 % confidence interval. */
import { fmtNumber } from '../../pipeline/core/format.ts';
import type { ResultRow } from '../../pipeline/analyze/results.ts';
import { COLORS, Plot, marginFor, renderPlot } from './plot.ts';

export function meansChart(rows: ResultRow[], options: { width: number; title: string; scale: [number, number] }): string {
  const data = rows.filter((r) => r.measure === 'mean').map((r) => ({ group: r.group_label, mean: r.value ?? 0, low: r.ci_low, high: r.ci_high, label: fmtNumber(r.value, 2) }));
  return renderPlot(
    {
      width: options.width,
      height: 50 + data.length * 40,
      marginLeft: marginFor(data.map((d) => d.group)),
      marginRight: 30,
      x: { domain: options.scale, label: `Gjennomsnitt (${options.scale[0]}–${options.scale[1]}), med 95 % konfidensintervall`, grid: true, tickFormat: (d: number) => fmtNumber(d, 1) },
      y: { label: null },
      marks: [
        Plot.ruleY(data, { x1: 'low', x2: 'high', y: 'group', stroke: COLORS.neutral, strokeWidth: 2 }),
        Plot.dot(data, { x: 'mean', y: 'group', r: 6, fill: COLORS.late }),
        Plot.text(data, { x: 'mean', y: 'group', text: 'label', dy: -14 }),
      ],
    },
    options.title,
  );
}
