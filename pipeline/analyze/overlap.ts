/**
 * Units that answered in both of a survey's last two waves, found through the crosswalks
 * (stg_crosswalk__kommuner / __kontor: earlier number → later number, merged units included):
 * kommuner by the role that answered (ordfører/rådmann survey), offices with any respondent
 * (office survey). Without a crosswalk row for a unit its number is taken as unchanged. These
 * are the units a paired comparison could use; the wave-over-wave tests in the figures treat the
 * two waves as independent samples and say so.
 */
import type { Db } from '../core/db.ts';
import { all } from '../core/db.ts';
import { wavesOf } from './metadata.ts';
import { EMPTY_RESULT, type ResultRow } from './results.ts';
import { hasCrosswalk, laterUnitSql, UNITS } from './units.ts';

export const OVERLAP_FIGURE = 'P1';

const GROUPS: Record<string, Array<{ code: string; label: string; where: string }>> = {
  ordforer_radmann: [{ code: 'ordforer', label: 'Kommuner der ordføreren svarte', where: 'rolle = 1' }, { code: 'radmann', label: 'Kommuner der rådmannen svarte', where: 'rolle = 2' }, { code: 'alle', label: 'Kommuner med minst ett svar', where: 'true' }],
  kontor: [{ code: 'alle', label: 'Kontorer med minst ett svar', where: 'true' }],
};

export async function overlapRows(db: Db): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const [survey, u] of Object.entries(UNITS)) {
    const waves = await wavesOf(db, survey);
    if (waves.length < 2) continue;
    const [earlier, later] = [waves.at(-2)!, waves.at(-1)!];
    const withCrosswalk = await hasCrosswalk(db, u);
    // Earlier units in the later numbering (the crosswalk's, else the same number).
    const mapped = laterUnitSql(u, withCrosswalk);
    for (const g of GROUPS[survey]!) {
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
