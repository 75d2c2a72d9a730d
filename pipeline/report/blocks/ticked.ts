/** `ticked`: a multi-select question, the share who ticked each option per group. */
import { tickedChart } from '../../../notebooks/components/ticked-chart.ts';
import { fmtInt, fmtNumber, fmtPercent } from '../../core/format.ts';
import type { TableRow } from './data-table.ts';
import { DESIGN_HEADER, DESIGN_NOTE, designCells, hasDesign } from './design-cells.ts';
import { nPerGroup } from './groups.ts';
import type { Block } from './types.ts';

export const tickedBlock: Block = ({ fig, rows, labels, width, mark }) => {
  const ticked = rows.filter((r) => r.measure === 'pct_ticked');
  const options = [...new Set(ticked.map((r) => r.variable))];
  const design = hasDesign(ticked);
  const body: TableRow[] = options.flatMap((v) => {
    const mine = ticked.filter((r) => r.variable === v);
    return [
      { section: mine[0]?.note || (labels.get(v) ?? v) },
      ...mine.map((r) => [r.group_label, fmtPercent(r.value, 1), r.ci_low === null ? '–' : `${fmtNumber(r.ci_low, 1)}–${fmtNumber(r.ci_high, 1)}`, ...(design ? designCells(r, 1) : []), fmtInt(r.n)]),
    ];
  });
  // A summary item (F17: how many services each office has) as its own section of the table.
  const summary = rows.filter((r) => r.measure === 'pct_cat');
  if (summary.length) {
    body.push({ section: labels.get(summary[0]!.variable) ?? summary[0]!.variable });
    body.push(...summary.map((r) => [`${r.group_label}: ${r.note}`, fmtPercent(r.value, 1), r.ci_low === null ? '–' : `${fmtNumber(r.ci_low, 1)}–${fmtNumber(r.ci_high, 1)}`, ...(design ? ['–', '–'] : []), fmtInt(r.n)]));
  }
  const summaryNote = summary.length ? [`${labels.get(summary[0]!.variable) ?? summary[0]!.variable}: ${summary.map((r) => `${r.note} ${fmtPercent(r.value, 0)}`).join(', ')}.`] : [];
  return {
    chart: tickedChart(rows, { width, title: `${fig.number}: ${fig.caption}`, labels, mark }),
    table: { header: ['Gruppe', 'Krysset av', '95 % KI', ...(design ? DESIGN_HEADER : []), 'n'], body },
    nLine: nPerGroup(ticked),
    denominator: 'Prosent av dem som fikk spørsmålet og svarte på det; flere svar mulig, så prosentene summerer ikke til 100.',
    notes: [...summaryNote, ...(design ? [DESIGN_NOTE] : [])],
    shown: [...ticked, ...summary],
  };
};
