/** `samples`: Tabell 3, the office samples, their overlaps and their respondents; the table is the figure. */
import { samplesTable } from '../../../notebooks/components/samples-table.ts';
import { fmtInt } from '../../core/format.ts';
import type { Block } from './types.ts';

export const samplesBlock: Block = ({ rows }) => {
  const v = (group: string, measure: string) => rows.find((r) => r.group_code === group && r.measure === measure)?.value ?? null;
  return {
    chart: '',
    table: { html: samplesTable(rows) },
    nLine: `Unike respondenter: ${fmtInt(v('total', 'unique_respondents'))}; summert over utvalgene: ${fmtInt(v('total', 'sum_respondents_route'))}`,
    denominator:
      'En respondent telles i hvert utvalg kontoret er med i. «Svar etter invitasjon»: kontorutvalgene teller sine ansatte, enhetslederutvalget sine ledere; «svar etter kontor»: alle som svarte fra et kontor i utvalget, ledere medregnet.',
    notes: [`Tre kontorutvalg med overlapp gir ${fmtInt(v('overlap', 'distinct_offices'))} ulike kontorer (rapporten skriver 142; figures.md I28).`],
    shown: rows,
  };
};
