/**
 * The valid kommuner of a wave (exports.md §2.3): those in its own sample file and office frame
 * (host kommuner and the kommuner each office covers), and, where the project bundles a list for
 * the classification year, also in that list. Null when none of them exists.
 */
import { bundledKommuner } from '../core/kommuner.ts';
import type { Db } from '../core/db.ts';
import { ident, insertRows } from '../core/db.ts';

export async function createKommuneFrame(db: Db, name: string, tables: Array<string | null>, year: number): Promise<string | null> {
  const list = bundledKommuner(year);
  const own = tables.filter((t): t is string => t !== null);
  if (own.length === 0 && !list) return null;
  await db.run(`CREATE OR REPLACE TEMP TABLE ${ident(`${name}_list`)} (kommunenr VARCHAR)`);
  await insertRows(db, ident(`${name}_list`), (list ?? []).map((k) => [k.kommunenr]));
  const fromOwn = await Promise.all(own.map(async (t) => {
    const cols = (await db.runAndReadAll(`SELECT column_name FROM (DESCRIBE ${ident(t)})`)).getRows().map((r) => String(r[0]));
    const covered = cols.includes('kommuner_dekket') ? ` UNION SELECT unnest(string_split(kommuner_dekket, ';')) FROM ${ident(t)} WHERE kommuner_dekket IS NOT NULL` : '';
    return `SELECT kommunenr FROM ${ident(t)} WHERE kommunenr IS NOT NULL${covered}`;
  }));
  const ownSql = fromOwn.length ? `SELECT DISTINCT kommunenr FROM (${fromOwn.join(' UNION ')})` : null;
  const fromList = list ? `SELECT kommunenr FROM ${ident(`${name}_list`)}` : null;
  const sql = ownSql && fromList ? `${ownSql} INTERSECT ${fromList}` : (ownSql ?? fromList)!;
  await db.run(`CREATE OR REPLACE TEMP TABLE ${ident(name)} AS ${sql}`);
  return name;
}
