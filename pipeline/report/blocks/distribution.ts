/**
 * `distribution`: the full distribution per group as stacked bars, «Vet ikke» its own category;
 * published distributions of earlier waves beside it, and single published shares as text.
 */
import { categoriesOf, distributionChart, distributionSets, type DistributionSet } from '../../../notebooks/components/distribution-chart.ts';
import { SOURCE_LONG, isMarked } from '../../../notebooks/components/value-source.ts';
import { fmtNumber, fmtPercent } from '../../core/format.ts';
import type { TableRow } from './data-table.ts';
import { nRange } from './groups.ts';
import type { Block } from './types.ts';
import { readerNotes } from '../reader-note.ts';

export const distributionBlock: Block = ({ fig, rows, width, mark, codeLabels }) => {
  const labelOf = new Map(categoriesOf(rows, codeLabels).map((c) => [c.code, c.label]));
  const category = (code: string) => labelOf.get(code) ?? code.split(';').map((c) => labelOf.get(c) ?? c.replaceAll('_', ' ')).join(' + ');
  const { whole, partial, hidden } = distributionSets(rows, codeLabels);
  const nRows = rows.filter((r) => r.measure === 'n');
  const nOf = (s: DistributionSet) => {
    const first = s.rows[0]!;
    const own = nRows.find((r) => r.group_code === first.group_code && r.wave === first.wave && r.value_source === first.value_source);
    return nRange([own?.n ?? first.n]);
  };
  const sets = [...whole, ...hidden, ...partial];
  const body: TableRow[] = sets.flatMap((s) => [
    { section: `${s.label}, n ${nOf(s)}` },
    ...s.rows.map((r) => [category(r.category), fmtPercent(r.value, 1), r.ci_low === null ? '–' : `${fmtNumber(r.ci_low, 1)}–${fmtNumber(r.ci_high, 1)}`, r.labels || (SOURCE_LONG[r.value_source] ?? r.value_source)]),
  ]);
  const partialText = partial.map((s) => `${s.label}: ${s.rows.map((r) => `${category(r.category)} ${fmtPercent(r.value, 1)}`).join(', ')}`);
  const comparability = readerNotes(rows.filter((r) => r.measure === 'pct_cat' && isMarked(r.value_source)).map((r) => r.note));
  return {
    chart: distributionChart(rows, { width, title: `${fig.number}: ${fig.caption}`, mark, codeLabels }),
    table: { header: ['Svar', 'Prosent', '95 % KI', 'Kilde'], body },
    nLine: `n: ${sets.map((s) => `${s.label} ${nOf(s)}`).join(' · ')}`,
    denominator: 'Prosent av alle som svarte, «Vet ikke» medregnet som egen kategori; ubesvart er holdt utenfor.',
    notes: [
      ...(partialText.length ? [`Publiserte enkeltverdier som ikke utgjør en hel fordeling (ikke tegnet i figuren): ${partialText.join('; ')}.`] : []),
      ...comparability.map((n) => `Sammenlignbarhet: ${n}`),
    ],
    shown: [...nRows, ...sets.flatMap((s) => s.rows)],
  };
};
