/** `disposition`: Tabell 2 and 4, invited, answered and response rates; the table is the figure. */
import { byColumn, dispositionTable } from '../../../notebooks/components/disposition-table.ts';
import { fmtInt } from '../../core/format.ts';
import type { Block } from './types.ts';

export const dispositionBlock: Block = ({ rows }) => {
  const invited = rows.filter((r) => r.measure === 'invited').sort((a, b) => byColumn(a.group_code, b.group_code));
  const answered = rows.filter((r) => r.measure === 'answered' && r.note).sort((a, b) => byColumn(a.group_code, b.group_code));
  return {
    chart: '',
    table: { html: dispositionTable(rows) },
    nLine: `Utsendte: ${invited.map((r) => `${r.group_label} ${fmtInt(r.value)}`).join(' · ')}`,
    denominator: 'Rapportens svarprosent er besvarte / utsendte, med avviste adresser og fravær i nevneren; AAPOR-ratene regnes etter invitert gruppe.',
    notes: answered.length ? [`Antall besvarte: ${answered.map((r) => `${r.group_label} ${r.note}`).join('; ')}.`] : [],
    shown: rows,
  };
};
