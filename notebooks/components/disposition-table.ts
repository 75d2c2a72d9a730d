/**
 * Tabell 2 and 4: invited, answered and the report's response rate per group as printed, then the
 * outcomes behind them and the net and AAPOR rates (percent), one column per group.
 */
import { fmtInt, fmtPercent } from '../../pipeline/core/format.ts';
import type { ResultRow } from '../../pipeline/analyze/results.ts';
import { htmlTable, type TableRow } from '../../pipeline/report/blocks/data-table.ts';

const SECTIONS: Array<{ title: string; measures: Array<[string, string]> }> = [
  { title: 'Som i rapporten', measures: [['invited', 'Antall utsendte'], ['answered', 'Antall besvarte'], ['response_rate', 'Svarprosent (besvarte / utsendte)']] },
  {
    title: 'Utfall etter invitert gruppe',
    measures: [['bounced', 'Avviste e-postadresser'], ['absent', 'Fravær'], ['n_completed', 'Fullført'], ['n_partial', 'Delvis besvart (minst ett svar)'], ['n_broken_off', 'Avbrutt uten svar'], ['n_refused', 'Avslått'], ['n_no_reply', 'Ikke svart']],
  },
  {
    title: 'Andre svarprosenter',
    measures: [['net_response_rate', 'Netto svarprosent (besvarte / (utsendte − avviste − fravær))'], ['aapor_rr1', 'AAPOR RR1 (fullført / alle kvalifiserte)'], ['aapor_rr2', 'AAPOR RR2 (fullført og delvis / alle kvalifiserte)'], ['aapor_coop1', 'AAPOR COOP1 (fullført / alle kontaktede)'], ['aapor_coop2', 'AAPOR COOP2 (fullført og delvis / alle kontaktede)']],
  },
];

const COLUMN_ORDER = ['radmann', 'ordforer', 'annet', 'or_alle', 'enhetsleder_census', 'andre', 'kontor_alle'];

/** Groups as Tabell 2 and 4 print them: rådmann, ordfører, «annet», total; ledere, andre, total. */
export function byColumn(a: string, b: string): number {
  return (COLUMN_ORDER.indexOf(a) + 1 || 99) - (COLUMN_ORDER.indexOf(b) + 1 || 99);
}
const isPercent = (measure: string) => measure.endsWith('rate') || measure.startsWith('aapor');

export function dispositionTable(rows: ResultRow[]): string {
  const groups = [...new Map(rows.map((r) => [r.group_code, r.group_label])).entries()].sort((a, b) => byColumn(a[0], b[0]));
  const known = new Set(SECTIONS.flatMap((s) => s.measures.map(([m]) => m)));
  const other = [...new Set(rows.map((r) => r.measure).filter((m) => !known.has(m)))].map((m): [string, string] => [m, m]);
  const cell = (group: string, measure: string) => {
    const r = rows.find((x) => x.group_code === group && x.measure === measure);
    return r === undefined ? '·' : isPercent(measure) ? fmtPercent(r.value, 1) : fmtInt(r.value);
  };
  const body: TableRow[] = [...SECTIONS, ...(other.length ? [{ title: 'Annet', measures: other }] : [])].flatMap((s) => [
    { section: s.title },
    ...s.measures.filter(([m]) => rows.some((r) => r.measure === m)).map(([m, label]) => [label, ...groups.map(([g]) => cell(g, m))]),
  ]);
  return htmlTable({ header: ['', ...groups.map(([, l]) => l)], body }, { className: 'data disposition' });
}
