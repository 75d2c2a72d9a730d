/**
 * One 0/1 column per option of a multi-select question. An empty option counts as 0 when another
 * option of the same question is written in that row (vendors that write only ticks), and the
 * whole question is unanswered when all its options are empty (exports.md §2.3).
 */
import { invalidCell, numericCell, routingCheck } from './coded.ts';
import type { Kind, KindContext } from './kind.ts';
import type { Variable } from '../codebook.ts';

function siblings(v: Variable, ctx: KindContext): Variable[] {
  return ctx.codebook.variables.filter((o) => o.kind === 'multi' && o.question === v.question);
}

export const multi: Kind = {
  sqlType: 'INTEGER',
  defaultMeasure: 'pct_ticked',
  typed: (v, ctx) => {
    const cell = ctx.cell(v.name);
    const anyWritten = siblings(v, ctx).map((o) => `${ctx.cell(o.name)} IS NOT NULL`).join(' OR ');
    const num = numericCell(cell);
    return `CASE WHEN ${cell} IS NULL THEN CASE WHEN ${anyWritten} THEN 0 END WHEN ${num} = 1 THEN 1 WHEN ${num} = 0 THEN 0 END`;
  },
  checks: (v, ctx) => {
    const others = siblings(v, ctx).filter((o) => o.name !== v.name);
    const exclusive: ReturnType<Kind['checks']> = v.exclusive
      ? [
          {
            code: 'W_MULTI_EXCLUSIVE',
            severity: 'warning',
            when: `${ctx.typed(v.name)} = 1 AND (${others.map((o) => `coalesce(${ctx.typed(o.name)}, 0) = 1`).join(' OR ')})`,
            expected: 'ingen andre alternativer krysset av',
            message: `«${v.label}» utelukker de andre alternativene, men andre er også krysset av; raden beholdes og flagges.`,
          },
        ]
      : [];
    return [
      invalidCell(v, ctx, 'E_MULTI_VALUE', '1 (valgt), 0 (ikke valgt) eller tomt', 'Et flervalgsalternativ kan bare være 0 eller 1.'),
      ...exclusive,
      ...routingCheck(v, ctx),
    ];
  },
};
