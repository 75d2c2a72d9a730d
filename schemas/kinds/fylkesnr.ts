/** County number: always derived from `kommunenr`; a written value that disagrees is flagged. */
import type { Kind } from './kind.ts';

export const fylkesnr: Kind = {
  sqlType: 'VARCHAR',
  defaultMeasure: 'none',
  typed: (_v, ctx) => `left(${ctx.typed('kommunenr')}, 2)`,
  checks: (v, ctx) => [
    {
      code: 'W_FYLKE_MISMATCH',
      severity: 'warning',
      when: `${ctx.cell(v.name)} IS NOT NULL AND ${ctx.typed('kommunenr')} IS NOT NULL AND lpad(${ctx.cell(v.name)}, 2, '0') <> left(${ctx.typed('kommunenr')}, 2)`,
      expected: 'de to første sifrene i kommunenummeret',
      message: 'Fylkesnummeret stemmer ikke med kommunenummeret; verdien avledet fra kommunenummeret brukes.',
    },
  ],
};
