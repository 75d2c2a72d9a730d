/**
 * Top-2 shares per item, group and wave as grouped bars: microdata solid, published baselines
 * (2011) pale and dashed with their source after the value. Also draws baseline-only figures.
 */
import { fmtPercent } from '../../pipeline/core/format.ts';
import type { ResultRow } from '../../pipeline/analyze/results.ts';
import { type Bar, groupedBars } from './grouped-bars.ts';
import { legend, type LegendItem } from './legend.ts';
import { COLORS, groupColor } from './plot.ts';
import { SOURCE_LONG, emptyLabel, isMarked, sourceSuffix, withMark } from './value-source.ts';

export function sharesChart(rows: ResultRow[], options: { width: number; title: string; labels: Map<string, string>; measure?: string; mark?: (r: ResultRow) => string }): string {
  const points = rows.filter((r) => r.measure === (options.measure ?? 'pct_top2'));
  const groups = [...new Map(points.map((r) => [r.group_code, r.group_label])).keys()];
  const waves = new Set(points.map((r) => r.wave));
  const sub = (r: ResultRow) => (groups.length > 1 && waves.size > 1 ? `${r.group_label} ${r.wave}` : groups.length > 1 ? r.group_label : r.wave);
  const bars: Bar[] = points
    .map((r) => ({
      row: options.labels.get(r.variable) ?? r.variable,
      sub: sub(r),
      value: r.value,
      low: r.design_ci_low ?? r.ci_low,
      high: r.design_ci_high ?? r.ci_high,
      color: groupColor(r.group_code, groups.indexOf(r.group_code)),
      marked: isMarked(r.value_source),
      label: emptyLabel(r, 'ingen data') ?? withMark(`${fmtPercent(r.value)}${sourceSuffix(r.value_source)}`, options.mark?.(r)),
      order: `${groups.indexOf(r.group_code)}|${r.wave}`,
    }))
    .sort((a, b) => a.order.localeCompare(b.order));
  const sources = [...new Set(points.map((r) => r.value_source).filter(isMarked))];
  const key: LegendItem[] = [
    ...groups.map((g, i) => ({ label: points.find((r) => r.group_code === g)?.group_label ?? g, color: groupColor(g, i) })),
    ...sources.map((s) => ({ label: `Stiplet og lys: ${SOURCE_LONG[s] ?? s} (ikke mikrodata)`, color: COLORS.neutral, style: 'marked' as const })),
  ];
  return legend(key) + groupedBars(bars, { width: options.width, title: options.title, xLabel: `Prosent som svarer i de to øverste kategoriene (topp 2)${points.some((r) => r.ci_low !== null) ? ', med 95 % konfidensintervall' : ''}` });
}
