/** Multi-select: the share who ticked each option, one bar per group, with 95 % intervals. */
import { fmtPercent } from '../../pipeline/core/format.ts';
import type { ResultRow } from '../../pipeline/analyze/results.ts';
import { type Bar, groupedBars } from './grouped-bars.ts';
import { legend } from './legend.ts';
import { groupColor } from './plot.ts';
import { emptyLabel, withMark } from './value-source.ts';

export function tickedChart(rows: ResultRow[], options: { width: number; title: string; labels: Map<string, string>; mark?: (r: ResultRow) => string }): string {
  const ticked = rows.filter((r) => r.measure === 'pct_ticked');
  const groups = [...new Map(ticked.map((r) => [r.group_code, r.group_label])).entries()];
  const bars: Bar[] = ticked.map((r) => ({
    row: r.note || (options.labels.get(r.variable) ?? r.variable),
    sub: r.group_label,
    value: r.value,
    low: r.design_ci_low ?? r.ci_low,
    high: r.design_ci_high ?? r.ci_high,
    color: groupColor(r.group_code, groups.findIndex(([g]) => g === r.group_code)),
    marked: false,
    label: emptyLabel(r, 'ingen svar') ?? withMark(fmtPercent(r.value), options.mark?.(r)),
  }));
  return legend(groups.map(([code, label], i) => ({ label, color: groupColor(code, i) }))) + groupedBars(bars, { width: options.width, title: options.title, xLabel: 'Prosent som har krysset av (flere svar mulig), med 95 % konfidensintervall' });
}
