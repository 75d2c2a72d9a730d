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

/** Column names of the check table: each cell beside its typed value. */
export const cellColumn = (name: string) => `cell:${name}`;
export const typedColumn = (name: string) => `typed:${name}`;

/**
 * The check table: every normalised cell and every typed value of a file, side by side, made in
 * one pass over the normalised table. The findings are then looked for with `checkTableContext`,
 * reading columns instead of repeating the typed expressions in every check (the check query of a
 * file shrinks from ~100 kB of SQL to a few, and DuckDB plans it in milliseconds).
 */
export function checkTableSelect(codebook: Codebook, ctx: KindContext, present: Set<string>): string {
  return [
    '_row',
    '_fields',
    ...[...present].map((name) => `${ident(name)} AS ${ident(cellColumn(name))}`),
    ...codebook.variables.map((v) => `CAST(${ctx.typed(v.name)} AS ${kinds[v.kind].sqlType}) AS ${ident(typedColumn(v.name))}`),
  ].join(',\n  ');
}

/** SELECT list of the typed rows, read from the check table. */
export function typedFromCheckTable(codebook: Codebook): string {
  return codebook.variables.map((v) => `${ident(typedColumn(v.name))} AS ${ident(v.name)}`).join(', ');
}

export function checkTableContext(codebook: Codebook, present: Set<string>, kommuneFrame: string | null, kontorFrame: string | null): KindContext {
  const names = new Set(codebook.variables.map((v) => v.name));
  return {
    codebook,
    kommuneFrame,
    kontorFrame,
    cell: (name) => (present.has(name) ? ident(cellColumn(name)) : 'CAST(NULL AS VARCHAR)'),
    typed: (name) => {
      if (!names.has(name)) throw new Error(`typed(): unknown variable ${name}`);
      return ident(typedColumn(name));
    },
  };
}

/** SELECT list that turns the normalised cells into typed columns named after the variables. */
export function typedSelect(codebook: Codebook, ctx: KindContext): string {
  return codebook.variables
    .map((v) => `CAST(${ctx.typed(v.name)} AS ${kinds[v.kind].sqlType}) AS ${ident(v.name)}`)
    .join(',\n  ');
}

export interface CheckPart {
  /** SQL condition of the finding. */
  when: string;
  /** The findings query of this one check. */
  sql: string;
  /** The variable and code it checks (labels.ts reads which coded columns failed to type). */
  variable?: string;
  code?: string;
}

/** Every present variable's checks, each as its condition and its findings query. */
export function rowCheckParts(codebook: Codebook, ctx: KindContext, present: Set<string>, from: string): CheckPart[] {
  return codebook.variables.filter((v) => present.has(v.name)).flatMap((v) => kinds[v.kind].checks(v, ctx).map((check) => ({ when: check.when, sql: checkSql(v, check, ctx, from), variable: v.name, code: check.code })));
}

function checkSql(v: Variable, check: CellCheck, ctx: KindContext, from: string): string {
  // Personal data never leaves as "found": free text is shown as [fjernet].
  const found = v.pii === 'none' ? (check.found ?? ctx.cell(v.name)) : `'${REDACTED}'`;
  return `SELECT _row, ${literal(v.name)} AS column_name, ${literal(check.code)} AS code, ${literal(check.severity)} AS severity, ${literal(check.expected)} AS expected, CAST(${found} AS VARCHAR) AS found, ${literal(check.message)} AS message FROM ${from} WHERE ${check.when}`;
}

