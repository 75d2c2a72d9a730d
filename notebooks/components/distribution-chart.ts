/**
 * A full distribution per group (and per earlier wave) as 100 % stacked horizontal bars, one
 * colour per answer, «Vet ikke» its own grey category at the end. Published distributions of
 * earlier waves are pale and dashed; single published shares that do not make a whole
 * distribution are returned apart, for the text under the chart.
 */
import { fmtNumber } from '../../pipeline/core/format.ts';
import type { ResultRow } from '../../pipeline/analyze/results.ts';
import { legend, type LegendItem } from './legend.ts';
import { CATEGORY_COLORS, COLORS, Plot, marginFor, renderPlot, textColorOn } from './plot.ts';
import { SOURCE_LONG, emptyLabel, isMarked, isSuppressed, sourceSuffix, withMark } from './value-source.ts';

export const DONT_KNOW = '9';

export interface Category {
  code: string;
  label: string;
  color: string;
}

export interface DistributionSet {
  key: string;
  label: string;
  rows: ResultRow[];
  marked: boolean;
}

function codeOrder(code: string): number {
  return code === DONT_KNOW ? 1e9 : Number.isFinite(Number(code)) ? Number(code) : 1e8;
}

/**
 * The answer categories: from the microdata rows (whose note is the code's label); in a figure of
 * published values only, the single codes those values use, named by the codebook (`codeLabels`,
 * keyed `variable|code`).
 */
export function categoriesOf(rows: ResultRow[], codeLabels: Map<string, string> = new Map()): Category[] {
  const cats = rows.filter((r) => r.measure === 'pct_cat');
  const micro = cats.filter((r) => !isMarked(r.value_source));
  const labels = micro.length
    ? new Map(micro.map((r) => [r.category, r.note || r.category]))
    : new Map(cats.flatMap((r) => { const l = codeLabels.get(`${r.variable}|${r.category}`); return l ? [[r.category, l] as const] : []; }));
  const codes = [...labels.keys()].sort((a, b) => codeOrder(a) - codeOrder(b));
  let i = 0;
  return codes.map((code) => ({ code, label: code === DONT_KNOW ? 'Vet ikke' : labels.get(code)!, color: code === DONT_KNOW ? COLORS.dontKnow : CATEGORY_COLORS[i++ % CATEGORY_COLORS.length]! }));
}

/**
 * One set per group × wave × source; `whole` when its categories make a distribution (sum ≈ 100),
 * `hidden` when its values are small cells the report does not show.
 */
export function distributionSets(rows: ResultRow[], codeLabels?: Map<string, string>): { whole: DistributionSet[]; partial: DistributionSet[]; hidden: DistributionSet[] } {
  const codes = new Set(categoriesOf(rows, codeLabels).map((c) => c.code));
  const waves = new Set(rows.filter((r) => r.measure === 'pct_cat').map((r) => r.wave));
  const sets = new Map<string, DistributionSet>();
  for (const r of rows.filter((x) => x.measure === 'pct_cat')) {
    const key = `${r.group_code}|${r.wave}|${r.value_source}`;
    const label = `${r.group_label}${waves.size > 1 ? ` ${r.wave}` : ''}${sourceSuffix(r.value_source)}`;
    const set = sets.get(key) ?? { key, label, rows: [], marked: isMarked(r.value_source) };
    set.rows.push(r);
    sets.set(key, set);
  }
  const isWhole = (s: DistributionSet) => s.rows.every((r) => codes.has(r.category)) && Math.abs(s.rows.reduce((a, r) => a + (r.value ?? 0), 0) - 100) <= 2;
  const order = (s: DistributionSet) => `${s.rows[0]!.group_code}|${s.rows[0]!.wave}`;
  const all = [...sets.values()].sort((a, b) => order(a).localeCompare(order(b)));
  const hidden = all.filter((s) => s.rows.every(isSuppressed));
  const shown = all.filter((s) => !hidden.includes(s));
  return { whole: shown.filter(isWhole), partial: shown.filter((s) => !isWhole(s)), hidden };
}

export function distributionChart(rows: ResultRow[], options: { width: number; title: string; mark?: (r: ResultRow) => string; codeLabels?: Map<string, string> }): string {
  const categories = categoriesOf(rows, options.codeLabels);
  const colorOf = new Map(categories.map((c) => [c.code, c.color]));
  const { whole, hidden } = distributionSets(rows, options.codeLabels);
  const barOf = (s: DistributionSet) => withMark(s.label, options.mark?.(s.rows[0]!));
  const segments = whole.flatMap((set) => {
    let x = 0;
    return categories.map((c) => {
      const value = set.rows.find((r) => r.category === c.code)?.value ?? 0;
      const seg = { bar: barOf(set), x1: x, x2: x + value, value, color: colorOf.get(c.code)!, marked: set.marked };
      x += value;
      return seg;
    });
  });
  type Segment = (typeof segments)[number];
  const bars = [...whole, ...hidden].sort((a, b) => a.key.localeCompare(b.key)).map(barOf);
  const hiddenText = hidden.map((s) => ({ bar: barOf(s), text: emptyLabel(s.rows[0]!, '') ?? '' }));
  const svg = renderPlot(
    {
      width: options.width,
      height: 60 + bars.length * 36,
      marginLeft: marginFor(bars, 60),
      marginRight: 20,
      marginTop: 8,
      marginBottom: 42,
      x: { domain: [0, 100], label: 'Prosent av alle som svarte («Vet ikke» er med)', labelAnchor: 'center', labelArrow: 'none', labelOffset: 34, grid: true, tickFormat: (d: number) => fmtNumber(d, 0) },
      y: { domain: bars, label: null, padding: 0.25 },
      color: { type: 'identity' },
      marks: [
        Plot.barX(segments.filter((s) => !s.marked), { y: 'bar', x1: 'x1', x2: 'x2', fill: 'color', stroke: '#ffffff', strokeWidth: 1 }),
        Plot.barX(segments.filter((s) => s.marked), { y: 'bar', x1: 'x1', x2: 'x2', fill: 'color', fillOpacity: 0.35, stroke: 'color', strokeDasharray: '4 3', strokeWidth: 1.5, inset: 1 }),
        Plot.text(segments.filter((s) => s.value >= 5), { y: 'bar', x: (s: Segment) => (s.x1 + s.x2) / 2, text: (s: Segment) => fmtNumber(s.value, 0), fill: (s: Segment) => (s.marked ? '#000000' : textColorOn(s.color)) }),
        Plot.text(hiddenText, { y: 'bar', x: 0, text: 'text', textAnchor: 'start', dx: 6, fill: COLORS.neutral }),
        Plot.ruleX([0]),
      ],
    },
    options.title,
  );
  const sources = [...new Set(whole.filter((s) => s.marked).map((s) => s.rows[0]!.value_source))];
  const key: LegendItem[] = [
    ...categories.map((c) => ({ label: c.label, color: c.color })),
    ...sources.map((s) => ({ label: `Stiplet og lys: ${SOURCE_LONG[s] ?? s} (ikke mikrodata)`, color: COLORS.neutral, style: 'marked' as const })),
  ];
  return legend(key) + svg;
}
