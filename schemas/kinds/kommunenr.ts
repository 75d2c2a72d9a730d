/**
 * Municipality number, 4 digits. Three digits (a leading zero lost in Excel or SPSS) are padded
 * with a warning; the number must be in the wave's own frame (the invited kommuner).
 */
import { invalidCell } from './coded.ts';
import type { Kind } from './kind.ts';

export const kommunenr: Kind = {
  sqlType: 'VARCHAR',
  defaultMeasure: 'none',
  typed: (v, ctx) => {
    const digits = `regexp_extract(${ctx.cell(v.name)}, '^([0-9]{3,4})([.,]0+)?$', 1)`;
    const padded = `CASE WHEN ${digits} <> '' THEN lpad(${digits}, 4, '0') END`;
    return ctx.kommuneFrame === null ? padded : `CASE WHEN ${padded} IN (SELECT kommunenr FROM ${ctx.kommuneFrame}) THEN ${padded} END`;
  },
  checks: (v, ctx) => [
    invalidCell(v, ctx, 'E_KOMMUNENR_INVALID', ctx.kommuneFrame === null ? 'firesifret kommunenummer' : 'firesifret kommunenummer som finnes i bølgens ramme (utvalgsfilen og eventuell kommuneliste)', 'Kommunenummeret er ugyldig eller finnes ikke blant de inviterte kommunene.'),
    {
      code: 'W_PADDED',
      severity: 'warning',
      when: `regexp_full_match(${ctx.cell(v.name)}, '[0-9]{3}([.,]0+)?') AND ${ctx.typed(v.name)} IS NOT NULL`,
      expected: 'fire sifre',
      message: 'Kommunenummeret hadde mistet en ledende null og er fylt ut til fire sifre.',
    },
  ],
};
