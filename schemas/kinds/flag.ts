/**
 * A 0/1 flag that is not an answer (the office survey's sample memberships `utvalg_*`, exports.md
 * §3.4): 1, 0, `1.0` or `1,0`; empty is missing. Flags that disagree with the office frame are a
 * table-level rule (validate: E_FLAG_CONFLICT).
 */
import { invalidCell, typedCode } from './coded.ts';
import type { Kind } from './kind.ts';

export const flag: Kind = {
  sqlType: 'INTEGER',
  defaultMeasure: 'none',
  typed: (v, ctx) => typedCode(ctx.cell(v.name), [0, 1]),
  checks: (v, ctx) => [invalidCell(v, ctx, 'E_CODE_INVALID', '0 eller 1', 'Flagget må være 0 eller 1.')],
};
