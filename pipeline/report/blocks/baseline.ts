/** `baseline`: a figure that exists only as published numbers (F24); its comparability note is shown. */
import { sharesChart } from '../../../notebooks/components/shares-chart.ts';
import type { Block } from './types.ts';
import { nPerGroupWave, sharesTableRow } from './shares.ts';

export const baselineBlock: Block = ({ fig, rows, labels, width }) => {
  const measure = 'measure' in fig ? fig.measure : 'pct_top2';
  const points = rows.filter((r) => r.measure === measure);
  return {
    chart: sharesChart(rows, { width, title: `${fig.number}: ${fig.caption}`, labels, measure }),
    table: { header: ['Gruppe og år', 'Andel', '95 % KI', 'n', 'Kilde'], body: points.map(sharesTableRow) },
    nLine: nPerGroupWave(points),
    denominator: 'Publiserte tall (Aars 2011); figuren har ingen mikrodata, og derfor ingen tester.',
    notes: [...new Set(points.map((r) => r.note).filter(Boolean))].map((n) => `Ikke samme spørsmål som i 2019: ${n}`),
    shown: points,
  };
};
