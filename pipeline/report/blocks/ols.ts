/** `ols`: Tabell 1, the regression table is the figure. */
import { regressionTable } from '../../../notebooks/components/regression-table.ts';
import { fmtInt } from '../../core/format.ts';
import type { Block } from './types.ts';

export const olsBlock: Block = ({ rows, labels }) => {
  const f = rows.find((r) => r.test === 'ols_f');
  return {
    chart: '',
    table: { html: regressionTable(rows, labels) },
    nLine: `n = ${fmtInt(f?.n)} med svar på begge spørsmålene`,
    denominator: '«Vet ikke» og ubesvart er holdt utenfor (listevis).',
    notes: [],
    shown: rows,
  };
};
