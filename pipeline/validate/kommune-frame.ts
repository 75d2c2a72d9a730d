/**
 * The valid kommuner of a wave (exports.md §2.3): those in its own sample file, and, where the
 * project bundles a list for the classification year, also in that list. Null when neither exists.
 */
import { bundledKommuner } from '../core/kommuner.ts';
import type { Db } from '../core/db.ts';
import { ident } from '../core/db.ts';

export async function createKommuneFrame(db: Db, name: string, sampleTable: string | null, year: number): Promise<string | null> {
  const list = bundledKommuner(year);
  if (!sampleTable && !list) return null;
  await db.run(`CREATE OR REPLACE TEMP TABLE ${ident(`${name}_list`)} (kommunenr VARCHAR)`);
  for (const k of list ?? []) await db.run(`INSERT INTO ${ident(`${name}_list`)} VALUES ($1)`, [k.kommunenr]);
  const fromSample = sampleTable ? `SELECT DISTINCT kommunenr FROM ${ident(sampleTable)} WHERE kommunenr IS NOT NULL` : null;
  const fromList = list ? `SELECT kommunenr FROM ${ident(`${name}_list`)}` : null;
  const sql = fromSample && fromList ? `${fromSample} INTERSECT ${fromList}` : (fromSample ?? fromList)!;
  await db.run(`CREATE OR REPLACE TEMP TABLE ${ident(name)} AS ${sql}`);
  return name;
}
