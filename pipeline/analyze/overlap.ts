/**
 * Units that answered in both of a survey's last two waves, found through the crosswalks
 * (stg_crosswalk__kommuner / __kontor: earlier number → later number, merged units included):
 * kommuner by the role that answered (ordfører/rådmann survey), offices with any respondent
 * (office survey). Without a crosswalk row for a unit its number is taken as unchanged. These
 * are the units a paired comparison could use; the wave-over-wave tests in the figures treat the
 * two waves as independent samples and say so.
 */
import type { Db } from '../core/db.ts';
import { all, ident, tableExists } from '../core/db.ts';
import { GROUPS } from '../../schemas/groups.ts';
import { wavesOf } from './metadata.ts';
import { EMPTY_RESULT, type ResultRow } from './results.ts';
import { laterUnitSql, UNITS } from './units.ts';

export const OVERLAP_FIGURE = 'P1';

/** Per survey, the groups (schemas/groups.ts) whose units are counted; null = any respondent. */
const COUNTED: Record<string, Array<string | null>> = { ordforer_radmann: ['ordforer', 'radmann', null], kontor: [null] };

function countedGroup(survey: string, unitName: string, code: string | null): { code: string; label: string; where: string } {
  const units = unitName.charAt(0).toUpperCase() + unitName.slice(1);
  const g = code === null ? undefined : GROUPS.find((x) => x.survey === survey && x.code === code);
  if (!g?.variable) return { code: 'alle', label: `${units} med minst ett svar`, where: 'true' };
  return { code: g.code, label: `${units} med svar fra ${g.label.toLowerCase()}`, where: `${ident(g.variable)} IN (${g.codes.join(', ')})` };
}

export async function overlapRows(db: Db): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const [survey, u] of Object.entries(UNITS)) {
    const waves = await wavesOf(db, survey);
    if (waves.length < 2) continue;
    const [earlier, later] = [waves.at(-2)!, waves.at(-1)!];
    const withCrosswalk = await tableExists(db, u.crosswalk);
    // Earlier units in the later numbering (the crosswalk's, else the same number).
    const mapped = laterUnitSql(u, withCrosswalk);
    for (const g of (COUNTED[survey] ?? [null]).map((code) => countedGroup(survey, u.name, code))) {
      const [c] = await all<{ previous: number; newest: number; both: number; source: string | null }>(
        db,
        `WITH a AS (SELECT DISTINCT ${mapped} AS unit FROM stg_${survey}__responses r WHERE wave = $earlier AND ${g.where} AND r.${u.column} IS NOT NULL),
              b AS (SELECT DISTINCT r.${u.column} AS unit FROM stg_${survey}__responses r WHERE wave = $later AND ${g.where} AND r.${u.column} IS NOT NULL)
         SELECT (SELECT count(*) FROM a)::INTEGER AS previous, (SELECT count(*) FROM b)::INTEGER AS newest, (SELECT count(*) FROM a JOIN b USING (unit))::INTEGER AS both,
                ${withCrosswalk ? `(SELECT min(source) FROM ${u.crosswalk} WHERE ${u.fromWave} = $earlier AND ${u.toWave} = $later)` : 'NULL'} AS source`,
        { earlier, later },
      );
      const base = { ...EMPTY_RESULT, figure_id: OVERLAP_FIGURE, survey, wave: later, variable: u.column, group_code: g.code, group_label: g.label, source_model: `stg_${survey}__responses + ${withCrosswalk ? u.crosswalk : 'samme nummer'}`, comparison: `${earlier} → ${later}`, note: c!.source ? `kobling: ${c!.source}` : 'ingen koblingstabell: samme nummer i begge bølger' };
      for (const [measure, value] of [['units_previous', c!.previous], ['units_newest', c!.newest], ['units_both', c!.both]] as const) {
        rows.push({ ...base, result_id: `${OVERLAP_FIGURE}/${later}/${survey}/${g.code}/${measure}`, measure, value, n: value });
      }
    }
  }
  return rows;
}
