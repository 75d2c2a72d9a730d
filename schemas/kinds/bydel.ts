/** Oslo district number: six digits starting with 0301 (SSB bydelsnummer). */
import { invalidCell, routingCheck } from './coded.ts';
import type { Kind } from './kind.ts';

export const bydel: Kind = {
  sqlType: 'VARCHAR',
  defaultMeasure: 'none',
  typed: (v, ctx) => {
    const digits = `regexp_extract(${ctx.cell(v.name)}, '^([0-9]{5,6})([.,]0+)?$', 1)`;
    const padded = `lpad(${digits}, 6, '0')`;
    return `CASE WHEN ${digits} <> '' AND starts_with(${padded}, '0301') THEN ${padded} END`;
  },
  checks: (v, ctx) => [
    invalidCell(v, ctx, 'E_CODE_INVALID', 'sekssifret bydelsnummer som begynner med 0301', 'Bydelsnummeret er ugyldig.'),
    ...routingCheck(v, ctx),
  ],
};
