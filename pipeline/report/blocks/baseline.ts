/**
 * `baseline`: a figure that exists only as published numbers (F24, F28, F37, F40, F44); its
 * comparability note is shown. Published distributions are drawn as distributions, means as
 * means, shares as shares.
 */
import { meansChart } from '../../../notebooks/components/means-chart.ts';
import { sharesChart } from '../../../notebooks/components/shares-chart.ts';
import { SOURCE_LONG } from '../../../notebooks/components/value-source.ts';
import { fmtInt, fmtNumber } from '../../core/format.ts';
import { distributionBlock } from './distribution.ts';
import { readerNotes } from '../reader-note.ts';
import type { Block } from './types.ts';
import { nPerGroupWave, sharesTableRow } from './shares.ts';

const PUBLISHED = 'Publiserte tall fra en tidligere undersøkelse; figuren har ingen mikrodata, og derfor ingen tester.';

export const baselineBlock: Block = (input) => {
  const { fig, rows, labels, width } = input;
  const measure = 'measure' in fig ? fig.measure : 'pct_top2';
  if (measure === 'pct_cat') return { ...distributionBlock(input), denominator: PUBLISHED };
  if (measure === 'mean') {
    const points = rows.filter((r) => r.measure === 'mean');
    return {
      chart: meansChart(points, { width, title: `${fig.number}: ${fig.caption}`, labels }),
      table: { header: ['Spørsmål', 'Gruppe og år', 'Gjennomsnitt', 'n', 'Kilde'], body: points.map((r) => [labels.get(r.variable) ?? r.variable, `${r.group_label} ${r.wave}`, fmtNumber(r.value, 2), fmtInt(r.n), r.labels || (SOURCE_LONG[r.value_source] ?? r.value_source)]) },
      nLine: nPerGroupWave(points),
      denominator: PUBLISHED,
      notes: readerNotes(points.map((r) => r.note)).map((n) => `Ikke sammenlignbart med 2019: ${n}`),
      shown: points,
    };
  }
  const points = rows.filter((r) => r.measure === measure);
  return {
    chart: sharesChart(rows, { width, title: `${fig.number}: ${fig.caption}`, labels, measure }),
    table: { header: ['Gruppe og år', 'Andel', '95 % KI', 'n', 'Kilde'], body: points.map(sharesTableRow) },
    nLine: nPerGroupWave(points),
    denominator: PUBLISHED,
    notes: readerNotes(points.map((r) => r.note)).map((n) => `Ikke samme spørsmål som i 2019: ${n}`),
    shown: points,
  };
};
