/**
 * The analysis table of each survey, `fct_<survey>__responses` (grain: one row per response, as
 * `stg_<survey>__responses`), with the derived variables of schemas/derived.ts added as columns and
 * registered in `dim_variables`/`dim_codes` (kind `derived`), so that compare, trend, the figures
 * and the claims use them like answered items. Built once per analyze run.
 */
import { DERIVED, OFFICE_LEVEL, type DerivedCode } from '../../schemas/derived.ts';
import type { Db } from '../core/db.ts';
import { all, ident, insertRows } from '../core/db.ts';
import { clearCountsCache } from './counts.ts';
import { clearMetadataCache, wavesOf } from './metadata.ts';

async function registerVariable(db: Db, survey: string, waves: string[], v: { name: string; label: string; codes: DerivedCode[]; ordinal: boolean }, position: number): Promise<void> {
  const set = `D_${v.name.toUpperCase()}`;
  for (const wave of waves) {
    await db.run(`DELETE FROM dim_variables WHERE survey = $1 AND wave = $2 AND variable = $3`, [survey, wave, v.name]);
    await db.run(`DELETE FROM dim_codes WHERE survey = $1 AND wave = $2 AND value_set = $3`, [survey, wave, set]);
    await db.run(`INSERT INTO dim_variables VALUES ($1, $2, $3, 'derived', 'derived', $4, $5, NULL, NULL, false, 'none', '', 'reconstructed', $6, NULL, NULL, NULL, NULL, NULL)`, [survey, wave, v.name, v.label, set, position] as never);
    await insertRows(db, 'dim_codes', v.codes.map((c, i) => [survey, wave, set, c.code, c.label, false, v.ordinal, i]));
  }
}

export async function createAnalysisTables(db: Db, surveys: string[]): Promise<void> {
  for (const survey of surveys) {
    const stg = `stg_${survey}__responses`;
    const columns = new Set((await all<{ column_name: string }>(db, `SELECT column_name FROM information_schema.columns WHERE table_name = $t`, { t: stg })).map((c) => c.column_name));
    if (columns.size === 0) continue;
    const variables = await all<{ variable: string; kind: string; is_exclusive: boolean }>(db, `SELECT DISTINCT variable, kind, is_exclusive FROM dim_variables WHERE survey = $s AND kind <> 'derived'`, { s: survey });
    const ctx = {
      has: (v: string) => columns.has(v),
      options: (prefix: string) => {
        const multi = variables.filter((x) => x.kind === 'multi' && x.variable.startsWith(prefix) && columns.has(x.variable)).map((x) => x.variable).sort();
        return { counted: multi.filter((m) => !variables.some((x) => x.variable === m && x.is_exclusive)), exclusive: multi.filter((m) => variables.some((x) => x.variable === m && x.is_exclusive)) };
      },
    };
    const defs = (DERIVED[survey] ?? []).map((d) => ({ d, sql: d.sql(ctx) })).filter((x) => x.sql !== null);
    const rowLevel = defs.filter((x) => x.d.level === 'row');
    const waveLevel = defs.filter((x) => x.d.level === 'wave');
    const select = (items: typeof defs) => items.map((x) => `, ${x.sql} AS ${ident(x.d.name)}`).join('');
    const fromRow = `(SELECT *${select(rowLevel)} FROM ${ident(stg)})`;
    const fromWave = `(SELECT *${select(waveLevel)} FROM ${fromRow})`;
    const derivedNames = new Set(defs.map((x) => x.d.name));
    const office = (OFFICE_LEVEL[survey] ?? []).filter((o) => derivedNames.has(o.from) && derivedNames.has('kontor_leder'));
    const officeSelect = office.map((o) => `, max(CASE WHEN kontor_leder = 1 THEN ${ident(o.from)} END) OVER (PARTITION BY wave, kontor_id) AS ${ident(o.name)}`).join('');
    await db.run(`CREATE OR REPLACE TABLE ${ident(`fct_${survey}__responses`)} AS SELECT *${officeSelect} FROM ${fromWave} ORDER BY wave, _file, _row`);
    const waves = await wavesOf(db, survey);
    let position = 10_000;
    for (const { d } of defs) await registerVariable(db, survey, waves, d, position++);
    for (const o of office) await registerVariable(db, survey, waves, o, position++);
  }
  clearMetadataCache(db);
  clearCountsCache(db);
}
