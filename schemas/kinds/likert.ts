/** Ordinal single choice (1..k plus "Vet ikke" = 9): mean and top-2 are meaningful. */
import { describeCodes, routingCheck, typedCode, valueSetOf } from './coded.ts';
import type { Kind } from './kind.ts';

export const likert: Kind = {
  sqlType: 'INTEGER',
  defaultMeasure: 'mean',
  typed: (v, ctx) => typedCode(ctx.cell(v.name), valueSetOf(v, ctx.codebook).codes.map((c) => c.code)),
  checks: (v, ctx) => {
    const set = valueSetOf(v, ctx.codebook);
    return [
      {
        code: 'E_CODE_INVALID',
        severity: 'error',
        when: `${ctx.cell(v.name)} IS NOT NULL AND ${ctx.typed(v.name)} IS NULL`,
        expected: describeCodes(set.codes.map((c) => c.code), set.dont_know),
        message: `Verdien er ikke en kode i svarskalaen ${set.id}.`,
      },
      ...routingCheck(v, ctx),
    ];
  },
};
