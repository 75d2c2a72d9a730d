/** `shares`: top-2 shares per item, group and wave; 2011 baselines marked with their source. */
import { sharesChart } from '../../../notebooks/components/shares-chart.ts';
import { SOURCE_LONG } from '../../../notebooks/components/value-source.ts';
import type { ResultRow } from '../../analyze/results.ts';
import { fmtInt, fmtNumber, fmtPercent } from '../../core/format.ts';
import type { TableRow } from './data-table.ts';
import { DESIGN_HEADER, DESIGN_NOTE, designCells, hasDesign } from './design-cells.ts';
import { nRange } from './groups.ts';
import type { Block } from './types.ts';
import { readerNotes } from '../reader-note.ts';

const isUpperBound = (r: ResultRow) => /øvre grense/.test(r.labels);

export function sharesTableRow(r: ResultRow): string[] {
  return [
    `${r.group_label} ${r.wave}`,
    fmtPercent(r.value, 1),
    r.ci_low === null ? '–' : `${fmtNumber(r.ci_low, 1)}–${fmtNumber(r.ci_high, 1)}`,
    r.n === null ? 'ukjent' : `${isUpperBound(r) ? '≤ ' : ''}${fmtInt(r.n)}`,
    r.labels || (SOURCE_LONG[r.value_source] ?? r.value_source),
  ];
}

export function nPerGroupWave(points: ResultRow[]): string {
  const keys = [...new Map(points.map((r) => [`${r.group_code}|${r.wave}`, `${r.group_label} ${r.wave}`])).entries()];
  return `n: ${keys
    .map(([key, label]) => {
      const mine = points.filter((r) => `${r.group_code}|${r.wave}` === key);
      return `${label} ${mine.some(isUpperBound) ? '≤ ' : ''}${nRange(mine.map((r) => r.n))}`;
    })
    .join(' · ')}`;
}

export const sharesBlock: Block = ({ fig, rows, labels, width, mark }) => {
  const points = rows.filter((r) => r.measure === 'pct_top2').sort((a, b) => a.group_code.localeCompare(b.group_code) || a.wave.localeCompare(b.wave));
  const variables = [...new Set(points.map((r) => r.variable))];
  const design = hasDesign(points);
  const row = (r: ResultRow) => (design ? [...sharesTableRow(r).slice(0, 3), ...designCells(r, 1), ...sharesTableRow(r).slice(3)] : sharesTableRow(r));
  const body: TableRow[] = variables.flatMap((v) => [...(variables.length > 1 ? [{ section: labels.get(v) ?? v }] : []), ...points.filter((r) => r.variable === v).map(row)]);
  return {
    chart: sharesChart(rows, { width, title: `${fig.number}: ${fig.caption}`, labels, mark }),
    table: { header: ['Gruppe og år', 'Andel topp 2', '95 % KI', ...(design ? DESIGN_HEADER : []), 'n', 'Kilde'], body },
    nLine: `${nPerGroupWave(points)}${variables.length > 1 ? ' (varierer per spørsmål; se tabellen)' : ''}`,
    denominator: 'Andel i de to øverste kategoriene av dem som svarte på skalaen; «Vet ikke» og ubesvart er holdt utenfor nevneren. Sammenligningsverdier for 2011 er publiserte tall, ikke mikrodata.',
    notes: readerNotes(points.map((r) => r.note)).map((n) => `Sammenlignbarhet: ${n}`).concat(design ? [DESIGN_NOTE] : []),
    shown: points,
  };
};
