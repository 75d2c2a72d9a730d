/**
 * Turns the codebook's kinds into one SQL query over a normalised table that lists every finding
 * of every cell (file, row, column, code, expected, found), so that all problems of a file are
 * collected before anything is decided.
 */
import type { Codebook, Variable } from '../../schemas/codebook.ts';
import { kinds, type CellCheck, type KindContext } from '../../schemas/kinds/index.ts';
import { REDACTED } from '../core/issues.ts';
import { ident, literal } from '../core/db.ts';

export function kindContext(codebook: Codebook, present: Set<string>, kommuneFrame: string | null, kontorFrame: string | null = null): KindContext {
  const byName = new Map(codebook.variables.map((v) => [v.name, v]));
  const ctx: KindContext = {
    codebook,
    kommuneFrame,
    kontorFrame,
    cell: (name) => (present.has(name) ? ident(name) : 'CAST(NULL AS VARCHAR)'),
    typed: (name) => {
      const v = byName.get(name);
      if (!v) throw new Error(`typed(): unknown variable ${name}`);
      if (!present.has(name) && v.kind !== 'fylkesnr') return 'NULL';
      return `(${kinds[v.kind].typed(v, ctx)})`;
    },
  };
  return ctx;
}

/** SELECT list that turns the normalised cells into typed columns named after the variables. */
export function typedSelect(codebook: Codebook, ctx: KindContext): string {
  return codebook.variables
    .map((v) => `CAST(${ctx.typed(v.name)} AS ${kinds[v.kind].sqlType}) AS ${ident(v.name)}`)
    .join(',\n  ');
}

function checkSql(v: Variable, check: CellCheck, norm: string): string {
  // Personal data never leaves as "found": free text is shown as [fjernet].
  const found = v.pii === 'none' ? (check.found ?? ident(v.name)) : `'${REDACTED}'`;
  return `SELECT _row, ${literal(v.name)} AS column_name, ${literal(check.code)} AS code, ${literal(check.severity)} AS severity, ${literal(check.expected)} AS expected, CAST(${found} AS VARCHAR) AS found, ${literal(check.message)} AS message FROM ${ident(norm)} WHERE ${check.when}`;
}

/** One UNION ALL query over all present variables' checks; null when there is nothing to check. */
export function rowChecksSql(codebook: Codebook, ctx: KindContext, present: Set<string>, norm: string): string | null {
  const parts: string[] = [];
  for (const v of codebook.variables) {
    if (!present.has(v.name)) continue;
    for (const check of kinds[v.kind].checks(v, ctx)) parts.push(checkSql(v, check, norm));
  }
  return parts.length ? parts.join('\nUNION ALL\n') : null;
}
