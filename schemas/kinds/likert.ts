/** Ordinal single choice (1..k plus "Vet ikke" = 9): mean and top-2 are meaningful. */
import { describeCodes, invalidCell, routingCheck, typedCode, valueSetOf } from './coded.ts';
import type { Kind } from './kind.ts';

export const likert: Kind = {
  sqlType: 'INTEGER',
  defaultMeasure: 'mean',
  typed: (v, ctx) => typedCode(ctx.cell(v.name), valueSetOf(v, ctx.codebook).codes.map((c) => c.code)),
  checks: (v, ctx) => {
    const set = valueSetOf(v, ctx.codebook);
    return [
      invalidCell(v, ctx, 'E_CODE_INVALID', describeCodes(set.codes.map((c) => c.code), set.dont_know), `Verdien er ikke en kode i svarskalaen ${set.id}.`),
      ...routingCheck(v, ctx),
    ];
  },
};
