/** DuckDB access: open, run parameterised SQL, read small results as plain JS values. */
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Db = DuckDBConnection;
export type Params = Record<string, DuckDBValue> | DuckDBValue[];

export interface OpenOptions {
  readOnly?: boolean;
  /**
   * DuckDB's memory limit (e.g. '512MB'), with its temporary files in `spillDir`: tables beyond
   * the limit go to disk instead of growing the process (the pipeline's work database).
   */
  memoryLimit?: string;
  spillDir?: string;
}

/** Opens a database; extensions are never downloaded (no network here or in CI). */
export async function openDb(path = ':memory:', options: OpenOptions = {}): Promise<{ db: Db; close: () => void }> {
  const settings: Record<string, string> = { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false', threads: '2' };
  if (options.readOnly) settings.access_mode = 'READ_ONLY';
  if (options.memoryLimit) settings.memory_limit = options.memoryLimit;
  if (options.spillDir) settings.temp_directory = options.spillDir;
  const instance = await DuckDBInstance.create(path, settings);
  const db = await instance.connect();
  return {
    db,
    close: () => {
      db.closeSync();
      instance.closeSync();
    },
  };
}

/** Quotes an identifier (table or column name); values are always bound as parameters instead. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Whether a table (or view) of this name exists in the database. */
export async function tableExists(db: Db, name: string): Promise<boolean> {
  const reader = await db.runAndReadAll(`SELECT count(*) FROM information_schema.tables WHERE table_name = $t`, { t: name } as never);
  return Number(reader.getRows()[0]?.[0] ?? 0) > 0;
}

/** Runs a query and returns rows as objects with BIGINT/HUGEINT turned into numbers. */
export async function all<T = Record<string, unknown>>(db: Db, sql: string, params?: Params): Promise<T[]> {
  const reader = params === undefined ? await db.runAndReadAll(sql) : await db.runAndReadAll(sql, params as never);
  return reader.getRowObjectsJS().map((row) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'bigint' ? Number(v) : v;
    return out as T;
  });
}

export async function run(db: Db, sql: string, params?: Params): Promise<void> {
  if (params === undefined) await db.run(sql);
  else await db.run(sql, params as never);
}

/**
 * Inserts rows of bound values into a table, many rows per statement (a statement per row costs
 * a millisecond each; a codebook has hundreds of rows).
 */
export async function insertRows(db: Db, table: string, rows: unknown[][], chunk = 500): Promise<void> {
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    let p = 0;
    const values = part.map((r) => `(${r.map(() => `$${++p}`).join(', ')})`).join(', ');
    await db.run(`INSERT INTO ${table} VALUES ${values}`, part.flat() as never);
  }
}

const SQL_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const sqlFiles = new Map<string, string>();

/** Reads a named SQL model, e.g. `sqlFile('analyze/sql/answer_counts.sql')` (once per process). */
export function sqlFile(relative: string): string {
  let text = sqlFiles.get(relative);
  if (text === undefined) sqlFiles.set(relative, (text = readFileSync(join(SQL_ROOT, relative), 'utf8')));
  return text;
}

/**
 * A literal for a codebook constant (a code or a routing value that zod already validated).
 * Data values from input files never go through here; they are bound as parameters.
 */
export function literal(value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`invalid SQL literal: ${value}`);
    return String(value);
  }
  return `'${value.replaceAll("'", "''")}'`;
}
