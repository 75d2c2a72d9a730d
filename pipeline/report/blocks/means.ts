/**
 * `means`: a dot plot of each item's mean per group with 95 % intervals; sd and «Vet ikke» in the
 * table, and for paired items the mean difference within respondents (n = pairs).
 */
import { meansChart } from '../../../notebooks/components/means-chart.ts';
import type { ResultRow } from '../../analyze/results.ts';
import { fmtInt, fmtNumber } from '../../core/format.ts';
import type { TableRow } from './data-table.ts';
import { DESIGN_HEADER, DESIGN_NOTE, designCells, hasDesign } from './design-cells.ts';
import { groupsOf, nPerGroup } from './groups.ts';
import { nPerGroupWave } from './shares.ts';
import type { Block } from './types.ts';

export const meansBlock: Block = ({ fig, rows, labels, width, mark }) => {
  const means = rows.filter((r) => r.measure === 'mean');
  const manyWaves = new Set(means.map((r) => r.wave)).size > 1;
  const design = hasDesign(means);
  const variables = [...new Set(means.map((r) => r.variable))];
  const twin = (r: ResultRow, measure: string) => rows.find((x) => x.measure === measure && x.variable === r.variable && x.group_code === r.group_code && x.wave === r.wave);
  const body: TableRow[] = variables.flatMap((v) => [
    ...(variables.length > 1 ? [{ section: labels.get(v) ?? v }] : []),
    ...means
      .filter((r) => r.variable === v)
      .map((r) => [manyWaves ? `${r.group_label} ${r.wave}` : r.group_label, fmtNumber(r.value, 2), r.ci_low === null ? '–' : `${fmtNumber(r.ci_low, 2)}–${fmtNumber(r.ci_high, 2)}`, ...(design ? designCells(r, 2) : []), fmtNumber(twin(r, 'sd')?.value, 2), fmtInt(r.n), fmtInt(twin(r, 'n_dont_know')?.value)]),
  ]);
  // Paired items: the mean difference within respondents, per group and pooled.
  const diffs = rows.filter((r) => r.measure === 'mean_difference');
  for (const key of [...new Set(diffs.map((r) => `${r.variable}|${r.category}`))]) {
    const mine = diffs.filter((r) => `${r.variable}|${r.category}` === key);
    const first = mine[0]!;
    body.push(
      { section: `Parvis differanse: «${labels.get(first.variable) ?? first.variable}» minus ${first.category.replace(/^parvis mot /, '')} (samme respondenter)` },
      ...mine.map((r) => [r.group_label, fmtNumber(r.value, 2), r.ci_low === null ? '–' : `${fmtNumber(r.ci_low, 2)}–${fmtNumber(r.ci_high, 2)}`, ...(design ? ['–', '–'] : []), '–', fmtInt(r.n), '–']),
    );
  }
  const dontKnow = rows.filter((r) => r.measure === 'n_dont_know');
  // Per group (and wave, when the figure has several), summed over the figure's items.
  const dkWaves = manyWaves ? [...new Set(dontKnow.map((r) => r.wave))].sort() : [null];
  const dkText = groupsOf(dontKnow)
    .flatMap((g) =>
      dkWaves.map((w) => {
        const mine = dontKnow.filter((r) => r.group_code === g.code && (w === null || r.wave === w));
        if (mine.length === 0) return null;
        return `${g.label}${w ? ` ${w}` : ''} ${mine.every((r) => r.value === null) ? '–' : mine.reduce((a, r) => a + (r.value ?? 0), 0)}`;
      }),
    )
    .filter(Boolean)
    .join(' · ');
  return {
    chart: meansChart(rows, { width, title: `${fig.number}: ${fig.caption}`, labels, mark }),
    table: { header: ['Gruppe', 'Gjennomsnitt', '95 % KI', ...(design ? DESIGN_HEADER : []), 'Standardavvik', 'n', '«Vet ikke»'], body },
    nLine: `${manyWaves ? nPerGroupWave(means) : nPerGroup(means)}${variables.length > 1 ? ' (per spørsmål; se tabellen)' : ''}; «Vet ikke»${variables.length > 1 ? ' i alt' : ''}: ${dkText}`,
    denominator: 'Gjennomsnitt av svarene på skalaen; «Vet ikke» og ubesvart er holdt utenfor.',
    notes: design ? [DESIGN_NOTE] : [],
    shown: [...means, ...rows.filter((r) => r.measure === 'sd' || r.measure === 'n_dont_know'), ...diffs],
  };
};
