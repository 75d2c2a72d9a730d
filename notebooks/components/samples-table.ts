/**
 * Tabell 3: per sample its units, the offices that declined, the offices with answers and the
 * respondents under both conventions; then the overlaps and the totals the table implies.
 */
import { fmtInt } from '../../pipeline/core/format.ts';
import type { ResultRow } from '../../pipeline/analyze/results.ts';
import { htmlTable, type TableRow } from '../../pipeline/report/blocks/data-table.ts';

const ORDER = ['utvalg_tilfeldig', 'utvalg_oppfolging', 'utvalg_case', 'utvalg_alle_el'];
const OVERLAPS: Array<[string, string]> = [
  ['tilfeldig_oppfolging', 'Både tilfeldig trukket og oppfølgingskontor'],
  ['tilfeldig_case', 'Både tilfeldig trukket og casekontor'],
  ['oppfolging_case', 'Både oppfølgingskontor og casekontor'],
  ['alle_tre', 'I alle tre utvalgene'],
  ['distinct_offices', 'Ulike kontorer i de tre kontorutvalgene'],
];

export function samplesTable(rows: ResultRow[]): string {
  const value = (group: string, measure: string) => fmtInt(rows.find((r) => r.group_code === group && r.measure === measure)?.value);
  const label = (group: string) => rows.find((r) => r.group_code === group)?.group_label ?? group;
  const body: TableRow[] = [
    ...ORDER.filter((g) => rows.some((r) => r.group_code === g)).map((g) => [
      label(g),
      `${value(g, 'units')} ${g === 'utvalg_alle_el' ? 'enhetsledere' : 'kontorer'}`,
      g === 'utvalg_alle_el' ? '–' : value(g, 'units_declined'),
      value(g, 'units_with_answers'),
      value(g, 'respondents_route'),
      value(g, 'respondents_office'),
    ]),
    { section: 'Overlapp og totaler' },
    ...OVERLAPS.filter(([m]) => rows.some((r) => r.group_code === 'overlap' && r.measure === m)).map(([m, l]) => [l, value('overlap', m), '', '', '', '']),
    ['Respondenter summert over utvalgene (etter invitasjonsvei)', '', '', '', value('total', 'sum_respondents_route'), ''],
    ['Unike respondenter', '', '', '', value('total', 'unique_respondents'), ''],
  ];
  return htmlTable(
    { header: ['Utvalg', 'Enheter', 'Takket nei', 'Kontorer med svar', 'Svar etter invitasjon', 'Svar etter kontor'], body },
    { className: 'data samples' },
  );
}
