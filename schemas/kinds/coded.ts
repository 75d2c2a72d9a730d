/** Shared pieces of the coded kinds (likert, categorical): numeric cells such as `3`, `3.0`, `3,0`. */
import { literal } from '../../pipeline/core/db.ts';
import type { Codebook, Variable } from '../codebook.ts';
import type { CellCheck, KindContext } from './kind.ts';

/** The error for a written cell that the kind cannot parse (the typed value is NULL). */
export function invalidCell(v: Variable, ctx: KindContext, code: CellCheck['code'], expected: string, message: string): CellCheck {
  return { code, severity: 'error', when: `${ctx.cell(v.name)} IS NOT NULL AND ${ctx.typed(v.name)} IS NULL`, expected, message };
}

export function numericCell(cell: string): string {
  return `try_cast(replace(${cell}, ',', '.') AS DOUBLE)`;
}

export function valueSetOf(v: Variable, codebook: Codebook) {
  const set = codebook.value_sets.find((s) => s.id === v.value_set);
  if (!set) throw new Error(`variable ${v.name}: unknown value set ${v.value_set}`);
  return set;
}

/** «kode 1–5 eller 9» style description of a value set, for messages. */
export function describeCodes(codes: number[], dontKnow?: number): string {
  const substantive = codes.filter((c) => c !== dontKnow).sort((a, b) => a - b);
  const contiguous = substantive.every((c, i) => i === 0 || c === (substantive[i - 1] as number) + 1);
  const range = contiguous && substantive.length > 2 ? `${substantive[0]}–${substantive.at(-1)}` : substantive.join(', ');
  return dontKnow === undefined ? `kode ${range}` : `kode ${range} eller ${dontKnow}`;
}

/**
 * Membership in a constant list. `list_contains`, not `IN (…)`: DuckDB turns long IN lists into a
 * join per column, and a file with a hundred coded columns then takes ~100 ms to plan.
 */
export function inList(expr: string, values: Array<string | number>): string {
  return `list_contains([${values.map(literal).join(', ')}], ${expr})`;
}

export function typedCode(cell: string, codes: number[]): string {
  const num = numericCell(cell);
  return `CASE WHEN ${inList(num, codes)} THEN CAST(${num} AS INTEGER) END`;
}

/** W_ROUTING: an answer where the routing rule says the question was not asked. */
export function routingCheck(v: Variable, ctx: KindContext): CellCheck[] {
  if (!v.asked_if) return [];
  const rule = v.asked_if;
  return [
    {
      code: 'W_ROUTING',
      severity: 'warning',
      when: `${ctx.typed(v.name)} IS NOT NULL AND coalesce(${inList(ctx.typed(rule.variable), rule.in)}, false) = false`,
      expected: `tomt felt (spørsmålet stilles bare når ${rule.variable} er ${rule.in.join(' eller ')})`,
      message: `Svar der rutingen sier at spørsmålet ikke ble stilt; verdien beholdes, men analysene bruker bare dem som fikk spørsmålet.`,
    },
  ];
}
