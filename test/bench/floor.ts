/**
 * The floor: DuckDB's bare `read_csv` (auto-detection, default options) of every CSV file of a raw
 * folder into an in-memory table, in a fresh process. Prints `{ "ms": …, "rows": … }`.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function csvFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return csvFiles(path);
    return name.endsWith('.csv') && name !== 'column_map.csv' ? [path] : [];
  });
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: floor.ts RAW_DIR');
const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
const start = performance.now();
let rows = 0;
for (const [i, file] of csvFiles(dir).entries()) {
  await con.run(`CREATE TABLE t${i} AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}')`);
  const count = await con.runAndReadAll(`SELECT count(*) FROM t${i}`);
  rows += Number(count.getRows()[0]![0]);
}
console.log(JSON.stringify({ ms: performance.now() - start, rows }));
con.closeSync();
instance.closeSync();
