/** Grouped bars: top-2 share per group and wave, with 95 % intervals and marked baseline values. */
import { fmtNumber, fmtPercent } from '../../pipeline/core/format.ts';
import type { ResultRow } from '../../pipeline/analyze/results.ts';
import { COLORS, Plot, marginFor, renderPlot } from './plot.ts';

export function top2TrendChart(rows: ResultRow[], options: { width: number; title: string }): string {
  const data = rows
    .filter((r) => r.measure === 'pct_top2')
    .map((r) => ({
      group: r.group_label,
      wave: r.wave,
      value: r.value ?? 0,
      low: r.ci_low,
      high: r.ci_high,
      label: `${fmtPercent(r.value)}${r.value_source === 'illustrative' ? ' (illustrativ)' : r.value_source === 'approximate' ? ' (omtrentlig)' : ''}`,
      marked: r.value_source !== 'microdata',
    }));
  const waves = [...new Set(data.map((d) => d.wave))].sort();
  return renderPlot(
    {
      width: options.width,
      height: 60 + data.length * 26,
      marginLeft: marginFor(waves, 44),
      marginRight: 120,
      x: { domain: [0, 100], label: 'Prosent som svarer nokså eller svært (topp 2)', grid: true, tickFormat: (d: number) => fmtNumber(d, 0) },
      y: { label: null, domain: waves },
      fy: { label: null },
      color: { domain: waves, range: waves.length > 1 ? [COLORS.early, COLORS.late] : [COLORS.late] },
      marks: [
        Plot.barX(data, { x: 'value', y: 'wave', fy: 'group', fill: 'wave', fillOpacity: (d: { marked: boolean }) => (d.marked ? 0.45 : 1), stroke: 'wave' }),
        Plot.ruleY(data.filter((d) => d.low !== null), { x1: 'low', x2: 'high', y: 'wave', fy: 'group', stroke: '#000', strokeWidth: 1.2 }),
        Plot.text(data, { x: (d: { high: number | null; value: number }) => Math.max(d.value, d.high ?? 0), y: 'wave', fy: 'group', text: 'label', textAnchor: 'start', dx: 6, fill: '#000' }),
        Plot.ruleX([0]),
      ],
    },
    options.title,
  );
}
