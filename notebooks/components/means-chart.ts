/**
 * Dot plot: the mean of each item (a row) per group (a dot in the group's colour) with its 95 %
 * confidence interval as a line, the value printed beside it.
 */
import { fmtNumber } from '../../pipeline/core/format.ts';
import type { ResultRow } from '../../pipeline/analyze/results.ts';
import { facetRows } from './facet-rows.ts';
import { COLORS, Plot, groupColor, marginFor, renderPlot } from './plot.ts';
import { emptyLabel, withMark } from './value-source.ts';

export interface MeansChartOptions {
  width: number;
  title: string;
  labels: Map<string, string>;
  /** The answer scale; widened when a value or interval falls outside it. */
  scale?: [number, number];
  /** Significance marks after a mean. */
  mark?: (r: ResultRow) => string;
}

export function meansChart(rows: ResultRow[], options: MeansChartOptions): string {
  const means = rows.filter((r) => r.measure === 'mean');
  // Several waves: one row per group and wave, the waves of a group together.
  const manyWaves = new Set(means.map((r) => r.wave)).size > 1;
  const rowLabel = (r: ResultRow) => (manyWaves ? `${r.group_label} ${r.wave}` : r.group_label);
  const order = [...new Map(means.map((r) => [r.group_code, r.group_label])).keys()];
  const groups = [...new Map([...means].sort((a, b) => order.indexOf(a.group_code) - order.indexOf(b.group_code) || a.wave.localeCompare(b.wave)).map((r) => [`${r.group_code}|${r.wave}`, rowLabel(r)])).entries()];
  const items = [...new Set(means.map((r) => options.labels.get(r.variable) ?? r.variable))];
  const data = means.map((r) => ({
    row: options.labels.get(r.variable) ?? r.variable,
    group: rowLabel(r),
    mean: r.value,
    low: r.design_ci_low ?? r.ci_low,
    high: r.design_ci_high ?? r.ci_high,
    color: groupColor(r.group_code, order.indexOf(r.group_code)),
    label: emptyLabel(r, 'ingen svar') ?? withMark(fmtNumber(r.value, 2), options.mark?.(r)),
  }));
  const [lo, hi] = options.scale ?? [1, 5];
  const domain: [number, number] = [Math.min(lo, ...data.map((d) => d.low ?? lo)), Math.max(hi, ...data.map((d) => d.high ?? hi))];
  const marginLeft = marginFor(groups.map(([, l]) => l), 60);
  const facets = facetRows(items, { width: options.width, marginLeft });
  const shown = data.filter((d) => d.mean !== null);
  const svg = renderPlot(
    {
      width: options.width,
      height: facets.height(groups.length, 26, 50),
      marginLeft,
      marginRight: 50,
      marginTop: 8,
      marginBottom: 42,
      x: { domain, label: `Gjennomsnitt (${fmtNumber(lo, 0)}–${fmtNumber(hi, 0)}) med 95 % konfidensintervall${means.some((r) => r.design_ci_low !== null) ? ' (designjustert i kontorundersøkelsen)' : ''}`, labelAnchor: 'center', labelArrow: 'none', labelOffset: 34, grid: true, tickFormat: (d: number) => fmtNumber(d, Number.isInteger(d) ? 0 : 1) },
      y: { domain: groups.map(([, l]) => l), label: null, insetTop: facets.yInsetTop, padding: 0.3 },
      fy: facets.fy,
      color: { type: 'identity' },
      marks: [
        ...facets.marks,
        Plot.ruleY(shown.filter((d) => d.low !== null), { fy: 'row', y: 'group', x1: 'low', x2: 'high', stroke: 'color', strokeWidth: 2.5, strokeOpacity: 0.7 }),
        Plot.dot(shown, { fy: 'row', y: 'group', x: 'mean', r: 5.5, fill: 'color', stroke: '#ffffff', strokeWidth: 1 }),
        Plot.text(data, { fy: 'row', y: 'group', x: (d: (typeof data)[number]) => d.high ?? d.mean ?? domain[0], text: 'label', textAnchor: 'start', dx: 7, fill: COLORS.neutral }),
      ],
    },
    options.title,
  );
  // Every group is named on the axis beside its dot: no colour key to decode (colours repeat past eight groups).
  return svg;
}
